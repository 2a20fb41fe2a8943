//! What looking back searches: the parts of a meeting record a teacher remembers a word from,
//! and the question a search asks. Pure rules; the index that answers lives in the store.

use chrono::NaiveDate;

use super::guide::{KeyId, Moment};
use super::placement::{Placement, folded};
use super::prep_question::Preparation;
use super::preparation::Preparer;
use super::record::MeetingRecord;

/// Where in a meeting a text stands, so a search result can open the record at that place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The placement itself: its student, company, trainer, teacher and programme, so a
    /// name finds the placement.
    Placement,
    Key(KeyId),
    Agreements,
    /// The teacher's own: private notes and a concern. Never in anything shared.
    Private,
    Preparation(Preparer),
}

impl Part {
    pub const fn code(self) -> &'static str {
        match self {
            Self::Placement => "placement",
            Self::Key(key) => key.code(),
            Self::Agreements => "agreements",
            Self::Private => "private",
            Self::Preparation(Preparer::Trainer) => "trainer_preparation",
            Self::Preparation(Preparer::Student) => "student_preparation",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        KeyId::ALL
            .into_iter()
            .map(Self::Key)
            .chain([
                Self::Placement,
                Self::Agreements,
                Self::Private,
                Self::Preparation(Preparer::Trainer),
                Self::Preparation(Preparer::Student),
            ])
            .find(|p| p.code() == code)
    }
}

/// The searchable text of a record, part by part; empty parts are left out.
pub fn record_texts(record: &MeetingRecord) -> Vec<(Part, String)> {
    let mut parts = Vec::new();
    for key in KeyId::ALL {
        let capture = record.keys.get(key);
        let text = std::iter::once(capture.notes.as_str())
            .chain(capture.examples.iter().map(|e| e.text.as_str()))
            .collect::<Vec<_>>();
        parts.push((Part::Key(key), joined(&text)));
    }
    let agreements: Vec<&str> = record
        .agreements
        .iter()
        .flat_map(|a| [a.what.as_str(), a.note.as_str()])
        .collect();
    parts.push((Part::Agreements, joined(&agreements)));
    let concern = record.concern.as_ref().map_or("", |c| c.note.as_str());
    parts.push((
        Part::Private,
        joined(&[record.private_notes.as_str(), concern]),
    ));
    for (by, prepared) in record.preparations() {
        parts.push((Part::Preparation(by), preparation_text(prepared)));
    }
    parts.retain(|(_, text)| !text.is_empty());
    parts
}

/// The names a placement is known by, as one text.
pub fn placement_text(placement: &Placement) -> String {
    joined(&[
        &placement.student,
        &placement.company,
        &placement.trainer,
        &placement.teacher,
        &placement.programme,
    ])
}

/// The answers of a preparation as one text.
pub fn preparation_text(preparation: &Preparation) -> String {
    let answers: Vec<&str> = preparation
        .answers
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    joined(&answers)
}

fn joined(texts: &[&str]) -> String {
    texts
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A placement flag a search can be narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// The next meeting is past its date.
    Late,
    /// A concern was noted.
    Concern,
    /// No meeting on site yet while the last chance is near (see `on_site_at_risk`).
    NoVisitYet,
}

/// What a teacher looks for: words remembered from a record, narrowed by filters. Words find
/// their longer forms ("plan" finds "planning"); case and accents do not matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub words: String,
    pub moment: Option<Moment>,
    /// Part of the company's name.
    pub company: Option<String>,
    /// Part of the teacher's name.
    pub teacher: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub flags: Vec<Flag>,
}

impl SearchQuery {
    pub fn words(words: &str) -> Self {
        Self {
            words: words.to_string(),
            ..Self::default()
        }
    }

    /// The words as a full-text expression: every word must occur, each as the start of a
    /// word in the text. None when there is no word to look for.
    pub fn match_expression(&self) -> Option<String> {
        let terms: Vec<String> = search_words(&self.words)
            .into_iter()
            .map(|w| format!("\"{w}\"*"))
            .collect();
        (!terms.is_empty()).then(|| terms.join(" "))
    }
}

/// Before and after a match in a snippet: `MARK_START` and `MARK_END`. Control characters
/// never stand in stored text, so they cannot be confused with it.
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

/// About `width` words of `body` around the first place a search word matches (a word that
/// starts with one of `words`, compared folded), each match between `MARK_START` and
/// `MARK_END`; `…` where the text goes on. The start of the text when nothing matches.
pub fn snippet(body: &str, words: &[String], width: usize) -> String {
    // Words with their byte ranges in `body`, so the original text is cut, not a folded copy.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, body.len()));
    }
    let hits: Vec<bool> = spans
        .iter()
        .map(|&(s, e)| {
            let word = folded(&body[s..e]);
            words.iter().any(|w| word.starts_with(w.as_str()))
        })
        .collect();
    let first = hits.iter().position(|h| *h).unwrap_or(0);
    let from = first.saturating_sub(width / 3);
    let to = (from + width).min(spans.len());
    let (Some(&(cut_start, _)), Some(&(_, cut_end))) = (spans.get(from), spans.get(to.max(1) - 1))
    else {
        return String::new();
    };
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = cut_start;
    for (n, &(s, e)) in spans.iter().enumerate().take(to).skip(from) {
        // A snippet is one line: line breaks and runs of spaces between words are one space.
        for c in body[at..s].chars() {
            if !c.is_whitespace() {
                out.push(c);
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        }
        if hits[n] {
            out.push(MARK_START);
            out.push_str(&body[s..e]);
            out.push(MARK_END);
        } else {
            out.push_str(&body[s..e]);
        }
        at = e;
    }
    debug_assert_eq!(at, cut_end);
    if to < spans.len() {
        out.push('…');
    }
    out
}

/// Whether `body` holds a word that starts with one of `words` (compared folded).
pub fn mentions(body: &str, words: &[String]) -> bool {
    folded(body)
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| words.iter().any(|w| word.starts_with(w.as_str())))
}

/// The words of a search, folded (lowercase, no accents), without anything that is not part
/// of a word, so no typed character can change the meaning of the expression.
pub fn search_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in folded(text).split(|c: char| !c.is_alphanumeric()) {
        // The same word twice says nothing more, and a pasted page is not a search: the
        // first words are enough to find it.
        if !word.is_empty() && !words.iter().any(|w| w == word) && words.len() < MOST_WORDS {
            words.push(word.to_string());
        }
    }
    words
}

/// How many different words a search looks for at most.
const MOST_WORDS: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_occur_as_the_start_of_a_word() {
        let q = SearchQuery::words("Café  plan");
        assert_eq!(q.match_expression().as_deref(), Some("\"cafe\"* \"plan\"*"));
    }

    #[test]
    fn typed_operators_and_quotes_are_only_text() {
        let q = SearchQuery::words("\"kassa\" OR NOT* (x) -y ^z :w");
        assert_eq!(
            q.match_expression().as_deref(),
            Some("\"kassa\"* \"or\"* \"not\"* \"x\"* \"y\"* \"z\"* \"w\"*")
        );
        assert_eq!(SearchQuery::words(" *\"-^ ").match_expression(), None);
    }

    #[test]
    fn a_snippet_shows_the_words_around_the_first_match_marked() {
        let words = search_words("cafe PLAN");
        let body = "Een lange aanloop van woorden die er niet toe doen. \
                    Het Café maakt een planning voor de week, en de plannen gaan door.";
        let s = snippet(body, &words, 8);
        assert_eq!(
            s,
            "…doen. Het \u{2}Café\u{3} maakt een \u{2}planning\u{3} voor de…"
        );
        // Nothing matched: the start of the text.
        assert_eq!(
            snippet("Kort en goed.", &search_words("xyz"), 12),
            "Kort en goed"
        );
        assert_eq!(snippet("", &words, 12), "");
        // One line, whatever breaks the note had.
        assert_eq!(
            snippet(
                "Eerste regel.\n\n  Tweede  regel.",
                &search_words("tweede"),
                12
            ),
            format!("Eerste regel. {MARK_START}Tweede{MARK_END} regel")
        );
        // Multi-byte letters are cut on their edges.
        assert_eq!(
            snippet("Zoë Çelik!", &search_words("celik"), 12),
            "Zoë \u{2}Çelik\u{3}"
        );
    }

    #[test]
    fn parts_have_codes_that_read_back() {
        for part in [
            Part::Placement,
            Part::Key(KeyId::TrainerJudgement),
            Part::Agreements,
            Part::Private,
            Part::Preparation(Preparer::Student),
        ] {
            assert_eq!(Part::from_code(part.code()), Some(part));
        }
    }
}
