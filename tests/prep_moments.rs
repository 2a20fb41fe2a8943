//! Each moment asks its own questions: the trainer's expectations at the start, an interim
//! judgement midway and the final judgement at the end; the student's goals first and what
//! they learned later. What comes in shows where the meeting needs it, and old preparations
//! still show. All names are fictional.

mod common;

#[path = "common/cli.rs"]
mod cli_common;

use common::*;
use stagegesprek::domain::preparation::{PrepSource, Prepared, Preparer};
use stagegesprek::domain::{Lang, Moment, PrepQuestion, Preparation};
use stagegesprek::export::{Variant, parse_reply, preparation_form};
use stagegesprek::i18n::LangExt as _;
use stagegesprek::store::Store;

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The questions of a form as printed: the numbered lines.
fn questions(form: &str) -> Vec<String> {
    form.lines()
        .filter(|l| {
            l.split_once(". ")
                .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn prepare_form_asks_each_moment_and_role_its_own_questions_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let form = |lang: &str, moment: &str, role: &str| {
        let out = cli_common::run(
            tmp.path(),
            &[
                "--lang",
                lang,
                "prepare-form",
                DAAN,
                "--moment",
                moment,
                "--role",
                role,
            ],
        );
        assert!(out.status.success(), "{out:?}");
        stdout(&out)
    };
    for lang in ["nl", "en"] {
        let mut seen: Vec<Vec<String>> = Vec::new();
        for role in ["trainer", "student"] {
            for moment in ["start", "midway", "final"] {
                let form = form(lang, moment, role);
                let asked = questions(&form);
                assert!(!asked.is_empty(), "{lang} {role} {moment}:\n{form}");
                assert!(
                    !seen.contains(&asked),
                    "{lang} {role} {moment} asks what another form asks:\n{form}"
                );
                seen.push(asked);
            }
        }
    }
    // The start asks about plans, never whether guidance that has not begun was given.
    let start = form("nl", "start", "trainer");
    assert!(
        start.contains("Wat verwacht je van deze student"),
        "{start}"
    );
    assert!(!start.contains("heb je de student voorgedaan"), "{start}");
    assert!(
        !start.contains(" u "),
        "the trainer is 'je' everywhere:\n{start}"
    );
    // The final form asks for the final judgement, each half with an example.
    let last = form("nl", "final", "trainer");
    for asked in [
        "Wat kan de student nu zelfstandig?",
        "Waar moet de student nog aan werken?",
        "Wat heeft de student in je begeleiding het meest geholpen?",
    ] {
        assert!(last.contains(asked), "{asked}:\n{last}");
    }
    assert!(last.contains("eindinschatting"), "{last}");
    let last_en = form("en", "final", "trainer");
    assert!(
        last_en.contains("What can the student now do on their own?"),
        "{last_en}"
    );
    assert!(!last_en.contains("articipat"), "{last_en}");
    let midway_en = form("en", "midway", "trainer");
    assert!(midway_en.contains("Involving:"), "{midway_en}");
    // The student first says what they want to learn; later, whether to talk alone.
    let student_start = form("nl", "start", "student");
    assert!(
        student_start.contains("Wat wil je hier leren"),
        "{student_start}"
    );
    let student_final = form("en", "final", "student");
    assert!(
        student_final.contains("with your teacher alone?"),
        "{student_final}"
    );
}

/// Noor's final form, filled in by the trainer as a mail reply.
fn final_reply(store: &Store) -> stagegesprek::domain::preparation::Reply {
    let placement = store.placement(NOOR).unwrap();
    let blank = preparation_form(
        &placement,
        Moment::Final,
        Preparer::Trainer,
        Lang::Nl,
        "Eindgesprek",
    );
    let t = Lang::Nl.texts();
    let answers = [
        (PrepQuestion::CanAlone, "Draait de ochtendploeg alleen."),
        (
            PrepQuestion::CanAloneExample,
            "Zette zaterdag alle bestellingen klaar zonder hulp.",
        ),
        (PrepQuestion::NeedsWork, "Klachten aannemen."),
        (
            PrepQuestion::NeedsWorkExample,
            "Liep weg bij een boze klant.",
        ),
        (
            PrepQuestion::HelpedMost,
            "Elke ochtend even samen beginnen.",
        ),
    ];
    let mut filled = String::new();
    for line in blank.lines() {
        filled.push_str(line);
        filled.push('\n');
        if let Some((_, answer)) = answers
            .iter()
            .find(|(q, _)| line.ends_with(t.prep_ask(*q, Preparer::Trainer)))
        {
            filled.push_str(answer);
            filled.push('\n');
        }
    }
    parse_reply(&filled).unwrap()
}

#[test]
fn a_filled_final_form_opens_key_3_of_the_final_meeting_as_the_final_judgement() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    store.import_reply(&final_reply(&store), false).unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(NOOR, Moment::Final);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '3');
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("┌ Eindinschatting ("), "{shown}");
    assert!(shown.contains("Kan nu zelfstandig: Draait"), "{shown}");
    assert!(shown.contains("Nog werk aan: Klachten"), "{shown}");
    assert!(shown.contains("▸ Zette zaterdag alle"), "{shown}");
    assert!(!shown.contains("Er is geen eindinschatting"), "{shown}");
    // What helped most belongs to the guidance choices.
    assert!(!shown.contains("Elke ochtend even samen"), "{shown}");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '4');
    assert_shows(&app, "Hielp het meest: Elke ochtend");
}

#[test]
fn without_a_judgement_key_3_says_so_and_what_to_do_midway_and_at_the_end() {
    let tmp = tempfile::tempdir().unwrap();
    let (_store, placement) = new_placement(tmp.path(), "Ilse Proef", "Drukkerij Het Vel");
    let mut app = app_in(tmp.path(), Lang::Nl);
    for (moment, said) in [
        (
            Moment::Midway,
            "De praktijkopleider heeft geen tussentijdse",
        ),
        (Moment::Final, "Er is geen eindinschatting van de"),
    ] {
        app.open_meeting(&placement.id, moment);
        press_shown(&mut app, "Ctrl+G");
        press_digit_shown(&mut app, '3');
        assert_shows(&app, said);
        assert_shows(&app, "Vraag die nu eerst");
        // Only key 3 says it.
        press_shown(&mut app, "Ctrl+G");
        press_digit_shown(&mut app, '1');
        assert_not_shows(&app, said);
        press_shown(&mut app, "Esc");
    }
    // The start has no judgement to wait for.
    app.open_meeting(&placement.id, Moment::Start);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '3');
    assert_not_shows(&app, "Vraag die nu eerst");
}

#[test]
fn a_preparation_stored_in_the_old_shape_still_shows_where_it_did() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, placement) = new_placement(tmp.path(), "Ilse Proef", "Drukkerij Het Vel");
    // As the previous version imported it: the same fields at every moment.
    let old = format!(
        "schema_version: 1\nplacement: {}\nmoment: midway\nby: trainer\nlanguage: nl\ntrainer:\n  prepared_on: 2026-11-02\n  judgement: Zet nu zelf de pers klaar.\n  examples:\n  - text: Drukte de folders alleen.\n    given_by: trainer\n  guidance:\n  - strategy: participating\n    example: Deed mee in het werkoverleg.\nsource: form\nend_of_file: true\n",
        placement.id
    );
    std::fs::write(
        store
            .placement_dir(&placement.id)
            .join("midway.trainer.prep.yaml"),
        old,
    )
    .unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(&placement.id, Moment::Midway);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '3');
    assert_shows(&app, "Tussentijdse inschatting (2-11-2026)");
    assert_shows(&app, "Inschatting: Zet nu zelf de pers klaar.");
    assert_shows(&app, "▸ Drukte de folders alleen.");
    assert_not_shows(&app, "geen tussentijdse");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '4');
    assert_shows(&app, "▸ Deed mee in het werkoverleg.");
    assert_shows(&app, "laten meedoen");
}

#[test]
fn a_reply_to_a_form_of_the_previous_version_is_still_read() {
    // The form every moment had before, filled in and sent back after the update.
    let old_reply = "===== stagegesprek: begin van het formulier =====\n\
        Formulier: ilse-proef-drukkerij-het-vel / final / trainer\n\n\
        1. Hoe ontwikkelt de student zich volgens u?\nZelfstandig nu.\n\n\
        2. Aan welk concreet voorbeeld uit het werk ziet u dat?\nDe jaarkalender.\n\n\
        5. Laten meedoen: heeft u dit gedaan, en zo ja, waarbij?\nnee\n\n\
        ===== stagegesprek: einde van het formulier =====\n";
    let reply = parse_reply(old_reply).unwrap();
    let p = reply.prepared.preparation();
    assert_eq!(p.answer(PrepQuestion::Judgement), Some("Zelfstandig nu."));
    assert_eq!(p.answer(PrepQuestion::Example), Some("De jaarkalender."));
    assert_eq!(p.answer(PrepQuestion::GuidedInvolving), None);
    assert!(p.has_judgement());
}

#[test]
fn what_the_student_wants_to_discuss_alone_is_asked_at_the_end_and_never_shared() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, placement) = new_placement(tmp.path(), "Ilse Proef", "Drukkerij Het Vel");
    let prepared = Prepared::Student(Preparation::answering([
        (PrepQuestion::Learned, "Ik snijd nu zelf het papier."),
        (PrepQuestion::AloneTopic, "Mijn rooster botst met school."),
    ]));
    store
        .save_preparation(&placement.id, Moment::Midway, &prepared, PrepSource::Form)
        .unwrap();
    let exports = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.export_dir = exports.path().to_path_buf();
    app.open_meeting(&placement.id, Moment::Midway);
    // Not at key 1, where the trainer sits at the table.
    assert_shows(&app, "Geleerd: Ik snijd");
    assert_not_shows(&app, "Mijn rooster");
    type_text(&mut app, "Rustig begonnen.");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '7');
    assert_shows(&app, "Alleen met de student");
    assert_shows(&app, "De student wil iets alleen met je bespreken:");
    assert_shows(&app, "Mijn rooster botst met school.");

    // The shared record leaves it out; the teacher's own version keeps it.
    app.flush_saves();
    let record = Store::open(tmp.path())
        .unwrap()
        .meeting(&placement.id, Moment::Midway)
        .unwrap()
        .unwrap();
    let guides = stagegesprek::store::guides::Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let shared = stagegesprek::export::to_markdown(&record, guide, Variant::Shared);
    assert!(shared.contains("Ik snijd nu zelf het papier."), "{shared}");
    assert!(!shared.contains("Mijn rooster"), "{shared}");
    let full = stagegesprek::export::to_markdown(&record, guide, Variant::Full);
    assert!(full.contains("Mijn rooster botst met school."), "{full}");
}

#[test]
fn a_way_of_guiding_not_used_is_answered_the_same_way_on_screen_as_on_the_form() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, placement) = new_placement(tmp.path(), "Ilse Proef", "Drukkerij Het Vel");
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.prepare(&placement.id, Moment::Midway, Preparer::Trainer);
    // The screen says the rule the form says.
    type_text(&mut app, "Snijdt recht.");
    for _ in 0..4 {
        press_shown(&mut app, "Enter");
    }
    // "Op koers?" asks yes or no: there "Nee" is the answer that matters most.
    type_text(&mut app, "Nee");
    for _ in 0..2 {
        press_shown(&mut app, "Enter");
    }
    // The rule the form gives stands in the empty field of each way of guiding.
    assert_shows(
        &app,
        "Past een manier (nog) niet? Laat de vraag leeg of schrijf 'nog niet'.",
    );
    type_text(&mut app, "nog niet");
    press_shown(&mut app, "Ctrl+S");
    let (trainer, _) = store.preparations(&placement.id, Moment::Midway);
    let trainer = trainer.expect("stored");
    assert_eq!(trainer.answer(PrepQuestion::Grown), Some("Snijdt recht."));
    assert_eq!(trainer.answer(PrepQuestion::OnCourse), Some("Nee"));
    assert_eq!(
        trainer.answers.len(),
        2,
        "'nog niet' is no answer: {trainer:?}"
    );
}

/// Every sentence a person reads in `lang`: the interface, the current forms' questions and the
/// built-in guide's questions and purposes.
fn everything_said(lang: Lang) -> Vec<String> {
    let t = lang.texts();
    let mut all: Vec<String> = t
        .entries()
        .into_iter()
        .map(|(_, s)| s.to_string())
        .collect();
    for by in Preparer::ALL {
        for moment in Moment::ALL {
            for q in PrepQuestion::form(moment, by) {
                let words = t.prep_text(*q, by);
                all.push(words.ask.to_string());
                all.push(words.short.to_string());
            }
        }
    }
    let guides = stagegesprek::store::guides::Guides::load(None, t);
    let guide = guides.for_language(lang).unwrap();
    for moment in Moment::ALL {
        let m = guide.moment(moment);
        all.push(m.title.clone());
        all.push(m.purpose.clone());
        for key in stagegesprek::domain::KeyId::ALL {
            let k = guide.key(moment, key);
            all.push(k.purpose.clone());
            all.extend(k.prompts.iter().map(|p| p.text.clone()));
        }
    }
    all
}

#[test]
fn one_name_for_each_way_of_guiding_and_one_form_of_address() {
    // Strategy b is "involving" in English wherever it is named.
    for said in everything_said(Lang::En) {
        assert!(!said.to_lowercase().contains("participat"), "{said}");
    }
    // The trainer and the student are "je" in Dutch: in the guide and on every form.
    for said in everything_said(Lang::Nl) {
        let words: Vec<String> = said
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        assert!(
            !words.iter().any(|w| w == "u" || w == "uw"),
            "addressed as 'u': {said}"
        );
    }
}
