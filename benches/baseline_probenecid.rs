//! The plain-`f64` probenecid baseline: the same titration as
//! `probenecid::plan` on bare numbers (see `probenecid.rs`), shared by the
//! timing bench and the instruction count (`instructions.rs`).
//!
//! It makes the decisions the plan makes, with none of its validation,
//! citations, limits or text: the age contraindication, the step size in
//! half-tablets, the label's schedule for the patient, the 2 g/day maximum
//! and the documented exposure of a child (about 80 mg/kg/day, and
//! 1,250 mg/day or the label's maintenance when higher) on the target and
//! on the highest step, the rounding of the start and the target, the
//! division of each day (fewer administrations on small steps, at most
//! 500 mg per administration for a child), and the alerts: a child's start
//! above the adult start, the first step above the label's maintenance,
//! fewer administrations, a widened tolerance, an adult patient.

/// One step of the baseline: day, daily mg, and the mg of each
/// administration.
pub type BaselineStep = (u32, f64, Vec<f64>);

/// What the baseline decides.
#[derive(Debug, PartialEq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "one flag per alert, as plain code keeps them"
)]
pub struct BaselinePlan {
    /// The steps, in order.
    pub steps: Vec<BaselineStep>,
    /// The first step above the label's maintenance for a child (the
    /// alert), by index.
    pub above_maintenance_from: Option<usize>,
    /// Whether a child's start is above the adult start of 500 mg/day.
    pub start_above_adult: bool,
    /// Whether a step is given in fewer administrations than chosen.
    pub fewer_administrations: bool,
    /// Whether the tolerance is wider than the usual 10 %.
    pub widened_tolerance: bool,
    /// Whether the patient is an adult (outside the documented population).
    pub outside_population: bool,
    /// Whether the adult schedule applies (15 years or older, or over
    /// 50 kg).
    pub adult_schedule: bool,
}

/// The same titration in bare `f64`, for a patient of `kg` and
/// `age_years`, up to `target_mg` a day, with `tolerance` (a fraction),
/// steps of 500 mg/day every 4 weeks, fewer administrations on small steps.
/// `None` where the plan refuses.
#[allow(
    clippy::too_many_lines,
    reason = "one plain function, as a hand-written baseline is"
)]
pub fn baseline(kg: f64, age_years: f64, target_mg: f64, tolerance: f64) -> Option<BaselinePlan> {
    const HALF: f64 = 250.0;
    const STEP: f64 = 500.0;
    const MAX: f64 = 2000.0;
    if age_years < 2.0 || (STEP / HALF).fract() != 0.0 {
        return None;
    }
    let child = age_years < 15.0 && kg <= 50.0;
    let doses: u64 = if child { 4 } else { 2 };
    let start_mg = if child { 25.0 * kg } else { 500.0 };
    let cap = f64::max(1250.0, 40.0 * kg);
    if child && (target_mg > 80.0 * kg || target_mg > cap) {
        return None;
    }
    if start_mg > MAX || target_mg > MAX || start_mg > target_mg {
        return None;
    }
    let round = |mg: f64| -> Option<f64> {
        let lo = (mg / HALF).floor() * HALF;
        let hi = (mg / HALF).ceil() * HALF;
        let best = if lo >= HALF && (mg - lo) <= (hi - mg) {
            lo
        } else {
            hi
        };
        ((best - mg).abs() <= tolerance * mg && best <= MAX).then_some(best)
    };
    let start = round(start_mg)?;
    let end = round(target_mg)?;
    if end < start {
        return None;
    }
    let mut steps = Vec::new();
    let mut fewer_administrations = false;
    let (mut daily, mut day) = (start, 0);
    let mut lead_in = (!child).then_some((1000.0, 7));
    loop {
        // At most 8 half-tablets a day (2 g/day): exact in u64.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let halves = (daily / HALF).round() as u64;
        let n = halves.min(doses);
        fewer_administrations |= n < doses;
        // A child's largest administration is at most 500 mg.
        if child && halves.div_ceil(n) > 2 {
            return None;
        }
        let administrations = (0..n)
            .map(|i| {
                let count = halves / n + u64::from(i < halves % n);
                #[allow(clippy::cast_precision_loss)]
                let mg = count as f64 * HALF;
                mg
            })
            .collect();
        steps.push((day, daily, administrations));
        if daily >= end {
            break;
        }
        (daily, day) = match lead_in.take().filter(|&(next, _)| next > daily) {
            Some((next, on_day)) => (f64::min(next, end), on_day),
            None => ((daily + STEP).min(end), day + 28),
        };
    }
    // The highest step against the documented exposure of a child.
    if child && (end > 80.0 * kg || end > cap) {
        return None;
    }
    Some(BaselinePlan {
        above_maintenance_from: if child {
            steps.iter().position(|s| s.1 > 40.0 * kg)
        } else {
            None
        },
        start_above_adult: child && start > 500.0,
        steps,
        fewer_administrations,
        widened_tolerance: tolerance > 0.10,
        outside_population: age_years >= 18.0,
        adult_schedule: !child,
    })
}

/// Whether `plan` made the decisions the baseline made: the same steps
/// (day, daily dose, administrations) and the same alerts, by kind.
pub fn agrees(plan: &calcinosis_dosing::probenecid::Plan, base: &BaselinePlan) -> bool {
    use calcinosis_dosing::AlertKind;
    let steps: Vec<BaselineStep> = plan
        .steps()
        .iter()
        .map(|s| {
            let doses = s.administrations().iter().map(|a| a.dose().mg()).collect();
            (s.day(), s.daily().mg_per_day(), doses)
        })
        .collect();
    let mut expected: Vec<String> = [
        (
            base.above_maintenance_from.is_some(),
            AlertKind::AboveLabelReference,
        ),
        (base.start_above_adult, AlertKind::AboveLabelReference),
        (base.fewer_administrations, AlertKind::OutsideRegimenSource),
        (base.widened_tolerance, AlertKind::WidenedTolerance),
        (
            base.outside_population,
            AlertKind::OutsideDocumentedPopulation,
        ),
        (base.adult_schedule, AlertKind::AdultScheduleApplies),
    ]
    .into_iter()
    .filter(|&(raised, _)| raised)
    .map(|(_, kind)| format!("{kind:?}"))
    .collect();
    let mut raised: Vec<String> = plan
        .alerts()
        .iter()
        .map(|a| format!("{:?}", a.kind()))
        .collect();
    expected.sort();
    raised.sort();
    steps == base.steps && expected == raised
}

/// The plan and the baseline over a grid of requests (weights from 5 to
/// 60 kg by 250 g, ages on both sides of 2, 15 and 18 years, targets from
/// 250 to 2,250 mg/day, tolerances of 10 % and 25 %): how many were
/// compared, and in how many the two did not make the same decisions
/// (different steps or alerts, or one refused and the other did not).
#[allow(
    dead_code,
    reason = "the timing bench runs it; the instruction count shares this file for the baseline"
)]
pub fn disagreements() -> (u32, u32) {
    use calcinosis_dosing::probenecid::{self, DailyAmount, Division, Options};
    use calcinosis_dosing::{Age, BodyWeight, DailyDose, Patient, Tolerance};
    let (mut compared, mut differing) = (0, 0);
    for grams in (5_000..=60_000).step_by(250) {
        let kg = f64::from(grams) / 1000.0;
        for age in [1.5, 2.0, 4.0, 10.0, 14.9, 15.0, 17.0, 18.0, 40.0] {
            for target in [
                250.0, 500.0, 750.0, 900.0, 1000.0, 1100.0, 1250.0, 1500.0, 1750.0, 2000.0, 2250.0,
            ] {
                for tolerance in [0.1, 0.25] {
                    let (Ok(weight), Ok(years), Ok(daily), Ok(percent)) = (
                        BodyWeight::from_kg(kg),
                        Age::from_years(age),
                        DailyDose::from_mg_per_day(target),
                        Tolerance::from_percent(tolerance * 100.0),
                    ) else {
                        differing += 1;
                        continue;
                    };
                    let options = Options::default()
                        .tolerance(percent)
                        .division(Division::FewerOnSmallSteps);
                    let plan = probenecid::plan(
                        &Patient::new(weight, years),
                        DailyAmount::Daily(daily),
                        &options,
                    );
                    let same = match (plan, baseline(kg, age, target, tolerance)) {
                        (Ok(plan), Some(base)) => agrees(&plan, &base),
                        (Err(_), None) => true,
                        _ => false,
                    };
                    compared += 1;
                    differing += u32::from(!same);
                }
            }
        }
    }
    (compared, differing)
}
