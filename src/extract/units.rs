//! The one unit table: every form written after a number, of every kind
//! (percent, money, measure, count), each tagged with what it means. The
//! scanner asks it once after a numeral ([`unit_at`]); the helpers below
//! ask it for one kind only.
//!
//! The forms themselves are data in their kind's file
//! ([`super::percent`], [`super::money`], [`super::measure`],
//! [`super::count`]). Where two kinds write a form the same way (`分` is a
//! hundredth of a yuan and a score), the kinds are tried in that order.

use std::sync::LazyLock;

use super::lexicon::{Lexicon, UnitEntry, unit};
use super::measure::MeasureUnit;
use super::money::Currency;
use super::percent::PercentUnit;
use super::{count, measure, money, percent};

/// What a unit written after a number means.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Unit {
    Money(Currency),
    Percent(PercentUnit),
    Measure(MeasureUnit),
    /// A classifier: the record's unit is the form as written.
    Count,
}

impl Unit {
    fn is_count(&self) -> bool {
        matches!(self, Unit::Count)
    }
}

/// Every form of every kind, in the order ties are broken.
static FORMS: LazyLock<Vec<UnitEntry<Unit>>> = LazyLock::new(|| {
    let tag = |written, meaning, not_before| unit(written, meaning, not_before);
    let mut forms = Vec::new();
    forms.extend(
        percent::SUFFIXES
            .iter()
            .map(|e| tag(e.written, Unit::Percent(e.meaning), e.not_before)),
    );
    forms.extend(
        money::SUFFIXES
            .iter()
            .map(|e| tag(e.written, Unit::Money(e.meaning), e.not_before)),
    );
    forms.extend(
        measure::UNITS
            .iter()
            .map(|e| tag(e.written, Unit::Measure(e.meaning), e.not_before)),
    );
    forms.extend(case_variants(&forms));
    forms.extend(
        count::CLASSIFIERS
            .iter()
            .map(|e| tag(e.written, Unit::Count, e.not_before)),
    );
    forms
});

/// Latin measure units as OCR and PDF text write them, in capitals or
/// not (`168CM`, `5Kg`, `2.4ghz`): the upper-case, lower-case and
/// capitalised forms of every measure symbol of two letters or more that
/// no unit writes already. Single letters are left alone (`5G` is a
/// network, `15w` a salary), and so is `mw` (milliwatts, not megawatts).
fn case_variants(forms: &[UnitEntry<Unit>]) -> Vec<UnitEntry<Unit>> {
    let mut seen: std::collections::HashSet<String> =
        forms.iter().map(|e| e.written.to_owned()).collect();
    let mut variants = Vec::new();
    for e in forms {
        let latin = e.written.chars().filter(char::is_ascii_alphabetic).count() >= 2;
        if !matches!(e.meaning, Unit::Measure(_)) || !latin || !e.written.is_ascii() {
            continue;
        }
        let mut capital = e.written.to_ascii_lowercase();
        capital[..1].make_ascii_uppercase();
        for v in [
            e.written.to_ascii_uppercase(),
            e.written.to_ascii_lowercase(),
            capital,
        ] {
            if v != "mw" && seen.insert(v.clone()) {
                let written: &'static str = Box::leak(v.into_boxed_str());
                variants.push(unit(written, e.meaning, e.not_before));
            }
        }
    }
    variants
}

static UNITS: LazyLock<Lexicon<Unit>> = LazyLock::new(|| Lexicon::new(FORMS.iter()));

/// The longest unit of any kind at `chars[at..]` (classifiers only when
/// `counts`), with the index past it.
pub(crate) fn unit_at(chars: &[char], at: usize, counts: bool) -> Option<(Unit, usize)> {
    UNITS
        .longest_where(chars, at, |u| counts || !u.is_count())
        .map(|(e, end)| (e.meaning, end))
}

/// A currency written after a number at `chars[at..]`, and the index past it.
pub(crate) fn currency_at(chars: &[char], at: usize) -> Option<(Currency, usize)> {
    match UNITS.longest_where(chars, at, |u| matches!(u, Unit::Money(_))) {
        Some((
            UnitEntry {
                meaning: Unit::Money(c),
                ..
            },
            end,
        )) => Some((*c, end)),
        _ => None,
    }
}

/// A measure, age or temperature unit at `chars[at..]`.
pub(crate) fn measure_at(chars: &[char], at: usize) -> Option<(MeasureUnit, usize)> {
    match UNITS.longest_where(chars, at, |u| matches!(u, Unit::Measure(_))) {
        Some((
            UnitEntry {
                meaning: Unit::Measure(m),
                ..
            },
            end,
        )) => Some((*m, end)),
        _ => None,
    }
}

/// A percent unit written after a number at `chars[at..]`.
pub(crate) fn percent_at(chars: &[char], at: usize) -> Option<(PercentUnit, usize)> {
    match UNITS.longest_where(chars, at, |u| matches!(u, Unit::Percent(_))) {
        Some((
            UnitEntry {
                meaning: Unit::Percent(p),
                ..
            },
            end,
        )) => Some((*p, end)),
        _ => None,
    }
}

/// A classifier at `chars[at..]`: the index past it.
pub(crate) fn classifier_at(chars: &[char], at: usize) -> Option<usize> {
    UNITS
        .longest_where(chars, at, Unit::is_count)
        .map(|(_, end)| end)
}

/// Whether `chars` is exactly a classifier (whatever follows).
pub(crate) fn is_classifier(chars: &[char]) -> bool {
    UNITS.contains_where(chars, Unit::is_count)
}

/// Whether a currency, classifier or measure unit starts at `c[k]`.
pub(crate) fn amount_unit_at(chars: &[char], at: usize) -> bool {
    UNITS
        .longest_where(chars, at, |u| !matches!(u, Unit::Percent(_)))
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_table_longest_form_of_any_kind() {
        let kind = |s: &str| {
            let c = chars(s);
            unit_at(&c, 1, true).map(|(u, end)| {
                let k = match u {
                    Unit::Money(c) => c.code,
                    Unit::Percent(p) => p.symbol,
                    Unit::Measure(m) => m.symbol,
                    Unit::Count => "count",
                };
                (k, end)
            })
        };
        assert_eq!(kind("3元"), Some(("CNY", 2)));
        assert_eq!(kind("3人次"), Some(("count", 3)));
        assert_eq!(kind("3个百分点"), Some(("pp", 5)));
        assert_eq!(kind("3平方公里"), Some(("km2", 5)));
        // 分: a hundredth of a yuan before a score.
        assert_eq!(kind("3分"), Some(("CNY", 2)));
        // 名单: the classifier may not stand before 单.
        assert_eq!(kind("3名单"), None);
        assert!(is_classifier(&chars("名")));
        assert!(!is_classifier(&chars("元")));
        assert_eq!(
            currency_at(&chars("3分"), 1).map(|(c, _)| c.code),
            Some("CNY")
        );
        assert_eq!(classifier_at(&chars("3分"), 1), Some(2));
        assert!(amount_unit_at(&chars("3斤"), 1));
        assert!(!amount_unit_at(&chars("3%"), 1));
    }
}
