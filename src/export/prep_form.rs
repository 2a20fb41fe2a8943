//! The plain-text preparation form for a trainer or student without an account: pasted into
//! an e-mail or opened in any editor, filled in, and read back by `parse_reply`.
//!
//! ```text
//! ===== stagegesprek: begin van het formulier =====
//! Formulier: sanne-de-vries-bakkerij-de-molen / tussentijds gesprek / praktijkopleider
//! (title, names, what the form is for, for the trainer the three strategies)
//! 1. Waarin is de student gegroeid, als je naar de leerdoelen kijkt?
//! (room for the answer)
//! ...
//! ===== stagegesprek: einde van het formulier =====
//! ```
//!
//! The identification line names the placement by its id and the moment and preparer in the
//! form's language; the reader knows those names in both languages, and the codes
//! (`start|midway|final`, `trainer|student`) that earlier versions wrote, so a reply finds its
//! placement and moment whatever language it was written in. Each moment and preparer has its own questions
//! (`PrepQuestion::form`). Questions are matched by their text, in either language, so they
//! must stay distinct from each other within a form.

use std::fmt::Write as _;

use crate::domain::preparation::Preparer;
use crate::domain::text::printable;
use crate::domain::{Lang, Moment, Placement, PrepQuestion};
use crate::i18n::{LangExt as _, Texts, fill};

/// The rule above and below the form; the words between are the language's.
pub(crate) const RULE: &str = "=====";
/// Named in every marker line, so a marker is never mistaken for something a person wrote.
pub(crate) const PROGRAM: &str = "stagegesprek";
/// Empty lines left under each question for the answer.
const ROOM: usize = 3;

/// A marker line: `===== stagegesprek: begin van het formulier =====`.
pub(crate) fn marker(words: &str) -> String {
    format!("{RULE} {PROGRAM}: {words} {RULE}")
}

/// The identification line: `Formulier: <placement-id> / <moment> / <preparer>`, the moment and
/// the preparer in the reader's words ("tussentijds gesprek / praktijkopleider").
pub(crate) fn identification(t: &Texts, id: &str, moment: Moment, by: Preparer) -> String {
    format!(
        "{}: {id} / {} / {}",
        t.prep_form_label,
        t.moment_word(moment),
        t.preparer(by)
    )
}

/// The form `by` fills in before meeting `moment` of `placement`, in `lang`. `moment_title`
/// is the moment's name as the guide gives it ("Tussentijds gesprek").
pub fn preparation_form(
    placement: &Placement,
    moment: Moment,
    by: Preparer,
    lang: Lang,
    moment_title: &str,
) -> String {
    let t = lang.texts();
    let student = printable(&placement.student);
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line(&marker(t.prep_form_begin));
    line(&identification(t, &placement.id, moment, by));
    line("");
    let title = match by {
        Preparer::Trainer => t.prep_form_title_trainer,
        Preparer::Student => t.prep_form_title_student,
    };
    line(&fill(title, &[&printable(moment_title)]));
    line(&format!("{}: {student}", t.md_student));
    for (label, value) in [
        (t.md_company, &placement.company),
        (t.md_trainer, &placement.trainer),
    ] {
        if !value.trim().is_empty() {
            line(&format!("{label}: {}", printable(value)));
        }
    }
    line("");
    let questions = PrepQuestion::form(moment, by);
    let about = match by {
        Preparer::Trainer => student.clone(),
        Preparer::Student if placement.company.trim().is_empty() => t.unknown.into(),
        Preparer::Student => printable(&placement.company),
    };
    line(&fill(t.prep_intro(moment, by), &[&about]));
    line(match by {
        Preparer::Trainer => t.prep_form_how_trainer,
        Preparer::Student => t.prep_form_how_student,
    });
    if questions.iter().any(|q| q.strategy().is_some()) {
        line("");
        line(t.prep_form_strategies);
        for explained in [
            t.prep_form_showing,
            t.prep_form_participating,
            t.prep_form_entrusting,
        ] {
            line(&format!("- {explained}"));
        }
        line(t.prep_form_strategy_no);
    }
    line("");
    for (n, question) in questions.iter().enumerate() {
        line(&format!("{}. {}", n + 1, t.prep_ask(*question, by)));
        for _ in 0..ROOM {
            line("");
        }
    }
    line(&marker(t.prep_form_end));
    out
}

/// The subject of the e-mail that carries the trainer's form, in the form's language: what
/// it is for and about whom, as a trainer recognises it in a full inbox.
pub fn mail_subject(placement: &Placement, moment: Moment, lang: Lang) -> String {
    let t = lang.texts();
    let student = printable(&placement.student);
    fill(
        t.prep_mail_subject,
        &[t.moment_word(moment), student.trim()],
    )
}

/// A `mailto:` address for a new message to `to` with `subject` and `body` (RFC 6068): every
/// byte but the unreserved ones percent-encoded, line breaks as `%0D%0A`. Hand-written: the
/// rule is ten lines, and no crate is needed for it.
pub fn mailto_url(to: &str, subject: &str, body: &str) -> String {
    let crlf = body.replace("\r\n", "\n").replace('\n', "\r\n");
    let mut url = String::from("mailto:");
    encode_into(&mut url, to, b"@");
    url.push_str("?subject=");
    encode_into(&mut url, subject, b"");
    url.push_str("&body=");
    encode_into(&mut url, &crlf, b"");
    url
}

fn encode_into(out: &mut String, text: &str, keep: &[u8]) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_encodes_everything_a_mail_program_could_misread() {
        assert_eq!(
            mailto_url("joop@molen.example", "Vraag & antwoord", "Eén\nTwee?"),
            "mailto:joop@molen.example?subject=Vraag%20%26%20antwoord&body=E%C3%A9n%0D%0ATwee%3F"
        );
        assert_eq!(
            mailto_url("a+b@x.example", "", "100%"),
            "mailto:a%2Bb@x.example?subject=&body=100%25"
        );
    }

    #[test]
    fn questions_are_short_enough_not_to_be_wrapped_and_differ_within_a_form() {
        for lang in [Lang::Nl, Lang::En] {
            let t = lang.texts();
            for by in Preparer::ALL {
                for moment in Moment::ALL {
                    let mut seen: Vec<String> = Vec::new();
                    let form = PrepQuestion::form(moment, by);
                    let earlier = PrepQuestion::earlier_form(by);
                    for (n, q) in form.iter().chain(earlier).enumerate() {
                        let words = t.prep_text(*q, by);
                        assert_eq!(words.question, *q, "{lang:?}: no words for {q:?}");
                        let asks = [words.ask, words.earlier];
                        for text in asks.into_iter().filter(|a| !a.is_empty()) {
                            assert!(text.ends_with('?'), "{text}");
                            assert!(format!("{}. {text}", n + 1).chars().count() <= 70, "{text}");
                            let lower = text.to_lowercase();
                            if seen.contains(&lower) {
                                continue;
                            }
                            assert!(
                                !seen.iter().any(|s| s.starts_with(&lower)
                                    || lower.starts_with(s.as_str())),
                                "{text} is too close to another question"
                            );
                            seen.push(lower);
                        }
                    }
                }
            }
        }
    }
}
