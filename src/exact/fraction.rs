//! Exact fractions: reading an input as the decimal it was written as, and
//! the checked arithmetic and comparisons every decision rests on.

use std::cmp::Ordering;

use num_integer::Integer;
use num_rational::Ratio;
use num_traits::{CheckedAdd, CheckedDiv, CheckedMul, CheckedSub, Signed, ToPrimitive, Zero};

/// An exact fraction. Amounts are in the unit their type names (mg, mL, g,
/// kg, years).
pub(crate) type Exact = Ratio<i128>;

/// 10^9: a number is read to nine decimal places of the unit it is written
/// in.
pub(super) const SCALE: i128 = 1_000_000_000;

/// 2^53: every integer up to it in magnitude is exact in an `f64`.
pub(super) const EXACT_IN_F64: i128 = 1 << 53;

/// The largest whole number [`decimal_parts`] takes as it is: 9 × 10^6, so
/// that its nine-place reading (at most 9 × 10^15, below 2^53) is exact.
pub(super) const WHOLE_READ_AS_ITSELF: f64 = 9e6;

/// Reads a finite `f64` as the decimal it was written as, to nine
/// decimal places. `None` for NaN, infinities, and magnitudes above 10^18.
///
/// The fraction keeps the parts [`decimal_parts`] gives (1.5 is
/// 1,500/1,000, 360 is 360/1), so that products of readings stay small and
/// need no gcd.
pub(crate) fn decimal(x: f64) -> Option<Exact> {
    decimal_parts(x).map(|(n, d)| Exact::new_raw(n, d))
}

/// `x` read as [`decimal`] reads it, as a numerator and a positive
/// denominator with the trailing zeros of the nine-place reading removed
/// in groups of three: 360 is 360/1, 1.5 is 1,500/1,000, 0.123456789 is
/// 123,456,789/10^9. Small denominators keep the products of a decision
/// over one shared denominator ([`Scaled`](super::Scaled)) small, with no gcd. A reading
/// whose parts would pass 2^53 is put in lowest terms. `None` as for
/// [`decimal`].
#[inline]
pub(crate) fn decimal_parts(x: f64) -> Option<(i128, i128)> {
    // A whole number below 2^53 / 10^9 reads as itself (its nine-place
    // reading is exact in an `f64`): the common case, with no reading.
    // (`as` saturates, and NaN casts to 0: a number that comes back from
    // the cast unchanged is whole, and one within the bound is exact in
    // an `i64`. No call to `trunc`.)
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_precision_loss,
        reason = "the cast is compared with `x`: only a whole number in range passes"
    )]
    let whole = x as i64;
    #[allow(
        clippy::cast_precision_loss,
        clippy::float_cmp,
        reason = "an exact comparison is the test: the cast came back unchanged"
    )]
    let came_back = whole as f64 == x;
    if came_back && x.abs() <= WHOLE_READ_AS_ITSELF {
        return Some((i128::from(whole), 1));
    }
    nine_places(x)
}

/// [`decimal_parts`] of a number that is not a small whole one: its
/// nine-place reading, trimmed.
#[inline(never)]
fn nine_places(x: f64) -> Option<(i128, i128)> {
    if !x.is_finite() || x.abs() > 1e18 {
        return None;
    }
    let n = nearest_integer(x * 1e9);
    // In 64 bits, where a division by a constant is a multiplication.
    let (Ok(mut n), Ok(mut d)) = (i64::try_from(n), i64::try_from(SCALE)) else {
        return Some(parts(reduced(n, SCALE)));
    };
    while d % 1_000 == 0 && n % 1_000 == 0 {
        n /= 1_000;
        d /= 1_000;
    }
    if u128::from(n.unsigned_abs()) > EXACT_IN_F64.unsigned_abs() {
        return Some(parts(reduced(i128::from(n), i128::from(d))));
    }
    Some((i128::from(n), i128::from(d)))
}

/// The integer nearest to a finite `y` (|y| ≤ 10^27), halfway cases away
/// from zero: what `f64::round` gives, with no call to it (on the baseline
/// x86-64 target that is a library call, and every reading makes one).
///
/// Below 2^52 in magnitude, `y` minus its truncation is its fractional
/// part exactly, and it decides; from 2^52 up every `f64` is whole.
pub(super) fn nearest_integer(y: f64) -> i128 {
    /// 2^52: from here on an `f64` has no fractional part.
    const WHOLE_FROM: f64 = 4_503_599_627_370_496.0;
    if y.abs() < WHOLE_FROM {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "|y| < 2^52: the truncation fits an i64 exactly"
        )]
        let truncated = y as i64;
        #[allow(clippy::cast_precision_loss, reason = "|truncated| < 2^52: exact")]
        let fraction = y - truncated as f64;
        let n = if fraction >= 0.5 {
            truncated + 1
        } else if fraction <= -0.5 {
            truncated - 1
        } else {
            truncated
        };
        i128::from(n)
    } else {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a whole number of magnitude at most 1e27, far inside i128"
        )]
        let n = y as i128;
        n
    }
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
pub(super) fn reduced(n: i128, d: i128) -> Exact {
    if d > 0 && n.unsigned_abs() <= EXACT_IN_F64.unsigned_abs() && d <= EXACT_IN_F64 {
        return Exact::new_raw(n, d);
    }
    lowest_terms(n, d)
}

/// `n / d` in lowest terms, with a positive denominator: the gcd of
/// [`reduced`], out of line.
#[inline(never)]
fn lowest_terms(n: i128, d: i128) -> Exact {
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
pub(super) fn f64_of_i64(v: i64) -> f64 {
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

/// `a + b`, or `None` on overflow.
pub(crate) fn add(a: Exact, b: Exact) -> Option<Exact> {
    a.checked_add(&b)
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

/// A fraction's parts (as [`parts`] or [`decimal_parts`] give them) in
/// 64 bits, where a decision over one denominator works them out; `None`
/// for a negative part or one beyond 64 bits.
pub(crate) fn unsigned_parts((top, bottom): (i128, i128)) -> Option<(u64, u64)> {
    Some((u64::try_from(top).ok()?, u64::try_from(bottom).ok()?))
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
pub(super) fn distance_order(a: Exact, b: Exact, c: Exact) -> Ordering {
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
pub(super) fn magnitude_order(x: Exact, y: Exact) -> Ordering {
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
