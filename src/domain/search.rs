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
    for (by, prepared) in [
        (Preparer::Trainer, &record.trainer_preparation),
        (Preparer::Student, &record.student_preparation),
    ] {
        if let Some(prepared) = prepared {
            parts.push((Part::Preparation(by), preparation_text(prepared)));
        }
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

/// The words of a search, folded (lowercase, no accents), without anything that is not part
/// of a word, so no typed character can change the meaning of the expression.
pub fn search_words(text: &str) -> Vec<String> {
    folded(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

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
