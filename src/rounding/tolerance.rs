//! How far rounding may move a dose: [`Tolerance`].

use std::fmt;

use crate::alert::{Alert, AlertKind, Arg, Message};
use crate::citation::sources;
use crate::error::Error;
use crate::exact::{self, Exact};
use crate::format::number;
use crate::limit::{Bound, CheckedLimit, Limit, Scope};

/// How far rounding may move a dose, as a percentage of the calculated dose:
/// finite, within 0 to 50 %.
///
/// The default is 10 %, the hospital rule in the clinical reference (section
/// 5). A plan records the tolerance it used.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Tolerance;
///
/// assert_eq!(Tolerance::default().percent(), 10.0);
/// assert_eq!(Tolerance::from_percent(25.0)?.to_string(), "25 %");
/// assert!(Tolerance::from_percent(75.0).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] or [`Error::OutOfRange`] outside 0 to 50 %.
///
/// # References
///
/// Clinical reference section 5 (rounding never more than 10 % of the
/// calculated dose). The 50 % ceiling is this crate's bound (`DESIGN.md`).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Tolerance {
    percent: f64,
    /// The percentage as an exact fraction of one, read once: its
    /// numerator and denominator in lowest terms (10 % is 1/10; a
    /// percentage of at most 50 read to nine decimals has both below
    /// 10^11).
    pub(super) fraction: (u64, u64),
}

impl Tolerance {
    /// The default tolerance, 10 %.
    pub const DEFAULT_PERCENT: f64 = 10.0;
    /// The default tolerance as a value.
    pub const DEFAULT: Self = Self {
        percent: Self::DEFAULT_PERCENT,
        // 10 % (a test checks it is `fraction_of(DEFAULT_PERCENT)`).
        fraction: (1, 10),
    };
    /// The widest tolerance accepted, 50 %.
    pub const MAX_PERCENT: f64 = 50.0;

    /// A tolerance in percent of the calculated dose.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Tolerance;
    ///
    /// assert_eq!(Tolerance::from_percent(15.0)?.to_string(), "15 %");
    /// assert_eq!(
    ///     Tolerance::from_percent(60.0).unwrap_err().to_string(),
    ///     "tolerance 60 % is not in the allowed range 0 to 50 %",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_percent(percent: f64) -> Result<Self, Error> {
        crate::error::check_range("tolerance", percent, 0.0, Self::MAX_PERCENT, "%").map(
            |percent| Self {
                percent,
                fraction: Self::fraction_of(percent),
            },
        )
    }

    /// The tolerance in percent.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Tolerance;
    ///
    /// assert_eq!(Tolerance::default().percent(), 10.0);
    /// assert_eq!(Tolerance::from_percent(2.5)?.percent(), 2.5);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn percent(self) -> f64 {
        self.percent
    }

    /// Whether this is wider than the default 10 %.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Tolerance;
    ///
    /// assert!(!Tolerance::default().is_wider_than_default());
    /// assert!(!Tolerance::from_percent(5.0)?.is_wider_than_default());
    /// assert!(Tolerance::from_percent(15.0)?.is_wider_than_default());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn is_wider_than_default(self) -> bool {
        self.percent > Self::DEFAULT_PERCENT
    }

    /// The usual 10 % as a limit.
    const USUAL: Limit = Limit::new(
        "rounding.tolerance.usual",
        "usual rounding tolerance",
        Bound::AtMost,
        Self::DEFAULT_PERCENT,
        "%",
        Scope::PerAdministration,
        sources::ROUNDING_RULE,
    );

    /// This tolerance checked against the usual 10 %: crossed (with the
    /// widened-tolerance alert) when wider.
    pub(crate) fn usual_check(self) -> CheckedLimit {
        CheckedLimit::new(Self::USUAL, self.percent)
    }

    /// The alert every plan made with a tolerance wider than 10 % carries.
    pub(crate) fn widened_alert(self) -> Alert {
        Alert::new(
            AlertKind::WidenedTolerance,
            Message::new(
                "doses were rounded with a tolerance of {}, wider than the usual {}",
                [
                    Arg::quantity("tolerance", self.percent, 2, "%"),
                    Arg::quantity("usual tolerance", Self::DEFAULT_PERCENT, 0, "%"),
                ],
            ),
            Some(Self::USUAL),
            sources::ROUNDING_RULE,
        )
    }

    /// The tolerance as an exact fraction (10 % is 1/10).
    pub(crate) fn fraction(self) -> Exact {
        let (num, den) = self.fraction;
        Exact::new_raw(i128::from(num), i128::from(den))
    }

    /// `percent` (0 to 50) as an exact fraction of one, read as the
    /// decimal it was written as, in lowest terms (as the default is
    /// written, 1/10), so that equal tolerances hold the same parts.
    pub(super) fn fraction_of(percent: f64) -> (u64, u64) {
        exact::decimal(percent)
            .and_then(|p| exact::div(p, exact::int(100)))
            .map(exact::lowest)
            .and_then(|f| exact::unsigned_parts(exact::parts(f)))
            .unwrap_or((0, 1))
    }
}

/// Written as its percentage: the fraction is read from it.
impl fmt::Debug for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tolerance")
            .field("percent", &self.percent)
            .finish_non_exhaustive()
    }
}

impl Default for Tolerance {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl crate::format::Written for Tolerance {
    fn written(&self) -> (f64, u8, &'static str) {
        (self.percent, 2, "%")
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", number(self.percent, 2))
    }
}

// JSON: each quantity as {"value", "unit"} in the units it may be written in.
#[cfg(feature = "serde")]
crate::wire::wire_units!(Tolerance, "tolerance", "%", |t: Tolerance| (t.percent(), "%"), {
    "%" => Tolerance::from_percent,
});
