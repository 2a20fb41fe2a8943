//! A company's view from the command line, as a team lead choosing where to place the next
//! student uses it.

mod common;

use std::process::Command;

use common::{example, new_placement, new_record};
use stagegesprek::domain::{Concern, ConcernKind, Moment, RecordStatus, Role, Strategy};

fn run(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn a_company_shows_its_placements_over_the_years_and_what_was_noted() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let (store, mut older) = new_placement(data, "Fenna Voorbeeld", "Bakkerij De Molen");
    older.trainer = "Joop Deeg".into();
    older.start = chrono::NaiveDate::from_ymd_opt(2025, 2, 1);
    let older = store.update_placement(&older).unwrap();
    let mut held = new_record(&older, Moment::Start, (2025, 2, 10));
    held.status = RecordStatus::Final;
    held.keys.learning_potential.notes = "Veel ruimte om zelf te bakken.".into();
    let mut shown = example("Deed het deeg voor.", Role::Trainer);
    shown.strategy = Some(Strategy::Showing);
    held.keys.guidance_choices.examples.push(shown);
    store.save_final(&older.id, Moment::Start, &held).unwrap();

    let (_, mut newer) = new_placement(data, "Bram Test", "bakkerij de molen ");
    newer.trainer = "Sanne Rijs".into();
    newer.start = chrono::NaiveDate::from_ymd_opt(2026, 9, 1);
    let newer = store.update_placement(&newer).unwrap();
    let mut worried = new_record(&newer, Moment::Start, (2026, 9, 8));
    worried.status = RecordStatus::Final;
    worried.concern = Some(Concern {
        kinds: vec![ConcernKind::InsufficientGuidance],
        note: "Vaak alleen.".into(),
    });
    store
        .save_final(&newer.id, Moment::Start, &worried)
        .unwrap();
    new_placement(data, "Iris Ander", "Garage De Molenwiek");

    let out = run(data, &["company", "Bakkerij De Molen"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Praktijkopleiders: Sanne Rijs, Joop Deeg"),
        "{text}"
    );
    let bram = text.find("Bram Test").unwrap();
    let fenna = text.find("Fenna Voorbeeld").unwrap();
    assert!(bram < fenna, "newest placement first:\n{text}");
    assert!(text.contains("Bram Test  1-9-2026"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("Bram Test") && l.contains('⚑')),
        "{text}"
    );
    assert!(
        !text.lines().any(|l| l.contains("Fenna") && l.contains('⚑')),
        "{text}"
    );
    assert!(text.contains("Veel ruimte om zelf te bakken."), "{text}");
    assert!(!text.contains("Garage"), "{text}");

    let out = run(data, &["company", "molen", "--json"]);
    assert!(!out.status.success(), "two companies hold 'molen'");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Typ meer van de naam"));

    let out = run(data, &["company", "bakkerij", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["placements"].as_array().unwrap().len(), 2);
    assert_eq!(json["strategies"]["showing"], 1);
    assert_eq!(json["concerns"][0], newer.id.as_str());
    assert_eq!(json["learning_potential"][0]["moment"], "start");

    let out = run(data, &["company", "Nergens BV"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Geen leerbedrijf gevonden"));
}
