//! An invariant checker for any plan: the first rule a plan breaks, for
//! callers' property tests and for the crate's own.

use std::fmt;

use super::Plan;
use crate::limit::{Outcome, Severity};
use crate::{AlertKind, DailySchedule};

/// A rule a plan broke, and how.
///
/// # Example
///
/// See [`check_plan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    rule: &'static str,
    detail: String,
}

impl Violation {
    fn new(rule: &'static str, detail: impl Into<String>) -> Self {
        Self {
            rule,
            detail: detail.into(),
        }
    }

    /// The rule: `no_zero_administration`, `limits_respected`,
    /// `administrations_sum_to_totals`, `steps_ordered` or
    /// `text_agrees_with_data`.
    ///
    /// # Example
    ///
    /// See [`check_plan`].
    #[must_use]
    pub const fn rule(&self) -> &'static str {
        self.rule
    }

    /// What broke it.
    ///
    /// # Example
    ///
    /// See [`check_plan`].
    #[must_use]
    pub fn detail(&self) -> &str {
        &self.detail
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.rule, self.detail)
    }
}

impl std::error::Error for Violation {}

/// Checks the invariants every plan keeps, and returns the first it
/// breaks:
///
/// - **no administration of zero**: every dose, site volume and
///   application is above zero;
/// - **every limit respected unless an override is recorded**: a limit is
///   within, limited to, crossed only with an alert naming it (advisory),
///   or overridden with an `overridden` alert (hard);
/// - **administrations sum to their totals**: each day's doses add up to
///   its total;
/// - **steps ordered**: titration steps and sessions by day, and a
///   titration never decreases;
/// - **text agreeing with the data**: the plan's text states each day's
///   schedule, each limit and each alert.
///
/// # Errors
///
/// The first [`Violation`] found.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{check_plan, Request};
///
/// let json = std::fs::read_to_string("examples/requests/probenecid-case-4-year-old.json")?;
/// let plan = Request::from_json(&json)?.plan()?;
/// check_plan(&plan)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// The rules of the crate's own properties (`tests/it/`).
pub fn check_plan(plan: &Plan) -> Result<(), Violation> {
    let text = plan.to_string();
    match plan {
        Plan::Diltiazem(p) => day(p.schedule(), &text)?,
        Plan::Probenecid(p) => {
            let mut last: Option<(u32, f64)> = None;
            for step in p.steps() {
                day(step.schedule(), &text)?;
                let now = (step.day(), step.daily().mg_per_day());
                if let Some((d, mg)) = last
                    && (now.0 <= d || now.1 < mg)
                {
                    return Err(Violation::new(
                        "steps_ordered",
                        format!(
                            "day {} ({} mg/day) after day {d} ({mg} mg/day)",
                            now.0, now.1
                        ),
                    ));
                }
                last = Some(now);
            }
        }
        Plan::Topical(p) => {
            if p.per_application_g() <= 0.0 {
                return Err(Violation::new(
                    "no_zero_administration",
                    "no cream per application",
                ));
            }
        }
        Plan::IntralesionalCaseSeries(p) | Plan::IntralesionalGrid(p) => {
            if p.per_site().volume_ml() <= 0.0 || p.sites().is_empty() {
                return Err(Violation::new(
                    "no_zero_administration",
                    "no volume at a site",
                ));
            }
            if !p.session_days().is_sorted()
                || p.session_days().len() != usize::try_from(p.sessions()).unwrap_or(0)
            {
                return Err(Violation::new(
                    "steps_ordered",
                    format!("session days {:?}", p.session_days()),
                ));
            }
        }
    }
    limits(plan, &text)
}

/// One day's schedule: no zero dose, doses sum to the total, the text says it.
fn day(schedule: &DailySchedule, text: &str) -> Result<(), Violation> {
    let doses: Vec<f64> = schedule
        .administrations()
        .iter()
        .map(|a| a.dose().mg())
        .collect();
    if doses.iter().any(|&mg| mg <= 0.0) || doses.is_empty() {
        return Err(Violation::new(
            "no_zero_administration",
            format!("{schedule}"),
        ));
    }
    let sum: f64 = doses.iter().sum();
    let total = schedule.total().mg_per_day();
    if (sum - total).abs() > 1e-9 * total.max(1.0) {
        return Err(Violation::new(
            "administrations_sum_to_totals",
            format!("{sum} mg given, {total} mg/day stated"),
        ));
    }
    if !text.contains(&schedule.to_string()) {
        return Err(Violation::new(
            "text_agrees_with_data",
            format!("the text does not state \"{schedule}\""),
        ));
    }
    Ok(())
}

/// Every limit respected unless an override is recorded, and written.
fn limits(plan: &Plan, text: &str) -> Result<(), Violation> {
    let alerts = plan.alerts();
    for checked in plan.limits() {
        let id = checked.limit().id();
        let alerted = |kind: Option<AlertKind>| {
            alerts.iter().any(|a| {
                a.limit().is_some_and(|l| l.id() == id) && kind.is_none_or(|k| a.kind() == k)
            })
        };
        let ok = match (checked.outcome(), checked.limit().severity()) {
            (Outcome::Within | Outcome::LimitedTo, _) => true,
            (Outcome::CrossedWithAlert, Severity::Advisory) => alerted(None),
            (Outcome::Overridden, Severity::Hard) => alerted(Some(AlertKind::Overridden)),
            _ => false,
        };
        if !ok {
            return Err(Violation::new(
                "limits_respected",
                format!("{checked}, with no alert or recorded override naming it"),
            ));
        }
        if !text.contains(&format!("({id})")) {
            return Err(Violation::new(
                "text_agrees_with_data",
                format!("the text does not list the limit {id}"),
            ));
        }
    }
    for alert in alerts {
        if !text.contains(&alert.message()) {
            return Err(Violation::new(
                "text_agrees_with_data",
                format!("the text does not state the alert \"{}\"", alert.message()),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dose::{Dose, UnitStrength};
    use crate::plan::{Administration, Frequency};
    use crate::product::Product;

    fn schedule(doses: &[f64]) -> DailySchedule {
        let product = Product::tablets(
            "tablets",
            &[UnitStrength::from_mg(60.0).unwrap()],
            crate::product::Splitting::WholeOnly,
        )
        .unwrap();
        let give = product.give(1).unwrap();
        DailySchedule::new(
            Frequency::TwiceDaily,
            doses
                .iter()
                .map(|&mg| Administration::new(Dose::derived(mg), give.clone())),
        )
    }

    /// The checker can fail: a zero dose, and a text that does not state the
    /// schedule, are each reported by their rule.
    #[test]
    fn a_broken_day_is_reported() {
        let zero = schedule(&[60.0, 0.0]);
        assert_eq!(
            day(&zero, &zero.to_string()).unwrap_err().rule(),
            "no_zero_administration"
        );
        let fine = schedule(&[60.0, 60.0]);
        assert_eq!(day(&fine, &fine.to_string()), Ok(()));
        assert_eq!(
            day(&fine, "some other text").unwrap_err().rule(),
            "text_agrees_with_data"
        );
    }
}
