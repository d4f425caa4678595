//! The numeral parser through its public entry points, `parse_number` and
//! `find_numbers`, on any UTF-8.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zh_extract::{find_numbers, parse_number};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(v) = parse_number(text) {
        assert!(v.to_f64().is_finite());
        let json = serde_json::to_string(&v).unwrap();
        assert!(serde_json::from_str::<serde_json::Value>(&json).unwrap().is_number());
    }
    let mut end = 0;
    let mut char_end = 0;
    for (span, v) in find_numbers(text) {
        assert!(span.start >= end && span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        char_end += text[end..span.start].chars().count();
        assert_eq!(span.char_start, char_end);
        char_end += text[span.range()].chars().count();
        assert_eq!(span.char_end, char_end);
        end = span.end;
        assert!(v.to_f64().is_finite());
        // The numeral alone parses too (its value may differ only where
        // the text after it changed how it was read).
        let _ = parse_number(&text[span.range()]);
    }
});
