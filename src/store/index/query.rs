//! Reading from the index: the overview in list order, and search.

use chrono::NaiveDate;
use rusqlite::params;

use super::{Index, IndexError};
use crate::domain::search::{Flag, Part, SearchQuery};
use crate::domain::summary::PlacementSummary;
use crate::domain::{KeyId, Moment, RecordStatus};
use crate::store::{Store, StoreError};

/// Marks around a matched word in a snippet; never typed by anyone (control characters are
/// taken out of everything stored).
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

/// How many results a search gives at most; more is never read by a person.
const MOST: usize = 200;

/// One place a search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub placement: String,
    pub student: String,
    pub company: String,
    pub moment: Moment,
    /// The meeting's date; none for a preparation of a meeting not yet held.
    pub date: Option<NaiveDate>,
    /// None for a preparation of a meeting not yet held.
    pub status: Option<RecordStatus>,
    pub part: Part,
    /// A few words around the match, each match between `MARK_START` and `MARK_END`.
    pub snippet: String,
}

impl Index {
    /// Every placement's overview line, sorted by student, as of `today`; placements with a
    /// file that cannot be read are read from the files again, so their errors are named.
    pub fn summaries(
        &self,
        store: &Store,
        today: NaiveDate,
    ) -> Result<(Vec<PlacementSummary>, Vec<StoreError>), IndexError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, summary, unreadable FROM placement ORDER BY sort_key, id",
        )?;
        let rows: Vec<(String, Option<String>, bool)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mut summaries = Vec::with_capacity(rows.len());
        let mut errors = Vec::new();
        for (id, json, unreadable) in &rows {
            match json {
                Some(json) if !unreadable => {
                    let mut summary: PlacementSummary = serde_json::from_str(json)?;
                    summary.set_today(today);
                    summaries.push(summary);
                }
                // Read from the files again, so the overview names what cannot be read.
                _ => {
                    if let Some(contents) = store.contents(id, today) {
                        summaries.extend(contents.summary);
                        errors.extend(contents.errors);
                    }
                }
            }
        }
        Ok((summaries, errors))
    }

    /// The places that hold every word of `query` (or, without words, every meeting), within
    /// its filters; best matches first.
    pub fn search(&self, query: &SearchQuery, today: NaiveDate) -> Result<Vec<Hit>, IndexError> {
        let moment = query.moment.map(Moment::code);
        let sql = if query.match_expression().is_some() {
            "SELECT d.placement, p.student, p.company, p.teacher, p.summary, d.moment, m.date,
                    m.status, d.part, snippet(text, 0, char(2), char(3), '…', 12)
             FROM text JOIN doc d ON d.id = text.rowid
             JOIN placement p ON p.id = d.placement
             LEFT JOIN meeting m ON m.placement = d.placement AND m.moment = d.moment
             WHERE text MATCH ?1 AND (?2 IS NULL OR d.moment = ?2)
             ORDER BY rank, m.date DESC"
        } else {
            // Without words every meeting is a result, opened at its beginning.
            "SELECT m.placement, p.student, p.company, p.teacher, p.summary, m.moment, m.date,
                    m.status, NULL, ''
             FROM meeting m JOIN placement p ON p.id = m.placement
             WHERE ?1 IS NULL AND (?2 IS NULL OR m.moment = ?2)
             ORDER BY m.date DESC"
        };
        let words = query.match_expression();
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params![words, moment])?;
        let mut hits = Vec::new();
        while let Some(row) = rows.next()? {
            let company: String = row.get(2)?;
            let teacher: String = row.get(3)?;
            if !query.names_match(&company, &teacher) {
                continue;
            }
            let date = row
                .get::<_, Option<String>>(6)?
                .and_then(|d| d.parse::<NaiveDate>().ok());
            if (query.since.is_some() || query.until.is_some())
                && !date.is_some_and(|d| query.date_matches(d))
            {
                continue;
            }
            if !query.flags.is_empty() {
                let Some(json) = row.get::<_, Option<String>>(4)? else {
                    continue;
                };
                let mut summary: PlacementSummary = serde_json::from_str(&json)?;
                summary.set_today(today);
                if !query.flags.iter().all(|f| has_flag(&summary, *f)) {
                    continue;
                }
            }
            let Some(moment) = Moment::from_code(&row.get::<_, String>(5)?) else {
                continue;
            };
            let part = match row.get::<_, Option<String>>(8)? {
                Some(code) => match Part::from_code(&code) {
                    Some(part) => part,
                    None => continue,
                },
                None => Part::Key(KeyId::LearningProcesses),
            };
            let status = match row.get::<_, Option<String>>(7)?.as_deref() {
                Some("final") => Some(RecordStatus::Final),
                Some("draft") => Some(RecordStatus::Draft),
                _ => None,
            };
            hits.push(Hit {
                placement: row.get(0)?,
                student: row.get(1)?,
                company,
                moment,
                date,
                status,
                part,
                snippet: row.get(9)?,
            });
            if hits.len() == MOST {
                break;
            }
        }
        Ok(hits)
    }
}

fn has_flag(summary: &PlacementSummary, flag: Flag) -> bool {
    match flag {
        Flag::Late => summary.overdue,
        Flag::Concern => summary.concern,
        Flag::NoVisitYet => summary.on_site_at_risk(),
    }
}
