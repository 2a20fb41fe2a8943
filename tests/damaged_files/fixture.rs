//! Fictional demo data with a distinctive note in every meeting file, and small helpers to
//! damage a file and to compare it before and after.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use stagegesprek::domain::Moment;
use stagegesprek::store::Store;

/// A fictional sentence put in the notes of every record and draft. It must never show up in
/// an error message, whatever happened to the file.
pub const NOTE: &str = "Kiki Zonnebloem repareerde dinsdag de paarse fietspomp van Quirijn.";

/// Fails when any six-letter piece of a distinctive word of `NOTE` is in `text`, so that a
/// note cut off halfway is caught as well.
#[track_caller]
pub fn assert_no_note_text(text: &str) {
    for word in NOTE.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < 6 {
            continue;
        }
        for piece in chars.windows(6) {
            let piece: String = piece.iter().collect();
            assert!(!text.contains(&piece), "note text {piece:?} leaked: {text}");
        }
    }
}

pub struct Fixture {
    pub tmp: tempfile::TempDir,
    /// Every placement id in the data folder.
    pub ids: Vec<String>,
}

impl Fixture {
    /// Six fictional placements from `demo-data`, with `NOTE` in every meeting file.
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        let out = Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
            .arg("demo-data")
            .arg(&data)
            .args(["--placements", "6"])
            .env("STAGEGESPREK_CONFIG_DIR", tmp.path().join("no-config"))
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let store = Store::open(&data).unwrap();
        let mut ids = Vec::new();
        for entry in fs::read_dir(data.join("placements")).unwrap() {
            let id = entry.unwrap().file_name().to_string_lossy().into_owned();
            for path in store.meeting_files(&id) {
                let mut record = store.read_record_file(&path).unwrap();
                let notes = &mut record.keys.learning_processes.notes;
                *notes = format!("{NOTE}\n{notes}");
                record.private_notes = format!("{NOTE} {}", record.private_notes);
                store.write_yaml(&path, &record).unwrap();
            }
            ids.push(id);
        }
        ids.sort();
        assert_eq!(ids.len(), 6);
        Self { tmp, ids }
    }

    pub fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    pub fn store(&self) -> Store {
        Store::open(self.data()).unwrap()
    }

    /// The largest held start record: a placement id and the record's path.
    pub fn held_record(&self) -> (String, PathBuf) {
        let store = self.store();
        self.ids
            .iter()
            .map(|id| (id.clone(), store.record_path(id, Moment::Start)))
            .filter(|(_, p)| p.is_file())
            .max_by_key(|(_, p)| fs::metadata(p).unwrap().len())
            .expect("demo data has a held start record")
    }

    /// A draft of a meeting in progress: placement id, moment and path.
    pub fn draft(&self) -> (String, Moment, PathBuf) {
        let store = self.store();
        self.ids
            .iter()
            .flat_map(|id| Moment::ALL.map(|m| (id.clone(), m, store.draft_path(id, m))))
            .find(|(_, _, p)| p.is_file())
            .expect("demo data has a draft")
    }
}

/// What is at `path`, without following a link: the link target and its bytes, a folder, or
/// the file's bytes.
pub fn snapshot(path: &Path) -> Vec<u8> {
    let meta = fs::symlink_metadata(path).unwrap();
    if meta.is_symlink() {
        let target = fs::read_link(path).unwrap();
        let mut out = format!("link to {}\n", target.display()).into_bytes();
        out.extend(fs::read(path.parent().unwrap().join(target)).unwrap());
        out
    } else if meta.is_dir() {
        b"a folder".to_vec()
    } else {
        fs::read(path).unwrap()
    }
}

/// `text` with its first line starting with `prefix` replaced; also returns that line's
/// number, counted from 1.
pub fn replace_line(text: &str, prefix: &str, replacement: &str) -> (String, u64) {
    let mut found = None;
    let lines: Vec<&str> = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if found.is_none() && line.starts_with(prefix) {
                found = Some(i as u64 + 1);
                replacement
            } else {
                line
            }
        })
        .collect();
    let line = found.unwrap_or_else(|| panic!("no line starts with {prefix}"));
    (lines.join("\n") + "\n", line)
}

/// A small seeded generator (xorshift64), so that "random" damage is the same every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0.max(1);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}
