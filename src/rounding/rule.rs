//! The one rule applied to a product: the measurable counts next to a
//! calculated amount, the choice among them, and the "not measurable"
//! error.

use crate::error::Error;
use crate::exact::{self, Amount, Exact, Scaled, Verdict};
use crate::measurable::Candidate;
use crate::product::Product;

use super::{Acceptance, Tolerance};

/// What a regimen asks the rounding rule for: the calculated amount per
/// administration (mg, exact), the tolerance, the documented range of one
/// administration and the cap.
///
/// The amounts are [`Exact`] fractions, or [`Scaled`] numerators over one
/// denominator (see [`choose_scaled`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Target<A = Exact> {
    pub(crate) calculated: A,
    pub(crate) tolerance: Tolerance,
    pub(crate) documented: Option<(A, A)>,
    pub(crate) cap: Option<A>,
    /// Whether a dose rounded up beyond the tolerance (and inside the
    /// documented range) may be accepted: the caller's opt-in.
    pub(crate) allow_up: bool,
    /// What is rounded, for a "not measurable" error ("dose", "start
    /// daily dose").
    pub(crate) what: &'static str,
    /// The unit of the calculated amount in that error ("mg", "mg/day").
    pub(crate) unit: &'static str,
}

/// The rule's choice on a product: the count of steps (one the product
/// can give), its exact amount and why it was accepted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Measured {
    pub(crate) steps: u64,
    pub(crate) amount: Exact,
    pub(crate) accepted: Acceptance,
}

/// The candidates the rule weighs, in order: the count of steps at or
/// below the calculated amount and the count above it, each with its
/// amount, where there is one.
type Listed<A> = [Option<(u64, A)>; 2];

/// The measurable step counts next to the calculated amount: at most one
/// at or below it and one above it, each the nearest that the product can
/// give and that respects the cap (never zero). `step` is the product's
/// step in the target's kind of number.
fn neighbours<A: Amount>(product: &Product, target: &Target<A>, step: A) -> Listed<A> {
    let Some((floor, ceil)) = target.calculated.counts(step) else {
        return [None, None];
    };
    let allowed = |steps: u64| -> Option<(u64, A)> {
        if !product.can_give(steps) {
            return None;
        }
        let amount = step.times(steps)?;
        match target.cap {
            Some(cap) if amount.order(cap).is_gt() => None,
            _ => Some((steps, amount)),
        }
    };
    // The counts next to the calculated amount first (the answer for a
    // product that gives every count under the cap), then up to 63 more
    // away from it.
    let mut below = if floor >= 1 { allowed(floor) } else { None };
    if below.is_none() && floor > 1 {
        below = (1..floor).rev().take(63).find_map(allowed);
    }
    let first_above = ceil.max(floor.saturating_add(1)).max(1);
    let mut above = allowed(first_above);
    if above.is_none() {
        let next = first_above.saturating_add(1);
        above = (next..next.saturating_add(63)).find_map(allowed);
    }
    [below, above]
}

/// The one rule applied to a product: the step count chosen, its amount
/// and why it was accepted, or `None` (not measurable), with the
/// candidates that were weighed.
pub(super) fn decide<A: Amount>(
    product: &Product,
    target: &Target<A>,
    step: A,
) -> (Option<(u64, A, Verdict)>, Listed<A>) {
    let listed = neighbours(product, target, step);
    let bounds = exact::Bounds {
        calculated: target.calculated,
        tolerance: target.tolerance.fraction(),
        range: target.documented,
        allow_up: target.allow_up,
    };
    let chosen = exact::choose(listed.map(|c| c.map(|(_, amount)| amount)), &bounds).and_then(
        |(index, verdict)| {
            let (steps, amount) = (*listed.get(index)?)?;
            Some((steps, amount, verdict))
        },
    );
    (chosen, listed)
}

/// The amounts of the candidates the rule weighed, in order.
fn amounts<A: Amount>(listed: &Listed<A>) -> impl Iterator<Item = A> + '_ {
    listed.iter().flatten().map(|&(_, amount)| amount)
}

/// Rounds `target` to what `product` measures, by the crate's one rule
/// (`exact::choose`): exact comparisons, ties to the smaller amount. The
/// count chosen is one the product can give; a dose that is not
/// measurable is an error naming the candidates weighed.
#[inline]
pub(crate) fn round(product: &Product, target: &Target) -> Result<Measured, Error> {
    choose_steps(product, target).ok_or_else(|| {
        let (_, listed) = decide(product, target, product.step_exact());
        let candidates: Vec<Exact> = amounts(&listed).collect();
        not_measurable(product, target.calculated, target, &candidates)
    })
}

/// The choice of [`round`], or `None` when the dose is not measurable
/// ([`round`] says why).
///
/// The rule decides on whole numbers over one denominator
/// ([`over_one_denominator`]) when every amount fits 64 bits there, as
/// every target of the crate's regimens does, and on exact fractions
/// otherwise: the same choice either way (properties check that the two
/// kinds of number decide alike).
#[inline]
fn choose_steps(product: &Product, target: &Target) -> Option<Measured> {
    let step = product.step_exact();
    let chosen = match over_one_denominator(target, step) {
        Some((scaled, scaled_step, den)) => decide(product, &scaled, scaled_step)
            .0
            .map(|(steps, amount, verdict)| (steps, amount.over(den), verdict)),
        None => decide(product, target, step).0,
    };
    // The rule weighs only counts the product can give (`neighbours`), as
    // for `choose_scaled`.
    chosen.map(|(steps, amount, verdict)| Measured {
        steps,
        amount,
        accepted: accepted(verdict),
    })
}

/// `target` and `step` over one shared denominator (the least common
/// multiple of theirs), every amount a whole 64-bit numerator, with the
/// denominator; `None` when an amount is negative or would not fit.
#[inline]
pub(super) fn over_one_denominator(
    target: &Target,
    step: Exact,
) -> Option<(Target<Scaled>, Scaled, i128)> {
    let parts = |x: Exact| exact::unsigned_parts(exact::parts(x));
    // Denominators are positive. One that divides the other (a whole
    // step or cap: 1) needs no gcd.
    let lcm = |a: u64, b: u64| {
        if a.is_multiple_of(b) {
            Some(a)
        } else {
            (a / num_integer::gcd(a, b)).checked_mul(b)
        }
    };
    let calculated = parts(target.calculated)?;
    let step = parts(step)?;
    let cap = match target.cap {
        Some(cap) => Some(parts(cap)?),
        None => None,
    };
    let documented = match target.documented {
        Some((lo, hi)) => Some((parts(lo)?, parts(hi)?)),
        None => None,
    };
    let mut den = lcm(calculated.1, step.1)?;
    for (_, d) in cap
        .into_iter()
        .chain(documented.into_iter().flat_map(|(lo, hi)| [lo, hi]))
    {
        den = lcm(den, d)?;
    }
    let over = |(n, d): (u64, u64)| n.checked_mul(den.checked_div(d)?).map(Scaled);
    let scaled = Target {
        calculated: over(calculated)?,
        tolerance: target.tolerance,
        documented: match documented {
            Some((lo, hi)) => Some((over(lo)?, over(hi)?)),
            None => None,
        },
        cap: match cap {
            Some(cap) => Some(over(cap)?),
            None => None,
        },
        allow_up: target.allow_up,
        what: target.what,
        unit: target.unit,
    };
    Some((scaled, over(step)?, i128::from(den)))
}

/// Why a verdict of the rule accepts its amount.
const fn accepted(verdict: Verdict) -> Acceptance {
    match verdict {
        Verdict::WithinTolerance | Verdict::WithinToleranceOutsideRange => {
            Acceptance::WithinTolerance
        }
        Verdict::DownInsideRange => Acceptance::WithinDocumentedRange,
        Verdict::UpInsideRange => Acceptance::RoundedUpOnRequest,
    }
}

/// The decision of [`choose_scaled`], without the rounding record (a
/// plan writes the record up when it is read, with [`record`](super::record::record)) or what to
/// give (read from the product for the count, [`Product::give_kept`]).
pub(crate) struct Chosen {
    /// The count of steps chosen: one the product can give
    /// ([`Product::can_give`]; the rule passes over any other).
    pub(crate) steps: u64,
    /// Its amount, over the target's denominator.
    pub(crate) amount: Scaled,
    /// Why it was accepted.
    pub(crate) accepted: Acceptance,
}

/// The one rule applied to amounts over one denominator: the count of
/// steps chosen (a count the product can give), its amount and why it was
/// accepted; `None` when the dose is not measurable
/// ([`not_measurable_scaled`] says why). The record is [`record`](super::record::record) of the
/// choice.
pub(crate) fn choose_scaled(
    product: &Product,
    target: &Target<Scaled>,
    step: Scaled,
) -> Option<Chosen> {
    let (steps, amount, verdict) = decide(product, target, step).0?;
    Some(Chosen {
        steps,
        amount,
        accepted: accepted(verdict),
    })
}

/// The "not measurable" error of a target [`choose_scaled`] found no
/// measurable amount for, with the candidates it weighed: the amounts are
/// over `den`.
#[cold]
pub(crate) fn not_measurable_scaled(
    product: &Product,
    target: &Target<Scaled>,
    step: Scaled,
    den: i128,
) -> Error {
    let (_, listed) = decide(product, target, step);
    let candidates: Vec<Exact> = amounts(&listed).map(|x| x.over(den)).collect();
    not_measurable(product, target.calculated.over(den), target, &candidates)
}

#[cold]
fn not_measurable<A>(
    product: &Product,
    calculated: Exact,
    target: &Target<A>,
    candidates: &[Exact],
) -> Error {
    Error::NotMeasurable {
        what: target.what,
        calculated: exact::to_f64(calculated),
        unit: target.unit,
        product: product.name().to_owned(),
        tolerance_percent: target.tolerance.percent(),
        candidates: candidates
            .iter()
            .map(|&amount| candidate(amount, calculated))
            .collect(),
        suggestion: None,
    }
}

/// A measurable amount and its deviation from `calculated`, as error data.
pub(crate) fn candidate(amount: Exact, calculated: Exact) -> Candidate {
    let deviation = exact::deviation_percent(amount, calculated).unwrap_or_default();
    Candidate::new(exact::to_f64(amount), exact::to_f64(deviation))
}
