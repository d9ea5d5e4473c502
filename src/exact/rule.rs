//! The one rounding rule: which of the measurable candidates a calculated
//! amount is rounded to, and why it is accepted.

use std::cmp::Ordering;

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

/// Chooses among measurable candidate amounts by the one rule: the index
/// of the candidate chosen, and why it is accepted.
///
/// `candidates` are the measurable amounts next to the calculated one, each
/// where there is one (at most one below or at it and one above it are
/// enough for a product's counts; more are allowed). The choice, in order:
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
#[inline]
pub(crate) fn choose<A: Amount, const N: usize>(
    candidates: [Option<A>; N],
    bounds: &Bounds<A>,
) -> Option<(usize, Verdict)> {
    let calc = bounds.calculated;
    // One pass: each candidate is tested against the tolerance and the
    // range once, and kept as the best so far of the first verdict it can
    // have. A candidate within the tolerance can have no later verdict,
    // and the later verdicts are weighed only when none is within it, so
    // one pass decides as the four searches in order would.
    let mut within_inside: Option<(usize, A)> = None;
    let mut within_outside: Option<(usize, A)> = None;
    let mut down: Option<(usize, A)> = None;
    let mut up: Option<(usize, A)> = None;
    let nearest = |best: Option<(usize, A)>, i: usize, x: A| match best {
        Some((_, b)) if b.nearer(x, calc).is_le() => best,
        _ => Some((i, x)),
    };
    for (i, x) in candidates.into_iter().enumerate() {
        let Some(x) = x else { continue };
        let in_range = bounds
            .range
            .is_none_or(|(lo, hi)| lo.order(x).is_le() && x.order(hi).is_le());
        if x.within_tolerance(calc, bounds.tolerance) {
            if in_range {
                within_inside = nearest(within_inside, i, x);
            } else {
                within_outside = nearest(within_outside, i, x);
            }
        } else if bounds.range.is_some() && in_range {
            match x.order(calc) {
                Ordering::Less if down.is_none_or(|(_, d)| d.order(x).is_lt()) => {
                    down = Some((i, x));
                }
                Ordering::Greater if up.is_none_or(|(_, u)| x.order(u).is_lt()) => {
                    up = Some((i, x));
                }
                _ => {}
            }
        }
    }
    let index = |best: Option<(usize, A)>, verdict| best.map(|(i, _)| (i, verdict));
    index(within_inside, Verdict::WithinTolerance)
        .or_else(|| index(within_outside, Verdict::WithinToleranceOutsideRange))
        .or_else(|| index(down, Verdict::DownInsideRange))
        .or_else(|| index(up.filter(|_| bounds.allow_up), Verdict::UpInsideRange))
}
