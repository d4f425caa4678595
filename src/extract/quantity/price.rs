//! Unit prices: the unit priced written before the amount (`每斤15元`),
//! after it (`15元/斤`, `15元每斤`, `38元一斤`), or introducing it from a
//! little before (`一斤售价在15元`, `每盒售价为38.5元`,
//! `每10股派发现金红利3.5元`).

use std::sync::LazyLock;

use super::scan::Scanner;
use super::unit::UnitHit;
use super::{UnitRef, is_clause_break};
use crate::extract::lexicon::{Lexicon, UnitEntry, unit};
use crate::extract::numeral::is_numeral_char;
use crate::extract::units::{self, Unit};

/// Where a unit can stand as the unit priced (see [`PricedUnit`]).
#[derive(Clone, Copy, Debug)]
struct PricedUnit {
    /// After `/` or `每` next to the amount: `15元/斤`, `每斤15元`.
    per: bool,
    /// A unit of goods that `每` prices from a distance (`每盒售价为38.5元`)
    /// or that follows the amount after `一` (`38元一斤`); not people,
    /// households or time (`每户可获得…`, `每月房租…` are no unit prices).
    goods: bool,
    /// A measure that, after `一`, introduces a price later in the clause
    /// (`一斤售价在15元`).
    intro: bool,
}

const PER: PricedUnit = PricedUnit {
    per: true,
    goods: false,
    intro: false,
};
const GOODS: PricedUnit = PricedUnit {
    per: false,
    goods: true,
    intro: false,
};
const PER_GOODS: PricedUnit = PricedUnit {
    per: true,
    goods: true,
    intro: false,
};
const PER_GOODS_INTRO: PricedUnit = PricedUnit {
    per: true,
    goods: true,
    intro: true,
};

/// Units that can be priced, with where (one table for the three uses).
static PRICED_UNITS: &[UnitEntry<PricedUnit>] = &[
    unit("斤", PER_GOODS_INTRO, ""),
    unit("市斤", PER_GOODS_INTRO, ""),
    unit("公斤", PER_GOODS_INTRO, ""),
    unit("千克", PER_GOODS_INTRO, ""),
    unit("克", PER_GOODS_INTRO, ""),
    unit("吨", PER_GOODS_INTRO, ""),
    unit("两", PER_GOODS_INTRO, ""),
    unit("米", PER, ""),
    unit("平方米", PER_GOODS_INTRO, ""),
    unit("平米", PER_GOODS_INTRO, ""),
    unit("㎡", PER, ""),
    unit("亩", PER_GOODS_INTRO, ""),
    unit("立方米", PER_GOODS_INTRO, ""),
    unit("方", PER, ""),
    unit("升", PER_GOODS_INTRO, ""),
    unit("人", PER, ""),
    unit("人次", PER, ""),
    unit("次", PER, ""),
    unit("月", PER, ""),
    unit("年", PER, ""),
    unit("天", PER, ""),
    unit("日", PER, ""),
    unit("晚", PER_GOODS, ""),
    unit("小时", PER, ""),
    unit("秒", PER, ""),
    unit("件", PER_GOODS, ""),
    unit("个", PER, ""),
    unit("台", PER_GOODS, ""),
    unit("套", PER_GOODS, ""),
    unit("户", PER, ""),
    unit("间", PER, ""),
    unit("张", PER_GOODS, ""),
    unit("份", PER_GOODS, ""),
    unit("瓶", PER_GOODS, ""),
    unit("箱", PER_GOODS, ""),
    unit("盒", PER_GOODS, ""),
    unit("袋", PER_GOODS, ""),
    unit("股", PER_GOODS, ""),
    unit("度", PER_GOODS, ""),
    unit("千瓦时", PER_GOODS, ""),
    unit("盎司", PER_GOODS, ""),
    unit("包", PER_GOODS, ""),
    unit("期", PER, ""),
    unit("头", PER_GOODS, ""),
    unit("只", PER_GOODS, ""),
    unit("支", PER_GOODS, ""),
    unit("罐", PER_GOODS, ""),
    unit("杯", PER_GOODS, ""),
    unit("碗", PER_GOODS, ""),
    unit("桶", PER_GOODS, ""),
    unit("kg", PER, ""),
    unit("g", PER, ""),
    unit("t", PER, ""),
    unit("m", PER, ""),
    unit("m2", PER, ""),
    unit("L", PER, ""),
    unit("km", PER, ""),
    unit("公里", PER, ""),
    unit("单", GOODS, ""),
    unit("条", GOODS, ""),
    unit("餐", GOODS, ""),
];

static PRICED_LEXICON: LazyLock<Lexicon<PricedUnit>> =
    LazyLock::new(|| Lexicon::new(PRICED_UNITS.iter().filter(|e| e.meaning.per)));
static PRICE_INTRO_LEXICON: LazyLock<Lexicon<PricedUnit>> =
    LazyLock::new(|| Lexicon::new(PRICED_UNITS.iter().filter(|e| e.meaning.intro)));
static GOODS_LEXICON: LazyLock<Lexicon<PricedUnit>> =
    LazyLock::new(|| Lexicon::new(PRICED_UNITS.iter().filter(|e| e.meaning.goods)));

/// A unit that `/` or `每` prices, at `c[at..]`: the index past it.
pub(super) fn per_unit_at(c: &[char], at: usize) -> Option<usize> {
    PRICED_LEXICON.longest_at(c, at).map(|(_, end)| end)
}

impl Scanner<'_, '_> {
    /// `每斤` at `j` with a number after it: where it ends, and the unit.
    pub(super) fn per_prefix(&self, j: usize) -> Option<(usize, UnitRef)> {
        if self.chars.get(j) != Some(&'每') {
            return None;
        }
        let end = per_unit_at(self.chars, j + 1)?;
        self.numeral_or_prefix_follows(end)
            .then_some((end, UnitRef::Written(j + 1, end)))
    }

    /// The unit priced of an amount at `start..end` (`unit` is money or a
    /// measure), written after it (`15元/斤`, `15元每斤`, `38元一斤`) or
    /// introducing it (`一斤售价在15元`); `per` is the one written before
    /// (`每斤15元`), which ended at `per_prefix_end`. Moves `end` past a
    /// unit written after, and `start` past `每月` when a unit written
    /// after is the one priced (`每月3.2元/平方米`).
    pub(super) fn unit_priced(
        &self,
        unit: Unit,
        (start, end): (&mut usize, &mut usize),
        per: Option<UnitRef>,
        per_prefix_end: Option<usize>,
    ) -> Option<UnitRef> {
        let c = self.chars;
        let money = matches!(unit, Unit::Money(_));
        if !money && !matches!(unit, Unit::Measure(_)) {
            return per;
        }
        let mut per = per;
        if matches!(c.get(*end), Some('/' | '每')) {
            let at = *end + 1;
            if let Some(u_end) = per_unit_at(c, at)
                && !c.get(u_end).is_some_and(|n| n.is_ascii_alphanumeric())
            {
                per = Some(UnitRef::Written(at, u_end));
                *end = u_end;
                if let Some(after) = per_prefix_end {
                    *start = after;
                }
            }
        }
        if per.is_none() && money && c.get(*end) == Some(&'一') {
            if let Some((_, u_end)) = GOODS_LEXICON.longest_at(c, *end + 1)
                && c[*end + 1..u_end] != ['度']
            {
                per = Some(UnitRef::Written(*end + 1, u_end));
            }
            // `自助晚餐380元一位`: per head, where the clause ends.
            let head = matches!(c.get(*end + 1), Some('位' | '人'));
            if per.is_none() && head && !c.get(*end + 2).is_some_and(|&n| n.is_alphanumeric()) {
                per = Some(UnitRef::Written(*end + 1, *end + 2));
            }
        }
        if per.is_none() && money {
            per = self.price_intro_before(*start);
        }
        per
    }

    /// A quantity at `i` right after an amount of money (`38元一斤`,
    /// `三块五一斤`): its `一斤` only names the unit priced.
    pub(super) fn after_price(&self, i: usize) -> bool {
        let c = self.chars;
        let after_tenths = i >= 2
            && matches!(c[i - 2], '元' | '块')
            && (c[i - 1].is_ascii_digit() || is_numeral_char(c[i - 1]));
        i > 0 && (matches!(c[i - 1], '元' | '块' | '钱' | '角' | '毛') || after_tenths)
    }

    /// `一斤售价在15元`: the `一斤` at `hit` only introduces a price.
    pub(super) fn introduces_price(&self, hit: UnitHit) -> bool {
        PRICE_INTRO_LEXICON.contains(&self.chars[hit.start..hit.end]) && self.price_follows(hit.end)
    }

    /// Whether an amount of money follows soon in the clause (for `一斤…15元`).
    pub(super) fn price_follows(&self, from: usize) -> bool {
        let c = self.chars;
        let limit = (from + 8).min(c.len());
        let mut p = from;
        while p < limit {
            if is_clause_break(c[p]) {
                return false;
            }
            if let Some(n) = self.parse(p)
                && n.end > p
            {
                // One space may part the number and its unit, as the
                // amount's own reading allows (`售价在 15 元`).
                let at = n.end + usize::from(c.get(n.end) == Some(&' '));
                return units::currency_at(c, at).is_some();
            }
            p += 1;
        }
        false
    }

    /// `一斤售价在15元`: a `一`/`每` + measure unit shortly before `start` in
    /// the same clause, with no other number in between.
    pub(super) fn price_intro_before(&self, start: usize) -> Option<UnitRef> {
        let c = self.chars;
        let from = start.saturating_sub(10);
        let mut p = start;
        while p > from {
            p -= 1;
            if is_clause_break(c[p]) {
                return None;
            }
            // A dividend: 每10股派发现金红利3.5元 pays 3.5 yuan per 10 shares.
            if c[p] == '股' {
                let digits = c[..p]
                    .iter()
                    .rev()
                    .take_while(|x| x.is_ascii_digit())
                    .count();
                if digits > 0 && p > digits && c[p - digits - 1] == '每' {
                    return Some(UnitRef::Written(p - digits, p + 1));
                }
            }
            if matches!(c[p], '一' | '每') {
                // 每/一 + a unit of goods, then the price: 每盒售价为38.5元,
                // 一斤售价在15元 (not 一个月收入3000元, 每户可获得3万元).
                // 一度 is "at one point", not a kilowatt-hour.
                let unit = GOODS_LEXICON
                    .longest_at(c, p + 1)
                    .filter(|&(_, e)| !(c[p] == '一' && c[p + 1..e] == ['度']));
                if let Some((_, end)) = unit
                    && end <= start
                    && !c[end..start]
                        .iter()
                        .any(|&x| x.is_ascii_digit() || is_numeral_char(x))
                {
                    return Some(UnitRef::Written(p + 1, end));
                }
            }
            if c[p].is_ascii_digit() {
                return None;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_price_table_for_three_uses() {
        let forms = |lexicon: &Lexicon<PricedUnit>, list: &str| {
            list.split(' ')
                .filter(|f| {
                    let chars: Vec<char> = f.chars().collect();
                    lexicon.contains(&chars)
                })
                .count()
        };
        assert_eq!(forms(&PRICE_INTRO_LEXICON, "斤 公斤 平方米 升 人 盒 单"), 4);
        assert_eq!(forms(&GOODS_LEXICON, "斤 盒 单 条 餐 人 月 米"), 5);
        assert_eq!(forms(&PRICED_LEXICON, "斤 盒 人 月 米 km 单 条 餐"), 6);
    }
}
