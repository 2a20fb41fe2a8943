//! Any bytes as a meeting record file: never a panic, and a record that is accepted can be
//! written back and read again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stagegesprek::store::read::{decode_record, unknown_fields};
use stagegesprek::store::to_yaml;

fuzz_target!(|data: &[u8]| {
    // The store refuses non-UTF-8 files before parsing (`Damage::NotText`).
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(record) = decode_record(text) {
        unknown_fields(text, &record);
        let again = to_yaml(&record);
        assert!(
            unknown_fields(&again, &record).is_empty(),
            "own fields seen as unknown"
        );
        let back = decode_record(&again).expect("an accepted record is accepted after write-back");
        assert_eq!(back, record, "record changed on write-back");
    }
});
