//! `company`: every placement at one company over the years, what teachers noted about
//! what it offers to learn, how its trainers guided, and open concerns.

use std::fmt::Write as _;

use serde::Serialize;

use super::output::say;
use super::{Failure, Outcome, open_store, progress, report_refresh};
use crate::domain::company::CompanyView;
use crate::domain::text::printable;
use crate::domain::{Moment, Strategy};
use crate::i18n::{LangExt as _, fill};
use crate::store::config::Settings;
use crate::store::today;

#[derive(Serialize)]
struct CompanyJson<'a> {
    company: &'a str,
    trainers: &'a [String],
    placements: Vec<PlacementJson<'a>>,
    learning_potential: Vec<NoteJson<'a>>,
    /// Examples noted per way of guiding, over all meetings.
    strategies: StrategiesJson,
    /// Ids of the placements whose latest meeting noted a concern.
    concerns: Vec<&'a str>,
}

#[derive(Serialize)]
struct PlacementJson<'a> {
    id: &'a str,
    student: &'a str,
    trainer: &'a str,
    teacher: &'a str,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
    held: Vec<&'static str>,
}

#[derive(Serialize)]
struct NoteJson<'a> {
    student: &'a str,
    moment: &'static str,
    date: chrono::NaiveDate,
    teacher: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct StrategiesJson {
    showing: usize,
    involving: usize,
    entrusting: usize,
}

pub fn company(settings: &Settings, name: &str, json: bool) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let found = store
        .fresh_index(today(), &mut progress(t))
        .and_then(|(index, done)| {
            report_refresh(&done.repaired, index.set_aside.as_deref(), t);
            index.companies(name)
        })
        .map_err(|e| Failure(fill(t.search_failed, &[&e.to_string()])))?;
    let ids = match found.as_slice() {
        [] => return Err(Failure(fill(t.company_none, &[&printable(name)]))),
        [(_, ids)] => ids,
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|(c, _)| printable(c).into_owned())
                .collect();
            return Err(Failure(fill(t.company_several, &[&names.join(", ")])));
        }
    };
    // Only this company's placements are read from their files.
    let mut placements = Vec::new();
    for id in ids {
        let placement = store.placement(id).map_err(|e| Failure(e.describe(t)))?;
        let (records, errors) = store.records(id);
        for error in &errors {
            eprintln!("stagegesprek: {}", error.describe(t));
        }
        placements.push((placement, records));
    }
    let view = CompanyView::new(placements);
    if json {
        return say(&format!("{}\n", to_json(&view)?), t);
    }
    let mut text = String::new();
    let _ = writeln!(text, "{}", printable(&view.name));
    let _ = writeln!(
        text,
        "{}: {}",
        t.company_trainers,
        printable(&view.trainers.join(", "))
    );
    let _ = writeln!(text, "\n{}", t.company_placements);
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
        let _ = writeln!(
            text,
            "  {held}  {}  {period}  ({}: {}){flag}",
            printable(&p.placement.student),
            t.company_trainer,
            printable(&p.placement.trainer),
        );
    }
    let _ = writeln!(text, "\n{}", t.company_guidance);
    let most = view.strategies.iter().copied().max().unwrap_or(0).max(1);
    for strategy in Strategy::ALL {
        let count = view.strategy_count(strategy);
        // Bars of at most 30 blocks: the proportion is what a reader compares.
        let bar = "█".repeat((count * 30).div_ceil(most).min(30));
        let _ = writeln!(text, "  {:<16} {bar} {count}", t.strategy(strategy));
    }
    let _ = writeln!(text, "\n{}", t.company_potential);
    if view.potential.is_empty() {
        let _ = writeln!(text, "  {}", t.story_nothing);
    }
    for note in &view.potential {
        let _ = writeln!(
            text,
            "  {} · {} · {}: {}",
            t.date(note.date),
            printable(&note.student),
            t.moment_word(note.moment),
            printable(&note.text).replace('\n', " "),
        );
    }
    say(&text, t)
}

fn to_json(view: &CompanyView) -> Result<String, Failure> {
    let value = CompanyJson {
        company: &view.name,
        trainers: &view.trainers,
        placements: view
            .placements
            .iter()
            .map(|p| PlacementJson {
                id: &p.placement.id,
                student: &p.placement.student,
                trainer: &p.placement.trainer,
                teacher: &p.placement.teacher,
                start: p.placement.start,
                end: p.placement.end,
                held: Moment::ALL
                    .into_iter()
                    .filter(|m| p.held[m.index()])
                    .map(Moment::code)
                    .collect(),
            })
            .collect(),
        learning_potential: view
            .potential
            .iter()
            .map(|n| NoteJson {
                student: &n.student,
                moment: n.moment.code(),
                date: n.date,
                teacher: &n.teacher,
                text: &n.text,
            })
            .collect(),
        strategies: StrategiesJson {
            showing: view.strategy_count(Strategy::Showing),
            involving: view.strategy_count(Strategy::Participating),
            entrusting: view.strategy_count(Strategy::Entrusting),
        },
        concerns: view.concerns().map(|p| p.placement.id.as_str()).collect(),
    };
    serde_json::to_string_pretty(&value).map_err(|e| Failure(e.to_string()))
}
