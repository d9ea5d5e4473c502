use super::{
    ADULT_FIRST_WEEK_DAYS, ADULT_FIRST_WEEK_MG_PER_DOSE, ADULT_MG_PER_DOSE, Administration, Basis,
    BodySurfaceArea, BodyWeight, CHILD_MAX_MG_PER_ADMINISTRATION, DRUG, DailyAmount, DailyDose,
    DailyDosePerKg, DailyDosePerM2, DailySchedule, Division, Dose, Error, Exact, Frequency,
    LabelSchedule, MAX_MG_PER_DAY, MIN_AGE_YEARS, Measured, Options, Patient, Plan, Product,
    START_MG_PER_KG_PER_DAY, START_MG_PER_M2_PER_DAY, Step, Suggestion, Target, Tolerance,
    adult_daily, adult_start_text, child_band, day_number, divide, exact, frequency_of,
    half_tablets, number, plan_alerts, plan_citations, plan_limits, product, round, sources,
    surface_area,
};
use super::{
    ADULT_FREQUENCY, ADULT_FREQUENCY_LIMIT, Alert, AlertKind,
    CHILD_MAX_DOCUMENTED_MG_PER_KG_PER_DAY, CHILD_MAX_PER_KG_LIMIT, CHILD_START_LIMIT,
    CheckedLimit, child_max_daily_limit,
};
use crate::alert::{Arg, Message};
use crate::limit::Outcome;
use crate::overrides;

/// `mg` as a whole number of half-tablets, if it is one.
pub(super) fn whole_steps(mg: Exact, step: Exact) -> Option<u64> {
    let ratio = exact::div(mg, step)?;
    if exact::is_whole(ratio) && exact::compare(ratio, exact::int(1)).is_ge() {
        u64::try_from(ratio.to_integer()).ok()
    } else {
        None
    }
}

/// A daily dose per kg, for showing: the nearest `f64` to the exact
/// quotient.
fn per_kg(daily: Exact, kg: Exact) -> f64 {
    exact::div(daily, kg).map_or(f64::NAN, exact::to_f64)
}

/// Whether `daily` is within the documented exposure of about 80 mg/kg/day
/// for `kg`, decided exactly (`daily ≤ 80 × kg`, cross-multiplied).
fn within_per_kg(daily: Exact, kg: Exact) -> bool {
    exact::mul(exact::constant(CHILD_MAX_DOCUMENTED_MG_PER_KG_PER_DAY), kg)
        .is_some_and(|max| exact::compare(daily, max).is_le())
}

/// The error of a count of half-tablets whose mass does not fit: a guard
/// against an overflow that no count under the 2 g/day maximum reaches.
fn too_large(halves: u64, product: &Product) -> Error {
    Error::too_large("target", half_tablets(halves, product), "the dose")
}

pub(super) fn above_maximum(field: &'static str, value: Exact) -> Result<(), Error> {
    if exact::compare(value, exact::constant(MAX_MG_PER_DAY)).is_le() {
        Ok(())
    } else {
        Err(Error::AboveMaximum {
            field,
            value: exact::to_f64(value),
            max: MAX_MG_PER_DAY,
            unit: "mg/day",
            source_ref: sources::PROBENECID_LABEL.reference(),
        })
    }
}

/// Rounds a daily dose to whole half-tablets, never above 2 g/day; a dose
/// that is not measurable is an error whose suggestion is the tolerance
/// that would accept the nearest measurable dose. `what` names the dose
/// ("start daily dose").
pub(super) fn round_daily(
    product: &Product,
    calculated: Exact,
    tolerance: Tolerance,
    what: &'static str,
) -> Result<Measured, Error> {
    let max = exact::constant(MAX_MG_PER_DAY);
    let target = Target {
        calculated,
        tolerance,
        documented: None,
        cap: Some(max),
        allow_up: false,
        what,
        unit: "mg/day",
    };
    round(product, &target).map_err(|err| {
        let Error::NotMeasurable {
            what,
            calculated: calculated_mg,
            unit,
            tolerance_percent,
            candidates,
            ..
        } = err
        else {
            return err;
        };
        let step = product.step_exact();
        let best = exact::neighbours(calculated, step)
            .map(|(below, above)| [below, above])
            .unwrap_or_default()
            .into_iter()
            .map(|steps| step * exact::int(i128::from(steps)))
            .filter(|&mg| mg >= step && mg <= max)
            .min_by(|&a, &b| exact::nearer(a, b, calculated));
        let suggestion = best
            .and_then(|mg| {
                let needed = exact::abs(exact::deviation(mg, calculated)?) * exact::int(100);
                // Rounded up to 0.1 %, so that the tolerance named accepts it.
                let needed = exact::ceil_to(needed, exact::frac(1, 10))?;
                (needed <= exact::constant(Tolerance::MAX_PERCENT)).then(|| {
                    Suggestion::WiderTolerance {
                        tolerance_percent: exact::to_f64(needed),
                        amount: exact::to_f64(mg),
                    }
                })
            })
            .unwrap_or(Suggestion::NoTolerance {
                max_percent: Tolerance::MAX_PERCENT,
            });
        Error::NotMeasurable {
            what,
            calculated: calculated_mg,
            unit,
            product: format!(
                "{} (whole half-tablets of {})",
                product.name(),
                Dose::derived(exact::to_f64(step))
            ),
            tolerance_percent,
            candidates,
            suggestion: Some(Box::new(suggestion)),
        }
    })
}

/// Divides one step's half-tablets into administrations.
///
/// Returns the schedule and whether it has fewer administrations than
/// `ladder.frequency`.
pub(super) fn divide_day(
    ladder: &Ladder<'_>,
    day: u32,
    halves: u64,
) -> Result<(DailySchedule, bool), Error> {
    let product = ladder.product;
    let child_cap = ladder.child_cap;
    let chosen = ladder.frequency;
    let n = chosen.times_per_day();
    // Every count here is at most the 2 g/day maximum in half-tablets, so
    // its mass always fits; a count that did not is refused, never wrapped.
    let mg = |steps: u64| {
        product
            .mg_of(steps)
            .ok_or_else(|| too_large(steps, product))
    };
    let daily = DailyDose::derived(mg(halves)?);
    let (frequency, reduced) = if halves >= n {
        (chosen, false)
    } else if let (Division::FewerOnSmallSteps, Some(fewer)) =
        (ladder.division, frequency_of(halves))
    {
        (fewer, true)
    } else {
        let most = frequency_of(halves)
            .map_or_else(String::new, |f| format!("give this step at most {f}, or "));
        return Err(Error::Invalid {
            field: "frequency",
            value: chosen.to_string(),
            reason: format!(
                "day {}: {daily} is {}, fewer than {n} administrations, and no administration \
                 may be zero; {most}allow fewer administrations on small steps",
                day_number(day),
                half_tablets(halves, product),
            ),
        });
    };
    let count = frequency.times_per_day();
    let Some(parts) = divide(halves, count, child_cap) else {
        let largest = halves.div_ceil(count);
        let needed = child_cap
            .filter(|&cap| cap > 0)
            .map(|cap| halves.div_ceil(cap))
            .and_then(frequency_of)
            .map_or_else(
                || "no documented frequency keeps every administration within it".to_owned(),
                |f| format!("give it at least {f}"),
            );
        return Err(Error::Invalid {
            field: "frequency",
            value: frequency.to_string(),
            reason: format!(
                "day {}: {daily} {frequency} puts {} in one administration, above the label \
                 maximum of {} per administration for a child ({}); {needed}",
                day_number(day),
                Dose::derived(mg(largest)?),
                Dose::derived(CHILD_MAX_MG_PER_ADMINISTRATION),
                child_band(),
            ),
        });
    };
    let mut administrations = Vec::with_capacity(parts.len());
    for part in parts {
        let give = product.give(part).ok_or_else(|| Error::Invalid {
            field: "administration",
            value: product.mg_of(part).map_or_else(
                || half_tablets(part, product),
                |m| Dose::derived(m).to_string(),
            ),
            reason: "no administration may be zero".to_owned(),
        })?;
        administrations.push(Administration::new(Dose::derived(mg(part)?), give));
    }
    Ok((DailySchedule::new(frequency, administrations), reduced))
}

/// A child's target beyond the documented exposure is refused before
/// anything is rounded (above 2 g/day the label's maximum speaks first, in
/// `Ends::new`). See: #10.
fn refuse_beyond_exposure(
    patient: &Patient,
    schedule: LabelSchedule,
    target: DailyAmount,
    options: &Options,
) -> Result<(), Error> {
    let target_mg = target.exact_daily_for(patient)?;
    if schedule != LabelSchedule::Child
        || exact::compare(target_mg, exact::constant(MAX_MG_PER_DAY)).is_gt()
    {
        return Ok(());
    }
    let weight = patient.weight();
    let kg = weight.exact_kg();
    overrides::refuse_unless_overridden(
        CHILD_MAX_PER_KG_LIMIT,
        per_kg(target_mg, kg),
        within_per_kg(target_mg, kg),
        &options.overrides,
    )?;
    let cap = child_max_daily_limit(weight, patient.body_surface_area())?;
    overrides::refuse_unless_overridden(
        cap,
        exact::to_f64(target_mg),
        exact::compare(target_mg, exact::constant(cap.value())).is_le(),
        &options.overrides,
    )
}

/// The caller's step as whole half-tablets, or an error naming the half.
fn step_in_halves(product: &Product, options: &Options) -> Result<u64, Error> {
    whole_steps(options.step.exact(), product.step_exact()).ok_or_else(|| Error::Invalid {
        field: "step size",
        value: options.step.to_string(),
        reason: format!(
            "expected a whole number of half-tablets (a multiple of {}/day)",
            Dose::derived(product.step_mg())
        ),
    })
}

/// A probenecid titration plan up to `target`, on the label's schedule for
/// the patient: from 25 mg/kg/day for a child, from the label's 250 mg
/// twice daily for an adult.
///
/// See the [module documentation](super) for how the plan is made and the
/// choices it documents.
///
/// - **Child schedule** (2 years to under 15 years of age, up to 50 kg): the
///   first step is the rounded start, 25 mg/kg/day (or 0.7 g/m²/day with
///   [`Basis::BodySurfaceArea`]); each next step adds [`Options::step`]
///   after [`Options::interval`]; 4 times daily unless the caller chose a
///   frequency; at most 500 mg per administration.
/// - **Adult schedule** (over 50 kg, or 15 years or older): day 0 is
///   500 mg/day (250 mg twice daily), day 7 is 1,000 mg/day (500 mg twice
///   daily), and each next step adds [`Options::step`] (default
///   500 mg/day) after [`Options::interval`] (default 4 weeks), counted
///   from day 7; twice daily unless the caller chose a frequency. The plan
///   carries an [`AlertKind::AdultScheduleApplies`](crate::AlertKind::AdultScheduleApplies) alert naming the 50 kg
///   or 15-year limit.
///
/// On both, a step that would pass the rounded target is the rounded target
/// and the last step, and each step is divided into whole half-tablets.
///
/// # Errors
///
/// - [`Error::Contraindicated`] under 2 years of age.
/// - [`Error::Invalid`] when the step size is not a whole number of
///   half-tablets (250 mg/day); when the body-surface-area basis or a target
///   per m² is used without a height; when the target is below the start
///   (for an adult, below the label's 500 mg/day); when a step has fewer
///   half-tablets than administrations (with [`Division::Exact`]); when a
///   child's step cannot be divided with no administration above 500 mg
///   (the message names the frequency that would work).
/// - [`Error::AboveMaximum`] when the start or the target is above
///   2,000 mg/day.
/// - [`Error::NotMeasurable`] when the start or the target cannot be
///   reached in half-tablets within the tolerance; the message names the
///   nearest measurable daily doses, their deviation, and the tolerance that
///   would accept the nearest.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
/// use calcinosis_dosing::{Age, AlertKind, BodyWeight, DailyDose, Patient};
///
/// let toddler = Patient::new(BodyWeight::from_kg(11.0)?, Age::from_months(18.0)?);
/// let err = probenecid::plan(&toddler, DailyAmount::CASE_REACHED, &Options::default()).unwrap_err();
/// assert!(err.to_string().starts_with("probenecid is contraindicated under 2 years of age: age 18 months"));
///
/// // A 90 kg adult up to 1,250 mg/day: the label's adult schedule, the
/// // last step ending at the target.
/// let adult = Patient::new(BodyWeight::from_kg(90.0)?, Age::from_years(60.0)?);
/// let target = DailyAmount::Daily(DailyDose::from_mg_per_day(1250.0)?);
/// let plan = probenecid::plan(&adult, target, &Options::default())?;
/// let daily: Vec<f64> = plan.steps().iter().map(|s| s.daily().mg_per_day()).collect();
/// assert_eq!(daily, [500.0, 1000.0, 1250.0]);
/// assert_eq!(plan.alerts()[0].kind(), AlertKind::AdultScheduleApplies);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](super).
pub fn plan(patient: &Patient, target: DailyAmount, options: &Options) -> Result<Plan, Error> {
    let age = patient.age();
    if age.is_under(MIN_AGE_YEARS) {
        return Err(Error::Contraindicated {
            drug: DRUG,
            field: "patient.age",
            value: age.years(),
            min: MIN_AGE_YEARS,
            unit: "years",
            reason: format!("under {} years of age: age {age}", number(MIN_AGE_YEARS, 0)),
            source_ref: sources::PROBENECID_LABEL.reference(),
        });
    }
    let product = product()?;
    let half = product.step_exact();
    let step_halves = step_in_halves(product, options)?;

    let weight = patient.weight();
    let schedule = LabelSchedule::for_patient(patient);
    let start_ordered = start_ordered(schedule, options.basis);
    let bsa = match options.basis {
        Basis::BodySurfaceArea => Some(surface_area(patient, "basis", "body surface area")?),
        Basis::BodyWeight => patient.body_surface_area(),
    };
    // A child's target beyond the documented exposure is refused before
    // anything is rounded. See: #10.
    refuse_beyond_exposure(patient, schedule, target, options)?;
    let ends = Ends::new(
        product,
        patient,
        (schedule, start_ordered),
        target,
        bsa,
        options.tolerance,
    )?;

    let ladder = Ladder {
        product,
        weight,
        frequency: options.frequency.unwrap_or(schedule.frequency()),
        division: options.division,
        child_cap: (schedule == LabelSchedule::Child).then(|| {
            whole_steps(exact::constant(CHILD_MAX_MG_PER_ADMINISTRATION), half).unwrap_or(1)
        }),
        step_halves,
        interval_days: options.interval.days(),
        // The adult label's day-7 dose; whole half-tablets by construction.
        lead_in: match schedule {
            LabelSchedule::Adult => {
                whole_steps(exact::constant(adult_daily(ADULT_MG_PER_DOSE)), half)
                    .map(|halves| (halves, ADULT_FIRST_WEEK_DAYS))
            }
            LabelSchedule::Child => None,
        },
    };
    let (steps, reduced_days) = build_steps(&ladder, &ends)?;

    let mut citations = plan_citations(options, target);
    let mut alerts = plan_alerts(
        patient,
        options,
        schedule,
        &ladder,
        bsa,
        &steps,
        &reduced_days,
    );
    let mut limits = plan_limits(patient, options, schedule, &ladder, bsa, &ends, &steps);
    check_exposure(
        patient,
        options,
        schedule,
        &ladder,
        &steps,
        &mut limits,
        &mut alerts,
    )?;
    let clinical = super::clinical::clinical();
    crate::plan::complete_citations(&mut citations, &limits, &alerts, clinical);
    Ok(Plan {
        drug: DRUG,
        product: product.name().to_owned(),
        weight,
        body_surface_area: bsa,
        schedule,
        basis: options.basis,
        start_ordered,
        start_calculated: DailyDose::derived(exact::to_f64(ends.start_calc)),
        target_ordered: target,
        target_calculated: DailyDose::derived(exact::to_f64(ends.target_calc)),
        step: options.step,
        interval: options.interval,
        frequency: ladder.frequency,
        division: options.division,
        tolerance: options.tolerance,
        steps,
        limits,
        alerts,
        citations,
        renal_function: patient.egfr(),
        clinical,
    })
}

/// The start and the target, calculated and rounded.
pub(super) struct Ends {
    pub(super) start_calc: Exact,
    pub(super) target_calc: Exact,
    pub(super) start: Measured,
    pub(super) end: Measured,
}

impl Ends {
    /// Calculates the start and the target, checks them against 2 g/day and
    /// each other, and rounds each once to whole half-tablets.
    pub(super) fn new(
        product: &Product,
        patient: &Patient,
        (schedule, start_ordered): (LabelSchedule, DailyAmount),
        target: DailyAmount,
        bsa: Option<BodySurfaceArea>,
        tolerance: Tolerance,
    ) -> Result<Self, Error> {
        let weight = patient.weight();
        let start_calc = start_ordered.exact_daily_for(patient)?;
        let target_calc = target.exact_daily_for(patient)?;
        // On the child schedule (up to 50 kg) the start cannot pass 2 g/day;
        // checked all the same, as every dose is.
        above_maximum("start daily dose", start_calc)?;
        above_maximum("target daily dose", target_calc)?;
        // Texts for error messages only: built when an error needs them.
        let start_text = || match schedule {
            LabelSchedule::Child => start_ordered.describe(weight, bsa, exact::to_f64(start_calc)),
            LabelSchedule::Adult => adult_start_text(),
        };
        let below_start = || Error::Invalid {
            field: "target daily dose",
            value: DailyDose::derived(exact::to_f64(target_calc)).to_string(),
            reason: format!(
                "it is below the start daily dose of {}; a titration plan only increases the \
                 dose",
                start_text()
            ),
        };
        if start_calc > target_calc {
            return Err(below_start());
        }
        let ends = Self {
            start: round_daily(product, start_calc, tolerance, "start daily dose")?,
            end: round_daily(product, target_calc, tolerance, "target daily dose")?,
            start_calc,
            target_calc,
        };
        if ends.end.steps < ends.start.steps {
            return Err(below_start());
        }
        Ok(ends)
    }
}

/// How the steps climb and how each day is divided.
pub(super) struct Ladder<'a> {
    pub(super) product: &'a Product,
    pub(super) weight: BodyWeight,
    /// The number of administrations a day: the caller's or the label's.
    pub(super) frequency: Frequency,
    pub(super) division: Division,
    /// At most this many half-tablets per administration (child schedule).
    pub(super) child_cap: Option<u64>,
    pub(super) step_halves: u64,
    pub(super) interval_days: u32,
    /// The step after the start that the label fixes, as half-tablets and
    /// day: the adult schedule's 1,000 mg/day on day 7.
    pub(super) lead_in: Option<(u64, u32)>,
}

/// The steps from the rounded start to the rounded target, and the days
/// given in fewer administrations than chosen (for the alert).
pub(super) fn build_steps(
    ladder: &Ladder<'_>,
    ends: &Ends,
) -> Result<(Vec<Step>, Vec<Message>), Error> {
    let mut steps = Vec::new();
    let mut reduced_days = Vec::new();
    let (mut halves, mut day) = (ends.start.steps, 0_u32);
    let mut lead_in = ladder.lead_in;
    loop {
        let is_last = halves >= ends.end.steps;
        let (calculated, deviation) = if steps.is_empty() {
            (
                exact::to_f64(ends.start_calc),
                ends.start.rounding.deviation_percent(),
            )
        } else if is_last {
            (
                exact::to_f64(ends.target_calc),
                ends.end.rounding.deviation_percent(),
            )
        } else {
            (
                ladder
                    .product
                    .mg_of(halves)
                    .ok_or_else(|| too_large(halves, ladder.product))?,
                0.0,
            )
        };
        let (schedule, reduced) = divide_day(ladder, day, halves)?;
        if reduced {
            reduced_days.push(Message::new(
                "day {}, {} {}",
                [
                    Arg::unit_elsewhere("day", f64::from(day), 0, "days"),
                    Arg::of("daily dose", &schedule.total()),
                    Arg::Words(schedule.frequency().words()),
                ],
            ));
        }
        let daily = schedule.total();
        let amount = ladder
            .product
            .amount_of(halves)
            .ok_or_else(|| too_large(halves, ladder.product))?;
        above_maximum("daily dose", amount)?;
        steps.push(Step {
            day,
            calculated: DailyDose::derived(calculated),
            daily,
            deviation_percent: deviation,
            achieved: daily.per_kg(ladder.weight),
            schedule,
        });
        if is_last {
            return Ok((steps, reduced_days));
        }
        // Every branch climbs by at least one half-tablet (the lead-in is
        // above the start), so the loop ends at the target.
        (halves, day) = match lead_in.take().filter(|&(next, _)| next > halves) {
            Some((next, on_day)) => (next.min(ends.end.steps), on_day),
            None => (
                (halves + ladder.step_halves).min(ends.end.steps),
                day.saturating_add(ladder.interval_days),
            ),
        };
    }
}

/// The bounds beyond the label's: a child's daily dose against the
/// documented case (hard: 1,250 mg/day and about 80 mg/kg/day, refused
/// unless overridden), a child's start against the adult start, and an
/// adult's frequency against the label's twice daily (advisories).
/// Also the documented population and the overrides, each used.
fn check_exposure(
    patient: &Patient,
    options: &Options,
    schedule: LabelSchedule,
    ladder: &Ladder<'_>,
    steps: &[Step],
    limits: &mut crate::limit::Limits,
    alerts: &mut Vec<Alert>,
) -> Result<(), Error> {
    let highest = steps
        .iter()
        .map(|s| s.daily.exact())
        .max()
        .unwrap_or_default();
    match schedule {
        LabelSchedule::Child => {
            // Per kg first: the exposure is what the documented case bounds.
            let kg = patient.weight().exact_kg();
            let (per_kg, within) = (per_kg(highest, kg), within_per_kg(highest, kg));
            overrides::enforce(
                CHILD_MAX_PER_KG_LIMIT,
                per_kg,
                within,
                &options.overrides,
                limits,
                alerts,
            )?;
            let daily = exact::to_f64(highest);
            let cap = child_max_daily_limit(patient.weight(), patient.body_surface_area())?;
            let within = exact::compare(highest, exact::constant(cap.value())).is_le();
            overrides::enforce(cap, daily, within, &options.overrides, limits, alerts)?;
            let start = steps.first().map_or(0.0, |s| s.daily.mg_per_day());
            let check = CheckedLimit::new(CHILD_START_LIMIT, start);
            if check.outcome() == Outcome::CrossedWithAlert {
                alerts.push(Alert::new(
                    AlertKind::AboveLabelReference,
                    Message::new(
                        "the child's start, {}, is above the adult start of {} ({} {} for the \
                         first week, the label's gout section)",
                        [
                            Arg::of("child start", &DailyDose::derived(start)),
                            Arg::of(
                                "adult start",
                                &DailyDose::derived(adult_daily(ADULT_FIRST_WEEK_MG_PER_DOSE)),
                            ),
                            Arg::of(
                                "adult first-week dose",
                                &Dose::derived(ADULT_FIRST_WEEK_MG_PER_DOSE),
                            ),
                            Arg::Words(ADULT_FREQUENCY.words()),
                        ],
                    ),
                    Some(CHILD_START_LIMIT),
                    sources::PROBENECID_LABEL,
                ));
            }
            limits.push(check);
        }
        LabelSchedule::Adult => {
            #[allow(clippy::cast_precision_loss, reason = "1 to 4 administrations")]
            let per_day = ladder.frequency.times_per_day() as f64;
            let check = CheckedLimit::new(ADULT_FREQUENCY_LIMIT, per_day);
            if check.outcome() == Outcome::CrossedWithAlert {
                let largest = steps
                    .iter()
                    .flat_map(|s| s.schedule.administrations())
                    .map(|a| a.dose().mg())
                    .fold(0.0, f64::max);
                alerts.push(Alert::new(
                    AlertKind::OutsideRegimenSource,
                    Message::new(
                        "the label gives adult doses {}; this plan gives them {}, up to {} in \
                         one dose",
                        [
                            Arg::Words(ADULT_FREQUENCY.words()),
                            Arg::Words(ladder.frequency.words()),
                            Arg::of("largest dose", &Dose::derived(largest)),
                        ],
                    ),
                    Some(ADULT_FREQUENCY_LIMIT),
                    sources::PROBENECID_LABEL,
                ));
            }
            limits.push(check);
        }
    }
    super::clinical::check_population(patient, limits, alerts);
    overrides::all_used(&options.overrides, limits)
}

/// The start the label gives: the adult first week, or the child's
/// 25 mg/kg (0.7 g/m²).
fn start_ordered(schedule: LabelSchedule, basis: Basis) -> DailyAmount {
    match (schedule, basis) {
        (LabelSchedule::Adult, _) => DailyAmount::Daily(DailyDose::derived(adult_daily(
            ADULT_FIRST_WEEK_MG_PER_DOSE,
        ))),
        (LabelSchedule::Child, Basis::BodyWeight) => {
            DailyAmount::PerKg(DailyDosePerKg::derived(START_MG_PER_KG_PER_DAY))
        }
        (LabelSchedule::Child, Basis::BodySurfaceArea) => {
            DailyAmount::PerM2(DailyDosePerM2::derived(START_MG_PER_M2_PER_DAY))
        }
    }
}
