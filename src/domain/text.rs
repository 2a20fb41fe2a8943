//! Text from files on its way to a terminal. A name typed or edited by hand can hold control
//! characters (an ESC sequence, a bell, a carriage return) that a terminal would obey rather
//! than show, so they are shown as `\u{..}` escapes instead.

use std::borrow::Cow;
use std::fmt::Write as _;

/// A word as the first of a title: "startgesprek" becomes "Startgesprek".
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `text` with every control character written as a visible `\u{..}` escape.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn control_characters_become_visible_escapes() {
        assert_eq!(
            printable("Sem\u{1b}[2J\u{7}\r de Vries\u{9b}"),
            "Sem\\u{1b}[2J\\u{7}\\u{d} de Vries\\u{9b}"
        );
        assert_eq!(printable("Zoë Bakker"), "Zoë Bakker");
    }
}
