//! The command-line contract, run on the real binary: output, files and exit codes.

#[path = "common/cli.rs"]
mod cli_common;
use cli_common::run;
use std::path::Path;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A placement of the demo data with all three meetings held, as `list --json` gives it.
fn fully_held(data: &Path) -> serde_json::Value {
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&run(data, &["list", "--json"]))).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|i| i["moments_held"] == 3)
        .cloned()
        .unwrap()
}

fn demo(dir: &Path, n: usize) {
    let out = run(
        dir,
        &[
            "demo-data",
            dir.to_str().unwrap(),
            "--placements",
            &n.to_string(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn demo_data_then_list_shows_every_placement() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 7);
    let out = run(tmp.path(), &["list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 7, "{text}");
    assert!(text.contains("3/3"), "{text}");
    assert!(text.contains("0/3"), "{text}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(tmp.path(), &["list", "--json"]))).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 7);
    for item in items {
        for field in [
            "id",
            "student",
            "company",
            "moments_held",
            "open_agreements",
            "next_moment",
            "next_due",
            "overdue",
            "on_site_held",
            "places",
            "prepared",
            "concern",
        ] {
            assert!(item.get(field).is_some(), "{field} missing in {item}");
        }
    }
    assert!(items.iter().any(|i| i["moments"]["midway"] == "draft"));
    assert!(items.iter().any(|i| i["moments_held"] == 3));
}

/// The demo placement of `student`, as `list --json` gives it.
fn listed(data: &Path, student: &str) -> serde_json::Value {
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&run(data, &["list", "--json"]))).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|i| i["student"] == student)
        .cloned()
        .unwrap_or_else(|| panic!("{student} not listed: {list}"))
}

#[test]
fn list_tells_which_visit_is_next_and_what_needs_attention() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 6);
    let is_iso_date = |v: &serde_json::Value| {
        v.as_str()
            .is_some_and(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
    };

    // Nothing held, the start meeting late.
    let daan = listed(tmp.path(), "Daan el Amrani");
    assert_eq!(daan["next_moment"], "start");
    assert!(is_iso_date(&daan["next_due"]), "{daan}");
    assert_eq!(daan["overdue"], true);
    assert_eq!(daan["on_site_held"], false);
    assert_eq!(daan["prepared"], serde_json::json!([]));
    // Start and midway held online: the final is the last chance for a visit.
    let sem = listed(tmp.path(), "Sem Hoekstra");
    assert_eq!(sem["next_moment"], "final");
    assert_eq!(sem["on_site_held"], false);
    assert_eq!(sem["places"]["midway"], "online");
    assert_eq!(sem["places"]["final"], serde_json::Value::Null);
    // The trainer's form is in for the midway meeting.
    let milan = listed(tmp.path(), "Milan van Dijkhuis");
    assert_eq!(milan["next_moment"], "midway");
    assert_eq!(milan["prepared"], serde_json::json!(["trainer"]));
    assert_eq!(milan["on_site_held"], true);
    // A concern was flagged at the start.
    assert_eq!(listed(tmp.path(), "Liv de Klerk")["concern"], true);
    assert_eq!(milan["concern"], false);
    // All three held: nothing next, nothing due.
    let yara = listed(tmp.path(), "Yara Yilmaz");
    assert_eq!(yara["next_moment"], serde_json::Value::Null);
    assert_eq!(yara["next_due"], serde_json::Value::Null);
    assert_eq!(yara["overdue"], false);

    let text = stdout(&run(tmp.path(), &["list"]));
    let line = |student: &str| {
        text.lines()
            .find(|l| l.contains(student))
            .unwrap_or_else(|| panic!("{student}: {text}"))
            .to_string()
    };
    assert!(
        line("Daan").contains("volgende: startgesprek uiterlijk "),
        "{text}"
    );
    assert!(line("Daan").contains("te laat"), "{text}");
    assert!(line("Sem").contains("nog geen bezoek op locatie"), "{text}");
    assert!(line("Liv").contains("⚑ zorg gemeld"), "{text}");
    assert!(line("Yara").contains("alle gesprekken gehouden"), "{text}");
    assert!(!line("Noor").contains("te laat"), "{text}");
}

#[test]
fn a_concern_never_leaves_in_a_shared_export() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 6);
    let liv = listed(tmp.path(), "Liv de Klerk");
    let record = format!("{}/start", liv["id"].as_str().unwrap());
    // The record itself keeps it, for the teacher.
    let yaml = stdout(&run(tmp.path(), &["show", &record, "--format", "yaml"]));
    assert!(yaml.contains("concern:"), "{yaml}");
    assert!(yaml.contains("schoonmaakwerk"), "{yaml}");

    let elsewhere = tempfile::tempdir().unwrap();
    for lang in ["nl", "en"] {
        let out_file = elsewhere.path().join(format!("gedeeld-{lang}.md"));
        let out = run(
            tmp.path(),
            &[
                "--lang",
                lang,
                "export",
                &record,
                "--shared",
                "-o",
                out_file.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let shared = std::fs::read_to_string(&out_file).unwrap();
        assert!(shared.contains("## 1. Leerprocessen"), "{shared}");
        for private in [
            "schoonmaakwerk",
            "stagecoördinator",
            "staat vaak alleen",
            "unfit_work",
            "insufficient_guidance",
            "⚑",
        ] {
            assert!(!shared.contains(private), "{private} in {shared}");
        }
    }
}

#[test]
fn the_concerns_note_is_in_the_teachers_own_record_and_export() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 6);
    let liv = listed(tmp.path(), "Liv de Klerk");
    let record = format!("{}/start", liv["id"].as_str().unwrap());
    let note = "Doet vooral schoonmaakwerk en staat vaak alleen";
    let shown = stdout(&run(tmp.path(), &["show", &record, "--format", "md"]));
    assert!(shown.contains("Toelichting bij het zorgsignaal"), "{shown}");
    assert!(shown.contains(note), "{shown}");
    let elsewhere = tempfile::tempdir().unwrap();
    let out_file = elsewhere.path().join("volledig.md");
    let out = run(
        tmp.path(),
        &["export", &record, "-o", out_file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let full = std::fs::read_to_string(&out_file).unwrap();
    assert!(full.contains(note), "{full}");
}

#[test]
fn demo_data_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("something"), "x").unwrap();
    let out = run(tmp.path(), &["demo-data", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("niet leeg"));
}

#[test]
fn show_and_export_a_held_record() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 6);
    let held = fully_held(tmp.path());
    let id = format!("{}/start", held["id"].as_str().unwrap());

    let yaml = run(tmp.path(), &["show", &id, "--format", "yaml"]);
    assert_eq!(yaml.status.code(), Some(0), "{}", stderr(&yaml));
    assert!(stdout(&yaml).starts_with("schema_version: 4"));
    let md = stdout(&run(tmp.path(), &["show", &id, "--format", "md"]));
    assert!(md.starts_with("# Startgesprek: "), "{md}");
    assert!(md.contains("Privénotities"), "{md}");

    // Exports go outside the data folder; inside it they are refused.
    let elsewhere = tempfile::tempdir().unwrap();
    let out_file = elsewhere.path().join("gedeeld.md");
    let out = run(
        tmp.path(),
        &["export", &id, "--shared", "-o", out_file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shared = std::fs::read_to_string(&out_file).unwrap();
    assert!(shared.contains("## 1. Leerprocessen"));
    assert!(!shared.contains("Privénotities"), "{shared}");
    assert!(!shared.contains("thuissituatie"), "{shared}");

    // A path works as well as an id, and English on request.
    let path = tmp
        .path()
        .join("placements")
        .join(held["id"].as_str().unwrap())
        .join("final.yaml");
    let md_en = stdout(&run(
        tmp.path(),
        &[
            "--lang",
            "en",
            "show",
            path.to_str().unwrap(),
            "--format",
            "md",
        ],
    ));
    // The record was held in Dutch, so it reads in Dutch whatever the interface language.
    assert!(md_en.starts_with("# Eindgesprek: "), "{md_en}");
    assert!(md_en.contains("## Afspraken"), "{md_en}");
    assert!(!md_en.contains("## Agreements"), "{md_en}");
}

#[test]
fn moments_can_be_named_in_dutch() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 6);
    let held = fully_held(tmp.path());
    let id = held["id"].as_str().unwrap();
    for (name, title) in [
        ("start", "# Startgesprek: "),
        ("startgesprek", "# Startgesprek: "),
        ("midway", "# Tussentijds gesprek: "),
        ("tussentijds", "# Tussentijds gesprek: "),
        ("Tussentijds", "# Tussentijds gesprek: "),
        ("midden", "# Tussentijds gesprek: "),
        ("final", "# Eindgesprek: "),
        ("eind", "# Eindgesprek: "),
        ("eindgesprek", "# Eindgesprek: "),
    ] {
        let out = run(
            tmp.path(),
            &["show", &format!("{id}/{name}"), "--format", "md"],
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(stdout(&out).starts_with(title), "{name}: {}", stdout(&out));
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let out_file = elsewhere.path().join("eind.md");
    let out = run(
        tmp.path(),
        &[
            "export",
            &format!("{id}/eind"),
            "--shared",
            "-o",
            out_file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&out_file)
            .unwrap()
            .starts_with("# Eindgesprek: ")
    );
    // `meet` takes the Dutch names too: without a terminal it fails (1), not on usage (2).
    for moment in ["tussentijds", "eind", "startgesprek", "midway"] {
        let out = run(tmp.path(), &["meet", id, "--moment", moment]);
        assert_eq!(out.status.code(), Some(1), "{moment}: {}", stderr(&out));
    }
    let out = run(tmp.path(), &["show", &format!("{id}/later")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn failures_say_one_line_and_exit_1() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = tempfile::tempdir().unwrap();
    // Private, as the program makes a data folder; a readable one would be narrowed, and said.
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let out = run(tmp.path(), &["show", "nobody/start"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).starts_with("stagegesprek: "));
    // Without a terminal the UI does not start at all (tests/cli_edges.rs has the rest).
    let out = run(tmp.path(), &["meet", "nobody", "--moment", "start"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        &["meet", "x", "--moment", "later"][..],
        &["frobnicate"],
        &["guide", "check"],
        &["--lang", "fr", "list"],
    ] {
        let out = run(tmp.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn guide_check_accepts_the_built_in_guides_and_points_at_mistakes() {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let nl = root.join("guides/nl.yaml");
    let en = root.join("guides/en.yaml");
    let ok = run(
        tmp.path(),
        &["guide", "check", nl.to_str().unwrap(), en.to_str().unwrap()],
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));

    let broken = tmp.path().join("kapot.yaml");
    let text =
        std::fs::read_to_string(&en)
            .unwrap()
            .replacen("language: en", "language: klingon", 1);
    std::fs::write(&broken, text).unwrap();
    let out = run(
        tmp.path(),
        &[
            "--lang",
            "en",
            "guide",
            "check",
            en.to_str().unwrap(),
            broken.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("{}:3:11: language 'klingon'", broken.display())),
        "{err}"
    );

    let twice = run(
        tmp.path(),
        &["guide", "check", en.to_str().unwrap(), en.to_str().unwrap()],
    );
    assert_eq!(twice.status.code(), Some(1));
    assert!(
        stderr(&twice).contains(":2:1: id 'standard-en'"),
        "{}",
        stderr(&twice)
    );
}

#[test]
fn a_broken_guide_in_the_config_folder_is_reported_not_used() {
    let tmp = tempfile::tempdir().unwrap();
    let guides = tmp.path().join("no-config/guides");
    std::fs::create_dir_all(&guides).unwrap();
    std::fs::write(guides.join("school.yaml"), "id: school\nlanguage: nl\n").unwrap();
    let data = tmp.path().join("data");
    let out = run(
        tmp.path(),
        &["demo-data", data.to_str().unwrap(), "--placements", "1"],
    );
    // The command still works, on the built-in guide, and names the broken file and line.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("wordt niet gebruikt: ")
            && err.contains("school.yaml:2:1: missing field `version`\n"),
        "{err}"
    );
}

#[test]
fn widened_permissions_are_narrowed_at_start_with_a_notice() {
    use std::fs::Permissions;
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo(&data, 1);
    let dir = std::fs::read_dir(data.join("placements"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let file = dir.join("placement.yaml");
    let set = |p: &Path, m: u32| std::fs::set_permissions(p, Permissions::from_mode(m)).unwrap();
    set(&file, 0o644);
    set(&dir, 0o755);
    let out = run(&data, &["list"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("rechten van 2"), "{}", stderr(&out));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!((mode(&file), mode(&dir)), (0o600, 0o700));
    // Once repaired there is nothing more to say.
    let again = run(&data, &["list"]);
    assert!(!stderr(&again).contains("rechten"), "{}", stderr(&again));
}

#[test]
fn the_permission_repair_narrows_everything_the_program_keeps() {
    use std::fs::Permissions;
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo(&data, 2);
    // A placement taken out of the list, with its records and private notes, and a form
    // left unfinished: as after a restore from a backup that lost the permissions.
    let store = stagegesprek::store::Store::open(&data).unwrap();
    let first = store.placements().0[0].id.clone();
    let removed = store.remove_placement(&first).unwrap();
    let record = std::fs::read_dir(&removed)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_file())
        .unwrap();
    let form = data.join("new-placement.draft.yaml");
    std::fs::write(&form, "student: Fenna Voorbeeld\n").unwrap();
    let set = |p: &Path, m: u32| std::fs::set_permissions(p, Permissions::from_mode(m)).unwrap();
    let widened = [
        (data.clone(), 0o755),
        (data.join("set-aside"), 0o755),
        (data.join("set-aside/removed"), 0o755),
        (removed.clone(), 0o755),
        (record.clone(), 0o644),
        (form.clone(), 0o644),
    ];
    for (path, mode) in &widened {
        set(path, *mode);
    }
    let out = run(&data, &["list"]);
    assert!(out.status.success(), "{out:?}");
    assert!(stderr(&out).contains("rechten van 6"), "{}", stderr(&out));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for (path, widened) in &widened {
        let wanted = if *widened == 0o755 { 0o700 } else { 0o600 };
        assert_eq!(mode(path), wanted, "{}", path.display());
    }
}

#[test]
fn a_file_of_the_wrong_kind_is_named_with_what_to_type_instead() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 6);
    let placements = tmp.path().join("placements");
    let noor = placements.join("noor-verbeek-bakkerij-het-zonnige-deeg");
    let milan = placements.join("milan-van-dijkhuis-tuincentrum-de-groene-duim");
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let placement = path(&noor.join("placement.yaml"));
    let record = path(&noor.join("start.yaml"));
    let draft = path(&noor.join("midway.draft.yaml"));
    let prep = path(&milan.join("midway.trainer.prep.yaml"));
    let guide = path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("guides/nl.yaml"));
    let elsewhere = tempfile::tempdir().unwrap();
    let form = path(&elsewhere.path().join("formulier.txt"));
    let out = run(
        tmp.path(),
        &[
            "prepare-form",
            "noor-verbeek-bakkerij-het-zonnige-deeg",
            "--moment",
            "midway",
            "-o",
            &form,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let export_to = path(&elsewhere.path().join("x.md"));
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["show", &placement],
            format!(
                "{placement} is de gegevens van een stageplaats, geen gespreksverslag; typ in plaats daarvan: stagegesprek show noor-verbeek-bakkerij-het-zonnige-deeg/start"
            ),
        ),
        (
            vec!["export", &placement, "-o", &export_to],
            "typ in plaats daarvan: stagegesprek show noor-verbeek-bakkerij-het-zonnige-deeg/start"
                .into(),
        ),
        (
            vec!["show", &prep],
            format!(
                "{prep} is een voorbereiding die al bewaard is, geen gespreksverslag; typ in plaats daarvan: stagegesprek meet milan-van-dijkhuis-tuincentrum-de-groene-duim --moment midway"
            ),
        ),
        (
            vec!["show", &guide],
            format!(
                "een gespreksleidraad, geen gespreksverslag; typ in plaats daarvan: stagegesprek guide check {guide}"
            ),
        ),
        (
            vec!["show", &form],
            format!(
                "een voorbereidingsformulier, geen gespreksverslag; typ in plaats daarvan: stagegesprek import {form}"
            ),
        ),
        (
            vec!["import", &record],
            format!(
                "{record} is een gespreksverslag, geen ingevuld voorbereidingsformulier; typ in plaats daarvan: stagegesprek show {record}"
            ),
        ),
        (
            vec!["import", &draft],
            format!(
                "een gesprek dat nog niet af is, geen ingevuld voorbereidingsformulier; typ in plaats daarvan: stagegesprek show {draft}"
            ),
        ),
        (
            vec!["import", &placement],
            "de gegevens van een stageplaats, geen ingevuld".into(),
        ),
        (
            vec!["guide", "check", &record],
            format!(
                "een gespreksverslag, geen gespreksleidraad; typ in plaats daarvan: stagegesprek show {record}"
            ),
        ),
        (
            vec!["guide", "check", &placement],
            "de gegevens van een stageplaats, geen gespreksleidraad".into(),
        ),
    ];
    for (args, said) in cases {
        let out = run(tmp.path(), &args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(&said), "{args:?}: {err}");
        assert!(!err.contains("field"), "{args:?}: {err}");
    }
    // In English too.
    let out = run(tmp.path(), &["--lang", "en", "show", &placement]);
    assert!(
        stderr(&out).contains("is a placement's details, not a meeting record; type instead: stagegesprek show noor-verbeek-bakkerij-het-zonnige-deeg/start"),
        "{}",
        stderr(&out)
    );
    // The right kind still works: a draft can be shown.
    let out = run(tmp.path(), &["show", &draft]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!elsewhere.path().join("x.md").exists());
}

#[test]
fn what_the_operating_system_says_is_said_in_dutch_with_the_path() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 2);
    let elsewhere = tempfile::tempdir().unwrap();
    let folder = elsewhere.path().to_str().unwrap().to_string();
    let out = run(tmp.path(), &["import", &folder]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "kan {folder} niet lezen: dat is een map, geen bestand ("
        )),
        "{err}"
    );
    let missing = elsewhere.path().join("bestaat-niet");
    let out = run(
        tmp.path(),
        &[
            "export",
            "noor-verbeek-bakkerij-het-zonnige-deeg/start",
            "-o",
            missing.join("x.md").to_str().unwrap(),
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "kan {} niet schrijven: dat bestaat niet (",
            missing.display()
        )),
        "{err}"
    );
    let out = run(tmp.path(), &["--lang", "en", "import", &folder]);
    assert!(
        stderr(&out).contains("it is a folder, not a file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_without_a_file_name_goes_into_the_export_folder_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 2);
    let exports = tempfile::tempdir().unwrap();
    let config = tmp.path().join("no-config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.yaml"),
        format!("export_dir: {}\n", exports.path().join("stage").display()),
    )
    .unwrap();
    let record = "noor-verbeek-bakkerij-het-zonnige-deeg/start";
    let out = run(tmp.path(), &["export", record, "--shared"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    let file = exports.path().join("stage").join(format!(
        "{}-startgesprek-",
        record.trim_end_matches("/start")
    ));
    let line = said.trim_end();
    assert!(
        line.starts_with(&format!("Verslag geschreven: {}", file.display())),
        "{said}"
    );
    let written = Path::new(line.trim_start_matches("Verslag geschreven: "));
    assert!(written.is_absolute(), "{said}");
    assert!(written.to_str().unwrap().ends_with("-gedeeld.md"), "{said}");
    let text = std::fs::read_to_string(written).unwrap();
    assert!(text.contains("## 1. Leerprocessen"), "{text}");
    // Again, and the full version beside it: each its own file, the shared one replaced.
    assert_eq!(
        run(tmp.path(), &["export", record, "--shared"])
            .status
            .code(),
        Some(0)
    );
    let out = run(tmp.path(), &["export", record]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(exports.path().join("stage"))
            .unwrap()
            .count(),
        2
    );
    // As a page to print, beside them, under the same name.
    let out = run(
        tmp.path(),
        &["export", record, "--format", "html", "--shared"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = Path::new(
        stdout(&out)
            .trim_end()
            .trim_start_matches("Verslag geschreven: "),
    )
    .to_path_buf();
    assert_eq!(page, written.with_extension("html"));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<h2>1. Leerprocessen</h2>"), "{html}");
    assert!(
        !html.contains("<link") && !html.contains("src="),
        "self-contained: {html}"
    );
    // The placement's story, named for the placement.
    let out = run(tmp.path(), &["export", record, "--story"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let story = exports
        .path()
        .join("stage")
        .join("noor-verbeek-bakkerij-het-zonnige-deeg-verloop.html");
    assert!(
        stdout(&out).contains(&story.display().to_string()),
        "{}",
        stdout(&out)
    );
    assert!(
        std::fs::read_to_string(&story)
            .unwrap()
            .contains("Verloop: Noor Verbeek")
    );
    let out = run(tmp.path(), &["export", record, "--story", "--format", "md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("alleen als pagina om af te drukken"),
        "{}",
        stderr(&out)
    );
    let out = run(tmp.path(), &["export", "niemand-hier", "--story"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("geen stageplaats met id 'niemand-hier'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_reads_like_a_record_and_the_shared_export_names_the_guide_by_its_title() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 2);
    let record = "noor-verbeek-bakkerij-het-zonnige-deeg/start";
    let out = run(tmp.path(), &["show", record]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.starts_with("# Startgesprek: Noor Verbeek"), "{shown}");
    assert!(!shown.contains("schema_version"), "{shown}");
    let file = stdout(&run(tmp.path(), &["show", record, "--format", "yaml"]));
    assert!(file.starts_with("schema_version: "), "{file}");

    let elsewhere = tempfile::tempdir().unwrap();
    let out_file = elsewhere.path().join("gedeeld.md");
    let out = run(
        tmp.path(),
        &[
            "export",
            record,
            "--shared",
            "-o",
            out_file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shared = std::fs::read_to_string(&out_file).unwrap();
    assert!(
        shared.contains("| Gespreksleidraad | Stagegesprek volgens de vier sleutels (versie 3) |"),
        "{shared}"
    );
    assert!(!shared.contains("standaard-nl"), "{shared}");
}

#[test]
fn a_record_copied_into_another_placements_folder_is_not_shown_as_that_ones() {
    let tmp = tempfile::tempdir().unwrap();
    demo(tmp.path(), 6);
    let placements = tmp.path().join("placements");
    let noor = placements.join("noor-verbeek-bakkerij-het-zonnige-deeg");
    let copy = placements.join("kopie-van-noor");
    std::fs::create_dir(&copy).unwrap();
    for file in ["placement.yaml", "start.yaml"] {
        std::fs::copy(noor.join(file), copy.join(file)).unwrap();
    }
    let details = std::fs::read_to_string(copy.join("placement.yaml")).unwrap();
    let details = details.replace(
        "id: noor-verbeek-bakkerij-het-zonnige-deeg",
        "id: kopie-van-noor",
    );
    std::fs::write(copy.join("placement.yaml"), details).unwrap();
    for args in [
        vec!["show", "kopie-van-noor/start"],
        vec!["export", "kopie-van-noor/start", "-o", "-"],
    ] {
        let out = run(tmp.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
        assert!(!stdout(&out).contains("Noor Verbeek"), "{args:?}");
        assert!(
            stderr(&out).contains("andere stageplaats"),
            "{}",
            stderr(&out)
        );
    }
    // Noor's own record still shows, and a copy outside the data folder is what it says.
    let out = run(
        tmp.path(),
        &["show", "noor-verbeek-bakkerij-het-zonnige-deeg/start"],
    );
    assert!(stdout(&out).contains("Noor Verbeek"), "{}", stderr(&out));
    let elsewhere = tmp.path().join("mailed-start.yaml");
    std::fs::copy(noor.join("start.yaml"), &elsewhere).unwrap();
    let out = run(tmp.path(), &["show", elsewhere.to_str().unwrap()]);
    assert!(stdout(&out).contains("Noor Verbeek"), "{}", stderr(&out));
}
