//! Rounding to what a product can measure: once, at the end, by a declared
//! rule; and dividing a daily total into whole measurable administrations.
//!
//! The rule (clinical reference section 5): take the nearest measurable
//! amount that is within the tolerance of the calculated dose (default 10 %,
//! the widely used hospital rule). Where the regimen is documented as a range,
//! a measurable amount further than the tolerance is still acceptable when the
//! dose it achieves stays inside the documented range. Nothing else is
//! acceptable: the dose is then "not measurable" with that product.

use std::fmt;

use crate::alert::{Alert, AlertKind, Limit};
use crate::citation::sources;
use crate::dose::Dose;
use crate::error::Error;
use crate::format::{number, signed_percent};
use crate::product::{Give, Product};

/// Relative slack for comparisons on floating-point doses. A dose within one
/// part in a million of a step or a limit is treated as on it, so 154.32 lb
/// and 70 kg give the same plan (see `DESIGN.md`, "Why an epsilon?").
pub(crate) const RELATIVE_EPSILON: f64 = 1e-6;

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
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Tolerance {
    percent: f64,
}

impl Tolerance {
    /// The default tolerance, 10 %.
    pub const DEFAULT_PERCENT: f64 = 10.0;
    /// The default tolerance as a value.
    pub const DEFAULT: Self = Self {
        percent: Self::DEFAULT_PERCENT,
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
        crate::error::check_range("tolerance", percent, 0.0, Self::MAX_PERCENT, "%")
            .map(|percent| Self { percent })
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

    /// The alert every plan made with a tolerance wider than 10 % carries.
    pub(crate) fn widened_alert(self) -> Alert {
        Alert::new(
            AlertKind::WidenedTolerance,
            format!(
                "doses were rounded with a tolerance of {self}, wider than the usual {} %",
                number(Self::DEFAULT_PERCENT, 0)
            ),
            Some(Limit::new(
                "usual rounding tolerance",
                Self::DEFAULT_PERCENT,
                "%",
            )),
            sources::ROUNDING_RULE,
        )
    }

    fn fraction(self) -> f64 {
        self.percent / 100.0
    }
}

impl Default for Tolerance {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", number(self.percent, 2))
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
    /// Further than the tolerance, but the achieved dose stays inside the
    /// regimen's documented range.
    WithinDocumentedRange,
}

impl fmt::Display for Acceptance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::WithinTolerance => "within tolerance",
            Self::WithinDocumentedRange => "outside tolerance but inside the documented range",
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

/// What to round and within which bounds (all in mg per administration).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Target {
    pub(crate) calculated_mg: f64,
    pub(crate) tolerance: Tolerance,
    /// The documented range, when the regimen is a range.
    pub(crate) documented: Option<(f64, f64)>,
    /// A maximum no rounded amount may cross.
    pub(crate) cap_mg: Option<f64>,
}

/// A measurable amount: steps of the product, and what they are.
#[derive(Debug, Clone)]
pub(crate) struct Measured {
    #[allow(dead_code, reason = "read by the regimens that divide a daily total")]
    pub(crate) steps: u64,
    pub(crate) mg: f64,
    pub(crate) give: Give,
    pub(crate) rounding: Rounding,
}

fn snap(ratio: f64) -> f64 {
    let nearest = ratio.round();
    if (ratio - nearest).abs() <= RELATIVE_EPSILON * ratio.abs().max(1.0) {
        nearest
    } else {
        ratio
    }
}

/// `a ≤ b`, with the crate's relative slack (so 35.27 lb and 16 kg agree).
pub(crate) fn le(a: f64, b: f64) -> bool {
    a <= b + RELATIVE_EPSILON * b.abs().max(1.0)
}

/// Rounds away the noise of uom's SI round trip (0.1 mL read back as
/// 0.09999999999999999, 0.03 m as 30.000000000000004 mm) by rounding to
/// 10⁻⁹ of the unit; a non-finite result gives `x` back unchanged.
pub(crate) fn undo_si_round_trip(x: f64) -> f64 {
    let snapped = (x * 1e9).round() / 1e9;
    if snapped.is_finite() {
        snapped
    } else {
        x
    }
}

/// The measurable amounts next to the calculated dose: the largest at or
/// below it and the smallest at or above it (never zero, never above the cap).
fn neighbours(product: &Product, target: &Target) -> (Option<u64>, Option<u64>) {
    let ratio = snap(target.calculated_mg / product.step_mg());
    // Finite and non-negative: doses are validated before rounding.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (floor, ceil) = (ratio.floor().max(0.0) as u64, ratio.ceil().max(0.0) as u64);
    let allowed = |steps: u64| {
        product.give(steps).is_some()
            && target
                .cap_mg
                .is_none_or(|cap| le(product.mg_of(steps), cap))
    };
    let below = (1..=floor).rev().take(64).find(|&s| allowed(s));
    let above = (ceil.max(1)..ceil.max(1) + 64).find(|&s| allowed(s));
    (below, above)
}

/// Rounds `target` to the product, by the rule in the module docs.
///
/// Ties go to the smaller amount.
pub(crate) fn round(product: &Product, target: &Target) -> Result<Measured, Error> {
    let (below, above) = neighbours(product, target);
    let calc = target.calculated_mg;
    let deviation = |steps: u64| (product.mg_of(steps) - calc) / calc;
    let candidates: Vec<u64> = below.into_iter().chain(above).collect();
    let nearest_first = |mut v: Vec<u64>| {
        v.sort_by(|a, b| {
            deviation(*a)
                .abs()
                .total_cmp(&deviation(*b).abs())
                .then(a.cmp(b))
        });
        v
    };
    let within_tolerance = candidates
        .iter()
        .copied()
        .filter(|&s| le(deviation(s).abs(), target.tolerance.fraction()));
    let chosen = nearest_first(within_tolerance.collect())
        .first()
        .map(|&s| (s, Acceptance::WithinTolerance))
        .or_else(|| {
            let (lo, hi) = target.documented?;
            let in_range = candidates.iter().copied().filter(|&s| {
                let mg = product.mg_of(s);
                le(lo, mg) && le(mg, hi)
            });
            nearest_first(in_range.collect())
                .first()
                .map(|&s| (s, Acceptance::WithinDocumentedRange))
        });
    let Some((steps, accepted)) = chosen else {
        return Err(not_measurable(product, target, &candidates, deviation));
    };
    let mg = product.mg_of(steps);
    let give = product
        .give(steps)
        .ok_or_else(|| not_measurable(product, target, &candidates, deviation))?;
    Ok(Measured {
        steps,
        mg,
        give,
        rounding: Rounding {
            calculated: Dose::derived(calc),
            rounded: Dose::derived(mg),
            deviation_percent: deviation(steps) * 100.0,
            tolerance: target.tolerance,
            accepted,
        },
    })
}

fn not_measurable(
    product: &Product,
    target: &Target,
    candidates: &[u64],
    deviation: impl Fn(u64) -> f64,
) -> Error {
    let listed: Vec<String> = candidates
        .iter()
        .map(|&s| {
            format!(
                "{} mg ({})",
                number(product.mg_of(s), 3),
                signed_percent(deviation(s))
            )
        })
        .collect();
    let nearest = match listed.as_slice() {
        [] => "no amount of it is measurable".to_owned(),
        [one] => format!("the nearest measurable dose is {one}"),
        [a, b, ..] => format!("the nearest measurable doses are {a} and {b}"),
    };
    Error::NotMeasurable {
        calculated_mg: target.calculated_mg,
        product: product.name().to_owned(),
        tolerance_percent: target.tolerance.percent(),
        nearest,
        advice: String::new(),
    }
}

/// Splits `total` steps into `n` administrations of whole steps, as evenly
/// as possible, larger ones first, none of zero and none above `max_each`.
///
/// 5 half-tablets in 4 doses gives `[2, 1, 1, 1]` (1,250 mg/day as 500, 250,
/// 250, 250 mg). Returns `None` when it cannot be done.
#[allow(dead_code, reason = "used by the regimens that divide a daily total")]
pub(crate) fn divide(total: u64, n: u64, max_each: Option<u64>) -> Option<Vec<u64>> {
    if n == 0 || total < n {
        return None;
    }
    let base = total / n;
    let extra = total % n;
    let parts: Vec<u64> = (0..n).map(|i| base + u64::from(i < extra)).collect();
    match max_each {
        Some(max) if parts.first().is_some_and(|&p| p > max) => None,
        _ => Some(parts),
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;
    use crate::{Concentration, Splitting, Strength};
    use uom::si::f64::Volume;
    use uom::si::volume::milliliter;

    fn tablets() -> Product {
        let s = [30.0, 60.0, 90.0, 120.0].map(|mg| Strength::from_mg(mg).unwrap());
        Product::tablets("diltiazem tablets", &s, Splitting::WholeOnly).unwrap()
    }

    fn target(mg: f64) -> Target {
        Target {
            calculated_mg: mg,
            tolerance: Tolerance::default(),
            documented: None,
            cap_mg: None,
        }
    }

    #[test]
    fn nearest_within_tolerance_is_chosen() {
        let m = round(&tablets(), &target(62.0)).unwrap();
        assert_eq!(m.mg, 60.0);
        assert_eq!(m.rounding.accepted(), Acceptance::WithinTolerance);
    }

    #[test]
    fn documented_range_accepts_a_coarse_step() {
        // 70 kg at 3 mg/kg/day, 3 doses: 70 mg per dose, range 23.3 to 70.
        let t = Target {
            documented: Some((70.0 / 3.0, 70.0)),
            ..target(70.0)
        };
        let m = round(&tablets(), &t).unwrap();
        assert_eq!(m.mg, 60.0);
        assert_eq!(m.rounding.accepted(), Acceptance::WithinDocumentedRange);
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
            cap_mg: Some(100.0),
            tolerance: Tolerance::from_percent(50.0).unwrap(),
            ..target(100.0)
        };
        assert_eq!(round(&tablets(), &t).unwrap().mg, 90.0);
    }

    #[test]
    fn ties_go_to_the_smaller_amount() {
        let t = Target {
            tolerance: Tolerance::from_percent(50.0).unwrap(),
            ..target(45.0)
        };
        assert_eq!(round(&tablets(), &t).unwrap().mg, 30.0);
    }

    #[test]
    fn liquids_round_to_the_graduation() {
        let p = Product::oral_liquid(
            "suspension",
            Concentration::from_mg_per_ml(12.0).unwrap(),
            Volume::new::<milliliter>(0.1),
        )
        .unwrap();
        let m = round(&p, &target(20.0 / 3.0)).unwrap();
        assert_eq!(m.steps, 6);
        assert_eq!(m.give.to_string(), "0.6 mL of 12 mg/mL");
    }

    #[test]
    fn divide_preserves_the_total_larger_first() {
        assert_eq!(divide(5, 4, Some(2)), Some(vec![2, 1, 1, 1]));
        assert_eq!(divide(8, 4, Some(2)), Some(vec![2, 2, 2, 2]));
        assert_eq!(divide(9, 4, Some(2)), None);
        assert_eq!(divide(3, 4, None), None);
        assert_eq!(divide(4, 0, None), None);
    }
}
