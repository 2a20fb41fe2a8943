//! A record as styled lines for the screen: the read-back at the end of a meeting and the view
//! of a held one. Same content as the Markdown export, laid out for a terminal.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::domain::{Example, Guide, KeyId, MeetingRecord, Role};
use crate::i18n::Texts;

pub fn record_lines(
    record: &MeetingRecord,
    guide: &Guide,
    t: &Texts,
    theme: &Theme,
    private: bool,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let p = &record.placement;
    lines.push(Line::styled(
        format!(
            "{}: {} · {}",
            guide.moment(record.moment).title,
            p.student,
            p.company
        ),
        theme.title,
    ));
    let mut present: Vec<&str> = Role::ALL
        .into_iter()
        .filter(|r| record.present.is_present(*r))
        .map(|r| t.role(r))
        .collect();
    if !record.present.others.trim().is_empty() {
        present.push(record.present.others.trim());
    }
    lines.push(Line::styled(
        format!(
            "{} {} {} · {} · {}: {} · {}",
            record.date,
            record.time.format("%H:%M"),
            t.place(record.place),
            t.minutes(record.time_spent_seconds),
            t.md_present,
            present.join(", "),
            t.record_status(record.status),
        ),
        theme.dim,
    ));
    if let Some(prep) = &record.trainer_preparation {
        lines.push(Line::default());
        lines.push(Line::styled(t.md_preparation.to_string(), theme.title));
        text_lines(&mut lines, &prep.judgement);
        example_lines(&mut lines, &prep.examples, t, theme);
    }
    for (n, key) in KeyId::ALL.into_iter().enumerate() {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("{}. {}", n + 1, guide.key_title(key)),
            theme.title,
        ));
        let capture = record.keys.get(key);
        if capture.is_empty() {
            lines.push(Line::styled(t.md_nothing.to_string(), theme.empty));
        }
        text_lines(&mut lines, &capture.notes);
        example_lines(&mut lines, &capture.examples, t, theme);
    }
    lines.push(Line::default());
    lines.push(Line::styled(t.md_agreements.to_string(), theme.title));
    if record.agreements.is_empty() {
        lines.push(Line::styled(t.md_nothing.to_string(), theme.dim));
    }
    for a in &record.agreements {
        let due = a
            .due
            .map_or_else(|| t.agreement_none_due.to_string(), |d| d.to_string());
        lines.push(Line::from(vec![
            Span::raw(format!("• {} ", a.what)),
            Span::styled(
                format!(
                    "({}, {due}, {})",
                    t.role(a.who),
                    t.agreement_status(a.status)
                ),
                theme.dim,
            ),
        ]));
    }
    if !record.agreed.is_empty() {
        lines.push(Line::default());
        let who: Vec<&str> = record.agreed.iter().map(|c| t.role(c.who)).collect();
        lines.push(Line::styled(
            format!("{}: {}", t.md_agreed, who.join(", ")),
            theme.ok,
        ));
    }
    if private && !record.private_notes.trim().is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(t.md_private.to_string(), theme.private));
        text_lines(&mut lines, &record.private_notes);
    }
    lines
}

fn text_lines(lines: &mut Vec<Line<'static>>, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    lines.extend(text.trim_end().lines().map(|l| Line::raw(l.to_string())));
}

fn example_lines(lines: &mut Vec<Line<'static>>, examples: &[Example], t: &Texts, theme: &Theme) {
    for example in examples {
        let mut about = vec![t.role(example.given_by).to_string()];
        about.extend(example.strategy.map(|s| t.strategy(s).to_string()));
        about.extend(
            example
                .recognised
                .map(|r| format!("{} {}", t.md_recognised, t.recognition(r))),
        );
        lines.push(Line::from(vec![
            Span::raw(format!("  ▸ {} ", example.text)),
            Span::styled(format!("({})", about.join(", ")), theme.dim),
        ]));
    }
}
