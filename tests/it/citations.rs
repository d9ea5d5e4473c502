//! Every limit and every alert cites a source whose stated facts include it
//! (issue #11): a limit by its id, an alert by the limit it names or, when
//! it names none, by its kind (`alert.` and the kind's key).

#![cfg(feature = "serde")]

use calcinosis_dosing::{AlertKind, Plan, Request};

use crate::golden::{example_requests, seeded_requests};

/// Requests beyond the examples and the seeds that reach the rarer limits
/// and alerts: a child on each capsule, an infant, an adult on probenecid
/// with a once-daily frequency and reduced renal function, a child's
/// fingertip ring block with epinephrine, a topical plan with a height.
const MORE: [&str; 8] = [
    r#"{"regimen":"diltiazem","patient":{"weight":{"value":40,"unit":"kg"},"age":{"value":8,"unit":"a"}},"rate":{"value":3,"unit":"mg/kg/d"},"formulation":"extended_release_cd"}"#,
    r#"{"regimen":"diltiazem","patient":{"weight":{"value":40,"unit":"kg"},"age":{"value":8,"unit":"a"}},"rate":{"value":3,"unit":"mg/kg/d"},"formulation":"extended_release_tiazac"}"#,
    r#"{"regimen":"diltiazem","patient":{"weight":{"value":7,"unit":"kg"},"age":{"value":6,"unit":"mo"}},"rate":{"value":3,"unit":"mg/kg/d"},"formulation":"oral_suspension"}"#,
    r#"{"regimen":"diltiazem","patient":{"weight":{"value":150,"unit":"kg"},"age":{"value":60,"unit":"a"}},"rate":{"value":3,"unit":"mg/kg/d"}}"#,
    r#"{"regimen":"probenecid","patient":{"weight":{"value":70,"unit":"kg"},"age":{"value":45,"unit":"a"},"egfr":{"value":25,"unit":"mL/min"}},"target":{"value":2000,"unit":"mg/d"},"frequency":"once_daily"}"#,
    r#"{"regimen":"intralesional_case_series","patient":{"weight":{"value":14,"unit":"kg"},"age":{"value":3,"unit":"a"}},"lesion":{"site":"fingertip","size":{"diameter":{"value":4,"unit":"mm"}},"distribution":"localised","ulceration":"absent"},"volume_per_injection":{"value":0.2,"unit":"mL"},"stock":"injection","diluent":"sterile_water","ring_block":{"solution":{"strength":"two_percent","formulation":"with_epinephrine"},"volume":{"value":2,"unit":"mL"}}}"#,
    r#"{"regimen":"topical","patient":{"weight":{"value":20,"unit":"kg"},"age":{"value":6,"unit":"a"},"height":{"value":115,"unit":"cm"}},"area":{"value":60,"unit":"cm2"},"pack_size":{"value":50,"unit":"g"}}"#,
    r#"{"regimen":"probenecid","patient":{"weight":{"value":11,"unit":"kg"},"age":{"value":2,"unit":"a"},"height":{"value":85,"unit":"cm"},"egfr":{"value":100,"unit":"mL/min/{1.73_m2}"}},"target":{"value":500,"unit":"mg/d"},"division":"fewer_on_small_steps"}"#,
];

fn plans() -> Vec<Plan> {
    let from_examples = example_requests()
        .into_iter()
        .map(|path| std::fs::read_to_string(path).unwrap());
    let from_seeds = seeded_requests()
        .into_iter()
        .flat_map(|(_, requests)| requests)
        .map(|v| v.to_string());
    from_examples
        .chain(from_seeds)
        .chain(MORE.iter().map(|s| (*s).to_owned()))
        .filter_map(|json| serde_json::from_str::<Request>(&json).ok()?.plan().ok())
        .collect()
}

/// Source: issue #11, item 6 — each citation says which fact it supports.
#[test]
fn every_limit_and_alert_cites_a_source_that_holds_it() {
    let plans = plans();
    assert!(plans.len() > 100, "{} plans", plans.len());
    let mut missing = Vec::new();
    let mut kinds_seen = Vec::new();
    for plan in &plans {
        for checked in plan.limits() {
            let limit = checked.limit();
            if !limit.source().holds(limit.id()) {
                missing.push(format!(
                    "limit {} cites {}",
                    limit.id(),
                    limit.source().key()
                ));
            }
        }
        for alert in plan.alerts() {
            kinds_seen.push(alert.kind());
            let fact = alert.limit().map_or_else(
                || format!("alert.{}", alert.kind().key()),
                |l| l.id().to_owned(),
            );
            if !alert.source().holds(&fact) {
                missing.push(format!("alert {fact} cites {}", alert.source().key()));
            }
        }
        // Every cited source is in the plan's references.
        for source in plan
            .limits()
            .iter()
            .map(|c| c.limit().source())
            .chain(plan.alerts().iter().map(calcinosis_dosing::Alert::source))
        {
            assert!(
                plan.citations().contains(&source),
                "{} is cited but not among the references of\n{plan}",
                source.key()
            );
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // No source claims a fact no plan here reaches: the claims stay true.
    let reached: Vec<String> = plans
        .iter()
        .flat_map(|plan| {
            plan.limits()
                .iter()
                .map(|c| c.limit().id().to_owned())
                .chain(
                    plan.alerts()
                        .iter()
                        .map(|a| format!("alert.{}", a.kind().key())),
                )
                .collect::<Vec<_>>()
        })
        .collect();
    for source in calcinosis_dosing::sources::ALL {
        for fact in source.facts() {
            assert!(
                reached.iter().any(|r| r == fact),
                "{} claims {fact}, which no plan here reaches",
                source.key()
            );
        }
    }
    // The requests reach the alerts this test is about.
    for kind in [
        AlertKind::Administration,
        AlertKind::AgeNotCovered,
        AlertKind::LabelCaution,
        AlertKind::OutsideDocumentedPopulation,
        AlertKind::LimitedByMaximum,
        AlertKind::RenalFunction,
    ] {
        assert!(kinds_seen.contains(&kind), "no plan raised {kind}");
    }
}

/// Source: review of #8 — a plan lists each source once, recognised by its
/// key, so no two sources may share one.
#[test]
fn every_source_has_its_own_key() {
    let keys: std::collections::BTreeSet<&str> = calcinosis_dosing::sources::ALL
        .iter()
        .map(calcinosis_dosing::Citation::key)
        .collect();
    assert_eq!(keys.len(), calcinosis_dosing::sources::ALL.len());
}
