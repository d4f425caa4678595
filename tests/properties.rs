//! Property tests: for any input, the spans slice the text to the record's
//! text, char offsets agree with byte offsets, lists are sorted and never
//! overlap, results are deterministic and the same on one thread or many.

mod common;

use std::str::FromStr;
use std::sync::LazyLock;

use common::{assert_invariants, assert_span};
use proptest::prelude::*;
use zh_extract::{Extraction, Extractor, Quantity, Span, find_numbers, parse_number};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);
static QUANTITIES_ONLY: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builder().entity_kinds([]).build().unwrap());
static WITH_NUMBERS: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builder().with_bare_numbers().build().unwrap());

/// Characters that matter to the recognisers, mixed with any char at all.
fn any_char() -> impl Strategy<Value = char> {
    let interesting: Vec<char> = concat!(
        "0123456789０１２３４５６７８９.,，。、；：！？%％-+~～/／$¥￥€£ ",
        "〇零一二两兩三四五六七八九十百千万萬亿億兆壹贰叁肆伍陆柒捌玖拾佰仟点點",
        "多余几数上成半负約约近超逾至到每第前元块角分毛圆美港欧镑日韩",
        "人名次位家件个岁斤公里米克吨亩度摄氏华百分之以左右下内",
        "王李张宁波市集团有限司总工会镇村县省区路号年月日时\n\r\t\u{3000}",
        "\u{200B}\u{200D}\u{FEFF}\u{202E}\u{0301}\u{1B}[😀👨‍👩𠀀𪚥ÀéАж·—–「」（）()",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzＡＢＣ",
    )
    .chars()
    .collect();
    prop_oneof![
        3 => proptest::sample::select(interesting),
        1 => any::<char>(),
    ]
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any_char(), 0..300).prop_map(String::from_iter)
}

/// Chinese text with numbers, amounts, names and line breaks.
fn chinese_text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat())
}

fn fragment() -> impl Strategy<Value = String> {
    let pick =
        |words: &'static [&'static str]| proptest::sample::select(words).prop_map(str::to_owned);
    prop_oneof![
        3 => quantity(),
        2 => pick(&[
            "王建国", "李明", "张伟", "宁波港集团有限公司", "宁波市总工会", "余姚市梁弄镇横坎头村",
            "江苏省", "鄞州区", "记者", "工会", "职工", "帮扶资金", "项目", "会议",
        ]),
        2 => pick(&["设立", "带动", "参与", "其中", "共有", "的", "和", "在", "达到", "增长", "第"]),
        2 => pick(&["，", "。", "、", "；", "\n", "\r\n", " ", "！", "（", "）", "“", "”"]),
        1 => pick(&["😀", "👨‍👩‍👧", "\u{200B}", "\u{FEFF}", "𠀀", "\u{1B}[31m", "\0", "Ａ", "é"]),
    ]
}

fn quantity() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        (0u64..1_000_000_000_000).prop_map(|n| n.to_string()),
        (0u64..10_000_000).prop_map(|n| {
            // With thousands separators.
            let s = n.to_string();
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        }),
        (0u32..100_000, 1u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        proptest::sample::select(
            &[
                "三",
                "十二",
                "一百零五",
                "两千三百",
                "4万",
                "1.5亿",
                "三四十",
                "数百",
                "十几",
                "200多",
                "3000余",
                "百分之三十",
                "壹万",
                "两",
                "半",
                "１２",
                "七八",
            ][..]
        )
        .prop_map(str::to_owned),
    ];
    let before = proptest::sample::select(&["", "", "约", "近", "超过", "¥", "US$", "每斤"][..]);
    let unit = proptest::sample::select(
        &[
            "元",
            "万元",
            "美元",
            "人",
            "名",
            "人次",
            "公斤",
            "%",
            "个百分点",
            "岁",
            "摄氏度",
            "亩",
            "件",
            "",
            "元/斤",
            " kg",
            "GB",
            "至5万元",
            "-20人",
        ][..],
    );
    let after = proptest::sample::select(&["", "", "左右", "以上", "多"][..]);
    (before, number, unit, after).prop_map(|(b, n, u, a)| format!("{b}{n}{u}{a}"))
}

fn shifted<'a>(q: &Quantity<'a>, bytes: usize, chars: usize) -> (Span, &'a str, Option<String>) {
    let s = q.span;
    (
        Span {
            start: s.start + bytes,
            end: s.end + bytes,
            char_start: s.char_start + chars,
            char_end: s.char_end + chars,
        },
        q.text,
        q.value.map(|v| v.to_string()),
    )
}

/// Quantities alone (only clauses with a figure are segmented) are the full
/// extractor's quantities plus amounts it dropped as part of a name.
fn same_quantities_alone(text: &str) -> Result<(), TestCaseError> {
    let difference = common::quantities_alone_differ(&EXTRACTOR, &QUANTITIES_ONLY, text);
    prop_assert!(difference.is_none(), "{}", difference.unwrap_or_default());
    Ok(())
}

fn summary<'a>(found: &Extraction<'a>) -> Vec<(Span, &'a str, Option<String>)> {
    found.quantities.iter().map(|q| shifted(q, 0, 0)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn 任意字符串都守住跨度不变式(text in any_text()) {
        let found = EXTRACTOR.extract(&text);
        assert_invariants(&text, &found);
        let again = EXTRACTOR.extract(&text);
        prop_assert_eq!(&found, &again);
        let numbers = WITH_NUMBERS.extract(&text);
        assert_invariants(&text, &numbers);
        // Bare numbers only add records: every default record is still there.
        for q in &found.quantities {
            prop_assert!(numbers.quantities.contains(q), "{:?} lost with --numbers", q);
        }
    }

    #[test]
    fn 只抽数量与全抽取一致_任意字符(text in any_text()) {
        same_quantities_alone(&text)?;
    }

    #[test]
    fn 只抽数量与全抽取一致_中文(text in chinese_text()) {
        same_quantities_alone(&text)?;
    }

    #[test]
    fn 任意unicode都守住跨度不变式(text in any::<String>()) {
        let found = WITH_NUMBERS.extract(&text);
        assert_invariants(&text, &found);
    }

    #[test]
    fn 中文文本守住跨度不变式(text in chinese_text()) {
        let found = EXTRACTOR.extract(&text);
        assert_invariants(&text, &found);
        prop_assert_eq!(&found, &EXTRACTOR.extract(&text));
        let numbers = WITH_NUMBERS.extract(&text);
        assert_invariants(&text, &numbers);
        for token in EXTRACTOR.tokenize(&text) {
            assert_span(&text, token.span, token.text);
        }
    }

    /// Nothing reads across a sentence end: the records of `a。b` are those
    /// of `a` and those of `b`, shifted. (Long documents are cut there.)
    #[test]
    fn 句号两边互不影响(a in chinese_text(), b in chinese_text()) {
        // Line breaks end sentences too; this property is about `。`.
        // Spaces may stand for line breaks (a document put on one line),
        // read by the length of the line they end, which runs across
        // sentences: they go too.
        let (a, b) = (a.replace(['\n', '\r', ' '], ""), b.replace(['\n', '\r', ' '], ""));
        let joined = format!("{a}。{b}");
        let whole = EXTRACTOR.extract(&joined);
        let mut parts = summary(&EXTRACTOR.extract(&a));
        let (bytes, chars) = (a.len() + '。'.len_utf8(), a.chars().count() + 1);
        parts.extend(EXTRACTOR.extract(&b).quantities.iter().map(|q| shifted(q, bytes, chars)));
        prop_assert_eq!(summary(&whole), parts);
    }

    #[test]
    fn 数字解析不崩溃且与查找一致(text in any_text()) {
        let found = find_numbers(&text);
        let mut end = 0;
        for (span, value) in &found {
            prop_assert!(span.start >= end, "overlap in {:?}", found);
            end = span.end;
            assert_span(&text, *span, &text[span.range()]);
            prop_assert!(value.to_f64().is_finite());
            // A numeral found on its own parses to the same value.
            if let Some(alone) = parse_number(&text[span.range()]) {
                prop_assert_eq!(alone, *value, "{:?}", &text[span.range()]);
            }
        }
    }

    #[test]
    fn 阿拉伯整数精确解析(n in 1u64.., extra in 0usize..40) {
        let digits = format!("{n}{}", "0".repeat(extra));
        let value = parse_number(&digits).expect("digits are a number");
        if let Ok(exact) = rust_decimal::Decimal::from_str(&digits) {
            prop_assert_eq!(value.as_decimal(), Some(exact));
            prop_assert_eq!(value.to_string(), digits);
        } else {
            // Beyond a Decimal: significand × 10^(digits − 1), or the next
            // power when the significand rounds up to 10.
            prop_assert!(value.as_decimal().is_none());
            let shown = value.to_string();
            let exponent = digits.len() - 1;
            prop_assert!(
                shown.ends_with(&format!("e+{exponent}"))
                    || shown.ends_with(&format!("e+{}", exponent + 1)),
                "{} for {}", shown, digits
            );
        }
    }

    #[test]
    fn 字节输入与字符串一致(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match (EXTRACTOR.extract_bytes(&bytes), std::str::from_utf8(&bytes)) {
            (Ok(found), Ok(text)) => prop_assert_eq!(found, EXTRACTOR.extract(text)),
            (Err(zh_extract::Error::InvalidUtf8 { offset }), Err(e)) => {
                prop_assert_eq!(offset, e.valid_up_to());
            }
            (got, want) => prop_assert!(false, "{:?} vs {:?}", got.map(|_| ()), want.map(|_| ())),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// One extractor shared by many threads gives what one thread gives.
    #[test]
    fn 多线程共享结果一致(docs in prop::collection::vec(chinese_text(), 1..24)) {
        let alone: Vec<Extraction<'_>> = docs.iter().map(|d| EXTRACTOR.extract(d)).collect();
        prop_assert_eq!(&EXTRACTOR.extract_batch(&docs), &alone);
        let extractor: &Extractor = &EXTRACTOR;
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..4)
                .map(|t| {
                    let docs = &docs;
                    scope.spawn(move || {
                        // Each thread walks the documents in its own order.
                        let mut out = vec![None; docs.len()];
                        for k in 0..docs.len() {
                            let i = (k * (t + 1) + t) % docs.len();
                            if out[i].is_none() {
                                out[i] = Some(extractor.extract(&docs[i]));
                            }
                        }
                        out
                    })
                })
                .collect();
            for h in handles {
                for (i, found) in h.join().unwrap().into_iter().enumerate() {
                    if let Some(found) = found {
                        assert_eq!(found, alone[i], "document {i}");
                    }
                }
            }
        });
    }

    /// A document longer than a piece, sentence after sentence: the same
    /// records as each sentence on its own. Without line breaks or the
    /// spaces that may stand for flattened ones: the view tells a wrap by
    /// the length of its line, which runs across sentences.
    #[test]
    fn 长文档与逐句结果一致(sentences in prop::collection::vec(chinese_text(), 1..12)) {
        let sentences: Vec<String> = sentences
            .into_iter()
            .map(|s| s.replace(['\n', '\r', '。', ' '], ""))
            .collect();
        let alone: Vec<Extraction<'_>> = sentences.iter().map(|s| EXTRACTOR.extract(s)).collect();
        let mut doc = String::new();
        let mut doc_chars = 0;
        let mut want = Vec::new();
        while doc.len() < 150_000 {
            for (s, found) in sentences.iter().zip(&alone) {
                want.extend(found.quantities.iter().map(|q| shifted(q, doc.len(), doc_chars)));
                doc.push_str(s);
                doc.push('。');
                doc_chars += s.chars().count() + 1;
            }
        }
        let found = EXTRACTOR.extract(&doc);
        assert_invariants(&doc, &found);
        prop_assert_eq!(summary(&found), want);
    }
}
