//! Reading a guide from YAML and checking it. Every mistake is reported with the line and
//! column where it sits, because the people who edit guides are teachers, not programmers.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::guide::{CaptureKind, Guide, KeyGuide, KeyId, Moment, MomentGuide};
use super::lang::Lang;

/// One mistake in a guide file, at a 1-based line and column (0 when the place is unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideIssue {
    pub line: u64,
    pub column: u64,
    pub problem: GuideProblem,
}

/// What is wrong, with what is needed to say so; the words come from the translation table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuideProblem {
    /// A text field (`title`, `purpose`, `prompt`) is empty.
    EmptyField(&'static str),
    /// The title of a key is missing from `keys:`.
    MissingKey(KeyId),
    /// A moment lacks one of the four keys.
    MissingKeyInMoment {
        key: KeyId,
        moment: Moment,
    },
    MissingMoment(Moment),
    /// A name that is not a key or moment, as written.
    UnknownName(String),
    /// Too few or too many prompts under a key.
    PromptCount {
        count: usize,
        min: usize,
        max: usize,
    },
    /// A `capture:` item that is not known, as written.
    UnknownCapture(String),
    /// `strategy` or `recognition` without `examples`.
    CaptureNeedsExamples,
    BadId(String),
    BadLanguage(String),
    BadVersion,
    /// The file is not YAML of the right shape; the parser's message, on one line.
    Yaml(String),
    /// The file could not be read at all; the reason, as the system gives it.
    Unreadable(String),
}

pub const MIN_PROMPTS: usize = 3;
pub const MAX_PROMPTS: usize = 6;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuide {
    id: Spanned<String>,
    language: Spanned<String>,
    version: Spanned<u32>,
    title: Spanned<String>,
    keys: Spanned<BTreeMap<String, Spanned<RawKeyTitle>>>,
    moments: Spanned<BTreeMap<String, Spanned<RawMoment>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeyTitle {
    title: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMoment {
    title: Spanned<String>,
    purpose: Spanned<String>,
    keys: Spanned<BTreeMap<String, Spanned<RawKey>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKey {
    purpose: Spanned<String>,
    prompts: Spanned<Vec<Spanned<String>>>,
    capture: Spanned<Vec<Spanned<String>>>,
}

/// Collects issues while a raw guide is turned into a checked one.
struct Checker {
    issues: Vec<GuideIssue>,
}

impl Checker {
    fn report<T>(&mut self, at: &Spanned<T>, problem: GuideProblem) {
        self.issues.push(GuideIssue {
            line: at.referenced.line(),
            column: at.referenced.column(),
            problem,
        });
    }

    fn text(&mut self, value: &Spanned<String>, field: &'static str) -> String {
        let text = value.value.trim();
        if text.is_empty() {
            self.report(value, GuideProblem::EmptyField(field));
        }
        text.to_string()
    }

    fn key_title(&mut self, keys: &Spanned<BTreeMap<String, Spanned<RawKeyTitle>>>) -> [String; 4] {
        self.unknown_names(keys, KeyId::ALL.map(KeyId::code).as_slice());
        KeyId::ALL.map(|key| match keys.value.get(key.code()) {
            Some(raw) => self.text(&raw.value.title, "title"),
            None => {
                self.report(keys, GuideProblem::MissingKey(key));
                String::new()
            }
        })
    }

    fn unknown_names<T>(&mut self, map: &Spanned<BTreeMap<String, Spanned<T>>>, known: &[&str]) {
        for (name, value) in &map.value {
            if !known.contains(&name.as_str()) {
                self.report(value, GuideProblem::UnknownName(name.clone()));
            }
        }
    }

    fn moment(
        &mut self,
        moments: &Spanned<BTreeMap<String, Spanned<RawMoment>>>,
        moment: Moment,
    ) -> MomentGuide {
        let Some(raw) = moments.value.get(moment.code()) else {
            self.report(moments, GuideProblem::MissingMoment(moment));
            return MomentGuide {
                title: String::new(),
                purpose: String::new(),
                keys: KeyId::ALL.map(|_| empty_key()),
            };
        };
        let raw = &raw.value;
        let title = self.text(&raw.title, "title");
        let purpose = self.text(&raw.purpose, "purpose");
        self.unknown_names(&raw.keys, KeyId::ALL.map(KeyId::code).as_slice());
        let keys = KeyId::ALL.map(|key| match raw.keys.value.get(key.code()) {
            Some(raw_key) => self.key(&raw_key.value),
            None => {
                self.report(&raw.keys, GuideProblem::MissingKeyInMoment { key, moment });
                empty_key()
            }
        });
        MomentGuide {
            title,
            purpose,
            keys,
        }
    }

    fn key(&mut self, raw: &RawKey) -> KeyGuide {
        let purpose = self.text(&raw.purpose, "purpose");
        let count = raw.prompts.value.len();
        if !(MIN_PROMPTS..=MAX_PROMPTS).contains(&count) {
            let problem = GuideProblem::PromptCount {
                count,
                min: MIN_PROMPTS,
                max: MAX_PROMPTS,
            };
            self.report(&raw.prompts, problem);
        }
        let prompts = raw
            .prompts
            .value
            .iter()
            .map(|p| self.text(p, "prompt"))
            .collect();
        let mut capture = Vec::new();
        for item in &raw.capture.value {
            match parse_capture(&item.value) {
                Some(kind) if !capture.contains(&kind) => capture.push(kind),
                Some(_) => {}
                None => {
                    self.report(item, GuideProblem::UnknownCapture(item.value.clone()));
                }
            }
        }
        let needs_examples = [CaptureKind::Strategy, CaptureKind::Recognition]
            .iter()
            .any(|k| capture.contains(k));
        if needs_examples && !capture.contains(&CaptureKind::Examples) {
            self.report(&raw.capture, GuideProblem::CaptureNeedsExamples);
        }
        KeyGuide {
            purpose,
            prompts,
            capture,
        }
    }
}

fn empty_key() -> KeyGuide {
    KeyGuide {
        purpose: String::new(),
        prompts: Vec::new(),
        capture: Vec::new(),
    }
}

fn parse_capture(name: &str) -> Option<CaptureKind> {
    match name {
        "notes" => Some(CaptureKind::Notes),
        "examples" => Some(CaptureKind::Examples),
        "strategy" => Some(CaptureKind::Strategy),
        "recognition" => Some(CaptureKind::Recognition),
        _ => None,
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Parses and checks one guide; a refused guide comes back with every issue found.
pub fn parse_guide(source: &str) -> Result<Guide, Vec<GuideIssue>> {
    let raw: RawGuide = serde_saphyr::from_str(source).map_err(|e| vec![yaml_issue(&e)])?;
    let mut checker = Checker { issues: Vec::new() };
    let id = raw.id.value.trim().to_string();
    if !valid_id(&id) {
        checker.report(&raw.id, GuideProblem::BadId(id.clone()));
    }
    let language = Lang::from_code(raw.language.value.trim());
    if language.is_none() {
        let problem = GuideProblem::BadLanguage(raw.language.value.clone());
        checker.report(&raw.language, problem);
    }
    if raw.version.value == 0 {
        checker.report(&raw.version, GuideProblem::BadVersion);
    }
    let title = checker.text(&raw.title, "title");
    let key_titles = checker.key_title(&raw.keys);
    checker.unknown_names(&raw.moments, Moment::ALL.map(Moment::code).as_slice());
    let moments = Moment::ALL.map(|m| checker.moment(&raw.moments, m));
    match (checker.issues.is_empty(), language) {
        (true, Some(language)) => Ok(Guide {
            id,
            language,
            version: raw.version.value,
            title,
            key_titles,
            moments,
        }),
        _ => {
            let mut issues = checker.issues;
            issues.sort_by_key(|i| (i.line, i.column));
            Err(issues)
        }
    }
}

/// A YAML or shape error as an issue: the first line of the parser's message, without its
/// source excerpt, because the caller prints `FILE:LINE:COLUMN:` itself.
pub fn yaml_issue(error: &serde_saphyr::Error) -> GuideIssue {
    let (line, column) = error.location().map_or((0, 0), |l| (l.line(), l.column()));
    GuideIssue {
        line,
        column,
        problem: GuideProblem::Yaml(plain_yaml_message(error)),
    }
}

/// The parser's message on one line, with its own "at line L column C" and excerpt removed.
pub fn plain_yaml_message(error: &serde_saphyr::Error) -> String {
    let rendered = error.without_snippet().to_string();
    let first = rendered.lines().next().unwrap_or_default().trim();
    let without_prefix = match first.strip_prefix("line ") {
        Some(rest) => rest.split_once(": ").map_or(first, |(_, msg)| msg),
        None => first,
    };
    let message = without_prefix.trim();
    // Some messages end in their own position as well; the caller already gives it.
    let message = match message.rfind(" at line ") {
        Some(at) if message[at..].contains("column") => &message[..at],
        _ => message,
    };
    message.trim_end_matches(',').to_string()
}
