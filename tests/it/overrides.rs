//! Properties of hard limits and overrides (issue #10): no plan is beyond a
//! hard limit unless an override of that limit is recorded; every override
//! used appears in the plan's limits and alerts; an override never changes
//! the check of any other limit.

#![cfg(feature = "serde")]

use calcinosis_dosing::{AlertKind, CheckedLimit, Error, Outcome, Plan, Request, Severity};
use proptest::prelude::*;

use crate::util::cases;

/// The hard limits an intralesional grid plan checks.
const GRID_HARD: [&str; 2] = [
    "sodium_thiosulfate.max_per_session",
    "intralesional.interval.min",
];

/// The hard limits a child's probenecid plan checks.
const PROBENECID_CHILD_HARD: [&str; 2] = [
    "probenecid.child.max_per_kg_documented",
    "probenecid.child.max_daily_documented",
];

const REASON: &str = "reviewed by the treating team";

/// `json` (a request object ending in `}`) with `overrides` of `ids`.
fn with_overrides(json: &str, ids: &[&str]) -> String {
    if ids.is_empty() {
        return json.to_owned();
    }
    let list: Vec<String> = ids
        .iter()
        .map(|id| format!(r#"{{"limit":"{id}","reason":"{REASON}"}}"#))
        .collect();
    let body = json.strip_suffix('}').unwrap();
    format!(r#"{body},"overrides":[{}]}}"#, list.join(","))
}

fn plan(json: &str) -> Result<Plan, Error> {
    let request: Request = serde_json::from_str(json).unwrap();
    request.plan()
}

fn grid_request() -> impl Strategy<Value = String> {
    (10_u32..=120, 3_u32..=80, 5_u32..=80, 5_u32..=10, 2_u32..=3, 1_u32..=42).prop_map(
        |(kg, years, diameter, spacing, sessions, days)| {
            format!(
                r#"{{"regimen":"intralesional_grid","patient":{{"weight":{{"value":{kg},"unit":"kg"}},"age":{{"value":{years},"unit":"a"}}}},"lesion":{{"diameter":{{"value":{diameter},"unit":"mm"}}}},"spacing":{{"value":{spacing},"unit":"mm"}},"sessions":{sessions},"interval":{{"value":{days},"unit":"d"}}}}"#
            )
        },
    )
}

fn probenecid_child_request() -> impl Strategy<Value = String> {
    (10_u32..=50, 2_u32..=14, 2_u32..=8).prop_map(|(kg, years, quarters)| {
        let target = quarters * 250;
        format!(
            r#"{{"regimen":"probenecid","patient":{{"weight":{{"value":{kg},"unit":"kg"}},"age":{{"value":{years},"unit":"a"}}}},"target":{{"value":{target},"unit":"mg/d"}},"division":"fewer_on_small_steps","tolerance":{{"value":25,"unit":"%"}}}}"#
        )
    })
}

/// Every hard limit of `plan` is within (or limited to) unless `overridden`
/// names it; an overridden limit carries an alert quoting the reason.
fn check_hard_limits(plan: &Plan, overridden: &[&str]) -> Result<(), TestCaseError> {
    for checked in plan.limits() {
        let limit = checked.limit();
        if limit.severity() != Severity::Hard {
            continue;
        }
        match checked.outcome() {
            Outcome::Within => prop_assert!(
                limit.bound().allows(checked.observed(), limit.value()),
                "{} listed as within at {} against {}",
                limit.id(),
                checked.observed(),
                limit.value()
            ),
            Outcome::LimitedTo => {}
            Outcome::Overridden => {
                prop_assert!(
                    overridden.contains(&limit.id()),
                    "{} overridden without an override",
                    limit.id()
                );
                prop_assert!(
                    plan.alerts()
                        .iter()
                        .any(|a| a.kind() == AlertKind::Overridden
                            && a.message().contains(limit.id())
                            && a.message().contains(REASON)),
                    "no alert quotes the override of {}",
                    limit.id()
                );
            }
            other => prop_assert!(false, "hard limit {} is {other}", limit.id()),
        }
    }
    Ok(())
}

/// The checks of every limit but `except`, as comparable tuples.
fn others(plan: &Plan, except: &str) -> Vec<(&'static str, u64, Outcome)> {
    plan.limits()
        .iter()
        .filter(|c| c.limit().id() != except)
        .map(|c: &CheckedLimit| (c.limit().id(), c.observed().to_bits(), c.outcome()))
        .collect()
}

/// The three properties over every subset of `hard` as the overrides.
fn overrides_properties(json: &str, hard: [&str; 2]) -> Result<(), TestCaseError> {
    let subsets: [&[&str]; 4] = [&[], &hard[..1], &hard[1..], &hard[..]];
    for base in subsets {
        let without = plan(&with_overrides(json, base));
        if let Ok(p) = &without {
            check_hard_limits(p, base)?;
        }
        if let Err(Error::HardLimit { limit, .. }) = &without {
            prop_assert!(!base.contains(limit), "{limit} refused although overridden");
        }
        for &added in &hard {
            if base.contains(&added) {
                continue;
            }
            let mut ids = base.to_vec();
            ids.push(added);
            let with = plan(&with_overrides(json, &ids));
            match (&without, &with) {
                (Ok(a), Ok(b)) => {
                    check_hard_limits(b, &ids)?;
                    // Adding an override changes no other limit's check,
                    // and the limit it names was within: nothing changes.
                    prop_assert_eq!(others(a, added), others(b, added));
                    prop_assert_eq!(a.limits(), b.limits());
                    prop_assert_eq!(a.alerts(), b.alerts());
                }
                (Err(Error::HardLimit { limit, .. }), Ok(b)) => {
                    // The override lifted exactly the refusal it names.
                    prop_assert_eq!(*limit, added);
                    check_hard_limits(b, &ids)?;
                    let lifted = b.limits().iter().find(|c| c.limit().id() == added);
                    prop_assert_eq!(lifted.map(CheckedLimit::outcome), Some(Outcome::Overridden));
                }
                (Ok(_), Err(e)) => prop_assert!(false, "an override refused a plan: {e}"),
                (Err(_), Err(_)) => {}
                (Err(e), Ok(_)) => {
                    prop_assert!(false, "an override of {added} lifted another error: {e}");
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(48))]

    /// Source: issue #10's properties, over intralesional grids from 10 to
    /// 120 kg, 5 to 80 mm lesions and intervals from 1 to 42 days.
    #[test]
    fn grid_overrides_lift_only_the_limit_they_name(json in grid_request()) {
        overrides_properties(&json, GRID_HARD)?;
    }

    /// Source: issue #10's properties, over children's probenecid targets
    /// from 500 to 2,000 mg/day at 10 to 50 kg.
    #[test]
    fn probenecid_overrides_lift_only_the_limit_they_name(json in probenecid_child_request()) {
        overrides_properties(&json, PROBENECID_CHILD_HARD)?;
    }
}
