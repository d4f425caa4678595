//! The pieces of one quantity (numerals, unit, approximation, scale) and
//! how they become a record: values scaled to the record's unit, bounds,
//! approximation words after it, the unit priced.

use rust_decimal::Decimal;

use super::scan::Scanner;
use super::unit::UnitHit;
use super::{FoundQuantity, UnitRef, approx, range};
use crate::extract::money::Step;
use crate::extract::numeral::Numeral;
use crate::extract::units::Unit;
use crate::record::{Approx, QuantityKind};
use crate::value::Value;

/// The pieces of one quantity before they become a record.
#[derive(Clone, Copy, Debug)]
pub(super) struct Parts {
    pub first: Numeral,
    /// The upper bound of a range.
    pub second: Option<Numeral>,
    /// What the number is in.
    pub unit: Unit,
    /// The unit as written after the number, if it was.
    pub written: Option<UnitHit>,
    pub prefix_approx: Option<Approx>,
    /// Added smaller money units, in the main unit (`1角1分` → 0.11).
    pub extra: Option<Value>,
    /// Extra power of ten (k/w salaries).
    pub scale: i32,
    pub half: bool,
    /// Where a 每X written before the amount ends (`每斤15元`).
    pub per_prefix_end: Option<usize>,
}

impl Parts {
    pub(super) fn single(first: Numeral, unit: Unit, prefix_approx: Option<Approx>) -> Parts {
        Parts {
            first,
            second: None,
            unit,
            written: None,
            prefix_approx,
            extra: None,
            scale: 0,
            half: false,
            per_prefix_end: None,
        }
    }

    fn numeral_approx(&self) -> Approx {
        if self.second.is_some() {
            Approx::Range
        } else {
            self.first.approx
        }
    }

    pub(super) fn add_part(&mut self, v: Value, step: Step) {
        let part = v.mul(Value::Exact(step_factor(step)));
        self.extra = Some(match self.extra {
            Some(e) => e.add(part),
            None => part,
        });
    }

    /// Adds `v`, written in the unit of the first number (`五` of `七成五`
    /// as 0.5 成), to the value.
    pub(super) fn add_scaled(&mut self, v: Value) {
        let part = self.transform(v);
        self.extra = Some(match self.extra {
            Some(e) => e.add(part),
            None => part,
        });
    }

    /// How every written number is scaled to the record's unit.
    fn transform(&self, v: Value) -> Value {
        let first_step = match self.written.map(|u| u.unit) {
            Some(Unit::Money(c)) => c.step,
            _ => Step::Main,
        };
        let mut v = match first_step {
            Step::Main => v,
            step => v.mul(Value::Exact(step_factor(step))),
        };
        let shift = self.scale
            + match self.unit {
                Unit::Percent(p) => i32::from(p.shift),
                _ => 0,
            };
        if shift > 0 {
            v = v.scale_pow10(shift as u32);
        } else if shift < 0 {
            v = v.mul(Value::Exact(Decimal::new(1, (-shift) as u32)));
        }
        v
    }

    /// (value, min, max) in the record's unit.
    fn values(&self) -> (Option<Value>, Option<Value>, Option<Value>) {
        let add = |v: Value| {
            let mut v = self.transform(v);
            if let Some(e) = self.extra {
                v = v.add(e);
            }
            if self.half {
                v = v.add(self.transform(Value::Exact(Decimal::new(5, 1))));
            }
            v
        };
        if let Some(second) = self.second {
            let (Some(a), Some(b)) = (self.first.value, second.value) else {
                return (None, None, None);
            };
            let a = range::lower_bound(&self.first, &second, a, b);
            let (lo, hi) = (add(a), add(b));
            let (lo, hi) = if hi < lo { (hi, lo) } else { (lo, hi) };
            return (Some(lo), Some(lo), Some(hi));
        }
        let value = self.first.value.map(add);
        let min = self.first.min.map(add);
        let max = self.first.max.map(add);
        (value, min, max)
    }

    /// (value, min, max) once the approximation is known: `4斤多` is 4..5
    /// (one unit of the last written digit), `超过500名` at least 500,
    /// `不到12元` at most 12; `约` bounds neither.
    fn bounded_values(
        &self,
        approx: Approx,
        suffix_more: bool,
    ) -> (Option<Value>, Option<Value>, Option<Value>) {
        let (value, min, max) = self.values();
        if self.numeral_approx() != Approx::Exact {
            return (value, min, max);
        }
        if suffix_more {
            return (value, value, value.and_then(approx::next_step));
        }
        match approx {
            Approx::Over => (value, value, None),
            Approx::Under => (value, None, value),
            _ => (value, None, None),
        }
    }

    fn unit_ref(&self) -> UnitRef {
        match self.written {
            Some(u) => u.unit_ref(),
            None => match self.unit {
                Unit::Money(c) => UnitRef::Static(c.code),
                Unit::Percent(p) => UnitRef::Static(p.symbol),
                Unit::Measure(m) => UnitRef::Static(m.symbol),
                Unit::Count => UnitRef::Static(""),
            },
        }
    }

    fn kind(&self) -> QuantityKind {
        match self.unit {
            Unit::Money(_) => QuantityKind::Money,
            Unit::Percent(_) => QuantityKind::Percent,
            Unit::Measure(m) => m.kind,
            Unit::Count => QuantityKind::Count,
        }
    }
}

fn step_factor(step: Step) -> Decimal {
    match step {
        Step::Main => Decimal::ONE,
        Step::Tenth => Decimal::new(1, 1),
        Step::Hundredth => Decimal::new(1, 2),
    }
}

impl Scanner<'_, '_> {
    /// The record of `parts` written over `start..end`, with what follows
    /// it: an approximation word (`3元左右`, `500名以上`, `3元多`) and the
    /// unit priced (`per`: one written before, as `每斤15元`).
    pub(super) fn finish(
        &self,
        mut start: usize,
        end: usize,
        parts: Parts,
        per: Option<UnitRef>,
    ) -> FoundQuantity {
        let c = self.chars;
        let mut end = end;
        let mut approx = parts.numeral_approx();
        if approx == Approx::Exact
            && let Some(a) = parts.prefix_approx
        {
            approx = a;
        }
        let more_allowed = matches!(parts.unit, Unit::Money(_) | Unit::Measure(_));
        let mut suffix_more = false;
        if let Some((a, a_end, more)) = approx::suffix_at(c, end, more_allowed) {
            end = a_end;
            suffix_more = more;
            if approx == Approx::Exact {
                approx = a;
            }
        }
        let per = self.unit_priced(
            parts.unit,
            (&mut start, &mut end),
            per,
            parts.per_prefix_end,
        );
        let (value, min, max) = parts.bounded_values(approx, suffix_more);
        FoundQuantity {
            kind: parts.kind(),
            start,
            end,
            value,
            unit: parts.unit_ref(),
            approx,
            min,
            max,
            per,
            object: None,
        }
    }
}
