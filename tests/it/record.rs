//! Plans read back (issue #12, item 2): a plan stored with its request
//! reads back unchanged, and an edited one is refused.

#![cfg(feature = "serde")]

use calcinosis_dosing::{PlanRecord, Request};
use proptest::prelude::*;

use crate::golden::{example_requests, seeded_requests};

fn round_trip(json: &str) {
    let Ok(request) = Request::from_json(json) else {
        return;
    };
    let Ok(record) = request.plan_record() else {
        return;
    };
    let stored = serde_json::to_string(&record).unwrap();
    let read: PlanRecord =
        serde_json::from_str(&stored).unwrap_or_else(|e| panic!("{e}\nfor {json}"));
    assert_eq!(read, record, "{json}");
    assert_eq!(serde_json::to_string(&read).unwrap(), stored);
}

/// Source: issue #12 — every example and seeded plan survives a JSON round
/// trip unchanged.
#[test]
fn every_example_and_seeded_plan_reads_back() {
    for path in example_requests() {
        round_trip(&std::fs::read_to_string(path).unwrap());
    }
    for (_, requests) in seeded_requests() {
        for request in requests {
            round_trip(&request.to_string());
        }
    }
}

/// Source: a stored plan that differs from what its request gives is
/// refused, and so is another schema version.
#[test]
fn an_edited_plan_or_another_version_is_refused() {
    let json = std::fs::read_to_string(format!(
        "{}/examples/requests/probenecid-case-4-year-old.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let record = Request::from_json(&json).unwrap().plan_record().unwrap();
    let mut value = serde_json::to_value(&record).unwrap();
    value["plan"]["steps"][0]["daily"]["value"] = serde_json::json!(750);
    let err = serde_json::from_value::<PlanRecord>(value.clone()).unwrap_err();
    assert!(err.to_string().contains("differs"), "{err}");
    let mut other = serde_json::to_value(&record).unwrap();
    other["schema_version"] = serde_json::json!(0);
    let err = serde_json::from_value::<PlanRecord>(other).unwrap_err();
    assert!(err.to_string().contains("schema_version"), "{err}");
}

fn weight() -> impl Strategy<Value = String> {
    prop_oneof![
        (3_000_u32..150_000).prop_map(|g| format!(r#"{{"value":{g},"unit":"g"}}"#)),
        (30_u32..3_000)
            .prop_map(|l| format!(r#"{{"value":{},"unit":"[lb_av]"}}"#, f64::from(l) / 10.0)),
    ]
}

fn age() -> impl Strategy<Value = String> {
    prop_oneof![
        (2_u32..90).prop_map(|a| format!(r#"{{"value":{a},"unit":"a"}}"#)),
        (24_u32..600).prop_map(|m| format!(r#"{{"value":{m},"unit":"mo"}}"#)),
    ]
}

proptest! {
    #![proptest_config(crate::util::cases(64))]

    /// Every diltiazem and probenecid plan, in any weight and age unit,
    /// reads back unchanged.
    #[test]
    fn plans_read_back_unchanged(
        w in weight(),
        a in age(),
        rate in 10_u32..=30,
        target in 1_u32..=8,
        egfr in prop::option::of(10_u32..=150),
    ) {
        let patient = match egfr {
            Some(e) => format!(
                r#"{{"weight":{w},"age":{a},"height":{{"value":150,"unit":"cm"}},"egfr":{{"value":{e},"unit":"mL/min/{{1.73_m2}}"}}}}"#
            ),
            None => format!(r#"{{"weight":{w},"age":{a}}}"#),
        };
        round_trip(&format!(
            r#"{{"regimen":"diltiazem","patient":{patient},"rate":{{"value":{},"unit":"mg/kg/d"}},"formulation":"oral_suspension"}}"#,
            f64::from(rate) / 10.0
        ));
        round_trip(&format!(
            r#"{{"regimen":"probenecid","patient":{patient},"target":{{"value":{},"unit":"mg/d"}},"division":"fewer_on_small_steps","tolerance":{{"value":25,"unit":"%"}}}}"#,
            target * 250
        ));
    }
}

/// Source: issue #12 — citations read back, by their key.
#[test]
fn citations_read_back_by_key() {
    for source in calcinosis_dosing::sources::ALL {
        let json = serde_json::to_string(&source).unwrap();
        let read: calcinosis_dosing::Citation = serde_json::from_str(&json).unwrap();
        assert_eq!(read, source);
    }
    assert!(serde_json::from_str::<calcinosis_dosing::Citation>(r#"{"key":"nope"}"#).is_err());
}
