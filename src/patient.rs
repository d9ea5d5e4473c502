//! Patient inputs: body weight, age, height, renal function.
//!
//! Each is a validated newtype: finite and inside a plausible range. The
//! ranges are input-sanity bounds chosen by this crate to catch unit slips
//! (grams typed as kilograms, months as years), not clinical limits; the
//! clinical limits live with each drug. See `DESIGN.md`, "Why these
//! plausibility ranges?".

use std::fmt;

use uom::si::f64::{Length, Mass};
use uom::si::length::centimeter;
use uom::si::mass::kilogram;

use crate::error::{Error, check_range};
use crate::exact::{self, Exact};
use crate::format::number;

/// The exact avoirdupois pound, in kilograms (NIST SP 811, appendix B.8).
///
/// uom 0.38 rounds its pound to 0.453 592 4 kg; [`BodyWeight::from_lb`] and
/// the JSON unit `[lb_av]` use the exact definition instead.
pub const KG_PER_POUND: f64 = 0.453_592_37;

/// Days in a year for ages given in days or weeks (the Julian year).
const DAYS_PER_YEAR: f64 = 365.25;

/// A body weight, finite and within 0.5 to 350 kg.
///
/// Any mass unit is accepted and gives the same plan: 70 kg, 70 000 g and
/// 154.32 lb are one weight.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::BodyWeight;
/// use uom::si::f64::Mass;
/// use uom::si::mass::{gram, kilogram};
///
/// let a = BodyWeight::new(Mass::new::<kilogram>(20.0))?;
/// let b = BodyWeight::new(Mass::new::<gram>(20_000.0))?;
/// assert!((a.kg() - b.kg()).abs() < 1e-9);
/// assert_eq!(BodyWeight::from_lb(44.092_452_4)?.to_string(), "20 kg");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// A volume is not a mass, so it does not compile:
///
/// ```compile_fail
/// use calcinosis_dosing::BodyWeight;
/// use uom::si::f64::Volume;
/// use uom::si::volume::milliliter;
///
/// let w = BodyWeight::new(Volume::new::<milliliter>(70.0));
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 0.5 to 350 kg.
///
/// # References
///
/// The bounds are this crate's plausibility check (`DESIGN.md`); the pound is
/// NIST SP 811 <https://www.nist.gov/pml/special-publication-811>.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct BodyWeight {
    /// The weight in whole grams: the resolution every input is read to.
    grams: u32,
}

impl BodyWeight {
    /// The lightest weight accepted, in kg.
    pub const MIN_KG: f64 = 0.5;
    /// The heaviest weight accepted, in kg.
    pub const MAX_KG: f64 = 350.0;

    /// A body weight from any uom mass.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    /// use uom::si::f64::Mass;
    /// use uom::si::mass::gram;
    ///
    /// assert_eq!(BodyWeight::new(Mass::new::<gram>(3500.0))?.kg(), 3.5);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(weight: Mass) -> Result<Self, Error> {
        Self::from_kg(weight.get::<kilogram>())
    }

    /// A body weight in kilograms.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodyWeight, Error};
    ///
    /// assert_eq!(BodyWeight::from_kg(70.0)?.to_string(), "70 kg");
    /// assert!(matches!(BodyWeight::from_kg(0.4), Err(Error::OutOfRange { field: "weight", .. })));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_kg(kg: f64) -> Result<Self, Error> {
        let kg = check_range("weight", kg, Self::MIN_KG, Self::MAX_KG, "kg")?;
        Self::from_exact_kg(exact::decimal(kg), kg, "kg")
    }

    /// A body weight in avoirdupois pounds (exact factor, [`KG_PER_POUND`]).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    ///
    /// // 45.359237 kg, read to the gram.
    /// assert_eq!(BodyWeight::from_lb(100.0)?.kg(), 45.359);
    /// // Out of range: the error is given in pounds, as entered.
    /// assert_eq!(
    ///     BodyWeight::from_lb(900.0).unwrap_err().to_string(),
    ///     "weight 900 lb is not in the allowed range 1.102 to 771.618 lb",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation; the range is checked in kilograms.
    pub fn from_lb(lb: f64) -> Result<Self, Error> {
        if !lb.is_finite() {
            return Err(Error::NotFinite {
                field: "weight",
                value: lb,
                unit: "lb",
            });
        }
        let out_of_range = || Error::OutOfRange {
            field: "weight",
            value: lb,
            min: Self::MIN_KG / KG_PER_POUND,
            max: Self::MAX_KG / KG_PER_POUND,
            unit: "lb",
        };
        // The pound is exactly 0.45359237 kg: the conversion is exact, and
        // the weight is then rounded to the gram like any other.
        let kg = exact::decimal(lb)
            .and_then(|lb| exact::mul(lb, exact::frac(45_359_237, 100_000_000)))
            .ok_or_else(out_of_range)?;
        let in_range = exact::within(
            kg,
            exact::decimal(Self::MIN_KG).unwrap_or_default(),
            exact::decimal(Self::MAX_KG).unwrap_or_default(),
        );
        if !in_range {
            return Err(out_of_range());
        }
        Self::from_exact_kg(Some(kg), lb, "lb")
    }

    /// The weight `kg` (exact), rounded to the gram by the crate's one rule
    /// (nearest, ties to the smaller); `value` and `unit` as written, for the
    /// error.
    fn from_exact_kg(kg: Option<Exact>, value: f64, unit: &'static str) -> Result<Self, Error> {
        let grams = kg
            .and_then(|kg| exact::mul(kg, exact::int(1_000)))
            .and_then(|g| exact::to_multiple(g, exact::int(1)))
            .and_then(|g| u32::try_from(g.to_integer()).ok())
            .ok_or(Error::NotFinite {
                field: "weight",
                value,
                unit,
            })?;
        Ok(Self { grams })
    }

    /// The weight in kg, exactly (a whole number of grams).
    pub(crate) fn exact_kg(self) -> Exact {
        exact::frac(i128::from(self.grams), 1_000)
    }

    /// The weight in whole grams.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    ///
    /// // 17.636981 lb is 7,999.99997 g: the weight is read to the gram.
    /// assert_eq!(BodyWeight::from_lb(17.636_981)?.grams(), 8_000);
    /// assert_eq!(BodyWeight::from_kg(8.0)?, BodyWeight::from_lb(17.636_981)?);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn grams(self) -> u32 {
        self.grams
    }

    /// The weight in kilograms.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    ///
    /// assert_eq!(BodyWeight::from_kg(16.0)?.kg(), 16.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn kg(self) -> f64 {
        f64::from(self.grams) / 1_000.0
    }

    /// The weight as a uom mass.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    /// use uom::si::mass::gram;
    ///
    /// assert_eq!(BodyWeight::from_kg(70.0)?.mass().get::<gram>(), 70_000.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn mass(self) -> Mass {
        Mass::new::<kilogram>(self.kg())
    }
}

impl fmt::Display for BodyWeight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Three decimals: the gram, the weight's resolution, so a weight
        // beside a limit (50 kg) always shows which side of it it is on.
        write!(f, "{} kg", number(self.kg(), 3))
    }
}

/// An age, finite and within 0 to 125 years.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Age;
///
/// assert_eq!(Age::from_months(18.0)?.years(), 1.5);
/// assert!(Age::from_years(4.0)?.is_child());
/// assert!(!Age::from_years(18.0)?.is_child());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 0 to 125 years (0 to 1,500 months).
///
/// # References
///
/// Plausibility bounds of this crate (`DESIGN.md`). "Child" means under 18
/// years, the age below which the diltiazem label's adult dosing does not
/// apply (`sources::DILTIAZEM_PAEDIATRIC`).
#[derive(Debug, Clone, Copy)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Age {
    /// The age in years, exactly (a year is 12 months, 365.25 days).
    years: Exact,
    /// The number as written, to nine decimals, and its unit: an age is
    /// shown as the caller wrote it, so that 730.4 days never reads as
    /// "24 months" beside a limit of 2 years.
    written: Exact,
    unit: AgeUnit,
}

/// The unit an age was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AgeUnit {
    Years,
    Months,
    Weeks,
    Days,
}

impl AgeUnit {
    /// Years per unit, exactly.
    fn years(self) -> Exact {
        match self {
            Self::Years => exact::int(1),
            Self::Months => exact::frac(1, 12),
            Self::Weeks => exact::frac(7 * 4, 1461),
            Self::Days => exact::frac(4, 1461),
        }
    }

    /// The unit's name in text.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::Years => "years",
            Self::Months => "months",
            Self::Weeks => "weeks",
            Self::Days => "days",
        }
    }

    /// The unit's UCUM code.
    #[cfg(feature = "serde")]
    pub(crate) const fn ucum(self) -> &'static str {
        match self {
            Self::Years => "a",
            Self::Months => "mo",
            Self::Weeks => "wk",
            Self::Days => "d",
        }
    }
}

impl PartialEq for Age {
    fn eq(&self, other: &Self) -> bool {
        self.years == other.years
    }
}

impl PartialOrd for Age {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.years.cmp(&other.years))
    }
}

impl Age {
    /// The oldest age accepted, in years.
    pub const MAX_YEARS: f64 = 125.0;
    /// The age of majority used for "child" (years).
    pub const ADULT_YEARS: f64 = 18.0;

    /// An age in years.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Age;
    ///
    /// assert_eq!(Age::from_years(4.0)?.to_string(), "4 years");
    /// assert_eq!(
    ///     Age::from_years(130.0).unwrap_err().to_string(),
    ///     "age 130 years is not in the allowed range 0 to 125 years",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_years(years: f64) -> Result<Self, Error> {
        let years = check_range("age", years, 0.0, Self::MAX_YEARS, "years")?;
        Self::written(years, AgeUnit::Years)
    }

    /// An age in months.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Age;
    ///
    /// let age = Age::from_months(18.0)?;
    /// assert_eq!(age.years(), 1.5);
    /// assert_eq!(age.to_string(), "18 months");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_months(months: f64) -> Result<Self, Error> {
        let months = check_range("age", months, 0.0, Self::MAX_YEARS * 12.0, "months")?;
        Self::written(months, AgeUnit::Months)
    }

    /// An age in days (365.25 days a year).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Age;
    ///
    /// assert_eq!(Age::from_days(730.5)?.years(), 2.0);
    /// // A day short of two years is not written as "24 months".
    /// // Written as given: never rounded onto the 2-year limit (730.5 days).
    /// assert_eq!(Age::from_days(730.4)?.to_string(), "730.4 days");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_days(days: f64) -> Result<Self, Error> {
        let days = check_range("age", days, 0.0, Self::MAX_YEARS * DAYS_PER_YEAR, "days")?;
        Self::written(days, AgeUnit::Days)
    }

    /// The age in years.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Age;
    ///
    /// assert_eq!(Age::from_months(30.0)?.years(), 2.5);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn years(self) -> f64 {
        exact::to_f64(self.years)
    }

    /// An age in weeks (7 days).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Age;
    ///
    /// assert_eq!(Age::from_weeks(6.0)?.to_string(), "6 weeks");
    /// assert!(Age::from_weeks(-1.0).is_err());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation (0 to 6,522.32 weeks).
    pub fn from_weeks(weeks: f64) -> Result<Self, Error> {
        let max = Self::MAX_YEARS * DAYS_PER_YEAR / 7.0;
        let weeks = check_range("age", weeks, 0.0, max, "weeks")?;
        Self::written(weeks, AgeUnit::Weeks)
    }

    /// A validated number in `unit`, read to nine decimals.
    fn written(value: f64, unit: AgeUnit) -> Result<Self, Error> {
        let written = exact::decimal(value).ok_or(Error::NotFinite {
            field: "age",
            value,
            unit: unit.name(),
        })?;
        let years = exact::mul(written, unit.years()).ok_or(Error::NotFinite {
            field: "age",
            value,
            unit: unit.name(),
        })?;
        Ok(Self {
            years,
            written,
            unit,
        })
    }

    /// Whether the age is under `years` years, decided exactly.
    pub(crate) fn is_under(self, years: f64) -> bool {
        exact::decimal(years).is_some_and(|limit| self.years < limit)
    }

    /// The age as written: the number and its unit.
    pub(crate) fn as_written(self) -> (f64, AgeUnit) {
        (exact::to_f64(self.written), self.unit)
    }

    /// Whether the patient is under 18 years of age.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Age;
    ///
    /// assert!(Age::from_years(17.9)?.is_child());
    /// assert!(!Age::from_years(18.0)?.is_child());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn is_child(self) -> bool {
        self.is_under(Self::ADULT_YEARS)
    }
}

impl fmt::Display for Age {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As written, to its nine decimals: never rounded onto a limit.
        let (value, unit) = self.as_written();
        write!(f, "{} {}", number(value, 9), unit.name())
    }
}

/// A body height (length), finite and within 20 to 260 cm.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Height;
/// use uom::si::f64::Length;
/// use uom::si::length::meter;
///
/// assert_eq!(Height::new(Length::new::<meter>(1.75))?.cm(), 175.0);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 20 to 260 cm.
///
/// # References
///
/// Plausibility bounds of this crate (`DESIGN.md`).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Height {
    cm: f64,
}

impl Height {
    /// The shortest height accepted, in cm.
    pub const MIN_CM: f64 = 20.0;
    /// The tallest height accepted, in cm.
    pub const MAX_CM: f64 = 260.0;

    /// A height from any uom length.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Height;
    /// use uom::si::f64::Length;
    /// use uom::si::length::inch;
    ///
    /// assert_eq!(Height::new(Length::new::<inch>(40.0))?.cm(), 101.6);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(height: Length) -> Result<Self, Error> {
        Self::from_cm(height.get::<centimeter>())
    }

    /// A height in centimetres.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Height;
    ///
    /// assert_eq!(Height::from_cm(175.0)?.to_string(), "175 cm");
    /// // Metres typed as centimetres are caught.
    /// assert_eq!(
    ///     Height::from_cm(1.75).unwrap_err().to_string(),
    ///     "height 1.75 cm is not in the allowed range 20 to 260 cm",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_cm(cm: f64) -> Result<Self, Error> {
        // Rounded to a nanometre so that 1.75 m reads back as 175 cm.
        check_range("height", cm, Self::MIN_CM, Self::MAX_CM, "cm").map(|cm| Self {
            cm: (cm * 1e7).round() / 1e7,
        })
    }

    /// The height in centimetres.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Height;
    /// use uom::si::f64::Length;
    /// use uom::si::length::meter;
    ///
    /// assert_eq!(Height::new(Length::new::<meter>(1.02))?.cm(), 102.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn cm(self) -> f64 {
        self.cm
    }
}

impl fmt::Display for Height {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} cm", number(self.cm, 1))
    }
}

/// An estimated glomerular filtration rate, finite and within 1 to 250 mL/min.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Egfr;
///
/// assert_eq!(Egfr::from_ml_per_min(30.0)?.ml_per_min(), 30.0);
/// assert!(Egfr::from_ml_per_min(-5.0).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 1 to 250 mL/min.
///
/// # References
///
/// Plausibility bounds of this crate (`DESIGN.md`).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Egfr {
    ml_per_min: f64,
}

impl Egfr {
    /// The lowest eGFR accepted, in mL/min.
    pub const MIN_ML_PER_MIN: f64 = 1.0;
    /// The highest eGFR accepted, in mL/min.
    pub const MAX_ML_PER_MIN: f64 = 250.0;

    /// An eGFR in mL/min.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Egfr;
    ///
    /// assert_eq!(Egfr::from_ml_per_min(45.0)?.to_string(), "45 mL/min");
    /// assert_eq!(
    ///     Egfr::from_ml_per_min(0.0).unwrap_err().to_string(),
    ///     "egfr 0 mL/min is not in the allowed range 1 to 250 mL/min",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_ml_per_min(ml_per_min: f64) -> Result<Self, Error> {
        check_range(
            "egfr",
            ml_per_min,
            Self::MIN_ML_PER_MIN,
            Self::MAX_ML_PER_MIN,
            "mL/min",
        )
        .map(|ml_per_min| Self { ml_per_min })
    }

    /// The eGFR in mL/min.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Egfr;
    ///
    /// assert_eq!(Egfr::from_ml_per_min(30.0)?.ml_per_min(), 30.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn ml_per_min(self) -> f64 {
        self.ml_per_min
    }
}

impl fmt::Display for Egfr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mL/min", number(self.ml_per_min, 1))
    }
}

/// A body surface area in m², computed by the Mosteller formula.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{BodySurfaceArea, BodyWeight, Height};
///
/// let bsa = BodySurfaceArea::mosteller(BodyWeight::from_kg(64.0)?, Height::from_cm(225.0)?);
/// assert!((bsa.m2() - 2.0).abs() < 1e-12);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// Mosteller RD. Simplified calculation of body-surface area. N Engl J Med
/// 1987;317(17):1098: BSA (m²) = √(height cm × weight kg / 3600).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(into = "crate::wire::Quantity"))]
pub struct BodySurfaceArea {
    m2: f64,
}

impl BodySurfaceArea {
    /// The Mosteller body surface area, √(height cm × weight kg / 3600).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodySurfaceArea, BodyWeight, Height};
    ///
    /// // √(102 cm × 16 kg / 3600) = 0.673 m²
    /// let bsa = BodySurfaceArea::mosteller(BodyWeight::from_kg(16.0)?, Height::from_cm(102.0)?);
    /// assert_eq!(bsa.to_string(), "0.67 m²");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn mosteller(weight: BodyWeight, height: Height) -> Self {
        Self {
            m2: (height.cm() * weight.kg() / 3600.0).sqrt(),
        }
    }

    /// The area in square metres.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodySurfaceArea, BodyWeight, Height};
    ///
    /// // √(180 cm × 20 kg / 3600) = √1
    /// let bsa = BodySurfaceArea::mosteller(BodyWeight::from_kg(20.0)?, Height::from_cm(180.0)?);
    /// assert_eq!(bsa.m2(), 1.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn m2(self) -> f64 {
        self.m2
    }
}

impl fmt::Display for BodySurfaceArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} m²", number(self.m2, 2))
    }
}

/// The patient a plan is made for: weight and age, and optionally height and
/// renal function.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?)
///     .with_height(Height::from_cm(102.0)?)
///     .with_egfr(Egfr::from_ml_per_min(110.0)?);
/// assert_eq!(patient.weight().kg(), 16.0);
/// assert!(patient.body_surface_area().is_some());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Patient {
    weight: BodyWeight,
    age: Age,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    height: Option<Height>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    egfr: Option<Egfr>,
}

impl Patient {
    /// A patient of this weight and age.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Age, BodyWeight, Patient};
    ///
    /// let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.weight().kg(), 16.0);
    /// assert_eq!(girl.height(), None);
    /// assert_eq!(girl.egfr(), None);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(weight: BodyWeight, age: Age) -> Self {
        Self {
            weight,
            age,
            height: None,
            egfr: None,
        }
    }

    /// The same patient with a height (enables body-surface-area dosing).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// let girl = girl.with_height(Height::from_cm(102.0)?);
    /// assert_eq!(girl.body_surface_area().map(|b| b.to_string()).as_deref(), Some("0.67 m²"));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn with_height(mut self, height: Height) -> Self {
        self.height = Some(height);
        self
    }

    /// The same patient with an eGFR (enables renal alerts).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// let girl = girl.with_egfr(Egfr::from_ml_per_min(110.0)?);
    /// assert_eq!(girl.egfr().map(Egfr::ml_per_min), Some(110.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn with_egfr(mut self, egfr: Egfr) -> Self {
        self.egfr = Some(egfr);
        self
    }

    /// The body weight.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.weight().to_string(), "16 kg");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn weight(&self) -> BodyWeight {
        self.weight
    }

    /// The age.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.age().to_string(), "4 years");
    /// assert!(girl.age().is_child());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn age(&self) -> Age {
        self.age
    }

    /// The height, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.height(), None);
    /// let girl = girl.with_height(Height::from_cm(102.0)?);
    /// assert_eq!(girl.height().map(Height::cm), Some(102.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn height(&self) -> Option<Height> {
        self.height
    }

    /// The eGFR, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.egfr(), None);
    /// let girl = girl.with_egfr(Egfr::from_ml_per_min(25.0)?);
    /// assert_eq!(girl.egfr().map(|e| e.to_string()).as_deref(), Some("25 mL/min"));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn egfr(&self) -> Option<Egfr> {
        self.egfr
    }

    /// The Mosteller body surface area, if a height was given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// // No height, no body surface area.
    /// assert!(girl.body_surface_area().is_none());
    /// let girl = girl.with_height(Height::from_cm(102.0)?);
    /// let bsa = girl.body_surface_area().unwrap();
    /// assert!((bsa.m2() - (102.0_f64 * 16.0 / 3600.0).sqrt()).abs() < 1e-12);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn body_surface_area(&self) -> Option<BodySurfaceArea> {
        self.height
            .map(|h| BodySurfaceArea::mosteller(self.weight, h))
    }
}

// JSON: each quantity as {"value", "unit"} in the units it may be written in.
#[cfg(feature = "serde")]
crate::wire::wire_units!(BodyWeight, "weight", "kg, g, [lb_av]", |w: BodyWeight| (w.kg(), "kg"), {
    "kg" => BodyWeight::from_kg,
    "g" => |g: f64| if g.is_finite() { BodyWeight::from_kg(g / 1_000.0) } else {
        Err(crate::error::Error::NotFinite { field: "weight", value: g, unit: "g" })
    },
    "[lb_av]" => BodyWeight::from_lb,
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(Age, "age", "a, mo, wk, d", |a: Age| { let (v, u) = a.as_written(); (v, u.ucum()) }, {
    "a" => Age::from_years,
    "mo" => Age::from_months,
    "wk" => Age::from_weeks,
    "d" => Age::from_days,
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(Height, "height", "cm, m, mm", |h: Height| (h.cm(), "cm"), {
    "cm" => Height::from_cm,
    "m" => |m: f64| if m.is_finite() { Height::from_cm(m * 100.0) } else {
        Err(crate::error::Error::NotFinite { field: "height", value: m, unit: "m" })
    },
    "mm" => |mm: f64| if mm.is_finite() { Height::from_cm(mm / 10.0) } else {
        Err(crate::error::Error::NotFinite { field: "height", value: mm, unit: "mm" })
    },
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(Egfr, "egfr", "mL/min", |e: Egfr| (e.ml_per_min(), "mL/min"), {
    "mL/min" => Egfr::from_ml_per_min,
});

#[cfg(feature = "serde")]
impl From<BodySurfaceArea> for crate::wire::Quantity {
    fn from(b: BodySurfaceArea) -> Self {
        crate::wire::Quantity::new(b.m2(), "m2")
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;
    use uom::si::mass::pound;

    #[test]
    fn weight_rejects_bad_values_with_named_field() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(matches!(
                BodyWeight::from_kg(bad),
                Err(Error::NotFinite {
                    field: "weight",
                    ..
                })
            ));
        }
        assert_eq!(
            BodyWeight::from_kg(-3.0).unwrap_err().to_string(),
            "weight -3 kg is not in the allowed range 0.5 to 350 kg"
        );
        assert_eq!(
            BodyWeight::from_kg(70_000.0).unwrap_err().to_string(),
            "weight 70,000 kg is not in the allowed range 0.5 to 350 kg"
        );
    }

    #[test]
    fn a_weight_in_pounds_is_reported_in_pounds() {
        assert_eq!(
            BodyWeight::from_lb(900.0).unwrap_err().to_string(),
            "weight 900 lb is not in the allowed range 1.102 to 771.618 lb"
        );
    }

    #[test]
    fn an_age_just_under_two_years_does_not_read_as_two() {
        // An age reads as it was written, never rounded onto the 2-year limit.
        assert_eq!(Age::from_days(730.0).unwrap().to_string(), "730 days");
        assert_eq!(Age::from_days(730.4).unwrap().to_string(), "730.4 days");
        assert!(Age::from_days(730.4).unwrap().is_under(2.0));
        assert!(!Age::from_days(730.5).unwrap().is_under(2.0));
        assert_eq!(
            Age::from_years(1.999_9).unwrap().to_string(),
            "1.9999 years"
        );
    }

    #[test]
    fn pound_is_exact_and_uom_pound_is_close() {
        let exact = BodyWeight::from_lb(100.0).unwrap();
        // 45.359237 kg, read to the gram.
        assert_eq!(exact.kg(), 45.359);
        assert_eq!(BodyWeight::from_lb(17.636_981).unwrap().grams(), 8_000);
        let via_uom = BodyWeight::new(Mass::new::<pound>(100.0)).unwrap();
        assert!((via_uom.kg() - exact.kg()).abs() < 1e-5);
    }

    #[test]
    fn age_units_agree() {
        assert_eq!(
            Age::from_months(24.0).unwrap(),
            Age::from_years(2.0).unwrap()
        );
        assert_eq!(
            Age::from_years(130.0).unwrap_err().to_string(),
            "age 130 years is not in the allowed range 0 to 125 years"
        );
        assert_eq!(Age::from_months(18.0).unwrap().to_string(), "18 months");
    }

    #[test]
    fn mosteller_matches_formula() {
        let bsa = BodySurfaceArea::mosteller(
            BodyWeight::from_kg(70.0).unwrap(),
            Height::from_cm(170.0).unwrap(),
        );
        assert!((bsa.m2() - (170.0_f64 * 70.0 / 3600.0).sqrt()).abs() < 1e-12);
    }
}
