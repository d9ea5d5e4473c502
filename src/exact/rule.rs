//! The one rounding rule: which of the measurable candidates a calculated
//! amount is rounded to, and why it is accepted.

use std::cmp::Ordering;

use super::{Amount, Exact};

/// How a measurable amount relates to the calculated one and the bounds,
/// declared in the rule's order of preference: the rule compares verdicts
/// in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
    // The four steps above are one order: a candidate's verdict first (in
    // the order the verdicts are declared), then its distance from the
    // calculated amount, then its size. Within the verdicts beyond the
    // tolerance every candidate is on one side of the calculated amount,
    // so the nearest is the largest below it or the smallest above it.
    let verdict = |x: A| {
        let in_range = bounds
            .range
            .is_none_or(|(lo, hi)| lo.order(x).is_le() && x.order(hi).is_le());
        if x.within_tolerance(calc, bounds.tolerance) {
            Some(if in_range {
                Verdict::WithinTolerance
            } else {
                Verdict::WithinToleranceOutsideRange
            })
        } else if bounds.range.is_none() || !in_range {
            None
        } else {
            match x.order(calc) {
                Ordering::Less => Some(Verdict::DownInsideRange),
                Ordering::Greater if bounds.allow_up => Some(Verdict::UpInsideRange),
                _ => None,
            }
        }
    };
    let mut best: Option<(usize, A, Verdict)> = None;
    for (i, x) in candidates.into_iter().enumerate() {
        let Some((x, v)) = x.and_then(|x| Some((x, verdict(x)?))) else {
            continue;
        };
        let better = best.is_none_or(|(_, b, bv)| v.cmp(&bv).then(x.nearer(b, calc)).is_lt());
        if better {
            best = Some((i, x, v));
        }
    }
    best.map(|(i, _, v)| (i, v))
}
