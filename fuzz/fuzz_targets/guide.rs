//! Any text as a guide file, in both interface languages: a guide or a list of issues, never
//! a panic and never an empty list of issues.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stagegesprek::domain::guide_check::parse_guide;
use stagegesprek::i18n::Lang;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for lang in [Lang::Nl, Lang::En] {
        if let Err(issues) = parse_guide(&text, lang.texts()) {
            assert!(!issues.is_empty(), "refused without saying why");
        }
    }
});
