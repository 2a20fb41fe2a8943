//! Speed of what a teacher feels: a keystroke in a long note until the frame is drawn, saving a
//! long record, and building the overview of a large archive.

use chrono::Local;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use stagegesprek::demo::write_demo;
use stagegesprek::domain::{KeyId, MeetingRecord, Moment};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::guides::Guides;
use stagegesprek::store::{Store, to_yaml};
use stagegesprek::tui::App;
use stagegesprek::tui::theme::Theme;

/// About 50 KB of notes, in lines of a realistic length.
fn long_note() -> String {
    "De student vertelt over een drukke ochtend waarin alles tegelijk moest en toch lukte.\n"
        .repeat(600)
}

/// A store in a temp folder holding `placements` demo placements.
fn demo_store(placements: usize) -> (tempfile::TempDir, Store, Guides) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    write_demo(&store, guide, placements, Local::now().date_naive()).unwrap();
    (tmp, store, guides)
}

fn keystroke_in_a_long_note(c: &mut Criterion) {
    let (_tmp, store, guides) = demo_store(2);
    let mut app = App::new(store, guides, Lang::Nl, Theme::new(false));
    app.open_meeting("daan-el-amrani-autoservice-kwartelweg", Moment::Start);
    for ch in long_note().chars() {
        let code = if ch == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(ch)
        };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
    // The anchor: a bare `ratatui-textarea` holding the same text, wrapped at words as every
    // text field of the program is, in a bordered box as wide as the meeting's notes (the
    // terminal less the 26 columns of the sidebar), with nothing else on screen and nothing
    // saved.
    let mut bare = ratatui_textarea::TextArea::from(long_note().lines());
    bare.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    bare.move_cursor(ratatui_textarea::CursorMove::Bottom);
    bare.set_block(ratatui::widgets::Block::bordered());
    for (w, h) in [(80, 24), (200, 50)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("keystroke+draw 50KB note {w}x{h}"), |b| {
            b.iter(|| {
                app.handle_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
                terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
            });
        });
        c.bench_function(
            &format!("anchor: bare ratatui-textarea keystroke+draw 50KB {w}x{h}"),
            |b| {
                b.iter(|| {
                    bare.input(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
                    terminal
                        .draw(|f| {
                            let area = f.area();
                            let notes = ratatui::layout::Rect {
                                width: area.width - 26,
                                ..area
                            };
                            f.render_widget(&bare, notes);
                        })
                        .unwrap();
                });
            },
        );
    }
    app.flush_saves();
}

fn saving_a_long_record(c: &mut Criterion) {
    let (_tmp, store, _) = demo_store(1);
    let id = "noor-verbeek-bakkerij-het-zonnige-deeg";
    let mut record: MeetingRecord = store.meeting(id, Moment::Midway).unwrap().unwrap();
    record.keys.get_mut(KeyId::LearningProcesses).notes = long_note();
    c.bench_function("serialise 50KB record", |b| b.iter(|| to_yaml(&record)));
    let text = to_yaml(&record);
    c.bench_function("parse 50KB record", |b| {
        b.iter(|| serde_saphyr::from_str::<MeetingRecord>(&text).unwrap())
    });
    c.bench_function("durable draft write 50KB (fsync, off the UI thread)", |b| {
        b.iter(|| store.save_draft(id, Moment::Midway, &record).unwrap());
    });
    // Opening for editing reads strictly (checks, end marker, unknown fields) on the UI thread.
    store.save_draft(id, Moment::Midway, &record).unwrap();
    c.bench_function("open 50KB meeting for editing (strict read)", |b| {
        b.iter(|| {
            store
                .meeting_files_of(id, Moment::Midway)
                .draft
                .unwrap()
                .unwrap()
        })
    });
}

fn overview_of_a_large_archive(c: &mut Criterion) {
    // 1,000 placements hold about 2,000 records and drafts.
    let (_tmp, store, _) = demo_store(1000);
    let mut group = c.benchmark_group("archive");
    group.sample_size(10);
    group.bench_function("summaries of 1000 placements", |b| {
        b.iter_batched(|| (), |()| store.summaries(), BatchSize::SmallInput);
    });
    group.finish();
}

criterion_group!(
    benches,
    keystroke_in_a_long_note,
    saving_a_long_record,
    overview_of_a_large_archive
);
criterion_main!(benches);
