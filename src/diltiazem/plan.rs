//! The diltiazem plan: what to give, the documented range, the rounding,
//! the limits checked, the alerts and the references.

use std::fmt;

use crate::alert::Alert;
use crate::citation::Citation;
use crate::dose::{DailyDose, DailyDosePerKg};
use crate::limit::CheckedLimit;
use crate::patient::BodyWeight;
use crate::plan::{Administration, DailySchedule, capitalise, write_limits_alerts_and_citations};
use crate::rounding::Rounding;

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
pub struct Plan {
    pub(super) drug: &'static str,
    pub(super) product: String,
    pub(super) weight: BodyWeight,
    pub(super) ordered: DailyDosePerKg,
    pub(super) weight_based_daily: DailyDose,
    pub(super) documented_range: (DailyDose, DailyDose),
    pub(super) calculated_daily: DailyDose,
    pub(super) schedule: DailySchedule,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::dose::achieved"))]
    pub(super) achieved: DailyDosePerKg,
    pub(super) rounding: Rounding,
    pub(super) limits: Vec<CheckedLimit>,
    pub(super) alerts: Vec<Alert>,
    pub(super) citations: Vec<Citation>,
}

impl Plan {
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

impl fmt::Display for Plan {
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
