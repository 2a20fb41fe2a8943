//! At 80×24, in Dutch and in English, every label, key name, key purpose and hint is there
//! whole (no "Inschatting prakti…", no "Duration (minute0"), and a list's selection is on
//! screen before Enter acts on it.

mod common;

use chrono::NaiveDate;
use common::*;
use ratatui::crossterm::event::KeyCode;
use stagegesprek::demo::write_demo;
use stagegesprek::domain::{Answer, KeyId, Moment, Placement, PrepQuestion, Preparation};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::guides::Guides;
use stagegesprek::store::{Store, today};
use stagegesprek::tui::App;

/// The words of the columns `from..to` of the screen, in reading order on one line: a text
/// shows whole when it is in there, wherever it wraps.
fn words_in(app: &App, from: usize, to: usize) -> String {
    screen(app, 80, 24)
        .lines()
        .map(|l| {
            l.chars()
                .skip(from)
                .take(to - from)
                .map(|c| if "│┃".contains(c) { ' ' } else { c })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn whole(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_part_of_a_meeting_shows_its_labels_whole_at_80_columns_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        let t = lang.texts();
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path()).unwrap();
        let guides = Guides::load(None, t);
        let guide = guides.for_language(lang).unwrap().clone();
        let placement = store
            .create_placement(Placement {
                student: "Sanne Testdata".into(),
                company: "Garage Het Testblok".into(),
                ..Placement::default()
            })
            .unwrap();
        let mut app = app_in(tmp.path(), lang);
        app.open_meeting(&placement.id, Moment::Start);
        for (i, key) in KeyId::ALL.iter().enumerate() {
            press_shown(&mut app, "Ctrl+G");
            press_digit_shown(&mut app, char::from(b'1' + u8::try_from(i).unwrap()));
            let sidebar = words_in(&app, 0, 25);
            for other in KeyId::ALL {
                let title = whole(guide.key_title(other));
                assert!(
                    sidebar.contains(&title),
                    "{lang:?}: the sidebar cuts {title:?}:\n{}",
                    screen(&app, 80, 24)
                );
            }
            let purpose = whole(&guide.key(Moment::Start, *key).purpose);
            assert!(
                words_in(&app, 26, 80).contains(&purpose),
                "{lang:?}: the purpose of key {} is cut:\n{}",
                i + 1,
                screen(&app, 80, 24)
            );
        }
        press_shown(&mut app, "Ctrl+G");
        press_digit_shown(&mut app, '6');
        let shown = screen(&app, 80, 24);
        let main = words_in(&app, 26, 80);
        for label in [t.label_place, t.label_others, t.label_date, t.label_time] {
            assert!(main.contains(label), "{lang:?}: {label:?} cut:\n{shown}");
        }
        // A label ends before its value starts.
        let duration = shown
            .lines()
            .find(|l| l.contains(t.label_duration))
            .unwrap_or_else(|| panic!("{lang:?}: no whole {:?}:\n{shown}", t.label_duration));
        assert!(
            duration.contains(&format!("{}  ", t.label_duration)),
            "{lang:?}: the duration runs into its label:\n{shown}"
        );
        assert!(
            main.contains(&whole(t.details_hint)),
            "{lang:?}: the date hint is cut:\n{shown}"
        );
        press_shown(&mut app, "Tab");
        press_shown(&mut app, "Tab");
        press_shown(&mut app, "Tab");
        press_shown(&mut app, "Tab");
        assert!(
            words_in(&app, 26, 80).contains(&whole(t.others_placeholder)),
            "{lang:?}: the hint in 'others present' is cut:\n{}",
            screen(&app, 80, 24)
        );
    }
}

/// The trainer prepared more examples than fit in the box.
fn many_prepared_examples(dir: &std::path::Path) -> String {
    let (store, placement) = new_placement(dir, "Fenna Voorbeeld", "Garage De Proefrit");
    let mut record = new_record(&placement, Moment::Midway, (2026, 11, 20));
    // An interim judgement, and examples wherever the form has room for one.
    let mut answers = vec![Answer {
        question: PrepQuestion::Grown,
        text: "Werkt zorgvuldig en netjes, vraagt nog weinig uit zichzelf, \
               maar pakt het op als je het vraagt."
            .into(),
    }];
    let example_questions = [
        PrepQuestion::GrownExample,
        PrepQuestion::NotYetExample,
        PrepQuestion::Example,
        PrepQuestion::AnotherExample,
        PrepQuestion::CanAloneExample,
        PrepQuestion::NeedsWorkExample,
    ];
    for (n, question) in (1..=6).zip(example_questions) {
        answers.push(Answer {
            question,
            text: format!(
                "Voorbeeld nummer {n}: stelde zelf de remmen af op bus {n} en \
                 controleerde daarna samen met de monteur het resultaat"
            ),
        });
    }
    record.trainer_preparation = Some(Preparation {
        prepared_on: NaiveDate::from_ymd_opt(2026, 11, 18),
        answers,
    });
    store
        .save_draft(&placement.id, Moment::Midway, &record)
        .unwrap();
    placement.id
}

#[test]
fn the_prepared_box_scrolls_to_the_example_enter_would_take_over() {
    let tmp = tempfile::tempdir().unwrap();
    let id = many_prepared_examples(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(&id, Moment::Midway);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '3');
    press_shown(&mut app, "Tab");
    for n in 1..=6 {
        let shown = words_in(&app, 26, 80);
        assert!(
            shown.contains(&format!(
                "Voorbeeld nummer {n}: stelde zelf de remmen af op bus {n}"
            )),
            "example {n} is chosen but not (wholly) on screen:\n{}",
            screen(&app, 80, 24)
        );
        press(&mut app, KeyCode::Down);
    }
}

#[test]
fn after_sorting_the_overview_enter_opens_the_row_shown_selected() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let guides = Guides::load(None, Lang::Nl.texts());
    write_demo(&store, guides.for_language(Lang::Nl).unwrap(), 40, today()).unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    for _ in 0..25 {
        press(&mut app, KeyCode::Down);
    }
    press_shown(&mut app, "Ctrl+T");
    // The highlighted row names the student Enter opens.
    let terminal_row = selected_row(&app);
    let student = terminal_row.split("  ").next().unwrap().trim().to_string();
    press_shown(&mut app, "Enter");
    let title = screen(&app, 80, 24).lines().next().unwrap().to_string();
    assert!(
        title.contains(&student),
        "Enter opened {title:?}, the row shown selected was {terminal_row:?}"
    );
}

/// The text of the row drawn as selected (reversed, as without colour).
fn selected_row(app: &App) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (1..23)
        .find(|&y| {
            buffer[(0, y)].modifier.contains(Modifier::REVERSED)
                && buffer[(20, y)].modifier.contains(Modifier::REVERSED)
        })
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .unwrap_or_else(|| panic!("no row is shown selected:\n{}", screen(app, 80, 24)))
}

#[test]
fn a_long_path_in_the_status_line_wraps_whole_at_80_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    // Of every length: where the words fall decides how many rows the wrapping takes.
    for extra in 120..200 {
        let path = format!("/home/docent/{}/tussentijds.draft.yaml", "m".repeat(extra));
        app.message = Some((format!("Apart gezet (ongewijzigd): {path}"), false));
        let shown: String = screen(&app, 80, 24).lines().map(str::trim).collect();
        assert!(
            shown.contains(&path),
            "cut at {extra}:\n{}",
            screen(&app, 80, 24)
        );
    }
}
