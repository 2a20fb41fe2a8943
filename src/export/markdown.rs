//! The outline of a record as Markdown. Everything a person typed is escaped so that it
//! prints as typed: a note starting with `#` or `1.` stays a line of text, `<b>` stays
//! visible, and a `|` does not split a table cell.

use std::fmt::Write as _;

use super::outline::{Block, Outline, Variant, outline};
use crate::domain::text::printable_text;
use crate::domain::{Guide, MeetingRecord};

/// Renders a record in the language of `guide`, the guide it was held with.
pub fn to_markdown(record: &MeetingRecord, guide: &Guide, variant: Variant) -> String {
    render(&outline(record, guide, variant))
}

/// Renders an outline.
pub fn render(outline: &Outline) -> String {
    let t = outline.texts;
    let mut md = String::new();
    for block in &outline.blocks {
        match block {
            Block::Title {
                moment, student, ..
            } => {
                let _ = writeln!(md, "# {}: {}\n", escape(moment), inline(student));
            }
            Block::Notice { kind, text } => match kind {
                super::outline::Notice::Draft => {
                    let _ = writeln!(md, "> {text}\n");
                }
                super::outline::Notice::Shared => {
                    let _ = writeln!(md, "*{text}*\n");
                }
            },
            Block::Facts(facts) => {
                let _ = writeln!(md, "| | |\n|---|---|");
                for fact in facts {
                    let _ = writeln!(md, "| {} | {} |", fact.label, inline(&fact.value));
                }
                md.push('\n');
            }
            Block::Heading { text, .. } => {
                let _ = writeln!(md, "## {}\n", escape(text));
            }
            Block::Remark(text) => {
                let _ = writeln!(md, "*{}*\n", inline(text));
            }
            Block::Nothing(text) => {
                let _ = writeln!(md, "*{text}*\n");
            }
            Block::Notes { label, text } => {
                let _ = writeln!(md, "**{label}**\n");
                paragraphs(&mut md, text);
            }
            Block::Examples { label, items } => {
                let _ = writeln!(md, "**{label}**\n");
                for (n, item) in items.iter().enumerate() {
                    let about = item.about.join("; ");
                    let _ = writeln!(md, "{}. {} *({about})*", n + 1, inline(&item.text));
                }
                md.push('\n');
            }
            Block::Agreements { columns, items } => {
                let with_notes = items.iter().any(|a| !a.note.is_empty());
                let shown = if with_notes { 5 } else { 4 };
                let _ = writeln!(
                    md,
                    "| {} |\n|{}",
                    columns[..shown].join(" | "),
                    "---|".repeat(shown)
                );
                for a in items {
                    let mut what = inline(&a.what);
                    if let Some(from) = &a.carried_from {
                        what = format!("{what} *({from})*");
                    }
                    let mut due = a.due.clone().unwrap_or_default();
                    if a.overdue {
                        due = format!("{due} **{}**", t.agreement_overdue);
                    }
                    let _ = write!(md, "| {what} | {} | {due} | {} |", a.who, a.status_text);
                    if with_notes {
                        let _ = write!(md, " {} |", inline(&a.note));
                    }
                    md.push('\n');
                }
                md.push('\n');
            }
            Block::Consent(items) => {
                for c in items {
                    let _ = writeln!(md, "- {}: {}", c.who, c.at);
                }
                md.push('\n');
            }
        }
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    // Whatever is already on disk, a control character in a shared file or on a terminal is
    // shown, never obeyed.
    printable_text(&md).into_owned()
}

/// Notes as typed, line by line; two trailing spaces keep the teacher's line breaks when
/// the Markdown is rendered.
fn paragraphs(md: &mut String, text: &str) {
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            md.push('\n');
        } else {
            let _ = writeln!(md, "{}  ", escape_line(line));
        }
    }
    md.push('\n');
}

/// Typed text on one line, for a table cell, a title or a list item: white space collapsed
/// and every character that Markdown would read as markup escaped.
fn inline(text: &str) -> String {
    escape(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Escapes the characters that are markup anywhere in a line: emphasis, code, links, HTML,
/// tables, strike-through and entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;` and `&#42;` would be read as entities; a lone `&` is left alone.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    out
}

/// A whole line of typed text: what `escape` does, plus what is markup only at the start of
/// a line (headings, list markers, quotes, rules) and indentation that would make a code
/// block, which is kept as non-breaking spaces.
fn escape_line(line: &str) -> String {
    let body = line.trim_start();
    let indent: String = line[..line.len() - body.len()]
        .chars()
        .map(|c| {
            if c == '\t' {
                "\u{a0}\u{a0}\u{a0}\u{a0}"
            } else {
                "\u{a0}"
            }
        })
        .collect();
    let escaped = escape(body);
    let marked = match body.chars().next() {
        Some('#' | '-' | '+' | '=') => format!("\\{escaped}"),
        Some(c) if c.is_ascii_digit() => escape_ordered_marker(&escaped),
        _ => escaped,
    };
    format!("{indent}{marked}")
}

/// `1. lijst` and `1) lijst` would start a numbered list; the dot or bracket is escaped.
fn escape_ordered_marker(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = &text[digits..];
    match rest.chars().next() {
        Some(c @ ('.' | ')')) if digits <= 9 => format!("{}\\{c}{}", &text[..digits], &rest[1..]),
        _ => text.to_string(),
    }
}
