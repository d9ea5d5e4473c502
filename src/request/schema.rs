//! The request schema (JSON Schema draft 2020-12), generated from the
//! parser itself: each quantity's units are those its reader accepts, and
//! each unit's range is found by asking the reader where it starts and
//! stops refusing a value as out of range.

use serde_json::{Value, json};

use crate::dose::{Concentration, DailyDose, DailyDosePerKg, InjectionVolume, MassFraction};
use crate::error::Error;
use crate::interval::Interval;
use crate::patient::{Age, BodyWeight, Egfr, Height};
use crate::probenecid::DailyAmount;
use crate::rounding::Tolerance;
use crate::sodium_thiosulfate::intralesional::{Graduation, GridSessions, Spacing};
use crate::sodium_thiosulfate::topical::{
    BeyondUseDate, CourseLength, PackSize, RegionScale, SkinArea,
};
use crate::wire::Quantity;

/// Every UCUM code a request may use; each quantity accepts some of them.
const UNITS: [&str; 25] = [
    "kg",
    "g",
    "[lb_av]",
    "a",
    "mo",
    "wk",
    "d",
    "cm",
    "m",
    "mm",
    "[in_i]",
    "mL/min",
    "mL/min/{1.73_m2}",
    "mg/kg/d",
    "mg/m2/d",
    "mg",
    "mg/d",
    "g/d",
    "mg/mL",
    "%",
    "mL",
    "cm2",
    "mm2",
    "m2",
    "h",
];

/// Where a reader refuses `x` as out of range: below (`Some(true)`), above
/// (`Some(false)`), or not for its range (`None`).
fn side(result: &Result<(), Error>) -> Option<bool> {
    match result {
        Err(
            Error::OutOfRange {
                value, min, max, ..
            }
            | Error::OutsideRegimen {
                value, min, max, ..
            },
        ) => {
            if value < min {
                Some(true)
            } else if value > max {
                Some(false)
            } else {
                None
            }
        }
        Err(Error::AboveMaximum { value, max, .. }) => (value > max).then_some(false),
        _ => None,
    }
}

/// `x` as the nearest decimal of nine places, the resolution a reader keeps.
fn nine(x: f64) -> f64 {
    crate::exact::to_f64(crate::exact::constant(x))
}

/// The range a reader accepts in one unit, as `(minimum, maximum)`.
fn range(read: &dyn Fn(f64) -> Result<(), Error>) -> (f64, f64) {
    let below = |x: f64| side(&read(x)) == Some(true);
    let above = |x: f64| side(&read(x)) == Some(false);
    // A value inside the range, by powers of ten.
    let inside = (-6..=9)
        .map(|k| 10_f64.powi(k))
        .find(|&x| !below(x) && !above(x))
        .unwrap_or(1.0);
    let (mut lo, mut hi) = (0.0, inside);
    for _ in 0..200 {
        let mid = f64::midpoint(lo, hi);
        if below(mid) { lo = mid } else { hi = mid }
    }
    let mut minimum = nine(hi);
    if below(minimum) {
        minimum = nine(minimum + 1e-9);
    }
    let mut big = inside;
    while !above(big) && big < 1e15 {
        big *= 10.0;
    }
    let (mut lo, mut hi) = (inside, big);
    for _ in 0..200 {
        let mid = f64::midpoint(lo, hi);
        if above(mid) { hi = mid } else { lo = mid }
    }
    let mut maximum = nine(lo);
    if above(maximum) {
        maximum = nine(maximum - 1e-9);
    }
    (minimum, maximum)
}

/// The schema of a quantity read by `read`: `{"value", "unit"}`, the unit
/// one of those the reader knows, the value in that unit's range.
fn quantity(read: &dyn Fn(Quantity) -> Result<(), Error>) -> Value {
    let mut units = Vec::new();
    let mut cases = Vec::new();
    for unit in UNITS {
        if matches!(
            read(Quantity::new(1.0, unit)),
            Err(Error::UnknownUnit { .. })
        ) {
            continue;
        }
        let (minimum, maximum) = range(&|x| read(Quantity::new(x, unit)));
        units.push(unit);
        cases.push(json!({
            "if": {"properties": {"unit": {"const": unit}}},
            "then": {"properties": {"value": {"minimum": minimum, "maximum": maximum}}}
        }));
    }
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["value", "unit"],
        "properties": {
            "value": {"type": "number"},
            "unit": {"enum": units}
        },
        "allOf": cases
    })
}

/// A quantity read by the type's own `TryFrom<Quantity>`.
fn of<T: TryFrom<Quantity, Error = Error>>() -> Value {
    quantity(&|q| T::try_from(q).map(|_| ()))
}

fn names(names: &[&str]) -> Value {
    json!({"enum": names})
}

fn object(required: &[&str], properties: &Value) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties
    })
}

/// The patient: weight and age, optionally height and eGFR; an eGFR per
/// 1.73 m² needs the height that de-indexes it.
fn patient() -> Value {
    let mut p = object(
        &["weight", "age"],
        &json!({
            "weight": {"$ref": "#/$defs/weight"},
            "age": {"$ref": "#/$defs/age"},
            "height": nullable(&json!({"$ref": "#/$defs/height"})),
            "egfr": nullable(&json!({"$ref": "#/$defs/egfr"}))
        }),
    );
    if let Some(map) = p.as_object_mut() {
        map.insert(
            "if".to_owned(),
            json!({
                "required": ["egfr"],
                "properties": {"egfr": {
                    "type": "object",
                    "required": ["unit"],
                    "properties": {"unit": {"const": "mL/min/{1.73_m2}"}}
                }}
            }),
        );
        map.insert(
            "then".to_owned(),
            json!({"required": ["height"], "properties": {"height": {"type": "object"}}}),
        );
    }
    p
}

/// An optional field's schema: the value, or `null` (read as not given).
fn nullable(schema: &Value) -> Value {
    json!({"anyOf": [schema, {"type": "null"}]})
}

/// The definitions of the patient, the doses and the common options.
fn common_definitions() -> Value {
    json!({
        "weight": of::<BodyWeight>(),
        "age": of::<Age>(),
        "height": of::<Height>(),
        "egfr": {"anyOf": [
            of::<Egfr>(),
            quantity(&|q| if q.unit == "mL/min/{1.73_m2}" {
                // The value as given, per 1.73 m²: read in the same range.
                crate::error::check_range(
                    "egfr",
                    q.value,
                    Egfr::MIN_ML_PER_MIN,
                    Egfr::MAX_ML_PER_MIN,
                    "mL/min/{1.73_m2}",
                )
                .map(|_| ())
            } else {
                Err(Error::UnknownUnit { field: "egfr", unit: q.unit, expected: "mL/min/{1.73_m2}" })
            })
        ]},
        "patient": patient(),
        "rate": of::<DailyDosePerKg>(),
        "daily_amount": of::<DailyAmount>(),
        "daily_dose": of::<DailyDose>(),
        "interval": of::<Interval>(),
        "tolerance": of::<Tolerance>(),
        "frequency": names(&["once_daily", "twice_daily", "three_times_daily", "four_times_daily"]),
        "override": {
            "type": "object",
            "additionalProperties": false,
            "required": ["limit", "reason"],
            "properties": {
                "limit": {"type": "string", "pattern": "\\S"},
                "reason": {"type": "string", "pattern": "\\S", "maxLength": 1000}
            }
        },
        "overrides": {"type": "array", "items": {"$ref": "#/$defs/override"}}
    })
}

/// The definitions of the products, lesions and cream.
fn product_and_lesion_definitions() -> Value {
    json!({
        "volume": of::<InjectionVolume>(),
        "concentration": of::<Concentration>(),
        "lidocaine_solution": object(&["strength", "formulation"], &json!({
            "strength": names(&["half_percent", "one_percent", "two_percent"]),
            "formulation": names(&["plain", "with_epinephrine"])
        })),
        "ring_block": object(&["solution", "volume"], &json!({
            "solution": {"$ref": "#/$defs/lidocaine_solution"},
            "volume": {"$ref": "#/$defs/volume"}
        })),
        "dimension": quantity(&|q| crate::sodium_thiosulfate::intralesional::read_dimension(q).map(|_| ())),
        "lesion_size": {"oneOf": [
            object(&["diameter"], &json!({"diameter": {"$ref": "#/$defs/dimension"}})),
            object(&["length", "width"], &json!({
                "length": {"$ref": "#/$defs/dimension"},
                "width": {"$ref": "#/$defs/dimension"}
            }))
        ]},
        "lesion": object(&["site", "size", "distribution", "ulceration"], &json!({
            "site": names(&["fingertip", "elsewhere"]),
            "size": {"$ref": "#/$defs/lesion_size"},
            "distribution": names(&["localised", "widespread"]),
            "ulceration": names(&["absent", "present"])
        })),
        "stock": {"oneOf": [
            names(&["injection", "paediatric_injection"]),
            object(&["other"], &json!({"other": {"$ref": "#/$defs/concentration"}}))
        ]},
        "diluent": {"oneOf": [
            names(&["sterile_water", "sodium_chloride_0_9_percent"]),
            object(&["lidocaine"], &json!({"lidocaine": {"$ref": "#/$defs/lidocaine_solution"}}))
        ]},
        "spacing": of::<Spacing>(),
        "graduation": of::<Graduation>(),
        "sessions": {
            "type": "integer",
            "minimum": (1..=100).find(|&n| GridSessions::try_from(n).is_ok()).unwrap_or(1),
            "maximum": (1..=100).rev().find(|&n| GridSessions::try_from(n).is_ok()).unwrap_or(1)
        },
        "area": of::<SkinArea>(),
        "region_scale": of::<RegionScale>(),
        "pack_size": of::<PackSize>(),
        "strength": of::<MassFraction>(),
        "course": of::<CourseLength>(),
        "beyond_use_date": {"oneOf": [
            names(&["usp_non_preserved_aqueous", "usp_preserved_aqueous"]),
            of::<BeyondUseDate>()
        ]},
        "body_region": names(&["face_and_neck", "arm", "hand", "leg", "foot", "front_trunk", "back"])
    })
}

/// The JSON Schema (draft 2020-12) of a request, as `Request::from_json`
/// reads it.
///
/// It cannot check what is decided when planning (a dose that is not
/// measurable, a hard limit, a schedule the sources do not document), nor
/// a key given twice (JSON Schema sees one), nor the parts of a value a
/// reader checks beyond its range (a whole number of days).
///
/// # Example
///
/// ```
/// let schema = calcinosis_dosing::request_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// let weight = &schema["$defs"]["weight"];
/// assert_eq!(weight["properties"]["unit"]["enum"], serde_json::json!(["kg", "g", "[lb_av]"]));
/// ```
///
/// # References
///
/// JSON Schema draft 2020-12.
#[must_use]
pub fn request_schema() -> Value {
    let mut defs = common_definitions();
    if let (Some(all), Value::Object(more)) =
        (defs.as_object_mut(), product_and_lesion_definitions())
    {
        all.extend(more);
    }
    let regimen = |name: &str, required: &[&str], properties: &Value| {
        let mut properties = properties.as_object().cloned().unwrap_or_default();
        // An optional field may be null, read as not given; a list may not.
        for (key, schema) in &mut properties {
            let list = ["overrides", "regions"].contains(&key.as_str());
            if !required.contains(&key.as_str()) && !list && key != "step_interval" {
                *schema = nullable(schema);
            }
        }
        properties.insert("regimen".to_owned(), json!({"const": name}));
        let mut required: Vec<&str> = required.to_vec();
        required.insert(0, "regimen");
        object(&required, &Value::Object(properties))
    };
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:calcinosis-dosing:request",
        "title": "calcinosis-dosing request",
        "description": "A request for a plan, as Request::from_json reads it. Generated by calcinosis_dosing::request_schema(); regenerate with UPDATE_SCHEMA=1 cargo test schema.",
        "oneOf": [
            regimen("diltiazem", &["patient", "rate"], &json!({
                "patient": {"$ref": "#/$defs/patient"},
                "rate": {"$ref": "#/$defs/rate"},
                "formulation": names(&["immediate_release", "extended_release_cd", "extended_release_tiazac", "oral_suspension"]),
                "frequency": {"$ref": "#/$defs/frequency"},
                "tolerance": {"$ref": "#/$defs/tolerance"},
                "beyond_tolerance": names(&["round_down_only", "allow_round_up"])
            })),
            regimen("probenecid", &["patient", "target"], &json!({
                "patient": {"$ref": "#/$defs/patient"},
                "target": {"$ref": "#/$defs/daily_amount"},
                "basis": names(&["body_weight", "body_surface_area"]),
                "frequency": {"$ref": "#/$defs/frequency"},
                "division": names(&["exact", "fewer_on_small_steps"]),
                "step": {"$ref": "#/$defs/daily_dose"},
                "step_interval": {"anyOf": [{"$ref": "#/$defs/interval"}, {"type": "null"}]},
                "tolerance": {"$ref": "#/$defs/tolerance"},
                "overrides": {"$ref": "#/$defs/overrides"}
            })),
            regimen("topical", &["patient", "pack_size"], &json!({
                "patient": {"$ref": "#/$defs/patient"},
                "area": {"$ref": "#/$defs/area"},
                "regions": {"type": "array", "items": {"$ref": "#/$defs/body_region"}},
                "region_scale": {"$ref": "#/$defs/region_scale"},
                "pack_size": {"$ref": "#/$defs/pack_size"},
                "strength": {"$ref": "#/$defs/strength"},
                "course": {"$ref": "#/$defs/course"},
                "packs_per_batch": {"type": "integer", "minimum": 1, "maximum": 100},
                "beyond_use_date": {"$ref": "#/$defs/beyond_use_date"}
            })),
            regimen("intralesional_case_series", &["patient", "lesion", "volume_per_injection", "stock", "diluent"], &json!({
                "patient": {"$ref": "#/$defs/patient"},
                "lesion": {"$ref": "#/$defs/lesion"},
                "volume_per_injection": {"$ref": "#/$defs/volume"},
                "stock": {"$ref": "#/$defs/stock"},
                "diluent": {"$ref": "#/$defs/diluent"},
                "interval": {"$ref": "#/$defs/interval"},
                "prepared_volume": {"$ref": "#/$defs/volume"},
                "graduation": {"$ref": "#/$defs/graduation"},
                "tolerance": {"$ref": "#/$defs/tolerance"},
                "ring_block": {"$ref": "#/$defs/ring_block"},
                "overrides": {"$ref": "#/$defs/overrides"}
            })),
            regimen("intralesional_grid", &["patient", "lesion", "spacing", "sessions", "interval"], &json!({
                "patient": {"$ref": "#/$defs/patient"},
                "lesion": {"$ref": "#/$defs/lesion_size"},
                "spacing": {"$ref": "#/$defs/spacing"},
                "sessions": {"$ref": "#/$defs/sessions"},
                "interval": {"$ref": "#/$defs/interval"},
                "ring_block": {"$ref": "#/$defs/ring_block"},
                "overrides": {"$ref": "#/$defs/overrides"}
            }))
        ],
        "$defs": defs
    })
}
