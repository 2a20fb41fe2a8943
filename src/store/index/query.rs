//! Reading from the index: the overview in list order, and search.

use chrono::NaiveDate;
use rusqlite::params;

use super::{Index, IndexError};
use crate::domain::placement::folded;
use crate::domain::search::{Flag, Part, SearchQuery, mentions, search_words, snippet};
use crate::domain::summary::PlacementSummary;
use crate::domain::{KeyId, Moment, RecordStatus};
use crate::store::{Store, StoreError};

pub use crate::domain::search::{MARK_END, MARK_START};

/// How many words a snippet shows.
const SNIPPET_WORDS: usize = 14;

/// How many results a search gives at most; more is never read by a person.
pub const MOST: usize = 200;

/// One place a search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub placement: String,
    pub student: String,
    pub company: String,
    /// None when the placement itself was found (by a name).
    pub moment: Option<Moment>,
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
        // Read in the table's order and sorted here: through the index on the order, each
        // row would be looked up again.
        let mut stmt = self
            .conn
            .prepare_cached("SELECT sort_key, id, summary, unreadable FROM placement")?;
        let mut rows: Vec<(String, String, Option<String>, bool)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        rows.sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        // Taking the lines apart is most of the time this takes: spread over the cores.
        let parse = |rows: &[(String, String, Option<String>, bool)]| {
            rows.iter()
                .map(|(_, _, json, unreadable)| match json {
                    Some(json) if !unreadable => serde_json::from_str(json).map(Some),
                    _ => Ok(None),
                })
                .collect::<Result<Vec<Option<PlacementSummary>>, _>>()
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let share = rows.len().div_ceil(threads).max(1);
        let parsed: Vec<Option<PlacementSummary>> = std::thread::scope(|scope| {
            let workers: Vec<_> = rows
                .chunks(share)
                .map(|part| scope.spawn(move || parse(part)))
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect::<Result<Vec<_>, _>>()
        })?
        .into_iter()
        .flatten()
        .collect();
        let mut summaries = Vec::with_capacity(rows.len());
        let mut errors = Vec::new();
        for ((_, id, _, _), summary) in rows.iter().zip(parsed) {
            match summary {
                Some(mut summary) => {
                    summary.set_today(today);
                    summaries.push(summary);
                }
                // Read from the files again, so the overview names what cannot be read.
                None => {
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
    /// its filters; a name found first, then the newest meeting first. A letter or two looks
    /// in the names only: a prefix that short matches nearly every record, and what is typed
    /// first is mostly a name. Words found in one part of a meeting find that part; words
    /// found only across its parts, or a name with a word ("noor kassa"), find the meeting at
    /// the part that holds a word.
    pub fn search(&self, query: &SearchQuery, today: NaiveDate) -> Result<Vec<Hit>, IndexError> {
        let expression = query.match_expression();
        let words = search_words(&query.words);
        if expression.is_none() && !query.words.trim().is_empty() {
            // Only signs were typed: nothing to look for, so nothing found.
            return Ok(Vec::new());
        }
        let short = words.iter().all(|w| w.chars().count() < 3);
        let table = if short { "name" } else { "text" };
        let mut found = if expression.is_some() {
            self.matches(table, query, today)?
        } else {
            // Without words every meeting is a result, opened at its beginning.
            self.rows(
                &format!(
                    "SELECT m.placement, p.student, p.company, m.moment, m.date, m.status, NULL,
                            NULL
                     FROM meeting m JOIN placement p ON p.id = m.placement
                     JOIN doc d ON d.placement = m.placement AND d.moment = m.moment
                         AND d.part = 'record'
                     WHERE ?1 IS NULL AND {FILTERS}
                     ORDER BY m.date DESC LIMIT {MOST}"
                ),
                query,
                today,
            )?
        };
        if !short && words.len() > 1 {
            for (hit, _) in self.matches("record", query, today)? {
                let meeting = (&hit.placement, hit.moment);
                if found
                    .iter()
                    .any(|(h, _)| (&h.placement, h.moment) == meeting)
                {
                    continue;
                }
                // Words found in the names only: that is the placement, found already.
                // The words around a match come from that part, not from the names.
                if let Some((part, body)) = self.part_with(&hit, &words)? {
                    found.push((Hit { part, ..hit }, Some(body)));
                }
            }
        }
        // Names first, then the newest meeting; the order found stands within a day.
        found.sort_by_key(|(h, _)| (h.part != Part::Placement, std::cmp::Reverse(h.date)));
        found.truncate(MOST);
        // The words around a match are cut here, only for the results kept: SQLite's own
        // snippets would search every result's text again.
        Ok(found
            .into_iter()
            .map(|(mut hit, body)| {
                if let Some(body) = body {
                    hit.snippet = snippet(&body, &words, SNIPPET_WORDS);
                }
                hit
            })
            .collect())
    }

    /// The texts of full-text table `table` that hold every word, within the filters.
    fn matches(
        &self,
        table: &str,
        query: &SearchQuery,
        today: NaiveDate,
    ) -> Result<Vec<(Hit, Option<String>)>, IndexError> {
        self.rows(
            &format!(
                "SELECT d.placement, p.student, p.company, d.moment, m.date, m.status, d.part,
                        d.body
                 FROM {table} JOIN doc d ON d.id = {table}.rowid
                 JOIN placement p ON p.id = d.placement
                 LEFT JOIN meeting m ON m.placement = d.placement AND m.moment = d.moment
                 WHERE {table} MATCH ?1 AND {FILTERS}
                 ORDER BY m.date DESC, rank LIMIT {MOST}"
            ),
            query,
            today,
        )
    }

    /// The first part of a found meeting that holds one of the words, to open it there; none
    /// when only the names hold them.
    fn part_with(&self, hit: &Hit, words: &[String]) -> Result<Option<(Part, String)>, IndexError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT part, body FROM doc WHERE placement = ?1 AND moment = ?2
             AND part NOT IN ('record', 'placement') ORDER BY id",
        )?;
        let moment = hit.moment.map_or("", Moment::code);
        let mut rows = stmt.query(params![hit.placement, moment])?;
        while let Some(row) = rows.next()? {
            let body: String = row.get(1)?;
            if mentions(&body, words)
                && let Some(part) = Part::from_code(&row.get::<_, String>(0)?)
            {
                return Ok(Some((part, body)));
            }
        }
        Ok(None)
    }

    /// Runs `sql` with the query's words (?1) and filters (?2 to ?10); each row a hit without
    /// its snippet, and the text to cut the snippet from.
    fn rows(
        &self,
        sql: &str,
        query: &SearchQuery,
        today: NaiveDate,
    ) -> Result<Vec<(Hit, Option<String>)>, IndexError> {
        let folded_name = |name: &Option<String>| {
            name.as_deref()
                .map(|n| folded(n).trim().to_string())
                .filter(|n| !n.is_empty())
        };
        let has = |flag: Flag| query.flags.contains(&flag);
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params![
            query.match_expression(),
            query.moment.map(Moment::code),
            folded_name(&query.company),
            folded_name(&query.teacher),
            query.since.map(|d| d.to_string()),
            query.until.map(|d| d.to_string()),
            has(Flag::Late),
            today.to_string(),
            has(Flag::Concern),
            has(Flag::NoVisitYet),
        ])?;
        let mut hits = Vec::new();
        while let Some(row) = rows.next()? {
            let part = match row.get::<_, Option<String>>(6)?.as_deref() {
                // A whole meeting: the part is found afterwards.
                None | Some("record") => Part::Key(KeyId::LearningProcesses),
                Some(code) => match Part::from_code(code) {
                    Some(part) => part,
                    None => continue,
                },
            };
            let status = match row.get::<_, Option<String>>(5)?.as_deref() {
                Some("final") => Some(RecordStatus::Final),
                Some("draft") => Some(RecordStatus::Draft),
                _ => None,
            };
            let hit = Hit {
                placement: row.get(0)?,
                student: row.get(1)?,
                company: row.get(2)?,
                moment: Moment::from_code(&row.get::<_, String>(3)?),
                date: row
                    .get::<_, Option<String>>(4)?
                    .and_then(|d| d.parse::<NaiveDate>().ok()),
                status,
                part,
                snippet: String::new(),
            };
            hits.push((hit, row.get::<_, Option<String>>(7)?));
        }
        Ok(hits)
    }
}

/// The filters of a search, on `d` (the text), `p` (its placement) and `m` (its meeting):
/// ?2 moment, ?3 company, ?4 teacher (folded), ?5 since, ?6 until, ?7 late (with ?8 today),
/// ?9 concern, ?10 no visit yet. A date filter leaves out what has no date.
const FILTERS: &str = "(?2 IS NULL OR d.moment = ?2)
    AND (?3 IS NULL OR instr(p.company_folded, ?3) > 0)
    AND (?4 IS NULL OR instr(p.teacher_folded, ?4) > 0)
    AND (?5 IS NULL OR m.date >= ?5)
    AND (?6 IS NULL OR m.date <= ?6)
    AND (NOT ?7 OR p.next_due < ?8)
    AND (NOT ?9 OR p.concern)
    AND (NOT ?10 OR p.no_visit)";

impl Index {
    /// The companies whose name holds `name` (case and accents aside), each with the ids of
    /// its placements; a company whose whole name is `name` alone when there is one.
    pub fn companies(&self, name: &str) -> Result<Vec<(String, Vec<String>)>, IndexError> {
        let wanted = folded(name).trim().to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT company, company_folded, id FROM placement
             WHERE company_folded <> '' AND instr(company_folded, ?1) > 0
             ORDER BY company_folded, id",
        )?;
        let mut found: Vec<(String, String, Vec<String>)> = Vec::new();
        let mut rows = stmt.query([&wanted])?;
        while let Some(row) = rows.next()? {
            let (company, key, id): (String, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?);
            match found.iter_mut().find(|(_, k, _)| *k == key.trim()) {
                Some((_, _, ids)) => ids.push(id),
                None => found.push((company, key.trim().to_string(), vec![id])),
            }
        }
        if let Some(exact) = found.iter().position(|(_, k, _)| *k == wanted) {
            let (company, _, ids) = found.swap_remove(exact);
            return Ok(vec![(company, ids)]);
        }
        Ok(found.into_iter().map(|(c, _, ids)| (c, ids)).collect())
    }
}
