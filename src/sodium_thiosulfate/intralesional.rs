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
//!     lidocaine::Solution::new(lidocaine::Strength::OnePercent, lidocaine::Formulation::Plain),
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
use crate::lidocaine::{self, LidocainePlan, Purpose, RingBlock, Solution, Use};
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

/// How many whole `step`s reach `amount`, rounded up, decided exactly.
fn steps_up(amount: Exact, step: Exact) -> u64 {
    exact::neighbours(amount, step).map_or(0, |(_, ceil)| ceil)
}

/// Where the lesion is.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSite;
///
/// assert_eq!(LesionSite::Fingertip.to_string(), "fingertip");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LesionSite {
    /// On a fingertip.
    Fingertip,
    /// Anywhere else.
    Elsewhere,
}

impl fmt::Display for LesionSite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Fingertip => "fingertip",
            Self::Elsewhere => "not on a fingertip",
        })
    }
}

/// Whether the lesion is alone or part of widespread disease.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Distribution;
///
/// assert_eq!(Distribution::Widespread.to_string(), "part of widespread disease");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Distribution {
    /// A single or few localised lesions.
    Localised,
    /// Part of widespread calcinosis.
    Widespread,
}

impl fmt::Display for Distribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Localised => "localised",
            Self::Widespread => "part of widespread disease",
        })
    }
}

/// Whether the lesion is ulcerated.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Ulceration;
///
/// assert_eq!(Ulceration::Absent.to_string(), "not ulcerated");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Ulceration {
    /// Not ulcerated.
    Absent,
    /// Ulcerated.
    Present,
}

impl fmt::Display for Ulceration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Absent => "not ulcerated",
            Self::Present => "ulcerated",
        })
    }
}

/// How a lesion's size was given: a diameter (a circle) or length × width
/// (an ellipse with those axes).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{LesionSize, Shape};
///
/// assert_eq!(LesionSize::diameter_mm(4.0)?.shape(), Shape::Circle);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Shape {
    /// Given by a diameter.
    Circle,
    /// Given as length × width.
    Ellipse,
}

/// A lesion's size: each dimension finite and within 0.5 to 200 mm.
///
/// Any uom length is accepted (4 mm and 0.4 cm are one size). The bounds are
/// this crate's plausibility check, not a clinical limit: they catch unit
/// slips and keep the grid layout bounded.
///
/// In JSON: `{"diameter": {"value": 4, "unit": "mm"}}` or
/// `{"length": {"value": 3, "unit": "cm"}, "width": {"value": 2, "unit": "cm"}}`.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
/// use uom::si::f64::Length;
/// use uom::si::length::{centimeter, millimeter};
///
/// let a = LesionSize::diameter(Length::new::<centimeter>(0.4))?;
/// assert_eq!(a.length_mm(), 4.0);
/// assert_eq!(a.to_string(), "4 mm diameter");
/// let b = LesionSize::length_by_width(
///     Length::new::<centimeter>(3.0),
///     Length::new::<millimeter>(15.0),
/// )?;
/// assert_eq!(b.to_string(), "30 mm × 15 mm");
/// assert!(LesionSize::diameter_mm(0.0).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// A volume is not a length, so it does not compile:
///
/// ```compile_fail
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
/// use uom::si::f64::Volume;
/// use uom::si::volume::milliliter;
///
/// let size = LesionSize::diameter(Volume::new::<milliliter>(4.0));
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 0.5 to 200 mm, naming the dimension ("lesion diameter", "lesion length",
/// "lesion width").
///
/// # References
///
/// Plausibility bounds of this crate (`DESIGN.md`).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SizeWire", into = "SizeWire"))]
pub struct LesionSize {
    shape: Shape,
    length_mm: f64,
    width_mm: f64,
}

impl LesionSize {
    /// The smallest dimension accepted, in mm.
    pub const MIN_MM: f64 = 0.5;
    /// The largest dimension accepted, in mm.
    pub const MAX_MM: f64 = 200.0;

    fn dimension(field: &'static str, mm: f64) -> Result<f64, Error> {
        check_range(
            field,
            exact::canonical(mm),
            Self::MIN_MM,
            Self::MAX_MM,
            "mm",
        )
    }

    /// A round lesion of this diameter.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// use uom::si::{f64::Length, length::centimeter};
    ///
    /// let size = LesionSize::diameter(Length::new::<centimeter>(1.5))?;
    /// assert_eq!(size.to_string(), "15 mm diameter");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn diameter(diameter: Length) -> Result<Self, Error> {
        Self::diameter_mm(diameter.get::<millimeter>())
    }

    /// A round lesion of this diameter in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// assert_eq!(LesionSize::diameter_mm(4.0)?.to_string(), "4 mm diameter");
    /// assert_eq!(
    ///     LesionSize::diameter_mm(250.0).unwrap_err().to_string(),
    ///     "lesion diameter 250 mm is not in the allowed range 0.5 to 200 mm",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn diameter_mm(mm: f64) -> Result<Self, Error> {
        let d = Self::dimension("lesion diameter", mm)?;
        Ok(Self {
            shape: Shape::Circle,
            length_mm: d,
            width_mm: d,
        })
    }

    /// An oval lesion of this length and width.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// use uom::si::f64::Length;
    /// use uom::si::length::{centimeter, millimeter};
    ///
    /// let size = LesionSize::length_by_width(
    ///     Length::new::<centimeter>(2.0),
    ///     Length::new::<millimeter>(8.0),
    /// )?;
    /// assert_eq!(size.to_string(), "20 mm × 8 mm");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn length_by_width(length: Length, width: Length) -> Result<Self, Error> {
        Self::length_by_width_mm(length.get::<millimeter>(), width.get::<millimeter>())
    }

    /// An oval lesion of this length and width in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(LesionSize::length_by_width_mm(30.0, 12.0)?.to_string(), "30 mm × 12 mm");
    /// let err = LesionSize::length_by_width_mm(30.0, 0.2).unwrap_err();
    /// assert!(matches!(err, Error::OutOfRange { field: "lesion width", .. }));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn length_by_width_mm(length_mm: f64, width_mm: f64) -> Result<Self, Error> {
        Ok(Self {
            shape: Shape::Ellipse,
            length_mm: Self::dimension("lesion length", length_mm)?,
            width_mm: Self::dimension("lesion width", width_mm)?,
        })
    }

    /// Circle or ellipse.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{LesionSize, Shape};
    /// assert_eq!(LesionSize::diameter_mm(10.0)?.shape(), Shape::Circle);
    /// assert_eq!(LesionSize::length_by_width_mm(10.0, 6.0)?.shape(), Shape::Ellipse);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn shape(&self) -> Shape {
        self.shape
    }

    /// The length (the diameter of a circle), in mm, along x.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// assert_eq!(LesionSize::length_by_width_mm(30.0, 12.0)?.length_mm(), 30.0);
    /// assert_eq!(LesionSize::diameter_mm(8.0)?.length_mm(), 8.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn length_mm(&self) -> f64 {
        self.length_mm
    }

    /// The width (the diameter of a circle), in mm, along y.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// assert_eq!(LesionSize::length_by_width_mm(30.0, 12.0)?.width_mm(), 12.0);
    /// assert_eq!(LesionSize::diameter_mm(8.0)?.width_mm(), 8.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn width_mm(&self) -> f64 {
        self.width_mm
    }

    /// The largest dimension, in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// // The width can be the larger dimension.
    /// assert_eq!(LesionSize::length_by_width_mm(6.0, 9.0)?.largest_mm(), 9.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn largest_mm(&self) -> f64 {
        self.length_mm.max(self.width_mm)
    }

    /// Whether the point (x, y), in mm from the centre, is inside the lesion
    /// (on the rim counts).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// let size = LesionSize::length_by_width_mm(30.0, 12.0)?;
    /// assert!(size.contains(15.0, 0.0)); // on the rim, at the end of the length
    /// assert!(size.contains(0.0, 6.0)); // on the rim, at the end of the width
    /// assert!(!size.contains(10.0, 6.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn contains(&self, x_mm: f64, y_mm: f64) -> bool {
        let u = x_mm / (self.length_mm / 2.0);
        let v = y_mm / (self.width_mm / 2.0);
        u * u + v * v <= 1.0 + RIM_EPSILON
    }
}

impl fmt::Display for LesionSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.shape {
            Shape::Circle => write!(f, "{} mm diameter", number(self.length_mm, 2)),
            Shape::Ellipse => write!(
                f,
                "{} mm × {} mm",
                number(self.length_mm, 2),
                number(self.width_mm, 2)
            ),
        }
    }
}

/// A lesion: where it is, its size, whether it is part of widespread disease
/// and whether it is ulcerated. These decide the case-series schedule.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     Distribution, Lesion, LesionSite, LesionSize, Ulceration,
/// };
///
/// let lesion = Lesion::new(
///     LesionSite::Fingertip,
///     LesionSize::diameter_mm(4.0)?,
///     Distribution::Localised,
///     Ulceration::Absent,
/// );
/// assert_eq!(lesion.to_string(), "fingertip lesion, 4 mm diameter, localised, not ulcerated");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Lesion {
    site: LesionSite,
    size: LesionSize,
    distribution: Distribution,
    ulceration: Ulceration,
}

impl Lesion {
    /// A lesion.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Elsewhere,
    ///     LesionSize::diameter_mm(12.0)?,
    ///     Distribution::Widespread,
    ///     Ulceration::Present,
    /// );
    /// assert!(lesion.to_string().ends_with("part of widespread disease, ulcerated"));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    #[allow(
        clippy::similar_names,
        reason = "site and size are the issue's own words"
    )]
    pub const fn new(
        site: LesionSite,
        size: LesionSize,
        distribution: Distribution,
        ulceration: Ulceration,
    ) -> Self {
        Self {
            site,
            size,
            distribution,
            ulceration,
        }
    }

    /// Where it is.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Fingertip,
    ///     LesionSize::diameter_mm(4.0)?,
    ///     Distribution::Localised,
    ///     Ulceration::Absent,
    /// );
    /// assert_eq!(lesion.site(), LesionSite::Fingertip);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn site(&self) -> LesionSite {
        self.site
    }

    /// Its size.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Fingertip,
    ///     LesionSize::diameter_mm(4.0)?,
    ///     Distribution::Localised,
    ///     Ulceration::Absent,
    /// );
    /// assert_eq!(lesion.size().largest_mm(), 4.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn size(&self) -> LesionSize {
        self.size
    }

    /// Alone or part of widespread disease.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Fingertip,
    ///     LesionSize::diameter_mm(4.0)?,
    ///     Distribution::Localised,
    ///     Ulceration::Absent,
    /// );
    /// assert_eq!(lesion.distribution(), Distribution::Localised);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn distribution(&self) -> Distribution {
        self.distribution
    }

    /// Ulcerated or not.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Fingertip,
    ///     LesionSize::diameter_mm(4.0)?,
    ///     Distribution::Localised,
    ///     Ulceration::Absent,
    /// );
    /// assert_eq!(lesion.ulceration(), Ulceration::Absent);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn ulceration(&self) -> Ulceration {
        self.ulceration
    }
}

impl fmt::Display for Lesion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.site {
            LesionSite::Fingertip => f.write_str("fingertip lesion")?,
            LesionSite::Elsewhere => f.write_str("lesion not on a fingertip")?,
        }
        write!(
            f,
            ", {}, {}, {}",
            self.size, self.distribution, self.ulceration
        )
    }
}

/// The distance between grid sites: finite and within the documented 5 to
/// 10 mm.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Spacing;
/// use uom::si::f64::Length;
/// use uom::si::length::centimeter;
///
/// assert_eq!(Spacing::new(Length::new::<centimeter>(1.0))?.mm(), 10.0);
/// assert_eq!(
///     Spacing::from_mm(12.0).unwrap_err().to_string(),
///     "spacing 12 mm is outside the documented intralesional sodium thiosulfate grid range \
///      of 5 to 10 mm (J Am Acad Dermatol 2013;69(5):e146 (intralesional sodium thiosulfate, \
///      lupus panniculitis))",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutsideRegimen`]
/// outside 5 to 10 mm.
///
/// # References
///
/// [`sources::JAAD_2013`]: sites every 5–10 mm.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Spacing {
    mm: f64,
}

impl Spacing {
    /// A spacing from any uom length.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Spacing;
    /// use uom::si::{f64::Length, length::millimeter};
    ///
    /// assert_eq!(Spacing::new(Length::new::<millimeter>(7.5))?.to_string(), "7.5 mm");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(spacing: Length) -> Result<Self, Error> {
        Self::from_mm(spacing.get::<millimeter>())
    }

    /// A spacing in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Spacing;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(Spacing::from_mm(5.0)?.mm(), 5.0);
    /// let err = Spacing::from_mm(4.0).unwrap_err();
    /// assert!(matches!(err, Error::OutsideRegimen { field: "spacing", .. }));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_mm(mm: f64) -> Result<Self, Error> {
        let mm = exact::canonical(mm);
        if !mm.is_finite() {
            return Err(Error::NotFinite {
                field: "spacing",
                value: mm,
                unit: "mm",
            });
        }
        if !(SPACING_MIN_MM..=SPACING_MAX_MM).contains(&mm) {
            return Err(Error::OutsideRegimen {
                field: "spacing",
                value: mm,
                min: SPACING_MIN_MM,
                max: SPACING_MAX_MM,
                unit: "mm",
                regimen: GRID_REGIMEN,
                source_ref: sources::JAAD_2013.reference(),
            });
        }
        Ok(Self { mm })
    }

    /// The spacing in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Spacing;
    /// use uom::si::{f64::Length, length::centimeter};
    ///
    /// assert_eq!(Spacing::new(Length::new::<centimeter>(0.5))?.mm(), 5.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn mm(self) -> f64 {
        self.mm
    }
}

impl fmt::Display for Spacing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mm", number(self.mm, 2))
    }
}

/// The number of grid sessions: 2 or 3, as documented.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::GridSessions;
///
/// assert_eq!(GridSessions::new(3)?.get(), 3);
/// assert!(GridSessions::new(4).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::OutsideRegimen`] for anything but 2 or 3.
///
/// # References
///
/// [`sources::JAAD_2013`]: 2–3 injections per lesion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "u32", into = "u32"))]
pub struct GridSessions {
    count: u32,
}

impl GridSessions {
    /// 2 or 3 sessions.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::GridSessions;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(GridSessions::new(2)?.get(), 2);
    /// assert!(matches!(GridSessions::new(1), Err(Error::OutsideRegimen { field: "sessions", .. })));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(count: u32) -> Result<Self, Error> {
        if (GRID_SESSIONS_MIN..=GRID_SESSIONS_MAX).contains(&count) {
            Ok(Self { count })
        } else {
            Err(Error::OutsideRegimen {
                field: "sessions",
                value: f64::from(count),
                min: f64::from(GRID_SESSIONS_MIN),
                max: f64::from(GRID_SESSIONS_MAX),
                unit: "per lesion",
                regimen: GRID_REGIMEN,
                source_ref: sources::JAAD_2013.reference(),
            })
        }
    }

    /// The number of sessions.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::GridSessions;
    /// let sessions = GridSessions::new(3)?;
    /// assert_eq!(sessions.get(), 3);
    /// assert_eq!(u32::from(sessions), 3);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get(self) -> u32 {
        self.count
    }
}

impl TryFrom<u32> for GridSessions {
    type Error = Error;
    fn try_from(count: u32) -> Result<Self, Error> {
        Self::new(count)
    }
}

impl From<GridSessions> for u32 {
    fn from(s: GridSessions) -> Self {
        s.count
    }
}

/// The time between sessions: a whole number of days, within 1 to 365.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Interval;
///
/// assert_eq!(Interval::WEEKLY.to_string(), "weekly");
/// assert_eq!(Interval::from_weeks(4.0)?.to_string(), "every 4 weeks");
/// assert_eq!(Interval::from_days(10.0)?.days(), 10);
/// assert!(Interval::from_days(2.5).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`], [`Error::OutOfRange`] outside 1 to 365 days, or
/// [`Error::Invalid`] for a part of a day.
///
/// # References
///
/// Plausibility bounds of this crate (`DESIGN.md`); weekly is the case
/// series' interval ([`sources::ACTA_DV_2016`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Interval {
    days: u32,
}

impl Interval {
    /// Every week (the case series' interval).
    pub const WEEKLY: Self = Self {
        days: REPEATED_INTERVAL_DAYS,
    };
    /// The longest interval accepted, in days.
    pub const MAX_DAYS: u32 = 365;

    /// An interval in days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Interval;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(Interval::from_days(14.0)?.to_string(), "every 2 weeks");
    /// assert_eq!(Interval::from_days(10.0)?.to_string(), "every 10 days");
    /// assert!(matches!(Interval::from_days(0.0), Err(Error::OutOfRange { field: "interval", .. })));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_days(days: f64) -> Result<Self, Error> {
        let days = check_range("interval", days, 1.0, f64::from(Self::MAX_DAYS), "days")?;
        if days.fract() != 0.0 {
            return Err(Error::Invalid {
                field: "interval",
                value: format!("{} days", number(days, 3)),
                reason: "expected a whole number of days".to_owned(),
            });
        }
        // Whole and within 1 to 365: exact as a u32.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(Self { days: days as u32 })
    }

    /// An interval in weeks (7 days each).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Interval;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(Interval::from_weeks(1.0)?, Interval::WEEKLY);
    /// assert_eq!(Interval::from_weeks(4.0)?.days(), 28);
    /// // Half a week is 3.5 days, not a whole number of days.
    /// assert!(matches!(Interval::from_weeks(0.5), Err(Error::Invalid { field: "interval", .. })));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_weeks(weeks: f64) -> Result<Self, Error> {
        if !weeks.is_finite() {
            return Err(Error::NotFinite {
                field: "interval",
                value: weeks,
                unit: "weeks",
            });
        }
        Self::from_days(weeks * 7.0)
    }

    /// The interval in days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Interval;
    /// assert_eq!(Interval::WEEKLY.days(), 7);
    /// assert_eq!(Interval::from_weeks(6.0)?.days(), 42);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn days(self) -> u32 {
        self.days
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.days, self.days % 7) {
            (1, _) => f.write_str("daily"),
            (7, _) => f.write_str("weekly"),
            (d, 0) => write!(f, "every {} weeks", d / 7),
            (d, _) => write!(f, "every {d} days"),
        }
    }
}

/// The graduation of the syringe a dilution is measured with: finite and
/// within 0.01 to 1 mL. The default is 0.1 mL ([`DEFAULT_GRADUATION_ML`]).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Graduation;
///
/// assert_eq!(Graduation::default().ml(), 0.1);
/// assert_eq!(Graduation::from_ml(0.01)?.to_string(), "0.01 mL");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] or [`Error::OutOfRange`] outside 0.01 to 1 mL.
///
/// # References
///
/// Clinical reference section 4 (0.1 mL on 1–10 mL syringes); the bounds
/// are those of [`crate::Product::oral_liquid`].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Graduation {
    ml: f64,
}

impl Graduation {
    /// The finest graduation accepted, mL.
    pub const MIN_ML: f64 = 0.01;
    /// The coarsest graduation accepted, mL.
    pub const MAX_ML: f64 = 1.0;

    /// A graduation from any uom volume.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Graduation;
    /// use uom::si::{f64::Volume, volume::milliliter};
    ///
    /// assert_eq!(Graduation::new(Volume::new::<milliliter>(0.05))?.to_string(), "0.05 mL");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(graduation: Volume) -> Result<Self, Error> {
        Self::from_ml(graduation.get::<milliliter>())
    }

    /// A graduation in mL.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Graduation;
    /// assert_eq!(Graduation::from_ml(0.1)?, Graduation::default());
    /// assert_eq!(
    ///     Graduation::from_ml(2.0).unwrap_err().to_string(),
    ///     "graduation 2 mL is not in the allowed range 0.01 to 1 mL",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_ml(ml: f64) -> Result<Self, Error> {
        check_range(
            "graduation",
            exact::canonical(ml),
            Self::MIN_ML,
            Self::MAX_ML,
            "mL",
        )
        .map(|ml| Self { ml })
    }

    /// The graduation in mL.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Graduation;
    /// assert_eq!(Graduation::default().ml(), 0.1);
    /// assert_eq!(Graduation::from_ml(0.02)?.ml(), 0.02);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn ml(self) -> f64 {
        self.ml
    }
}

impl Default for Graduation {
    fn default() -> Self {
        Self {
            ml: DEFAULT_GRADUATION_ML,
        }
    }
}

impl fmt::Display for Graduation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mL", number(self.ml, 3))
    }
}

/// What the stock is diluted with.
///
/// In JSON: `"sterile_water"`, `"sodium_chloride_0_9_percent"`, or
/// `{"lidocaine": {"strength": "one_percent", "formulation": "plain"}}`.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Diluent;
///
/// assert_eq!(Diluent::SodiumChloride.to_string(), "sodium chloride 0.9 % (9 mg/mL)");
/// ```
///
/// # References
///
/// Lidocaine as a diluent counts toward its maximum
/// ([`sources::LIDOCAINE_LABEL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Diluent {
    /// Sterile water for injection.
    SterileWater,
    /// Sodium chloride 0.9 %.
    #[cfg_attr(feature = "serde", serde(rename = "sodium_chloride_0_9_percent"))]
    SodiumChloride,
    /// A lidocaine solution: counts toward the lidocaine maximum.
    Lidocaine(Solution),
}

impl fmt::Display for Diluent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SterileWater => f.write_str("sterile water for injection"),
            Self::SodiumChloride => f.write_str("sodium chloride 0.9 % (9 mg/mL)"),
            Self::Lidocaine(s) => s.fmt(f),
        }
    }
}

/// How to dilute: the stock, the diluent, the syringe graduation and the
/// tolerance on the prepared concentration (default 10 %).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{Diluent, Dilution, Graduation};
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
///
/// let d = Dilution::new(Stock::Injection, Diluent::SterileWater)
///     .graduation(Graduation::from_ml(0.01)?);
/// assert_eq!(d.get_graduation().ml(), 0.01);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dilution {
    stock: Stock,
    diluent: Diluent,
    graduation: Graduation,
    tolerance: Tolerance,
}

impl Dilution {
    /// Dilute `stock` with `diluent`, measured to 0.1 mL, within 10 %.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// assert_eq!(dilution.get_graduation().ml(), 0.1);
    /// assert_eq!(dilution.get_tolerance().percent(), 10.0);
    /// ```
    #[must_use]
    pub const fn new(stock: Stock, diluent: Diluent) -> Self {
        Self {
            stock,
            diluent,
            graduation: Graduation {
                ml: DEFAULT_GRADUATION_ML,
            },
            tolerance: Tolerance::DEFAULT,
        }
    }

    /// The syringe graduation.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution, Graduation};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// let fine = Dilution::new(Stock::Injection, Diluent::SodiumChloride)
    ///     .graduation(Graduation::from_ml(0.01)?);
    /// // 0.12 mL of stock is measurable at 0.01 mL: 0.2 mL of 150 mg/mL, as asked.
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(0.2)?, &fine)?;
    /// assert_eq!(recipe.stock_volume().ml(), 0.12);
    /// assert!(!recipe.is_adjusted());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn graduation(mut self, graduation: Graduation) -> Self {
        self.graduation = graduation;
        self
    }

    /// The tolerance on the prepared concentration.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume, Tolerance};
    /// let strict = Dilution::new(Stock::Injection, Diluent::SodiumChloride)
    ///     .tolerance(Tolerance::from_percent(1.0)?);
    /// // 0.4 + 0.3 mL would make 142.857 mg/mL, 4.8 % low: the total is raised.
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(0.7)?, &strict)?;
    /// assert_eq!(recipe.total().ml(), 1.0);
    /// assert_eq!(recipe.stock_volume().ml(), 0.6);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn tolerance(mut self, tolerance: Tolerance) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// The stock.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// let dilution = Dilution::new(Stock::PaediatricInjection, Diluent::SterileWater);
    /// assert_eq!(dilution.get_stock(), Stock::PaediatricInjection);
    /// ```
    #[must_use]
    pub const fn get_stock(&self) -> Stock {
        self.stock
    }

    /// The diluent.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, Strength};
    /// let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let dilution = Dilution::new(Stock::Injection, Diluent::Lidocaine(one_percent));
    /// assert_eq!(dilution.get_diluent().to_string(), "lidocaine 1 % (10 mg/mL), plain");
    /// ```
    #[must_use]
    pub const fn get_diluent(&self) -> Diluent {
        self.diluent
    }

    /// The syringe graduation.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Diluent, Dilution, Graduation};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// assert_eq!(dilution.get_graduation(), Graduation::default());
    /// assert_eq!(dilution.get_graduation().to_string(), "0.1 mL");
    /// ```
    #[must_use]
    pub const fn get_graduation(&self) -> Graduation {
        self.graduation
    }

    /// The tolerance.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::Tolerance;
    /// let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// assert_eq!(dilution.get_tolerance(), Tolerance::DEFAULT);
    /// assert_eq!(dilution.get_tolerance().to_string(), "10 %");
    /// ```
    #[must_use]
    pub const fn get_tolerance(&self) -> Tolerance {
        self.tolerance
    }
}

/// A recipe: how much stock and diluent make how much of what
/// concentration, and whether the total had to be raised.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Concentration, InjectionVolume};
///
/// let recipe = prepare(
///     Concentration::from_mg_per_ml(150.0)?,
///     InjectionVolume::from_ml(5.0)?,
///     &Dilution::new(Stock::Injection, Diluent::SterileWater),
/// )?;
/// assert_eq!(recipe.stock_volume().ml(), 3.0);
/// assert_eq!(recipe.diluent_volume().map(InjectionVolume::ml), Some(2.0));
/// assert!(!recipe.is_adjusted());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Preparation {
    stock: Stock,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    diluent: Option<Diluent>,
    target: Concentration,
    requested_total: InjectionVolume,
    stock_volume: InjectionVolume,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    diluent_volume: Option<InjectionVolume>,
    total: InjectionVolume,
    prepared: Concentration,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::percent"))]
    deviation_percent: f64,
    graduation: Graduation,
    tolerance: Tolerance,
}

impl Preparation {
    /// The dilution's rounding as a checked limit: how far the prepared
    /// concentration is from the target, against the tolerance.
    pub(crate) fn checked(&self) -> CheckedLimit {
        CheckedLimit::new(
            Limit::new(
                "rounding.tolerance",
                "rounding tolerance (dilution to whole graduations)",
                Bound::AtMost,
                self.tolerance.percent(),
                "%",
                Scope::Preparation,
                sources::ROUNDING_RULE,
            ),
            self.deviation_percent.abs(),
        )
    }

    /// The stock drawn from.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// assert_eq!(recipe.stock(), Stock::Injection);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn stock(&self) -> Stock {
        self.stock
    }

    /// The diluent, or `None` when the stock is used undiluted.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// assert_eq!(recipe.diluent(), Some(Diluent::SterileWater));
    /// // The stock's own concentration needs no diluent.
    /// let neat = prepare(Concentration::from_mg_per_ml(250.0)?, recipe.total(), &dilution)?;
    /// assert_eq!(neat.diluent(), None);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn diluent(&self) -> Option<Diluent> {
        self.diluent
    }

    /// The concentration asked for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(0.7)?, &dilution)?;
    /// assert_eq!(recipe.target().to_string(), "150 mg/mL");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn target(&self) -> Concentration {
        self.target
    }

    /// The total asked for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(0.2)?, &dilution)?;
    /// assert_eq!(recipe.requested_total().ml(), 0.2);
    /// assert_eq!(recipe.total().ml(), 0.5);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn requested_total(&self) -> InjectionVolume {
        self.requested_total
    }

    /// The stock to draw.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// // 150 mg/mL × 5 mL / 250 mg/mL = 3 mL of stock.
    /// assert_eq!(recipe.stock_volume().to_string(), "3 mL");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn stock_volume(&self) -> InjectionVolume {
        self.stock_volume
    }

    /// The diluent to add, or `None` when none is needed.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// assert_eq!(recipe.diluent_volume().map(InjectionVolume::ml), Some(2.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn diluent_volume(&self) -> Option<InjectionVolume> {
        self.diluent_volume
    }

    /// Stock + diluent.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// assert_eq!(recipe.total().to_string(), "5 mL");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn total(&self) -> InjectionVolume {
        self.total
    }

    /// The concentration the recipe makes.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(0.7)?, &dilution)?;
    /// // 0.4 mL of stock + 0.3 mL of diluent: within 10 % of 150 mg/mL.
    /// assert_eq!(recipe.prepared().to_string(), "142.857 mg/mL");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn prepared(&self) -> Concentration {
        self.prepared
    }

    /// (prepared − target) / target, in percent.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(0.7)?, &dilution)?;
    /// // 142.857 mg/mL against 150 mg/mL.
    /// assert_eq!(format!("{:.2}", recipe.deviation_percent()), "-4.76");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn deviation_percent(&self) -> f64 {
        self.deviation_percent
    }

    /// Whether the total was raised above the one asked for so that both
    /// volumes are measurable.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// assert!(!recipe.is_adjusted());
    /// // 0.2 mL would need 0.12 mL of stock: raised to 0.5 mL.
    /// let small = prepare(target, InjectionVolume::from_ml(0.2)?, &dilution)?;
    /// assert!(small.is_adjusted());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn is_adjusted(&self) -> bool {
        (self.total.ml() - self.requested_total.ml()).abs() > RIM_EPSILON
    }

    /// The syringe graduation.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// assert_eq!(recipe.graduation().ml(), 0.1);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn graduation(&self) -> Graduation {
        self.graduation
    }

    /// The tolerance on the prepared concentration.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// assert_eq!(recipe.tolerance().percent(), 10.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// The lidocaine this preparation holds, when lidocaine is the diluent.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, Strength};
    /// let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let dilution = Dilution::new(Stock::Injection, Diluent::Lidocaine(one_percent));
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// // 2 mL of lidocaine 1 % as the diluent: 20 mg toward the lidocaine maximum.
    /// assert_eq!(recipe.lidocaine_use().map(|u| u.mass().mg()), Some(20.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn lidocaine_use(&self) -> Option<Use> {
        match (self.diluent, self.diluent_volume) {
            (Some(Diluent::Lidocaine(solution)), Some(volume)) => {
                Some(Use::new(Purpose::Diluent, solution, volume))
            }
            _ => None,
        }
    }

    /// The stock used undiluted.
    fn undiluted(stock: Stock, total: InjectionVolume) -> Self {
        let c = stock.concentration();
        Self {
            stock,
            diluent: None,
            target: c,
            requested_total: total,
            stock_volume: total,
            diluent_volume: None,
            total,
            prepared: c,
            deviation_percent: 0.0,
            graduation: Graduation::default(),
            tolerance: Tolerance::DEFAULT,
        }
    }

    fn write_containers(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(container) = self.stock.container_ml() {
            let n = steps_up(self.stock_volume.exact(), exact::constant(container));
            let plural = if n > 1 { "s" } else { "" };
            write!(
                f,
                "; {n} container{plural} of {} mL opened",
                number(container, 0)
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for Preparation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {}", self.stock_volume, self.stock)?;
        if let (Some(diluent), Some(diluent_volume)) = (self.diluent, self.diluent_volume) {
            write!(
                f,
                " + {diluent_volume} of {diluent} = {} of {} (target {}, {})",
                self.total,
                self.prepared,
                self.target,
                signed_percent(self.deviation_percent / 100.0)
            )?;
        } else {
            f.write_str(", undiluted")?;
            if self.target != self.prepared {
                write!(
                    f,
                    " (target {}, {})",
                    self.target,
                    signed_percent(self.deviation_percent / 100.0)
                )?;
            }
        }
        self.write_containers(f)?;
        if self.is_adjusted() {
            write!(
                f,
                "; the total was raised from {} to {} so that both volumes are whole {} \
                 graduations within {} of the target",
                self.requested_total, self.total, self.graduation, self.tolerance
            )?;
        }
        Ok(())
    }
}

/// A recipe for `total` of `target` by diluting the stock:
/// `V_stock = C_target × V_total / C_stock`, diluent = `V_total − V_stock`.
///
/// Both volumes are whole graduations of the syringe. The stock volume is
/// the nearest whole graduation (ties to the smaller); when the prepared
/// concentration is then further from the target than the tolerance, the
/// total is raised one graduation at a time until it is not, and the recipe
/// says so ([`Preparation::is_adjusted`]). The total is never lowered. When
/// the target is the stock's concentration, no diluent is added.
///
/// # Errors
///
/// - [`Error::Invalid`] when the target is above the stock's concentration
///   (a dilution cannot concentrate).
/// - [`Error::NotMeasurable`] when no total up to 1,000 mL can be measured
///   within the tolerance; its candidates are the nearest concentrations
///   that can be made.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Concentration, InjectionVolume};
///
/// let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
/// let recipe = prepare(
///     Concentration::from_mg_per_ml(150.0)?,
///     InjectionVolume::from_ml(0.2)?,
///     &dilution,
/// )?;
/// // 0.12 mL of stock is not a whole 0.1 mL graduation: 0.5 mL is the
/// // smallest total that makes 150 mg/mL within 10 %.
/// assert_eq!(recipe.total().ml(), 0.5);
/// assert!(recipe.is_adjusted());
///
/// let err = prepare(
///     Concentration::from_mg_per_ml(300.0)?,
///     InjectionVolume::from_ml(5.0)?,
///     &dilution,
/// )
/// .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "target concentration 300 mg/mL is invalid: it is above the stock's 250 mg/mL, \
///      and a dilution can only lower a concentration",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Clinical reference section 2 ("Preparing 150 mg/mL");
/// [`sources::ROUNDING_RULE`] (10 %).
pub fn prepare(
    target: Concentration,
    total: InjectionVolume,
    dilution: &Dilution,
) -> Result<Preparation, Error> {
    // Decided exactly: concentrations and volumes as the decimals they are.
    let c_stock = dilution.stock.concentration().exact();
    let c_target = target.exact();
    if c_target > c_stock {
        return Err(Error::Invalid {
            field: "target concentration",
            value: target.to_string(),
            reason: format!(
                "it is above the stock's {}, and a dilution can only lower a concentration",
                dilution.stock.concentration()
            ),
        });
    }
    let ratio = exact::div(c_target, c_stock)
        .unwrap_or_default()
        .min(exact::int(1));
    let g = exact::constant(dilution.graduation.ml);
    let tolerance = dilution.tolerance.fraction();
    let first = steps_up(total.exact(), g).max(1);
    let last =
        exact::neighbours(exact::constant(InjectionVolume::MAX), g).map_or(0, |(floor, _)| floor);
    // The nearest prepared concentrations seen below and above the target,
    // for the error when none is within the tolerance.
    let (mut below, mut above): (Option<Exact>, Option<Exact>) = (None, None);
    for n in first..=last {
        let n_exact = exact::int(i128::from(n));
        // The stock as the nearest whole number of graduations, ties to the
        // smaller amount of stock.
        let Some(stock) = exact::to_multiple(ratio * n_exact, exact::int(1)) else {
            continue;
        };
        let stock = stock.min(n_exact);
        if stock < exact::int(1) {
            // One graduation of stock is the least this total can hold.
            let thinnest = c_stock / n_exact;
            above = Some(above.map_or(thinnest, |a| a.min(thinnest)));
            continue;
        }
        let prepared = c_stock * stock / n_exact;
        let Some(deviation) = exact::deviation(prepared, c_target) else {
            continue;
        };
        if exact::abs(deviation) > tolerance {
            if prepared < c_target {
                below = below.max(Some(prepared));
            } else {
                above = Some(above.map_or(prepared, |a| a.min(prepared)));
            }
            continue;
        }
        let diluent = n_exact - stock;
        let has_diluent = diluent > exact::int(0);
        return Ok(Preparation {
            stock: dilution.stock,
            diluent: has_diluent.then_some(dilution.diluent),
            target,
            requested_total: total,
            stock_volume: InjectionVolume::derived(exact::to_f64(stock * g)),
            diluent_volume: has_diluent
                .then(|| InjectionVolume::derived(exact::to_f64(diluent * g))),
            total: InjectionVolume::derived(exact::to_f64(n_exact * g)),
            prepared: Concentration::derived(exact::to_f64(prepared)),
            deviation_percent: exact::to_f64(deviation * exact::int(100)),
            graduation: dilution.graduation,
            tolerance: dilution.tolerance,
        });
    }
    Err(Error::NotMeasurable {
        what: "concentration",
        calculated: target.mg_per_ml(),
        unit: "mg/mL",
        product: format!(
            "{} diluted in whole {} graduations (at most {} mL)",
            dilution.stock.concentration(),
            dilution.graduation,
            number(InjectionVolume::MAX, 0)
        ),
        tolerance_percent: dilution.tolerance.percent(),
        candidates: below
            .into_iter()
            .chain(above)
            .map(|c| crate::rounding::candidate(c, c_target))
            .collect(),
        suggestion: None,
    })
}

/// An injection site, in mm from the lesion centre (x along the length, y
/// along the width).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{layout, LesionSize, Spacing};
///
/// let sites = layout(LesionSize::diameter_mm(4.0)?, Spacing::from_mm(5.0)?);
/// assert_eq!(sites.len(), 1);
/// assert_eq!(sites[0].to_string(), "(0, 0)");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Site {
    #[cfg_attr(feature = "serde", serde(rename = "x", serialize_with = "mm"))]
    x_mm: f64,
    #[cfg_attr(feature = "serde", serde(rename = "y", serialize_with = "mm"))]
    y_mm: f64,
}

impl Site {
    /// mm from the centre along the length (right is positive).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{layout, LesionSize, Spacing};
    /// # let sites = layout(LesionSize::diameter_mm(30.0)?, Spacing::from_mm(10.0)?);
    /// // The first site is top left of the 3 × 3 grid.
    /// assert_eq!(sites[0].x_mm(), -10.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn x_mm(&self) -> f64 {
        self.x_mm
    }

    /// mm from the centre along the width (up is positive).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{layout, LesionSize, Spacing};
    /// # let sites = layout(LesionSize::diameter_mm(30.0)?, Spacing::from_mm(10.0)?);
    /// // Rows go from the top (largest y) down.
    /// assert_eq!(sites[0].y_mm(), 10.0);
    /// assert_eq!(sites[8].y_mm(), -10.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn y_mm(&self) -> f64 {
        self.y_mm
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}, {})", number(self.x_mm, 2), number(self.y_mm, 2))
    }
}

/// The grid sites over a lesion: the points of a square grid at `spacing`,
/// anchored at the lesion centre, that lie inside the lesion (circle or
/// ellipse), in rows from the top (largest y) down, each row left to right.
///
/// The centre is always a site. The cost is one step per site plus a few per
/// row, and every row holds at least one site, so it grows linearly with the
/// number of sites.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{layout, LesionSize, Spacing};
///
/// // A 3 cm plaque at 10 mm: the centre, 4 neighbours and 4 diagonals.
/// let sites = layout(LesionSize::diameter_mm(30.0)?, Spacing::from_mm(10.0)?);
/// assert_eq!(sites.len(), 9);
/// assert_eq!(sites[0].to_string(), "(-10, 10)");
/// // A 30 × 12 mm ellipse at 10 mm: one row of 3.
/// let row = layout(LesionSize::length_by_width_mm(30.0, 12.0)?, Spacing::from_mm(10.0)?);
/// assert_eq!(row.len(), 3);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::JAAD_2013`] (sites every 5–10 mm); the grid reading is the
/// crate's (see the [module documentation](self)).
#[must_use]
pub fn layout(size: LesionSize, spacing: Spacing) -> Vec<Site> {
    let s = spacing.mm;
    let inside = |i: i32, j: i32| size.contains(f64::from(i) * s, f64::from(j) * s);
    // Lengths are at most 200 mm and the spacing at least 5 mm: indices stay
    // within ±21.
    #[allow(clippy::cast_possible_truncation)]
    let estimate = |half_extent_mm: f64| (half_extent_mm / s).floor() as i32;
    let widest = |j: i32, mut i: i32| {
        while inside(i + 1, j) {
            i += 1;
        }
        while i > 0 && !inside(i, j) {
            i -= 1;
        }
        i
    };
    let rows = widest_row(&inside, estimate(size.width_mm / 2.0));
    let capacity = (size.length_mm / s + 1.0) * (size.width_mm / s + 1.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut sites = Vec::with_capacity(capacity as usize);
    for j in (-rows..=rows).rev() {
        let v = f64::from(j) * s / (size.width_mm / 2.0);
        let half = size.length_mm / 2.0 * (1.0 - v * v).max(0.0).sqrt();
        let columns = widest(j, estimate(half));
        sites.extend((-columns..=columns).map(|i| Site {
            x_mm: f64::from(i) * s,
            y_mm: f64::from(j) * s,
        }));
    }
    sites
}

/// The largest row index `j` with the point (0, j) inside, from an estimate.
fn widest_row(inside: &impl Fn(i32, i32) -> bool, mut j: i32) -> i32 {
    while inside(0, j + 1) {
        j += 1;
    }
    while j > 0 && !inside(0, j) {
        j -= 1;
    }
    j
}

/// Which case-series schedule a lesion gets.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::CaseSeriesSchedule;
///
/// assert_eq!(CaseSeriesSchedule::SingleInjection.sessions(), 1);
/// assert_eq!(CaseSeriesSchedule::RepeatedInjections.sessions(), 4);
/// ```
///
/// # References
///
/// [`sources::ACTA_DV_2016`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CaseSeriesSchedule {
    /// A fingertip lesion under 5 mm: a single injection.
    SingleInjection,
    /// Widespread lesions with ulceration: an injection every week (by
    /// default) for 4 weeks.
    RepeatedInjections,
}

impl CaseSeriesSchedule {
    /// The number of sessions.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{case_series_schedule, Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let widespread = Lesion::new(
    ///     LesionSite::Elsewhere,
    ///     LesionSize::diameter_mm(15.0)?,
    ///     Distribution::Widespread,
    ///     Ulceration::Present,
    /// );
    /// assert_eq!(case_series_schedule(&widespread)?.sessions(), 4);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn sessions(self) -> u32 {
        match self {
            Self::SingleInjection => SINGLE_INJECTION_SESSIONS,
            Self::RepeatedInjections => REPEATED_SESSIONS,
        }
    }
}

impl fmt::Display for CaseSeriesSchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SingleInjection => write!(
                f,
                "a fingertip lesion under {} mm: a single injection",
                number(FINGERTIP_UNDER_MM, 1)
            ),
            Self::RepeatedInjections => write!(
                f,
                "widespread lesions with ulceration: {REPEATED_SESSIONS} injections, \
                 one each session"
            ),
        }
    }
}

/// The case-series schedule for a lesion: widespread with ulceration gets
/// repeated injections; otherwise a fingertip lesion under 5 mm (largest
/// dimension) gets a single injection; anything else has no documented
/// schedule.
///
/// # Errors
///
/// [`Error::Undocumented`] for a lesion that is neither.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     case_series_schedule, Distribution, Lesion, LesionSite, LesionSize, Ulceration,
/// };
///
/// let big_fingertip = Lesion::new(
///     LesionSite::Fingertip,
///     LesionSize::diameter_mm(6.0)?,
///     Distribution::Localised,
///     Ulceration::Absent,
/// );
/// assert_eq!(
///     case_series_schedule(&big_fingertip).unwrap_err().to_string(),
///     "the source documents no intralesional sodium thiosulfate 150 mg/mL schedule for a \
///      fingertip lesion, 6 mm diameter, localised, not ulcerated (it documents a fingertip \
///      lesion under 5 mm, and widespread lesions with ulceration) (Acta Derm Venereol \
///      2016;96:257-258 (intralesional sodium thiosulfate 150 mg/mL, 6 patients))",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::ACTA_DV_2016`].
pub fn case_series_schedule(lesion: &Lesion) -> Result<CaseSeriesSchedule, Error> {
    if lesion.distribution == Distribution::Widespread && lesion.ulceration == Ulceration::Present {
        return Ok(CaseSeriesSchedule::RepeatedInjections);
    }
    if lesion.site == LesionSite::Fingertip && lesion.size.largest_mm() < FINGERTIP_UNDER_MM {
        return Ok(CaseSeriesSchedule::SingleInjection);
    }
    Err(Error::Undocumented {
        regimen: CASE_SERIES_REGIMEN,
        case: format!(
            "a {lesion} (it documents a fingertip lesion under {} mm, and widespread lesions \
             with ulceration)",
            number(FINGERTIP_UNDER_MM, 1)
        ),
        source_ref: sources::ACTA_DV_2016.reference(),
    })
}

/// Options for a case-series plan: the volume per injection and the
/// dilution (both required: the source gives neither), the interval of the
/// repeated injections (default weekly), the volume to prepare (default:
/// one injection's) and an optional ring block.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     CaseSeriesOptions, Diluent, Dilution, Interval,
/// };
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::InjectionVolume;
///
/// let options = CaseSeriesOptions::new(
///     InjectionVolume::from_ml(0.5)?,
///     Dilution::new(Stock::Injection, Diluent::SterileWater),
/// )
/// .interval(Interval::from_weeks(4.0)?);
/// assert_eq!(options.get_interval().days(), 28);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CaseSeriesOptions {
    volume_per_injection: InjectionVolume,
    dilution: Dilution,
    interval: Interval,
    prepared_volume: Option<InjectionVolume>,
    ring_block: Option<RingBlock>,
}

impl CaseSeriesOptions {
    /// Options with this volume per injection and dilution; weekly, one
    /// injection's volume prepared, no ring block.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{CaseSeriesOptions, Diluent, Dilution, Interval};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::InjectionVolume;
    /// let options = CaseSeriesOptions::new(
    ///     InjectionVolume::from_ml(0.5)?,
    ///     Dilution::new(Stock::Injection, Diluent::SterileWater),
    /// );
    /// assert_eq!(options.get_interval(), Interval::WEEKLY);
    /// assert!(options.get_prepared_volume().is_none() && options.get_ring_block().is_none());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(volume_per_injection: InjectionVolume, dilution: Dilution) -> Self {
        Self {
            volume_per_injection,
            dilution,
            interval: Interval::WEEKLY,
            prepared_volume: None,
            ring_block: None,
        }
    }

    /// The interval of the repeated injections (the conflicting report gives
    /// 4 weeks; see the [module documentation](self)).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(1.0)?, dilution)
    ///     .interval(Interval::from_weeks(4.0)?);
    /// let plan = case_series_plan(&patient, &lesion, &options)?;
    /// assert_eq!(plan.session_days(), &[0, 28, 56, 84]);
    /// // Not the review's weekly injections: the plan says so.
    /// assert!(plan.alerts().iter().any(|a| a.kind() == AlertKind::OutsideRegimenSource));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn interval(mut self, interval: Interval) -> Self {
        self.interval = interval;
        self
    }

    /// The volume to prepare each session (at least one injection's).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(0.5)?, dilution)
    ///     .prepared_volume(InjectionVolume::from_ml(2.0)?);
    /// let plan = case_series_plan(&patient, &lesion, &options)?;
    /// // 1.2 mL of stock + 0.8 mL of diluent make 2 mL; 0.5 mL is injected.
    /// assert_eq!(plan.preparation().stock_volume().ml(), 1.2);
    /// assert_eq!(plan.per_session().to_string(), "0.5 mL = 75 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn prepared_volume(mut self, volume: InjectionVolume) -> Self {
        self.prepared_volume = Some(volume);
        self
    }

    /// A lidocaine ring block before each injection.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(1.0)?, dilution)
    ///     .ring_block(RingBlock::new(one_percent, InjectionVolume::from_ml(5.0)?));
    /// let plan = case_series_plan(&patient, &lesion, &options)?;
    /// assert_eq!(plan.lidocaine().map(|l| l.total().mg()), Some(50.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn ring_block(mut self, block: RingBlock) -> Self {
        self.ring_block = Some(block);
        self
    }

    /// The volume per injection.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(0.5)?, dilution);
    /// assert_eq!(options.get_volume_per_injection().ml(), 0.5);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get_volume_per_injection(&self) -> InjectionVolume {
        self.volume_per_injection
    }

    /// The dilution.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(0.5)?, dilution);
    /// assert_eq!(options.get_dilution().get_diluent(), Diluent::SodiumChloride);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get_dilution(&self) -> &Dilution {
        &self.dilution
    }

    /// The interval of the repeated injections.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(0.5)?, dilution);
    /// assert_eq!(options.get_interval().to_string(), "weekly");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get_interval(&self) -> Interval {
        self.interval
    }

    /// The volume to prepare, if not one injection's.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(0.5)?, dilution);
    /// assert_eq!(options.get_prepared_volume(), None);
    /// let options = options.prepared_volume(InjectionVolume::from_ml(2.0)?);
    /// assert_eq!(options.get_prepared_volume().map(InjectionVolume::ml), Some(2.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get_prepared_volume(&self) -> Option<InjectionVolume> {
        self.prepared_volume
    }

    /// The ring block, if any.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(0.5)?, dilution);
    /// assert!(options.get_ring_block().is_none());
    /// let options = options.ring_block(RingBlock::new(one_percent, InjectionVolume::from_ml(5.0)?));
    /// assert_eq!(options.get_ring_block().map(|b| b.volume().ml()), Some(5.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get_ring_block(&self) -> Option<RingBlock> {
        self.ring_block
    }
}

/// Options for a grid plan: the spacing, the number of sessions and their
/// interval (all required: the source gives a range, a range and nothing),
/// and the ring block (the source gives one first).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     GridOptions, GridSessions, Interval, Spacing,
/// };
///
/// let options = GridOptions::new(
///     Spacing::from_mm(5.0)?,
///     GridSessions::new(2)?,
///     Interval::from_weeks(4.0)?,
/// );
/// assert_eq!(options.get_sessions().get(), 2);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridOptions {
    spacing: Spacing,
    sessions: GridSessions,
    interval: Interval,
    ring_block: Option<RingBlock>,
}

impl GridOptions {
    /// Options with this spacing, number of sessions and interval, and no
    /// ring block.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{GridOptions, GridSessions, Interval, Spacing};
    /// let options = GridOptions::new(
    ///     Spacing::from_mm(10.0)?,
    ///     GridSessions::new(3)?,
    ///     Interval::from_weeks(4.0)?,
    /// );
    /// assert!(options.get_ring_block().is_none());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(spacing: Spacing, sessions: GridSessions, interval: Interval) -> Self {
        Self {
            spacing,
            sessions,
            interval,
            ring_block: None,
        }
    }

    /// The lidocaine ring block given before each session.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// # let spacing = Spacing::from_mm(10.0)?;
    /// let options = GridOptions::new(spacing, GridSessions::new(3)?, Interval::from_weeks(4.0)?)
    ///     .ring_block(RingBlock::new(one_percent, InjectionVolume::from_ml(10.0)?));
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.lidocaine().map(|l| l.total().to_string()), Some("100 mg".to_owned()));
    /// // As the source gives it: no alert about a missing ring block.
    /// assert!(plan.alerts().iter().all(|a| a.kind() != AlertKind::OutsideRegimenSource));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn ring_block(mut self, block: RingBlock) -> Self {
        self.ring_block = Some(block);
        self
    }

    /// The spacing.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks);
    /// assert_eq!(options.get_spacing().to_string(), "10 mm");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get_spacing(&self) -> Spacing {
        self.spacing
    }

    /// The number of sessions.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks);
    /// assert_eq!(options.get_sessions().get(), 3);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get_sessions(&self) -> GridSessions {
        self.sessions
    }

    /// The interval.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks);
    /// assert_eq!(options.get_interval().days(), 28);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get_interval(&self) -> Interval {
        self.interval
    }

    /// The ring block, if any.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks);
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// assert!(options.get_ring_block().is_none());
    /// let options = options.ring_block(RingBlock::new(one_percent, InjectionVolume::from_ml(10.0)?));
    /// assert_eq!(options.get_ring_block().map(|b| b.solution()), Some(one_percent));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get_ring_block(&self) -> Option<RingBlock> {
        self.ring_block
    }
}

/// Which protocol a plan follows.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Protocol;
///
/// assert_eq!(Protocol::Grid.to_string(), "grid technique (lupus panniculitis case), 250 mg/mL");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Protocol {
    /// The 150 mg/mL case series ([`sources::ACTA_DV_2016`]).
    CaseSeries,
    /// The lupus panniculitis grid technique ([`sources::JAAD_2013`]).
    Grid,
}

impl Protocol {
    /// The source of the protocol.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Protocol;
    /// use calcinosis_dosing::sources;
    ///
    /// assert_eq!(Protocol::CaseSeries.source(), sources::ACTA_DV_2016);
    /// assert_eq!(Protocol::Grid.source(), sources::JAAD_2013);
    /// ```
    #[must_use]
    pub const fn source(self) -> Citation {
        match self {
            Self::CaseSeries => sources::ACTA_DV_2016,
            Self::Grid => sources::JAAD_2013,
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::CaseSeries => {
                write!(f, "case series, {} mg/mL", number(CASE_SERIES_MG_PER_ML, 0))
            }
            Self::Grid => write!(
                f,
                "grid technique (lupus panniculitis case), {} mg/mL",
                number(GRID_MG_PER_ML, 0)
            ),
        }
    }
}

/// A volume of the prepared solution and the sodium thiosulfate it holds.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     grid_plan, GridOptions, GridSessions, Interval, LesionSize, Spacing,
/// };
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
/// let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(2)?, Interval::from_weeks(4.0)?);
/// let plan = grid_plan(&patient, LesionSize::diameter_mm(8.0)?, &options)?;
/// assert_eq!(plan.per_site().to_string(), "0.5 mL = 125 mg");
/// assert_eq!(plan.per_site().mass_mg(), 125.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Amount {
    #[cfg_attr(
        feature = "serde",
        serde(rename = "volume", serialize_with = "crate::wire::ml")
    )]
    volume_ml: f64,
    #[cfg_attr(feature = "serde", serde(rename = "mass", serialize_with = "mg"))]
    mass_mg: f64,
}

impl Amount {
    fn of(volume_ml: f64, concentration: Concentration) -> Self {
        Self {
            volume_ml,
            mass_mg: volume_ml * concentration.mg_per_ml(),
        }
    }

    fn times(self, n: u32) -> Self {
        Self {
            volume_ml: self.volume_ml * f64::from(n),
            mass_mg: self.mass_mg * f64::from(n),
        }
    }

    /// The volume, in mL.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// // 9 sites × 0.5 mL.
    /// assert_eq!(plan.per_session().volume_ml(), 4.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn volume_ml(&self) -> f64 {
        self.volume_ml
    }

    /// The sodium thiosulfate, in mg.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// // 4.5 mL × 250 mg/mL.
    /// assert_eq!(plan.per_session().mass_mg(), 1_125.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn mass_mg(&self) -> f64 {
        self.mass_mg
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} mL = {} mg",
            number(self.volume_ml, 3),
            number(self.mass_mg, 2)
        )
    }
}

/// An intralesional sodium thiosulfate plan: preparation, sites, amounts
/// per site, per session and in all, sessions, lidocaine, alerts and
/// citations. `Display` writes it the safe way.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Age, BodyWeight, InjectionVolume, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
/// let lesion = Lesion::new(
///     LesionSite::Fingertip,
///     LesionSize::diameter_mm(4.0)?,
///     Distribution::Localised,
///     Ulceration::Absent,
/// );
/// let options = CaseSeriesOptions::new(
///     InjectionVolume::from_ml(0.2)?,
///     Dilution::new(Stock::Injection, Diluent::SodiumChloride),
/// );
/// let plan = case_series_plan(&patient, &lesion, &options)?;
/// assert_eq!(plan.sessions(), 1);
/// assert_eq!(plan.total().to_string(), "0.2 mL = 30 mg");
/// assert!(plan.to_string().contains("0.3 mL of sodium thiosulfate injection 250 mg/mL"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct IntralesionalPlan {
    protocol: Protocol,
    weight: BodyWeight,
    size: LesionSize,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    lesion: Option<Lesion>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    case_series_schedule: Option<CaseSeriesSchedule>,
    preparation: Preparation,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    spacing: Option<Spacing>,
    sites: Vec<Site>,
    per_site: Amount,
    per_session: Amount,
    sessions: u32,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    interval: Option<Interval>,
    #[cfg_attr(feature = "serde", serde(serialize_with = "days"))]
    session_days: Vec<u32>,
    total: Amount,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    lidocaine: Option<LidocainePlan>,
    lidocaine_maxima: [lidocaine::Maximum; 2],
    limits: Vec<CheckedLimit>,
    alerts: Vec<Alert>,
    citations: Vec<Citation>,
}

impl IntralesionalPlan {
    /// Every limit the plan was checked against: its id, value, unit, scope
    /// and source, the plan's value, and the outcome (within, limited to
    /// it, or crossed with an alert naming it).
    ///
    /// See [`crate::CheckedLimit`] for an example.
    #[must_use]
    pub fn limits(&self) -> &[CheckedLimit] {
        &self.limits
    }

    /// The protocol.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.protocol(), Protocol::Grid);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// The weight the lidocaine maximum is for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.weight().to_string(), "60 kg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn weight(&self) -> BodyWeight {
        self.weight
    }

    /// The lesion's size.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.size().to_string(), "30 mm diameter");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn size(&self) -> LesionSize {
        self.size
    }

    /// The lesion, for a case-series plan.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// # let options = CaseSeriesOptions::new(InjectionVolume::from_ml(1.0)?, dilution);
    /// // 1 mL of 150 mg/mL into a widespread, ulcerated lesion, weekly for 4 weeks.
    /// let plan = case_series_plan(&patient, &lesion, &options)?;
    /// assert_eq!(plan.lesion().map(Lesion::distribution), Some(Distribution::Widespread));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn lesion(&self) -> Option<&Lesion> {
        self.lesion.as_ref()
    }

    /// The case-series schedule, for a case-series plan.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// # let options = CaseSeriesOptions::new(InjectionVolume::from_ml(1.0)?, dilution);
    /// // 1 mL of 150 mg/mL into a widespread, ulcerated lesion, weekly for 4 weeks.
    /// let plan = case_series_plan(&patient, &lesion, &options)?;
    /// assert_eq!(plan.case_series_schedule(), Some(CaseSeriesSchedule::RepeatedInjections));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn case_series_schedule(&self) -> Option<CaseSeriesSchedule> {
        self.case_series_schedule
    }

    /// How to prepare one session's solution.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// # let options = CaseSeriesOptions::new(InjectionVolume::from_ml(1.0)?, dilution);
    /// // 1 mL of 150 mg/mL into a widespread, ulcerated lesion, weekly for 4 weeks.
    /// let plan = case_series_plan(&patient, &lesion, &options)?;
    /// // 1 mL of 150 mg/mL: 0.6 mL of the 250 mg/mL vial + 0.4 mL of sodium chloride.
    /// assert_eq!(plan.preparation().stock_volume().ml(), 0.6);
    /// assert_eq!(plan.preparation().diluent_volume().map(InjectionVolume::ml), Some(0.4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn preparation(&self) -> &Preparation {
        &self.preparation
    }

    /// The grid spacing, for a grid plan.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.spacing().map(Spacing::mm), Some(10.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn spacing(&self) -> Option<Spacing> {
        self.spacing
    }

    /// The injection sites of one session (one, at the centre, for the case
    /// series: the base of the calcification).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.sites().len(), 9);
    /// assert_eq!(plan.sites()[4].to_string(), "(0, 0)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sites(&self) -> &[Site] {
        &self.sites
    }

    /// What each site receives.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.per_site().to_string(), "0.5 mL = 125 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn per_site(&self) -> Amount {
        self.per_site
    }

    /// What one session delivers.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.per_session().to_string(), "4.5 mL = 1,125 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn per_session(&self) -> Amount {
        self.per_session
    }

    /// The number of sessions.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.sessions(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sessions(&self) -> u32 {
        self.sessions
    }

    /// The interval between sessions, when there is more than one.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.interval().map(|i| i.to_string()), Some("every 4 weeks".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn interval(&self) -> Option<Interval> {
        self.interval
    }

    /// The day of each session, the first being day 0.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.session_days(), &[0, 28, 56]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn session_days(&self) -> &[u32] {
        &self.session_days
    }

    /// What all sessions deliver together.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.total().to_string(), "13.5 mL = 3,375 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total(&self) -> Amount {
        self.total
    }

    /// The lidocaine of one session, when any is planned.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// // 10 mL of lidocaine 1 %.
    /// assert_eq!(plan.lidocaine().map(|l| l.total().to_string()), Some("100 mg".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn lidocaine(&self) -> Option<&LidocainePlan> {
        self.lidocaine.as_ref()
    }

    /// The label maxima of lidocaine in one session for the patient,
    /// plain and with epinephrine, whether or not any lidocaine is planned.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// let [plain, with_epinephrine] = plan.lidocaine_maxima();
    /// // 60 kg × 4.5 mg/kg and 60 kg × 7 mg/kg, both under their caps.
    /// assert_eq!(plain.mass().mg(), 270.0);
    /// assert_eq!(with_epinephrine.mass().mg(), 420.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn lidocaine_maxima(&self) -> &[lidocaine::Maximum; 2] {
        &self.lidocaine_maxima
    }

    /// Advisories.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// // Only the one every intralesional plan carries.
    /// assert_eq!(plan.alerts().len(), 1);
    /// assert_eq!(plan.alerts()[0].kind(), AlertKind::NoDocumentedMaximum);
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
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let block = RingBlock::new(
    /// #     Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #     InjectionVolume::from_ml(10.0)?,
    /// # );
    /// # let every_4_weeks = Interval::from_weeks(4.0)?;
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, every_4_weeks)
    /// #     .ring_block(block);
    /// // A 3 cm plaque, 10 mm spacing, 3 sessions 4 weeks apart, 10 mL of 1 % first.
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.citations()[0], sources::JAAD_2013);
    /// assert!(plan.citations().contains(&sources::LIDOCAINE_LABEL));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn citations(&self) -> &[Citation] {
        &self.citations
    }
}

impl fmt::Display for IntralesionalPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Intralesional sodium thiosulfate, {}", self.protocol)?;
        match (&self.lesion, self.case_series_schedule) {
            (Some(lesion), Some(schedule)) => {
                writeln!(f, "Lesion: {lesion}")?;
                writeln!(f, "Schedule: {schedule}")?;
            }
            _ => writeln!(f, "Lesion: {}", self.size)?,
        }
        writeln!(f, "Preparation, each session: {}", self.preparation)?;
        match self.spacing {
            Some(spacing) => {
                writeln!(
                    f,
                    "Sites: {} on a {spacing} grid, each the centre of a {} cm circle; \
                     mm from the lesion centre (x along the length, y along the width):",
                    self.sites.len(),
                    number(GRID_CIRCLE_DIAMETER_MM / 10.0, 1)
                )?;
                write_rows(f, &self.sites)?;
                writeln!(f, "Each site: {}", self.per_site)?;
            }
            None => writeln!(
                f,
                "Site: 1 injection into the base of the calcification: {}",
                self.per_site
            )?,
        }
        writeln!(f, "Each session: {}", self.per_session)?;
        write!(f, "Sessions: {}", self.sessions)?;
        if let Some(interval) = self.interval {
            write!(f, ", {interval}: days")?;
            for (i, day) in self.session_days.iter().enumerate() {
                f.write_str(if i == 0 { " " } else { ", " })?;
                write!(f, "{day}")?;
            }
        }
        if self.spacing.is_some() {
            f.write_str(" (the same sites each session: re-plan if the lesion has changed)")?;
        }
        writeln!(f)?;
        writeln!(f, "Total: {}", self.total)?;
        if let Some(lidocaine) = &self.lidocaine {
            write!(f, "{lidocaine}")?;
            writeln!(
                f,
                "  (the maximum covers all lidocaine given in the session, \
                 including for other lesions)"
            )?;
        } else {
            let [plain, with_epinephrine] = &self.lidocaine_maxima;
            writeln!(
                f,
                "Lidocaine: none planned; label maximum for {} in one session: {} plain, \
                 {} with epinephrine",
                self.weight,
                plain.mass(),
                with_epinephrine.mass()
            )?;
        }
        write_limits_alerts_and_citations(f, &self.limits, &self.alerts, &self.citations)
    }
}

/// Writes sites one grid row per line.
fn write_rows(f: &mut fmt::Formatter<'_>, sites: &[Site]) -> fmt::Result {
    let mut row_y = None;
    for site in sites {
        if row_y == Some(site.y_mm) {
            f.write_str(", ")?;
        } else {
            if row_y.is_some() {
                writeln!(f)?;
            }
            f.write_str("  ")?;
            row_y = Some(site.y_mm);
        }
        write!(f, "{site}")?;
    }
    writeln!(f)
}

/// The lidocaine of one session: the ring block, then any lidocaine diluent.
fn lidocaine_of(
    patient: &Patient,
    ring_block: Option<RingBlock>,
    preparation: &Preparation,
) -> Result<Option<LidocainePlan>, Error> {
    let uses: Vec<Use> = ring_block
        .map(|b| b.as_use())
        .into_iter()
        .chain(preparation.lidocaine_use())
        .collect();
    if uses.is_empty() {
        Ok(None)
    } else {
        lidocaine::plan(patient, &uses).map(Some)
    }
}

/// The label maxima of lidocaine for the patient, plain and with epinephrine.
fn lidocaine_maxima(patient: &Patient) -> [lidocaine::Maximum; 2] {
    [
        lidocaine::maximum(patient.weight(), lidocaine::Formulation::Plain),
        lidocaine::maximum(patient.weight(), lidocaine::Formulation::WithEpinephrine),
    ]
}

/// The alert every intralesional plan carries: no maximum is documented.
fn no_maximum_alert(protocol: Protocol, per_session: Amount) -> Alert {
    Alert::new(
        AlertKind::NoDocumentedMaximum,
        format!(
            "no source gives a maximum intralesional sodium thiosulfate volume or mass per \
             session; this plan gives {per_session} per session and checks it against none"
        ),
        None,
        protocol.source(),
    )
}

/// A case-series plan (regimen R3): 150 mg/mL prepared by dilution,
/// injected into the base of the calcification, once for a fingertip lesion
/// under 5 mm, or in 4 sessions (weekly by default) for widespread lesions
/// with ulceration.
///
/// The volume per injection is the caller's (the source gives none) and
/// must be a whole number of syringe graduations. The mass delivered uses
/// the concentration the preparation actually makes.
///
/// # Errors
///
/// - [`Error::Undocumented`] when the lesion has no documented schedule
///   (see [`case_series_schedule`]).
/// - [`Error::NotMeasurable`] when the volume per injection is not a whole
///   number of graduations (the nearest volumes are its candidates).
/// - [`Error::Invalid`] when the volume to prepare is less than one
///   injection, or when the stock is weaker than 150 mg/mL (see
///   [`prepare`]).
/// - [`Error::AboveMaximum`] when the ring block and any lidocaine diluent
///   together are above the lidocaine maximum.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Age, BodyWeight, InjectionVolume, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
/// let lesion = Lesion::new(
///     LesionSite::Elsewhere,
///     LesionSize::length_by_width_mm(20.0, 15.0)?,
///     Distribution::Widespread,
///     Ulceration::Present,
/// );
/// let options = CaseSeriesOptions::new(
///     InjectionVolume::from_ml(1.0)?,
///     Dilution::new(Stock::Injection, Diluent::SodiumChloride),
/// );
/// let plan = case_series_plan(&patient, &lesion, &options)?;
/// assert_eq!(plan.session_days(), &[0, 7, 14, 21]);
/// assert_eq!(plan.per_session().to_string(), "1 mL = 150 mg");
/// assert_eq!(plan.total().to_string(), "4 mL = 600 mg");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](self).
pub fn case_series_plan(
    patient: &Patient,
    lesion: &Lesion,
    options: &CaseSeriesOptions,
) -> Result<IntralesionalPlan, Error> {
    let schedule = case_series_schedule(lesion)?;
    let dilution = &options.dilution;
    let volume = options.volume_per_injection;
    let g = exact::constant(dilution.graduation.ml);
    let (below, above) = exact::neighbours(volume.exact(), g).unwrap_or_default();
    if below != above {
        let candidates = [below, above]
            .into_iter()
            .filter(|&steps| steps >= 1)
            .map(|steps| {
                crate::rounding::candidate(exact::int(i128::from(steps)) * g, volume.exact())
            })
            .collect();
        return Err(Error::NotMeasurable {
            what: "volume per injection",
            calculated: volume.ml(),
            unit: "mL",
            product: format!("a syringe graduated in {}", dilution.graduation),
            tolerance_percent: 0.0,
            candidates,
            suggestion: None,
        });
    }
    let requested = options.prepared_volume.unwrap_or(volume);
    if requested.exact() < volume.exact() {
        return Err(Error::Invalid {
            field: "prepared volume",
            value: requested.to_string(),
            reason: format!("it is less than one injection of {volume}"),
        });
    }
    let preparation = prepare(
        Concentration::derived(CASE_SERIES_MG_PER_ML),
        requested,
        dilution,
    )?;
    let lidocaine = lidocaine_of(patient, options.ring_block, &preparation)?;

    let sessions = schedule.sessions();
    let interval = (sessions > 1).then_some(options.interval);
    let per_site = Amount::of(volume.ml(), preparation.prepared);
    let total = per_site.times(sessions);

    let mut alerts = vec![no_maximum_alert(Protocol::CaseSeries, per_site)];
    if interval.is_some_and(|i| i != Interval::WEEKLY) {
        alerts.push(Alert::new(
            AlertKind::OutsideRegimenSource,
            format!(
                "injections {} differ from the weekly injections of the case series as the \
                 review reports them; a congress report of the same series gives four \
                 injections at 4-week intervals, and the group's later 38-patient series \
                 weekly injections",
                options.interval
            ),
            Some(INTERVAL_LIMIT),
            sources::ACTA_DV_2016,
        ));
    }
    if dilution.tolerance.is_wider_than_default() {
        alerts.push(dilution.tolerance.widened_alert());
    }
    let mut citations = vec![sources::ACTA_DV_2016, sources::REGIONALDERM];
    if let Some(source) = dilution.stock.source() {
        push_unique(&mut citations, source);
    }
    push_unique(&mut citations, sources::ROUNDING_RULE);
    push_unique(&mut citations, sources::LIDOCAINE_LABEL);
    let limits = case_series_limits(lesion, schedule, interval, &preparation, lidocaine.as_ref());

    Ok(IntralesionalPlan {
        protocol: Protocol::CaseSeries,
        weight: patient.weight(),
        size: lesion.size,
        lesion: Some(*lesion),
        case_series_schedule: Some(schedule),
        preparation,
        spacing: None,
        sites: vec![Site {
            x_mm: 0.0,
            y_mm: 0.0,
        }],
        per_site,
        per_session: per_site,
        sessions,
        interval,
        session_days: session_days(sessions, interval),
        total,
        lidocaine,
        lidocaine_maxima: lidocaine_maxima(patient),
        limits,
        alerts,
        citations,
    })
}

/// The limits a case-series plan is checked against.
fn case_series_limits(
    lesion: &Lesion,
    schedule: CaseSeriesSchedule,
    interval: Option<Interval>,
    preparation: &Preparation,
    lidocaine: Option<&LidocainePlan>,
) -> Vec<CheckedLimit> {
    let mut limits = Vec::new();
    if schedule == CaseSeriesSchedule::SingleInjection {
        limits.push(CheckedLimit::new(FINGERTIP_LIMIT, lesion.size.largest_mm()));
    }
    if let Some(interval) = interval {
        limits.push(CheckedLimit::new(
            INTERVAL_LIMIT,
            f64::from(interval.days()),
        ));
    }
    limits.push(preparation.checked());
    limits.push(preparation.tolerance.usual_check());
    limits.extend(lidocaine.map(LidocainePlan::checked));
    limits
}

/// A grid plan (regimen R4): 250 mg/mL undiluted, 0.5 mL at each site of a
/// grid at the chosen spacing over the lesion, in 2 or 3 sessions at the
/// caller's interval, after a lidocaine ring block.
///
/// A plan without a ring block is made, with an alert: the source gives one
/// first.
///
/// # Errors
///
/// - [`Error::AboveMaximum`] when the ring block is above the lidocaine
///   maximum for the patient.
/// - [`Error::OutOfRange`] when one session's volume is above the 1,000 mL
///   plausibility bound of [`InjectionVolume`] (it cannot be for a lesion
///   within the bounds of [`LesionSize`]).
///
/// Spacing and sessions outside the documented ranges cannot be built
/// ([`Spacing::from_mm`], [`GridSessions::new`]).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     grid_plan, GridOptions, GridSessions, Interval, LesionSize, Spacing,
/// };
/// use calcinosis_dosing::{Age, AlertKind, BodyWeight, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
/// // A 40 × 20 mm plaque at 10 mm, twice, 6 weeks apart, no ring block.
/// let options = GridOptions::new(
///     Spacing::from_mm(10.0)?,
///     GridSessions::new(2)?,
///     Interval::from_weeks(6.0)?,
/// );
/// let plan = grid_plan(&patient, LesionSize::length_by_width_mm(40.0, 20.0)?, &options)?;
/// assert_eq!(plan.sites().len(), 7);
/// assert_eq!(plan.per_session().to_string(), "3.5 mL = 875 mg");
/// assert_eq!(plan.session_days(), &[0, 42]);
/// assert!(plan.alerts().iter().any(|a| a.kind() == AlertKind::OutsideRegimenSource));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](self).
pub fn grid_plan(
    patient: &Patient,
    size: LesionSize,
    options: &GridOptions,
) -> Result<IntralesionalPlan, Error> {
    let sites = layout(size, options.spacing);
    // At most a few thousand sites for a lesion within the bounds.
    let count = u32::try_from(sites.len()).unwrap_or(u32::MAX);
    let stock = Stock::Injection;
    let per_site = Amount::of(GRID_ML_PER_SITE, stock.concentration());
    let per_session = per_site.times(count);
    let session_volume = InjectionVolume::from_ml(exact::canonical(per_session.volume_ml))?;
    let preparation = Preparation::undiluted(stock, session_volume);
    let lidocaine = lidocaine_of(patient, options.ring_block, &preparation)?;
    let sessions = options.sessions.get();
    let interval = Some(options.interval);
    let total = per_site.times(count * sessions);

    let mut alerts = vec![no_maximum_alert(Protocol::Grid, per_session)];
    if options.ring_block.is_none() {
        alerts.push(Alert::new(
            AlertKind::OutsideRegimenSource,
            "no lidocaine ring block is planned; the source gives one before the injections",
            None,
            sources::JAAD_2013,
        ));
    }
    let citations = vec![
        sources::JAAD_2013,
        sources::REGIONALDERM,
        sources::STS_INJECTION_LABEL,
        sources::LIDOCAINE_LABEL,
    ];
    let mut limits = vec![
        CheckedLimit::new(SPACING_MIN_LIMIT, options.spacing.mm()),
        CheckedLimit::new(SPACING_MAX_LIMIT, options.spacing.mm()),
        CheckedLimit::new(SESSIONS_MIN_LIMIT, f64::from(sessions)),
        CheckedLimit::new(SESSIONS_MAX_LIMIT, f64::from(sessions)),
    ];
    limits.extend(lidocaine.as_ref().map(LidocainePlan::checked));
    Ok(IntralesionalPlan {
        protocol: Protocol::Grid,
        weight: patient.weight(),
        size,
        lesion: None,
        case_series_schedule: None,
        preparation,
        spacing: Some(options.spacing),
        sites,
        per_site,
        per_session,
        sessions,
        interval,
        session_days: session_days(sessions, interval),
        total,
        lidocaine,
        lidocaine_maxima: lidocaine_maxima(patient),
        limits,
        alerts,
        citations,
    })
}

fn session_days(sessions: u32, interval: Option<Interval>) -> Vec<u32> {
    let step = interval.map_or(0, Interval::days);
    (0..sessions).map(|k| k * step).collect()
}

#[cfg(feature = "serde")]
fn wire_quantity<S: serde::Serializer>(value: f64, unit: &str, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(
        &crate::wire::Quantity {
            value,
            unit: unit.to_owned(),
        },
        s,
    )
}

#[cfg(feature = "serde")]
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with signature"
)]
fn mm<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    wire_quantity(*value, "mm", s)
}

#[cfg(feature = "serde")]
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with signature"
)]
fn mg<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    wire_quantity(*value, "mg", s)
}

/// Session days as a list of `{"value": 28, "unit": "d"}`.
#[cfg(feature = "serde")]
#[allow(clippy::ptr_arg, reason = "serde's serialize_with signature")]
fn days<S: serde::Serializer>(days: &Vec<u32>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(days.iter().map(|&d| crate::wire::Quantity {
        value: f64::from(d),
        unit: "d".to_owned(),
    }))
}

/// A length read from JSON, in mm (`mm` or `cm`).
#[cfg(feature = "serde")]
fn length_mm(field: &'static str, q: crate::wire::Quantity) -> Result<f64, Error> {
    match q.unit.as_str() {
        "mm" => Ok(q.value),
        "cm" => Ok(q.value * 10.0),
        _ => Err(Error::UnknownUnit {
            field,
            unit: q.unit,
            expected: "mm, cm",
        }),
    }
}

/// The JSON form of a [`LesionSize`].
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SizeWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    diameter: Option<crate::wire::Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    length: Option<crate::wire::Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    width: Option<crate::wire::Quantity>,
}

#[cfg(feature = "serde")]
impl TryFrom<SizeWire> for LesionSize {
    type Error = Error;
    fn try_from(w: SizeWire) -> Result<Self, Error> {
        match (w.diameter, w.length, w.width) {
            (Some(d), None, None) => Self::diameter_mm(length_mm("lesion diameter", d)?),
            (None, Some(l), Some(w)) => Self::length_by_width_mm(
                length_mm("lesion length", l)?,
                length_mm("lesion width", w)?,
            ),
            (d, l, w) => Err(Error::Invalid {
                field: "lesion size",
                value: format!(
                    "with {}",
                    [
                        ("diameter", d.is_some()),
                        ("length", l.is_some()),
                        ("width", w.is_some())
                    ]
                    .iter()
                    .filter(|(_, given)| *given)
                    .map(|(name, _)| *name)
                    .collect::<Vec<_>>()
                    .join(", ")
                ),
                reason: "expected a diameter alone, or a length and a width".to_owned(),
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl From<LesionSize> for SizeWire {
    fn from(s: LesionSize) -> Self {
        let q = |value: f64| crate::wire::Quantity {
            value,
            unit: "mm".to_owned(),
        };
        match s.shape {
            Shape::Circle => Self {
                diameter: Some(q(s.length_mm)),
                length: None,
                width: None,
            },
            Shape::Ellipse => Self {
                diameter: None,
                length: Some(q(s.length_mm)),
                width: Some(q(s.width_mm)),
            },
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for Spacing {
    type Error = Error;
    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        Self::from_mm(length_mm("spacing", q)?)
    }
}

#[cfg(feature = "serde")]
impl From<Spacing> for crate::wire::Quantity {
    fn from(s: Spacing) -> Self {
        Self {
            value: s.mm,
            unit: "mm".to_owned(),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for Interval {
    type Error = Error;
    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        match q.unit.as_str() {
            "d" => Self::from_days(q.value),
            "wk" => Self::from_weeks(q.value),
            _ => Err(Error::UnknownUnit {
                field: "interval",
                unit: q.unit,
                expected: "d, wk",
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl From<Interval> for crate::wire::Quantity {
    fn from(i: Interval) -> Self {
        Self {
            value: f64::from(i.days),
            unit: "d".to_owned(),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for Graduation {
    type Error = Error;
    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        match q.unit.as_str() {
            "mL" => Self::from_ml(q.value),
            _ => Err(Error::UnknownUnit {
                field: "graduation",
                unit: q.unit,
                expected: "mL",
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl From<Graduation> for crate::wire::Quantity {
    fn from(g: Graduation) -> Self {
        Self {
            value: g.ml,
            unit: "mL".to_owned(),
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;
    use crate::Age;

    fn patient(kg: f64) -> Patient {
        Patient::new(
            BodyWeight::from_kg(kg).unwrap(),
            Age::from_years(50.0).unwrap(),
        )
    }

    fn ml(v: f64) -> InjectionVolume {
        InjectionVolume::from_ml(v).unwrap()
    }

    #[test]
    fn the_rim_counts_as_inside() {
        // A 20 mm circle at 10 mm: the centre and the 4 points on the rim.
        let sites = layout(
            LesionSize::diameter_mm(20.0).unwrap(),
            Spacing::from_mm(10.0).unwrap(),
        );
        assert_eq!(sites.len(), 5);
    }

    #[test]
    fn rows_run_top_down_left_to_right() {
        let sites = layout(
            LesionSize::diameter_mm(30.0).unwrap(),
            Spacing::from_mm(10.0).unwrap(),
        );
        let text: Vec<String> = sites.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "(-10, 10)",
                "(0, 10)",
                "(10, 10)",
                "(-10, 0)",
                "(0, 0)",
                "(10, 0)",
                "(-10, -10)",
                "(0, -10)",
                "(10, -10)"
            ]
        );
    }

    #[test]
    fn undiluted_stock_when_target_equals_it() {
        let d = Dilution::new(
            Stock::Other(Concentration::from_mg_per_ml(150.0).unwrap()),
            Diluent::SterileWater,
        );
        let p = prepare(Concentration::from_mg_per_ml(150.0).unwrap(), ml(2.0), &d).unwrap();
        assert_eq!(p.diluent_volume(), None);
        assert_eq!(p.diluent(), None);
        assert_eq!(p.stock_volume().ml(), 2.0);
        assert_eq!(
            p.to_string(),
            "2 mL of sodium thiosulfate 150 mg/mL, undiluted"
        );
    }

    #[test]
    fn undiluted_within_tolerance_names_the_target() {
        let d = Dilution::new(Stock::Injection, Diluent::SterileWater);
        let p = prepare(Concentration::from_mg_per_ml(240.0).unwrap(), ml(1.0), &d).unwrap();
        assert_eq!(p.diluent_volume(), None);
        assert_eq!(
            p.to_string(),
            "1 mL of sodium thiosulfate injection 250 mg/mL (12.5 g in 50 mL), undiluted \
             (target 240 mg/mL, +4.2 %); 1 container of 50 mL opened"
        );
    }

    #[test]
    fn an_unreachable_target_is_an_error() {
        let d = Dilution::new(Stock::Injection, Diluent::SterileWater)
            .tolerance(Tolerance::from_percent(0.0).unwrap());
        // 0.001 mg/mL from 250 mg/mL needs 1 part in 250,000: more than
        // 1,000 mL at 0.1 mL.
        let err = prepare(Concentration::from_mg_per_ml(0.001).unwrap(), ml(1.0), &d).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a concentration of 0.001 mg/mL is not measurable with 250 mg/mL diluted in whole \
             0.1 mL graduations (at most 1,000 mL) within 0 %: the nearest measurable amount \
             is 0.025 mg/mL (+2,400 %)"
        );
    }

    #[test]
    fn volume_per_injection_must_be_measurable() {
        let lesion = Lesion::new(
            LesionSite::Fingertip,
            LesionSize::diameter_mm(3.0).unwrap(),
            Distribution::Localised,
            Ulceration::Absent,
        );
        let options = CaseSeriesOptions::new(
            ml(0.25),
            Dilution::new(Stock::Injection, Diluent::SterileWater),
        );
        assert_eq!(
            case_series_plan(&patient(60.0), &lesion, &options)
                .unwrap_err()
                .to_string(),
            "a volume per injection of 0.25 mL is not measurable with a syringe graduated in \
             0.1 mL within 0 %: the nearest measurable amounts are 0.2 mL (-20 %) and 0.3 mL \
             (+20 %)"
        );
    }

    #[test]
    fn a_weaker_stock_cannot_make_150() {
        let lesion = Lesion::new(
            LesionSite::Fingertip,
            LesionSize::diameter_mm(3.0).unwrap(),
            Distribution::Localised,
            Ulceration::Absent,
        );
        let options = CaseSeriesOptions::new(
            ml(0.5),
            Dilution::new(Stock::PaediatricInjection, Diluent::SterileWater),
        );
        assert_eq!(
            case_series_plan(&patient(60.0), &lesion, &options)
                .unwrap_err()
                .to_string(),
            "target concentration 150 mg/mL is invalid: it is above the stock's 125 mg/mL, \
             and a dilution can only lower a concentration"
        );
    }

    #[test]
    fn interval_text() {
        assert_eq!(Interval::from_days(1.0).unwrap().to_string(), "daily");
        assert_eq!(
            Interval::from_days(10.0).unwrap().to_string(),
            "every 10 days"
        );
        assert_eq!(
            Interval::from_days(2.5).unwrap_err().to_string(),
            "interval 2.5 days is invalid: expected a whole number of days"
        );
    }
}
