//! Reading a filled preparation form back, from whatever a mail program or word processor
//! made of it. Pure: text in, a `Reply` or a `ReplyProblem` out; storing is the store's job.
//!
//! Forgiving of: CRLF and lone CR, `>` and `> >` quoting, question lines wrapped over two or
//! three lines, numbering changed to `1)`, non-breaking spaces and tabs, blank lines, text
//! before the form (a top-posted reply, mail headers) and after it (a signature `-- `, the
//! quoted original), an answer typed on the question's own line, and questions in the other
//! language than the form's. When a reply holds the form twice (filled at the top, the
//! original quoted below), the first one with an answer counts.
//!
//! Strict about: the identification line (placement id, moment and preparer must all be
//! readable), a form with nothing answered, and (with `parse_reply_for`) the moment.

use crate::domain::placement::safe_id;
use crate::domain::prep_question::means_nothing;
use crate::domain::preparation::{Prepared, Preparer, Reply, ReplyProblem};
use crate::domain::text::without_controls;
use crate::domain::{Answer, Lang, Moment, PrepQuestion, Preparation};
use crate::i18n::LangExt as _;

use super::prep_form::{PROGRAM, RULE};

/// Reads a reply holding a filled form.
pub fn parse_reply(text: &str) -> Result<Reply, ReplyProblem> {
    parse_reply_for(text, None)
}

/// Reads a reply holding a filled form for `moment`, when the caller knows which meeting it
/// expects: a form for another moment is refused.
pub fn parse_reply_for(text: &str, moment: Option<Moment>) -> Result<Reply, ReplyProblem> {
    if text.contains('\0') {
        return Err(ReplyProblem::NotText);
    }
    let lines = clean_lines(text);
    let mut found_form = false;
    let mut bad_identification = false;
    let mut start = 0;
    while let Some((at, identified)) = next_identification(&lines, start) {
        start = at + 1;
        let Some((id, form_moment, by, label_lang)) = identified else {
            bad_identification = true;
            continue;
        };
        found_form = true;
        let region = region(&lines, start);
        let Some((prepared, language, replaced)) =
            read_answers(region, form_moment, by, label_lang)
        else {
            continue;
        };
        if let Some(asked) = moment
            && asked != form_moment
        {
            return Err(ReplyProblem::OtherMoment {
                asked,
                found: form_moment,
            });
        }
        return Ok(Reply {
            placement: id,
            moment: form_moment,
            by,
            prepared,
            language,
            replaced,
        });
    }
    Err(if found_form {
        ReplyProblem::NothingAnswered
    } else if bad_identification {
        ReplyProblem::BadIdentification
    } else {
        ReplyProblem::NotAForm
    })
}

/// The lines as a person sees them: line ends unified, quoting and odd spaces taken out,
/// trailing space gone.
fn clean_lines(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.split('\n')
        .map(|line| {
            let line: String = line
                .chars()
                .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
                .map(|c| {
                    if c == '\t' || (c.is_whitespace() && c != '\n') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            let mut rest = line.trim_start();
            while let Some(after) = rest.strip_prefix('>') {
                rest = after.trim_start();
            }
            rest.trim_end().to_string()
        })
        .collect()
}

type Identified = (String, Moment, Preparer, Lang);

/// The next identification line from `start`: its index, and what it names when readable.
/// A line wrapped by a mail program is joined with the next ones until it is whole.
fn next_identification(lines: &[String], start: usize) -> Option<(usize, Option<Identified>)> {
    (start..lines.len()).find_map(|i| {
        let (rest, lang) = identification_rest(&lines[i])?;
        let mut rest = rest.to_string();
        let complete = |r: &str| {
            r.matches('/').count() >= 2
                && r.rsplit('/').next().is_some_and(|p| !p.trim().is_empty())
        };
        for next in lines.iter().skip(i + 1).take(3) {
            if complete(&rest) || next.is_empty() {
                break;
            }
            rest.push(' ');
            rest.push_str(next);
        }
        Some((i, read_identification(&rest, lang)))
    })
}

/// The part after `Formulier:` or `Form:`, with the language of the label.
fn identification_rest(line: &str) -> Option<(&str, Lang)> {
    [Lang::Nl, Lang::En].into_iter().find_map(|lang| {
        let label = lang.texts().prep_form_label;
        let head = line.get(..label.len())?;
        let rest = line[label.len()..].strip_prefix(':')?;
        head.eq_ignore_ascii_case(label).then_some((rest, lang))
    })
}

fn read_identification(rest: &str, lang: Lang) -> Option<Identified> {
    let parts: Vec<&str> = rest.split('/').map(str::trim).collect();
    let [id, moment, by] = parts.as_slice() else {
        return None;
    };
    // A mail program may have wrapped the id itself; the id never holds spaces.
    let id: String = id.split_whitespace().collect();
    if id.is_empty() || safe_id(&id) != id {
        return None;
    }
    Some((
        id,
        Moment::from_name(moment)?,
        Preparer::from_name(by)?,
        lang,
    ))
}

/// The lines of one form after its identification line, up to its end marker, or where a
/// reply plainly goes on with something else.
fn region(lines: &[String], start: usize) -> &[String] {
    let end = (start..lines.len())
        .find(|&i| ends_form(&lines[i]))
        .unwrap_or(lines.len());
    &lines[start..end]
}

fn ends_form(line: &str) -> bool {
    let lower = line.to_lowercase();
    let is_marker = lower.starts_with(RULE) && lower.contains(PROGRAM);
    let signature = line == "--";
    let rule_of = |c: char| line.len() >= 5 && line.chars().all(|x| x == c);
    let separator = lower.starts_with("-----")
        && [
            "original",
            "oorspronkelijk",
            "origineel",
            "forwarded",
            "doorgestuurd",
        ]
        .iter()
        .any(|w| lower.contains(w));
    let quote_header = (lower.starts_with("on ") && lower.ends_with("wrote:"))
        || (lower.starts_with("op ") && lower.ends_with("schreef:"))
        || (lower.starts_with("op ") && lower.ends_with("het volgende geschreven:"));
    is_marker
        || signature
        || rule_of('_')
        || separator
        || quote_header
        || identification_rest(line).is_some()
}

/// The questions a reply to `by`'s form for `moment` may hold: that form's, and those of the
/// one form an earlier version sent for every moment, so a reply to an old e-mail still
/// reads.
fn questions(moment: Moment, by: Preparer) -> Vec<PrepQuestion> {
    let mut all = PrepQuestion::form(moment, by).to_vec();
    for q in PrepQuestion::earlier_form(by) {
        if !all.contains(q) {
            all.push(*q);
        }
    }
    all
}

/// The answers under each question of `by`'s form, in either language; `None` when nothing
/// was answered. The language is that of most questions found, else the label's. Control
/// characters never reach an answer: they are replaced visibly and counted.
fn read_answers(
    region: &[String],
    moment: Moment,
    by: Preparer,
    label_lang: Lang,
) -> Option<(Prepared, Lang, usize)> {
    let questions = questions(moment, by);
    let mut found: Vec<(PrepQuestion, Lang, usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < region.len() {
        match match_question(region, i, &questions, by) {
            Some((question, lang, used, rest)) => {
                found.push((question, lang, i, i + used, rest));
                i += used;
            }
            None => i += 1,
        }
    }
    let mut answers: Vec<Answer> = Vec::new();
    let mut replaced = 0;
    for (n, (question, _, _, answer_start, first)) in found.iter().enumerate() {
        let end = found.get(n + 1).map_or(region.len(), |next| next.2);
        let mut lines: Vec<&str> = Vec::new();
        if !first.is_empty() {
            lines.push(first);
        }
        lines.extend(region[*answer_start..end].iter().map(String::as_str));
        let (answer, n) = without_controls(&join_answer(&lines));
        if !means_nothing(*question, &answer) && !answers.iter().any(|a| a.question == *question) {
            replaced += n;
            answers.push(Answer {
                question: *question,
                text: answer,
            });
        }
    }
    if answers.is_empty() {
        return None;
    }
    // In the order of the form, whatever order the reply had them in.
    answers.sort_by_key(|a| questions.iter().position(|q| *q == a.question));
    let nl = found.iter().filter(|f| f.1 == Lang::Nl).count();
    let en = found.len() - nl;
    let language = match nl.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Nl,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => label_lang,
    };
    let preparation = Preparation {
        prepared_on: None,
        answers,
    };
    Some((Prepared::new(by, preparation), language, replaced))
}

/// One of `questions` starting at line `i`, in either language and in either wording (the
/// form's or an earlier version's), possibly wrapped over up to three lines: the question, its
/// language, the lines it took, and any answer written on the same line after it.
fn match_question(
    lines: &[String],
    i: usize,
    questions: &[PrepQuestion],
    by: Preparer,
) -> Option<(PrepQuestion, Lang, usize, String)> {
    let first = strip_numbering(&lines[i]);
    if first.is_empty() {
        return None;
    }
    for lang in [Lang::Nl, Lang::En] {
        let t = lang.texts();
        for &question in questions {
            let words = t.prep_text(question, by);
            for text in [words.ask, words.earlier] {
                if text.is_empty() {
                    continue;
                }
                if let Some((used, rest)) = match_text(lines, i, first, text) {
                    return Some((question, lang, used, rest));
                }
            }
        }
    }
    None
}

/// Whether `question` starts at line `i` (its first line without numbering is `first`): the
/// lines it took and what follows it on its last line.
fn match_text(lines: &[String], i: usize, first: &str, question: &str) -> Option<(usize, String)> {
    let mut joined = first.to_string();
    for used in 1..=3 {
        match prefix_match(&joined, question) {
            Prefix::Full(end) => return Some((used, joined[end..].trim().to_string())),
            Prefix::Partial => match lines.get(i + used) {
                Some(next) if !next.is_empty() => {
                    joined.push(' ');
                    joined.push_str(next);
                }
                _ => return None,
            },
            Prefix::No => return None,
        }
    }
    None
}

/// A line without the numbering a form or word processor put before it: `3.`, `3)`, `*`.
fn strip_numbering(line: &str) -> &str {
    let line = line.trim().trim_start_matches(['*', '_']).trim_start();
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=2).contains(&digits)
        && let Some(rest) = line[digits..]
            .strip_prefix('.')
            .or_else(|| line[digits..].strip_prefix(')'))
    {
        return rest.trim_start();
    }
    line
}

enum Prefix {
    /// The text starts with the question; the question ends at this byte.
    Full(usize),
    /// The text is the start of the question, cut off.
    Partial,
    No,
}

/// Whether `text` starts with `question`, ignoring case and how much white space stands
/// between words.
fn prefix_match(text: &str, question: &str) -> Prefix {
    let mut t = text.char_indices().peekable();
    let mut q = question.chars().peekable();
    loop {
        let Some(&qc) = q.peek() else {
            let end = t.peek().map_or(text.len(), |&(i, _)| i);
            // Markdown-style emphasis a mail program may have added around the question.
            let end = end + text[end..].len() - text[end..].trim_start_matches(['*', '_']).len();
            return Prefix::Full(end);
        };
        let Some(&(_, tc)) = t.peek() else {
            return Prefix::Partial;
        };
        if qc.is_whitespace() {
            if !tc.is_whitespace() {
                return Prefix::No;
            }
            while q.peek().is_some_and(|c| c.is_whitespace()) {
                q.next();
            }
            while t.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                t.next();
            }
        } else if qc.to_lowercase().eq(tc.to_lowercase()) {
            q.next();
            t.next();
        } else {
            return Prefix::No;
        }
    }
}

/// Lines under a question as one answer: lines of a paragraph joined (a mail program may
/// have wrapped them), a list item on a line of its own, paragraphs apart by a blank line.
fn join_answer(lines: &[&str]) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(if is_list_item(line) { '\n' } else { ' ' });
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.join("\n\n")
}

fn is_list_item(line: &str) -> bool {
    line.starts_with("- ") || line.starts_with("* ") || line.starts_with('•') || {
        strip_numbering(line).len() < line.len() && line.starts_with(|c: char| c.is_ascii_digit())
    }
}
