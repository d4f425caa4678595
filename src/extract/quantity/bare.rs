//! Numbers with no unit after them: salaries in `k`/`w` (`月薪15k`,
//! `月薪15-25k`) and bare numbers (reported only when asked for), unless
//! they are part of a date, time, code or word.

use super::parts::Parts;
use super::range::connector_end;
use super::refuse::follows_time_word;
use super::scan::{Lead, Scanner};
use super::{FoundQuantity, Next, UnitRef};
use crate::extract::money::{self, Currency, Step};
use crate::extract::numeral::Numeral;
use crate::extract::units::{self, Unit};
use crate::record::{Approx, QuantityKind};

impl Scanner<'_, '_> {
    /// A numeral at `lead.j..k` with no unit after it (nor a currency
    /// before): a salary in `k`/`w`, or a bare number.
    pub(super) fn without_unit(&self, i: usize, lead: &Lead, first: Numeral, k: usize) -> Next {
        if let Some(q) = self.salary(i, lead.approx, first, k) {
            return Next::Found(q);
        }
        // A bare number keeps no 每X before it (以每年3—10倍).
        let (start, prefix_approx) = match lead.per {
            Some((after, _)) => (after, None),
            None => (i, lead.approx),
        };
        self.bare_number(start, lead.j, first, prefix_approx)
    }

    /// `月薪15k`, `15k-25k` after a salary word: a `k`/`w` at `k` scales
    /// the number to yuan.
    fn salary(
        &self,
        i: usize,
        approx: Option<Approx>,
        first: Numeral,
        k: usize,
    ) -> Option<FoundQuantity> {
        let c = self.chars;
        let power = money::salary_multiplier(c, i, k)?;
        let cny = Currency {
            code: "CNY",
            step: Step::Main,
            compound_only: false,
        };
        let mut parts = Parts::single(first, Unit::Money(cny), approx);
        parts.scale = power as i32;
        let mut end = k + 1;
        // 15k-25k: a second bound with the same suffix.
        let second = connector_end(c, end, false)
            .filter(|_| first.approx == Approx::Exact)
            .and_then(|p| self.parse(p).filter(|n2| n2.end > p));
        if let Some(n2) = second
            && n2.approx == Approx::Exact
            && n2.value.is_some()
            && money::salary_multiplier(c, i, n2.end) == Some(power)
        {
            parts.second = Some(n2);
            end = n2.end + 1;
        }
        Some(self.finish(i, yuan_after(c, end), parts, None))
    }

    /// A numeral with no unit: reported as a bare number unless it is part
    /// of a date, time, code or word.
    fn bare_number(&self, i: usize, j: usize, n: Numeral, prefix_approx: Option<Approx>) -> Next {
        let c = self.chars;
        let skip = Next::Skip(n.end);
        if n.value.is_none() || (n.shape.lone_one && prefix_approx.is_none()) {
            return skip;
        }
        if n.shape.leading_zero
            || (n.shape.integer_digits >= 7 && !n.shape.grouped && !n.shape.decimal)
        {
            return skip;
        }
        // Phone numbers and dates: 0574-87654321, 2023-03-08.
        let dash_digit =
            |p: usize| c.get(p) == Some(&'-') && c.get(p + 1).is_some_and(char::is_ascii_digit);
        if dash_digit(n.end) || (j >= 1 && c[j - 1] == '-' && j >= 2 && c[j - 2].is_ascii_digit()) {
            return Next::Skip(self.ascii_run_end(j));
        }
        if follows_time_word(c, n.end) {
            return skip;
        }
        // A lone Chinese digit glued to other Han characters is a word part.
        if !n.shape.arabic
            && n.end - j == 1
            && c.get(n.end).is_some_and(|&x| crate::text::is_han(x))
        {
            return skip;
        }
        let parts = Parts::single(n, Unit::Count, prefix_approx);
        let mut q = self.finish(i, n.end, parts, None);
        q.kind = QuantityKind::Number;
        q.unit = UnitRef::Static("");
        q.per = None;
        Next::Found(q)
    }
}

/// `15k元`: the yuan written after a salary in `k`/`w`: the index past it.
pub(super) fn yuan_after(c: &[char], end: usize) -> usize {
    match units::currency_at(c, end) {
        Some((cur, e)) if cur.code == "CNY" && cur.step == Step::Main => e,
        _ => end,
    }
}
