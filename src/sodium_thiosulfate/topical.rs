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
//!    ([`sources::STS_COLD_CREAM_PREPARATION`]): sodium thiosulfate
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
//! | preparation | pentahydrate 10 g in water 10 mL, cold cream to 100 g (w/w) | [`sources::STS_COLD_CREAM_PREPARATION`] |
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
//! - **Packs and batches.** The quantity is rounded up to whole packs of the
//!   caller's size; each compounding batch fills a caller-chosen number of
//!   packs (default one pack per batch). The sources give no beyond-use
//!   date: that is the compounding pharmacy's to set.
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
//! assert_eq!(plan.dispense().to_string(), "1 pack of 50 g (50 g)");
//! assert_eq!(
//!     plan.compounding()[0].recipe().to_string(),
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
//! - [`sources::STS_COLD_CREAM_PREPARATION`]: the preparation.
//! - [`sources::LONG_FINLAY_1991`]: the fingertip unit and the adult table.
//! - [`sources::REGIONALDERM`]: the review that collects the regimen.
//! - [`sources::ROUNDING_RULE`]: rounding once, within 10 %.
//! - [`sources::MOSTELLER_1987`]: the body surface area a treated area may
//!   not exceed, when the patient's height is known.

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
/// dissolves 10 g in 10 mL ([`sources::STS_COLD_CREAM_PREPARATION`]).
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

/// A whole count as an exact number.
fn whole(n: u64) -> Exact {
    exact::int(i128::from(n))
}

/// A treated area of skin, in cm²: finite, within 1 to 60,000 cm².
///
/// Below 1 cm² an input is more likely a unit slip (m² typed as cm²); 6 m²
/// is above the largest body surface area the crate's weight and height
/// bounds allow (√(260 × 350 / 3600) ≈ 5.03 m², Mosteller). When the
/// patient's height is known, the plan also checks the area against the
/// patient's own body surface area.
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 1 to 60,000 cm².
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
/// use uom::si::area::{square_centimeter, square_meter};
/// use uom::si::f64::Area;
///
/// let a = SkinArea::new(Area::new::<square_meter>(0.006))?;
/// assert!((a.cm2() - 60.0).abs() < 1e-9);
/// assert_eq!(SkinArea::new(Area::new::<square_centimeter>(60.0))?.to_string(), "60 cm²");
/// assert_eq!(
///     SkinArea::from_cm2(0.5).unwrap_err().to_string(),
///     "treated area 0.5 cm² is not in the allowed range 1 to 60,000 cm²",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// A mass is not an area, so it does not compile:
///
/// ```compile_fail
/// use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
/// use uom::si::f64::Mass;
/// use uom::si::mass::gram;
///
/// let a = SkinArea::new(Mass::new::<gram>(60.0));
/// ```
///
/// # References
///
/// The bounds are this crate's plausibility check; the body surface area is
/// [`sources::MOSTELLER_1987`].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct SkinArea {
    cm2: f64,
}

impl SkinArea {
    /// The smallest area accepted, cm².
    pub const MIN_CM2: f64 = 1.0;
    /// The largest area accepted, cm².
    pub const MAX_CM2: f64 = 60_000.0;

    /// An area from any uom area.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// # use uom::si::{area::square_meter, f64::Area};
    /// let a = SkinArea::new(Area::new::<square_meter>(0.0143))?;
    /// assert_eq!(a.to_string(), "143 cm²");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(area: Area) -> Result<Self, Error> {
        Self::from_cm2(area.get::<square_centimeter>())
    }

    /// An area in cm².
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(SkinArea::from_cm2(572.0)?.cm2(), 572.0);
    /// assert!(matches!(SkinArea::from_cm2(f64::NAN), Err(Error::NotFinite { .. })));
    /// assert_eq!(
    ///     SkinArea::from_cm2(70_000.0).unwrap_err().to_string(),
    ///     "treated area 70,000 cm² is not in the allowed range 1 to 60,000 cm²",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_cm2(cm2: f64) -> Result<Self, Error> {
        // Read to nine decimals, so that 0.006 m² reads back as 60 cm².
        check_range("treated area", cm2, Self::MIN_CM2, Self::MAX_CM2, "cm²").map(|cm2| Self {
            cm2: exact::to_f64(exact::constant(cm2)),
        })
    }

    /// The area in cm².
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// assert_eq!(SkinArea::from_cm2(60.0)?.cm2(), 60.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn cm2(self) -> f64 {
        self.cm2
    }

    /// The area as a uom area.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// # use uom::si::area::square_meter;
    /// assert_eq!(SkinArea::from_cm2(572.0)?.area().get::<square_meter>(), 0.0572);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn area(self) -> Area {
        Area::new::<square_centimeter>(self.cm2)
    }

    /// The fingertip units that cover it (area ÷ 286 cm²).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// // 1 FTU covers 286 cm².
    /// assert_eq!(SkinArea::from_cm2(572.0)?.fingertip_units(), 2.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn fingertip_units(self) -> f64 {
        self.cm2 / CM2_PER_FTU
    }
}

impl fmt::Display for SkinArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} cm²", number(self.cm2, 1))
    }
}

/// A body region of the adult fingertip-unit table.
///
/// Arms, hands, legs and feet are one side each; a body has at most two of
/// each, and one face and neck, front of trunk and back.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::BodyRegion;
///
/// assert_eq!(BodyRegion::Leg.adult_fingertip_units(), 6.0);
/// assert_eq!(BodyRegion::FaceAndNeck.to_string(), "face and neck");
/// ```
///
/// # References
///
/// [`sources::LONG_FINLAY_1991`]: face and neck 2.5; arm 3; hand 1; leg 6;
/// foot 2; front of trunk 7; back 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BodyRegion {
    /// Face and neck, 2.5 FTU.
    FaceAndNeck,
    /// One arm, 3 FTU.
    Arm,
    /// One hand, both sides, 1 FTU.
    Hand,
    /// One leg, 6 FTU.
    Leg,
    /// One foot, 2 FTU.
    Foot,
    /// The front of the trunk, 7 FTU.
    FrontTrunk,
    /// The back, 7 FTU.
    Back,
}

impl BodyRegion {
    /// Every region, in the table's order.
    pub const ALL: [Self; 7] = [
        Self::FaceAndNeck,
        Self::Arm,
        Self::Hand,
        Self::Leg,
        Self::Foot,
        Self::FrontTrunk,
        Self::Back,
    ];

    /// Fingertip units for this region of an adult
    /// ([`sources::LONG_FINLAY_1991`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::BodyRegion;
    /// assert_eq!(BodyRegion::Arm.adult_fingertip_units(), 3.0);
    /// // A whole adult body: 40.5 FTU, about 20 g of cream.
    /// let body: f64 = BodyRegion::ALL
    ///     .iter()
    ///     .map(|r| r.adult_fingertip_units() * r.per_body() as f64)
    ///     .sum();
    /// assert_eq!(body, 40.5);
    /// ```
    #[must_use]
    pub const fn adult_fingertip_units(self) -> f64 {
        match self {
            Self::FaceAndNeck => 2.5,
            Self::Arm => 3.0,
            Self::Hand => 1.0,
            Self::Leg => 6.0,
            Self::Foot => 2.0,
            Self::FrontTrunk | Self::Back => 7.0,
        }
    }

    /// How many of this region a body has.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::BodyRegion;
    /// assert_eq!(BodyRegion::Foot.per_body(), 2);
    /// assert_eq!(BodyRegion::Back.per_body(), 1);
    /// ```
    #[must_use]
    pub const fn per_body(self) -> usize {
        match self {
            Self::Arm | Self::Hand | Self::Leg | Self::Foot => 2,
            Self::FaceAndNeck | Self::FrontTrunk | Self::Back => 1,
        }
    }

    const fn plural(self) -> &'static str {
        match self {
            Self::Arm => "arms",
            Self::Hand => "hands",
            Self::Leg => "legs",
            Self::Foot => "feet",
            Self::FaceAndNeck => "face and neck",
            Self::FrontTrunk => "front of trunk",
            Self::Back => "back",
        }
    }
}

impl fmt::Display for BodyRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::FaceAndNeck => "face and neck",
            Self::Arm => "arm",
            Self::Hand => "hand",
            Self::Leg => "leg",
            Self::Foot => "foot",
            Self::FrontTrunk => "front of trunk",
            Self::Back => "back",
        })
    }
}

/// A caller-given scale for the adult fingertip-unit table, in % of the
/// adult amount: finite, within 1 to 100 %.
///
/// The clinical reference has only the adult table, so the crate does not
/// scale regions for a child by itself; a caller who has a child's table (or
/// another basis) gives the factor here, and the plan says so in an alert.
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 1 to 100 %.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::RegionScale;
///
/// assert_eq!(RegionScale::from_percent(40.0)?.to_string(), "40 %");
/// assert!(RegionScale::from_percent(150.0).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// The bounds are this crate's; the table it scales is
/// [`sources::LONG_FINLAY_1991`].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct RegionScale {
    percent: f64,
}

impl RegionScale {
    /// The smallest scale accepted, %.
    pub const MIN_PERCENT: f64 = 1.0;
    /// The largest scale accepted, %: the adult table itself.
    pub const MAX_PERCENT: f64 = 100.0;

    /// A scale in % of the adult table.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::RegionScale;
    /// assert_eq!(RegionScale::from_percent(40.0)?.percent(), 40.0);
    /// assert_eq!(
    ///     RegionScale::from_percent(0.5).unwrap_err().to_string(),
    ///     "region scale 0.5 % is not in the allowed range 1 to 100 %",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_percent(percent: f64) -> Result<Self, Error> {
        check_range(
            "region scale",
            percent,
            Self::MIN_PERCENT,
            Self::MAX_PERCENT,
            "%",
        )
        .map(|percent| Self { percent })
    }

    /// The scale in %.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::RegionScale;
    /// assert_eq!(RegionScale::from_percent(62.5)?.percent(), 62.5);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn percent(self) -> f64 {
        self.percent
    }
}

impl fmt::Display for RegionScale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", number(self.percent, 2))
    }
}

/// Body regions to treat, from the adult fingertip-unit table, optionally
/// scaled by a caller-given factor.
///
/// # Errors
///
/// [`Regions::new`] returns [`Error::Invalid`] for an empty list, or more of
/// a region than a body has (two arms, hands, legs, feet; one face and
/// neck, front of trunk, back).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
///
/// let hands = Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?;
/// assert_eq!(hands.fingertip_units(), 2.0);
/// assert_eq!(hands.to_string(), "both hands");
/// let scaled = hands.scaled(RegionScale::from_percent(50.0)?);
/// assert_eq!(scaled.fingertip_units(), 1.0);
/// assert_eq!(
///     Regions::new(&[BodyRegion::Back; 2]).unwrap_err().to_string(),
///     "body regions back × 2 is invalid: a body has 1 back",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::LONG_FINLAY_1991`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Regions {
    regions: Vec<BodyRegion>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    scale: Option<RegionScale>,
}

impl Regions {
    /// The regions listed (a region twice for both sides), unscaled.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// assert_eq!(regions.to_string(), "both arms, back");
    /// assert_eq!(
    ///     Regions::new(&[]).unwrap_err().to_string(),
    ///     "body regions none is invalid: give at least one region",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(regions: &[BodyRegion]) -> Result<Self, Error> {
        if regions.is_empty() {
            return Err(Error::Invalid {
                field: "body regions",
                value: "none".to_owned(),
                reason: "give at least one region".to_owned(),
            });
        }
        for region in BodyRegion::ALL {
            let count = regions.iter().filter(|&&r| r == region).count();
            if count > region.per_body() {
                return Err(Error::Invalid {
                    field: "body regions",
                    value: format!("{region} × {count}"),
                    reason: format!(
                        "a body has {} {}",
                        region.per_body(),
                        if region.per_body() == 1 {
                            region.to_string()
                        } else {
                            region.plural().to_owned()
                        }
                    ),
                });
            }
        }
        let mut regions = regions.to_vec();
        regions.sort_unstable();
        Ok(Self {
            regions,
            scale: None,
        })
    }

    /// The same regions scaled by a caller-given factor.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// // 13 FTU in the adult table; 40 % of it for a smaller patient.
    /// let scaled = regions.scaled(RegionScale::from_percent(40.0)?);
    /// assert_eq!(scaled.fingertip_units(), 5.2);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn scaled(mut self, scale: RegionScale) -> Self {
        self.scale = Some(scale);
        self
    }

    /// The regions, in the table's order.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// assert_eq!(regions.regions(), [BodyRegion::Arm, BodyRegion::Arm, BodyRegion::Back]);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn regions(&self) -> &[BodyRegion] {
        &self.regions
    }

    /// The scale, if one was given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// assert_eq!(regions.scale(), None);
    /// let scale = RegionScale::from_percent(40.0)?;
    /// assert_eq!(regions.scaled(scale).scale(), Some(scale));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn scale(&self) -> Option<RegionScale> {
        self.scale
    }

    /// The adult fingertip units of the regions, before any scale.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// // arm 3 + arm 3 + back 7
    /// let scaled = regions.scaled(RegionScale::from_percent(40.0)?);
    /// assert_eq!(scaled.adult_fingertip_units(), 13.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn adult_fingertip_units(&self) -> f64 {
        self.regions.iter().map(|r| r.adult_fingertip_units()).sum()
    }

    /// The fingertip units per application: the adult table's, times the
    /// scale when there is one.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// assert_eq!(regions.fingertip_units(), 13.0);
    /// let scaled = regions.scaled(RegionScale::from_percent(40.0)?);
    /// assert_eq!(scaled.fingertip_units(), 5.2);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn fingertip_units(&self) -> f64 {
        let adult = self.adult_fingertip_units();
        self.scale.map_or(adult, |s| adult * s.percent() / 100.0)
    }
}

impl fmt::Display for Regions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for region in BodyRegion::ALL {
            let count = self.regions.iter().filter(|&&r| r == region).count();
            if count == 0 {
                continue;
            }
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            match (count, region.per_body()) {
                (1, 1) => write!(f, "{region}")?,
                (1, _) => write!(f, "one {region}")?,
                _ => write!(f, "both {}", region.plural())?,
            }
        }
        Ok(())
    }
}

/// What is treated: an area in cm², or body regions in fingertip units.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, Regions, SkinArea, TreatedArea};
///
/// let patch = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
/// assert_eq!(patch.fingertip_units(), 1.0);
/// let arm = TreatedArea::Regions(Regions::new(&[BodyRegion::Arm])?);
/// assert_eq!(arm.fingertip_units(), 3.0);
/// assert_eq!(arm.to_string(), "one arm (3 FTU, adult table)");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::LONG_FINLAY_1991`]: 1 FTU ≈ 286 cm²; the adult table.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TreatedArea {
    /// An area of skin.
    Area(SkinArea),
    /// Body regions of the fingertip-unit table.
    Regions(Regions),
}

impl TreatedArea {
    /// Fingertip units per application.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, Regions, SkinArea, TreatedArea};
    /// assert_eq!(TreatedArea::Area(SkinArea::from_cm2(143.0)?).fingertip_units(), 0.5);
    /// let hand = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand])?);
    /// assert_eq!(hand.fingertip_units(), 1.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn fingertip_units(&self) -> f64 {
        match self {
            Self::Area(a) => a.fingertip_units(),
            Self::Regions(r) => r.fingertip_units(),
        }
    }

    /// The area in cm²: as given, or the regions' fingertip units × 286 cm²
    /// (an equivalent: the adult table need not add up to a body's surface).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, Regions, SkinArea, TreatedArea};
    /// assert_eq!(TreatedArea::Area(SkinArea::from_cm2(143.0)?).cm2(), 143.0);
    /// // One hand is 1 FTU, taken as 286 cm².
    /// let hand = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand])?);
    /// assert_eq!(hand.cm2(), 286.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn cm2(&self) -> f64 {
        match self {
            Self::Area(a) => a.cm2(),
            Self::Regions(r) => r.fingertip_units() * CM2_PER_FTU,
        }
    }
}

impl fmt::Display for TreatedArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Area(a) => write!(f, "{a} ({} FTU)", small_number(a.fingertip_units(), 2)),
            Self::Regions(r) => match r.scale() {
                None => write!(
                    f,
                    "{r} ({} FTU, adult table)",
                    number(r.fingertip_units(), 2)
                ),
                Some(s) => write!(
                    f,
                    "{r} ({} FTU: {s} of the adult table's {} FTU)",
                    number(r.fingertip_units(), 2),
                    number(r.adult_fingertip_units(), 2)
                ),
            },
        }
    }
}

/// The length of a course, in whole days: within 1 to 731 days.
///
/// Months are 365.25 / 12 = 30.4375 days, weeks 7 days; a course that is not
/// a whole number of days is rounded up (never short). The default is the
/// documented 6 months, 183 days.
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 1 to 731 days, 1 to 104 weeks, or 1 to 24 months (the crate's
/// plausibility bound of two years).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::CourseLength;
///
/// assert_eq!(CourseLength::default().days(), 183);
/// assert_eq!(CourseLength::from_months(6.0)?, CourseLength::default());
/// assert_eq!(CourseLength::from_weeks(4.0)?.to_string(), "28 days");
/// assert_eq!(CourseLength::from_days(1.0)?.to_string(), "1 day");
/// assert_eq!(
///     CourseLength::from_days(0.0).unwrap_err().to_string(),
///     "course 0 days is not in the allowed range 1 to 731 days",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// 6 months: [`sources::PEDIATR_DERMATOL_2017`]. The bounds are this
/// crate's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct CourseLength {
    days: u32,
}

impl CourseLength {
    /// The longest course accepted, days (24 months, rounded up).
    pub const MAX_DAYS: u32 = 731;
    /// The longest course accepted, weeks.
    pub const MAX_WEEKS: f64 = 104.0;
    /// The longest course accepted, months.
    pub const MAX_MONTHS: f64 = 24.0;

    fn from_checked_days(days: f64) -> Self {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "at most 731 days after the range check"
        )]
        let days = count_up(exact::constant(days), exact::int(1)) as u32;
        Self { days }
    }

    /// A course in days (a fraction of a day is rounded up).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::CourseLength;
    /// // A part of a day is rounded up: the course is never short.
    /// assert_eq!(CourseLength::from_days(90.5)?.days(), 91);
    /// assert_eq!(
    ///     CourseLength::from_days(800.0).unwrap_err().to_string(),
    ///     "course 800 days is not in the allowed range 1 to 731 days",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_days(days: f64) -> Result<Self, Error> {
        check_range("course", days, 1.0, f64::from(Self::MAX_DAYS), "days")
            .map(Self::from_checked_days)
    }

    /// A course in weeks of 7 days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::CourseLength;
    /// assert_eq!(CourseLength::from_weeks(12.0)?.to_string(), "84 days");
    /// assert_eq!(
    ///     CourseLength::from_weeks(105.0).unwrap_err().to_string(),
    ///     "course 105 weeks is not in the allowed range 1 to 104 weeks",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_weeks(weeks: f64) -> Result<Self, Error> {
        check_range("course", weeks, 1.0, Self::MAX_WEEKS, "weeks")
            .map(|w| Self::from_checked_days(w * 7.0))
    }

    /// A course in months of 30.4375 days, rounded up to whole days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::CourseLength;
    /// // 3 × 30.4375 = 91.3125 days, rounded up.
    /// assert_eq!(CourseLength::from_months(3.0)?.days(), 92);
    /// assert_eq!(CourseLength::from_months(6.0)?.days(), 183);
    /// assert!(CourseLength::from_months(25.0).is_err());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_months(months: f64) -> Result<Self, Error> {
        check_range("course", months, 1.0, Self::MAX_MONTHS, "months")
            .map(|m| Self::from_checked_days(m * DAYS_PER_MONTH))
    }

    /// The course in days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::CourseLength;
    /// assert_eq!(CourseLength::from_weeks(4.0)?.days(), 28);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn days(self) -> u32 {
        self.days
    }
}

impl Default for CourseLength {
    /// The documented course: 6 months, 183 days.
    fn default() -> Self {
        Self {
            days: DEFAULT_COURSE_DAYS,
        }
    }
}

impl fmt::Display for CourseLength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.days == 1 {
            f.write_str("1 day")
        } else {
            write!(f, "{} days", number(f64::from(self.days), 0))
        }
    }
}

/// The size of one pack (a jar or tube) of cream, in g: finite, within 1 to
/// 5,000 g. The caller gives it; the crate does not assume a pack.
///
/// A pack size is what one container holds, not what the patient applies:
/// the quantity to dispense is a whole number of packs.
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 1 to 5,000 g.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::PackSize;
/// use uom::si::f64::Mass;
/// use uom::si::mass::{gram, kilogram};
///
/// assert_eq!(PackSize::new(Mass::new::<kilogram>(0.1))?.to_string(), "100 g");
/// assert_eq!(
///     PackSize::from_g(0.0).unwrap_err().to_string(),
///     "pack size 0 g is not in the allowed range 1 to 5,000 g",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// The bounds are this crate's plausibility check.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct PackSize {
    g: f64,
}

impl PackSize {
    /// The smallest pack accepted, g.
    pub const MIN_G: f64 = 1.0;
    /// The largest pack accepted, g.
    pub const MAX_G: f64 = 5_000.0;

    /// A pack size from any uom mass.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::PackSize;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// assert_eq!(PackSize::new(Mass::new::<gram>(30.0))?.g(), 30.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(mass: Mass) -> Result<Self, Error> {
        Self::from_g(mass.get::<gram>())
    }

    /// A pack size in g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::PackSize;
    /// assert_eq!(PackSize::from_g(30.0)?.to_string(), "30 g");
    /// assert_eq!(
    ///     PackSize::from_g(6_000.0).unwrap_err().to_string(),
    ///     "pack size 6,000 g is not in the allowed range 1 to 5,000 g",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_g(g: f64) -> Result<Self, Error> {
        // Read to nine decimals, so that 0.1 kg reads back as 100 g.
        check_range("pack size", g, Self::MIN_G, Self::MAX_G, "g").map(|g| Self {
            g: exact::to_f64(exact::constant(g)),
        })
    }

    /// The pack size in g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::PackSize;
    /// assert_eq!(PackSize::from_g(250.0)?.g(), 250.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn g(self) -> f64 {
        self.g
    }
}

impl fmt::Display for PackSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} g", number(self.g, 2))
    }
}

/// Checks a strength: `Ok(None)` for the documented 10 %, `Ok(Some(alert))`
/// for a strength reported elsewhere, an error for any other.
fn check_strength(strength: MassFraction) -> Result<Option<Alert>, Error> {
    let is = |p: f64| strength.exact() == exact::constant(p);
    if is(DOCUMENTED_STRENGTH_PERCENT) {
        return Ok(None);
    }
    if REPORTED_STRENGTHS_PERCENT.iter().any(|&p| is(p)) {
        return Ok(Some(Alert::new(
            AlertKind::OutsideRegimenSource,
            format!(
                "{strength} is reported for topical sodium thiosulfate, but the regimen's source \
                 documents 10 % w/w in cold cream only (the reports of 20 % and 25 % include \
                 other bases, zinc oxide among them); the recipe keeps the published 10 % \
                 preparation's proportions, 1 mL of water per g of pentahydrate and cold cream \
                 to the total, which no source gives for this strength"
            ),
            Some(STRENGTH_LIMIT),
            sources::PEDIATR_DERMATOL_2017,
        )));
    }
    Err(Error::NotDocumented {
        field: "strength",
        value: strength.to_string(),
        regimen: REGIMEN.to_owned(),
        expected: "10 % w/w (documented), or 20 % or 25 % w/w (reported elsewhere, with an alert)",
    })
}

/// A compounding recipe: sodium thiosulfate pentahydrate dissolved in water,
/// cold cream to the total, each amount measurable.
///
/// The amounts are whole tenths of a gram (pentahydrate, cold cream, total)
/// or of a mL (water), and add up to the total exactly (water at 1 g/mL).
/// The achieved fraction is the pentahydrate weighed over the total.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical;
/// use calcinosis_dosing::MassFraction;
/// use uom::si::f64::Mass;
/// use uom::si::mass::gram;
///
/// let r = topical::recipe(Mass::new::<gram>(100.0), MassFraction::from_percent(10.0)?)?;
/// assert_eq!((r.pentahydrate_g(), r.water_ml(), r.cold_cream_g()), (10.0, 10.0, 80.0));
/// assert_eq!(r.achieved().percent(), 10.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::STS_COLD_CREAM_PREPARATION`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Recipe {
    #[cfg_attr(
        feature = "serde",
        serde(rename = "total", serialize_with = "crate::wire::g")
    )]
    total_g: f64,
    strength: MassFraction,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "pentahydrate", serialize_with = "crate::wire::g")
    )]
    pentahydrate_g: f64,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "water", serialize_with = "crate::wire::ml")
    )]
    water_ml: f64,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "cold_cream", serialize_with = "crate::wire::g")
    )]
    cold_cream_g: f64,
    achieved: MassFraction,
}

impl Recipe {
    /// The amount of cream it makes, g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// // The amount is rounded up to 0.1 g.
    /// let r = topical::recipe(Mass::new::<gram>(23.04), MassFraction::from_percent(10.0)?)?;
    /// assert_eq!(r.total_g(), 23.1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total_g(&self) -> f64 {
        self.total_g
    }

    /// The strength asked for (% w/w of the pentahydrate).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// let r = topical::recipe(Mass::new::<gram>(30.0), MassFraction::from_percent(25.0)?)?;
    /// assert_eq!(r.strength().to_string(), "25 % w/w");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn strength(&self) -> MassFraction {
        self.strength
    }

    /// Sodium thiosulfate pentahydrate to weigh, g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// let r = topical::recipe(Mass::new::<gram>(30.0), MassFraction::from_percent(25.0)?)?;
    /// // 25 % of 30 g
    /// assert_eq!(r.pentahydrate_g(), 7.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn pentahydrate_g(&self) -> f64 {
        self.pentahydrate_g
    }

    /// Water to dissolve it in, mL.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// let r = topical::recipe(Mass::new::<gram>(30.0), MassFraction::from_percent(25.0)?)?;
    /// // 1 mL of water per g of pentahydrate
    /// assert_eq!(r.water_ml(), 7.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn water_ml(&self) -> f64 {
        self.water_ml
    }

    /// Cold cream to add to make the total, g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// let r = topical::recipe(Mass::new::<gram>(30.0), MassFraction::from_percent(25.0)?)?;
    /// // 30 g − 7.5 g of pentahydrate − 7.5 g of water
    /// assert_eq!(r.cold_cream_g(), 15.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn cold_cream_g(&self) -> f64 {
        self.cold_cream_g
    }

    /// The fraction the weighed amounts achieve (pentahydrate ÷ total).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// // 2.31 g of pentahydrate is weighed as 2.3 g: 2.3 / 23.1 = 9.96 %.
    /// let r = topical::recipe(Mass::new::<gram>(23.1), MassFraction::from_percent(10.0)?)?;
    /// assert_eq!(r.achieved().to_string(), "9.96 % w/w");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn achieved(&self) -> MassFraction {
        self.achieved
    }
}

impl fmt::Display for Recipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "sodium thiosulfate pentahydrate {} g dissolved in water {} mL, \
             then cold cream {} g to make {} g ({})",
            number(self.pentahydrate_g, 1),
            number(self.water_ml, 1),
            number(self.cold_cream_g, 1),
            number(self.total_g, 1),
            self.achieved
        )
    }
}

/// The recipe for `total_tenths` tenths of a gram at `strength` (already
/// checked), or an error naming `field` when the pentahydrate cannot be
/// weighed within the rounding rule.
fn make_recipe(
    field: &'static str,
    total_tenths: u64,
    strength: MassFraction,
) -> Result<Recipe, Error> {
    let step = exact::constant(WEIGHING_STEP_G);
    let total = whole(total_tenths) * step;
    let total_g = exact::to_f64(total);
    let fraction = strength.exact() / exact::int(100);
    let target = total * fraction;
    let target_g = exact::to_f64(target);
    let active_tenths = count_nearest(target, step);
    let active = whole(active_tenths) * step;
    let active_g = exact::to_f64(active);
    let tolerance = Tolerance::DEFAULT.fraction();
    let deviation = exact::deviation(active, target).unwrap_or_default();
    if active_tenths == 0 || exact::abs(deviation) > tolerance {
        let below = active_tenths.min(count_up(target, step).saturating_sub(1));
        let candidates = [below, below + 1]
            .into_iter()
            .filter(|&tenths| tenths > 0)
            .map(|tenths| crate::rounding::candidate(whole(tenths) * step, target))
            .collect();
        // The smallest total whose pentahydrate is always within the rule:
        // half a weighing step is at most the tolerance of the target.
        let always = exact::div(step / exact::int(2), tolerance * fraction).unwrap_or_default();
        return Err(Error::NotMeasurable {
            what: "amount of sodium thiosulfate pentahydrate",
            calculated: target_g,
            unit: "g",
            product: format!(
                "a balance weighing to {} g ({}: {} g of {strength} cream)",
                number(WEIGHING_STEP_G, 1),
                field,
                number(total_g, 1)
            ),
            tolerance_percent: Tolerance::DEFAULT.percent(),
            candidates,
            suggestion: Some(Box::new(Suggestion::LargerAmount {
                amount: exact::to_f64(whole(count_up(always, step)) * step),
                unit: "g",
            })),
        });
    }
    // 1 mL of water per g of pentahydrate; the steps are both 0.1, so the
    // water is a whole number of tenths of a mL too.
    let ml_step = exact::constant(MEASURING_STEP_ML);
    let water_tenths = count_nearest(
        active * exact::constant(WATER_ML_PER_G_PENTAHYDRATE),
        ml_step,
    );
    let water_as_g_tenths = count_nearest(
        whole(water_tenths) * ml_step * exact::constant(WATER_G_PER_ML),
        step,
    );
    let base_tenths = total_tenths
        .checked_sub(active_tenths + water_as_g_tenths)
        .filter(|&t| t > 0)
        .ok_or_else(|| Error::Invalid {
            field,
            value: format!("{} g", number(total_g, 1)),
            reason: format!("at {strength} the pentahydrate and its water leave no cold cream"),
        })?;
    Ok(Recipe {
        total_g,
        strength,
        pentahydrate_g: active_g,
        water_ml: exact::to_f64(whole(water_tenths) * ml_step),
        cold_cream_g: exact::to_f64(whole(base_tenths) * step),
        achieved: MassFraction::derived(exact::to_f64(active / total * exact::int(100))),
    })
}

/// Whole tenths of a gram at or above `g` (the amount is never made short).
fn tenths_up(g: Exact) -> u64 {
    count_up(g, exact::constant(WEIGHING_STEP_G))
}

/// The compounding recipe for an amount of cream at a strength (% w/w of
/// the pentahydrate), by the published preparation scaled linearly.
///
/// The amount is rounded up to 0.1 g; the pentahydrate is rounded to the
/// nearest 0.1 g, the water (1 mL per g of pentahydrate) to 0.1 mL, and the
/// cold cream is the rest, so the components add up to the total. The
/// strength is of the pentahydrate as weighed, as in the published
/// preparation; the clinical reference gives no anhydrous conversion.
///
/// # Errors
///
/// - [`Error::NotFinite`] or [`Error::OutOfRange`] ("amount of cream") when
///   the amount is not within 1 to 10,000 g.
/// - [`Error::NotDocumented`] for a strength other than 10 % (documented),
///   20 % or 25 % (reported elsewhere; [`plan`] adds an alert for them).
/// - [`Error::NotMeasurable`] when the pentahydrate cannot be weighed to
///   0.1 g within 10 % of the exact amount (too little cream); its
///   suggestion is the smallest amount that always can be.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical;
/// use calcinosis_dosing::MassFraction;
/// use uom::si::f64::Mass;
/// use uom::si::mass::gram;
///
/// let ten = MassFraction::from_percent(10.0)?;
/// let r = topical::recipe(Mass::new::<gram>(50.0), ten)?;
/// assert_eq!(
///     r.to_string(),
///     "sodium thiosulfate pentahydrate 5 g dissolved in water 5 mL, then cold cream 40 g to make 50 g (10 % w/w)",
/// );
/// let err = topical::recipe(Mass::new::<gram>(1.5), ten).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "an amount of sodium thiosulfate pentahydrate of 0.15 g is not measurable with a \
///      balance weighing to 0.1 g (amount of cream: 1.5 g of 10 % w/w cream) within 10 %: \
///      the nearest measurable amounts are 0.1 g (-33.3 %) and 0.2 g (+33.3 %); a total of \
///      5 g or more is always measurable",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A w/v concentration (mg/mL) is not a w/w strength, so it does not
/// compile:
///
/// ```compile_fail
/// use calcinosis_dosing::sodium_thiosulfate::topical;
/// use calcinosis_dosing::Concentration;
/// use uom::si::f64::Mass;
/// use uom::si::mass::gram;
///
/// let c = Concentration::from_mg_per_ml(100.0).unwrap();
/// let r = topical::recipe(Mass::new::<gram>(100.0), c);
/// ```
///
/// # References
///
/// [`sources::STS_COLD_CREAM_PREPARATION`]: pentahydrate 10 g in water
/// 10 mL, cold cream to 100 g. [`sources::ROUNDING_RULE`]: within 10 %.
pub fn recipe(amount: Mass, strength: MassFraction) -> Result<Recipe, Error> {
    let g = check_range("amount of cream", amount.get::<gram>(), 1.0, 10_000.0, "g")?;
    check_strength(strength)?;
    make_recipe("amount of cream", tenths_up(exact::constant(g)), strength)
}

/// Options for a topical plan: the strength, the course and how many packs
/// one compounding batch fills. The common case is `Options::default()`
/// (10 % w/w, 183 days, one pack per batch).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{CourseLength, Options};
/// use calcinosis_dosing::MassFraction;
///
/// let options = Options::default()
///     .strength(MassFraction::from_percent(20.0)?)
///     .course(CourseLength::from_months(4.0)?)
///     .packs_per_batch(2);
/// assert_eq!(options.get_course().days(), 122);
/// assert_eq!(options.get_packs_per_batch(), 2);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// See the [module documentation](self).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    strength: MassFraction,
    course: CourseLength,
    packs_per_batch: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            strength: MassFraction::derived(DOCUMENTED_STRENGTH_PERCENT),
            course: CourseLength::default(),
            packs_per_batch: 1,
        }
    }
}

impl Options {
    /// The largest number of packs one batch may fill.
    pub const MAX_PACKS_PER_BATCH: u32 = 100;

    /// The strength (checked when planning: 10 %, or 20 % or 25 % with an
    /// alert).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, MassFraction, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
    /// # let pack = PackSize::from_g(100.0)?;
    /// let options = topical::Options::default().strength(MassFraction::from_percent(20.0)?);
    /// assert_eq!(options.get_strength().to_string(), "20 % w/w");
    /// // No source reports 15 %: refused when planning.
    /// let options = options.strength(MassFraction::from_percent(15.0)?);
    /// let err = topical::plan(&adult, &patch, pack, &options).unwrap_err();
    /// assert!(matches!(err, Error::NotDocumented { field: "strength", .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn strength(mut self, strength: MassFraction) -> Self {
        self.strength = strength;
        self
    }

    /// The course.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{CourseLength, Options};
    /// let options = Options::default().course(CourseLength::from_weeks(12.0)?);
    /// assert_eq!(options.get_course().days(), 84);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn course(mut self, course: CourseLength) -> Self {
        self.course = course;
        self
    }

    /// How many packs one compounding batch fills (checked when planning:
    /// 1 to 100).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
    /// # let pack = PackSize::from_g(100.0)?;
    /// let options = topical::Options::default().packs_per_batch(2);
    /// assert_eq!(options.get_packs_per_batch(), 2);
    /// let none = topical::Options::default().packs_per_batch(0);
    /// let err = topical::plan(&adult, &patch, pack, &none).unwrap_err();
    /// assert!(matches!(err, Error::OutOfRange { field: "packs per batch", .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn packs_per_batch(mut self, packs: u32) -> Self {
        self.packs_per_batch = packs;
        self
    }

    /// The strength.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::Options;
    /// assert_eq!(Options::default().get_strength().percent(), 10.0);
    /// ```
    #[must_use]
    pub const fn get_strength(&self) -> MassFraction {
        self.strength
    }

    /// The course.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::Options;
    /// assert_eq!(Options::default().get_course().days(), 183);
    /// ```
    #[must_use]
    pub const fn get_course(&self) -> CourseLength {
        self.course
    }

    /// Packs per batch.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::Options;
    /// assert_eq!(Options::default().get_packs_per_batch(), 1);
    /// ```
    #[must_use]
    pub const fn get_packs_per_batch(&self) -> u32 {
        self.packs_per_batch
    }
}

/// The quantity to dispense: a whole number of packs.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
/// let area = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
/// let plan = topical::plan(&adult, &area, PackSize::from_g(100.0)?, &topical::Options::default())?;
/// // 0.5 g twice daily for 183 days is 183 g: 2 packs of 100 g.
/// assert_eq!(plan.dispense().packs(), 2);
/// assert_eq!(plan.dispense().total_g(), 200.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](self).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Dispense {
    pack_size: PackSize,
    packs: u64,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "total", serialize_with = "crate::wire::g")
    )]
    total_g: f64,
}

impl Dispense {
    /// The size of one pack.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.dispense().pack_size().to_string(), "100 g");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn pack_size(&self) -> PackSize {
        self.pack_size
    }

    /// How many packs.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// // 1 g twice daily for 183 days is 366 g: 4 packs of 100 g.
    /// assert_eq!(plan.dispense().packs(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn packs(&self) -> u64 {
        self.packs
    }

    /// The cream dispensed, g (packs × pack size).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.dispense().total_g(), 400.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total_g(&self) -> f64 {
        self.total_g
    }
}

impl fmt::Display for Dispense {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} of {} ({} g)",
            number(exact_f64(self.packs), 0),
            if self.packs == 1 { "pack" } else { "packs" },
            self.pack_size,
            number(self.total_g, 2)
        )
    }
}

/// Identical compounding batches: how many, how many packs each fills, and
/// the recipe of one.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
/// let area = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
/// let options = topical::Options::default().packs_per_batch(2);
/// let plan = topical::plan(&adult, &area, PackSize::from_g(50.0)?, &options)?;
/// // 183 g is 4 packs of 50 g: 2 batches of 100 g.
/// let b = &plan.compounding()[0];
/// assert_eq!((b.count(), b.packs_each(), b.recipe().total_g()), (2, 2, 100.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::STS_COLD_CREAM_PREPARATION`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Batch {
    count: u64,
    packs_each: u64,
    recipe: Recipe,
}

impl Batch {
    /// How many batches of this kind.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// // 4 packs of 100 g, one pack per batch (the default)
    /// assert_eq!(plan.compounding()[0].count(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn count(&self) -> u64 {
        self.count
    }

    /// How many packs each batch fills.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.compounding()[0].packs_each(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn packs_each(&self) -> u64 {
        self.packs_each
    }

    /// The recipe of one batch.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// let recipe = plan.compounding()[0].recipe();
    /// assert_eq!((recipe.pentahydrate_g(), recipe.water_ml(), recipe.cold_cream_g()), (10.0, 10.0, 80.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn recipe(&self) -> &Recipe {
        &self.recipe
    }
}

impl fmt::Display for Batch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let packs = if self.packs_each == 1 {
            "pack"
        } else {
            "packs"
        };
        if self.count == 1 {
            write!(
                f,
                "1 batch of {} {packs}",
                number(exact_f64(self.packs_each), 0)
            )?;
        } else {
            write!(
                f,
                "{} batches, each of {} {packs}",
                number(exact_f64(self.count), 0),
                number(exact_f64(self.packs_each), 0)
            )?;
        }
        write!(f, ": {}", self.recipe)
    }
}

/// A topical sodium thiosulfate plan: what to apply, how often, for how
/// long, what to dispense and how to compound it, with alerts and
/// citations. `Display` writes it the safe way.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Frequency, Patient};
///
/// let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let area = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
/// let plan = topical::plan(&boy, &area, PackSize::from_g(50.0)?, &topical::Options::default())?;
/// assert_eq!(plan.frequency(), Frequency::TwiceDaily);
/// assert!(plan.to_string().contains("twice daily under occlusion for 183 days"));
/// assert_eq!(plan.citations().len(), 5); // with Mosteller: the area is checked against it
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](self).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TopicalPlan {
    drug: &'static str,
    base: &'static str,
    strength: MassFraction,
    treated_area: TreatedArea,
    fingertip_units: f64,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::g"))]
    per_application: f64,
    frequency: Frequency,
    course: CourseLength,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::g"))]
    course_total: f64,
    dispense: Dispense,
    compounding: Vec<Batch>,
    limits: Vec<CheckedLimit>,
    alerts: Vec<Alert>,
    citations: Vec<Citation>,
}

impl TopicalPlan {
    /// Every limit the plan was checked against: its id, value, unit, scope
    /// and source, the plan's value, and the outcome (within, limited to
    /// it, or crossed with an alert naming it).
    ///
    /// See [`crate::CheckedLimit`] for an example.
    #[must_use]
    pub fn limits(&self) -> &[CheckedLimit] {
        &self.limits
    }

    /// The drug, "sodium thiosulfate".
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// # let plan = topical::plan(&boy, &patch, PackSize::from_g(50.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.drug(), "sodium thiosulfate");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn drug(&self) -> &'static str {
        self.drug
    }

    /// The strength (% w/w of the pentahydrate).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// # let plan = topical::plan(&boy, &patch, PackSize::from_g(50.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.strength().to_string(), "10 % w/w");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn strength(&self) -> MassFraction {
        self.strength
    }

    /// What is treated.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// # let plan = topical::plan(&boy, &patch, PackSize::from_g(50.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.treated_area().to_string(), "60 cm² (0.21 FTU)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn treated_area(&self) -> &TreatedArea {
        &self.treated_area
    }

    /// Fingertip units per application.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.fingertip_units(), 2.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn fingertip_units(&self) -> f64 {
        self.fingertip_units
    }

    /// Cream per application, g (fingertip units × 0.5 g).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// // 2 FTU × 0.5 g
    /// assert_eq!(plan.per_application_g(), 1.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn per_application_g(&self) -> f64 {
        self.per_application
    }

    /// How often a day: twice, as documented.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// # let plan = topical::plan(&boy, &patch, PackSize::from_g(50.0)?, &topical::Options::default())?;
    /// # use calcinosis_dosing::Frequency;
    /// assert_eq!(plan.frequency(), Frequency::TwiceDaily);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// Cream per day, g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// // 1 g twice daily
    /// assert_eq!(plan.per_day_g(), 2.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn per_day_g(&self) -> f64 {
        self.per_application * exact_f64(self.frequency.times_per_day())
    }

    /// The course.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// # let plan = topical::plan(&boy, &patch, PackSize::from_g(50.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.course().to_string(), "183 days");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn course(&self) -> CourseLength {
        self.course
    }

    /// Cream for the whole course, g (per day × days), before packs.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// // 2 g/day × 183 days, before rounding up to packs
    /// assert_eq!(plan.course_total_g(), 366.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn course_total_g(&self) -> f64 {
        self.course_total
    }

    /// The quantity to dispense.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.dispense().to_string(), "4 packs of 100 g (400 g)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn dispense(&self) -> &Dispense {
        &self.dispense
    }

    /// The compounding batches that fill the packs (one kind, or a full
    /// kind and a smaller last one).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// assert_eq!(plan.compounding().len(), 1);
    /// assert_eq!(plan.compounding()[0].to_string(),
    ///     "4 batches, each of 1 pack: sodium thiosulfate pentahydrate 10 g dissolved in water 10 mL, \
    ///      then cold cream 80 g to make 100 g (10 % w/w)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn compounding(&self) -> &[Batch] {
        &self.compounding
    }

    /// Advisories; empty when none applies.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let hands = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?);
    /// # let plan = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &topical::Options::default())?;
    /// assert!(plan.alerts().is_empty());
    /// # use calcinosis_dosing::AlertKind;
    /// let eight_months = topical::Options::default().course(topical::CourseLength::from_months(8.0)?);
    /// let longer = topical::plan(&adult, &hands, PackSize::from_g(100.0)?, &eight_months)?;
    /// assert_eq!(longer.alerts()[0].kind(), AlertKind::OutsideRegimenSource);
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
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// # let plan = topical::plan(&boy, &patch, PackSize::from_g(50.0)?, &topical::Options::default())?;
    /// let keys: Vec<&str> = plan.citations().iter().map(|c| c.key()).collect();
    /// // Mosteller bounds the area: no 20 kg patient has 60,000 cm² of skin.
    /// assert_eq!(keys, ["pediatr-dermatol-2017", "sts-cold-cream-ejhp", "long-finlay-1991",
    ///     "regionalderm", "mosteller-1987"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn citations(&self) -> &[Citation] {
        &self.citations
    }
}

impl fmt::Display for TopicalPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} (as pentahydrate) in {}, topical",
            capitalise(self.drug),
            self.strength,
            self.base
        )?;
        writeln!(f, "Treated area: {}", self.treated_area)?;
        writeln!(
            f,
            "Apply: about {} g ({} FTU) {} under occlusion for {}",
            small_number(self.per_application, 2),
            small_number(self.fingertip_units, 2),
            self.frequency,
            self.course
        )?;
        writeln!(
            f,
            "Course total: {} g/day for {} = {} g",
            number(self.per_day_g(), 3),
            self.course,
            crate::format::small_number(self.course_total, 2)
        )?;
        writeln!(f, "Dispense: {}", self.dispense)?;
        writeln!(f, "Compound:")?;
        for batch in &self.compounding {
            writeln!(f, "  - {batch}")?;
        }
        write_limits_alerts_and_citations(f, &self.limits, &self.alerts, &self.citations)
    }
}

/// A topical 10 % sodium thiosulfate plan for a patient and a treated area,
/// dispensed in packs of the given size.
///
/// Cream per application is the treated area's fingertip units × 0.5 g
/// (an area is 1 FTU per 286 cm²); it is applied twice daily under
/// occlusion for the course; the course total is rounded up to whole packs,
/// and each batch of packs gets its recipe. Nothing is rounded but the
/// packs and the weighed amounts.
///
/// # Errors
///
/// - [`Error::NotDocumented`] for a strength other than 10 %, 20 % or 25 %.
/// - [`Error::Undocumented`] for body regions of a patient under 18 without
///   a [`RegionScale`]: the fingertip-unit table is for adults.
/// - [`Error::Invalid`] when an area in cm² is larger than the patient's
///   body surface area (when the height is known), or when one batch is too
///   small to weigh its pentahydrate within 10 %.
/// - [`Error::OutOfRange`] when packs per batch is not within 1 to 100.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let child = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let hand = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand])?);
/// let err = topical::plan(&child, &hand, PackSize::from_g(50.0)?, &topical::Options::default())
///     .unwrap_err();
/// assert!(err.to_string().contains("the fingertip-unit table is for adults"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](self).
pub fn plan(
    patient: &Patient,
    area: &TreatedArea,
    pack: PackSize,
    options: &Options,
) -> Result<TopicalPlan, Error> {
    let strength = options.strength;
    let strength_alert = check_strength(strength)?;
    check_range(
        "packs per batch",
        f64::from(options.packs_per_batch),
        1.0,
        f64::from(Options::MAX_PACKS_PER_BATCH),
        "packs",
    )?;

    let mut alerts: Vec<Alert> = strength_alert.into_iter().collect();
    let mut citations = vec![
        sources::PEDIATR_DERMATOL_2017,
        sources::STS_COLD_CREAM_PREPARATION,
        sources::LONG_FINLAY_1991,
        sources::REGIONALDERM,
    ];

    check_area(patient, area, &mut alerts, &mut citations)?;
    let course = options.course;
    alerts.extend(course_alert(course));

    let frequency = Frequency::TwiceDaily;
    let fingertip_units = area.fingertip_units();
    let per_application = fingertip_units * G_PER_FTU;
    let per_day = per_application * exact_f64(frequency.times_per_day());
    let course_total = per_day * f64::from(course.days());

    // Decided exactly: the course total from the treated area's fingertip
    // units (read to nine decimals), twice daily, for the course's days.
    let course_exact = exact::constant(fingertip_units)
        * exact::constant(G_PER_FTU)
        * whole(frequency.times_per_day())
        * exact::int(i128::from(course.days()));
    let packs = count_up(course_exact, exact::constant(pack.g())).max(1);
    let dispense = Dispense {
        pack_size: pack,
        packs,
        total_g: exact_f64(packs) * pack.g(),
    };

    let compounding = compound(packs, u64::from(options.packs_per_batch), pack, strength)?;
    let mut limits = vec![
        CheckedLimit::new(STRENGTH_LIMIT, strength.percent()),
        CheckedLimit::new(COURSE_LIMIT, f64::from(course.days())),
    ];
    limits.extend(area_limit(patient, area));
    for batch in &compounding {
        let r = &batch.recipe;
        let deviation = exact::deviation(r.achieved.exact(), r.strength.exact())
            .map_or(0.0, |d| exact::to_f64(exact::abs(d) * exact::int(100)));
        limits.push(CheckedLimit::new(
            Limit::new(
                "rounding.tolerance",
                "rounding tolerance (pentahydrate weighed to 0.1 g)",
                Bound::AtMost,
                Tolerance::DEFAULT_PERCENT,
                "%",
                Scope::Preparation,
                sources::ROUNDING_RULE,
            ),
            deviation,
        ));
    }

    Ok(TopicalPlan {
        drug: "sodium thiosulfate",
        base: "cold cream",
        strength,
        treated_area: area.clone(),
        fingertip_units,
        per_application,
        frequency,
        course,
        course_total,
        dispense,
        compounding,
        limits,
        alerts,
        citations,
    })
}

/// The treated area against the largest body surface area the patient can
/// have: the Mosteller area with a height, or at the tallest height accepted
/// without one. Regions are bounded by their table.
fn area_limit(patient: &Patient, area: &TreatedArea) -> Option<CheckedLimit> {
    let TreatedArea::Area(a) = area else {
        return None;
    };
    let (id, name, bsa) = match patient.body_surface_area() {
        Some(bsa) => ("topical.area.body_surface_area", "body surface area", bsa),
        None => (
            "topical.area.largest_for_weight",
            "largest body surface area for the weight",
            BodySurfaceArea::mosteller(patient.weight(), Height::from_cm(Height::MAX_CM).ok()?),
        ),
    };
    Some(CheckedLimit::new(
        Limit::new(
            id,
            name,
            Bound::AtMost,
            exact::canonical(bsa.m2() * 10_000.0),
            "cm²",
            Scope::Preparation,
            sources::MOSTELLER_1987,
        ),
        a.cm2(),
    ))
}

/// Checks the treated area against the patient: an area in cm² against the
/// body surface area (when the height is known); body regions of a child
/// need a scale. Adds the alert and citation that apply.
fn check_area(
    patient: &Patient,
    area: &TreatedArea,
    alerts: &mut Vec<Alert>,
    citations: &mut Vec<Citation>,
) -> Result<(), Error> {
    match area {
        TreatedArea::Area(a) => {
            if let Some(bsa) = patient.body_surface_area() {
                let bsa_cm2 = bsa.m2() * 10_000.0;
                if exact::constant(a.cm2()) > exact::constant(bsa_cm2) {
                    return Err(Error::Invalid {
                        field: "treated area",
                        value: a.to_string(),
                        reason: format!(
                            "it is larger than the patient's body surface area, {bsa} \
                             ({} cm², Mosteller)",
                            number(bsa_cm2, 0)
                        ),
                    });
                }
                push_unique(citations, sources::MOSTELLER_1987);
            } else {
                // Without a height, the largest body surface area this weight
                // can have: Mosteller at the tallest height the crate accepts.
                let tallest = Height::from_cm(Height::MAX_CM)?;
                let bound = BodySurfaceArea::mosteller(patient.weight(), tallest);
                let bound_cm2 = bound.m2() * 10_000.0;
                if exact::constant(a.cm2()) > exact::constant(bound_cm2) {
                    return Err(Error::Invalid {
                        field: "treated area",
                        value: a.to_string(),
                        reason: format!(
                            "it is larger than any body surface area at {} ({} cm², Mosteller \
                             at the tallest height accepted, {}); check the area and its unit, \
                             or give the patient's height",
                            patient.weight(),
                            number(bound_cm2, 0),
                            tallest
                        ),
                    });
                }
                push_unique(citations, sources::MOSTELLER_1987);
            }
        }
        TreatedArea::Regions(r) => match r.scale() {
            None if patient.age().is_child() => {
                return Err(Error::Undocumented {
                    regimen: REGIMEN,
                    case: format!(
                        "body regions of a child (age {}): the fingertip-unit table is for \
                         adults; give the treated area in cm², or scale the regions explicitly",
                        patient.age()
                    ),
                    source_ref: sources::LONG_FINLAY_1991.reference(),
                });
            }
            None => {}
            Some(scale) => alerts.push(Alert::new(
                AlertKind::OutsideRegimenSource,
                format!(
                    "the fingertip units per region are the adult table's scaled by the \
                     caller's factor of {scale}; no table in the sources gives them for \
                     this patient"
                ),
                None,
                sources::LONG_FINLAY_1991,
            )),
        },
    }
    Ok(())
}

/// The alert for a course longer than the documented 6 months.
fn course_alert(course: CourseLength) -> Option<Alert> {
    (course.days() > DEFAULT_COURSE_DAYS).then(|| {
        Alert::new(
            AlertKind::OutsideRegimenSource,
            format!(
                "a course of {course} is longer than the documented 6 months ({}); the case \
                 resolved completely at 6 months",
                CourseLength::default()
            ),
            Some(COURSE_LIMIT),
            sources::PEDIATR_DERMATOL_2017,
        )
    })
}

/// The batches that fill `packs` packs, `packs_per_batch` (at least 1) to a
/// batch: full batches, then a smaller last one for the rest.
fn compound(
    packs: u64,
    packs_per_batch: u64,
    pack: PackSize,
    strength: MassFraction,
) -> Result<Vec<Batch>, Error> {
    let full = packs / packs_per_batch.max(1);
    let rest = packs % packs_per_batch.max(1);
    let mut batches = Vec::with_capacity(2);
    for (count, packs_each) in [(full, packs_per_batch), (u64::from(rest > 0), rest)] {
        if count == 0 {
            continue;
        }
        let total_tenths = tenths_up(whole(packs_each) * exact::constant(pack.g()));
        batches.push(Batch {
            count,
            packs_each,
            recipe: make_recipe("batch", total_tenths, strength)?,
        });
    }
    Ok(batches)
}

// JSON: each quantity as {"value", "unit"} in the units it may be written in.
#[cfg(feature = "serde")]
crate::wire::wire_units!(SkinArea, "treated area", "cm2, mm2, m2", |a: SkinArea| (a.cm2(), "cm2"), {
    "cm2" => SkinArea::from_cm2,
    "mm2" => |mm2: f64| if mm2.is_finite() { SkinArea::from_cm2(mm2 / 100.0) } else {
        Err(crate::error::Error::NotFinite { field: "treated area", value: mm2, unit: "mm²" })
    },
    "m2" => |m2: f64| if m2.is_finite() { SkinArea::from_cm2(m2 * 10_000.0) } else {
        Err(crate::error::Error::NotFinite { field: "treated area", value: m2, unit: "m²" })
    },
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(PackSize, "pack size", "g, kg", |p: PackSize| (p.g(), "g"), {
    "g" => PackSize::from_g,
    "kg" => |kg: f64| if kg.is_finite() { PackSize::from_g(kg * 1_000.0) } else {
        Err(crate::error::Error::NotFinite { field: "pack size", value: kg, unit: "kg" })
    },
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(CourseLength, "course", "d, wk, mo", |c: CourseLength| (f64::from(c.days()), "d"), {
    "d" => CourseLength::from_days,
    "wk" => CourseLength::from_weeks,
    "mo" => CourseLength::from_months,
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(RegionScale, "region scale", "%", |r: RegionScale| (r.percent(), "%"), {
    "%" => RegionScale::from_percent,
});

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;
    use crate::{Age, BodyWeight, Height};

    fn child() -> Patient {
        Patient::new(
            BodyWeight::from_kg(20.0).unwrap(),
            Age::from_years(6.0).unwrap(),
        )
    }

    fn fraction(p: f64) -> MassFraction {
        MassFraction::from_percent(p).unwrap()
    }

    #[test]
    fn published_preparation_is_reproduced() {
        let r = make_recipe("amount of cream", 1_000, fraction(10.0)).unwrap();
        assert_eq!(r.pentahydrate_g(), 10.0);
        assert_eq!(r.water_ml(), 10.0);
        assert_eq!(r.cold_cream_g(), 80.0);
        assert_eq!(r.achieved().percent(), 10.0);
    }

    #[test]
    fn undocumented_strength_is_an_error() {
        assert_eq!(
            check_strength(fraction(15.0)).unwrap_err().to_string(),
            "strength '15 % w/w' is not documented for topical sodium thiosulfate: expected \
             10 % w/w (documented), or 20 % or 25 % w/w (reported elsewhere, with an alert)"
        );
        assert!(check_strength(fraction(10.0)).unwrap().is_none());
        assert_eq!(
            check_strength(fraction(25.0)).unwrap().unwrap().kind(),
            AlertKind::OutsideRegimenSource
        );
    }

    #[test]
    fn default_course_is_six_average_months_rounded_up() {
        let months = CourseLength::from_months(DOCUMENTED_COURSE_MONTHS).unwrap();
        assert_eq!(months.days(), DEFAULT_COURSE_DAYS);
        assert_eq!(CourseLength::default(), months);
    }

    #[test]
    fn counting_up_is_exact() {
        let d = |x: f64| exact::decimal(x).unwrap();
        assert_eq!(count_up(d(2.3), d(0.1)), 23);
        assert_eq!(count_up(d(2.01), d(1.0)), 3);
        assert_eq!(count_up(d(0.2), d(1.0)), 1);
        assert_eq!(count_up(d(100.0), d(50.0)), 2);
        // Ties to the smaller.
        assert_eq!(count_nearest(d(0.25), d(0.1)), 2);
        assert_eq!(count_nearest(d(0.251), d(0.1)), 3);
    }

    #[test]
    fn tiny_amount_is_not_measurable() {
        let err = make_recipe("batch", 3, fraction(10.0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "an amount of sodium thiosulfate pentahydrate of 0.03 g is not measurable with a \
             balance weighing to 0.1 g (batch: 0.3 g of 10 % w/w cream) within 10 %: the \
             nearest measurable amount is 0.1 g (+233.3 %); a total of 5 g or more is always \
             measurable"
        );
    }

    #[test]
    fn area_above_body_surface_is_rejected() {
        let small = child().with_height(Height::from_cm(115.0).unwrap());
        let area = TreatedArea::Area(SkinArea::from_cm2(20_000.0).unwrap());
        let err = plan(
            &small,
            &area,
            PackSize::from_g(50.0).unwrap(),
            &Options::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "treated area 20,000 cm² is invalid: it is larger than the patient's body surface \
             area, 0.8 m² (7,993 cm², Mosteller)"
        );
    }

    #[test]
    fn last_batch_may_be_smaller() {
        let adult = Patient::new(
            BodyWeight::from_kg(70.0).unwrap(),
            Age::from_years(40.0).unwrap(),
        );
        let area = TreatedArea::Area(SkinArea::from_cm2(286.0).unwrap());
        let options = Options::default().packs_per_batch(3);
        let p = plan(&adult, &area, PackSize::from_g(50.0).unwrap(), &options).unwrap();
        // 183 g → 4 packs of 50 g → 1 batch of 3 packs and 1 of 1 pack.
        assert_eq!(p.dispense().packs(), 4);
        let b = p.compounding();
        assert_eq!(b.len(), 2);
        assert_eq!((b[0].count(), b[0].packs_each()), (1, 3));
        assert_eq!((b[1].count(), b[1].packs_each()), (1, 1));
        assert_eq!(b[0].recipe().total_g(), 150.0);
        assert_eq!(b[1].recipe().total_g(), 50.0);
    }
}
