//! The `git` program the machine has, run in the data folder. Using the program rather than a
//! library means the school's own SSH keys, credential helpers and proxies work as they do for
//! any other git use on that laptop. Every run has a time limit, so a hanging network never
//! holds anyone up; a missing program or a refusal comes back as an error to put in words.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a step that only touches the disk may take.
pub const LOCAL: Duration = Duration::from_secs(60);
/// How long a step over the network may take before it counts as no connection.
pub const NETWORK: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// There is no `git` program on this machine.
    #[error("git is not installed")]
    Missing,
    /// git said no; what it said, last line first.
    #[error("{0}")]
    Refused(String),
    /// The other archive could not be reached or is not an archive: a wrong address, no
    /// network, no access.
    #[error("cannot reach the archive: {0}")]
    Unreachable(String),
    /// The step took longer than its limit and was stopped.
    #[error("git took too long")]
    TimedOut,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

pub struct Git {
    dir: PathBuf,
    /// Extra `-c name=value` settings for every run (who commits).
    settings: Vec<String>,
}

pub struct Ran {
    pub ok: bool,
    pub out: String,
    pub err: String,
}

impl Git {
    pub fn in_dir(dir: &Path) -> Self {
        // What git writes into the data folder is the owner's alone, as everything else there
        // is; the program sets every mode it writes itself, so this changes nothing else.
        rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
        Self {
            dir: dir.to_path_buf(),
            settings: Vec::new(),
        }
    }

    /// Commits and merges made through this carry `name` and `email`.
    pub fn as_author(mut self, name: &str, email: &str) -> Self {
        self.settings = vec![format!("user.name={name}"), format!("user.email={email}")];
        self
    }

    /// Runs `git args…`; an exit status other than 0 is a refusal with what git said.
    pub fn run(&self, args: &[&str], limit: Duration) -> Result<String, GitError> {
        let ran = self.try_run(args, limit)?;
        if ran.ok {
            Ok(ran.out)
        } else if unreachable(&ran.err) {
            Err(GitError::Unreachable(said(&ran.err, &ran.out)))
        } else {
            Err(GitError::Refused(said(&ran.err, &ran.out)))
        }
    }

    /// Runs `git args…` and hands back whatever came of it, a failure included.
    pub fn try_run(&self, args: &[&str], limit: Duration) -> Result<Ran, GitError> {
        let mut command = Command::new("git");
        for setting in &self.settings {
            command.args(["-c", setting]);
        }
        // Messages in one language, so what git says can be recognised; the user is told
        // in their own words.
        command
            .args(args)
            .current_dir(&self.dir)
            .env("LC_ALL", "C")
            .env("GIT_TERMINAL_PROMPT", "0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(GitError::Missing),
            Err(e) => return Err(e.into()),
        };
        let mut out_pipe = child.stdout.take();
        let mut err_pipe = child.stderr.take();
        let out = std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(pipe) = out_pipe.as_mut() {
                let _ = pipe.read_to_string(&mut text);
            }
            text
        });
        let err = std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(pipe) = err_pipe.as_mut() {
                let _ = pipe.read_to_string(&mut text);
            }
            text
        });
        let deadline = Instant::now() + limit;
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                return Err(GitError::TimedOut);
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        Ok(Ran {
            ok: status.success(),
            out: out.join().unwrap_or_default(),
            err: err.join().unwrap_or_default(),
        })
    }
}

/// Whether git's words mean the other archive is out of reach rather than refusing.
fn unreachable(err: &str) -> bool {
    [
        "does not appear to be a git repository",
        "Could not read from remote repository",
        "does not exist",
        "Could not resolve host",
        "Connection refused",
        "Connection timed out",
        "unable to access",
        "not found in upstream",
    ]
    .iter()
    .any(|words| err.contains(words))
}

/// What git said that matters: the line it marks as the reason, without its own labels.
fn said(err: &str, out: &str) -> String {
    let text = if err.trim().is_empty() { out } else { err };
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines
        .iter()
        .find(|l| l.starts_with("fatal: ") || l.starts_with("error: "))
        .or(lines.last())
        .map_or("", |l| {
            l.trim_start_matches("fatal: ")
                .trim_start_matches("error: ")
        })
        .trim_end_matches('.')
        .to_string()
}
