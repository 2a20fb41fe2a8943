//! Bringing the index up to date with the files: every placement folder is compared with
//! its signature, and only the ones that changed (or are new) are read again.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rusqlite::params;

use super::signature::{files_of, joined, names, signature};
use super::{Index, IndexError};
use crate::domain::placement::folded;
use crate::domain::search::{Part, placement_text, preparation_text, record_texts};
use crate::domain::summary::PlacementSummary;
use crate::store::placements::Contents;
use crate::store::{Store, privacy};

/// What a refresh did.
#[derive(Debug, Default)]
pub struct Refreshed {
    /// Placement folders read again (new, changed, or with a file that cannot be read).
    pub read: usize,
    /// Placements that were gone and left the index.
    pub removed: usize,
    /// Files and folders whose permissions were narrowed on the way.
    pub repaired: Vec<PathBuf>,
}

/// What the index saw of a placement folder when it last read it.
struct Seen {
    id: String,
    sig: i64,
    /// The names of the files signed, as `signature::joined` wrote them.
    files: String,
    unreadable: bool,
}

/// How many placements are read between two reports of progress, and in one transaction.
const BATCH: usize = 200;

impl Index {
    /// Compares every placement folder with what the index saw and reads again the ones that
    /// changed. `progress` hears (read so far, to read) while a large part must be read, as
    /// on the first build.
    pub fn refresh(
        &mut self,
        store: &Store,
        today: NaiveDate,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Refreshed, IndexError> {
        self.refresh_while(store, today, progress, |_| ())
            .map(|(done, ())| done)
    }

    /// As `refresh`, and meanwhile, on this thread while other threads compare the folders,
    /// `ask` what the index holds. Most of the time nothing changed, and the answer is ready
    /// when the comparing is; when something did, `ask` is asked again afterwards.
    pub fn refresh_while<T>(
        &mut self,
        store: &Store,
        today: NaiveDate,
        progress: &mut dyn FnMut(usize, usize),
        ask: impl Fn(&Self) -> T,
    ) -> Result<(Refreshed, T), IndexError> {
        let root = store.placements_dir();
        // The folders are listed while the index says what it saw.
        let (known, on_disk) = std::thread::scope(|scope| {
            let lister = scope.spawn(|| list_folders(&root));
            let known = self.seen();
            let on_disk = lister
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p));
            (known, on_disk)
        });
        let (known, on_disk) = (known?, on_disk?);
        // Every folder is looked up from the placements folder, opened once.
        let base = match rustix::fs::open(
            &root,
            rustix::fs::OFlags::DIRECTORY
                | rustix::fs::OFlags::RDONLY
                | rustix::fs::OFlags::CLOEXEC,
            rustix::fs::Mode::empty(),
        ) {
            Ok(fd) => Some(fd),
            // No placements folder: none on disk, and every one the index knew is gone.
            Err(e) if e == rustix::io::Errno::NOENT => None,
            Err(e) => return Err(std::io::Error::from(e).into()),
        };
        let is_changed = |id: &String| {
            let seen = known
                .binary_search_by(|s| s.id.as_str().cmp(id))
                .ok()
                .map(|i| &known[i]);
            !seen.is_some_and(|s| {
                !s.unreadable
                    && base
                        .as_ref()
                        .is_some_and(|base| signature(base, id, names(&s.files)) == Some(s.sig))
            })
        };
        let (changed, early) = compare(&on_disk, is_changed, || ask(self));
        let gone: Vec<&String> = known
            .iter()
            .map(|s| &s.id)
            .filter(|id| on_disk.binary_search(id).is_err())
            .collect();
        if (!changed.is_empty() || !gone.is_empty()) && !super::room_for_index(&root) {
            return Err(IndexError::LowSpace);
        }
        let mut done = Refreshed::default();
        if !gone.is_empty() {
            let tx = self.conn.transaction()?;
            for id in &gone {
                forget(&tx, id)?;
            }
            tx.commit()?;
            done.removed = gone.len();
        }
        let total = changed.len();
        for (n, batch) in changed.chunks(BATCH).enumerate() {
            if total > BATCH {
                progress(n * BATCH, total);
            }
            let tx = self.conn.transaction()?;
            for id in batch {
                let dir = root.join(id);
                // Permissions first: narrowing them changes the signature taken next.
                if fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
                    done.repaired.extend(privacy::repair_permissions(&dir));
                }
                let files = files_of(&dir);
                // Signed before reading: a file written in between is read again next time.
                let sig = base
                    .as_ref()
                    .and_then(|base| signature(base, id, files.iter().map(String::as_str)));
                forget(&tx, id)?;
                let (Some(sig), Some(contents)) = (sig, store.contents(id, today)) else {
                    continue;
                };
                remember(&tx, id, sig, &joined(&files), &contents)?;
                done.read += 1;
            }
            tx.commit()?;
        }
        if total > BATCH {
            progress(total, total);
        }
        let answer = if done.read + done.removed > 0 {
            ask(self)
        } else {
            early
        };
        Ok((done, answer))
    }

    /// What the index saw of each placement folder, in the order of the ids: the folders are
    /// sorted the same way (bytes), so both are looked up by halving.
    fn seen(&self) -> Result<Vec<Seen>, IndexError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, sig, files, unreadable FROM placement ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(Seen {
                id: r.get(0)?,
                sig: r.get(1)?,
                files: r.get(2)?,
                unreadable: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The names in the placements folder, sorted.
fn list_folders(root: &Path) -> Result<Vec<String>, IndexError> {
    let mut names: Vec<String> = fs::read_dir(root)?
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    names.sort();
    Ok(names)
}

/// The folders for which `is_changed` holds, found by every core: comparing is one `stat` per
/// file, and most of the time an overview takes. This thread first does `meanwhile`, then
/// helps. Folders are handed out a few at a time, so no thread waits on another's share.
fn compare<T>(
    on_disk: &[String],
    is_changed: impl Fn(&String) -> bool + Sync,
    meanwhile: impl FnOnce() -> T,
) -> (Vec<String>, T) {
    const SHARE: usize = 64;
    let next = AtomicUsize::new(0);
    let work = || {
        let mut changed = Vec::new();
        loop {
            let from = next.fetch_add(SHARE, Ordering::Relaxed);
            let Some(ids) = on_disk.get(from..(from + SHARE).min(on_disk.len())) else {
                break;
            };
            if ids.is_empty() {
                break;
            }
            changed.extend(ids.iter().filter(|id| is_changed(id)).cloned());
        }
        changed
    };
    let helpers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4)) - 1;
    let (mut changed, early, failed) = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..helpers).map(|_| scope.spawn(work)).collect();
        let early = meanwhile();
        let mut changed = work();
        let mut failed = false;
        for worker in workers {
            match worker.join() {
                Ok(found) => changed.extend(found),
                Err(_) => failed = true,
            }
        }
        (changed, early, failed)
    });
    // A comparison that failed half-way cannot say what it had: everything is read again.
    if failed {
        changed = on_disk.to_vec();
    }
    changed.sort();
    (changed, early)
}

fn forget(tx: &rusqlite::Transaction, id: &str) -> Result<(), IndexError> {
    tx.prepare_cached("DELETE FROM placement WHERE id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM meeting WHERE placement = ?1")?
        .execute([id])?;
    // The words leave the full-text index first, while their text is still there to say
    // which words they were.
    tx.prepare_cached(
        "INSERT INTO text (text, rowid, body)
         SELECT 'delete', id, body FROM doc WHERE placement = ?1 AND part <> 'record'",
    )?
    .execute([id])?;
    tx.prepare_cached(
        "INSERT INTO record (record, rowid, body)
         SELECT 'delete', id, body FROM doc WHERE placement = ?1 AND part = 'record'",
    )?
    .execute([id])?;
    tx.prepare_cached(
        "INSERT INTO name (name, rowid, body)
         SELECT 'delete', id, body FROM doc WHERE placement = ?1 AND part = 'placement'",
    )?
    .execute([id])?;
    tx.prepare_cached("DELETE FROM doc WHERE placement = ?1")?
        .execute([id])?;
    Ok(())
}

fn remember(
    tx: &rusqlite::Transaction,
    id: &str,
    sig: i64,
    files: &str,
    contents: &Contents,
) -> Result<(), IndexError> {
    let summary = contents.summary.as_ref();
    let placement = summary.map(|s| &*s.placement);
    let (student, company, teacher) = placement.map_or(("", "", ""), |p| {
        (p.student.as_str(), p.company.as_str(), p.teacher.as_str())
    });
    let json = summary.map(serde_json::to_string).transpose()?;
    tx.prepare_cached(
        "INSERT INTO placement
             (id, sig, files, sort_key, student, company, teacher, company_folded,
              teacher_folded, next_due, concern, no_visit, summary, unreadable)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        id,
        sig,
        files,
        student.to_lowercase(),
        student,
        company,
        teacher,
        folded(company),
        folded(teacher),
        summary.and_then(|s| s.next_due).map(|d| d.to_string()),
        summary.is_some_and(|s| s.concern),
        summary.is_some_and(PlacementSummary::on_site_at_risk),
        json,
        !contents.errors.is_empty()
    ])?;
    // Each text is a row of `doc`; the full-text tables index it under the same id, and the
    // names of the placement also go into the small table searched for a letter or two.
    let add = |moment: &str, part: Part, body: &str| -> rusqlite::Result<()> {
        tx.prepare_cached(
            "INSERT INTO doc (placement, moment, part, body) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, moment, part.code(), body])?;
        let row = tx.last_insert_rowid();
        tx.prepare_cached("INSERT INTO text (rowid, body) VALUES (?1, ?2)")?
            .execute(params![row, body])?;
        if part == Part::Placement {
            tx.prepare_cached("INSERT INTO name (rowid, body) VALUES (?1, ?2)")?
                .execute(params![row, body])?;
        }
        Ok(())
    };
    let add_text =
        |moment: crate::domain::Moment, part: Part, body: &str| add(moment.code(), part, body);
    if let Some(placement) = placement {
        // Not tied to a meeting: the moment is left empty.
        add("", Part::Placement, &placement_text(placement))?;
    }
    let mut with_text: Vec<(crate::domain::Moment, Part)> = Vec::new();
    // A held record is what was said; a draft only where nothing was held yet.
    let mut records: Vec<_> = contents.records.iter().collect();
    records.sort_by_key(|r| (r.moment, r.status != crate::domain::RecordStatus::Final));
    records.dedup_by_key(|r| r.moment);
    for record in records {
        tx.prepare_cached(
            "INSERT INTO meeting (placement, moment, status, date) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            id,
            record.moment.code(),
            status_code(record.status),
            record.date.to_string()
        ])?;
        let mut whole = placement.map(placement_text).unwrap_or_default();
        for (part, body) in record_texts(record) {
            add_text(record.moment, part, &body)?;
            with_text.push((record.moment, part));
            whole.push('\n');
            whole.push_str(&body);
        }
        // The whole meeting with the names as one text, for words remembered from different
        // parts ("noor kassa"); only in its own full-text table.
        tx.prepare_cached(
            "INSERT INTO doc (placement, moment, part, body) VALUES (?1, ?2, 'record', ?3)",
        )?
        .execute(params![id, record.moment.code(), whole])?;
        let row = tx.last_insert_rowid();
        tx.prepare_cached("INSERT INTO record (rowid, body) VALUES (?1, ?2)")?
            .execute(params![row, whole])?;
    }
    for (moment, by, preparation) in &contents.preparations {
        let part = Part::Preparation(*by);
        if with_text.contains(&(*moment, part)) {
            continue;
        }
        let body = preparation_text(preparation);
        if !body.is_empty() {
            add_text(*moment, part, &body)?;
        }
    }
    Ok(())
}

fn status_code(status: crate::domain::RecordStatus) -> &'static str {
    match status {
        crate::domain::RecordStatus::Final => "final",
        crate::domain::RecordStatus::Draft => "draft",
    }
}
