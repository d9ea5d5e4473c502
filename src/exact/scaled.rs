//! What the rounding rule needs of a number ([`Amount`]), and the second
//! kind of number that has it: numerators over one shared denominator
//! ([`Scaled`]).

use std::cmp::Ordering;

use super::fraction::{
    Exact, compare, deviation_percent, frac, int, nearer, neighbours, parts, reduced, times,
    times_checked, within_tolerance,
};

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
