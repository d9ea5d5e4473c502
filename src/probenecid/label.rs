use super::{
    ADULT_FREQUENCY, CHILD_AGE_LIMIT_YEARS, CHILD_FREQUENCY, Frequency, Patient, fmt,
    over_child_weight,
};

/// Which of the label's schedules a plan follows.
///
/// The child schedule is for a patient from 2 years to under 15 years of
/// age who weighs up to 50 kg; everyone else (over 50 kg, or 15 years or
/// older) is on the adult schedule. Reading the label's "2–14 years" as
/// under 15 years is this crate's interpretation
/// ([`CHILD_AGE_LIMIT_YEARS`]).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::LabelSchedule;
/// use calcinosis_dosing::{Age, BodyWeight, Frequency, Patient};
///
/// let at = |kg: f64, years: f64| -> Result<LabelSchedule, calcinosis_dosing::Error> {
///     Ok(LabelSchedule::for_patient(&Patient::new(BodyWeight::from_kg(kg)?, Age::from_years(years)?)))
/// };
/// assert_eq!(at(45.0, 14.5)?, LabelSchedule::Child);
/// assert_eq!(at(50.0, 12.0)?, LabelSchedule::Child);
/// assert_eq!(at(50.01, 12.0)?, LabelSchedule::Adult);
/// assert_eq!(at(45.0, 15.0)?, LabelSchedule::Adult);
/// assert_eq!(LabelSchedule::Adult.frequency(), Frequency::TwiceDaily);
/// assert_eq!(LabelSchedule::Child.to_string(), "child schedule");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::PROBENECID_LABEL`](crate::sources::PROBENECID_LABEL): 2–14 years and up to 50 kg for the child
/// doses; over 50 kg, adult dosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LabelSchedule {
    /// 2 years to under 15 years of age, and up to 50 kg: 25 mg/kg/day
    /// first, at most 500 mg per administration, 4 doses a day.
    Child,
    /// Over 50 kg, or 15 years of age or older: 250 mg twice daily for
    /// 1 week, then 500 mg twice daily, then increased.
    Adult,
}

impl LabelSchedule {
    /// The schedule for this patient (the age is not checked here: under
    /// 2 years, [`plan`](fn@super::plan) refuses the patient).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::LabelSchedule;
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(LabelSchedule::for_patient(&girl), LabelSchedule::Child);
    /// // Over 50 kg is adult dosing, whatever the age.
    /// let heavy = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(12.0)?);
    /// assert_eq!(LabelSchedule::for_patient(&heavy), LabelSchedule::Adult);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn for_patient(patient: &Patient) -> Self {
        let under_age_limit = patient.age().is_under(CHILD_AGE_LIMIT_YEARS);
        if under_age_limit && !over_child_weight(patient.weight()) {
            Self::Child
        } else {
            Self::Adult
        }
    }

    /// The section of the label this schedule comes from: the child dosing
    /// of the penicillin-therapy section, or the titration of the gout
    /// section. Calcinosis cutis is in neither: every use is off-label.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::probenecid::LabelSchedule;
    ///
    /// assert!(LabelSchedule::Child.label_section().contains("penicillin"));
    /// assert!(LabelSchedule::Adult.label_section().contains("gout"));
    /// ```
    ///
    /// # References
    ///
    /// [`sources::PROBENECID_LABEL`](crate::sources::PROBENECID_LABEL).
    #[must_use]
    pub const fn label_section(self) -> &'static str {
        match self {
            Self::Child => {
                "the label's dosage for children 2 to 14 years, in its section on probenecid \
                 with penicillin therapy"
            }
            Self::Adult => {
                "the label's titration for gout (+500 mg every 4 weeks, not above 2 g/day), \
                 in its section on gout"
            }
        }
    }

    /// The label's number of doses a day on this schedule, used when the
    /// caller chooses none: 4 for a child, 2 for an adult.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::LabelSchedule;
    /// # use calcinosis_dosing::Frequency;
    /// assert_eq!(LabelSchedule::Child.frequency(), Frequency::FourTimesDaily);
    /// assert_eq!(LabelSchedule::Adult.frequency(), Frequency::TwiceDaily);
    /// ```
    #[must_use]
    pub const fn frequency(self) -> Frequency {
        match self {
            Self::Child => CHILD_FREQUENCY,
            Self::Adult => ADULT_FREQUENCY,
        }
    }
}

impl fmt::Display for LabelSchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Child => "child schedule",
            Self::Adult => "adult schedule",
        })
    }
}
