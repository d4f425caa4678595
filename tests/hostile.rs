//! Hostile input: each case states exactly what the extractor reports.
//!
//! Every case also passes the invariants of `common::assert_invariants`
//! (spans, char offsets, order, no overlap, JSON without NaN/infinity).

mod common;

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use common::assert_invariants;
use zh_extract::{Extraction, Extractor, find_numbers, parse_number};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);
static WITH_NUMBERS: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builder().with_bare_numbers().build().unwrap());

/// A quantity as a case expects it: text, kind, value as shown, unit.
type Want = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

/// Release builds get this long for any one case; debug builds 20 times
/// as long. Linear work on these sizes takes well under a second.
fn budget() -> Duration {
    let base = Duration::from_secs(4);
    if cfg!(debug_assertions) {
        base * 20
    } else {
        base
    }
}

fn run<'a>(extractor: &Extractor, text: &'a str) -> Extraction<'a> {
    let started = Instant::now();
    let found = extractor.extract(text);
    let took = started.elapsed();
    assert!(took < budget(), "took {took:?} on {} bytes", text.len());
    assert_invariants(text, &found);
    found
}

fn quantities(found: &Extraction<'_>) -> Vec<(String, String, Option<String>, String)> {
    found
        .quantities
        .iter()
        .map(|q| {
            (
                q.text.to_owned(),
                q.kind.as_str().to_owned(),
                q.value.map(|v| v.to_string()),
                q.unit.to_owned(),
            )
        })
        .collect()
}

fn owned(want: &[Want]) -> Vec<(String, String, Option<String>, String)> {
    want.iter()
        .map(|(t, k, v, u)| {
            (
                t.to_string(),
                k.to_string(),
                v.map(str::to_owned),
                u.to_string(),
            )
        })
        .collect()
}

fn short(text: &str) -> String {
    if text.len() <= 60 {
        return format!("{text:?}");
    }
    let mut cut = 60;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{:?}… ({} bytes)", &text[..cut], text.len())
}

/// Runs a table of (input, quantities expected) with `extractor`.
fn table(extractor: &Extractor, cases: &[(String, &[Want])]) {
    for (input, want) in cases {
        let found = run(extractor, input);
        assert_eq!(
            quantities(&found),
            owned(want),
            "quantities of {}",
            short(input)
        );
    }
}

const MONEY_200: Want = ("200万元", "money", Some("2000000"), "CNY");

#[test]
fn 代码和版本号不是金额() {
    let cases: Vec<(String, &[Want])> = vec![
        ("1.1.1.1元".into(), &[]),
        ("版本V2.3.1发布".into(), &[]),
        ("IP是192.168.1.1元".into(), &[]),
        // Scientific notation is not how amounts are written: a code.
        ("1e999元".into(), &[]),
        ("1E999元".into(), &[]),
        ("-1e-999元".into(), &[]),
        (format!("1e{}元", "9".repeat(10_000)), &[]),
    ];
    table(&EXTRACTOR, &cases);
}

#[test]
fn 二十万位数字加元是一笔金额() {
    // 200,000 digits: 123456789 repeated, then 元.
    let digits: String = "123456789".chars().cycle().take(200_000).collect();
    let text = format!("{digits}元");
    let found = run(&EXTRACTOR, &text);
    assert_eq!(found.quantities.len(), 1);
    let q = &found.quantities[0];
    assert_eq!(q.text, text);
    assert_eq!(q.unit, "CNY");
    let value = q.value.unwrap();
    // 21 significant digits, rounded half up: …123|4… → …123.
    assert_eq!(value.to_string(), "1.23456789123456789123e+199999");
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        "1.23456789123456789123e+199999"
    );
    assert!(value.as_decimal().is_none());
    assert_eq!(value.to_f64(), f64::MAX);

    // All nines round up into the next power of ten.
    let nines = format!("{}元", "9".repeat(200_000));
    let found = run(&EXTRACTOR, &nines);
    assert_eq!(found.quantities.len(), 1);
    assert_eq!(found.quantities[0].text, nines);
    assert_eq!(found.quantities[0].value.unwrap().to_string(), "1e+200000");

    // The same with full-width digits and a negative sign.
    let wide: String = "１２".repeat(50_000);
    let text = format!("-{wide}美元");
    let found = run(&EXTRACTOR, &text);
    assert_eq!(found.quantities.len(), 1);
    assert_eq!(found.quantities[0].text, text);
    assert_eq!(
        found.quantities[0].value.unwrap().to_string(),
        "-1.21212121212121212121e+99999"
    );
}

#[test]
fn 超出精确范围的数值不溢出() {
    let cases: Vec<(String, &[Want])> = vec![
        // 29 digits fit a Decimal; 32 do not.
        (
            "79228162514264337593543950335元".into(),
            &[(
                "79228162514264337593543950335元",
                "money",
                Some("79228162514264337593543950335"),
                "CNY",
            )],
        ),
        (
            "99999999999999999999999999999999元".into(),
            &[(
                "99999999999999999999999999999999元",
                "money",
                Some("1e+32"),
                "CNY",
            )],
        ),
        (
            "零下99999999999999999999999999999999999摄氏度".into(),
            &[(
                "零下99999999999999999999999999999999999摄氏度",
                "temperature",
                Some("-1e+35"),
                "°C",
            )],
        ),
        (
            "百分之99999999999999999999999999999999".into(),
            &[(
                "百分之99999999999999999999999999999999",
                "percent",
                Some("1e+32"),
                "%",
            )],
        ),
        // Decimal places beyond 28 are dropped, never wrapped around.
        (
            "0.000000000000000000000000000001元".into(),
            &[(
                "0.000000000000000000000000000001元",
                "money",
                Some("0"),
                "CNY",
            )],
        ),
        (
            "9999999999999999999999999999999999999999亿亿亿元".into(),
            &[(
                "9999999999999999999999999999999999999999亿亿亿元",
                "money",
                Some("1e+64"),
                "CNY",
            )],
        ),
    ];
    table(&EXTRACTOR, &cases);
}

#[test]
fn 五万个万和五万个一() {
    let wan = "万".repeat(50_000);
    let one = "一".repeat(50_000);
    let cases: Vec<(String, &[Want])> = vec![
        // No digit before them: 万 alone names no number.
        (wan.clone(), &[]),
        (format!("{wan}元"), &[]),
        // 一 then 50,000 万: each 万 multiplies the whole, 10^(4·50000).
        (
            format!("一{wan}元"),
            &[("", "money", Some("1e+200000"), "CNY")],
        ),
        // 50,000 一 written one after another: the digits of one number.
        (one.clone(), &[]),
        // ... and before 元 still a digit sequence (a code, like 一九九八),
        // which takes no unit.
        (format!("{one}元"), &[]),
    ];
    for (input, want) in &cases {
        let found = run(&EXTRACTOR, input);
        let got = quantities(&found);
        assert_eq!(got.len(), want.len(), "{}", short(input));
        for (g, w) in got.iter().zip(want.iter()) {
            // A whole-input record (text "" in the table) spans everything.
            let text = if w.0.is_empty() { input.as_str() } else { w.0 };
            assert_eq!(g.0, text);
            assert_eq!(
                (g.1.as_str(), g.2.as_deref(), g.3.as_str()),
                (w.1, w.2, w.3)
            );
        }
    }
    // As bare numbers: the same values, spans over the whole run.
    let found = run(&WITH_NUMBERS, &one);
    assert_eq!(found.quantities.len(), 1);
    assert_eq!(found.quantities[0].text, one);
    assert_eq!(
        parse_number(&one).unwrap().to_string(),
        "1.11111111111111111111e+49999"
    );
    assert_eq!(
        parse_number(&format!("一{wan}")).unwrap().to_string(),
        "1e+200000"
    );
    assert!(parse_number(&wan).is_none());
    assert!(find_numbers(&wan).is_empty());
}

#[test]
fn 重复的前缀和连接词保持线性() {
    let cases: Vec<(String, &[Want])> = vec![
        ("百分之".repeat(50_000), &[]),
        (
            format!("{}三十", "百分之".repeat(50_000)),
            &[("百分之三十", "percent", Some("30"), "%")],
        ),
        ("1至".repeat(50_000), &[]),
        (
            format!("{}5元", "1至".repeat(50_000)),
            &[("1至5元", "money", Some("1"), "CNY")],
        ),
        ("约".repeat(50_000), &[]),
        (
            format!("{}3元", "约".repeat(50_000)),
            &[("约3元", "money", Some("3"), "CNY")],
        ),
        ("每斤".repeat(50_000), &[]),
        ("第".repeat(50_000), &[]),
        ("-".repeat(100_000), &[]),
        ("1-".repeat(50_000), &[]),
        ("1.".repeat(50_000), &[]),
        ("1,".repeat(50_000), &[]),
        ("零".repeat(50_000), &[]),
        ("十".repeat(50_000), &[]),
        ("¥".repeat(50_000), &[]),
        ("US$".repeat(30_000), &[]),
        ("两千三百".repeat(20_000), &[]),
    ];
    table(&EXTRACTOR, &cases);
    // The range keeps both bounds.
    let text = format!("{}5元", "1至".repeat(50_000));
    let found = run(&EXTRACTOR, &text);
    let q = &found.quantities[0];
    assert_eq!(q.span.end, text.len());
    assert_eq!(
        (q.min.unwrap().to_string(), q.max.unwrap().to_string()),
        ("1".into(), "5".into())
    );
}

#[test]
fn 深层嵌套括号() {
    let deep = |open: &str, close: &str| {
        format!("{}200万元{}", open.repeat(100_000), close.repeat(100_000))
    };
    let cases: Vec<(String, &[Want])> = vec![
        (deep("(", ")"), &[MONEY_200]),
        (deep("（", "）"), &[MONEY_200]),
        (deep("《", "》"), &[MONEY_200]),
        (deep("[{<", ">}]"), &[MONEY_200]),
        (deep("“", "”"), &[MONEY_200]),
        ("(".repeat(300_000), &[]),
    ];
    table(&EXTRACTOR, &cases);
}

#[test]
fn 各种文字和符号原样通过() {
    let around = |before: &str, after: &str| format!("{before}设立200万元帮扶资金{after}");
    let cases: Vec<(String, &[Want])> = vec![
        (around("😀👨‍👩‍👧‍👦🏳️‍🌈", "🇨🇳👍🏽"), &[MONEY_200]),
        (around("𠀀𠀁𪚥𰀀", "𠮷野家"), &[MONEY_200]),
        (
            around("e\u{301}a\u{308}\u{20DD}", "\u{300}\u{301}\u{302}"),
            &[MONEY_200],
        ),
        (around("\u{202E}\u{2067}", "\u{2069}\u{202C}"), &[MONEY_200]),
        (
            around("\0\u{1}\u{7}\u{8}\u{1B}[31m", "\u{1B}[0m\u{7F}\u{85}\u{9F}"),
            &[MONEY_200],
        ),
        (
            around("\u{FEFF}", "\u{FFFD}\u{FFFF}\u{10FFFF}"),
            &[MONEY_200],
        ),
        (around("Ｆｕｌｌ－ｗｉｄｔｈ", "ＡＢＣ"), &[MONEY_200]),
        (around("\u{E000}\u{F8FF}", "\u{F0000}"), &[MONEY_200]),
        ("\0".repeat(10_000), &[]),
        (String::new(), &[]),
        (" \t\n\r\u{3000}".repeat(2_000), &[]),
        // Invisible characters inside an amount are read through; the span
        // keeps them.
        (
            "设立200\u{200B}万\u{200D}元".into(),
            &[("200\u{200B}万\u{200D}元", "money", Some("2000000"), "CNY")],
        ),
        ("\u{2066}200万元\u{2069}".into(), &[MONEY_200]),
        (
            "200\u{AD}万元".into(),
            &[("200\u{AD}万元", "money", Some("2000000"), "CNY")],
        ),
        // Full-width digits and units fold to ASCII; the span is the original.
        (
            "增长１２．５％".into(),
            &[("１２．５％", "percent", Some("12.5"), "%")],
        ),
        (
            "ＵＳ＄１００".into(),
            &[("ＵＳ＄１００", "money", Some("100"), "USD")],
        ),
        // Traditional characters.
        (
            "營收達1.5億元".into(),
            &[("1.5億元", "money", Some("150000000"), "CNY")],
        ),
        (
            "兩千萬美元".into(),
            &[("兩千萬美元", "money", Some("20000000"), "USD")],
        ),
        (
            "壹萬元整".into(),
            // The 整 of an amount written out in full belongs to it.
            &[("壹萬元整", "money", Some("10000"), "CNY")],
        ),
    ];
    table(&EXTRACTOR, &cases);
}

#[test]
fn 控制字符与组合记号不破坏偏移() {
    let text = "\0\u{1}a\u{301}𠀀\u{200D}👩‍👩‍👧设立3元";
    let found = run(&EXTRACTOR, text);
    assert_eq!(found.quantities.len(), 1);
    let q = &found.quantities[0];
    assert_eq!(q.text, "3元");
    // 2 controls, a + combining acute, 𠀀, ZWJ, 5 scalars of the family, 设立.
    assert_eq!(q.span.char_start, 2 + 2 + 1 + 1 + 5 + 2);
}

#[test]
fn 没有中文就没有记录() {
    let texts = [
        "The quick brown fox jumps over 13 lazy dogs at 10:30 on 2023-03-08.",
        "ERROR 2023-03-08T10:30:00Z worker-7 pid=1234 retry=3 latency_ms=250",
        "id,name,score\n1,alice,93.5\n2,bob,88\n",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit 42.",
        "Ελληνικά 123 русский 456 עברית 789 العربية ١٢٣ हिन्दी ४५६",
        "ＡＢＣ　ｄｅｆ　１２３",
    ];
    for text in texts {
        let found = run(&EXTRACTOR, text);
        assert!(
            found.quantities.is_empty(),
            "{text:?}: {:?}",
            found.quantities
        );
        assert!(found.entities.is_empty(), "{text:?}: {:?}", found.entities);
    }
}

#[test]
fn 回车换行不进入跨度() {
    let text = "合计\r\n200万元\r\n另有3元\r\n";
    let found = run(&EXTRACTOR, text);
    assert_eq!(
        quantities(&found),
        owned(&[MONEY_200, ("3元", "money", Some("3"), "CNY")])
    );
    assert_eq!(
        (found.quantities[0].span.start, found.quantities[0].span.end),
        (8, 17)
    );
    assert_eq!(
        (found.quantities[1].span.start, found.quantities[1].span.end),
        (25, 29)
    );
    // Lone CRs (old Mac line ends) also separate.
    let text = "200万元\r3元\r";
    let found = run(&EXTRACTOR, text);
    assert_eq!(
        quantities(&found),
        owned(&[MONEY_200, ("3元", "money", Some("3"), "CNY")])
    );
}

#[test]
fn 无效字节给出偏移() {
    let err = EXTRACTOR.extract_bytes(b"200\xE4\xB8").unwrap_err();
    assert!(
        matches!(err, zh_extract::Error::InvalidUtf8 { offset: 3 }),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "invalid UTF-8 at byte 3");
    let err = EXTRACTOR.extract_bytes(b"\xFF").unwrap_err();
    assert!(matches!(err, zh_extract::Error::InvalidUtf8 { offset: 0 }));
    let ok = EXTRACTOR.extract_bytes("设立200万元".as_bytes()).unwrap();
    assert_eq!(ok.quantities.len(), 1);
}

/// A long document with no sentence end is cut into pieces; every amount
/// across a cut is still found once, whole, at the right offsets, with the
/// same value. (Cuts used to fall inside `1,234,567`, `3 kg`, `10-20人`
/// and, past 1 MiB, between the digits and the unit.)
#[test]
fn 无标点长文档跨块不丢记录() {
    let units: [(&str, &str, &str); 6] = [
        ("200万元", "200万元", "2000000"),
        ("宁波港集团设立200万元帮扶资金", "200万元", "2000000"),
        (
            "12345678901234567890元",
            "12345678901234567890元",
            "12345678901234567890",
        ),
        ("price 1,234,567 USD ", "1,234,567 USD", "1234567"),
        ("重 3 kg 的箱子 ", "3 kg", "3"),
        ("10-20人 ", "10-20人", "10"),
    ];
    for (unit, record, value) in units {
        let reps = 1_300_000 / unit.len() + 1;
        let text = unit.repeat(reps);
        let found = run(&EXTRACTOR, &text);
        assert_eq!(found.quantities.len(), reps, "{unit}");
        let step = unit.len();
        let offset = unit.find(record).unwrap();
        for (k, q) in found.quantities.iter().enumerate() {
            assert_eq!(q.span.start, k * step + offset, "{unit} #{k}");
            assert_eq!(q.text, record, "{unit} #{k}");
            assert_eq!(q.value.unwrap().to_string(), value, "{unit} #{k}");
        }
    }
}

/// A long document of sentences is cut after sentence ends, where a record
/// often ends right before the cut (this used to loop forever).
#[test]
fn 长文档在句末切块() {
    for sentence in [
        "设立200万元。",
        "共有86名职工\n",
        "费用3元！\r\n",
        "增长30%；",
    ] {
        let reps = 200_000 / sentence.len() + 1;
        let text = sentence.repeat(reps);
        let found = run(&EXTRACTOR, &text);
        assert_eq!(found.quantities.len(), reps, "{sentence:?}");
        for (k, q) in found.quantities.iter().enumerate() {
            assert!(q.span.start >= k * sentence.len(), "{sentence:?} #{k}");
            assert!(q.span.end <= (k + 1) * sentence.len(), "{sentence:?} #{k}");
        }
    }
}

/// A soft line break (a wrapped line, as PDF output has) inside an amount
/// is read through, in CRLF text too.
#[test]
fn 软换行里的金额() {
    let line = "这是一段很长的正文内容用来代表文档中普通段落的宽度所以会被折行设立两百";
    let text = format!("{line}\r\n万元帮扶资金{line}\r\n{line}\r\n");
    let found = run(&EXTRACTOR, &text);
    assert_eq!(found.quantities.len(), 1);
    assert_eq!(found.quantities[0].text, "两百\r\n万元");
    assert_eq!(found.quantities[0].value.unwrap().to_string(), "2000000");
}

/// Work grows linearly: 16 times the input takes well under 256 times as
/// long (the bound is loose: the machine is shared and timing is noisy).
/// A named way to build an input of about `n` bytes.
type Maker = (&'static str, fn(usize) -> String);

#[test]
fn 病态输入保持线性() {
    let makers: [Maker; 5] = [
        ("digits", |n| format!("{}元", "7".repeat(n))),
        ("wan", |n| format!("一{}元", "万".repeat(n / 3))),
        ("ranges", |n| format!("{}5元", "1至".repeat(n / 4))),
        ("percent", |n| "百分之".repeat(n / 9)),
        ("han", |n| "王建国在宁波市".repeat(n / 21)),
    ];
    for (name, make) in makers {
        let small = make(40_000);
        let large = make(640_000);
        let time = |text: &str| {
            (0..3)
                .map(|_| {
                    let started = Instant::now();
                    std::hint::black_box(EXTRACTOR.extract(text));
                    started.elapsed()
                })
                .min()
                .unwrap()
        };
        let (t_small, t_large) = (time(&small), time(&large));
        let floor = Duration::from_millis(5);
        assert!(
            t_large < (t_small.max(floor)) * 64,
            "{name}: {t_small:?} for {} bytes, {t_large:?} for {} bytes",
            small.len(),
            large.len()
        );
    }
}

#[test]
fn 超出双精度范围的值写成null加文本() {
    let text = format!("{}元以上", "9".repeat(400));
    let found = run(&EXTRACTOR, &text);
    let json = serde_json::to_value(found.quantities[0]).unwrap();
    assert_eq!(json["value"], serde_json::Value::Null);
    assert_eq!(json["value_text"], "1e+400");
    assert_eq!(json["min"], serde_json::Value::Null);
    assert_eq!(json["min_text"], "1e+400");
    assert!(json.get("max").is_none() && json.get("max_text").is_none());

    // Within the double range: a JSON number and no text.
    let text = format!("{}元", "9".repeat(300));
    let found = run(&EXTRACTOR, &text);
    let json = serde_json::to_value(found.quantities[0]).unwrap();
    assert!(json["value"].as_f64().is_some_and(f64::is_finite));
    assert!(json.get("value_text").is_none());
}
