//! Proptest strategies for callers' property tests (feature `proptest`):
//! valid patients in every weight and age unit, each regimen's request as
//! JSON and as a Rust value, and near-valid bad input. Pair them with
//! [`check_plan`](crate::check_plan).
//!
//! Generated requests always read (`Request::from_json` accepts them); a
//! plan may still be refused (a dose not measurable with the product, a
//! hard limit), which is the crate's answer, not a failure.
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::{check_plan, strategies, Request};
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::default();
//! runner
//!     .run(&strategies::request_json(), |json| {
//!         let request = Request::from_json(&json).expect("a generated request reads");
//!         if let Ok(plan) = request.plan() {
//!             check_plan(&plan).map_err(|v| TestCaseError::fail(v.to_string()))?;
//!         }
//!         Ok(())
//!     })
//!     .unwrap();
//! ```
//!
//! # References
//!
//! The ranges of the crate's readers (`schemas/request.schema.json`).

use proptest::prelude::*;
use serde_json::{Value, json};

use crate::request::Request;

/// A whole number of grams, 2 to 150 kg, as `kg`, `g` or `[lb_av]`
/// (the pound to the nine decimals a reader keeps).
///
/// # Example
///
/// See the [module documentation](self).
pub fn weight_json() -> impl Strategy<Value = Value> {
    (2_000_u32..=150_000, 0_u8..3).prop_map(|(g, unit)| match unit {
        0 => json!({"value": f64::from(g) / 1_000.0, "unit": "kg"}),
        1 => json!({"value": g, "unit": "g"}),
        _ => {
            let lb = f64::from(g) / 453.592_37;
            json!({"value": (lb * 1e9).round() / 1e9, "unit": "[lb_av]"})
        }
    })
}

/// An age from 2 to 90 years, as `a`, `mo`, `wk` or `d`.
///
/// # Example
///
/// See the [module documentation](self).
pub fn age_json() -> impl Strategy<Value = Value> {
    (2_u32..=90, 0_u8..4).prop_map(|(years, unit)| match unit {
        0 => json!({"value": years, "unit": "a"}),
        1 => json!({"value": years * 12, "unit": "mo"}),
        2 => json!({"value": years * 52, "unit": "wk"}),
        _ => json!({"value": years * 365, "unit": "d"}),
    })
}

/// A patient: weight and age, sometimes a height.
///
/// # Example
///
/// See the [module documentation](self).
pub fn patient_json() -> impl Strategy<Value = Value> {
    (weight_json(), age_json(), prop::option::of(80_u32..=200)).prop_map(|(w, a, h)| match h {
        Some(cm) => json!({"weight": w, "age": a, "height": {"value": cm, "unit": "cm"}}),
        None => json!({"weight": w, "age": a}),
    })
}

/// A diltiazem request: 1–3 mg/kg/day on any formulation.
///
/// # Example
///
/// See the [module documentation](self).
pub fn diltiazem_json() -> impl Strategy<Value = Value> {
    (
        patient_json(),
        10_u32..=30,
        prop::sample::select(vec![
            "immediate_release",
            "extended_release_cd",
            "extended_release_tiazac",
            "oral_suspension",
        ]),
    )
        .prop_map(|(patient, rate, formulation)| {
            json!({
                "regimen": "diltiazem",
                "patient": patient,
                "rate": {"value": f64::from(rate) / 10.0, "unit": "mg/kg/d"},
                "formulation": formulation
            })
        })
}

/// A probenecid request: a target of 250 to 2,000 mg/day.
///
/// # Example
///
/// See the [module documentation](self).
pub fn probenecid_json() -> impl Strategy<Value = Value> {
    (patient_json(), 1_u32..=8).prop_map(|(patient, quarters)| {
        json!({
            "regimen": "probenecid",
            "patient": patient,
            "target": {"value": quarters * 250, "unit": "mg/d"},
            "division": "fewer_on_small_steps",
            "tolerance": {"value": 25, "unit": "%"}
        })
    })
}

/// A topical request: 1 to 500 cm², packs of 30 or 50 g.
///
/// # Example
///
/// See the [module documentation](self).
pub fn topical_json() -> impl Strategy<Value = Value> {
    (
        patient_json(),
        1_u32..=500,
        prop::sample::select(vec![30_u32, 50]),
    )
        .prop_map(|(patient, cm2, pack)| {
            json!({
                "regimen": "topical",
                "patient": patient,
                "area": {"value": cm2, "unit": "cm2"},
                "pack_size": {"value": pack, "unit": "g"}
            })
        })
}

/// An intralesional case-series request: a fingertip lesion under 5 mm,
/// or a widespread ulcerated one.
///
/// # Example
///
/// See the [module documentation](self).
pub fn case_series_json() -> impl Strategy<Value = Value> {
    // A fingertip lesion of 0.5 to 4.9 mm; a widespread one of 5 to 49 mm.
    (patient_json(), 5_u32..=49, any::<bool>()).prop_map(|(patient, tenths_mm, fingertip)| {
        let lesion = if fingertip {
            json!({"site": "fingertip", "size": {"diameter": {"value": f64::from(tenths_mm) / 10.0, "unit": "mm"}},
                   "distribution": "localised", "ulceration": "absent"})
        } else {
            json!({"site": "elsewhere", "size": {"diameter": {"value": tenths_mm, "unit": "mm"}},
                   "distribution": "widespread", "ulceration": "present"})
        };
        json!({
            "regimen": "intralesional_case_series",
            "patient": patient,
            "lesion": lesion,
            "volume_per_injection": {"value": 0.2, "unit": "mL"},
            "stock": "injection",
            "diluent": "sterile_water"
        })
    })
}

/// An intralesional grid request: a lesion of 5 to 60 mm, sites every 5
/// to 10 mm, 2 or 3 sessions 1 to 4 weeks apart.
///
/// # Example
///
/// See the [module documentation](self).
pub fn grid_json() -> impl Strategy<Value = Value> {
    (patient_json(), 5_u32..=60, 5_u32..=10, 2_u32..=3, 1_u32..=4).prop_map(
        |(patient, mm, spacing, sessions, weeks)| {
            json!({
                "regimen": "intralesional_grid",
                "patient": patient,
                "lesion": {"diameter": {"value": mm, "unit": "mm"}},
                "spacing": {"value": spacing, "unit": "mm"},
                "sessions": sessions,
                "interval": {"value": weeks, "unit": "wk"},
                "ring_block": {"solution": {"strength": "one_percent", "formulation": "plain"},
                               "volume": {"value": 2, "unit": "mL"}}
            })
        },
    )
}

/// A request of any regimen, as JSON text.
///
/// # Example
///
/// See the [module documentation](self).
pub fn request_json() -> impl Strategy<Value = String> {
    prop_oneof![
        diltiazem_json(),
        probenecid_json(),
        topical_json(),
        case_series_json(),
        grid_json(),
    ]
    .prop_map(|v| v.to_string())
}

/// A request of any regimen, as a Rust value.
///
/// # Example
///
/// See the [module documentation](self).
pub fn request() -> impl Strategy<Value = Request> {
    request_json().prop_filter_map("a generated request reads", |json| {
        Request::from_json(&json).ok()
    })
}

/// A near-valid bad request: a valid one with one thing wrong that the
/// reader must refuse (an unknown unit, a negative or non-numeric value, a
/// missing patient, an unknown field, a key given twice, an unknown
/// regimen), as JSON text.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{strategies, Request};
/// use proptest::test_runner::TestRunner;
///
/// TestRunner::default()
///     .run(&strategies::near_valid_json(), |json| {
///         assert!(Request::from_json(&json).is_err(), "{json}");
///         Ok(())
///     })
///     .unwrap();
/// ```
pub fn near_valid_json() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            diltiazem_json(),
            probenecid_json(),
            topical_json(),
            case_series_json(),
            grid_json()
        ],
        0_u8..7,
    )
        .prop_map(|(mut v, mutation)| {
            let mut set = |pointer: &str, value: Value| {
                if let Some(slot) = v.pointer_mut(pointer) {
                    *slot = value;
                }
            };
            match mutation {
                0 => set("/patient/weight/unit", json!("mL")),
                1 => set("/patient/weight/value", json!(-70)),
                2 => set("/patient/age/value", json!("NaN")),
                3 => {
                    if let Some(map) = v.as_object_mut() {
                        map.remove("patient");
                    }
                }
                4 => {
                    if let Some(map) = v.as_object_mut() {
                        map.insert("dose_in_mg".to_owned(), json!(1));
                    }
                }
                5 => {
                    let weight = v.pointer("/patient/weight").map(Value::to_string);
                    return v.to_string().replacen(
                        "\"patient\":{",
                        &format!("\"patient\":{{\"weight\":{},", weight.unwrap_or_default()),
                        1,
                    );
                }
                _ => set("/regimen", json!("calcitonin")),
            }
            v.to_string()
        })
}
