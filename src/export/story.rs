//! A placement's story as one printable page: the three moments in columns, how the trainer
//! guided at each (a bar per way of guiding), per key everything that was said, and what
//! became of every agreement. It holds nothing private: no private notes, no concern and
//! nothing the student asked to discuss alone, so it may be handed to anyone at the table.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::html::{escape, page};
use crate::domain::RecordStatus;
use crate::domain::preparation::Preparer;
use crate::domain::story::Story;
use crate::domain::text::capitalised;
use crate::domain::{AgreementStatus, Guide, KeyId, MeetingRecord, Moment, Placement, Strategy};
use crate::i18n::{LangExt as _, Texts};

/// The story of `placement` in the language of `guide`.
/// Overdue agreements are those past their day on `today`.
pub fn story_html(placement: &Placement, story: &Story, guide: &Guide, today: NaiveDate) -> String {
    let t = guide.language.texts();
    // Only what may be shared, whatever the records hold.
    let story = Story {
        moments: story
            .moments
            .clone()
            .map(|record| record.map(|r| r.shared())),
        unreadable: story.unreadable,
    };
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>{}: {}<small>{}</small></h1>",
        escape(t.story_title),
        escape(&placement.student),
        escape(&placement.company)
    );
    facts(&mut body, placement, t);
    body.push_str("<section data-section=\"moments\">\n<table class=\"story\">\n");
    moment_headings(&mut body, t, false);
    body.push_str("<tr>");
    for moment in Moment::ALL {
        let cell = if story.is_unreadable(moment) {
            format!(
                "<span class=\"mark not-done\">✗</span> {}",
                escape(t.story_unreadable)
            )
        } else {
            held(story.record(moment), t)
        };
        let _ = write!(body, "<td>{cell}</td>");
    }
    body.push_str("</tr>\n</table>\n</section>\n");
    guidance(&mut body, &story, t);
    for key in KeyId::ALL {
        let _ = writeln!(
            body,
            "<section data-section=\"key-{}\">\n<h2>{}. {}</h2>\n<table class=\"story\">",
            key.index() + 1,
            key.index() + 1,
            escape(guide.key_title(key))
        );
        // Each table names its moments, so a page read on its own still says whose is whose.
        moment_headings(&mut body, t, false);
        body.push_str("<tr>");
        for moment in Moment::ALL {
            let _ = write!(body, "<td>{}</td>", said(story.record(moment), key, t));
        }
        body.push_str("</tr>\n</table>\n</section>\n");
    }
    agreements(&mut body, &story, t, today);
    let title = format!("{}: {}", t.story_title, placement.student);
    page(guide.language, &title, &body)
}

/// A row naming the three moments, after an empty corner where rows are named too.
fn moment_headings(body: &mut String, t: &Texts, corner: bool) {
    body.push_str(if corner { "<tr><th></th>" } else { "<tr>" });
    for moment in Moment::ALL {
        let _ = write!(
            body,
            "<th>{}</th>",
            escape(&capitalised(t.moment_word(moment)))
        );
    }
    body.push_str("</tr>\n");
}

fn facts(body: &mut String, p: &Placement, t: &Texts) {
    let period = match (p.start, p.end) {
        (Some(s), Some(e)) => format!("{} – {}", t.date(s), t.date(e)),
        (Some(s), None) => format!("{} –", t.date(s)),
        (None, Some(e)) => format!("– {}", t.date(e)),
        (None, None) => String::new(),
    };
    body.push_str("<table class=\"facts\">\n");
    for (label, value) in [
        (t.md_student, p.student.as_str()),
        (t.md_company, p.company.as_str()),
        (t.md_trainer, p.trainer.as_str()),
        (t.md_teacher, p.teacher.as_str()),
        (t.md_period, period.as_str()),
    ] {
        if !value.trim().is_empty() {
            let _ = writeln!(
                body,
                "<tr><th>{}</th><td>{}</td></tr>",
                escape(label),
                escape(value)
            );
        }
    }
    body.push_str("</table>\n");
}

/// Whether a moment was held, when and where, and who prepared it.
fn held(record: Option<&MeetingRecord>, t: &Texts) -> String {
    let Some(record) = record else {
        return format!(
            "<span class=\"muted\">○ {}</span>",
            escape(t.story_not_held)
        );
    };
    let (mark, state) = match record.status {
        RecordStatus::Final => ("●", t.story_held),
        RecordStatus::Draft => ("◐", t.story_draft),
    };
    let mut cell = format!(
        "<span class=\"mark\">{mark}</span> {}<br>{}<br>{}",
        escape(state),
        escape(&t.date(record.date)),
        escape(t.place(record.place))
    );
    let prepared = record.prepared_by();
    if !prepared.is_empty() {
        let _ = write!(
            cell,
            "<br><span class=\"muted\">{} {}</span>",
            escape(t.story_prepared_by),
            escape(&t.roles(&prepared))
        );
    }
    cell
}

/// A row per way of guiding, a bar per moment as long as the examples noted of it.
fn guidance(body: &mut String, story: &Story, t: &Texts) {
    let _ = writeln!(
        body,
        "<section data-section=\"guidance\">\n<h2>{}</h2>\n<table class=\"story\">",
        escape(t.story_guidance)
    );
    let counts = Moment::ALL.map(|m| story.strategies(m));
    moment_headings(body, t, true);
    for (at, strategy) in Strategy::ALL.into_iter().enumerate() {
        let _ = write!(body, "<tr><th>{}</th>", escape(t.strategy(strategy)));
        for moment in Moment::ALL {
            let count = counts[moment.index()][at];
            let _ = write!(
                body,
                "<td><span class=\"bar\" style=\"width:{}em\"></span>{count}</td>",
                count.min(8)
            );
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</table>\n</section>\n");
}

/// Everything said at one moment under one key: the notes whole, the examples with who gave
/// them and the way of guiding, and under key 3 the trainer's prepared judgement.
fn said(record: Option<&MeetingRecord>, key: KeyId, t: &Texts) -> String {
    let Some(record) = record else {
        return "<span class=\"muted\">—</span>".into();
    };
    let capture = record.keys.get(key);
    let mut cell = String::new();
    for (question, answer) in record.prepared_judgement(key) {
        let short = t.prep_text(question, Preparer::Trainer).short;
        let _ = write!(
            cell,
            "<p><span class=\"muted\">{}:</span> <span class=\"note\">{}</span></p>",
            escape(short),
            escape(&answer)
        );
    }
    let notes = capture.notes.trim();
    if !notes.is_empty() {
        let _ = write!(cell, "<p class=\"note\">{}</p>", escape(notes));
    }
    if !capture.examples.is_empty() {
        cell.push_str("<ul>");
        for example in &capture.examples {
            let mut about = vec![t.role(example.given_by)];
            if let Some(strategy) = example.strategy {
                about.push(t.strategy(strategy));
            }
            let _ = write!(
                cell,
                "<li class=\"example\">{} <span class=\"about\">({})</span></li>",
                escape(&example.text),
                escape(&about.join(", "))
            );
        }
        cell.push_str("</ul>");
    }
    if cell.is_empty() {
        cell = format!("<span class=\"muted\">{}</span>", escape(t.story_nothing));
    }
    cell
}

/// Every agreement, where it was made and what became of it at each later moment.
fn agreements(body: &mut String, story: &Story, t: &Texts, today: NaiveDate) {
    let _ = writeln!(
        body,
        "<section data-section=\"agreements\">\n<h2>{}</h2>",
        escape(t.section_agreements)
    );
    let trails = story.trails();
    if trails.is_empty() {
        let _ = writeln!(body, "<p class=\"nothing\">{}</p>", escape(t.story_nothing));
    } else {
        body.push_str("<ul class=\"trails\">\n");
    }
    for trail in &trails {
        let (mark, class) = match trail.now() {
            AgreementStatus::Done => ("✓", "done"),
            AgreementStatus::Partly => ("◐", "partly"),
            AgreementStatus::NotDone => ("✗", "not-done"),
            AgreementStatus::Dropped => ("–", "dropped"),
            AgreementStatus::Open => ("○", "open"),
        };
        let _ = write!(
            body,
            "<li class=\"{class}\"><span class=\"mark\">{mark}</span> \
             <span class=\"muted\">{}</span> {} <span class=\"about\">({})</span>",
            escape(&capitalised(t.moment_word(trail.made_at))),
            escape(&trail.what),
            escape(t.role(trail.who))
        );
        if let Some(due) = trail.due {
            let _ = write!(
                body,
                " <span class=\"muted\">· {} {}</span>",
                escape(t.md_due),
                escape(&t.date(due))
            );
        }
        if trail.is_overdue(today) {
            let _ = write!(
                body,
                " <span class=\"overdue\">{}</span>",
                escape(t.agreement_overdue)
            );
        }
        for (moment, status, note) in &trail.later {
            let _ = write!(
                body,
                " → {} {}",
                escape(&capitalised(t.moment_word(*moment))),
                escape(t.agreement_status(*status))
            );
            if !note.trim().is_empty() {
                let _ = write!(body, ": {}", escape(note.trim()));
            }
        }
        body.push_str("</li>\n");
    }
    if !trails.is_empty() {
        body.push_str("</ul>\n");
    }
    body.push_str("</section>\n");
}
