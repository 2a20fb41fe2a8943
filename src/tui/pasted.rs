//! Line breaks in pasted text. A terminal hands a paste over with its line feeds turned into
//! carriage returns, so a CRLF text (an e-mail from Outlook) arrives with every break doubled
//! ("\r\r"): read naively, every line would stand alone, and a reader joining a paragraph's
//! lines would then glue words together.

/// `text` as pasted, with its line breaks as `\n`, as many as the sender meant.
pub fn line_breaks(text: &str) -> String {
    if !text.contains('\n') && text.contains('\r') && every_run_even(text) {
        // Each CRLF became two CRs: one break each.
        return text.replace("\r\r", "\n");
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Whether every run of carriage returns in `text` is of even length.
fn every_run_even(text: &str) -> bool {
    text.split(|c| c != '\r')
        .filter(|run| !run.is_empty())
        .all(|run| run.len() % 2 == 0)
}

#[cfg(test)]
mod tests {
    use super::line_breaks;

    #[test]
    fn a_crlf_text_keeps_its_breaks_however_the_terminal_passed_it_on() {
        let sent = "Houdt het overzicht\r\nkwijt raakt hij niets.\r\n\r\nNieuwe alinea";
        let meant = "Houdt het overzicht\nkwijt raakt hij niets.\n\nNieuwe alinea";
        assert_eq!(line_breaks(sent), meant);
        assert_eq!(line_breaks(&sent.replace('\n', "\r")), meant);
        assert_eq!(line_breaks(&meant.replace('\n', "\r")), meant);
        assert_eq!(line_breaks(meant), meant);
    }
}
