use super::plan::{Basis, Figures, WriteUp};
use super::{
    ADULT_AGE_LIMIT, Acceptance, Administration, Alert, AlertKind, Arg, BeyondTolerance,
    CheckedLimit, Citation, DailyDose, DailyDosePerKg, DailySchedule, Dose, Error, Formulation,
    Frequency, Give, Limit, Message, Options, Outcome, PAEDIATRIC_MAX_LIMIT,
    PAEDIATRIC_MAX_MG_PER_DAY, PAEDIATRIC_REFERENCE_AGE_LIMIT, PAEDIATRIC_REFERENCE_MIN_AGE_YEARS,
    Patient, Plan, RATE_MAX_LIMIT, RATE_MAX_MG_PER_KG_PER_DAY, RATE_MIN_LIMIT,
    RATE_MIN_MG_PER_KG_PER_DAY, Rounding, Suggestion, Target, choose_scaled, exact,
    not_measurable_scaled, push_unique, sources,
};
use std::sync::LazyLock;

use crate::derived::Derived;
use crate::exact::{Amount, Scaled};

/// A diltiazem plan for a patient at a rate of 1–3 mg/kg/day.
///
/// The daily dose is weight × rate, limited to the formulation's maximum
/// (with an alert). The dose per administration is rounded once to the
/// formulation: the nearest measurable amount within the tolerance, or,
/// failing that, the nearest whose achieved rate stays inside 1–3 mg/kg/day
/// and under the maximum. Every administration of the day is the same.
/// A patient under 18 years gets an off-label alert.
///
/// # Errors
///
/// - [`Error::OutsideRegimen`] when the rate is not within 1–3 mg/kg/day.
/// - [`Error::NotDocumented`] when the frequency is not documented for the
///   formulation (immediate release and suspension: 3 or 4 times daily;
///   extended release: once daily).
/// - [`Error::NotMeasurable`] when the formulation cannot measure the dose;
///   for tablets and capsules the message names the oral suspension dose
///   that would measure it.
/// - [`Error::Invalid`] (field `patient.weight`) if the dose could not be
///   worked out exactly: a guard against overflow that the validated
///   weights (at most 350 kg) and rates (at most 3 mg/kg/day) never reach.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
///
/// let child = Patient::new(BodyWeight::from_kg(10.0)?, Age::from_years(1.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(2.0)?;
/// // 20 mg/day cannot be measured with 30 mg tablets 3 times daily…
/// let err = diltiazem::plan(&child, rate, &diltiazem::Options::default()).unwrap_err();
/// assert!(err.to_string().contains("oral suspension"));
/// // …but can with the oral suspension.
/// let options = diltiazem::Options::new(diltiazem::Formulation::OralSuspension);
/// let plan = diltiazem::plan(&child, rate, &options)?;
/// assert_eq!(plan.administrations()[0].give().to_string(), "0.6 mL of 12 mg/mL");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](super).
pub fn plan(patient: &Patient, rate: DailyDosePerKg, options: &Options) -> Result<Plan, Error> {
    // A refusal names the oral suspension dose that measures the order,
    // where there is one.
    let refused = |e| with_advice(e, options.formulation, patient, rate, options);
    let Prepared {
        formulation,
        frequency,
        product,
        order,
    } = match prepare(patient, rate, options) {
        Ok(prepared) => prepared,
        Err(e) => return Err(refused(e)),
    };
    let target = order.target(options);
    let Some(chosen) = choose_scaled(product, &target, order.step()) else {
        let e = not_measurable_scaled(product, &target, order.step(), order.den());
        return Err(refused(e));
    };
    let weight = patient.weight();
    let dose = chosen.amount;
    let accepted = chosen.accepted;
    let (lo, hi) = order.range();
    // Every decision is made here, and so which alerts the plan carries:
    // the maximum limited the dose, the achieved rate is outside the
    // documented range, the dose was rounded beyond the tolerance (and
    // which suspension dose measures the order), the patient is a child,
    // the tolerance is widened. The alerts' words, the figures, the
    // schedule, the limits checked and the references are written up from
    // these decisions on first read (`write_up`).
    let suspension =
        if accepted != Acceptance::WithinTolerance && formulation != Formulation::OralSuspension {
            suspension_dose(patient, rate, &suspension_options(options))
        } else {
            None
        };
    Ok(Plan {
        product,
        weight,
        ordered: rate,
        clinical: super::clinical::clinical(formulation),
        basis: Basis {
            formulation,
            frequency,
            age: patient.age(),
            tolerance: options.tolerance,
            order,
            steps: chosen.steps,
            dose,
            accepted,
            limited: order.weight_based().order(order.cap()).is_gt(),
            outside_range: !(lo.order(dose).is_le() && dose.order(hi).is_le()),
            suspension,
        },
        write_up: Derived::new(),
    })
}

/// The alerts of `plan`, in a fixed order, each stating the figures
/// `figures` (the plan's own) and decided while planning: written up with
/// the rest of the plan.
fn alerts(plan: &Plan, figures: &Figures) -> Vec<Alert> {
    let basis = &plan.basis;
    let (formulation, age, weight) = (basis.formulation, basis.age, plan.weight);
    let mut alerts = Vec::new();
    if basis.limited {
        alerts.push(limited_alert(
            plan.ordered,
            weight,
            figures.weight_based_daily.mg_per_day(),
            daily_maximum(formulation, age.is_child()),
        ));
    }
    if basis.outside_range {
        let (lo, hi) = figures.documented_range;
        // Which side, decided exactly: the dose against the range's lower
        // end, both over the order's denominator.
        let below = basis.dose.order(basis.order.range().0).is_lt();
        alerts.push(outside_range_alert(
            figures.achieved,
            (lo.mg_per_day(), hi.mg_per_day()),
            weight,
            below,
        ));
    }
    if basis.accepted != Acceptance::WithinTolerance {
        alerts.push(outside_tolerance_alert(
            &figures.rounding,
            figures.achieved,
            basis.suspension.as_ref(),
        ));
    }
    if age.is_child() {
        child_alerts(age, formulation, &mut alerts);
    }
    if basis.tolerance.is_wider_than_default() {
        alerts.push(basis.tolerance.widened_alert());
    }
    alerts
}

/// The figures of a plan with `basis` for `weight`: each one division of
/// the order's exact numbers. The numerators are below 2^64 (they are
/// worked out in 64 bits) and every factor here below 2^19, so no product
/// overflows; were one to, the figure would read NaN, never a wrong
/// number.
pub(super) fn figures(basis: &Basis, weight: crate::BodyWeight) -> Figures {
    let order = &basis.order;
    let n = i128::from(basis.frequency.times_per_day());
    let over_den = |per_dose: Scaled| {
        exact::times_checked(i128::from(per_dose.0), n)
            .map_or(f64::NAN, |top| exact::quotient_f64(top, order.den()))
    };
    let calculated = order.calculated();
    // mg/kg/day: the daily amount over the weight in kg (grams / 1,000).
    let achieved = exact::times_checked(i128::from(basis.dose.0), n * 1_000)
        .zip(exact::times_checked(
            order.den(),
            i128::from(weight.grams()),
        ))
        .map_or(f64::NAN, |(top, bottom)| exact::quotient_f64(top, bottom));
    Figures {
        weight_based_daily: DailyDose::derived(over_den(order.weight_based())),
        documented_range: (
            DailyDose::derived(over_den(order.range().0)),
            DailyDose::derived(over_den(order.range().1)),
        ),
        calculated_daily: DailyDose::derived(over_den(calculated)),
        achieved: DailyDosePerKg::derived(achieved),
        rounding: crate::rounding::record(
            calculated,
            basis.tolerance,
            basis.dose,
            basis.accepted,
            |x: Scaled| exact::quotient_f64(i128::from(x.0), order.den()),
        ),
    }
}

/// The limits `plan` was checked against, with their outcomes, and its
/// references: written up from the plan's own decisions.
pub(super) fn write_up(plan: &Plan) -> WriteUp {
    let basis = &plan.basis;
    let (formulation, age, limited) = (basis.formulation, basis.age, basis.limited);
    let child = age.is_child();
    let max_limit = daily_maximum(formulation, child);
    let figures = figures(basis, plan.weight);
    let achieved = figures.achieved.mg_per_kg_per_day();
    // Every administration of the day is the same: the count chosen, read
    // from the product. The rule chose a count the product can give, and
    // for every count a product can give it says what to give (a test
    // checks both on every formulation's product).
    let given = plan
        .product
        .give(basis.steps)
        .map(|give| Administration::new(Dose::derived(figures.rounding.rounded().mg()), give));
    let schedule = DailySchedule::new(
        basis.frequency,
        (0..basis.frequency.times_per_day()).filter_map(|_| given.clone()),
    );
    let total = schedule.total().mg_per_day();
    let mut limits: crate::limit::Limits = smallvec::smallvec![
        CheckedLimit::new(RATE_MIN_LIMIT, achieved),
        CheckedLimit::new(RATE_MAX_LIMIT, achieved),
        if limited {
            CheckedLimit::limited(max_limit, total)
        } else {
            CheckedLimit::new(max_limit, total)
        },
        figures.rounding.checked(),
        basis.tolerance.usual_check(),
        CheckedLimit::new(ADULT_AGE_LIMIT, age.years()),
    ];
    if child {
        limits.push(CheckedLimit::new(
            PAEDIATRIC_REFERENCE_AGE_LIMIT,
            age.years(),
        ));
    }
    let alerts = alerts(plan, &figures);
    let rounded_beyond = basis.accepted != Acceptance::WithinTolerance;
    let mut citations = plan_citations(
        formulation,
        child,
        limited.then(|| max_limit.source()),
        rounded_beyond,
    );
    crate::plan::complete_citations(&mut citations, &limits, &alerts, plan.clinical);
    WriteUp {
        figures,
        schedule,
        limits,
        alerts,
        citations,
    }
}

/// An order checked and put over one denominator: what [`plan`] decides
/// on.
struct Prepared {
    formulation: Formulation,
    frequency: Frequency,
    product: &'static crate::product::Product,
    order: Order,
}

/// The oral suspension dose the rounding alert names, decided while
/// planning by the same rule as a suspension plan: how often, the dose
/// (exactly, over its order's denominator), and its volume and
/// concentration. The dose in mg and the daily total are worked out when
/// the alert is written ([`SuspensionDose::figures`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct SuspensionDose {
    frequency: Frequency,
    dose: Scaled,
    den: u64,
    volume_ml: f64,
    concentration: crate::Concentration,
}

impl SuspensionDose {
    /// The dose (mg) and the daily total (mg/day): the total as a day's
    /// schedule adds it up, so that the suspension plan's
    /// `schedule().total()` and the error's suggestion state the same
    /// number, to the last bit.
    fn figures(&self) -> (Dose, DailyDose) {
        let dose = exact::quotient_f64(i128::from(self.dose.0), i128::from(self.den));
        let times = usize::try_from(self.frequency.times_per_day()).unwrap_or_default();
        (
            Dose::derived(dose),
            DailyDose::derived(std::iter::repeat_n(dose, times).sum()),
        )
    }
}

/// The order's amounts for one administration, in mg, each a whole number
/// of `1/den` mg: every decision on them compares integers.
///
/// The weight is whole grams and every other number a decimal, so `den` is
/// 1,000 (grams to kg) × the times a day × the denominators of the rate,
/// the maximum, the documented range's ends and the product's step, each a
/// power of ten or (for a step) in lowest terms. For 60 kg at 3 mg/kg/day,
/// 3 times daily on 30 mg tablets, `den` is 3,000 and the dose 60 mg is
/// 180,000.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Order {
    /// The shared denominator.
    den: u64,
    /// The weight-based dose (weight × rate, per administration), before
    /// the maximum.
    weight_based: u64,
    /// The daily maximum, per administration.
    cap: u64,
    /// The documented range (1–3 mg/kg/day of the weight, each end
    /// limited to the maximum), per administration.
    range: (u64, u64),
    /// The product's measurable step.
    step: u64,
}

impl Order {
    /// The shared denominator (positive).
    pub(super) fn den(&self) -> i128 {
        i128::from(self.den)
    }

    /// The weight-based dose (weight × rate, per administration), before
    /// the maximum.
    pub(super) fn weight_based(&self) -> Scaled {
        Scaled(self.weight_based)
    }

    /// The daily maximum, per administration.
    pub(super) fn cap(&self) -> Scaled {
        Scaled(self.cap)
    }

    /// The documented range (1–3 mg/kg/day of the weight, each end limited
    /// to the maximum), per administration.
    pub(super) fn range(&self) -> (Scaled, Scaled) {
        (Scaled(self.range.0), Scaled(self.range.1))
    }

    /// The product's measurable step.
    pub(super) fn step(&self) -> Scaled {
        Scaled(self.step)
    }

    /// The calculated dose per administration: the weight-based dose,
    /// limited to the maximum.
    pub(super) fn calculated(&self) -> Scaled {
        self.weight_based().min(self.cap())
    }

    /// What the rounding rule is asked for: the calculated dose, within
    /// the documented range and under the maximum, with the tolerance and
    /// the opt-in of `options`.
    fn target(&self, options: &Options) -> Target<Scaled> {
        Target {
            calculated: self.calculated(),
            tolerance: options.tolerance,
            documented: Some(self.range()),
            cap: Some(self.cap()),
            allow_up: options.beyond_tolerance == BeyondTolerance::AllowRoundUp,
            what: "dose",
            unit: "mg",
        }
    }

    /// The amounts of `grams` at `rate` (mg/kg/day), limited to the daily
    /// maximum of `formulation` (for a child if `child`), in the
    /// administrations of `frequency`, as whole steps of the formulation's
    /// product (mg). `None` on overflow, which no validated input reaches
    /// (the denominators are at most 10^9 for the rate and small for the
    /// crate's constants), or if the product could not be made.
    pub(super) fn new(
        grams: u32,
        rate: f64,
        formulation: Formulation,
        child: bool,
        frequency: Frequency,
    ) -> Option<Self> {
        // Every part is positive: the products are taken in 64 bits, each
        // multiply checked. A product of positive whole numbers is at
        // least each of its factors, so it fits exactly when every partial
        // product does: the order of the factors does not matter.
        let (rate_p, q) = exact::unsigned_parts(exact::decimal_parts(rate)?)?;
        let parts = parts_of(formulation, child, frequency)?;
        let grams = u64::from(grams);
        let cap = parts.cap.checked_mul(q)?;
        let lo = exact::product([grams, parts.lowest, q])?;
        let hi = exact::product([grams, parts.highest, q])?;
        Some(Self {
            den: parts.den.checked_mul(q)?,
            weight_based: exact::product([grams, rate_p, parts.weight_based])?,
            cap,
            range: (lo.min(cap), hi.min(cap)),
            step: parts.step.checked_mul(q)?,
        })
    }
}

/// The factors of an order's numbers that depend on neither the patient's
/// weight nor the rate: for one formulation, age group and frequency,
/// worked out once per process.
///
/// Over `den × q` (with `q` the rate's denominator), the order's numbers
/// are: the weight-based dose `grams × rate's numerator × weight_based`;
/// the cap `cap × q`; the range's ends `grams × lowest × q` and
/// `grams × highest × q`; the step `step × q`. Each is the order's own
/// numerator times the denominators it lacks: the weight's 1,000 (grams
/// to kg), the constants' common denominator, the step's denominator and
/// the administrations of a day.
#[derive(Debug, Clone, Copy)]
struct OrderParts {
    den: u64,
    weight_based: u64,
    cap: u64,
    lowest: u64,
    highest: u64,
    step: u64,
}

/// [`OrderParts`] by formulation (in [`Formulation::ALL`]'s order), age
/// group (adult, child) and administrations a day (1 to 4); `None` where
/// the product could not be made or a constant were not a positive
/// decimal.
type PartsTable = [[[Option<OrderParts>; 4]; 2]; 4];

/// The parts of `formulation`'s order for a child if `child`, given
/// `frequency` times a day.
fn parts_of(formulation: Formulation, child: bool, frequency: Frequency) -> Option<OrderParts> {
    static TABLE: LazyLock<PartsTable> = LazyLock::new(|| {
        Formulation::ALL.map(|formulation| {
            [false, true].map(|child| [1, 2, 3, 4].map(|n| order_parts(formulation, child, n)))
        })
    });
    let [adult, young] = formulation.of(&TABLE);
    let by_frequency = if child { young } else { adult };
    let index = usize::try_from(frequency.times_per_day().checked_sub(1)?).ok()?;
    *by_frequency.get(index)?
}

/// The [`OrderParts`] of `formulation` for a child if `child`, in `n`
/// administrations a day: the daily maximum (mg/day) as
/// [`daily_maximum`] gives it, the documented range's ends (mg/kg/day)
/// and the product's step (mg), each read as the decimal it is written as.
fn order_parts(formulation: Formulation, child: bool, n: u64) -> Option<OrderParts> {
    let part = |x: f64| exact::unsigned_parts(exact::decimal_parts(x)?);
    let (lo_p, lo_q) = part(RATE_MIN_MG_PER_KG_PER_DAY)?;
    let (hi_p, hi_q) = part(RATE_MAX_MG_PER_KG_PER_DAY)?;
    let (max_p, max_q) = part(daily_maximum(formulation, child).value())?;
    let (step_p, step_q) =
        exact::unsigned_parts(exact::parts(formulation.product().ok()?.step_exact()))?;
    // The constants over their common denominator.
    let limits_den = exact::product([max_q, lo_q, hi_q])?;
    Some(OrderParts {
        den: exact::product([1_000, n, step_q, limits_den])?,
        weight_based: limits_den.checked_mul(step_q)?,
        cap: exact::product([max_p, lo_q, hi_q, 1_000, step_q])?,
        lowest: exact::product([lo_p, max_q, hi_q, step_q])?,
        highest: exact::product([hi_p, max_q, lo_q, step_q])?,
        step: exact::product([step_p, 1_000, n, limits_den])?,
    })
}

/// The order checked and put over one denominator: the part of [`plan`]
/// before the rule decides.
fn prepare(patient: &Patient, rate: DailyDosePerKg, options: &Options) -> Result<Prepared, Error> {
    let value = rate.mg_per_kg_per_day();
    let formulation = options.formulation;
    let frequency = options.get_frequency();
    check_order(value, formulation, frequency)?;
    let product = formulation.product()?;
    let child = patient.age().is_child();
    // Every decision below is exact: the weight is whole grams, the rate
    // the decimal it was written as, the limits are decimals. An overflow
    // no valid input reaches (weights and rates are bounded) is refused,
    // never wrapped.
    let order = Order::new(
        patient.weight().grams(),
        value,
        formulation,
        child,
        frequency,
    )
    .ok_or_else(|| too_large(patient))?;
    Ok(Prepared {
        formulation,
        frequency,
        product,
        order,
    })
}

/// The error of a dose too large to work out exactly: a guard against an
/// overflow that no validated weight or rate reaches.
fn too_large(patient: &Patient) -> Error {
    Error::too_large("patient.weight", patient.weight().to_string(), "the dose")
}

/// The oral suspension dose of an order (`options` name the suspension),
/// by the same rule as [`plan`], when it measures the order within the
/// tolerance; `None` otherwise.
fn suspension_dose(
    patient: &Patient,
    rate: DailyDosePerKg,
    options: &Options,
) -> Option<SuspensionDose> {
    let Prepared {
        frequency,
        product,
        order,
        ..
    } = prepare(patient, rate, options).ok()?;
    let chosen = choose_scaled(product, &order.target(options), order.step())?;
    if chosen.accepted != Acceptance::WithinTolerance {
        return None;
    }
    let (volume_ml, concentration) = product.volume_of(chosen.steps)?;
    Some(SuspensionDose {
        frequency,
        dose: chosen.amount,
        den: order.den,
        volume_ml,
        concentration,
    })
}

/// The alert of a dose limited by a daily maximum.
pub(super) fn limited_alert(
    rate: DailyDosePerKg,
    weight: crate::BodyWeight,
    calculated: f64,
    max: Limit,
) -> Alert {
    Alert::new(
        AlertKind::LimitedByMaximum,
        Message::new(
            "{} × {} = {} is above the {}; the dose was limited to {}",
            [
                Arg::of("rate", &rate),
                Arg::of("weight", &weight),
                Arg::of("calculated", &DailyDose::derived(calculated)),
                Arg::Words(max.name()),
                Arg::of("maximum", &DailyDose::derived(max.value())),
            ],
        ),
        Some(max),
        max.source(),
    )
}

/// The plan's references, in a fixed order: the regimen, the label, the
/// maximum that limited the dose, the rounding rule, the paediatric
/// references, the suspension monograph, the adult calcinosis series.
pub(super) fn plan_citations(
    formulation: Formulation,
    child: bool,
    limited_by: Option<Citation>,
    rounded_beyond: bool,
) -> crate::citation::Citations {
    let mut citations: crate::citation::Citations =
        smallvec::smallvec![sources::REGIONALDERM, sources::DILTIAZEM_LABEL];
    if let Some(source) = limited_by {
        push_unique(&mut citations, source);
    }
    if rounded_beyond {
        push_unique(&mut citations, sources::ROUNDING_RULE);
    }
    if child {
        push_unique(&mut citations, sources::DILTIAZEM_PAEDIATRIC);
    }
    if formulation == Formulation::OralSuspension {
        push_unique(&mut citations, sources::DILTIAZEM_SUSPENSION_USP);
    }
    if !child {
        push_unique(&mut citations, sources::PALMIERI_1995);
    }
    citations
}

pub(super) fn check_order(
    value: f64,
    formulation: Formulation,
    frequency: Frequency,
) -> Result<(), Error> {
    if !(RATE_MIN_MG_PER_KG_PER_DAY..=RATE_MAX_MG_PER_KG_PER_DAY).contains(&value) {
        return Err(Error::OutsideRegimen {
            field: "dose rate",
            value,
            min: RATE_MIN_MG_PER_KG_PER_DAY,
            max: RATE_MAX_MG_PER_KG_PER_DAY,
            unit: "mg/kg/day",
            regimen: "diltiazem",
            source_ref: sources::REGIONALDERM.reference(),
        });
    }
    if !formulation.frequencies().contains(&frequency) {
        return Err(Error::NotDocumented {
            field: "frequency",
            value: frequency.to_string(),
            regimen: formulation.to_string(),
            expected: formulation.frequencies_text(),
        });
    }
    Ok(())
}

/// The advisory every plan for a patient under 18 years carries.
pub(super) fn off_label_alert(age: crate::Age) -> Alert {
    Alert::new(
        AlertKind::OffLabelAge,
        Message::new(
            "diltiazem is off-label under {} (age {}); paediatric references \
             use 1.5–2 mg/kg/day in 3–4 doses, with maxima of 3.5 or 6 mg/kg/day \
             by source and never above {}",
            [
                Arg::quantity("adult age", ADULT_AGE_LIMIT.value(), 0, "years"),
                Arg::of("age", &age),
                Arg::of(
                    "paediatric maximum",
                    &DailyDose::derived(PAEDIATRIC_MAX_MG_PER_DAY),
                ),
            ],
        ),
        Some(ADULT_AGE_LIMIT),
        sources::DILTIAZEM_PAEDIATRIC,
    )
}

/// The alerts of a child's plan: off-label, the age the paediatric
/// references cover (its limit is in the write-up), and how to take
/// extended-release capsules.
fn child_alerts(age: crate::Age, formulation: Formulation, alerts: &mut Vec<Alert>) {
    alerts.push(off_label_alert(age));
    let covered = CheckedLimit::new(PAEDIATRIC_REFERENCE_AGE_LIMIT, age.years());
    if covered.outcome() != Outcome::Within {
        alerts.push(age_not_covered_alert(age));
    }
    alerts.extend(administration_alert(formulation, age));
}

/// The advisory for a neonate or an infant: the paediatric references give
/// doses for children and none under 1 year.
pub(super) fn age_not_covered_alert(age: crate::Age) -> Alert {
    Alert::new(
        AlertKind::AgeNotCovered,
        Message::new(
            "the paediatric references give diltiazem doses for children (1.5–2 mg/kg/day in \
             3–4 doses) with no lower age, and none for a neonate or an infant: age {} is \
             under {}",
            [
                Arg::of("age", &age),
                Arg::quantity(
                    "youngest age covered",
                    PAEDIATRIC_REFERENCE_MIN_AGE_YEARS,
                    0,
                    "years",
                ),
            ],
        ),
        Some(PAEDIATRIC_REFERENCE_AGE_LIMIT),
        sources::DILTIAZEM_PAEDIATRIC,
    )
}

/// How a child is given extended-release capsules: the CD type whole (not
/// opened, chewed or crushed), the Tiazac type whole or opened onto a
/// spoonful of applesauce as its label allows.
pub(super) fn administration_alert(formulation: Formulation, age: crate::Age) -> Option<Alert> {
    match formulation {
        Formulation::ExtendedReleaseCd => Some(Alert::new(
            AlertKind::Administration,
            Message::new(
                "{} are slow-release: a child (age {}) swallows each capsule whole, not \
                 opened, chewed or crushed; if the child cannot, another formulation is needed",
                [Arg::Words(formulation.name()), Arg::of("age", &age)],
            ),
            None,
            sources::ISMP_DO_NOT_CRUSH,
        )),
        Formulation::ExtendedReleaseTiazac => Some(Alert::new(
            AlertKind::Administration,
            Message::new(
                "{} are slow-release: a child (age {}) swallows each capsule whole, or, as the \
                 label allows, the capsule is opened and its contents sprinkled on a spoonful \
                 of soft, not hot, applesauce, swallowed at once without chewing and followed \
                 by a glass of cool water",
                [Arg::Words(formulation.name()), Arg::of("age", &age)],
            ),
            None,
            sources::TIAZAC_LABEL,
        )),
        Formulation::ImmediateRelease | Formulation::OralSuspension => None,
    }
}

/// The alert of a plan whose achieved dose, after rounding, lies outside
/// the documented 1–3 mg/kg/day (capped by the maximum), `below` it or
/// above it.
pub(super) fn outside_range_alert(
    achieved: DailyDosePerKg,
    range: (f64, f64),
    weight: crate::BodyWeight,
    below: bool,
) -> Alert {
    let (lo, hi) = (range.0 / weight.kg(), range.1 / weight.kg());
    let (side, limit, named) = if below {
        ("below", lo, RATE_MIN_LIMIT)
    } else {
        ("above", hi, RATE_MAX_LIMIT)
    };
    Alert::new(
        AlertKind::OutsideDocumentedRange,
        Message::new(
            "the achieved {} is {} the documented {} to {} ({} to {} at {})",
            [
                Arg::Beside {
                    name: "achieved",
                    value: achieved.mg_per_kg_per_day(),
                    limit,
                    decimals: 2,
                    unit: "mg/kg/day",
                },
                Arg::Words(side),
                Arg::unit_elsewhere("documented minimum", lo, 3, "mg/kg/day"),
                Arg::quantity("documented maximum", hi, 3, "mg/kg/day"),
                Arg::unit_elsewhere("minimum daily", range.0, 3, "mg/day"),
                Arg::quantity("maximum daily", range.1, 3, "mg/day"),
                Arg::of("weight", &weight),
            ],
        ),
        Some(named),
        sources::REGIONALDERM,
    )
}

/// The maximum daily dose for the formulation and age, its name and source:
/// the label maximum, or for a child never above 360 mg/day.
pub(super) fn daily_maximum(formulation: Formulation, child: bool) -> Limit {
    if child && formulation.max_daily().mg_per_day() > PAEDIATRIC_MAX_MG_PER_DAY {
        PAEDIATRIC_MAX_LIMIT
    } else {
        formulation.max_limit()
    }
}

/// The alert a dose rounded beyond the tolerance carries: accepted only
/// because its achieved rate is inside the documented range, so the
/// prescriber sees how far it moved and what would measure the order.
pub(super) fn outside_tolerance_alert(
    rounding: &Rounding,
    achieved: DailyDosePerKg,
    suspension: Option<&SuspensionDose>,
) -> Alert {
    macro_rules! rounded {
        () => {
            "each dose was rounded from {} to {} ({}), beyond the {} tolerance; it was \
             accepted because the achieved {} is inside the documented {} to {}"
        };
    }
    let args = [
        Arg::of("calculated", &rounding.calculated()),
        Arg::of("rounded", &rounding.rounded()),
        Arg::Change {
            name: "deviation",
            fraction: rounding.deviation_percent() / 100.0,
        },
        Arg::of("tolerance", &rounding.tolerance()),
        Arg::of("achieved", &achieved),
        Arg::unit_elsewhere(
            "documented minimum",
            RATE_MIN_MG_PER_KG_PER_DAY,
            0,
            "mg/kg/day",
        ),
        Arg::quantity(
            "documented maximum",
            RATE_MAX_MG_PER_KG_PER_DAY,
            0,
            "mg/kg/day",
        ),
    ];
    // The suspension dose was decided while planning, not planned: only
    // its dose, volume and schedule are named, each from the exact amount
    // chosen.
    let message = match suspension.map(|s| (s, s.figures())) {
        Some((
            &SuspensionDose {
                frequency,
                volume_ml,
                concentration,
                ..
            },
            (dose, total),
        )) => Message::new(
            concat!(
                rounded!(),
                "; {} measures the ordered dose: {} ({} of {}) {}; total {}"
            ),
            args.into_iter().chain([
                Arg::Words(Formulation::OralSuspension.name()),
                Arg::of("suspension dose", &dose),
                Arg::quantity("suspension volume", volume_ml, 2, "mL"),
                Arg::of("suspension concentration", &concentration),
                Arg::Words(frequency.words()),
                Arg::of("suspension daily dose", &total),
            ]),
        ),
        None => Message::new(rounded!(), args),
    };
    Alert::new(
        AlertKind::RoundedOutsideTolerance,
        message,
        Some(rounding.checked().limit().to_owned()),
        sources::ROUNDING_RULE,
    )
}

/// Adds the oral suspension dose that would measure it, when there is one.
#[cold]
pub(super) fn with_advice(
    err: Error,
    formulation: Formulation,
    patient: &Patient,
    rate: DailyDosePerKg,
    options: &Options,
) -> Error {
    let Error::NotMeasurable {
        what,
        calculated,
        unit,
        product,
        tolerance_percent,
        candidates,
        ..
    } = err
    else {
        return err;
    };
    let suggestion = if formulation == Formulation::OralSuspension {
        None
    } else {
        plan(patient, rate, &suspension_options(options))
            .ok()
            .and_then(|p| suspension_suggestion(&p))
            .map(Box::new)
    };
    Error::NotMeasurable {
        what,
        calculated,
        unit,
        product,
        tolerance_percent,
        candidates,
        suggestion,
    }
}

/// The oral suspension an alert or an error offers in place of tablets or
/// capsules: at the ordered frequency when the suspension is documented
/// for it (3 or 4 times daily), else 3 times daily; the same tolerance.
fn suspension_options(options: &Options) -> Options {
    let frequency = options
        .frequency
        .filter(|f| Formulation::OralSuspension.frequencies().contains(f))
        .unwrap_or(Frequency::ThreeTimesDaily);
    Options::new(Formulation::OralSuspension)
        .frequency(frequency)
        .tolerance(options.tolerance)
}

/// A suspension plan as the suggestion of a "not measurable" error.
pub(super) fn suspension_suggestion(plan: &Plan) -> Option<Suggestion> {
    let schedule = plan.schedule();
    let first = schedule.administrations().first()?;
    let Give::Liquid {
        volume_ml,
        concentration,
    } = first.give()
    else {
        return None;
    };
    Some(Suggestion::OtherProduct {
        product: Formulation::OralSuspension.to_string(),
        dose_mg: first.dose().mg(),
        volume_ml: *volume_ml,
        concentration_mg_per_ml: concentration.mg_per_ml(),
        times_per_day: schedule.frequency().times_per_day(),
        total_mg_per_day: schedule.total().mg_per_day(),
    })
}
