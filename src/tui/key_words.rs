//! Sentences that name a key take its name from the key table, so a key moved in the table is
//! moved in every sentence too. A text says `{key:AddExample}` where it means the key that adds
//! an example; `{key:NextField@SearchText}` limits it to one context. Where an action has
//! several keys, all are named as the footer names them (`Tab/↓`).

use std::sync::OnceLock;

use crate::i18n::{Lang, LangExt as _, Texts};
use crate::tui::keys::{BINDINGS, INTERRUPT, KeyContext, join_keys};

/// The interface's table of `lang`, with the keys' names in it. Built once per language.
pub fn texts_with_keys(lang: Lang) -> &'static Texts {
    static TABLES: [OnceLock<Texts>; 2] = [OnceLock::new(), OnceLock::new()];
    let at = match lang {
        Lang::Nl => 0,
        Lang::En => 1,
    };
    TABLES[at].get_or_init(|| {
        let raw = lang.texts();
        raw.with_each(|text| match with_key_names(text, raw) {
            // Once per sentence and language, for the life of the program.
            Some(named) => Box::leak(named.into_boxed_str()),
            None => text,
        })
    })
}

/// `text` with each `{key:…}` replaced by the key's name; `None` when it names no key. A
/// placeholder that names no bound action is left as it stands, for the test to find.
pub fn with_key_names(text: &str, t: &Texts) -> Option<String> {
    const OPEN: &str = "{key:";
    if !text.contains(OPEN) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let Some(end) = after.find('}') else {
            break;
        };
        let spec = &after[..end];
        match key_names(spec, t) {
            Some(names) => out.push_str(&names),
            None => out.push_str(&rest[at..at + OPEN.len() + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The keys of the action named in `spec` (`Action` or `Action@Context`, as their names are
/// written in the code), joined as the footer joins them.
pub fn key_names(spec: &str, t: &Texts) -> Option<String> {
    let (action, context) = match spec.split_once('@') {
        Some((action, context)) => (action, Some(context)),
        None => (spec, None),
    };
    if action == "Interrupt" {
        return Some(INTERRUPT.name(t));
    }
    let in_context = |c: &KeyContext| context.is_none_or(|name| format!("{c:?}") == name);
    let mut chords = Vec::new();
    for binding in BINDINGS {
        if format!("{:?}", binding.action) == action
            && binding.contexts.iter().any(in_context)
            && !chords.contains(&binding.chord)
        {
            chords.push(binding.chord);
        }
    }
    (!chords.is_empty()).then(|| join_keys(&chords, t))
}
