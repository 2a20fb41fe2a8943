//! The translation table is complete and fits the screen in both languages.

use stagegesprek::i18n::{EN, Lang, NL, fill};

#[test]
fn every_entry_is_filled_in_both_languages() {
    let all = [
        NL.entries(),
        NL.cli.entries(),
        EN.entries(),
        EN.cli.entries(),
    ];
    for (name, text) in all.into_iter().flatten() {
        assert!(!text.trim().is_empty(), "{name} is empty");
    }
}

#[test]
fn translations_keep_the_same_placeholders() {
    let placeholders = |s: &str| {
        let mut found: Vec<String> = s
            .match_indices('{')
            .map(|(i, _)| s[i..].split('}').next().unwrap_or("").to_string())
            .collect();
        found.sort();
        found
    };
    let nl = NL.entries().into_iter().chain(NL.cli.entries());
    for ((name, nl), (_, en)) in nl.zip(EN.entries().into_iter().chain(EN.cli.entries())) {
        assert_eq!(placeholders(nl), placeholders(en), "{name}");
    }
}

#[test]
fn key_labels_are_short_enough_to_share_a_footer_line() {
    // A footer entry is the key's name and this label; at most 24 columns leaves room for
    // three entries on an 80-column line, and `tests/keys.rs` checks each whole footer.
    let labels: Vec<(&str, &str)> = NL
        .entries()
        .into_iter()
        .chain(EN.entries())
        .filter(|(name, _)| name.starts_with("key_"))
        .collect();
    assert!(
        labels.len() > 40,
        "the key labels are found: {}",
        labels.len()
    );
    for (name, text) in labels {
        assert!(
            text.chars().count() <= 24,
            "{name} is {} columns: {text}",
            text.chars().count()
        );
    }
}

#[test]
fn dutch_is_the_default_and_english_follows_the_locale() {
    assert_eq!(Lang::default(), Lang::Nl);
    assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
    assert_eq!(Lang::from_locale("nl_NL.UTF-8"), Lang::Nl);
    assert_eq!(Lang::from_locale("C.UTF-8"), Lang::Nl);
    assert_eq!(Lang::from_code("EN"), Some(Lang::En));
    assert_eq!(Lang::from_code("fr"), None);
}

#[test]
fn one_minute_is_singular() {
    assert_eq!(NL.minutes(45), "1 minuut");
    assert_eq!(NL.minutes(61), "2 minuten");
    assert_eq!(EN.minutes(60), "1 minute");
    assert_eq!(EN.minutes(0), "0 minutes");
}

#[test]
fn fill_puts_arguments_in_order() {
    assert_eq!(fill("{} of {}", &["1", "3"]), "1 of 3");
    assert_eq!(fill("saved at {}", &[]), "saved at ");
}
