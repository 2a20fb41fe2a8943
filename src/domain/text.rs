//! Text from outside on its way to a person. A name typed or edited by hand, or an answer in a
//! mailed reply, can hold control characters (an ESC sequence, a bell, backspaces, a
//! right-to-left override) that a terminal or a Markdown viewer would obey rather than show:
//! backspaces can overwrite a sentence, `ESC c` resets the reader's terminal. Every output
//! path shows them as visible `\u{..}` escapes, and an import replaces them before storing.

use std::borrow::Cow;
use std::fmt::Write as _;

/// A word as the first of a title: "startgesprek" becomes "Startgesprek".
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What an import puts where a control character stood: visible, and obeyed by nothing.
pub const REPLACEMENT: char = '\u{fffd}';

/// Characters a terminal acts on or that change how the text around them is drawn without
/// being seen themselves: the C0 and C1 controls, and the bidirectional and zero-width
/// format characters (U+202E turns the rest of a line around).
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// `text` on one line, with every hidden control (line breaks included) written as a
/// visible `\u{..}` escape.
pub fn printable(text: &str) -> Cow<'_, str> {
    escaped(text, |_| false)
}

/// Text of several lines, as a note: line breaks and tabs kept, every other hidden control
/// written as a visible `\u{..}` escape.
pub fn printable_text(text: &str) -> Cow<'_, str> {
    escaped(text, |c| matches!(c, '\n' | '\t'))
}

fn escaped(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let hidden = |c: char| is_hidden_control(c) && !keep(c);
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` as it may be stored: every hidden control other than a line break or a tab
/// replaced by `REPLACEMENT`, with how many were replaced.
pub fn without_controls(text: &str) -> (String, usize) {
    let mut replaced = 0;
    let clean = text
        .chars()
        .map(|c| {
            if is_hidden_control(c) && !matches!(c, '\n' | '\t') {
                replaced += 1;
                REPLACEMENT
            } else {
                c
            }
        })
        .collect();
    (clean, replaced)
}

#[cfg(test)]
mod tests {
    use super::{printable, printable_text, without_controls};

    #[test]
    fn control_characters_become_visible_escapes() {
        assert_eq!(
            printable("Sem\u{1b}[2J\u{7}\r de Vries\u{9b}"),
            "Sem\\u{1b}[2J\\u{7}\\u{d} de Vries\\u{9b}"
        );
        assert_eq!(printable("Zoë Bakker"), "Zoë Bakker");
    }

    #[test]
    fn bidirectional_and_zero_width_controls_become_visible() {
        assert_eq!(printable("Noor\u{202e}reppeK"), "Noor\\u{202e}reppeK");
        assert_eq!(printable("Ka\u{200b}i"), "Ka\\u{200b}i");
    }

    #[test]
    fn notes_keep_their_lines_and_tabs() {
        assert_eq!(
            printable_text("een\n\ttwee\u{8}\u{1b}c"),
            "een\n\ttwee\\u{8}\\u{1b}c"
        );
    }

    #[test]
    fn stored_text_holds_no_controls_but_keeps_lines() {
        let (clean, n) = without_controls("netjes\u{8}\u{8}\n\u{1b}#8 ok\t\u{202e}");
        assert_eq!(clean, "netjes\u{fffd}\u{fffd}\n\u{fffd}#8 ok\t\u{fffd}");
        assert_eq!(n, 4);
    }
}
