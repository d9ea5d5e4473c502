//! Integration tests: probenecid requests in JSON (the example requests and
//! the errors of bad values).
#![cfg(feature = "serde")]

use std::path::Path;

use calcinosis_dosing::probenecid::{self, DailyAmount};
use calcinosis_dosing::{Interval, Plan, Request};

use crate::util::patient_aged as patient;
use crate::util::probenecid::{LABEL, case_options, dailies, days};

fn request(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/requests")
            .join(name),
    )
    .unwrap()
}

fn plan_of(text: &str) -> Result<Plan, String> {
    let request: Request = serde_json::from_str(text).map_err(|e| e.to_string())?;
    request.plan().map_err(|e| e.to_string())
}

/// Source: J Rheumatol 2001;28:1129: the example request reproduces the
/// documented case.
#[test]
fn the_case_request_gives_the_documented_titration() {
    let Ok(Plan::Probenecid(plan)) = plan_of(&request("probenecid-case-4-year-old.json")) else {
        panic!("the case request should plan");
    };
    assert_eq!(dailies(&plan), [500.0, 1000.0, 1250.0]);
    assert_eq!(plan.start_ordered().to_string(), "25 mg/kg/day");
    let v = serde_json::to_value(Plan::Probenecid(plan)).unwrap();
    assert_eq!(v["regimen"], "probenecid");
    assert_eq!(v["schedule"], "child");
    assert_eq!(v["frequency"], "four_times_daily");
    assert_eq!(v["start_ordered"]["unit"], "mg/kg/d");
    assert_eq!(v["steps"][2]["day"]["value"], 56.0);
    assert_eq!(v["steps"][2]["day"]["unit"], "d");
    assert_eq!(v["steps"][2]["daily"]["value"], 1250.0);
    assert_eq!(v["steps"][2]["daily"]["unit"], "mg/d");
    assert_eq!(v["steps"][0]["deviation_percent"]["value"], 25.0);
    assert_eq!(v["interval"]["value"], 28.0);
}

/// Source: `sources::PROBENECID_LABEL`: the label maintenance as a target.
#[test]
fn the_maintenance_request_plans() {
    let Ok(Plan::Probenecid(plan)) =
        plan_of(&request("probenecid-label-maintenance-40-mg-kg.json"))
    else {
        panic!("the maintenance request should plan");
    };
    assert_eq!(dailies(&plan), [1000.0, 1500.0]);
}

/// Source: `sources::PROBENECID_LABEL`: a 70 kg adult to 2 g/day follows the
/// label's adult schedule, twice daily, and says so in the JSON.
#[test]
fn the_adult_request_follows_the_label_adult_schedule() {
    let text = request("probenecid-adult-70kg.json");
    let Ok(Plan::Probenecid(plan)) = plan_of(&text) else {
        panic!("the adult request should plan");
    };
    assert_eq!(dailies(&plan), [500.0, 1000.0, 1500.0, 2000.0]);
    assert_eq!(days(&plan), [0, 7, 35, 63]);
    let v = serde_json::to_value(Plan::Probenecid(plan)).unwrap();
    assert_eq!(v["schedule"], "adult");
    assert_eq!(v["frequency"], "twice_daily");
    assert_eq!(v["start_ordered"]["value"], 500.0);
    assert_eq!(v["start_ordered"]["unit"], "mg/d");
    assert_eq!(v["steps"][1]["day"]["value"], 7.0);
    assert_eq!(v["alerts"][0]["kind"], "adult_schedule_applies");
    // No frequency in the request: none when it is written back.
    let r: Request = serde_json::from_str(&text).unwrap();
    let back = serde_json::to_value(&r).unwrap();
    assert!(back.get("frequency").is_none(), "{back}");
}

/// Source: `sources::PROBENECID_LABEL`: not above 2 g/day, on the adult
/// schedule too.
#[test]
fn the_bad_adult_request_is_above_the_maximum() {
    let err = plan_of(&request("bad/probenecid-adult-above-2-g.json")).unwrap_err();
    assert_eq!(
        err,
        format!("target 2,500 mg/day is above the maximum of 2,000 mg/day ({LABEL})")
    );
}

/// Source: `sources::PROBENECID_LABEL`: the bad example is a child under 2 years.
#[test]
fn the_bad_request_is_contraindicated() {
    let err = plan_of(&request("bad/probenecid-under-2-years.json")).unwrap_err();
    assert_eq!(
        err,
        format!("probenecid is contraindicated under 2 years of age: age 18 months ({LABEL})")
    );
}

#[test]
fn a_request_round_trips() {
    let options = case_options()
        .interval(Interval::from_weeks(2.0).unwrap())
        .basis(probenecid::Basis::BodyWeight);
    let r = probenecid::Request::new(patient(16.0, 4.0), DailyAmount::CASE_REACHED, &options);
    let text = serde_json::to_string(&Request::Probenecid(r.clone())).unwrap();
    let back: Request = serde_json::from_str(&text).unwrap();
    assert_eq!(back, Request::Probenecid(r));
}

#[test]
fn the_target_unit_decides_what_it_is() {
    let base = |target: &str| {
        format!(
            r#"{{"regimen": "probenecid",
              "patient": {{"weight": {{"value": 40, "unit": "kg"}}, "age": {{"value": 12, "unit": "a"}}}},
              "target": {target}, "step_interval": {{"value": 2, "unit": "wk"}}}}"#
        )
    };
    let Ok(Plan::Probenecid(a)) = plan_of(&base(r#"{"value": 1.5, "unit": "g/d"}"#)) else {
        panic!()
    };
    let Ok(Plan::Probenecid(b)) = plan_of(&base(r#"{"value": 37.5, "unit": "mg/kg/d"}"#)) else {
        panic!()
    };
    assert_eq!(dailies(&a), [1000.0, 1500.0]);
    assert_eq!(dailies(&a), dailies(&b));
    assert_eq!(days(&a), [0, 14]);
    let err = plan_of(&base(r#"{"value": 1500, "unit": "mg"}"#)).unwrap_err();
    assert!(
        err.starts_with(
            "unknown unit 'mg' for target: expected one of mg/d, g/d, mg/kg/d, mg/m2/d"
        ),
        "{err}"
    );
}

#[test]
fn bad_json_values_get_the_constructor_errors() {
    let with = |extra: &str| {
        format!(
            r#"{{"regimen": "probenecid",
              "patient": {{"weight": {{"value": 40, "unit": "kg"}}, "age": {{"value": 12, "unit": "a"}}}},
              "target": {{"value": 1500, "unit": "mg/d"}}{extra}}}"#
        )
    };
    let err = plan_of(&with(r#", "step_interval": {"value": 1.5, "unit": "d"}"#)).unwrap_err();
    assert!(
        err.starts_with("step interval 1.5 days is invalid: expected a whole number of days"),
        "{err}"
    );
    let err = plan_of(&with(r#", "step_interval": {"value": 0, "unit": "wk"}"#)).unwrap_err();
    assert!(
        err.starts_with("step interval 0 days is not in the allowed range 1 to 365 days"),
        "{err}"
    );
    // `null` is "not given"; a value is read to nine decimals.
    assert!(plan_of(&with(r#", "step_interval": null"#)).is_ok());
    let plan = plan_of(&with(
        r#", "step_interval": {"value": 14.0000000001, "unit": "d"}"#,
    ));
    assert!(plan.is_ok(), "{plan:?}");
    let err = plan_of(&with(
        r#", "step_interval": {"value": 14.0001, "unit": "d"}"#,
    ))
    .unwrap_err();
    assert!(
        err.starts_with("step interval 14.0001 days is invalid: expected a whole number of days"),
        "{err}"
    );
    let err = plan_of(&with(r#", "dose": {"value": 1, "unit": "mg"}"#)).unwrap_err();
    assert!(err.contains("unknown field `dose`"), "{err}");
    let err = plan_of(&with(r#", "division": "as_you_like""#)).unwrap_err();
    assert!(err.contains("unknown variant `as_you_like`"), "{err}");
}
