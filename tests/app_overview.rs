//! The overview as a teacher sees it at 80 columns: which meetings were held and where, the
//! next one and when it is due, late ones marked, a visit still missing, preparations in, a
//! concern; sorted by what needs attention first and back to by name.

mod common;

use chrono::{Duration, NaiveDate};
use common::{app_in, press, press_shown, screen};
use ratatui::crossterm::event::KeyCode;
use stagegesprek::demo::write_demo;
use stagegesprek::domain::summary::PlacementSummary;
use stagegesprek::domain::{Moment, Placement};
use stagegesprek::i18n::{Lang, LangExt as _, NL};
use stagegesprek::store::guides::Guides;
use stagegesprek::store::{Store, today};
use stagegesprek::tui::App;
use stagegesprek::tui::screens::home::{HomeSort, HomeState};

/// An app on the six demo placements, written for today.
fn demo_app(dir: &std::path::Path, lang: Lang) -> App {
    let store = Store::open(dir).unwrap();
    let guides = Guides::load(None, lang.texts());
    write_demo(&store, guides.for_language(lang).unwrap(), 6, today()).unwrap();
    app_in(dir, lang)
}

/// The screen line that names `student`.
fn row<'a>(shown: &'a str, student: &str) -> &'a str {
    shown
        .lines()
        .find(|l| l.contains(student))
        .unwrap_or_else(|| panic!("{student} is not on screen:\n{shown}"))
}

/// The students in the order the overview lists them.
fn order(shown: &str) -> Vec<&'static str> {
    let mut found: Vec<(usize, &'static str)> = STUDENTS
        .iter()
        .filter_map(|s| shown.find(s).map(|at| (at, *s)))
        .collect();
    found.sort();
    found.into_iter().map(|(_, s)| s).collect()
}

const STUDENTS: [&str; 6] = [
    "Daan el Amrani",
    "Liv de Klerk",
    "Milan van Dijkhuis",
    "Noor Verbeek",
    "Sem Hoekstra",
    "Yara Yilmaz",
];

#[test]
fn the_overview_shows_the_stagepact_at_a_glance() {
    let tmp = tempfile::tempdir().unwrap();
    let app = demo_app(tmp.path(), Lang::Nl);
    let shown = screen(&app, 80, 24);
    for column in ["Gesprekken", "Volgende", "Voorb.", "⚑"] {
        assert!(row(&shown, "Student").contains(column), "{shown}");
    }
    // Nothing held five weeks in: the start meeting was due two weeks ago, marked late.
    let late = NL.date(today() - Duration::weeks(2));
    assert!(
        row(&shown, "Daan").contains(&format!("!start {late}")),
        "{shown}"
    );
    // Held on site, with a concern flagged.
    let liv = row(&shown, "Liv");
    assert!(liv.contains("1/3 S·· ✓") && liv.contains('⚑'), "{shown}");
    // Start and midway online: only the final is left for a visit.
    let sem = row(&shown, "Sem");
    assert!(sem.contains("eind ") && sem.contains('⚠'), "{shown}");
    // A planned midway date, and the trainer's form is in.
    let milan = row(&shown, "Milan");
    let planned = NL.date(today() + Duration::days(3));
    assert!(milan.contains(&format!("tussen {planned}")), "{shown}");
    assert!(milan.ends_with(" po"), "{shown}");
    let yara: Vec<&str> = row(&shown, "Yara").split_whitespace().collect();
    assert!(
        yara.ends_with(&["3/3", "STE", "✓", "alles", "gehouden"]),
        "{shown}"
    );
    // Not late, nothing to flag.
    let noor = row(&shown, "Noor");
    assert!(
        !noor.contains('!') && !noor.contains('⚑') && !noor.contains('⚠'),
        "{shown}"
    );
    // What the marks mean is on the screen.
    let legend = shown.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    assert!(legend.contains("⚑ zorg gemeld"), "{shown}");
}

#[test]
fn ctrl_t_puts_what_needs_attention_first_and_back_keeping_the_selection() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = demo_app(tmp.path(), Lang::Nl);
    assert_eq!(order(&screen(&app, 80, 24)), STUDENTS);
    // Select Sem, then sort: late first, then a concern, then due soonest, all held last.
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    press_shown(&mut app, "Ctrl+T");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("eerst wat aandacht vraagt"), "{shown}");
    assert_eq!(
        order(&shown),
        [
            "Daan el Amrani",
            "Liv de Klerk",
            "Milan van Dijkhuis",
            "Noor Verbeek",
            "Sem Hoekstra",
            "Yara Yilmaz",
        ],
        "{shown}"
    );
    press_shown(&mut app, "Enter");
    assert!(screen(&app, 80, 24).contains("Hotel De Zeven Duinen"));
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Ctrl+T");
    let shown = screen(&app, 80, 24);
    assert_eq!(order(&shown), STUDENTS);
    assert!(!shown.contains("eerst wat aandacht vraagt"), "{shown}");
}

#[test]
fn the_overview_reads_in_english_too() {
    let tmp = tempfile::tempdir().unwrap();
    let app = demo_app(tmp.path(), Lang::En);
    let shown = screen(&app, 80, 24);
    for column in ["Meetings", "Next", "Prep."] {
        assert!(row(&shown, "Student").contains(column), "{shown}");
    }
    assert!(
        row(&shown, "Yara").contains("3/3 SMF ✓ all held"),
        "{shown}"
    );
    assert!(row(&shown, "Sem").contains("final "), "{shown}");
}

fn placement(id: &str, student: &str, start: NaiveDate) -> Placement {
    Placement {
        id: id.into(),
        student: student.into(),
        start: Some(start),
        end: Some(start + Duration::weeks(20)),
        ..Placement::default()
    }
}

#[test]
fn a_refreshed_placement_takes_its_place_in_the_chosen_order() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let summary = |id: &str, student: &str, weeks_ago: i64| {
        PlacementSummary::on(
            placement(id, student, day - Duration::weeks(weeks_ago)),
            &[],
            day,
        )
    };
    let mut home = HomeState::new(
        vec![summary("anna", "Anna", 1), summary("bram", "Bram", 2)],
        std::path::PathBuf::from("data"),
        false,
    );
    home.toggle_sort();
    assert_eq!(home.sort, HomeSort::Attention);
    // Bram's start meeting is due first.
    assert_eq!(home.summaries[0].placement.id, "bram");
    // Anna turns out to have started long ago: now late, she moves to the top, still selected.
    home.select_id("anna");
    home.refresh_one("anna", Some(summary("anna", "Anna", 6)));
    assert!(home.summaries[0].overdue);
    assert_eq!(home.summaries[0].placement.id, "anna");
    assert_eq!(home.selected, 0);
    // A new placement with nothing due goes last; by name it goes first.
    let mut aart = summary("aart", "Aart", 0);
    aart.placement.start = None;
    aart.placement.end = None;
    aart = PlacementSummary::on(aart.placement, &[], day);
    home.refresh_one("aart", Some(aart));
    assert_eq!(home.summaries[2].placement.id, "aart");
    assert_eq!(home.selected, 2);
    home.toggle_sort();
    assert_eq!(home.summaries[0].placement.id, "aart");
    assert_eq!(home.selected, 0);
    assert_eq!(
        home.summaries[0].next_moment(),
        Some(Moment::Start),
        "nothing held yet"
    );
}

#[test]
fn every_mark_means_one_thing_in_the_interface_language_and_the_legend_names_them_all() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let mut app = demo_app(data, Lang::Nl);
    // The draft of Noor's midway meeting is damaged; that meeting is not late.
    let noor = data.join("placements/noor-verbeek-bakkerij-het-zonnige-deeg/midway.draft.yaml");
    std::fs::write(noor, "status: [kapot\n").unwrap();
    app.show_home(None);
    let shown = screen(&app, 80, 24);
    let noor = row(&shown, "Noor");
    assert!(noor.contains("1/3 S✗·"), "{shown}");
    assert!(!noor.contains('!'), "damaged is not late: {shown}");
    // Late is only the mark before the next meeting.
    assert!(row(&shown, "Daan").contains("0/3 ··· "), "{shown}");
    assert!(row(&shown, "Daan").contains("!start"), "{shown}");
    // Dutch letters for the moments, and no S for a student's preparation beside them.
    assert!(row(&shown, "Yara").contains("3/3 STE"), "{shown}");
    assert!(row(&shown, "Milan").contains("1/3 St· ✓"), "{shown}");
    // Every mark is in the legend, the meetings column's too.
    let legend: String = shown.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    for mark in [
        "S T E gehouden",
        "s t e concept",
        "· nog niet",
        "✗ bestand beschadigd",
        "^ van een nieuwere versie",
        "✓ bezoek",
        "⚠ nog niet",
        "! te laat",
        "po praktijkopleider",
        "stu student",
        "⚑ zorg",
    ] {
        assert!(legend.contains(mark), "{mark} is not explained:\n{shown}");
    }
    // The company has the room the line has left: more than 14 characters.
    assert!(
        row(&shown, "Liv").contains("Kinderopvang De Vrol"),
        "{shown}"
    );
    // A name that does not fit says it is cut.
    assert!(row(&shown, "Liv").contains("…"), "{shown}");
    assert!(!row(&shown, "Yara").contains("Yilmaz…"), "{shown}");

    // The help says the same.
    press_shown(&mut app, "F1");
    let help = screen(&app, 80, 24);
    assert!(help.contains("S, T, E") && help.contains("✗ een"), "{help}");
    assert!(!help.contains("S, M, F"), "{help}");

    // In English the marks follow the English words.
    let app = app_in(data, Lang::En);
    let shown = screen(&app, 80, 24);
    assert!(row(&shown, "Noor").contains("1/3 S✗·"), "{shown}");
    assert!(row(&shown, "Yara").contains("3/3 SMF"), "{shown}");
    assert!(row(&shown, "Milan").ends_with(" tr"), "{shown}");
}

#[test]
fn the_concerns_note_shows_in_the_teachers_view_of_the_record() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = demo_app(tmp.path(), Lang::Nl);
    // Liv's start meeting was held with a concern and a note on it.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let pick = screen(&app, 80, 24);
    assert!(
        pick.contains("Liv de Klerk") && pick.contains("▶ 2."),
        "{pick}"
    );
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app, 120, 120);
    assert!(shown.contains("Zorgsignaal: ongeschikt werk"), "{shown}");
    assert!(shown.contains("Toelichting bij het zorgsignaal"), "{shown}");
    assert!(
        shown.contains("Doet vooral schoonmaakwerk en staat vaak alleen"),
        "{shown}"
    );
}
