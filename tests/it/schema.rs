//! The request schema (issue #12, item 4): generated from the parser,
//! checked in under `schemas/`, and current.

#![cfg(feature = "serde")]

use serde_json::Value;

fn path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/request.schema.json")
}

/// Source: issue #12 — a test that fails when the checked-in schema is
/// stale. `UPDATE_SCHEMA=1 cargo test schema` rewrites it.
#[test]
fn the_checked_in_schema_is_current() {
    let mut generated = serde_json::to_string_pretty(&calcinosis_dosing::request_schema()).unwrap();
    generated.push('\n');
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path(), &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(path()).unwrap_or_default();
    assert!(
        checked_in == generated,
        "schemas/request.schema.json is stale: run UPDATE_SCHEMA=1 cargo test schema"
    );
}

fn reads<T: serde::de::DeserializeOwned>(names: &[String]) {
    for n in names {
        assert!(serde_json::from_str::<T>(n).is_ok(), "{n} is not read");
    }
}

/// Every name the schema lists for an enumerated field is one the parser
/// reads, so the schema never allows what the parser refuses.
#[test]
fn every_listed_name_is_read_by_the_parser() {
    use calcinosis_dosing::sodium_thiosulfate::Stock;
    use calcinosis_dosing::sodium_thiosulfate::{intralesional, topical};
    use calcinosis_dosing::{BeyondTolerance, Frequency, diltiazem, lidocaine, probenecid};
    let schema = calcinosis_dosing::request_schema();
    let defs = &schema["$defs"];
    let listed = |v: &Value| -> Vec<String> {
        // An optional field is its schema or null.
        let v = if v["anyOf"].is_array() {
            &v["anyOf"][0]
        } else {
            v
        };
        v["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| format!("\"{}\"", n.as_str().unwrap()))
            .collect()
    };
    let regimen = |name: &str, field: &str| -> Value {
        schema["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["properties"]["regimen"]["const"] == name)
            .unwrap()["properties"][field]
            .clone()
    };
    reads::<diltiazem::Formulation>(&listed(&regimen("diltiazem", "formulation")));
    reads::<BeyondTolerance>(&listed(&regimen("diltiazem", "beyond_tolerance")));
    reads::<Frequency>(&listed(&defs["frequency"]));
    reads::<probenecid::Basis>(&listed(&regimen("probenecid", "basis")));
    reads::<probenecid::Division>(&listed(&regimen("probenecid", "division")));
    let lesion = &defs["lesion"]["properties"];
    reads::<intralesional::LesionSite>(&listed(&lesion["site"]));
    reads::<intralesional::Distribution>(&listed(&lesion["distribution"]));
    reads::<intralesional::Ulceration>(&listed(&lesion["ulceration"]));
    let solution = &defs["lidocaine_solution"]["properties"];
    reads::<lidocaine::PercentStrength>(&listed(&solution["strength"]));
    reads::<lidocaine::Formulation>(&listed(&solution["formulation"]));
    reads::<Stock>(&listed(&defs["stock"]["oneOf"][0]));
    reads::<intralesional::Diluent>(&listed(&defs["diluent"]["oneOf"][0]));
    reads::<topical::BodyRegion>(&listed(&defs["body_region"]));
    reads::<topical::BeyondUseDate>(&listed(&defs["beyond_use_date"]["oneOf"][0]));
}

/// Source: the weight reader: kg, g and `[lb_av]`, and a range in each that
/// is the same weight range (whole grams).
#[test]
fn a_quantity_lists_its_units_and_their_ranges() {
    let schema = calcinosis_dosing::request_schema();
    let weight = &schema["$defs"]["weight"];
    assert_eq!(
        weight["properties"]["unit"]["enum"],
        serde_json::json!(["kg", "g", "[lb_av]"])
    );
    let range = |unit: &str| {
        let case = weight["allOf"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["if"]["properties"]["unit"]["const"] == unit)
            .unwrap();
        let v = &case["then"]["properties"]["value"];
        (
            v["minimum"].as_f64().unwrap(),
            v["maximum"].as_f64().unwrap(),
        )
    };
    let (kg_min, kg_max) = range("kg");
    let (g_min, g_max) = range("g");
    assert!(
        (g_min - kg_min * 1000.0).abs() <= 1.0,
        "{g_min} g vs {kg_min} kg"
    );
    assert!(
        (g_max - kg_max * 1000.0).abs() <= 1.0,
        "{g_max} g vs {kg_max} kg"
    );
}
