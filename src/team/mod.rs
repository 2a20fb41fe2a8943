//! A team archive: the data folder shared with colleagues through git. What is shared is the
//! placements and their records; what stays on this laptop is named in the ignore rules
//! written at the start (private parts, drafts, locks, set-aside files, forms, the index).
//! Two changes to one file are never merged line by line: git is told to treat every data
//! file as a whole (`-merge`), and when both sides changed one, both versions are kept, the
//! other one as `<name>.conflict.yaml` beside it, until a teacher keeps one.
//!
//! ```text
//! <data dir>/.git/                          the history (git's own)
//! <data dir>/.gitignore, .gitattributes     written by `team init`
//! <data dir>/.git/stagegesprek-synced       when the last sync reached the others
//! <data dir>/placements/<id>/<name>.conflict.yaml   the other side's version, shared
//! ```

pub mod git;
pub mod words;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

pub use git::GitError;
use git::{Git, LOCAL, NETWORK};

/// What never leaves the laptop. A file named here is never added, whatever else happens.
pub const IGNORED: &str = "\
# Written by stagegesprek: what stays on this laptop and is never shared.
*.private.yaml
*.draft.yaml
*.lock
.*.yaml.*
set-aside/
forms/
cache/
";

/// Data files are whole: two changes to one are kept side by side, never mixed.
const ATTRIBUTES: &str = "\
# Written by stagegesprek: two changes to one file are never merged line by line.
*.yaml -merge
";

const BRANCH: &str = "main";
const REMOTE: &str = "origin";
const SYNCED: &str = "stagegesprek-synced";
const SYNC_LOCK: &str = "stagegesprek-sync.lock";
pub const CONFLICT_END: &str = ".conflict.yaml";
/// The first lines of a `….conflict.yaml`: who made that version, and who the one in place.
const BY: &str = "# version-by: ";
const OTHER_BY: &str = "# other-by: ";

/// Who commits: the teacher's name from the config.
#[derive(Debug, Clone)]
pub struct Who {
    pub name: String,
    pub email: String,
}

/// A file that differs from what was last shared: `A`dded, `M`odified or `D`eleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: char,
    /// Relative to the data folder, with `/`.
    pub path: String,
}

#[derive(Debug, Default)]
pub struct Synced {
    /// Changes of mine that went into this sync.
    pub mine: Vec<Change>,
    /// Files colleagues changed that came in.
    pub theirs: Vec<Change>,
    /// Files both sides changed: mine stays, theirs is beside it as `….conflict.yaml`.
    pub conflicts: Vec<String>,
    /// A file removed on one side and changed on the other: the changed one is kept.
    pub kept_over_removal: Vec<String>,
    /// Whether everything reached the others; when not, why (no connection, refused).
    pub not_shared: Option<GitError>,
}

#[derive(Debug)]
pub struct Status {
    pub remote: Option<String>,
    pub last_sync: Option<DateTime<Local>>,
    /// Files changed here and not yet shared, counting what is committed but not sent.
    pub not_shared: usize,
    /// Files that need a teacher's choice between two versions.
    pub conflicts: Vec<String>,
}

/// One commit in a placement's history: who, when, what its message said, and the
/// placement's files it changed.
#[derive(Debug, Clone)]
pub struct Entry {
    pub who: String,
    pub when: DateTime<Local>,
    /// The lines of the commit's message, in words.
    pub said: Vec<String>,
    pub changes: Vec<Change>,
}

#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("not a team archive")]
    NotAnArchive,
    #[error("already a team archive")]
    AlreadyAnArchive,
    #[error("the folder is not empty")]
    NotEmpty(PathBuf),
    #[error("another sync is running")]
    Busy,
    #[error(transparent)]
    Git(#[from] GitError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

pub struct Team {
    dir: PathBuf,
}

impl Team {
    pub fn at(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
        }
    }

    pub fn is_archive(&self) -> bool {
        self.dir.join(".git").is_dir()
    }

    fn git(&self) -> Git {
        Git::in_dir(&self.dir)
    }

    fn git_as(&self, who: &Who) -> Git {
        Git::in_dir(&self.dir).as_author(&who.name, &who.email)
    }

    /// Makes the data folder a team archive: the ignore rules, a first commit of what may be
    /// shared, and the remote if one is given. A remote that cannot be reached is found out
    /// before anything is changed.
    pub fn init(&self, remote: Option<&str>, who: &Who, message: &str) -> Result<(), TeamError> {
        if self.is_archive() {
            return Err(TeamError::AlreadyAnArchive);
        }
        // Nothing is written before git is known to be there and the remote to answer.
        self.git().run(&["--version"], LOCAL)?;
        if let Some(url) = remote {
            self.git().run(&["ls-remote", "--", url], NETWORK)?;
        }
        let made = self.start_archive(remote, who, message);
        if made.is_err() {
            // Half an archive helps nobody: back to a plain data folder, as it was.
            let _ = fs::remove_dir_all(self.dir.join(".git"));
            let _ = fs::remove_file(self.dir.join(".gitignore"));
            let _ = fs::remove_file(self.dir.join(".gitattributes"));
        }
        made
    }

    fn start_archive(
        &self,
        remote: Option<&str>,
        who: &Who,
        message: &str,
    ) -> Result<(), TeamError> {
        fs::write(self.dir.join(".gitignore"), IGNORED)?;
        fs::write(self.dir.join(".gitattributes"), ATTRIBUTES)?;
        let git = self.git_as(who);
        git.run(&["init", "-q", "-b", BRANCH], LOCAL)?;
        git.run(&["add", "-A"], LOCAL)?;
        self.never_stage_what_stays_here(&git)?;
        git.run(&["commit", "-q", "--allow-empty", "-m", message], LOCAL)?;
        if let Some(url) = remote {
            git.run(&["remote", "add", REMOTE, url], LOCAL)?;
            // A remote that already holds an archive is joined, not written over.
            self.sync_with_remote(&git, &mut Synced::default(), message)?;
            self.note_synced();
        }
        Ok(())
    }

    /// Starts from a colleague's archive at `url` in `dir`, which must be empty or new.
    pub fn join(url: &str, dir: &Path) -> Result<(), TeamError> {
        if fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
            return Err(TeamError::NotEmpty(dir.to_path_buf()));
        }
        let parent = dir.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let target = dir.to_string_lossy().into_owned();
        Git::in_dir(parent).run(&["clone", "-q", "-b", BRANCH, "--", url, &target], NETWORK)?;
        Ok(())
    }

    /// The placement files among `changes` whose teacher changed since the last commit: a
    /// placement taken over. One `git diff` for all of them.
    pub fn new_teacher(&self, changes: &[Change]) -> std::collections::HashSet<String> {
        let paths: Vec<&str> = changes
            .iter()
            .filter(|c| c.kind == 'M' && c.path.ends_with("/placement.yaml"))
            .map(|c| c.path.as_str())
            .collect();
        let mut taken = std::collections::HashSet::new();
        if paths.is_empty() {
            return taken;
        }
        let mut args = vec!["diff", "--no-color", "--no-ext-diff", "-U0", "HEAD", "--"];
        args.extend(&paths);
        let Ok(out) = self.git().run(&args, LOCAL) else {
            return taken;
        };
        let mut file = "";
        for line in out.lines() {
            if let Some(name) = line.strip_prefix("+++ b/") {
                file = name;
            } else if line.starts_with("+teacher:") {
                taken.insert(file.to_string());
            }
        }
        taken
    }

    /// What differs from the last commit, as the files of the data folder that may be shared.
    pub fn changes(&self) -> Result<Vec<Change>, TeamError> {
        let out = self.git().run(
            &["status", "--porcelain=v1", "-z", "--untracked-files=all"],
            LOCAL,
        )?;
        Ok(parse_status(&out))
    }

    /// Shares what changed here and takes in what colleagues changed. `message` puts my
    /// changes in words for the commit. Stopped at any point, it leaves the archive usable and
    /// the next sync completes it.
    pub fn sync(
        &self,
        who: &Who,
        message: &dyn Fn(&[Change]) -> String,
        merged: &str,
    ) -> Result<Synced, TeamError> {
        if !self.is_archive() {
            return Err(TeamError::NotAnArchive);
        }
        let _lock = self.claim_sync()?;
        let git = self.git_as(who);
        self.finish_interrupted(&git)?;
        let mut synced = Synced::default();
        let mine: Vec<Change> = self
            .changes()?
            .into_iter()
            .filter(|c| !stays_here(&c.path))
            .collect();
        if !mine.is_empty() {
            git.run(&["add", "-A"], LOCAL)?;
            self.never_stage_what_stays_here(&git)?;
            let staged = git.try_run(&["diff", "--cached", "--quiet"], LOCAL)?;
            if !staged.ok {
                git.run(&["commit", "-q", "-m", &message(&mine)], LOCAL)?;
            }
            synced.mine = mine;
        }
        if self.remote().is_some()
            && let Err(e) = self.sync_with_remote(&git, &mut synced, merged)
        {
            match e {
                TeamError::Git(e) => synced.not_shared = Some(e),
                other => return Err(other),
            }
        }
        if synced.not_shared.is_none() {
            self.note_synced();
        }
        Ok(synced)
    }

    fn note_synced(&self) {
        let _ = fs::write(
            self.dir.join(".git").join(SYNCED),
            Local::now().to_rfc3339(),
        );
    }

    /// Fetches, merges what came in (keeping both versions of a file both sides changed) and
    /// sends the result; tried twice when someone shared in between.
    fn sync_with_remote(
        &self,
        git: &Git,
        synced: &mut Synced,
        merged: &str,
    ) -> Result<(), TeamError> {
        let mut last = None;
        for _ in 0..2 {
            git.run(&["fetch", "-q", REMOTE], NETWORK)?;
            let theirs = format!("{REMOTE}/{BRANCH}");
            let has_theirs = git
                .try_run(&["rev-parse", "-q", "--verify", &theirs], LOCAL)?
                .ok;
            if has_theirs {
                synced.theirs.extend(self.incoming(git, &theirs)?);
                self.merge(git, &theirs, synced, merged)?;
            }
            match git.try_run(&["push", "-q", REMOTE, &format!("HEAD:{BRANCH}")], NETWORK) {
                Ok(ran) if ran.ok => {
                    let _ = git.run(&["branch", "-q", "--set-upstream-to", &theirs], LOCAL);
                    return Ok(());
                }
                Ok(ran) => last = Some(GitError::Refused(ran.err.trim().to_string())),
                Err(e) => return Err(e.into()),
            }
        }
        Err(last.unwrap_or(GitError::TimedOut).into())
    }

    /// The files a merge of `theirs` brings in: what changed there since we parted.
    fn incoming(&self, git: &Git, theirs: &str) -> Result<Vec<Change>, TeamError> {
        let range = format!("HEAD...{theirs}");
        let diff = |what: &[&str]| {
            let mut args = vec!["diff", "--name-status", "-z", "--no-renames"];
            args.extend(what);
            git.run(&args, LOCAL)
        };
        // Two archives that never shared anything (a teacher with her own data joining):
        // all of theirs comes in.
        let out = match diff(&[&range]) {
            Ok(out) => out,
            Err(_) => diff(&["HEAD", theirs])?,
        };
        Ok(parse_name_status(&out))
    }

    /// Merges what came in. A file whose two versions I chose between since we last shared,
    /// and which a colleague then changed (or chose between differently), is not decided
    /// silently: my choice stays in place and theirs comes beside it again.
    fn merge(
        &self,
        git: &Git,
        theirs_ref: &str,
        synced: &mut Synced,
        message: &str,
    ) -> Result<(), TeamError> {
        let chosen_here: Vec<(String, String)> = git
            .run(
                &[
                    "diff",
                    "--name-only",
                    "-z",
                    "--diff-filter=D",
                    &format!("{theirs_ref}...HEAD"),
                ],
                LOCAL,
            )
            .unwrap_or_default()
            .split('\0')
            .filter_map(|p| {
                p.strip_suffix(CONFLICT_END)
                    .map(|stem| format!("{stem}.yaml"))
            })
            .filter_map(|path| {
                let mine = git
                    .try_run(&["show", &format!("HEAD:{path}")], LOCAL)
                    .ok()?;
                mine.ok.then_some((path, mine.out))
            })
            .collect();
        let came: Vec<String> = synced.theirs.iter().map(|c| c.path.clone()).collect();
        self.merge_in(git, theirs_ref, synced, message)?;
        let mut again = Vec::new();
        for (path, mine) in chosen_here {
            let now = fs::read_to_string(self.dir.join(&path)).unwrap_or_default();
            if now == mine || !came.contains(&path) {
                continue;
            }
            self.keep_both(git, &path, (&mine, "HEAD^1"), (&now, theirs_ref))?;
            again.push(path);
        }
        if !again.is_empty() {
            git.run(&["commit", "-q", "-m", message], LOCAL)?;
            synced.conflicts.extend(again);
        }
        Ok(())
    }

    /// Keeps two versions of `path`: `here` in place, `other` beside it as
    /// `….conflict.yaml`, each `(text, commit it came from)`. Who made each goes with them, so
    /// on every laptop "mine" is the one its teacher made, whoever shared first.
    fn keep_both(
        &self,
        git: &Git,
        path: &str,
        here: (&str, &str),
        other: (&str, &str),
    ) -> Result<(), TeamError> {
        let made_by = |side: &str| {
            git.run(&["log", "-1", "--format=%an", side, "--", path], LOCAL)
                .map(|n| n.trim().to_string())
                .unwrap_or_default()
        };
        let beside = conflict_name(path);
        fs::write(self.dir.join(path), here.0)?;
        let names = format!("{BY}{}\n{OTHER_BY}{}\n", made_by(other.1), made_by(here.1));
        fs::write(self.dir.join(&beside), names + other.0)?;
        git.run(&["add", "--", path, &beside], LOCAL)?;
        Ok(())
    }

    fn merge_in(
        &self,
        git: &Git,
        theirs_ref: &str,
        synced: &mut Synced,
        message: &str,
    ) -> Result<(), TeamError> {
        let ran = git.try_run(
            &[
                "merge",
                "-q",
                "-m",
                message,
                "--allow-unrelated-histories",
                theirs_ref,
            ],
            LOCAL,
        )?;
        if ran.ok {
            return Ok(());
        }
        let unmerged = git.run(&["diff", "--name-only", "-z", "--diff-filter=U"], LOCAL)?;
        let unmerged: Vec<String> = unmerged
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        if unmerged.is_empty() {
            // Not a conflict: something else stopped the merge. Back to before it.
            let _ = git.run(&["merge", "--abort"], LOCAL);
            return Err(GitError::Refused(ran.err.trim().to_string()).into());
        }
        for path in unmerged {
            let ours = git.try_run(&["show", &format!(":2:{path}")], LOCAL)?;
            let theirs = git.try_run(&["show", &format!(":3:{path}")], LOCAL)?;
            match (ours.ok, theirs.ok) {
                (true, true) => {
                    self.keep_both(git, &path, (&ours.out, "HEAD"), (&theirs.out, theirs_ref))?;
                    synced.conflicts.push(path);
                }
                // Removed on one side, changed on the other: the changed one stays, with the
                // rest of its placement as that side has it, so it is whole again.
                (false, true) => {
                    git.run(&["checkout", theirs_ref, "--", &placement_of(&path)], LOCAL)?;
                    synced.kept_over_removal.push(path);
                }
                (true, false) => {
                    git.run(&["checkout", "HEAD", "--", &placement_of(&path)], LOCAL)?;
                    synced.kept_over_removal.push(path);
                }
                (false, false) => {
                    git.run(
                        &["rm", "-q", "--cached", "--ignore-unmatch", "--", &path],
                        LOCAL,
                    )?;
                }
            }
        }
        git.run(&["commit", "-q", "-m", message], LOCAL)?;
        Ok(())
    }

    /// Whatever the ignore rules say now (they are a file anyone can edit), nothing that
    /// stays on this laptop is ever committed: such a file is taken out again.
    fn never_stage_what_stays_here(&self, git: &Git) -> Result<(), TeamError> {
        let staged = git.run(&["diff", "--cached", "--name-only", "-z"], LOCAL)?;
        for path in staged.split('\0').filter(|p| stays_here(p)) {
            git.run(
                &["rm", "-q", "--cached", "--ignore-unmatch", "--", path],
                LOCAL,
            )?;
        }
        Ok(())
    }

    /// A sync stopped half-way (killed, power cut) left a merge open or git's own lock
    /// behind: the merge is undone (my commit is kept) and the lock taken away, so this
    /// sync starts clean. Only ever under this program's own sync lock.
    fn finish_interrupted(&self, git: &Git) -> Result<(), TeamError> {
        let dot_git = self.dir.join(".git");
        let _ = fs::remove_file(dot_git.join("index.lock"));
        if dot_git.join("MERGE_HEAD").exists() {
            git.run(&["merge", "--abort"], LOCAL)?;
        }
        Ok(())
    }

    fn claim_sync(&self) -> Result<fs::File, TeamError> {
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(".git").join(SYNC_LOCK))?;
        match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => Ok(file),
            Err(_) => Err(TeamError::Busy),
        }
    }

    pub fn remote(&self) -> Option<String> {
        self.git()
            .run(&["remote", "get-url", REMOTE], LOCAL)
            .ok()
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty())
    }

    pub fn status(&self) -> Result<Status, TeamError> {
        if !self.is_archive() {
            return Err(TeamError::NotAnArchive);
        }
        let git = self.git();
        let mut not_shared = self
            .changes()?
            .iter()
            .filter(|c| !stays_here(&c.path))
            .count();
        let theirs = format!("{REMOTE}/{BRANCH}");
        let ahead = if git
            .try_run(&["rev-parse", "-q", "--verify", &theirs], LOCAL)?
            .ok
        {
            git.run(
                &["diff", "--name-only", "-z", &format!("{theirs}...HEAD")],
                LOCAL,
            )?
        } else if self.remote().is_some() {
            git.run(&["ls-files", "-z"], LOCAL)?
        } else {
            String::new()
        };
        not_shared += ahead.split('\0').filter(|p| !p.is_empty()).count();
        let last_sync = fs::read_to_string(self.dir.join(".git").join(SYNCED))
            .ok()
            .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
            .map(|t| t.with_timezone(&Local));
        Ok(Status {
            remote: self.remote(),
            last_sync,
            not_shared,
            conflicts: self.conflicts()?,
        })
    }

    /// The files that wait for a teacher's choice between two versions.
    pub fn conflicts(&self) -> Result<Vec<String>, TeamError> {
        let out = self
            .git()
            .run(&["ls-files", "-z", "--", "placements"], LOCAL)?;
        // The file on disk counts: one the teacher chose away is gone before it is shared.
        let mut found: Vec<String> = out
            .split('\0')
            .filter(|p| p.ends_with(CONFLICT_END) && self.dir.join(p).exists())
            .map(|p| p.trim_end_matches(CONFLICT_END).to_string() + ".yaml")
            .collect();
        found.sort();
        Ok(found)
    }

    /// Every change to placement `id`'s shared files, newest first.
    pub fn history(&self, id: &str) -> Result<Vec<Entry>, TeamError> {
        if !self.is_archive() {
            return Err(TeamError::NotAnArchive);
        }
        let out = self.git().run(
            &[
                "log",
                "--no-renames",
                "--name-status",
                "-z",
                "--format=%x01%an%x00%aI%x00%B%x00",
                "--",
                &format!("placements/{id}/"),
            ],
            LOCAL,
        )?;
        let mut entries = Vec::new();
        for commit in out.split('\u{1}').filter(|c| !c.trim().is_empty()) {
            let mut parts = commit.splitn(4, '\0');
            let (Some(who), Some(when), Some(body)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let Ok(when) = DateTime::parse_from_rfc3339(when.trim()) else {
                continue;
            };
            entries.push(Entry {
                who: who.to_string(),
                when: when.with_timezone(&Local),
                said: body
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string)
                    .collect(),
                changes: parse_name_status(parts.next().unwrap_or("")),
            });
        }
        Ok(entries)
    }

    /// Keeps one of two versions of `path` (relative, `placements/<id>/<name>.yaml`): mine
    /// as it is, or theirs in its place. The other stays in the history and in `set-aside/`.
    pub fn keep(&self, path: &str, theirs: bool) -> Result<PathBuf, TeamError> {
        let file = self.dir.join(path);
        let other = self.dir.join(conflict_name(path));
        let dropped = if theirs { &file } else { &other };
        let aside = self.keep_aside(dropped)?;
        if theirs {
            let text = fs::read_to_string(&other)?;
            fs::write(&file, without_names(&text))?;
            fs::remove_file(&other)?;
        } else {
            fs::remove_file(&other)?;
        }
        Ok(aside)
    }

    /// Who made the version in place and who the one beside it, as the conflict file says.
    pub fn makers(&self, path: &str) -> (String, String) {
        let text = fs::read_to_string(self.dir.join(conflict_name(path))).unwrap_or_default();
        let find = |prefix: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(prefix))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        (find(OTHER_BY), find(BY))
    }

    /// Keeps the version `name` made (the teacher's own, for `--mine`): the one in place or
    /// the one beside it. Where neither says who made it, the one in place is "mine".
    pub fn keep_made_by(&self, path: &str, name: &str, mine: bool) -> Result<PathBuf, TeamError> {
        let (in_place, beside) = self.makers(path);
        let mine_is_beside = beside == name && in_place != name;
        self.keep(path, mine == mine_is_beside)
    }

    fn keep_aside(&self, file: &Path) -> Result<PathBuf, TeamError> {
        let dir = file
            .parent()
            .map_or_else(|| self.dir.join("set-aside"), |p| p.join("set-aside"));
        fs::create_dir_all(&dir)?;
        let name = file
            .file_name()
            .map_or_else(|| "file".to_string(), |n| n.to_string_lossy().into_owned());
        let target = dir.join(format!("{}-{name}", Local::now().format("%Y%m%d-%H%M%S")));
        fs::copy(file, &target)?;
        Ok(target)
    }
}

/// The placement folder a file of the archive belongs to (or the file itself, outside one).
fn placement_of(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    match parts[..] {
        ["placements", id, _, ..] => format!("placements/{id}"),
        _ => path.to_string(),
    }
}

/// A file that never leaves the laptop, by its name.
pub fn stays_here(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.ends_with(".private.yaml")
        || name.ends_with(".draft.yaml")
        || name.ends_with(".lock")
        || (name.starts_with('.') && name.contains(".yaml."))
        || ["set-aside/", "forms/", "cache/"]
            .iter()
            .any(|dir| path.starts_with(dir) || path.contains(&format!("/{dir}")))
}

/// A conflict file's text without the lines that name who made the versions.
pub fn without_names(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with(BY) && !l.starts_with(OTHER_BY))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// `placements/x/midway.yaml` → `placements/x/midway.conflict.yaml`.
pub fn conflict_name(path: &str) -> String {
    format!("{}{CONFLICT_END}", path.trim_end_matches(".yaml"))
}

fn parse_status(out: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut fields = out.split('\0').filter(|f| !f.is_empty());
    while let Some(entry) = fields.next() {
        if entry.len() < 4 {
            continue;
        }
        let (code, path) = entry.split_at(3);
        let code = code.trim();
        let kind = if code.contains('D') {
            'D'
        } else if code.contains('?') || code.contains('A') {
            'A'
        } else {
            'M'
        };
        // A rename names its source next; both are counted as what they are.
        if code.contains('R') {
            let _ = fields.next();
        }
        changes.push(Change {
            kind,
            path: path.to_string(),
        });
    }
    changes
}

fn parse_name_status(out: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut fields = out
        .split('\0')
        .map(|f| f.trim_matches('\n'))
        .filter(|f| !f.is_empty());
    while let Some(code) = fields.next() {
        let Some(path) = fields.next() else { break };
        let kind = code.chars().next().unwrap_or('M');
        changes.push(Change {
            kind: if kind == 'A' || kind == 'D' {
                kind
            } else {
                'M'
            },
            path: path.to_string(),
        });
    }
    changes
}
