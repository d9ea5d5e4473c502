use super::{
    ADULT_FIRST_WEEK, ADULT_FIRST_WEEK_MG_PER_DOSE, ADULT_FREQUENCY, ADULT_FREQUENCY_LIMIT,
    ADULT_MG_PER_DOSE, ADULT_STEP_INTERVAL, ADULT_STEP_MG_PER_DAY, Alert, AlertKind, Basis,
    BodySurfaceArea, BodyWeight, Bound, CHILD_AGE_LIMIT, CHILD_AGE_LIMIT_YEARS, CHILD_FREQUENCY,
    CHILD_MAINTENANCE_MG_PER_KG_PER_DAY, CHILD_MAINTENANCE_MG_PER_M2_PER_DAY,
    CHILD_MAINTENANCE_PER_KG_LIMIT, CHILD_MAINTENANCE_PER_M2_LIMIT,
    CHILD_MAX_PER_ADMINISTRATION_LIMIT, CHILD_MAX_WEIGHT_KG, CHILD_START_LIMIT, CHILD_WEIGHT_LIMIT,
    CheckedLimit, DailyAmount, DailyDose, DailyDosePerKg, DailyDosePerM2, Dose, Exact, Frequency,
    LabelSchedule, Limit, MAX_DAILY_LIMIT, MAX_MG_PER_DAY, MIN_AGE_LIMIT, MIN_AGE_YEARS, Plan,
    RENAL_EGFR_ML_PER_MIN, RENAL_INDEXED_LIMIT, RENAL_LIMIT, START_MG_PER_KG_PER_DAY,
    START_MG_PER_M2_PER_DAY, Scope, Step, Tolerance, adult_daily, exact, halves, push_unique,
    sources, times_per_day,
};

use crate::alert::{Arg, Message};

/// The value an eGFR is compared with the label's 30 with, and the limit:
/// per 1.73 m² when the laboratory gave it so, otherwise mL/min.
fn renal_check(egfr: crate::patient::Egfr) -> (f64, Limit) {
    match egfr.for_threshold() {
        (value, "mL/min") => (value, RENAL_LIMIT),
        (value, _) => (value, RENAL_INDEXED_LIMIT),
    }
}

/// Whether an eGFR is above the label's 30 mL/min (per 1.73 m² when the
/// laboratory gave it so), decided exactly.
pub(super) fn renal_within(egfr: crate::patient::Egfr) -> bool {
    let (value, _) = renal_check(egfr);
    exact::compare(
        exact::constant(value),
        exact::constant(RENAL_EGFR_ML_PER_MIN),
    )
    .is_gt()
}

/// The plan's references: the documented case, the label, then Mosteller
/// and the rounding rule where they were used.
pub(super) fn plan_citations(
    basis: Basis,
    tolerance: Tolerance,
    target: DailyAmount,
) -> crate::citation::Citations {
    let mut citations: crate::citation::Citations =
        smallvec::smallvec![sources::J_RHEUMATOL_2001, sources::PROBENECID_LABEL];
    if basis == Basis::BodySurfaceArea || matches!(target, DailyAmount::PerM2(_)) {
        push_unique(&mut citations, sources::MOSTELLER_1987);
    }
    if tolerance.is_wider_than_default() {
        push_unique(&mut citations, sources::ROUNDING_RULE);
    }
    citations
}

/// The label's limits the plan was checked against, with what its `steps`
/// reach, and the roundings of its start and target; the checks beyond the
/// label's follow (see `write_up`).
pub(super) fn plan_limits(
    plan: &Plan,
    steps: &[Step],
    (start, end): (&crate::rounding::Rounding, &crate::rounding::Rounding),
) -> crate::limit::Limits {
    let (weight, age, bsa) = (plan.weight, plan.decisions.age, plan.body_surface_area);
    let highest = steps
        .iter()
        .map(|s| s.daily.mg_per_day())
        .fold(0.0, f64::max);
    let mut limits: crate::limit::Limits = smallvec::smallvec![
        CheckedLimit::new(MIN_AGE_LIMIT, age.years()),
        CheckedLimit::new(MAX_DAILY_LIMIT, highest),
        CheckedLimit::new(CHILD_WEIGHT_LIMIT, weight.kg()),
    ];
    // Over 50 kg the weight alone decides the adult schedule; otherwise the
    // age does.
    if !over_child_weight(weight) {
        limits.push(CheckedLimit::new(CHILD_AGE_LIMIT, age.years()));
    }
    if plan.schedule == LabelSchedule::Child {
        let largest = steps
            .iter()
            .flat_map(|s| s.schedule.administrations())
            .map(|a| a.dose().mg())
            .fold(0.0, f64::max);
        limits.push(CheckedLimit::new(
            CHILD_MAX_PER_ADMINISTRATION_LIMIT,
            largest,
        ));
        limits.push(match (plan.basis, bsa) {
            (Basis::BodySurfaceArea, Some(bsa)) => {
                CheckedLimit::new(CHILD_MAINTENANCE_PER_M2_LIMIT, highest / bsa.m2())
            }
            _ => CheckedLimit::new(CHILD_MAINTENANCE_PER_KG_LIMIT, highest / weight.kg()),
        });
    }
    if let Some(egfr) = plan.renal_function {
        let (value, limit) = renal_check(egfr);
        limits.push(CheckedLimit::decided(
            limit,
            value,
            !plan.decisions.renal_alert,
        ));
    }
    let fewest = steps
        .iter()
        .map(|s| s.schedule.administrations().len())
        .min()
        .unwrap_or(0);
    #[allow(clippy::cast_precision_loss, reason = "1 to 4 administrations")]
    limits.push(CheckedLimit::new(
        Limit::new(
            "probenecid.administrations.chosen",
            "chosen administrations",
            Bound::AtLeast,
            plan.frequency.times_per_day() as f64,
            "per day",
            Scope::PerDay,
            sources::PROBENECID_LABEL,
        ),
        fewest as f64,
    ));
    limits.push(start.checked());
    limits.push(end.checked());
    limits.push(plan.tolerance.usual_check());
    limits
}

/// The advisory for an eGFR at or below 30 mL/min (decided when planning).
fn renal_alert(egfr: crate::patient::Egfr) -> Alert {
    let (value, limit) = renal_check(egfr);
    let args = [
        Arg::quantity("egfr compared", value, 1, limit.unit()),
        Arg::quantity("renal limit", RENAL_EGFR_ML_PER_MIN, 0, limit.unit()),
    ];
    macro_rules! renal {
        () => {
            "eGFR {} is at or below {}: the label says probenecid may be ineffective"
        };
    }
    let message = if egfr.indexed().is_some() {
        Message::new(
            concat!(renal!(), " (eGFR {})"),
            args.into_iter()
                .chain([Arg::Given(egfr.to_string().into())]),
        )
    } else {
        Message::new(renal!(), args)
    };
    Alert::new(
        AlertKind::RenalFunction,
        message,
        Some(limit),
        sources::PROBENECID_LABEL,
    )
}

/// The label's advisories the plan carries, in a fixed order: label
/// references, renal function, fewer administrations, widened tolerance;
/// those of the checks beyond the label's follow (see `write_up`).
pub(super) fn plan_alerts(plan: &Plan, steps: &[Step]) -> Vec<Alert> {
    let decisions = &plan.decisions;
    let mut alerts = Vec::new();
    match plan.schedule {
        LabelSchedule::Child => alerts.extend(
            decisions
                .above_maintenance_from()
                .and_then(|first| maintenance_alert(plan, steps, first)),
        ),
        LabelSchedule::Adult => alerts.push(adult_schedule_alert(plan)),
    }
    if let Some(egfr) = plan.renal_function
        && decisions.renal_alert
    {
        alerts.push(renal_alert(egfr));
    }
    // The days given in fewer administrations than chosen.
    let reduced_days: Vec<Message> = decisions
        .rungs
        .iter()
        .zip(steps)
        .filter(|(rung, _)| rung.reduced)
        .map(|(_, step)| {
            let schedule = step.schedule();
            Message::new(
                "day {}, {} {}",
                [
                    Arg::unit_elsewhere("day", f64::from(step.day), 0, "days"),
                    Arg::of("daily dose", &schedule.total()),
                    Arg::Words(schedule.frequency().words()),
                ],
            )
        })
        .collect();
    if !reduced_days.is_empty() {
        let n = plan.frequency.times_per_day();
        #[allow(clippy::cast_precision_loss, reason = "1 to 4 administrations")]
        let chosen = n as f64;
        macro_rules! fewer {
            () => {
                "steps with fewer half-tablets than {} administrations are given one \
                 half-tablet each, less often ({}); "
            };
        }
        let days = Arg::List(reduced_days.into_boxed_slice());
        #[allow(clippy::cast_precision_loss, reason = "4 administrations")]
        let label_times = CHILD_FREQUENCY.times_per_day() as f64;
        let message = match plan.schedule {
            LabelSchedule::Child => Message::new(
                concat!(
                    fewer!(),
                    "the label divides a child's maintenance into {} doses"
                ),
                [
                    Arg::unit_elsewhere("chosen administrations", chosen, 0, "per day"),
                    days,
                    Arg::unit_elsewhere("label administrations", label_times, 0, "per day"),
                ],
            ),
            LabelSchedule::Adult => Message::new(
                concat!(fewer!(), "the label's adult schedule gives {}"),
                [
                    Arg::unit_elsewhere("chosen administrations", chosen, 0, "per day"),
                    days,
                    Arg::Words(ADULT_FREQUENCY.words()),
                ],
            ),
        };
        alerts.push(Alert::new(
            AlertKind::OutsideRegimenSource,
            message,
            Some(Limit::new(
                "probenecid.administrations.chosen",
                "chosen administrations",
                Bound::AtLeast,
                chosen,
                "per day",
                Scope::PerDay,
                sources::PROBENECID_LABEL,
            )),
            sources::PROBENECID_LABEL,
        ));
    }
    if plan.tolerance.is_wider_than_default() {
        alerts.push(plan.tolerance.widened_alert());
    }
    alerts
}

/// The label's maintenance for a child as a daily dose, mg/day, exactly:
/// 1.2 g/m²/day for the area on the body-surface-area basis, 40 mg/kg/day
/// for the weight otherwise. `None` only if the area's product overflowed,
/// which an area to nine decimals never does.
pub(super) fn maintenance_reference(
    basis: Basis,
    weight: BodyWeight,
    bsa: Option<BodySurfaceArea>,
) -> Option<Exact> {
    match (basis, bsa) {
        (Basis::BodySurfaceArea, Some(bsa)) => maintenance_by_area(bsa),
        _ => Some(maintenance_by_weight(weight)),
    }
}

/// The label's child maintenance of 40 mg/kg/day
/// ([`CHILD_MAINTENANCE_MG_PER_KG_PER_DAY`]) for `weight`, mg/day, exactly:
/// 40 × grams / 1,000.
pub(super) fn maintenance_by_weight(weight: BodyWeight) -> Exact {
    exact::frac(
        i128::from(weight.grams()) * i128::from(halves::MAINTENANCE_MG_PER_KG_PER_DAY),
        1_000,
    )
}

/// The label's child maintenance of 1.2 g/m²/day
/// ([`CHILD_MAINTENANCE_MG_PER_M2_PER_DAY`]) for the area `bsa` (read to
/// nine decimals of m²), mg/day, exactly; `None` on an overflow an area
/// never reaches.
pub(super) fn maintenance_by_area(bsa: BodySurfaceArea) -> Option<Exact> {
    exact::times(
        exact::constant(bsa.m2()),
        halves::MAINTENANCE_MG_PER_M2_PER_DAY,
    )
}

/// The advisory for a child above the label maintenance from step `first`
/// of `steps` (decided when planning).
pub(super) fn maintenance_alert(plan: &Plan, steps: &[Step], first: usize) -> Option<Alert> {
    let (weight, bsa) = (plan.weight, plan.body_surface_area);
    // Planning worked out the same value: it cannot fail here.
    let reference = exact::to_f64(maintenance_reference(plan.basis, weight, bsa)?);
    let (limit, per, body) = match (plan.basis, bsa) {
        (Basis::BodySurfaceArea, Some(bsa)) => (
            CHILD_MAINTENANCE_PER_M2_LIMIT,
            Arg::of(
                "label maintenance",
                &DailyDosePerM2::derived(CHILD_MAINTENANCE_MG_PER_M2_PER_DAY),
            ),
            Arg::of("body surface area", &bsa),
        ),
        _ => (
            CHILD_MAINTENANCE_PER_KG_LIMIT,
            Arg::of(
                "label maintenance",
                &DailyDosePerKg::derived(CHILD_MAINTENANCE_MG_PER_KG_PER_DAY),
            ),
            Arg::of("weight", &weight),
        ),
    };
    let first = steps.get(first)?;
    let last = steps.last()?;
    Some(Alert::new(
        AlertKind::AboveLabelReference,
        Message::new(
            "from day {} the daily dose is above the label maintenance for a child ({} to \
             under {}, up to {}) of {} for {} = {}; the plan reaches {} ({}), under the {} \
             maximum",
            [
                Arg::unit_elsewhere("day", f64::from(first.day), 0, "days"),
                Arg::quantity("child minimum age", MIN_AGE_YEARS, 0, "years"),
                Arg::quantity("child age limit", CHILD_AGE_LIMIT_YEARS, 0, "years"),
                Arg::quantity("child weight limit", CHILD_MAX_WEIGHT_KG, 0, "kg"),
                per,
                body,
                Arg::of(
                    "label maintenance daily dose",
                    &DailyDose::derived(reference),
                ),
                Arg::of("final daily dose", &last.daily),
                Arg::of("final rate", &last.achieved),
                Arg::of("maximum", &DailyDose::derived(MAX_MG_PER_DAY)),
            ],
        ),
        Some(limit),
        sources::PROBENECID_LABEL,
    ))
}

/// Whether the weight is over the label's 50 kg child limit, decided
/// exactly on whole grams.
pub(super) fn over_child_weight(weight: crate::BodyWeight) -> bool {
    weight.grams() > CHILD_MAX_WEIGHT_GRAMS
}

/// The child schedule's 50 kg ([`CHILD_MAX_WEIGHT_KG`]) in grams, the unit
/// a weight is held in.
const CHILD_MAX_WEIGHT_GRAMS: u32 = 50_000;

/// The advisory every plan on the adult schedule carries: which limit put
/// the patient there, and the label's adult schedule used instead of the
/// child start.
pub(super) fn adult_schedule_alert(plan: &Plan) -> Alert {
    let (weight, age) = (plan.weight, plan.decisions.age);
    let over_weight = over_child_weight(weight);
    let weight_args = || {
        [
            Arg::of("weight", &weight),
            Arg::quantity("child weight limit", CHILD_MAX_WEIGHT_KG, 0, "kg"),
        ]
    };
    let age_args = || {
        [
            Arg::of("age", &age),
            Arg::quantity("child age limit", CHILD_AGE_LIMIT_YEARS, 0, "years"),
        ]
    };
    let (why, limit) = if !over_weight {
        (
            Message::new("age {} ({} or older)", age_args()),
            CHILD_AGE_LIMIT,
        )
    } else if !age.is_under(CHILD_AGE_LIMIT_YEARS) {
        (
            Message::new(
                "{} (over {}) and age {} ({} or older)",
                weight_args().into_iter().chain(age_args()),
            ),
            CHILD_WEIGHT_LIMIT,
        )
    } else {
        (
            Message::new("{} (over {})", weight_args()),
            CHILD_WEIGHT_LIMIT,
        )
    };
    let child_start = match plan.basis {
        Basis::BodyWeight => Arg::of(
            "child start",
            &DailyDosePerKg::derived(START_MG_PER_KG_PER_DAY),
        ),
        Basis::BodySurfaceArea => Arg::of(
            "child start",
            &DailyDosePerM2::derived(START_MG_PER_M2_PER_DAY),
        ),
    };
    let label_step = plan.step.exact() == exact::constant(ADULT_STEP_MG_PER_DAY)
        && plan.interval == ADULT_STEP_INTERVAL;
    let step = || {
        [
            Arg::of("chosen step", &plan.step),
            Arg::Length(plan.interval),
        ]
    };
    let frequency = plan
        .decisions
        .chosen_frequency
        .filter(|&f| f != ADULT_FREQUENCY);
    let chosen = match (label_step, frequency) {
        (true, None) => Message::text(""),
        (true, Some(f)) => Message::new("; the caller chose {}", [Arg::Words(f.words())]),
        (false, None) => Message::new("; the caller chose +{} every {}", step()),
        (false, Some(f)) => Message::new(
            "; the caller chose +{} every {}, {}",
            step().into_iter().chain([Arg::Words(f.words())]),
        ),
    };
    Alert::new(
        AlertKind::AdultScheduleApplies,
        Message::new(
            "at {} the label's adult schedule was used instead of the child schedule's start \
             of {}: {} {} for {}, then {} {}, then +{} every {}, not above {}{}",
            [
                Arg::Clause(Box::new(why)),
                child_start,
                Arg::of(
                    "adult first-week dose",
                    &Dose::derived(ADULT_FIRST_WEEK_MG_PER_DOSE),
                ),
                Arg::Words(ADULT_FREQUENCY.words()),
                Arg::Length(ADULT_FIRST_WEEK),
                Arg::of("adult dose", &Dose::derived(ADULT_MG_PER_DOSE)),
                Arg::Words(ADULT_FREQUENCY.words()),
                Arg::of("adult step", &DailyDose::derived(ADULT_STEP_MG_PER_DAY)),
                Arg::Length(ADULT_STEP_INTERVAL),
                Arg::of("maximum", &DailyDose::derived(MAX_MG_PER_DAY)),
                Arg::Clause(Box::new(chosen)),
            ],
        ),
        Some(limit),
        sources::PROBENECID_LABEL,
    )
}

/// The advisory for a child whose start, `start` mg/day, is above the
/// adult start of 500 mg/day.
pub(super) fn child_start_alert(start: f64) -> Alert {
    Alert::new(
        AlertKind::AboveLabelReference,
        Message::new(
            "the child's start, {}, is above the adult start of {} ({} {} for the first week, \
             the label's gout section)",
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
    )
}

/// The advisory for an adult given doses `frequency`, not the label's
/// twice daily: it names the largest dose of `steps`.
pub(super) fn adult_frequency_alert(frequency: Frequency, steps: &[Step]) -> Alert {
    let largest = steps
        .iter()
        .flat_map(|s| s.schedule.administrations())
        .map(|a| a.dose().mg())
        .fold(0.0, f64::max);
    Alert::new(
        AlertKind::OutsideRegimenSource,
        Message::new(
            "the label gives adult doses {}; this plan gives them {}, up to {} in one dose",
            [
                Arg::Words(ADULT_FREQUENCY.words()),
                Arg::Words(frequency.words()),
                Arg::of("largest dose", &Dose::derived(largest)),
            ],
        ),
        Some(ADULT_FREQUENCY_LIMIT),
        sources::PROBENECID_LABEL,
    )
}

/// The adult frequency check: `frequency` against the label's twice daily.
pub(super) fn adult_frequency_check(frequency: Frequency) -> CheckedLimit {
    CheckedLimit::new(ADULT_FREQUENCY_LIMIT, times_per_day(frequency))
}

/// The child start check: `start` mg/day against the adult start.
pub(super) fn child_start_check(start: f64) -> CheckedLimit {
    CheckedLimit::new(CHILD_START_LIMIT, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_child_weight_limit_in_grams_is_fifty_kilograms() {
        let limit = exact::decimal(CHILD_MAX_WEIGHT_KG).unwrap();
        assert_eq!(exact::frac(CHILD_MAX_WEIGHT_GRAMS.into(), 1_000), limit);
        for kg in [49.999, 50.0, 50.001, 16.0, 150.0] {
            let weight = BodyWeight::from_kg(kg).unwrap();
            assert_eq!(
                over_child_weight(weight),
                exact::compare(weight.exact_kg(), limit).is_gt()
            );
        }
    }
}
