//! What the rounding rule needs of a number ([`Amount`]), and the second
//! kind of number that has it: numerators over one shared denominator
//! ([`Scaled`]).

use std::cmp::Ordering;

use super::fraction::{
    Exact, compare, deviation_percent, frac, int, nearer, neighbours, parts, reduced, times,
    within_tolerance,
};

/// What the one rounding rule needs of a number: an order, which of two
/// amounts is nearer a third, the tolerance test, and the whole counts of
/// a step. Two kinds of number have it, so the rule ([`choose`](super::choose)) is written
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
/// cross-multiplication. The numerator is a whole number below 2^64 (an
/// amount is never negative), so every product the rule takes (a gap
/// times a tolerance's part) fits 128 bits; a count of steps whose amount
/// would not fit 64 bits is not a candidate. Every operation is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Scaled(pub(crate) u64);

impl Scaled {
    /// This amount as an exact number, given the shared denominator
    /// (positive).
    pub(crate) fn over(self, den: i128) -> Exact {
        frac(i128::from(self.0), den)
    }
}

impl Amount for Scaled {
    fn order(self, other: Self) -> Ordering {
        self.0.cmp(&other.0)
    }
    fn nearer(self, other: Self, calculated: Self) -> Ordering {
        let gap = |x: Self| x.0.abs_diff(calculated.0);
        gap(self).cmp(&gap(other)).then_with(|| self.order(other))
    }
    fn within_tolerance(self, calculated: Self, tolerance: Exact) -> bool {
        let (t_num, t_den) = parts(tolerance);
        // |x − c|·v ≤ u·c: with the tolerance's parts in 64 bits (every
        // tolerance of the crate: a percent to a few decimals), both sides
        // are products of two 64-bit numbers, exact in 128 bits.
        if let (Ok(v), Ok(u)) = (u64::try_from(t_den), u64::try_from(t_num)) {
            let gap = self.0.abs_diff(calculated.0);
            return u128::from(gap) * u128::from(v) <= u128::from(u) * u128::from(calculated.0);
        }
        within_tolerance(
            int(i128::from(self.0)),
            int(i128::from(calculated.0)),
            tolerance,
        )
    }
    fn times(self, k: u64) -> Option<Self> {
        self.0.checked_mul(k).map(Self)
    }
    fn counts(self, step: Self) -> Option<(u64, u64)> {
        if step.0 == 0 {
            return None;
        }
        let floor = self.0 / step.0;
        let ceil = floor.checked_add(u64::from(!self.0.is_multiple_of(step.0)))?;
        Some((floor, ceil))
    }
    fn deviation_percent(self, calculated: Self) -> Option<Exact> {
        if calculated.0 == 0 {
            return None;
        }
        // Below 2^64 × 100 in magnitude: exact in `i128`.
        let gap = (i128::from(self.0) - i128::from(calculated.0)) * 100;
        Some(reduced(gap, i128::from(calculated.0)))
    }
}
