use super::{
    ADULT_FIRST_WEEK, ADULT_FIRST_WEEK_MG_PER_DOSE, ADULT_FREQUENCY, ADULT_MG_PER_DOSE,
    ADULT_STEP_INTERVAL, ADULT_STEP_MG_PER_DAY, Alert, AlertKind, Basis, BodySurfaceArea,
    BodyWeight, Bound, CHILD_AGE_LIMIT, CHILD_AGE_LIMIT_YEARS, CHILD_FREQUENCY,
    CHILD_MAINTENANCE_MG_PER_KG_PER_DAY, CHILD_MAINTENANCE_MG_PER_M2_PER_DAY,
    CHILD_MAINTENANCE_PER_KG_LIMIT, CHILD_MAINTENANCE_PER_M2_LIMIT,
    CHILD_MAX_PER_ADMINISTRATION_LIMIT, CHILD_MAX_WEIGHT_KG, CHILD_WEIGHT_LIMIT, CheckedLimit,
    DailyAmount, DailyDose, DailyDosePerKg, DailyDosePerM2, Dose, Ends, LabelSchedule, Ladder,
    Limit, MAX_DAILY_LIMIT, MAX_MG_PER_DAY, MIN_AGE_LIMIT, MIN_AGE_YEARS, Options, Patient,
    RENAL_EGFR_ML_PER_MIN, RENAL_INDEXED_LIMIT, RENAL_LIMIT, START_MG_PER_KG_PER_DAY,
    START_MG_PER_M2_PER_DAY, Scope, Step, exact, push_unique, sources,
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

/// The plan's references: the documented case, the label, then Mosteller
/// and the rounding rule where they were used.
pub(super) fn plan_citations(options: &Options, target: DailyAmount) -> crate::citation::Citations {
    let mut citations: crate::citation::Citations =
        smallvec::smallvec![sources::J_RHEUMATOL_2001, sources::PROBENECID_LABEL];
    if options.basis == Basis::BodySurfaceArea || matches!(target, DailyAmount::PerM2(_)) {
        push_unique(&mut citations, sources::MOSTELLER_1987);
    }
    if options.tolerance.is_wider_than_default() {
        push_unique(&mut citations, sources::ROUNDING_RULE);
    }
    citations
}

/// Every limit the plan was checked against, with what the plan reached.
pub(super) fn plan_limits(
    patient: &Patient,
    options: &Options,
    schedule: LabelSchedule,
    ladder: &Ladder<'_>,
    bsa: Option<BodySurfaceArea>,
    ends: &Ends,
    steps: &[Step],
) -> crate::limit::Limits {
    let weight = patient.weight();
    let highest = steps
        .iter()
        .map(|s| s.daily.mg_per_day())
        .fold(0.0, f64::max);
    let mut limits: crate::limit::Limits = smallvec::smallvec![
        CheckedLimit::new(MIN_AGE_LIMIT, patient.age().years()),
        CheckedLimit::new(MAX_DAILY_LIMIT, highest),
        CheckedLimit::new(CHILD_WEIGHT_LIMIT, weight.kg()),
    ];
    // Over 50 kg the weight alone decides the adult schedule; otherwise the
    // age does.
    if !over_child_weight(weight) {
        limits.push(CheckedLimit::new(CHILD_AGE_LIMIT, patient.age().years()));
    }
    if schedule == LabelSchedule::Child {
        let largest = steps
            .iter()
            .flat_map(|s| s.schedule.administrations())
            .map(|a| a.dose().mg())
            .fold(0.0, f64::max);
        limits.push(CheckedLimit::new(
            CHILD_MAX_PER_ADMINISTRATION_LIMIT,
            largest,
        ));
        limits.push(match (options.basis, bsa) {
            (Basis::BodySurfaceArea, Some(bsa)) => {
                CheckedLimit::new(CHILD_MAINTENANCE_PER_M2_LIMIT, highest / bsa.m2())
            }
            _ => CheckedLimit::new(CHILD_MAINTENANCE_PER_KG_LIMIT, highest / weight.kg()),
        });
    }
    if let Some(egfr) = patient.egfr() {
        let (value, limit) = renal_check(egfr);
        limits.push(CheckedLimit::decided(
            limit,
            value,
            exact::compare(
                exact::constant(value),
                exact::constant(RENAL_EGFR_ML_PER_MIN),
            )
            .is_gt(),
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
            ladder.frequency.times_per_day() as f64,
            "per day",
            Scope::PerDay,
            sources::PROBENECID_LABEL,
        ),
        fewest as f64,
    ));
    limits.push(ends.start.rounding.checked());
    limits.push(ends.end.rounding.checked());
    limits.push(options.tolerance.usual_check());
    limits
}

/// Every advisory the plan carries, in a fixed order: label references,
/// renal function, fewer administrations, widened tolerance.
pub(super) fn plan_alerts(
    patient: &Patient,
    options: &Options,
    schedule: LabelSchedule,
    ladder: &Ladder<'_>,
    bsa: Option<BodySurfaceArea>,
    steps: &[Step],
    reduced_days: &[Message],
) -> Vec<Alert> {
    let mut alerts = Vec::new();
    match schedule {
        LabelSchedule::Child => alerts.extend(maintenance_alert(
            options.basis,
            patient.weight(),
            bsa,
            steps,
        )),
        LabelSchedule::Adult => alerts.push(adult_schedule_alert(patient, options)),
    }
    if let Some(egfr) = patient.egfr() {
        let (value, limit) = renal_check(egfr);
        if exact::compare(
            exact::constant(value),
            exact::constant(RENAL_EGFR_ML_PER_MIN),
        )
        .is_le()
        {
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
            alerts.push(Alert::new(
                AlertKind::RenalFunction,
                message,
                Some(limit),
                sources::PROBENECID_LABEL,
            ));
        }
    }
    if !reduced_days.is_empty() {
        let n = ladder.frequency.times_per_day();
        #[allow(clippy::cast_precision_loss, reason = "1 to 4 administrations")]
        let chosen = n as f64;
        macro_rules! fewer {
            () => {
                "steps with fewer half-tablets than {} administrations are given one \
                 half-tablet each, less often ({}); "
            };
        }
        let days = Arg::List(reduced_days.to_vec().into_boxed_slice());
        #[allow(clippy::cast_precision_loss, reason = "4 administrations")]
        let label_times = CHILD_FREQUENCY.times_per_day() as f64;
        let message = match schedule {
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
    if options.tolerance.is_wider_than_default() {
        alerts.push(options.tolerance.widened_alert());
    }
    alerts
}

/// The advisory for a child above the label maintenance, if a step is.
pub(super) fn maintenance_alert(
    basis: Basis,
    weight: BodyWeight,
    bsa: Option<BodySurfaceArea>,
    steps: &[Step],
) -> Option<Alert> {
    let (reference, limit, per, body) = match (basis, bsa) {
        (Basis::BodySurfaceArea, Some(bsa)) => (
            CHILD_MAINTENANCE_MG_PER_M2_PER_DAY * bsa.m2(),
            CHILD_MAINTENANCE_PER_M2_LIMIT,
            Arg::of(
                "label maintenance",
                &DailyDosePerM2::derived(CHILD_MAINTENANCE_MG_PER_M2_PER_DAY),
            ),
            Arg::of("body surface area", &bsa),
        ),
        _ => (
            CHILD_MAINTENANCE_MG_PER_KG_PER_DAY * weight.kg(),
            CHILD_MAINTENANCE_PER_KG_LIMIT,
            Arg::of(
                "label maintenance",
                &DailyDosePerKg::derived(CHILD_MAINTENANCE_MG_PER_KG_PER_DAY),
            ),
            Arg::of("weight", &weight),
        ),
    };
    let first = steps
        .iter()
        .find(|s| exact::compare(s.daily.exact(), exact::constant(reference)).is_gt())?;
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
/// exactly (whole grams).
pub(super) fn over_child_weight(weight: crate::BodyWeight) -> bool {
    exact::decimal(CHILD_MAX_WEIGHT_KG)
        .is_some_and(|limit| exact::compare(weight.exact_kg(), limit).is_gt())
}

/// The advisory every plan on the adult schedule carries: which limit put
/// the patient there, and the label's adult schedule used instead of the
/// child start.
pub(super) fn adult_schedule_alert(patient: &Patient, options: &Options) -> Alert {
    let weight = patient.weight();
    let age = patient.age();
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
    let child_start = match options.basis {
        Basis::BodyWeight => Arg::of(
            "child start",
            &DailyDosePerKg::derived(START_MG_PER_KG_PER_DAY),
        ),
        Basis::BodySurfaceArea => Arg::of(
            "child start",
            &DailyDosePerM2::derived(START_MG_PER_M2_PER_DAY),
        ),
    };
    let label_step = options.step.exact() == exact::constant(ADULT_STEP_MG_PER_DAY)
        && options.interval == ADULT_STEP_INTERVAL;
    let step = || {
        [
            Arg::of("chosen step", &options.step),
            Arg::Length(options.interval),
        ]
    };
    let frequency = options.frequency.filter(|&f| f != ADULT_FREQUENCY);
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
