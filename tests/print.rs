//! Printing, checked in a real browser: a record and a placement's story are printed to PDF
//! by a headless Chromium, and the PDF's text is read back (with `pdftotext`) to see that every
//! section is there and that no word stands beyond the paper's edge. `.ci/run` installs both;
//! where either is missing, each test reports itself as ignored with the reason.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use libtest_mimic::{Arguments, Completion, Failed, Trial};
use stagegesprek::domain::story::Story;
use stagegesprek::domain::{
    Agreement, AgreementStatus, Example, Guide, KeyId, MeetingRecord, Moment, Placement,
    RecordStatus, Role, Strategy,
};
use stagegesprek::export::{Variant, story_html, to_html};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::guides::Guides;

/// A word with no place to break, far wider than A4, and what ends it.
const END_OF_LONG_WORD: &str = "EINDEVANHETLANGEWOORD";

fn main() {
    let args = Arguments::from_args();
    let trials = vec![
        Trial::ignorable_test(
            "a_record_prints_on_a4_with_every_section_and_nothing_cut_off",
            || record_prints(Lang::Nl),
        ),
        Trial::ignorable_test(
            "an_english_shared_record_prints_every_section_and_no_private_note",
            || record_prints(Lang::En),
        ),
        Trial::ignorable_test(
            "a_story_prints_its_three_moments_on_a4_and_nothing_cut_off",
            story_prints,
        ),
    ];
    libtest_mimic::run(&args, trials).exit();
}

fn check(ok: bool, what: &str) -> Result<(), Failed> {
    if ok { Ok(()) } else { Err(what.into()) }
}

/// The browser, or why there is none.
fn chromium() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Ok(PathBuf::from(path));
    }
    for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output();
        if let Ok(out) = found
            && out.status.success()
        {
            return Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
        }
    }
    Err("no headless Chromium on this machine (.ci/run installs one)".into())
}

fn has_pdftotext() -> bool {
    Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
}

/// Prints `html` to PDF in Chromium and returns the PDF's words with where each stands, and
/// the page width; `None` with the reason when the tools are missing.
fn print(html: &str, dir: &Path) -> Result<Result<Printed, String>, Failed> {
    let browser = match chromium() {
        Ok(b) => b,
        Err(why) => return Ok(Err(why)),
    };
    if !has_pdftotext() {
        return Ok(Err(
            "no pdftotext on this machine (.ci/run installs poppler-utils)".into(),
        ));
    }
    let page = dir.join("page.html");
    std::fs::write(&page, html)?;
    let pdf = dir.join("page.pdf");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let until = Instant::now() + Duration::from_secs(90);
    while child.try_wait()?.is_none() {
        if Instant::now() > until {
            let _ = child.kill();
            return Err("Chromium did not finish printing within 90 seconds".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    check(pdf.exists(), "Chromium wrote no PDF")?;
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(&pdf)
        .arg("-")
        .output()?;
    check(out.status.success(), &format!("pdftotext failed: {out:?}"))?;
    Ok(Ok(Printed::from_bbox(&String::from_utf8_lossy(
        &out.stdout,
    ))))
}

/// What `pdftotext -bbox` says of a PDF: each page's size and each word's box.
struct Printed {
    pages: usize,
    page_width: f64,
    /// The word and its right edge.
    words: Vec<(String, f64)>,
}

impl Printed {
    fn from_bbox(xhtml: &str) -> Self {
        let attr = |line: &str, name: &str| -> Option<f64> {
            let at = line.find(&format!("{name}=\""))? + name.len() + 2;
            line[at..].split('"').next()?.parse().ok()
        };
        let mut printed = Self {
            pages: 0,
            page_width: 0.0,
            words: Vec::new(),
        };
        for line in xhtml.lines() {
            let line = line.trim();
            if line.starts_with("<page ") {
                printed.pages += 1;
                printed.page_width = attr(line, "width").unwrap_or(0.0);
            } else if line.starts_with("<word ") {
                let text = line
                    .split('>')
                    .nth(1)
                    .and_then(|rest| rest.split('<').next())
                    .unwrap_or("")
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&apos;", "'");
                printed
                    .words
                    .push((text, attr(line, "xMax").unwrap_or(0.0)));
            }
        }
        printed
    }

    /// All text, without the breaks the page made, to find a sentence however it wrapped.
    fn joined(&self) -> String {
        self.words.iter().map(|(w, _)| w.as_str()).collect()
    }

    fn shows(&self, text: &str) -> bool {
        let wanted: String = text.split_whitespace().collect();
        self.joined().contains(&wanted)
    }

    /// Words whose right edge lies beyond the paper.
    fn beyond_the_edge(&self) -> Vec<&str> {
        self.words
            .iter()
            .filter(|(_, right)| *right > self.page_width + 0.5)
            .map(|(w, _)| w.as_str())
            .collect()
    }
}

fn guide(guides: &Guides, lang: Lang) -> Guide {
    guides.for_language(lang).unwrap().clone()
}

fn placement() -> Placement {
    Placement {
        id: "fenna-voorbeeld-bakkerij-testkorst".into(),
        student: "Fenna Voorbeeld".into(),
        company: "Bakkerij Testkorst".into(),
        trainer: "Gert Proefmeel".into(),
        teacher: "Ida Lesrooster".into(),
        start: NaiveDate::from_ymd_opt(2026, 9, 1),
        end: NaiveDate::from_ymd_opt(2027, 1, 29),
        ..Placement::default()
    }
}

/// A held record with something under every key, a long note, a word too wide for any
/// paper, typed markup, agreements and private notes.
fn full_record(guide: &Guide, moment: Moment, day: u32) -> MeetingRecord {
    let at = NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let mut r = MeetingRecord::new(&placement(), moment, guide, at, None);
    for key in KeyId::ALL {
        let capture = r.keys.get_mut(key);
        capture.notes = format!(
            "{} notitie bij sleutel {}. <script>alert(1)</script>\n{}",
            moment.code(),
            key.index() + 1,
            "Een lange zin over het werk. ".repeat(60)
        );
        capture.examples.push(Example {
            text: format!("Voorbeeld {} bij {}", key.index() + 1, moment.code()),
            given_by: Role::Trainer,
            strategy: Some(Strategy::ALL[key.index() % 3]),
            recognised: None,
        });
    }
    r.keys
        .get_mut(KeyId::GuidanceChoices)
        .notes
        .push_str(&format!("\n{}{END_OF_LONG_WORD}", "x".repeat(400)));
    r.agreements.push(Agreement {
        what: "Hygiënecode doorlezen en samenvatten voor het team".into(),
        who: Role::Student,
        due: NaiveDate::from_ymd_opt(2026, 12, 1),
        status: AgreementStatus::Partly,
        carried_from: None,
        note: "half gelezen".into(),
    });
    r.private_notes = "PRIVENOTITIE alleen voor de docent".into();
    r.status = RecordStatus::Final;
    r
}

fn record_prints(lang: Lang) -> Result<Completion, Failed> {
    let dir = tempfile::tempdir()?;
    let guides = Guides::load(None, lang.texts());
    let guide = guide(&guides, lang);
    let record = full_record(&guide, Moment::Midway, 20);
    let variant = match lang {
        Lang::Nl => Variant::Full,
        Lang::En => Variant::Shared,
    };
    let printed = match print(&to_html(&record, &guide, variant), dir.path())? {
        Ok(printed) => printed,
        Err(why) => return Ok(Completion::ignored_with(why)),
    };
    check(printed.pages >= 2, "a long record fits on one page?")?;
    for key in KeyId::ALL {
        let heading = format!("{}. {}", key.index() + 1, guide.key_title(key));
        check(printed.shows(&heading), &format!("no heading {heading:?}"))?;
        let example = format!("Voorbeeld {} bij midway", key.index() + 1);
        check(printed.shows(&example), &format!("no example {example:?}"))?;
    }
    let t = lang.texts();
    for section in [t.md_agreements, t.md_agreed, t.md_student, t.md_company] {
        check(printed.shows(section), &format!("no section {section:?}"))?;
    }
    check(
        printed.shows("<script>alert(1)</script>"),
        "typed markup is not printed as typed",
    )?;
    check(
        printed.shows("Hygiënecode doorlezen en samenvatten voor het team"),
        "the agreement is missing",
    )?;
    check(
        printed.joined().contains(END_OF_LONG_WORD),
        "the end of a word too wide for the paper is missing",
    )?;
    let beyond = printed.beyond_the_edge();
    check(
        beyond.is_empty(),
        &format!("words beyond the paper's edge: {beyond:?}"),
    )?;
    let private = printed.shows("PRIVENOTITIE");
    match variant {
        Variant::Full => check(private, "the teacher's own copy lacks the private notes")?,
        Variant::Shared => check(!private, "a shared copy shows the private notes")?,
    }
    Ok(Completion::Completed)
}

fn story_prints() -> Result<Completion, Failed> {
    let dir = tempfile::tempdir()?;
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guide(&guides, Lang::Nl);
    let start = full_record(&guide, Moment::Start, 2);
    let mut midway = full_record(&guide, Moment::Midway, 20);
    midway.agreements = vec![Agreement {
        status: AgreementStatus::Done,
        carried_from: Some(Moment::Start),
        note: "samenvatting gedeeld".into(),
        ..start.agreements[0].clone()
    }];
    let story = Story::new(vec![start, midway]);
    let printed = match print(
        &story_html(&placement(), &story, &guide, stagegesprek::store::today()),
        dir.path(),
    )? {
        Ok(printed) => printed,
        Err(why) => return Ok(Completion::ignored_with(why)),
    };
    let t = Lang::Nl.texts();
    for moment in Moment::ALL {
        let name = stagegesprek::domain::text::capitalised(t.moment_word(moment));
        check(printed.shows(&name), &format!("no column for {name:?}"))?;
    }
    check(
        printed.shows(t.story_not_held),
        "the final moment is not marked as not held",
    )?;
    for key in KeyId::ALL {
        let heading = format!("{}. {}", key.index() + 1, guide.key_title(key));
        check(printed.shows(&heading), &format!("no heading {heading:?}"))?;
        for moment in [Moment::Start, Moment::Midway] {
            let note = format!("{} notitie bij sleutel {}.", moment.code(), key.index() + 1);
            check(printed.shows(&note), &format!("no note {note:?}"))?;
        }
    }
    check(printed.shows(t.story_guidance), "no guidance section")?;
    check(
        printed.shows("samenvatting gedeeld"),
        "what became of the agreement is missing",
    )?;
    check(
        printed.joined().contains(END_OF_LONG_WORD),
        "the end of a word too wide for a column is missing",
    )?;
    check(
        !printed.shows("PRIVENOTITIE"),
        "a story shows private notes",
    )?;
    let beyond = printed.beyond_the_edge();
    check(
        beyond.is_empty(),
        &format!("words beyond the paper's edge: {beyond:?}"),
    )?;
    Ok(Completion::Completed)
}
