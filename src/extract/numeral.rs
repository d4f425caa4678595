//! Numerals: Arabic, full-width (folded by the view), Chinese, financial and
//! traditional forms, mixed (`1.5亿`), vague (`数十`, `三四十`, `十几`).
//!
//! A pure function over chars; no allocation.

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
    let digit = |k: usize| at(chars, k).and_then(|c| c.to_digit(10).filter(|_| c.is_ascii_digit()));
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
        } else if c == ','
            && int_digits > 0
            && (grouped || int_digits <= 3)
            && digit(j + 1).is_some()
            && digit(j + 2).is_some()
            && digit(j + 3).is_some()
            && digit(j + 4).is_none()
        {
            grouped = true;
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
    let next = at(chars, start + 1);
    let signed = match c {
        '-' | '+' => {
            let after_sign = start.checked_sub(1).and_then(|p| at(chars, p));
            let digit_follows = next.is_some_and(|d| d.is_ascii_digit())
                || (next == Some('.') && at(chars, start + 2).is_some_and(|d| d.is_ascii_digit()));
            if !digit_follows || matches!(after_sign, Some('-' | '+')) {
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
    if matches!(c, '负' | '負') {
        n.shape.chinese = true;
    }
    n.shape.lone_one = false;
    Some(n)
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
    Some(zeros - i64::from(d.scale()) + exponent)
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

fn parse_unsigned(chars: &[char], start: usize) -> Option<Numeral> {
    let first = at(chars, start)?;
    if let Some(n) = parse_vague(chars, start) {
        return Some(n);
    }
    if first == '.' {
        // `.5`, but not the tail of `1.2.5` or `...9`.
        let before = start.checked_sub(1).and_then(|p| at(chars, p));
        if before.is_some_and(|b| b == '.' || b.is_ascii_digit()) {
            return None;
        }
    }
    let mut st = State {
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
    };
    let mut committed: Option<State> = None;
    let mut i = start;
    loop {
        // Spaces may separate the parts of a Chinese numeral (`三千 八百`,
        // `1000 万`), never two digits (`1, 234`).
        let mut j = i;
        if st.prev != Prev::Start {
            while at(chars, j) == Some(' ') {
                j += 1;
            }
        }
        let spaced = j > i;
        let Some(c) = at(chars, j) else { break };
        if spaced {
            let chinese_part = chinese_digit(c).is_some()
                || multiplier_at(chars, j).is_some()
                || is_point(c)
                || is_over(c)
                || is_ji(c);
            let digit_after_digit = chinese_digit(c).is_some_and(|d| d != 0)
                && matches!(st.prev, Prev::Digit | Prev::Number);
            let arabic_after_unit = c.is_ascii_digit()
                && st.script == Script::Arabic
                && matches!(st.prev, Prev::Small | Prev::Big);
            if !(chinese_part || arabic_after_unit) || digit_after_digit {
                break;
            }
            if chinese_part && st.script == Script::Arabic && chinese_digit(c).is_some() {
                break;
            }
        }
        let at_start = st.prev == Prev::Start;

        if c.is_ascii_digit() || (at_start && c == '.') {
            // An Arabic number: first, or after a unit or `零` in an
            // Arabic-led numeral (`1万2千`, `1千零20`, `3万4000`).
            let ok = at_start
                || (st.script == Script::Arabic
                    && matches!(st.prev, Prev::Small | Prev::Big | Prev::Zero));
            if !ok {
                break;
            }
            let Some(a) = read_arabic(chars, j) else {
                break;
            };
            st.lo.digit = Some(a.value);
            st.hi.digit = Some(a.value);
            st.script = Script::Arabic;
            st.shape.arabic = true;
            st.shape.integer_digits += a.int_digits;
            st.shape.grouped |= a.grouped;
            st.shape.decimal |= a.decimal;
            if at_start {
                st.shape.leading_zero = a.leading_zero;
            }
            st.unit_before_digit = None;
            st.trailing = 0;
            st.prev = Prev::Number;
            st.end = a.end;
            i = a.end;
            committed = Some(st);
            continue;
        }

        if let Some(d) = chinese_digit(c) {
            if st.script == Script::Arabic && d != 0 {
                break;
            }
            if d == 0 {
                match st.prev {
                    Prev::Start => {
                        if at(chars, j + 1).and_then(sequence_digit).is_some() {
                            return Some(digit_sequence(chars, j));
                        }
                        st.prev = Prev::Zero;
                        st.zero_start = true;
                        st.script = Script::Chinese;
                        st.shape.chinese = true;
                        st.end = j + 1;
                        i = j + 1;
                        committed = Some(st);
                        continue;
                    }
                    Prev::Small | Prev::Big | Prev::Zero => {
                        // Not committed: `一千零` is `一千`.
                        st.prev = Prev::Zero;
                        st.trailing = 0;
                        i = j + 1;
                        continue;
                    }
                    _ => break,
                }
            }
            if !matches!(st.prev, Prev::Start | Prev::Small | Prev::Big | Prev::Zero) {
                break;
            }
            let (lo, hi, len) = match range_pair(chars, j, at_start) {
                Some((a, b)) => (a, b, 2),
                None => {
                    if at_start
                        && !is_liang(c)
                        && at(chars, j + 1).and_then(sequence_digit).is_some()
                    {
                        return Some(digit_sequence(chars, j));
                    }
                    (d, d, 1)
                }
            };
            if st.zero_start && st.prev == Prev::Zero {
                break; // `零两`
            }
            st.range |= len == 2;
            st.unit_before_digit = match st.prev {
                Prev::Small => st.last_small,
                Prev::Big => st.last_big,
                _ => None,
            };
            st.lo.digit = Some(Value::from_int(i64::from(lo)));
            st.hi.digit = Some(Value::from_int(i64::from(hi)));
            st.script = Script::Chinese;
            st.shape.chinese = true;
            st.trailing = 0;
            st.prev = Prev::Digit;
            st.end = j + len;
            i = j + len;
            committed = Some(st);
            continue;
        }

        if let Some(p) = at(chars, j).and_then(small_unit) {
            let ok = match st.prev {
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
            if !ok || st.last_small.is_some_and(|q| p >= q) {
                break;
            }
            st.lo.small(p);
            st.hi.small(p);
            st.last_small = Some(p);
            st.trailing = if st.prev == Prev::Small {
                st.trailing + p
            } else {
                p
            };
            st.shape.chinese = true;
            if st.script == Script::Unknown {
                st.script = Script::Chinese;
            }
            st.prev = Prev::Small;
            st.end = j + 1;
            i = j + 1;
            committed = Some(st);
            continue;
        }

        if let Some(p) = multiplier_at(chars, j).filter(|&p| p >= 4) {
            let ok = matches!(
                st.prev,
                Prev::Digit | Prev::Number | Prev::Small | Prev::Big | Prev::Over | Prev::Ji
            );
            if !ok {
                break;
            }
            if st.prev == Prev::Big {
                // `万亿`, `万万`: the groups so far are multiplied.
                st.lo.total = st.lo.total.scale_pow10(p);
                st.hi.total = st.hi.total.scale_pow10(p);
                st.last_big = Some(st.last_big.unwrap_or(0).saturating_add(p));
                st.trailing = st.trailing.saturating_add(p);
            } else {
                let above = match st.last_big {
                    None => true,
                    Some(lb) if p > lb => true,
                    Some(lb) if p < lb => false,
                    Some(_) => break,
                };
                st.lo.big(p, above);
                st.hi.big(p, above);
                st.last_big = Some(p);
                st.trailing = if st.prev == Prev::Small {
                    st.trailing + p
                } else {
                    p
                };
            }
            st.last_small = None;
            st.big_used = true;
            st.shape.chinese = true;
            st.prev = Prev::Big;
            st.end = j + 1;
            i = j + 1;
            committed = Some(st);
            if st.over {
                break;
            }
            continue;
        }

        if is_point(c) && matches!(st.prev, Prev::Digit | Prev::Small | Prev::Big | Prev::Zero) {
            if st.prev == Prev::Zero && !st.zero_start {
                break; // `一百零点五`
            }
            if st.over {
                break;
            }
            let mut k = j + 1;
            while at(chars, k) == Some(' ') {
                k += 1;
            }
            let (end, frac, count) = read_digit_run(chars, k, sequence_digit, true);
            if count == 0 || at(chars, end).and_then(small_unit) == Some(1) {
                // `三点半`; `三点五十分` is a time.
                break;
            }
            let implied = implied_power(&st);
            let lo = st.lo.finish(implied).add(frac);
            let hi = st.hi.finish(implied).add(frac);
            if st.big_used {
                st.lo = Acc {
                    total: lo,
                    ..Acc::EMPTY
                };
                st.hi = Acc {
                    total: hi,
                    ..Acc::EMPTY
                };
                st.prev = Prev::Final;
            } else {
                st.lo = Acc {
                    digit: Some(lo),
                    ..Acc::EMPTY
                };
                st.hi = Acc {
                    digit: Some(hi),
                    ..Acc::EMPTY
                };
                st.prev = Prev::Number;
                st.last_small = None;
            }
            st.unit_before_digit = None;
            st.shape.decimal = true;
            st.trailing = 0;
            st.end = end;
            i = end;
            committed = Some(st);
            continue;
        }

        if is_over(c) && !st.over {
            let ok = match st.prev {
                Prev::Small | Prev::Big => true,
                // `3000多`, `500余万`; not after a decimal (`1.5多`).
                Prev::Number => !st.shape.decimal,
                _ => false,
            };
            if !ok {
                break;
            }
            st.over = true;
            st.prev = Prev::Over;
            st.trailing = 0;
            st.end = j + 1;
            i = j + 1;
            committed = Some(st);
            continue;
        }

        if is_ji(c) && !st.over && matches!(st.prev, Prev::Small | Prev::Big | Prev::Zero) {
            if st.zero_start && st.prev == Prev::Zero {
                break;
            }
            let mut k = j + 1;
            while at(chars, k) == Some(' ') {
                k += 1;
            }
            if at(chars, k).and_then(small_unit).is_some() {
                break; // `一百几十`: the vague `几十` is another numeral
            }
            st.over = true;
            st.prev = Prev::Ji;
            st.trailing = 0;
            st.end = j + 1;
            i = j + 1;
            committed = Some(st);
            continue;
        }
        break;
    }
    let st = committed?;
    Some(finish(chars, start, &st))
}

/// The power a trailing Chinese digit takes from the unit before it:
/// `两千三` → 2300, `一万三` → 13000, but `一万零三` → 10003.
fn implied_power(st: &State) -> Option<u32> {
    if st.prev != Prev::Digit {
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
