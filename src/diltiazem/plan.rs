//! The diltiazem plan: what to give, the documented range, the rounding,
//! the limits checked, the alerts and the references.

use std::fmt;

use crate::alert::Alert;
use crate::citation::Citation;
use crate::clinical::Clinical;
use crate::derived::Derived;
use crate::dose::{DailyDose, DailyDosePerKg};
use crate::limit::CheckedLimit;
use crate::patient::{Age, BodyWeight};
use crate::plan::{Administration, DailySchedule, capitalise, write_limits_alerts_and_citations};
use crate::rounding::Rounding;

use super::dosing::{Order, SuspensionDose};
use super::{Formulation, Frequency};
use crate::exact::Scaled;
use crate::product::Product;
use crate::rounding::{Acceptance, Tolerance};

/// A plan for an oral, weight-based regimen (diltiazem).
///
/// It gives the ordered basis (mg/kg/day), the calculated daily dose, the
/// measurable schedule, the rounding record, the achieved rate, the alerts
/// and the citations. `Display` writes it the safe way.
///
/// Every decision is made when the plan is made, including which alerts
/// apply, and the plan keeps its decisions (no heap allocation). Its
/// figures, schedule, alerts, limits and citations are worked out from
/// them on the first read of any of them, then kept: a plan reads the
/// same, and compares equal, whether or not it was read before.
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
#[derive(Clone, PartialEq)]
pub struct Plan {
    pub(super) product: &'static Product,
    pub(super) weight: BodyWeight,
    pub(super) ordered: DailyDosePerKg,
    pub(super) clinical: &'static Clinical,
    /// The decisions: what every figure, the schedule, the limits and the
    /// references are written up from.
    pub(super) basis: Basis,
    /// The figures, the day's schedule, the limits checked, the alerts'
    /// words and the references: built from the decisions on first read
    /// (any accessor but the drug, product, weight, order and clinical
    /// content).
    pub(super) write_up: Derived<WriteUp>,
}

/// A plan's decisions, made exactly while planning: the formulation, how
/// often, the patient's age, the tolerance, the order over its
/// denominator, the count of steps chosen and its amount, why it was
/// accepted, whether the maximum limited the dose, whether the achieved
/// rate is outside the documented range, the oral suspension dose a dose
/// rounded beyond the tolerance names, and what to give. Which alerts the
/// plan carries follows from these alone.
#[derive(Debug, Clone)]
pub(super) struct Basis {
    pub(super) formulation: Formulation,
    pub(super) frequency: Frequency,
    pub(super) age: Age,
    pub(super) tolerance: Tolerance,
    pub(super) order: Order,
    pub(super) steps: u64,
    pub(super) dose: Scaled,
    pub(super) accepted: Acceptance,
    pub(super) limited: bool,
    pub(super) outside_range: bool,
    pub(super) suspension: Option<SuspensionDose>,
}

/// Equal decisions, and an age written alike: a child's alerts state the
/// age as it was written, so a plan for 48 months is not a plan for
/// 4 years, though the ages are equal.
impl PartialEq for Basis {
    fn eq(&self, other: &Self) -> bool {
        let Self {
            formulation,
            frequency,
            age,
            tolerance,
            order,
            steps,
            dose,
            accepted,
            limited,
            outside_range,
            suspension,
        } = self;
        *formulation == other.formulation
            && *frequency == other.frequency
            && age.as_written() == other.age.as_written()
            && *tolerance == other.tolerance
            && *order == other.order
            && *steps == other.steps
            && *dose == other.dose
            && *accepted == other.accepted
            && *limited == other.limited
            && *outside_range == other.outside_range
            && *suspension == other.suspension
    }
}

/// The figures a plan states, worked out from its decisions: the same for
/// its alerts and for its accessors and text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Figures {
    pub(super) weight_based_daily: DailyDose,
    pub(super) documented_range: (DailyDose, DailyDose),
    pub(super) calculated_daily: DailyDose,
    pub(super) achieved: DailyDosePerKg,
    pub(super) rounding: Rounding,
}

/// A plan's figures, its measurable day, the limits it was checked
/// against, its alerts and its references.
#[derive(Debug, Clone)]
pub(super) struct WriteUp {
    pub(super) figures: Figures,
    pub(super) schedule: DailySchedule,
    pub(super) limits: crate::limit::Limits,
    pub(super) alerts: Vec<Alert>,
    pub(super) citations: crate::citation::Citations,
}

impl Plan {
    fn written_up(&self) -> &WriteUp {
        self.write_up.get_or_build(|| super::dosing::write_up(self))
    }

    fn figures(&self) -> &Figures {
        &self.written_up().figures
    }
}

#[allow(
    clippy::missing_fields_in_debug,
    reason = "the write-up is shown as the figures, schedule, limits and citations it holds"
)]
impl fmt::Debug for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Plan")
            .field("drug", &self.drug())
            .field("product", &self.product())
            .field("weight", &self.weight)
            .field("ordered", &self.ordered)
            .field("weight_based_daily", &self.weight_based_daily())
            .field("documented_range", &self.documented_range())
            .field("calculated_daily", &self.calculated_daily())
            .field("schedule", self.schedule())
            .field("achieved", &self.achieved())
            .field("rounding", self.rounding())
            .field("limits", &self.limits())
            .field("alerts", &self.alerts())
            .field("citations", &self.citations())
            .field("clinical", &self.clinical)
            .field("basis", &self.basis)
            .finish()
    }
}

/// JSON: the plan's fields in the order above, with its limits and
/// citations.
#[cfg(feature = "serde")]
impl serde::Serialize for Plan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Wire<'a> {
            drug: &'a str,
            product: &'a str,
            weight: BodyWeight,
            ordered: DailyDosePerKg,
            weight_based_daily: DailyDose,
            documented_range: (DailyDose, DailyDose),
            calculated_daily: DailyDose,
            schedule: &'a DailySchedule,
            #[serde(serialize_with = "crate::dose::achieved")]
            achieved: DailyDosePerKg,
            rounding: &'a Rounding,
            limits: &'a [CheckedLimit],
            alerts: &'a [Alert],
            citations: &'a [Citation],
            clinical: &'a Clinical,
        }
        Wire {
            drug: self.drug(),
            product: self.product(),
            weight: self.weight,
            ordered: self.ordered,
            weight_based_daily: self.weight_based_daily(),
            documented_range: self.documented_range(),
            calculated_daily: self.calculated_daily(),
            schedule: self.schedule(),
            achieved: self.achieved(),
            rounding: self.rounding(),
            limits: self.limits(),
            alerts: self.alerts(),
            citations: self.citations(),
            clinical: self.clinical,
        }
        .serialize(s)
    }
}

impl Plan {
    /// Every limit the plan was checked against: its id, value, unit, scope
    /// and source, the plan's value, and the outcome (within, limited to
    /// it, or crossed with an alert naming it).
    ///
    /// Written up from the plan's decisions on the first read of this or
    /// [`Plan::citations`] (one heap allocation), then kept: the same on
    /// every read.
    ///
    /// See [`crate::CheckedLimit`] for an example.
    #[must_use]
    pub fn limits(&self) -> &[CheckedLimit] {
        &self.written_up().limits
    }

    /// The drug.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn drug(&self) -> &'static str {
        "diltiazem"
    }

    /// The product the doses are measured with.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn product(&self) -> &str {
        self.product.name()
    }

    /// The weight the plan was made for.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn weight(&self) -> BodyWeight {
        self.weight
    }

    /// The ordered basis (the rate the prescriber chose).
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn ordered(&self) -> DailyDosePerKg {
        self.ordered
    }

    /// Weight × rate, before any maximum.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn weight_based_daily(&self) -> DailyDose {
        self.figures().weight_based_daily
    }

    /// The documented daily range for this weight, after any maximum.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn documented_range(&self) -> (DailyDose, DailyDose) {
        self.figures().documented_range
    }

    /// The daily dose before rounding (weight × rate, limited to the
    /// maximum).
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn calculated_daily(&self) -> DailyDose {
        self.figures().calculated_daily
    }

    /// The measurable day: every administration the same.
    ///
    /// Written up from the plan's decision (the dose, what to give and how
    /// often) on the first read of this, [`Plan::limits`] or
    /// [`Plan::citations`], then kept: the same on every read.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn schedule(&self) -> &DailySchedule {
        &self.written_up().schedule
    }

    /// The administrations of one day.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn administrations(&self) -> &[Administration] {
        self.schedule().administrations()
    }

    /// The rate the rounded schedule achieves.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn achieved(&self) -> DailyDosePerKg {
        self.figures().achieved
    }

    /// How the dose per administration was rounded.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn rounding(&self) -> &Rounding {
        &self.figures().rounding
    }

    /// Advisories; empty when none applies.
    ///
    /// Which alerts apply is decided while planning; their words and
    /// figures are written up from those decisions on the first read of
    /// this, the limits or the citations (with them), then kept.
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
        &self.written_up().alerts
    }

    /// Route, directions, cautions, evidence and follow-up.
    ///
    /// See [`Clinical`] for an example.
    #[must_use]
    pub const fn clinical(&self) -> &Clinical {
        self.clinical
    }

    /// The plan's events by day: the start, and the follow-up points the
    /// sources report. With the `dates` feature, [`Event::date`](crate::Event)
    /// turns each day into a calendar date.
    ///
    /// See [`Event`](crate::Event) for an example.
    #[must_use]
    pub fn events(&self) -> Vec<crate::Event> {
        let mut events = vec![crate::Event::new(
            0,
            crate::EventKind::Start,
            self.schedule().to_string(),
        )];
        events.extend(crate::Event::follow_up_days(self.clinical.follow_up()));
        crate::clinical::in_day_order(events)
    }

    /// The sources used: the regimen's, then those of every limit, alert
    /// and clinical item, each once. Written up with [`Plan::limits`].
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn citations(&self) -> &[Citation] {
        &self.written_up().citations
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (lo, hi) = self.documented_range();
        writeln!(f, "{}: {}", capitalise(self.drug()), self.product())?;
        write!(
            f,
            "Ordered: {} × {} = {}",
            self.ordered,
            self.weight,
            self.weight_based_daily()
        )?;
        if self.calculated_daily() < self.weight_based_daily() {
            write!(f, ", limited to {}", self.calculated_daily())?;
        }
        writeln!(f, " (documented range for this weight: {lo} to {hi})")?;
        writeln!(f, "Give: {}", self.schedule())?;
        writeln!(f, "Achieved: {}", self.achieved())?;
        writeln!(f, "Rounding: {} per dose", self.rounding())?;
        write!(f, "{}", self.clinical)?;
        write_limits_alerts_and_citations(f, self.limits(), self.alerts(), self.citations())
    }
}
