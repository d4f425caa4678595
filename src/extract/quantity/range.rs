//! Ranges: two bounds with a connector (`3至5万元`, `10-20人`,
//! `8500到3万港元`, `3万元至5万元`, `百分之七十至九十五`), and a lower
//! bound written right before an upper one (`200元以上2000元以下`).

use super::FoundQuantity;
use super::UnitRef;
use super::scan::Scanner;
use super::unit::UnitHit;
use crate::extract::measure;
use crate::extract::money;
use crate::extract::numeral::Numeral;
use crate::extract::percent::{self, PercentUnit};
use crate::record::Approx;
use crate::value::Value;

/// Range connectors between two numbers.
pub(super) fn is_connector(c: char) -> bool {
    matches!(c, '至' | '到' | '-' | '~' | '—' | '–' | '〜')
}

/// A second bound after a first one of the same written unit (`3至5万`,
/// `3万元至5万元`) shares its trailing multiplier when the first bound has
/// none: `3至5万` is 30000..50000, but `8500到3万` keeps 8500.
pub(super) fn lower_bound(first: &Numeral, second: &Numeral, a: Value, b: Value) -> Value {
    if first.trailing_scale == 0 && second.trailing_scale > 0 {
        let scaled = a.scale_pow10(second.trailing_scale);
        if scaled <= b {
            return scaled;
        }
    }
    a
}

impl Scanner<'_, '_> {
    /// A second bound after the first, which is followed by a connector at
    /// `k` and has `unit` (if any): the bound, its unit, and where it ends.
    pub(super) fn range_to(
        &self,
        first: &Numeral,
        k: usize,
        unit: Option<UnitHit>,
        currency_prefix: Option<&'static str>,
        pay: bool,
    ) -> Option<(Numeral, Option<UnitHit>, usize)> {
        let c = self.chars;
        let connected = first.approx == Approx::Exact
            && first.value.is_some()
            && c.get(k).copied().is_some_and(is_connector);
        if !connected {
            return None;
        }
        let (n2, u2) = self.second_bound(k + 1, currency_prefix)?;
        let unit_ok = match (unit, u2) {
            (None, Some(_)) => true,
            (Some(a), Some(b)) => a.same_unit(&b, c),
            (Some(_), None) => false,
            (None, None) => currency_prefix.is_some() || pay,
        };
        (unit_ok && n2.approx == Approx::Exact && n2.value.is_some())
            .then(|| (n2, u2, u2.map_or(n2.end, |u| u.end)))
    }

    /// `百分之七十至九十五`, `百分之三到百分之五`: the second bound after a
    /// percentage written with a prefix (`unit`) that ends at `n.end`.
    pub(super) fn percent_range_to(&self, n: &Numeral, unit: PercentUnit) -> Option<Numeral> {
        let c = self.chars;
        if n.approx != Approx::Exact || !c.get(n.end).copied().is_some_and(is_connector) {
            return None;
        }
        let mut p = n.end + 1;
        if let Some((u2, e2)) = percent::prefix_at(c, p) {
            if u2.shift == unit.shift {
                p = e2;
            }
        }
        let n2 = self.parse(p)?;
        (n2.end > p && n2.approx == Approx::Exact && n2.value.is_some()).then_some(n2)
    }

    /// The second bound of a range starting at `at`, with its unit.
    pub(super) fn second_bound(
        &self,
        at: usize,
        currency_prefix: Option<&str>,
    ) -> Option<(Numeral, Option<UnitHit>)> {
        let c = self.chars;
        let mut p = at;
        if let Some((code, end)) = money::prefix_at(c, p) {
            if currency_prefix.is_some_and(|cp| cp == code) {
                p = end;
            }
        }
        let negative = measure::below_zero_prefix(c, p);
        if let Some(end) = negative {
            p = end;
        }
        let n = self.parse(p)?;
        if n.end <= p || n.shape.scientific || self.code_after(n.end).is_some() {
            return None;
        }
        let n = self.back_off_unit_multiplier(p, n);
        let u = self.unit_after(&n, p, n.end, currency_prefix);
        Some((
            if negative.is_some() {
                super::scan::below_zero(n)
            } else {
                n
            },
            u,
        ))
    }
}

/// `200元以上2000元以下`: a lower bound written right before an upper one,
/// of the same kind and unit, is one range (as `200至2000元` is). Records
/// from `first` on are joined in place.
pub(super) fn join_bounds(chars: &[char], out: &mut Vec<FoundQuantity>, first: usize) {
    let mut kept = first;
    for r in first..out.len() {
        let q = out[r];
        if kept > first {
            if let Some(joined) = joined_bounds(chars, &out[kept - 1], &q) {
                out[kept - 1] = joined;
                continue;
            }
        }
        out[kept] = q;
        kept += 1;
    }
    out.truncate(kept);
}

fn joined_bounds(
    chars: &[char],
    low: &FoundQuantity,
    high: &FoundQuantity,
) -> Option<FoundQuantity> {
    let ends_with =
        |q: &FoundQuantity, word: &[char]| chars[..q.end.min(chars.len())].ends_with(word);
    let text = |u: &UnitRef| match *u {
        UnitRef::Static(s) => Err(s),
        UnitRef::Written(a, b) => Ok(chars.get(a..b)),
    };
    let same_per = match (&low.per, &high.per) {
        (None, None) => true,
        (Some(a), Some(b)) => text(a) == text(b),
        _ => false,
    };
    let ordered = match (low.min, high.max) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    };
    let joins = low.end == high.start
        && low.kind == high.kind
        && low.approx == Approx::Over
        && high.approx == Approx::Under
        && ends_with(low, &['以', '上'])
        && (ends_with(high, &['以', '下']) || ends_with(high, &['以', '内']))
        && text(&low.unit) == text(&high.unit)
        && same_per
        && ordered;
    joins.then_some(FoundQuantity {
        end: high.end,
        approx: Approx::Range,
        max: high.max,
        object: high.object,
        ..*low
    })
}
