//! What a regimen returns: administrations, schedule, rounding, alerts and
//! citations, rendered as safe text by `Display`.

use std::fmt;

use crate::alert::Alert;
use crate::citation::Citation;
use crate::dose::{DailyDose, DailyDosePerKg, Dose};
use crate::limit::CheckedLimit;
use crate::patient::BodyWeight;
use crate::product::Give;
use crate::rounding::Rounding;

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

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OnceDaily => f.write_str("once daily"),
            Self::TwiceDaily => f.write_str("twice daily"),
            other => write!(f, "{} times daily", other.times_per_day()),
        }
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
    administrations: Vec<Administration>,
    total: DailyDose,
}

impl DailySchedule {
    pub(crate) fn new(frequency: Frequency, administrations: Vec<Administration>) -> Self {
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

/// A plan for an oral, weight-based regimen (diltiazem).
///
/// It keeps the ordered basis (mg/kg/day), the calculated daily dose, the
/// measurable schedule, the rounding record, the achieved rate, the alerts
/// and the citations. `Display` writes it the safe way.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Patient, diltiazem};
///
/// let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
/// assert_eq!(plan.calculated_daily().mg_per_day(), 210.0);
/// assert_eq!(plan.schedule().total().mg_per_day(), 180.0);
/// assert!(plan.to_string().contains("60 mg (1 tablet of 60 mg) 3 times daily"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OralPlan {
    pub(crate) drug: &'static str,
    pub(crate) product: String,
    pub(crate) weight: BodyWeight,
    pub(crate) ordered: DailyDosePerKg,
    pub(crate) weight_based_daily: DailyDose,
    pub(crate) documented_range: (DailyDose, DailyDose),
    pub(crate) calculated_daily: DailyDose,
    pub(crate) schedule: DailySchedule,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::dose::achieved"))]
    pub(crate) achieved: DailyDosePerKg,
    pub(crate) rounding: Rounding,
    pub(crate) limits: Vec<CheckedLimit>,
    pub(crate) alerts: Vec<Alert>,
    pub(crate) citations: Vec<Citation>,
}

impl OralPlan {
    /// Every limit the plan was checked against: its id, value, unit, scope
    /// and source, the plan's value, and the outcome (within, limited to
    /// it, or crossed with an alert naming it).
    ///
    /// See [`crate::CheckedLimit`] for an example.
    #[must_use]
    pub fn limits(&self) -> &[CheckedLimit] {
        &self.limits
    }

    /// The drug.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(plan.drug(), "diltiazem");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn drug(&self) -> &'static str {
        self.drug
    }

    /// The product the doses are measured with.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(plan.product(), "diltiazem immediate-release tablets");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product(&self) -> &str {
        &self.product
    }

    /// The weight the plan was made for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(plan.weight().to_string(), "70 kg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn weight(&self) -> BodyWeight {
        self.weight
    }

    /// The ordered basis (the rate the prescriber chose).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(plan.ordered().to_string(), "3 mg/kg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn ordered(&self) -> DailyDosePerKg {
        self.ordered
    }

    /// Weight × rate, before any maximum.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(150.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 3 mg/kg/day × 150 kg, before the 360 mg/day immediate-release maximum.
    /// assert_eq!(plan.weight_based_daily().to_string(), "450 mg/day");
    /// assert_eq!(plan.calculated_daily().to_string(), "360 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn weight_based_daily(&self) -> DailyDose {
        self.weight_based_daily
    }

    /// The documented daily range for this weight, after any maximum.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 1–3 mg/kg/day for 70 kg.
    /// let (low, high) = plan.documented_range();
    /// assert_eq!((low.mg_per_day(), high.mg_per_day()), (70.0, 210.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn documented_range(&self) -> (DailyDose, DailyDose) {
        self.documented_range
    }

    /// The daily dose before rounding (weight × rate, limited to the
    /// maximum).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 3 mg/kg/day × 70 kg, under the 360 mg/day maximum.
    /// assert_eq!(plan.calculated_daily().mg_per_day(), 210.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn calculated_daily(&self) -> DailyDose {
        self.calculated_daily
    }

    /// The measurable day.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(
    ///     plan.schedule().to_string(),
    ///     "60 mg (1 tablet of 60 mg) 3 times daily; total 180 mg/day",
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn schedule(&self) -> &DailySchedule {
        &self.schedule
    }

    /// The administrations of one day.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(plan.administrations().len(), 3);
    /// assert_eq!(plan.administrations()[2].to_string(), "60 mg (1 tablet of 60 mg)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn administrations(&self) -> &[Administration] {
        self.schedule.administrations()
    }

    /// The rate the rounded schedule achieves.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 180 mg/day for 70 kg, inside the documented 1–3 mg/kg/day.
    /// assert_eq!(plan.achieved().to_string(), "2.57 mg/kg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn achieved(&self) -> DailyDosePerKg {
        self.achieved
    }

    /// How the dose per administration was rounded.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient, Acceptance};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // 70 mg a dose rounded to 60 mg: -14.3 %, beyond the 10 % tolerance, but
    /// // accepted because 2.57 mg/kg/day is inside the documented range.
    /// assert_eq!(plan.rounding().accepted(), Acceptance::WithinDocumentedRange);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rounding(&self) -> &Rounding {
        &self.rounding
    }

    /// Advisories; empty when none applies.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Age, AlertKind, BodyWeight, DailyDosePerKg, Patient};
    ///
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// let adult = |kg| Patient::new(BodyWeight::from_kg(kg).unwrap(), Age::from_years(50.0).unwrap());
    /// // 60 kg: 60 mg 3 times daily, exactly as ordered.
    /// assert!(diltiazem::plan(&adult(60.0), rate, &Default::default())?.alerts().is_empty());
    /// // 150 kg: 450 mg/day, limited to 360 mg/day.
    /// let plan = diltiazem::plan(&adult(150.0), rate, &Default::default())?;
    /// assert_eq!(plan.alerts()[0].kind(), AlertKind::LimitedByMaximum);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn alerts(&self) -> &[Alert] {
        &self.alerts
    }

    /// The sources used.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient, sources};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(
    ///     plan.citations(),
    ///     [sources::REGIONALDERM, sources::DILTIAZEM_LABEL, sources::PALMIERI_1995],
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn citations(&self) -> &[Citation] {
        &self.citations
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
        writeln!(f, "  - {c}")?;
    }
    Ok(())
}

impl fmt::Display for OralPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (lo, hi) = self.documented_range;
        writeln!(f, "{}: {}", capitalise(self.drug), self.product)?;
        write!(
            f,
            "Ordered: {} × {} = {}",
            self.ordered, self.weight, self.weight_based_daily
        )?;
        if self.calculated_daily < self.weight_based_daily {
            write!(f, ", limited to {}", self.calculated_daily)?;
        }
        writeln!(f, " (documented range for this weight: {lo} to {hi})")?;
        writeln!(f, "Give: {}", self.schedule)?;
        writeln!(f, "Achieved: {}", self.achieved)?;
        writeln!(f, "Rounding: {} per dose", self.rounding)?;
        write_limits_alerts_and_citations(f, &self.limits, &self.alerts, &self.citations)
    }
}

/// "diltiazem" → "Diltiazem".
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
