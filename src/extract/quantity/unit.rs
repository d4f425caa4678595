//! The unit a numeral takes: one ask of the unit table
//! ([`crate::extract::units`]) right after it, then the rules that read a
//! form otherwise in context (`26分` a score, `两块蛋糕` pieces, `三两个人`
//! two or three people, a bare `度` without a weather word).

use super::UnitRef;
use super::scan::Scanner;
use crate::extract::money::Step;
use crate::extract::numeral::{self, Numeral, is_numeral_char};
use crate::extract::units::{self, Unit};
use crate::extract::{count, measure};
use crate::record::Approx;

/// A unit written after a number, over `start..end`.
#[derive(Clone, Copy, Debug)]
pub(super) struct UnitHit {
    pub unit: Unit,
    pub start: usize,
    pub end: usize,
}

impl UnitHit {
    pub(super) fn unit_ref(&self) -> UnitRef {
        match self.unit {
            Unit::Money(c) => UnitRef::Static(c.code),
            Unit::Percent(p) => UnitRef::Static(p.symbol),
            Unit::Measure(m) => UnitRef::Static(m.symbol),
            Unit::Count => UnitRef::Written(self.start, self.end),
        }
    }

    /// Whether two hits name the same unit (for `3万元至5万元`).
    pub(super) fn same_unit(&self, other: &UnitHit, chars: &[char]) -> bool {
        match (self.unit, other.unit) {
            (Unit::Money(a), Unit::Money(b)) => a.code == b.code && a.step == b.step,
            (Unit::Percent(a), Unit::Percent(b)) => a.symbol == b.symbol && a.shift == b.shift,
            (Unit::Measure(a), Unit::Measure(b)) => a.symbol == b.symbol,
            (Unit::Count, Unit::Count) => {
                chars[self.start..self.end] == chars[other.start..other.end]
            }
            _ => false,
        }
    }

    fn as_count(self) -> UnitHit {
        UnitHit {
            unit: Unit::Count,
            ..self
        }
    }
}

impl Scanner<'_, '_> {
    /// The unit after the numeral `n` at `j..k`, allowing one space; no
    /// classifier after a currency written before (`¥5`).
    pub(super) fn unit_after(
        &self,
        n: &Numeral,
        j: usize,
        k: usize,
        currency_prefix: Option<&str>,
    ) -> Option<UnitHit> {
        let c = self.chars;
        let at = if c.get(k) == Some(&' ') && c.get(k + 1).is_some_and(|x| !x.is_whitespace()) {
            k + 1
        } else {
            k
        };
        let counts = currency_prefix.is_none();
        let hit = match units::unit_at(c, at, counts) {
            Some((unit, end)) => UnitHit {
                unit,
                start: at,
                end,
            },
            None if counts => UnitHit {
                unit: Unit::Count,
                start: at,
                end: count::classifier_cut_at(c, at, self.words, self.word_at)?,
            },
            None => return None,
        };
        // 一九九七, 三三两两: digits in a row are years, codes or idioms.
        if n.shape.digit_sequence && !(n.end - j == 2 && c[hit.start..hit.end] == ['折']) {
            return None;
        }
        // A space (OCR, PDF text) is fine before Latin units, ISO codes,
        // `%`, and after Arabic digits before a currency or a measure
        // (`202 美元`); before a classifier only when one stands before
        // the number too (`共 120 人`).
        let spaced_out = j > 0 && c[j - 1] == ' ';
        let space_ok = || {
            c[at].is_ascii_alphabetic()
                || c[at] == '%'
                || (n.shape.arabic
                    && match hit.unit {
                        Unit::Count => spaced_out,
                        _ => true,
                    })
        };
        if at != k && !space_ok() {
            return None;
        }
        self.unit_in_context(n, j, hit, counts)
    }

    /// `hit` after the numeral `n` at `j`, as its context reads it.
    fn unit_in_context(
        &self,
        n: &Numeral,
        j: usize,
        hit: UnitHit,
        counts: bool,
    ) -> Option<UnitHit> {
        let c = self.chars;
        let written = &c[hit.start..hit.end];
        match hit.unit {
            Unit::Money(cur) => {
                let alone_is_other = cur.compound_only
                    && match cur.step {
                        Step::Hundredth => true,
                        _ => !n.shape.arabic,
                    };
                // 五毛五, 五角五分: a smaller part after it makes it money
                // all the same.
                let digit_follows = || {
                    self.minor_digit_after(hit.end, cur.step).is_some()
                        || self.money_part(hit.end).is_some_and(|(_, next, _)| {
                            next.code == cur.code && next.step > cur.step
                        })
                };
                if alone_is_other && !digit_follows() {
                    // 26分 alone is a score: a count, if 分 reads as one.
                    let arabic_ok = n.shape.arabic || !count::arabic_digits_only(written);
                    return units::classifier_at(c, hit.start)
                        .filter(|&e| e == hit.end && counts && arabic_ok)
                        .map(|_| hit.as_count());
                }
                // 两块蛋糕: 块 before a noun is a classifier.
                if written == ['块'] && self.noun_starts(hit.end) {
                    return Some(hit.as_count());
                }
            }
            Unit::Measure(m) => {
                // 三两个人 is "two or three people"; 喝了二两白酒 is 100 g.
                if m.after_digits_only
                    && !n.shape.arabic
                    && (units::classifier_at(c, hit.end).is_some()
                        || n.approx != Approx::Exact
                        || (j > 0 && is_numeral_char(c[j - 1])))
                {
                    return None;
                }
                if m.needs_context
                    && !measure::temperature_context(c, j)
                    && !measure::fever_after(c, hit.end)
                    && measure::scale_prefix_at(c, j.saturating_sub(2)).is_none()
                {
                    return None;
                }
            }
            Unit::Count => {
                if !n.shape.arabic && count::arabic_digits_only(written) {
                    return None;
                }
            }
            Unit::Percent(_) => {}
        }
        Some(hit)
    }

    /// A noun word starts at `at` (`两块蛋糕`, not `18块成交`).
    fn noun_starts(&self, at: usize) -> bool {
        self.word_containing(at).is_some_and(|w| {
            let noun = (w.tag.starts_with('n') && !w.tag.starts_with("nr")) || w.tag == "vn";
            w.start == at && noun && !self.chars.get(at).copied().is_some_and(is_numeral_char)
        })
    }

    /// `5千克` reads as 5 kg, not 5000 g: give the multiplier back when it
    /// starts a unit.
    pub(super) fn back_off_unit_multiplier(&self, j: usize, n: Numeral) -> Numeral {
        let c = self.chars;
        let last = n.end - 1;
        if last <= j || !matches!(c[last], '千' | '百' | '兆') {
            return n;
        }
        let starts_unit = units::measure_at(c, last).is_some_and(|(_, e)| e > last + 1)
            || units::percent_at(c, last).is_some_and(|(_, e)| e > last + 1);
        if !starts_unit {
            return n;
        }
        match numeral::parse(&c[..last], j) {
            Some(shorter) if shorter.end == last => shorter,
            _ => n,
        }
    }
}
