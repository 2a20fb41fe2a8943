//! The index: a cache over the YAML files, never the truth. It holds each placement's overview
//! line and the searchable text of its records, so the overview, search and the views that
//! look back do not read every file again. It can be deleted at any time; the next use rebuilds
//! it from the files. A file that is not our index, or a damaged one, is set aside and
//! rebuilt, never trusted.
//!
//! ```text
//! <data dir>/cache/index.sqlite3     local only: never shared, never backed up as data
//! ```
//!
//! Freshness: every use first compares each placement folder with what the index saw (see
//! `signature`), so an edit made outside the program, a preparation imported by another
//! process or files arriving from a colleague are read again before anything is shown.

pub mod glance;
mod query;
mod refresh;
mod signature;

use std::fs::{self, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use query::{Hit, MARK_END, MARK_START, MOST};
pub use refresh::Refreshed;

use super::durable;
use super::{SET_ASIDE_DIR, Store, privacy};

pub const INDEX_DIR: &str = "cache";
pub const INDEX_FILE: &str = "index.sqlite3";

/// Marks the file as ours ("STGS"), so a foreign SQLite file is never taken for the index.
const APPLICATION_ID: i32 = 0x5354_4753;
/// Raised whenever what the index holds changes shape; an index of another version is
/// rebuilt.
const SCHEMA: i32 = 5;

/// How long a refresh waits for another window that is refreshing the same index.
const BUSY: Duration = Duration::from_secs(3);

const CREATE: &str = "
    CREATE TABLE placement (
        id TEXT PRIMARY KEY,
        -- the folder and its files as they were when read (see signature.rs)
        sig INTEGER NOT NULL,
        files TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        student TEXT NOT NULL,
        company TEXT NOT NULL,
        teacher TEXT NOT NULL,
        -- as a search compares them: lowercase, accents folded
        company_folded TEXT NOT NULL,
        teacher_folded TEXT NOT NULL,
        -- what the search's flags ask about: overdue is next_due before today
        next_due TEXT,
        concern INTEGER NOT NULL,
        no_visit INTEGER NOT NULL,
        -- the overview line as JSON; NULL when the placement file cannot be read
        summary TEXT,
        -- some file of the placement cannot be read: it is read again at every use, so the
        -- overview names it as the files would
        unreadable INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX placement_order ON placement (sort_key, id);
    -- what every use compares with the folders, read alone without the wide rows
    CREATE INDEX placement_seen ON placement (id, sig, files, unreadable);
    CREATE TABLE meeting (
        placement TEXT NOT NULL,
        moment TEXT NOT NULL,
        status TEXT NOT NULL,
        date TEXT NOT NULL,
        PRIMARY KEY (placement, moment)
    ) WITHOUT ROWID;
    -- the searchable text, one row per part of a meeting; `text` indexes its words
    CREATE TABLE doc (
        id INTEGER PRIMARY KEY,
        placement TEXT NOT NULL,
        moment TEXT NOT NULL,
        part TEXT NOT NULL,
        body TEXT NOT NULL
    );
    CREATE INDEX doc_placement ON doc (placement);
    -- prefixes of one to three letters are indexed, so the first letters typed in a search
    -- are answered as fast as whole words
    CREATE VIRTUAL TABLE text USING fts5 (
        body,
        content = 'doc',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
    );
    -- each meeting as one text with the placement's names, for words remembered from
    -- different parts of it
    CREATE VIRTUAL TABLE record USING fts5 (
        body,
        content = 'doc',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
    );
    -- the names of each placement alone, for the first letter or two typed: a short prefix
    -- matches almost every word of every record, but only a few names
    CREATE VIRTUAL TABLE name USING fts5 (
        body,
        content = 'doc',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2'
    );
";

/// Why the index could not be used; the caller then reads the files, which are the truth.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{0}")]
    Sql(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("summary: {0}")]
    Json(#[from] serde_json::Error),
    /// Too little room left on the disk: the index never takes the space a note needs.
    #[error("too little free space for the index")]
    LowSpace,
}

/// Below this much free space the index is not written to: a cache may never take the room
/// a teacher's note needs. The overview then reads the files, as before the index.
pub const SPACE_KEPT_FREE: u64 = 64 * 1024 * 1024;

/// Whether the disk holding `dir` has room to spare for the index.
fn room_for_index(dir: &Path) -> bool {
    rustix::fs::statvfs(dir).map_or(true, |s| {
        s.f_bavail.saturating_mul(s.f_frsize) >= SPACE_KEPT_FREE
    })
}

impl IndexError {
    /// The file is not a database, or a damaged one: set it aside and build anew.
    /// A missing table or column (a file another build made) counts as damage too: waiting,
    /// a full disk or a read-only folder do not, and rebuilding would not help them.
    fn is_damage(&self) -> bool {
        use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase, Unknown};
        match self {
            Self::Sql(rusqlite::Error::SqliteFailure(e, _)) => {
                matches!(e.code, NotADatabase | DatabaseCorrupt | Unknown)
            }
            Self::Sql(rusqlite::Error::SqlInputError { .. }) => true,
            Self::Json(_) => true,
            _ => false,
        }
    }
}

pub struct Index {
    conn: Connection,
    path: PathBuf,
    /// Where an unusable index file was moved when this one was made in its place.
    pub set_aside: Option<PathBuf>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("path", &self.path).finish()
    }
}

impl Index {
    /// Opens the index of `store`, creating it when there is none. A file there that is not
    /// this version's index is set aside and a new one made.
    pub fn open(store: &Store) -> Result<Self, IndexError> {
        let dir = store.root().join(INDEX_DIR);
        let path = dir.join(INDEX_FILE);
        if fs::symlink_metadata(&path).is_err() && !room_for_index(store.root()) {
            return Err(IndexError::LowSpace);
        }
        // Something else where the index folder belongs (a file, a link) is moved aside,
        // unchanged, and a real folder made: links are never followed in the data folder.
        if fs::symlink_metadata(&dir).is_ok_and(|m| !m.is_dir()) {
            store
                .set_aside(&dir)
                .map_err(|e| io::Error::other(e.to_string()))?;
        }
        durable::create_dir(&dir)?;
        match Self::open_at(&path) {
            Ok(index) => Ok(index),
            Err(e) if e.is_damage() || matches!(e, IndexError::Io(_)) => {
                let aside = set_aside(&dir, &path)?;
                let mut index = Self::open_at(&path)?;
                index.set_aside = aside;
                Ok(index)
            }
            Err(e) => Err(e),
        }
    }

    fn open_at(path: &Path) -> Result<Self, IndexError> {
        if let Ok(meta) = fs::symlink_metadata(path)
            && !meta.is_file()
        {
            return Err(io::Error::other("the index is not a plain file").into());
        }
        // Made here, owner-only, before SQLite would make it with the default permissions.
        let _ = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_NOFOLLOW,
        )?;
        conn.busy_timeout(BUSY)?;
        // A cache: WAL keeps readers and one writer apart, NORMAL is safe from damage on a
        // power cut and only loses the last changes, which the next refresh reads again.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Checkpointed often and kept short, so building never holds much more than the
        // index itself on the disk.
        conn.pragma_update(None, "wal_autocheckpoint", 100)?;
        conn.pragma_update(None, "journal_size_limit", 1024 * 1024)?;
        // Read through memory mapping rather than a system call per page.
        conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
        let id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if id == 0 && version == 0 && tables == 0 {
            conn.execute_batch(CREATE)?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            conn.pragma_update(None, "user_version", SCHEMA)?;
        } else if id != APPLICATION_ID || version != SCHEMA {
            return Err(IndexError::Sql(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_NOTADB),
                Some("not this version's index".into()),
            )));
        }
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            set_aside: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Moves an unusable index out of the way, unchanged, into `cache/set-aside/`; what SQLite
/// kept beside it belongs to it and is removed.
fn set_aside(dir: &Path, path: &Path) -> Result<Option<PathBuf>, IndexError> {
    let mut aside = None;
    if fs::symlink_metadata(path).is_ok() {
        let target_dir = dir.join(SET_ASIDE_DIR);
        durable::create_dir(&target_dir)?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let mut target = target_dir.join(format!("{stamp}-{INDEX_FILE}"));
        let mut n = 2;
        while fs::symlink_metadata(&target).is_ok() {
            target = target_dir.join(format!("{stamp}-{n}-{INDEX_FILE}"));
            n += 1;
        }
        fs::rename(path, &target)?;
        aside = Some(target);
    }
    for extra in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(extra);
        let _ = fs::remove_file(PathBuf::from(name));
    }
    Ok(aside)
}

/// The overview of all placements, and what it took to get it.
#[derive(Debug, Default)]
pub struct Overview {
    pub summaries: Vec<crate::domain::summary::PlacementSummary>,
    pub errors: Vec<super::StoreError>,
    /// Files and folders whose permissions were narrowed on the way.
    pub repaired: Vec<PathBuf>,
    /// Why the index could not be used this time (the files were read instead).
    pub index_failed: Option<String>,
    /// Where an unusable index file was moved.
    pub index_set_aside: Option<PathBuf>,
}

impl Store {
    /// The index, brought up to date with the files. A damaged index found on the way is
    /// set aside and built anew once.
    pub fn fresh_index(
        &self,
        today: chrono::NaiveDate,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(Index, Refreshed), IndexError> {
        self.fresh_index_while(today, progress, |_| ())
            .map(|(index, done, ())| (index, done))
    }

    /// As `fresh_index`, with `ask` answered from the fresh index; it is asked while the
    /// folders are compared, and again only when something had changed (see
    /// `Index::refresh_while`).
    pub fn fresh_index_while<T>(
        &self,
        today: chrono::NaiveDate,
        progress: &mut dyn FnMut(usize, usize),
        ask: impl Fn(&Index) -> T,
    ) -> Result<(Index, Refreshed, T), IndexError> {
        let mut index = Index::open(self)?;
        match index.refresh_while(self, today, progress, &ask) {
            Ok((done, answer)) => Ok((index, done, answer)),
            Err(e) if e.is_damage() => {
                let dir = self.root().join(INDEX_DIR);
                let path = index.path.clone();
                drop(index);
                let aside = set_aside(&dir, &path)?;
                let mut index = Index::open(self)?;
                index.set_aside = aside.or(index.set_aside);
                let (done, answer) = index.refresh_while(self, today, progress, &ask)?;
                Ok((index, done, answer))
            }
            Err(e) => Err(e),
        }
    }

    /// Every placement's overview line as of `today`, from the index when it can be used
    /// and from the files otherwise; the same either way.
    pub fn overview(
        &self,
        today: chrono::NaiveDate,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Overview {
        let asked = self.fresh_index_while(today, progress, |index| index.summaries(self, today));
        let from_index = asked.and_then(|(index, done, answer)| {
            let (summaries, errors) = answer?;
            Ok(Overview {
                summaries,
                errors,
                repaired: done.repaired,
                index_failed: None,
                index_set_aside: index.set_aside,
            })
        });
        from_index.unwrap_or_else(|e| {
            let (summaries, errors) = self.summaries_on(today);
            Overview {
                summaries,
                errors,
                repaired: privacy::repair_permissions(&self.placements_dir()),
                index_failed: Some(e.to_string()),
                index_set_aside: None,
            }
        })
    }
}
