//! The article extractor on any text: the temporal tagger and the drafter never panic,
//! and what they return keeps the promises their callers rely on.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use tline::date::EdtfDate;
use tline::extract::{DraftOptions, draft, timex};

fuzz_target!(|text: &str| {
    let published = NaiveDate::from_ymd_opt(2022, 1, 1).expect("a valid date");
    let found = timex::tag(text, published);
    let mut end = 0;
    for t in &found {
        // In text order, apart, on character boundaries, inside the text.
        assert!(end <= t.range.start && t.range.start < t.range.end, "{found:?}");
        assert!(text.get(t.range.clone()).is_some(), "{t:?} is not a slice of the text");
        end = t.range.end;
        if let Some(edtf) = &t.edtf {
            assert!(EdtfDate::parse(edtf).is_ok(), "{t:?}: {edtf:?} is not EDTF");
        }
    }
    let options = DraftOptions {
        published: Some(published),
        ..DraftOptions::default()
    };
    if let Ok(drafted) = draft(text, "fuzz.txt", &options) {
        let timeline = &drafted.timeline;
        for event in &timeline.events {
            for source in &event.sources {
                // Every quote is verbatim in the paragraph it cites.
                let paragraph = timeline.paragraph(source);
                assert!(paragraph.contains(&*source.quote), "{:?}", source.quote);
            }
        }
    }
});
