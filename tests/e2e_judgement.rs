//! The trainer's final judgement through the real binary: the final form written, filled in
//! as a mail reply, imported, and opening key 3 of the final meeting in a real terminal; the
//! question for the student alone waiting in part 7.

use std::process::Command;

#[path = "tmux/mod.rs"]
mod tmux_common;
use tmux_common::Tmux;

const SEM: &str = "sem-hoekstra-hotel-de-zeven-duinen";

fn run(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .env("STAGEGESPREK_DATA_DIR", data)
        .env("STAGEGESPREK_CONFIG_DIR", data.join("config"))
        .env("LANG", "C.UTF-8")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_final_judgement_sent_by_mail_opens_key_3_of_the_final_meeting() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert!(
        run(&data, &["demo-data", data.to_str().unwrap()])
            .status
            .success()
    );
    let form = run(&data, &["prepare-form", SEM, "--moment", "eind"]);
    assert!(form.status.success(), "{form:?}");
    let form = String::from_utf8(form.stdout).unwrap();
    // Replied to from a mail program: quoted, each answer typed under its question.
    let mut reply = String::from("Hierbij mijn inschatting.\n\n");
    for line in form.lines() {
        reply.push_str(&format!("> {line}\n"));
        let answer = match line.split_once(". ").map(|(n, _)| n) {
            Some("1") => "Draait de ontbijtdienst helemaal alleen.",
            Some("2") => "Zondag veertig gasten tegelijk, zonder hulp.",
            Some("3") => "Vraagt te laat om hulp.",
            Some("5") => "Elke ochtend eerst samen beginnen.",
            _ => continue,
        };
        reply.push_str(answer);
        reply.push('\n');
    }
    let file = tmp.path().join("antwoord.txt");
    std::fs::write(&file, reply).unwrap();
    let imported = run(&data, &["import", file.to_str().unwrap()]);
    assert!(imported.status.success(), "{imported:?}");

    let tmux = Tmux::start(&data, &["meet", SEM, "--moment", "eind"]);
    tmux.wait_for("Eindgesprek");
    tmux.keys(&["C-g", "3"]);
    tmux.wait_for("Eindinschatting (");
    let screen = tmux.screen();
    assert!(screen.contains("Kan nu zelfstandig: Draait"), "{screen}");
    assert!(screen.contains("Nog werk aan: Vraagt te laat"), "{screen}");
    assert!(screen.contains("▸ Zondag veertig gasten"), "{screen}");
    assert!(!screen.contains("geen eindinschatting"), "{screen}");
    // How the student really felt is asked at the end, alone, in part 7 (that key 1 leaves it
    // out is checked page by page in `app_meeting`).
    tmux.keys(&["C-g", "7"]);
    tmux.wait_for("Alleen met de student:");
    assert!(
        tmux.screen().contains("veilig voelde?"),
        "{}",
        tmux.screen()
    );
    assert_eq!(tmux.quit(), "0");
}
