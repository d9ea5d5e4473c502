//! Topical 10 % sodium thiosulfate in cold cream, twice daily under
//! occlusion (regimen R5): the compounding recipe, the application schedule
//! and the quantity to dispense.
//!
//! The review of calcinosis cutis ([`sources::REGIONALDERM`]) reports a
//! 6-year-old boy with calcinosis after a calcium gluconate infusion treated
//! with 10 % sodium thiosulfate in cold cream, applied twice daily under
//! occlusion, whose lesions resolved completely at 6 months with no adverse
//! effects ([`sources::PEDIATR_DERMATOL_2017`]). The crate turns that into:
//!
//! 1. a **recipe** for an amount of cream, by the published preparation
//!    ([`sources::STS_COLD_CREAM_PREPARATION`], quantities [`sources::STS_CREAM_QUANTITIES`]): sodium thiosulfate
//!    pentahydrate 10 g dissolved in water 10 mL, cold cream to 100 g,
//!    scaled linearly, every amount measurable (0.1 g, 0.1 mL);
//! 2. an **application schedule**: grams per application from the treated
//!    area by the fingertip unit ([`sources::LONG_FINLAY_1991`]), twice
//!    daily, under occlusion, for a course (default 6 months, as days);
//! 3. a **quantity to dispense**: grams per application × 2 × days, rounded
//!    up to whole packs of a size the caller gives, with the compounding
//!    batches that fill them.
//!
//! | fact | value | source |
//! |---|---|---|
//! | strength | 10 % w/w (documented); 20 % and 25 % reported elsewhere | [`sources::PEDIATR_DERMATOL_2017`]; clinical reference section 3, "topical reports" |
//! | preparation | pentahydrate 10 g in water 10 mL, cold cream to 100 g (w/w) | [`sources::STS_CREAM_QUANTITIES`] |
//! | application | twice daily, under occlusion | [`sources::PEDIATR_DERMATOL_2017`] |
//! | course | complete resolution at 6 months | [`sources::PEDIATR_DERMATOL_2017`] |
//! | fingertip unit | ≈ 0.5 g, covering ≈ 286 cm² | [`sources::LONG_FINLAY_1991`] |
//! | adult FTU per region | face and neck 2.5; arm 3; hand 1; leg 6; foot 2; front of trunk 7; back 7 | [`sources::LONG_FINLAY_1991`] |
//!
//! # Interpretation choices
//!
//! Where the sources are silent the crate either asks the caller or refuses:
//!
//! - **Strength.** 10 % is the regimen. 20 % and 25 % are accepted with an
//!   [`AlertKind::OutsideRegimenSource`] alert, and their recipe keeps the
//!   published preparation's proportions (1 mL of water per gram of
//!   pentahydrate, cold cream to the total), which no source gives for those
//!   strengths. Any other strength is an [`Error::NotDocumented`]: no source
//!   in the clinical reference reports it.
//! - **What the percentage is of.** The strength is of sodium thiosulfate
//!   *pentahydrate as weighed*, the published preparation's convention
//!   (10 g of pentahydrate in 100 g of cream is "10 %"). The clinical
//!   reference gives no anhydrous conversion, and the crate does not invent
//!   one.
//! - **Water.** Its mass is taken as 1 g per mL, so that the components add
//!   up to the total: cold cream = total − pentahydrate − water.
//! - **Weighing.** Every amount is rounded once, to 0.1 g or 0.1 mL; the
//!   pentahydrate may then differ from the exact fraction by at most 10 %
//!   (the rounding rule, [`sources::ROUNDING_RULE`]), otherwise the amount
//!   of cream is too small to compound and the error says how much is.
//! - **Course.** 6 months as days: 6 × 365.25 / 12 = 182.625, rounded up to
//!   183 days (the crate's year is 365.25 days, as for ages). Calendar
//!   half-years run from 181 to 184 days; give the course in days when the
//!   dates matter. A course longer than 6 months is accepted with an alert.
//! - **Area.** Either an area in cm² (uom [`Area`]) or body regions from the
//!   adult fingertip-unit table. The table is for adults and the clinical
//!   reference has no child table, so for a patient under 18 regions need an
//!   explicit, caller-given [`RegionScale`] (with an alert); otherwise the
//!   treated area must be given in cm².
//! - **Supplies, packs and batches.** The cream contains water, so it is
//!   made and dispensed in supplies that each last at most its beyond-use
//!   date ([`BeyondUseDate`]): by default USP 795's 14 days in a
//!   refrigerator for an aqueous preparation without a preservative (the
//!   published preparation names none); 35 days when preserved, or the
//!   prescriber's own from a stability study. The course is split into as
//!   few supplies as that allows, as even as whole days allow; each supply
//!   is rounded up to whole packs of the caller's size, and each
//!   compounding batch fills a caller-chosen number of packs (default one).
//!   The treated area is shown as a share of body surface area
//!   ([`AreaShare`]); no source gives a threshold for occluding a child's
//!   skin, so there is no alert on it.
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
//! use calcinosis_dosing::{Age, BodyWeight, Patient};
//!
//! // The documented case: a 6-year-old boy; a 60 cm² patch; 6 months.
//! let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
//! let area = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
//! let plan = topical::plan(&boy, &area, PackSize::from_g(50.0)?, &topical::Options::default())?;
//!
//! assert_eq!(plan.course().days(), 183);
//! // 0.21 g a day in 14 supplies (USP 795: 14 days refrigerated), 1 pack each.
//! assert_eq!(plan.dispense().to_string(), "14 packs of 50 g (700 g)");
//! assert_eq!(
//!     plan.supplies()[0].batches()[0].recipe().to_string(),
//!     "sodium thiosulfate pentahydrate 5 g dissolved in water 5 mL, \
//!      then cold cream 40 g to make 50 g (10 % w/w)",
//! );
//! assert!(plan.alerts().is_empty());
//! println!("{plan}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!
//! - [`sources::PEDIATR_DERMATOL_2017`]: 10 % in cold cream, twice daily
//!   under occlusion, complete resolution at 6 months in a 6-year-old boy.
//! - [`sources::STS_COLD_CREAM_PREPARATION`]: the water-in-oil preparation, the salt
//!   dissolved in water first; [`sources::STS_CREAM_QUANTITIES`]: its quantities.
//! - [`sources::LONG_FINLAY_1991`]: the fingertip unit and the adult table.
//! - [`sources::REGIONALDERM`]: the review that collects the regimen.
//! - [`sources::ROUNDING_RULE`]: rounding once, within 10 %.
//! - [`sources::MOSTELLER_1987`]: the body surface area a treated area may
//!   not exceed, when the patient's height is known.
//! - [`sources::USP_795`]: the default beyond-use date of each supply.

use std::fmt;

use uom::si::area::square_centimeter;
use uom::si::f64::{Area, Mass};
use uom::si::mass::gram;

use crate::alert::{Alert, AlertKind};
use crate::citation::{Citation, push_unique, sources};
use crate::dose::MassFraction;
use crate::error::{Error, check_range};
use crate::exact::{self, Exact};
use crate::format::{number, small_number};
use crate::limit::{Bound, CheckedLimit, Limit, Scope};
use crate::measurable::Suggestion;
use crate::patient::{BodySurfaceArea, Height, Patient};
use crate::plan::{Frequency, capitalise, write_limits_alerts_and_citations};
use crate::product::exact_f64;
use crate::rounding::Tolerance;

/// The documented strength, % w/w of the pentahydrate
/// ([`sources::PEDIATR_DERMATOL_2017`]).
pub const DOCUMENTED_STRENGTH_PERCENT: f64 = 10.0;

/// Strengths reported elsewhere, % w/w (clinical reference section 3,
/// "topical reports"); accepted with an alert.
pub const REPORTED_STRENGTHS_PERCENT: [f64; 2] = [20.0, 25.0];

/// Water per gram of pentahydrate, mL/g: the published preparation
/// dissolves 10 g in 10 mL ([`sources::STS_CREAM_QUANTITIES`]).
pub const WATER_ML_PER_G_PENTAHYDRATE: f64 = 1.0;

/// The mass of 1 mL of water, g: the crate's assumption, so that the
/// components add up to the total.
pub const WATER_G_PER_ML: f64 = 1.0;

/// The weighing step for solids and cream, g (the issue's measuring
/// precision).
pub const WEIGHING_STEP_G: f64 = 0.1;

/// The measuring step for water, mL (clinical reference section 4).
pub const MEASURING_STEP_ML: f64 = 0.1;

/// Cream in one fingertip unit, g ([`sources::LONG_FINLAY_1991`]).
pub const G_PER_FTU: f64 = 0.5;

/// Skin covered by one fingertip unit, cm² ([`sources::LONG_FINLAY_1991`]).
pub const CM2_PER_FTU: f64 = 286.0;

/// The documented course, months ([`sources::PEDIATR_DERMATOL_2017`]).
pub const DOCUMENTED_COURSE_MONTHS: f64 = 6.0;

/// Days in a month for courses given in months: 365.25 / 12, the average
/// month of the crate's 365.25-day year.
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// The documented course in days: 6 months × 30.4375 days = 182.625,
/// rounded up.
pub const DEFAULT_COURSE_DAYS: u32 = 183;

/// The documented strength, 10 % w/w, as a limit.
const STRENGTH_LIMIT: Limit = Limit::new(
    "topical.strength.documented",
    "documented strength",
    Bound::Exactly,
    DOCUMENTED_STRENGTH_PERCENT,
    "% w/w",
    Scope::Preparation,
    sources::PEDIATR_DERMATOL_2017,
);

/// The documented course, about 6 months (183 days), as a limit.
const COURSE_LIMIT: Limit = Limit::new(
    "topical.course.documented",
    "documented course",
    Bound::AtMost,
    DEFAULT_COURSE_DAYS as f64,
    "days",
    Scope::PerCourse,
    sources::PEDIATR_DERMATOL_2017,
);

/// The regimen, as named in messages.
const REGIMEN: &str = "topical sodium thiosulfate";

/// How many whole `step`s are needed to reach `amount` (rounded up),
/// decided exactly: 2.3 g is 23 steps of 0.1 g, and 100 g of cream in 50 g
/// packs is 2 packs, not 3.
fn count_up(amount: Exact, step: Exact) -> u64 {
    exact::neighbours(amount, step).map_or(0, |(_, ceil)| ceil)
}

/// `amount` as the nearest whole number of `step`s, by the crate's one rule
/// (ties to the smaller).
fn count_nearest(amount: Exact, step: Exact) -> u64 {
    exact::to_multiple(amount, step)
        .and_then(|x| exact::div(x, step))
        .and_then(|n| u64::try_from(n.to_integer()).ok())
        .unwrap_or(0)
}

mod area;
mod beyond_use;
mod clinical;
mod course;
mod dispense;
mod options;
mod picture;
mod plan;
mod recipe;

#[cfg(feature = "serde")]
mod request;
pub use self::clinical::{EVIDENCE, FOLLOW_UP};
#[cfg(feature = "serde")]
pub use self::request::*;
pub use self::{area::*, beyond_use::*, course::*, dispense::*, options::*, plan::*, recipe::*};

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests;
