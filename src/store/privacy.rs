//! Notes about students are personal data: only the owner may read them. A copy from a USB
//! stick, a restore from backup or a sync tool can widen permissions without anyone noticing,
//! so they are checked at start-up and narrowed again.

use std::fs::{self, Permissions};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use super::durable::{DIR_MODE, FILE_MODE};

/// How deep the data folder goes: root, `set-aside`, `removed`, a removed placement, its
/// `set-aside` folder, a file there. Deeper is none of the program's making.
const MAX_DEPTH: usize = 5;

/// Narrows every file under `root` to 0600 and every folder to 0700 where others could read
/// them, `root` included: the placements, the removed ones in `set-aside/` (full records and
/// private notes), forms left unfinished, and whatever else the program keeps there. Returns
/// what was changed. `root` itself may be a link the user chose; below it, links are neither
/// followed nor changed.
pub fn repair_permissions(root: &Path) -> Vec<PathBuf> {
    repair_permissions_but_inside(root, None)
}

/// `repair_permissions`, but what is inside `skipped` is left to whoever reads it: the
/// placements are narrowed one by one as the index reads them again, so a start does not
/// walk thousands of folders.
pub fn repair_permissions_but_inside(root: &Path, skipped: Option<&Path>) -> Vec<PathBuf> {
    let mut repaired = Vec::new();
    if let Ok(meta) = fs::metadata(root) {
        repair(root, &meta, 0, skipped, &mut repaired);
    }
    repaired
}

fn visit(path: &Path, depth: usize, skipped: Option<&Path>, repaired: &mut Vec<PathBuf>) {
    if let Ok(meta) = fs::symlink_metadata(path) {
        repair(path, &meta, depth, skipped, repaired);
    }
}

fn repair(
    path: &Path,
    meta: &fs::Metadata,
    depth: usize,
    skipped: Option<&Path>,
    repaired: &mut Vec<PathBuf>,
) {
    let wanted = if meta.is_dir() {
        DIR_MODE
    } else if meta.is_file() {
        FILE_MODE
    } else {
        return;
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 && fs::set_permissions(path, Permissions::from_mode(wanted)).is_ok() {
        repaired.push(path.to_path_buf());
    }
    // A team archive's history is git's own: its folder is narrowed like any other, but the
    // thousands of objects inside are not walked at every start (git writes them owner-only,
    // see `team::git`).
    let history = path.file_name().is_some_and(|n| n == ".git");
    if meta.is_dir()
        && depth < MAX_DEPTH
        && skipped != Some(path)
        && !history
        && let Ok(entries) = fs::read_dir(path)
    {
        for entry in entries.flatten() {
            visit(&entry.path(), depth + 1, skipped, repaired);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widened_permissions_are_narrowed_and_reported() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("placements/a");
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("start.yaml");
        fs::write(&file, "x").unwrap();
        fs::set_permissions(&file, Permissions::from_mode(0o644)).unwrap();
        fs::set_permissions(&dir, Permissions::from_mode(0o755)).unwrap();
        let repaired = repair_permissions(tmp.path());
        assert!(
            repaired.contains(&file) && repaired.contains(&dir),
            "{repaired:?}"
        );
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!((mode(&file), mode(&dir)), (0o600, 0o700));
        let again: Vec<_> = repair_permissions(tmp.path())
            .into_iter()
            .filter(|p| p.starts_with(tmp.path().join("placements")))
            .collect();
        assert!(again.is_empty(), "nothing left to repair: {again:?}");
    }
}
