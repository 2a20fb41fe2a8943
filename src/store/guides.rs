//! Where guides come from: the two built into the binary and any the school put in the config
//! folder. A broken guide is reported and left out, never used.

use std::fs;
use std::path::{Path, PathBuf};

use super::config::SMALL_FILE;
use super::files::read_plain_text;
use crate::domain::Guide;
use crate::domain::guide_check::{GuideIssue, GuideProblem, parse_guide};
use crate::i18n::{Lang, Texts};

pub const BUILT_IN: [(&str, &str); 2] = [
    ("guides/nl.yaml", include_str!("../../guides/nl.yaml")),
    ("guides/en.yaml", include_str!("../../guides/en.yaml")),
];

/// A guide file that was refused, with everything wrong in it.
#[derive(Debug, Clone)]
pub struct BrokenGuide {
    pub path: PathBuf,
    pub issues: Vec<GuideIssue>,
    /// The language the issues are told in.
    pub texts: &'static Texts,
}

impl BrokenGuide {
    /// One line per issue, as `FILE:LINE:COLUMN: message`.
    pub fn lines(&self) -> Vec<String> {
        self.issues
            .iter()
            .map(|i| {
                format!(
                    "{}:{}:{}: {}",
                    self.path.display(),
                    i.line,
                    i.column,
                    self.texts.guide_problem(&i.problem)
                )
            })
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct Guides {
    /// The school's own guides first, so they win over the built-in ones.
    pub available: Vec<Guide>,
    pub broken: Vec<BrokenGuide>,
}

impl Guides {
    /// Loads the built-in guides and every `*.yaml` in `config_dir/guides`.
    pub fn load(config_dir: Option<&Path>, texts: &'static Texts) -> Self {
        let mut available = Vec::new();
        let mut broken = Vec::new();
        if let Some(dir) = config_dir.map(|d| d.join("guides")) {
            for path in yaml_files(&dir) {
                match check_file(&path, texts) {
                    Ok(guide) => available.push(guide),
                    Err(b) => broken.push(b),
                }
            }
        }
        for (name, source) in BUILT_IN {
            match parse_guide(source) {
                Ok(guide) => available.push(guide),
                Err(issues) => broken.push(BrokenGuide {
                    path: name.into(),
                    issues,
                    texts,
                }),
            }
        }
        Self { available, broken }
    }

    /// The guide for new meetings in `lang`.
    pub fn for_language(&self, lang: Lang) -> Option<&Guide> {
        self.available.iter().find(|g| g.language == lang)
    }

    /// The guide a record was held with, falling back to the language's guide when that one
    /// is no longer installed.
    pub fn for_record(&self, id: &str, lang: Lang) -> Option<&Guide> {
        self.available
            .iter()
            .find(|g| g.id == id)
            .or_else(|| self.for_language(lang))
    }
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Reads and checks one guide file.
pub fn check_file(path: &Path, texts: &'static Texts) -> Result<Guide, BrokenGuide> {
    // Only a plain file is read: a FIFO would hang every command, and a link could point
    // anywhere.
    let source = read_plain_text(path, SMALL_FILE).map_err(|e| BrokenGuide {
        path: path.to_path_buf(),
        issues: vec![GuideIssue {
            line: 0,
            column: 0,
            problem: GuideProblem::Unreadable(e.to_string()),
        }],
        texts,
    })?;
    parse_guide(&source).map_err(|issues| BrokenGuide {
        path: path.to_path_buf(),
        issues,
        texts,
    })
}
