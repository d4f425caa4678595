//! Compound amounts: smaller money units after a main one (`123元1角1分`,
//! `十块三毛`, `两美元又三美分`), one digit after `块`/`元` read as tenths
//! (`3块5`, `三块五一斤`), and the same for `成` (`七成五` 75 %, `三成半`
//! 35 %).

use rust_decimal::Decimal;

use super::parts::Parts;
use super::refuse::follows_time_word;
use super::scan::Scanner;
use super::unit::UnitHit;
use crate::extract::money::Step;
use crate::extract::numeral::{self, is_numeral_char};
use crate::extract::units::{self, Unit};
use crate::record::Approx;
use crate::text::is_han;
use crate::value::Value;

impl Scanner<'_, '_> {
    /// Smaller units after a main one: 123元1角1分, 十块三毛, 3块5.
    pub(super) fn money_compound(&self, parts: &mut Parts, end: usize) -> usize {
        let c = self.chars;
        let Some(UnitHit {
            unit: Unit::Money(first),
            ..
        }) = parts.written
        else {
            return end;
        };
        let mut step = first.step;
        let mut end = end;
        while let Some(n) = self.parse(end) {
            if n.end <= end || n.approx != Approx::Exact {
                break;
            }
            let Some(v) = n.value else { break };
            match units::currency_at(c, n.end) {
                Some((cur, u_end)) if cur.code == first.code && cur.step > step => {
                    parts.add_part(v, cur.step);
                    step = cur.step;
                    end = u_end;
                }
                Some(_) => break,
                None => {
                    // 一斤 after an amount names the unit priced (三块五一斤).
                    let priced_one = |p: usize| {
                        c.get(p) == Some(&'一')
                            && (units::measure_at(c, p + 1).is_some()
                                || units::classifier_at(c, p + 1).is_some())
                    };
                    // 三块五一斤: the numeral read on into that 一.
                    let (n_end, v) = if n.end == end + 2 && priced_one(end + 1) {
                        match numeral::parse(&c[..end + 1], end).and_then(|d| d.value) {
                            Some(d) => (end + 1, d),
                            None => break,
                        }
                    } else {
                        (n.end, v)
                    };
                    // 3块5, 1元5: one digit right after the main unit is tenths.
                    let single = n_end == end + 1 && step == Step::Main;
                    // ... when nothing but punctuation, 的/钱 or a priced
                    // 一斤 follows it (not 一千二百零五元零花钱).
                    let ends_amount = c
                        .get(n_end)
                        .is_none_or(|&x| !x.is_alphanumeric() || matches!(x, '的' | '钱'))
                        || priced_one(n_end);
                    let unit_char = c[end - 1];
                    if single && ends_amount && c[end] != '零' && matches!(unit_char, '块' | '元')
                    {
                        parts.add_part(v, Step::Tenth);
                        end = n_end;
                    }
                    break;
                }
            }
        }
        end
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
}
