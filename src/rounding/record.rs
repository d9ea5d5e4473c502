//! What a rounding decided and why: the caller's choice beyond the
//! tolerance, why an amount was accepted, and the record a plan states.

use std::fmt;

use crate::citation::sources;
use crate::dose::Dose;
use crate::exact::{self, Amount};
use crate::format::signed_percent;
use crate::limit::{Bound, CheckedLimit, Limit, Scope};

use super::Tolerance;

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
