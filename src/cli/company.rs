//! `company`: every placement at one company over the years, what teachers noted about
//! what it offers to learn, how its trainers guided, and open concerns.

use serde::Serialize;

use super::output::say;
use super::{Failure, Outcome, open_store, progress, report_refresh};
use crate::domain::company::CompanyView;
use crate::domain::text::printable;
use crate::domain::{Moment, Strategy};
use crate::export::company_lines;
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
    let mut text = company_lines(&view, t).join("\n");
    text.push('\n');
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
