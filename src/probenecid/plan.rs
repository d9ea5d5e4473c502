use super::{
    ADULT_FIRST_WEEK, ADULT_FIRST_WEEK_DAYS, ADULT_FIRST_WEEK_MG_PER_DOSE, ADULT_FREQUENCY,
    ADULT_MG_PER_DOSE, Alert, Basis, BodySurfaceArea, BodyWeight, CHILD_AGE_LIMIT_YEARS,
    CHILD_MAX_WEIGHT_KG, CheckedLimit, Citation, DRUG, DailyAmount, DailyDose, DailySchedule,
    Division, Dose, Error, Frequency, Interval, LabelSchedule, MIN_AGE_YEARS, Patient, Product,
    Step, Tolerance, capitalise, fmt, number, write_limits_alerts_and_citations,
};
use super::{decisions::Decisions, write_up::WriteUp};
use crate::derived::Derived;

/// A probenecid titration plan: ordered steps from the start dose to the
/// target, with the options used, alerts and citations. `Display` writes it
/// the safe way.
///
/// Every decision is made when the plan is made: the rounded start and
/// target, each step's day, half-tablets and number of administrations,
/// every limit that refuses the plan, and which alerts it carries. The
/// plan keeps those decisions; its steps, alerts, limits
/// and references are written up from them on the first read of any of
/// them, then kept: a plan reads the same, and compares equal, whether or
/// not it was read before. Two plans are equal when every field, step,
/// limit, alert and reference is.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
/// let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default())?;
/// assert_eq!(plan.start_calculated().mg_per_day(), 1000.0);
/// assert_eq!(plan.target_calculated().mg_per_day(), 1600.0);
/// assert_eq!(plan.reached().mg_per_day(), 1500.0);
/// assert!(plan.to_string().contains("Day 28: 1,500 mg/day (calculated 1,600 mg/day"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Plan {
    /// The 500 mg tablet, built once per process.
    pub(super) product: &'static Product,
    pub(super) weight: BodyWeight,
    pub(super) body_surface_area: Option<BodySurfaceArea>,
    pub(super) schedule: LabelSchedule,
    pub(super) basis: Basis,
    pub(super) start_ordered: DailyAmount,
    pub(super) start_calculated: DailyDose,
    pub(super) target_ordered: DailyAmount,
    pub(super) target_calculated: DailyDose,
    pub(super) step: DailyDose,
    pub(super) interval: Interval,
    pub(super) frequency: Frequency,
    pub(super) division: Division,
    pub(super) tolerance: Tolerance,
    pub(super) renal_function: Option<crate::patient::Egfr>,
    pub(super) clinical: &'static crate::clinical::Clinical,
    /// What the steps, alerts, limits and references are written up from.
    pub(super) decisions: Decisions,
    /// The steps, alerts, limits and references: built from the decisions
    /// on the first read of any of them.
    pub(super) write_up: Derived<WriteUp>,
}

impl Plan {
    /// The write-up, built on the first call.
    fn written_up(&self) -> &WriteUp {
        self.write_up
            .get_or_build(|| super::write_up::write_up(self))
    }
}

/// Field by field, the steps, limits, alerts and references read through
/// the write-up: what a plan shows is what it is compared on.
impl PartialEq for Plan {
    fn eq(&self, other: &Self) -> bool {
        self.product.name() == other.product.name()
            && self.weight == other.weight
            && self.body_surface_area == other.body_surface_area
            && self.schedule == other.schedule
            && self.basis == other.basis
            && self.start_ordered == other.start_ordered
            && self.start_calculated == other.start_calculated
            && self.target_ordered == other.target_ordered
            && self.target_calculated == other.target_calculated
            && self.step == other.step
            && self.interval == other.interval
            && self.frequency == other.frequency
            && self.division == other.division
            && self.tolerance == other.tolerance
            && self.steps() == other.steps()
            && self.limits() == other.limits()
            && self.alerts() == other.alerts()
            && self.citations() == other.citations()
            && self.renal_function == other.renal_function
            && self.clinical == other.clinical
    }
}

/// The fields in the order a plan has always shown them, its steps,
/// limits, alerts and references read through the write-up.
#[allow(
    clippy::missing_fields_in_debug,
    reason = "the decisions are shown as the steps, limits, alerts and references written from them"
)]
impl fmt::Debug for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Plan")
            .field("drug", &DRUG)
            .field("product", &self.product.name())
            .field("weight", &self.weight)
            .field("body_surface_area", &self.body_surface_area)
            .field("schedule", &self.schedule)
            .field("basis", &self.basis)
            .field("start_ordered", &self.start_ordered)
            .field("start_calculated", &self.start_calculated)
            .field("target_ordered", &self.target_ordered)
            .field("target_calculated", &self.target_calculated)
            .field("step", &self.step)
            .field("interval", &self.interval)
            .field("frequency", &self.frequency)
            .field("division", &self.division)
            .field("tolerance", &self.tolerance)
            .field("steps", &self.steps())
            .field("limits", &self.limits())
            .field("alerts", &self.alerts())
            .field("citations", &self.citations())
            .field("renal_function", &self.renal_function)
            .field("clinical", &self.clinical)
            .finish()
    }
}

/// JSON: the plan's fields in the order above, with its steps, limits,
/// alerts and references.
#[cfg(feature = "serde")]
impl serde::Serialize for Plan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Wire<'a> {
            drug: &'a str,
            product: &'a str,
            weight: BodyWeight,
            #[serde(skip_serializing_if = "Option::is_none")]
            body_surface_area: Option<BodySurfaceArea>,
            schedule: LabelSchedule,
            basis: Basis,
            start_ordered: DailyAmount,
            start_calculated: DailyDose,
            target_ordered: DailyAmount,
            target_calculated: DailyDose,
            step: DailyDose,
            interval: Interval,
            frequency: Frequency,
            division: Division,
            tolerance: Tolerance,
            steps: &'a [Step],
            limits: &'a [CheckedLimit],
            alerts: &'a [Alert],
            citations: &'a [Citation],
            #[serde(
                skip_serializing_if = "Option::is_none",
                serialize_with = "crate::patient::egfr_plan_form"
            )]
            renal_function: Option<crate::patient::Egfr>,
            clinical: &'a crate::clinical::Clinical,
        }
        Wire {
            drug: DRUG,
            product: self.product.name(),
            weight: self.weight,
            body_surface_area: self.body_surface_area,
            schedule: self.schedule,
            basis: self.basis,
            start_ordered: self.start_ordered,
            start_calculated: self.start_calculated,
            target_ordered: self.target_ordered,
            target_calculated: self.target_calculated,
            step: self.step,
            interval: self.interval,
            frequency: self.frequency,
            division: self.division,
            tolerance: self.tolerance,
            steps: self.steps(),
            limits: self.limits(),
            alerts: self.alerts(),
            citations: self.citations(),
            renal_function: self.renal_function,
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
    /// Written up from the plan's decisions on the first read of this,
    /// [`Plan::steps`], [`Plan::alerts`], [`Plan::limits`] or
    /// [`Plan::citations`] (or of its text, JSON or `Debug`), then kept:
    /// the same on every read.
    ///
    /// See [`crate::CheckedLimit`] for an example.
    #[must_use]
    pub fn limits(&self) -> &[CheckedLimit] {
        &self.written_up().limits
    }

    /// The drug, `"probenecid"`.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn drug(&self) -> &'static str {
        DRUG
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

    /// The Mosteller body surface area, when the patient's height was given.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn body_surface_area(&self) -> Option<BodySurfaceArea> {
        self.body_surface_area
    }

    /// The label's schedule the plan follows.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn schedule(&self) -> LabelSchedule {
        self.schedule
    }

    /// The basis of the start dose (on the adult schedule it changes no
    /// dose).
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn basis(&self) -> Basis {
        self.basis
    }

    /// The start: 25 mg/kg/day or 0.7 g/m²/day on the child schedule, the
    /// label's 500 mg/day on the adult schedule.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn start_ordered(&self) -> DailyAmount {
        self.start_ordered
    }

    /// The start daily dose before rounding.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn start_calculated(&self) -> DailyDose {
        self.start_calculated
    }

    /// The target as the caller gave it.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn target_ordered(&self) -> DailyAmount {
        self.target_ordered
    }

    /// The target daily dose before rounding.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn target_calculated(&self) -> DailyDose {
        self.target_calculated
    }

    /// The increase per step.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn step(&self) -> DailyDose {
        self.step
    }

    /// The time between steps.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn interval(&self) -> Interval {
        self.interval
    }

    /// The number of administrations per day the plan used: the caller's,
    /// or the label's for the schedule. A small step may be given in fewer
    /// ([`Division::FewerOnSmallSteps`]).
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// The division rule used for small steps.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn division(&self) -> Division {
        self.division
    }

    /// The rounding tolerance the start and target were rounded with.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// The steps, in order; the first is the start, the last the target.
    ///
    /// Written up from the plan's decisions on the first read of this,
    /// [`Plan::steps`], [`Plan::alerts`], [`Plan::limits`] or
    /// [`Plan::citations`] (or of its text, JSON or `Debug`), then kept:
    /// the same on every read.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn steps(&self) -> &[Step] {
        &self.written_up().steps
    }

    /// The measurable daily dose of the last step (the rounded target).
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn reached(&self) -> DailyDose {
        self.steps()
            .last()
            .map_or(self.target_calculated, Step::daily)
    }

    /// Advisories; empty when none applies. Which alerts a plan carries is
    /// decided when it is made; their messages are written up as its steps
    /// are.
    ///
    /// Written up from the plan's decisions on the first read of this,
    /// [`Plan::steps`], [`Plan::alerts`], [`Plan::limits`] or
    /// [`Plan::citations`] (or of its text, JSON or `Debug`), then kept:
    /// the same on every read.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn alerts(&self) -> &[Alert] {
        &self.written_up().alerts
    }

    /// The plan's events by day: each titration step, and the follow-up points the
    /// sources report. With the `dates` feature, [`Event::date`](crate::Event)
    /// turns each day into a calendar date.
    ///
    /// See [`Event`](crate::Event) for an example.
    #[must_use]
    pub fn events(&self) -> Vec<crate::Event> {
        let mut events: Vec<crate::Event> = self
            .steps()
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let kind = if i == 0 {
                    crate::EventKind::Start
                } else {
                    crate::EventKind::TitrationStep
                };
                crate::Event::new(step.day(), kind, step.schedule().to_string())
            })
            .collect();
        events.extend(crate::Event::follow_up_days(self.clinical.follow_up()));
        crate::clinical::in_day_order(events)
    }

    /// Route, directions, cautions, evidence and follow-up.
    ///
    /// See [`Clinical`](crate::Clinical) for an example.
    #[must_use]
    pub const fn clinical(&self) -> &crate::clinical::Clinical {
        self.clinical
    }

    /// The sources used: the regimen's, then those of every limit, alert
    /// and clinical item, each once.
    ///
    /// Written up from the plan's decisions on the first read of this,
    /// [`Plan::steps`], [`Plan::alerts`], [`Plan::limits`] or
    /// [`Plan::citations`] (or of its text, JSON or `Debug`), then kept:
    /// the same on every read.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn citations(&self) -> &[Citation] {
        &self.written_up().citations
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", capitalise(DRUG), self.product)?;
        writeln!(
            f,
            "Label: {}; calcinosis cutis is off-label",
            self.schedule.label_section()
        )?;
        match self.schedule {
            LabelSchedule::Child => writeln!(
                f,
                "Start: {}",
                self.start_ordered.describe(
                    self.weight,
                    self.body_surface_area,
                    self.start_calculated.mg_per_day()
                )
            )?,
            // Rendered from the plan's own first steps, so the text never
            // names a dose the schedule does not give.
            LabelSchedule::Adult => match self.steps() {
                [first, second, ..] => writeln!(
                    f,
                    "Start: {} from day {}, then {} from day {} (the label's adult schedule)",
                    start_text(first.schedule()),
                    day_number(first.day()),
                    start_text(second.schedule()),
                    day_number(second.day()),
                )?,
                [only] => writeln!(
                    f,
                    "Start: {} from day {} (the label's adult first week; the target is reached)",
                    start_text(only.schedule()),
                    day_number(only.day()),
                )?,
                [] => writeln!(f, "Start: {}", adult_start_text())?,
            },
        }
        writeln!(
            f,
            "Target: {}",
            self.target_ordered.describe(
                self.weight,
                self.body_surface_area,
                self.target_calculated.mg_per_day()
            )
        )?;
        let from = match self.schedule {
            LabelSchedule::Child => String::new(),
            LabelSchedule::Adult => format!(" from day {ADULT_FIRST_WEEK_DAYS}"),
        };
        writeln!(
            f,
            "Titration: +{} every {}{from}, {}; rounding tolerance {}",
            self.step,
            self.interval.length(),
            self.frequency,
            self.tolerance
        )?;
        for step in self.steps() {
            writeln!(f, "{step}")?;
        }
        if let Some(egfr) = self.renal_function {
            writeln!(f, "Renal function: eGFR {egfr}")?;
        }
        write!(f, "{}", self.clinical)?;
        write_limits_alerts_and_citations(f, self.limits(), self.alerts(), self.citations())
    }
}

/// The child schedule, for messages: "2 years to under 15 years, up to
/// 50 kg".
pub(super) fn child_band() -> String {
    format!(
        "{} years to under {} years, up to {} kg",
        number(MIN_AGE_YEARS, 0),
        number(CHILD_AGE_LIMIT_YEARS, 0),
        number(CHILD_MAX_WEIGHT_KG, 0)
    )
}

/// A daily dose of `mg_per_dose` on the adult label's frequency.
pub(super) fn adult_daily(mg_per_dose: f64) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "2 administrations")]
    let times = ADULT_FREQUENCY.times_per_day() as f64;
    mg_per_dose * times
}

/// "250 mg twice daily = 500 mg/day for 1 week, then 500 mg twice daily =
/// 1,000 mg/day (the label's adult schedule)".
pub(super) fn adult_start_text() -> String {
    format!(
        "{} {ADULT_FREQUENCY} = {} for {}, then {} {ADULT_FREQUENCY} = {} (the label's adult \
         schedule)",
        Dose::derived(ADULT_FIRST_WEEK_MG_PER_DOSE),
        DailyDose::derived(adult_daily(ADULT_FIRST_WEEK_MG_PER_DOSE)),
        ADULT_FIRST_WEEK.length(),
        Dose::derived(ADULT_MG_PER_DOSE),
        DailyDose::derived(adult_daily(ADULT_MG_PER_DOSE)),
    )
}

/// "250 mg twice daily = 500 mg/day" when every administration of the day
/// is the same dose, otherwise the day's total: rendered from the schedule.
pub(super) fn start_text(schedule: &DailySchedule) -> String {
    match schedule.administrations() {
        [first, rest @ ..] if rest.iter().all(|a| a.dose() == first.dose()) => format!(
            "{} {} = {}",
            first.dose(),
            schedule.frequency(),
            schedule.total()
        ),
        _ => schedule.total().to_string(),
    }
}

/// A day number written the safe way ("1,095").
pub(super) fn day_number(day: u32) -> String {
    number(f64::from(day), 0)
}

/// "1 half-tablet of 250 mg", "5 half-tablets of 250 mg".
pub(super) fn half_tablets(halves: u64, product: &Product) -> String {
    let noun = if halves == 1 {
        "half-tablet"
    } else {
        "half-tablets"
    };
    format!("{halves} {noun} of {}", Dose::derived(product.step_mg()))
}

/// The Mosteller area, or an error naming what needed it.
pub(super) fn surface_area(
    patient: &Patient,
    field: &'static str,
    value: &str,
) -> Result<BodySurfaceArea, Error> {
    patient.body_surface_area().ok_or_else(|| Error::Invalid {
        field,
        value: value.to_owned(),
        reason: "the patient has no height, which the Mosteller body surface area needs".to_owned(),
    })
}

/// `1..=4` administrations as a frequency.
pub(super) const fn frequency_of(n: u64) -> Option<Frequency> {
    match n {
        1 => Some(Frequency::OnceDaily),
        2 => Some(Frequency::TwiceDaily),
        3 => Some(Frequency::ThreeTimesDaily),
        4 => Some(Frequency::FourTimesDaily),
        _ => None,
    }
}
