//! The EDTF date parser, and what a parsed date promises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tline::date::EdtfDate;

fuzz_target!(|text: &str| {
    let Ok(date) = EdtfDate::parse(text) else {
        return;
    };
    if let (Some(earliest), Some(latest)) = (date.earliest(), date.latest()) {
        assert!(earliest <= latest, "{text:?}: {earliest} > {latest}");
    }
    let (first, last) = date.sort_key();
    assert!(first <= last, "{text:?}: sort key {first} > {last}");
    // Display writes EDTF back (the unit tests say so): it must read back as the same date.
    let written = date.to_string();
    assert_eq!(
        EdtfDate::parse(&written).as_ref(),
        Ok(&date),
        "{text:?} was written as {written:?}"
    );
    let _ = date.human();
    let _ = date.is_qualified();
    assert!(date.overlaps(date.earliest(), date.latest()));
});
