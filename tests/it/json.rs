//! Integration tests: the JSON interface (feature `serde`).
#![cfg(feature = "serde")]

use std::path::{Path, PathBuf};

use calcinosis_dosing::diltiazem::{self, Formulation, Options};
use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, KG_PER_POUND, Patient, Plan, Request};
use proptest::prelude::*;

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn requests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/requests")
}

fn plan_of(text: &str) -> Result<Plan, String> {
    let request: Request = serde_json::from_str(text).map_err(|e| e.to_string())?;
    request.plan().map_err(|e| e.to_string())
}

/// Every example request in the README's folder gives a plan.
#[test]
fn every_example_request_plans() {
    let files = json_files(&requests_dir());
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        if let Err(e) = plan_of(&text) {
            panic!("{}: {e}", file.display());
        }
    }
}

/// Every bad example request fails with a one-line error.
#[test]
fn every_bad_example_request_fails() {
    let files = json_files(&requests_dir().join("bad"));
    assert!(!files.is_empty());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let err = plan_of(&text).expect_err(&file.display().to_string());
        assert!(!err.contains('\n'), "{err}");
    }
}

/// Source: issue #2: the same request with the weight in `[lb_av]` gives the
/// same doses.
#[test]
fn pounds_and_kilograms_give_the_same_doses() {
    let dir = requests_dir();
    let kg = plan_of(&std::fs::read_to_string(dir.join("diltiazem-adult-70kg.json")).unwrap());
    let lb = plan_of(&std::fs::read_to_string(dir.join("diltiazem-adult-154lb.json")).unwrap());
    let (Ok(Plan::Diltiazem(kg)), Ok(Plan::Diltiazem(lb))) = (kg, lb) else {
        panic!("both requests should plan");
    };
    assert_eq!(kg.administrations(), lb.administrations());
    assert_eq!(kg.schedule().total(), lb.schedule().total());
}

const ADULT: &str = r#"{"regimen": "diltiazem",
  "patient": {"weight": {"value": 70, "unit": "kg"}, "age": {"value": 50, "unit": "a"}},
  "rate": {"value": 3, "unit": "mg/kg/d"}}"#;

#[test]
fn a_valid_request_serialises_quantities_with_ucum_units() {
    let plan = plan_of(ADULT).unwrap();
    let v = serde_json::to_value(&plan).unwrap();
    assert_eq!(v["regimen"], "diltiazem");
    assert_eq!(v["calculated_daily"]["value"], 210.0);
    assert_eq!(v["calculated_daily"]["unit"], "mg/d");
    assert_eq!(v["ordered"]["unit"], "mg/kg/d");
    assert_eq!(v["schedule"]["total"]["value"], 180.0);
    assert_eq!(v["schedule"]["administrations"][0]["dose"]["unit"], "mg");
}

#[test]
fn a_bad_value_in_json_gets_the_constructor_error() {
    let json = ADULT.replace(r#""value": 70"#, r#""value": 0"#);
    let expected = BodyWeight::from_kg(0.0).unwrap_err().to_string();
    let err = plan_of(&json).unwrap_err();
    assert!(err.starts_with(&expected), "{err}");
}

#[test]
fn unknown_units_fields_and_regimens_are_rejected() {
    let wrong_dimension = ADULT.replace(r#""unit": "kg""#, r#""unit": "mL""#);
    assert_eq!(
        plan_of(&wrong_dimension).unwrap_err(),
        "unknown unit 'mL' for weight: expected one of kg, g, [lb_av]"
    );
    let unknown_unit = ADULT.replace(r#""unit": "mg/kg/d""#, r#""unit": "mg/kg/day""#);
    assert_eq!(
        plan_of(&unknown_unit).unwrap_err(),
        "unknown unit 'mg/kg/day' for dose rate: expected one of mg/kg/d"
    );
    let unknown_field = ADULT.replace(
        r#""regimen": "diltiazem","#,
        r#""regimen": "diltiazem", "dose": 5,"#,
    );
    assert!(
        plan_of(&unknown_field)
            .unwrap_err()
            .contains("unknown field `dose`")
    );
    let unknown_regimen = ADULT.replace(r#""diltiazem""#, r#""nifedipine""#);
    assert!(
        plan_of(&unknown_regimen)
            .unwrap_err()
            .contains("unknown variant `nifedipine`")
    );
    assert!(plan_of("{").is_err());
    assert!(plan_of("").is_err());
    assert!(
        plan_of(r#"{"regimen": "diltiazem"}"#)
            .unwrap_err()
            .contains("missing field")
    );
}

#[test]
fn json_cannot_carry_nan_or_infinity() {
    let json = ADULT.replace(r#""value": 70"#, r#""value": 1e400"#);
    assert!(plan_of(&json).is_err());
    let json = ADULT.replace(r#""value": 70"#, r#""value": NaN"#);
    assert!(plan_of(&json).is_err());
}

fn formulation() -> impl Strategy<Value = Formulation> {
    prop_oneof![
        Just(Formulation::ImmediateRelease),
        Just(Formulation::ExtendedReleaseCd),
        Just(Formulation::ExtendedReleaseTiazac),
        Just(Formulation::OralSuspension),
    ]
}

proptest! {
    #![proptest_config(crate::util::cases(128))]

    /// A request survives a JSON round trip exactly.
    #[test]
    fn diltiazem_request_round_trips(
        kg in BodyWeight::MIN_KG..=BodyWeight::MAX_KG,
        years in 0.0..=Age::MAX_YEARS,
        r in 1.0..=3.0_f64,
        f in formulation(),
        lb in any::<bool>(),
    ) {
        let weight = if lb { BodyWeight::from_lb(kg / KG_PER_POUND) } else { BodyWeight::from_kg(kg) };
        let Ok(weight) = weight else { return Ok(()) };
        let patient = Patient::new(weight, Age::from_years(years).unwrap());
        let request = Request::Diltiazem(diltiazem::Request::new(
            patient,
            DailyDosePerKg::from_mg_per_kg_per_day(r).unwrap(),
            &Options::new(f),
        ));
        let text = serde_json::to_string(&request).unwrap();
        let back: Request = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, request);
    }

    /// Any weight number in JSON gives the same result as the constructor.
    #[test]
    fn json_weight_matches_the_constructor(kg in -1e6..1e6_f64) {
        let json = format!(r#"{{"value": {kg}, "unit": "kg"}}"#);
        let from_json = serde_json::from_str::<BodyWeight>(&json).map_err(|e| e.to_string());
        let from_rust = BodyWeight::from_kg(kg).map_err(|e| e.to_string());
        match (from_json, from_rust) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(a), Err(b)) => prop_assert!(a.starts_with(&b), "{} vs {}", a, b),
            (a, b) => prop_assert!(false, "json {:?} vs rust {:?}", a, b),
        }
    }
}

/// An alert is data: its JSON holds the message rendered from its figures,
/// and the figures themselves, each with a name, a value and a UCUM unit.
/// Source: the 150 kg adult of the `Alert` docs (3 mg/kg/day × 150 kg =
/// 450 mg/day, limited to the 360 mg/day immediate-release maximum).
#[test]
fn an_alert_serialises_its_figures_beside_its_message() {
    let plan = plan_of(r#"{"regimen":"diltiazem","patient":{"weight":{"value":150,"unit":"kg"},"age":{"value":60,"unit":"a"}},"rate":{"value":3,"unit":"mg/kg/d"}}"#).unwrap();
    let json = serde_json::to_value(&plan).unwrap();
    let alert = &json["alerts"][0];
    assert_eq!(
        alert["message"],
        "3 mg/kg/day × 150 kg = 450 mg/day is above the immediate-release usual maximum (top \
         of the label's 180-360 mg/day range); the dose was limited to 360 mg/day"
    );
    assert_eq!(
        alert["figures"],
        serde_json::json!([
            {"name": "rate", "value": 3, "unit": "mg/kg/d"},
            {"name": "weight", "value": 150, "unit": "kg"},
            {"name": "calculated", "value": 450, "unit": "mg/d"},
            {"name": "maximum", "value": 360, "unit": "mg/d"},
        ])
    );
    assert_eq!(
        alert["limit"]["id"],
        "diltiazem.max_daily.immediate_release"
    );
    // The text and the JSON render the same words.
    assert_eq!(
        plan.alerts()[0].message(),
        alert["message"].as_str().unwrap()
    );
}

/// Source: issue #11, item 5 — the catalogue lists each regimen with its
/// indications, population, evidence level and citation, as JSON too.
#[test]
fn the_catalogue_serialises_each_regimen_with_its_evidence() {
    let json = serde_json::to_value(calcinosis_dosing::catalogue()).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 5);
    let grid = entries
        .iter()
        .find(|e| e["key"] == "intralesional_grid")
        .unwrap();
    assert_eq!(grid["level"]["type"], "case_report");
    assert_eq!(grid["off_label"], true);
    assert_eq!(grid["source"]["key"], "jaad-2013");
    // The grid was reported in lupus panniculitis; the other conditions the
    // report lists were treated with other techniques.
    assert_eq!(
        grid["indications"],
        serde_json::json!(["lupus panniculitis"])
    );
    let series = entries
        .iter()
        .find(|e| e["key"] == "intralesional_case_series")
        .unwrap();
    assert_eq!(series["level"]["patients"], 6);
}

/// Source: issue #11, item 4 — every session and follow-up point gets a
/// day; the case series reports week 4 and week 12, the weekly sessions are
/// days 0, 7, 14 and 21.
#[test]
fn a_plans_events_are_its_sessions_and_follow_up_in_day_order() {
    use calcinosis_dosing::EventKind::{FollowUp, Session};
    let text =
        std::fs::read_to_string(requests_dir().join("intralesional-widespread-ulcerated.json"))
            .unwrap();
    let plan = plan_of(&text).unwrap();
    let days: Vec<(u32, calcinosis_dosing::EventKind)> =
        plan.events().iter().map(|e| (e.day(), e.kind())).collect();
    assert_eq!(
        days,
        [
            (0, Session),
            (7, Session),
            (14, Session),
            (21, Session),
            (28, FollowUp),
            (84, FollowUp)
        ]
    );
}

/// Source: issue #11, item 4 — with a start date, each event gets its
/// calendar date (jiff's civil dates: month lengths and leap years).
#[cfg(feature = "dates")]
#[test]
fn with_a_start_date_every_event_gets_a_calendar_date() {
    use jiff::civil::date;
    let text = std::fs::read_to_string(requests_dir().join("probenecid-adult-70kg.json")).unwrap();
    let plan = plan_of(&text).unwrap();
    let calendar = plan.calendar(date(2028, 2, 1)).unwrap();
    let dates: Vec<_> = calendar.iter().map(|(d, _)| *d).collect();
    // Days 0, 7, 35 and 63, across the leap day of 2028.
    assert_eq!(
        dates,
        [
            date(2028, 2, 1),
            date(2028, 2, 8),
            date(2028, 3, 7),
            date(2028, 4, 4)
        ]
    );
    let far = plan.calendar(date(9999, 12, 1)).unwrap_err();
    assert!(far.to_string().contains("start_date"), "{far}");
}

/// Source: issue #12, item 5 — US systems send height in inches (UCUM
/// `[in_i]`, 2.54 cm exactly) and laboratories eGFR per 1.73 m².
#[test]
fn height_in_inches_and_egfr_per_1_73_m2_are_read() {
    use calcinosis_dosing::Patient;
    let patient: Patient = serde_json::from_str(
        r#"{"weight":{"value":64,"unit":"kg"},"age":{"value":61,"unit":"a"},"height":{"value":60,"unit":"[in_i]"},"egfr":{"value":60,"unit":"mL/min/{1.73_m2}"}}"#,
    )
    .unwrap();
    assert!((patient.height().unwrap().cm() - 152.4).abs() < 1e-9);
    let bsa = patient.body_surface_area().unwrap().m2();
    let egfr = patient.egfr().unwrap();
    assert!((egfr.ml_per_min() - 60.0 * bsa / 1.73).abs() < 1e-6);
    assert_eq!(egfr.indexed(), Some((60.0, bsa)));
    // Without a height, an indexed eGFR cannot be de-indexed: an error
    // naming the height, never a silent use of the indexed number.
    let err = serde_json::from_str::<Patient>(
        r#"{"weight":{"value":64,"unit":"kg"},"age":{"value":61,"unit":"a"},"egfr":{"value":60,"unit":"mL/min/{1.73_m2}"}}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("patient.height"), "{err}");
    // The plan states the de-indexing, in its text and its JSON.
    let plan = plan_of(r#"{"regimen":"probenecid","patient":{"weight":{"value":64,"unit":"kg"},"age":{"value":61,"unit":"a"},"height":{"value":60,"unit":"[in_i]"},"egfr":{"value":25,"unit":"mL/min/{1.73_m2}"}},"target":{"value":1000,"unit":"mg/d"}}"#).unwrap();
    let text = plan.to_string();
    assert!(
        text.contains("given as 25 mL/min/1.73 m², de-indexed"),
        "{text}"
    );
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["renal_function"]["given"]["unit"], "mL/min/{1.73_m2}");
    assert_eq!(json["renal_function"]["unit"], "mL/min");
}

/// Source: issue #12 — the duplicate-key request is planned for 60 kg by a
/// reader that keeps the last key; `Request::from_json` refuses it, naming
/// the key's JSON path.
#[test]
fn a_duplicate_key_is_refused_with_its_path() {
    use calcinosis_dosing::Error;
    let twice = r#"{"regimen":"diltiazem","patient":{"weight":{"value":20,"unit":"kg"},"age":{"value":6,"unit":"a"},"weight":{"value":60,"unit":"kg"}},"rate":{"value":3,"unit":"mg/kg/d"},"formulation":"oral_suspension"}"#;
    let err = Request::from_json(twice).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidJson { path, message } if path == "patient.weight" && message.contains("duplicate key `weight`")),
        "{err}"
    );
    // Inside an array, too.
    let in_override = r#"{"regimen":"intralesional_grid","patient":{"weight":{"value":20,"unit":"kg"},"age":{"value":6,"unit":"a"}},"lesion":{"diameter":{"value":50,"unit":"mm"}},"spacing":{"value":5,"unit":"mm"},"sessions":3,"interval":{"value":4,"unit":"wk"},"overrides":[{"limit":"sodium_thiosulfate.max_per_session","reason":"a","reason":"b"}]}"#;
    let err = Request::from_json(in_override).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidJson { path, .. } if path == "overrides[0].reason"),
        "{err}"
    );
    // Malformed JSON and an empty input are errors, never a panic.
    for text in ["", "{", "[]", "{\"regimen\":\"diltiazem\"", "null"] {
        assert!(
            matches!(Request::from_json(text), Err(Error::InvalidJson { .. })),
            "{text:?}"
        );
    }
    // The same request with one weight reads.
    let once = twice.replace(r#","weight":{"value":60,"unit":"kg"}"#, "");
    assert!(Request::from_json(&once).is_ok());
}

/// Source: issue #12 — errors serialise to {kind, field, value, unit,
/// allowed, message}, for an API response.
#[test]
fn errors_serialise_as_data() {
    let err = calcinosis_dosing::BodyWeight::from_kg(-2.0).unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["kind"], "out_of_range");
    assert_eq!(json["field"], "weight");
    assert_eq!(json["value"], -2);
    assert_eq!(json["unit"], "kg");
    assert!(json["allowed"].as_str().unwrap().ends_with(" kg"));
    assert_eq!(json["message"], err.to_string());
    let err = Request::from_json(r#"{"regimen":"diltiazem","patient":{"weight":{"value":70,"unit":"mL"},"age":{"value":6,"unit":"a"}},"rate":{"value":3,"unit":"mg/kg/d"}}"#).unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["kind"], "invalid_json");
    assert_eq!(json["field"], "patient.weight");
    assert!(
        json["message"]
            .as_str()
            .unwrap()
            .contains("unknown unit 'mL'")
    );
    let nan = serde_json::to_value(calcinosis_dosing::BodyWeight::from_kg(f64::NAN).unwrap_err())
        .unwrap();
    assert_eq!(nan["value"], "NaN");
}

/// Source: `sources::PROBENECID_LABEL` (contraindicated under 2 years of
/// age) and the guide's rule that an error names the field as its JSON
/// path, the value, the allowed range and the unit: the age is data, not
/// words, and written precisely enough to show it is under 2 years.
#[test]
fn a_contraindication_serialises_the_age_it_was_decided_on() {
    let request = |age: &str| {
        format!(
            r#"{{"regimen":"probenecid","patient":{{"weight":{{"value":12,"unit":"kg"}},"age":{age}}},"target":{{"value":500,"unit":"mg/d"}},"division":"fewer_on_small_steps","tolerance":{{"value":25,"unit":"%"}}}}"#
        )
    };
    let err = Request::from_json(&request(r#"{"value":18,"unit":"mo"}"#))
        .unwrap()
        .plan()
        .unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["kind"], "contraindicated");
    assert_eq!(json["field"], "patient.age");
    assert_eq!(json["value"], 1.5);
    assert_eq!(json["unit"], "a");
    assert_eq!(json["allowed"], "at least 2 years");
    assert_eq!(json["message"], err.to_string());
    // 730.4 days is 1.99972… years: written below 2, never as 2.
    let err = Request::from_json(&request(r#"{"value":730.4,"unit":"d"}"#))
        .unwrap()
        .plan()
        .unwrap_err();
    let value = serde_json::to_value(&err).unwrap()["value"]
        .as_f64()
        .unwrap();
    assert!(value < 2.0 && value > 1.9997, "{value}");
}

/// Source: review — a 2-year-old of 11 kg and 85 cm with a normal eGFR of
/// 100 mL/min/1.73 m² has a de-indexed eGFR under 30 mL/min; the label's
/// threshold is read on the eGFR as given, so there is no renal alert. An
/// eGFR given in mL/min is compared as given.
#[test]
fn an_indexed_egfr_is_compared_as_given() {
    let child = r#"{"regimen":"probenecid","patient":{"weight":{"value":11,"unit":"kg"},"age":{"value":2,"unit":"a"},"height":{"value":85,"unit":"cm"},"egfr":{"value":100,"unit":"mL/min/{1.73_m2}"}},"target":{"value":500,"unit":"mg/d"},"division":"fewer_on_small_steps"}"#;
    let plan = plan_of(child).unwrap();
    assert!(
        plan.alerts()
            .iter()
            .all(|a| a.kind() != calcinosis_dosing::AlertKind::RenalFunction),
        "{plan}"
    );
    let check = plan
        .limits()
        .iter()
        .find(|c| c.limit().id() == "probenecid.renal.indexed")
        .unwrap();
    assert!((check.observed() - 100.0).abs() < 1e-9);
    // A large adult's de-indexed eGFR may exceed 250 mL/min: not refused.
    let big = r#"{"regimen":"probenecid","patient":{"weight":{"value":150,"unit":"kg"},"age":{"value":40,"unit":"a"},"height":{"value":200,"unit":"cm"},"egfr":{"value":200,"unit":"mL/min/{1.73_m2}"}},"target":{"value":1000,"unit":"mg/d"}}"#;
    assert!(plan_of(big).is_ok());
}

/// Source: review — a value beside the limit it was compared with is
/// written precisely enough to show which side it is on, and a request
/// that is not an object says so.
#[test]
fn a_refused_value_is_written_beside_its_limit() {
    let err = plan_of(r#"{"regimen":"diltiazem","patient":{"weight":{"value":70,"unit":"kg"},"age":{"value":50,"unit":"a"}},"rate":{"value":3.000000001,"unit":"mg/kg/d"}}"#).unwrap_err();
    assert!(err.contains("3.000000001 mg/kg/day is outside"), "{err}");
    let err = Request::from_json("[1, 2]").unwrap_err().to_string();
    assert!(err.contains("expected a JSON object"), "{err}");
}

/// Source: review — the request schema types a count as JSON Schema's
/// `integer`, which `3.0` satisfies; the reader agrees: `3.0` reads as 3
/// and plans as 3 does, and a fraction is refused at its JSON path.
#[test]
fn a_count_written_with_a_decimal_point_reads_as_the_whole_number() {
    let read = |text: &str| Request::from_json(text).map(|r| r.plan().map(|p| p.to_string()));
    let grid =
        std::fs::read_to_string(requests_dir().join("intralesional-lupus-panniculitis-3cm.json"))
            .unwrap();
    assert!(grid.contains(r#""sessions": 3,"#));
    let whole = read(&grid).unwrap().unwrap();
    assert_eq!(
        read(&grid.replace(r#""sessions": 3,"#, r#""sessions": 3.0,"#))
            .unwrap()
            .unwrap(),
        whole
    );
    let err = read(&grid.replace(r#""sessions": 3,"#, r#""sessions": 2.5,"#)).unwrap_err();
    assert!(
        matches!(&err, calcinosis_dosing::Error::InvalidJson { path, .. } if path == "sessions"),
        "{err}"
    );
    assert!(err.to_string().contains("expected a whole number"), "{err}");
    // Outside 2 or 3, a whole number written either way gets the regimen's error.
    let err = read(&grid.replace(r#""sessions": 3,"#, r#""sessions": 4.0,"#)).unwrap_err();
    assert!(err.to_string().contains("sessions"), "{err}");

    let topical = std::fs::read_to_string(requests_dir().join("topical-6-year-old-forearm.json"))
        .unwrap()
        .replace(r#""pack_size""#, r#""packs_per_batch": PACKS, "pack_size""#);
    let with = |packs: &str| read(&topical.replace("PACKS", packs));
    assert_eq!(with("2.0").unwrap().unwrap(), with("2").unwrap().unwrap());
    let err = with("1.5").unwrap_err();
    assert!(
        matches!(&err, calcinosis_dosing::Error::InvalidJson { path, .. } if path == "packs_per_batch"),
        "{err}"
    );
    assert!(with("-1").is_err());
    assert!(with("1e12").is_err());
}
