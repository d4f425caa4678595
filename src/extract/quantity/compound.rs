//! Compound money: smaller units after a main one (`123元1角1分`,
//! `十块三毛`), and one digit after `块`/`元` read as tenths (`3块5`,
//! `三块五一斤`).

use super::parts::Parts;
use super::scan::Scanner;
use super::unit::UnitHit;
use crate::extract::money::Step;
use crate::extract::numeral;
use crate::extract::units::{self, Unit};
use crate::record::Approx;

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
}
