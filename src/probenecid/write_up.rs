//! A plan's steps, alerts, limits and references, written up from its
//! decisions on first read.
//!
//! Nothing here decides: the counts of half-tablets, the days, the
//! divisions, which limits refuse the plan and which alerts it carries were
//! decided when the plan was made ([`super::decisions`]). This module turns
//! them into the figures, schedules, texts and records the plan shows.

use super::checks::{
    adult_frequency_alert, adult_frequency_check, child_start_alert, child_start_check,
    plan_alerts, plan_citations, plan_limits,
};
use super::decisions::{Exposure, Rung};
use super::{
    Administration, Alert, CHILD_MAX_PER_KG_LIMIT, CheckedLimit, DailyDose, DailySchedule, Dose,
    Plan, Step, child_max_daily, exact, halves, highest, per_kg,
};
use crate::limit::Limits;
use crate::overrides::{self, Override};
use crate::rounding::{Acceptance, Rounding, record};

/// A plan's steps, alerts, limits and references.
#[derive(Debug, Clone)]
pub(super) struct WriteUp {
    pub(super) steps: Vec<Step>,
    pub(super) alerts: Vec<Alert>,
    pub(super) limits: Limits,
    pub(super) citations: crate::citation::Citations,
}

/// Writes up `plan` from its decisions.
pub(super) fn write_up(plan: &Plan) -> WriteUp {
    let decisions = &plan.decisions;
    let start = rounded(plan, decisions.start_calculated, decisions.start_halves());
    let end = rounded(plan, decisions.target_calculated, decisions.end_halves());
    let steps: Vec<Step> = decisions
        .rungs
        .iter()
        .enumerate()
        .map(|(i, &rung)| step(plan, rung, i == 0, (&start, &end)))
        .collect();
    let mut alerts = plan_alerts(plan, &steps);
    let mut limits = plan_limits(plan, &steps, (&start, &end));
    match decisions.exposure {
        Exposure::Child {
            per_kg_within,
            daily: (cap, daily_within),
            start_above_adult,
        } => {
            let overrides = &decisions.overrides;
            let highest = halves::exact_mg(highest(&decisions.rungs));
            let per_kg = per_kg(highest, plan.weight.exact_kg());
            let (per_kg, daily) = (
                (per_kg, per_kg_within),
                (exact::to_f64(highest), daily_within),
            );
            hard_limit(
                CHILD_MAX_PER_KG_LIMIT,
                per_kg,
                overrides,
                &mut limits,
                &mut alerts,
            );
            hard_limit(
                child_max_daily(cap),
                daily,
                overrides,
                &mut limits,
                &mut alerts,
            );
            let start = steps.first().map_or(0.0, |s| s.daily.mg_per_day());
            if start_above_adult {
                alerts.push(child_start_alert(start));
            }
            limits.push(child_start_check(start));
        }
        Exposure::Adult {
            frequency_off_label,
        } => {
            if frequency_off_label {
                alerts.push(adult_frequency_alert(plan.frequency, &steps));
            }
            limits.push(adult_frequency_check(plan.frequency));
        }
    }
    super::clinical::write_population(
        decisions.age,
        decisions.outside_population,
        &mut limits,
        &mut alerts,
    );
    let mut citations = plan_citations(plan.basis, plan.tolerance, plan.target_ordered);
    crate::plan::complete_citations(&mut citations, &limits, &alerts, plan.clinical);
    WriteUp {
        steps,
        alerts,
        limits,
        citations,
    }
}

/// The rounding record of a dose calculated as `calculated` mg/day and
/// rounded to `halves` half-tablets within the plan's tolerance, as the
/// crate's rounding rule records it.
fn rounded(plan: &Plan, calculated: exact::Exact, halves: u64) -> Rounding {
    record(
        calculated,
        plan.tolerance,
        halves::exact_mg(halves),
        Acceptance::WithinTolerance,
        exact::to_f64,
    )
}

/// One step: its day, its calculated and measurable daily dose, and its
/// administrations. The first step is the rounded start, the last the
/// rounded target; a step between is its own measurable dose.
fn step(plan: &Plan, rung: Rung, first: bool, (start, end): (&Rounding, &Rounding)) -> Step {
    let decisions = &plan.decisions;
    let (calculated, deviation) = if first {
        (
            exact::to_f64(decisions.start_calculated),
            start.deviation_percent(),
        )
    } else if rung.halves() >= decisions.end_halves() {
        (
            exact::to_f64(decisions.target_calculated),
            end.deviation_percent(),
        )
    } else {
        (halves::mg(rung.halves()), 0.0)
    };
    let count = rung.frequency.times_per_day();
    // Every part can be given: checked when planning (`divide_day`).
    let administrations = halves::parts(rung.halves(), count).filter_map(|part| {
        let give = plan.product.give(part)?;
        Some(Administration::new(Dose::derived(halves::mg(part)), give))
    });
    let schedule = DailySchedule::new(rung.frequency, administrations);
    let daily: DailyDose = schedule.total();
    Step {
        day: rung.day,
        calculated: DailyDose::derived(calculated),
        daily,
        deviation_percent: deviation,
        achieved: daily.per_kg(plan.weight),
        schedule,
    }
}

/// A hard limit's record, `(observed, within)` as decided when planning,
/// and, beyond it, the caller's override with its alert quoting the
/// reason, as [`overrides::enforce`] writes them.
fn hard_limit(
    limit: crate::limit::Limit,
    (observed, within): (f64, bool),
    overrides: &[Override],
    limits: &mut Limits,
    alerts: &mut Vec<Alert>,
) {
    if overrides::enforce(limit, observed, within, overrides, limits, alerts).is_err() {
        // Not reached: a plan beyond a hard limit that no override names
        // was refused when it was made. Listed as crossed, never dropped.
        limits.push(CheckedLimit::new(limit, observed));
    }
}
