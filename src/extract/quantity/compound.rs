//! Compound amounts: smaller money units after a main one (`123元1角1分`,
//! `十块三毛`, `两美元又三美分`), one digit after `块`/`元` read as tenths
//! (`3块5`, `三块五一斤`), and the same for `成` (`七成五` 75 %, `三成半`
//! 35 %).

use rust_decimal::Decimal;

use super::parts::Parts;
use super::refuse::follows_time_word;
use super::scan::Scanner;
use super::unit::UnitHit;
use crate::extract::money::{Currency, Step};
use crate::extract::numeral::{self, is_numeral_char};
use crate::extract::units::{self, Unit};
use crate::record::{Approx, QuantityKind};
use crate::text::is_han;
use crate::value::Value;

impl Scanner<'_, '_> {
    /// Smaller units after a main one: 123元1角1分, 十块三毛,
    /// 两美元又三美分, 3块5.
    pub(super) fn money_compound(&self, parts: &mut Parts, end: usize) -> usize {
        let Some(UnitHit {
            unit: Unit::Money(first),
            ..
        }) = parts.written
        else {
            return end;
        };
        let mut step = first.step;
        let mut end = end;
        loop {
            match self.money_part(end) {
                Some((v, cur, u_end)) if cur.code == first.code && cur.step > step => {
                    parts.add_part(v, cur.step);
                    step = cur.step;
                    end = u_end;
                }
                Some(_) => break,
                None => {
                    if let Some((v, next, t_end)) = self.minor_digit_after(end, step) {
                        parts.add_part(v, next);
                        end = t_end;
                    }
                    break;
                }
            }
        }
        end
    }

    /// A part of an amount at `end`, as a number and its currency
    /// (`1角`, `又三美分`, `零5分`), with the index past it.
    pub(super) fn money_part(&self, end: usize) -> Option<(Value, Currency, usize)> {
        let c = self.chars;
        let read = |at: usize| {
            let n = self
                .parse(at)
                .filter(|n| n.end > at && n.approx == Approx::Exact)?;
            let (cur, u_end) = units::currency_at(c, n.end)?;
            Some((n.value?, cur, u_end))
        };
        let joined = matches!(c.get(end), Some('又' | '零'));
        read(end).or_else(|| read(end + 1).filter(|_| joined))
    }

    /// `3块5`, `1元5`, `三块五一斤`, `五毛五`: one digit right after
    /// `块`/`元` that ends at `end` is tenths, after `毛`/`角` hundredths,
    /// when nothing but punctuation, `的`/`钱` or a priced `一斤` follows it
    /// (not `一千二百零五元零花钱`). The digit, its step, and its end.
    pub(super) fn minor_digit_after(&self, end: usize, step: Step) -> Option<(Value, Step, usize)> {
        let c = self.chars;
        let next = match (step, end.checked_sub(1).map(|p| c[p])) {
            (Step::Main, Some('块' | '元')) => Step::Tenth,
            (Step::Tenth, Some('毛' | '角')) => Step::Hundredth,
            _ => return None,
        };
        if c.get(end) == Some(&'零') {
            return None;
        }
        let n = self
            .parse(end)
            .filter(|n| n.end > end && n.approx == Approx::Exact)?;
        // 一斤 after an amount names the unit priced (三块五一斤).
        let priced_one = |p: usize| {
            c.get(p) == Some(&'一')
                && (units::measure_at(c, p + 1).is_some()
                    || units::classifier_at(c, p + 1).is_some())
        };
        // 三块五一斤: the numeral read on into that 一.
        let (n_end, v) = if n.end == end + 2 && priced_one(end + 1) {
            (end + 1, numeral::parse(&c[..end + 1], end)?.value?)
        } else {
            (n.end, n.value?)
        };
        let ends_amount = c
            .get(n_end)
            .is_none_or(|&x| !x.is_alphanumeric() || matches!(x, '的' | '钱'))
            || priced_one(n_end);
        (n_end == end + 1 && ends_amount).then_some((v, next, n_end))
    }

    /// `三成半` (35 %), `七成五` (75 %): half a `成`, or one more digit of
    /// it, right after `N成` that ends at `end`.
    pub(super) fn cheng_tail(&self, parts: &mut Parts, hit: UnitHit, end: usize) -> usize {
        let c = self.chars;
        if c[hit.start..hit.end] != ['成'] || end != hit.end || parts.second.is_some() {
            return end;
        }
        if c.get(end) == Some(&'半') && !c.get(end + 1).is_some_and(|&n| is_han(n) && n != '的') {
            parts.half = true;
            return end + 1;
        }
        let Some(n) = self.parse(end) else {
            return end;
        };
        let next = c.get(n.end).copied();
        let alone = next.is_none_or(|x| !x.is_alphanumeric() || x == '的')
            || next.is_some_and(|x| {
                is_han(x)
                    && !is_numeral_char(x)
                    && !units::amount_unit_at(c, n.end)
                    && !follows_time_word(c, n.end)
            });
        if n.end != end + 1 || n.approx != Approx::Exact || !alone {
            return end;
        }
        match n.value {
            Some(v) => {
                parts.add_scaled(v.mul(Value::Exact(Decimal::new(1, 1))));
                n.end
            }
            None => end,
        }
    }

    /// `一米八` (1.8 m), `一米六五` (1.65 m), `8米22` (8.22 m), `37度5`
    /// (37.5 °C): one or two digits right after `米` or a temperature's `度`
    /// that ends at `end`, with nothing that reads on after them (not
    /// `5米6米`, `100米3个`), are its decimals.
    pub(super) fn metre_tail(&self, parts: &mut Parts, hit: UnitHit, end: usize) -> usize {
        let c = self.chars;
        let temperature =
            matches!(hit.unit, Unit::Measure(m) if m.kind == QuantityKind::Temperature);
        let unit = &c[hit.start..hit.end];
        let takes_tail = unit == ['米'] || (unit == ['度'] && temperature);
        if !takes_tail || end != hit.end || parts.second.is_some() {
            return end;
        }
        let digit = |p: usize| {
            c.get(p).and_then(|&x| match x {
                '0'..='9' => x.to_digit(10),
                '〇' | '零' => Some(0),
                _ => "一二三四五六七八九"
                    .chars()
                    .position(|d| d == x)
                    .map(|d| d as u32 + 1),
            })
        };
        let len = (0..2).take_while(|&k| digit(end + k).is_some()).count();
        let next = c.get(end + len).copied();
        let reads_on = next.is_some_and(|x| {
            x.is_alphanumeric()
                && x != '的'
                && (!is_han(x)
                    || is_numeral_char(x)
                    || units::unit_at(c, end + len, true).is_some())
        });
        if len == 0 || reads_on || digit(end + len).is_some() || follows_time_word(c, end + len) {
            return end;
        }
        let digits = (0..len).fold(0, |acc, k| acc * 10 + digit(end + k).unwrap_or(0));
        let fraction = Decimal::new(i64::from(digits), len as u32);
        parts.add_scaled(Value::Exact(fraction));
        end + len
    }
}
