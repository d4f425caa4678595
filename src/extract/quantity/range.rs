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

/// Dashes and tildes that join two bounds.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '~' | '—' | '–' | '―' | '〜' | '‐')
}

/// A range connector at `k`: `至`, `到`, or a dash or tilde, doubled or not
/// (`1万元--3万元`, `2——4万港币`, `10~15k`), with spaces around it. After
/// a negative bound a second `-` is the sign of the next one (`-5℃--10℃`).
/// The index past it.
pub(super) fn connector_end(c: &[char], k: usize, negative_first: bool) -> Option<usize> {
    let mut p = skip_spaces(c, k);
    match *c.get(p)? {
        '至' | '到' => p += 1,
        d if is_dash(d) => {
            p += 1;
            let doubled = c.get(p).is_some_and(|&e| is_dash(e));
            if doubled && !(negative_first && c[p] == '-') {
                p += 1;
            }
        }
        _ => return None,
    }
    Some(skip_spaces(c, p))
}

fn skip_spaces(c: &[char], mut p: usize) -> usize {
    while c.get(p) == Some(&' ') {
        p += 1;
    }
    p
}

/// `(含)`, `（含）`, `(不含)` at `k` (whether the bound is included): the
/// index past it.
pub(super) fn inclusive_mark_end(c: &[char], k: usize) -> Option<usize> {
    let open = matches!(c.get(k), Some('(' | '（'));
    let not = usize::from(c.get(k + 1) == Some(&'不'));
    let closed = matches!(c.get(k + 2 + not), Some(')' | '）'));
    (open && c.get(k + 1 + not) == Some(&'含') && closed).then_some(k + 3 + not)
}

/// The lower bound of a range whose upper bound `second` ends in a
/// multiplier the first bound lacks: the multiplier applies to both when
/// the lower bound is of the order of the upper bound's coefficient
/// (`一百三十到一百六十万`: 130 against 160, so 1,300,000..1,600,000;
/// `两千到三千万`: 2000 against 3000 of 万; `2到3千万`: 2 against 3 of
/// 千万), and not when it is of the order of the whole (`8500到3万` keeps
/// 8500). The coefficient is the upper bound over either its trailing
/// multiplier as written (`千万`, if one digit stands before it) or its
/// last 万/亿 group.
pub(super) fn lower_bound(first: &Numeral, second: &Numeral, a: Value, b: Value) -> Value {
    let written = second.trailing_scale;
    let group = written / 4 * 4;
    let one_digit_before = |p: u32| b < Value::from_int(10).scale_pow10(p);
    let fits = |p: u32| {
        let scaled = a.scale_pow10(p);
        p > first.trailing_scale && scaled < b && scaled.scale_pow10(1) >= b
    };
    [written, group]
        .into_iter()
        .filter(|&p| p > 0 && (p == group || one_digit_before(p)))
        .find(|&p| fits(p))
        .map_or(a, |p| a.scale_pow10(p))
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
        if first.approx != Approx::Exact || first.value.is_none() {
            return None;
        }
        let k = inclusive_mark_end(c, k).unwrap_or(k);
        let negative = first.value.is_some_and(|v| v.is_negative());
        let (n2, u2) = self.second_bound(connector_end(c, k, negative)?, currency_prefix)?;
        let unit_ok = match (unit, u2) {
            (None, Some(_)) => true,
            (Some(a), Some(b)) => a.same_unit(&b, c),
            (Some(_), None) => false,
            (None, None) => currency_prefix.is_some() || pay,
        };
        let end = u2.map_or(n2.end, |u| u.end);
        let end = inclusive_mark_end(c, end).unwrap_or(end);
        (unit_ok && n2.approx == Approx::Exact && n2.value.is_some()).then_some((n2, u2, end))
    }

    /// `百分之七十至九十五`, `百分之三到百分之五`: the second bound after a
    /// percentage written with a prefix (`unit`) that ends at `n.end`.
    pub(super) fn percent_range_to(&self, n: &Numeral, unit: PercentUnit) -> Option<Numeral> {
        let c = self.chars;
        if n.approx != Approx::Exact {
            return None;
        }
        let mut p = connector_end(c, n.end, false)?;
        if let Some((u2, e2)) = percent::prefix_at(c, p)
            && u2.shift == unit.shift
        {
            p = e2;
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
        if let Some((code, end)) = money::prefix_at(c, p)
            && currency_prefix.is_some_and(|cp| cp == code)
        {
            p = end;
        }
        // 零下8℃到零下5℃; -5℃--10℃, where the sign follows the connector.
        let sign = (c.get(p) == Some(&'-') && c.get(p + 1).is_some_and(char::is_ascii_digit))
            .then_some(p + 1);
        let negative = measure::below_zero_prefix(c, p).or(sign);
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
        if kept > first
            && let Some(joined) = joined_bounds(chars, &out[kept - 1], &q)
        {
            out[kept - 1] = joined;
            continue;
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
