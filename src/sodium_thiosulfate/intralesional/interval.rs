use super::{Error, REPEATED_INTERVAL_DAYS, check_range, fmt, number};

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
/// series' interval ([`sources::ACTA_DV_2016`](crate::sources::ACTA_DV_2016)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Interval {
    pub(super) days: u32,
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
