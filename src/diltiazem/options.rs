use super::{BeyondTolerance, Formulation, Frequency, Tolerance};

/// Options for a diltiazem plan: the formulation, the frequency and the
/// rounding tolerance. The common case is `Options::default()`
/// (immediate-release tablets, 3 times daily, 10 %).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Frequency, Patient, Tolerance};
///
/// let options = diltiazem::Options::new(diltiazem::Formulation::OralSuspension)
///     .frequency(Frequency::FourTimesDaily)
///     .tolerance(Tolerance::from_percent(5.0)?);
/// let child = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(2.0)?;
/// // The plan says which options it used.
/// let plan = diltiazem::plan(&child, rate, &options)?;
/// assert_eq!(plan.schedule().frequency(), Frequency::FourTimesDaily);
/// assert_eq!(plan.rounding().tolerance().percent(), 5.0);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Options {
    pub(super) formulation: Formulation,
    pub(super) frequency: Option<Frequency>,
    pub(super) tolerance: Tolerance,
    pub(super) beyond_tolerance: BeyondTolerance,
}

impl Options {
    /// Options for a formulation, with its default frequency and a 10 %
    /// tolerance.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::diltiazem::{self, Formulation, Options};
    /// use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Frequency, Patient};
    ///
    /// let options = Options::new(Formulation::ExtendedReleaseCd);
    /// let adult = Patient::new(BodyWeight::from_kg(80.0)?, Age::from_years(50.0)?);
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// let plan = diltiazem::plan(&adult, rate, &options)?;
    /// assert_eq!(plan.schedule().frequency(), Frequency::OnceDaily);
    /// assert_eq!(plan.rounding().tolerance().percent(), 10.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(formulation: Formulation) -> Self {
        Self {
            formulation,
            frequency: None,
            tolerance: Tolerance::DEFAULT,
            beyond_tolerance: BeyondTolerance::RoundDownOnly,
        }
    }

    /// The frequency (checked against the formulation when planning).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Error, Frequency, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// let options = diltiazem::Options::default().frequency(Frequency::FourTimesDaily);
    /// let plan = diltiazem::plan(&patient, rate, &options)?;
    /// assert_eq!(plan.administrations().len(), 4);
    /// // Extended release is once daily only: planning refuses twice daily.
    /// let options = diltiazem::Options::new(diltiazem::Formulation::ExtendedReleaseCd)
    ///     .frequency(Frequency::TwiceDaily);
    /// assert!(matches!(diltiazem::plan(&patient, rate, &options), Err(Error::NotDocumented { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn frequency(mut self, frequency: Frequency) -> Self {
        self.frequency = Some(frequency);
        self
    }

    /// The rounding tolerance.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Error, Patient, Tolerance};
    ///
    /// // 76 kg at 3 mg/kg/day: 76 mg a dose; the 90 mg tablet is +18 %.
    /// let patient = Patient::new(BodyWeight::from_kg(76.0)?, Age::from_years(50.0)?);
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(plan.rounding().tolerance().percent(), 10.0);
    /// let strict = diltiazem::Options::default().tolerance(Tolerance::from_percent(5.0)?);
    /// assert_eq!(diltiazem::plan(&patient, rate, &strict)?.rounding().tolerance().percent(), 5.0);
    /// # Ok::<(), Error>(())
    /// ```
    #[must_use]
    pub const fn tolerance(mut self, tolerance: Tolerance) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// What may happen to a dose that no measurable amount reaches within
    /// the tolerance: by default only rounding **down** inside the
    /// documented range is accepted; [`BeyondTolerance::AllowRoundUp`] also
    /// accepts rounding up inside the range. Either way the plan carries
    /// the rounding alert and records the acceptance.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Age, BeyondTolerance, BodyWeight, DailyDosePerKg, Patient};
    ///
    /// // 40 kg at 1 mg/kg/day: 13.3 mg a dose; the smallest tablet, 30 mg, is +125 %.
    /// let patient = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(30.0)?);
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(1.0)?;
    /// assert!(diltiazem::plan(&patient, rate, &diltiazem::Options::default()).is_err());
    /// let up = diltiazem::Options::default().beyond_tolerance(BeyondTolerance::AllowRoundUp);
    /// let plan = diltiazem::plan(&patient, rate, &up)?;
    /// assert_eq!(plan.rounding().rounded().to_string(), "30 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # References
    ///
    /// The 10 % rule: clinical reference, section 5 ([`crate::sources::ROUNDING_RULE`]).
    #[must_use]
    pub const fn beyond_tolerance(mut self, beyond: BeyondTolerance) -> Self {
        self.beyond_tolerance = beyond;
        self
    }

    /// The formulation these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_formulation(&self) -> Formulation {
        self.formulation
    }

    /// The frequency these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) fn get_frequency(&self) -> Frequency {
        self.frequency.unwrap_or(match self.formulation {
            Formulation::ExtendedReleaseCd | Formulation::ExtendedReleaseTiazac => {
                Frequency::OnceDaily
            }
            Formulation::ImmediateRelease | Formulation::OralSuspension => {
                Frequency::ThreeTimesDaily
            }
        })
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

    /// The beyond tolerance these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_beyond_tolerance(&self) -> BeyondTolerance {
        self.beyond_tolerance
    }
}
