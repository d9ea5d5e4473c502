use super::decisions::{Decisions, Exposure, Rung, Rungs};
use super::{
    ADULT_FIRST_WEEK_DAYS, ADULT_FIRST_WEEK_MG_PER_DOSE, ADULT_FREQUENCY_LIMIT, Basis,
    BodySurfaceArea, BodyWeight, CHILD_MAX_MG_PER_ADMINISTRATION, CHILD_MAX_PER_KG_LIMIT,
    CHILD_START_LIMIT, CheckedLimit, DRUG, DailyAmount, DailyDose, DailyDosePerKg, DailyDosePerM2,
    Division, Dose, Error, Exact, Frequency, LabelSchedule, Limit, MAX_MG_PER_DAY, MIN_AGE_YEARS,
    Measured, Options, Patient, Plan, Product, START_MG_PER_KG_PER_DAY, START_MG_PER_M2_PER_DAY,
    Suggestion, Target, Tolerance, adult_daily, adult_start_text, child_band,
    child_max_daily_limit, day_number, exact, frequency_of, half_tablets, halves,
    maintenance_reference, number, product, renal_within, round, sources, surface_area,
};
use crate::derived::Derived;
use crate::limit::Outcome;
use crate::overrides;
use crate::rounding::Acceptance;

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
pub(super) fn per_kg(daily: Exact, kg: Exact) -> f64 {
    exact::div(daily, kg).map_or(f64::NAN, exact::to_f64)
}

/// Whether `daily` is within the documented exposure of about 80 mg/kg/day
/// for `kg`, decided exactly (`daily ≤ 80 × kg`, cross-multiplied).
fn within_per_kg(daily: Exact, kg: Exact) -> bool {
    exact::mul(
        exact::int(halves::DOCUMENTED_EXPOSURE_MG_PER_KG_PER_DAY.into()),
        kg,
    )
    .is_some_and(|max| exact::compare(daily, max).is_le())
}

/// An error if `value` (mg/day) is above the label's 2 g/day maximum.
pub(super) fn above_maximum(field: &'static str, value: Exact) -> Result<(), Error> {
    if exact::compare(value, halves::exact_mg(halves::MAX_HALVES_PER_DAY)).is_le() {
        Ok(())
    } else {
        Err(above_maximum_error(field, value))
    }
}

/// The error for a daily dose of `value` mg/day, above the label's 2 g/day
/// maximum.
fn above_maximum_error(field: &'static str, value: Exact) -> Error {
    Error::AboveMaximum {
        field,
        value: exact::to_f64(value),
        max: MAX_MG_PER_DAY,
        unit: "mg/day",
        source_ref: sources::PROBENECID_LABEL.reference(),
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
    round(product, &daily_target(calculated, tolerance, what))
        .map_err(|err| with_wider_tolerance(err, product, calculated))
}

/// A "not measurable" error of [`round_daily`] with the product named in
/// half-tablets and its suggestion: the tolerance that would accept the
/// nearest measurable daily dose. Out of line: planning that succeeds does
/// not carry it.
#[cold]
#[inline(never)]
fn with_wider_tolerance(err: Error, product: &Product, calculated: Exact) -> Error {
    let max = exact::constant(MAX_MG_PER_DAY);
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
        .filter_map(|steps| exact::times(step, steps))
        .filter(|&mg| mg >= step && mg <= max)
        .min_by(|&a, &b| exact::nearer(a, b, calculated));
    let suggestion = best
        .and_then(|mg| {
            let needed = exact::times(exact::abs(exact::deviation(mg, calculated)?), 100)?;
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
}

/// Decides how one step's half-tablets are divided into administrations:
/// the frequency the day is given at, and whether that is fewer
/// administrations than `ladder.frequency`. The administrations are
/// [`halves::parts`] of the day; every one can be given (checked here).
pub(super) fn divide_day(
    ladder: &Ladder<'_>,
    day: u32,
    halves: u64,
) -> Result<(Frequency, bool), Error> {
    let product = ladder.product;
    let child_cap = ladder.child_cap;
    let chosen = ladder.frequency;
    let n = chosen.times_per_day();
    // Every count here is at most the 2 g/day maximum in half-tablets (the
    // rounded target is), so its mass is exact.
    let daily = || DailyDose::derived(halves::mg(halves));
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
                "day {}: {} is {}, fewer than {n} administrations, and no administration \
                 may be zero; {most}allow fewer administrations on small steps",
                day_number(day),
                daily(),
                half_tablets(halves, product),
            ),
        });
    };
    let count = frequency.times_per_day();
    let largest = halves::largest_part(halves, count);
    if child_cap.is_some_and(|cap| largest > cap) {
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
                "day {}: {} {frequency} puts {} in one administration, above the label \
                 maximum of {} per administration for a child ({}); {needed}",
                day_number(day),
                daily(),
                Dose::derived(halves::mg(largest)),
                Dose::derived(CHILD_MAX_MG_PER_ADMINISTRATION),
                child_band(),
            ),
        });
    }
    // The parts are the largest and, after it, one smaller size at most.
    let smallest = halves::smallest_part(halves, count);
    if let Some(part) = [largest, smallest]
        .into_iter()
        .find(|&part| !product.can_give(part))
    {
        return Err(Error::Invalid {
            field: "administration",
            value: product.mg_of(part).map_or_else(
                || half_tablets(part, product),
                |m| Dose::derived(m).to_string(),
            ),
            reason: "no administration may be zero".to_owned(),
        });
    }
    Ok((frequency, reduced))
}

/// A child's target beyond the documented exposure is refused before
/// anything is rounded (above 2 g/day the label's maximum speaks first, in
/// `Ends::new`). See: #10.
///
/// Returns the limit on this child's daily dose, and its value exactly,
/// when it was worked out.
fn refuse_beyond_exposure(
    patient: &Patient,
    schedule: LabelSchedule,
    target_mg: Exact,
    options: &Options,
) -> Result<Option<(Limit, Exact)>, Error> {
    if schedule != LabelSchedule::Child
        || exact::compare(target_mg, halves::exact_mg(halves::MAX_HALVES_PER_DAY)).is_gt()
    {
        return Ok(None);
    }
    let weight = patient.weight();
    let kg = weight.exact_kg();
    if !within_per_kg(target_mg, kg) {
        overrides::refuse_unless_overridden(
            CHILD_MAX_PER_KG_LIMIT,
            per_kg(target_mg, kg),
            false,
            &options.overrides,
        )?;
    }
    let (cap, cap_mg) = child_max_daily_limit(weight, patient.body_surface_area())?;
    if exact::compare(target_mg, cap_mg).is_gt() {
        overrides::refuse_unless_overridden(
            cap,
            exact::to_f64(target_mg),
            false,
            &options.overrides,
        )?;
    }
    Ok(Some((cap, cap_mg)))
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
    let target_calc = target.exact_daily_for(patient)?;
    let cap = refuse_beyond_exposure(patient, schedule, target_calc, options)?;
    let ends = Ends::new(
        product,
        patient,
        (schedule, start_ordered),
        target_calc,
        bsa,
        options.tolerance,
    )?;

    let ladder = Ladder {
        product,
        frequency: options.frequency.unwrap_or(schedule.frequency()),
        division: options.division,
        child_cap: (schedule == LabelSchedule::Child)
            .then_some(halves::CHILD_MAX_HALVES_PER_ADMINISTRATION),
        step_halves,
        interval_days: options.interval.days(),
        // The adult label's day-7 dose.
        lead_in: (schedule == LabelSchedule::Adult)
            .then_some((halves::ADULT_LEAD_IN_HALVES_PER_DAY, ADULT_FIRST_WEEK_DAYS)),
        maintenance: match schedule {
            LabelSchedule::Child => Some(
                maintenance_reference(options.basis, weight, bsa).ok_or_else(|| {
                    Error::too_large(
                        "patient.weight",
                        weight.to_string(),
                        "the child's maintenance dose",
                    )
                })?,
            ),
            LabelSchedule::Adult => None,
        },
    };
    let rungs = climb(&ladder, &ends)?;
    let exposure = decide_exposure(patient, options, schedule, &ladder, &rungs, cap)?;
    let decisions = Decisions {
        age,
        chosen_frequency: options.frequency,
        start_calculated: ends.start_calc,
        target_calculated: ends.target_calc,
        rungs,
        renal_alert: patient.egfr().is_some_and(|egfr| !renal_within(egfr)),
        exposure,
        outside_population: super::clinical::outside_population(age),
        overrides: options.overrides.clone(),
    };
    let plan = Plan {
        product,
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
        renal_function: patient.egfr(),
        clinical: super::clinical::clinical(),
        decisions,
        write_up: Derived::new(),
    };
    // Every override must name a hard limit the plan checked: read from
    // the plan's own record of its limits (written up only when the
    // caller gave an override).
    if !options.overrides.is_empty() {
        overrides::all_used(&options.overrides, plan.limits())?;
    }
    Ok(plan)
}

/// The start and the target, calculated and rounded.
pub(super) struct Ends {
    pub(super) start_calc: Exact,
    pub(super) target_calc: Exact,
    /// The rounded start, in half-tablets a day.
    pub(super) start: u64,
    /// The rounded target, in half-tablets a day.
    pub(super) end: u64,
}

impl Ends {
    /// Calculates the start, checks it and the target (`target_calc`
    /// mg/day) against 2 g/day and each other, and rounds each once to
    /// whole half-tablets.
    pub(super) fn new(
        product: &Product,
        patient: &Patient,
        (schedule, start_ordered): (LabelSchedule, DailyAmount),
        target_calc: Exact,
        bsa: Option<BodySurfaceArea>,
        tolerance: Tolerance,
    ) -> Result<Self, Error> {
        let weight = patient.weight();
        let start_calc = start_ordered.exact_daily_for(patient)?;
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
        // Compared by cross-multiplying, as every decision on fractions is.
        if exact::compare(start_calc, target_calc).is_gt() {
            return Err(below_start());
        }
        let ends = Self {
            start: round_halves(product, start_calc, tolerance, "start daily dose")?,
            end: round_halves(product, target_calc, tolerance, "target daily dose")?,
            start_calc,
            target_calc,
        };
        if ends.end < ends.start {
            return Err(below_start());
        }
        Ok(ends)
    }
}

/// What a daily dose is rounded to: whole half-tablets, within the
/// tolerance, never above 2 g/day. `what` names the dose in an error.
fn daily_target(calculated: Exact, tolerance: Tolerance, what: &'static str) -> Target {
    Target {
        calculated,
        tolerance,
        documented: None,
        // 2,000 mg/day, as 8 half-tablets (a test checks they agree).
        cap: Some(halves::exact_mg(halves::MAX_HALVES_PER_DAY)),
        allow_up: false,
        what,
        unit: "mg/day",
    }
}

/// A daily dose rounded to whole half-tablets by the crate's one rule, as
/// [`round_daily`] rounds it, with its error. Only the count is kept: the
/// rounding record is written up on read.
fn round_halves(
    product: &Product,
    calculated: Exact,
    tolerance: Tolerance,
    what: &'static str,
) -> Result<u64, Error> {
    round_daily(product, calculated, tolerance, what).map(|measured| {
        // With no documented range, the rule accepts only within the
        // tolerance (the write-up records it so).
        debug_assert_eq!(measured.accepted, Acceptance::WithinTolerance);
        measured.steps
    })
}

/// How the steps climb and how each day is divided.
pub(super) struct Ladder<'a> {
    pub(super) product: &'a Product,
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
    /// The label's maintenance for a child, mg/day, exactly (child
    /// schedule): a step above it carries that alert.
    pub(super) maintenance: Option<Exact>,
}

/// The steps from the rounded start to the rounded target, each with its
/// day and the division of its day.
pub(super) fn climb(ladder: &Ladder<'_>, ends: &Ends) -> Result<Rungs, Error> {
    let mut rungs = Rungs::new();
    let (mut halves, mut day) = (ends.start, 0_u32);
    let mut lead_in = ladder.lead_in;
    loop {
        let is_last = halves >= ends.end;
        let (frequency, reduced) = divide_day(ladder, day, halves)?;
        // Never above 2 g/day: the rounded target is not, and no step
        // passes it. Eight half-tablets fit a byte.
        let kept = match u8::try_from(halves) {
            Ok(kept) if halves <= halves::MAX_HALVES_PER_DAY => kept,
            _ => return Err(above_maximum_error("daily dose", halves::exact_mg(halves))),
        };
        rungs.push(Rung {
            day,
            halves: kept,
            frequency,
            reduced,
            above_maintenance: ladder.maintenance.is_some_and(|maintenance| {
                exact::compare(halves::exact_mg(halves), maintenance).is_gt()
            }),
        });
        if is_last {
            return Ok(rungs);
        }
        // Every branch climbs by at least one half-tablet (the lead-in is
        // above the start), so the loop ends at the target.
        (halves, day) = match lead_in.take().filter(|&(next, _)| next > halves) {
            Some((next, on_day)) => (next.min(ends.end), on_day),
            None => (
                halves.saturating_add(ladder.step_halves).min(ends.end),
                day.saturating_add(ladder.interval_days),
            ),
        };
    }
}

/// The bounds beyond the label's: a child's daily dose against the
/// documented case (hard: 1,250 mg/day, or the label's maintenance when
/// higher, and about 80 mg/kg/day, refused unless overridden), a child's
/// start against the adult start, and an adult's frequency against the
/// label's twice daily (advisories). `cap` is the limit on this child's
/// daily dose, and its value exactly, if it was already worked out.
fn decide_exposure(
    patient: &Patient,
    options: &Options,
    schedule: LabelSchedule,
    ladder: &Ladder<'_>,
    rungs: &Rungs,
    cap: Option<(Limit, Exact)>,
) -> Result<Exposure, Error> {
    match schedule {
        LabelSchedule::Child => {
            let highest = highest(rungs);
            // Per kg first: the exposure is what the documented case bounds.
            let weight = patient.weight();
            let per_kg_within = within_per_kg_halves(highest, weight);
            if !per_kg_within {
                overrides::refuse_unless_overridden(
                    CHILD_MAX_PER_KG_LIMIT,
                    per_kg(halves::exact_mg(highest), weight.exact_kg()),
                    false,
                    &options.overrides,
                )?;
            }
            let (cap, cap_mg) = match cap {
                Some(cap) => cap,
                None => child_max_daily_limit(weight, patient.body_surface_area())?,
            };
            let highest = halves::exact_mg(highest);
            let within = exact::compare(highest, cap_mg).is_le();
            if !within {
                overrides::refuse_unless_overridden(
                    cap,
                    exact::to_f64(highest),
                    false,
                    &options.overrides,
                )?;
            }
            let start = rungs.first().map_or(0, |r| r.halves());
            Ok(Exposure::Child {
                per_kg_within,
                daily: (cap.value(), within),
                start_above_adult: crossed(CHILD_START_LIMIT, halves::mg(start)),
            })
        }
        LabelSchedule::Adult => Ok(Exposure::Adult {
            frequency_off_label: crossed(ADULT_FREQUENCY_LIMIT, times_per_day(ladder.frequency)),
        }),
    }
}

/// The highest daily dose of the steps, in half-tablets.
pub(super) fn highest(rungs: &Rungs) -> u64 {
    rungs.iter().map(|r| r.halves()).max().unwrap_or_default()
}

/// Whether `halves` half-tablets a day are within the documented exposure
/// of about 80 mg/kg/day for `weight`: `250·halves ≤ 80 × grams / 1,000`,
/// decided on integers as [`within_per_kg`] decides it on fractions.
fn within_per_kg_halves(halves: u64, weight: BodyWeight) -> bool {
    let dose_mg_times_1000 = u128::from(halves) * u128::from(halves::HALF_TABLET_MG) * 1_000;
    let limit =
        u128::from(halves::DOCUMENTED_EXPOSURE_MG_PER_KG_PER_DAY) * u128::from(weight.grams());
    dose_mg_times_1000 <= limit
}

/// Whether `observed` crosses the advisory `limit`: the outcome of its
/// [`CheckedLimit`], which the write-up lists.
pub(super) fn crossed(limit: Limit, observed: f64) -> bool {
    CheckedLimit::new(limit, observed).outcome() == Outcome::CrossedWithAlert
}

/// The administrations a day of `frequency`, as a number.
pub(super) fn times_per_day(frequency: Frequency) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "1 to 4 administrations")]
    let times = frequency.times_per_day() as f64;
    times
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
