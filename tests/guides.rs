//! Guide loading and checking: the built-in guides are complete, and a broken guide is
//! refused with the line and column of each mistake.

use stagegesprek::domain::guide_check::{
    GuideIssue, GuideProblem, MAX_CHECKLIST, MAX_CORE, MAX_PROMPTS, MIN_CHECKLIST, MIN_PROMPTS,
    parse_guide,
};
use stagegesprek::domain::{Addressee, CaptureKind, Guide, KeyId, Moment, Prompt};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::guides::{BUILT_IN, Guides};

const EN: &str = include_str!("../guides/en.yaml");
const NL: &str = include_str!("../guides/nl.yaml");
/// The English guide as the first format wrote it: plain-string prompts, no `concern:`.
const OLD: &str = include_str!("guide_files/old_format_en.yaml");

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
                let count = k.prompts.len();
                assert!(
                    (MIN_PROMPTS..=MAX_PROMPTS).contains(&count),
                    "{moment:?} {key:?}"
                );
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
    let broken = EN.replacen("version: 3", "version: 3\n  bad indent: [", 1);
    let issues = issues_of(&broken);
    assert_eq!(issues.len(), 1);
    let (line, _, _) = &issues[0];
    assert!((4..=6).contains(line), "{issues:?}");
}

#[test]
fn a_wrong_type_points_at_the_value() {
    let broken = EN.replacen("version: 3", "version: first", 1);
    let issues = issues_of(&broken);
    let (line, column) = position_of(&broken, "first");
    assert_eq!((issues[0].0, issues[0].1), (line, column), "{issues:?}");
}

#[test]
fn an_empty_prompt_is_reported_where_it_stands() {
    // In the old format, a plain string...
    let first_prompt = OLD
        .lines()
        .find(|l| l.trim_start().starts_with("- "))
        .unwrap();
    let indent = &first_prompt[..first_prompt.find('-').unwrap()];
    let broken = OLD.replacen(first_prompt, &format!("{indent}- \"\""), 1);
    let issues = issues_of(&broken);
    assert_eq!(issues.len(), 1, "{issues:?}");
    let (line, _) = position_of(&broken, "- \"\"");
    assert_eq!(issues[0].0, line);
    assert!(issues[0].2.contains("empty"), "{issues:?}");

    // ...and in the new one, an empty `text:`.
    let first_text = EN
        .lines()
        .find(|l| l.trim_start().starts_with("- text: "))
        .unwrap();
    let indent = &first_text[..first_text.find('-').unwrap()];
    let broken = EN.replacen(first_text, &format!("{indent}- text: \"\""), 1);
    let issues = issues_of(&broken);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!((issues[0].0, issues[0].1), position_of(&broken, "\"\""));
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

    let start = OLD.find("prompts:").unwrap();
    let mut lines: Vec<&str> = OLD[start..].lines().collect();
    lines.drain(1..4);
    let few = format!("{}{}", &OLD[..start], lines.join("\n"));
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

// ---------------------------------------------------------------------------------------------
// The format with addressees, core prompts and the concern checklist.

fn guide(source: &str) -> Guide {
    parse_guide(source).unwrap_or_else(|issues| panic!("refused: {issues:?}"))
}

fn shipped() -> [(Lang, Guide); 2] {
    [(Lang::Nl, guide(NL)), (Lang::En, guide(EN))]
}

/// Every piece of text a moment shows: its title, purpose, key purposes and prompts.
fn moment_texts(guide: &Guide, moment: Moment) -> Vec<String> {
    let m = guide.moment(moment);
    let mut texts = vec![m.title.clone(), m.purpose.clone()];
    for key in KeyId::ALL {
        let k = guide.key(moment, key);
        texts.push(k.purpose.clone());
        texts.extend(k.prompts.iter().map(|p| p.text.clone()));
    }
    texts
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `source` with the `nth` (0-based) line that starts with `prefix` (after indentation)
/// replaced by `lines`, each at that line's indentation.
fn replace_line(source: &str, prefix: &str, nth: usize, lines: &[&str]) -> String {
    let target = source
        .lines()
        .filter(|l| l.trim_start().starts_with(prefix))
        .nth(nth)
        .expect("line to replace");
    let indent = &target[..target.len() - target.trim_start().len()];
    let replacement: Vec<String> = lines.iter().map(|l| format!("{indent}{l}")).collect();
    source.replacen(target, &replacement.join("\n"), 1)
}

#[test]
fn both_shipped_guides_pass_the_check_and_are_built_in() {
    for (name, source) in BUILT_IN {
        assert!(
            parse_guide(source).is_ok(),
            "{name}: {:?}",
            parse_guide(source)
        );
    }
    assert_eq!(BUILT_IN[0].1, NL);
    assert_eq!(BUILT_IN[1].1, EN);
    for (_, g) in shipped() {
        assert!(g.version >= 2, "the richer guides have a new version");
    }
}

#[test]
fn a_guide_in_the_old_format_still_loads() {
    let old = guide(OLD);
    assert_eq!(old.id, "old-format-en");
    assert!(old.concern.is_none());
    assert!(old.concern_checklist().is_empty());
    assert_eq!(old.concern_title(), None);
    let first = &old.key(Moment::Start, KeyId::LearningProcesses).prompts[0];
    assert!(first.text.starts_with("Why did you choose"), "{first:?}");
    for moment in Moment::ALL {
        for key in KeyId::ALL {
            for prompt in &guide(OLD).key(moment, key).prompts {
                assert_eq!((prompt.to, prompt.core), (None, false), "{prompt:?}");
            }
        }
    }

    // Plain strings and mappings mix in one list.
    let mixed = replace_line(
        OLD,
        "- ",
        1,
        &["- text: Who is this one for?", "  to: both", "  core: true"],
    );
    let mixed = guide(&mixed);
    let prompts = &mixed.key(Moment::Start, KeyId::LearningProcesses).prompts;
    assert_eq!(prompts[0].to, None);
    assert_eq!(prompts[1].text, "Who is this one for?");
    assert_eq!(prompts[1].to, Some(Addressee::Both));
    assert!(prompts[1].core);

    // A flow mapping is the same prompt.
    let flow = replace_line(OLD, "- ", 0, &["- {text: Short?, to: trainer}"]);
    let flow = guide(&flow);
    let first = &flow.key(Moment::Start, KeyId::LearningProcesses).prompts[0];
    assert_eq!(
        (first.text.as_str(), first.to),
        ("Short?", Some(Addressee::Trainer))
    );
}

#[test]
fn an_unknown_addressee_is_reported_at_its_value() {
    let broken = replace_line(EN, "to: ", 3, &["to: the teacher"]);
    let issues = parse_guide(&broken).unwrap_err();
    assert_eq!(issues.len(), 1, "{issues:?}");
    let (line, column) = position_of(&broken, "the teacher");
    assert_eq!((issues[0].line, issues[0].column), (line, column));
    assert_eq!(
        issues[0].problem,
        GuideProblem::UnknownAddressee("the teacher".into())
    );
    let message = Lang::En.texts().guide_problem(&issues[0].problem);
    assert!(message.contains("student, trainer, both"), "{message}");
}

#[test]
fn a_core_that_is_not_a_bool_is_reported_at_its_value() {
    for (written, shown) in [("maybe", "maybe"), ("\"true\"", "true"), ("2", "2")] {
        let broken = replace_line(EN, "core: ", 0, &[&format!("core: {written}")]);
        let issues = parse_guide(&broken).unwrap_err();
        assert_eq!(issues.len(), 1, "{written}: {issues:?}");
        let at = format!("core: {written}");
        let (line, column) = position_of(&broken, &at);
        assert_eq!(
            (issues[0].line, issues[0].column),
            (line, column + "core: ".len() as u64),
            "{written}"
        );
        assert_eq!(issues[0].problem, GuideProblem::CoreNotBool(shown.into()));
        let message = Lang::Nl.texts().guide_problem(&issues[0].problem);
        assert!(message.contains("true of false"), "{message}");
    }
}

#[test]
fn a_third_core_prompt_under_one_key_is_reported_where_it_is_marked() {
    // The first key of the start has two core prompts; mark the second prompt core too.
    let second = EN
        .lines()
        .filter(|l| l.trim_start().starts_with("- text: "))
        .nth(1)
        .unwrap();
    let indent = &second[..second.find('-').unwrap()];
    let broken = EN.replacen(second, &format!("{second}\n{indent}  core: yes\n"), 1);
    let broken = broken.replace("core: yes\n\n", "core: yes\n");
    let issues = parse_guide(&broken).unwrap_err();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(
        issues[0].problem,
        GuideProblem::TooManyCore {
            count: MAX_CORE + 1,
            max: MAX_CORE
        }
    );
    // Reported at the third `core:` in the key, which is also the third in the file.
    let third_at = broken.match_indices("  core: ").nth(2).unwrap().0 + 2;
    let before = &broken[..third_at];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() as u64 + 1;
    assert_eq!((issues[0].line, issues[0].column), (line, column + 6));
    let message = Lang::En.texts().guide_problem(&issues[0].problem);
    assert!(
        message.contains("3 core questions") && message.contains("at most 2"),
        "{message}"
    );
}

#[test]
fn a_prompt_mapping_without_text_or_with_an_unknown_field_is_reported() {
    let first = EN
        .lines()
        .find(|l| l.trim_start().starts_with("- text: "))
        .unwrap();
    // `question:` instead of `text:`: an unknown name and a missing text, each at its place.
    let asked = first.replacen("- text: ", "- question: ", 1);
    let broken = EN.replacen(first, &asked, 1);
    let issues = parse_guide(&broken).unwrap_err();
    let (line, column) = position_of(&broken, "question: ");
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert!(
        issues.iter().all(|i| (i.line, i.column) == (line, column)),
        "{issues:?}"
    );
    assert!(issues.contains(&GuideIssue {
        line,
        column,
        problem: GuideProblem::UnknownName("question".into()),
    }));
    assert!(
        issues
            .iter()
            .any(|i| i.problem == GuideProblem::MissingText)
    );
}

#[test]
fn a_concern_checklist_of_the_wrong_length_or_with_an_empty_line_is_reported() {
    let checklist_at = EN.find("  checklist:\n").unwrap();
    let (before, after) = EN.split_at(checklist_at);
    let lines: Vec<&str> = after.lines().collect();
    // Keep only the first two lines of the checklist.
    let short = format!("{before}{}\n", lines[..3].join("\n"));
    let issues = parse_guide(&short).unwrap_err();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(
        issues[0].problem,
        GuideProblem::ChecklistCount {
            count: 2,
            min: MIN_CHECKLIST,
            max: MAX_CHECKLIST
        }
    );
    // A sequence starts at its first item.
    let (line, _) = position_of(&short, "  checklist:\n");
    assert_eq!(issues[0].line, line + 1);

    let empty = replace_line(EN, "- First talk to the student", 0, &["- \"\""]);
    let issues = parse_guide(&empty).unwrap_err();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].problem, GuideProblem::EmptyField("checklist"));
    assert_eq!(issues[0].line, position_of(&empty, "- \"\"").0);

    let unknown = EN.replacen("  checklist:\n", "  people: []\n  checklist:\n", 1);
    let issues = parse_guide(&unknown).unwrap_err();
    assert_eq!(
        issues[0].line,
        position_of(&unknown, "people").0,
        "{issues:?}"
    );
}

#[test]
fn every_new_problem_is_told_in_both_languages() {
    let problems = [
        GuideProblem::MissingText,
        GuideProblem::UnknownAddressee("x".into()),
        GuideProblem::CoreNotBool("x".into()),
        GuideProblem::TooManyCore { count: 3, max: 2 },
        GuideProblem::ChecklistCount {
            count: 7,
            min: 3,
            max: 6,
        },
    ];
    for lang in [Lang::Nl, Lang::En] {
        for problem in &problems {
            let told = lang.texts().guide_problem(problem);
            assert!(
                !told.is_empty() && !told.contains('{'),
                "{lang:?} {problem:?}: {told}"
            );
        }
    }
}

#[test]
fn every_shipped_prompt_says_whom_it_addresses_and_each_key_has_one_or_two_core_prompts() {
    for (lang, g) in shipped() {
        for moment in Moment::ALL {
            for key in KeyId::ALL {
                let k = g.key(moment, key);
                for prompt in &k.prompts {
                    assert!(
                        prompt.to.is_some(),
                        "{lang:?} {moment:?} {key:?}: {prompt:?}"
                    );
                }
                let core = k.core_prompts().count();
                assert!(
                    (1..=2).contains(&core),
                    "{lang:?} {moment:?} {key:?}: {core} core"
                );
            }
        }
    }
}

#[test]
fn both_shipped_guides_have_the_same_structure() {
    let [(_, nl), (_, en)] = shipped();
    for moment in Moment::ALL {
        for key in KeyId::ALL {
            let shape = |g: &Guide| -> Vec<(Option<Addressee>, bool)> {
                g.key(moment, key)
                    .prompts
                    .iter()
                    .map(|p| (p.to, p.core))
                    .collect()
            };
            assert_eq!(shape(&nl), shape(&en), "{moment:?} {key:?}");
            assert_eq!(
                nl.key(moment, key).capture,
                en.key(moment, key).capture,
                "{moment:?} {key:?}"
            );
        }
    }
    assert_eq!(nl.concern_checklist().len(), en.concern_checklist().len());
    for g in [&nl, &en] {
        let lines = g.concern_checklist().len();
        assert!((MIN_CHECKLIST..=MAX_CHECKLIST).contains(&lines));
        assert!(g.concern_title().is_some_and(|t| !t.is_empty()));
    }
}

#[test]
fn wellbeing_is_asked_of_the_student_alone_and_the_time_alone_is_agreed_with_the_trainer() {
    for (lang, g) in shipped() {
        let (safe, alone) = match lang {
            Lang::Nl => ("veilig", "alleen"),
            Lang::En => ("safe", "alone"),
        };
        for moment in Moment::ALL {
            let prompts = &g.key(moment, KeyId::LearningProcesses).prompts;
            let asks = |to: Addressee, word: &str| {
                prompts
                    .iter()
                    .any(|p| p.to == Some(to) && words(&p.text).contains(&word.to_string()))
            };
            assert!(
                asks(Addressee::StudentAlone, safe),
                "{lang:?} {moment:?}: wellbeing, asked alone"
            );
            assert!(
                !asks(Addressee::Student, safe) && !asks(Addressee::Both, safe),
                "{lang:?} {moment:?}: safety asked with the trainer at the table"
            );
            assert!(
                asks(Addressee::Trainer, alone),
                "{lang:?} {moment:?}: time alone"
            );
        }
        // What the company may know of the student's needs is for the student alone as well.
        let start = &g.key(Moment::Start, KeyId::LearningProcesses).prompts;
        let company = match lang {
            Lang::Nl => "bedrijf",
            Lang::En => "company",
        };
        assert!(
            start
                .iter()
                .any(|p| p.to == Some(Addressee::StudentAlone) && p.text.contains(company)),
            "{lang:?}"
        );
        // A question for the student alone is never the core of a key: the freed mark went to a
        // question asked at the table.
        for moment in Moment::ALL {
            for key in KeyId::ALL {
                for p in &g.key(moment, key).prompts {
                    assert!(!(p.core && p.to == Some(Addressee::StudentAlone)), "{p:?}");
                }
            }
        }
    }
}

#[test]
fn the_start_plans_the_roles_the_meetings_the_tour_and_goals_with_a_date() {
    for (lang, g) in shipped() {
        let all = moment_texts(&g, Moment::Start).join("\n").to_lowercase();
        let needed: &[&str] = match lang {
            Lang::Nl => &[
                "dagelijks begeleidt",
                "wie beoordeelt",
                "laatste woord",
                "tussentijdse gesprek en het eindgesprek",
                "op de werkplek",
                "rondlopen",
                "wat heb je nodig",
                "en wanneer? hoe zien we",
            ],
            Lang::En => &[
                "guides the student day to day",
                "who assesses",
                "final say",
                "mid-placement review and the final review",
                "at the workplace",
                "walk round",
                "what do you need",
                "by when",
            ],
        };
        for phrase in needed {
            assert!(all.contains(phrase), "{lang:?} start lacks '{phrase}'");
        }
    }
}

#[test]
fn the_midway_opens_with_last_times_agreements_and_says_what_to_do_off_course() {
    for (lang, g) in shipped() {
        let (agreements, off_course) = match lang {
            Lang::Nl => ("afspraken", "op koers"),
            Lang::En => ("what we agreed", "on track"),
        };
        let midway = g.moment(Moment::Midway);
        assert!(midway.purpose.contains(agreements), "{lang:?}");
        let first = &g.key(Moment::Midway, KeyId::LearningProcesses).prompts[0];
        assert!(
            first.core && first.text.contains(agreements),
            "{lang:?}: {first:?}"
        );
        let judgement = &g.key(Moment::Midway, KeyId::TrainerJudgement).prompts;
        assert!(
            judgement
                .iter()
                .any(|p| p.core && p.text.contains(off_course)),
            "{lang:?}"
        );
    }
}

#[test]
fn the_final_moment_uses_one_word_for_the_trainers_final_judgement() {
    for (lang, g) in shipped() {
        let texts = moment_texts(&g, Moment::Final);
        let all = texts.join("\n");
        match lang {
            Lang::Nl => {
                let forbidden = [
                    "oordeel",
                    "eindoordeel",
                    "inschatting",
                    "eindbeoordeling",
                    "eindevaluatie",
                    "eindbeeld",
                    "eindconclusie",
                ];
                for word in words(&all) {
                    assert!(!forbidden.contains(&word.as_str()), "'{word}' in: {all}");
                }
                assert!(g.moment(Moment::Final).purpose.contains("eindinschatting"));
            }
            Lang::En => {
                let lower = all.to_lowercase();
                for phrase in [
                    "judgment",
                    "final assessment",
                    "final verdict",
                    "final evaluation",
                    "final opinion",
                    "final appraisal",
                    "final view",
                    "end judgement",
                    "overall judgement",
                ] {
                    assert!(!lower.contains(phrase), "'{phrase}' in the final moment");
                }
                // Every "judgement" is the "final judgement".
                let bare = lower.matches("judgement").count();
                let final_ = lower.matches("final judgement").count();
                assert_eq!(bare, final_, "a judgement that is not the final judgement");
                assert!(g.moment(Moment::Final).purpose.contains("final judgement"));
            }
        }
        // The trainer's part starts from the prepared final judgement, and each key names it.
        let word = match lang {
            Lang::Nl => "eindinschatting",
            Lang::En => "final judgement",
        };
        let judgement = g.key(Moment::Final, KeyId::TrainerJudgement);
        assert!(judgement.prompts[0].core && judgement.prompts[0].text.contains(word));
        assert!(judgement.purpose.contains(word));
        assert!(
            g.key(Moment::Final, KeyId::GuidanceChoices)
                .purpose
                .contains(word)
        );
    }
}

#[test]
fn the_english_guide_reads_as_english_not_as_translated_dutch() {
    let calques = [
        "recognise yourself",
        "recognize yourself",
        "recognise you in",
        "which work",
        "responsible",
        "learning company",
        "practice trainer",
        "practical trainer",
        "internship",
        "stagiair",
        "the quarter",
        "the penny fell",
        "on koers",
        "make a click",
        "feel you at",
        "in the picture bring",
        "judgment",
        "come back in",
        "comes back in",
        "stands against",
        "certainly in cases",
        "more showing",
        "more entrusting",
        "stageplan",
        "praktijkopleider",
        "voordoen",
    ];
    let lower = EN.to_lowercase();
    for calque in calques {
        assert!(!lower.contains(calque), "the English guide says '{calque}'");
    }
    // No Dutch glosses in brackets: an English reader gets English, with a Dutch body explained
    // in words where it is named.
    for line in EN.lines().filter(|l| !l.trim_start().starts_with('#')) {
        assert!(!line.contains('('), "a gloss in brackets: {line}");
    }
    assert!(
        lower.contains("sbb, the body that"),
        "SBB is named without saying what it is"
    );
}

/// Finds the one prompt of `key` at `moment` whose text holds `phrase`.
fn prompt_with<'g>(g: &'g Guide, moment: Moment, key: KeyId, phrase: &str) -> &'g Prompt {
    let found: Vec<&Prompt> = g
        .key(moment, key)
        .prompts
        .iter()
        .filter(|p| p.text.contains(phrase))
        .collect();
    assert_eq!(found.len(), 1, "{moment:?} {key:?} '{phrase}': {found:?}");
    found[0]
}

#[test]
fn the_guides_ask_what_the_method_asks_at_each_moment() {
    use KeyId::*;
    use Moment::*;
    for (lang, g) in shipped() {
        // (moment, key, phrase, addressee, core)
        let wanted: [(Moment, KeyId, &str, Addressee, bool); 8] = match lang {
            Lang::Nl => [
                (
                    Start,
                    LearningPotential,
                    "wordt hier gewerkt",
                    Addressee::Both,
                    false,
                ),
                (
                    Start,
                    LearningPotential,
                    "veiligheid en gezondheid",
                    Addressee::Trainer,
                    true,
                ),
                (
                    Start,
                    GuidanceChoices,
                    "tussen de bezoeken contact",
                    Addressee::Both,
                    false,
                ),
                (
                    Start,
                    TrainerJudgement,
                    "formele beoordeling",
                    Addressee::Both,
                    false,
                ),
                (
                    Start,
                    TrainerJudgement,
                    "vooraf je inschatting",
                    Addressee::Trainer,
                    true,
                ),
                (
                    Midway,
                    LearningProcesses,
                    "kwartje viel? Waar kun je dat",
                    Addressee::Student,
                    true,
                ),
                (
                    Midway,
                    LearningPotential,
                    "Welke leerkansen komen",
                    Addressee::Both,
                    false,
                ),
                (
                    Final,
                    LearningPotential,
                    "bedrijf en school",
                    Addressee::Both,
                    false,
                ),
            ],
            Lang::En => [
                (
                    Start,
                    LearningPotential,
                    "trade done here",
                    Addressee::Both,
                    false,
                ),
                (
                    Start,
                    LearningPotential,
                    "safety and health",
                    Addressee::Trainer,
                    true,
                ),
                (
                    Start,
                    GuidanceChoices,
                    "keep in touch between visits",
                    Addressee::Both,
                    false,
                ),
                (
                    Start,
                    TrainerJudgement,
                    "formal assessment",
                    Addressee::Both,
                    false,
                ),
                (
                    Start,
                    TrainerJudgement,
                    "send me your judgement",
                    Addressee::Trainer,
                    true,
                ),
                (
                    Midway,
                    LearningProcesses,
                    "clicked? Where could you use",
                    Addressee::Student,
                    true,
                ),
                (
                    Midway,
                    LearningPotential,
                    "chances to learn are coming",
                    Addressee::Both,
                    false,
                ),
                (
                    Final,
                    LearningPotential,
                    "company and the school",
                    Addressee::Both,
                    false,
                ),
            ],
        };
        for (moment, key, phrase, to, core) in wanted {
            let p = prompt_with(&g, moment, key, phrase);
            assert_eq!((p.to, p.core), (Some(to), core), "{lang:?}: {p:?}");
        }
        // At the final meeting the student looks ahead: what to look for next.
        let ahead = match lang {
            Lang::Nl => "waar ga je daar op letten",
            Lang::En => "what will you look for there",
        };
        let p = prompt_with(&g, Final, LearningProcesses, ahead);
        assert!(p.core && p.to == Some(Addressee::Student), "{p:?}");
    }
}
