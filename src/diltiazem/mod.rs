//! Oral diltiazem, 1–3 mg/kg/day (regimen R1).
//!
//! The review of calcinosis cutis reports diltiazem at 1–3 mg/kg/day
//! ([`sources::REGIONALDERM`]); adults with calcinosis have received
//! 240–480 mg/day ([`sources::PALMIERI_1995`]). The crate computes the daily
//! dose as weight × the chosen rate, limits it to the formulation's label
//! maximum, rounds once per administration to what the formulation can
//! measure, and reports alerts for children (off-label; under 1 year, not
//! covered by the paediatric references; on extended-release capsules, how
//! to take them) and for a limited dose.
//!
//! | formulation | strengths | frequency | maximum | source |
//! |---|---|---|---|---|
//! | immediate-release tablets | 30, 60, 90, 120 mg | 3 or 4 times daily | 360 mg/day | label |
//! | extended-release capsules, CD type | 120, 180, 240, 300, 360 mg | once daily | 480 mg/day | label |
//! | extended-release capsules, Tiazac type | 120, 180, 240, 300, 360, 420 mg | once daily | 540 mg/day | label |
//! | compounded oral suspension | 12 mg/mL, to 0.1 mL | 3 or 4 times daily | 360 mg/day | USP; paediatric maximum |
//!
//! Formulations are not interchangeable mg for mg: each plan names its
//! product, and a switch is made at the nearest equivalent daily dose.
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
//!
//! let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
//! let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
//! let plan = diltiazem::plan(&adult, rate, &diltiazem::Options::default())?;
//! // 210 mg/day calculated; 60 mg 3 times daily (2.57 mg/kg/day) is the
//! // nearest measurable dose inside the documented 1–3 mg/kg/day.
//! assert_eq!(plan.schedule().total().mg_per_day(), 180.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!
//! - [`sources::REGIONALDERM`]: 1–3 mg/kg/day.
//! - [`sources::PALMIERI_1995`]: 240–480 mg/day in adults with calcinosis.
//! - [`sources::DILTIAZEM_LABEL`]: strengths, frequencies and maxima.
//! - [`sources::DILTIAZEM_PAEDIATRIC`]: off-label in children, 1.5–2
//!   mg/kg/day in 3–4 doses, never above 360 mg/day.
//! - [`sources::DILTIAZEM_SUSPENSION_USP`]: 12 mg/mL oral suspension.
//! - [`sources::ISMP_DO_NOT_CRUSH`]: CD-type capsules are not crushed or
//!   opened (the alert for a child on them).
//! - [`sources::TIAZAC_LABEL`]: Tiazac-type capsules may be opened onto a
//!   spoonful of applesauce.

use std::fmt;

use uom::si::f64::Volume;
use uom::si::volume::milliliter;

use crate::alert::{Alert, AlertKind, Arg, Message};
use crate::citation::{Citation, push_unique, sources};
use crate::dose::{Concentration, DailyDose, DailyDosePerKg, Dose, UnitStrength};
use crate::error::Error;
use crate::exact;
use crate::limit::{Bound, CheckedLimit, Limit, Outcome, Scope};
use crate::measurable::Suggestion;
use crate::patient::Patient;
use crate::plan::{Administration, DailySchedule, Frequency};
use crate::product::{Give, Product, Splitting};
use crate::rounding::{
    Acceptance, BeyondTolerance, Rounding, Target, Tolerance, choose_scaled, not_measurable_scaled,
};

/// The lowest documented rate, mg/kg/day ([`sources::REGIONALDERM`]).
pub const RATE_MIN_MG_PER_KG_PER_DAY: f64 = 1.0;
/// The highest documented rate, mg/kg/day ([`sources::REGIONALDERM`]).
pub const RATE_MAX_MG_PER_KG_PER_DAY: f64 = 3.0;

/// Immediate-release tablet strengths, mg ([`sources::DILTIAZEM_LABEL`]).
const IR_STRENGTHS_MG: [f64; 4] = [30.0, 60.0, 90.0, 120.0];
/// Immediate-release maximum, mg/day ([`sources::DILTIAZEM_LABEL`]).
const IR_MAX_MG_PER_DAY: f64 = 360.0;
/// Extended-release (CD type) capsule strengths, mg ([`sources::DILTIAZEM_LABEL`]).
const ER_CD_STRENGTHS_MG: [f64; 5] = [120.0, 180.0, 240.0, 300.0, 360.0];
/// Extended-release (CD type) maximum, mg/day ([`sources::DILTIAZEM_LABEL`]).
const ER_CD_MAX_MG_PER_DAY: f64 = 480.0;
/// Extended-release (Tiazac type) capsule strengths, mg ([`sources::DILTIAZEM_LABEL`]).
const ER_TIAZAC_STRENGTHS_MG: [f64; 6] = [120.0, 180.0, 240.0, 300.0, 360.0, 420.0];
/// Extended-release (Tiazac type) maximum, mg/day ([`sources::DILTIAZEM_LABEL`]).
const ER_TIAZAC_MAX_MG_PER_DAY: f64 = 540.0;
/// Compounded oral suspension, mg/mL ([`sources::DILTIAZEM_SUSPENSION_USP`]).
const SUSPENSION_MG_PER_ML: f64 = 12.0;
/// Oral syringe graduation, mL (clinical reference section 4).
const SYRINGE_GRADUATION_ML: f64 = 0.1;
/// Children: never above 360 mg/day ([`sources::DILTIAZEM_PAEDIATRIC`]);
/// the suspension is made from immediate-release tablets (360 mg/day).
const SUSPENSION_MAX_MG_PER_DAY: f64 = 360.0;
/// Children, any formulation: never above 360 mg/day
/// ([`sources::DILTIAZEM_PAEDIATRIC`]).
const PAEDIATRIC_MAX_MG_PER_DAY: f64 = 360.0;

/// The documented minimum rate, 1 mg/kg/day (RegionalDerm).
const RATE_MIN_LIMIT: Limit = Limit::new(
    "diltiazem.rate.min",
    "documented minimum rate",
    Bound::AtLeast,
    RATE_MIN_MG_PER_KG_PER_DAY,
    "mg/kg/day",
    Scope::PerKgPerDay,
    sources::REGIONALDERM,
);

/// The documented maximum rate, 3 mg/kg/day (RegionalDerm).
const RATE_MAX_LIMIT: Limit = Limit::new(
    "diltiazem.rate.max",
    "documented maximum rate",
    Bound::AtMost,
    RATE_MAX_MG_PER_KG_PER_DAY,
    "mg/kg/day",
    Scope::PerKgPerDay,
    sources::REGIONALDERM,
);

/// A child's maximum on any formulation, 360 mg/day (paediatric references).
const PAEDIATRIC_MAX_LIMIT: Limit = Limit::new(
    "diltiazem.max_daily.paediatric",
    "paediatric maximum",
    Bound::AtMost,
    PAEDIATRIC_MAX_MG_PER_DAY,
    "mg/day",
    Scope::PerDay,
    sources::DILTIAZEM_PAEDIATRIC,
);

/// The age from which the label's adult dosing applies (18 years); under
/// it the use is off-label.
const ADULT_AGE_LIMIT: Limit = Limit::new(
    "diltiazem.adult_age",
    "adult age",
    Bound::AtLeast,
    crate::Age::ADULT_YEARS,
    "years",
    Scope::Patient,
    sources::DILTIAZEM_PAEDIATRIC,
);

/// The youngest age the paediatric references are read to cover: they give
/// doses for "children" with no lower age and none for neonates or infants,
/// so the crate alerts under 1 year (an interpretation, see DESIGN.md).
const PAEDIATRIC_REFERENCE_AGE_LIMIT: Limit = Limit::new(
    "diltiazem.paediatric_references.min_age",
    "youngest age the paediatric references cover",
    Bound::AtLeast,
    PAEDIATRIC_REFERENCE_MIN_AGE_YEARS,
    "years",
    Scope::Patient,
    sources::DILTIAZEM_PAEDIATRIC,
);

/// Under this age, years, no paediatric reference gives a diltiazem dose
/// ([`sources::DILTIAZEM_PAEDIATRIC`]; DESIGN.md).
const PAEDIATRIC_REFERENCE_MIN_AGE_YEARS: f64 = 1.0;

mod clinical;
mod dosing;
mod formulation;
mod options;
mod picture;
mod plan;

#[cfg(feature = "serde")]
mod request;
pub use self::clinical::{CAUTIONS, EVIDENCE, FOLLOW_UP, SUSPENSION_BEYOND_USE_DAYS};
#[cfg(feature = "serde")]
pub use self::request::*;
pub use self::{dosing::*, formulation::*, options::*, plan::*};

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests;
