//! Numerals: Arabic, full-width (folded by the view), Chinese, financial and
//! traditional forms, mixed (`1.5亿`), vague (`数十`, `三四十`, `十几`).
//!
//! A pure function over chars; no allocation.

use crate::record::{Approx, Span};
use crate::value::Value;

/// What a numeral looks like, for the callers' heuristics (years, codes,
/// the article-like `一`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Contains ASCII digits.
    pub arabic: bool,
    /// Contains Chinese numeral characters (digits or multipliers).
    pub chinese: bool,
    /// Has a decimal point (`.`, `点`, `點`).
    pub decimal: bool,
    /// Uses thousands separators (`1,234`).
    pub grouped: bool,
    /// Number of ASCII digits before any decimal point.
    pub integer_digits: usize,
    /// Starts with `0` followed by another digit (`007`, a code).
    pub leading_zero: bool,
    /// Written with a sign (`-5`, `负五`).
    pub negative: bool,
    /// Is exactly one of `一`/`壹`, alone (often an article: `一个典型`).
    pub lone_one: bool,
}

/// A numeral read from normalised chars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Numeral {
    /// One past the last char consumed.
    pub end: usize,
    /// The value; `None` for vague numerals that name no number (`数十`, `几百`).
    pub value: Option<Value>,
    /// `Exact`; `Over` for `三十余`, `2万多`; `Range` for `三四十`, `十几`;
    /// `About` for `上百`.
    pub approx: Approx,
    /// Lower bound when known (`三十余` → 30, `十几` → 11, `数十` → 20).
    pub min: Option<Value>,
    /// Upper bound when known (`三十余` → 40, `十几` → 19, `数十` → 90).
    pub max: Option<Value>,
    /// Power of ten of the trailing multiplier as written (`5万` → 4,
    /// `3千万` → 7, `12` → 0), so a range can share it (`3至5万`).
    pub trailing_scale: u32,
    /// What it looks like.
    pub shape: Shape,
}

/// Reads the longest numeral that starts exactly at `chars[start]`.
pub(crate) fn parse(chars: &[char], start: usize) -> Option<Numeral> {
    let _ = (chars, start);
    None
}

/// The value of `text` when all of it is one numeral (`一千二百零五`,
/// `1.5亿`, `壹萬`); `None` otherwise.
///
/// ```
/// use zh_extract::parse_number;
/// assert_eq!(parse_number("一千二百零五").unwrap().to_string(), "1205");
/// assert_eq!(parse_number("1.5亿").unwrap().to_string(), "150000000");
/// assert!(parse_number("一千二百零五元").is_none());
/// ```
pub fn parse_number(text: &str) -> Option<Value> {
    let chars: Vec<char> = text.chars().map(crate::text::fold).collect();
    let n = parse(&chars, 0)?;
    if n.end == chars.len() { n.value } else { None }
}

/// Every numeral in `text`, left to right, longest first, as (span, value);
/// vague numerals that name no number are left out.
///
/// ```
/// use zh_extract::find_numbers;
/// let found = find_numbers("两千三百人和1,234只羊");
/// let values: Vec<String> = found.iter().map(|(_, v)| v.to_string()).collect();
/// assert_eq!(values, ["2300", "1234"]);
/// ```
pub fn find_numbers(text: &str) -> Vec<(Span, Value)> {
    let mut out = Vec::new();
    let folded: Vec<char> = text.chars().map(crate::text::fold).collect();
    let mut byte_of = Vec::with_capacity(folded.len() + 1);
    for (b, _) in text.char_indices() {
        byte_of.push(b);
    }
    byte_of.push(text.len());
    let mut i = 0;
    while i < folded.len() {
        match parse(&folded, i) {
            Some(n) if n.end > i => {
                if let Some(v) = n.value {
                    out.push((
                        Span {
                            start: byte_of[i],
                            end: byte_of[n.end],
                            char_start: i,
                            char_end: n.end,
                        },
                        v,
                    ));
                }
                i = n.end;
            }
            _ => i += 1,
        }
    }
    out
}
