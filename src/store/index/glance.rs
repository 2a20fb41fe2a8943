//! The first screenful of the list as the index last saw it, before anything is compared:
//! what a large archive shows in its first moment, replaced moments later by the list as
//! compared with the files. Opening a placement always reads its files, so nothing is acted
//! on from this. Read-only: it never makes, changes or sets aside an index, which another
//! thread may be building at the same time.

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};

use super::{APPLICATION_ID, INDEX_DIR, INDEX_FILE, SCHEMA};
use crate::domain::summary::PlacementSummary;
use crate::store::Store;

/// More rows than any terminal shows at once.
pub const SCREENFUL: usize = 200;

/// The first `rows` overview lines in list order as of `today`; none when there is no
/// index of this version yet.
pub fn first_rows(store: &Store, today: NaiveDate, rows: usize) -> Vec<PlacementSummary> {
    read(store, today, rows).unwrap_or_default()
}

fn read(store: &Store, today: NaiveDate, rows: usize) -> rusqlite::Result<Vec<PlacementSummary>> {
    let path = store.root().join(INDEX_DIR).join(INDEX_FILE);
    if !path.is_file() {
        return Ok(Vec::new());
    }
    let conn = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_NOFOLLOW,
    )?;
    let id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if id != APPLICATION_ID || version != SCHEMA {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(
        "SELECT summary FROM placement WHERE NOT unreadable AND summary IS NOT NULL
         ORDER BY sort_key, id LIMIT ?1",
    )?;
    let found = stmt.query_map([i64::try_from(rows).unwrap_or(i64::MAX)], |r| {
        r.get::<_, String>(0)
    })?;
    let mut summaries = Vec::new();
    for json in found {
        if let Ok(mut summary) = serde_json::from_str::<PlacementSummary>(&json?) {
            summary.set_today(today);
            summaries.push(summary);
        }
    }
    Ok(summaries)
}
