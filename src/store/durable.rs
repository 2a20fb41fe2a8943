//! The one way this program writes a file: a private temp file beside the target, fsync,
//! rename over the target, fsync of the directory. A crash at any point leaves either the old
//! file or the new one, never a mix or an empty file.

use std::fs::{self, DirBuilder, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use atomic_write_file::AtomicWriteFile;
use atomic_write_file::unix::OpenOptionsExt as _;

pub const FILE_MODE: u32 = 0o600;
pub const DIR_MODE: u32 = 0o700;

/// Test seam: every durable write pauses this many milliseconds between writing its temp
/// file and committing it, as on a USB stick or a network share, so a test can end the
/// program in the middle of a save.
pub const SLOW_WRITE_ENV: &str = "STAGEGESPREK_TEST_SLOW_WRITE_MS";

fn test_pause() -> Option<Duration> {
    static PAUSE: OnceLock<Option<Duration>> = OnceLock::new();
    *PAUSE.get_or_init(|| {
        std::env::var(SLOW_WRITE_ENV)
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map(Duration::from_millis)
    })
}

/// Writes `bytes` to `path` atomically and durably, readable by the owner only.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file: AtomicWriteFile = AtomicWriteFile::options()
        .preserve_mode(false)
        .mode(FILE_MODE)
        .open(path)?;
    // The umask can only narrow the mode; setting it again makes 0600 exact either way.
    file.as_file()
        .set_permissions(Permissions::from_mode(FILE_MODE))?;
    file.write_all(bytes)?;
    if let Some(pause) = test_pause() {
        std::thread::sleep(pause);
    }
    file.commit()
}

/// Creates `dir` and any missing parents as private folders.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)?;
    fs::set_permissions(dir, Permissions::from_mode(DIR_MODE))
}

/// Makes a rename or removal in `dir` survive a power cut.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// Removes a file that may already be gone.
pub fn remove_file(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_folders_are_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_dir(&dir).unwrap();
        let file = dir.join("x.yaml");
        write_file(&file, b"one").unwrap();
        write_file(&file, b"two").unwrap();
        assert_eq!(fs::read_to_string(&file).unwrap(), "two");
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&dir), 0o700);
        // No temp files are left behind after a successful write.
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
    }
}
