//! A plan's events by day: the start, each titration step, each session,
//! each supply and each follow-up point; with the `dates` feature, as
//! calendar dates from a start date.

use std::fmt;

use crate::format::number;

/// What happens on an event's day.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::EventKind;
///
/// assert_eq!(EventKind::FollowUp.to_string(), "follow-up");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EventKind {
    /// The first dose.
    Start,
    /// A titration step begins.
    TitrationStep,
    /// An injection session.
    Session,
    /// A supply of compounded cream starts.
    Supply,
    /// A review point the sources report.
    FollowUp,
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Start => "start",
            Self::TitrationStep => "titration step",
            Self::Session => "session",
            Self::Supply => "supply",
            Self::FollowUp => "follow-up",
        })
    }
}

/// One event of a plan: its day (day 0 is the first dose or session), what
/// it is, and the plan's words for it.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, EventKind, Patient};
///
/// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&adult, rate, &diltiazem::Options::default())?;
/// let events = plan.events();
/// assert_eq!((events[0].day(), events[0].kind()), (0, EventKind::Start));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// The plan's own sources.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Event {
    day: u32,
    kind: EventKind,
    what: String,
}

impl Event {
    pub(crate) const fn new(day: u32, kind: EventKind, what: String) -> Self {
        Self { day, kind, what }
    }

    /// The day, counted from day 0.
    ///
    /// # Example
    ///
    /// See [`Event`].
    #[must_use]
    pub const fn day(&self) -> u32 {
        self.day
    }

    /// What it is.
    ///
    /// # Example
    ///
    /// See [`Event`].
    #[must_use]
    pub const fn kind(&self) -> EventKind {
        self.kind
    }

    /// The plan's words for it ("500 mg (1 tablet of 500 mg) twice daily").
    ///
    /// # Example
    ///
    /// See [`Event`].
    #[must_use]
    pub fn what(&self) -> &str {
        &self.what
    }

    /// The event's calendar date when day 0 is `start`.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`](crate::Error::Invalid) naming `start_date` when
    /// the date would fall after the last date the calendar holds.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{sodium_thiosulfate::topical, FollowUpPoint};
    /// use jiff::civil::date;
    ///
    /// let events = calcinosis_dosing::Event::follow_up_days(&topical::FOLLOW_UP);
    /// assert_eq!(events[0].date(date(2026, 12, 1))?, date(2027, 6, 2));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[cfg(feature = "dates")]
    pub fn date(&self, start: jiff::civil::Date) -> Result<jiff::civil::Date, crate::Error> {
        start
            .checked_add(jiff::Span::new().days(i64::from(self.day)))
            .map_err(|e| crate::Error::Invalid {
                field: "start_date",
                value: start.to_string(),
                reason: format!(
                    "day {} after it is not a date the calendar holds: {e}",
                    self.day
                ),
            })
    }

    /// The events of follow-up points given by day (those given by a
    /// session count need the plan's session days).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{sodium_thiosulfate::intralesional, Event};
    ///
    /// let days: Vec<u32> = Event::follow_up_days(&intralesional::CASE_SERIES_FOLLOW_UP)
    ///     .iter()
    ///     .map(Event::day)
    ///     .collect();
    /// assert_eq!(days, [28, 84]);
    /// ```
    #[must_use]
    pub fn follow_up_days(milestones: &[super::Milestone]) -> Vec<Self> {
        milestones
            .iter()
            .filter_map(|m| match m.at() {
                super::FollowUpPoint::Day(day) => {
                    Some(Self::new(day, EventKind::FollowUp, m.observed().to_owned()))
                }
                super::FollowUpPoint::AfterSessions { .. } => None,
            })
            .collect()
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "day {}: {}: {}",
            number(f64::from(self.day), 0),
            self.kind,
            self.what
        )
    }
}

/// Puts events in day order, keeping the order of events on the same day.
pub(crate) fn in_day_order(mut events: Vec<Event>) -> Vec<Event> {
    events.sort_by_key(Event::day);
    events
}
