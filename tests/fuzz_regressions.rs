//! What the fuzzers (`fuzz/`) found, kept so `cargo test` re-checks it.
//!
//! | run | target | max_len | time | executions | crashes |
//! |---|---|---|---|---|---|
//! | 1 | `extract` | 4096 (grew to 168) | 13 min 40 s | 1,230,875 | 0 |
//! | 2 | `extract` | 100000, `-len_control=0` (inputs up to 5.6 KB) | 6 min | 321,640 | 0 |
//! | 3 | `numeral` | 4096 | 7 min 30 s | 1,725,837 | 0 |
//! | 4 | `extract`, after the rules for lists, roles, `某`, line-cut suffixes (2026-12-04) | 4096 | 10 min | 719,888 | 0 |
//! | 5 | `extract`, and branches, compound surnames, events (2026-12-04) | 4096 | 10 min | 489,534 | 0 |
//!
//! (address sanitizer on, `-O`, one core each, seeded from `fuzz/seeds/`.)
//!
//! No run found a crash, a hang or a broken invariant, so this file keeps a
//! sample of the corpus the fuzzer grew instead: inputs that reached new
//! code (mutated sentences with numerals, units, ranges, controls and
//! invisible characters), each checked for every span invariant with and
//! without bare numbers, and through the numeral parser.

mod common;

use common::{assert_invariants, assert_span};
use zh_extract::{Extractor, find_numbers, parse_number};

/// Corpus inputs, as the fuzzer wrote them (bytes; some are not UTF-8).
const CORPUS: &[&[u8]] = &[
    "项目总悕资2至5月万元，000元。".as_bytes(),
    "增长占比13HHLHHHHHHHHHH(HHHHHHHHHHHH.0%HHHHHHHHHHHHH。".as_bytes(),
    "囶5575555\u{1}4\u{0}3FQ686@@@@@@@@@@@@@@@@投j欐".as_bytes(),
    "增长百666666666665555555555555555553E6666666666".as_bytes(),
    "项缌价格15[元/斤，每斤15元，1500多欧元。".as_bytes(),
    "幋增长百分之三~三~\u{f002}".as_bytes(),
    "뛶下5?摄氏\u{0}]%.\n度".as_bytes(),
    "叁仟圆--".as_bytes(),
    "\u{0}\u{0}\u{0}\u{2}\u{0}`叁兩~叁兩\u{0}\u{0}z\u{0}".as_bytes(),
    "项缌约10-2\u{1}\u{0}\u{0}\u{0}\t0㺺参与15元，3000䤚欢元〞".as_bytes(),
    "😀👨\u{200d}\u{200b}万元 ＵＳ只 \u{1b}[.Ｓ＄１０只 \u{1b}[.2.3.1".as_bytes(),
    "懟收達萬..5億元，兩參萬美元，壹萬倂".as_bytes(),
    "[6{|\u{10}F零两{|\u{10}F零两".as_bytes(),
    "患者被送往宁欢市第二\n\nｌ费纺和2,234只羊\n".as_bytes(),
    "4%%%{\u{1}\u{0}025万元-204\n2\u{0}\u{0}025万元-24\u{0}04\n22".as_bytes(),
    "患者被送囶五元。\r两南三百人和0,234只羊\n".as_bytes(),
    "增长百66-6664666666666666676E66".as_bytes(),
    "项目总;;;;;;;D;;0-20人参与，价格15。".as_bytes(),
    b"\xe9\xa1\xb9\xe7\x9b\xae\xff3\xe5\x85\x83\xc3\x28\x0d\x0a",
];

#[test]
fn 语料样本守住不变式() {
    let plain = Extractor::new();
    let numbers = Extractor::builder().with_bare_numbers().build().unwrap();
    for bytes in CORPUS {
        let text = String::from_utf8_lossy(bytes);
        match (plain.extract_bytes(bytes), std::str::from_utf8(bytes)) {
            (Ok(found), Ok(_)) => assert_eq!(found, plain.extract(&text)),
            (Err(zh_extract::Error::InvalidUtf8 { offset }), Err(e)) => {
                assert_eq!(offset, e.valid_up_to())
            }
            _ => panic!("extract_bytes disagrees with from_utf8 on {bytes:?}"),
        }
        let found = plain.extract(&text);
        assert_invariants(&text, &found);
        let with_numbers = numbers.extract(&text);
        assert_invariants(&text, &with_numbers);
        for q in &found.quantities {
            assert!(with_numbers.quantities.contains(q), "{q:?} in {text:?}");
        }
        let mut end = 0;
        for (span, value) in find_numbers(&text) {
            assert!(span.start >= end);
            end = span.end;
            assert_span(&text, span, &text[span.range()]);
            assert!(value.to_f64().is_finite());
        }
        if let Some(v) = parse_number(&text) {
            assert!(v.to_f64().is_finite());
        }
    }
}
