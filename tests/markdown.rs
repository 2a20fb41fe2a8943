//! The Markdown of a record: what people typed prints as typed, overdue agreements and how
//! they went are shown, and one record reads in one language whatever the interface's.

use chrono::{NaiveDate, NaiveDateTime};
use stagegesprek::domain::{
    Agreement, AgreementStatus, Guide, KeyId, MeetingRecord, Moment, Placement, Role,
};
use stagegesprek::export::{Variant, to_markdown};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::guides::Guides;

fn when() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 4)
        .unwrap()
        .and_hms_opt(10, 15, 0)
        .unwrap()
}

fn guides() -> Guides {
    Guides::load(None, Lang::En.texts())
}

fn record(guide: &Guide) -> MeetingRecord {
    let placement = Placement {
        id: "fenna-test-bakkerij".into(),
        student: "Fenna Voorbeeld".into(),
        company: "Bakkerij Testkorst".into(),
        start: NaiveDate::from_ymd_opt(2026, 9, 1),
        end: NaiveDate::from_ymd_opt(2027, 1, 29),
        ..Placement::default()
    };
    let mut r = MeetingRecord::new(&placement, Moment::Midway, guide, when(), None);
    r.agreements.push(Agreement {
        what: "Hygiënecode doorlezen".into(),
        who: Role::Student,
        due: NaiveDate::from_ymd_opt(2026, 11, 1),
        status: AgreementStatus::Partly,
        carried_from: Some(Moment::Start),
        note: "half gelezen".into(),
    });
    r
}

/// The Markdown lines of the notes under the first key.
fn note_lines(md: &str) -> Vec<&str> {
    let start = md.find("**Notities**").expect("notes label") + "**Notities**\n\n".len();
    md[start..].lines().take_while(|l| !l.is_empty()).collect()
}

#[test]
fn typed_markup_prints_as_typed() {
    let guides = guides();
    let guide = guides.for_language(Lang::Nl).unwrap();
    let mut r = record(guide);
    r.keys.get_mut(KeyId::LearningProcesses).notes = [
        "# kop",
        "*vet* en _schuin_",
        "<b>x</b> <script>alert(1)</script>",
        "| pipe",
        "1. lijst",
        "- streepje",
        "+ plus",
        "> citaat",
        "[link](x)",
        "`code` \\ ~~weg~~ &amp;",
        "    ingesprongen",
    ]
    .join("\n");
    let md = to_markdown(&r, guide, Variant::Full);
    assert_eq!(
        note_lines(&md),
        [
            "\\# kop  ",
            "\\*vet\\* en \\_schuin\\_  ",
            "\\<b\\>x\\</b\\> \\<script\\>alert(1)\\</script\\>  ",
            "\\| pipe  ",
            "1\\. lijst  ",
            "\\- streepje  ",
            "\\+ plus  ",
            "\\> citaat  ",
            "\\[link\\](x)  ",
            "\\`code\\` \\\\ \\~\\~weg\\~\\~ \\&amp;  ",
            "\u{a0}\u{a0}\u{a0}\u{a0}ingesprongen  ",
        ],
        "{md}"
    );
}

#[test]
fn typed_markup_in_names_examples_and_agreements_is_escaped() {
    let guides = guides();
    let guide = guides.for_language(Lang::Nl).unwrap();
    let mut r = record(guide);
    r.placement.student = "Fenna *Test*".into();
    r.agreements[0].what = "Lees <b>alles</b> | ook [bijlage](x)".into();
    r.agreements[0].note = "# half".into();
    r.keys
        .get_mut(KeyId::GuidanceChoices)
        .examples
        .push(stagegesprek::domain::Example {
            text: "1. deeg _kneden_".into(),
            given_by: Role::Trainer,
            strategy: None,
            recognised: None,
        });
    let md = to_markdown(&r, guide, Variant::Full);
    assert!(
        md.starts_with("# Tussentijds gesprek: Fenna \\*Test\\*\n"),
        "{md}"
    );
    assert!(md.contains("1. 1. deeg \\_kneden\\_ *("), "{md}");
    assert!(
        md.contains("| Lees \\<b\\>alles\\</b\\> \\| ook \\[bijlage\\](x) *(uit startgesprek)* |"),
        "{md}"
    );
    assert!(md.contains("| # half |"), "{md}");
}

#[test]
fn agreements_show_status_note_and_overdue_with_dutch_dates() {
    let guides = guides();
    let guide = guides.for_language(Lang::Nl).unwrap();
    let md = to_markdown(&record(guide), guide, Variant::Full);
    assert!(
        md.contains("| Wat | Wie | Uiterlijk | Status | Hoe ging het |"),
        "{md}"
    );
    assert!(
        md.contains(
            "| Hygiënecode doorlezen *(uit startgesprek)* | student | 1-11-2026 **te laat** | deels | half gelezen |"
        ),
        "{md}"
    );
    assert!(md.contains("| Datum | 4-12-2026 10:15 |"), "{md}");
    assert!(md.contains("| Periode | 1-9-2026 – 29-1-2027 |"), "{md}");
}

#[test]
fn a_settled_agreement_is_not_overdue() {
    let guides = guides();
    let guide = guides.for_language(Lang::Nl).unwrap();
    let mut r = record(guide);
    r.agreements[0].status = AgreementStatus::Done;
    let md = to_markdown(&r, guide, Variant::Full);
    assert!(!md.contains("te laat"), "{md}");
    assert!(md.contains("| 1-11-2026 | afgerond |"), "{md}");
}

/// Every label the Markdown uses, in a language's texts.
fn labels(lang: Lang) -> Vec<&'static str> {
    let t = lang.texts();
    vec![
        t.md_student,
        t.md_date,
        t.md_place,
        t.md_present,
        t.md_notes,
        t.md_agreements,
        t.md_agreed,
        t.md_nothing,
        t.agreement_note,
        t.place(Default::default()),
    ]
}

#[test]
fn a_record_reads_in_its_own_language_whatever_the_interface() {
    let guides = guides();
    for (record_lang, other) in [(Lang::Nl, Lang::En), (Lang::En, Lang::Nl)] {
        let guide = guides.for_language(record_lang).unwrap();
        let mut r = record(guide);
        r.keys.get_mut(KeyId::LearningProcesses).notes = "x".into();
        // Exported by an interface in the other language: the CLI and UI pass only the guide.
        let md = to_markdown(&r, guide, Variant::Full);
        for label in labels(record_lang) {
            assert!(md.contains(label), "{record_lang:?}: {label} missing\n{md}");
        }
        for label in labels(other) {
            let shared = labels(record_lang).contains(&label);
            assert!(
                shared || !md.contains(label),
                "{other:?} label {label} in\n{md}"
            );
        }
        let start = guides
            .for_language(other)
            .unwrap()
            .moment(Moment::Start)
            .title
            .to_lowercase();
        assert!(!md.contains(&start), "{md}");
    }
}
