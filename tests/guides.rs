//! Guide loading and checking: the built-in guides are complete, and a broken guide is
//! refused with the line and column of each mistake.

use stagegesprek::domain::guide_check::parse_guide;
use stagegesprek::domain::{CaptureKind, KeyId, Moment};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::guides::{BUILT_IN, Guides};

const EN: &str = include_str!("../guides/en.yaml");

fn issues_of(source: &str) -> Vec<(u64, u64, String)> {
    parse_guide(source)
        .expect_err("guide should be refused")
        .into_iter()
        .map(|i| (i.line, i.column, Lang::En.texts().guide_problem(&i.problem)))
        .collect()
}

/// Line and column (1-based) of the first occurrence of `needle` in `source`.
fn position_of(source: &str, needle: &str) -> (u64, u64) {
    let offset = source.find(needle).expect("needle in source");
    let before = &source[..offset];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() as u64 + 1;
    (line, column)
}

#[test]
fn built_in_guides_are_complete_in_both_languages() {
    let guides = Guides::load(None, Lang::Nl.texts());
    assert!(guides.broken.is_empty(), "{:?}", guides.broken);
    for lang in [Lang::Nl, Lang::En] {
        let guide = guides.for_language(lang).expect("a guide per language");
        for moment in Moment::ALL {
            assert!(!guide.moment(moment).purpose.is_empty());
            for key in KeyId::ALL {
                let k = guide.key(moment, key);
                assert!((3..=6).contains(&k.prompts.len()), "{moment:?} {key:?}");
                assert!(k.captures(CaptureKind::Notes) && k.captures(CaptureKind::Examples));
            }
            let guidance = guide.key(moment, KeyId::GuidanceChoices);
            assert!(guidance.captures(CaptureKind::Strategy));
            assert!(guidance.captures(CaptureKind::Recognition));
        }
    }
    let nl = guides.for_language(Lang::Nl).unwrap();
    assert_eq!(nl.moment(Moment::Start).title, "Startgesprek");
    assert_eq!(nl.key_title(KeyId::LearningPotential), "Leerpotentieel");
    assert_ne!(BUILT_IN[0].1, BUILT_IN[1].1);
}

#[test]
fn a_syntax_error_is_reported_at_its_line_and_column() {
    let broken = EN.replacen("version: 1", "version: 1\n  bad indent: [", 1);
    let issues = issues_of(&broken);
    assert_eq!(issues.len(), 1);
    let (line, _, _) = &issues[0];
    assert!((4..=6).contains(line), "{issues:?}");
}

#[test]
fn a_wrong_type_points_at_the_value() {
    let broken = EN.replacen("version: 1", "version: first", 1);
    let issues = issues_of(&broken);
    let (line, column) = position_of(&broken, "first");
    assert_eq!((issues[0].0, issues[0].1), (line, column), "{issues:?}");
}

#[test]
fn an_empty_prompt_is_reported_where_it_stands() {
    let first_prompt = EN
        .lines()
        .find(|l| l.trim_start().starts_with("- "))
        .unwrap();
    let indent = &first_prompt[..first_prompt.find('-').unwrap()];
    let broken = EN.replacen(first_prompt, &format!("{indent}- \"\""), 1);
    let issues = issues_of(&broken);
    assert_eq!(issues.len(), 1, "{issues:?}");
    let (line, _) = position_of(&broken, "- \"\"");
    assert_eq!(issues[0].0, line);
    assert!(issues[0].2.contains("empty"), "{issues:?}");
}

#[test]
fn a_missing_key_a_bad_language_and_an_unknown_capture_are_all_reported() {
    let mut broken = EN.replacen("language: en", "language: fr", 1);
    broken = broken.replacen(
        "capture: [notes, examples]",
        "capture: [notes, pictures]",
        1,
    );
    // Rename the first learning_potential inside a moment so that key goes missing there.
    let moments_at = broken.find("moments:").unwrap();
    let key_at = moments_at + broken[moments_at..].find("learning_potential:").unwrap();
    broken.replace_range(
        key_at..key_at + "learning_potential".len(),
        "learning_potentials",
    );
    let messages: Vec<String> = issues_of(&broken).into_iter().map(|i| i.2).collect();
    let joined = messages.join("\n");
    assert!(joined.contains("language 'fr'"), "{joined}");
    assert!(joined.contains("unknown capture 'pictures'"), "{joined}");
    assert!(
        joined.contains("key 'learning_potential' is missing in moment 'start'"),
        "{joined}"
    );
    assert!(
        joined.contains("unknown name 'learning_potentials'"),
        "{joined}"
    );
}

#[test]
fn too_few_prompts_and_a_missing_moment_are_refused() {
    let without_final = &EN[..EN.find("\n  final:").unwrap()];
    let messages: Vec<String> = issues_of(without_final).into_iter().map(|i| i.2).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("moment 'final' is missing")),
        "{messages:?}"
    );

    let start = EN.find("prompts:").unwrap();
    let mut lines: Vec<&str> = EN[start..].lines().collect();
    lines.drain(1..4);
    let few = format!("{}{}", &EN[..start], lines.join("\n"));
    let issues = issues_of(&few);
    assert!(issues[0].2.contains("2 prompts"), "{issues:?}");
    // The sequence starts on the line after `prompts:`, at its first item.
    let (line, _) = position_of(&few, "prompts:");
    assert_eq!(issues[0].0, line + 1, "{issues:?}");
}

#[test]
fn a_bad_id_is_refused_in_dutch_too() {
    let broken = EN.replacen("id: standard-en", "id: Mijn Gids", 1);
    let issues = parse_guide(&broken).unwrap_err();
    let message = Lang::Nl.texts().guide_problem(&issues[0].problem);
    assert!(message.contains("kleine letters"), "{issues:?}");
}
