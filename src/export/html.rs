//! The outline of a record as one self-contained HTML page for printing: the styles inside,
//! nothing fetched, A4 margins, and no line that runs off the paper however long a word a
//! teacher typed. Everything typed is escaped, so a note holding `<script>` prints as text.

use std::fmt::Write as _;

use super::outline::{Block, Notice, Outline, Variant, outline};
use crate::domain::text::printable_text;
use crate::domain::{Guide, Lang, MeetingRecord};

/// Styles shared by every printed page. Long words break anywhere rather than being cut off
/// at the paper's edge; headings stay with what follows them; colour is kept when printed,
/// since the bars and marks say something.
pub const STYLE: &str = "
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'Segoe UI', 'Helvetica Neue', Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.4; color: #1a1a1a; margin: 0 auto; max-width: 48rem; padding: 1.5rem;
  overflow-wrap: anywhere; word-break: break-word; }
h1 { font-size: 17pt; margin: 0 0 .2rem; }
h1 small { display: block; font-size: 11pt; font-weight: normal; color: #555; }
h2 { font-size: 12.5pt; margin: 1.3rem 0 .4rem; padding-bottom: .15rem;
  border-bottom: 1px solid #bbb; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: .8rem 0 .2rem; break-after: avoid; page-break-after: avoid; }
p { margin: .25rem 0; }
.note { white-space: pre-wrap; }
.notice { border-left: 3px solid #c77700; padding: .2rem .6rem; background: #fff6e5; }
.remark, .nothing, .about { color: #555; font-style: italic; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .3rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
table.facts th { width: 30%; }
tr, li, .example { break-inside: avoid; page-break-inside: avoid; }
ol, ul { margin: .25rem 0; padding-left: 1.4rem; }
.overdue { color: #a40000; font-weight: bold; }
.bar { display: inline-block; height: .7em; background: #3a7d44; vertical-align: baseline;
  margin-right: .3em; }
.mark { font-weight: bold; }
.done { color: #2d6a36; } .not-done { color: #a40000; } .dropped, .muted { color: #666; }
footer { margin-top: 1.5rem; font-size: 9pt; color: #666; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
";

/// Renders a record as a printable page in the language of `guide`, the guide it was held
/// with.
pub fn to_html(record: &MeetingRecord, guide: &Guide, variant: Variant) -> String {
    render(&outline(record, guide, variant), guide.language)
}

/// Renders an outline as a whole page.
pub fn render(outline: &Outline, lang: Lang) -> String {
    let t = outline.texts;
    let mut title = String::new();
    let mut body = String::new();
    let mut open_section = false;
    for block in &outline.blocks {
        match block {
            Block::Title {
                moment,
                student,
                company,
            } => {
                title = format!("{moment}: {student}");
                let _ = writeln!(
                    body,
                    "<h1>{}: {}<small>{}</small></h1>",
                    escape(moment),
                    escape(student),
                    escape(company)
                );
            }
            Block::Notice { kind, text } => {
                let class = match kind {
                    Notice::Draft => "notice draft",
                    Notice::Shared => "notice shared",
                };
                let _ = writeln!(body, "<p class=\"{class}\">{}</p>", escape(text));
            }
            Block::Facts(facts) => {
                body.push_str("<table class=\"facts\">\n");
                for fact in facts {
                    let _ = writeln!(
                        body,
                        "<tr><th>{}</th><td>{}</td></tr>",
                        escape(fact.label),
                        escape(&fact.value)
                    );
                }
                body.push_str("</table>\n");
            }
            Block::Heading { section, text } => {
                if open_section {
                    body.push_str("</section>\n");
                }
                open_section = true;
                let _ = writeln!(
                    body,
                    "<section data-section=\"{}\">\n<h2>{}</h2>",
                    section_name(*section),
                    escape(text)
                );
            }
            Block::Remark(text) => {
                let _ = writeln!(body, "<p class=\"remark\">{}</p>", escape(text));
            }
            Block::Nothing(text) => {
                let _ = writeln!(body, "<p class=\"nothing\">{}</p>", escape(text));
            }
            Block::Notes { label, text } => {
                let _ = writeln!(
                    body,
                    "<h3>{}</h3>\n<p class=\"note\">{}</p>",
                    escape(label),
                    escape(text)
                );
            }
            Block::Examples { label, items } => {
                let _ = writeln!(body, "<h3>{}</h3>\n<ol>", escape(label));
                for item in items {
                    let _ = writeln!(
                        body,
                        "<li class=\"example\">{} <span class=\"about\">({})</span></li>",
                        escape(&item.text),
                        escape(&item.about.join("; "))
                    );
                }
                body.push_str("</ol>\n");
            }
            Block::Agreements { columns, items } => {
                let with_notes = items.iter().any(|a| !a.note.is_empty());
                let shown = if with_notes { 5 } else { 4 };
                body.push_str("<table class=\"agreements\">\n<tr>");
                for column in &columns[..shown] {
                    let _ = write!(body, "<th>{}</th>", escape(column));
                }
                body.push_str("</tr>\n");
                for a in items {
                    let mut what = escape(&a.what);
                    if let Some(from) = &a.carried_from {
                        let _ = write!(what, " <span class=\"about\">({})</span>", escape(from));
                    }
                    let mut due = escape(a.due.as_deref().unwrap_or(""));
                    if a.overdue {
                        let _ = write!(
                            due,
                            " <span class=\"overdue\">{}</span>",
                            escape(t.agreement_overdue)
                        );
                    }
                    let _ = write!(
                        body,
                        "<tr><td>{what}</td><td>{}</td><td>{due}</td><td>{}</td>",
                        escape(a.who),
                        escape(a.status_text)
                    );
                    if with_notes {
                        let _ = write!(body, "<td class=\"note\">{}</td>", escape(&a.note));
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</table>\n");
            }
            Block::Consent(items) => {
                body.push_str("<ul>\n");
                for c in items {
                    let _ = writeln!(body, "<li>{}: {}</li>", escape(c.who), escape(&c.at));
                }
                body.push_str("</ul>\n");
            }
        }
    }
    if open_section {
        body.push_str("</section>\n");
    }
    page(lang, &title, &body)
}

/// A whole page around `body`, which is already HTML.
pub fn page(lang: Lang, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n\
         </body>\n</html>\n",
        lang.code(),
        escape(title)
    )
}

/// Typed text made safe inside an element or an attribute: markup characters as entities,
/// control characters shown rather than obeyed.
pub fn escape(text: &str) -> String {
    let text = printable_text(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The name a section carries in the page, the same in every language, so a reader (or a
/// test) can find it.
fn section_name(section: super::outline::Section) -> String {
    use super::outline::Section;
    match section {
        Section::Preparation => "preparation".into(),
        Section::Key(key) => format!("key-{}", key.index() + 1),
        Section::Agreements => "agreements".into(),
        Section::Consent => "consent".into(),
        Section::Private => "private".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_typed_by_a_person_is_shown_as_text() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn a_control_character_is_shown_not_obeyed() {
        assert!(!escape("a\u{1b}[31mb").contains('\u{1b}'));
    }
}
