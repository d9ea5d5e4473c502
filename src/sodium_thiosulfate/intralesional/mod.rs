//! Intralesional sodium thiosulfate: the 150 mg/mL case series (regimen R3)
//! and the lupus panniculitis grid technique (regimen R4), with preparation
//! by dilution, injection sites over the lesion, and the lidocaine ring
//! block.
//!
//! | | case series (R3) | grid technique (R4) |
//! |---|---|---|
//! | source | [`sources::ACTA_DV_2016`] | [`sources::JAAD_2013`] |
//! | concentration | 150 mg/mL, prepared by dilution | 250 mg/mL (12.5 g in 50 mL), undiluted |
//! | where | the base of the calcification | sites every 5–10 mm, each the centre of a 1 cm circle |
//! | how much | the caller's volume (the source gives none) | 0.5 mL per site |
//! | how often | fingertip lesion under 5 mm: once; widespread lesions with ulceration: weekly for 4 weeks | 2–3 sessions, at the caller's interval (the source gives none) |
//! | ring block | optional | lidocaine ring block first |
//!
//! Functions: [`case_series_plan`] and [`grid_plan`] make plans;
//! [`prepare`] makes a dilution recipe; [`layout`] places grid sites;
//! [`case_series_schedule`] says which case-series schedule a lesion gets.
//!
//! # Interpretation choices
//!
//! - **Case-series schedule.** The review ([`sources::REGIONALDERM`])
//!   reports weekly injections for 4 weeks for widespread lesions with
//!   ulceration; a congress report of the same series says "four
//!   injections at 4-week intervals", and the same group's later
//!   38-patient series used weekly × 4. The default is weekly × 4; the
//!   interval is a caller option, and a plan with another interval carries
//!   an alert naming the conflict.
//! - **Lesions the case series does not cover** (neither a fingertip lesion
//!   under 5 mm nor widespread with ulceration) are an
//!   [`Error::Undocumented`]: the crate does not invent a schedule. A
//!   fingertip lesion under 5 mm gets the single injection whether or not
//!   it is ulcerated (the source does not say); widespread disease with
//!   ulceration takes precedence over the fingertip rule. "Under 5 mm" is
//!   read on the lesion's largest dimension.
//! - **One injection per lesion per session** in the case series: a plan is
//!   for one lesion; plan several lesions separately.
//! - **Grid geometry.** A lesion given by a diameter is a circle; one given
//!   as length × width is an ellipse with those axes (length along x, width
//!   along y). Sites are the points of a square grid at the chosen spacing,
//!   centred on the lesion centre, that lie inside the lesion (within one
//!   part in 10⁹, so a site exactly on the rim counts). The centre is
//!   always a site, so a small lesion gets one. Because the grid is
//!   anchored at the centre, the number of sites never decreases as the
//!   lesion grows or the spacing shrinks. Sites are never placed outside
//!   the lesion: near the rim of a lesion that is not a multiple of the
//!   spacing, the 1 cm circle of the outermost site may not reach the edge;
//!   a smaller spacing covers it more closely.
//! - **Sessions of the grid technique**: 2 or 3 ("2–3 injections per
//!   lesion"); the source gives no interval, so the caller gives one and
//!   there is no default. (The clinical reference also notes an unrelated
//!   report of 250 mg/mL in 3 monthly sessions.) Each session repeats the
//!   same layout: re-measure the lesion before each session and plan again
//!   if it has changed.
//! - **Preparation.** `V_stock = C_target × V_total / C_stock`; diluent =
//!   `V_total − V_stock`. Both volumes must be whole graduations of the
//!   syringe (default 0.1 mL, a caller option); the total is raised, never
//!   lowered, until the prepared concentration is within the rounding
//!   tolerance (default 10 %, the crate's rounding rule) of the target, and
//!   the recipe says when it did so. A target above the stock is an error.
//! - **Lidocaine** used as the diluent counts toward the lidocaine maximum
//!   together with the ring block (see [`crate::lidocaine`]); the whole
//!   diluent volume of one session's preparation is counted.
//! - **No maximum** intralesional volume or mass per session is documented
//!   in any source; the crate checks none, and every plan carries an
//!   [`AlertKind::NoDocumentedMaximum`] alert saying so.
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::sodium_thiosulfate::intralesional::{
//!     grid_plan, GridOptions, GridSessions, Interval, LesionSize, Spacing,
//! };
//! use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
//! use uom::si::f64::Length;
//! use uom::si::length::{centimeter, millimeter};
//!
//! let adult = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
//! let plaque = LesionSize::diameter(Length::new::<centimeter>(3.0))?;
//! let block = lidocaine::RingBlock::new(
//!     lidocaine::Solution::new(lidocaine::PercentStrength::OnePercent, lidocaine::Formulation::Plain),
//!     InjectionVolume::from_ml(10.0)?,
//! );
//! let options = GridOptions::new(
//!     Spacing::new(Length::new::<millimeter>(10.0))?,
//!     GridSessions::new(3)?,
//!     Interval::from_weeks(4.0)?,
//! )
//! .ring_block(block);
//! let plan = grid_plan(&adult, plaque, &options)?;
//! assert_eq!(plan.sites().len(), 9);
//! assert_eq!(plan.per_session().to_string(), "4.5 mL = 1,125 mg");
//! assert_eq!(plan.total().to_string(), "13.5 mL = 3,375 mg");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!
//! - [`sources::ACTA_DV_2016`]: 150 mg/mL; fingertip lesions under 5 mm, a
//!   single injection; widespread lesions with ulceration, weekly for 4
//!   weeks.
//! - [`sources::REGIONALDERM`]: the review that reports both regimens.
//! - [`sources::JAAD_2013`]: 12.5 g/50 mL after a lidocaine ring block,
//!   0.5 mL per 1 cm circle, sites every 5–10 mm, 2–3 injections per lesion.
//! - [`sources::STS_INJECTION_LABEL`], [`sources::STS_PAEDIATRIC_LABEL`]:
//!   the stock products.
//! - [`sources::LIDOCAINE_LABEL`]: the lidocaine maxima.
//! - [`sources::ROUNDING_RULE`]: the 10 % tolerance of the preparation.

use std::fmt;

use uom::si::f64::{Length, Volume};
use uom::si::length::millimeter;
use uom::si::volume::milliliter;

use super::Stock;
use crate::alert::{Alert, AlertKind};
use crate::citation::{Citation, push_unique, sources};
use crate::dose::{Concentration, InjectionVolume};
use crate::error::{Error, check_range};
use crate::exact::{self, Exact};
use crate::format::{number, signed_percent};
use crate::lidocaine::{self, Purpose, RingBlock, Solution, Use};
use crate::limit::{Bound, CheckedLimit, Limit, Scope};
use crate::patient::{BodyWeight, Patient};
use crate::plan::write_limits_alerts_and_citations;
use crate::rounding::Tolerance;

/// The case series' concentration, mg/mL ([`sources::ACTA_DV_2016`]).
pub const CASE_SERIES_MG_PER_ML: f64 = 150.0;
/// A fingertip lesion under this diameter gets a single injection, mm
/// ([`sources::ACTA_DV_2016`]).
pub const FINGERTIP_UNDER_MM: f64 = 5.0;
/// Sessions for a fingertip lesion under 5 mm: a single injection
/// ([`sources::ACTA_DV_2016`]).
pub const SINGLE_INJECTION_SESSIONS: u32 = 1;
/// Sessions for widespread lesions with ulceration: injections for 4 weeks
/// ([`sources::ACTA_DV_2016`]).
pub const REPEATED_SESSIONS: u32 = 4;
/// The interval of the repeated injections: every week, 7 days
/// ([`sources::ACTA_DV_2016`], as reported by [`sources::REGIONALDERM`]).
pub const REPEATED_INTERVAL_DAYS: u32 = 7;
/// The grid technique's concentration, mg/mL: 12.5 g/50 mL
/// ([`sources::JAAD_2013`], the [`Stock::Injection`] vial).
pub const GRID_MG_PER_ML: f64 = super::INJECTION_MG_PER_ML;
/// The volume injected at each grid site, mL ([`sources::JAAD_2013`]).
pub const GRID_ML_PER_SITE: f64 = 0.5;
/// Each grid site is the centre of a circle of this diameter, mm
/// ([`sources::JAAD_2013`]).
pub const GRID_CIRCLE_DIAMETER_MM: f64 = 10.0;
/// The closest documented grid spacing, mm ([`sources::JAAD_2013`]).
pub const SPACING_MIN_MM: f64 = 5.0;
/// The widest documented grid spacing, mm ([`sources::JAAD_2013`]).
pub const SPACING_MAX_MM: f64 = 10.0;
/// The fewest documented grid sessions per lesion ([`sources::JAAD_2013`]).
pub const GRID_SESSIONS_MIN: u32 = 2;
/// The most documented grid sessions per lesion ([`sources::JAAD_2013`]).
pub const GRID_SESSIONS_MAX: u32 = 3;
/// The default syringe graduation for preparing a dilution, mL: the 0.1 mL
/// graduation the clinical reference gives for 1–10 mL syringes (section
/// 4). It is a caller option because injection syringes differ (a 1 mL
/// syringe is finer).
pub const DEFAULT_GRADUATION_ML: f64 = 0.1;

/// The regimen name used in errors.
const CASE_SERIES_REGIMEN: &str = "intralesional sodium thiosulfate 150 mg/mL";
/// The regimen name used in errors.
const GRID_REGIMEN: &str = "intralesional sodium thiosulfate grid";
/// A site exactly on the rim is inside (one part in 10⁹).
const RIM_EPSILON: f64 = 1e-9;

/// The case series' fingertip lesion: under 5 mm.
const FINGERTIP_LIMIT: Limit = Limit::new(
    "intralesional.case_series.fingertip_diameter",
    "documented fingertip lesion",
    Bound::Below,
    FINGERTIP_UNDER_MM,
    "mm",
    Scope::Patient,
    sources::ACTA_DV_2016,
);

/// The case series' weekly injections.
const INTERVAL_LIMIT: Limit = Limit::new(
    "intralesional.case_series.interval",
    "documented interval",
    Bound::Exactly,
    REPEATED_INTERVAL_DAYS as f64,
    "days",
    Scope::PerSession,
    sources::ACTA_DV_2016,
);

/// The grid's narrowest spacing, 5 mm.
const SPACING_MIN_LIMIT: Limit = Limit::new(
    "intralesional.grid.spacing.min",
    "documented narrowest spacing",
    Bound::AtLeast,
    SPACING_MIN_MM,
    "mm",
    Scope::PerSession,
    sources::JAAD_2013,
);

/// The grid's widest spacing, 10 mm.
const SPACING_MAX_LIMIT: Limit = Limit::new(
    "intralesional.grid.spacing.max",
    "documented widest spacing",
    Bound::AtMost,
    SPACING_MAX_MM,
    "mm",
    Scope::PerSession,
    sources::JAAD_2013,
);

/// The grid's fewest sessions, 2.
const SESSIONS_MIN_LIMIT: Limit = Limit::new(
    "intralesional.grid.sessions.min",
    "documented fewest sessions",
    Bound::AtLeast,
    GRID_SESSIONS_MIN as f64,
    "sessions",
    Scope::PerCourse,
    sources::JAAD_2013,
);

/// The grid's most sessions, 3.
const SESSIONS_MAX_LIMIT: Limit = Limit::new(
    "intralesional.grid.sessions.max",
    "documented most sessions",
    Bound::AtMost,
    GRID_SESSIONS_MAX as f64,
    "sessions",
    Scope::PerCourse,
    sources::JAAD_2013,
);

mod case_series;
mod clinical;
mod dilution;
mod grid;
mod lesion;
mod picture;
mod plan;
mod safety;
mod sites;
mod spacing;

/// The crate's [`Interval`], for this regimen's imports.
#[doc(no_inline)]
pub use crate::interval::Interval;

#[cfg(feature = "serde")]
mod request;
pub use self::clinical::{
    CASE_SERIES_EVIDENCE, CASE_SERIES_FOLLOW_UP, GRID_EVIDENCE, GRID_FOLLOW_UP,
};
#[cfg(feature = "serde")]
pub use self::request::*;
pub use self::{
    case_series::*, dilution::*, grid::*, lesion::*, plan::*, safety::*, sites::*, spacing::*,
};

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests;
