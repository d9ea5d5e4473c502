//! Rounding to what a product can measure: once, at the end, by a declared
//! rule; and dividing a daily total into whole measurable administrations.
//!
//! The rule (clinical reference section 5): take the nearest measurable
//! amount that is within the tolerance of the calculated dose (default 10 %,
//! the widely used hospital rule). Where the regimen is documented as a range,
//! a measurable amount further than the tolerance is still acceptable when the
//! dose it achieves stays inside the documented range. Nothing else is
//! acceptable: the dose is then "not measurable" with that product.

use std::borrow::Cow;
use std::fmt;

use crate::alert::{Alert, AlertKind, Arg, Message};
use crate::citation::sources;
use crate::dose::Dose;
use crate::error::Error;
use crate::exact::{self, Amount, Exact, Scaled, Verdict};
use crate::format::{number, signed_percent};
use crate::limit::{Bound, CheckedLimit, Limit, Scope};
use crate::measurable::Candidate;
use crate::product::{Give, Product};

/// How far rounding may move a dose, as a percentage of the calculated dose:
/// finite, within 0 to 50 %.
///
/// The default is 10 %, the hospital rule in the clinical reference (section
/// 5). A plan records the tolerance it used.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Tolerance;
///
/// assert_eq!(Tolerance::default().percent(), 10.0);
/// assert_eq!(Tolerance::from_percent(25.0)?.to_string(), "25 %");
/// assert!(Tolerance::from_percent(75.0).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] or [`Error::OutOfRange`] outside 0 to 50 %.
///
/// # References
///
/// Clinical reference section 5 (rounding never more than 10 % of the
/// calculated dose). The 50 % ceiling is this crate's bound (`DESIGN.md`).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Tolerance {
    percent: f64,
    /// The percentage as an exact fraction of one, read once: its
    /// numerator and denominator in lowest terms (10 % is 1/10; a
    /// percentage of at most 50 read to nine decimals has both below
    /// 10^11).
    fraction: (u64, u64),
}

impl Tolerance {
    /// The default tolerance, 10 %.
    pub const DEFAULT_PERCENT: f64 = 10.0;
    /// The default tolerance as a value.
    pub const DEFAULT: Self = Self {
        percent: Self::DEFAULT_PERCENT,
        // 10 % (a test checks it is `fraction_of(DEFAULT_PERCENT)`).
        fraction: (1, 10),
    };
    /// The widest tolerance accepted, 50 %.
    pub const MAX_PERCENT: f64 = 50.0;

    /// A tolerance in percent of the calculated dose.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Tolerance;
    ///
    /// assert_eq!(Tolerance::from_percent(15.0)?.to_string(), "15 %");
    /// assert_eq!(
    ///     Tolerance::from_percent(60.0).unwrap_err().to_string(),
    ///     "tolerance 60 % is not in the allowed range 0 to 50 %",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_percent(percent: f64) -> Result<Self, Error> {
        crate::error::check_range("tolerance", percent, 0.0, Self::MAX_PERCENT, "%").map(
            |percent| Self {
                percent,
                fraction: Self::fraction_of(percent),
            },
        )
    }

    /// The tolerance in percent.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Tolerance;
    ///
    /// assert_eq!(Tolerance::default().percent(), 10.0);
    /// assert_eq!(Tolerance::from_percent(2.5)?.percent(), 2.5);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn percent(self) -> f64 {
        self.percent
    }

    /// Whether this is wider than the default 10 %.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Tolerance;
    ///
    /// assert!(!Tolerance::default().is_wider_than_default());
    /// assert!(!Tolerance::from_percent(5.0)?.is_wider_than_default());
    /// assert!(Tolerance::from_percent(15.0)?.is_wider_than_default());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn is_wider_than_default(self) -> bool {
        self.percent > Self::DEFAULT_PERCENT
    }

    /// The usual 10 % as a limit.
    const USUAL: Limit = Limit::new(
        "rounding.tolerance.usual",
        "usual rounding tolerance",
        Bound::AtMost,
        Self::DEFAULT_PERCENT,
        "%",
        Scope::PerAdministration,
        sources::ROUNDING_RULE,
    );

    /// This tolerance checked against the usual 10 %: crossed (with the
    /// widened-tolerance alert) when wider.
    pub(crate) fn usual_check(self) -> CheckedLimit {
        CheckedLimit::new(Self::USUAL, self.percent)
    }

    /// The alert every plan made with a tolerance wider than 10 % carries.
    pub(crate) fn widened_alert(self) -> Alert {
        Alert::new(
            AlertKind::WidenedTolerance,
            Message::new(
                "doses were rounded with a tolerance of {}, wider than the usual {}",
                [
                    Arg::quantity("tolerance", self.percent, 2, "%"),
                    Arg::quantity("usual tolerance", Self::DEFAULT_PERCENT, 0, "%"),
                ],
            ),
            Some(Self::USUAL),
            sources::ROUNDING_RULE,
        )
    }

    /// The tolerance as an exact fraction (10 % is 1/10).
    pub(crate) fn fraction(self) -> Exact {
        let (num, den) = self.fraction;
        Exact::new_raw(i128::from(num), i128::from(den))
    }

    /// `percent` (0 to 50) as an exact fraction of one, read as the
    /// decimal it was written as, in lowest terms (as the default is
    /// written, 1/10), so that equal tolerances hold the same parts.
    fn fraction_of(percent: f64) -> (u64, u64) {
        exact::decimal(percent)
            .and_then(|p| exact::div(p, exact::int(100)))
            .map(exact::lowest)
            .and_then(|f| {
                let (num, den) = exact::parts(f);
                Some((u64::try_from(num).ok()?, u64::try_from(den).ok()?))
            })
            .unwrap_or((0, 1))
    }
}

/// Written as its percentage: the fraction is read from it.
impl fmt::Debug for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tolerance")
            .field("percent", &self.percent)
            .finish_non_exhaustive()
    }
}

impl Default for Tolerance {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl crate::format::Written for Tolerance {
    fn written(&self) -> (f64, u8, &'static str) {
        (self.percent, 2, "%")
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", number(self.percent, 2))
    }
}

/// What the rounding rule may do with a dose that no measurable amount
/// reaches within the tolerance.
///
/// By default ([`BeyondTolerance::RoundDownOnly`]) such a dose is accepted
/// only when it is rounded **down** and the achieved dose stays inside the
/// regimen's documented range; rounding up beyond the tolerance is "not
/// measurable" and the error names the product that measures the dose.
/// [`BeyondTolerance::AllowRoundUp`] is the caller's explicit opt-in to
/// also accept rounding up inside the range; the plan records it
/// ([`Acceptance::RoundedUpOnRequest`]) and carries the rounding alert.
///
/// In JSON: `"beyond_tolerance": "round_down_only"` or `"allow_round_up"`.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::BeyondTolerance;
///
/// assert_eq!(BeyondTolerance::default(), BeyondTolerance::RoundDownOnly);
/// assert_eq!(BeyondTolerance::AllowRoundUp.to_string(), "allow rounding up");
/// ```
///
/// # References
///
/// Clinical reference section 5: rounding never more than 10 % of the
/// calculated dose; beyond it the dose is not measurable with that product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BeyondTolerance {
    /// Only rounding down inside the documented range (the default).
    #[default]
    RoundDownOnly,
    /// Rounding down or up inside the documented range.
    AllowRoundUp,
}

impl fmt::Display for BeyondTolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::RoundDownOnly => "round down only",
            Self::AllowRoundUp => "allow rounding up",
        })
    }
}

/// Why a rounded dose was accepted.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Acceptance;
///
/// assert_eq!(Acceptance::WithinTolerance.to_string(), "within tolerance");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Acceptance {
    /// The rounded dose is within the tolerance of the calculated one.
    WithinTolerance,
    /// Further than the tolerance, rounded down, and the achieved dose stays
    /// inside the regimen's documented range.
    WithinDocumentedRange,
    /// Further than the tolerance, rounded up, inside the documented range:
    /// accepted only because the caller asked for it.
    RoundedUpOnRequest,
}

impl fmt::Display for Acceptance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::WithinTolerance => "within tolerance",
            Self::WithinDocumentedRange => {
                "rounded down beyond the tolerance, inside the documented range"
            }
            Self::RoundedUpOnRequest => {
                "rounded up beyond the tolerance on request, inside the documented range"
            }
        })
    }
}

/// The record of one rounding: calculated, rounded, how far, and why it was
/// accepted.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Patient, diltiazem};
///
/// let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
/// let r = plan.rounding();
/// assert_eq!(r.calculated().mg(), 70.0);
/// assert_eq!(r.rounded().mg(), 60.0);
/// assert!((r.deviation_percent() + 14.285_714).abs() < 1e-3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Rounding {
    calculated: Dose,
    rounded: Dose,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::percent"))]
    deviation_percent: f64,
    tolerance: Tolerance,
    accepted: Acceptance,
}

impl Rounding {
    /// The calculated dose per administration, before rounding.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 70 kg at 3 mg/kg/day: 210 mg/day, 70 mg a dose, 60 mg tablets 3 times daily.
    /// assert_eq!(plan.rounding().calculated().to_string(), "70 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn calculated(&self) -> Dose {
        self.calculated
    }

    /// The measurable dose chosen.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 70 kg at 3 mg/kg/day: 210 mg/day, 70 mg a dose, 60 mg tablets 3 times daily.
    /// assert_eq!(plan.rounding().rounded().to_string(), "60 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rounded(&self) -> Dose {
        self.rounded
    }

    /// (rounded − calculated) / calculated, in percent.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // (60 − 70) / 70 = -14.29 %
    /// assert!((plan.rounding().deviation_percent() - (-100.0 / 7.0)).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn deviation_percent(&self) -> f64 {
        self.deviation_percent
    }

    /// The tolerance the plan was made with.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// let options = diltiazem::Options::default().tolerance(calcinosis_dosing::Tolerance::from_percent(15.0)?);
    /// let plan = diltiazem::plan(&patient, rate, &options)?;
    /// assert_eq!(plan.rounding().tolerance().percent(), 15.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// Why the rounded dose was accepted.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient, Acceptance};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // -14.3 % is beyond 10 %, but 2.57 mg/kg/day is inside 1–3 mg/kg/day.
    /// assert_eq!(plan.rounding().accepted(), Acceptance::WithinDocumentedRange);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn accepted(&self) -> Acceptance {
        self.accepted
    }
}

impl Rounding {
    /// The rounding tolerance as a checked limit: the deviation of this
    /// rounding against the tolerance used, within it or crossed (with the
    /// rounding alert).
    pub(crate) fn checked(&self) -> CheckedLimit {
        CheckedLimit::decided(
            Limit::new(
                "rounding.tolerance",
                "rounding tolerance",
                Bound::AtMost,
                self.tolerance.percent(),
                "%",
                Scope::PerAdministration,
                sources::ROUNDING_RULE,
            ),
            self.deviation_percent.abs(),
            self.accepted == Acceptance::WithinTolerance,
        )
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "calculated {}, rounded to {} ({}; {}, tolerance {})",
            self.calculated,
            self.rounded,
            signed_percent(self.deviation_percent / 100.0),
            self.accepted,
            self.tolerance
        )
    }
}

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
fn decide<A: Amount>(
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
fn choose_steps(product: &Product, target: &Target) -> Option<Measured> {
    let step = product.step_exact();
    let chosen = match over_one_denominator(target, step) {
        Some((scaled, scaled_step, den)) => decide(product, &scaled, scaled_step)
            .0
            .map(|(steps, amount, verdict)| (steps, amount.over(den), verdict)),
        None => decide(product, target, step).0,
    };
    chosen
        .filter(|&(steps, _, _)| product.give_kept(steps).is_some())
        .map(|(steps, amount, verdict)| Measured {
            steps,
            amount,
            accepted: accepted(verdict),
        })
}

/// `target` and `step` over one shared denominator (the least common
/// multiple of theirs), every amount a whole 64-bit numerator, with the
/// denominator; `None` when an amount is negative or would not fit.
fn over_one_denominator(target: &Target, step: Exact) -> Option<(Target<Scaled>, Scaled, i128)> {
    let parts = |x: Exact| {
        let (n, d) = exact::parts(x);
        Some((u64::try_from(n).ok()?, u64::try_from(d).ok()?))
    };
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

/// The rounding record of `amount`, chosen for `calculated` with
/// `tolerance` and accepted so. `f64_of` reads an amount as the closest
/// `f64` to it.
pub(crate) fn record<A: Amount>(
    calculated: A,
    tolerance: Tolerance,
    amount: A,
    accepted: Acceptance,
    f64_of: impl Fn(A) -> f64,
) -> Rounding {
    let deviation = amount.deviation_percent(calculated).unwrap_or_default();
    Rounding {
        calculated: Dose::derived(f64_of(calculated)),
        rounded: Dose::derived(f64_of(amount)),
        deviation_percent: exact::to_f64(deviation),
        tolerance,
        accepted,
    }
}

/// The decision of [`choose_scaled`], without the rounding record (a
/// plan writes the record up when it is read, with [`record`]).
pub(crate) struct Chosen<'a> {
    /// The count of steps chosen.
    pub(crate) steps: u64,
    /// Its amount, over the target's denominator.
    pub(crate) amount: Scaled,
    /// Why it was accepted.
    pub(crate) accepted: Acceptance,
    /// What to give, borrowed from the product where it keeps it.
    pub(crate) give: Cow<'a, Give>,
}

/// The one rule applied to amounts over one denominator: the count of
/// steps chosen, its amount, why it was accepted and what to give (a
/// count the product can give); `None` when the dose is not measurable
/// ([`not_measurable_scaled`] says why). The record is [`record`] of the
/// choice.
pub(crate) fn choose_scaled<'a>(
    product: &'a Product,
    target: &Target<Scaled>,
    step: Scaled,
) -> Option<Chosen<'a>> {
    let (steps, amount, verdict) = decide(product, target, step).0?;
    Some(Chosen {
        steps,
        amount,
        accepted: accepted(verdict),
        give: product.give_kept(steps)?,
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

/// Splits `total` steps into `n` administrations of whole steps, as evenly
/// as possible, larger ones first, none of zero and none above `max_each`.
///
/// 5 half-tablets in 4 doses gives `[2, 1, 1, 1]` (1,250 mg/day as 500, 250,
/// 250, 250 mg). Returns `None` when it cannot be done.
pub(crate) fn divide(total: u64, n: u64, max_each: Option<u64>) -> Option<Shares> {
    if n == 0 || total < n {
        return None;
    }
    let shares = Shares {
        base: total / n,
        extra: total % n,
        n,
        next: 0,
    };
    match max_each {
        Some(max) if shares.largest() > max => None,
        _ => Some(shares),
    }
}

/// The administrations of a total [`divide`] split, larger first, as
/// counts of steps: read one by one, with no allocation.
#[derive(Debug, Clone)]
pub(crate) struct Shares {
    /// What every administration has.
    base: u64,
    /// How many of them (the first) have one step more.
    extra: u64,
    /// The administrations.
    n: u64,
    /// The next to read.
    next: u64,
}

impl Shares {
    /// The largest administration (the first).
    pub(crate) const fn largest(&self) -> u64 {
        self.base + if self.extra > 0 { 1 } else { 0 }
    }

    /// The smallest administration (the last).
    pub(crate) const fn smallest(&self) -> u64 {
        self.base
    }
}

impl Iterator for Shares {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        (self.next < self.n).then(|| {
            let share = self.base + u64::from(self.next < self.extra);
            self.next += 1;
            share
        })
    }
}

// JSON: each quantity as {"value", "unit"} in the units it may be written in.
#[cfg(feature = "serde")]
crate::wire::wire_units!(Tolerance, "tolerance", "%", |t: Tolerance| (t.percent(), "%"), {
    "%" => Tolerance::from_percent,
});

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;
    use crate::{Concentration, Splitting, UnitStrength};
    use uom::si::f64::Volume;
    use uom::si::volume::milliliter;

    fn tablets() -> Product {
        let s = [30.0, 60.0, 90.0, 120.0].map(|mg| UnitStrength::from_mg(mg).unwrap());
        Product::tablets("diltiazem tablets", &s, Splitting::WholeOnly).unwrap()
    }

    fn target(mg: f64) -> Target {
        Target {
            calculated: exact::decimal(mg).unwrap(),
            tolerance: Tolerance::default(),
            documented: None,
            cap: None,
            allow_up: false,
            what: "dose",
            unit: "mg",
        }
    }

    /// A calculated amount of about 2^64 tablets: its neighbouring counts
    /// are the largest `u64`s, and looking past them saturates rather than
    /// overflowing (it overflowed, a panic in a debug build, before); the
    /// answer is "not measurable".
    #[test]
    fn counts_at_the_edge_of_u64_do_not_overflow() {
        let t = Target {
            calculated: exact::times(exact::int(30), u64::MAX - 1).unwrap() + exact::int(15),
            ..target(1.0)
        };
        // No count that large can be given (the tablets of one dose are
        // bounded), so there is no candidate, and no panic on the way.
        assert!(matches!(
            round(&tablets(), &t),
            Err(Error::NotMeasurable { candidates, .. }) if candidates.is_empty()
        ));
    }

    /// The default's fraction, written as a constant, is the one read from
    /// its percentage; every tolerance's fraction is its percentage / 100.
    #[test]
    fn a_tolerance_holds_its_fraction() {
        let default = Tolerance::default();
        assert_eq!(exact::parts(default.fraction()), (1, 10),);
        assert_eq!(
            default.fraction,
            Tolerance::fraction_of(Tolerance::DEFAULT_PERCENT)
        );
        assert_eq!(default, Tolerance::from_percent(10.0).unwrap());
        assert_eq!(format!("{default:?}"), "Tolerance { percent: 10.0, .. }");
        // Equal tolerances hold the same parts and read alike.
        assert_eq!(
            format!("{default:?}"),
            format!("{:?}", Tolerance::from_percent(10.0).unwrap())
        );
        assert_eq!(
            exact::parts(Tolerance::from_percent(10.0).unwrap().fraction()),
            (1, 10)
        );
        for (percent, fraction) in [
            (0.0, exact::int(0)),
            (2.5, exact::frac(1, 40)),
            (50.0, exact::frac(1, 2)),
        ] {
            assert_eq!(
                Tolerance::from_percent(percent).unwrap().fraction(),
                fraction
            );
        }
    }

    #[test]
    fn nearest_within_tolerance_is_chosen() {
        let m = round(&tablets(), &target(62.0)).unwrap();
        assert_eq!(exact::to_f64(m.amount), 60.0);
        assert_eq!(m.accepted, Acceptance::WithinTolerance);
    }

    #[test]
    fn documented_range_accepts_a_coarse_step() {
        // 70 kg at 3 mg/kg/day, 3 doses: 70 mg per dose, range 23.3 to 70.
        let t = Target {
            documented: Some((exact::frac(70, 3), exact::int(70))),
            ..target(70.0)
        };
        let m = round(&tablets(), &t).unwrap();
        assert_eq!(exact::to_f64(m.amount), 60.0);
        assert_eq!(m.accepted, Acceptance::WithinDocumentedRange);
    }

    #[test]
    fn not_measurable_names_the_neighbours() {
        let err = round(&tablets(), &target(10.0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a dose of 10 mg is not measurable with diltiazem tablets within 10 %: \
             the nearest measurable dose is 30 mg (+200 %)"
        );
        let err = round(&tablets(), &target(45.0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a dose of 45 mg is not measurable with diltiazem tablets within 10 %: \
             the nearest measurable doses are 30 mg (-33.3 %) and 60 mg (+33.3 %)"
        );
    }

    #[test]
    fn the_cap_is_never_crossed() {
        let t = Target {
            cap: Some(exact::int(100)),
            tolerance: Tolerance::from_percent(50.0).unwrap(),
            ..target(100.0)
        };
        assert_eq!(exact::to_f64(round(&tablets(), &t).unwrap().amount), 90.0);
        // The cap binds: 120 mg is nearer 115 mg than 90 mg, and within
        // the tolerance, but above the 115 mg cap.
        let t = Target {
            cap: Some(exact::int(115)),
            ..t
        };
        let t = Target {
            calculated: exact::int(115),
            ..t
        };
        assert_eq!(exact::to_f64(round(&tablets(), &t).unwrap().amount), 90.0);
        // With the usual 10 %, 90 mg is too far: not measurable, never
        // 120 mg.
        let t = Target {
            tolerance: Tolerance::default(),
            ..t
        };
        assert!(matches!(
            round(&tablets(), &t),
            Err(Error::NotMeasurable { .. })
        ));
    }

    /// A count the product cannot give is passed over for the next one it
    /// can: 90 and 120 mg tablets make 120 and 180 mg but not 150 mg, so
    /// 150 mg is equally near 120 and 180 mg, and goes to the smaller.
    #[test]
    fn a_count_the_product_cannot_give_is_passed_over() {
        let s = [90.0, 120.0].map(|mg| UnitStrength::from_mg(mg).unwrap());
        let p = Product::tablets("tablets", &s, Splitting::WholeOnly).unwrap();
        assert!(!p.can_give(5));
        let t = Target {
            tolerance: Tolerance::from_percent(25.0).unwrap(),
            ..target(150.0)
        };
        let m = round(&p, &t).unwrap();
        assert_eq!((m.steps, exact::to_f64(m.amount)), (4, 120.0));
    }

    #[test]
    fn choices_are_written_in_words() {
        assert_eq!(
            BeyondTolerance::RoundDownOnly.to_string(),
            "round down only"
        );
        assert_eq!(
            BeyondTolerance::AllowRoundUp.to_string(),
            "allow rounding up"
        );
        assert_eq!(
            Acceptance::RoundedUpOnRequest.to_string(),
            "rounded up beyond the tolerance on request, inside the documented range"
        );
    }

    #[test]
    fn ties_go_to_the_smaller_amount() {
        let t = Target {
            tolerance: Tolerance::from_percent(50.0).unwrap(),
            ..target(45.0)
        };
        assert_eq!(exact::to_f64(round(&tablets(), &t).unwrap().amount), 30.0);
    }

    #[test]
    fn liquids_round_to_the_graduation() {
        let p = Product::oral_liquid(
            "suspension",
            Concentration::from_mg_per_ml(12.0).unwrap(),
            Volume::new::<milliliter>(0.1),
        )
        .unwrap();
        let m = round(
            &p,
            &Target {
                calculated: exact::frac(20, 3),
                ..target(1.0)
            },
        )
        .unwrap();
        assert_eq!(m.steps, 6);
        assert_eq!(p.give(m.steps).unwrap().to_string(), "0.6 mL of 12 mg/mL");
    }

    #[test]
    fn divide_preserves_the_total_larger_first() {
        let split = |total, n, max| divide(total, n, max).map(Iterator::collect::<Vec<_>>);
        assert_eq!(split(5, 4, Some(2)), Some(vec![2, 1, 1, 1]));
        assert_eq!(split(8, 4, Some(2)), Some(vec![2, 2, 2, 2]));
        assert_eq!(split(4, 4, None), Some(vec![1, 1, 1, 1]));
        assert_eq!(split(7, 3, Some(3)), Some(vec![3, 2, 2]));
        assert_eq!(split(9, 4, Some(2)), None);
        assert_eq!(split(3, 4, None), None);
        assert_eq!(split(4, 0, None), None);
        let shares = divide(5, 4, None).unwrap();
        assert_eq!((shares.largest(), shares.smallest()), (2, 1));
        let even = divide(8, 4, None).unwrap();
        assert_eq!((even.largest(), even.smallest()), (2, 2));
    }

    proptest::proptest! {
        /// Over one denominator, the rule chooses as it does on exact
        /// fractions: the same count, amount and verdict, for tablets
        /// (whole and halved) and a liquid, with and without a cap and a
        /// documented range, at halfway points and tolerance edges; and
        /// a target whose amounts would not fit 64 bits there is decided
        /// on fractions.
        #[test]
        fn one_denominator_decides_as_fractions(
            calc in (1_i128..=100_000, 1_i128..=1_000),
            cap in proptest::option::of((1_i128..=100_000, 1_i128..=1_000)),
            range in proptest::option::of(((0_i128..=50_000, 1_i128..=100), (0_i128..=50_000, 1_i128..=100))),
            tolerance_e1 in 0_u32..=500,
            allow_up: bool,
            which in 0_usize..3,
            huge: bool,
        ) {
            let products = [
                tablets(),
                Product::tablets(
                    "halved",
                    &[UnitStrength::from_mg(500.0).unwrap()],
                    Splitting::Halves,
                )
                .unwrap(),
                Product::oral_liquid(
                    "suspension",
                    Concentration::from_mg_per_ml(12.0).unwrap(),
                    Volume::new::<milliliter>(0.1),
                )
                .unwrap(),
            ];
            let product = &products[which];
            let f = |(n, d): (i128, i128)| exact::frac(n, d);
            let target = Target {
                // A prime denominator near 2^63 leaves no room to share
                // one: the step's numerator over it would not fit 64 bits.
                calculated: if huge { exact::frac(calc.0, i128::from(u64::MAX >> 1) - 24) } else { f(calc) },
                tolerance: Tolerance::from_percent(f64::from(tolerance_e1) / 10.0).unwrap(),
                documented: range.map(|(a, b)| (f(a).min(f(b)), f(a).max(f(b)))),
                cap: cap.map(f),
                allow_up,
                what: "dose",
                unit: "mg",
            };
            let step = product.step_exact();
            let by_fractions = decide(product, &target, step).0;
            match over_one_denominator(&target, step) {
                Some((scaled, scaled_step, den)) => {
                    proptest::prop_assert!(!huge);
                    let by_integers = decide(product, &scaled, scaled_step)
                        .0
                        .map(|(steps, amount, verdict)| (steps, amount.over(den), verdict));
                    proptest::prop_assert_eq!(by_integers, by_fractions);
                }
                None => proptest::prop_assert!(huge),
            }
        }
    }
}
