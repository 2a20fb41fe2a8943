//! Copying text to the clipboard of the terminal the program runs in, over OSC 52. This works
//! over ssh and needs nothing installed; a terminal without support ignores the sequence, so
//! the caller should still say where the text can be found (the exported file).

use std::io::{self, Write};

use crossterm::clipboard::CopyToClipboard;

/// Asks the terminal on stdout to put `text` on the system clipboard.
pub fn copy_to_clipboard(text: &str) -> io::Result<()> {
    write_copy(&mut io::stdout().lock(), text)
}

/// Writes the OSC 52 sequence that copies `text` to `out`, and flushes it.
pub fn write_copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    crossterm::queue!(out, CopyToClipboard::to_clipboard_from(text))?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::write_copy;

    #[test]
    fn the_text_goes_out_base64_encoded_in_one_osc_52_sequence() {
        let mut out = Vec::new();
        write_copy(&mut out, "Zoë: afspraak").unwrap();
        assert_eq!(out, b"\x1b]52;c;Wm/DqzogYWZzcHJhYWs=\x1b\\");
    }
}
