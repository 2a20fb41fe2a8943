//! How the index knows a placement folder is unchanged without reading it: the folder's own
//! times (which change whenever a file in it is made, removed or renamed, as every atomic
//! save does) and each file's size, times and inode (which change when a file is written in
//! place, its permissions changed, or it is replaced). The change time cannot be set back by
//! any tool, so a copy that keeps the modification time is still seen.

use std::fs;
use std::os::fd::AsFd;
use std::path::Path;

use rustix::fs::{AtFlags, Stat, statat};

/// The signature of folder `dir` (relative to the open folder `base`, or absolute) and the
/// files named in it, as one number; None when the folder is gone. A file that is no longer
/// there is signed as missing, so its removal is a change. Paths are looked up from `base`,
/// not from the root, as this runs for every file of the archive at each overview.
pub fn signature<'a>(
    base: impl AsFd,
    dir: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Option<i64> {
    let base = base.as_fd();
    let meta = statat(base, dir, AtFlags::SYMLINK_NOFOLLOW).ok()?;
    let mut hasher = Mix::default();
    sign(&mut hasher, &meta);
    let mut path = String::with_capacity(dir.len() + 32);
    for name in names {
        path.clear();
        path.push_str(dir);
        path.push('/');
        path.push_str(name);
        hasher.bytes(name.as_bytes());
        match statat(base, path.as_str(), AtFlags::SYMLINK_NOFOLLOW) {
            Ok(meta) => sign(&mut hasher, &meta),
            Err(_) => hasher.add(u64::MAX),
        }
    }
    // Stored as SQLite's integer: the same 64 bits.
    Some(i64::from_ne_bytes(hasher.0.to_ne_bytes()))
}

/// The names of the files a signature covers, as stored beside it.
pub fn names(files: &str) -> impl Iterator<Item = &str> {
    files.split('/').filter(|n| !n.is_empty())
}

/// The file names as stored beside a signature; no name holds a `/`.
pub fn joined(files: &[String]) -> String {
    files.join("/")
}

/// The files of a placement folder that its signature covers: every plain file but the
/// locks, which an open meeting holds without changing anything that is shown.
pub fn files_of(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    names.sort();
    names
}

// The bits are what is signed, not the values; the field types differ between platforms.
#[allow(clippy::cast_sign_loss, clippy::unnecessary_cast)]
fn sign(hasher: &mut Mix, meta: &Stat) {
    for part in [
        meta.st_ino,
        meta.st_size as u64,
        meta.st_mtime as u64,
        meta.st_mtime_nsec as u64,
        meta.st_ctime as u64,
        meta.st_ctime_nsec as u64,
        u64::from(meta.st_mode),
    ] {
        hasher.add(part);
    }
}

/// A fixed mix of 64-bit words (the multiply-and-rotate step of rustc's FxHash). Each step is
/// a one-to-one function of the running value, so a change in any single word always changes
/// the result; and it is the same in every build, so an update of the standard library's
/// hasher never makes a large archive look changed. Not meant to withstand an attacker: a
/// changed file only ever causes a read.
#[derive(Default)]
struct Mix(u64);

impl Mix {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        // The length ends the name, so "ab" + "c" is not "a" + "bc".
        self.add(bytes.len() as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn any_change_to_a_file_or_the_folder_changes_the_signature() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        fs::write(dir.join("start.yaml"), "a: 1\n").unwrap();
        let at = dir.to_str().unwrap();
        let sign = || {
            let files = files_of(dir);
            signature(rustix::fs::CWD, at, files.iter().map(String::as_str)).unwrap()
        };
        let first = sign();
        assert_eq!(files_of(dir), ["start.yaml"]);
        assert_eq!(
            names(&joined(&files_of(dir))).collect::<Vec<_>>(),
            ["start.yaml"]
        );
        assert_eq!(sign(), first, "nothing changed");

        // Written in place with the same length: the change time still moves.
        fs::write(dir.join("start.yaml"), "a: 2\n").unwrap();
        let written = sign();
        assert_ne!(written, first);

        fs::set_permissions(dir.join("start.yaml"), fs::Permissions::from_mode(0o644)).unwrap();
        let widened = sign();
        assert_ne!(widened, written);

        fs::write(dir.join("midway.yaml"), "b: 1\n").unwrap();
        let added = sign();
        assert_ne!(added, widened);

        // Signed by the names it had: a file that went is a change.
        let had = files_of(dir);
        fs::remove_file(dir.join("midway.yaml")).unwrap();
        let gone = signature(rustix::fs::CWD, at, had.iter().map(String::as_str)).unwrap();
        assert_ne!(gone, added);
        // A lock is not among the files signed.
        fs::write(dir.join("start.lock"), "").unwrap();
        assert_eq!(files_of(dir), ["start.yaml"]);
    }
}
