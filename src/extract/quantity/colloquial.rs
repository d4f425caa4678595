//! Colloquial and invoice forms: `两个亿` (`个` as a filler before `亿`),
//! `一块五` (a lone `一` before `块` that is an amount), `伍万元整` (the
//! `整` of an invoice belongs to the amount).

use super::approx;
use super::parts::Parts;
use super::scan::Scanner;
use super::unit::UnitHit;
use crate::extract::numeral::{self, Numeral};
use crate::record::Approx;
use crate::text::is_han;
use crate::value::Value;

/// `两个亿`, `三个多亿`, `几个亿`: `个` between a numeral and `亿` is a
/// filler; the numeral counts hundreds of millions, not items.
pub(super) fn filler_ge(c: &[char], n: Numeral) -> Numeral {
    if c.get(n.end) != Some(&'个') {
        return n;
    }
    let more = c.get(n.end + 1) == Some(&'多');
    let yi = n.end + 1 + usize::from(more);
    if c.get(yi) != Some(&'亿') {
        return n;
    }
    let scale = |v: Value| v.scale_pow10(8);
    let (approx, min, max) = match (more, n.value) {
        (true, Some(v)) if n.approx == Approx::Exact => {
            (Approx::Over, Some(v), approx::next_step(v))
        }
        _ => (n.approx, n.min, n.max),
    };
    let mut shape = n.shape;
    shape.lone_one = false;
    shape.digit_sequence = false;
    Numeral {
        end: yi + 1,
        value: n.value.map(scale),
        approx,
        min: min.map(scale),
        max: max.map(scale),
        trailing_scale: 8,
        shape,
    }
}

/// `几个亿`, `数个亿`: `几` alone, before the filler `个亿`, is a few (2..9).
pub(super) fn few_before_ge_yi(c: &[char], at: usize) -> Option<Numeral> {
    let few =
        matches!(c.get(at), Some('几' | '数')) && c.get(at + 1..at + 3) == Some(&['个', '亿']);
    few.then(|| Numeral {
        end: at + 1,
        value: None,
        approx: Approx::About,
        min: Some(Value::from_int(2)),
        max: Some(Value::from_int(9)),
        trailing_scale: 0,
        shape: numeral::Shape {
            chinese: true,
            ..numeral::Shape::default()
        },
    })
}

/// Whether `c[..end]` ends with `个亿` or `个多亿`.
pub(super) fn ends_with_filler_ge(c: &[char], end: usize) -> bool {
    let head = &c[..end.min(c.len())];
    head.ends_with(&['个', '亿']) || head.ends_with(&['个', '多', '亿'])
}

/// `元整`, `圆整`: the `整` of an amount written out in full (an invoice),
/// at `end`, unless it starts a word (`整个`, `整改`): the index past it.
pub(super) fn whole_mark_end(c: &[char], end: usize) -> usize {
    let starts_word = |n: Option<&char>| n.is_some_and(|&n| is_han(n) && !"的元".contains(n));
    match c.get(end) {
        Some('整') if !starts_word(c.get(end + 1)) => end + 1,
        // 元正 only at the end of a clause: 正 starts too many words.
        Some('正') if !c.get(end + 1).is_some_and(|n| n.is_alphanumeric()) => end + 1,
        _ => end,
    }
}

impl Scanner<'_, '_> {
    /// `一块五`, `一块五毛`: a lone `一` before `块` is an amount when a
    /// smaller part follows (elsewhere `这一块` is "a piece").
    pub(super) fn one_kuai_is_amount(&self, first: &Numeral, hit: UnitHit) -> bool {
        let mut parts = Parts::single(*first, hit.unit, None);
        parts.written = Some(hit);
        self.money_compound(&mut parts, hit.end) > hit.end
    }
}
