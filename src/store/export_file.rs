//! Writing an export where the teacher will find it: a folder outside the data folder,
//! created when missing. An export is a copy for people, so it may replace an earlier export
//! of the same name, but it is never written into the data folder, never through a link and
//! never over anything but a plain file.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::error::{Refusal, StoreError};
use super::{Store, durable};

impl Store {
    /// Writes `text` as `dir/file_name` atomically (0600), creating `dir` (0700) if needed,
    /// and returns the full path. `dir` itself may be a link the user chose, as the data
    /// folder may; the file in it never is. Refused (`Refusal::InDataDir`) when `dir` lies in
    /// the data folder, and (`Refusal::NotAPlainFile`) when the name is taken by a link, a
    /// folder or a device. An existing plain file is replaced in one step.
    pub fn write_export(
        &self,
        dir: &Path,
        file_name: &str,
        text: &str,
    ) -> Result<PathBuf, StoreError> {
        let path = dir.join(file_name);
        let one_name = Path::new(file_name).components().count() == 1
            && matches!(
                Path::new(file_name).components().next(),
                Some(Component::Normal(_))
            );
        if !one_name {
            return Err(StoreError::Refused {
                path,
                reason: Refusal::NotAPlainFile,
            });
        }
        // Checked before the folder is made, so a refused export leaves nothing behind, and
        // again after, when every link on the way can be resolved.
        self.outside_data(dir, &path)?;
        durable::create_dir(dir).map_err(|source| StoreError::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        self.outside_data(dir, &path)?;
        match fs::symlink_metadata(&path) {
            Ok(meta) if !meta.file_type().is_file() => {
                return Err(StoreError::Refused {
                    path,
                    reason: Refusal::NotAPlainFile,
                });
            }
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(StoreError::Read { path, source: e });
            }
            _ => {}
        }
        // The rename that ends the write replaces a link put there meanwhile; it never
        // writes through one.
        self.disk
            .write(&path, text.as_bytes())
            .map_err(|source| StoreError::Write {
                path: path.clone(),
                source,
            })?;
        Ok(path)
    }

    /// Refuses a `dir` inside the data folder, however it is spelled: links and `..` are
    /// resolved as far as the folder exists, and a `..` below that is refused outright.
    fn outside_data(&self, dir: &Path, path: &Path) -> Result<(), StoreError> {
        let read_error = |p: &Path, source| StoreError::Read {
            path: p.to_path_buf(),
            source,
        };
        let data = fs::canonicalize(&self.root).map_err(|e| read_error(&self.root, e))?;
        let absolute = if dir.is_relative() {
            std::env::current_dir()
                .map_err(|e| read_error(dir, e))?
                .join(dir)
        } else {
            dir.to_path_buf()
        };
        let mut existing = absolute.as_path();
        let mut missing = Vec::new();
        while !existing.exists() {
            missing.push(existing.file_name());
            existing = existing.parent().unwrap_or(Path::new("/"));
        }
        let mut full = fs::canonicalize(existing).map_err(|e| read_error(existing, e))?;
        for part in missing.into_iter().rev() {
            match part {
                Some(name) => full.push(name),
                // A `..` in a part that does not exist yet cannot be resolved safely.
                None => {
                    return Err(StoreError::Write {
                        path: dir.to_path_buf(),
                        source: io::ErrorKind::InvalidInput.into(),
                    });
                }
            }
        }
        if full.starts_with(&data) {
            return Err(StoreError::Refused {
                path: path.to_path_buf(),
                reason: Refusal::InDataDir { data_dir: data },
            });
        }
        Ok(())
    }
}
