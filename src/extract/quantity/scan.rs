//! The walk over one position: what stands before the numeral ([`Lead`]),
//! the numeral, its unit and second bound ([`Reading`]), then the record.

use std::cell::{Cell, RefCell};

use super::parts::Parts;
use super::unit::UnitHit;
use super::{FoundQuantity, Next, UnitRef, approx, colloquial, price};
use crate::extract::count;
use crate::extract::measure::{self, MeasureUnit};
use crate::extract::money::{self, Currency, Step};
use crate::extract::numeral::{self, Numeral};
use crate::extract::percent;
use crate::extract::units::Unit;
use crate::record::{Approx, QuantityKind};
use crate::segment::Word;
use crate::value::Value;

/// How many numerals the scanner remembers (by position modulo this):
/// each position is asked about several times (is a numeral here? after
/// this prefix? read it), and reading one costs as much as the rest.
const PARSE_CACHE: usize = 8;

/// An empty slot of the numeral cache.
const NO_PARSE: (usize, Option<Numeral>) = (usize::MAX, None);

pub(super) struct Scanner<'s, 'v> {
    pub chars: &'s [char],
    pub words: &'s [Word<'v>],
    pub word_at: &'s [u32],
    /// The numerals read lately, `(position, numeral::parse(chars, position))`.
    parsed: RefCell<[(usize, Option<Numeral>); PARSE_CACHE]>,
    /// Where the last quantity found ends.
    pub last_end: Cell<usize>,
    /// Right after a dash that follows a quantity: a connector, not a sign
    /// nor part of a code.
    pub after_connector: Cell<usize>,
}

/// What stands before the numeral.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Lead {
    /// Where the numeral (or a lone multiplier) starts.
    pub j: usize,
    /// An approximation word (`约`, `超过`).
    pub approx: Option<Approx>,
    /// `每斤` before the amount: where it ends, and the unit priced.
    pub per: Option<(usize, UnitRef)>,
    /// A currency written before (`¥`, `人民币`).
    pub currency: Option<&'static str>,
    /// `摄氏`, `华氏`.
    pub temperature_scale: Option<&'static str>,
    /// `零下`.
    pub below_zero: bool,
}

/// The numeral, its unit and second bound.
#[derive(Clone, Copy, Debug)]
pub(super) struct Reading {
    pub first: Numeral,
    pub second: Option<Numeral>,
    pub unit: Option<UnitHit>,
    /// After a pay word, a bare number is yuan (`年薪30万`).
    pub pay: bool,
    /// The `k`/`w` after a salary range (`月薪15-25k`).
    pub pay_power: Option<u32>,
    /// `赚了两个亿`: a colloquial figure after a money word is yuan.
    pub money_word: bool,
    pub end: usize,
}

impl<'s, 'v> Scanner<'s, 'v> {
    pub(super) fn new(chars: &'s [char], words: &'s [Word<'v>], word_at: &'s [u32]) -> Self {
        Scanner {
            chars,
            words,
            word_at,
            parsed: RefCell::new([NO_PARSE; PARSE_CACHE]),
            last_end: Cell::new(usize::MAX),
            after_connector: Cell::new(usize::MAX),
        }
    }
}

impl Scanner<'_, '_> {
    /// `numeral::parse(self.chars, at)`, remembered.
    pub(super) fn parse(&self, at: usize) -> Option<Numeral> {
        let slot = at % PARSE_CACHE;
        let cached = self.parsed.borrow()[slot];
        if cached.0 == at {
            return cached.1;
        }
        let n = numeral::parse(self.chars, at);
        self.parsed.borrow_mut()[slot] = (at, n);
        n
    }

    /// A numeral (or a sign and a digit) starts at `at`.
    pub(super) fn starts_numeral(&self, at: usize) -> bool {
        self.parse(at).is_some_and(|n| n.end > at)
    }

    pub(super) fn word_containing(&self, at: usize) -> Option<&Word<'_>> {
        let index = *self.word_at.get(at)?;
        self.words.get(index as usize)
    }

    /// A numeral, or a currency sign and a numeral, starts at `at`.
    pub(super) fn numeral_or_prefix_follows(&self, at: usize) -> bool {
        let c = self.chars;
        self.starts_numeral(at)
            || approx::lone_multiplier(c, at).is_some()
            || (c.get(at) == Some(&'每')
                && price::per_unit_at(c, at + 1).is_some_and(|e| self.starts_numeral(e)))
            || money::prefix_at(c, at).is_some_and(|(_, e)| self.starts_numeral(e))
            || percent::prefix_at(c, at).is_some()
    }

    /// Whether the last quantity found ends right before `i` (spaces and
    /// `(含)` aside).
    fn follows_quantity(&self, i: usize) -> bool {
        let c = self.chars;
        let mut p = i;
        while p > 0 && c[p - 1] == ' ' {
            p -= 1;
        }
        if let Some(mark) =
            (3..=4).find(|&n| p >= n && super::range::inclusive_mark_end(c, p - n) == Some(p))
        {
            p -= mark;
        }
        p == self.last_end.get()
    }

    /// The quantity that starts at `i`, or where to look next.
    pub(super) fn at(&self, i: usize) -> Next {
        if let Some(q) = self.named_discount(i) {
            return Next::Found(q);
        }
        // 30余万元-50万元: a dash between two amounts is never a minus sign.
        if self.chars[i] == '-' && self.follows_quantity(i) {
            self.after_connector.set(i + 1);
            return Next::Skip(i + 1);
        }
        if let Some(skip) = self.refused_start(i) {
            return Next::Skip(skip);
        }
        let mut lead = self.lead_words(i);
        if lead.currency.is_none()
            && let Some(q) = self.percent_prefixed(i, lead.j, lead.approx)
        {
            return Next::Found(q);
        }
        if let Some(skip) = self.lead_signs(i, &mut lead) {
            return Next::Skip(skip);
        }
        let first = match self.first_numeral(i, &lead) {
            Ok(n) => n,
            Err(skip) => return Next::Skip(skip),
        };
        let reading = self.read_unit_and_range(i, &lead, first);
        // jieba may read an invoice amount as one unknown name (伍佰元整/nr).
        let reach = match reading.hit(lead.currency) {
            Some(hit) if matches!(hit.unit, Unit::Money(_)) => {
                colloquial::whole_mark_end(self.chars, reading.end)
            }
            _ => reading.end,
        };
        if let Some(skip) = self.idiom_past(lead.j, reach) {
            return Next::Skip(skip);
        }
        let Some(hit) = reading.hit(lead.currency) else {
            return self.without_unit(i, &lead, first, reading.end);
        };
        let range = reading.second.is_some();
        let prefix_approx = lead.approx.is_some();
        if let Some(skip) = self.refused_unit(i, lead.j, &first, prefix_approx, range, hit) {
            return Next::Skip(skip);
        }
        self.with_unit(i, &lead, &reading, hit)
    }

    /// The words before the numeral at `i`: an approximation word, a unit
    /// priced, a currency.
    fn lead_words(&self, i: usize) -> Lead {
        let c = self.chars;
        let mut lead = Lead {
            j: i,
            ..Lead::default()
        };
        if let Some((a, end)) = self.approx_prefix(i) {
            lead.approx = Some(a);
            lead.j = end;
        }
        if let Some((end, unit)) = self.per_prefix(lead.j) {
            lead.per = Some((end, unit));
            lead.j = end;
        }
        if let Some((code, end)) = money::prefix_at(c, lead.j)
            && self.starts_numeral(end)
        {
            lead.currency = Some(code);
            lead.j = end;
        }
        lead
    }

    /// After the words of [`lead_words`](Self::lead_words): a temperature
    /// scale and `零下`; or a sign glued to a code (`GB-2312`): then where
    /// to go on.
    fn lead_signs(&self, i: usize, lead: &mut Lead) -> Option<usize> {
        let c = self.chars;
        if let Some((symbol, end)) = measure::scale_prefix_at(c, lead.j)
            && (self.starts_numeral(end) || measure::below_zero_prefix(c, end).is_some())
        {
            lead.temperature_scale = Some(symbol);
            lead.j = end;
        }
        if let Some(end) = measure::below_zero_prefix(c, lead.j)
            && self.starts_numeral(end)
        {
            lead.below_zero = true;
            lead.j = end;
        }
        let j = lead.j;
        (matches!(c.get(j), Some('-' | '+')) && j > 0 && c[j - 1].is_ascii_alphanumeric())
            .then_some(i + 1)
    }

    /// `百分之三十`, `千分之五`, `万分之三`, `百分之百`, `百分之七十至九十五`
    /// at `j`.
    fn percent_prefixed(
        &self,
        i: usize,
        j: usize,
        approx: Option<Approx>,
    ) -> Option<FoundQuantity> {
        let c = self.chars;
        // 负百分之五: the sign before the prefix.
        let negative = matches!(c.get(j), Some('负' | '負'));
        let (unit, end) = percent::prefix_at(c, j + usize::from(negative))?;
        // 百分之 5 (PDF text).
        let end = if c.get(end) == Some(&' ') && c.get(end + 1).is_some_and(char::is_ascii_digit) {
            end + 1
        } else {
            end
        };
        // 百分之百: a multiplier alone is the number (not the start of
        // another 百分之).
        let lone = || {
            approx::lone_multiplier(self.chars, end)
                .filter(|n| self.chars.get(n.end) != Some(&'分'))
        };
        let n = self.parse(end).or_else(lone)?;
        let n = if negative { below_zero(n) } else { n };
        let mut parts = Parts::single(n, Unit::Percent(unit), approx);
        let mut q_end = n.end;
        if let Some(n2) = self.percent_range_to(&n, unit) {
            parts.second = Some(n2);
            q_end = n2.end;
        }
        Some(self.finish(i, q_end, parts, None))
    }

    /// The numeral after the lead (or a multiplier standing alone: `近百人`,
    /// `千余人`, `千亿元`), unless it is part of a word or a code: then
    /// where to go on.
    fn first_numeral(&self, i: usize, lead: &Lead) -> Result<Numeral, usize> {
        let c = self.chars;
        let j = lead.j;
        let first = match self.parse(j) {
            Some(n) => n,
            None if colloquial::few_before_ge_yi(c, j).is_some() => {
                colloquial::few_before_ge_yi(c, j).ok_or(i + 1)?
            }
            None if lead.approx.is_some() => approx::lone_multiplier(c, j).ok_or(i + 1)?,
            None => approx::lone_multiplier(c, j)
                .filter(|n| approx::lone_multiplier_is_amount(c, j, n.end))
                .map(|n| match c.get(n.end) {
                    Some('余' | '多') => approx::over_lone_multiplier(n),
                    _ => n,
                })
                .ok_or(i + 1)?,
        };
        if first.end <= j {
            return Err(i + 1);
        }
        let first = colloquial::filler_ge(c, first);
        if let Some(skip) = self.inside_other_word(i, j, first.end) {
            return Err(skip);
        }
        let first = self.back_off_unit_multiplier(j, first);
        let first = approx::about_lai(c, first);
        let first = if lead.below_zero {
            below_zero(first)
        } else {
            first
        };
        // `1e999元`: exponent notation is how formulas and codes are
        // written, not amounts; skip its whole run.
        if first.shape.scientific {
            return Err(self.ascii_run_end(j));
        }
        // `1.1.1.1`, `5G`, `A380`: a code, skip its whole run.
        if let Some(end) = self.code_after(first.end) {
            return Err(end);
        }
        Ok(first)
    }

    /// The unit after `first`, a second bound (`3至5万元`, `10-20人`), and
    /// what a pay word before makes of a number with no unit.
    fn read_unit_and_range(&self, i: usize, lead: &Lead, first: Numeral) -> Reading {
        let c = self.chars;
        let mut k = first.end;
        let mut unit = self.unit_after(&first, lead.j, k, lead.currency);
        if let Some(u) = unit {
            k = u.end;
        }
        // 年薪30万, 月薪8000-12000: after a pay word a bare number is yuan.
        let pay = unit.is_none()
            && lead.currency.is_none()
            && money::salary_multiplier(c, i, k).is_none()
            && money::after_pay_word(c, i);
        let mut second = None;
        if let Some((n2, u2, end)) = self.range_to(&first, k, unit, lead.currency, pay) {
            second = Some(n2);
            if u2.is_some() {
                unit = u2;
            }
            k = end;
        }
        // 月薪15-25k: a k/w after the second bound scales both.
        let pay_power = if pay && second.is_some() && unit.is_none() {
            money::salary_multiplier(c, i, k)
        } else {
            None
        };
        if pay_power.is_some() {
            k = super::bare::yuan_after(c, k + 1);
        }
        let money_word = unit.is_none()
            && lead.currency.is_none()
            && colloquial::ends_with_filler_ge(c, k)
            && money::after_money_word(c, i);
        Reading {
            first,
            second,
            unit,
            pay,
            pay_power,
            money_word,
            end: k,
        }
    }

    /// The record of a numeral with a unit (or a currency written before it).
    fn with_unit(&self, i: usize, lead: &Lead, r: &Reading, hit: UnitHit) -> Next {
        let c = self.chars;
        let mut hit = hit;
        if let (Some(symbol), Unit::Measure(m)) = (lead.temperature_scale, hit.unit) {
            if m.kind == QuantityKind::Temperature {
                hit.unit = Unit::Measure(MeasureUnit { symbol, ..m });
            }
        } else if lead.temperature_scale.is_some() {
            return Next::Skip(hit.end);
        }
        // 港币5.8亿元: a generic 元 takes the currency named before it.
        if let (Some(code), Unit::Money(cur)) = (lead.currency, hit.unit)
            && cur.code == "CNY"
            && code != "CNY"
        {
            hit.unit = Unit::Money(Currency { code, ..cur });
        }
        let mut parts = Parts::single(r.first, hit.unit, lead.approx);
        parts.written = Some(hit);
        parts.second = r.second;
        if let Some(power) = r.pay_power {
            parts.scale = power as i32;
        }
        // 八五折, 85折 pay 85%: two digits are the percentage itself.
        if r.first.shape.digit_sequence || two_digit_discount(c, &r.first, hit) {
            parts.scale = -1;
        }
        let priced = matches!(hit.unit, Unit::Money(_) | Unit::Measure(_));
        // Only a price or a measure keeps 每X in its span (每斤15元); a count
        // starts at its number (每户3人).
        let (start, per) = match lead.per {
            Some((_, u)) if priced => (i, Some(u)),
            Some((after, _)) => (after, None),
            None => (i, None),
        };
        parts.per_prefix_end = per.and(lead.per.map(|(after, _)| after));
        // 每小时350公里 is a speed: 350 km/h.
        let per = match (per, parts.unit) {
            (Some(UnitRef::Written(a, b)), Unit::Measure(m)) => match speed(m.symbol, &c[a..b]) {
                Some(symbol) => {
                    parts.unit = Unit::Measure(MeasureUnit { symbol, ..m });
                    parts.written = None;
                    None
                }
                None => per,
            },
            _ => per,
        };
        let mut end = r.end;
        if matches!(hit.unit, Unit::Money(_)) && r.second.is_none() {
            end = self.money_compound(&mut parts, end);
            end = colloquial::whole_mark_end(c, end);
        }
        let half_follows = c.get(end) == Some(&'半')
            && !c
                .get(end + 1)
                .is_some_and(|&n| n == '年' || n == '天' || n == '小' || n == '月');
        if r.second.is_none() && priced && half_follows {
            parts.half = true;
            end += 1;
        }
        end = self.cheng_tail(&mut parts, hit, end);
        end = self.metre_tail(&mut parts, hit, end);
        let mut q = self.finish(start, end, parts, per);
        if matches!(hit.unit, Unit::Count) && q.end == hit.end {
            q.object = count::object_after(self.words, self.word_at, q.end);
        }
        Next::Found(q)
    }
}

/// The speed of a length `per` a time written before it (`每小时350公里`,
/// `每秒12米`).
fn speed(length: &str, per: &[char]) -> Option<&'static str> {
    match (length, per) {
        ("km", ['小', '时']) => Some("km/h"),
        ("m", ['秒']) => Some("m/s"),
        ("km", ['秒']) => Some("km/s"),
        _ => None,
    }
}

/// Whether `c` starts with the chars of `word`.
fn starts_with(c: &[char], word: &str) -> bool {
    let mut rest = c.iter();
    word.chars().all(|w| rest.next() == Some(&w))
}

/// `85折`, `八十五折`: a whole number of two digits before `折`.
fn two_digit_discount(c: &[char], n: &Numeral, hit: UnitHit) -> bool {
    let two_digits = n.value.and_then(|v| v.as_decimal()).is_some_and(|d| {
        d.fract().is_zero()
            && d >= rust_decimal::Decimal::TEN
            && d < rust_decimal::Decimal::ONE_HUNDRED
    });
    c[hit.start..hit.end] == ['折'] && two_digits && !n.shape.decimal && n.approx == Approx::Exact
}

impl Scanner<'_, '_> {
    /// `半折`, `对折`, `打对折`: 50 %. A bare `对折` is also a fold (`把纸对折`):
    /// it is a discount after `打` or before a word of sale.
    fn named_discount(&self, i: usize) -> Option<FoundQuantity> {
        let c = self.chars;
        let head = c.get(i..i + 2)?;
        if head != ['半', '折'] && head != ['对', '折'] {
            return None;
        }
        let before = &c[i.saturating_sub(3)..i];
        let after = c.get(i + 2..).unwrap_or(&[]);
        let sale = ["出售", "优惠", "销售", "处理", "促销", "甩卖", "酬宾", "价"]
            .iter()
            .any(|w| starts_with(after, w));
        // 折算, 折合, 折旧, 折叠, 折腰: 折 starts another word.
        let word = after
            .first()
            .is_some_and(|&n| "扣叠磨腾射合算旧返服断线中纸成起腰现".contains(n));
        let discount = !word && (before.contains(&'打') || sale || head[0] == '半');
        discount.then(|| FoundQuantity {
            kind: QuantityKind::Percent,
            start: i,
            end: i + 2,
            value: Some(Value::from_int(50)),
            unit: UnitRef::Static("%"),
            approx: Approx::Exact,
            min: None,
            max: None,
            per: None,
            object: None,
        })
    }
}

impl Reading {
    /// The unit of the record: the one written after the number, or the
    /// currency written before it, or yuan after a pay word.
    fn hit(&self, currency_prefix: Option<&'static str>) -> Option<UnitHit> {
        if self.unit.is_some() {
            return self.unit;
        }
        let code = currency_prefix.or((self.pay || self.money_word).then_some("CNY"))?;
        Some(UnitHit {
            unit: Unit::Money(Currency {
                code,
                step: Step::Main,
                compound_only: false,
            }),
            start: self.end,
            end: self.end,
        })
    }
}

/// The numeral below zero (`零下5`): value and bounds negated, bounds swapped.
pub(super) fn below_zero(n: Numeral) -> Numeral {
    Numeral {
        value: n.value.map(Value::negated),
        min: n.max.map(Value::negated),
        max: n.min.map(Value::negated),
        ..n
    }
}
