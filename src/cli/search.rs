//! `search`: records found by words remembered from them, narrowed by filters; the same
//! search as the one on the home screen, from the index.

use std::fmt::Write as _;

use serde::Serialize;

use super::output::{say, say_json};
use super::{Failure, Outcome, open_store, progress, report_refresh};
use crate::domain::dates::parse_date;
use crate::domain::search::{Flag, SearchQuery};
use crate::domain::text::printable;
use crate::domain::{Guide, Moment};
use crate::i18n::{LangExt as _, Texts, fill};
use crate::store::config::Settings;
use crate::store::guides::Guides;
use crate::store::index::{Hit, MARK_END, MARK_START};
use crate::store::today;

/// What was asked on the command line.
pub struct SearchArgs<'a> {
    pub words: &'a [String],
    pub moment: Option<Moment>,
    pub company: Option<&'a str>,
    pub teacher: Option<&'a str>,
    pub since: Option<&'a str>,
    pub until: Option<&'a str>,
    pub late: bool,
    pub concern: bool,
    pub no_visit: bool,
    pub json: bool,
}

#[derive(Serialize)]
struct HitEntry<'a> {
    placement: &'a str,
    student: &'a str,
    company: &'a str,
    moment: Option<&'static str>,
    date: Option<chrono::NaiveDate>,
    part: &'static str,
    /// The words around the match; each match between `[` and `]`.
    snippet: String,
}

pub fn search(settings: &Settings, guides: &Guides, args: &SearchArgs) -> Outcome {
    let t = settings.lang.texts();
    let today = today();
    let date = |text: Option<&str>| {
        text.map(|text| match parse_date(text, today) {
            Ok(Some(day)) => Ok(day),
            _ => Err(Failure(fill(t.search_bad_date, &[&printable(text)]))),
        })
        .transpose()
    };
    let flags = [
        (args.late, Flag::Late),
        (args.concern, Flag::Concern),
        (args.no_visit, Flag::NoVisitYet),
    ];
    let query = SearchQuery {
        words: args.words.join(" "),
        moment: args.moment,
        company: args.company.map(str::to_string),
        teacher: args.teacher.map(str::to_string),
        since: date(args.since)?,
        until: date(args.until)?,
        flags: flags
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, f)| *f)
            .collect(),
    };
    let store = open_store(settings)?;
    // Brought up to date first, so nothing changed since is missed.
    let hits = store
        .fresh_index_while(today, &mut progress(t), |index| index.search(&query, today))
        .and_then(|(index, done, hits)| {
            report_refresh(&done.repaired, index.set_aside.as_deref(), t);
            hits
        })
        .map_err(|e| Failure(fill(t.search_failed, &[&e.to_string()])))?;
    let guide = guides.for_language(settings.lang);
    if args.json {
        let entries: Vec<HitEntry> = hits
            .iter()
            .map(|h| HitEntry {
                placement: &h.placement,
                student: &h.student,
                company: &h.company,
                moment: h.moment.map(Moment::code),
                date: h.date,
                part: h.part.code(),
                snippet: marked(&h.snippet, "[", "]"),
            })
            .collect();
        return say_json(&entries, t);
    }
    if hits.is_empty() {
        eprintln!("{}", t.search_nothing);
        return Ok(());
    }
    if hits.len() >= crate::store::index::MOST {
        eprintln!(
            "{}",
            crate::i18n::fill(t.search_count_most, &[&hits.len().to_string()])
        );
    }
    let mut text = String::new();
    for hit in &hits {
        let _ = writeln!(text, "{}", heading(hit, guide, t));
        if !hit.snippet.is_empty() {
            let snippet = marked(&hit.snippet, "[", "]");
            let _ = writeln!(text, "    {}", printable(&snippet).replace('\n', " "));
        }
    }
    say(&text, t)
}

/// One line that says where a result is: date, student, company, meeting and part, and
/// what to type to see it (`show placement/moment`), or the placement when a name matched.
fn heading(hit: &Hit, guide: Option<&Guide>, t: &Texts) -> String {
    let who = format!("{} · {}", printable(&hit.student), printable(&hit.company));
    let Some(moment) = hit.moment else {
        return format!("{who}  ({})", printable(&hit.placement));
    };
    let date = hit.date.map_or_else(|| "—".to_string(), |d| t.date(d));
    format!(
        "{date}  {who} · {} · {}  ({}/{})",
        t.moment_word(moment),
        t.part_name(hit.part, guide),
        printable(&hit.placement),
        moment.code(),
    )
}

/// A snippet with its marks replaced by `open` and `close`.
pub fn marked(snippet: &str, open: &str, close: &str) -> String {
    snippet.replace(MARK_START, open).replace(MARK_END, close)
}
