//! Records survive a round trip through YAML with every field intact, and read well as
//! Markdown in the full and the shared version.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use stagegesprek::domain::{
    Agreement, AgreementStatus, Example, KeyId, MeetingRecord, Moment, Place, Placement,
    Recognition, Role, Strategy,
};
use stagegesprek::domain::{PrepQuestion, Preparation};
use stagegesprek::export::{Variant, to_markdown};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::guides::Guides;
use stagegesprek::store::{Store, to_yaml};

fn when() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 3)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn full_record(notes: &str) -> MeetingRecord {
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let placement = Placement {
        id: "zoe-test-atelier-naald".into(),
        student: "Zoë Çelik-Testnaam".into(),
        programme: "Mode & maatkleding".into(),
        level: "3".into(),
        company: "Atelier De Gouden Naald | Testlocatie".into(),
        trainer: "Ingrid Proefmeester".into(),
        teacher: "Hans Testdocent".into(),
        start: NaiveDate::from_ymd_opt(2026, 9, 1),
        end: NaiveDate::from_ymd_opt(2027, 1, 31),
        ..Placement::default()
    };
    let mut r = MeetingRecord::new(&placement, Moment::Midway, guide, when(), None);
    r.place = Place::AtSchool;
    r.present.trainer = false;
    r.present.others = "Stagecoördinator".into();
    r.time_spent_seconds = 1834;
    for key in KeyId::ALL {
        r.keys.get_mut(key).notes = format!("{notes} ({})", key.code());
    }
    r.keys
        .get_mut(KeyId::GuidanceChoices)
        .examples
        .push(Example {
            text: "no".into(),
            given_by: Role::Trainer,
            strategy: Some(Strategy::Participating),
            recognised: Some(Recognition::Partly),
        });
    r.trainer_preparation = Some(Preparation {
        prepared_on: NaiveDate::from_ymd_opt(2026, 11, 1),
        ..Preparation::answering([
            (PrepQuestion::Grown, "Werkt netjes; mag sneller."),
            (PrepQuestion::GrownExample, "Zoomde een rok af"),
        ])
    });
    r.agreements.push(Agreement {
        what: "Patroon | maat 38 afmaken".into(),
        who: Role::Student,
        due: NaiveDate::from_ymd_opt(2026, 11, 20),
        status: AgreementStatus::Open,
        carried_from: Some(Moment::Start),
        note: String::new(),
    });
    r.private_notes = "Geheim: mantelzorg thuis.".into();
    r.finish(&[Role::Student, Role::Teacher], when());
    r
}

#[test]
fn every_field_survives_a_round_trip_through_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let record = full_record("Eerste regel\nTweede regel met ünïcødé, emoji 🎉 en \"quotes\": yes");
    let path = store
        .save_final("zoe-test-atelier-naald", Moment::Midway, &record)
        .unwrap();
    let back = store
        .final_record("zoe-test-atelier-naald", Moment::Midway)
        .unwrap()
        .unwrap();
    assert_eq!(back, record);
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("schema_version: 4\n"), "{text}");
    // A YAML 1.1 reader must not see the example text `no` as false.
    assert!(text.contains("text: \"no\""), "{text}");
}

#[test]
fn empty_and_very_long_notes_round_trip() {
    for notes in [
        String::new(),
        "x".repeat(200_000),
        "regel\n".repeat(5_000),
        "  spaties aan de rand  ".into(),
    ] {
        let record = full_record(&notes);
        let back: MeetingRecord = serde_saphyr::from_str(&to_yaml(&record)).unwrap();
        assert_eq!(back, record);
    }
}

#[test]
fn fields_from_a_newer_version_are_kept_when_saving() {
    let record = full_record("n");
    let newer = to_yaml(&record).replacen(
        "status: final",
        "status: final\nsignature:\n  by: someone\n  method: pen",
        1,
    );
    let read: MeetingRecord = serde_saphyr::from_str(&newer).unwrap();
    assert!(read.extra.contains_key("signature"));
    let again = to_yaml(&read);
    assert!(
        again.contains("signature:") && again.contains("method: pen"),
        "{again}"
    );
}

#[test]
fn markdown_has_every_part_and_the_shared_version_leaves_private_notes_out() {
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let record = full_record("Notitie");
    let full = to_markdown(&record, guide, Variant::Full);
    let shared = to_markdown(&record, guide, Variant::Shared);
    assert!(
        full.starts_with("# Tussentijds gesprek: Zoë Çelik-Testnaam\n"),
        "{full}"
    );
    for part in [
        "## 1. Leerprocessen",
        "## 2. Leerpotentieel",
        "## 3. Inschatting praktijkopleider",
        "## 4. Begeleidingskeuzes",
        "## Afspraken",
        "## Akkoord",
    ] {
        assert!(full.contains(part), "{part} missing:\n{full}");
    }
    assert!(full.contains("| Plaats | op school |"), "{full}");
    assert!(
        full.contains("| Aanwezig | student, docent, Stagecoördinator |"),
        "{full}"
    );
    assert!(full.contains("| Duur | 31 minuten |"), "{full}");
    assert!(full.contains("1. no *(gegeven door praktijkopleider; strategie: laten meedoen; student herkent het deels)*"), "{full}");
    // A pipe in a cell is escaped so the table keeps its columns.
    assert!(
        full.contains(
            "| Patroon \\| maat 38 afmaken *(uit startgesprek)* | student | 20-11-2026 | open |"
        ),
        "{full}"
    );
    assert!(full.contains("Werkt netjes; mag sneller."), "{full}");
    assert!(full.contains("Geheim: mantelzorg thuis."));
    assert!(!shared.contains("Geheim"), "{shared}");
    assert!(!shared.contains("Privénotities"), "{shared}");
    assert!(shared.contains("Gedeelde versie"));
}

#[test]
fn markdown_in_english_uses_the_english_labels() {
    let guides = Guides::load(None, Lang::En.texts());
    let guide = guides.for_language(Lang::En).unwrap();
    let md = to_markdown(&full_record("Note"), guide, Variant::Full);
    assert!(md.starts_with("# Mid-placement review: "), "{md}");
    assert!(md.contains("## 4. Guidance choices"));
    assert!(md.contains("strategy: involving"));
    assert!(md.contains("## Private notes (teacher only)"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_note_text_round_trips(notes in "\\PC{0,200}", private in any::<String>(), what in "[\\s\\S]{0,80}") {
        let mut record = full_record(&notes);
        record.private_notes = private;
        record.agreements[0].what = what;
        let back: MeetingRecord = serde_saphyr::from_str(&to_yaml(&record)).unwrap();
        prop_assert_eq!(back, record);
    }
}
