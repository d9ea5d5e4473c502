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
//! | adult titration | +500 mg every 4 weeks | [`ADULT_STEP_MG_PER_DAY`], [`ADULT_STEP_INTERVAL`] | label |
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
//! Every step above is decided when the plan is made (on whole numbers of
//! half-tablets wherever they decide exactly as the fractions do), and
//! every refusal is made then. The plan keeps those decisions; its steps, alerts, limits and
//! references are written from them on the first read of any of them.
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
//! - The frequency is the caller's ([`Options::frequency`]) or, when none
//!   is set, the label's frequency for the patient's schedule. A frequency set by the caller is used on
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
use crate::dose::{DailyDose, DailyDosePerKg, Dose, UnitStrength};
use crate::error::Error;
use crate::exact;
use crate::exact::Exact;
use crate::format::{number, signed_percent};
/// The crate's [`Interval`], for this regimen's imports.
#[doc(no_inline)]
pub use crate::interval::Interval;
use crate::limit::{Bound, CheckedLimit, Limit, Scope};
use crate::measurable::Suggestion;
use crate::patient::{Age, BodySurfaceArea, BodyWeight, Patient};
use crate::plan::{
    Administration, DailySchedule, Frequency, capitalise, write_limits_alerts_and_citations,
};
use crate::product::{Product, Splitting};
use crate::rounding::{Measured, Target, Tolerance, round};

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
pub const ADULT_STEP_INTERVAL: Interval = Interval::whole_days(28);
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
/// The adult label's first week as an interval (for messages).
const ADULT_FIRST_WEEK: Interval = Interval::whole_days(ADULT_FIRST_WEEK_DAYS);
/// The adult label's dose after the first week, 500 mg twice daily
/// (1,000 mg/day) ([`sources::PROBENECID_LABEL`]).
pub const ADULT_MG_PER_DOSE: f64 = 500.0;

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

/// The id of the hard limit on a child's daily dose: the 1,250 mg/day the
/// documented case reached.
pub const CHILD_MAX_DAILY_ID: &str = "probenecid.child.max_daily_documented";

/// The id of the hard limit on a child's daily dose per kg: about
/// 80 mg/kg/day, the documented case's exposure.
pub const CHILD_MAX_PER_KG_ID: &str = "probenecid.child.max_per_kg_documented";

/// The highest daily dose documented in a child, mg/day: 1,250 mg/day in a
/// 4-year-old ([`sources::J_RHEUMATOL_2001`]).
pub const CHILD_MAX_DOCUMENTED_MG_PER_DAY: f64 = 1_250.0;

/// The highest exposure documented in a child, mg/kg/day: 1,250 mg/day at
/// about 16 kg (a 4-year-old's weight) is 78 mg/kg/day, taken as 80
/// (an interpretation: the case gives no weight; see `DESIGN.md`).
pub const CHILD_MAX_DOCUMENTED_MG_PER_KG_PER_DAY: f64 = 80.0;

/// A child's daily dose above what is documented for a child of this
/// weight: the 1,250 mg/day of the documented case, or the label's child
/// maintenance (40 mg/kg/day) when that is higher. Refused unless
/// overridden. The value depends on the weight (an interpretation: the
/// label documents its maintenance for children up to 50 kg, which is
/// above 1,250 mg/day from 31.25 kg; see `DESIGN.md`).
///
/// Returns the limit, and its value exactly, in mg/day. An error (at
/// `patient.weight`) if the maintenance could not be worked out exactly:
/// a guard against an overflow that products of validated decimals (an
/// area to nine decimals) never reach.
fn child_max_daily_limit(
    weight: BodyWeight,
    bsa: Option<BodySurfaceArea>,
) -> Result<(Limit, Exact), Error> {
    let by_area = match bsa {
        Some(b) => checks::maintenance_by_area(b).ok_or_else(|| {
            Error::too_large(
                "patient.weight",
                weight.to_string(),
                "the child's maintenance dose",
            )
        })?,
        None => exact::Exact::default(),
    };
    let value = exact::max(
        exact::max(checks::maintenance_by_weight(weight), by_area),
        halves::exact_mg(halves::CHILD_MAX_DOCUMENTED_HALVES_PER_DAY),
    );
    Ok((child_max_daily(exact::to_f64(value)), value))
}

/// The hard limit on a child's daily dose at `mg_per_day`, the value
/// [`child_max_daily_limit`] works out for the child's size.
const fn child_max_daily(mg_per_day: f64) -> Limit {
    Limit::new(
        CHILD_MAX_DAILY_ID,
        "highest daily dose documented for a child of this size (1,250 mg/day, or the \
         label's maintenance, 40 mg/kg/day or 1.2 g/m²/day, when higher)",
        Bound::AtMost,
        mg_per_day,
        "mg/day",
        Scope::PerDay,
        sources::J_RHEUMATOL_2001,
    )
    .hard()
}

/// A child's daily dose per kg above the documented exposure: refused
/// unless overridden.
const CHILD_MAX_PER_KG_LIMIT: Limit = Limit::new(
    CHILD_MAX_PER_KG_ID,
    "highest exposure documented in a child (about 80 mg/kg/day)",
    Bound::AtMost,
    CHILD_MAX_DOCUMENTED_MG_PER_KG_PER_DAY,
    "mg/kg/day",
    Scope::PerKgPerDay,
    sources::J_RHEUMATOL_2001,
)
.hard();

/// A child's start above the adult start of 500 mg/day (an advisory).
const CHILD_START_LIMIT: Limit = Limit::new(
    "probenecid.child.start.adult_start",
    "the adult start (250 mg twice daily)",
    Bound::AtMost,
    500.0,
    "mg/day",
    Scope::PerDay,
    sources::PROBENECID_LABEL,
);

/// The label gives adult doses twice daily (an advisory).
const ADULT_FREQUENCY_LIMIT: Limit = Limit::new(
    "probenecid.adult.frequency",
    "the label's adult frequency (twice daily)",
    Bound::Exactly,
    2.0,
    "per day",
    Scope::PerDay,
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
/// The label's threshold read on an eGFR given per 1.73 m², as renal
/// insufficiency is staged (an interpretation: DESIGN.md).
const RENAL_INDEXED_LIMIT: Limit = Limit::new(
    "probenecid.renal.indexed",
    "label renal threshold, on the eGFR as given per 1.73 m²",
    Bound::Above,
    RENAL_EGFR_ML_PER_MIN,
    "mL/min/1.73 m²",
    Scope::Patient,
    sources::PROBENECID_LABEL,
);
const PRODUCT_NAME: &str = "probenecid 500 mg tablets";

/// The 500 mg tablet, split in halves: built once per process and
/// borrowed by every plan.
fn product() -> Result<&'static Product, Error> {
    static PRODUCT: std::sync::LazyLock<Result<Product, Error>> = std::sync::LazyLock::new(|| {
        Product::tablets(
            PRODUCT_NAME,
            &[UnitStrength::from_mg(TABLET_MG)?],
            Splitting::Halves,
        )
    });
    crate::product::built(&PRODUCT)
}

mod amount;
mod checks;
mod clinical;
mod decisions;
mod halves;
mod label;
mod options;
mod picture;
mod plan;
mod step;
mod titration;
mod write_up;

use self::checks::{maintenance_reference, over_child_weight, renal_within};
#[cfg(feature = "serde")]
mod request;
pub use self::clinical::{CAUTIONS, EVIDENCE, FOLLOW_UP};
#[cfg(feature = "serde")]
pub use self::request::*;
pub use self::{amount::*, label::*, options::*, plan::*, step::*, titration::*};

#[cfg(test)]
mod tests;
