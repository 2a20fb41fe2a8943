//! A company's view as lines of text: printed by `stagegesprek company`, shown on its screen.

use crate::domain::company::CompanyView;
use crate::domain::text::printable;
use crate::domain::{Moment, Strategy};
use crate::i18n::Texts;

/// The company's view, line by line; headings are the lines that do not start with a space.
pub fn company_lines(view: &CompanyView, t: &Texts) -> Vec<String> {
    let mut text: Vec<String> = Vec::new();
    text.push(printable(&view.name).into_owned());
    text.push(format!(
        "{}: {}",
        t.company_trainers,
        printable(&view.trainers.join(", "))
    ));
    text.push(String::new());
    text.push(t.company_placements.to_string());
    for p in &view.placements {
        let held: String = Moment::ALL
            .into_iter()
            .map(|m| if p.held[m.index()] { "●" } else { "○" })
            .collect();
        let period = match (p.placement.start, p.placement.end) {
            (Some(s), Some(e)) => format!("{} – {}", t.date(s), t.date(e)),
            (Some(s), None) => t.date(s),
            _ => String::new(),
        };
        let flag = if p.concern {
            format!("  ⚑ {}", t.company_concern)
        } else {
            String::new()
        };
        text.push(format!(
            "  {held}  {}  {period}  ({}: {}){flag}",
            printable(&p.placement.student),
            t.company_trainer,
            printable(&p.placement.trainer),
        ));
    }
    text.push(String::new());
    text.push(t.company_guidance.to_string());
    let most = view.strategies.iter().copied().max().unwrap_or(0).max(1);
    for strategy in Strategy::ALL {
        let count = view.strategy_count(strategy);
        // Bars of at most 30 blocks: the proportion is what a reader compares.
        let bar = "█".repeat((count * 30).div_ceil(most).min(30));
        text.push(format!("  {:<16} {bar} {count}", t.strategy(strategy)));
    }
    text.push(String::new());
    text.push(t.company_potential.to_string());
    if view.potential.is_empty() {
        text.push(format!("  {}", t.story_nothing));
    }
    for note in &view.potential {
        text.push(format!(
            "  {} · {} · {}: {}",
            t.date(note.date),
            printable(&note.student),
            t.moment_word(note.moment),
            printable(&note.text).replace('\n', " "),
        ));
    }
    text
}
