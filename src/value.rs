//! Exact numeric values of quantities.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// The numeric value of a quantity, exact wherever the text is.
///
/// Values within ±7.9 × 10²⁸ with up to 28 decimal places are exact
/// [`Decimal`]s (`0.1元`, `1.35亿元`). Anything larger (a run of 200,000
/// digits, `1e999`) is kept as a decimal significand times a power of ten,
/// so it is never infinite, NaN or wrapped around.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Value {
    /// An exact decimal value.
    Exact(Decimal),
    /// `significand × 10^exponent`, for magnitudes beyond [`Decimal`]'s range.
    Scientific {
        /// The leading digits; may be rounded.
        significand: Decimal,
        /// The power of ten it is multiplied by.
        exponent: u64,
    },
}

impl Value {
    /// Zero.
    pub const ZERO: Value = Value::Exact(Decimal::ZERO);

    /// An exact integer value.
    pub fn from_int(n: i64) -> Value {
        Value::Exact(Decimal::from(n))
    }

    /// The exact value, when it fits a [`Decimal`].
    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            Value::Exact(d) => Some(*d),
            Value::Scientific { .. } => None,
        }
    }

    /// The nearest `f64`; values beyond its range saturate at `f64::MAX`.
    pub fn to_f64(&self) -> f64 {
        use rust_decimal::prelude::ToPrimitive;
        match self {
            Value::Exact(d) => d.to_f64().unwrap_or(0.0),
            Value::Scientific {
                significand,
                exponent,
            } => {
                let s = significand.to_f64().unwrap_or(0.0);
                let e = i32::try_from(*exponent).unwrap_or(i32::MAX);
                let v = s * 10f64.powi(e);
                if v.is_finite() {
                    v
                } else {
                    f64::MAX.copysign(s)
                }
            }
        }
    }

    /// Whether the value lies within the range of an `f64`
    /// (±1.7976931348623157e308), where JSON readers keep it finite.
    pub(crate) fn fits_f64(&self) -> bool {
        match self {
            Value::Exact(_) => true,
            Value::Scientific {
                significand,
                exponent,
            } => {
                let (m, e) = Self::to_unit_range(*significand);
                let power = i128::from(e) + i128::from(*exponent);
                let max = Decimal::from_str("1.7976931348623157").unwrap_or(Decimal::TEN);
                power < 308 || (power == 308 && m.abs() <= max)
            }
        }
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        match self {
            Value::Exact(d) => d.is_sign_negative() && !d.is_zero(),
            Value::Scientific { significand, .. } => significand.is_sign_negative(),
        }
    }

    /// The value with its sign flipped.
    pub fn negated(self) -> Value {
        match self {
            Value::Exact(d) => Value::Exact(-d),
            Value::Scientific {
                significand,
                exponent,
            } => Value::Scientific {
                significand: -significand,
                exponent,
            },
        }
    }

    /// `self × 10^power`, exact while it fits.
    pub fn scale_pow10(self, power: u32) -> Value {
        match self {
            // Zero times any power is zero (and must not take `power` steps).
            Value::Exact(d) if d.is_zero() => Value::ZERO,
            Value::Exact(d) => {
                let mut d = d;
                for i in 0..power {
                    match d.checked_mul(Decimal::TEN) {
                        Some(next) => d = next,
                        None => {
                            return Value::Scientific {
                                significand: d,
                                exponent: u64::from(power - i),
                            }
                            .normalized();
                        }
                    }
                }
                Value::Exact(d.normalize())
            }
            Value::Scientific {
                significand,
                exponent,
            } => Value::Scientific {
                significand,
                exponent: exponent.saturating_add(u64::from(power)),
            },
        }
    }

    /// `self × 10^power` for any power a text can write (`1e999`,
    /// `2.5e-3`), in constant time.
    ///
    /// Upwards, exact while it fits and scientific beyond, the exponent
    /// saturating at `u64::MAX`. Downwards, exact down to [`Decimal`]'s 28
    /// decimal places; digits below the 28th place are dropped (rounded
    /// toward zero), as the parser drops the digits of a decimal written
    /// longer than that (`1e-30` is 0, `1.5e-28` is 0.0000…0001).
    pub(crate) fn shift_pow10(self, power: i128) -> Value {
        let (significand, exponent) = self.parts();
        if significand.is_zero() {
            return Value::ZERO;
        }
        let total = i128::from(exponent) + power;
        if total >= 0 {
            return match u32::try_from(total) {
                Ok(p) => Value::Exact(significand).scale_pow10(p),
                Err(_) => Value::Scientific {
                    significand,
                    exponent: u64::try_from(total).unwrap_or(u64::MAX),
                }
                .normalized(),
            };
        }
        // 10^-k: below the significand's own places.
        let scale = i128::from(significand.scale()) - total;
        let mut mantissa = significand.mantissa();
        let max_scale = i128::from(Decimal::MAX_SCALE);
        if scale > max_scale {
            // A mantissa has at most 29 digits: dropping 29 or more leaves 0.
            let Ok(drop) = u32::try_from(scale - max_scale) else {
                return Value::ZERO;
            };
            if drop >= 29 {
                return Value::ZERO;
            }
            mantissa /= 10i128.pow(drop);
        }
        let scale = u32::try_from(scale.min(max_scale)).unwrap_or(Decimal::MAX_SCALE);
        match Decimal::try_from_i128_with_scale(mantissa, scale) {
            Ok(d) if d.is_zero() => Value::ZERO,
            Ok(d) => Value::Exact(d.normalize()),
            Err(_) => Value::ZERO,
        }
    }

    /// `self × factor`, exact while it fits, scientific beyond (also `*`).
    #[allow(clippy::should_implement_trait)]
    pub fn mul(self, factor: Value) -> Value {
        match (self, factor) {
            (Value::Exact(a), Value::Exact(b)) => match a.checked_mul(b) {
                Some(p) => Value::Exact(p.normalize()),
                None => Self::scientific_product(a, b, 0),
            },
            (a, b) => {
                let (sa, ea) = a.parts();
                let (sb, eb) = b.parts();
                Self::scientific_product(sa, sb, ea.saturating_add(eb))
            }
        }
    }

    /// `self + other`, exact while it fits; beyond, the terms are aligned
    /// on the larger one's power of ten, and a term more than 28 digits
    /// below it (below its precision) is dropped.
    #[allow(clippy::should_implement_trait)]
    pub fn add(self, other: Value) -> Value {
        if let (Value::Exact(a), Value::Exact(b)) = (self, other) {
            // Numerals add many zeros (empty groups); the sum is the other
            // term, normalised as the general case would.
            if a.is_zero() {
                return Value::Exact(b.normalize());
            }
            if b.is_zero() {
                return Value::Exact(a.normalize());
            }
            if let Some(s) = a.checked_add(b) {
                return Value::Exact(s.normalize());
            }
        }
        let unit = |v: Value| {
            let (s, e) = v.parts();
            let (m, x) = Self::to_unit_range(s);
            (m, i128::from(x) + i128::from(e))
        };
        let ((ma, ea), (mb, eb)) = (unit(self), unit(other));
        if mb.is_zero() {
            return self;
        }
        if ma.is_zero() {
            return other;
        }
        let ((big, big_e), (small, small_e)) = if ea >= eb {
            ((ma, ea), (mb, eb))
        } else {
            ((mb, eb), (ma, ea))
        };
        let larger = if ea >= eb { self } else { other };
        let Ok(shift) = u32::try_from(big_e - small_e) else {
            return larger;
        };
        if shift > 28 {
            return larger;
        }
        let aligned = small.checked_mul(Decimal::new(1, shift));
        match aligned.and_then(|a| big.checked_add(a)) {
            // `big_e` is at least 28 here: an exact sum that overflowed or a
            // scientific term.
            Some(sum) if sum.is_zero() => Value::ZERO,
            Some(sum) => Self::scientific_product(
                sum,
                Decimal::ONE,
                u64::try_from(big_e.max(0)).unwrap_or(u64::MAX),
            ),
            None => larger,
        }
    }

    fn parts(self) -> (Decimal, u64) {
        match self {
            Value::Exact(d) => (d, 0),
            Value::Scientific {
                significand,
                exponent,
            } => (significand, exponent),
        }
    }

    /// Multiplies two significands whose exact product overflows: shift
    /// both into [1, 10) and keep the exponent apart.
    fn scientific_product(a: Decimal, b: Decimal, exponent: u64) -> Value {
        let (ma, ea) = Self::to_unit_range(a);
        let (mb, eb) = Self::to_unit_range(b);
        let product = (ma * mb).normalize();
        let total = i128::from(ea) + i128::from(eb) + i128::from(exponent);
        Value::Scientific {
            significand: product,
            exponent: u64::try_from(total.max(0)).unwrap_or(u64::MAX),
        }
        .normalized()
    }

    /// Splits `d` into `m × 10^e` with `1 ≤ |m| < 10` (or m = 0).
    fn to_unit_range(d: Decimal) -> (Decimal, i64) {
        if d.is_zero() {
            return (d, 0);
        }
        let mut m = d;
        let mut e = 0i64;
        while m.abs() >= Decimal::TEN {
            m /= Decimal::TEN;
            e += 1;
        }
        while m.abs() < Decimal::ONE {
            m *= Decimal::TEN;
            e -= 1;
        }
        (m, e)
    }

    /// Brings a scientific value back to exact when it fits.
    fn normalized(self) -> Value {
        match self {
            Value::Scientific {
                significand,
                exponent,
            } => {
                let (m, e) = Self::to_unit_range(significand);
                let total = i128::from(e) + i128::from(exponent);
                if total <= 27 {
                    let mut d = m;
                    let mut ok = true;
                    for _ in 0..total.max(0) {
                        match d.checked_mul(Decimal::TEN) {
                            Some(n) => d = n,
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if ok {
                        return Value::Exact(d.normalize());
                    }
                }
                // Rounding may carry into a new digit (9.99… → 10): keep
                // the significand in [1, 10).
                let mut significand = m.round_dp(20).normalize();
                let mut total = total;
                if significand.abs() >= Decimal::TEN {
                    significand = (significand / Decimal::TEN).normalize();
                    total += 1;
                }
                Value::Scientific {
                    significand,
                    exponent: u64::try_from(total.max(0)).unwrap_or(u64::MAX),
                }
            }
            exact => exact,
        }
    }
}

impl std::ops::Mul for Value {
    type Output = Value;
    fn mul(self, rhs: Value) -> Value {
        Value::mul(self, rhs)
    }
}

impl std::ops::Add for Value {
    type Output = Value;
    fn add(self, rhs: Value) -> Value {
        Value::add(self, rhs)
    }
}

impl From<Decimal> for Value {
    fn from(d: Decimal) -> Self {
        Value::Exact(d)
    }
}

impl PartialOrd for Value {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Value::Exact(a), Value::Exact(b)) => a.partial_cmp(b),
            _ => self.to_f64().partial_cmp(&other.to_f64()),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Exact(d) => write!(f, "{}", d.normalize()),
            Value::Scientific {
                significand,
                exponent,
            } => write!(f, "{}e+{}", significand.normalize(), exponent),
        }
    }
}

impl Serialize for Value {
    /// A JSON number written exactly as [`Display`](fmt::Display) shows it
    /// (`2000000`, `0.1`, `1.5e+200000`), never NaN or infinity.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.to_string();
        let number = serde_json::Number::from_str(&text).map_err(serde::ser::Error::custom)?;
        number.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(s: &str) -> Value {
        Value::Exact(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn 乘法在范围内保持精确() {
        let cases = [
            ("1.35", 8, "135000000"),
            ("0.1", 0, "0.1"),
            ("200", 4, "2000000"),
        ];
        for (s, p, want) in cases {
            assert_eq!(exact(s).scale_pow10(p).to_string(), want, "{s}×10^{p}");
        }
    }

    #[test]
    fn 双精度范围的边界() {
        let cases = [
            ("1", 308, true),
            ("1.7976931348623157", 308, true),
            ("-1.7976931348623157", 308, true),
            ("1.7976931348623158", 308, false),
            ("2", 308, false),
            ("1", 309, false),
            ("-1", 200_000, false),
        ];
        for (s, p, fits) in cases {
            assert_eq!(exact(s).scale_pow10(p).fits_f64(), fits, "{s}e{p}");
        }
        assert!(Value::Exact(Decimal::MAX).fits_f64());
    }

    #[test]
    fn 超出范围变为科学计数不溢出() {
        let v = exact("9").scale_pow10(40);
        assert_eq!(v.to_string(), "9e+40");
        let w = v.mul(exact("2"));
        assert_eq!(w.to_string(), "1.8e+41");
        let huge = Value::from_int(10).scale_pow10(200_000);
        assert_eq!(huge.to_string(), "1e+200001");
        assert!(huge.to_f64().is_finite());
        let json = serde_json::to_string(&huge).unwrap();
        assert_eq!(json, "1e+200001");
    }

    #[test]
    fn 超出范围的加法对齐相加() {
        let max = Value::Exact(Decimal::MAX);
        let twice = max.add(max);
        assert_eq!(twice.to_string(), "1.58456325028528675187e+29");
        let big = exact("9").scale_pow10(40);
        assert_eq!(big.add(exact("1").scale_pow10(40)).to_string(), "1e+41");
        assert_eq!(big.add(exact("3")).to_string(), "9e+40");
        assert_eq!(big.add(exact("-9").scale_pow10(40)).to_string(), "0");
    }

    #[test]
    fn 进位后仍在一到十之间() {
        let nines = Decimal::from_str("9999999999999999999999999999").unwrap();
        let v = Value::Exact(nines).scale_pow10(100);
        assert_eq!(v.to_string(), "1e+128");
    }

    #[test]
    fn 舍入进位后有效数字仍在一到十之间() {
        // 32 nines: the significand rounds up to 10, which must read 1e+32.
        let nines = exact("9999999999999999999999999999").scale_pow10(4);
        assert_eq!(nines.to_string(), "1e+32");
        let v = Value::Scientific {
            significand: Decimal::from_str("9.99999999999999999999999999").unwrap(),
            exponent: 40,
        }
        .normalized();
        assert_eq!(v.to_string(), "1e+41");
        let neg = Value::Scientific {
            significand: Decimal::from_str("-9.99999999999999999999999999").unwrap(),
            exponent: 40,
        }
        .normalized();
        assert_eq!(neg.to_string(), "-1e+41");
    }
    #[test]
    fn 十的任意次幂移位() {
        let cases: &[(&str, i128, &str)] = &[
            ("2", 5, "200000"),
            ("1.5", 3, "1500"),
            ("2.5", -3, "0.0025"),
            ("1", 999, "1e+999"),
            ("-1", 999, "-1e+999"),
            ("1", -28, "0.0000000000000000000000000001"),
            // Below the 28th place: dropped toward zero.
            ("1.9", -28, "0.0000000000000000000000000001"),
            ("-1.9", -28, "-0.0000000000000000000000000001"),
            ("1", -29, "0"),
            ("0", i128::from(u64::MAX), "0"),
            ("1", i128::from(u64::MAX) * 4, "1e+18446744073709551615"),
            ("1", -i128::from(u64::MAX) * 4, "0"),
        ];
        for &(s, p, want) in cases {
            assert_eq!(exact(s).shift_pow10(p).to_string(), want, "{s}e{p}");
        }
        let big = exact("3").scale_pow10(40);
        assert_eq!(big.shift_pow10(-38).to_string(), "300");
        assert_eq!(big.shift_pow10(-80).to_string(), "0");
        assert_eq!(big.shift_pow10(60).to_string(), "3e+100");
    }
}
