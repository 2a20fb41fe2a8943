//! Reading files that may have been damaged by anything outside this program: a sync tool, a
//! full disk in another program, a hand edit. Every check happens before the content is
//! trusted, and every failure names the file and, where it applies, the line and column.

use std::fs;
use std::io;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::disk::Disk;
use super::error::{Damage, StoreError};
use crate::domain::MeetingRecord;
use crate::domain::record::SCHEMA_VERSION;

/// Far above any real record (a 200 KB note is a long meeting); a larger file is not read,
/// so a runaway file cannot stall the screen or fill the memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a data file as YAML after checking that it is a plain, reasonably sized text file.
pub fn read_checked<T: DeserializeOwned>(disk: &dyn Disk, path: &Path) -> Result<T, StoreError> {
    let text = read_text(disk, path)?;
    serde_saphyr::from_str(&text).map_err(|e| StoreError::parse(path.to_path_buf(), &e))
}

/// Reads a meeting record or draft, refusing cut-off files and files from a newer version.
pub fn read_record(disk: &dyn Disk, path: &Path) -> Result<MeetingRecord, StoreError> {
    decode_file(&read_text(disk, path)?, path)
}

fn decode_file(text: &str, path: &Path) -> Result<MeetingRecord, StoreError> {
    decode_record(text).map_err(|problem| match problem {
        Problem::Yaml(e) => StoreError::parse(path.to_path_buf(), &e),
        Problem::Damage(damage) => StoreError::Damaged {
            path: path.to_path_buf(),
            damage,
        },
        Problem::Newer(version) => StoreError::Newer {
            path: path.to_path_buf(),
            version,
        },
    })
}

/// Like `read_record`, and also refuses a record with fields this version does not know
/// anywhere inside it. Used where the record is about to be edited and written back, which
/// would otherwise drop those fields without a word.
pub fn read_record_for_editing(disk: &dyn Disk, path: &Path) -> Result<MeetingRecord, StoreError> {
    let text = read_text(disk, path)?;
    let record = decode_file(&text, path)?;
    let mut fields = unknown_fields(&text, &record);
    if !record.extra.is_empty() {
        // Top-level fields are carried along, but only as values this version can hold.
        let names: Vec<&str> = record.extra.keys().map(String::as_str).collect();
        let written = super::to_yaml(&record);
        fields.extend(super::lossless::changed_fields(&text, &written, &names));
    }
    if fields.is_empty() {
        Ok(record)
    } else {
        Err(StoreError::UnknownFields {
            path: path.to_path_buf(),
            fields,
        })
    }
}

/// The paths of fields in `text` that `record` does not carry, so would not write back.
/// Top-level unknown fields are kept by the record (or placement file) itself; nested ones
/// are not.
pub fn unknown_fields<T: serde::Serialize>(text: &str, record: &T) -> Vec<String> {
    let Ok(original) = serde_saphyr::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let Ok(kept) = serde_json::to_value(record) else {
        return Vec::new();
    };
    let mut missing = Vec::new();
    compare(&original, &kept, String::new(), &mut missing);
    missing
}

fn compare(
    original: &serde_json::Value,
    kept: &serde_json::Value,
    at: String,
    out: &mut Vec<String>,
) {
    use serde_json::Value;
    match (original, kept) {
        (Value::Object(theirs), Value::Object(ours)) => {
            for (key, value) in theirs {
                let here = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                match ours.get(key) {
                    Some(mine) => compare(value, mine, here, out),
                    // An empty value written out in full is not lost when it is left out.
                    None if value.is_null() => {}
                    None => out.push(here),
                }
            }
        }
        (Value::Array(theirs), Value::Array(ours)) => {
            for (i, (value, mine)) in theirs.iter().zip(ours).enumerate() {
                compare(value, mine, format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// What is wrong with a record's text.
#[derive(Debug)]
pub enum Problem {
    Yaml(serde_saphyr::Error),
    Damage(Damage),
    Newer(u32),
}

/// Turns record text into a record, or says why it cannot be trusted.
pub fn decode_record(text: &str) -> Result<MeetingRecord, Problem> {
    // Look at the version first: a newer record may not even parse with today's types, and
    // must then be reported as newer, not as damaged.
    if let Some(version) = declared_version(text)
        && version > SCHEMA_VERSION
    {
        return Err(Problem::Newer(version));
    }
    let mut record: MeetingRecord = serde_saphyr::from_str(text).map_err(Problem::Yaml)?;
    if record.schema_version > SCHEMA_VERSION {
        return Err(Problem::Newer(record.schema_version));
    }
    // Version 1 files were written before the end marker existed.
    if record.schema_version >= 2 && !record.end_of_file {
        return Err(Problem::Damage(Damage::Incomplete));
    }
    // From here on the record is what this version will write back.
    record.schema_version = SCHEMA_VERSION;
    record.end_of_file = true;
    Ok(record)
}

pub(crate) fn declared_version(text: &str) -> Option<u32> {
    text.lines()
        .find_map(|line| line.strip_prefix("schema_version:"))
        .and_then(|v| v.trim().parse().ok())
}

/// Checks that `path` is a plain file of a size the program reads, without following a link.
pub fn plain_file(path: &Path) -> Result<(), StoreError> {
    let damaged = |damage| StoreError::Damaged {
        path: path.to_path_buf(),
        damage,
    };
    let meta = fs::symlink_metadata(path).map_err(|source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.file_type().is_symlink() {
        return Err(damaged(Damage::Symlink));
    }
    if !meta.is_file() {
        return Err(damaged(Damage::NotAFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(damaged(Damage::TooLarge { bytes: meta.len() }));
    }
    Ok(())
}

pub(crate) fn read_text(disk: &dyn Disk, path: &Path) -> Result<String, StoreError> {
    let read_error = |source: io::Error| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let damaged = |damage| StoreError::Damaged {
        path: path.to_path_buf(),
        damage,
    };
    plain_file(path)?;
    let bytes = disk.read(path).map_err(read_error)?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() as u64 + 1;
        let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() as u64 + 1;
        damaged(Damage::NotText { line, column })
    })
}

/// Whether `path` exists at all, as a link, file or anything else.
pub fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}
