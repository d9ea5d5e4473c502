use super::{
    DAYS_PER_MONTH, DEFAULT_COURSE_DAYS, Error, check_range, count_up, exact, fmt, number,
};

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
/// 6 months: [`sources::PEDIATR_DERMATOL_2017`](crate::sources::PEDIATR_DERMATOL_2017). The bounds are this
/// crate's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct CourseLength {
    pub(super) days: u32,
}

impl CourseLength {
    /// The longest course accepted, days (24 months, rounded up).
    pub const MAX_DAYS: u32 = 731;
    /// The longest course accepted, weeks.
    pub const MAX_WEEKS: f64 = 104.0;
    /// The longest course accepted, months.
    pub const MAX_MONTHS: f64 = 24.0;

    pub(super) fn from_checked_days(days: f64) -> Self {
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

#[cfg(feature = "serde")]
crate::wire::wire_units!(CourseLength, "course", "d, wk, mo", |c: CourseLength| (f64::from(c.days()), "d"), {
    "d" => CourseLength::from_days,
    "wk" => CourseLength::from_weeks,
    "mo" => CourseLength::from_months,
});
