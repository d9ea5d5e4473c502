//! The time between repeated events of a regimen (titration steps,
//! injection sessions): a whole number of days.

use std::fmt;

use crate::error::{Error, check_range};
use crate::exact;
use crate::format::number;

/// Days in a week, for intervals written in weeks.
const DAYS_PER_WEEK: u32 = 7;

/// A whole number of days within `min` to `max`, read as written to nine
/// decimals (as every input): 14.0000000001 days is 14 days; 14.0001 is not
/// a whole number of days. Errors name `field`.
pub(crate) fn whole_days(field: &'static str, days: f64, min: u32, max: u32) -> Result<u32, Error> {
    let days = check_range(field, days, f64::from(min), f64::from(max), "days")?;
    let Some(whole) = exact::decimal(days)
        .filter(|d| exact::is_whole(*d))
        .map(exact::to_f64)
    else {
        return Err(Error::Invalid {
            field,
            value: format!("{} days", number(days, 9)),
            reason: "expected a whole number of days".to_owned(),
        });
    };
    // Whole and within min to max (both u32): exact as a u32.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(whole as u32)
}

/// The time between repeated events of a regimen (titration steps,
/// injection sessions), in whole days: within 1 to 365 days.
///
/// One type for every regimen, so that "every 4 weeks" means 28 days
/// whether it spaces probenecid steps or thiosulfate sessions. It displays
/// as a frequency ("weekly", "every 4 weeks", "every 10 days");
/// [`Interval::length`] displays it as a length of time ("4 weeks").
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Interval;
///
/// assert_eq!(Interval::WEEKLY.to_string(), "weekly");
/// assert_eq!(Interval::from_weeks(4.0)?.to_string(), "every 4 weeks");
/// assert_eq!(Interval::from_weeks(4.0)?.length().to_string(), "4 weeks");
/// assert_eq!(Interval::from_days(10.0)?.days(), 10);
/// assert!(Interval::from_days(2.5).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`], [`Error::OutOfRange`] outside 1 to 365 days, or
/// [`Error::Invalid`] for a part of a day. From JSON (`{"value": 4,
/// "unit": "wk"}`, UCUM `d` or `wk`) also [`Error::UnknownUnit`].
///
/// # References
///
/// The bounds are this crate's plausibility check (`DESIGN.md`); each
/// regimen documents its own default and the source that holds it
/// (the probenecid label's 4 weeks, the case series' weekly sessions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Interval {
    days: u32,
}

impl Interval {
    /// The shortest interval accepted, in days.
    pub const MIN_DAYS: u32 = 1;
    /// The longest interval accepted, in days.
    pub const MAX_DAYS: u32 = 365;
    /// Every day.
    pub const DAILY: Self = Self::whole_days(1);
    /// Every week.
    pub const WEEKLY: Self = Self::whole_days(DAYS_PER_WEEK);

    /// An interval from a whole number of days known at compile time to be
    /// within range (the regimens' constants).
    pub(crate) const fn whole_days(days: u32) -> Self {
        assert!(days >= Self::MIN_DAYS && days <= Self::MAX_DAYS);
        Self { days }
    }

    /// An interval in days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Error, Interval};
    /// assert_eq!(Interval::from_days(14.0)?.to_string(), "every 2 weeks");
    /// assert_eq!(Interval::from_days(10.0)?.to_string(), "every 10 days");
    /// assert!(matches!(Interval::from_days(0.0), Err(Error::OutOfRange { field: "interval", .. })));
    /// assert_eq!(
    ///     Interval::from_days(400.0).unwrap_err().to_string(),
    ///     "interval 400 days is not in the allowed range 1 to 365 days",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_days(days: f64) -> Result<Self, Error> {
        Self::checked_days(days, "interval")
    }

    /// An interval in weeks (7 days each), checked in days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Error, Interval};
    /// assert_eq!(Interval::from_weeks(1.0)?, Interval::WEEKLY);
    /// assert_eq!(Interval::from_weeks(4.0)?.days(), 28);
    /// // Half a week is 3.5 days, not a whole number of days.
    /// assert!(matches!(Interval::from_weeks(0.5), Err(Error::Invalid { field: "interval", .. })));
    /// assert_eq!(
    ///     Interval::from_weeks(53.0).unwrap_err().to_string(),
    ///     "interval 371 days is not in the allowed range 1 to 365 days",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_weeks(weeks: f64) -> Result<Self, Error> {
        Self::checked_weeks(weeks, "interval")
    }

    /// [`Interval::from_days`] whose errors name `field` (a regimen's own
    /// word for its interval, such as "step interval").
    fn checked_days(days: f64, field: &'static str) -> Result<Self, Error> {
        whole_days(field, days, Self::MIN_DAYS, Self::MAX_DAYS).map(|days| Self { days })
    }

    /// [`Interval::from_weeks`] whose errors name `field`.
    fn checked_weeks(weeks: f64, field: &'static str) -> Result<Self, Error> {
        if !weeks.is_finite() {
            return Err(Error::NotFinite {
                field,
                value: weeks,
                unit: "weeks",
            });
        }
        Self::checked_days(weeks * f64::from(DAYS_PER_WEEK), field)
    }

    /// An interval from its JSON form (`d` or `wk`), errors naming `field`.
    #[cfg(feature = "serde")]
    pub(crate) fn from_quantity(
        q: crate::wire::Quantity,
        field: &'static str,
    ) -> Result<Self, Error> {
        match q.unit.as_str() {
            "d" => Self::checked_days(q.value, field),
            "wk" => Self::checked_weeks(q.value, field),
            _ => Err(Error::UnknownUnit {
                field,
                unit: q.unit,
                expected: "d, wk",
            }),
        }
    }

    /// The interval in days.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::Interval;
    /// assert_eq!(Interval::WEEKLY.days(), 7);
    /// assert_eq!(Interval::from_weeks(6.0)?.days(), 42);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn days(self) -> u32 {
        self.days
    }

    /// The interval as a length of time: "1 day", "10 days", "1 week",
    /// "4 weeks" (for "for 1 week" and "every 4 weeks" in sentences).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::Interval;
    /// assert_eq!(Interval::DAILY.length().to_string(), "1 day");
    /// assert_eq!(Interval::WEEKLY.length().to_string(), "1 week");
    /// assert_eq!(Interval::from_days(15.0)?.length().to_string(), "15 days");
    /// assert_eq!(Interval::from_days(28.0)?.length().to_string(), "4 weeks");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn length(self) -> impl fmt::Display {
        Length(self.days)
    }
}

/// An interval written as a length of time.
struct Length(u32);

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0 % DAYS_PER_WEEK, self.0 / DAYS_PER_WEEK) {
            (0, 1) => f.write_str("1 week"),
            (0, weeks) => write!(f, "{weeks} weeks"),
            _ if self.0 == 1 => f.write_str("1 day"),
            _ => write!(f, "{} days", self.0),
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.days, self.days % DAYS_PER_WEEK) {
            (1, _) => f.write_str("daily"),
            (7, _) => f.write_str("weekly"),
            (d, 0) => write!(f, "every {} weeks", d / DAYS_PER_WEEK),
            (d, _) => write!(f, "every {d} days"),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for Interval {
    type Error = Error;
    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        Self::from_quantity(q, "interval")
    }
}

#[cfg(feature = "serde")]
impl From<Interval> for crate::wire::Quantity {
    fn from(i: Interval) -> Self {
        Self::new(f64::from(i.days), "d")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_inclusive() {
        assert_eq!(Interval::from_days(1.0).unwrap(), Interval::DAILY);
        assert_eq!(Interval::from_days(365.0).unwrap().days(), 365);
        assert!(Interval::from_days(0.999).is_err());
        assert!(Interval::from_days(365.5).is_err());
        assert!(Interval::from_weeks(f64::INFINITY).is_err());
        assert!(Interval::from_weeks(f64::NAN).is_err());
    }

    #[test]
    fn weeks_and_days_are_the_same_interval() {
        for weeks in 1..=52_u32 {
            assert_eq!(
                Interval::from_weeks(f64::from(weeks)).unwrap(),
                Interval::from_days(f64::from(weeks * 7)).unwrap()
            );
        }
    }
}
