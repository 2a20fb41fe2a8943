//! Reading a guide from YAML and checking it. Every mistake is reported with the line and
//! column where it sits, because the people who edit guides are teachers, not programmers.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_saphyr::Spanned;

use super::guide::{
    Addressee, CaptureKind, ConcernGuide, Guide, KeyGuide, KeyId, Moment, MomentGuide, Prompt,
};
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
    /// A prompt written as a mapping without `text:`.
    MissingText,
    /// A `to:` that is not `student`, `trainer` or `both`, as written.
    UnknownAddressee(String),
    /// A `core:` that is not `true` or `false`, as written.
    CoreNotBool(String),
    /// More core prompts under one key than a short meeting can hold.
    TooManyCore {
        count: usize,
        max: usize,
    },
    /// Too few or too many lines in the concern checklist.
    ChecklistCount {
        count: usize,
        min: usize,
        max: usize,
    },
    /// The file is not YAML of the right shape; the parser's message, on one line.
    Yaml(String),
    /// The file could not be read at all; the reason, as the system gives it.
    Unreadable(String),
}

pub const MIN_PROMPTS: usize = 3;
/// Raised from 6 when prompts gained addressees and core marks: a key may now carry the
/// practical and wellbeing questions too, and the core marks keep a short meeting short.
pub const MAX_PROMPTS: usize = 8;
/// Core prompts per key: the one or two questions for a meeting with little time.
pub const MAX_CORE: usize = 2;
pub const MIN_CHECKLIST: usize = 3;
pub const MAX_CHECKLIST: usize = 6;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuide {
    id: Spanned<String>,
    language: Spanned<String>,
    version: Spanned<u32>,
    title: Spanned<String>,
    keys: Spanned<BTreeMap<String, Spanned<RawKeyTitle>>>,
    moments: Spanned<BTreeMap<String, Spanned<RawMoment>>>,
    #[serde(default)]
    concern: Option<Spanned<RawConcern>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConcern {
    title: Spanned<String>,
    checklist: Spanned<Vec<Spanned<String>>>,
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
    prompts: Spanned<Vec<Spanned<RawPrompt>>>,
    capture: Spanned<Vec<Spanned<String>>>,
}

/// A prompt as written: a plain string (the first format), or a mapping
/// `{text: ..., to: student|trainer|both, core: true}`. Read by hand rather than derived so
/// that every field keeps its own place in the file for the checker.
enum RawPrompt {
    Plain(String),
    Full(Box<RawPromptFields>),
}

#[derive(Default)]
struct RawPromptFields {
    text: Option<Spanned<String>>,
    to: Option<Spanned<String>>,
    core: Option<Spanned<RawBool>>,
    /// Field names that are not `text`, `to` or `core`, where they stand.
    unknown: Vec<Spanned<String>>,
}

/// A value that should be a boolean; anything else is kept as written to say what was found.
enum RawBool {
    Bool(bool),
    Other(String),
}

impl<'de> Deserialize<'de> for RawPrompt {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PromptVisitor;

        impl<'de> Visitor<'de> for PromptVisitor {
            type Value = RawPrompt;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a question, or a mapping with text, to and core")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawPrompt, E> {
                Ok(RawPrompt::Plain(v.to_string()))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawPrompt, A::Error> {
                let mut fields = RawPromptFields::default();
                while let Some(name) = map.next_key::<Spanned<String>>()? {
                    match name.value.as_str() {
                        "text" => fields.text = Some(map.next_value()?),
                        "to" => fields.to = Some(map.next_value()?),
                        "core" => fields.core = Some(map.next_value()?),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            fields.unknown.push(name);
                        }
                    }
                }
                Ok(RawPrompt::Full(Box::new(fields)))
            }
        }

        deserializer.deserialize_any(PromptVisitor)
    }
}

impl<'de> Deserialize<'de> for RawBool {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BoolVisitor;

        impl<'de> Visitor<'de> for BoolVisitor {
            type Value = RawBool;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true or false")
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawBool, E> {
                Ok(RawBool::Bool(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawBool, E> {
                Ok(RawBool::Other(v.to_string()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawBool, E> {
                Ok(RawBool::Other(v.to_string()))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawBool, E> {
                Ok(RawBool::Other(v.to_string()))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawBool, E> {
                Ok(RawBool::Other(v.to_string()))
            }

            fn visit_unit<E: de::Error>(self) -> Result<RawBool, E> {
                Ok(RawBool::Other(String::new()))
            }

            fn visit_none<E: de::Error>(self) -> Result<RawBool, E> {
                Ok(RawBool::Other(String::new()))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawBool, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(RawBool::Other("[...]".to_string()))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawBool, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(RawBool::Other("{...}".to_string()))
            }
        }

        deserializer.deserialize_any(BoolVisitor)
    }
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
        let prompts: Vec<Prompt> = raw.prompts.value.iter().map(|p| self.prompt(p)).collect();
        let mut core = 0;
        for (prompt, raw_prompt) in prompts.iter().zip(&raw.prompts.value) {
            if !prompt.core {
                continue;
            }
            core += 1;
            if core == MAX_CORE + 1 {
                let count = prompts.iter().filter(|p| p.core).count();
                // A core prompt is always a mapping with `core:`; point at that flag.
                let flag = match &raw_prompt.value {
                    RawPrompt::Full(fields) => fields.core.as_ref().map(|c| c.referenced),
                    RawPrompt::Plain(_) => None,
                };
                let place = flag.unwrap_or(raw_prompt.referenced);
                let at = (place.line(), place.column());
                self.issues.push(GuideIssue {
                    line: at.0,
                    column: at.1,
                    problem: GuideProblem::TooManyCore {
                        count,
                        max: MAX_CORE,
                    },
                });
            }
        }
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

impl Checker {
    fn prompt(&mut self, raw: &Spanned<RawPrompt>) -> Prompt {
        let fields = match &raw.value {
            RawPrompt::Plain(text) => {
                if text.trim().is_empty() {
                    self.report(raw, GuideProblem::EmptyField("prompt"));
                }
                return Prompt::plain(text.trim());
            }
            RawPrompt::Full(fields) => fields,
        };
        for name in &fields.unknown {
            self.report(name, GuideProblem::UnknownName(name.value.clone()));
        }
        let text = match &fields.text {
            Some(text) => self.text(text, "prompt"),
            None => {
                self.report(raw, GuideProblem::MissingText);
                String::new()
            }
        };
        let to = fields.to.as_ref().and_then(|to| {
            let found = Addressee::from_code(to.value.trim());
            if found.is_none() {
                self.report(to, GuideProblem::UnknownAddressee(to.value.clone()));
            }
            found
        });
        let core = match &fields.core {
            None => false,
            Some(Spanned {
                value: RawBool::Bool(core),
                ..
            }) => *core,
            Some(
                other @ Spanned {
                    value: RawBool::Other(written),
                    ..
                },
            ) => {
                self.report(other, GuideProblem::CoreNotBool(written.clone()));
                false
            }
        };
        Prompt { text, to, core }
    }

    fn concern(&mut self, raw: &RawConcern) -> ConcernGuide {
        let title = self.text(&raw.title, "title");
        let count = raw.checklist.value.len();
        if !(MIN_CHECKLIST..=MAX_CHECKLIST).contains(&count) {
            let problem = GuideProblem::ChecklistCount {
                count,
                min: MIN_CHECKLIST,
                max: MAX_CHECKLIST,
            };
            self.report(&raw.checklist, problem);
        }
        let checklist = raw
            .checklist
            .value
            .iter()
            .map(|line| self.text(line, "checklist"))
            .collect();
        ConcernGuide { title, checklist }
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
    let concern = raw.concern.as_ref().map(|c| checker.concern(&c.value));
    match (checker.issues.is_empty(), language) {
        (true, Some(language)) => Ok(Guide {
            id,
            language,
            version: raw.version.value,
            title,
            key_titles,
            moments,
            concern,
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
