//! The last resort for text the data folder would not take (a full or failing disk) when the
//! program has to end anyway: a signal, a closed window, or the user choosing to quit. The
//! text goes to the first of a few other folders that accepts it, and the next start names
//! the file, so the teacher can get it back.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Local;

use super::durable;
use super::{Store, StoreError};

/// Where rescued text may go, most lasting first: the config folder (kept across reboots,
/// often on another disk than a data folder on a stick or share), the session's runtime
/// folder, and the system's temp folder.
pub fn rescue_dirs(config_dir: Option<&Path>) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(config) = config_dir {
        dirs.push(config.join("rescue"));
    }
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR") {
        dirs.push(PathBuf::from(runtime).join("stagegesprek-rescue"));
    }
    let user = rustix::process::getuid().as_raw();
    dirs.push(std::env::temp_dir().join(format!("stagegesprek-rescue-{user}")));
    dirs
}

impl Store {
    /// The first place rescued text goes, to tell people where to look.
    pub fn rescue_dir_shown(&self) -> PathBuf {
        self.rescue_dirs.first().cloned().unwrap_or_default()
    }

    /// Writes `text` into the first rescue folder that takes it; returns where it went, or the
    /// last failure when none did.
    pub fn rescue(&self, name: &str, text: &str) -> Result<PathBuf, StoreError> {
        let stamp = Local::now().format("%Y%m%d-%H%M%S");
        let file_name = format!("{name}-{stamp}.yaml");
        let mut last = None;
        for dir in &self.rescue_dirs {
            let path = dir.join(&file_name);
            // The rescue folders are shared places such as /tmp: a link there is refused.
            let attempt = refuse_link(dir)
                .and_then(|()| durable::create_dir(dir))
                .and_then(|()| refuse_link(dir))
                .and_then(|()| self.disk.write(&path, text.as_bytes()));
            match attempt {
                Ok(()) => return Ok(path),
                Err(source) => last = Some(StoreError::Write { path, source }),
            }
        }
        Err(last.unwrap_or_else(|| StoreError::Write {
            path: PathBuf::from(file_name),
            source: std::io::Error::other("no rescue folder"),
        }))
    }

    /// Rescued files still waiting for the teacher, oldest first.
    pub fn rescued_files(&self) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = self
            .rescue_dirs
            .iter()
            .filter(|dir| refuse_link(dir).is_ok())
            .filter_map(|dir| fs::read_dir(dir).ok())
            .flat_map(|entries| entries.flatten().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "yaml")
                    && fs::symlink_metadata(p).is_ok_and(|m| m.is_file())
            })
            .collect();
        found.sort_by_key(|p| Self::modified(p));
        found
    }
}

/// A rescue folder must be a real folder of this user (or not exist yet): in a shared place
/// such as /tmp, someone else's folder or link must never receive a student's notes.
fn refuse_link(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => {
            Err(std::io::Error::other("a symbolic link, not followed"))
        }
        Ok(meta) if meta.uid() != rustix::process::getuid().as_raw() => {
            Err(std::io::Error::other("a folder of another user"))
        }
        _ => Ok(()),
    }
}
