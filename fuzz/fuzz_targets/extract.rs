//! `Extractor::extract` on any bytes (invalid UTF-8 decoded lossily, as the
//! example's `--lossy` does), with every span invariant checked.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zh_extract::{Extractor, Span};

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builder().with_bare_numbers().build().unwrap());

/// Char offset of each span start, counted on from the previous one.
struct Chars<'t> {
    text: &'t str,
    byte: usize,
    char: usize,
}

impl Chars<'_> {
    fn check(&mut self, span: Span, record: &str) {
        let text = self.text;
        assert!(span.start < span.end && span.end <= text.len(), "{span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(&text[span.range()], record);
        assert!(span.start >= self.byte, "unsorted or overlapping at {span:?}");
        self.char += text[self.byte..span.start].chars().count();
        self.byte = span.start;
        assert_eq!(span.char_start, self.char, "{span:?}");
        assert_eq!(span.char_end, self.char + record.chars().count(), "{span:?}");
        self.char = span.char_end;
        self.byte = span.end;
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match (EXTRACTOR.extract_bytes(data), std::str::from_utf8(data)) {
        (Ok(_), Ok(_)) => {}
        (Err(zh_extract::Error::InvalidUtf8 { offset }), Err(e)) => {
            assert_eq!(offset, e.valid_up_to())
        }
        _ => panic!("extract_bytes disagrees with from_utf8"),
    }
    let found = EXTRACTOR.extract(&text);
    let mut chars = Chars { text: &text, byte: 0, char: 0 };
    for q in &found.quantities {
        chars.check(q.span, q.text);
        for v in [q.value, q.min, q.max].into_iter().flatten() {
            assert!(v.to_f64().is_finite());
        }
    }
    let mut chars = Chars { text: &text, byte: 0, char: 0 };
    for e in &found.entities {
        chars.check(e.span, e.text);
    }
    let json = serde_json::to_string(&found).unwrap();
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(back["quantities"].as_array().unwrap().len(), found.quantities.len());
});
