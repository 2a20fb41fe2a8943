//! Whole meetings held the way a first-time user would: every command pressed only after the
//! footer showed it, and typing text that holds every digit and every letter that is a
//! command somewhere, to prove that in text they only ever type.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode::{self, Esc};
use stagegesprek::domain::{
    Addressee, AgreementStatus, KeyId, Moment, Place, RecordStatus, Role, Strategy,
};
use stagegesprek::i18n::Lang;
use stagegesprek::store::Store;
use stagegesprek::tui::App;

/// Every digit, every letter (each is a command key somewhere as Ctrl+letter, and every
/// digit answers a question somewhere), and the characters old versions used as commands.
const EVERY_KEY: &str = "0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ ?!q ";

fn fresh(dir: &std::path::Path, lang: Lang) -> (App, tempfile::TempDir) {
    let exports = tempfile::tempdir().unwrap();
    let mut app = app_in(dir, lang);
    app.export_dir = exports.path().to_path_buf();
    (app, exports)
}

/// Types `text` and checks that nothing but typing happened: same screen, no pop-up, no
/// message.
#[track_caller]
fn type_only(app: &mut App, text: &str) {
    let context = app.context();
    let screens = app.screens.len();
    type_text(app, text);
    assert_eq!(app.context(), context, "typing changed where the keys go");
    assert_eq!(app.screens.len(), screens, "typing changed the screen");
    assert!(app.message.is_none(), "typing raised {:?}", app.message);
}

/// Creates a placement from the home screen's footer and opens its start meeting.
fn create_and_open_start(app: &mut App, student: &str, company: &str) {
    press_shown(app, "Ctrl+N");
    type_only(app, student);
    for _ in 0..3 {
        press_shown(app, "Tab");
    }
    type_only(app, company);
    press_shown(app, "Ctrl+S");
    // The pick screen proposes the first moment not yet held: the start.
    press_shown(app, "Enter");
}

#[test]
fn a_whole_start_meeting_from_the_footer_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, exports) = fresh(tmp.path(), Lang::Nl);
    assert_shows(&app, "Nog geen stageplaatsen");
    create_and_open_start(&mut app, "Sanne Testdata", "Garage Het Testblok");
    assert_shows(&app, "Startgesprek · Sanne Testdata · Garage Het Testblok");
    assert_shows(&app, "○ 1 Leerprocessen");

    // The cursor is in the notes at once; every key types, in every key of the meeting.
    let notes = [
        format!("Wil leren plannen. {EVERY_KEY}"),
        format!("Drie monteurs {EVERY_KEY}"),
        format!("Leergierig {EVERY_KEY}"),
        format!("Voordoen {EVERY_KEY}"),
    ];
    for (i, text) in notes.iter().enumerate() {
        if i > 0 {
            // Past the key's examples to the next key's notes.
            press_shown(&mut app, "Tab");
            press_shown(&mut app, "Tab");
        }
        type_only(&mut app, text);
    }
    assert_shows(&app, "● 4 Begeleidingskeuzes");

    // An example under key 4: the form is found in the footer, and its text types too.
    press_shown(&mut app, "Ctrl+E");
    assert_shows(&app, "Voorbeeld: Begeleidingskeuzes");
    type_only(&mut app, "Mat een remschijf, stap 1 en 2");
    // Given by the trainer, as under key 4 it usually is; the strategy is chosen.
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "→");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "1. Mat een remschijf, stap 1 en 2");

    // An agreement with a date the way people write it; a wrong one is refused plainly.
    press_shown(&mut app, "Ctrl+N");
    type_only(&mut app, "Leerdoelen mailen");
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Tab");
    type_only(&mut app, "31-2-2027");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "'31-2-2027' lees ik niet als datum");
    for _ in 0.."31-2-2027".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_only(&mut app, "1 dec 2027");
    press_shown(&mut app, "Ctrl+S");
    // The cursor is back where the pop-up was opened; the agreement is under 5.
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '5');
    assert_shows(&app, "5. Afspraken");
    assert_shows(&app, "[ ] Leerdoelen mailen — student, 1-12-2027");

    // Meeting details: online, trainer not present, and the date written up afterwards.
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '6');
    press_shown(&mut app, "Enter");
    assert_shows(&app, "‹ online ›");
    press_shown(&mut app, "↓");
    press_shown(&mut app, "↓");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "[ ] praktijkopleider");
    // Arriving in the date, time or duration selects it: typing replaces it.
    for _ in 0..3 {
        press_shown(&mut app, "↓");
    }
    type_only(&mut app, "20-11-2026");
    press_shown(&mut app, "↓");
    type_only(&mut app, "9.30");
    press_shown(&mut app, "Tab");
    type_only(&mut app, "45");

    // Private notes, typed with every key as well.
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '7');
    type_only(&mut app, &format!("Alleen voor mij: reistijd. {EVERY_KEY}"));

    // The read-back leaves private notes out; someone absent cannot be marked.
    press_shown(&mut app, "Ctrl+F");
    assert_shows(&app, "Afronden: voorlezen en akkoord");
    assert_not_shows(&app, "reistijd");
    press_digit_shown(&mut app, '2');
    assert_shows(&app, "was niet bij het gesprek");
    press_digit_shown(&mut app, '1');
    press_digit_shown(&mut app, '3');
    assert_shows(&app, "[x] student");
    press_shown(&mut app, "Enter");
    app.flush_saves();
    assert_shows(&app, "Verslag definitief opgeslagen");

    // On disk: everything typed landed where it was typed, and nowhere else.
    let store = Store::open(tmp.path()).unwrap();
    let id = "sanne-testdata-garage-het-testblok";
    assert!(!store.draft_path(id, Moment::Start).exists());
    let record = store.final_record(id, Moment::Start).unwrap().unwrap();
    for (key, text) in KeyId::ALL.into_iter().zip(&notes) {
        assert_eq!(&record.keys.get(key).notes, text, "{key:?}");
    }
    assert_eq!(
        record.private_notes,
        format!("Alleen voor mij: reistijd. {EVERY_KEY}")
    );
    let example = &record.keys.get(KeyId::GuidanceChoices).examples[0];
    assert_eq!(example.given_by, Role::Trainer);
    assert_eq!(example.strategy, Some(Strategy::Showing));
    assert_eq!(record.agreements.len(), 1);
    assert_eq!(record.agreements[0].due.unwrap().to_string(), "2027-12-01");
    assert_eq!(record.place, Place::Online);
    assert!(!record.present.trainer);
    assert_eq!(record.date.to_string(), "2026-11-20");
    assert_eq!(record.time.to_string(), "09:30:00");
    assert_eq!(record.time_spent_seconds, 45 * 60);
    let agreed: Vec<Role> = record.agreed.iter().map(|c| c.who).collect();
    assert_eq!(agreed, vec![Role::Student, Role::Teacher]);

    // The shared version goes to the export folder, named for people, and the screen says
    // where, unbroken.
    press_shown(&mut app, "Ctrl+P");
    let file = exports
        .path()
        .join("sanne-testdata-garage-het-testblok-startgesprek-2026-11-20-gedeeld.md");
    let shared = std::fs::read_to_string(&file).unwrap();
    assert!(shared.contains("Wil leren plannen."), "{shared}");
    assert!(!shared.contains("reistijd"), "{shared}");
    assert!(
        screen(&app, 200, 24).contains(&file.display().to_string()),
        "the full path is shown"
    );
    // Beside it, the same as a page to print, named on the screen too.
    let page = file.with_extension("html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("Wil leren plannen."), "{html}");
    assert!(!html.contains("reistijd"), "{html}");
    assert!(
        screen(&app, 200, 24).contains(&page.display().to_string()),
        "the page's path is shown"
    );

    // Back on the pick screen the start is held and the midway is proposed next.
    press_shown(&mut app, "Esc");
    assert_shows(&app, "1. Startgesprek  gehouden op 20-11-2026");
    assert_shows(&app, "▶ 2. Tussentijds gesprek");
}

/// Holds a start meeting with two agreements, one of them due before the midway.
fn held_start(app: &mut App) {
    create_and_open_start(app, "Lot Vervolg", "Drukkerij Inkt");
    type_only(app, "Wil zelfstandig drukken.");
    press_shown(app, "Ctrl+E");
    type_only(app, "Stelde de pers zelf af");
    press_shown(app, "Ctrl+S");
    for (what, due) in [("Rooster doorsturen", "1-1-2020"), ("Veiligheid lezen", "")] {
        press_shown(app, "Ctrl+N");
        type_only(app, what);
        press_shown(app, "Tab");
        press_shown(app, "Tab");
        type_only(app, due);
        press_shown(app, "Ctrl+S");
    }
    press_shown(app, "Ctrl+F");
    press_digit_shown(app, '1');
    press_shown(app, "Enter");
    app.flush_saves();
    press_shown(app, "Esc");
}

#[test]
fn a_whole_midway_meeting_sees_last_time_and_checks_off_the_agreements() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    held_start(&mut app);
    // The pick screen now proposes the midway meeting.
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Tussentijds gesprek · Lot Vervolg");

    // What was said at the start, under the same key, beside the new notes.
    assert_shows(&app, "Vorige keer");
    assert_shows(&app, "Wil zelfstandig drukken.");
    assert_shows(&app, "▸ Stelde de pers zelf af");
    type_only(&mut app, &format!("Drukt nu alleen. {EVERY_KEY}"));
    press_shown(&mut app, "Ctrl+L");
    assert_not_shows(&app, "Wil zelfstandig drukken.");
    press_shown(&mut app, "Ctrl+L");
    assert_shows(&app, "Wil zelfstandig drukken.");

    // The open agreements came along; the overdue one is marked.
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '5');
    assert_shows(&app, "[ ] Rooster doorsturen — student, 1-1-2020");
    assert_shows(&app, "verlopen");
    // Checked off as partly done, with a word on how it went.
    press_shown(&mut app, "Enter");
    for _ in 0..3 {
        press_shown(&mut app, "Tab");
    }
    press_shown(&mut app, "→");
    press_shown(&mut app, "→");
    press_shown(&mut app, "Tab");
    type_only(&mut app, "Twee van de vier weken");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "[~] Rooster doorsturen");
    assert_shows(&app, "Twee van de vier weken");
    // Opening one and leaving it unchanged asks nothing.
    press_shown(&mut app, "Enter");
    press_shown(&mut app, "Esc");
    assert_not_shows(&app, "Nog niet opgeslagen");
    assert_shows(&app, "[~] Rooster doorsturen");
    // The other one was dropped.
    press_shown(&mut app, "↓");
    press_shown(&mut app, "Enter");
    for _ in 0..3 {
        press_shown(&mut app, "Tab");
    }
    for _ in 0..4 {
        press_shown(&mut app, "→");
    }
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "[/] Veiligheid lezen");

    // Four new agreements: a gentle word, and the fourth is kept.
    for n in 1..=4 {
        press_shown(&mut app, "Ctrl+N");
        type_only(&mut app, &format!("Nieuw doel {n}"));
        press_shown(&mut app, "Ctrl+S");
    }
    assert_shows(&app, "al 4 nieuwe afspraken");
    assert_shows(&app, "Nieuw doel 4");

    press_shown(&mut app, "Ctrl+F");
    press_digit_shown(&mut app, '1');
    press_shown(&mut app, "Enter");
    app.flush_saves();
    let store = Store::open(tmp.path()).unwrap();
    let record = store
        .final_record("lot-vervolg-drukkerij-inkt", Moment::Midway)
        .unwrap()
        .unwrap();
    assert_eq!(
        record.keys.get(KeyId::LearningProcesses).notes,
        format!("Drukt nu alleen. {EVERY_KEY}")
    );
    let first = &record.agreements[0];
    assert_eq!(first.status, AgreementStatus::Partly);
    assert_eq!(first.note, "Twee van de vier weken");
    assert_eq!(first.carried_from, Some(Moment::Start));
    assert_eq!(record.agreements[1].status, AgreementStatus::Dropped);
    assert_eq!(record.agreements.len(), 6);

    // At the final meeting, the one done partly comes along as it stood, note and all.
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Enter");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '5');
    assert_shows(&app, "[~] Rooster doorsturen");
    assert_shows(&app, "Twee van de vier weken");
    assert_not_shows(&app, "Veiligheid lezen");
}

#[test]
fn a_start_meeting_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::En);
    assert_shows(&app, "No placements yet");
    create_and_open_start(&mut app, "Alex Example", "Bakery Testcrumb");
    assert_shows(&app, "First meeting · Alex Example · Bakery Testcrumb");
    assert!(footer(&app).contains("Ctrl+E example"), "{}", footer(&app));
    type_only(&mut app, &format!("Likes early shifts. {EVERY_KEY}"));
    for _ in 0..4 {
        press_shown(&mut app, "Tab");
    }
    assert_shows(&app, "3. Trainer's judgement");
    press_shown(&mut app, "Ctrl+E");
    assert_shows(&app, "Example: Trainer's judgement");
    assert_not_shows(&app, "Strategy");
    type_only(&mut app, "Weighed dough without help");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "1. Weighed dough without help (workplace trainer)");
    press_shown(&mut app, "F1");
    assert_shows(&app, "Ctrl+E");
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    assert_shows(&app, "Ctrl+Z");
    press(&mut app, Esc);
    press_shown(&mut app, "Ctrl+F");
    assert_shows(&app, "Finish: read back and agree");
    press_digit_shown(&mut app, '1');
    press_digit_shown(&mut app, '3');
    press_shown(&mut app, "Enter");
    app.flush_saves();
    assert_shows(&app, "Record saved as final");
    let store = Store::open(tmp.path()).unwrap();
    let record = store
        .final_record("alex-example-bakery-testcrumb", Moment::Start)
        .unwrap()
        .unwrap();
    assert_eq!(record.guide.id, "standard-en");
    assert_eq!(record.agreed.len(), 2);
}

#[test]
fn a_draft_reopens_at_the_key_and_the_place_where_the_teacher_left_off() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    create_and_open_start(&mut app, "Kim Proef", "Kapsalon Knip");
    for _ in 0..4 {
        press_shown(&mut app, "Tab");
    }
    type_only(&mut app, "Eerste zin.\nDerde zin.");
    // The cursor goes back to the end of the first line, to add a sentence there.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::End);
    press_shown(&mut app, "Esc");
    assert_shows(&app, "1. Startgesprek  concept van");
    app.end_session();
    drop(app);

    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    app.open_meeting("kim-proef-kapsalon-knip", Moment::Start);
    assert_shows(&app, "3. Inschatting praktijkopleider");
    type_only(&mut app, "\nTweede zin.");
    app.flush_saves();
    let store = Store::open(tmp.path()).unwrap();
    let draft = store
        .meeting("kim-proef-kapsalon-knip", Moment::Start)
        .unwrap()
        .unwrap();
    assert_eq!(draft.status, RecordStatus::Draft);
    assert_eq!(
        draft.keys.get(KeyId::TrainerJudgement).notes,
        "Eerste zin.\nTweede zin.\nDerde zin."
    );
}

#[test]
fn deleting_an_example_asks_first() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    create_and_open_start(&mut app, "Bo Wis", "Fietsenmaker Spaak");
    press_shown(&mut app, "Ctrl+E");
    type_only(&mut app, "Plakte zelf een band");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "1. Plakte zelf een band");
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Del");
    assert_shows(&app, "Verwijderen? Enter = ja, Esc = nee");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "1. Plakte zelf een band");
    press_shown(&mut app, "Del");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Nog geen voorbeelden");
}

#[test]
fn all_questions_of_a_key_are_reachable_at_80_by_24() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    create_and_open_start(&mut app, "Vera Vraag", "Bureau Klein");
    let guide = app.guides.for_language(Lang::Nl).unwrap().clone();
    let prompts = &guide.key(Moment::Start, KeyId::LearningProcesses).prompts;
    // The questions for the student alone wait for part 7; the last one asked at the table
    // must be reachable here.
    let last = prompts
        .iter()
        .rfind(|p| p.to != Some(Addressee::StudentAlone))
        .unwrap();
    let start: String = last.text.chars().take(25).collect();
    // Whatever fits first; paging down shows the last question.
    for _ in 0..prompts.len() {
        if screen(&app, 80, 24).contains(&start) {
            break;
        }
        press_shown(&mut app, "PgDn");
    }
    assert_shows(&app, &start);
}

#[test]
fn every_screen_survives_tiny_and_odd_sizes() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    let check = |app: &App| {
        for (w, h) in common::SIZES {
            let _ = screen(app, w, h);
        }
    };
    check(&app);
    assert!(screen(&app, 30, 8).contains("Maak het venster groter"));
    create_and_open_start(&mut app, "Tiny Scherm", "Mini BV");
    check(&app);
    type_text(&mut app, &"lange notitie ".repeat(200));
    check(&app);
    assert_shows(&app, "regel 1 van 1");
    press_ctrl(&mut app, 'e');
    check(&app);
    press(&mut app, Esc);
    press_ctrl(&mut app, 'g');
    check(&app);
    press_digit_shown(&mut app, '6');
    check(&app);
    press(&mut app, KeyCode::F(1));
    check(&app);
    press(&mut app, Esc);
    press_ctrl(&mut app, 'f');
    check(&app);
}

#[test]
fn one_stray_esc_never_throws_away_a_filled_form() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    press_shown(&mut app, "Ctrl+N");
    type_only(&mut app, "Half Ingevuld");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Nog niet opgeslagen");
    assert_shows(&app, "Half Ingevuld");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "Half Ingevuld · ");
    press_shown(&mut app, "Enter");
    press_shown(&mut app, "Ctrl+E");
    type_only(&mut app, "Bijna kwijt");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Nog niet opgeslagen");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Nog geen voorbeelden");
}

#[test]
fn editing_a_held_record_again_asks_for_agreement_again() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    create_and_open_start(&mut app, "Eva Opnieuw", "Winkel Tweede Kans");
    type_only(&mut app, "Eerste versie.");
    press_shown(&mut app, "Ctrl+F");
    for digit in ['1', '2', '3'] {
        press_digit_shown(&mut app, digit);
    }
    press_shown(&mut app, "Enter");
    app.flush_saves();
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "↑");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Akkoord: student, praktijkopleider, docent");
    press_shown(&mut app, "Ctrl+E");
    // Reopening says that consent lapses, and the read-back starts with nobody agreeing.
    assert_shows(&app, "opnieuw gevraagd");
    type_text(&mut app, " Aangevuld.");
    app.flush_saves();
    let store = Store::open(tmp.path()).unwrap();
    let draft = store
        .meeting("eva-opnieuw-winkel-tweede-kans", Moment::Start)
        .unwrap()
        .unwrap();
    assert_eq!(draft.status, RecordStatus::Draft);
    assert!(draft.agreed.is_empty());
    press_shown(&mut app, "Ctrl+F");
    assert_shows(&app, "[ ] student");
    assert_shows(&app, "[ ] docent");
    // The held record itself stays as it was until the meeting is finished again.
    let held = store
        .final_record("eva-opnieuw-winkel-tweede-kans", Moment::Start)
        .unwrap()
        .unwrap();
    assert_eq!(
        held.keys.get(KeyId::LearningProcesses).notes,
        "Eerste versie."
    );
    // Esc on the read-back goes back to the meeting, and Esc there to the moments.
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Welk gesprek?");
}

#[test]
fn each_question_says_whom_it_is_for_and_the_core_ones_are_marked() {
    for (lang, first, legend) in [
        (Lang::Nl, "★ [student] Welke twee of drie", "★ = kernvraag"),
        (
            Lang::En,
            "★ [student] Which two or three",
            "★ = core question",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let (mut app, _exports) = fresh(tmp.path(), lang);
        create_and_open_start(&mut app, "Kees Kern", "Drukkerij Vet");
        let shown = screen(&app, 120, 40);
        assert!(shown.contains(first), "{shown}");
        assert!(shown.contains("• [student] "), "{shown}");
        // At 80×24 the legend under the questions is a page or two down.
        for _ in 0..8 {
            if screen(&app, 80, 24).contains(legend) {
                break;
            }
            press_shown(&mut app, "PgDn");
        }
        assert_shows(&app, legend);
    }
}

#[test]
fn in_the_smallest_window_the_notes_being_typed_stay_in_view() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    create_and_open_start(&mut app, "Klein Venster", "Hokje BV");
    type_only(&mut app, "Zichtbaar");
    for (w, h) in [(40, 10), (45, 12), (63, 20)] {
        let shown = screen(&app, w, h);
        assert!(shown.contains("Zichtbaar"), "{w}×{h}:\n{shown}");
    }
}

#[test]
fn in_the_smallest_window_the_focused_detail_stays_in_view() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _exports) = fresh(tmp.path(), Lang::Nl);
    create_and_open_start(&mut app, "Klein Venster", "Hokje BV");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '6');
    // Down to the duration, the last row.
    for _ in 0..7 {
        press(&mut app, KeyCode::Down);
    }
    let shown = screen(&app, 40, 10);
    assert!(shown.contains("Duur"), "{shown}");
}

#[test]
fn questions_for_the_student_alone_wait_for_the_end_of_the_meeting() {
    for (lang, alone_group, pointer) in [
        (
            Lang::Nl,
            "Alleen met de student:",
            "De vragen voor het moment alleen met de student",
        ),
        (
            Lang::En,
            "With the student alone:",
            "Questions for the student alone are under 7",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let (mut app, _exports) = fresh(tmp.path(), lang);
        create_and_open_start(&mut app, "Vera Vraag", "Bureau Klein");
        let guide = app.guides.for_language(lang).unwrap().clone();
        let alone: Vec<String> = KeyId::ALL
            .into_iter()
            .flat_map(|k| guide.key(Moment::Start, k).prompts.clone())
            .filter(|p| p.to == Some(Addressee::StudentAlone))
            .map(|p| p.text.chars().take(30).collect())
            .collect();
        assert!(!alone.is_empty(), "{lang:?}: the guide asks nothing alone");
        // At key 1, with the trainer at the table: a pointer, never the question itself.
        for _ in 0..8 {
            let shown = words(&app);
            assert!(
                alone.iter().all(|q| !shown.contains(q.as_str())),
                "{lang:?}:\n{}",
                screen(&app, 80, 24)
            );
            if shown.contains(pointer) {
                break;
            }
            press_shown(&mut app, "PgDn");
        }
        assert!(
            words(&app).contains(pointer),
            "{lang:?}:\n{}",
            screen(&app, 80, 24)
        );
        // At the end, in the private part, all of them under one heading.
        press_shown(&mut app, "Ctrl+G");
        press_digit_shown(&mut app, '7');
        assert_shows(&app, alone_group);
        let shown = words(&app);
        for q in &alone {
            assert!(
                shown.contains(q.as_str()),
                "{lang:?} lacks '{q}':\n{}",
                screen(&app, 80, 24)
            );
        }
        press_shown(&mut app, "Esc");
    }
}
