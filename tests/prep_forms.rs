//! Preparation without an account: the plain-text form goes out, comes back through a mail
//! program, and is stored with the right placement and moment, or refused with nothing
//! changed. All names, companies and addresses are fictional.

#[path = "common/cli.rs"]
mod cli_common;
use cli_common::run;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::NaiveDate;
use stagegesprek::domain::preparation::{PrepSource, Prepared, Preparer, ReplyProblem};
use stagegesprek::domain::{Lang, Moment, Placement, PrepQuestion, Preparation};
use stagegesprek::export::{mailto_url, parse_reply, parse_reply_for, preparation_form};
use stagegesprek::i18n::LangExt as _;
use stagegesprek::store::{Damage, Refusal, Store, StoreError};

fn store() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    (tmp, store)
}

fn sanne(store: &Store) -> Placement {
    store
        .create_placement(Placement {
            student: "Sanne de Vries".into(),
            company: "Bakkerij De Molen".into(),
            trainer: "Joop Jansen".into(),
            trainer_email: "joop@demolen.example".into(),
            start: NaiveDate::from_ymd_opt(2026, 9, 1),
            end: NaiveDate::from_ymd_opt(2027, 1, 31),
            ..Placement::default()
        })
        .unwrap()
}

/// What the trainer and the student type on the midway forms; `None` leaves a question
/// blank, `"nee"` says a way of guiding was not used.
fn typed(question: PrepQuestion) -> Option<&'static str> {
    use PrepQuestion as Q;
    match question {
        Q::Grown => Some(
            "Sanne werkt zorgvuldig en vraagt eerder om hulp dan in september.\n\n\
             Het tempo in de ochtendploeg is nog lastig.",
        ),
        Q::GrownExample => Some(
            "Vorige week maakte ze zelf het deeg voor de spelten bollen, met de juiste rijstijd.",
        ),
        Q::NotYet => Some("Om zeven uur moet alles tegelijk; dan raakt ze het overzicht kwijt."),
        Q::GuidedShowing => Some("Ik heb het vlechten van krentenbrood voorgedaan en uitgelegd."),
        Q::GuidedInvolving => Some("nee"),
        Q::GuidedEntrusting => Some("Op zaterdag doet ze de broodkast alleen."),
        Q::Learned => Some("Ik plan mijn werk nu zelf voor de hele ochtend."),
        Q::GuidedMoment => Some("Dinsdag mocht ik alle bestellingen alleen klaarzetten."),
        Q::Ask => Some("Mag ik ook een keer in de winkel staan?"),
        _ => None,
    }
}

/// The answers a person types, per question as the midway form in `lang` asks it.
fn answers(by: Preparer, lang: Lang) -> Vec<(&'static str, Option<&'static str>)> {
    let t = lang.texts();
    PrepQuestion::form(Moment::Midway, by)
        .iter()
        .map(|q| (t.prep_ask(*q, by), typed(*q)))
        .collect()
}

/// Types each answer on the lines under its question, the way a person fills in the form.
fn fill_in(form: &str, answers: &[(&str, Option<&str>)]) -> String {
    let mut out = String::new();
    for line in form.lines() {
        out.push_str(line);
        out.push('\n');
        if let Some((_, Some(answer))) = answers.iter().find(|(q, _)| line.ends_with(q)) {
            out.push_str(answer);
            out.push('\n');
        }
    }
    out
}

fn form(placement: &Placement, moment: Moment, by: Preparer, lang: Lang) -> String {
    let title = lang.texts().moment_word(moment);
    preparation_form(placement, moment, by, lang, title)
}

fn trainer_prep() -> Preparation {
    expected(Preparer::Trainer).into_preparation()
}

fn student_prep() -> Preparation {
    expected(Preparer::Student).into_preparation()
}

/// What the midway form of `by` is read back as: every answer but the blank ones and "nee".
fn expected(by: Preparer) -> Prepared {
    let answers = PrepQuestion::form(Moment::Midway, by)
        .iter()
        .filter_map(|q| typed(*q).filter(|a| *a != "nee").map(|a| (*q, a)));
    Prepared::new(by, Preparation::answering(answers))
}

#[test]
fn a_filled_form_comes_back_as_what_was_typed_in_both_languages_and_roles() {
    let (_tmp, store) = store();
    let placement = sanne(&store);
    for lang in [Lang::Nl, Lang::En] {
        for by in Preparer::ALL {
            let blank = form(&placement, Moment::Midway, by, lang);
            let t = lang.texts();
            // What the form says before anyone fills it in.
            assert!(blank.contains("Sanne de Vries"), "{blank}");
            assert!(blank.contains("Bakkerij De Molen"), "{blank}");
            assert!(blank.contains(t.moment_word(Moment::Midway)), "{blank}");
            // The identification line in the reader's words, which the reader also knows.
            let identification = format!(
                "{}: {} / {} / {}",
                t.prep_form_label,
                placement.id,
                t.moment_word(Moment::Midway),
                t.preparer(by)
            );
            assert!(blank.contains(&identification), "{blank}");
            let questions: Vec<&str> = blank.lines().filter(|l| l.ends_with('?')).collect();
            assert_eq!(
                questions.len(),
                answers(by, lang).len(),
                "{lang:?} {by:?}\n{blank}"
            );
            if by == Preparer::Trainer {
                for explained in [
                    t.prep_form_showing,
                    t.prep_form_participating,
                    t.prep_form_entrusting,
                ] {
                    assert!(blank.contains(explained));
                }
            }
            // Every question has room under it.
            let lines: Vec<&str> = blank.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                if line.ends_with('?') {
                    assert_eq!(lines[i + 1], "", "no room under {line}");
                    assert_eq!(lines[i + 2], "", "no room under {line}");
                }
            }

            let filled = fill_in(&blank, &answers(by, lang));
            let reply = parse_reply(&filled).unwrap_or_else(|p| panic!("{p:?}\n{filled}"));
            assert_eq!(reply.placement, placement.id);
            assert_eq!(reply.moment, Moment::Midway);
            assert_eq!(reply.by, by);
            assert_eq!(reply.language, lang);
            assert_eq!(reply.prepared, expected(by), "{lang:?} {by:?}");
        }
    }
}

/// A filled Dutch trainer form, as `fill_in` makes it.
fn filled_trainer_form(placement: &Placement) -> String {
    let blank = form(placement, Moment::Midway, Preparer::Trainer, Lang::Nl);
    fill_in(&blank, &answers(Preparer::Trainer, Lang::Nl))
}

fn quoted(text: &str, prefix: &str) -> String {
    text.lines().map(|l| format!("{prefix}{l}\n")).collect()
}

/// Wraps every line at `width` the way a mail program does, keeping its quote prefix.
fn wrapped(text: &str, width: usize, prefix: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.len() + 1 + word.len() > width {
                out.push_str(&format!("{prefix}{current}\n"));
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&format!("{prefix}{current}\n"));
    }
    out
}

#[test]
fn replies_as_mail_programs_send_them_are_read() {
    let (_tmp, store) = store();
    let placement = sanne(&store);
    let filled = filled_trainer_form(&placement);
    let blank = form(&placement, Moment::Midway, Preparer::Trainer, Lang::Nl);
    let english_filled = fill_in(
        &form(&placement, Moment::Midway, Preparer::Trainer, Lang::En),
        &answers(Preparer::Trainer, Lang::En),
    );

    let gmail = format!(
        "Hoi Marieke,\n\nMijn antwoorden staan hieronder.\n\n\
         Op di 3 mrt 2026 om 10:02 schreef M. Docent <m.docent@school.example>:\n\n{}\n\
         -- \nJoop Jansen\nBakkerij De Molen\n",
        // The questions quoted, the answers typed between them without quoting.
        filled
            .lines()
            .map(|l| {
                if answers(Preparer::Trainer, Lang::Nl)
                    .iter()
                    .any(|(_, a)| a.is_some_and(|a| a.contains(l) && !l.is_empty()))
                {
                    format!("{l}\n")
                } else {
                    format!("> {l}\n")
                }
            })
            .collect::<String>()
    );
    let gmail_english = format!(
        "On Tue, 3 Mar 2026 at 10:02, M. Docent <m.docent@school.example> wrote:\n{}\n\
         -- \nJoop\n",
        quoted(&filled, "> ")
    );
    let outlook_top_posted = format!(
        "Goedemorgen,\r\n\r\nIngevuld terug.\r\n\r\nMet vriendelijke groet,\r\nJoop Jansen\r\n\r\n\
         -----Oorspronkelijk bericht-----\r\nVan: M. Docent <m.docent@school.example>\r\n\
         Verzonden: dinsdag 3 maart 2026 10:02\r\nAan: Joop Jansen\r\n\
         Onderwerp: Voorbereiding tussentijds gesprek\r\n\r\n{}",
        filled.replace('\n', "\r\n")
    );
    let outlook_english = format!(
        "Please find my answers below.\r\n\r\n-----Original Message-----\r\n\
         From: M. Docent\r\nSent: Tuesday, 3 March 2026 10:02\r\n\r\n{}",
        filled.replace('\n', "\r\n")
    );
    let wrapped_and_quoted = format!(
        "Zie hieronder.\n\nOp 3 mrt 2026 schreef M. Docent:\n{}",
        wrapped(&filled, 30, "> ")
    );
    let nested = format!(
        "Doorgestuurd, ingevuld.\n\n{}",
        quoted(&quoted(&filled, "> "), "> ")
            .replace("> > ", "> >\t")
            .replace("Hoe ontwikkelt de", "Hoe\u{a0}ontwikkelt de")
    );
    let renumbered_and_on_the_same_line = filled
        .replace(
            "1. Hoe ontwikkelt de student zich volgens u?\n",
            "1) Hoe ontwikkelt de student zich volgens u? ",
        )
        .replace("2. Aan", "2) Aan");
    let filled_on_top_and_original_below = format!(
        "{filled}\n-- \nJoop\n\n-----Original Message-----\n{}",
        blank
    );
    let signature_inside_the_form = filled.replace(
        "===== stagegesprek: einde",
        "-- \nJoop Jansen | Bakkerij De Molen | 012-3456789\n\n===== stagegesprek: einde",
    );
    let no_markers_survived = filled
        .lines()
        .filter(|l| !l.starts_with("====="))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        + "\n-- \nJoop\n";
    // The form went out in Dutch, but the English questions were pasted back (a colleague's
    // copy): matched all the same.
    let english_questions_under_a_dutch_label = english_filled.replace("Form: ", "Formulier: ");

    let cases: &[(&str, &str, Lang)] = &[
        ("gmail, inline answers", &gmail, Lang::Nl),
        (
            "gmail in English, whole form quoted",
            &gmail_english,
            Lang::Nl,
        ),
        ("outlook top-posted, CRLF", &outlook_top_posted, Lang::Nl),
        ("outlook in English", &outlook_english, Lang::Nl),
        ("wrapped at 30 and quoted", &wrapped_and_quoted, Lang::Nl),
        ("quoted twice, tab and nbsp", &nested, Lang::Nl),
        (
            "1) and an answer on the question's line",
            &renumbered_and_on_the_same_line,
            Lang::Nl,
        ),
        (
            "filled copy on top, original below",
            &filled_on_top_and_original_below,
            Lang::Nl,
        ),
        (
            "signature inside the form",
            &signature_inside_the_form,
            Lang::Nl,
        ),
        (
            "markers lost by a word processor",
            &no_markers_survived,
            Lang::Nl,
        ),
        (
            "the other language's questions",
            &english_questions_under_a_dutch_label,
            Lang::En,
        ),
        ("an English form", &english_filled, Lang::En),
    ];
    for (name, reply, lang) in cases {
        let reply_read = parse_reply(reply).unwrap_or_else(|p| panic!("{name}: {p:?}\n{reply}"));
        assert_eq!(reply_read.placement, placement.id, "{name}");
        assert_eq!(reply_read.moment, Moment::Midway, "{name}");
        assert_eq!(reply_read.language, *lang, "{name}");
        assert_eq!(
            reply_read.prepared,
            Prepared::Trainer(trainer_prep()),
            "{name}\n{reply}"
        );
    }
}

#[test]
fn what_is_not_a_filled_form_is_named_as_such() {
    let (_tmp, store) = store();
    let placement = sanne(&store);
    let blank = form(&placement, Moment::Midway, Preparer::Trainer, Lang::Nl);
    let filled = filled_trainer_form(&placement);
    assert_eq!(
        parse_reply("Hoi, ik kan donderdag niet. Groet, Joop"),
        Err(ReplyProblem::NotAForm)
    );
    assert_eq!(parse_reply(""), Err(ReplyProblem::NotAForm));
    assert_eq!(parse_reply(&blank), Err(ReplyProblem::NothingAnswered));
    // Only "no" for every strategy and nothing else: nothing was answered.
    let only_no = fill_in(
        &blank,
        &[
            (NL_SHOWING, Some("nee")),
            (NL_ENTRUSTING, Some("Nee.")),
            ("Heeft u nog een ander voorbeeld?", Some("-")),
        ],
    );
    assert_eq!(parse_reply(&only_no), Err(ReplyProblem::NothingAnswered));
    assert_eq!(
        parse_reply_for(&filled, Some(Moment::Final)),
        Err(ReplyProblem::OtherMoment {
            asked: Moment::Final,
            found: Moment::Midway
        })
    );
    assert!(parse_reply_for(&filled, Some(Moment::Midway)).is_ok());
    for tampered in [
        filled.replace(&placement.id, "../../etc"),
        filled.replace("/ tussentijds gesprek /", "/ volgende week /"),
        filled.replace("/ praktijkopleider", "/ directeur"),
    ] {
        assert_eq!(parse_reply(&tampered), Err(ReplyProblem::BadIdentification));
    }
    assert_eq!(parse_reply("PNG\0\0\0IHDR"), Err(ReplyProblem::NotText));
}

const NL_SHOWING: &str = "Voordoen: heeft u dit gedaan, en zo ja, bij welk werk?";
const NL_ENTRUSTING: &str = "Toevertrouwen: heeft u dit gedaan, en zo ja, met welk werk?";

#[test]
fn the_mailto_link_carries_the_whole_form() {
    let (_tmp, store) = store();
    let placement = sanne(&store);
    let blank = form(&placement, Moment::Start, Preparer::Trainer, Lang::Nl);
    let url = mailto_url(
        &placement.trainer_email,
        "Voorbereiding startgesprek",
        &blank,
    );
    assert!(
        url.starts_with("mailto:joop@demolen.example?subject=Voorbereiding%20startgesprek&body=")
    );
    assert!(!url.contains(' ') && !url.contains('\n'));
    assert!(url.contains("%0D%0A"));
}

// ---- storage ---------------------------------------------------------------------------

#[test]
fn preparations_are_stored_per_moment_and_preparer_and_read_back() {
    let (_tmp, store) = store();
    let placement = sanne(&store);
    let id = &placement.id;
    assert_eq!(store.preparations(id, Moment::Midway), (None, None));
    let trainer = Prepared::Trainer(trainer_prep());
    let path = store
        .save_preparation(id, Moment::Midway, &trainer, PrepSource::Program)
        .unwrap();
    assert_eq!(
        path,
        store.placement_dir(id).join("midway.trainer.prep.yaml")
    );
    let student = Prepared::Student(student_prep());
    store
        .save_preparation(id, Moment::Midway, &student, PrepSource::Program)
        .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("schema_version: 2\n"), "{text}");
    assert!(text.contains("source: program"), "{text}");
    assert!(text.ends_with("end_of_file: true\n"), "{text}");
    assert_eq!(
        store
            .preparation(id, Moment::Midway, Preparer::Trainer)
            .unwrap(),
        Some(trainer)
    );
    assert_eq!(
        store.preparations(id, Moment::Midway),
        (Some(trainer_prep()), Some(student_prep()))
    );
    assert_eq!(store.preparations(id, Moment::Final), (None, None));
    // Saving again keeps the earlier one in set-aside.
    let mut changed = trainer_prep();
    changed.answers[0].text = "Gaat hard vooruit.".into();
    store
        .save_preparation(
            id,
            Moment::Midway,
            &Prepared::Trainer(changed),
            PrepSource::Program,
        )
        .unwrap();
    let kept = fs::read_dir(store.placement_dir(id).join("set-aside"))
        .unwrap()
        .count();
    assert_eq!(kept, 1);
}

#[test]
fn a_cut_off_or_copied_preparation_is_reported_not_read() {
    let (_tmp, store) = store();
    let placement = sanne(&store);
    let id = &placement.id;
    let path = store
        .save_preparation(
            id,
            Moment::Start,
            &Prepared::Trainer(trainer_prep()),
            PrepSource::Program,
        )
        .unwrap();
    let whole = fs::read_to_string(&path).unwrap();
    fs::write(&path, whole.replace("end_of_file: true\n", "")).unwrap();
    let error = store
        .preparation(id, Moment::Start, Preparer::Trainer)
        .unwrap_err();
    assert!(matches!(
        error,
        StoreError::Damaged {
            damage: Damage::Incomplete,
            ..
        }
    ));
    assert_eq!(store.preparations(id, Moment::Start), (None, None));
    assert_eq!(store.preparation_errors(id).len(), 1);
    // The start preparation copied in as the midway one.
    fs::write(&path, &whole).unwrap();
    fs::copy(
        &path,
        store.preparation_path(id, Moment::Midway, Preparer::Trainer),
    )
    .unwrap();
    let error = store
        .preparation(id, Moment::Midway, Preparer::Trainer)
        .unwrap_err();
    assert!(
        matches!(&error, StoreError::Damaged { damage: Damage::Misplaced { found }, .. } if found.ends_with("/start/trainer")),
        "{error:?}"
    );
    let t = Lang::Nl.texts();
    assert!(error.describe(t).contains("midway.trainer.prep.yaml"));
}

#[test]
fn preparation_files_do_not_confuse_the_list_of_meetings() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = run(
        &data,
        &["demo-data", data.to_str().unwrap(), "--placements", "3"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = run(&data, &["list", "--json"]);
    let store = Store::open(&data).unwrap();
    let (placements, _) = store.placements();
    for placement in &placements {
        for moment in Moment::ALL {
            store
                .save_preparation(
                    &placement.id,
                    moment,
                    &Prepared::Trainer(trainer_prep()),
                    PrepSource::Form,
                )
                .unwrap();
        }
        // A damaged one and a left-over temp file of an interrupted write, too.
        let dir = store.placement_dir(&placement.id);
        fs::write(dir.join("final.student.prep.yaml"), "\0\0\0").unwrap();
        fs::write(dir.join(".start.student.prep.yaml.Ab12Cd"), "cut off").unwrap();
    }
    // The first run narrows the permissions of the files written here, and says so.
    run(&data, &["list", "--json"]);
    let after = run(&data, &["list", "--json"]);
    assert_eq!(after.status.code(), Some(0));
    // Only the overview's `prepared` says anything new: the trainer prepared the next one.
    let without_prepared = |out: &Output| {
        let mut list: serde_json::Value = serde_json::from_str(&stdout(out)).unwrap();
        let mut prepared = Vec::new();
        for item in list.as_array_mut().unwrap() {
            prepared.push(item.as_object_mut().unwrap().remove("prepared").unwrap());
        }
        (list, prepared)
    };
    let (before_list, before_prepared) = without_prepared(&before);
    let (after_list, after_prepared) = without_prepared(&after);
    assert_eq!(after_list, before_list);
    assert!(before_prepared.iter().all(|p| p == &serde_json::json!([])));
    assert!(
        after_prepared
            .iter()
            .all(|p| p == &serde_json::json!(["trainer"]))
    );
    assert_eq!(stderr(&after), stderr(&before));
    for placement in &placements {
        let (records, errors) = store.records(&placement.id);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(records.len() <= 3);
        // Opening a meeting deals with its own temp files only.
        let _claim = store.claim_meeting(&placement.id, Moment::Start).unwrap();
        let leftovers = store
            .take_in_leftovers(&placement.id, Moment::Start)
            .unwrap();
        assert_eq!(leftovers.removed, 0);
        assert!(leftovers.set_aside.is_empty());
        assert!(
            store
                .placement_dir(&placement.id)
                .join(".start.student.prep.yaml.Ab12Cd")
                .exists()
        );
    }
}

// ---- the command line ------------------------------------------------------------------

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file and folder under `dir` with its bytes, so two moments can be compared whole.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(here) = todo.pop() {
        for entry in fs::read_dir(&here).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let rel = path.strip_prefix(dir).unwrap().to_path_buf();
            if meta.is_dir() {
                out.insert(rel, None);
                todo.push(path);
            } else {
                out.insert(rel, Some(fs::read(&path).unwrap()));
            }
        }
    }
    out
}

/// A data folder with one placement; returns the folder and the placement.
fn data_with_sanne(tmp: &Path) -> (PathBuf, Placement) {
    let data = tmp.join("data");
    let store = Store::open(&data).unwrap();
    let placement = sanne(&store);
    (data, placement)
}

#[test]
fn prepare_form_and_import_through_the_real_program() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, placement) = data_with_sanne(tmp.path());
    let out = run(
        &data,
        &["prepare-form", &placement.id, "--moment", "tussentijds"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let blank = stdout(&out);
    assert!(blank.contains(&format!(
        "Formulier: {} / tussentijds gesprek / praktijkopleider",
        placement.id
    )));
    assert!(blank.contains("Waarin is de student gegroeid, als je naar de leerdoelen kijkt?"));

    // The student's form, into a file.
    let form_file = tmp.path().join("student.txt");
    let out = run(
        &data,
        &[
            "prepare-form",
            &placement.id,
            "--moment",
            "eind",
            "--role",
            "student",
            "-o",
            form_file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::read_to_string(&form_file)
            .unwrap()
            .contains("/ eindgesprek / student")
    );
    // Never into the data folder.
    let inside = data.join("form.txt");
    let out = run(
        &data,
        &[
            "prepare-form",
            &placement.id,
            "--moment",
            "start",
            "-o",
            inside.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!inside.exists());

    let reply = tmp.path().join("reply.txt");
    fs::write(
        &reply,
        filled_trainer_form(&placement).replace('\n', "\r\n"),
    )
    .unwrap();
    let out = run(&data, &["import", reply.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("praktijkopleider") && said.contains("het tussentijdse gesprek"),
        "{said}"
    );
    assert!(said.contains("midway.trainer.prep.yaml"), "{said}");
    let store = Store::open(&data).unwrap();
    let (Some(stored), None) = store.preparations(&placement.id, Moment::Midway) else {
        panic!("not stored");
    };
    assert_eq!(stored.answers, trainer_prep().answers);
    assert!(stored.prepared_on.is_some());
    let text = fs::read_to_string(store.preparation_path(
        &placement.id,
        Moment::Midway,
        Preparer::Trainer,
    ))
    .unwrap();
    assert!(
        text.contains("source: form")
            && text.contains("imported_at:")
            && text.contains("language: nl"),
        "{text}"
    );

    // Replacing on purpose keeps the earlier one.
    let out = run(&data, &["import", reply.to_str().unwrap(), "--replace"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read_dir(store.placement_dir(&placement.id).join("set-aside"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn the_trainer_form_follows_the_trainers_language() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = Store::open(&data).unwrap();
    let placement = store
        .create_placement(Placement {
            student: "Milan Bos".into(),
            company: "Garage Zuidkant".into(),
            trainer_language: Some(Lang::En),
            ..Placement::default()
        })
        .unwrap();
    let out = run(&data, &["prepare-form", &placement.id, "--moment", "start"]);
    assert!(stdout(&out).contains("What do you expect of this student during the placement?"));
    let out = run(
        &data,
        &[
            "prepare-form",
            &placement.id,
            "--moment",
            "start",
            "--role",
            "student",
        ],
    );
    assert!(stdout(&out).contains("Wat wil je hier leren, en wanneer wil je dat kunnen?"));
}

#[test]
fn every_refused_import_leaves_the_data_folder_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, placement) = data_with_sanne(tmp.path());
    let filled = filled_trainer_form(&placement);
    let first = tmp.path().join("first.txt");
    fs::write(&first, &filled).unwrap();
    let out = run(&data, &["import", first.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let blank = form(&placement, Moment::Midway, Preparer::Trainer, Lang::Nl);
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend([0xff, 0xfe, 0x00, 0x80]);
    let cases: Vec<(&str, Vec<u8>, Vec<&str>, &str)> = vec![
        (
            "unknown placement",
            filled
                .replace(&placement.id, "kees-smit-nergens")
                .into_bytes(),
            vec![],
            "kees-smit-nergens",
        ),
        (
            "another moment than asked",
            filled.clone().into_bytes(),
            vec!["--moment", "eindgesprek"],
            "niet voor het eindgesprek",
        ),
        (
            "nothing answered",
            blank.into_bytes(),
            vec![],
            "geen enkele vraag",
        ),
        (
            "a second import without --replace",
            filled.clone().into_bytes(),
            vec![],
            "--replace",
        ),
        (
            "not a form",
            b"Hoi Marieke, donderdag past mij niet. Groet, Joop\n".to_vec(),
            vec![],
            "Formulier",
        ),
        ("a binary file", png, vec![], "geen platte tekst"),
        (
            "a tampered placement",
            filled.replace(&placement.id, "../../../etc").into_bytes(),
            vec![],
            "onleesbaar",
        ),
    ];
    for (name, bytes, extra, says) in cases {
        let file = tmp.path().join("reply");
        fs::write(&file, &bytes).unwrap();
        let before = tree(&data);
        let mut args = vec!["import", file.to_str().unwrap()];
        args.extend(extra);
        let out = run(&data, &args);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stdout(&out));
        let message = stderr(&out);
        assert_eq!(message.lines().count(), 1, "{name}: {message}");
        assert!(message.contains(says), "{name}: {message}");
        assert!(message.contains("niets veranderd"), "{name}: {message}");
        assert!(stdout(&out).is_empty(), "{name}");
        assert!(tree(&data) == before, "{name} changed the data folder");
    }

    // The second import is refused with the date of the first.
    let out = run(&data, &["import", first.to_str().unwrap()]);
    let today = Lang::Nl.texts().date(chrono::Local::now().date_naive());
    assert!(stderr(&out).contains(&today), "{}", stderr(&out));
}

#[test]
fn a_reply_can_come_in_on_standard_input() {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let tmp = tempfile::tempdir().unwrap();
    let (data, placement) = data_with_sanne(tmp.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(["import", "-", "--lang", "en"])
        .env("STAGEGESPREK_DATA_DIR", &data)
        .env("STAGEGESPREK_CONFIG_DIR", data.join("no-config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let student = fill_in(
        &form(&placement, Moment::Start, Preparer::Student, Lang::Nl),
        &answers(Preparer::Student, Lang::Nl),
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(student.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with(
            "Stored the student's preparation for the first meeting with Sanne de Vries"
        )
    );
    let store = Store::open(&data).unwrap();
    let (None, Some(stored)) = store.preparations(&placement.id, Moment::Start) else {
        panic!("not stored");
    };
    assert_eq!(
        stored.answer(PrepQuestion::Ask),
        student_prep().answer(PrepQuestion::Ask)
    );
}

#[test]
fn an_unknown_placement_is_refused_by_the_store_too() {
    let (_tmp, store) = store();
    let placement = sanne(&store);
    let mut reply = parse_reply(&filled_trainer_form(&placement)).unwrap();
    reply.placement = "niemand".into();
    let error = store.import_reply(&reply, true).unwrap_err();
    assert!(matches!(
        error,
        StoreError::Refused {
            reason: Refusal::UnknownPlacement { .. },
            ..
        }
    ));
}

#[test]
fn a_damaged_earlier_preparation_is_replaced_only_when_asked_and_then_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, placement) = data_with_sanne(tmp.path());
    let store = Store::open(&data).unwrap();
    let prep = store.preparation_path(&placement.id, Moment::Midway, Preparer::Trainer);
    fs::write(&prep, "schema_version: 1\nplacement: sanne").unwrap();
    let reply = tmp.path().join("reply.txt");
    fs::write(&reply, filled_trainer_form(&placement)).unwrap();
    run(&data, &["list"]); // narrows the permissions of the file written above
    let before = tree(&data);
    let out = run(&data, &["import", reply.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--replace"), "{}", stderr(&out));
    assert!(tree(&data) == before);

    let out = run(&data, &["import", reply.to_str().unwrap(), "--replace"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let aside: Vec<_> = fs::read_dir(store.placement_dir(&placement.id).join("set-aside"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(
        aside,
        vec!["schema_version: 1\nplacement: sanne".to_string()]
    );
    assert!(
        store
            .preparations(&placement.id, Moment::Midway)
            .0
            .is_some()
    );
}
