//! A placement links a student, a host company, a trainer and a teacher for a period.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Placement {
    pub id: String,
    pub student: String,
    #[serde(default)]
    pub programme: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub trainer: String,
    #[serde(default)]
    pub teacher: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Where the preparation form for the trainer can be sent.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub trainer_email: String,
    /// The language the trainer is addressed in; the interface's when not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainer_language: Option<Lang>,
    /// Dates agreed for the three meetings, where the school set its own; otherwise they
    /// follow from the period.
    #[serde(default, skip_serializing_if = "Planned::is_empty")]
    pub planned: Planned,
}

/// The dates planned for the meetings, by moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Planned {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub midway: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "final")]
    pub final_: Option<NaiveDate>,
}

impl Planned {
    pub const fn is_empty(&self) -> bool {
        self.start.is_none() && self.midway.is_none() && self.final_.is_none()
    }

    pub const fn get(&self, moment: super::Moment) -> Option<NaiveDate> {
        match moment {
            super::Moment::Start => self.start,
            super::Moment::Midway => self.midway,
            super::Moment::Final => self.final_,
        }
    }
}

/// What was typed into the new-placement form, as typed (a date may not be valid yet), kept
/// while the form is open so that a closed window does not lose it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlacementDraft {
    #[serde(default)]
    pub student: String,
    #[serde(default)]
    pub programme: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub trainer: String,
    #[serde(default)]
    pub teacher: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub trainer_email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainer_language: Option<Lang>,
    /// Always written last, so a cut-off file is noticed.
    #[serde(default)]
    pub end_of_file: bool,
}

/// Why a placement cannot be stored as entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacementProblem {
    /// Every placement is about a student; the name is what people look for.
    NoStudent,
    /// The period ends before it starts.
    EndBeforeStart,
}

/// Words that some file systems refuse as names, whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3",
];

const MAX_SLUG: usize = 48;

/// Makes an id safe as a single folder name without changing a valid one: only lowercase
/// ASCII letters, digits and `-` survive, so `..` and separators cannot occur.
pub fn safe_id(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.trim_matches('-').is_empty() {
        "stage-x".into()
    } else {
        cleaned
    }
}

/// Turns free text (a student's or company's name) into a safe folder name: lowercase ASCII
/// letters, digits and single dashes. Accents are folded so "Zoë Çelik" stays recognisable.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    // Room is left for a `-N` suffix; `safe_id` never cuts an id short again.
    out.truncate(MAX_SLUG);
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() || RESERVED.contains(&out.as_str()) {
        out.insert_str(0, "stage-");
        if out.ends_with('-') {
            out.push('x');
        }
    }
    out
}

/// Text as a search compares it: lowercase, accents folded ("Café" is "cafe").
pub fn folded(text: &str) -> String {
    text.chars()
        .flat_map(fold_accent)
        .flat_map(char::to_lowercase)
        .collect()
}

fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ā' | 'ă' | 'ą' | 'Ā' | 'Ă' | 'Ą' => "a",
        'ē' | 'ė' | 'ę' | 'ě' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "e",
        'ī' | 'į' | 'Ī' | 'Į' => "i",
        'ō' | 'ő' | 'Ō' | 'Ő' => "o",
        'ū' | 'ů' | 'ű' | 'ų' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ş' | 'ś' | 'š' | 'ș' | 'Ş' | 'Ś' | 'Š' | 'Ș' => "s",
        'ț' | 'ť' | 'Ț' | 'Ť' => "t",
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => "z",
        'ř' | 'Ř' => "r",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'ł' | 'Ł' => "l",
        'ğ' | 'Ğ' => "g",
        'ı' | 'İ' => "i",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => "",
    };
    let single = folded.is_empty().then_some(c);
    folded.chars().chain(single)
}

/// Existing placements that look like `new`, so the teacher can be asked before a second
/// folder is made for the same placement: the same student (ignoring case, accents, extra
/// spaces, commas and word order, so "Jansen, Anna" is "anna jansen"), and the same company
/// (ignoring case, accents and spacing) or an unknown one, with periods that overlap or are
/// not known. A missing start or end counts as open-ended. The placement with `new`'s own id
/// is left out, so an edited placement is not like itself.
pub fn similar<'a>(new: &Placement, existing: &'a [Placement]) -> Vec<&'a Placement> {
    let student = name_words(&new.student, true);
    if student.is_empty() {
        return Vec::new();
    }
    let company = name_words(&new.company, false);
    existing
        .iter()
        .filter(|p| new.id.is_empty() || p.id != new.id)
        .filter(|p| name_words(&p.student, true) == student)
        .filter(|p| {
            let theirs = name_words(&p.company, false);
            company.is_empty() || theirs.is_empty() || theirs == company
        })
        .filter(|p| periods_overlap(new, p))
        .collect()
}

/// The words of a name, folded to lowercase ASCII where a letter has an accent; `any_order`
/// sorts them so "Jansen, Anna" and "Anna Jansen" compare equal.
fn name_words(name: &str, any_order: bool) -> Vec<String> {
    let folded: String = name
        .chars()
        .flat_map(fold_accent)
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
    if any_order {
        words.sort();
    }
    words
}

/// Whether two periods share a day; a missing start or end is open-ended.
fn periods_overlap(a: &Placement, b: &Placement) -> bool {
    let starts_before_other_ends = |x: &Placement, y: &Placement| match (x.start, y.end) {
        (Some(start), Some(end)) => start <= end,
        _ => true,
    };
    starts_before_other_ends(a, b) && starts_before_other_ends(b, a)
}

/// Whether `address` could be an e-mail address: one `@` with something before it, a domain
/// with a dot inside it after it, and no spaces or list separators. Only what a typing slip
/// breaks; whether the mailbox exists is for the mail server to say.
pub fn could_be_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let bad = |c: char| c.is_whitespace() || c.is_control() || ",;:<>()[]\\\"@".contains(c);
    !local.is_empty()
        && !local.chars().any(bad)
        && !domain.chars().any(bad)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

impl Placement {
    /// Whether `name` is this placement's teacher, as people write names: case and the
    /// spaces around it do not matter.
    pub fn is_taught_by(&self, name: &str) -> bool {
        let name = name.trim();
        !name.is_empty() && self.teacher.trim().to_lowercase() == name.to_lowercase()
    }

    /// Checks what must hold before a placement is stored.
    pub fn check(&self) -> Result<(), PlacementProblem> {
        if self.student.trim().is_empty() {
            return Err(PlacementProblem::NoStudent);
        }
        match (self.start, self.end) {
            (Some(start), Some(end)) if end < start => Err(PlacementProblem::EndBeforeStart),
            _ => Ok(()),
        }
    }

    /// The id a new placement would get: student and company, made safe for a folder name,
    /// with a number added when `taken` says the plain one is in use.
    pub fn new_id(student: &str, company: &str, taken: impl Fn(&str) -> bool) -> String {
        let base = if company.trim().is_empty() {
            slug(student)
        } else {
            slug(&format!("{student} {company}"))
        };
        if !taken(&base) {
            return base;
        }
        (2..100_000)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| !taken(candidate))
            .unwrap_or_else(|| format!("{base}-{}", std::process::id()))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_typing_slip_is_not_an_email_address() {
        for good in ["m.zwaneveld@zonnigedeeg.example", "a+b@x.nl"] {
            assert!(super::could_be_email(good), "{good}");
        }
        for bad in [
            "m.zwaneveld@zonnigedeeg",
            "m.zwaneveld.zonnigedeeg.nl",
            "@x.nl",
            "a b@x.nl",
            "a@x..nl",
            "a@x.nl, b@y.nl",
            "a@@x.nl",
        ] {
            assert!(!super::could_be_email(bad), "{bad}");
        }
    }

    use super::*;

    #[test]
    fn slug_keeps_names_recognisable_and_safe() {
        assert_eq!(slug("Zoë Çelik"), "zoe-celik");
        assert_eq!(
            slug("  Bakkerij 't Zonnige Deeg  "),
            "bakkerij-t-zonnige-deeg"
        );
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("a/b\\c"), "a-b-c");
        assert_eq!(slug("CON"), "stage-con");
        assert_eq!(slug("李"), "stage-x");
        assert!(slug(&"x".repeat(200)).len() <= 48);
        assert_eq!(safe_id("../../etc"), "------etc");
        assert_eq!(safe_id("a/b"), "a-b");
        assert_eq!(safe_id(".."), "stage-x");
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_refused() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 9, d);
        let mut p = Placement {
            student: "Sam".into(),
            start: day(10),
            end: day(9),
            ..Placement::default()
        };
        assert_eq!(p.check(), Err(PlacementProblem::EndBeforeStart));
        p.end = day(10);
        assert_eq!(p.check(), Ok(()));
        p.student = "  ".into();
        assert_eq!(p.check(), Err(PlacementProblem::NoStudent));
    }

    #[test]
    fn similar_finds_the_same_placement_typed_differently() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        let placement = |id: &str, student: &str, company: &str, start, end| Placement {
            id: id.into(),
            student: student.into(),
            company: company.into(),
            start,
            end,
            ..Placement::default()
        };
        let existing = [placement(
            "anna-de-vries-bakkerij",
            "Anna de Vries",
            "Bakkerij Het Zonnige Deeg",
            day(9, 1),
            day(12, 20),
        )];
        // (what was typed, expected to look like the existing placement)
        let cases = [
            (
                placement("", "Anna de Vries", "Bakkerij Het Zonnige Deeg", None, None),
                true,
            ),
            (
                placement(
                    "",
                    "  anna   DE vries ",
                    "bakkerij het  zonnige deeg",
                    None,
                    None,
                ),
                true,
            ),
            (
                placement(
                    "",
                    "Vries, Anna de",
                    "Bakkerij Het Zonnige Deeg",
                    None,
                    None,
                ),
                true,
            ),
            (
                placement("", "Ánna de Vriës", "Bakkerij Het Zonnige Deeg", None, None),
                true,
            ),
            (placement("", "Anna de Vries", "", day(10, 1), None), true),
            (
                placement(
                    "",
                    "Anna de Vries",
                    "Bakkerij Het Zonnige Deeg",
                    day(12, 20),
                    day(12, 31),
                ),
                true,
            ),
            (
                placement(
                    "",
                    "Anna de Vries",
                    "Bakkerij Het Zonnige Deeg",
                    None,
                    day(9, 1),
                ),
                true,
            ),
            // A later placement at the same company is a new one.
            (
                placement(
                    "",
                    "Anna de Vries",
                    "Bakkerij Het Zonnige Deeg",
                    day(12, 21),
                    None,
                ),
                false,
            ),
            (
                placement("", "Anna de Vries", "Garage Oost", None, None),
                false,
            ),
            (
                placement("", "Anna Vries", "Bakkerij Het Zonnige Deeg", None, None),
                false,
            ),
            (
                placement("", "Ben de Vries", "Bakkerij Het Zonnige Deeg", None, None),
                false,
            ),
            (
                placement("", "", "Bakkerij Het Zonnige Deeg", None, None),
                false,
            ),
            // The placement being edited is not like itself.
            (
                placement(
                    "anna-de-vries-bakkerij",
                    "Anna de Vries",
                    "Bakkerij Het Zonnige Deeg",
                    None,
                    None,
                ),
                false,
            ),
        ];
        for (typed, expected) in cases {
            let found = similar(&typed, &existing);
            assert_eq!(found.len(), usize::from(expected), "{typed:?}");
        }
    }

    #[test]
    fn new_id_adds_a_number_when_taken() {
        let taken = |id: &str| id == "sam-jansen-garage-oost";
        assert_eq!(
            Placement::new_id("Sam Jansen", "Garage Oost", taken),
            "sam-jansen-garage-oost-2"
        );
        assert_eq!(Placement::new_id("Sam Jansen", "", |_| false), "sam-jansen");
        // A long name keeps its number, so two long names never collide.
        let long = "Maximiliaan Vandenberghe-Oosterhuis";
        let first = Placement::new_id(long, "Kinderdagverblijf De Regenboog", |_| false);
        let second = Placement::new_id(long, "Kinderdagverblijf De Regenboog", |id| id == first);
        assert_ne!(first, second);
        assert!(second.ends_with("-2"));
    }
}
