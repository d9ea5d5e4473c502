//! Exact numbers: the leaf every decision of the crate rests on.
//!
//! Every input enters as a decimal: a number written in JSON or passed as an
//! `f64` is read to nine decimal places of its unit, once, and from
//! then on held as an exact fraction ([`Exact`], a `num_rational::Ratio` of
//! `i128`). Which measurable amount is chosen, whether a limit is crossed,
//! and which schedule applies are decided here, by comparisons of fractions,
//! so the decision cannot depend on how an input was written (70 kg or
//! 154.3235835 `[lb_av]`) or on binary rounding.
//!
//! This module imports nothing from the rest of the crate.
//!
//! # The one rounding rule
//!
//! A calculated amount is rounded to a whole count of its product's step by
//! [`choose`]: the candidates are the nearest counts below and above; among
//! the acceptable ones the nearest wins, and of two equally near, the
//! **smaller amount** ("ties to the smaller amount"). Quantizing an input to
//! its resolution ([`to_multiple`]) follows the same rule.

use std::cmp::Ordering;

use num_integer::Integer;
use num_rational::Ratio;
use num_traits::{CheckedDiv, CheckedMul, CheckedSub, Signed, ToPrimitive, Zero};

/// An exact fraction. Amounts are in the unit their type names (mg, mL, g,
/// kg, years).
pub(crate) type Exact = Ratio<i128>;

/// 10^9: a number is read to nine decimal places of the unit it is written
/// in.
const SCALE: i128 = 1_000_000_000;

/// 2^53: every integer up to it in magnitude is exact in an `f64`.
const EXACT_IN_F64: i128 = 1 << 53;

/// The largest whole number [`decimal_parts`] takes as it is: 9 × 10^6, so
/// that its nine-place reading (at most 9 × 10^15, below 2^53) is exact.
const WHOLE_READ_AS_ITSELF: f64 = 9e6;

/// Reads a finite `f64` as the decimal it was written as, to nine
/// decimal places. `None` for NaN, infinities, and magnitudes above 10^18.
pub(crate) fn decimal(x: f64) -> Option<Exact> {
    if !x.is_finite() || x.abs() > 1e18 {
        return None;
    }
    let scaled = (x * 1e9).round();
    // Through 64 bits when it fits: one instruction, the same integer.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "a whole number: below 9e18 in magnitude it fits an i64 exactly, and it is \
                  at most 1e27, far inside i128"
    )]
    let n = if scaled.abs() < 9e18 {
        i128::from(scaled as i64)
    } else {
        scaled as i128
    };
    Some(reduced(n, SCALE))
}

/// `x` read as [`decimal`] reads it, as a numerator and a positive
/// denominator with the trailing zeros of the nine-place reading removed
/// in groups of three: 360 is 360/1, 1.5 is 1,500/1,000, 0.123456789 is
/// 123,456,789/10^9. Small denominators keep the products of a decision
/// over one shared denominator ([`Scaled`]) small, with no gcd. `None` as
/// for [`decimal`].
pub(crate) fn decimal_parts(x: f64) -> Option<(i128, i128)> {
    // A whole number below 2^53 / 10^9 reads as itself (its nine-place
    // reading is exact in an `f64`): the common case, with no reading.
    if x.fract() == 0.0 && x.abs() <= WHOLE_READ_AS_ITSELF {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a whole number of at most 9e6 in magnitude: exact in an i64"
        )]
        return Some((i128::from(x as i64), 1));
    }
    let (n, d) = parts(decimal(x)?);
    // In 64 bits, where a division by a constant is a multiplication.
    let (Ok(mut n), Ok(mut d)) = (i64::try_from(n), i64::try_from(d)) else {
        return Some((n, d));
    };
    while d % 1_000 == 0 && n % 1_000 == 0 {
        n /= 1_000;
        d /= 1_000;
    }
    Some((i128::from(n), i128::from(d)))
}

/// `x` in lowest terms (one gcd): for a value worked out once and used in
/// many products, such as a product's step.
pub(crate) fn lowest(x: Exact) -> Exact {
    let (n, d) = parts(x);
    Exact::new(n, d)
}

/// The product of `factors`, or `None` on overflow: one checked 64-bit
/// multiply each.
pub(crate) fn product<const N: usize>(factors: [u64; N]) -> Option<u64> {
    factors.into_iter().try_fold(1_u64, u64::checked_mul)
}

/// `n / d` as the closest `f64` (`d` positive): [`to_f64`] of the fraction,
/// without building it when both parts are exact in an `f64`.
pub(crate) fn quotient_f64(n: i128, d: i128) -> f64 {
    const LIMIT: i64 = 1 << 53;
    if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d))
        && (-LIMIT..=LIMIT).contains(&n)
        && (1..=LIMIT).contains(&d)
    {
        // One correctly rounded division of two exact doubles, as `to_f64`
        // divides a fraction kept with these parts.
        #[allow(
            clippy::cast_precision_loss,
            reason = "|n| and d are at most 2^53: exact"
        )]
        let (n, d) = (n as f64, d as f64);
        n / d
    } else {
        to_f64(frac(n, d))
    }
}

/// One of the crate's own decimal constants (a label limit, a rate), as an
/// exact number. The constants are finite literals, so this never fails;
/// a non-finite value would read as zero.
pub(crate) fn constant(x: f64) -> Exact {
    decimal(x).unwrap_or_default()
}

/// Whether `x` is a whole number.
pub(crate) fn is_whole(x: Exact) -> bool {
    // By value: a fraction need not be in lowest terms (see `reduced`).
    let (num, den) = parts(x);
    num % den == 0
}

/// An integer as an exact number.
pub(crate) fn int(n: i128) -> Exact {
    Exact::from_integer(n)
}

/// `n / d` exactly (`d` not zero).
pub(crate) fn frac(n: i128, d: i128) -> Exact {
    reduced(n, d)
}

/// `n / d` (`d` positive: every caller passes a positive denominator, so
/// no negation can overflow), in lowest terms only when it is large.
///
/// A gcd is the costliest step of exact arithmetic, so a fraction whose
/// parts are both at most 2^53 is kept as it is: every comparison and
/// product of the crate cross-multiplies, so it decides by value and does
/// not need lowest terms, and both parts are exact in an `f64`, so
/// [`to_f64`] still divides once, correctly rounded. Larger fractions are
/// reduced (in 64 bits when they fit, num-integer's gcd), which keeps the
/// products of the next step inside `i128`. The value is the same either
/// way.
#[inline]
fn reduced(n: i128, d: i128) -> Exact {
    if d > 0 && n.unsigned_abs() <= EXACT_IN_F64.unsigned_abs() && d <= EXACT_IN_F64 {
        return Exact::new_raw(n, d);
    }
    if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d))
        && d != 0
        && n != i64::MIN
        && d != i64::MIN
    {
        let g = n.gcd(&d);
        let (n, d) = (n / g, d / g);
        let sign = d.signum();
        return Exact::new_raw(i128::from(n * sign), i128::from(d * sign));
    }
    Exact::new(n, d)
}

/// The closest `f64` to an exact number: one correctly rounded division, so
/// a decimal such as 3.6 prints as `3.6`, never `3.5999999999999996`.
pub(crate) fn to_f64(x: Exact) -> f64 {
    // Both parts are exact in an f64 below 2^53, which every reduced value
    // of the crate's sizes is; beyond that the result is still the nearest
    // few ulps, never used for a decision. A part that fits in 64 bits is
    // converted from 64 bits: the same correctly rounded value, faster.
    let convert = |v: i128| {
        if (-EXACT_IN_F64..=EXACT_IN_F64).contains(&v) {
            // Exact through 64 bits: a single conversion instruction.
            i64::try_from(v).map_or(f64::NAN, f64_of_i64)
        } else {
            v.to_f64().unwrap_or(f64::NAN)
        }
    };
    convert(*x.numer()) / convert(*x.denom())
}

/// `v` as an `f64`, exact below 2^53. Kept out of line so that the
/// optimiser does not fold it back into the slow 128-bit conversion it
/// replaces.
#[inline(never)]
#[allow(clippy::cast_precision_loss, reason = "callers pass |v| <= 2^53")]
fn f64_of_i64(v: i64) -> f64 {
    v as f64
}

/// `x` as the nearest `f64` to its nine-decimal reading: removes the noise
/// of a unit conversion (uom's SI round trip reads 0.1 mL back as
/// 0.09999999999999999). A non-finite `x` is returned unchanged, for the
/// validation that follows to refuse.
pub(crate) fn canonical(x: f64) -> f64 {
    decimal(x).map_or(x, to_f64)
}

/// `a × b`, or `None` on overflow.
pub(crate) fn mul(a: Exact, b: Exact) -> Option<Exact> {
    // One reduction of the plain products when they fit; `Ratio`'s
    // cross-cancelling otherwise.
    let ((a_num, a_den), (b_num, b_den)) = (parts(a), parts(b));
    match (times_checked(a_num, b_num), times_checked(a_den, b_den)) {
        (Some(top), Some(bottom)) => Some(reduced(top, bottom)),
        _ => a.checked_mul(&b),
    }
}

/// `a ÷ b`, or `None` on overflow or division by zero.
pub(crate) fn div(a: Exact, b: Exact) -> Option<Exact> {
    if b.is_zero() {
        return None;
    }
    // (a_num/a_den) ÷ (b_num/b_den) = (a_num·b_den)/(a_den·b_num), both
    // multiplied by the sign of b_num so that the denominator is positive.
    let ((a_num, a_den), (b_num, b_den)) = (parts(a), parts(b));
    let flip = |v: i128| if b_num < 0 { v.checked_neg() } else { Some(v) };
    let top = times_checked(a_num, b_den).and_then(flip);
    let bottom = times_checked(a_den, b_num).and_then(flip);
    match (top, bottom) {
        (Some(top), Some(bottom)) => Some(reduced(top, bottom)),
        _ => a.checked_div(&b),
    }
}

/// The larger of two exact numbers.
#[inline]
pub(crate) fn max(a: Exact, b: Exact) -> Exact {
    if compare(b, a).is_gt() { b } else { a }
}

/// `a − b`, or `None` on overflow.
pub(crate) fn sub(a: Exact, b: Exact) -> Option<Exact> {
    a.checked_sub(&b)
}

/// Orders two exact numbers by cross-multiplying numerators and (positive)
/// denominators: no division and no gcd, so it is the cheap way to decide.
/// When a product would overflow `i128`, `Ratio`'s own comparison decides.
#[inline]
pub(crate) fn compare(a: Exact, b: Exact) -> Ordering {
    let (a_num, a_den) = parts(a);
    let (b_num, b_den) = parts(b);
    match (times_checked(a_num, b_den), times_checked(b_num, a_den)) {
        (Some(left), Some(right)) => left.cmp(&right),
        _ => a.cmp(&b),
    }
}

/// `a × b`, or `None` on overflow. When both fit in 64 bits (every
/// fraction [`reduced`] keeps small does), one widening multiply that
/// cannot overflow; `i128`'s checked multiply (a slow library call)
/// otherwise.
#[inline]
pub(crate) fn times_checked(a: i128, b: i128) -> Option<i128> {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(a), Ok(b)) => Some(i128::from(a) * i128::from(b)),
        _ => a.checked_mul(b),
    }
}

/// Numerator and denominator (positive, as `Ratio` keeps it).
#[inline]
pub(crate) fn parts(x: Exact) -> (i128, i128) {
    (*x.numer(), *x.denom())
}

/// Whether `lo ≤ x ≤ hi`.
#[inline]
pub(crate) fn within(x: Exact, lo: Exact, hi: Exact) -> bool {
    compare(lo, x).is_le() && compare(x, hi).is_le()
}

/// The whole counts of `step` just below (or at) and just above (or at)
/// `amount`: `(⌊amount/step⌋, ⌈amount/step⌉)`. `None` when `step` is not
/// positive or the count does not fit.
pub(crate) fn neighbours(amount: Exact, step: Exact) -> Option<(u64, u64)> {
    let ((a_num, a_den), (s_num, s_den)) = (parts(amount), parts(step));
    // Denominators are positive, so the numerators carry the signs.
    if s_num <= 0 || a_num < 0 {
        return None;
    }
    // amount/step = (m·q)/(n·p) for amount = m/n and step = p/q: one
    // integer division, no gcd, when the products fit; in 64 bits (one
    // instruction) when they fit there.
    let products = (times_checked(a_num, s_den), times_checked(a_den, s_num));
    let (whole, rest) = if let (Some(top), Some(bottom)) = products {
        match (u64::try_from(top), u64::try_from(bottom)) {
            (Ok(top), Ok(bottom)) => (i128::from(top / bottom), i128::from(top % bottom)),
            _ => (top / bottom, top % bottom),
        }
    } else {
        let x = div(amount, step)?;
        (x.floor().to_integer(), i128::from(!is_whole(x)))
    };
    let floor = u64::try_from(whole).ok()?;
    let ceil = u64::try_from(whole + i128::from(rest != 0)).ok()?;
    Some((floor, ceil))
}

/// `x × k` for a whole count `k`: one reduction, no cross-cancelling;
/// `Ratio`'s checked multiply when the product does not fit. `None` on
/// overflow, never a panic or a wrapped number.
pub(crate) fn times(x: Exact, k: u64) -> Option<Exact> {
    let (x_num, x_den) = parts(x);
    match times_checked(x_num, i128::from(k)) {
        Some(top) => Some(reduced(top, x_den)),
        None => x.checked_mul(&int(i128::from(k))),
    }
}

/// `amount` rounded to a whole multiple of `step` by the one rule: nearest,
/// ties to the smaller. `None` when `step` is not positive.
pub(crate) fn to_multiple(amount: Exact, step: Exact) -> Option<Exact> {
    if step <= Exact::zero() {
        return None;
    }
    let q = div(amount, step)?;
    let (lo, hi) = (q.floor(), q.ceil());
    let nearest = if q - lo <= hi - q { lo } else { hi };
    mul(nearest, step)
}

/// `amount` rounded down to a whole multiple of `step`.
pub(crate) fn floor_to(amount: Exact, step: Exact) -> Option<Exact> {
    mul(div(amount, step)?.floor(), step)
}

/// `amount` rounded up to a whole multiple of `step`.
pub(crate) fn ceil_to(amount: Exact, step: Exact) -> Option<Exact> {
    mul(div(amount, step)?.ceil(), step)
}

/// `|x|`.
pub(crate) fn abs(x: Exact) -> Exact {
    x.abs()
}

/// The signed deviation of `amount` from `calculated`, as a fraction of
/// `calculated` (`+0.08` is 8 % above). `None` when `calculated` is zero.
pub(crate) fn deviation(amount: Exact, calculated: Exact) -> Option<Exact> {
    div(sub(amount, calculated)?, calculated)
}

/// The deviation in percent: `(amount − calculated) × 100 / calculated`.
/// With `amount = p/q` and `calculated = m/n`, that is
/// `(p·n − m·q)·100 / (q·m)`, reduced once; `Ratio` arithmetic when a
/// product would overflow. `None` when `calculated` is zero.
pub(crate) fn deviation_percent(amount: Exact, calculated: Exact) -> Option<Exact> {
    let ((p_num, p_den), (c_num, c_den)) = (parts(amount), parts(calculated));
    if c_num == 0 {
        return None;
    }
    let fast = (|| {
        // The sign of `calculated` moves to the numerator: the denominator
        // stays positive.
        let sign = c_num.signum();
        let gap = times_checked(p_num, c_den)?.checked_sub(times_checked(c_num, p_den)?)?;
        Some(reduced(
            times_checked(gap, 100 * sign)?,
            times_checked(p_den, c_num)?.checked_mul(sign)?,
        ))
    })();
    fast.or_else(|| mul(deviation(amount, calculated)?, int(100)))
}

/// Orders two measurable amounts by how near they are to `calculated`, the
/// smaller amount first when equally near: the tie rule of the crate.
pub(crate) fn nearer(a: Exact, b: Exact, calculated: Exact) -> Ordering {
    distance_order(a, b, calculated).then_with(|| compare(a, b))
}

/// `|a − c|` against `|b − c|`. With `a = p/q`, `b = r/s`, `c = m/n`, the
/// distances are `|p·n − m·q| / (q·n)` and `|r·n − m·s| / (s·n)`; both are
/// compared over the common `q·s·n` by cross-multiplying, without a gcd.
/// `Ratio` arithmetic decides when a product would overflow.
fn distance_order(a: Exact, b: Exact, c: Exact) -> Ordering {
    let (c_num, c_den) = parts(c);
    let gap = |x: Exact| {
        let (x_num, x_den) = parts(x);
        times_checked(x_num, c_den)?
            .checked_sub(times_checked(c_num, x_den)?)?
            .checked_abs()
    };
    let fast = (|| {
        let da = times_checked(gap(a)?, parts(b).1)?;
        let db = times_checked(gap(b)?, parts(a).1)?;
        Some(da.cmp(&db))
    })();
    fast.unwrap_or_else(|| match (sub(a, c), sub(b, c)) {
        (Some(da), Some(db)) => magnitude_order(da, db),
        // Beyond even `Ratio`'s reach (no valid input comes near): called
        // equally near, so the tie rule takes the smaller amount. Never a
        // panic or a wrapped number.
        _ => Ordering::Equal,
    })
}

/// `|x|` against `|y|`, comparing `−|x|` with `−|y|` so that nothing with
/// a numerator of `i128::MIN` is ever negated.
fn magnitude_order(x: Exact, y: Exact) -> Ordering {
    let minus_abs = |v: Exact| if v > Exact::zero() { -v } else { v };
    minus_abs(y).cmp(&minus_abs(x))
}

/// Whether `|x − c| ≤ t·c` (`c` and `t` not negative): `x` is within the
/// tolerance `t` of `c`. With `x = p/q`, `c = m/n`, `t = u/v`, that is
/// `|p·n − m·q|·v ≤ u·m·q`, decided by cross-multiplying, without a gcd;
/// `Ratio` arithmetic decides when a product would overflow.
pub(crate) fn within_tolerance(x: Exact, c: Exact, t: Exact) -> bool {
    let ((x_num, x_den), (c_num, c_den), (t_num, t_den)) = (parts(x), parts(c), parts(t));
    let fast = (|| {
        let gap = times_checked(x_num, c_den)?
            .checked_sub(times_checked(c_num, x_den)?)?
            .checked_abs()?;
        Some(times_checked(gap, t_den)? <= times_checked(times_checked(t_num, c_num)?, x_den)?)
    })();
    // Beyond even `Ratio`'s reach (no valid input comes near): not within
    // the tolerance, so the candidate is not taken for it.
    fast.unwrap_or_else(|| match (mul(t, c), sub(x, c)) {
        (Some(slack), Some(gap)) => magnitude_order(gap, slack).is_le(),
        _ => false,
    })
}

/// What the one rounding rule needs of a number: an order, which of two
/// amounts is nearer a third, the tolerance test, and the whole counts of
/// a step. Two kinds of number have it, so the rule ([`choose`]) is written
/// once: [`Exact`] fractions, and [`Scaled`] numerators over a denominator
/// that every amount of one decision shares.
pub(crate) trait Amount: Copy + PartialEq + std::fmt::Debug {
    /// Orders two amounts by value.
    fn order(self, other: Self) -> Ordering;
    /// Orders `self` and `other` by how near they are to `calculated`, the
    /// smaller amount first when equally near: the tie rule of the crate.
    fn nearer(self, other: Self, calculated: Self) -> Ordering;
    /// Whether `|self − calculated| ≤ tolerance × calculated`.
    fn within_tolerance(self, calculated: Self, tolerance: Exact) -> bool;
    /// `self × k`, or `None` on overflow.
    fn times(self, k: u64) -> Option<Self>;
    /// The whole counts of `step` just below (or at) and just above (or
    /// at) `self`; `None` when `step` is not positive, `self` is negative
    /// or a count does not fit.
    fn counts(self, step: Self) -> Option<(u64, u64)>;
    /// `(self − calculated) × 100 / calculated`; `None` when `calculated`
    /// is zero or a product overflows.
    fn deviation_percent(self, calculated: Self) -> Option<Exact>;
}

impl Amount for Exact {
    fn order(self, other: Self) -> Ordering {
        compare(self, other)
    }
    fn nearer(self, other: Self, calculated: Self) -> Ordering {
        nearer(self, other, calculated)
    }
    fn within_tolerance(self, calculated: Self, tolerance: Exact) -> bool {
        within_tolerance(self, calculated, tolerance)
    }
    fn times(self, k: u64) -> Option<Self> {
        times(self, k)
    }
    fn counts(self, step: Self) -> Option<(u64, u64)> {
        neighbours(self, step)
    }
    fn deviation_percent(self, calculated: Self) -> Option<Exact> {
        deviation_percent(self, calculated)
    }
}

/// An amount as a whole number of a unit shared by every amount of one
/// decision (for a diltiazem dose, 1/den mg with den the product of the
/// weight's, the rate's, the frequency's and the step's denominators).
///
/// Over one denominator, comparing two amounts compares two integers, and
/// a count of steps is one integer division: no gcd and no
/// cross-multiplication. Every operation is checked; where an intermediate
/// product would overflow `i128`, the [`Exact`] operation decides on the
/// same numerators (the shared denominator cancels), so the value decided
/// is the same either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Scaled(pub(crate) i128);

impl Scaled {
    /// This amount as an exact number, given the shared denominator
    /// (positive).
    pub(crate) fn over(self, den: i128) -> Exact {
        frac(self.0, den)
    }
}

impl Amount for Scaled {
    fn order(self, other: Self) -> Ordering {
        self.0.cmp(&other.0)
    }
    fn nearer(self, other: Self, calculated: Self) -> Ordering {
        // The distance of two `i128`s always fits a `u128`: exact, with no
        // fallback.
        let gap = |x: Self| x.0.abs_diff(calculated.0);
        gap(self).cmp(&gap(other)).then_with(|| self.order(other))
    }
    fn within_tolerance(self, calculated: Self, tolerance: Exact) -> bool {
        let (t_num, t_den) = parts(tolerance);
        // |x − c|·v ≤ u·c: when the gap and `v` fit 64 bits and `u` and
        // `c` are not negative, both sides are plain 128-bit products.
        if let (Ok(gap), Ok(v), Ok(u), Ok(c)) = (
            u64::try_from(self.0.abs_diff(calculated.0)),
            u64::try_from(t_den),
            u64::try_from(t_num),
            u64::try_from(calculated.0),
        ) {
            return u128::from(gap) * u128::from(v) <= u128::from(u) * u128::from(c);
        }
        let fast = (|| {
            let gap = self.0.abs_diff(calculated.0);
            let slack = u128::try_from(times_checked(t_num, calculated.0)?).ok()?;
            Some(gap.checked_mul(t_den.unsigned_abs())? <= slack)
        })();
        fast.unwrap_or_else(|| within_tolerance(int(self.0), int(calculated.0), tolerance))
    }
    fn times(self, k: u64) -> Option<Self> {
        times_checked(self.0, i128::from(k)).map(Self)
    }
    fn counts(self, step: Self) -> Option<(u64, u64)> {
        if step.0 <= 0 || self.0 < 0 {
            return None;
        }
        let (amount, step) = (self.0.unsigned_abs(), step.0.unsigned_abs());
        // One division, in 64 bits (one instruction) when both fit.
        let (whole, rest) = match (u64::try_from(amount), u64::try_from(step)) {
            (Ok(a), Ok(s)) => (u128::from(a / s), u128::from(a % s)),
            _ => (amount / step, amount % step),
        };
        let floor = u64::try_from(whole).ok()?;
        let ceil = floor.checked_add(u64::from(rest != 0))?;
        Some((floor, ceil))
    }
    fn deviation_percent(self, calculated: Self) -> Option<Exact> {
        if calculated.0 == 0 {
            return None;
        }
        let fast = (|| {
            let gap = times_checked(self.0.checked_sub(calculated.0)?, 100)?;
            // The sign of `calculated` moves to the numerator: the
            // denominator stays positive.
            let sign = calculated.0.signum();
            Some(reduced(
                gap.checked_mul(sign)?,
                calculated.0.checked_mul(sign)?,
            ))
        })();
        fast.or_else(|| deviation_percent(int(self.0), int(calculated.0)))
    }
}

/// How a measurable amount relates to the calculated one and the bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Within the tolerance, and inside the documented range where there is
    /// one.
    WithinTolerance,
    /// Within the tolerance, but outside the documented range (no candidate
    /// within the tolerance is inside it).
    WithinToleranceOutsideRange,
    /// Beyond the tolerance, rounded down, and inside the documented range.
    DownInsideRange,
    /// Beyond the tolerance, rounded up, inside the documented range: only
    /// when the caller opted in.
    UpInsideRange,
}

/// What the rounding rule is asked to respect.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds<A = Exact> {
    /// The calculated amount, positive.
    pub(crate) calculated: A,
    /// The tolerance as a fraction (0.1 is 10 %).
    pub(crate) tolerance: Exact,
    /// The documented range of one administration, if the regimen is a
    /// range.
    pub(crate) range: Option<(A, A)>,
    /// Whether rounding up beyond the tolerance may be accepted (inside the
    /// range).
    pub(crate) allow_up: bool,
}

/// Chooses among measurable candidate amounts by the one rule.
///
/// `candidates` are the measurable amounts next to the calculated one (at
/// most one below or at it and one above it are usually enough; more are
/// allowed). The choice, in order:
///
/// 1. the nearest within the tolerance and inside the documented range;
/// 2. the nearest within the tolerance (outside the range, so the plan must
///    say so);
/// 3. beyond the tolerance, the largest amount below the calculated one that
///    is inside the range;
/// 4. with `allow_up`, the smallest amount above the calculated one that is
///    inside the range.
///
/// Equally near candidates go to the smaller amount. `None` when nothing is
/// acceptable: the dose is not measurable.
pub(crate) fn choose<A: Amount>(candidates: &[A], bounds: &Bounds<A>) -> Option<(A, Verdict)> {
    let calc = bounds.calculated;
    let in_range = |x: A| {
        bounds
            .range
            .is_none_or(|(lo, hi)| lo.order(x).is_le() && x.order(hi).is_le())
    };
    let in_tolerance = |x: A| x.within_tolerance(calc, bounds.tolerance);
    if let Some(x) = nearest(candidates, calc, |x| in_tolerance(x) && in_range(x)) {
        return Some((x, Verdict::WithinTolerance));
    }
    if let Some(x) = nearest(candidates, calc, in_tolerance) {
        return Some((x, Verdict::WithinToleranceOutsideRange));
    }
    bounds.range?;
    if let Some(x) = candidates
        .iter()
        .copied()
        .filter(|&x| x.order(calc).is_lt() && in_range(x))
        .max_by(|&a, &b| a.order(b))
    {
        return Some((x, Verdict::DownInsideRange));
    }
    if bounds.allow_up
        && let Some(x) = candidates
            .iter()
            .copied()
            .filter(|&x| x.order(calc).is_gt() && in_range(x))
            .min_by(|&a, &b| a.order(b))
    {
        return Some((x, Verdict::UpInsideRange));
    }
    None
}

/// The candidate nearest `calculated` among those `keep` accepts, the
/// smaller of two equally near.
fn nearest<A: Amount>(candidates: &[A], calculated: A, keep: impl Fn(A) -> bool) -> Option<A> {
    candidates
        .iter()
        .copied()
        .filter(|&x| keep(x))
        .min_by(|&a, &b| a.nearer(b, calculated))
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "tests fail loudly; the f64 compared are the exact nearest doubles"
)]
mod tests {
    use super::*;

    fn d(x: f64) -> Exact {
        decimal(x).unwrap()
    }

    /// An exact number of any size the crate meets (a weight in grams
    /// times a rate read to nine decimals is about 10^15 over 10^12), and
    /// larger, while `Ratio`'s own arithmetic (the reference) still fits.
    fn any_exact() -> impl proptest::strategy::Strategy<Value = Exact> {
        use proptest::prelude::*;
        let numer = prop_oneof![
            -1_000_000_i128..=1_000_000,
            -1_000_000_000_000_000_000_i128..=1_000_000_000_000_000_000,
        ];
        let denom = prop_oneof![1_i128..=1_000, 1_i128..=1_000_000_000_000];
        (numer, denom).prop_map(|(n, d)| frac(n, d))
    }

    proptest::proptest! {
        /// The whole counts next to an amount, and a count of steps, are
        /// what `Ratio` division and multiplication give.
        #[test]
        fn integer_steps_are_ratio_steps(
            amount in any_exact(),
            step in any_exact(),
            k in 0_u64..=1_000_000,
        ) {
            let (amount, step) = (amount.abs(), step.abs());
            let by_ratio = div(amount, step).and_then(|x| {
                Some((
                    u64::try_from(x.floor().to_integer()).ok()?,
                    u64::try_from(x.ceil().to_integer()).ok()?,
                ))
            });
            proptest::prop_assert_eq!(neighbours(amount, step), by_ratio);
            proptest::prop_assert_eq!(times(step, k), Some(step * int(i128::from(k))));
        }
    }

    proptest::proptest! {
        /// The 64-bit reduction, the one-step products and the percent
        /// deviation are `Ratio`'s own results.
        #[test]
        fn fast_arithmetic_is_ratio_arithmetic(a in any_exact(), b in any_exact()) {
            proptest::prop_assert_eq!(frac(*a.numer() * 7, *a.denom() * 7), a);
            proptest::prop_assert_eq!(mul(a, b), a.checked_mul(&b));
            let by_ratio = if b.is_zero() { None } else { a.checked_div(&b) };
            proptest::prop_assert_eq!(div(a, b), by_ratio);
            let by_ratio = deviation(a, b).map(|d| d * int(100));
            proptest::prop_assert_eq!(deviation_percent(a, b), by_ratio);
            #[allow(clippy::cast_precision_loss, reason = "the reference conversion")]
            let by_i128 = (*a.numer() as f64) / (*a.denom() as f64);
            proptest::prop_assert_eq!(to_f64(a).to_bits(), by_i128.to_bits());
        }
    }

    proptest::proptest! {
        /// A small fraction kept out of lowest terms is the same number:
        /// equal, the same `f64`, and whole exactly when its lowest terms
        /// are.
        #[test]
        fn unreduced_fractions_are_the_same_numbers(
            n in -(1_i128 << 53)..=(1_i128 << 53),
            d in 1_i128..=(1_i128 << 53),
            k in 1_i128..=1_000,
        ) {
            let lowest = Exact::new(n, d);
            let kept = frac(n, d);
            proptest::prop_assert_eq!(kept, lowest);
            proptest::prop_assert_eq!(to_f64(kept).to_bits(), to_f64(lowest).to_bits());
            proptest::prop_assert_eq!(is_whole(kept), lowest.is_integer());
            // Scaled past 2^53, it is brought back to lowest terms.
            let scaled = frac(n * (1 << 54) * k, d * (1 << 54) * k);
            proptest::prop_assert_eq!(
                (*scaled.numer(), *scaled.denom()),
                (*lowest.numer(), *lowest.denom())
            );
            proptest::prop_assert_eq!(to_f64(scaled).to_bits(), to_f64(lowest).to_bits());
        }
    }

    /// The representation `reduced` promises: a fraction with both parts
    /// at most 2^53 is kept as written (no gcd); one with a larger part is
    /// brought to lowest terms, in 64 bits or in 128; a negative
    /// numerator keeps its sign.
    #[test]
    fn small_fractions_are_kept_and_large_ones_reduced() {
        let kept = |x: Exact| (*x.numer(), *x.denom());
        assert_eq!(kept(frac(2, 4)), (2, 4));
        assert_eq!(kept(frac(-2, 4)), (-2, 4));
        assert_eq!(kept(frac(1 << 53, 1 << 53)), (1 << 53, 1 << 53));
        assert_eq!(kept(frac(-(1 << 53), 2)), (-(1 << 53), 2));
        assert_eq!(kept(frac((1 << 53) + 1, 2)), ((1 << 53) + 1, 2));
        // Just past 2^53 on either part: lowest terms.
        assert_eq!(kept(frac(2 * ((1 << 53) + 1), 4)), ((1 << 53) + 1, 2));
        assert_eq!(kept(frac(10, (1 << 54) + 2)), (5, (1 << 53) + 1));
        assert_eq!(kept(frac(-(1 << 60), 1 << 58)), (-4, 1));
        // Past 64 bits: `Ratio`'s own reduction.
        assert_eq!(kept(frac(3 << 100, 6 << 100)), (1, 2));
        // The nine-decimal reading of an input is kept over 10^9.
        assert_eq!(kept(decimal(1.5).unwrap()), (1_500_000_000, SCALE));
        assert_eq!(to_f64(frac(2, 4)), 0.5);
        assert!(is_whole(frac(6, 3)) && !is_whole(frac(5, 3)));
    }

    /// Products, quotients and counts of small fractions keep their parts:
    /// the hot path does no gcd (the values are checked against `Ratio` by
    /// the properties above).
    #[test]
    fn small_products_and_quotients_are_not_reduced() {
        let kept = |x: Exact| (*x.numer(), *x.denom());
        assert_eq!(mul(frac(1, 2), frac(2, 3)).map(kept), Some((2, 6)));
        assert_eq!(div(frac(1, 2), frac(3, 2)).map(kept), Some((2, 6)));
        assert_eq!(div(frac(1, 2), frac(-3, 2)).map(kept), Some((-2, 6)));
        assert_eq!(times(frac(1, 6), 3).map(kept), Some((3, 6)));
        assert_eq!(
            deviation_percent(frac(3, 3), frac(2, 2)).map(kept),
            Some((0, 6))
        );
    }

    #[test]
    fn a_product_too_large_for_i128_is_none_not_a_panic() {
        let huge = int(i128::MAX / 3);
        assert_eq!(times(huge, u64::MAX), None);
        assert_eq!(times(huge, 2), Some(int(i128::MAX / 3 * 2)));
        assert_eq!(times(frac(3, 7), 7), Some(int(3)));
    }

    /// Any exact number to the edges of `i128`, so that every fallback
    /// runs.
    fn wide_exact() -> impl proptest::strategy::Strategy<Value = Exact> {
        use proptest::prelude::*;
        // Not i128::MIN: num-rational's own gcd cannot take it (its absolute
        // value does not fit), and no arithmetic of the crate's bounded
        // inputs comes near it.
        let numer = prop_oneof![
            (i128::MIN + 1)..=i128::MAX,
            Just(i128::MIN + 1),
            Just(i128::MAX),
            any::<i64>().prop_map(i128::from),
            -1_000_i128..=1_000,
        ];
        let denom = prop_oneof![
            1_i128..=i128::MAX,
            Just(i128::MAX),
            1_i128..=i128::from(i64::MAX),
            1_i128..=1_000,
        ];
        (numer, denom).prop_map(|(n, d)| Exact::new(n, d))
    }

    proptest::proptest! {
        /// To the edges of `i128`: never a panic, and wherever `Ratio`'s
        /// checked arithmetic gives an answer, the same answer.
        #[test]
        fn fast_paths_agree_with_ratio_to_the_edges(
            a in wide_exact(),
            b in wide_exact(),
            c in wide_exact(),
            k in proptest::prelude::any::<u64>(),
        ) {
            use proptest::prop_assert_eq;
            prop_assert_eq!(compare(a, b), a.cmp(&b));
            prop_assert_eq!(mul(a, b), a.checked_mul(&b));
            let ours = div(a, b);
            if let Some(reference) = (!b.is_zero()).then(|| a.checked_div(&b)).flatten() {
                prop_assert_eq!(ours, Some(reference));
            }
            let ours = deviation_percent(a, b);
            if let Some(reference) = deviation(a, b).and_then(|d| d.checked_mul(&int(100))) {
                prop_assert_eq!(ours, Some(reference));
            }
            let ours = nearer(a, b, c);
            if let (Some(da), Some(db)) = (a.checked_sub(&c), b.checked_sub(&c)) {
                prop_assert_eq!(ours, magnitude_order(da, db).then(a.cmp(&b)));
            }
            if c > Exact::zero() {
                let t = frac(1, 10);
                let ours = within_tolerance(a, c, t);
                if let (Some(slack), Some(gap)) = (t.checked_mul(&c), a.checked_sub(&c)) {
                    prop_assert_eq!(ours, magnitude_order(gap, slack).is_le());
                }
            }
            if let Some(reference) = a.checked_mul(&int(i128::from(k))) {
                prop_assert_eq!(times(a, k), Some(reference));
            }
            #[allow(clippy::cast_precision_loss, reason = "the reference conversion")]
            let by_i128 = (*a.numer() as f64) / (*a.denom() as f64);
            prop_assert_eq!(to_f64(a).to_bits(), by_i128.to_bits());
            if a >= Exact::zero() && b > Exact::zero() {
                let _ = neighbours(a, b);
            }
        }
    }

    #[test]
    fn fallbacks_cancel_common_factors_where_cross_products_overflow() {
        // amount = 3·2^70 / (7·5^40), step = 2^70 / (11·5^40): the cross
        // products overflow i128, but the quotient is 33/7 = 4.71…
        let five_40 = 5_i128.pow(40);
        let amount = frac(3 << 70, 7 * five_40);
        let step = frac(1 << 70, 11 * five_40);
        assert_eq!(div(amount, step), Some(frac(33, 7)));
        assert_eq!(neighbours(amount, step), Some((4, 5)));
        assert_eq!(neighbours(times(step, 7).unwrap(), step), Some((7, 7)));
        // 2^100/3^20 × (2·3^19): the product overflows before cancelling.
        let x = frac(1 << 100, 3_i128.pow(20));
        assert_eq!(times(x, 2 * 3_u64.pow(19)), Some(frac(1 << 101, 3)));
    }

    #[test]
    fn division_by_a_negative_number_keeps_its_sign() {
        // The review's case: −2^126 ÷ (−3110824839521606419/2) is
        // 2^127/3110824839521606419, which does not fit: `None`, never a
        // wrapped, negative value.
        let a = int(-(1 << 126));
        let b = frac(-3_110_824_839_521_606_419, 2);
        assert_eq!(div(a, b), a.checked_div(&b));
        assert_eq!(div(a, b), None);
        assert_eq!(div(int(6), int(-4)), Some(frac(-3, 2)));
        assert_eq!(deviation_percent(int(1), int(-2)), Some(int(-150)));
    }

    #[test]
    fn compare_falls_back_to_ratio_beyond_i128_products() {
        // Cross products of 2^100 and 2^31 − 1 overflow i128.
        let d = (1_i128 << 31) - 1;
        let a = frac(1 << 100, d);
        let b = frac((1 << 100) + 1, d);
        assert_eq!(compare(a, b), Ordering::Less);
        assert_eq!(compare(b, a), Ordering::Greater);
        assert_eq!(compare(a, a), Ordering::Equal);
        assert!(within(a, a, b));
    }

    proptest::proptest! {
        /// The cross-multiplied decisions are `Ratio`'s own decisions.
        #[test]
        fn cross_multiplied_decisions_are_ratio_decisions(
            a in any_exact(),
            b in any_exact(),
            c in any_exact(),
            t in any_exact(),
        ) {
            proptest::prop_assert_eq!(compare(a, b), a.cmp(&b));
            let by_ratio = (a - c).abs().cmp(&(b - c).abs()).then(a.cmp(&b));
            proptest::prop_assert_eq!(nearer(a, b, c), by_ratio);
            let (c, t) = (c.abs(), t.abs());
            let by_ratio = (a - c).abs() <= t * c;
            proptest::prop_assert_eq!(within_tolerance(a, c, t), by_ratio);
            proptest::prop_assert_eq!(within(a, b.min(c), b.max(c)), b.min(c) <= a && a <= b.max(c));
        }
    }

    /// A numerator over a shared denominator: small, large, and to the
    /// edges of `i128`, so that every checked fallback runs.
    fn any_scaled() -> impl proptest::strategy::Strategy<Value = Scaled> {
        use proptest::prelude::*;
        prop_oneof![
            -1_000_000_i128..=1_000_000,
            0_i128..=1_000_000_000_000_000_000_000,
            (i128::MIN + 1)..=i128::MAX,
            Just(i128::MAX),
            Just(i128::MIN + 1),
        ]
        .prop_map(Scaled)
    }

    /// A numerator of the sizes a decision meets (a weight in grams times
    /// a rate read to nine decimals, times the other denominators, is
    /// below 10^20), and small ones.
    fn decision_scaled() -> impl proptest::strategy::Strategy<Value = Scaled> {
        use proptest::prelude::*;
        prop_oneof![
            0_i128..=1_000,
            -100_000_000_000_000_000_000_i128..=100_000_000_000_000_000_000,
        ]
        .prop_map(Scaled)
    }

    proptest::proptest! {
        /// Over one denominator, every decision the rule makes on numerators
        /// is the decision on the fractions they stand for (the shared
        /// denominator cancels), for any denominator.
        #[test]
        fn scaled_decisions_are_exact_decisions(
            a in decision_scaled(),
            b in decision_scaled(),
            c in decision_scaled(),
            (t_num, t_den) in (0_i128..=1_000_000_000_000, 1_i128..=1_000_000_000_000),
            den in 1_i128..=1_000_000_000_000,
            k in 0_u64..=1_000_000,
        ) {
            use proptest::prop_assert_eq;
            // A tolerance of 0 to 1 (the crate's are 0 to 50 %).
            let t = frac(t_num.min(t_den), t_den);
            let over = |x: Scaled| Exact::new(x.0, den);
            let (ea, eb, ec) = (over(a), over(b), over(c));
            prop_assert_eq!(a.order(b), ea.cmp(&eb));
            let by_ratio = (ea - ec).abs().cmp(&(eb - ec).abs()).then(ea.cmp(&eb));
            prop_assert_eq!(a.nearer(b, c), by_ratio);
            if c.0 >= 0 {
                prop_assert_eq!(a.within_tolerance(c, t), (ea - ec).abs() <= t * ec);
            }
            prop_assert_eq!(a.times(k).map(over), Some(ea * int(i128::from(k))));
            if a.0 >= 0 && b.0 > 0 {
                let q = ea / eb;
                // `None` when a count does not fit 64 bits.
                let by_ratio = u64::try_from(q.floor().to_integer())
                    .ok()
                    .zip(u64::try_from(q.ceil().to_integer()).ok());
                prop_assert_eq!(a.counts(b), by_ratio);
            }
            if c.0 != 0 {
                prop_assert_eq!(a.deviation_percent(c), Some((ea - ec) * int(100) / ec));
            }
            prop_assert_eq!(a.over(den), ea);
        }

        /// To the edges of `i128`: never a panic, and wherever `Ratio` can
        /// work a decision out on the numerators, the same decision.
        #[test]
        fn scaled_decisions_hold_to_the_edges(
            a in any_scaled(),
            b in any_scaled(),
            c in any_scaled(),
            t in any_exact(),
            k in proptest::prelude::any::<u64>(),
        ) {
            use proptest::prop_assert_eq;
            let t = t.abs();
            let (ea, eb, ec) = (int(a.0), int(b.0), int(c.0));
            prop_assert_eq!(a.order(b), ea.cmp(&eb));
            if let (Some(da), Some(db)) = (ea.checked_sub(&ec), eb.checked_sub(&ec)) {
                prop_assert_eq!(a.nearer(b, c), magnitude_order(da, db).then(ea.cmp(&eb)));
            }
            if c.0 >= 0
                && let (Some(gap), Some(slack)) = (ea.checked_sub(&ec), t.checked_mul(&ec))
            {
                prop_assert_eq!(a.within_tolerance(c, t), magnitude_order(gap, slack).is_le());
            }
            prop_assert_eq!(a.times(k).map(|x| int(x.0)), ea.checked_mul(&int(i128::from(k))));
            if a.0 >= 0 && b.0 > 0 {
                prop_assert_eq!(a.counts(b), neighbours(ea, eb));
            }
            if let Some(reference) = deviation(ea, ec).and_then(|d| d.checked_mul(&int(100))) {
                prop_assert_eq!(a.deviation_percent(c), Some(reference));
            }
        }

        /// The trimmed reading is the reading; its denominator divides
        /// 10^9 (a power of ten, or less for a large number that
        /// `decimal` reduced).
        #[test]
        fn decimal_parts_are_the_decimal(
            x in proptest::prop_oneof![
                -1e12_f64..1e12,
                proptest::strategy::Strategy::prop_map(-10_000_000_i32..=10_000_000, f64::from),
            ]
        ) {
            let (n, d) = decimal_parts(x).unwrap();
            proptest::prop_assert_eq!(Exact::new(n, d), decimal(x).unwrap());
            proptest::prop_assert!(d > 0 && 1_000_000_000 % d == 0);
        }

        /// A product is the product, or `None` exactly when it does not
        /// fit 64 bits.
        #[test]
        fn products_are_checked_products(
            a in proptest::prelude::any::<u64>(),
            b in 0_u64..=1_000_000_000_000,
            c in proptest::prelude::any::<u32>(),
        ) {
            let wide = u128::from(a)
                .checked_mul(u128::from(b))
                .and_then(|ab| ab.checked_mul(u128::from(c)));
            let reference = wide.and_then(|w| u64::try_from(w).ok());
            proptest::prop_assert_eq!(product([a, b, u64::from(c)]), reference);
            proptest::prop_assert_eq!(product([b, b]), b.checked_mul(b));
        }

        /// The quotient of two parts is `to_f64` of their fraction.
        #[test]
        fn quotients_are_the_fraction_as_f64(
            n in proptest::prelude::any::<i128>(),
            d in 1_i128..=i128::MAX,
        ) {
            let small_n = n % (1 << 60);
            let small_d = (d % (1 << 60)).max(1);
            for (n, d) in [(n, d), (small_n, small_d), (small_n % 1_000, small_d % 1_000 + 1)] {
                if n == i128::MIN {
                    continue;
                }
                proptest::prop_assert_eq!(
                    quotient_f64(n, d).to_bits(),
                    to_f64(frac(n, d)).to_bits()
                );
            }
        }
    }

    /// Counts of a step exist only for a positive step and an amount that
    /// is not negative, as for exact numbers: no division by zero, and no
    /// count of a negative amount.
    #[test]
    fn scaled_counts_need_a_positive_step() {
        assert_eq!(Scaled(5).counts(Scaled(0)), None);
        assert_eq!(Scaled(5).counts(Scaled(-2)), None);
        assert_eq!(Scaled(-5).counts(Scaled(2)), None);
        assert_eq!(Scaled(-5).counts(Scaled(-2)), None);
        assert_eq!(Scaled(0).counts(Scaled(2)), Some((0, 0)));
        assert_eq!(Scaled(5).counts(Scaled(2)), Some((2, 3)));
        assert_eq!(Scaled(6).counts(Scaled(2)), Some((3, 3)));
        assert_eq!(neighbours(int(0), int(2)), Some((0, 0)));
        assert_eq!(neighbours(int(5), int(0)), None);
    }

    #[test]
    fn decimal_parts_keep_small_denominators() {
        assert_eq!(decimal_parts(360.0), Some((360, 1)));
        assert_eq!(decimal_parts(1.5), Some((1_500, 1_000)));
        assert_eq!(decimal_parts(0.000_001), Some((1, 1_000_000)));
        assert_eq!(
            decimal_parts(0.123_456_789),
            Some((123_456_789, 1_000_000_000))
        );
        assert_eq!(decimal_parts(0.0), Some((0, 1)));
        assert_eq!(decimal_parts(-3.0), Some((-3, 1)));
        // Just past 2^53 a part is not exact in an `f64`: the fraction
        // decides (2^53 + 1 is 3 × 3,002,399,751,580,331; divided first by
        // 2^53 as an `f64`, it would read 3,002,399,751,580,330.5).
        assert_eq!(quotient_f64((1 << 53) + 1, 3), 3_002_399_751_580_331.0);
        assert_eq!(quotient_f64(-(1 << 53) - 1, 3), -3_002_399_751_580_331.0);
        assert_eq!(quotient_f64(1 << 53, 1 << 53), 1.0);
        // Either side of the whole-number shortcut: the same reading.
        assert_eq!(decimal_parts(9e6), Some((9_000_000, 1)));
        assert_eq!(decimal_parts(9e6 + 1.0), Some((9_000_001, 1)));
        // Beyond the shortcut a whole number's nine-place reading need not
        // be exact in an `f64` (10^12 + 1 is not): the reading decides.
        for x in [4.7e9, 1e12 + 1.0, 123_456_789_012.0, -1e12 - 1.0] {
            let (n, d) = decimal_parts(x).unwrap();
            assert_eq!(Exact::new(n, d), decimal(x).unwrap(), "{x}");
        }
        assert_eq!(decimal_parts(f64::NAN), None);
        assert_eq!(lowest(frac(30_000, 1_000)), int(30));
        assert_eq!(parts(lowest(frac(30_000, 1_000))), (30, 1));
        assert_eq!(product::<0>([]), Some(1));
        assert_eq!(product([u64::MAX, 1]), Some(u64::MAX));
        assert_eq!(product([u64::MAX, 2]), None);
        assert_eq!(product([3, 0, u64::MAX]), Some(0));
    }

    #[test]
    fn decimals_are_read_as_written() {
        assert_eq!(d(0.1) + d(0.2), d(0.3));
        assert_eq!(d(17.636_981), frac(17_636_981, 1_000_000));
        assert_eq!(to_f64(d(0.1) + d(0.2)), 0.3);
        assert_eq!(to_f64(frac(18, 5)), 3.6);
        assert!(decimal(f64::NAN).is_none());
        assert!(decimal(f64::INFINITY).is_none());
        assert!(decimal(1e19).is_none());
        // The bound itself is read; the next double above it is not.
        assert!(decimal(1e18).is_some());
        assert!(decimal(1e18_f64.next_up()).is_none());
        assert!(decimal(-1e18).is_some());
    }

    #[test]
    fn ties_go_to_the_smaller_amount() {
        // 3 mg between 2.4 and 3.6 mg.
        let b = Bounds {
            calculated: int(3),
            tolerance: frac(1, 4),
            range: None,
            allow_up: false,
        };
        let got = choose(&[d(2.4), d(3.6)], &b).unwrap();
        assert_eq!(got, (d(2.4), Verdict::WithinTolerance));
        assert_eq!(to_multiple(int(3), d(1.2)), Some(d(2.4)));
        assert_eq!(to_multiple(d(3.0001), d(1.2)), Some(d(3.6)));
    }

    #[test]
    fn tolerance_edge_is_inclusive_and_exact() {
        // 10 % of 50 is exactly 5: 55 is accepted, 55.000000001 is not.
        let b = Bounds {
            calculated: int(50),
            tolerance: frac(1, 10),
            range: None,
            allow_up: false,
        };
        assert_eq!(
            choose(&[int(55)], &b),
            Some((int(55), Verdict::WithinTolerance))
        );
        assert_eq!(choose(&[d(55.000_000_001)], &b), None);
        assert_eq!(
            choose(&[int(45)], &b),
            Some((int(45), Verdict::WithinTolerance))
        );
        assert_eq!(choose(&[d(44.999_999_999)], &b), None);
    }

    #[test]
    fn in_range_candidate_within_tolerance_is_preferred() {
        // 76 kg at 3 mg/kg/day, 4 doses: 57 mg a dose, range 19 to 57 mg.
        let b = Bounds {
            calculated: int(57),
            tolerance: frac(1, 10),
            range: Some((int(19), int(57))),
            allow_up: false,
        };
        assert_eq!(
            choose(&[int(60)], &b),
            Some((int(60), Verdict::WithinToleranceOutsideRange))
        );
        assert_eq!(
            choose(&[int(30), int(60)], &b),
            Some((int(60), Verdict::WithinToleranceOutsideRange))
        );
        let tighter = Bounds {
            range: Some((int(19), d(58.5))),
            ..b
        };
        assert_eq!(
            choose(&[int(60)], &tighter),
            Some((int(60), Verdict::WithinToleranceOutsideRange))
        );
    }

    #[test]
    fn beyond_tolerance_only_down_unless_opted_in() {
        // 40 kg at 1 mg/kg/day, 3 doses: 13.33 mg a dose; range 13.33 to 40.
        let calc = frac(40, 3);
        let b = Bounds {
            calculated: calc,
            tolerance: frac(1, 10),
            range: Some((calc, int(40))),
            allow_up: false,
        };
        assert_eq!(choose(&[int(30)], &b), None);
        let up = Bounds {
            allow_up: true,
            ..b
        };
        assert_eq!(
            choose(&[int(30)], &up),
            Some((int(30), Verdict::UpInsideRange))
        );
        // Even with the opt-in, never up to an amount outside the range.
        let narrow = Bounds {
            range: Some((calc, int(20))),
            ..up
        };
        assert_eq!(choose(&[int(30)], &narrow), None);
        // 70 kg at 3 mg/kg/day, 3 doses: 70 mg; 60 mg is down and inside.
        let b = Bounds {
            calculated: int(70),
            tolerance: frac(1, 10),
            range: Some((frac(70, 3), int(70))),
            allow_up: false,
        };
        assert_eq!(
            choose(&[int(60), int(90)], &b),
            Some((int(60), Verdict::DownInsideRange))
        );
    }

    #[test]
    fn neighbours_are_exact() {
        assert_eq!(neighbours(int(3), d(1.2)), Some((2, 3)));
        assert_eq!(neighbours(d(3.6), d(1.2)), Some((3, 3)));
        assert_eq!(neighbours(int(3), int(0)), None);
        // Zero is zero steps either way; a negative amount has none.
        assert_eq!(neighbours(int(0), d(1.2)), Some((0, 0)));
        assert_eq!(neighbours(int(-1), d(1.2)), None);
        assert_eq!(floor_to(d(270.5), int(1)), Some(int(270)));
        assert_eq!(deviation(d(14.4), frac(40, 3)), Some(frac(8, 100)));
    }
}
