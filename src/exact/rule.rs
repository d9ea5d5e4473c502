//! The one rounding rule: which of the measurable candidates a calculated
//! amount is rounded to, and why it is accepted.

use super::{Amount, Exact};

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
