//! A record as styled lines for the screen: the read-back at the end of a meeting and the view
//! of a held one. It renders the same outline as the Markdown export, laid out for a terminal
//! and, like the export, in the record's own language.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::domain::{Guide, MeetingRecord};
use crate::export::outline::{Block, FactKind, Outline, Section, Variant, outline};
use crate::i18n::Texts;

/// The record's lines; with `private` the teacher's private notes are included. The labels
/// follow the language of `guide` (the guide the record was held with), not the interface:
/// `_interface` is kept so that callers need not change.
pub fn record_lines(
    record: &MeetingRecord,
    guide: &Guide,
    _interface: &Texts,
    theme: &Theme,
    private: bool,
) -> Vec<Line<'static>> {
    let variant = if private {
        Variant::Full
    } else {
        Variant::Shared
    };
    outline_lines(&outline(record, guide, variant), theme)
}

/// Any outline as lines for the screen.
pub fn outline_lines(outline: &Outline, theme: &Theme) -> Vec<Line<'static>> {
    outline_lines_with_sections(outline, theme).0
}

/// `outline_lines`, with the line each section's heading stands on.
pub fn outline_lines_with_sections(
    outline: &Outline,
    theme: &Theme,
) -> (Vec<Line<'static>>, Vec<(Section, usize)>) {
    let t = outline.texts;
    let mut lines = Vec::new();
    let mut starts = Vec::new();
    let mut section = None;
    for block in &outline.blocks {
        match block {
            Block::Title {
                moment,
                student,
                company,
            } => {
                let mut title = format!("{moment}: {student}");
                if !company.trim().is_empty() {
                    title = format!("{title} · {company}");
                }
                lines.push(Line::styled(title, theme.title));
            }
            // The status is among the facts; the notices are for readers of a file.
            Block::Notice { .. } => {}
            Block::Facts(facts) => {
                let shown: Vec<String> = facts
                    .iter()
                    .filter_map(|f| match f.kind {
                        FactKind::When | FactKind::Place | FactKind::TimeSpent => {
                            Some(f.value.clone())
                        }
                        FactKind::Present => Some(format!("{}: {}", f.label, f.value)),
                        FactKind::Status => Some(f.value.clone()),
                        _ => None,
                    })
                    .collect();
                lines.push(Line::styled(shown.join(" · "), theme.dim));
            }
            Block::Heading { section: s, text } => {
                section = Some(*s);
                if *s == Section::Consent {
                    continue;
                }
                let style = if *s == Section::Private {
                    theme.private
                } else {
                    theme.title
                };
                lines.push(Line::default());
                starts.push((*s, lines.len()));
                lines.push(Line::styled(text.clone(), style));
            }
            Block::Remark(text) => lines.push(Line::styled(text.clone(), theme.dim)),
            Block::Nothing(text) => match section {
                Some(Section::Consent) => {}
                Some(Section::Key(_)) => lines.push(Line::styled(*text, theme.empty)),
                _ => lines.push(Line::styled(*text, theme.dim)),
            },
            Block::Notes { label, text } => {
                // Under a key the heading says what the notes are; the private part holds
                // the concern's note and the private notes, which need telling apart.
                if section == Some(Section::Private) {
                    lines.push(Line::styled(*label, theme.dim));
                }
                lines.extend(text.lines().map(|l| Line::raw(l.to_string())));
            }
            Block::Examples { items, .. } => {
                for item in items {
                    lines.push(Line::from(vec![
                        Span::raw(format!("  ▸ {} ", item.text)),
                        Span::styled(format!("({})", item.about.join(", ")), theme.dim),
                    ]));
                }
            }
            Block::Agreements { items, .. } => {
                for a in items {
                    let due = a.due.as_deref().unwrap_or(t.agreement_none_due);
                    let mut spans = vec![
                        Span::raw(format!("• {} ", a.what)),
                        Span::styled(format!("({}, {due}, {})", a.who, a.status_text), theme.dim),
                    ];
                    if let Some(from) = &a.carried_from {
                        spans.push(Span::styled(format!(" {from}"), theme.dim));
                    }
                    if a.overdue {
                        spans.push(Span::styled(
                            format!(" {}", t.agreement_overdue),
                            theme.warning,
                        ));
                    }
                    if !a.note.is_empty() {
                        spans.push(Span::raw(format!(" — {}", a.note)));
                    }
                    lines.push(Line::from(spans));
                }
            }
            Block::Consent(items) => {
                let who: Vec<&str> = items.iter().map(|c| c.who).collect();
                lines.push(Line::default());
                lines.push(Line::styled(
                    format!("{}: {}", t.md_agreed, who.join(", ")),
                    theme.ok,
                ));
            }
        }
    }
    (lines, starts)
}
