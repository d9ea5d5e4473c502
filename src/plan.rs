//! What a regimen returns: administrations, schedule, rounding, alerts and
//! citations, rendered as safe text by `Display`.

use std::fmt;

use smallvec::SmallVec;

use crate::alert::Alert;
use crate::citation::Citation;
use crate::dose::{DailyDose, Dose};
use crate::limit::CheckedLimit;
use crate::product::Give;

/// How many times a day a dose is given. Written out in full on plans
/// ("3 times daily"), never as a Latin abbreviation.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Frequency;
///
/// assert_eq!(Frequency::ThreeTimesDaily.times_per_day(), 3);
/// assert_eq!(Frequency::ThreeTimesDaily.to_string(), "3 times daily");
/// assert_eq!(Frequency::OnceDaily.to_string(), "once daily");
/// ```
///
/// # References
///
/// Clinical reference section 4: "daily", never "QD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Frequency {
    /// Once a day.
    OnceDaily,
    /// Twice a day.
    TwiceDaily,
    /// Three times a day.
    ThreeTimesDaily,
    /// Four times a day.
    FourTimesDaily,
}

impl Frequency {
    /// Administrations per day.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Frequency;
    ///
    /// assert_eq!(Frequency::OnceDaily.times_per_day(), 1);
    /// assert_eq!(Frequency::FourTimesDaily.times_per_day(), 4);
    /// ```
    #[must_use]
    pub const fn times_per_day(self) -> u64 {
        match self {
            Self::OnceDaily => 1,
            Self::TwiceDaily => 2,
            Self::ThreeTimesDaily => 3,
            Self::FourTimesDaily => 4,
        }
    }
}

impl Frequency {
    /// The frequency in words ("once daily", "3 times daily"), as plans
    /// and messages write it.
    pub(crate) const fn words(self) -> &'static str {
        match self {
            Self::OnceDaily => "once daily",
            Self::TwiceDaily => "twice daily",
            Self::ThreeTimesDaily => "3 times daily",
            Self::FourTimesDaily => "4 times daily",
        }
    }
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

/// One administration: the dose, and what to give to deliver it.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Patient, diltiazem};
///
/// let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
/// let a = &plan.administrations()[0];
/// assert_eq!(a.to_string(), "60 mg (1 tablet of 60 mg)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Administration {
    dose: Dose,
    give: Give,
}

impl Administration {
    pub(crate) const fn new(dose: Dose, give: Give) -> Self {
        Self { dose, give }
    }

    /// The dose delivered.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 70 kg at 3 mg/kg/day: 210 mg/day, 70 mg a dose, 60 mg tablets 3 times daily.
    /// assert_eq!(plan.administrations()[0].dose().to_string(), "60 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn dose(&self) -> Dose {
        self.dose
    }

    /// What to give.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 70 kg at 3 mg/kg/day: 210 mg/day, 70 mg a dose, 60 mg tablets 3 times daily.
    /// assert_eq!(plan.administrations()[0].give().to_string(), "1 tablet of 60 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn give(&self) -> &Give {
        &self.give
    }
}

impl fmt::Display for Administration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.dose, self.give)
    }
}

/// A day's administrations, their frequency and their total.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Frequency, Patient, diltiazem};
///
/// let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
/// let day = plan.schedule();
/// assert_eq!(day.frequency(), Frequency::ThreeTimesDaily);
/// assert_eq!(day.total().mg_per_day(), 180.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DailySchedule {
    frequency: Frequency,
    /// Inline: at most four administrations a day, so no heap allocation.
    administrations: SmallVec<[Administration; 4]>,
    total: DailyDose,
}

impl DailySchedule {
    pub(crate) fn new(
        frequency: Frequency,
        administrations: impl IntoIterator<Item = Administration>,
    ) -> Self {
        let administrations: SmallVec<[Administration; 4]> = administrations.into_iter().collect();
        let total = DailyDose::derived(administrations.iter().map(|a| a.dose().mg()).sum());
        Self {
            frequency,
            administrations,
            total,
        }
    }

    /// How often a day.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient, Frequency};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(plan.schedule().frequency(), Frequency::ThreeTimesDaily);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// The administrations, in the order of the day.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 70 kg at 3 mg/kg/day: 210 mg/day, 70 mg a dose, 60 mg tablets 3 times daily.
    /// let day = plan.schedule().administrations();
    /// assert_eq!(day.len(), 3);
    /// assert!(day.iter().all(|a| a.dose().mg() == 60.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn administrations(&self) -> &[Administration] {
        &self.administrations
    }

    /// The sum of the administrations.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 70 kg at 3 mg/kg/day: 210 mg/day, 70 mg a dose, 60 mg tablets 3 times daily.
    /// assert_eq!(plan.schedule().total().to_string(), "180 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total(&self) -> DailyDose {
        self.total
    }
}

impl fmt::Display for DailySchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let all_same = self
            .administrations
            .windows(2)
            .all(|w| matches!(w, [a, b] if a == b));
        match self.administrations.first() {
            Some(first) if all_same => write!(f, "{first} {}", self.frequency)?,
            _ => {
                write!(f, "{}: ", self.frequency)?;
                for (i, a) in self.administrations.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", then ")?;
                    }
                    write!(f, "{a}")?;
                }
            }
        }
        write!(f, "; total {}", self.total)
    }
}

/// The closing sections of every plan's text: the limits checked, the
/// alerts and the references, each line rendered from the plan's data.
pub(crate) fn write_limits_alerts_and_citations(
    f: &mut fmt::Formatter<'_>,
    limits: &[CheckedLimit],
    alerts: &[Alert],
    citations: &[Citation],
) -> fmt::Result {
    if !limits.is_empty() {
        writeln!(f, "Limits checked:")?;
        for limit in limits {
            writeln!(f, "  - {limit}")?;
        }
    }
    if alerts.is_empty() {
        writeln!(f, "Alerts: none")?;
    } else {
        writeln!(f, "Alerts:")?;
        for alert in alerts {
            writeln!(f, "  - {alert}")?;
        }
    }
    writeln!(f, "References:")?;
    for c in citations {
        writeln!(f, "  - [{}] {c}", c.key())?;
    }
    Ok(())
}

/// Completes a plan's references: after those it lists, the source of
/// every limit it checked and every alert it carries, then those of its
/// clinical content, each once.
pub(crate) fn complete_citations(
    citations: &mut crate::citation::Citations,
    limits: &[CheckedLimit],
    alerts: &[Alert],
    clinical: &crate::clinical::Clinical,
) {
    for source in limits
        .iter()
        .map(|c| c.limit().source())
        .chain(alerts.iter().map(Alert::source))
    {
        crate::citation::push_unique(citations, source);
    }
    clinical.cite_into(citations);
}

/// "diltiazem" → "Diltiazem".
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
