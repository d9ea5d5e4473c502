use super::{
    ADULT_STEP_INTERVAL, ADULT_STEP_MG_PER_DAY, DailyDose, Frequency, Interval, Tolerance, fmt,
};
use crate::overrides::Override;

/// What the start dose is computed from.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::Basis;
///
/// assert_eq!(Basis::default(), Basis::BodyWeight);
/// assert_eq!(Basis::BodySurfaceArea.to_string(), "body surface area");
/// ```
///
/// # References
///
/// [`sources::PROBENECID_LABEL`](crate::sources::PROBENECID_LABEL) (25 mg/kg or 0.7 g/m²),
/// [`sources::MOSTELLER_1987`](crate::sources::MOSTELLER_1987).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Basis {
    /// 25 mg/kg/day × body weight (the documented case).
    #[default]
    BodyWeight,
    /// 0.7 g/m² per day × the Mosteller body surface area; needs the
    /// patient's height. The child maintenance reference becomes
    /// 1.2 g/m²/day.
    BodySurfaceArea,
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::BodyWeight => "body weight",
            Self::BodySurfaceArea => "body surface area",
        })
    }
}

/// What to do with a step whose daily dose has fewer half-tablets than the
/// chosen number of administrations. No plan ever contains an
/// administration of zero.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::Division;
///
/// assert_eq!(Division::default(), Division::Exact);
/// ```
///
/// # References
///
/// [`sources::PROBENECID_LABEL`](crate::sources::PROBENECID_LABEL): a child's maintenance in 4 doses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Division {
    /// Every step in the chosen number of administrations; a step that has
    /// fewer half-tablets is an error naming the frequencies that would work.
    #[default]
    Exact,
    /// A step with fewer half-tablets than the chosen number of
    /// administrations is given one half-tablet per administration, in
    /// fewer administrations; the plan carries an alert naming those steps.
    FewerOnSmallSteps,
}

/// Options for a probenecid titration plan. The common case is
/// `Options::default()`: body-weight basis, the label's frequency for the
/// patient's schedule (4 times daily for a child, twice daily for an
/// adult), exact division, +500 mg/day every 4 weeks, 10 % rounding
/// tolerance.
///
/// The frequency is `None` until [`Options::frequency`] sets it: a
/// frequency the caller chose is used on either schedule, and `None` means
/// "the label's for the schedule" ([`LabelSchedule::frequency`](super::LabelSchedule::frequency)).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::{self, DailyAmount, Division, Options};
/// use calcinosis_dosing::Interval;
/// use calcinosis_dosing::{Age, BodyWeight, DailyDose, Frequency, Patient, Tolerance};
///
/// let options = Options::default()
///     .step(DailyDose::from_mg_per_day(250.0)?)
///     .interval(Interval::from_weeks(2.0)?)
///     .frequency(Frequency::ThreeTimesDaily)
///     .division(Division::FewerOnSmallSteps)
///     .tolerance(Tolerance::from_percent(15.0)?);
/// // The plan records the options it used.
/// let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
/// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &options)?;
/// assert_eq!(plan.step().mg_per_day(), 250.0);
/// assert_eq!(plan.interval().days(), 14);
/// assert_eq!(plan.frequency(), Frequency::ThreeTimesDaily);
/// // Without a frequency, the label's for the schedule: 4 doses for a child.
/// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
/// assert_eq!(plan.frequency(), Frequency::FourTimesDaily);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// Defaults: [`sources::PROBENECID_LABEL`](crate::sources::PROBENECID_LABEL) (adult titration; 4 doses a day
/// for a child, twice daily for an adult), [`sources::ROUNDING_RULE`](crate::sources::ROUNDING_RULE)
/// (10 %).
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub(super) basis: Basis,
    pub(super) frequency: Option<Frequency>,
    pub(super) division: Division,
    pub(super) step: DailyDose,
    pub(super) interval: Interval,
    pub(super) tolerance: Tolerance,
    pub(super) overrides: Vec<Override>,
}

impl Options {
    /// The default options.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, Basis, DailyAmount, Division, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// let options = Options::new();
    /// assert_eq!(options, Options::default());
    /// let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &options)?;
    /// assert_eq!((plan.basis(), plan.division()), (Basis::BodyWeight, Division::Exact));
    /// assert_eq!(plan.step().to_string(), "500 mg/day");
    /// assert_eq!(plan.interval(), probenecid::ADULT_STEP_INTERVAL);
    /// assert_eq!(plan.interval().to_string(), "every 4 weeks");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            basis: Basis::BodyWeight,
            frequency: None,
            division: Division::Exact,
            step: DailyDose::derived(ADULT_STEP_MG_PER_DAY),
            interval: ADULT_STEP_INTERVAL,
            tolerance: Tolerance::DEFAULT,
            overrides: Vec::new(),
        }
    }

    /// The basis of the start dose.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, Basis, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Height, Patient};
    /// let options = Options::new()
    ///     .basis(Basis::BodySurfaceArea)
    ///     .division(probenecid::Division::FewerOnSmallSteps);
    /// let child = Patient::new(BodyWeight::from_kg(30.0)?, Age::from_years(9.0)?)
    ///     .with_height(Height::from_cm(140.0)?);
    /// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE_BSA, &options)?;
    /// assert_eq!(plan.basis(), Basis::BodySurfaceArea);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn basis(mut self, basis: Basis) -> Self {
        self.basis = basis;
        self
    }

    /// The number of administrations per day, on either schedule. Without
    /// it the plan uses the label's for the patient's schedule: 4 times
    /// daily for a child, twice daily for an adult.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Frequency, Patient};
    /// let options = Options::new().frequency(Frequency::ThreeTimesDaily);
    /// let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &options)?;
    /// assert_eq!(plan.frequency(), Frequency::ThreeTimesDaily);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn frequency(mut self, frequency: Frequency) -> Self {
        self.frequency = Some(frequency);
        self
    }

    /// What to do with a step that has fewer half-tablets than
    /// administrations.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Division, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// let options = Options::new().division(Division::FewerOnSmallSteps);
    /// let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &options)?;
    /// assert_eq!(plan.division(), Division::FewerOnSmallSteps);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn division(mut self, division: Division) -> Self {
        self.division = division;
        self
    }

    /// The increase per step (checked when planning: a whole number of
    /// half-tablets, 250 mg/day each).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, DailyDose, Error, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// let options = Options::new().step(DailyDose::from_mg_per_day(250.0)?);
    /// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &options)?;
    /// assert_eq!(plan.step().to_string(), "250 mg/day");
    /// // 300 mg/day is not a whole number of half-tablets: refused when planning.
    /// let odd = Options::new().step(DailyDose::from_mg_per_day(300.0)?);
    /// let err = probenecid::plan(&child, DailyAmount::CASE_REACHED, &odd).unwrap_err();
    /// assert!(matches!(err, Error::Invalid { field: "step size", .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn step(mut self, step: DailyDose) -> Self {
        self.step = step;
        self
    }

    /// The time between steps.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::Interval;
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// let options = Options::new().interval(Interval::from_weeks(2.0)?);
    /// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &options)?;
    /// let days: Vec<u32> = plan.steps().iter().map(|s| s.day()).collect();
    /// assert_eq!(days, [0, 14]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn interval(mut self, interval: Interval) -> Self {
        self.interval = interval;
        self
    }

    /// The rounding tolerance for the start and the target.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, Patient, Tolerance};
    /// // 25 mg/kg/day for 16 kg is 400 mg/day; the nearest, 500 mg/day, is +25 %.
    /// let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// let err = probenecid::plan(&girl, DailyAmount::CASE_REACHED, &Options::new()).unwrap_err();
    /// assert!(matches!(err, Error::NotMeasurable { .. }));
    /// let wide = Options::new()
    ///     .tolerance(Tolerance::from_percent(25.0)?)
    ///     .division(probenecid::Division::FewerOnSmallSteps);
    /// let plan = probenecid::plan(&girl, DailyAmount::CASE_REACHED, &wide)?;
    /// assert_eq!(plan.tolerance().to_string(), "25 %");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn tolerance(mut self, tolerance: Tolerance) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Overrides a hard limit of the plan (by its id) with a reason the
    /// plan records: for a child, [`CHILD_MAX_DAILY_ID`](super::CHILD_MAX_DAILY_ID) (the 1,250 mg/day
    /// the documented case reached) or [`CHILD_MAX_PER_KG_ID`](super::CHILD_MAX_PER_KG_ID) (about
    /// 80 mg/kg/day, that case's exposure). An override of a limit the plan
    /// does not check is an error when planning.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::probenecid::{self, DailyAmount, Division, Options, CHILD_MAX_PER_KG_ID};
    /// use calcinosis_dosing::{Age, BodyWeight, DailyDose, Error, Override, Patient, Tolerance};
    ///
    /// // 1,500 mg/day for 12 kg is 125 mg/kg/day: refused.
    /// let child = Patient::new(BodyWeight::from_kg(12.0)?, Age::from_years(3.0)?);
    /// let target = DailyAmount::Daily(DailyDose::from_mg_per_day(1500.0)?);
    /// let options = Options::new()
    ///     .division(Division::FewerOnSmallSteps)
    ///     .tolerance(Tolerance::from_percent(20.0)?);
    /// let err = probenecid::plan(&child, target, &options).unwrap_err();
    /// assert!(matches!(err, Error::HardLimit { .. }));
    /// let granted = Override::new(CHILD_MAX_PER_KG_ID, "documented intolerance of the alternatives")?;
    /// let also = Override::new(probenecid::CHILD_MAX_DAILY_ID, "as above")?;
    /// let plan = probenecid::plan(&child, target, &options.with_override(granted).with_override(also))?;
    /// assert_eq!(plan.reached().mg_per_day(), 1500.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_override(mut self, granted: Override) -> Self {
        self.overrides.push(granted);
        self
    }

    /// The overrides these options carry.
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) fn get_overrides(&self) -> &[Override] {
        &self.overrides
    }

    /// The basis these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_basis(&self) -> Basis {
        self.basis
    }

    /// The frequency these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_frequency(&self) -> Option<Frequency> {
        self.frequency
    }

    /// The division these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_division(&self) -> Division {
        self.division
    }

    /// The step these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_step(&self) -> DailyDose {
        self.step
    }

    /// The interval these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_interval(&self) -> Interval {
        self.interval
    }

    /// The tolerance these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_tolerance(&self) -> Tolerance {
        self.tolerance
    }
}

impl Default for Options {
    fn default() -> Self {
        Self::new()
    }
}
