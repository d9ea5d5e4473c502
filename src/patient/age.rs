use super::{DAYS_PER_YEAR, Error, check_range, exact, fmt, number};

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
    /// The number as written, read to nine decimals, in billionths of its
    /// unit (at most 125 years, 45,656.25 days: below 2^46), and the unit:
    /// an age is shown as the caller wrote it, so that 730.4 days never
    /// reads as "24 months" beside a limit of 2 years. The age in years is
    /// exactly this times the unit's years (a year is 12 months, 365.25
    /// days).
    written_e9: u64,
    unit: AgeUnit,
}

/// Billionths: the resolution an age is read to.
const E9: u64 = 1_000_000_000;

/// The unit an age was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AgeUnit {
    Years,
    Months,
    Weeks,
    Days,
}

impl AgeUnit {
    /// Years per unit, exactly, as a numerator and a denominator.
    const fn years(self) -> (u64, u64) {
        match self {
            Self::Years => (1, 1),
            Self::Months => (1, 12),
            Self::Weeks => (7 * 4, 1461),
            Self::Days => (4, 1461),
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

/// Equal when the ages in years are equal, however they were written.
impl PartialEq for Age {
    fn eq(&self, other: &Self) -> bool {
        self.partial_cmp(other) == Some(std::cmp::Ordering::Equal)
    }
}

/// By the age in years, exactly.
impl PartialOrd for Age {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        // written × num / den against the other's, cross-multiplied: each
        // side below 2^46 × 28 × 1,461, exact in 128 bits.
        let (a_num, a_den) = self.unit.years();
        let (b_num, b_den) = other.unit.years();
        let side = |w: u64, num: u64, den: u64| u128::from(w) * u128::from(num) * u128::from(den);
        Some(side(self.written_e9, a_num, b_den).cmp(&side(other.written_e9, b_num, a_den)))
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
        let (num, den) = self.unit.years();
        // Both parts below 2^53: the nearest `f64` to the exact age.
        exact::quotient_f64(
            i128::from(self.written_e9) * i128::from(num),
            i128::from(E9) * i128::from(den),
        )
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

    /// A validated number in `unit` (0 to 125 years), read to nine
    /// decimals.
    pub(super) fn written(value: f64, unit: AgeUnit) -> Result<Self, Error> {
        let not_finite = || Error::NotFinite {
            field: "age",
            value,
            unit: unit.name(),
        };
        let (n, d) = exact::decimal_parts(value).ok_or_else(not_finite)?;
        // The denominator divides 10^9, and the number is not negative
        // and at most 125 years: in billionths, below 2^46.
        let written_e9 = exact::unsigned_parts((n, d))
            .filter(|&(_, d)| E9.is_multiple_of(d))
            .and_then(|(n, d)| n.checked_mul(E9 / d))
            .ok_or_else(not_finite)?;
        Ok(Self { written_e9, unit })
    }

    /// Whether the age is under `years` years, decided exactly.
    pub(crate) fn is_under(self, years: f64) -> bool {
        let Some((p, q)) = exact::decimal_parts(years) else {
            return false;
        };
        // written × num / (10^9 × den) < p / q, cross-multiplied in 128
        // bits: the age's side is below 2^51 × 10^9 (q divides 10^9); a
        // limit whose side would not fit is far beyond any age, above it
        // if positive.
        let (num, den) = self.unit.years();
        let age = i128::from(self.written_e9) * i128::from(num) * q;
        p.checked_mul(i128::from(E9) * i128::from(den))
            .map_or(p > 0, |limit| age < limit)
    }

    /// The age as written: the number and its unit.
    pub(crate) fn as_written(self) -> (f64, AgeUnit) {
        // Below 2^53: the nearest `f64` to the number read.
        (
            exact::quotient_f64(i128::from(self.written_e9), i128::from(E9)),
            self.unit,
        )
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

impl crate::format::Written for Age {
    fn written(&self) -> (f64, u8, &'static str) {
        let (value, unit) = self.as_written();
        (value, 9, unit.name())
    }
}

impl fmt::Display for Age {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As written, to its nine decimals: never rounded onto a limit.
        let (value, unit) = self.as_written();
        write!(f, "{} {}", number(value, 9), unit.name())
    }
}

#[cfg(feature = "serde")]
crate::wire::wire_units!(Age, "age", "a, mo, wk, d", |a: Age| { let (v, u) = a.as_written(); (v, u.ucum()) }, {
    "a" => Age::from_years,
    "mo" => Age::from_months,
    "wk" => Age::from_weeks,
    "d" => Age::from_days,
});
