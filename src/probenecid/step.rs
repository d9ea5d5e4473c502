use super::{
    Administration, DailyDose, DailyDosePerKg, DailySchedule, fmt, number, signed_percent,
};

/// One titration step: from which day, the daily dose (calculated and
/// measurable), and the day's administrations.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
/// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
/// let first = &plan.steps()[0];
/// assert_eq!(first.day(), 0);
/// assert_eq!(first.daily().mg_per_day(), 1000.0);
/// assert_eq!(first.to_string(),
///     "Day 0: 1,000 mg/day (25 mg/kg/day): 250 mg (0.5 tablet of 500 mg) 4 times daily; total 1,000 mg/day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Step {
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::days"))]
    pub(super) day: u32,
    pub(super) calculated: DailyDose,
    pub(super) daily: DailyDose,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::percent"))]
    pub(super) deviation_percent: f64,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::dose::achieved"))]
    pub(super) achieved: DailyDosePerKg,
    pub(super) schedule: DailySchedule,
}

impl Step {
    /// The day this step starts, counted from the start of treatment (0).
    ///
    /// See [`Step`] for an example of reading a plan.
    #[must_use]
    pub const fn day(&self) -> u32 {
        self.day
    }

    /// The daily dose before rounding: for the start, weight × rate on the
    /// child schedule or the label's 500 mg/day on the adult schedule; for
    /// the last step, the caller's target; in between, the step's own
    /// measurable dose (the previous step plus the step size, or the adult
    /// label's 1,000 mg/day on day 7).
    ///
    /// See [`Step`] for an example of reading a plan.
    #[must_use]
    pub const fn calculated(&self) -> DailyDose {
        self.calculated
    }

    /// The measurable daily dose given (the sum of the administrations).
    ///
    /// See [`Step`] for an example of reading a plan.
    #[must_use]
    pub const fn daily(&self) -> DailyDose {
        self.daily
    }

    /// (daily − calculated) / calculated, in percent.
    ///
    /// See [`Step`] for an example of reading a plan.
    #[must_use]
    pub const fn deviation_percent(&self) -> f64 {
        self.deviation_percent
    }

    /// The rate by body weight the daily dose amounts to.
    ///
    /// See [`Step`] for an example of reading a plan.
    #[must_use]
    pub const fn achieved(&self) -> DailyDosePerKg {
        self.achieved
    }

    /// The day's administrations.
    ///
    /// See [`Step`] for an example of reading a plan.
    #[must_use]
    pub const fn schedule(&self) -> &DailySchedule {
        &self.schedule
    }

    /// The day's administrations, in order.
    ///
    /// See [`Step`] for an example of reading a plan.
    #[must_use]
    pub fn administrations(&self) -> &[Administration] {
        self.schedule.administrations()
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Day {}: {} (",
            number(f64::from(self.day), 0),
            self.daily
        )?;
        // Exactly zero when the step is the calculated dose (decided exactly).
        if self.deviation_percent.abs() > 0.0 {
            write!(
                f,
                "calculated {}, {}; ",
                self.calculated,
                signed_percent(self.deviation_percent / 100.0)
            )?;
        }
        write!(f, "{}): {}", self.achieved, self.schedule)
    }
}
