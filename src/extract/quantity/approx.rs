//! Approximation: words before and after a number (`约`, `近`, `超过`,
//! `左右`, `以上`, `3元多`), `来` after a round numeral (`二十来岁`), and
//! multipliers standing alone (`近百人`, `千余人`, `千亿元`).

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::scan::Scanner;
use crate::extract::lexicon::{Lexicon, UnitEntry, unit};
use crate::extract::numeral::{self, Numeral};
use crate::extract::units;
use crate::record::Approx;
use crate::value::Value;

/// Approximation words before a number.
static APPROX_PREFIXES: &[UnitEntry<Approx>] = &[
    unit("约", Approx::About, ""),
    unit("约合", Approx::About, ""),
    unit("约莫", Approx::About, ""),
    unit("大致", Approx::About, ""),
    unit("差不多", Approx::About, ""),
    unit("约为", Approx::About, ""),
    unit("大约", Approx::About, ""),
    unit("大概", Approx::About, ""),
    unit("近", Approx::Under, ""),
    unit("将近", Approx::Under, ""),
    unit("接近", Approx::Under, ""),
    unit("超过", Approx::Over, ""),
    unit("超", Approx::Over, ""),
    unit("逾", Approx::Over, ""),
    unit("至少", Approx::Over, ""),
    unit("最少", Approx::Over, ""),
    unit("不少于", Approx::Over, ""),
    unit("不低于", Approx::Over, ""),
    unit("最多", Approx::Under, ""),
    unit("不到", Approx::Under, ""),
    unit("不足", Approx::Under, ""),
    unit("不超过", Approx::Under, ""),
    unit("不多于", Approx::Under, ""),
    unit("不高于", Approx::Under, ""),
    unit("低于", Approx::Under, ""),
    unit("少于", Approx::Under, ""),
    unit("高于", Approx::Over, ""),
    unit("多于", Approx::Over, ""),
    // Signs in specifications (`噪音≤38dB`); not `<` and `>`, which are
    // brackets as often (`<200万元>`).
    unit("≤", Approx::Under, ""),
    unit("≦", Approx::Under, ""),
    unit("≥", Approx::Over, ""),
    unit("≧", Approx::Over, ""),
];

/// Words whose second char would otherwise read as an approximation word
/// (`节约3万元` saves 30,000; it is not "about 30,000").
const NOT_APPROX_WORDS: &[[char; 2]] = &[
    ['节', '约'],
    ['预', '约'],
    ['签', '约'],
    ['条', '约'],
    ['合', '约'],
    ['制', '约'],
    ['违', '约'],
    ['履', '约'],
    ['相', '约'],
    ['特', '约'],
    ['邀', '约'],
    ['赴', '约'],
    ['公', '约'],
    ['最', '近'],
    ['附', '近'],
    ['靠', '近'],
    ['临', '近'],
    ['邻', '近'],
    ['就', '近'],
    ['亲', '近'],
    ['贴', '近'],
    ['赶', '超'],
    ['高', '超'],
];

/// Approximation words after a quantity.
static APPROX_SUFFIXES: &[UnitEntry<Approx>] = &[
    unit("左右", Approx::About, ""),
    unit("上下", Approx::About, "班楼车文级游"),
    unit("以上", Approx::Over, ""),
    unit("及以上", Approx::Over, ""),
    unit("及以下", Approx::Under, ""),
    unit("之多", Approx::Over, ""),
    unit("有余", Approx::Over, ""),
    unit("出头", Approx::Over, ""),
    unit("开外", Approx::Over, ""),
    unit("以下", Approx::Under, ""),
    unit("以内", Approx::Under, ""),
    unit("之内", Approx::Under, ""),
    unit("不到", Approx::Under, ""),
    unit(
        "起",
        Approx::Over,
        "来义诉草码飞身火源点因见初先航步跑降落居",
    ),
];

static PREFIX_LEXICON: LazyLock<Lexicon<Approx>> = LazyLock::new(|| Lexicon::new(APPROX_PREFIXES));
static SUFFIX_LEXICON: LazyLock<Lexicon<Approx>> = LazyLock::new(|| Lexicon::new(APPROX_SUFFIXES));

/// The first chars of the approximation words before a number.
pub(super) fn prefix_first_chars() -> impl Iterator<Item = char> {
    APPROX_PREFIXES
        .iter()
        .filter_map(|e| e.written.chars().next())
}

impl Scanner<'_, '_> {
    /// An approximation word at `i` with a number after it (not the `约` of
    /// `节约`): what it says and where the number starts.
    pub(super) fn approx_prefix(&self, i: usize) -> Option<(Approx, usize)> {
        let c = self.chars;
        let glued = i > 0
            && NOT_APPROX_WORDS
                .iter()
                .any(|w| w[0] == c[i - 1] && w[1] == c[i]);
        let (e, end) = PREFIX_LEXICON.longest_at(c, i)?;
        (!glued && self.numeral_or_prefix_follows(end)).then_some((e.meaning, end))
    }
}

/// An approximation word after a quantity that ends at `end` (`左右`,
/// `以上`; `多`/`余` after money or a measure, not before a Han word):
/// what it says, where it ends, and whether it was `多`/`余`.
pub(super) fn suffix_at(
    c: &[char],
    end: usize,
    more_allowed: bool,
) -> Option<(Approx, usize, bool)> {
    if let Some((e, e_end)) = SUFFIX_LEXICON.longest_at(c, end) {
        return Some((e.meaning, e_end, false));
    }
    let more = matches!(c.get(end), Some('多' | '余'))
        && more_allowed
        && !c
            .get(end + 1)
            .is_some_and(|&n| crate::text::is_han(n) && n != '的' && n != '，');
    more.then_some((Approx::Over, end + 1, true))
}

/// `v` plus one unit of its last non-zero digit (4 → 5, 3000 → 4000,
/// 2.5 → 2.6); `None` for values beyond exact range.
pub(super) fn next_step(v: Value) -> Option<Value> {
    let d = v.as_decimal()?.normalize();
    let scale = d.scale();
    let step = if scale > 0 {
        Decimal::new(1, scale)
    } else {
        let mut step = Decimal::ONE;
        let mut rest = d.abs();
        while !rest.is_zero() && (rest % Decimal::TEN).is_zero() {
            rest /= Decimal::TEN;
            step *= Decimal::TEN;
        }
        step
    };
    d.checked_add(step).map(Value::Exact)
}

/// `百`, `千`, `万` standing alone for 100, 1000, 10000.
pub(super) fn lone_multiplier(c: &[char], at: usize) -> Option<Numeral> {
    let power_of = |ch: char| match ch {
        '百' => Some(2),
        '千' => Some(3),
        '万' => Some(4),
        '亿' => Some(8),
        _ => None,
    };
    let mut power = power_of(*c.get(at)?).filter(|&p| p < 8)?;
    let mut end = at + 1;
    // 百亿, 千万, 万亿: multipliers stack.
    while let Some(p) = c.get(end).and_then(|&ch| power_of(ch)) {
        if p <= power && p != 8 {
            break;
        }
        power += p;
        end += 1;
    }
    Some(Numeral {
        end,
        value: Some(Value::from_int(1).scale_pow10(power)),
        approx: Approx::Exact,
        min: None,
        max: None,
        trailing_scale: power,
        shape: numeral::Shape {
            chinese: true,
            ..numeral::Shape::default()
        },
    })
}

/// Whether the multiplier `c[at..end]` (no numeral before it) reads as an
/// amount: followed by `余`/`多` and a unit (`千余人`), or stacked and
/// followed by a currency (`千亿元`, `百万美元`). Alone, `千万` and `万人`
/// are as often words (`千万不要`, `万人空巷`).
pub(super) fn lone_multiplier_is_amount(c: &[char], at: usize, end: usize) -> bool {
    match c.get(end) {
        Some('余' | '多') => units::amount_unit_at(c, end + 1),
        _ => end - at >= 2 && units::currency_at(c, end).is_some(),
    }
}

/// `十来个`, `二十来岁`, `百来人`: `来` after a round Chinese numeral and
/// before a unit is "about" (elsewhere it is the verb: `三十来了`).
pub(super) fn about_lai(c: &[char], n: Numeral) -> Numeral {
    let round = n.end > 0 && matches!(c.get(n.end - 1), Some('十' | '百' | '千' | '万'));
    if c.get(n.end) == Some(&'来')
        && round
        && n.approx == Approx::Exact
        && n.shape.chinese
        && units::amount_unit_at(c, n.end + 1)
    {
        Numeral {
            end: n.end + 1,
            approx: Approx::About,
            ..n
        }
    } else {
        n
    }
}

/// `千余`: a lone multiplier and `余`/`多`, over it and under twice it (as
/// `4万余` is between 40000 and 50000).
pub(super) fn over_lone_multiplier(n: Numeral) -> Numeral {
    let value = n.value.unwrap_or(Value::ZERO);
    Numeral {
        end: n.end + 1,
        approx: Approx::Over,
        min: Some(value),
        max: Some(value.add(value)),
        ..n
    }
}
