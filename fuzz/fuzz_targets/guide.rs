//! Any text as a guide file: a guide or a list of issues, never a panic and never an empty
//! list of issues; every issue can be told in both interface languages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stagegesprek::domain::guide_check::parse_guide;
use stagegesprek::i18n::{EN, NL};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(issues) = parse_guide(&text) {
        assert!(!issues.is_empty(), "refused without saying why");
        for issue in &issues {
            for t in [&NL, &EN] {
                assert!(!t.guide_problem(&issue.problem).is_empty());
            }
        }
    }
});
