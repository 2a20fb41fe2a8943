//! Opening files that anyone could have put in the data or config folder. A symbolic link is
//! never followed (as root, following a planted `start.lock` link would truncate any file on
//! the system), and a FIFO or device is never read (reading a FIFO waits forever, which would
//! hang every command). The check is made on the opened handle, so nothing can be swapped in
//! between looking and opening.

use std::fs::File;
use std::io::{self, Read as _};
use std::path::Path;

use rustix::fs::{Mode, OFlags};

/// What is wrong with a path that should be a plain file.
#[derive(Debug)]
pub enum NotPlain {
    /// A symbolic link.
    Link,
    /// A folder, FIFO, socket or device.
    Special,
    /// Larger than the caller will read.
    TooLarge(u64),
    /// Anything else the operating system said.
    Io(io::Error),
}

impl NotPlain {
    /// As an I/O error, for callers that only report one.
    pub fn into_io(self) -> io::Error {
        match self {
            Self::Link => io::Error::other("a symbolic link, not followed"),
            Self::Special => io::Error::other("not a regular file"),
            Self::TooLarge(bytes) => io::Error::other(format!("too large ({bytes} bytes)")),
            Self::Io(e) => e,
        }
    }
}

/// Opens `path` for reading (or reading and writing) only if it is a regular file itself.
/// With `create`, a missing file is made with `mode`.
pub fn open_plain(path: &Path, write: bool, create: Option<u32>) -> Result<File, NotPlain> {
    let mut flags = OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    flags |= if write { OFlags::RDWR } else { OFlags::RDONLY };
    if create.is_some() {
        flags |= OFlags::CREATE;
    }
    let mode = Mode::from_raw_mode(create.unwrap_or(0));
    let fd = rustix::fs::open(path, flags, mode).map_err(|e| {
        if e == rustix::io::Errno::LOOP {
            NotPlain::Link
        } else {
            NotPlain::Io(e.into())
        }
    })?;
    let file = File::from(fd);
    let meta = file.metadata().map_err(NotPlain::Io)?;
    if meta.is_file() {
        Ok(file)
    } else {
        Err(NotPlain::Special)
    }
}

/// Reads a regular file of at most `limit` bytes.
pub fn read_plain(path: &Path, limit: u64) -> Result<Vec<u8>, NotPlain> {
    let mut file = open_plain(path, false, None)?;
    let len = file.metadata().map_err(NotPlain::Io)?.len();
    if len > limit {
        return Err(NotPlain::TooLarge(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // A file that grows while being read is cut at the limit rather than read without end.
    file.by_ref()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(NotPlain::Io)?;
    if bytes.len() as u64 > limit {
        return Err(NotPlain::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads a small text file (a setting, a guide) that must be a regular file.
pub fn read_plain_text(path: &Path, limit: u64) -> io::Result<String> {
    let bytes = read_plain(path, limit).map_err(NotPlain::into_io)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn links_fifos_and_folders_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        std::fs::write(&target, "secret").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(matches!(read_plain(&link, 100), Err(NotPlain::Link)));
        assert!(matches!(
            open_plain(&link, true, Some(0o600)),
            Err(NotPlain::Link)
        ));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "secret");

        let fifo = dir.path().join("fifo");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        let start = Instant::now();
        assert!(matches!(read_plain(&fifo, 100), Err(NotPlain::Special)));
        assert!(start.elapsed() < Duration::from_secs(1));
        assert!(matches!(
            read_plain(dir.path(), 100),
            Err(NotPlain::Special)
        ));

        assert_eq!(read_plain(&target, 100).unwrap(), b"secret");
        assert!(matches!(read_plain(&target, 3), Err(NotPlain::TooLarge(6))));
    }
}
