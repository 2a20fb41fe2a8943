//! The one key table, walked context by context: a key that types text is never a command
//! where the cursor is in text, no key means two things at once, and every command is named
//! in the footer, in full, at 80 columns, in both languages.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::tui::action::Action;
use stagegesprek::tui::keys::{BINDINGS, Chord, EITHER_OR, KeyContext, action_for, hints};

fn event(chord: Chord) -> KeyEvent {
    let modifiers = match (chord.ctrl, chord.code) {
        (true, _) => KeyModifiers::CONTROL,
        (false, KeyCode::BackTab) => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(chord.code, modifiers)
}

#[test]
fn in_text_every_key_that_types_types() {
    let mut checked = 0;
    for context in KeyContext::ALL {
        let Some(kind) = context.text() else { continue };
        for binding in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
            assert!(
                !kind.types(event(binding.chord)),
                "{:?} is a command in {context:?}, where it should type",
                binding.chord
            );
        }
        // And the other way round: every printable key reaches the text.
        for c in ('a'..='z')
            .chain('A'..='Z')
            .chain('0'..='9')
            .chain(" ?!-.,;:'\"".chars())
        {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(
                action_for(context, key, |_| true),
                Some(Action::Type(key)),
                "{c:?} in {context:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 200, "the text contexts were walked");
}

#[test]
fn no_key_means_two_things_in_one_place() {
    for context in KeyContext::ALL {
        let here: Vec<_> = BINDINGS
            .iter()
            .filter(|b| b.contexts.contains(&context))
            .collect();
        for (i, a) in here.iter().enumerate() {
            for b in &here[i + 1..] {
                // One key may do one thing in two directions (show last time, or the
                // questions): the screen offers only one of them at a time.
                let either_or = EITHER_OR.contains(&(a.action, b.action))
                    || EITHER_OR.contains(&(b.action, a.action))
                    || std::mem::discriminant(&a.action) == std::mem::discriminant(&b.action);
                assert!(
                    a.chord != b.chord || a.action == b.action || either_or,
                    "{:?} means {:?} and {:?} in {context:?}",
                    a.chord,
                    a.action,
                    b.action
                );
            }
        }
    }
}

#[test]
fn every_command_is_named_in_a_footer_that_fits_80_columns() {
    for lang in [Lang::Nl, Lang::En] {
        let t = lang.texts();
        for context in KeyContext::ALL {
            let shown = hints(context, t, |_| true);
            assert!(!shown.is_empty(), "{context:?} shows no keys");
            for binding in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
                let label = (binding.label)(t);
                let name = binding.chord.name(t);
                assert!(
                    !label.trim().is_empty(),
                    "{:?} has no label",
                    binding.action
                );
                assert!(
                    shown.iter().any(|h| h.label == label
                        && (h.keys.split('/').any(|k| k == name) || h.keys.contains('…'))),
                    "{name} ({label}) is not in the footer of {context:?}"
                );
            }
            // The footer wraps entries whole over at most three lines of 80 columns. Of the
            // two directions of one key, a screen offers one at a time.
            let offered = hints(context, t, |a| a != Action::ShowEarlier(false));
            let mut lines = 1;
            let mut used = 0;
            for hint in &offered {
                let width = hint.keys.chars().count() + 1 + hint.label.chars().count();
                if used > 0 && used + 2 + width > 80 {
                    lines += 1;
                    used = 0;
                }
                used += width + if used > 0 { 2 } else { 0 };
            }
            assert!(
                lines <= 3,
                "{context:?} needs {lines} footer lines in {lang:?}"
            );
        }
    }
}

#[test]
fn ctrl_c_never_types_and_always_reaches_the_app() {
    let key = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for context in KeyContext::ALL {
        assert_eq!(action_for(context, key, |_| false), Some(Action::Interrupt));
    }
}

/// Key names a sentence may not spell itself: it says `{key:Action}` and the key table
/// fills in the name, so moving a key moves it in every sentence.
const KEY_NAMES: &[&str] = &[
    "Ctrl+", "Shift+", "Esc", "Enter", "Tab", "PgUp", "PgDn", "Del", "F1", "Home/End",
];

/// Where a text may still spell one: keys that belong to the terminal or the text editor,
/// not to the program's table, and words that only look like keys.
const NOT_OURS: &[(&str, &str)] = &[
    ("help_typing", "Ctrl+Z"),
    ("help_typing", "Ctrl+Y"),
    ("help_typing", "Ctrl+Shift+V"),
    ("import_intro", "Ctrl+Shift+V"),
    // The control character, not the key.
    ("prep_replaced_controls", "Esc"),
    // The verb.
    ("form_student_required", "Enter the"),
];

#[test]
fn no_sentence_spells_a_key_and_every_key_it_names_is_in_the_table() {
    use stagegesprek::tui::key_words::texts_with_keys;
    for lang in [Lang::Nl, Lang::En] {
        let raw = lang.texts();
        for (name, text) in raw.entries().into_iter().chain(raw.cli.entries()) {
            if name.starts_with("key_") || name.starts_with("quit_unsaved_") {
                continue;
            }
            let mut text = text.to_string();
            for (entry, allowed) in NOT_OURS {
                if *entry == name {
                    text = text.replace(allowed, "");
                }
            }
            for key in KEY_NAMES {
                let spelled = text.match_indices(key).any(|(at, _)| {
                    let before = text[..at].chars().next_back();
                    let after = text[at + key.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && (key.ends_with('+') || !after.is_some_and(char::is_alphanumeric))
                });
                assert!(!spelled, "{name} ({lang:?}) spells {key:?} itself: {text}");
            }
        }
        for (name, text) in texts_with_keys(lang).entries() {
            assert!(
                !text.contains("{key:"),
                "{name} ({lang:?}) names a key the table does not have: {text}"
            );
        }
    }
}

#[test]
fn a_sentence_names_the_keys_the_table_binds() {
    use stagegesprek::tui::key_words::{key_names, texts_with_keys};
    let t = Lang::Nl.texts();
    let named = texts_with_keys(Lang::Nl);
    // The key that adds an example in the meeting, whatever it is.
    let add_example = BINDINGS
        .iter()
        .find(|b| b.action == Action::AddExample)
        .map(|b| b.chord.name(t))
        .unwrap();
    assert!(
        named.label_no_examples.contains(&add_example),
        "{}",
        named.label_no_examples
    );
    // Several keys of one action are named as the footer names them; a context narrows them.
    assert_eq!(
        key_names("NextField@LongForm", t).as_deref(),
        Some("Tab/↓/Enter")
    );
    assert_eq!(key_names("NextField@SearchText", t).as_deref(), Some("Tab"));
    assert_eq!(key_names("NoSuchAction", t), None);
}
