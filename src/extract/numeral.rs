//! Numerals: Arabic, full-width (folded by the view), Chinese, financial and
//! traditional forms, mixed (`1.5亿`), vague (`数十`, `三四十`, `十几`).
//!
//! [`parse`] is a pure function over chars: no allocation, linear in the
//! numeral's length, exact (`Decimal`) while the value fits and scientific
//! beyond. Choices worth knowing:
//!
//! - A Chinese digit right after a unit takes the next lower place
//!   (`两千三` = 2300, `一万三` = 13000, `1万2` = 12000), unless `零` stands
//!   between (`一万零三` = 10003).
//! - Digits written one after another with no unit are a sequence
//!   (`一九九七` = 1997, [`Shape::digit_sequence`]), except adjacent pairs
//!   that name a range (`三四十` = 30–40, `两三` = 2–3).
//! - `多`/`余`/`几` make the value a lower bound (`Over`); the upper bound
//!   adds one unit of the lowest non-zero digit (`3000多` → 3000–4000).
//! - `数十`/`几百万` name no number (value `None`, `About`, 2–9 of the
//!   unit); `上百`/`上万` are about 100/10000; `成千上万` (`成百上千`) is
//!   `None`, `About`, at least 1000 (100), with no upper bound.
//! - `兆` is 10¹² only with more of the numeral after it (`五兆六十二亿`);
//!   at the end it is left alone (`5兆瓦` is megawatts).
//! - Exponent notation is read on an Arabic number (`2e5`, `1.5E+3`,
//!   `-1e1`, `2.5e-3`; [`Shape::scientific`]) only when `e`/`E` is directly
//!   followed by digits, optionally signed, and no ASCII letter follows
//!   them (`5em`, `3e`, `e.g.` are left alone), nor stands right before the
//!   number (`0x1e5` is a code). The value is exact while it fits: `1e999`
//!   is scientific 1e+999, never infinite; places below [`Decimal`]'s 28th
//!   are dropped toward zero, as for a long decimal (`1e-30` is 0); an
//!   exponent too large for `u64` saturates at `u64::MAX`
//!   (`1e99999999999999999999` is 1e+18446744073709551615).
//! - `圆` is a currency, not a digit; `、` never groups digits, `，` only
//!   as [`wide_grouping`] says (`36，500.00` is one number, `5，6，7` three); `点`
//!   needs a digit after it (`三点半` is 3, `三点五十分` is 3, a time).
//! - [`find_numbers`] and [`parse_number`] (not [`parse`], which the
//!   quantity scanner uses, where `15k` is a salary and `M` may be a unit)
//!   also read powers (`2^5` = 32, `2.5^-1` = 0.4) and the multiplier
//!   suffixes `k`/`K` (10³) and `M` (10⁶) after an Arabic number
//!   (`40k`, `-2.5 M`).

use rust_decimal::Decimal;

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
    /// Chinese digits written one after another without units (`一九九七`,
    /// `二〇二三`): a year or a code rather than an amount.
    pub digit_sequence: bool,
    /// Written in exponent notation (`2e5`, `1.5E+3`, `2.5e-3`): a formula
    /// or a code more often than an amount.
    pub scientific: bool,
}

/// A numeral read from normalised chars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Numeral {
    /// One past the last char consumed.
    pub end: usize,
    /// The value; `None` for vague numerals that name no number (`数十`, `几百`).
    pub value: Option<Value>,
    /// `Exact`; `Over` for `三十余`, `2万多`, `十几`; `Range` for `三四十`,
    /// `两三`; `About` for `数十`, `上百`, `成千上万`.
    pub approx: Approx,
    /// Lower bound when known (`三十余` → 30, `十几` → 10, `数十` → 20,
    /// `成千上万` → 1000).
    pub min: Option<Value>,
    /// Upper bound when known: for `Over`, the value plus one unit of its
    /// lowest non-zero digit (`三十余` → 40, `十几` → 20, `1.5万多` →
    /// 16000); `数十` → 90; none for `上百`, `成千上万`.
    pub max: Option<Value>,
    /// Power of ten of the trailing multiplier as written (`5万` → 4,
    /// `3千万` → 7, `12` → 0), so a range can share it (`3至5万`).
    pub trailing_scale: u32,
    /// What it looks like.
    pub shape: Shape,
}

/// The largest mantissa a [`Decimal`] holds (2⁹⁶ − 1).
const MAX_MANTISSA: i128 = 79_228_162_514_264_337_593_543_950_335;

fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

/// A Chinese digit, `〇`/`零` included, in every script (`二`, `贰`, `貳`,
/// `两`, `兩`).
fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '俩' | '倆' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// `两` and its variants: a count (`两千`), never a digit of a written-out
/// sequence (`一九九七`) or of a decimal part (`两百点两` is 200 and 2).
fn is_liang(c: char) -> bool {
    matches!(c, '两' | '兩' | '俩' | '倆')
}

fn is_zero(c: char) -> bool {
    matches!(c, '〇' | '零')
}

/// `十百千` and their financial forms, as powers of ten.
fn small_unit(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(1),
        '百' | '佰' => Some(2),
        '千' | '仟' => Some(3),
        _ => None,
    }
}

/// `万亿` and their traditional forms, as powers of ten. `兆` is read apart
/// (see [`zhao_at`]).
fn big_unit(c: char) -> Option<u32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        _ => None,
    }
}

/// `兆` as 10¹²: only inside a numeral, when more of it follows
/// (`五兆六十二亿`). As a trailing multiplier it is ambiguous (`5兆瓦` is
/// five megawatts, SI's 10⁶), so it is left to the measure recogniser.
fn zhao_at(chars: &[char], i: usize) -> bool {
    at(chars, i) == Some('兆')
        && at(chars, i + 1).is_some_and(|c| chinese_digit(c).is_some() || c.is_ascii_digit())
}

fn multiplier_at(chars: &[char], i: usize) -> Option<u32> {
    let c = at(chars, i)?;
    small_unit(c)
        .or_else(|| big_unit(c))
        .or_else(|| zhao_at(chars, i).then_some(12))
}

/// A Chinese numeral character of the common scripts: a digit, `〇`/`零`,
/// a multiplier up to `亿`, or a financial form (the scanner's test for
/// "a numeral stands here", without the rarer traditional variants).
pub(crate) fn is_numeral_char(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '壹'
            | '贰'
            | '叁'
            | '肆'
            | '伍'
            | '陆'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
    )
}

fn is_point(c: char) -> bool {
    matches!(c, '点' | '點')
}

fn is_over(c: char) -> bool {
    matches!(c, '多' | '余' | '餘')
}

fn is_ji(c: char) -> bool {
    matches!(c, '几' | '幾')
}

/// `10^p` as an exact value (scientific beyond range).
fn pow10(p: u32) -> Value {
    Value::from_int(1).scale_pow10(p)
}

/// An Arabic number: digits, thousands groups, decimal part.
struct Arabic {
    end: usize,
    value: Value,
    int_digits: usize,
    grouped: bool,
    decimal: bool,
    leading_zero: bool,
}

/// Reads `1,234.5`-like text at `i`; a leading `.` is allowed (`.5`).
/// Linear in the length; exact while the digits fit a [`Decimal`], then the
/// integer digits that do not fit only raise the power of ten.
fn read_arabic(chars: &[char], i: usize) -> Option<Arabic> {
    let mut j = i;
    let mut mantissa: i128 = 0;
    let mut scale: u32 = 0;
    let mut dropped: u64 = 0; // integer digits beyond the mantissa
    let mut int_digits = 0usize;
    let mut grouped = false;
    let mut separator = None;
    let digit = |k: usize| at(chars, k).and_then(|c| c.to_digit(10).filter(|_| c.is_ascii_digit()));
    let three_digits = |k: usize| (1..=3).all(|d| digit(k + d).is_some()) && digit(k + 4).is_none();
    while let Some(c) = at(chars, j) {
        if let Some(d) = digit(j) {
            let d = i128::from(d);
            if dropped == 0 && mantissa <= (MAX_MANTISSA - d) / 10 {
                mantissa = mantissa * 10 + d;
            } else {
                dropped += 1;
            }
            int_digits += 1;
            j += 1;
        } else if (c == ',' || c == '，')
            && int_digits > 0
            && (grouped || int_digits <= 3)
            && three_digits(j)
            && separator.is_none_or(|s| s == c)
            && (c == ',' || separator.is_some() || wide_grouping(chars, j, int_digits))
        {
            grouped = true;
            separator = Some(c);
            j += 1;
        } else {
            break;
        }
    }
    let mut decimal = false;
    if at(chars, j) == Some('.') && digit(j + 1).is_some() {
        decimal = true;
        j += 1;
        while let Some(d) = digit(j) {
            let d = i128::from(d);
            if dropped == 0 && scale < 28 && mantissa <= (MAX_MANTISSA - d) / 10 {
                mantissa = mantissa * 10 + d;
                scale += 1;
            }
            j += 1;
        }
    }
    if int_digits == 0 && !decimal {
        return None;
    }
    let exact = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    let mut value = Value::Exact(exact.normalize());
    if dropped > 0 {
        value = value.scale_pow10(u32::try_from(dropped).unwrap_or(u32::MAX));
    }
    Some(Arabic {
        end: j,
        value,
        int_digits,
        grouped,
        decimal,
        leading_zero: at(chars, i) == Some('0') && digit(i + 1).is_some(),
    })
}

/// Whether the full-width comma at `at`, after a first group of `first`
/// digits, groups thousands (`36，500.00`, `1，200，000`, `100，000`)
/// rather than separating a list (`5，6，7`, `120，350，420`): every group
/// after it has exactly three digits, no list item follows, and the first
/// group is shorter than three digits, or a group starts with `0`, or a
/// decimal part follows.
fn wide_grouping(chars: &[char], at: usize, first: usize) -> bool {
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    let mut p = at;
    let mut zero_start = false;
    while chars.get(p) == Some(&'，') && (1..=3).all(|d| digit(p + d)) && !digit(p + 4) {
        zero_start |= chars[p + 1] == '0';
        p += 4;
    }
    let list_follows = chars.get(p) == Some(&'，') && digit(p + 1);
    let decimal = chars.get(p) == Some(&'.') && digit(p + 1);
    p > at && !list_follows && (first < 3 || zero_start || decimal)
}

/// An exponent mark at `i` (`e5`, `E+3`, `e-1`): `e`/`E` directly followed
/// by digits, optionally signed, with no ASCII letter after them. Returns
/// (end, power); a power beyond `u64` saturates at `u64::MAX`.
fn exponent_at(chars: &[char], i: usize) -> Option<(usize, i128)> {
    if !matches!(at(chars, i)?, 'e' | 'E') {
        return None;
    }
    let mut j = i + 1;
    let negative = at(chars, j) == Some('-');
    if matches!(at(chars, j), Some('-' | '+')) {
        j += 1;
    }
    let digits_start = j;
    let mut magnitude: u64 = 0;
    while let Some(d) = at(chars, j).filter(char::is_ascii_digit) {
        let d = u64::from(d.to_digit(10).unwrap_or(0));
        magnitude = magnitude.saturating_mul(10).saturating_add(d);
        j += 1;
    }
    if j == digits_start || at(chars, j).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let power = i128::from(magnitude);
    Some((j, if negative { -power } else { power }))
}

/// The value of the Arabic number at `i..end` (digits and one `.`, as
/// [`read_arabic`] read them) times `10^power`. Keeps every significant
/// digit a [`Decimal`] mantissa holds, wherever the point falls, so
/// `0.000…0012e30` loses nothing to the 28 decimal places.
fn scientific_value(chars: &[char], i: usize, end: usize, power: i128) -> Value {
    let mut mantissa: i128 = 0;
    let mut shift: i128 = power;
    let mut fraction = false;
    let mut full = false;
    for &c in &chars[i..end] {
        if c == '.' {
            fraction = true;
            continue;
        }
        let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) else {
            continue;
        };
        let d = i128::from(d);
        if !full && mantissa <= (MAX_MANTISSA - d) / 10 {
            mantissa = mantissa * 10 + d;
            if fraction {
                shift -= 1;
            }
        } else {
            // Past the mantissa's precision: an integer digit still counts
            // as a power of ten, a fraction digit is dropped.
            full = true;
            if !fraction {
                shift += 1;
            }
        }
    }
    let exact = Decimal::try_from_i128_with_scale(mantissa, 0).unwrap_or(Decimal::ZERO);
    Value::Exact(exact).shift_pow10(shift)
}

/// Accumulates Chinese digits (or any char `digit_of` maps) into an exact
/// value, like [`read_arabic`]: `一九九七` → 1997. Returns (end, value,
/// count).
fn read_digit_run(
    chars: &[char],
    i: usize,
    digit_of: impl Fn(char) -> Option<u8>,
    fraction: bool,
) -> (usize, Value, usize) {
    let mut j = i;
    let mut mantissa: i128 = 0;
    let mut scale: u32 = 0;
    let mut dropped: u64 = 0;
    while let Some(d) = at(chars, j).and_then(&digit_of) {
        let d = i128::from(d);
        if fraction {
            if scale < 28 && mantissa <= (MAX_MANTISSA - d) / 10 {
                mantissa = mantissa * 10 + d;
                scale += 1;
            }
        } else if dropped == 0 && mantissa <= (MAX_MANTISSA - d) / 10 {
            mantissa = mantissa * 10 + d;
        } else {
            dropped += 1;
        }
        j += 1;
    }
    let exact = Decimal::try_from_i128_with_scale(mantissa, scale).unwrap_or(Decimal::ZERO);
    let mut value = Value::Exact(exact.normalize());
    if dropped > 0 {
        value = value.scale_pow10(u32::try_from(dropped).unwrap_or(u32::MAX));
    }
    (j, value, j - i)
}

/// A digit of a written-out sequence or decimal part: not `两`.
fn sequence_digit(c: char) -> Option<u8> {
    if is_liang(c) { None } else { chinese_digit(c) }
}

/// Two adjacent digits naming a range at `j` (`三四十`, `七八百`, `两三`,
/// `十七八`): ascending, at most two apart, and either followed by a
/// multiplier or one of the pairs that are ranges on their own.
fn range_pair(chars: &[char], j: usize, at_start: bool) -> Option<(u8, u8)> {
    let (ca, cb) = (at(chars, j)?, at(chars, j + 1)?);
    let (a, b) = (chinese_digit(ca)?, chinese_digit(cb)?);
    if a == 0 || b <= a || b - a > 2 || is_liang(cb) {
        return None;
    }
    if multiplier_at(chars, j + 2).is_some() {
        return Some((a, b));
    }
    let common = match (a, b) {
        // `二三` at the start is more often a code or a list than a range.
        (2, 3) => is_liang(ca) || !at_start,
        (3, 4) | (4, 5) | (5, 6) | (6, 7) | (7, 8) | (8, 9) | (3, 5) => true,
        _ => false,
    };
    common.then_some((a, b))
}

/// The part of a numeral read so far, for one bound.
#[derive(Clone, Copy, Debug)]
struct Acc {
    /// Completed groups of `万`/`亿`.
    total: Value,
    /// The group below the last `万`/`亿` (`十百千` terms).
    section: Value,
    /// A digit (or Arabic number, or decimal) not yet given a unit.
    digit: Option<Value>,
}

impl Acc {
    const EMPTY: Acc = Acc {
        total: Value::ZERO,
        section: Value::ZERO,
        digit: None,
    };

    fn small(&mut self, p: u32) {
        let d = self.digit.take().unwrap_or(Value::from_int(1));
        self.section = self.section.add(d.scale_pow10(p));
    }

    /// `above`: the unit is above every group so far (`一万五千亿`),
    /// so it multiplies them too.
    fn big(&mut self, p: u32, above: bool) {
        let current = self.section.add(self.digit.take().unwrap_or(Value::ZERO));
        self.total = if above {
            self.total.add(current).scale_pow10(p)
        } else {
            self.total.add(current.scale_pow10(p))
        };
        self.section = Value::ZERO;
    }

    fn finish(&self, implied: Option<u32>) -> Value {
        let digit = self.digit.map_or(Value::ZERO, |d| match implied {
            Some(p) => d.scale_pow10(p),
            None => d,
        });
        self.total.add(self.section).add(digit)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prev {
    Start,
    /// A Chinese digit (or a range pair).
    Digit,
    /// An Arabic number, or a Chinese number with a decimal part that a
    /// multiplier may still scale (`三点五万`).
    Number,
    Small,
    Big,
    Zero,
    Over,
    Ji,
    /// A decimal part after `万`/`亿` (`两千万点五`): nothing follows.
    Final,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Unknown,
    Arabic,
    Chinese,
}

#[derive(Clone, Copy)]
struct State {
    lo: Acc,
    hi: Acc,
    prev: Prev,
    script: Script,
    /// Power of the lowest `万`/`亿` group applied (cumulative: `万亿` → 12).
    last_big: Option<u32>,
    /// Smallest `十百千` in the current group.
    last_small: Option<u32>,
    /// Power of the unit right before the pending Chinese digit (`一万三`).
    unit_before_digit: Option<u32>,
    /// Power of the multipliers at the end, as written.
    trailing: u32,
    over: bool,
    range: bool,
    big_used: bool,
    /// The numeral began with `零` (`零点五`, `零十`).
    zero_start: bool,
    shape: Shape,
    end: usize,
}

/// Reads the longest numeral that starts exactly at `chars[start]`.
pub(crate) fn parse(chars: &[char], start: usize) -> Option<Numeral> {
    let c = at(chars, start)?;
    // Most calls are at chars that begin no numeral: answer them before
    // setting anything up.
    if !may_begin(c) {
        return None;
    }
    let next = at(chars, start + 1);
    let signed = match c {
        '-' | '+' => {
            let before = start.checked_sub(1).and_then(|p| at(chars, p));
            let digit_follows = next.is_some_and(|d| d.is_ascii_digit())
                || (next == Some('.') && at(chars, start + 2).is_some_and(|d| d.is_ascii_digit()));
            // After a digit, a letter or another sign it is an operator or
            // a dash (`3-5万`, `2020-01-05`, `GB-2312`, `--9`), not a sign.
            let joined = before.is_some_and(|b| {
                b.is_ascii_alphanumeric()
                    || matches!(b, '-' | '+' | '.')
                    || chinese_digit(b).is_some()
                    || small_unit(b).is_some()
                    || big_unit(b).is_some()
            });
            if !digit_follows || joined {
                return None;
            }
            Some(c == '-')
        }
        '负' | '負' => Some(true),
        _ => None,
    };
    let Some(negative) = signed else {
        return parse_unsigned(chars, start);
    };
    let mut n = parse_unsigned(chars, start + 1)?;
    if negative {
        n.value = n.value.map(Value::negated);
        let (min, max) = (n.min.map(Value::negated), n.max.map(Value::negated));
        n.min = max;
        n.max = min;
        n.shape.negative = true;
    }
    n.shape.lone_one = false;
    Some(n)
}

/// Whether a numeral can begin with `c` (see [`parse`] and
/// [`parse_unsigned`]; a superset, never wrong the other way).
#[inline]
fn may_begin(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '.' | '-' | '+' | '负' | '負' | '数' | '數' | '几' | '幾' | '成' | '上' | '半'
        )
        || chinese_digit(c).is_some()
        || small_unit(c).is_some()
}

fn vague(
    end: usize,
    value: Option<Value>,
    min: Option<Value>,
    max: Option<Value>,
    p: u32,
) -> Numeral {
    Numeral {
        end,
        value,
        approx: Approx::About,
        min,
        max,
        trailing_scale: p,
        shape: Shape {
            chinese: true,
            ..Shape::default()
        },
    }
}

/// A chain of multipliers at `i` (`十万`, `百万`, `万亿`): at most one of
/// `十百千` first, then `万`/`亿`. Returns (end, total power).
fn multiplier_chain(chars: &[char], i: usize, allow_ten: bool) -> Option<(usize, u32)> {
    let mut j = i;
    let mut p = 0u32;
    if let Some(s) = at(chars, j).and_then(small_unit) {
        if s == 1 && !allow_ten {
            return None;
        }
        p = s;
        j += 1;
    }
    while let Some(b) = at(chars, j).and_then(big_unit) {
        p = p.saturating_add(b);
        j += 1;
    }
    (j > i).then_some((j, p))
}

/// Vague numerals: `数十`, `几百万`, `上千`, `成千上万`, and `半`/`半百`.
fn parse_vague(chars: &[char], start: usize) -> Option<Numeral> {
    let c = at(chars, start)?;
    match c {
        '数' | '數' | '几' | '幾' => {
            let (end, p) = multiplier_chain(chars, start + 1, true)?;
            let two = Value::from_int(2).scale_pow10(p);
            let nine = Value::from_int(9).scale_pow10(p);
            Some(vague(end, None, Some(two), Some(nine), p))
        }
        '成' => {
            let word: Option<(u32, usize)> = [("成千上万", 3u32), ("成千上萬", 3), ("成百上千", 2)]
                .iter()
                .find(|(w, _)| {
                    w.chars()
                        .enumerate()
                        .all(|(k, wc)| at(chars, start + k) == Some(wc))
                })
                .map(|&(_, p)| (p, start + 4));
            let (p, end) = word?;
            Some(vague(end, None, Some(pow10(p)), None, p + 1))
        }
        '上' => {
            let (end, p) = multiplier_chain(chars, start + 1, false)?;
            Some(vague(end, Some(pow10(p)), None, None, p))
        }
        '半' => {
            let half = Value::Exact(Decimal::new(5, 1));
            let (end, p) = match at(chars, start + 1).and_then(small_unit) {
                Some(p) if p >= 2 => (start + 2, p),
                _ => (start + 1, 0),
            };
            Some(Numeral {
                end,
                value: Some(half.scale_pow10(p)),
                approx: Approx::Exact,
                min: None,
                max: None,
                trailing_scale: p,
                shape: Shape {
                    chinese: true,
                    ..Shape::default()
                },
            })
        }
        _ => None,
    }
}

/// The power of ten of the lowest non-zero digit of `v` (`3000` → 3,
/// `1.5` → −1); `None` for zero.
fn lowest_digit_pow10(v: Value) -> Option<i64> {
    let (d, exponent) = match v {
        Value::Exact(d) => (d, 0i64),
        Value::Scientific {
            significand,
            exponent,
        } => (significand, i64::try_from(exponent).unwrap_or(i64::MAX)),
    };
    let d = d.normalize();
    let mut m = d.mantissa().unsigned_abs();
    if m == 0 {
        return None;
    }
    let mut zeros = 0i64;
    while m % 10 == 0 {
        m /= 10;
        zeros += 1;
    }
    Some((zeros - i64::from(d.scale())).saturating_add(exponent))
}

/// `10^e` for any `e` a value can have.
fn pow10_signed(e: i64) -> Option<Value> {
    if e >= 0 {
        Some(pow10(u32::try_from(e).unwrap_or(u32::MAX)))
    } else {
        let s = u32::try_from(-e).ok().filter(|&s| s <= 28)?;
        Some(Value::Exact(Decimal::new(1, s)))
    }
}

/// Reads the longest numeral without a sign at `chars[start]`: a vague one
/// (`几百`), or its parts (digits, units, marks) one at a time.
fn parse_unsigned(chars: &[char], start: usize) -> Option<Numeral> {
    let first = at(chars, start)?;
    if let Some(n) = parse_vague(chars, start) {
        return Some(n);
    }
    if !may_begin_unsigned(chars, start, first) {
        return None;
    }
    let mut st = State::new(start);
    let mut committed: Option<State> = None;
    let mut i = start;
    loop {
        // Spaces may separate the parts of a Chinese numeral (`三千 八百`,
        // `1000 万`), never two digits (`1, 234`).
        let j = if st.prev == Prev::Start {
            i
        } else {
            skip_spaces(chars, i)
        };
        let Some(c) = at(chars, j) else { break };
        if j > i && !st.may_follow_spaces(chars, j, c) {
            break;
        }
        match st.read_part(chars, start, j, c) {
            Step::Commit => {
                i = st.end;
                committed = Some(st);
            }
            Step::Pending(next) => i = next,
            Step::Last => {
                committed = Some(st);
                break;
            }
            Step::Stop => break,
            Step::Sequence => return Some(digit_sequence(chars, j)),
        }
    }
    let st = committed?;
    Some(finish(chars, start, &st))
}

/// Whether a numeral that is not vague can begin at `chars[start]`
/// (`first`). Every later part needs something read before it, and most
/// calls are at other chars: they end here, before the state is set up.
#[inline]
fn may_begin_unsigned(chars: &[char], start: usize, first: char) -> bool {
    if !(first.is_ascii_digit()
        || first == '.'
        || chinese_digit(first).is_some()
        || small_unit(first).is_some())
    {
        return false;
    }
    if first == '.' {
        // `.5`, but not the tail of `1.2.5` or `...9`.
        let before = start.checked_sub(1).and_then(|p| at(chars, p));
        return !before.is_some_and(|b| b == '.' || b.is_ascii_digit());
    }
    true
}

/// What reading one part of a numeral leads to.
#[derive(Clone, Copy)]
enum Step {
    /// Read up to [`State::end`]; the numeral may end there.
    Commit,
    /// Read up to this index, but the numeral may not end there: `一千零`
    /// is `一千`.
    Pending(usize),
    /// Read up to [`State::end`], and nothing may follow (`2e5`, `500余万`).
    Last,
    /// The char does not continue the numeral.
    Stop,
    /// Digits written one after another (`一九九七`) begin at the char.
    Sequence,
}

impl State {
    #[inline]
    fn new(start: usize) -> State {
        State {
            lo: Acc::EMPTY,
            hi: Acc::EMPTY,
            prev: Prev::Start,
            script: Script::Unknown,
            last_big: None,
            last_small: None,
            unit_before_digit: None,
            trailing: 0,
            over: false,
            range: false,
            big_used: false,
            zero_start: false,
            shape: Shape::default(),
            end: start,
        }
    }

    /// Whether `c` at `chars[j]`, after spaces, still belongs to the
    /// numeral: a Chinese part, or Arabic digits after a unit of an
    /// Arabic-led numeral (`3万 4000`), but never a digit after a digit.
    #[inline]
    fn may_follow_spaces(&self, chars: &[char], j: usize, c: char) -> bool {
        let chinese_part = chinese_digit(c).is_some()
            || multiplier_at(chars, j).is_some()
            || is_point(c)
            || is_over(c)
            || is_ji(c);
        let digit_after_digit = chinese_digit(c).is_some_and(|d| d != 0)
            && matches!(self.prev, Prev::Digit | Prev::Number);
        let arabic_after_unit = c.is_ascii_digit()
            && self.script == Script::Arabic
            && matches!(self.prev, Prev::Small | Prev::Big);
        if !(chinese_part || arabic_after_unit) || digit_after_digit {
            return false;
        }
        !(chinese_part && self.script == Script::Arabic && chinese_digit(c).is_some())
    }

    /// Reads the part of the numeral that begins with `c` at `chars[j]`.
    #[inline]
    fn read_part(&mut self, chars: &[char], start: usize, j: usize, c: char) -> Step {
        if c.is_ascii_digit() || (self.prev == Prev::Start && c == '.') {
            self.arabic(chars, start, j)
        } else if let Some(d) = chinese_digit(c) {
            self.chinese_digit(chars, j, c, d)
        } else if let Some(p) = small_unit(c) {
            self.small_unit(chars, j, p)
        } else if let Some(p) = multiplier_at(chars, j).filter(|&p| p >= 4) {
            self.big_unit(j, p)
        } else if is_point(c)
            && matches!(
                self.prev,
                Prev::Digit | Prev::Small | Prev::Big | Prev::Zero
            )
        {
            self.point(chars, j)
        } else if is_over(c) && !self.over {
            self.over_mark(j)
        } else if is_ji(c)
            && !self.over
            && matches!(self.prev, Prev::Small | Prev::Big | Prev::Zero)
        {
            self.ji(chars, j)
        } else {
            Step::Stop
        }
    }

    /// An Arabic number: first, or after a unit or `零` in an Arabic-led
    /// numeral (`1万2千`, `1千零20`, `3万4000`).
    #[inline]
    fn arabic(&mut self, chars: &[char], start: usize, j: usize) -> Step {
        let at_start = self.prev == Prev::Start;
        let ok = at_start
            || (self.script == Script::Arabic
                && matches!(self.prev, Prev::Small | Prev::Big | Prev::Zero));
        if !ok {
            return Step::Stop;
        }
        let Some(a) = read_arabic(chars, j) else {
            return Step::Stop;
        };
        self.lo.digit = Some(a.value);
        self.hi.digit = Some(a.value);
        self.script = Script::Arabic;
        self.shape.arabic = true;
        self.shape.integer_digits += a.int_digits;
        self.shape.grouped |= a.grouped;
        self.shape.decimal |= a.decimal;
        if at_start {
            self.shape.leading_zero = a.leading_zero;
        }
        // One digit right after a unit takes the next lower place, as a
        // Chinese digit does: `1万2` is 12000, `3千5` 3500.
        let single = a.int_digits == 1 && !a.decimal;
        self.unit_before_digit = match self.prev {
            Prev::Small if single => self.last_small,
            Prev::Big if single => self.last_big,
            _ => None,
        };
        self.trailing = 0;
        self.prev = Prev::Number;
        self.end = a.end;
        // `2e5`, `-1.5E+3`: the numeral ends with its exponent. Not in a
        // word of letters (`0x1e5`), nor on grouped digits.
        let glued = start
            .checked_sub(1)
            .and_then(|p| at(chars, p))
            .is_some_and(|b| b.is_ascii_alphabetic());
        if let Some((end, power)) =
            exponent_at(chars, a.end).filter(|_| at_start && !a.grouped && !glued)
        {
            let v = scientific_value(chars, j, a.end, power);
            self.lo.digit = Some(v);
            self.hi.digit = Some(v);
            self.shape.scientific = true;
            self.end = end;
            return Step::Last;
        }
        Step::Commit
    }

    /// A Chinese digit `d` (`c` as written), or a range pair (`三四`).
    #[inline]
    fn chinese_digit(&mut self, chars: &[char], j: usize, c: char, d: u8) -> Step {
        if self.script == Script::Arabic && d != 0 {
            return Step::Stop;
        }
        if d == 0 {
            return self.zero(chars, j);
        }
        if !matches!(
            self.prev,
            Prev::Start | Prev::Small | Prev::Big | Prev::Zero
        ) {
            return Step::Stop;
        }
        // `三十两` is thirty liang: after 十/百/千 the units digit is
        // written 二; 两 there only starts another group (`一千两百`).
        let unit_follows = at(chars, j + 1).is_some_and(|n| small_unit(n).is_some());
        if is_liang(c) && matches!(self.prev, Prev::Small | Prev::Zero) && !unit_follows {
            return Step::Stop;
        }
        let at_start = self.prev == Prev::Start;
        let (lo, hi, len) = match range_pair(chars, j, at_start) {
            Some((a, b)) => (a, b, 2),
            None => {
                if at_start && !is_liang(c) && at(chars, j + 1).and_then(sequence_digit).is_some() {
                    return Step::Sequence;
                }
                (d, d, 1)
            }
        };
        if self.zero_start && self.prev == Prev::Zero {
            return Step::Stop; // `零两`
        }
        self.range |= len == 2;
        self.unit_before_digit = match self.prev {
            Prev::Small => self.last_small,
            Prev::Big => self.last_big,
            _ => None,
        };
        self.lo.digit = Some(Value::from_int(i64::from(lo)));
        self.hi.digit = Some(Value::from_int(i64::from(hi)));
        self.script = Script::Chinese;
        self.shape.chinese = true;
        self.trailing = 0;
        self.prev = Prev::Digit;
        self.end = j + len;
        Step::Commit
    }

    /// `零`/`〇`: a numeral of its own at the start (`零点五`), else a gap
    /// between units (`一千零二十`).
    #[inline]
    fn zero(&mut self, chars: &[char], j: usize) -> Step {
        match self.prev {
            Prev::Start => {
                if at(chars, j + 1).and_then(sequence_digit).is_some() {
                    return Step::Sequence;
                }
                self.prev = Prev::Zero;
                self.zero_start = true;
                self.script = Script::Chinese;
                self.shape.chinese = true;
                self.end = j + 1;
                Step::Commit
            }
            Prev::Small | Prev::Big | Prev::Zero => {
                self.prev = Prev::Zero;
                self.trailing = 0;
                Step::Pending(j + 1)
            }
            _ => Step::Stop,
        }
    }

    /// `十百千` of power `p`.
    #[inline]
    fn small_unit(&mut self, chars: &[char], j: usize, p: u32) -> Step {
        let ok = match self.prev {
            Prev::Start => {
                // `十`, `拾` alone; `百三`, `千三` need the digit.
                p == 1
                    || at(chars, j + 1)
                        .and_then(chinese_digit)
                        .is_some_and(|d| d != 0)
            }
            Prev::Digit | Prev::Number | Prev::Zero => true,
            _ => false,
        };
        if !ok || self.last_small.is_some_and(|q| p >= q) {
            return Step::Stop;
        }
        self.lo.small(p);
        self.hi.small(p);
        self.last_small = Some(p);
        self.trailing = p;
        self.shape.chinese = true;
        if self.script == Script::Unknown {
            self.script = Script::Chinese;
        }
        self.prev = Prev::Small;
        self.end = j + 1;
        Step::Commit
    }

    /// `万`/`亿`/`兆` of power `p`.
    #[inline]
    fn big_unit(&mut self, j: usize, p: u32) -> Step {
        let ok = matches!(
            self.prev,
            Prev::Digit | Prev::Number | Prev::Small | Prev::Big | Prev::Over | Prev::Ji
        );
        if !ok {
            return Step::Stop;
        }
        if self.prev == Prev::Big {
            // `万亿`, `万万`: the groups so far are multiplied.
            self.lo.total = self.lo.total.scale_pow10(p);
            self.hi.total = self.hi.total.scale_pow10(p);
            self.last_big = Some(self.last_big.unwrap_or(0).saturating_add(p));
            self.trailing = self.trailing.saturating_add(p);
        } else {
            let above = match self.last_big {
                None => true,
                Some(lb) if p > lb => true,
                Some(lb) if p < lb => false,
                Some(_) => return Step::Stop,
            };
            self.lo.big(p, above);
            self.hi.big(p, above);
            self.last_big = Some(p);
            self.trailing = if self.prev == Prev::Small {
                self.trailing + p
            } else {
                p
            };
        }
        self.last_small = None;
        self.big_used = true;
        self.shape.chinese = true;
        self.prev = Prev::Big;
        self.end = j + 1;
        if self.over { Step::Last } else { Step::Commit }
    }

    /// A decimal point and the digits after it (`三点五`, `两千万点五`).
    #[inline]
    fn point(&mut self, chars: &[char], j: usize) -> Step {
        if self.prev == Prev::Zero && !self.zero_start {
            return Step::Stop; // `一百零点五`
        }
        if self.over {
            return Step::Stop;
        }
        let k = skip_spaces(chars, j + 1);
        let (end, frac, count) = read_digit_run(chars, k, sequence_digit, true);
        if count == 0 || at(chars, end).and_then(small_unit) == Some(1) {
            // `三点半`; `三点五十分` is a time.
            return Step::Stop;
        }
        let implied = implied_power(self);
        let lo = self.lo.finish(implied).add(frac);
        let hi = self.hi.finish(implied).add(frac);
        if self.big_used {
            self.lo = Acc {
                total: lo,
                ..Acc::EMPTY
            };
            self.hi = Acc {
                total: hi,
                ..Acc::EMPTY
            };
            self.prev = Prev::Final;
        } else {
            self.lo = Acc {
                digit: Some(lo),
                ..Acc::EMPTY
            };
            self.hi = Acc {
                digit: Some(hi),
                ..Acc::EMPTY
            };
            self.prev = Prev::Number;
            self.last_small = None;
        }
        self.unit_before_digit = None;
        self.shape.decimal = true;
        self.trailing = 0;
        self.end = end;
        Step::Commit
    }

    /// `多`/`余` after a unit or an Arabic integer: more than that.
    #[inline]
    fn over_mark(&mut self, j: usize) -> Step {
        let ok = match self.prev {
            Prev::Small | Prev::Big => true,
            // `3000多`, `500余万`; not after a decimal (`1.5多`).
            Prev::Number => !self.shape.decimal,
            _ => false,
        };
        if !ok {
            return Step::Stop;
        }
        self.over = true;
        self.prev = Prev::Over;
        self.trailing = 0;
        self.end = j + 1;
        Step::Commit
    }

    /// `几` after a unit (`一百几`): some more of the next lower place.
    #[inline]
    fn ji(&mut self, chars: &[char], j: usize) -> Step {
        if self.zero_start && self.prev == Prev::Zero {
            return Step::Stop;
        }
        if at(chars, skip_spaces(chars, j + 1))
            .and_then(small_unit)
            .is_some()
        {
            return Step::Stop; // `一百几十`: the vague `几十` is another numeral
        }
        self.over = true;
        self.prev = Prev::Ji;
        self.trailing = 0;
        self.end = j + 1;
        Step::Commit
    }
}

/// The power a trailing Chinese digit takes from the unit before it:
/// `两千三` → 2300, `一万三` → 13000, but `一万零三` → 10003.
fn implied_power(st: &State) -> Option<u32> {
    if !matches!(st.prev, Prev::Digit | Prev::Number) {
        return None;
    }
    st.unit_before_digit.filter(|&u| u >= 2).map(|u| u - 1)
}

fn finish(chars: &[char], start: usize, st: &State) -> Numeral {
    let implied = implied_power(st);
    let lo = st.lo.finish(implied);
    let hi = st.hi.finish(implied);
    let (approx, min, max) = if st.over {
        let max = lowest_digit_pow10(lo)
            .and_then(pow10_signed)
            .map(|step| lo.add(step));
        (Approx::Over, Some(lo), max)
    } else if st.range {
        (Approx::Range, Some(lo), Some(hi))
    } else {
        (Approx::Exact, None, None)
    };
    let mut shape = st.shape;
    shape.lone_one = st.end == start + 1 && matches!(at(chars, start), Some('一' | '壹'));
    Numeral {
        end: st.end,
        value: Some(lo),
        approx,
        min,
        max,
        trailing_scale: st.trailing,
        shape,
    }
}

/// `一九九七`, `二〇二三`: digits written one after another, read as the
/// digits of one number (a year, a code).
fn digit_sequence(chars: &[char], j: usize) -> Numeral {
    let (end, value, _) = read_digit_run(chars, j, sequence_digit, false);
    Numeral {
        end,
        value: Some(value),
        approx: Approx::Exact,
        min: None,
        max: None,
        trailing_scale: 0,
        shape: Shape {
            chinese: true,
            digit_sequence: true,
            leading_zero: at(chars, j).is_some_and(is_zero),
            ..Shape::default()
        },
    }
}

/// Words that begin with (or hold) a numeral char but name no number:
/// (word, index of the numeral char in it). `find_numbers` steps over them.
const NOT_NUMERALS: &[(&str, usize)] = &[
    ("一切", 0),
    ("壹切", 0),
    ("一看", 0),
    ("一些", 0),
    ("一起", 0),
    ("一样", 0),
    ("一般", 0),
    ("一直", 0),
    ("一定", 0),
    ("一致", 0),
    ("一旦", 0),
    ("一同", 0),
    ("一律", 0),
    ("一向", 0),
    ("一再", 0),
    ("一贯", 0),
    ("统一", 1),
    ("唯一", 1),
    ("万一", 1),
    ("十足", 0),
    ("十分", 0),
    ("四川", 0),
    ("两两", 0),
    ("三三两两", 0),
    ("七上八下", 0),
    ("乱七八糟", 1),
    ("一五一十", 0),
];

/// The chars of a [`NOT_NUMERALS`] word around `i`, as (start, end).
fn not_numeral_word(chars: &[char], i: usize) -> Option<(usize, usize)> {
    NOT_NUMERALS.iter().find_map(|&(word, offset)| {
        let s = i.checked_sub(offset)?;
        let mut k = s;
        for wc in word.chars() {
            if at(chars, k) != Some(wc) {
                return None;
            }
            k += 1;
        }
        // `十分钟` is ten minutes, `十分之一` a tenth.
        if word == "十分" && matches!(at(chars, k), Some('钟' | '之')) {
            return None;
        }
        Some((s, k))
    })
}

/// A lone digit that is far more often part of a word: `伍` (队伍, 入伍),
/// `肆` (放肆), `陆` (大陆, 陆地), `拾` (收拾, 拾起), and `零` before a Han
/// char (零下, 零售, 零件).
fn is_ambiguous_lone(chars: &[char], start: usize, end: usize) -> bool {
    if end != start + 1 {
        return false;
    }
    match at(chars, start) {
        Some('伍' | '肆' | '陆' | '陸' | '拾') => true,
        Some('零') => at(chars, end).is_some_and(crate::text::is_han),
        _ => false,
    }
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while at(chars, i) == Some(' ') {
        i += 1;
    }
    i
}

fn divide(numerator: Value, denominator: Value) -> Option<Value> {
    let (n, d) = (numerator.as_decimal()?, denominator.as_decimal()?);
    n.checked_div(d).map(|q| Value::Exact(q.normalize()))
}

/// `分之 N` after a denominator that ends at `i`: (end, numerator).
fn fraction_tail(chars: &[char], i: usize) -> Option<(usize, Value)> {
    let k = skip_spaces(chars, i);
    if at(chars, k) != Some('分') {
        return None;
    }
    let k = skip_spaces(chars, k + 1);
    if at(chars, k) != Some('之') {
        return None;
    }
    let k = skip_spaces(chars, k + 1);
    let n = parse(chars, k)?;
    Some((n.end, n.value?))
}

fn plain_integer(n: &Numeral) -> bool {
    n.shape.arabic && !n.shape.chinese && !n.shape.decimal && !n.shape.grouped
}

/// `b/c` with Arabic integers at `i`: (end, b, c). Not in a run of
/// slashes (`2019/12/31`, `a/1/2`), a date or a path.
fn slash_fraction(chars: &[char], i: usize) -> Option<(usize, Value, Value)> {
    if i.checked_sub(1).and_then(|p| at(chars, p)) == Some('/') {
        return None;
    }
    let b = parse(chars, i)?;
    if !plain_integer(&b) || at(chars, b.end) != Some('/') {
        return None;
    }
    let c = parse_unsigned(chars, b.end + 1)?;
    if !plain_integer(&c) || at(chars, c.end) == Some('/') {
        return None;
    }
    Some((c.end, b.value?, c.value?))
}

/// A fraction whose denominator starts at `i`: `三分之一`, `3/5`.
fn fraction(chars: &[char], i: usize) -> Option<(usize, Value)> {
    let d = parse(chars, i)?;
    if let Some((end, n)) = fraction_tail(chars, d.end) {
        return Some((end, divide(n, d.value?)?));
    }
    if plain_integer(&d) && at(chars, d.end) == Some('/') {
        let (end, n, dd) = slash_fraction(chars, i)?;
        return Some((end, divide(n, dd)?));
    }
    None
}

/// A plain Arabic number (`40`, `-2.5`, `1,500`), which a power or an SI
/// suffix may follow.
fn plain_arabic(n: &Numeral) -> bool {
    n.shape.arabic
        && !n.shape.chinese
        && !n.shape.scientific
        && n.approx == Approx::Exact
        && n.value.is_some()
}

/// Whether the char before `i` is an ASCII letter: the number is part of
/// a code (`A40k`, `x2^5`).
fn after_letter(chars: &[char], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| at(chars, p))
        .is_some_and(|c| c.is_ascii_alphabetic())
}

/// `^` and an integer power after a number that ends at `i` (`^5`, `^-1`,
/// `^+23`; a run of signs is read as signs are, `^--23` is `^23`):
/// (end, power). Not before more of a number or a word (`^0.5`, `^2x`).
fn power_at(chars: &[char], i: usize) -> Option<(usize, i128)> {
    if at(chars, i)? != '^' {
        return None;
    }
    let mut j = i + 1;
    let mut negative = false;
    while let Some(c @ ('+' | '-')) = at(chars, j) {
        negative ^= c == '-';
        j += 1;
    }
    let digits_start = j;
    let mut magnitude: u64 = 0;
    while let Some(d) = at(chars, j).filter(char::is_ascii_digit) {
        let d = u64::from(d.to_digit(10).unwrap_or(0));
        magnitude = magnitude.saturating_mul(10).saturating_add(d);
        j += 1;
    }
    let decimal_after =
        at(chars, j) == Some('.') && at(chars, j + 1).is_some_and(|c| c.is_ascii_digit());
    if j == digits_start
        || decimal_after
        || at(chars, j).is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return None;
    }
    let power = i128::from(magnitude);
    Some((j, if negative { -power } else { power }))
}

/// `base^n` by repeated squaring: at most 128 products, exact while they
/// fit, scientific beyond (the exponent saturating at `u64::MAX`), 0 below
/// [`Decimal`]'s 28 places.
fn raise(base: Value, n: u128) -> Value {
    let mut result = Value::from_int(1);
    let mut square = base;
    let mut e = n;
    while e > 0 {
        if e & 1 == 1 {
            result = result.mul(square);
        }
        e >>= 1;
        if e > 0 {
            square = square.mul(square);
        }
    }
    result
}

/// `1 / v` to [`Decimal`]'s 28 places (0 below them); `None` for 0.
fn reciprocal(v: Value) -> Option<Value> {
    match v {
        Value::Exact(d) => Decimal::ONE
            .checked_div(d)
            .map(|q| Value::Exact(q.normalize())),
        Value::Scientific { .. } => Some(Value::ZERO),
    }
}

/// `base^power`, as [`raise`] computes it; a negative power divides 1 by
/// the result, or raises `1 / base` when the result is too small to divide
/// by (`0.0000000001^-3` is 10³⁰). `None` for 0 to a negative power.
fn power(base: Value, power: i128) -> Option<Value> {
    let n = power.unsigned_abs();
    let result = raise(base, n);
    if power >= 0 {
        return Some(result);
    }
    match result {
        Value::Exact(d) if d.is_zero() => Some(raise(reciprocal(base)?, n)),
        r => reciprocal(r),
    }
}

/// An SI multiplier after a number that ends at `i`, maybe after one
/// space: `k`/`K` (10³, `40k`) or `M` (10⁶, `-2.5 M`), with no letter or
/// digit after it (`5km`, `3MB` are units). `G` and `T` are not read: `5G`
/// is a network generation and `3T` a field strength far more often than
/// 5×10⁹ or 3×10¹². Returns (end, power of ten).
fn si_suffix(chars: &[char], i: usize) -> Option<(usize, u32)> {
    let j = if at(chars, i) == Some(' ') { i + 1 } else { i };
    let p = match at(chars, j)? {
        'k' | 'K' => 3,
        'M' => 6,
        _ => return None,
    };
    let next = at(chars, j + 1);
    if next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    Some((j + 1, p))
}

/// A number at `i` as `find_numbers` and `parse_number` see it: a numeral,
/// or a fraction built of numerals (`二分之一`, `3/5`, `三又三分之一`,
/// `1 3/5`). Returns (end, value, numeral read first).
fn parse_number_at(chars: &[char], i: usize) -> Option<(usize, Option<Value>, Numeral)> {
    let a = parse(chars, i)?;
    let Some(av) = a.value.filter(|_| a.approx == Approx::Exact) else {
        return Some((a.end, a.value, a));
    };
    if let Some((end, q)) = fraction(chars, i) {
        return Some((end, Some(q), a));
    }
    // A whole number and a fraction: `一又二分之一`, `1 3/5`.
    let k = skip_spaces(chars, a.end);
    let whole = |end: usize, f: Value| {
        let v = if av.is_negative() {
            av.add(f.negated())
        } else {
            av.add(f)
        };
        Some((end, Some(v), a))
    };
    if at(chars, k) == Some('又')
        && let Some((end, f)) = fraction(chars, skip_spaces(chars, k + 1))
    {
        return whole(end, f);
    }
    if plain_integer(&a)
        && k == a.end + 1
        && let Some((end, n, d)) = slash_fraction(chars, k)
        && !n.is_negative()
        && let Some(f) = divide(n, d)
    {
        return whole(end, f);
    }
    if plain_arabic(&a) && !after_letter(chars, i) {
        // `2^5`, `-2.5^-1`: the sign belongs to the number written, as in
        // `-1e1`, so `-2^2` is (-2)² = 4.
        if let Some((end, p)) = power_at(chars, a.end)
            && let Some(v) = power(av, p)
        {
            return Some((end, Some(v), a));
        }
        if let Some((end, p)) = si_suffix(chars, a.end) {
            return Some((end, Some(av.scale_pow10(p)), a));
        }
    }
    Some((a.end, a.value, a))
}

/// The value of `text` when all of it is one number (`一千二百零五`,
/// `1.5亿`, `壹萬`, `二分之一`); `None` otherwise.
///
/// ```
/// use zh_extract::parse_number;
/// assert_eq!(parse_number("一千二百零五").unwrap().to_string(), "1205");
/// assert_eq!(parse_number("1.5亿").unwrap().to_string(), "150000000");
/// assert_eq!(parse_number("二分之一").unwrap().to_string(), "0.5");
/// assert!(parse_number("一千二百零五元").is_none());
/// ```
pub fn parse_number(text: &str) -> Option<Value> {
    let chars: Vec<char> = text.chars().map(crate::text::fold).collect();
    let (end, value, _) = parse_number_at(&chars, 0)?;
    if end == chars.len() { value } else { None }
}

/// Every number in `text`, left to right, longest first, as (span, value):
/// numerals and fractions of numerals (`二分之一`, `3/5`). Vague numerals
/// that name no number (`数十`) are left out, and so are numeral chars that
/// belong to a word (`一切`, `四川`, `队伍`, `收拾`) and a lone `半`, whose
/// sense depends on the word after it.
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
        if let Some((_, end)) = not_numeral_word(&folded, i) {
            i = end.max(i + 1);
            continue;
        }
        match parse_number_at(&folded, i) {
            Some((end, value, first)) if end > i => {
                let lone_half = first.end == i + 1 && folded[i] == '半';
                let skip = lone_half || (end == first.end && is_ambiguous_lone(&folded, i, end));
                if let (Some(v), false) = (value, skip) {
                    out.push((
                        Span {
                            start: byte_of[i],
                            end: byte_of[end],
                            char_start: i,
                            char_end: end,
                        },
                        v,
                    ));
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().map(crate::text::fold).collect()
    }

    fn read(s: &str) -> Option<Numeral> {
        parse(&chars(s), 0)
    }

    /// (input, chars consumed, value).
    fn check_values(cases: &[(&str, usize, &str)]) {
        for &(input, end, value) in cases {
            let n = read(input).unwrap_or_else(|| panic!("{input}: no numeral"));
            assert_eq!(n.end, end, "{input}: end");
            let got = n.value.map(|v| v.to_string()).unwrap_or_default();
            assert_eq!(got, value, "{input}: value");
        }
    }

    fn none(cases: &[&str]) {
        for &input in cases {
            assert_eq!(read(input), None, "{input}");
        }
    }

    #[test]
    fn 阿拉伯数字() {
        check_values(&[
            ("12", 2, "12"),
            ("12.5", 4, "12.5"),
            ("0.1", 3, "0.1"),
            ("4.800", 5, "4.8"),
            ("1,234,567", 9, "1234567"),
            ("1,234,567.25元", 12, "1234567.25"),
            ("1,23", 1, "1"),
            ("1,2345", 1, "1"),
            ("1234,567", 4, "1234"),
            // A full-width comma groups only where a list cannot be meant.
            ("12，345", 6, "12345"),
            ("36，500.00", 9, "36500"),
            ("1，200，000", 9, "1200000"),
            ("100，000", 7, "100000"),
            ("120，350", 3, "120"),
            ("120，350，420", 3, "120"),
            ("5，6，7", 1, "5"),
            ("12，345，6", 2, "12"),
            ("1,234，567", 5, "1234"),
            ("12、345", 2, "12"),
            ("1, 234", 1, "1"),
            ("-5", 2, "-5"),
            ("+5", 2, "5"),
            ("-0.25", 5, "-0.25"),
            ("3.", 1, "3"),
            ("3.x", 1, "3"),
            ("1.1.1", 3, "1.1"),
            ("1e999", 5, "1e+999"),
            (".5", 2, "0.5"),
            ("-.5", 3, "-0.5"),
            ("007", 3, "7"),
            ("１２．５", 4, "12.5"),
            (
                "3.14159265358979323846264338327950288",
                37,
                "3.1415926535897932384626433832",
            ),
        ]);
        none(&["-", "- 5", "-a", "+", ".", "..5", "-.", "x1"]);
        // A sign after a sign is not one (`--9`), nor a dot after a dot.
        let c = chars("--9");
        assert_eq!(parse(&c, 1), None);
        assert_eq!(parse(&c, 2).map(|n| n.end), Some(3));
        let c = chars("1.2.5");
        assert_eq!(parse(&c, 3), None);
        // A dash after a digit is a range or a date, not a sign.
        for (text, at) in [
            ("3-5万", 1),
            ("2020-01-05", 4),
            ("GB-2312", 2),
            ("三-五", 1),
        ] {
            let c = chars(text);
            assert_eq!(parse(&c, at), None, "{text}");
        }
        let c = chars("比去年-5%");
        assert_eq!(
            parse(&c, 3).and_then(|n| n.value).map(|v| v.to_string()),
            Some("-5".into())
        );
    }

    #[test]
    fn 中文数字() {
        check_values(&[
            ("一千二百零五", 6, "1205"),
            ("十二万三千", 5, "123000"),
            ("十", 1, "10"),
            ("十五", 2, "15"),
            ("一百一", 3, "110"),
            ("两千三", 3, "2300"),
            ("三万四", 3, "34000"),
            ("一千二", 3, "1200"),
            ("九十二万四", 5, "924000"),
            ("两", 1, "2"),
            ("一万零三", 4, "10003"),
            ("五亿零六", 4, "500000006"),
            ("三千万", 3, "30000000"),
            ("一亿二千万", 5, "120000000"),
            ("3万亿", 3, "3000000000000"),
            ("一亿亿", 3, "10000000000000000"),
            ("四万万", 3, "400000000"),
            ("一万五千亿", 5, "1500000000000"),
            ("四千零五万", 5, "40050000"),
            ("一百零十万", 5, "1100000"),
            ("一万零十二", 5, "10012"),
            ("零", 1, "0"),
            ("零十", 2, "10"),
            ("百三", 2, "130"),
            ("千三", 2, "1300"),
            ("五十千", 2, "50"),
            ("五兆六十二亿四万五千二", 11, "5006200045200"),
            ("一九九七年", 4, "1997"),
            ("二〇二三", 4, "2023"),
            ("二零零八", 4, "2008"),
            ("〇七", 2, "7"),
            ("一千零", 2, "1000"),
            ("三千 八百 九十六 万", 11, "38960000"),
            ("一百 五 十 二 ", 8, "152"),
            ("十二点五", 4, "12.5"),
            ("三点五", 3, "3.5"),
            ("零点五", 3, "0.5"),
            ("一千六点五", 5, "1600.5"),
            ("两千万点五五四四", 8, "20000000.5544"),
            ("三点五万", 4, "35000"),
            ("两百点两", 2, "200"),
            ("三点半", 1, "3"),
            ("三点五十分", 1, "3"),
            ("一百零几", 4, "100"),
            ("一百几十", 2, "100"),
        ]);
        // `兆` alone is left to the measures (`5兆瓦`).
        check_values(&[("5兆瓦", 1, "5"), ("五兆", 1, "5")]);
        let n = read("一九九七").unwrap();
        assert!(n.shape.digit_sequence && n.shape.chinese && !n.shape.arabic);
        assert!(!read("一千九百九十七").unwrap().shape.digit_sequence);
    }

    #[test]
    fn 大写数字() {
        check_values(&[
            ("壹仟贰佰", 4, "1200"),
            ("肆佰陸拾", 4, "460"),
            ("壹萬", 2, "10000"),
            ("拾萬零五十六", 6, "100056"),
            ("貳拾", 2, "20"),
            ("參", 1, "3"),
            ("兩千", 2, "2000"),
            ("倆千两百贰拾二", 7, "2222"),
            ("玖億", 2, "900000000"),
            ("壹佰圆", 2, "100"),
            ("负五", 2, "-5"),
            ("負三十二", 4, "-32"),
            ("负1.5", 4, "-1.5"),
            ("三點五", 3, "3.5"),
            ("柒點零伍", 4, "7.05"),
        ]);
        none(&["圆", "负", "负责", "負數", "点五", "點"]);
    }

    #[test]
    fn 混合() {
        check_values(&[
            ("1.5亿", 4, "150000000"),
            ("3千万", 3, "30000000"),
            ("12.3万", 5, "123000"),
            ("2万", 2, "20000"),
            ("1万2千", 4, "12000"),
            ("5千", 2, "5000"),
            ("3百", 2, "300"),
            ("3万4000", 6, "34000"),
            ("1万2", 3, "12000"),
            ("3千5", 3, "3500"),
            ("1万零2", 4, "10002"),
            ("1万25", 4, "10025"),
            ("1千零20", 5, "1020"),
            ("2千零30万", 6, "20300000"),
            ("10万万", 4, "1000000000"),
            ("1,100.9亿", 8, "110090000000"),
            ("4.78万亿", 6, "4780000000000"),
            ("5亿1万4千6百", 8, "500014600"),
            ("1000  万", 7, "10000000"),
            ("7 万5 千4 百", 9, "75400"),
            ("3五", 1, "3"),
            ("三5", 1, "3"),
        ]);
    }

    #[test]
    fn 近似() {
        type Case = (
            &'static str,
            usize,
            &'static str,
            Approx,
            &'static str,
            &'static str,
        );
        let cases: &[Case] = &[
            ("三十余", 3, "30", Approx::Over, "30", "40"),
            ("3000多", 5, "3000", Approx::Over, "3000", "4000"),
            ("十余万", 3, "100000", Approx::Over, "100000", "200000"),
            ("2万余", 3, "20000", Approx::Over, "20000", "30000"),
            ("4万余", 3, "40000", Approx::Over, "40000", "50000"),
            ("十几", 2, "10", Approx::Over, "10", "20"),
            ("二十几万", 4, "200000", Approx::Over, "200000", "300000"),
            ("一百多", 3, "100", Approx::Over, "100", "200"),
            ("1.5万多", 5, "15000", Approx::Over, "15000", "16000"),
            ("500余万", 5, "5000000", Approx::Over, "5000000", "6000000"),
            ("三四十", 3, "30", Approx::Range, "30", "40"),
            ("两三", 2, "2", Approx::Range, "2", "3"),
            ("七八百", 3, "700", Approx::Range, "700", "800"),
            ("三五", 2, "3", Approx::Range, "3", "5"),
            ("十七八", 3, "17", Approx::Range, "17", "18"),
            ("三万七八", 4, "37000", Approx::Range, "37000", "38000"),
            ("数十", 2, "", Approx::About, "20", "90"),
            ("几十", 2, "", Approx::About, "20", "90"),
            ("数百", 2, "", Approx::About, "200", "900"),
            ("数千", 2, "", Approx::About, "2000", "9000"),
            ("数万", 2, "", Approx::About, "20000", "90000"),
            ("几百万", 3, "", Approx::About, "2000000", "9000000"),
            ("几十万", 3, "", Approx::About, "200000", "900000"),
            ("上百", 2, "100", Approx::About, "", ""),
            ("上千", 2, "1000", Approx::About, "", ""),
            ("上万", 2, "10000", Approx::About, "", ""),
            ("成千上万", 4, "", Approx::About, "1000", ""),
            ("半", 1, "0.5", Approx::Exact, "", ""),
            ("半百", 2, "50", Approx::Exact, "", ""),
            ("负三四十", 4, "-30", Approx::Range, "-40", "-30"),
        ];
        let text = |v: Option<Value>| v.map(|v| v.to_string()).unwrap_or_default();
        for &(input, end, value, approx, min, max) in cases {
            let n = read(input).unwrap_or_else(|| panic!("{input}: no numeral"));
            assert_eq!(n.end, end, "{input}: end");
            assert_eq!(text(n.value), value, "{input}: value");
            assert_eq!(n.approx, approx, "{input}: approx");
            assert_eq!(text(n.min), min, "{input}: min");
            assert_eq!(text(n.max), max, "{input}: max");
        }
        // Not ranges: a sequence, or the pair split.
        check_values(&[
            ("一二", 2, "12"),
            ("九九", 2, "99"),
            ("二三", 2, "23"),
            ("两五", 1, "2"),
        ]);
        // `多`/`余` only after digits and a unit; `几` must be a digit place.
        check_values(&[("五多", 1, "5"), ("1.5多", 3, "1.5")]);
        none(&[
            "多", "余", "几", "几个", "数据", "数", "上面", "上十", "成千", "万", "万万", "亿",
        ]);
    }

    #[test]
    fn 倍数与形状() {
        let scale = |s: &str| read(s).unwrap().trailing_scale;
        assert_eq!(scale("5万"), 4);
        assert_eq!(scale("3千万"), 7);
        assert_eq!(scale("12"), 0);
        assert_eq!(scale("1.5亿"), 8);
        assert_eq!(scale("五百"), 2);
        assert_eq!(scale("一千二"), 0);
        assert_eq!(scale("3万亿"), 12);
        assert_eq!(scale("十余万"), 4);
        assert_eq!(scale("数十"), 1);

        let shape = |s: &str| read(s).unwrap().shape;
        assert!(shape("一").lone_one && shape("壹").lone_one);
        assert!(!shape("一万").lone_one && !shape("1").lone_one && !shape("负一").lone_one);
        let s = shape("1,234.5");
        assert!(s.arabic && !s.chinese && s.grouped && s.decimal && s.integer_digits == 4);
        assert!(shape("007").leading_zero && !shape("0.7").leading_zero);
        assert!(shape("-5").negative && shape("负五").negative && !shape("5").negative);
        let s = shape("负5");
        assert!(s.negative && s.arabic && !s.chinese);
        let s = shape("1.5亿");
        assert!(s.arabic && s.chinese && s.decimal && !s.grouped);
        assert!(shape("三点五").decimal && !shape("三百").decimal);
    }

    #[test]
    fn 科学计数法() {
        check_values(&[
            ("2e5", 3, "200000"),
            ("2E5", 3, "200000"),
            ("1.5E+3", 6, "1500"),
            ("-1e1", 4, "-10"),
            ("+1e1", 4, "10"),
            ("1e999", 5, "1e+999"),
            ("-1e999", 6, "-1e+999"),
            ("2.5e-3", 6, "0.0025"),
            ("21.2E0", 6, "21.2"),
            ("-127.32e13", 10, "-1273200000000000"),
            ("12.32e+14", 9, "1232000000000000"),
            ("-12e-1", 6, "-1.2"),
            (".5e3", 4, "500"),
            ("２.７８９０ｅ－１", 9, "0.2789"),
            ("3e5元", 3, "300000"),
            ("2e5万", 3, "200000"),
            ("1e28", 4, "10000000000000000000000000000"),
            ("1e29", 4, "1e+29"),
            (
                "123456789012345678901234567890e0",
                32,
                "1.23456789012345678901e+29",
            ),
            // Every significant digit is kept, wherever the point is.
            ("0.00000000000000000000000000000000012e30", 40, "0.00012"),
            ("0e999999999", 11, "0"),
            // Below Decimal's 28 places: dropped toward zero.
            ("1e-28", 5, "0.0000000000000000000000000001"),
            ("1.9e-28", 7, "0.0000000000000000000000000001"),
            ("-1.9e-28", 8, "-0.0000000000000000000000000001"),
            ("1e-29", 5, "0"),
            ("-1e-999", 7, "0"),
            ("123456789e-30", 13, "0.0000000000000000000001234567"),
            // A power beyond u64 saturates; one below it is 0.
            ("1e99999999999999999999", 22, "1e+18446744073709551615"),
            ("1e-99999999999999999999", 23, "0"),
        ]);
        // No exponent: the number ends before the `e`.
        check_values(&[
            ("5em", 1, "5"),
            ("3e", 1, "3"),
            ("3e+", 1, "3"),
            ("3e-x", 1, "3"),
            ("2e5x", 1, "2"),
            ("2e5m", 1, "2"),
            ("2 e5", 1, "2"),
            ("2e 5", 1, "2"),
            ("2e++5", 1, "2"),
            ("2e5.5", 3, "200000"),
            ("1,234e5", 5, "1234"),
            ("3万e5", 2, "30000"),
            ("三e5", 1, "3"),
            ("2^5", 1, "2"),
            ("40k", 2, "40"),
            ("-2.5 M", 4, "-2.5"),
        ]);
        none(&["e5", "e.g.", "E"]);
        // In a word of letters it is a code: `0x1e5`.
        let c = chars("0x1e5");
        assert_eq!(parse(&c, 2).map(|n| n.end), Some(3));
        let shape = |s: &str| read(s).unwrap().shape;
        let s = shape("-2.5e-3");
        assert!(s.scientific && s.arabic && s.negative && s.decimal && !s.chinese);
        assert!(!shape("2").scientific && !shape("5em").scientific);
        assert_eq!(read("2e5").unwrap().trailing_scale, 0);
    }

    #[test]
    fn 乘方与倍数后缀() {
        let cases: &[(&str, &[&str])] = &[
            ("2^5", &["32"]),
            ("2^-1", &["0.5"]),
            ("2.5^-1", &["0.4"]),
            ("-2.5^-1", &["-0.4"]),
            ("1.1^+23", &["8.95430243255237372246531"]),
            ("-1.1^+23", &["-8.95430243255237372246531"]),
            ("-1.1^--23", &["-8.95430243255237372246531"]),
            ("-2^2", &["4"]),
            ("0^0", &["1"]),
            ("10^30", &["1e+30"]),
            ("3^-3", &["0.037037037037037037037037037"]),
            ("2^-100", &["0"]),
            ("0.0000000001^3", &["0"]),
            ("0.0000000001^-3", &["1e+30"]),
            ("0.0000000001^-9", &["1e+90"]),
            ("0^-1", &["0", "-1"]),
            ("2^0.5", &["2", "0.5"]),
            ("2^x", &["2"]),
            ("2^", &["2"]),
            ("2 ^5", &["2", "5"]),
            ("x2^5", &["2", "5"]),
            ("40k", &["40000"]),
            ("40K", &["40000"]),
            ("-2.5 M", &["-2500000"]),
            ("1,500k元", &["1500000"]),
            ("月薪15k", &["15000"]),
            ("40  k", &["40"]),
            ("5km", &["5"]),
            ("3MB", &["3"]),
            ("3k3", &["3", "3"]),
            ("5G网络", &["5"]),
            ("2T", &["2"]),
            ("A40k", &["40"]),
            ("五k", &["5"]),
            ("2e5k", &["2", "5"]),
            ("2e5 k", &["200000"]),
            ("1e3", &["1000"]),
        ];
        for &(input, want) in cases {
            let got: Vec<String> = find_numbers(input)
                .into_iter()
                .map(|(_, v)| v.to_string())
                .collect();
            assert_eq!(got, want, "{input}");
        }
        let found = find_numbers("共-2.5 M次");
        assert_eq!((found[0].0.char_start, found[0].0.char_end), (1, 7));
        assert_eq!(
            parse_number("2^5").map(|v| v.to_string()),
            Some("32".into())
        );
        assert_eq!(
            parse_number("40k").map(|v| v.to_string()),
            Some("40000".into())
        );
        // Huge powers: saturated or zero, never a panic or a long loop.
        let started = std::time::Instant::now();
        for (input, want) in [
            ("1^99999999999999999999", Some("1")),
            ("0^99999999999999999999", Some("0")),
            ("2^-99999999999999999999", Some("0")),
            ("10^99999999999999999999", Some("1e+18446744073709551615")),
            ("2^99999999999999999999", None),
            ("-9.99^99999999999999999999", None),
        ] {
            let v = parse_number(input).unwrap_or_else(|| panic!("{input}"));
            if let Some(want) = want {
                assert_eq!(v.to_string(), want, "{input}");
            }
        }
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn 不崩溃() {
        assert_eq!(parse(&[], 0), None);
        assert_eq!(parse(&chars("12"), 2), None);
        assert_eq!(parse(&chars("12"), usize::MAX), None);
        for s in [
            "负",
            "-",
            "+",
            ".",
            "点",
            "1,",
            "1.",
            "一点",
            "十 ",
            "三 ",
            "一千零",
            "万亿",
            "数",
        ] {
            let c = chars(s);
            for i in 0..=c.len() + 1 {
                let _ = parse(&c, i);
            }
        }
        // Exponents of 100,000 digits: saturated, or zero, in linear time.
        let nines = "9".repeat(100_000);
        for (text, want) in [
            (format!("1e{nines}"), "1e+18446744073709551615"),
            (format!("-1e-{nines}"), "0"),
            (format!("{nines}e{nines}"), "1e+18446744073709551615"),
            (format!("0.{nines}e-{nines}"), "0"),
        ] {
            let c = chars(&text);
            let n = parse(&c, 0).unwrap();
            assert_eq!(n.end, c.len());
            assert_eq!(n.value.unwrap().to_string(), want);
        }
        let power = format!("2^{nines}");
        assert!(parse_number(&power).is_some());
        // 50,000 `万`: alone nothing; after a digit, a huge exact power.
        let wan: Vec<char> = std::iter::repeat_n('万', 50_000).collect();
        assert_eq!(parse(&wan, 0), None);
        let mut one_wan = vec!['1'];
        one_wan.extend_from_slice(&wan);
        let n = parse(&one_wan, 0).unwrap();
        assert_eq!(n.end, one_wan.len());
        assert_eq!(n.value.unwrap().to_string(), "1e+200000");
        // 200,000 digits before `元`: every digit counted.
        let mut digits: Vec<char> = "123456789".chars().cycle().take(200_000).collect();
        digits.push('元');
        let n = parse(&digits, 0).unwrap();
        assert_eq!(n.end, 200_000);
        assert_eq!(n.shape.integer_digits, 200_000);
        match n.value.unwrap() {
            Value::Scientific {
                significand,
                exponent,
            } => {
                // 1.2345… × 10^199999: 200,000 digits.
                assert!(significand.to_string().starts_with("1.23456789123456789"));
                assert_eq!(exponent, 199_999);
            }
            other => panic!("expected a scientific value, got {other}"),
        }
        let nines: Vec<char> = std::iter::repeat_n('9', 200_000).collect();
        assert_eq!(
            parse(&nines, 0).unwrap().value.unwrap().to_string(),
            "1e+200000"
        );
        let mut ones: Vec<char> = vec!['1'];
        ones.extend(std::iter::repeat_n('0', 199_999));
        assert_eq!(
            parse(&ones, 0).unwrap().value.unwrap().to_string(),
            "1e+199999"
        );
        // Just inside the exact range, and just outside.
        let exact: Vec<char> = "79228162514264337593543950335".chars().collect();
        assert_eq!(
            parse(&exact, 0).unwrap().value.unwrap().as_decimal(),
            Some(Decimal::MAX)
        );
        // Long Chinese runs, decimals and spaces stay linear and exact.
        let seq: Vec<char> = std::iter::repeat_n('九', 100_000).collect();
        let n = parse(&seq, 0).unwrap();
        assert_eq!(n.value.unwrap().to_string(), "1e+100000");
        assert!(n.shape.digit_sequence);
        let mut frac = vec!['0', '.'];
        frac.extend(std::iter::repeat_n('1', 100_000));
        let n = parse(&frac, 0).unwrap();
        assert_eq!(n.end, frac.len());
        assert_eq!(
            n.value.unwrap().to_string(),
            format!("0.{}", "1".repeat(28))
        );
        let mut spaced = vec!['三'];
        spaced.extend(std::iter::repeat_n(' ', 100_000));
        assert_eq!(parse(&spaced, 0).unwrap().end, 1);
        let over: Vec<char> = "9".repeat(40).chars().chain("多万".chars()).collect();
        let n = parse(&over, 0).unwrap();
        assert_eq!(n.approx, Approx::Over);
        assert!(n.max.unwrap() > n.min.unwrap());
    }

    #[test]
    fn 随机输入() {
        const ALPHABET: &[char] = &[
            '0', '1', '5', '9', '.', ',', '-', '+', ' ', '/', '一', '二', '两', '三', '五', '九',
            '零', '〇', '十', '百', '千', '万', '亿', '兆', '点', '多', '余', '几', '数', '上',
            '成', '半', '负', '分', '之', '又', '壹', '拾', '萬', '元', '，', '个', 'e', 'E', '^',
            'k', 'M',
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut text = Vec::new();
        for _ in 0..3000 {
            text.clear();
            let len = (next() % 24) as usize;
            for _ in 0..len {
                text.push(ALPHABET[(next() % ALPHABET.len() as u64) as usize]);
            }
            for i in 0..=text.len() {
                let Some(n) = parse(&text, i) else { continue };
                let s: String = text.iter().collect();
                assert!(n.end > i && n.end <= text.len(), "{s:?} at {i}");
                if let (Some(min), Some(max)) = (n.min, n.max) {
                    assert!(min <= max, "{s:?} at {i}: {min} > {max}");
                }
                if n.approx == Approx::Over {
                    // The bound the value names: below it when negative.
                    assert!(n.value == n.min || n.value == n.max, "{s:?} at {i}");
                }
            }
            let s: String = text.iter().collect();
            let found = find_numbers(&s);
            for pair in found.windows(2) {
                assert!(pair[0].0.char_end <= pair[1].0.char_start, "{s:?}");
            }
            let _ = parse_number(&s);
        }
    }

    #[test]
    fn 长文本线性() {
        let started = std::time::Instant::now();
        for piece in [
            "三分之",
            "1/",
            "一 ",
            "十余万又",
            "1,234,",
            "负",
            "零",
            "九九",
            "两两",
            "-1",
        ] {
            let text = piece.repeat(40_000);
            let found = find_numbers(&text);
            assert!(found.len() <= text.chars().count());
        }
        let mut text = "9".repeat(200_000);
        text.push('元');
        let found = find_numbers(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.char_end, 200_000);
        // Generous: a quadratic scan would take minutes.
        assert!(started.elapsed().as_secs() < 20);
    }

    #[test]
    fn 分数与找数() {
        let values = |s: &str| {
            find_numbers(s)
                .into_iter()
                .map(|(_, v)| v.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(values("二分之一"), ["0.5"]);
        assert_eq!(values("负一又二分之一"), ["-1.5"]);
        assert_eq!(values("3/5和1 3/5"), ["0.6", "1.6"]);
        assert_eq!(values("一百分之二"), ["0.02"]);
        assert_eq!(values("百分之五十"), ["50"]);
        assert_eq!(values("二分之"), ["2"]);
        assert_eq!(values("一切都是一些小事"), Vec::<String>::new());
        assert_eq!(values("这不是四川这是五台山"), ["5"]);
        assert_eq!(values("队伍里收拾东西，肆佰陆拾元"), ["460"]);
        assert_eq!(values("半个月，十分钟，十分好"), ["10"]);
        assert_eq!(values("十分之一"), ["0.1"]);
        assert_eq!(values("2019/12/31"), ["2019", "12", "31"]);
        assert_eq!(values("零下5度，零售，得分为零"), ["5", "0"]);
        assert_eq!(values("乱七八糟，一五一十，三五成群"), ["3"]);
        assert_eq!(values("数据几个数十"), Vec::<String>::new());
        assert_eq!(
            parse_number("三又三分之一")
                .map(|v| v.to_string())
                .unwrap_or_default()
                .len(),
            30
        );
        assert_eq!(parse_number("0/0"), None);
        let found = find_numbers("共１２．５万元");
        assert_eq!(found[0].0.char_start, 1);
        assert_eq!(found[0].0.char_end, 6);
        assert_eq!(&"共１２．５万元"[found[0].0.range()], "１２．５万");
    }
}
