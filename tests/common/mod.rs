//! Checks shared by the robustness tests.

#![allow(dead_code)]

use zh_extract::{Extraction, Extractor, Span};

/// Every invariant an extraction keeps for any input: spans slice the text
/// to the record's text, char offsets agree with byte offsets, lists are
/// sorted and never overlap, and the JSON is valid with no NaN or infinity.
pub fn assert_invariants(text: &str, found: &Extraction<'_>) {
    let mut previous: Option<Span> = None;
    let mut chars = CharCounter::default();
    for q in &found.quantities {
        assert_span_with(text, q.span, q.text, &mut chars);
        assert!(!q.span.is_empty(), "empty quantity span {q:?}");
        if let Some(p) = previous {
            assert!(
                p.end <= q.span.start,
                "quantities overlap or are unsorted: {p:?} then {q:?}"
            );
        }
        previous = Some(q.span);
        for v in [q.value, q.min, q.max].into_iter().flatten() {
            let json = serde_json::to_string(&v).expect("a value serialises");
            let lower = json.to_ascii_lowercase();
            assert!(!lower.contains("nan") && !lower.contains("inf"), "{json}");
            let number: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
            assert!(number.is_number(), "{json} is not a JSON number");
            assert!(v.to_f64().is_finite(), "{json} as f64");
        }
        if let Some(object) = q.object {
            assert!(
                is_substring_of(object, text),
                "object {object:?} is not from the text"
            );
        }
    }
    let mut previous: Option<Span> = None;
    let mut chars = CharCounter::default();
    for e in &found.entities {
        assert_span_with(text, e.span, e.text, &mut chars);
        assert!(!e.span.is_empty(), "empty entity span {e:?}");
        if let Some(p) = previous {
            assert!(
                p.end <= e.span.start,
                "entities overlap or are unsorted: {p:?} then {e:?}"
            );
        }
        previous = Some(e.span);
    }
    let json = serde_json::to_string(found).expect("an extraction serialises");
    let back: serde_json::Value = serde_json::from_str(&json).expect("the JSON parses back");
    assert_eq!(
        back["quantities"].as_array().map(Vec::len),
        Some(found.quantities.len())
    );
    assert_eq!(
        back["entities"].as_array().map(Vec::len),
        Some(found.entities.len())
    );
}

fn is_substring_of(part: &str, text: &str) -> bool {
    let (p, t) = (part.as_ptr() as usize, text.as_ptr() as usize);
    p >= t && p + part.len() <= t + text.len()
}

/// Char offsets of byte offsets, counted on from the last one asked (so a
/// sorted list of spans is checked in linear time).
#[derive(Default)]
pub struct CharCounter {
    byte: usize,
    char: usize,
}

impl CharCounter {
    pub fn at(&mut self, text: &str, byte: usize) -> usize {
        if byte < self.byte {
            *self = CharCounter::default();
        }
        self.char += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.char
    }
}

/// `&text[span] == record_text`, and the char offsets count the same chars.
pub fn assert_span(text: &str, span: Span, record_text: &str) {
    assert_span_with(text, span, record_text, &mut CharCounter::default());
}

fn assert_span_with(text: &str, span: Span, record_text: &str, chars: &mut CharCounter) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?} not on char boundaries"
    );
    assert_eq!(&text[span.range()], record_text, "{span:?}");
    let char_start = chars.at(text, span.start);
    let char_len = record_text.chars().count();
    assert_eq!(span.char_start, char_start, "char_start of {span:?}");
    assert_eq!(span.char_end, char_start + char_len, "char_end of {span:?}");
}

/// How the quantities of `alone` (an extractor with entities off, which
/// segments only the clauses holding a figure) differ on `text` from those
/// of `full`: `None` when they are the same, bar amounts that `full`
/// dropped as part of a name.
pub fn quantities_alone_differ(full: &Extractor, alone: &Extractor, text: &str) -> Option<String> {
    let with_names = full.extract(text);
    let found = alone.extract(text);
    if !found.entities.is_empty() {
        return Some(format!("{text:?}: entities with entities off"));
    }
    let mut extra = found.quantities.clone();
    for q in &with_names.quantities {
        match extra.iter().position(|x| x == q) {
            Some(at) => drop(extra.remove(at)),
            None => return Some(format!("{text:?}: {q:?} missing without entities")),
        }
    }
    let inside_name = |s: Span| {
        with_names
            .entities
            .iter()
            .any(|e| e.span.start <= s.start && s.end <= e.span.end)
    };
    extra
        .iter()
        .find(|q| !inside_name(q.span))
        .map(|q| format!("{text:?}: {q:?} found alone, not inside a name"))
}
