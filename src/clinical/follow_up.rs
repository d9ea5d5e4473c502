//! Review points the sources report, with what they observed there.

use std::fmt;

use crate::citation::Citation;
use crate::format::number;

/// When a review point falls.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::FollowUpPoint;
///
/// assert_eq!(FollowUpPoint::Day(84).to_string(), "day 84 (week 12)");
/// assert_eq!(FollowUpPoint::AfterSessions { from: 2, to: 3 }.to_string(), "after 2–3 sessions");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FollowUpPoint {
    /// Days after the first dose or session (day 0).
    Day(u32),
    /// After this many sessions (a range when the source gives one).
    AfterSessions {
        /// The fewest sessions.
        from: u32,
        /// The most sessions.
        to: u32,
    },
}

impl fmt::Display for FollowUpPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Day(day) if day % 7 == 0 && day > 0 => {
                write!(f, "day {} (week {})", number(f64::from(day), 0), day / 7)
            }
            Self::Day(day) => write!(f, "day {}", number(f64::from(day), 0)),
            Self::AfterSessions { from, to } if from == to => write!(f, "after {from} sessions"),
            Self::AfterSessions { from, to } => write!(f, "after {from}–{to} sessions"),
        }
    }
}

/// One review point: when, what the source observed there, and the source.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{sodium_thiosulfate::topical, FollowUpPoint};
///
/// let m = &topical::FOLLOW_UP[0];
/// assert_eq!(m.at(), FollowUpPoint::Day(183));
/// assert!(m.observed().contains("complete resolution"));
/// ```
///
/// # References
///
/// [`source`](Self::source) names the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Milestone {
    at: FollowUpPoint,
    observed: &'static str,
    source: Citation,
}

impl Milestone {
    pub(crate) const fn new(at: FollowUpPoint, observed: &'static str, source: Citation) -> Self {
        Self {
            at,
            observed,
            source,
        }
    }

    /// When.
    ///
    /// # Example
    ///
    /// See [`Milestone`].
    #[must_use]
    pub const fn at(&self) -> FollowUpPoint {
        self.at
    }

    /// What the source observed at that point.
    ///
    /// # Example
    ///
    /// See [`Milestone`].
    #[must_use]
    pub const fn observed(&self) -> &'static str {
        self.observed
    }

    /// The source.
    ///
    /// # Example
    ///
    /// See [`Milestone`].
    #[must_use]
    pub const fn source(&self) -> Citation {
        self.source
    }
}

impl fmt::Display for Milestone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: the source reports {} [{}]",
            self.at,
            self.observed,
            self.source.key()
        )
    }
}
