//! Tests that need something of the machine: a tmpfs that can really fill up (mounting needs
//! root in a container that allows it), or file permissions that bind (they do not for root).
//! Each decides at run time whether it can run here and otherwise reports itself as ignored,
//! with the reason, never as passed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::thread::sleep;
use std::time::Duration;

use libtest_mimic::{Arguments, Completion, Failed, Trial};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use stagegesprek::domain::Moment;
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;
use stagegesprek::store::disk::RealDisk;
use stagegesprek::store::guides::Guides;
use stagegesprek::store::lock::Claim;
use stagegesprek::tui::App;
use stagegesprek::tui::theme::Theme;

const DAAN: &str = "daan-el-amrani-autoservice-kwartelweg";

fn main() {
    let args = Arguments::from_args();
    let trials = vec![
        Trial::ignorable_test(
            "a_really_full_file_system_keeps_the_text_and_recovers_when_space_returns",
            full_file_system_keeps_the_text,
        ),
        Trial::ignorable_test(
            "the_meeting_lock_holds_on_a_really_full_file_system",
            lock_holds_on_a_full_file_system,
        ),
        Trial::ignorable_test(
            "a_record_without_read_permission_is_named_and_the_rest_listed",
            unreadable_record_is_named,
        ),
    ];
    libtest_mimic::run(&args, trials).exit();
}

fn check(ok: bool, what: &str) -> Result<(), Failed> {
    if ok { Ok(()) } else { Err(what.into()) }
}

fn demo_data(dir: &Path) -> Result<(), Failed> {
    let out = Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args([
            "demo-data",
            dir.to_str().unwrap_or("."),
            "--placements",
            "2",
        ])
        .output()?;
    check(out.status.success(), &format!("demo-data failed: {out:?}"))
}

/// A tiny tmpfs, unmounted again on drop.
struct TinyFs(PathBuf);

impl TinyFs {
    fn mount(at: &Path) -> Option<Self> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
            .arg(at)
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| Self(at.to_path_buf()))
    }

    /// Writes a file until the file system is full.
    fn fill(&self) -> PathBuf {
        let filler = self.0.join("filler");
        if let Ok(mut block) = std::fs::File::create(&filler) {
            let chunk = vec![b'x'; 4096];
            while std::io::Write::write_all(&mut block, &chunk).is_ok() {}
        }
        filler
    }
}

impl Drop for TinyFs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).output();
    }
}

const NO_TMPFS: &str = "this machine does not allow mounting a tmpfs (needs root in a \
                        container that may mount); FailingDisk tests cover the same code path";

fn app_on(data: &Path) -> Result<App, Failed> {
    let store = Store::open_with(data, Arc::new(RealDisk))?;
    Ok(App::new(
        store,
        Guides::load(None, Lang::Nl.texts()),
        Lang::Nl,
        Theme::new(true),
    ))
}

fn screen(app: &App) -> Result<String, Failed> {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))?;
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    Ok(format!("{:?}", terminal.backend().buffer()))
}

fn full_file_system_keeps_the_text() -> Result<Completion, Failed> {
    let tmp = tempfile::tempdir()?;
    let Some(fs) = TinyFs::mount(&tmp.path().join("tiny")) else {
        return Ok(Completion::ignored_with(NO_TMPFS));
    };
    let data = fs.0.join("data");
    demo_data(&data)?;
    let mut app = app_on(&data)?;
    app.open_meeting(DAAN, Moment::Start);
    let filler = fs.fill();
    for c in "Schijf vol, tekst blijft.".chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.flush_saves();
    let shown = screen(&app)?;
    check(shown.contains("NIET BEWAARD"), "the failed save is shown")?;
    check(shown.contains("Schijf vol"), "the text stays on screen")?;

    std::fs::remove_file(&filler)?;
    // The saver tries again by itself; waited for, not slept for.
    let draft = data.join("placements").join(DAAN).join("start.draft.yaml");
    let until = std::time::Instant::now() + Duration::from_secs(10);
    while !std::fs::read_to_string(&draft)
        .unwrap_or_default()
        .contains("Schijf vol, tekst blijft.")
        && std::time::Instant::now() < until
    {
        sleep(Duration::from_millis(10));
        app.tick();
    }
    app.flush_saves();
    check(
        !screen(&app)?.contains("NIET BEWAARD"),
        "the warning goes once a save works",
    )?;
    check(
        std::fs::read_to_string(&draft)?.contains("Schijf vol, tekst blijft."),
        "the text reached the draft without a key press",
    )?;
    let names: Vec<String> = std::fs::read_dir(draft.parent().unwrap_or(&data))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    check(
        names.iter().all(|n| !n.starts_with('.')),
        &format!("no half-written temp files are left: {names:?}"),
    )?;
    Ok(Completion::Completed)
}

fn lock_holds_on_a_full_file_system() -> Result<Completion, Failed> {
    let tmp = tempfile::tempdir()?;
    let Some(fs) = TinyFs::mount(&tmp.path().join("tiny")) else {
        return Ok(Completion::ignored_with(NO_TMPFS));
    };
    let data = fs.0.join("data");
    demo_data(&data)?;
    let store = Store::open(&data)?;
    // The lock file exists empty after a clean session, as it does after any earlier one.
    if let Claim::Mine { lock, .. } = store.claim_meeting(DAAN, Moment::Start)? {
        lock.release();
    }
    let _filler = fs.fill();
    let Claim::Mine {
        lock: _held,
        note_failed,
        ..
    } = store.claim_meeting(DAAN, Moment::Start)?
    else {
        return Err("the first window must get the meeting".into());
    };
    check(
        note_failed.is_some(),
        "on a full disk the note cannot be written",
    )?;
    let second = Store::open(&data)?;
    check(
        matches!(second.claim_meeting(DAAN, Moment::Start)?, Claim::Taken(_)),
        "a second window must not get the meeting",
    )?;
    Ok(Completion::Completed)
}

fn unreadable_record_is_named() -> Result<Completion, Failed> {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    demo_data(&data)?;
    let noor = "noor-verbeek-bakkerij-het-zonnige-deeg";
    let path = data.join("placements").join(noor).join("start.yaml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000))?;
    if std::fs::File::open(&path).is_ok() {
        return Ok(Completion::ignored_with(
            "running as root: file permissions do not stop reading; \
             FailingDisk::make_unreadable covers the same code path",
        ));
    }
    let out = Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(["list"])
        .env("STAGEGESPREK_DATA_DIR", &data)
        .env("STAGEGESPREK_CONFIG_DIR", tmp.path().join("no-config"))
        .output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    check(out.status.success(), "list keeps working")?;
    check(
        stderr.contains(&path.display().to_string()),
        &format!("the file is named: {stderr}"),
    )?;
    check(stdout.contains(DAAN), "the other placement is still listed")?;
    Ok(Completion::Completed)
}
