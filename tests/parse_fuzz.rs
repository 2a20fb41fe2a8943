//! Property tests over everything that parses text from disk: meeting records, guides and the
//! checked file read. Nothing may panic, a cut-off record is never accepted, and a record that
//! is accepted can be written back and read again unchanged. Bounded to a few seconds in a
//! debug build; `fuzz/` runs the same entry points for as long as you like.

use std::io::Write as _;
use std::sync::LazyLock;

use chrono::NaiveDate;
use proptest::prelude::*;
use stagegesprek::domain::guide_check::parse_guide;
use stagegesprek::domain::{
    Agreement, AgreementStatus, Example, MeetingRecord, Moment, Placement, Role,
    Strategy as Guidance,
};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::disk::RealDisk;
use stagegesprek::store::guides::Guides;
use stagegesprek::store::read::{Problem, decode_record, read_record, unknown_fields};
use stagegesprek::store::{Damage, StoreError, to_yaml};

const GUIDE_NL: &str = include_str!("../guides/nl.yaml");
const GUIDE_EN: &str = include_str!("../guides/en.yaml");

/// A fictional held record with something in every part.
fn record_with(notes: &str, private: &str) -> MeetingRecord {
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let placement = Placement {
        id: "bo-fictief-fietsenmaker-spaak".into(),
        student: "Bo Fictief".into(),
        programme: "Fietstechniek".into(),
        level: "2".into(),
        company: "Fietsenmaker De Losse Spaak".into(),
        trainer: "Wim Voorbeeld".into(),
        teacher: "Ria Proef".into(),
        start: NaiveDate::from_ymd_opt(2026, 9, 1),
        end: NaiveDate::from_ymd_opt(2027, 1, 29),
        ..Placement::default()
    };
    let now = NaiveDate::from_ymd_opt(2026, 9, 15)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let mut r = MeetingRecord::new(&placement, Moment::Start, guide, now, None);
    r.keys.learning_processes.notes = notes.to_string();
    r.keys.guidance_choices.examples.push(Example {
        text: "Mocht zelf een band plakken, met controle achteraf.".into(),
        given_by: Role::Trainer,
        strategy: Some(Guidance::Entrusting),
        recognised: None,
    });
    r.agreements.push(Agreement {
        what: "Leerdoelen mailen.".into(),
        who: Role::Student,
        due: NaiveDate::from_ymd_opt(2026, 10, 1),
        status: AgreementStatus::Open,
        carried_from: None,
        note: String::new(),
    });
    r.private_notes = private.to_string();
    r.finish(&[Role::Student, Role::Trainer, Role::Teacher], now);
    r
}

static RECORD_TEXT: LazyLock<String> = LazyLock::new(|| {
    to_yaml(&record_with(
        "Wil leren plannen.\nKiest voor techniek: \"echt\".",
        "Alleen voor de docent.",
    ))
});

/// A record that is accepted must survive being written back: same record, still accepted,
/// and nothing in what we wrote taken for a field from a newer version.
fn assert_stable(record: &MeetingRecord) -> Result<(), TestCaseError> {
    let again = to_yaml(record);
    let unknown = unknown_fields(&again, record);
    prop_assert!(
        unknown.is_empty(),
        "own fields {:?} seen as unknown:\n{}",
        unknown,
        again
    );
    match decode_record(&again) {
        Ok(back) => prop_assert_eq!(&back, record, "changed on write-back:\n{}", again),
        Err(problem) => prop_assert!(false, "refused on write-back: {:?}\n{}", problem, again),
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, mask: u8 },
    Truncate { at: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Delete { at: usize, len: usize },
}

/// Pieces of YAML that change meaning when they land in the wrong place.
const SNIPPETS: &[&str] = &[
    "\n",
    ":",
    ": ",
    "- ",
    "\"",
    "'",
    "#",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "{",
    "}",
    "[",
    "]",
    "\t",
    "  ",
    "~",
    "|",
    ">-",
    "? ",
    "---\n",
    "...\n",
    "\u{FEFF}",
    "\r",
    "\0",
    "é",
    "end_of_file: true\n",
    "schema_version: 3\n",
    "schema_version: 1\n",
    "<<: *a\n",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<prop::sample::Index>();
    prop_oneof![
        (at.clone(), 1u8..).prop_map(|(at, mask)| Mutation::Flip {
            at: at.index(usize::MAX),
            mask
        }),
        at.clone().prop_map(|at| Mutation::Truncate {
            at: at.index(usize::MAX)
        }),
        (
            at.clone(),
            prop_oneof![
                prop::sample::select(SNIPPETS).prop_map(|s| s.as_bytes().to_vec()),
                prop::collection::vec(any::<u8>(), 1..8),
            ]
        )
            .prop_map(|(at, bytes)| Mutation::Insert {
                at: at.index(usize::MAX),
                bytes
            }),
        (at, 1usize..40).prop_map(|(at, len)| Mutation::Delete {
            at: at.index(usize::MAX),
            len
        }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let n = bytes.len();
    match mutation {
        Mutation::Flip { at, mask } if n > 0 => bytes[at % n] ^= mask,
        Mutation::Truncate { at } => bytes.truncate(at % (n + 1)),
        Mutation::Insert { at, bytes: new } => {
            let at = at % (n + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Delete { at, len } if n > 0 => {
            let at = at % n;
            bytes.drain(at..(at + len).min(n));
        }
        _ => {}
    }
}

/// Reads `bytes` the way the store reads a record file.
fn read_bytes(bytes: &[u8]) -> Result<MeetingRecord, StoreError> {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(bytes).unwrap();
    file.flush().unwrap();
    read_record(&RealDisk, file.path())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_decodes_or_is_refused(text in any::<String>()) {
        if let Ok(record) = decode_record(&text) {
            assert_stable(&record)?;
        }
    }

    #[test]
    fn yaml_like_text_decodes_or_is_refused(
        text in "(schema_version: |end_of_file: |status: |keys:|notes: |\n|  |- |: |\"|'|\\{|\\}|\\[|\\]|&a |\\*a|#|[0-9]{1,3}|true|~|[a-z_]{1,8}){0,60}"
    ) {
        if let Ok(record) = decode_record(&text) {
            assert_stable(&record)?;
        }
    }

    #[test]
    fn a_mutated_record_is_a_record_or_an_error(
        mutations in prop::collection::vec(mutation(), 1..4)
    ) {
        let mut bytes = RECORD_TEXT.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let from_file = read_bytes(&bytes);
        match std::str::from_utf8(&bytes) {
            Ok(text) => {
                let decoded = decode_record(text);
                prop_assert_eq!(decoded.is_ok(), from_file.is_ok());
                if let Ok(record) = decoded {
                    unknown_fields(text, &record);
                    assert_stable(&record)?;
                }
            }
            Err(_) => prop_assert!(
                matches!(
                    from_file,
                    Err(StoreError::Damaged { damage: Damage::NotText { line, column }, .. })
                        if line >= 1 && column >= 1
                ),
                "{:?}", from_file
            ),
        }
    }

    #[test]
    fn a_record_cut_off_anywhere_is_refused(
        notes in "\\PC{0,120}",
        private in any::<String>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let text = to_yaml(&record_with(&notes, &private));
        match decode_record(&text) {
            Ok(record) => assert_stable(&record)?,
            Err(problem) => prop_assert!(false, "own record refused: {:?}", problem),
        }
        let whole = text.trim_end_matches('\n').len();
        let cut = cut.index(whole);
        let shorter = &text.as_bytes()[..cut];
        let result = read_bytes(shorter);
        prop_assert!(
            matches!(&result, Err(e) if e.is_damage()),
            "cut at {} of {} read as {:?}", cut, whole, result
        );
        if let Ok(shorter) = std::str::from_utf8(shorter) {
            prop_assert!(!matches!(decode_record(shorter), Ok(_) | Err(Problem::Newer(_))));
        }
    }

    #[test]
    fn any_bytes_read_from_a_file_are_a_record_or_an_error(
        bytes in prop::collection::vec(any::<u8>(), 0..1024)
    ) {
        match (read_bytes(&bytes), std::str::from_utf8(&bytes)) {
            (Ok(record), Ok(_)) => assert_stable(&record)?,
            (Ok(_), Err(_)) => prop_assert!(false, "binary data read as a record"),
            (Err(e), _) => {
                let newer = matches!(e, StoreError::Newer { .. });
                prop_assert!(e.is_damage() || newer, "{:?}", e);
            }
        }
    }

    #[test]
    fn any_text_as_a_guide_is_a_guide_or_issues(text in any::<String>()) {
        if let Err(issues) = parse_guide(&text) {
            prop_assert!(!issues.is_empty());
            for issue in &issues {
                for lang in [Lang::Nl, Lang::En] {
                    prop_assert!(!lang.texts().guide_problem(&issue.problem).is_empty());
                }
            }
        }
    }

    #[test]
    fn a_mutated_guide_is_a_guide_or_issues(
        english in any::<bool>(),
        mutations in prop::collection::vec(mutation(), 1..4)
    ) {
        let mut bytes = if english { GUIDE_EN } else { GUIDE_NL }.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Err(issues) = parse_guide(&text) {
            prop_assert!(!issues.is_empty());
        }
    }
}

#[test]
fn the_base_record_and_guides_are_valid() {
    assert!(decode_record(&RECORD_TEXT).is_ok());
    assert!(parse_guide(GUIDE_NL).is_ok());
    assert!(parse_guide(GUIDE_EN).is_ok());
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    let mut text = String::from("schema_version: 2\na0: &a0 [\"lol\"]\n");
    for i in 1..12 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    text.push_str(&RECORD_TEXT.replace("private_notes:", "private_notes: *a11\nx:"));
    let started = std::time::Instant::now();
    assert!(decode_record(&text).is_err());
    assert!(parse_guide(&text).is_err());
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for (open, close) in [("[", "]"), ("{a: ", "}"), ("- ", "")] {
        let depth = 20_000;
        let nested = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        let text =
            RECORD_TEXT.replace("private_notes:", &format!("deep: {nested}\nprivate_notes:"));
        assert!(decode_record(&text).is_err(), "{open}");
        assert!(parse_guide(&nested).is_err(), "{open}");
    }
}
