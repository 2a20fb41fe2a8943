//! A whole start meeting held with the keyboard alone, in Dutch and in English, checking what
//! the teacher sees at each step and what ends up on disk.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode::{self, BackTab, Down, Enter, Esc, Right, Tab};
use stagegesprek::domain::{
    AgreementStatus, KeyId, Moment, Place, Recognition, RecordStatus, Role, Strategy,
};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;
use stagegesprek::store::guides::Guides;

const C: fn(char) -> KeyCode = KeyCode::Char;

/// Creates a placement through the form and opens its start meeting; returns the id.
fn create_placement_and_open_start(app: &mut stagegesprek::tui::App, student: &str, company: &str) {
    press(app, C('n'));
    type_text(app, student);
    keys(app, &[Tab, Tab, Tab]);
    type_text(app, company);
    press(app, Enter);
    // The pick screen proposes the first moment not yet held: the start.
    press(app, Enter);
}

#[test]
fn a_start_meeting_in_dutch_from_empty_folder_to_final_record() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    assert_shows(&app, "Nog geen stageplaatsen");

    create_placement_and_open_start(&mut app, "Sanne Testdata", "Garage Het Testblok");
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let first_prompt = &guide.key(Moment::Start, KeyId::LearningProcesses).prompts[0];
    assert_shows(&app, "Startgesprek · Sanne Testdata · Garage Het Testblok");
    assert_shows(&app, "1. Leerprocessen");
    assert_shows(&app, &first_prompt[..30]);
    assert_shows(&app, "○ 1 Leerprocessen");

    // Notes in all four keys; Tab moves on while typing.
    type_text(&mut app, "Wil leren plannen.\nKiest voor techniek.");
    assert_shows(&app, "● 1 Leerprocessen");
    assert_shows(&app, "Kiest voor techniek.");
    press(&mut app, Tab);
    type_text(&mut app, "Drie monteurs, veel meekijken.");
    press(&mut app, Tab);
    type_text(&mut app, "Eerste indruk: leergierig.");
    press(&mut app, Tab);
    assert_shows(&app, "4. Begeleidingskeuzes");
    type_text(&mut app, "Voordoen bij onderhoud.");
    assert_shows(&app, "● 4 Begeleidingskeuzes");

    // An example under key 4 with strategy and recognition.
    press(&mut app, Esc);
    press(&mut app, C('e'));
    assert_shows(&app, "Voorbeeld: Begeleidingskeuzes");
    assert_shows(&app, "Herkent de student dit als begeleiding?");
    type_text(&mut app, "Liet zien hoe je een remschijf meet");
    keys(&mut app, &[Tab, Right, Tab, Right, Tab, Right, Enter]);
    assert_shows(&app, "1. Liet zien hoe je een remschijf meet");
    assert_shows(&app, "voordoen, herkent het)");

    // An agreement with a date; a wrong date is refused with a plain message.
    press(&mut app, C('a'));
    type_text(&mut app, "Leerdoelen mailen naar de praktijkopleider");
    keys(&mut app, &[Tab, Tab]);
    type_text(&mut app, "1 december");
    press(&mut app, Enter);
    assert_shows(&app, "Schrijf een datum als JJJJ-MM-DD");
    for _ in 0.."1 december".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-12-01");
    press(&mut app, Enter);
    assert_shows(&app, "5. Afspraken");
    assert_shows(&app, "[ ] Leerdoelen mailen naar de praktijkopleider —");
    assert_shows(&app, "student, 2026-12-01");

    // Meeting details: online, trainer not present.
    press(&mut app, C('6'));
    press(&mut app, C(' '));
    keys(&mut app, &[Down, Down]);
    press(&mut app, C(' '));
    assert_shows(&app, "‹ online ›");
    assert_shows(&app, "[ ] praktijkopleider");

    // Private notes.
    press(&mut app, C('7'));
    press(&mut app, Enter);
    type_text(&mut app, "Alleen voor mij: vraag naar de reistijd.");
    press(&mut app, Esc);

    // Finish: the read-back leaves private notes out; nobody has agreed until marked, and
    // someone who was not there cannot be marked.
    press(&mut app, C('f'));
    assert_shows(&app, "Afronden: voorlezen en akkoord");
    assert_shows(&app, "Wil leren plannen.");
    assert_not_shows(&app, "reistijd");
    assert_shows(&app, "[ ] student");
    press(&mut app, C('2'));
    assert_shows(&app, "was niet bij het gesprek");
    assert_shows(&app, "[ ] praktijkopleider");
    keys(&mut app, &[C('1'), C('3')]);
    assert_shows(&app, "[x] student");
    assert_shows(&app, "[x] docent");
    press(&mut app, Enter);
    app.flush_saves();
    assert_shows(&app, "Verslag definitief opgeslagen");

    // On disk: the final record with everything, and no draft left.
    let store = Store::open(tmp.path()).unwrap();
    let id = "sanne-testdata-garage-het-testblok";
    assert!(!store.draft_path(id, Moment::Start).exists());
    let record = store
        .final_record(id, Moment::Start)
        .unwrap()
        .expect("final record");
    assert_eq!(record.status, RecordStatus::Final);
    assert_eq!(record.placement.student, "Sanne Testdata");
    assert_eq!(
        record.keys.get(KeyId::LearningProcesses).notes,
        "Wil leren plannen.\nKiest voor techniek."
    );
    assert_eq!(
        record.keys.get(KeyId::TrainerJudgement).notes,
        "Eerste indruk: leergierig."
    );
    let example = &record.keys.get(KeyId::GuidanceChoices).examples[0];
    assert_eq!(example.given_by, Role::Trainer);
    assert_eq!(example.strategy, Some(Strategy::Showing));
    assert_eq!(example.recognised, Some(Recognition::Yes));
    assert_eq!(record.agreements[0].due.unwrap().to_string(), "2026-12-01");
    assert_eq!(record.agreements[0].status, AgreementStatus::Open);
    assert_eq!(record.place, Place::Online);
    assert!(!record.present.trainer);
    assert_eq!(
        record.private_notes,
        "Alleen voor mij: vraag naar de reistijd."
    );
    let agreed: Vec<Role> = record.agreed.iter().map(|c| c.who).collect();
    assert_eq!(agreed, vec![Role::Student, Role::Teacher]);
    assert_eq!(record.guide.id, "standaard-nl");

    // The shared export leaves the private notes out.
    press(&mut app, C('x'));
    app.flush_saves();
    assert_shows(&app, "Gedeelde versie geschreven");
    let shared = std::fs::read_to_string(store.placement_dir(id).join("start.shared.md")).unwrap();
    assert!(shared.contains("Wil leren plannen."), "{shared}");
    assert!(!shared.contains("reistijd"), "{shared}");

    // Back on the pick screen the start is held and the midway is proposed next.
    press(&mut app, Esc);
    assert_shows(&app, "1. Startgesprek  gehouden op");
    assert_shows(&app, "▶ 2. Tussentijds gesprek");
}

#[test]
fn a_start_meeting_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::En);
    assert_shows(&app, "No placements yet");
    create_placement_and_open_start(&mut app, "Alex Example", "Bakery Testcrumb");
    assert_shows(
        &app,
        "Starting conversation · Alex Example · Bakery Testcrumb",
    );
    assert_shows(&app, "1. Learning processes");
    assert_shows(&app, "Esc done · Tab next");
    for (n, text) in [
        "Likes early shifts.",
        "Bakes bread daily.",
        "Careful worker.",
        "Shows each step.",
    ]
    .iter()
    .enumerate()
    {
        if n > 0 {
            press(&mut app, Tab);
        }
        type_text(&mut app, text);
    }
    press(&mut app, BackTab);
    assert_shows(&app, "3. Trainer's judgement");
    press(&mut app, Esc);
    press(&mut app, C('e'));
    assert_shows(&app, "Example: Trainer's judgement");
    assert_not_shows(&app, "Strategy");
    type_text(&mut app, "Weighed dough without help");
    keys(&mut app, &[Tab, Right, Enter]);
    assert_shows(&app, "1. Weighed dough without help (workplace trainer)");
    press(&mut app, C('a'));
    type_text(&mut app, "Send learning goals");
    press(&mut app, Enter);
    press(&mut app, C('?'));
    assert_shows(&app, "During the meeting");
    press(&mut app, Esc);
    press(&mut app, C('f'));
    assert_shows(&app, "Finish: read back and agree");
    assert_shows(&app, "Careful worker.");
    assert_shows(&app, "[ ] student");
    keys(&mut app, &[C('1'), C('3')]);
    assert_shows(&app, "[ ] workplace trainer");
    press(&mut app, Enter);
    app.flush_saves();
    assert_shows(&app, "Record saved as final");

    let store = Store::open(tmp.path()).unwrap();
    let record = store
        .final_record("alex-example-bakery-testcrumb", Moment::Start)
        .unwrap()
        .unwrap();
    assert_eq!(record.guide.id, "standard-en");
    assert_eq!(
        record.keys.get(KeyId::GuidanceChoices).notes,
        "Shows each step."
    );
    assert_eq!(
        record.keys.get(KeyId::TrainerJudgement).examples[0].given_by,
        Role::Trainer
    );
    assert_eq!(record.agreements[0].what, "Send learning goals");
    assert_eq!(record.agreed.len(), 2);
}

#[test]
fn leaving_a_meeting_keeps_a_draft_that_reopens_where_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    create_placement_and_open_start(&mut app, "Kim Proef", "Kapsalon Knip");
    type_text(&mut app, "Halverwege een zin");
    press(&mut app, Esc);
    press(&mut app, Esc);
    assert_shows(&app, "1. Startgesprek  concept van");
    press(&mut app, Enter);
    assert_shows(&app, "Halverwege een zin");
    type_text(&mut app, ", en verder.");
    app.flush_saves();
    let store = Store::open(tmp.path()).unwrap();
    let draft = store
        .meeting("kim-proef-kapsalon-knip", Moment::Start)
        .unwrap()
        .unwrap();
    assert_eq!(draft.status, RecordStatus::Draft);
    assert_eq!(
        draft.keys.get(KeyId::LearningProcesses).notes,
        "Halverwege een zin, en verder."
    );
}

#[test]
fn agreements_from_the_start_come_back_at_the_midway_meeting() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    create_placement_and_open_start(&mut app, "Lot Vervolg", "Drukkerij Inkt");
    type_text(&mut app, "Start.");
    press(&mut app, Esc);
    press(&mut app, C('a'));
    type_text(&mut app, "Rooster doorsturen");
    press(&mut app, Enter);
    press(&mut app, C('f'));
    keys(&mut app, &[C('1'), Enter]);
    app.flush_saves();
    press(&mut app, Esc);
    // The pick screen now proposes the midway meeting.
    press(&mut app, Enter);
    assert_shows(&app, "Tussentijds gesprek · Lot Vervolg");
    press(&mut app, Esc);
    press(&mut app, C('5'));
    assert_shows(&app, "[ ] Rooster doorsturen — student, geen datum, uit");
    assert_shows(&app, "startgesprek");
    press(&mut app, C(' '));
    assert_shows(&app, "[x] Rooster doorsturen");
}

#[test]
fn deleting_an_example_asks_first() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    create_placement_and_open_start(&mut app, "Bo Wis", "Fietsenmaker Spaak");
    press(&mut app, Esc);
    press(&mut app, C('e'));
    type_text(&mut app, "Plakte zelf een band");
    press(&mut app, Enter);
    assert_shows(&app, "1. Plakte zelf een band");
    press(&mut app, C('d'));
    assert_shows(&app, "Verwijderen? j = ja, n = nee");
    press(&mut app, C('n'));
    assert_shows(&app, "1. Plakte zelf een band");
    press(&mut app, C('d'));
    press(&mut app, C('j'));
    assert_shows(&app, "Nog geen voorbeelden");
}

#[test]
fn every_screen_survives_tiny_and_odd_sizes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    let sizes = [
        (1, 1),
        (10, 3),
        (39, 9),
        (40, 10),
        (45, 12),
        (63, 20),
        (80, 24),
        (200, 60),
    ];
    let check = |app: &stagegesprek::tui::App| {
        for (w, h) in sizes {
            let _ = screen(app, w, h);
        }
    };
    check(&app);
    assert!(screen(&app, 30, 8).contains("Maak het venster groter"));
    create_placement_and_open_start(&mut app, "Tiny Scherm", "Mini BV");
    check(&app);
    type_text(&mut app, &"lange notitie ".repeat(200));
    check(&app);
    press(&mut app, Esc);
    press(&mut app, C('e'));
    check(&app);
    press(&mut app, Esc);
    press(&mut app, C('?'));
    check(&app);
    press(&mut app, Esc);
    press(&mut app, C('f'));
    check(&app);
}

#[test]
fn one_stray_esc_never_throws_away_a_filled_form() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    press(&mut app, C('n'));
    type_text(&mut app, "Half Ingevuld");
    press(&mut app, Esc);
    assert_shows(&app, "Nog niet opgeslagen");
    assert_shows(&app, "Half Ingevuld");
    // Typing on disarms it; Enter still saves everything.
    press(&mut app, Enter);
    assert_shows(&app, "Half Ingevuld · ");
    press(&mut app, Enter);
    press(&mut app, Esc);
    press(&mut app, C('e'));
    type_text(&mut app, "Bijna kwijt");
    press(&mut app, Esc);
    assert_shows(&app, "Nog niet opgeslagen");
    press(&mut app, Esc);
    assert_shows(&app, "Nog geen voorbeelden");
}

#[test]
fn editing_a_held_record_again_asks_for_agreement_again() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    create_placement_and_open_start(&mut app, "Eva Opnieuw", "Winkel Tweede Kans");
    type_text(&mut app, "Eerste versie.");
    press(&mut app, Esc);
    press(&mut app, C('f'));
    keys(&mut app, &[C('1'), C('2'), C('3')]);
    press(&mut app, Enter);
    app.flush_saves();
    press(&mut app, Esc);
    press(&mut app, KeyCode::Up);
    press(&mut app, Enter);
    assert_shows(&app, "Akkoord: student, praktijkopleider, docent");
    press(&mut app, C('e'));
    // Reopening says that consent lapses, and the read-back starts with nobody agreeing.
    assert_shows(&app, "opnieuw gevraagd");
    press(&mut app, Enter);
    type_text(&mut app, " Aangevuld.");
    app.flush_saves();
    let store = Store::open(tmp.path()).unwrap();
    let draft = store
        .meeting("eva-opnieuw-winkel-tweede-kans", Moment::Start)
        .unwrap()
        .unwrap();
    assert_eq!(draft.status, RecordStatus::Draft);
    assert!(draft.agreed.is_empty());
    keys(&mut app, &[Esc, C('f')]);
    assert_shows(&app, "[ ] student");
    assert_shows(&app, "[ ] praktijkopleider");
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
}
