//! Looking at the meeting details changes nothing: walking past the date, the start time and
//! the duration neither stops the meeting's clock nor rounds its start time.

mod common;

use chrono::NaiveTime;
use common::*;
use stagegesprek::domain::{KeyId, Moment};
use stagegesprek::i18n::Lang;
use stagegesprek::tui::app::Screen;

#[test]
fn walking_past_the_details_stops_no_clock_and_rounds_no_time() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, placement) = new_placement(tmp.path(), "Roos Kijkproef", "Drukkerij De Zetlijn");
    let mut draft = new_record(&placement, Moment::Start, (2026, 11, 20));
    draft.time = NaiveTime::from_hms_opt(10, 18, 33).unwrap();
    draft.time_spent_seconds = 10 * 60 + 18;
    draft.keys.get_mut(KeyId::LearningProcesses).notes = "Begonnen.".into();
    store
        .save_draft(&placement.id, Moment::Start, &draft)
        .unwrap();

    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(&placement.id, Moment::Start);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '6');
    // Through every detail and on, without typing.
    for _ in 0..12 {
        press_shown(&mut app, "Tab");
    }
    let Screen::Meeting(m) = app.screen() else {
        panic!("not in the meeting");
    };
    assert_eq!(m.record.time, draft.time, "the start time was rounded");
    assert!(
        m.seconds_spent() >= draft.time_spent_seconds,
        "the clock went back to {}",
        m.seconds_spent()
    );
    assert!(
        !screen(&app, 80, 24).contains("⏱ 10:00"),
        "{}",
        screen(&app, 80, 24)
    );
}
