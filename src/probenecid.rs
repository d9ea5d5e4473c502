//! Oral probenecid titration (regimen R2).
//!
//! The review of calcinosis cutis reports probenecid started at 25 mg/kg/day
//! and later increased to 1,250 mg/day in a 4-year-old girl with raised
//! serum phosphate and uric acid ([`sources::J_RHEUMATOL_2001`]). That report
//! gives the start and the reached dose only. The crate turns it into a
//! titration plan up to a target daily dose the prescriber gives, each step
//! divided into whole half-tablets of the 500 mg tablet, on the label's
//! schedule for the patient ([`LabelSchedule`], [`sources::PROBENECID_LABEL`]):
//!
//! - **child schedule** (2 years to under 15 years of age, and up to 50 kg):
//!   a start step at 25 mg/kg/day (the case report), then steps of a chosen
//!   size at a chosen interval;
//! - **adult schedule** (over 50 kg, or 15 years of age or older): the
//!   label's 250 mg twice daily for 1 week, then 500 mg twice daily, then
//!   steps of a chosen size (default +500 mg/day) at a chosen interval
//!   (default 4 weeks), as the label titrates an adult.
//!
//! The label's limits are checked at every step.
//!
//! | fact | value | constant | source |
//! |---|---|---|---|
//! | start rate, child | 25 mg/kg/day | [`START_MG_PER_KG_PER_DAY`] | case report; label first dose |
//! | reached in the case | 1,250 mg/day | [`CASE_REACHED_MG_PER_DAY`] | case report |
//! | tablet | 500 mg, half tablets allowed | [`TABLET_MG`] | label |
//! | contraindicated | under 2 years of age | [`MIN_AGE_YEARS`] | label |
//! | child schedule | 2–14 years (read as under 15 years), up to 50 kg | [`CHILD_AGE_LIMIT_YEARS`], [`CHILD_MAX_WEIGHT_KG`] | label |
//! | child maintenance | 40 mg/kg/day (1.2 g/m²/day) in 4 doses | [`CHILD_MAINTENANCE_MG_PER_KG_PER_DAY`], [`CHILD_MAINTENANCE_MG_PER_M2_PER_DAY`], [`CHILD_FREQUENCY`] | label |
//! | child first dose by body surface area | 0.7 g/m² | [`START_MG_PER_M2_PER_DAY`] | label |
//! | child, per administration | at most 500 mg | [`CHILD_MAX_MG_PER_ADMINISTRATION`] | label |
//! | adult start | 250 mg twice daily for 1 week, then 500 mg twice daily | [`ADULT_FIRST_WEEK_MG_PER_DOSE`], [`ADULT_FIRST_WEEK_DAYS`], [`ADULT_MG_PER_DOSE`], [`ADULT_FREQUENCY`] | label |
//! | adult titration | +500 mg every 4 weeks | [`ADULT_STEP_MG_PER_DAY`], [`ADULT_STEP_INTERVAL_WEEKS`] | label |
//! | maximum | 2 g/day | [`MAX_MG_PER_DAY`] | label |
//! | renal | may be ineffective at GFR 30 mL/min or less | [`RENAL_EGFR_ML_PER_MIN`] | label |
//!
//! # How a plan is made
//!
//! 1. A patient under 2 years is refused ([`Error::Contraindicated`]).
//! 2. The schedule: the child schedule from 2 years to under 15 years of
//!    age and up to 50 kg, the adult schedule otherwise
//!    ([`LabelSchedule::for_patient`]).
//! 3. The start daily dose: on the child schedule 25 mg/kg/day × weight (or,
//!    on the body-surface-area basis, 0.7 g/m² × the Mosteller area, per
//!    day); on the adult schedule the label's 500 mg/day (250 mg twice
//!    daily). The target daily dose is the caller's ([`DailyAmount`]).
//!    Either above 2,000 mg/day is an error, and so is a target below the
//!    start: a titration plan only increases the dose.
//! 4. The start and the target are each rounded once to whole half-tablets
//!    (250 mg), within the rounding tolerance (default 10 %). A dose the
//!    half-tablets cannot reach within it is an [`Error::NotMeasurable`]
//!    naming the nearest measurable daily doses, how far they are, and the
//!    tolerance that would accept the nearest: the prescriber decides.
//! 5. The steps. Child schedule: each later step adds the step size (a
//!    whole number of half-tablets) to the previous step, after the
//!    interval. Adult schedule: day 7 is 1,000 mg/day (500 mg twice daily);
//!    from there each later step adds the step size after the interval, so
//!    the default plan to 2,000 mg/day is 500, 1,000, 1,500 and
//!    2,000 mg/day on days 0, 7, 35 and 63. On both, a step that would pass
//!    the rounded target is the rounded target, and it is the last step; a
//!    target the start already reaches is a single step. No step other
//!    than the start and the target needs rounding.
//! 6. Each step's day is divided into administrations in whole
//!    half-tablets, as evenly as possible, the larger ones first, keeping
//!    the daily total, none of zero and, on the child schedule, none above
//!    500 mg. The number of administrations is the caller's
//!    ([`Options::frequency`]) or, when the caller chose none, the label's
//!    for the schedule: 4 times daily for a child, twice daily for an adult.
//! 7. Advisories that a clinician may accept are alerts: a child above the
//!    label maintenance (the documented case is about twice it), a patient
//!    on the adult schedule (naming the 50 kg or 15-year limit that put them
//!    there), an eGFR of 30 mL/min or less, fewer administrations on a
//!    small step, a widened rounding tolerance.
//!
//! # Interpretation choices
//!
//! - The step size and the interval are not in the case report. The
//!   defaults are the adult label's titration, +500 mg/day every 4 weeks;
//!   both are caller options ([`Options::step`], [`Options::interval`]). On
//!   the adult schedule the interval counts from the day-7 step of
//!   1,000 mg/day, the first dose the label increases.
//! - The label gives 25 mg/kg (0.7 g/m²) as a child's first dose; the case
//!   report gives 25 mg/kg/day as its starting daily dose. The child plan
//!   starts at the case report's daily rate, and on the body-surface-area
//!   basis at 0.7 g/m² per day, the label's equivalent.
//! - The label's child schedule is "2–14 years" and up to 50 kg. The crate
//!   reads "14 years" as up to the 15th birthday (under 15 years), the
//!   reading that keeps a 14.5-year-old on the child schedule with its
//!   500 mg per-administration limit and its maintenance reference; 50 kg
//!   is included ("over 50 kg" is adult dosing). Outside the child schedule
//!   the 500 mg per-administration limit is not applied; the 2 g/day
//!   maximum always is.
//! - On the adult schedule the start is the label's fixed 500 mg/day, so the
//!   [`Basis`] changes no dose; it is still checked (the body-surface-area
//!   basis needs a height) and recorded.
//! - An adult target below the label's 500 mg/day start is an error, as a
//!   child target below the child start is: the label documents no adult
//!   titration that starts lower.
//! - The frequency is an [`Option`]: [`Options::get_frequency`] is `None`
//!   until the caller sets one, and `None` means the label's frequency for
//!   the patient's schedule. A frequency set by the caller is used on
//!   either schedule.
//!
//! # Examples
//!
//! The documented case: a 4-year-old of 16 kg, 25 mg/kg/day up to
//! 1,250 mg/day.
//!
//! ```
//! use calcinosis_dosing::probenecid::{self, DailyAmount, Division, LabelSchedule, Options};
//! use calcinosis_dosing::{Age, AlertKind, BodyWeight, DailyDose, Patient, Tolerance};
//!
//! let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
//! let target = DailyAmount::Daily(DailyDose::from_mg_per_day(1250.0)?);
//!
//! // 400 mg/day is not measurable in half-tablets within 10 %.
//! let err = probenecid::plan(&girl, target, &Options::default()).unwrap_err();
//! assert!(err.to_string().contains("250 mg/day (-37.5 %) and 500 mg/day (+25 %)"));
//!
//! // The prescriber accepts 500 mg/day with a 25 % tolerance.
//! let options = Options::default()
//!     .tolerance(Tolerance::from_percent(25.0)?)
//!     .division(Division::FewerOnSmallSteps);
//! let plan = probenecid::plan(&girl, target, &options)?;
//! assert_eq!(plan.schedule(), LabelSchedule::Child);
//! let daily: Vec<f64> = plan.steps().iter().map(|s| s.daily().mg_per_day()).collect();
//! assert_eq!(daily, [500.0, 1000.0, 1250.0]);
//! assert_eq!(plan.steps()[2].day(), 56);
//! assert!(plan.alerts().iter().any(|a| a.kind() == AlertKind::AboveLabelReference));
//! println!("{plan}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! An adult of 70 kg up to the 2 g/day maximum, on the label's adult
//! schedule:
//!
//! ```
//! use calcinosis_dosing::probenecid::{self, DailyAmount, LabelSchedule, Options};
//! use calcinosis_dosing::{Age, BodyWeight, DailyDose, Frequency, Patient};
//!
//! let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(45.0)?);
//! let target = DailyAmount::Daily(DailyDose::from_mg_per_day(2000.0)?);
//! let plan = probenecid::plan(&adult, target, &Options::default())?;
//! assert_eq!(plan.schedule(), LabelSchedule::Adult);
//! assert_eq!(plan.frequency(), Frequency::TwiceDaily);
//! let days: Vec<u32> = plan.steps().iter().map(|s| s.day()).collect();
//! let daily: Vec<f64> = plan.steps().iter().map(|s| s.daily().mg_per_day()).collect();
//! assert_eq!(days, [0, 7, 35, 63]);
//! assert_eq!(daily, [500.0, 1000.0, 1500.0, 2000.0]);
//! assert_eq!(plan.steps()[0].to_string(),
//!     "Day 0: 500 mg/day (7.14 mg/kg/day): 250 mg (0.5 tablet of 500 mg) twice daily; total 500 mg/day");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!
//! - [`sources::J_RHEUMATOL_2001`]: 25 mg/kg/day, later 1,250 mg/day, in a
//!   4-year-old girl.
//! - [`sources::PROBENECID_LABEL`]: tablet, age and weight bands, child
//!   doses, per-dose limit, adult start, titration and maximum, renal limit.
//! - [`sources::MOSTELLER_1987`]: body surface area.
//! - [`sources::ROUNDING_RULE`]: rounding within 10 % of the calculated dose.

use std::fmt;

use crate::alert::{Alert, AlertKind};
use crate::citation::{Citation, push_unique, sources};
pub use crate::dose::DailyDosePerM2;
use crate::dose::{DailyDose, DailyDosePerKg, Dose, Strength};
use crate::error::{Error, check_range};
use crate::exact;
use crate::exact::Exact;
use crate::format::{number, signed_percent};
use crate::limit::{Bound, CheckedLimit, Limit, Scope};
use crate::measurable::Suggestion;
use crate::patient::{BodySurfaceArea, BodyWeight, Patient};
use crate::plan::{
    Administration, DailySchedule, Frequency, capitalise, write_limits_alerts_and_citations,
};
use crate::product::{Product, Splitting};
use crate::rounding::{Measured, Target, Tolerance, divide, round};

/// The documented start rate, 25 mg/kg/day: the case's starting daily dose
/// ([`sources::J_RHEUMATOL_2001`]), also the label's first dose for a child,
/// 25 mg/kg ([`sources::PROBENECID_LABEL`]).
pub const START_MG_PER_KG_PER_DAY: f64 = 25.0;
/// The daily dose the documented case reached, 1,250 mg/day
/// ([`sources::J_RHEUMATOL_2001`]).
pub const CASE_REACHED_MG_PER_DAY: f64 = 1_250.0;
/// The label's first dose for a child by body surface area, 0.7 g/m²
/// ([`sources::PROBENECID_LABEL`]); the start rate per day on the
/// body-surface-area basis.
pub const START_MG_PER_M2_PER_DAY: f64 = 700.0;
/// The label's maintenance for a child, 40 mg/kg/day in 4 doses
/// ([`sources::PROBENECID_LABEL`]). One drug site prints "10 mg/kg/day":
/// that is the amount per dose, not per day.
pub const CHILD_MAINTENANCE_MG_PER_KG_PER_DAY: f64 = 40.0;
/// The label's maintenance for a child by body surface area, 1.2 g/m²/day
/// ([`sources::PROBENECID_LABEL`]).
pub const CHILD_MAINTENANCE_MG_PER_M2_PER_DAY: f64 = 1_200.0;
/// The tablet strength, 500 mg; a half tablet (250 mg) is used by the label
/// ([`sources::PROBENECID_LABEL`]).
pub const TABLET_MG: f64 = 500.0;
/// The most a child on the label's child schedule takes in one
/// administration, 500 mg ([`sources::PROBENECID_LABEL`]).
pub const CHILD_MAX_MG_PER_ADMINISTRATION: f64 = 500.0;
/// The maximum, 2,000 mg/day, at every step ([`sources::PROBENECID_LABEL`]).
pub const MAX_MG_PER_DAY: f64 = 2_000.0;
/// Contraindicated under this age, 2 years ([`sources::PROBENECID_LABEL`]).
pub const MIN_AGE_YEARS: f64 = 2.0;
/// The label's child schedule is for children under this age, 15 years.
///
/// The label ([`sources::PROBENECID_LABEL`]) says "2–14 years". This crate
/// reads it as up to the 15th birthday: a child of 14.5 or 14.99 years is
/// on the child schedule, one of 15 years is not. That is an
/// interpretation, the safer of the two readings: it keeps the 500 mg
/// per-administration limit ([`CHILD_MAX_MG_PER_ADMINISTRATION`]) and the
/// child maintenance reference for every child the label's "14 years" can
/// mean.
pub const CHILD_AGE_LIMIT_YEARS: f64 = 15.0;
/// The heaviest weight of the label's child schedule, 50 kg, included; over
/// it the label gives adult dosing ([`sources::PROBENECID_LABEL`]).
pub const CHILD_MAX_WEIGHT_KG: f64 = 50.0;
/// At or below this eGFR, 30 mL/min, probenecid may be ineffective
/// ([`sources::PROBENECID_LABEL`]).
pub const RENAL_EGFR_ML_PER_MIN: f64 = 30.0;
/// The adult label's titration step, +500 mg/day; the default step size
/// ([`sources::PROBENECID_LABEL`]).
pub const ADULT_STEP_MG_PER_DAY: f64 = 500.0;
/// The adult label's titration interval, 4 weeks; the default interval
/// ([`sources::PROBENECID_LABEL`]).
pub const ADULT_STEP_INTERVAL_WEEKS: u32 = 4;
/// The label divides a child's maintenance into 4 doses: the frequency on
/// the child schedule when the caller chooses none
/// ([`sources::PROBENECID_LABEL`]).
pub const CHILD_FREQUENCY: Frequency = Frequency::FourTimesDaily;
/// The label gives an adult's doses twice daily: the frequency on the adult
/// schedule when the caller chooses none ([`sources::PROBENECID_LABEL`]).
pub const ADULT_FREQUENCY: Frequency = Frequency::TwiceDaily;
/// The adult label's first week, 250 mg twice daily (500 mg/day): the start
/// on the adult schedule ([`sources::PROBENECID_LABEL`]).
pub const ADULT_FIRST_WEEK_MG_PER_DOSE: f64 = 250.0;
/// How long the adult label's first dose is given, 1 week (7 days)
/// ([`sources::PROBENECID_LABEL`]).
pub const ADULT_FIRST_WEEK_DAYS: u32 = 7;
/// The adult label's dose after the first week, 500 mg twice daily
/// (1,000 mg/day) ([`sources::PROBENECID_LABEL`]).
pub const ADULT_MG_PER_DOSE: f64 = 500.0;

const DAYS_PER_WEEK: u32 = 7;
const DRUG: &str = "probenecid";

/// The label's contraindication under 2 years, as a limit.
const MIN_AGE_LIMIT: Limit = Limit::new(
    "probenecid.min_age",
    "label minimum age",
    Bound::AtLeast,
    MIN_AGE_YEARS,
    "years",
    Scope::Patient,
    sources::PROBENECID_LABEL,
);

/// The label's 2 g/day maximum, as a limit.
const MAX_DAILY_LIMIT: Limit = Limit::new(
    "probenecid.max_daily",
    "label maximum",
    Bound::AtMost,
    MAX_MG_PER_DAY,
    "mg/day",
    Scope::PerDay,
    sources::PROBENECID_LABEL,
);

/// The 500 mg per administration cap for a child, as a limit.
const CHILD_MAX_PER_ADMINISTRATION_LIMIT: Limit = Limit::new(
    "probenecid.child.max_per_administration",
    "child maximum per administration",
    Bound::AtMost,
    CHILD_MAX_MG_PER_ADMINISTRATION,
    "mg",
    Scope::PerAdministration,
    sources::PROBENECID_LABEL,
);

/// The label's child maintenance by weight, 40 mg/kg/day (an advisory).
const CHILD_MAINTENANCE_PER_KG_LIMIT: Limit = Limit::new(
    "probenecid.child.maintenance.per_kg",
    "label child maintenance",
    Bound::AtMost,
    CHILD_MAINTENANCE_MG_PER_KG_PER_DAY,
    "mg/kg/day",
    Scope::PerKgPerDay,
    sources::PROBENECID_LABEL,
);

/// The label's child maintenance by surface area, 1.2 g/m²/day (an advisory).
const CHILD_MAINTENANCE_PER_M2_LIMIT: Limit = Limit::new(
    "probenecid.child.maintenance.per_m2",
    "label child maintenance",
    Bound::AtMost,
    CHILD_MAINTENANCE_MG_PER_M2_PER_DAY,
    "mg/m²/day",
    Scope::PerM2PerDay,
    sources::PROBENECID_LABEL,
);

/// The child schedule's weight limit (up to 50 kg).
const CHILD_WEIGHT_LIMIT: Limit = Limit::new(
    "probenecid.child.max_weight",
    "label child weight",
    Bound::AtMost,
    CHILD_MAX_WEIGHT_KG,
    "kg",
    Scope::Patient,
    sources::PROBENECID_LABEL,
);

/// The child schedule's age limit (under 15 years).
const CHILD_AGE_LIMIT: Limit = Limit::new(
    "probenecid.child.age",
    "label child age limit",
    Bound::Below,
    CHILD_AGE_LIMIT_YEARS,
    "years",
    Scope::Patient,
    sources::PROBENECID_LABEL,
);

/// The eGFR above which the label expects probenecid to work.
const RENAL_LIMIT: Limit = Limit::new(
    "probenecid.renal",
    "label renal threshold",
    Bound::Above,
    RENAL_EGFR_ML_PER_MIN,
    "mL/min",
    Scope::Patient,
    sources::PROBENECID_LABEL,
);
const PRODUCT_NAME: &str = "probenecid 500 mg tablets";

/// The 500 mg tablet, split in halves.
fn product() -> Result<Product, Error> {
    Product::tablets(
        PRODUCT_NAME,
        &[Strength::from_mg(TABLET_MG)?],
        Splitting::Halves,
    )
}

/// What the start dose is computed from.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::Basis;
///
/// assert_eq!(Basis::default(), Basis::BodyWeight);
/// assert_eq!(Basis::BodySurfaceArea.to_string(), "body surface area");
/// ```
///
/// # References
///
/// [`sources::PROBENECID_LABEL`] (25 mg/kg or 0.7 g/m²),
/// [`sources::MOSTELLER_1987`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Basis {
    /// 25 mg/kg/day × body weight (the documented case).
    #[default]
    BodyWeight,
    /// 0.7 g/m² per day × the Mosteller body surface area; needs the
    /// patient's height. The child maintenance reference becomes
    /// 1.2 g/m²/day.
    BodySurfaceArea,
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::BodyWeight => "body weight",
            Self::BodySurfaceArea => "body surface area",
        })
    }
}

/// What to do with a step whose daily dose has fewer half-tablets than the
/// chosen number of administrations. No plan ever contains an
/// administration of zero.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::Division;
///
/// assert_eq!(Division::default(), Division::Exact);
/// ```
///
/// # References
///
/// [`sources::PROBENECID_LABEL`]: a child's maintenance in 4 doses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Division {
    /// Every step in the chosen number of administrations; a step that has
    /// fewer half-tablets is an error naming the frequencies that would work.
    #[default]
    Exact,
    /// A step with fewer half-tablets than the chosen number of
    /// administrations is given one half-tablet per administration, in
    /// fewer administrations; the plan carries an alert naming those steps.
    FewerOnSmallSteps,
}

/// Which of the label's schedules a plan follows.
///
/// The child schedule is for a patient from 2 years to under 15 years of
/// age who weighs up to 50 kg; everyone else (over 50 kg, or 15 years or
/// older) is on the adult schedule. Reading the label's "2–14 years" as
/// under 15 years is this crate's interpretation
/// ([`CHILD_AGE_LIMIT_YEARS`]).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::LabelSchedule;
/// use calcinosis_dosing::{Age, BodyWeight, Frequency, Patient};
///
/// let at = |kg: f64, years: f64| -> Result<LabelSchedule, calcinosis_dosing::Error> {
///     Ok(LabelSchedule::for_patient(&Patient::new(BodyWeight::from_kg(kg)?, Age::from_years(years)?)))
/// };
/// assert_eq!(at(45.0, 14.5)?, LabelSchedule::Child);
/// assert_eq!(at(50.0, 12.0)?, LabelSchedule::Child);
/// assert_eq!(at(50.01, 12.0)?, LabelSchedule::Adult);
/// assert_eq!(at(45.0, 15.0)?, LabelSchedule::Adult);
/// assert_eq!(LabelSchedule::Adult.frequency(), Frequency::TwiceDaily);
/// assert_eq!(LabelSchedule::Child.to_string(), "child schedule");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::PROBENECID_LABEL`]: 2–14 years and up to 50 kg for the child
/// doses; over 50 kg, adult dosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LabelSchedule {
    /// 2 years to under 15 years of age, and up to 50 kg: 25 mg/kg/day
    /// first, at most 500 mg per administration, 4 doses a day.
    Child,
    /// Over 50 kg, or 15 years of age or older: 250 mg twice daily for
    /// 1 week, then 500 mg twice daily, then increased.
    Adult,
}

impl LabelSchedule {
    /// The schedule for this patient (the age is not checked here: under
    /// 2 years, [`plan`] refuses the patient).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::LabelSchedule;
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(LabelSchedule::for_patient(&girl), LabelSchedule::Child);
    /// // Over 50 kg is adult dosing, whatever the age.
    /// let heavy = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(12.0)?);
    /// assert_eq!(LabelSchedule::for_patient(&heavy), LabelSchedule::Adult);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn for_patient(patient: &Patient) -> Self {
        let under_age_limit = patient.age().is_under(CHILD_AGE_LIMIT_YEARS);
        if under_age_limit && !over_child_weight(patient.weight()) {
            Self::Child
        } else {
            Self::Adult
        }
    }

    /// The label's number of doses a day on this schedule, used when the
    /// caller chooses none: 4 for a child, 2 for an adult.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::LabelSchedule;
    /// # use calcinosis_dosing::Frequency;
    /// assert_eq!(LabelSchedule::Child.frequency(), Frequency::FourTimesDaily);
    /// assert_eq!(LabelSchedule::Adult.frequency(), Frequency::TwiceDaily);
    /// ```
    #[must_use]
    pub const fn frequency(self) -> Frequency {
        match self {
            Self::Child => CHILD_FREQUENCY,
            Self::Adult => ADULT_FREQUENCY,
        }
    }
}

impl fmt::Display for LabelSchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Child => "child schedule",
            Self::Adult => "adult schedule",
        })
    }
}

/// A daily amount: a total per day, or a rate by body weight or by body
/// surface area. The caller's target, and the plan's record of its start.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::DailyAmount;
/// use calcinosis_dosing::{Age, BodyWeight, DailyDose, Patient};
///
/// let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
/// let maintenance = DailyAmount::LABEL_CHILD_MAINTENANCE;
/// assert_eq!(maintenance.to_string(), "40 mg/kg/day");
/// assert_eq!(maintenance.daily_for(&girl)?.mg_per_day(), 640.0);
/// let total = DailyAmount::Daily(DailyDose::from_mg_per_day(1250.0)?);
/// assert_eq!(total.daily_for(&girl)?.to_string(), "1,250 mg/day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::PROBENECID_LABEL`] (40 mg/kg/day, 1.2 g/m²/day),
/// [`sources::J_RHEUMATOL_2001`] (1,250 mg/day), [`sources::MOSTELLER_1987`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
#[non_exhaustive]
pub enum DailyAmount {
    /// A total per day (JSON unit `mg/d` or `g/d`).
    Daily(DailyDose),
    /// A rate by body weight (JSON unit `mg/kg/d`).
    PerKg(DailyDosePerKg),
    /// A rate by body surface area (JSON unit `mg/m2/d`); needs a height.
    PerM2(DailyDosePerM2),
}

impl DailyAmount {
    /// The label's child maintenance, 40 mg/kg/day
    /// ([`CHILD_MAINTENANCE_MG_PER_KG_PER_DAY`]).
    pub const LABEL_CHILD_MAINTENANCE: Self =
        Self::PerKg(DailyDosePerKg::derived(CHILD_MAINTENANCE_MG_PER_KG_PER_DAY));
    /// The label's child maintenance by body surface area, 1.2 g/m²/day
    /// ([`CHILD_MAINTENANCE_MG_PER_M2_PER_DAY`]).
    pub const LABEL_CHILD_MAINTENANCE_BSA: Self =
        Self::PerM2(DailyDosePerM2::derived(CHILD_MAINTENANCE_MG_PER_M2_PER_DAY));
    /// The dose the documented case reached, 1,250 mg/day
    /// ([`CASE_REACHED_MG_PER_DAY`]).
    pub const CASE_REACHED: Self = Self::Daily(DailyDose::derived(CASE_REACHED_MG_PER_DAY));

    /// The daily dose for this patient, before rounding.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::DailyAmount;
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, Height, Patient};
    /// let child = Patient::new(BodyWeight::from_kg(45.0)?, Age::from_years(13.0)?);
    /// assert_eq!(DailyAmount::LABEL_CHILD_MAINTENANCE.daily_for(&child)?.to_string(), "1,800 mg/day");
    /// let per_m2 = DailyAmount::LABEL_CHILD_MAINTENANCE_BSA;
    /// assert!(matches!(per_m2.daily_for(&child), Err(Error::Invalid { field: "target", .. })));
    /// // 1.2 g/m²/day × 1.41 m² (Mosteller: 45 kg, 160 cm)
    /// let measured = child.with_height(Height::from_cm(160.0)?);
    /// assert_eq!(per_m2.daily_for(&measured)?.to_string(), "1,697.056 mg/day");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for a rate by body surface area when the patient
    /// has no height.
    ///
    /// # References
    ///
    /// [`sources::MOSTELLER_1987`] for the body surface area.
    pub fn daily_for(self, patient: &Patient) -> Result<DailyDose, Error> {
        self.exact_daily_for(patient)
            .map(|mg| DailyDose::derived(exact::to_f64(mg)))
    }

    /// The daily dose for `patient` in mg/day, exactly (the body surface
    /// area read to nine decimals of m²).
    fn exact_daily_for(self, patient: &Patient) -> Result<Exact, Error> {
        match self {
            Self::Daily(d) => Ok(d.exact()),
            Self::PerKg(r) => Ok(r.exact() * patient.weight().exact_kg()),
            Self::PerM2(r) => {
                let bsa = surface_area(patient, "target", &r.to_string())?;
                Ok(r.exact() * exact::constant(bsa.m2()))
            }
        }
    }

    /// "25 mg/kg/day for 16 kg = 400 mg/day", or "1,250 mg/day".
    fn describe(self, weight: BodyWeight, bsa: Option<BodySurfaceArea>, daily: f64) -> String {
        let daily = DailyDose::derived(daily);
        match (self, bsa) {
            (Self::Daily(d), _) => d.to_string(),
            (Self::PerKg(r), _) => format!("{r} for {weight} = {daily}"),
            (Self::PerM2(r), Some(bsa)) => format!("{r} for {bsa} (Mosteller) = {daily}"),
            (Self::PerM2(r), None) => format!("{r} = {daily}"),
        }
    }
}

impl fmt::Display for DailyAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Daily(d) => d.fmt(f),
            Self::PerKg(r) => r.fmt(f),
            Self::PerM2(r) => r.fmt(f),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for DailyAmount {
    type Error = Error;

    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        match q.unit.as_str() {
            "mg/d" | "g/d" => DailyDose::try_from(q).map(Self::Daily),
            "mg/kg/d" => DailyDosePerKg::try_from(q).map(Self::PerKg),
            "mg/m2/d" => DailyDosePerM2::try_from(q).map(Self::PerM2),
            _ => Err(Error::UnknownUnit {
                field: "target",
                unit: q.unit,
                expected: "mg/d, g/d, mg/kg/d, mg/m2/d",
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl From<DailyAmount> for crate::wire::Quantity {
    fn from(a: DailyAmount) -> Self {
        match a {
            DailyAmount::Daily(d) => d.into(),
            DailyAmount::PerKg(r) => r.into(),
            DailyAmount::PerM2(r) => r.into(),
        }
    }
}

/// The time between titration steps, in whole days: within 1 to 365 days.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::StepInterval;
///
/// assert_eq!(StepInterval::default().days(), 28);
/// assert_eq!(StepInterval::default().to_string(), "4 weeks");
/// assert_eq!(StepInterval::from_days(10)?.to_string(), "10 days");
/// assert!(StepInterval::from_days(0).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::OutOfRange`] outside 1 to 365 days; from JSON also
/// [`Error::NotFinite`], and [`Error::Invalid`] for a part of a day.
///
/// # References
///
/// The default, 4 weeks, is the adult label's titration interval
/// ([`sources::PROBENECID_LABEL`]); the case report gives none. The bounds
/// are this crate's plausibility check (`DESIGN.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct StepInterval {
    days: u32,
}

impl StepInterval {
    /// The shortest interval accepted, in days.
    pub const MIN_DAYS: u32 = 1;
    /// The longest interval accepted, in days.
    pub const MAX_DAYS: u32 = 365;
    /// The adult label's interval, 4 weeks (the default).
    pub const ADULT_LABEL: Self = Self {
        days: ADULT_STEP_INTERVAL_WEEKS * DAYS_PER_WEEK,
    };
    /// The adult label's first week at 250 mg twice daily (for messages).
    const ADULT_FIRST_WEEK: Self = Self {
        days: ADULT_FIRST_WEEK_DAYS,
    };

    /// An interval in days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::StepInterval;
    /// assert_eq!(StepInterval::from_days(14)?.to_string(), "2 weeks");
    /// assert_eq!(
    ///     StepInterval::from_days(400).unwrap_err().to_string(),
    ///     "step interval 400 days is not in the allowed range 1 to 365 days",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_days(days: u32) -> Result<Self, Error> {
        check_range(
            "step interval",
            f64::from(days),
            f64::from(Self::MIN_DAYS),
            f64::from(Self::MAX_DAYS),
            "days",
        )?;
        Ok(Self { days })
    }

    /// An interval in weeks (7 days each).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::StepInterval;
    /// assert_eq!(StepInterval::from_weeks(4)?, StepInterval::ADULT_LABEL);
    /// assert_eq!(
    ///     StepInterval::from_weeks(53).unwrap_err().to_string(),
    ///     "step interval 371 days is not in the allowed range 1 to 365 days",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation; the range is checked in days.
    pub fn from_weeks(weeks: u32) -> Result<Self, Error> {
        let days = u64::from(weeks) * u64::from(DAYS_PER_WEEK);
        match u32::try_from(days) {
            Ok(days) => Self::from_days(days),
            // Only for absurd inputs; reported like any other out-of-range value.
            #[allow(clippy::cast_precision_loss, reason = "an error message only")]
            Err(_) => Err(Error::OutOfRange {
                field: "step interval",
                value: days as f64,
                min: f64::from(Self::MIN_DAYS),
                max: f64::from(Self::MAX_DAYS),
                unit: "days",
            }),
        }
    }

    /// The interval in days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::StepInterval;
    /// assert_eq!(StepInterval::from_weeks(2)?.days(), 14);
    /// assert_eq!(StepInterval::ADULT_LABEL.days(), 28);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn days(self) -> u32 {
        self.days
    }
}

impl Default for StepInterval {
    fn default() -> Self {
        Self::ADULT_LABEL
    }
}

impl fmt::Display for StepInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.days % DAYS_PER_WEEK, self.days / DAYS_PER_WEEK) {
            (0, 1) => f.write_str("1 week"),
            (0, weeks) => write!(f, "{weeks} weeks"),
            _ if self.days == 1 => f.write_str("1 day"),
            _ => write!(f, "{} days", self.days),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for StepInterval {
    type Error = Error;

    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        let (days, unit) = match q.unit.as_str() {
            "d" => (q.value, "days"),
            "wk" => (q.value * f64::from(DAYS_PER_WEEK), "weeks"),
            _ => {
                return Err(Error::UnknownUnit {
                    field: "step interval",
                    unit: q.unit,
                    expected: "d, wk",
                });
            }
        };
        if !q.value.is_finite() {
            return Err(Error::NotFinite {
                field: "step interval",
                value: q.value,
                unit,
            });
        }
        let days = check_range(
            "step interval",
            days,
            f64::from(Self::MIN_DAYS),
            f64::from(Self::MAX_DAYS),
            "days",
        )?;
        if !exact::decimal(days).is_some_and(exact::is_whole) {
            return Err(Error::Invalid {
                field: "step interval",
                value: format!("{} days", number(days, 3)),
                reason: "expected a whole number of days".to_owned(),
            });
        }
        // In range: checked to be within 1 to 365 above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let days = days.round() as u32;
        Self::from_days(days)
    }
}

#[cfg(feature = "serde")]
impl From<StepInterval> for crate::wire::Quantity {
    fn from(i: StepInterval) -> Self {
        Self {
            value: f64::from(i.days),
            unit: "d".to_owned(),
        }
    }
}

/// Options for a probenecid titration plan. The common case is
/// `Options::default()`: body-weight basis, the label's frequency for the
/// patient's schedule (4 times daily for a child, twice daily for an
/// adult), exact division, +500 mg/day every 4 weeks, 10 % rounding
/// tolerance.
///
/// The frequency is `None` until [`Options::frequency`] sets it: a
/// frequency the caller chose is used on either schedule, and `None` means
/// "the label's for the schedule" ([`LabelSchedule::frequency`]).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::{Division, Options, StepInterval};
/// use calcinosis_dosing::{DailyDose, Frequency, Tolerance};
///
/// let options = Options::default()
///     .step(DailyDose::from_mg_per_day(250.0)?)
///     .interval(StepInterval::from_weeks(2)?)
///     .frequency(Frequency::ThreeTimesDaily)
///     .division(Division::FewerOnSmallSteps)
///     .tolerance(Tolerance::from_percent(15.0)?);
/// assert_eq!(options.get_step().mg_per_day(), 250.0);
/// assert_eq!(options.get_interval().days(), 14);
/// assert_eq!(options.get_frequency(), Some(Frequency::ThreeTimesDaily));
/// assert_eq!(Options::default().get_frequency(), None);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// Defaults: [`sources::PROBENECID_LABEL`] (adult titration; 4 doses a day
/// for a child, twice daily for an adult), [`sources::ROUNDING_RULE`]
/// (10 %).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    basis: Basis,
    frequency: Option<Frequency>,
    division: Division,
    step: DailyDose,
    interval: StepInterval,
    tolerance: Tolerance,
}

impl Options {
    /// The default options.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{Basis, Division, Options};
    /// let options = Options::new();
    /// assert_eq!(options, Options::default());
    /// assert_eq!((options.get_basis(), options.get_division()), (Basis::BodyWeight, Division::Exact));
    /// assert_eq!(options.get_step().to_string(), "500 mg/day");
    /// assert_eq!(options.get_interval().to_string(), "4 weeks");
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            basis: Basis::BodyWeight,
            frequency: None,
            division: Division::Exact,
            step: DailyDose::derived(ADULT_STEP_MG_PER_DAY),
            interval: StepInterval::ADULT_LABEL,
            tolerance: Tolerance::DEFAULT,
        }
    }

    /// The basis of the start dose.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{Basis, Options};
    /// let options = Options::new().basis(Basis::BodySurfaceArea);
    /// assert_eq!(options.get_basis(), Basis::BodySurfaceArea);
    /// ```
    #[must_use]
    pub const fn basis(mut self, basis: Basis) -> Self {
        self.basis = basis;
        self
    }

    /// The number of administrations per day, on either schedule. Without
    /// it the plan uses the label's for the patient's schedule: 4 times
    /// daily for a child, twice daily for an adult.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::Options;
    /// # use calcinosis_dosing::Frequency;
    /// let options = Options::new().frequency(Frequency::ThreeTimesDaily);
    /// assert_eq!(options.get_frequency(), Some(Frequency::ThreeTimesDaily));
    /// ```
    #[must_use]
    pub const fn frequency(mut self, frequency: Frequency) -> Self {
        self.frequency = Some(frequency);
        self
    }

    /// What to do with a step that has fewer half-tablets than
    /// administrations.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{Division, Options};
    /// let options = Options::new().division(Division::FewerOnSmallSteps);
    /// assert_eq!(options.get_division(), Division::FewerOnSmallSteps);
    /// ```
    #[must_use]
    pub const fn division(mut self, division: Division) -> Self {
        self.division = division;
        self
    }

    /// The increase per step (checked when planning: a whole number of
    /// half-tablets, 250 mg/day each).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, DailyDose, Error, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// let options = Options::new().step(DailyDose::from_mg_per_day(250.0)?);
    /// assert_eq!(options.get_step().to_string(), "250 mg/day");
    /// // 300 mg/day is not a whole number of half-tablets: refused when planning.
    /// let odd = Options::new().step(DailyDose::from_mg_per_day(300.0)?);
    /// let err = probenecid::plan(&child, DailyAmount::CASE_REACHED, &odd).unwrap_err();
    /// assert!(matches!(err, Error::Invalid { field: "step size", .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn step(mut self, step: DailyDose) -> Self {
        self.step = step;
        self
    }

    /// The time between steps.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options, StepInterval};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// let options = Options::new().interval(StepInterval::from_weeks(2)?);
    /// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &options)?;
    /// let days: Vec<u32> = plan.steps().iter().map(|s| s.day()).collect();
    /// assert_eq!(days, [0, 14]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn interval(mut self, interval: StepInterval) -> Self {
        self.interval = interval;
        self
    }

    /// The rounding tolerance for the start and the target.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, Patient, Tolerance};
    /// // 25 mg/kg/day for 16 kg is 400 mg/day; the nearest, 500 mg/day, is +25 %.
    /// let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// let err = probenecid::plan(&girl, DailyAmount::CASE_REACHED, &Options::new()).unwrap_err();
    /// assert!(matches!(err, Error::NotMeasurable { .. }));
    /// let wide = Options::new().tolerance(Tolerance::from_percent(25.0)?);
    /// assert_eq!(wide.get_tolerance().to_string(), "25 %");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn tolerance(mut self, tolerance: Tolerance) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// The basis of the start dose.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{Basis, Options};
    /// assert_eq!(Options::new().get_basis(), Basis::BodyWeight);
    /// ```
    #[must_use]
    pub const fn get_basis(&self) -> Basis {
        self.basis
    }

    /// The number of administrations per day the caller chose, or `None`
    /// for the label's on the patient's schedule.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::Options;
    /// # use calcinosis_dosing::Frequency;
    /// assert_eq!(Options::new().get_frequency(), None);
    /// let options = Options::new().frequency(Frequency::TwiceDaily);
    /// assert_eq!(options.get_frequency(), Some(Frequency::TwiceDaily));
    /// ```
    #[must_use]
    pub const fn get_frequency(&self) -> Option<Frequency> {
        self.frequency
    }

    /// The division rule for small steps.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{Division, Options};
    /// assert_eq!(Options::new().get_division(), Division::Exact);
    /// ```
    #[must_use]
    pub const fn get_division(&self) -> Division {
        self.division
    }

    /// The increase per step.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::Options;
    /// assert_eq!(Options::new().get_step().mg_per_day(), 500.0);
    /// ```
    #[must_use]
    pub const fn get_step(&self) -> DailyDose {
        self.step
    }

    /// The time between steps.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::Options;
    /// assert_eq!(Options::new().get_interval().days(), 28);
    /// ```
    #[must_use]
    pub const fn get_interval(&self) -> StepInterval {
        self.interval
    }

    /// The rounding tolerance.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::Options;
    /// assert_eq!(Options::new().get_tolerance().to_string(), "10 %");
    /// ```
    #[must_use]
    pub const fn get_tolerance(&self) -> Tolerance {
        self.tolerance
    }
}

impl Default for Options {
    fn default() -> Self {
        Self::new()
    }
}

/// One titration step: from which day, the daily dose (calculated and
/// measurable), and the day's administrations.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
/// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
/// let first = &plan.steps()[0];
/// assert_eq!(first.day(), 0);
/// assert_eq!(first.daily().mg_per_day(), 1000.0);
/// assert_eq!(first.to_string(),
///     "Day 0: 1,000 mg/day (25 mg/kg/day): 250 mg (0.5 tablet of 500 mg) 4 times daily; total 1,000 mg/day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TitrationStep {
    #[cfg_attr(feature = "serde", serde(serialize_with = "day_quantity"))]
    day: u32,
    calculated: DailyDose,
    daily: DailyDose,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::percent"))]
    deviation_percent: f64,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::dose::achieved"))]
    achieved: DailyDosePerKg,
    schedule: DailySchedule,
}

#[cfg(feature = "serde")]
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
fn day_quantity<S: serde::Serializer>(day: &u32, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(
        &crate::wire::Quantity {
            value: f64::from(*day),
            unit: "d".to_owned(),
        },
        s,
    )
}

impl TitrationStep {
    /// The day this step starts, counted from the start of treatment (0).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// let days: Vec<u32> = plan.steps().iter().map(|s| s.day()).collect();
    /// assert_eq!(days, [0, 28]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn day(&self) -> u32 {
        self.day
    }

    /// The daily dose before rounding: for the start, weight × rate on the
    /// child schedule or the label's 500 mg/day on the adult schedule; for
    /// the last step, the caller's target; in between, the step's own
    /// measurable dose (the previous step plus the step size, or the adult
    /// label's 1,000 mg/day on day 7).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// // 40 kg: 1,000 mg/day from day 0, then the 1,600 mg/day target rounded.
    /// let last = &plan.steps()[1];
    /// assert_eq!(last.calculated().to_string(), "1,600 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn calculated(&self) -> DailyDose {
        self.calculated
    }

    /// The measurable daily dose given (the sum of the administrations).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// // 40 kg: 1,000 mg/day from day 0, then the 1,600 mg/day target rounded.
    /// let last = &plan.steps()[1];
    /// assert_eq!(last.daily().to_string(), "1,500 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn daily(&self) -> DailyDose {
        self.daily
    }

    /// (daily − calculated) / calculated, in percent.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// // 40 kg: 1,000 mg/day from day 0, then the 1,600 mg/day target rounded.
    /// let last = &plan.steps()[1];
    /// assert_eq!(last.deviation_percent(), -6.25);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn deviation_percent(&self) -> f64 {
        self.deviation_percent
    }

    /// The rate by body weight the daily dose amounts to.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// // 40 kg: 1,000 mg/day from day 0, then the 1,600 mg/day target rounded.
    /// let last = &plan.steps()[1];
    /// assert_eq!(last.achieved().to_string(), "37.5 mg/kg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn achieved(&self) -> DailyDosePerKg {
        self.achieved
    }

    /// The day's administrations.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// // 40 kg: 1,000 mg/day from day 0, then the 1,600 mg/day target rounded.
    /// let last = &plan.steps()[1];
    /// assert_eq!(last.schedule().frequency(), calcinosis_dosing::Frequency::FourTimesDaily);
    /// assert_eq!(last.schedule().total().mg_per_day(), 1500.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn schedule(&self) -> &DailySchedule {
        &self.schedule
    }

    /// The day's administrations, in order.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// // 40 kg: 1,000 mg/day from day 0, then the 1,600 mg/day target rounded.
    /// let last = &plan.steps()[1];
    /// let doses: Vec<f64> = last.administrations().iter().map(|a| a.dose().mg()).collect();
    /// assert_eq!(doses, [500.0, 500.0, 250.0, 250.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn administrations(&self) -> &[Administration] {
        self.schedule.administrations()
    }
}

impl fmt::Display for TitrationStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Day {}: {} (",
            number(f64::from(self.day), 0),
            self.daily
        )?;
        // Exactly zero when the step is the calculated dose (decided exactly).
        if self.deviation_percent.abs() > 0.0 {
            write!(
                f,
                "calculated {}, {}; ",
                self.calculated,
                signed_percent(self.deviation_percent / 100.0)
            )?;
        }
        write!(f, "{}): {}", self.achieved, self.schedule)
    }
}

/// A probenecid titration plan: ordered steps from the start dose to the
/// target, with the options used, alerts and citations. `Display` writes it
/// the safe way.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
/// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
/// assert_eq!(plan.start_calculated().mg_per_day(), 1000.0);
/// assert_eq!(plan.target_calculated().mg_per_day(), 1600.0);
/// assert_eq!(plan.reached().mg_per_day(), 1500.0);
/// assert!(plan.to_string().contains("Day 28: 1,500 mg/day (calculated 1,600 mg/day"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TitrationPlan {
    drug: &'static str,
    product: String,
    weight: BodyWeight,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    body_surface_area: Option<BodySurfaceArea>,
    schedule: LabelSchedule,
    basis: Basis,
    start_ordered: DailyAmount,
    start_calculated: DailyDose,
    target_ordered: DailyAmount,
    target_calculated: DailyDose,
    step: DailyDose,
    interval: StepInterval,
    frequency: Frequency,
    division: Division,
    tolerance: Tolerance,
    steps: Vec<TitrationStep>,
    limits: Vec<CheckedLimit>,
    alerts: Vec<Alert>,
    citations: Vec<Citation>,
}

impl TitrationPlan {
    /// Every limit the plan was checked against: its id, value, unit, scope
    /// and source, the plan's value, and the outcome (within, limited to
    /// it, or crossed with an alert naming it).
    ///
    /// See [`crate::CheckedLimit`] for an example.
    #[must_use]
    pub fn limits(&self) -> &[CheckedLimit] {
        &self.limits
    }

    /// The drug, `"probenecid"`.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.drug(), "probenecid");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn drug(&self) -> &'static str {
        self.drug
    }

    /// The product the doses are measured with.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.product(), "probenecid 500 mg tablets");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product(&self) -> &str {
        &self.product
    }

    /// The weight the plan was made for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.weight().kg(), 40.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn weight(&self) -> BodyWeight {
        self.weight
    }

    /// The Mosteller body surface area, when the patient's height was given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.body_surface_area(), None);
    /// # use calcinosis_dosing::Height;
    /// let measured = child.with_height(Height::from_cm(160.0)?);
    /// let plan = probenecid::plan(&measured, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.body_surface_area().map(|a| a.to_string()), Some("1.33 m²".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn body_surface_area(&self) -> Option<BodySurfaceArea> {
        self.body_surface_area
    }

    /// The label's schedule the plan follows.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// # use calcinosis_dosing::probenecid::LabelSchedule;
    /// assert_eq!(plan.schedule(), LabelSchedule::Child);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn schedule(&self) -> LabelSchedule {
        self.schedule
    }

    /// The basis of the start dose (on the adult schedule it changes no
    /// dose).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// # use calcinosis_dosing::probenecid::Basis;
    /// assert_eq!(plan.basis(), Basis::BodyWeight);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn basis(&self) -> Basis {
        self.basis
    }

    /// The start: 25 mg/kg/day or 0.7 g/m²/day on the child schedule, the
    /// label's 500 mg/day on the adult schedule.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.start_ordered().to_string(), "25 mg/kg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn start_ordered(&self) -> DailyAmount {
        self.start_ordered
    }

    /// The start daily dose before rounding.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// // 25 mg/kg/day × 40 kg
    /// assert_eq!(plan.start_calculated().to_string(), "1,000 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn start_calculated(&self) -> DailyDose {
        self.start_calculated
    }

    /// The target as the caller gave it.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.target_ordered(), DailyAmount::LABEL_CHILD_MAINTENANCE);
    /// assert_eq!(plan.target_ordered().to_string(), "40 mg/kg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn target_ordered(&self) -> DailyAmount {
        self.target_ordered
    }

    /// The target daily dose before rounding.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// // 40 mg/kg/day × 40 kg, before rounding to half-tablets
    /// assert_eq!(plan.target_calculated().to_string(), "1,600 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn target_calculated(&self) -> DailyDose {
        self.target_calculated
    }

    /// The increase per step.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.step().to_string(), "500 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn step(&self) -> DailyDose {
        self.step
    }

    /// The time between steps.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.interval().to_string(), "4 weeks");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn interval(&self) -> StepInterval {
        self.interval
    }

    /// The number of administrations per day the plan used: the caller's,
    /// or the label's for the schedule. A small step may be given in fewer
    /// ([`Division::FewerOnSmallSteps`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, DailyDose, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(45.0)?);
    /// # let target = DailyAmount::Daily(DailyDose::from_mg_per_day(2000.0)?);
    /// # let plan = probenecid::plan(&adult, target, &Options::default())?;
    /// # use calcinosis_dosing::Frequency;
    /// assert_eq!(plan.frequency(), Frequency::TwiceDaily);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// The division rule used for small steps.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// # use calcinosis_dosing::probenecid::Division;
    /// assert_eq!(plan.division(), Division::Exact);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn division(&self) -> Division {
        self.division
    }

    /// The rounding tolerance the start and target were rounded with.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// assert_eq!(plan.tolerance().percent(), 10.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// The steps, in order; the first is the start, the last the target.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, DailyDose, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(45.0)?);
    /// # let target = DailyAmount::Daily(DailyDose::from_mg_per_day(2000.0)?);
    /// # let plan = probenecid::plan(&adult, target, &Options::default())?;
    /// let daily: Vec<f64> = plan.steps().iter().map(|s| s.daily().mg_per_day()).collect();
    /// assert_eq!(daily, [500.0, 1000.0, 1500.0, 2000.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn steps(&self) -> &[TitrationStep] {
        &self.steps
    }

    /// The measurable daily dose of the last step (the rounded target).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// // The 1,600 mg/day target is 1,500 mg/day in half-tablets (-6.25 %).
    /// assert_eq!(plan.reached().to_string(), "1,500 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reached(&self) -> DailyDose {
        self.steps
            .last()
            .map_or(self.target_calculated, TitrationStep::daily)
    }

    /// Advisories; empty when none applies.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, DailyDose, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(45.0)?);
    /// # let target = DailyAmount::Daily(DailyDose::from_mg_per_day(2000.0)?);
    /// # let plan = probenecid::plan(&adult, target, &Options::default())?;
    /// # use calcinosis_dosing::AlertKind;
    /// let kinds: Vec<AlertKind> = plan.alerts().iter().map(|a| a.kind()).collect();
    /// assert_eq!(kinds, [AlertKind::AdultScheduleApplies]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn alerts(&self) -> &[Alert] {
        &self.alerts
    }

    /// The sources used.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// # let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
    /// let keys: Vec<&str> = plan.citations().iter().map(|c| c.key()).collect();
    /// assert_eq!(keys, ["j-rheumatol-2001", "probenecid-label"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn citations(&self) -> &[Citation] {
        &self.citations
    }
}

impl fmt::Display for TitrationPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", capitalise(self.drug), self.product)?;
        match self.schedule {
            LabelSchedule::Child => writeln!(
                f,
                "Start: {}",
                self.start_ordered.describe(
                    self.weight,
                    self.body_surface_area,
                    self.start_calculated.mg_per_day()
                )
            )?,
            // Rendered from the plan's own first steps, so the text never
            // names a dose the schedule does not give.
            LabelSchedule::Adult => match self.steps.as_slice() {
                [first, second, ..] => writeln!(
                    f,
                    "Start: {} from day {}, then {} from day {} (the label's adult schedule)",
                    start_text(first.schedule()),
                    day_number(first.day()),
                    start_text(second.schedule()),
                    day_number(second.day()),
                )?,
                [only] => writeln!(
                    f,
                    "Start: {} from day {} (the label's adult first week; the target is reached)",
                    start_text(only.schedule()),
                    day_number(only.day()),
                )?,
                [] => writeln!(f, "Start: {}", adult_start_text())?,
            },
        }
        writeln!(
            f,
            "Target: {}",
            self.target_ordered.describe(
                self.weight,
                self.body_surface_area,
                self.target_calculated.mg_per_day()
            )
        )?;
        let from = match self.schedule {
            LabelSchedule::Child => String::new(),
            LabelSchedule::Adult => format!(" from day {ADULT_FIRST_WEEK_DAYS}"),
        };
        writeln!(
            f,
            "Titration: +{} every {}{from}, {}; rounding tolerance {}",
            self.step, self.interval, self.frequency, self.tolerance
        )?;
        for step in &self.steps {
            writeln!(f, "{step}")?;
        }
        write_limits_alerts_and_citations(f, &self.limits, &self.alerts, &self.citations)
    }
}

/// The child schedule, for messages: "2 years to under 15 years, up to
/// 50 kg".
fn child_band() -> String {
    format!(
        "{} years to under {} years, up to {} kg",
        number(MIN_AGE_YEARS, 0),
        number(CHILD_AGE_LIMIT_YEARS, 0),
        number(CHILD_MAX_WEIGHT_KG, 0)
    )
}

/// A daily dose of `mg_per_dose` on the adult label's frequency.
fn adult_daily(mg_per_dose: f64) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "2 administrations")]
    let times = ADULT_FREQUENCY.times_per_day() as f64;
    mg_per_dose * times
}

/// "250 mg twice daily = 500 mg/day for 1 week, then 500 mg twice daily =
/// 1,000 mg/day (the label's adult schedule)".
fn adult_start_text() -> String {
    format!(
        "{} {ADULT_FREQUENCY} = {} for {}, then {} {ADULT_FREQUENCY} = {} (the label's adult \
         schedule)",
        Dose::derived(ADULT_FIRST_WEEK_MG_PER_DOSE),
        DailyDose::derived(adult_daily(ADULT_FIRST_WEEK_MG_PER_DOSE)),
        StepInterval::ADULT_FIRST_WEEK,
        Dose::derived(ADULT_MG_PER_DOSE),
        DailyDose::derived(adult_daily(ADULT_MG_PER_DOSE)),
    )
}

/// "250 mg twice daily = 500 mg/day" when every administration of the day
/// is the same dose, otherwise the day's total: rendered from the schedule.
fn start_text(schedule: &DailySchedule) -> String {
    match schedule.administrations() {
        [first, rest @ ..] if rest.iter().all(|a| a.dose() == first.dose()) => format!(
            "{} {} = {}",
            first.dose(),
            schedule.frequency(),
            schedule.total()
        ),
        _ => schedule.total().to_string(),
    }
}

/// A day number written the safe way ("1,095").
fn day_number(day: u32) -> String {
    number(f64::from(day), 0)
}

/// "1 half-tablet of 250 mg", "5 half-tablets of 250 mg".
fn half_tablets(halves: u64, product: &Product) -> String {
    let noun = if halves == 1 {
        "half-tablet"
    } else {
        "half-tablets"
    };
    format!("{halves} {noun} of {}", Dose::derived(product.step_mg()))
}

/// The Mosteller area, or an error naming what needed it.
fn surface_area(
    patient: &Patient,
    field: &'static str,
    value: &str,
) -> Result<BodySurfaceArea, Error> {
    patient.body_surface_area().ok_or_else(|| Error::Invalid {
        field,
        value: value.to_owned(),
        reason: "the patient has no height, which the Mosteller body surface area needs".to_owned(),
    })
}

/// `1..=4` administrations as a frequency.
const fn frequency_of(n: u64) -> Option<Frequency> {
    match n {
        1 => Some(Frequency::OnceDaily),
        2 => Some(Frequency::TwiceDaily),
        3 => Some(Frequency::ThreeTimesDaily),
        4 => Some(Frequency::FourTimesDaily),
        _ => None,
    }
}

/// `mg` as a whole number of half-tablets, if it is one.
fn whole_steps(mg: Exact, step: Exact) -> Option<u64> {
    let ratio = exact::div(mg, step)?;
    if exact::is_whole(ratio) && ratio >= exact::int(1) {
        u64::try_from(ratio.to_integer()).ok()
    } else {
        None
    }
}

fn above_maximum(field: &'static str, value: Exact) -> Result<(), Error> {
    if value <= exact::constant(MAX_MG_PER_DAY) {
        Ok(())
    } else {
        Err(Error::AboveMaximum {
            field,
            value: exact::to_f64(value),
            max: MAX_MG_PER_DAY,
            unit: "mg/day",
            source_ref: sources::PROBENECID_LABEL.reference(),
        })
    }
}

/// Rounds a daily dose to whole half-tablets, never above 2 g/day; a dose
/// that is not measurable is an error whose suggestion is the tolerance
/// that would accept the nearest measurable dose. `what` names the dose
/// ("start daily dose").
fn round_daily(
    product: &Product,
    calculated: Exact,
    tolerance: Tolerance,
    what: &'static str,
) -> Result<Measured, Error> {
    let max = exact::constant(MAX_MG_PER_DAY);
    let target = Target {
        calculated,
        tolerance,
        documented: None,
        cap: Some(max),
        allow_up: false,
        what,
        unit: "mg/day",
    };
    round(product, &target).map_err(|err| {
        let Error::NotMeasurable {
            what,
            calculated: calculated_mg,
            unit,
            tolerance_percent,
            candidates,
            ..
        } = err
        else {
            return err;
        };
        let step = product.step_exact();
        let best = exact::neighbours(calculated, step)
            .map(|(below, above)| [below, above])
            .unwrap_or_default()
            .into_iter()
            .map(|steps| step * exact::int(i128::from(steps)))
            .filter(|&mg| mg >= step && mg <= max)
            .min_by(|&a, &b| exact::nearer(a, b, calculated));
        let suggestion = best
            .and_then(|mg| {
                let needed = exact::abs(exact::deviation(mg, calculated)?) * exact::int(100);
                // Rounded up to 0.1 %, so that the tolerance named accepts it.
                let needed = exact::ceil_to(needed, exact::frac(1, 10))?;
                (needed <= exact::constant(Tolerance::MAX_PERCENT)).then(|| {
                    Suggestion::WiderTolerance {
                        tolerance_percent: exact::to_f64(needed),
                        amount: exact::to_f64(mg),
                    }
                })
            })
            .unwrap_or(Suggestion::NoTolerance {
                max_percent: Tolerance::MAX_PERCENT,
            });
        Error::NotMeasurable {
            what,
            calculated: calculated_mg,
            unit,
            product: format!(
                "{} (whole half-tablets of {})",
                product.name(),
                Dose::derived(exact::to_f64(step))
            ),
            tolerance_percent,
            candidates,
            suggestion: Some(Box::new(suggestion)),
        }
    })
}

/// Divides one step's half-tablets into administrations.
///
/// Returns the schedule and whether it has fewer administrations than
/// `ladder.frequency`.
fn divide_day(ladder: &Ladder<'_>, day: u32, halves: u64) -> Result<(DailySchedule, bool), Error> {
    let product = ladder.product;
    let child_cap = ladder.child_cap;
    let chosen = ladder.frequency;
    let n = chosen.times_per_day();
    let daily = DailyDose::derived(product.mg_of(halves));
    let (frequency, reduced) = if halves >= n {
        (chosen, false)
    } else if let (Division::FewerOnSmallSteps, Some(fewer)) =
        (ladder.division, frequency_of(halves))
    {
        (fewer, true)
    } else {
        let most = frequency_of(halves)
            .map_or_else(String::new, |f| format!("give this step at most {f}, or "));
        return Err(Error::Invalid {
            field: "frequency",
            value: chosen.to_string(),
            reason: format!(
                "day {}: {daily} is {}, fewer than {n} administrations, and no administration \
                 may be zero; {most}allow fewer administrations on small steps",
                day_number(day),
                half_tablets(halves, product),
            ),
        });
    };
    let count = frequency.times_per_day();
    let Some(parts) = divide(halves, count, child_cap) else {
        let largest = halves.div_ceil(count);
        let needed = child_cap
            .filter(|&cap| cap > 0)
            .map(|cap| halves.div_ceil(cap))
            .and_then(frequency_of)
            .map_or_else(
                || "no documented frequency keeps every administration within it".to_owned(),
                |f| format!("give it at least {f}"),
            );
        return Err(Error::Invalid {
            field: "frequency",
            value: frequency.to_string(),
            reason: format!(
                "day {}: {daily} {frequency} puts {} in one administration, above the label \
                 maximum of {} per administration for a child ({}); {needed}",
                day_number(day),
                Dose::derived(product.mg_of(largest)),
                Dose::derived(CHILD_MAX_MG_PER_ADMINISTRATION),
                child_band(),
            ),
        });
    };
    let mut administrations = Vec::with_capacity(parts.len());
    for part in parts {
        let give = product.give(part).ok_or_else(|| Error::Invalid {
            field: "administration",
            value: Dose::derived(product.mg_of(part)).to_string(),
            reason: "no administration may be zero".to_owned(),
        })?;
        administrations.push(Administration::new(
            Dose::derived(product.mg_of(part)),
            give,
        ));
    }
    Ok((DailySchedule::new(frequency, administrations), reduced))
}

/// A probenecid titration plan up to `target`, on the label's schedule for
/// the patient: from 25 mg/kg/day for a child, from the label's 250 mg
/// twice daily for an adult.
///
/// See the [module documentation](self) for how the plan is made and the
/// choices it documents.
///
/// - **Child schedule** (2 years to under 15 years of age, up to 50 kg): the
///   first step is the rounded start, 25 mg/kg/day (or 0.7 g/m²/day with
///   [`Basis::BodySurfaceArea`]); each next step adds [`Options::step`]
///   after [`Options::interval`]; 4 times daily unless the caller chose a
///   frequency; at most 500 mg per administration.
/// - **Adult schedule** (over 50 kg, or 15 years or older): day 0 is
///   500 mg/day (250 mg twice daily), day 7 is 1,000 mg/day (500 mg twice
///   daily), and each next step adds [`Options::step`] (default
///   500 mg/day) after [`Options::interval`] (default 4 weeks), counted
///   from day 7; twice daily unless the caller chose a frequency. The plan
///   carries an [`AlertKind::AdultScheduleApplies`] alert naming the 50 kg
///   or 15-year limit.
///
/// On both, a step that would pass the rounded target is the rounded target
/// and the last step, and each step is divided into whole half-tablets.
///
/// # Errors
///
/// - [`Error::Contraindicated`] under 2 years of age.
/// - [`Error::Invalid`] when the step size is not a whole number of
///   half-tablets (250 mg/day); when the body-surface-area basis or a target
///   per m² is used without a height; when the target is below the start
///   (for an adult, below the label's 500 mg/day); when a step has fewer
///   half-tablets than administrations (with [`Division::Exact`]); when a
///   child's step cannot be divided with no administration above 500 mg
///   (the message names the frequency that would work).
/// - [`Error::AboveMaximum`] when the start or the target is above
///   2,000 mg/day.
/// - [`Error::NotMeasurable`] when the start or the target cannot be
///   reached in half-tablets within the tolerance; the message names the
///   nearest measurable daily doses, their deviation, and the tolerance that
///   would accept the nearest.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
/// use calcinosis_dosing::{Age, AlertKind, BodyWeight, DailyDose, Patient};
///
/// let toddler = Patient::new(BodyWeight::from_kg(11.0)?, Age::from_months(18.0)?);
/// let err = probenecid::plan(&toddler, DailyAmount::CASE_REACHED, &Options::default()).unwrap_err();
/// assert!(err.to_string().starts_with("probenecid is contraindicated under 2 years of age: age 18 months"));
///
/// // A 90 kg adult up to 1,250 mg/day: the label's adult schedule, the
/// // last step ending at the target.
/// let adult = Patient::new(BodyWeight::from_kg(90.0)?, Age::from_years(60.0)?);
/// let target = DailyAmount::Daily(DailyDose::from_mg_per_day(1250.0)?);
/// let plan = probenecid::plan(&adult, target, &Options::default())?;
/// let daily: Vec<f64> = plan.steps().iter().map(|s| s.daily().mg_per_day()).collect();
/// assert_eq!(daily, [500.0, 1000.0, 1250.0]);
/// assert_eq!(plan.alerts()[0].kind(), AlertKind::AdultScheduleApplies);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](self).
pub fn plan(
    patient: &Patient,
    target: DailyAmount,
    options: &Options,
) -> Result<TitrationPlan, Error> {
    let age = patient.age();
    if age.is_under(MIN_AGE_YEARS) {
        return Err(Error::Contraindicated {
            drug: DRUG,
            reason: format!("under {} years of age: age {age}", number(MIN_AGE_YEARS, 0)),
            source_ref: sources::PROBENECID_LABEL.reference(),
        });
    }
    let product = product()?;
    let half_mg = product.step_mg();
    let half = product.step_exact();
    let step_halves = whole_steps(options.step.exact(), half).ok_or_else(|| Error::Invalid {
        field: "step size",
        value: options.step.to_string(),
        reason: format!(
            "expected a whole number of half-tablets (a multiple of {}/day)",
            Dose::derived(half_mg)
        ),
    })?;

    let weight = patient.weight();
    let schedule = LabelSchedule::for_patient(patient);
    let start_ordered = match (schedule, options.basis) {
        (LabelSchedule::Adult, _) => DailyAmount::Daily(DailyDose::derived(adult_daily(
            ADULT_FIRST_WEEK_MG_PER_DOSE,
        ))),
        (LabelSchedule::Child, Basis::BodyWeight) => {
            DailyAmount::PerKg(DailyDosePerKg::derived(START_MG_PER_KG_PER_DAY))
        }
        (LabelSchedule::Child, Basis::BodySurfaceArea) => {
            DailyAmount::PerM2(DailyDosePerM2::derived(START_MG_PER_M2_PER_DAY))
        }
    };
    let bsa = match options.basis {
        Basis::BodySurfaceArea => Some(surface_area(patient, "basis", "body surface area")?),
        Basis::BodyWeight => patient.body_surface_area(),
    };
    let ends = Ends::new(
        &product,
        patient,
        (schedule, start_ordered),
        target,
        bsa,
        options.tolerance,
    )?;

    let ladder = Ladder {
        product: &product,
        weight,
        frequency: options.frequency.unwrap_or(schedule.frequency()),
        division: options.division,
        child_cap: (schedule == LabelSchedule::Child).then(|| {
            whole_steps(exact::constant(CHILD_MAX_MG_PER_ADMINISTRATION), half).unwrap_or(1)
        }),
        step_halves,
        interval_days: options.interval.days(),
        // The adult label's day-7 dose; whole half-tablets by construction.
        lead_in: match schedule {
            LabelSchedule::Adult => {
                whole_steps(exact::constant(adult_daily(ADULT_MG_PER_DOSE)), half)
                    .map(|halves| (halves, ADULT_FIRST_WEEK_DAYS))
            }
            LabelSchedule::Child => None,
        },
    };
    let (steps, reduced_days) = build_steps(&ladder, &ends)?;

    let citations = plan_citations(options, target);
    let alerts = plan_alerts(
        patient,
        options,
        schedule,
        &ladder,
        bsa,
        &steps,
        &reduced_days,
    );
    let limits = plan_limits(patient, options, schedule, &ladder, bsa, &ends, &steps);

    Ok(TitrationPlan {
        drug: DRUG,
        product: product.name().to_owned(),
        weight,
        body_surface_area: bsa,
        schedule,
        basis: options.basis,
        start_ordered,
        start_calculated: DailyDose::derived(exact::to_f64(ends.start_calc)),
        target_ordered: target,
        target_calculated: DailyDose::derived(exact::to_f64(ends.target_calc)),
        step: options.step,
        interval: options.interval,
        frequency: ladder.frequency,
        division: options.division,
        tolerance: options.tolerance,
        steps,
        limits,
        alerts,
        citations,
    })
}

/// The plan's references: the documented case, the label, then Mosteller
/// and the rounding rule where they were used.
fn plan_citations(options: &Options, target: DailyAmount) -> Vec<Citation> {
    let mut citations = vec![sources::J_RHEUMATOL_2001, sources::PROBENECID_LABEL];
    if options.basis == Basis::BodySurfaceArea || matches!(target, DailyAmount::PerM2(_)) {
        push_unique(&mut citations, sources::MOSTELLER_1987);
    }
    if options.tolerance.is_wider_than_default() {
        push_unique(&mut citations, sources::ROUNDING_RULE);
    }
    citations
}

/// Every limit the plan was checked against, with what the plan reached.
fn plan_limits(
    patient: &Patient,
    options: &Options,
    schedule: LabelSchedule,
    ladder: &Ladder<'_>,
    bsa: Option<BodySurfaceArea>,
    ends: &Ends,
    steps: &[TitrationStep],
) -> Vec<CheckedLimit> {
    let weight = patient.weight();
    let highest = steps
        .iter()
        .map(|s| s.daily.mg_per_day())
        .fold(0.0, f64::max);
    let mut limits = vec![
        CheckedLimit::new(MIN_AGE_LIMIT, patient.age().years()),
        CheckedLimit::new(MAX_DAILY_LIMIT, highest),
        CheckedLimit::new(CHILD_WEIGHT_LIMIT, weight.kg()),
    ];
    // Over 50 kg the weight alone decides the adult schedule; otherwise the
    // age does.
    if !over_child_weight(weight) {
        limits.push(CheckedLimit::new(CHILD_AGE_LIMIT, patient.age().years()));
    }
    if schedule == LabelSchedule::Child {
        let largest = steps
            .iter()
            .flat_map(|s| s.schedule.administrations())
            .map(|a| a.dose().mg())
            .fold(0.0, f64::max);
        limits.push(CheckedLimit::new(
            CHILD_MAX_PER_ADMINISTRATION_LIMIT,
            largest,
        ));
        limits.push(match (options.basis, bsa) {
            (Basis::BodySurfaceArea, Some(bsa)) => {
                CheckedLimit::new(CHILD_MAINTENANCE_PER_M2_LIMIT, highest / bsa.m2())
            }
            _ => CheckedLimit::new(CHILD_MAINTENANCE_PER_KG_LIMIT, highest / weight.kg()),
        });
    }
    if let Some(egfr) = patient.egfr() {
        limits.push(CheckedLimit::decided(
            RENAL_LIMIT,
            egfr.ml_per_min(),
            exact::constant(egfr.ml_per_min()) > exact::constant(RENAL_EGFR_ML_PER_MIN),
        ));
    }
    let fewest = steps
        .iter()
        .map(|s| s.schedule.administrations().len())
        .min()
        .unwrap_or(0);
    #[allow(clippy::cast_precision_loss, reason = "1 to 4 administrations")]
    limits.push(CheckedLimit::new(
        Limit::new(
            "probenecid.administrations.chosen",
            "chosen administrations",
            Bound::AtLeast,
            ladder.frequency.times_per_day() as f64,
            "per day",
            Scope::PerDay,
            sources::PROBENECID_LABEL,
        ),
        fewest as f64,
    ));
    limits.push(ends.start.rounding.checked());
    limits.push(ends.end.rounding.checked());
    limits.push(options.tolerance.usual_check());
    limits
}

/// The start and the target, calculated and rounded.
struct Ends {
    start_calc: Exact,
    target_calc: Exact,
    start: Measured,
    end: Measured,
}

impl Ends {
    /// Calculates the start and the target, checks them against 2 g/day and
    /// each other, and rounds each once to whole half-tablets.
    fn new(
        product: &Product,
        patient: &Patient,
        (schedule, start_ordered): (LabelSchedule, DailyAmount),
        target: DailyAmount,
        bsa: Option<BodySurfaceArea>,
        tolerance: Tolerance,
    ) -> Result<Self, Error> {
        let weight = patient.weight();
        let start_calc = start_ordered.exact_daily_for(patient)?;
        let target_calc = target.exact_daily_for(patient)?;
        // On the child schedule (up to 50 kg) the start cannot pass 2 g/day;
        // checked all the same, as every dose is.
        above_maximum("start daily dose", start_calc)?;
        above_maximum("target daily dose", target_calc)?;
        // Texts for error messages only: built when an error needs them.
        let start_text = || match schedule {
            LabelSchedule::Child => start_ordered.describe(weight, bsa, exact::to_f64(start_calc)),
            LabelSchedule::Adult => adult_start_text(),
        };
        let below_start = || Error::Invalid {
            field: "target daily dose",
            value: DailyDose::derived(exact::to_f64(target_calc)).to_string(),
            reason: format!(
                "it is below the start daily dose of {}; a titration plan only increases the \
                 dose",
                start_text()
            ),
        };
        if start_calc > target_calc {
            return Err(below_start());
        }
        let ends = Self {
            start: round_daily(product, start_calc, tolerance, "start daily dose")?,
            end: round_daily(product, target_calc, tolerance, "target daily dose")?,
            start_calc,
            target_calc,
        };
        if ends.end.steps < ends.start.steps {
            return Err(below_start());
        }
        Ok(ends)
    }
}

/// How the steps climb and how each day is divided.
struct Ladder<'a> {
    product: &'a Product,
    weight: BodyWeight,
    /// The number of administrations a day: the caller's or the label's.
    frequency: Frequency,
    division: Division,
    /// At most this many half-tablets per administration (child schedule).
    child_cap: Option<u64>,
    step_halves: u64,
    interval_days: u32,
    /// The step after the start that the label fixes, as half-tablets and
    /// day: the adult schedule's 1,000 mg/day on day 7.
    lead_in: Option<(u64, u32)>,
}

/// The steps from the rounded start to the rounded target, and the days
/// given in fewer administrations than chosen (for the alert).
fn build_steps(
    ladder: &Ladder<'_>,
    ends: &Ends,
) -> Result<(Vec<TitrationStep>, Vec<String>), Error> {
    let mut steps = Vec::new();
    let mut reduced_days = Vec::new();
    let (mut halves, mut day) = (ends.start.steps, 0_u32);
    let mut lead_in = ladder.lead_in;
    loop {
        let is_last = halves >= ends.end.steps;
        let (calculated, deviation) = if steps.is_empty() {
            (
                exact::to_f64(ends.start_calc),
                ends.start.rounding.deviation_percent(),
            )
        } else if is_last {
            (
                exact::to_f64(ends.target_calc),
                ends.end.rounding.deviation_percent(),
            )
        } else {
            (ladder.product.mg_of(halves), 0.0)
        };
        let (schedule, reduced) = divide_day(ladder, day, halves)?;
        if reduced {
            reduced_days.push(format!(
                "day {}, {} {}",
                day_number(day),
                schedule.total(),
                schedule.frequency()
            ));
        }
        let daily = schedule.total();
        above_maximum("daily dose", ladder.product.amount_of(halves))?;
        steps.push(TitrationStep {
            day,
            calculated: DailyDose::derived(calculated),
            daily,
            deviation_percent: deviation,
            achieved: daily.per_kg(ladder.weight),
            schedule,
        });
        if is_last {
            return Ok((steps, reduced_days));
        }
        // Every branch climbs by at least one half-tablet (the lead-in is
        // above the start), so the loop ends at the target.
        (halves, day) = match lead_in.take().filter(|&(next, _)| next > halves) {
            Some((next, on_day)) => (next.min(ends.end.steps), on_day),
            None => (
                (halves + ladder.step_halves).min(ends.end.steps),
                day.saturating_add(ladder.interval_days),
            ),
        };
    }
}

/// Every advisory the plan carries, in a fixed order: label references,
/// renal function, fewer administrations, widened tolerance.
fn plan_alerts(
    patient: &Patient,
    options: &Options,
    schedule: LabelSchedule,
    ladder: &Ladder<'_>,
    bsa: Option<BodySurfaceArea>,
    steps: &[TitrationStep],
    reduced_days: &[String],
) -> Vec<Alert> {
    let mut alerts = Vec::new();
    match schedule {
        LabelSchedule::Child => alerts.extend(maintenance_alert(
            options.basis,
            patient.weight(),
            bsa,
            steps,
        )),
        LabelSchedule::Adult => alerts.push(adult_schedule_alert(patient, options)),
    }
    if let Some(egfr) = patient
        .egfr()
        .filter(|e| exact::constant(e.ml_per_min()) <= exact::constant(RENAL_EGFR_ML_PER_MIN))
    {
        alerts.push(Alert::new(
            AlertKind::RenalFunction,
            format!(
                "eGFR {egfr} is at or below {} mL/min: the label says probenecid may be \
                 ineffective",
                number(RENAL_EGFR_ML_PER_MIN, 0)
            ),
            Some(RENAL_LIMIT),
            sources::PROBENECID_LABEL,
        ));
    }
    if !reduced_days.is_empty() {
        let n = ladder.frequency.times_per_day();
        #[allow(clippy::cast_precision_loss, reason = "1 to 4 administrations")]
        let chosen = n as f64;
        let label = match schedule {
            LabelSchedule::Child => format!(
                "the label divides a child's maintenance into {} doses",
                CHILD_FREQUENCY.times_per_day()
            ),
            LabelSchedule::Adult => {
                format!("the label's adult schedule gives {ADULT_FREQUENCY}")
            }
        };
        alerts.push(Alert::new(
            AlertKind::OutsideRegimenSource,
            format!(
                "steps with fewer half-tablets than {n} administrations are given one \
                 half-tablet each, less often ({}); {label}",
                reduced_days.join("; "),
            ),
            Some(Limit::new(
                "probenecid.administrations.chosen",
                "chosen administrations",
                Bound::AtLeast,
                chosen,
                "per day",
                Scope::PerDay,
                sources::PROBENECID_LABEL,
            )),
            sources::PROBENECID_LABEL,
        ));
    }
    if options.tolerance.is_wider_than_default() {
        alerts.push(options.tolerance.widened_alert());
    }
    alerts
}

/// The advisory for a child above the label maintenance, if a step is.
fn maintenance_alert(
    basis: Basis,
    weight: BodyWeight,
    bsa: Option<BodySurfaceArea>,
    steps: &[TitrationStep],
) -> Option<Alert> {
    let (reference, limit, per) = match (basis, bsa) {
        (Basis::BodySurfaceArea, Some(bsa)) => (
            CHILD_MAINTENANCE_MG_PER_M2_PER_DAY * bsa.m2(),
            CHILD_MAINTENANCE_PER_M2_LIMIT,
            format!(
                "{} for {bsa}",
                DailyDosePerM2::derived(CHILD_MAINTENANCE_MG_PER_M2_PER_DAY)
            ),
        ),
        _ => (
            CHILD_MAINTENANCE_MG_PER_KG_PER_DAY * weight.kg(),
            CHILD_MAINTENANCE_PER_KG_LIMIT,
            format!(
                "{} for {weight}",
                DailyDosePerKg::derived(CHILD_MAINTENANCE_MG_PER_KG_PER_DAY)
            ),
        ),
    };
    let first = steps
        .iter()
        .find(|s| s.daily.exact() > exact::constant(reference))?;
    let last = steps.last()?;
    Some(Alert::new(
        AlertKind::AboveLabelReference,
        format!(
            "from day {} the daily dose is above the label maintenance for a child ({}) of \
             {per} = {}; the plan reaches {} ({}), under the {} maximum",
            day_number(first.day),
            child_band(),
            DailyDose::derived(reference),
            last.daily,
            last.achieved,
            DailyDose::derived(MAX_MG_PER_DAY),
        ),
        Some(limit),
        sources::PROBENECID_LABEL,
    ))
}

/// Whether the weight is over the label's 50 kg child limit, decided
/// exactly (whole grams).
fn over_child_weight(weight: crate::BodyWeight) -> bool {
    exact::decimal(CHILD_MAX_WEIGHT_KG).is_some_and(|limit| weight.exact_kg() > limit)
}

/// The advisory every plan on the adult schedule carries: which limit put
/// the patient there, and the label's adult schedule used instead of the
/// child start.
fn adult_schedule_alert(patient: &Patient, options: &Options) -> Alert {
    let weight = patient.weight();
    let age = patient.age();
    let over_weight = over_child_weight(weight);
    let weight_text = format!("{weight} (over {} kg)", number(CHILD_MAX_WEIGHT_KG, 0));
    let age_text = format!(
        "age {age} ({} years or older)",
        number(CHILD_AGE_LIMIT_YEARS, 0)
    );
    let weight_limit = CHILD_WEIGHT_LIMIT;
    let (why, limit) = if !over_weight {
        (age_text, CHILD_AGE_LIMIT)
    } else if !age.is_under(CHILD_AGE_LIMIT_YEARS) {
        (format!("{weight_text} and {age_text}"), weight_limit)
    } else {
        (weight_text, weight_limit)
    };
    let child_start = match options.basis {
        Basis::BodyWeight => DailyDosePerKg::derived(START_MG_PER_KG_PER_DAY).to_string(),
        Basis::BodySurfaceArea => DailyDosePerM2::derived(START_MG_PER_M2_PER_DAY).to_string(),
    };
    let mut chosen = Vec::new();
    let label_step = options.step.exact() == exact::constant(ADULT_STEP_MG_PER_DAY);
    if !label_step || options.interval != StepInterval::ADULT_LABEL {
        chosen.push(format!("+{} every {}", options.step, options.interval));
    }
    if let Some(frequency) = options.frequency.filter(|&f| f != ADULT_FREQUENCY) {
        chosen.push(frequency.to_string());
    }
    let chosen = if chosen.is_empty() {
        String::new()
    } else {
        format!("; the caller chose {}", chosen.join(", "))
    };
    Alert::new(
        AlertKind::AdultScheduleApplies,
        format!(
            "at {why} the label's adult schedule was used instead of the child schedule's start \
             of {child_start}: {} {ADULT_FREQUENCY} for {}, then {} {ADULT_FREQUENCY}, then \
             +{} every {}, not above {}{chosen}",
            Dose::derived(ADULT_FIRST_WEEK_MG_PER_DOSE),
            StepInterval::ADULT_FIRST_WEEK,
            Dose::derived(ADULT_MG_PER_DOSE),
            DailyDose::derived(ADULT_STEP_MG_PER_DAY),
            StepInterval::ADULT_LABEL,
            DailyDose::derived(MAX_MG_PER_DAY),
        ),
        Some(limit),
        sources::PROBENECID_LABEL,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Age, BodyWeight};

    fn patient(kg: f64, years: f64) -> Patient {
        Patient::new(
            BodyWeight::from_kg(kg).unwrap(),
            Age::from_years(years).unwrap(),
        )
    }

    fn daily(mg: f64) -> DailyAmount {
        DailyAmount::Daily(DailyDose::from_mg_per_day(mg).unwrap())
    }

    #[test]
    fn whole_steps_accepts_only_multiples_of_the_half_tablet() {
        let d = |x: f64| exact::decimal(x).unwrap();
        assert_eq!(whole_steps(d(500.0), d(250.0)), Some(2));
        // Exact: 250.000000001 mg is not a whole number of half-tablets.
        assert_eq!(whole_steps(d(250.000_000_001), d(250.0)), None);
        assert_eq!(whole_steps(d(300.0), d(250.0)), None);
        assert_eq!(whole_steps(d(0.001), d(250.0)), None);
    }

    #[test]
    fn step_interval_is_written_in_weeks_when_whole() {
        assert_eq!(StepInterval::from_weeks(1).unwrap().to_string(), "1 week");
        assert_eq!(StepInterval::from_days(1).unwrap().to_string(), "1 day");
        assert_eq!(StepInterval::from_days(15).unwrap().to_string(), "15 days");
        assert_eq!(
            StepInterval::from_weeks(60).unwrap_err().to_string(),
            "step interval 420 days is not in the allowed range 1 to 365 days"
        );
        assert!(StepInterval::from_weeks(u32::MAX).is_err());
    }

    #[test]
    fn a_step_size_that_is_not_half_tablets_is_refused() {
        let options = Options::new().step(DailyDose::from_mg_per_day(300.0).unwrap());
        let err = plan(&patient(40.0, 12.0), daily(1500.0), &options).unwrap_err();
        assert_eq!(
            err.to_string(),
            "step size 300 mg/day is invalid: expected a whole number of half-tablets \
             (a multiple of 250 mg/day)"
        );
    }

    #[test]
    fn a_target_equal_to_the_start_is_a_single_step() {
        let p = plan(&patient(40.0, 12.0), daily(1000.0), &Options::new()).unwrap();
        assert_eq!(p.steps().len(), 1);
        assert_eq!(p.reached().to_string(), "1,000 mg/day");
    }

    #[test]
    fn day_numbers_and_half_tablet_counts_are_written_the_safe_way() {
        assert_eq!(day_number(1095), "1,095");
        assert_eq!(day_number(0), "0");
        let product = product().unwrap();
        assert_eq!(half_tablets(1, &product), "1 half-tablet of 250 mg");
        assert_eq!(half_tablets(2, &product), "2 half-tablets of 250 mg");
    }

    #[test]
    fn the_adult_start_is_the_label_first_week() {
        assert!((adult_daily(ADULT_FIRST_WEEK_MG_PER_DOSE) - 500.0).abs() < 1e-9);
        assert!((adult_daily(ADULT_MG_PER_DOSE) - 1000.0).abs() < 1e-9);
        assert_eq!(
            adult_start_text(),
            "250 mg twice daily = 500 mg/day for 1 week, then 500 mg twice daily = \
             1,000 mg/day (the label's adult schedule)"
        );
    }

    #[test]
    fn a_long_plan_writes_its_day_numbers_with_a_thousands_separator() {
        // A 12-year-old, 250 mg/day steps every 365 days, 1,000 to 2,000 mg/day.
        let options = Options::new()
            .step(DailyDose::from_mg_per_day(250.0).unwrap())
            .interval(StepInterval::from_days(365).unwrap());
        let p = plan(&patient(40.0, 12.0), daily(2000.0), &options).unwrap();
        let last = p.steps().last().unwrap();
        assert_eq!(last.day(), 1460);
        assert!(
            last.to_string().starts_with("Day 1,460: 2,000 mg/day"),
            "{last}"
        );
    }

    #[test]
    fn the_step_size_and_interval_shape_the_steps() {
        let options = Options::new()
            .step(DailyDose::from_mg_per_day(250.0).unwrap())
            .interval(StepInterval::from_weeks(2).unwrap());
        let p = plan(&patient(40.0, 12.0), daily(1750.0), &options).unwrap();
        let days: Vec<u32> = p.steps().iter().map(TitrationStep::day).collect();
        let mg: Vec<f64> = p.steps().iter().map(|s| s.daily().mg_per_day()).collect();
        assert_eq!(days, [0, 14, 28, 42]);
        assert_eq!(mg, [1000.0, 1250.0, 1500.0, 1750.0]);
    }
}
