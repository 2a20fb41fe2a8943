//! Parses the command line and hands over to a command or the terminal UI; nothing else.

use std::cell::LazyCell;
use std::process::ExitCode;

use chrono::Local;
use stagegesprek::cli::{self, Args, Command, Failure, GuideCommand};
use stagegesprek::demo::write_demo;
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::config::Settings;
use stagegesprek::store::guides::Guides;
use stagegesprek::tui::{self, App, guard::Ending, theme::Theme};

/// How many placements the throw-away demo holds.
const DEMO_PLACEMENTS: usize = 6;

fn main() -> ExitCode {
    // clap exits with 2 on usage errors and 0 for --help and --version.
    // The help and usage errors speak the interface language, so it is known first.
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = Settings::resolve(None, cli::lang_asked(&argv)).lang;
    let args = cli::parse(argv, lang.texts());
    let settings = Settings::resolve(args.data_dir.clone(), args.lang.map(Into::into));
    match run(args, &settings) {
        Ok(ending) => ExitCode::from(ending.exit_status()),
        Err(Failure(message)) => {
            if !message.is_empty() {
                eprintln!("stagegesprek: {message}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args, settings: &Settings) -> Result<Ending, Failure> {
    let t = settings.lang.texts();
    // Before the store is opened or a lock claimed: without a terminal the UI cannot start,
    // and it must leave nothing behind when it does not.
    let ui = matches!(
        args.command,
        None | Some(Command::Meet { .. } | Command::Prepare { .. })
    );
    if ui {
        cli::need_terminal(t)?;
    }
    // Said once: on stderr by a command, in the status line by the UI.
    let settings_note = cli::config_note(settings).map(|text| (text, true));
    if !ui && let Some((text, _)) = &settings_note {
        eprintln!("stagegesprek: {text}");
    }
    // Read when first used: the commands that only look at the overview never need a guide,
    // and reading the built-in ones is a good part of a quick command's time.
    let guides = LazyCell::new(|| Guides::load(settings.config_dir.as_deref(), t));
    let uses_guides = !matches!(
        args.command,
        Some(
            Command::List { .. }
                | Command::Agenda { .. }
                | Command::Guide { .. }
                | Command::Removed
                | Command::Restore { .. }
                | Command::Import { .. }
        )
    );
    if uses_guides {
        cli::report_broken_guides(&guides, t);
    }
    let done = |result: Result<(), Failure>| result.map(|()| Ending::Quit);
    match args.command {
        Some(Command::DemoData { dir, placements }) => {
            done(cli::demo_data(&dir, placements, settings, &guides))
        }
        Some(Command::List { json, mine }) => done(cli::list(settings, json, mine)),
        Some(Command::Company { ref name, json }) => done(cli::company(settings, name, json)),
        Some(Command::Search {
            ref words,
            moment,
            ref company,
            ref teacher,
            ref since,
            ref until,
            late,
            concern,
            no_visit,
            json,
        }) => done(cli::search(
            settings,
            &guides,
            &cli::SearchArgs {
                words,
                moment,
                company: company.as_deref(),
                teacher: teacher.as_deref(),
                since: since.as_deref(),
                until: until.as_deref(),
                late,
                concern,
                no_visit,
                json,
            },
        )),
        Some(Command::Show { record, format }) => {
            done(cli::show(settings, &guides, &record, format))
        }
        Some(Command::Export {
            record,
            shared,
            format,
            story,
            output,
        }) => done(if story {
            cli::export_placement_story(settings, &guides, &record, format, output.as_deref())
        } else {
            cli::export(
                settings,
                &guides,
                &record,
                shared,
                format.unwrap_or(cli::ExportFormat::Md),
                output.as_deref(),
            )
        }),
        Some(Command::Prepare {
            placement,
            moment,
            role,
        }) => {
            let (store, notice) = store_with_placement(settings, &placement)?;
            let mut app = App::preparing(
                store,
                LazyCell::force(&guides).clone(),
                settings.lang,
                Theme::from_env(),
                &placement,
                moment,
                role.into(),
            );
            app.export_dir = settings.export_dir();
            app.message = all_said([notice, settings_note, app.message.take()]);
            tui::run(app).map_err(|e| Failure(e.to_string()))
        }
        Some(Command::PrepareForm {
            placement,
            moment,
            role,
            output,
        }) => done(cli::prepare_form(
            settings,
            &guides,
            &placement,
            moment,
            role.into(),
            output.as_deref(),
        )),
        Some(Command::Import {
            file,
            replace,
            moment,
        }) => done(cli::import(settings, &file, replace, moment)),
        Some(Command::Agenda { output }) => done(cli::agenda(settings, output.as_deref())),
        Some(Command::Team { ref command }) => done(cli::team::team(settings, command)),
        Some(Command::History {
            ref placement,
            json,
        }) => done(cli::team::history(settings, placement, json)),
        Some(Command::Removed) => done(cli::removed(settings)),
        Some(Command::Restore { name }) => done(cli::restore(settings, &name)),
        Some(Command::Guide {
            command: GuideCommand::Check { files },
        }) => done(cli::guide_check(settings, &files)),
        Some(Command::Meet { placement, moment }) => {
            let (store, notice) = store_with_placement(settings, &placement)?;
            // Straight into the meeting: the list of placements is read only if the
            // teacher goes back to it.
            let mut app = App::opening(
                store,
                LazyCell::force(&guides).clone(),
                settings.lang,
                Theme::from_env(),
                &placement,
                moment,
            );
            app.export_dir = settings.export_dir();
            if stagegesprek::team::Team::at(&settings.data_dir).is_archive() {
                app.share_as(cli::team::who(settings), settings.sync_after_meeting);
            }
            app.message = all_said([notice, settings_note, app.message.take()]);
            tui::run(app).map_err(|e| Failure(e.to_string()))
        }
        None if args.demo => {
            // Dropping the folder at the end removes the demo data, as promised on screen.
            let dir = tempfile::Builder::new()
                .prefix("stagegesprek-demo-")
                .tempdir()
                .map_err(|e| Failure(e.to_string()))?;
            let demo_settings = Settings {
                data_dir: dir.path().to_path_buf(),
                ..settings.clone()
            };
            let store = cli::open_store(&demo_settings)?;
            let guide = guides
                .for_language(settings.lang)
                .ok_or_else(|| Failure(t.err_no_guide.into()))?;
            write_demo(&store, guide, DEMO_PLACEMENTS, Local::now().date_naive())
                .map_err(|e| Failure(e.describe(t)))?;
            let mut app = App::new(
                store,
                LazyCell::force(&guides).clone(),
                settings.lang,
                Theme::from_env(),
            );
            app.export_dir = settings.export_dir();
            app.demo = true;
            app.show_home(None);
            app.message = all_said([settings_note, app.message.take()]);
            tui::run(app).map_err(|e| Failure(e.to_string()))
        }
        None => {
            let (store, notice) = cli::open_store_for_ui(settings)?;
            let mut app = start_on_home(store, LazyCell::force(&guides).clone(), settings.lang);
            app.export_dir = settings.export_dir();
            if stagegesprek::team::Team::at(&settings.data_dir).is_archive() {
                app.share_as(cli::team::who(settings), settings.sync_after_meeting);
            }
            app.message = all_said([notice, settings_note, app.message.take()]);
            tui::run(app).map_err(|e| Failure(e.to_string()))
        }
    }
}

/// The program on its list of placements. The list is read off the screen's thread; what is
/// read within a glance is shown at once, and a longer first build of the index shows its
/// progress on the list while the teacher can already look around.
fn start_on_home(store: stagegesprek::store::Store, guides: Guides, lang: Lang) -> App {
    use stagegesprek::store::index::glance::{SCREENFUL, first_rows};
    use stagegesprek::tui::live::{Reading, read_in_background};
    use std::sync::mpsc::RecvTimeoutError;
    let reading = read_in_background(store.clone());
    let until = std::time::Instant::now() + std::time::Duration::from_millis(25);
    loop {
        let left = until.saturating_duration_since(std::time::Instant::now());
        match reading.recv_timeout(left) {
            Ok(Reading::Done(overview)) => {
                return App::showing(store, guides, lang, Theme::from_env(), overview);
            }
            Ok(Reading::Progress(..)) => {}
            Err(RecvTimeoutError::Timeout) => {
                // A screenful as the index last saw it, until the compared list is in.
                let first = first_rows(&store, stagegesprek::store::today(), SCREENFUL);
                return App::reading(store, guides, lang, Theme::from_env(), reading, first);
            }
            Err(RecvTimeoutError::Disconnected) => {
                return App::new(store, guides, lang, Theme::from_env());
            }
        }
    }
}

/// The store for a screen about one placement, refused with a plain message when there is
/// no such placement; and a notice about the store for the status line.
fn store_with_placement(
    settings: &Settings,
    placement: &str,
) -> Result<(stagegesprek::store::Store, Option<(String, bool)>), Failure> {
    let (store, notice) = cli::open_store_for_ui(settings)?;
    if !store.placement_exists(placement) {
        let t = settings.lang.texts();
        return Err(Failure(stagegesprek::i18n::fill(
            t.err_no_placement,
            &[placement],
        )));
    }
    Ok((store, notice))
}

/// Every start-up word at once (a repaired folder, a setting not used, a damaged file): one
/// must never hide another. A warning when any of them is one.
fn all_said<const N: usize>(words: [Option<(String, bool)>; N]) -> Option<(String, bool)> {
    let words: Vec<(String, bool)> = words.into_iter().flatten().collect();
    let warning = words.iter().any(|(_, warning)| *warning);
    let text = words
        .into_iter()
        .map(|(text, _)| text)
        .collect::<Vec<_>>()
        .join(" · ");
    (!text.is_empty()).then_some((text, warning))
}
