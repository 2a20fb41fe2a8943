use std::fmt::Write as _;

use crate::domain::{Example, Guide, KeyId, MeetingRecord, RecordStatus, Role};
use crate::i18n::{Texts, fill};

/// Which readers the Markdown is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Everything, including the teacher's private notes.
    Full,
    /// For the student and the trainer: private notes are never included.
    Shared,
}

/// Renders a record. Key and moment titles come from `guide`, all other labels from `t`.
pub fn to_markdown(record: &MeetingRecord, guide: &Guide, t: &Texts, variant: Variant) -> String {
    let mut md = String::new();
    let moment = &guide.moment(record.moment).title;
    let p = &record.placement;
    let _ = writeln!(md, "# {moment}: {}\n", inline(&p.student));
    if record.status == RecordStatus::Draft {
        let _ = writeln!(md, "> {}\n", t.md_draft_notice);
    }
    if variant == Variant::Shared {
        let _ = writeln!(md, "*{}*\n", t.md_shared_notice);
    }
    facts(&mut md, record, guide, t);
    if let Some(prep) = record
        .trainer_preparation
        .as_ref()
        .filter(|p| !p.judgement.trim().is_empty() || !p.examples.is_empty())
    {
        let _ = writeln!(md, "## {}\n", t.md_preparation);
        paragraphs(&mut md, &prep.judgement, t);
        examples(&mut md, &prep.examples, t);
    }
    for (n, key) in KeyId::ALL.into_iter().enumerate() {
        let _ = writeln!(md, "## {}. {}\n", n + 1, guide.key_title(key));
        let capture = record.keys.get(key);
        if capture.is_empty() {
            let _ = writeln!(md, "*{}*\n", t.md_nothing);
            continue;
        }
        paragraphs(&mut md, &capture.notes, t);
        examples(&mut md, &capture.examples, t);
    }
    agreements(&mut md, record, guide, t);
    consent(&mut md, record, t);
    if variant == Variant::Full && !record.private_notes.trim().is_empty() {
        let _ = writeln!(md, "## {}\n", t.md_private);
        paragraphs(&mut md, &record.private_notes, t);
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

fn facts(md: &mut String, record: &MeetingRecord, guide: &Guide, t: &Texts) {
    let p = &record.placement;
    let programme = match (p.programme.trim(), p.level.trim()) {
        ("", "") => String::new(),
        (prog, "") => prog.to_string(),
        ("", level) => format!("{} {level}", t.md_level),
        (prog, level) => format!("{prog}, {} {level}", t.md_level.to_lowercase()),
    };
    let period = match (p.start, p.end) {
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => format!("{s} –"),
        (None, Some(e)) => format!("– {e}"),
        (None, None) => String::new(),
    };
    let mut present: Vec<&str> = Role::ALL
        .into_iter()
        .filter(|r| record.present.is_present(*r))
        .map(|r| t.role(r))
        .collect();
    let others = record.present.others.trim();
    if !others.is_empty() {
        present.push(others);
    }
    let rows = [
        (t.md_student, p.student.clone()),
        (t.md_programme, programme),
        (t.md_company, p.company.clone()),
        (t.md_trainer, p.trainer.clone()),
        (t.md_teacher, p.teacher.clone()),
        (t.md_period, period),
        (
            t.md_date,
            format!("{} {}", record.date, record.time.format("%H:%M")),
        ),
        (t.md_place, t.place(record.place).to_string()),
        (t.md_present, present.join(", ")),
        (t.md_time_spent, t.minutes(record.time_spent_seconds)),
        (
            t.md_guide,
            format!(
                "{} ({} {})",
                guide.title, record.guide.id, record.guide.version
            ),
        ),
        (t.md_status, t.record_status(record.status).to_string()),
    ];
    let _ = writeln!(md, "| | |\n|---|---|");
    for (label, value) in rows.iter().filter(|(_, v)| !v.trim().is_empty()) {
        let _ = writeln!(md, "| {label} | {} |", cell(value));
    }
    md.push('\n');
}

fn paragraphs(md: &mut String, text: &str, t: &Texts) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let _ = writeln!(md, "**{}**\n", t.md_notes);
    // Two trailing spaces keep the teacher's line breaks when the Markdown is rendered.
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            md.push('\n');
        } else {
            let _ = writeln!(md, "{line}  ");
        }
    }
    md.push('\n');
}

fn examples(md: &mut String, examples: &[Example], t: &Texts) {
    if examples.is_empty() {
        return;
    }
    let _ = writeln!(md, "**{}**\n", t.md_examples);
    for (n, example) in examples.iter().enumerate() {
        let mut about = vec![format!("{} {}", t.md_given_by, t.role(example.given_by))];
        if let Some(s) = example.strategy {
            about.push(format!("{}: {}", t.md_strategy, t.strategy(s)));
        }
        if let Some(r) = example.recognised {
            about.push(format!("{} {}", t.md_recognised, t.recognition(r)));
        }
        let _ = writeln!(
            md,
            "{}. {} *({})*",
            n + 1,
            inline(&example.text),
            about.join("; ")
        );
    }
    md.push('\n');
}

fn agreements(md: &mut String, record: &MeetingRecord, guide: &Guide, t: &Texts) {
    let _ = writeln!(md, "## {}\n", t.md_agreements);
    if record.agreements.is_empty() {
        let _ = writeln!(md, "*{}*\n", t.md_nothing);
        return;
    }
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        t.agreement_what, t.md_who, t.md_due, t.md_status
    );
    for a in &record.agreements {
        let mut what = cell(&a.what);
        if let Some(from) = a.carried_from {
            let from = fill(
                t.label_carried_from,
                &[&guide.moment(from).title.to_lowercase()],
            );
            what = format!("{what} *({from})*");
        }
        let due = a.due.map(|d| d.to_string()).unwrap_or_default();
        let _ = writeln!(
            md,
            "| {what} | {} | {due} | {} |",
            t.role(a.who),
            t.agreement_status(a.status)
        );
    }
    md.push('\n');
}

fn consent(md: &mut String, record: &MeetingRecord, t: &Texts) {
    let _ = writeln!(md, "## {}\n", t.md_agreed);
    if record.agreed.is_empty() {
        let _ = writeln!(md, "{}\n", t.md_not_agreed);
        return;
    }
    for c in &record.agreed {
        let _ = writeln!(md, "- {}: {}", t.role(c.who), c.at.format("%Y-%m-%d %H:%M"));
    }
    md.push('\n');
}

/// Text inside a table cell: one line, and no `|` that would split the cell.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

fn inline(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
