use super::{
    ADULT_FIRST_WEEK, ADULT_FIRST_WEEK_MG_PER_DOSE, ADULT_FREQUENCY, ADULT_MG_PER_DOSE,
    ADULT_STEP_INTERVAL, ADULT_STEP_MG_PER_DAY, Alert, AlertKind, Basis, BodySurfaceArea,
    BodyWeight, Bound, CHILD_AGE_LIMIT, CHILD_AGE_LIMIT_YEARS, CHILD_FREQUENCY,
    CHILD_MAINTENANCE_MG_PER_KG_PER_DAY, CHILD_MAINTENANCE_MG_PER_M2_PER_DAY,
    CHILD_MAINTENANCE_PER_KG_LIMIT, CHILD_MAINTENANCE_PER_M2_LIMIT,
    CHILD_MAX_PER_ADMINISTRATION_LIMIT, CHILD_MAX_WEIGHT_KG, CHILD_WEIGHT_LIMIT, CheckedLimit,
    Citation, DailyAmount, DailyDose, DailyDosePerKg, DailyDosePerM2, Dose, Ends, LabelSchedule,
    Ladder, Limit, MAX_DAILY_LIMIT, MAX_MG_PER_DAY, MIN_AGE_LIMIT, Options, Patient,
    RENAL_EGFR_ML_PER_MIN, RENAL_LIMIT, START_MG_PER_KG_PER_DAY, START_MG_PER_M2_PER_DAY, Scope,
    Step, child_band, day_number, exact, number, push_unique, sources,
};

/// The plan's references: the documented case, the label, then Mosteller
/// and the rounding rule where they were used.
pub(super) fn plan_citations(options: &Options, target: DailyAmount) -> Vec<Citation> {
    let mut citations = vec![sources::J_RHEUMATOL_2001, sources::PROBENECID_LABEL];
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
) -> Vec<CheckedLimit> {
    let weight = patient.weight();
    let highest = steps
        .iter()
        .map(|s| s.daily.mg_per_day())
        .fold(0.0, f64::max);
    let mut limits = vec![
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
        limits.push(CheckedLimit::decided(
            RENAL_LIMIT,
            egfr.ml_per_min(),
            exact::constant(egfr.ml_per_min()) > exact::constant(RENAL_EGFR_ML_PER_MIN),
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
    reduced_days: &[String],
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
    if let Some(egfr) = patient
        .egfr()
        .filter(|e| exact::constant(e.ml_per_min()) <= exact::constant(RENAL_EGFR_ML_PER_MIN))
    {
        alerts.push(Alert::new(
            AlertKind::RenalFunction,
            format!(
                "eGFR {egfr} is at or below {} mL/min: the label says probenecid may be \
                 ineffective",
                number(RENAL_EGFR_ML_PER_MIN, 0)
            ),
            Some(RENAL_LIMIT),
            sources::PROBENECID_LABEL,
        ));
    }
    if !reduced_days.is_empty() {
        let n = ladder.frequency.times_per_day();
        #[allow(clippy::cast_precision_loss, reason = "1 to 4 administrations")]
        let chosen = n as f64;
        let label = match schedule {
            LabelSchedule::Child => format!(
                "the label divides a child's maintenance into {} doses",
                CHILD_FREQUENCY.times_per_day()
            ),
            LabelSchedule::Adult => {
                format!("the label's adult schedule gives {ADULT_FREQUENCY}")
            }
        };
        alerts.push(Alert::new(
            AlertKind::OutsideRegimenSource,
            format!(
                "steps with fewer half-tablets than {n} administrations are given one \
                 half-tablet each, less often ({}); {label}",
                reduced_days.join("; "),
            ),
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
    let (reference, limit, per) = match (basis, bsa) {
        (Basis::BodySurfaceArea, Some(bsa)) => (
            CHILD_MAINTENANCE_MG_PER_M2_PER_DAY * bsa.m2(),
            CHILD_MAINTENANCE_PER_M2_LIMIT,
            format!(
                "{} for {bsa}",
                DailyDosePerM2::derived(CHILD_MAINTENANCE_MG_PER_M2_PER_DAY)
            ),
        ),
        _ => (
            CHILD_MAINTENANCE_MG_PER_KG_PER_DAY * weight.kg(),
            CHILD_MAINTENANCE_PER_KG_LIMIT,
            format!(
                "{} for {weight}",
                DailyDosePerKg::derived(CHILD_MAINTENANCE_MG_PER_KG_PER_DAY)
            ),
        ),
    };
    let first = steps
        .iter()
        .find(|s| s.daily.exact() > exact::constant(reference))?;
    let last = steps.last()?;
    Some(Alert::new(
        AlertKind::AboveLabelReference,
        format!(
            "from day {} the daily dose is above the label maintenance for a child ({}) of \
             {per} = {}; the plan reaches {} ({}), under the {} maximum",
            day_number(first.day),
            child_band(),
            DailyDose::derived(reference),
            last.daily,
            last.achieved,
            DailyDose::derived(MAX_MG_PER_DAY),
        ),
        Some(limit),
        sources::PROBENECID_LABEL,
    ))
}

/// Whether the weight is over the label's 50 kg child limit, decided
/// exactly (whole grams).
pub(super) fn over_child_weight(weight: crate::BodyWeight) -> bool {
    exact::decimal(CHILD_MAX_WEIGHT_KG).is_some_and(|limit| weight.exact_kg() > limit)
}

/// The advisory every plan on the adult schedule carries: which limit put
/// the patient there, and the label's adult schedule used instead of the
/// child start.
pub(super) fn adult_schedule_alert(patient: &Patient, options: &Options) -> Alert {
    let weight = patient.weight();
    let age = patient.age();
    let over_weight = over_child_weight(weight);
    let weight_text = format!("{weight} (over {} kg)", number(CHILD_MAX_WEIGHT_KG, 0));
    let age_text = format!(
        "age {age} ({} years or older)",
        number(CHILD_AGE_LIMIT_YEARS, 0)
    );
    let weight_limit = CHILD_WEIGHT_LIMIT;
    let (why, limit) = if !over_weight {
        (age_text, CHILD_AGE_LIMIT)
    } else if !age.is_under(CHILD_AGE_LIMIT_YEARS) {
        (format!("{weight_text} and {age_text}"), weight_limit)
    } else {
        (weight_text, weight_limit)
    };
    let child_start = match options.basis {
        Basis::BodyWeight => DailyDosePerKg::derived(START_MG_PER_KG_PER_DAY).to_string(),
        Basis::BodySurfaceArea => DailyDosePerM2::derived(START_MG_PER_M2_PER_DAY).to_string(),
    };
    let mut chosen = Vec::new();
    let label_step = options.step.exact() == exact::constant(ADULT_STEP_MG_PER_DAY);
    if !label_step || options.interval != ADULT_STEP_INTERVAL {
        chosen.push(format!(
            "+{} every {}",
            options.step,
            options.interval.length()
        ));
    }
    if let Some(frequency) = options.frequency.filter(|&f| f != ADULT_FREQUENCY) {
        chosen.push(frequency.to_string());
    }
    let chosen = if chosen.is_empty() {
        String::new()
    } else {
        format!("; the caller chose {}", chosen.join(", "))
    };
    Alert::new(
        AlertKind::AdultScheduleApplies,
        format!(
            "at {why} the label's adult schedule was used instead of the child schedule's start \
             of {child_start}: {} {ADULT_FREQUENCY} for {}, then {} {ADULT_FREQUENCY}, then \
             +{} every {}, not above {}{chosen}",
            Dose::derived(ADULT_FIRST_WEEK_MG_PER_DOSE),
            ADULT_FIRST_WEEK.length(),
            Dose::derived(ADULT_MG_PER_DOSE),
            DailyDose::derived(ADULT_STEP_MG_PER_DAY),
            ADULT_STEP_INTERVAL.length(),
            DailyDose::derived(MAX_MG_PER_DAY),
        ),
        Some(limit),
        sources::PROBENECID_LABEL,
    )
}
