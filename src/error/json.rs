//! An error as JSON, for an API response.

use super::Error;

/// JSON: `{"kind", "field", "value", "unit", "allowed", "message"}`, for an
/// API response. `kind` is the variant in snake case; `field` the
/// parameter, the JSON path of a request's field, or a limit's id; `value`
/// a number when the error holds one (a non-finite number as text);
/// `allowed` what would be accepted, in words; `message` the error's text.
impl serde::Serialize for Error {
    #[allow(
        clippy::too_many_lines,
        reason = "one arm per variant: the table of what each error holds"
    )]
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;

        use crate::format::number;

        /// A number, or its text when it is not finite.
        enum Val {
            Number(f64),
            Text(String),
            None,
        }
        impl serde::Serialize for Val {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    Self::Number(x) if x.is_finite() => crate::format::Number(*x).serialize(s),
                    Self::Number(x) => s.serialize_str(&x.to_string()),
                    Self::Text(t) => s.serialize_str(t),
                    Self::None => s.serialize_none(),
                }
            }
        }
        let range = |min: f64, max: f64, unit: &str| {
            format!("{} to {} {unit}", number(min, 9), number(max, 9))
        };
        let (kind, field, value, unit, allowed): (&str, String, Val, Option<&str>, Option<String>) =
            match self {
                Self::NotFinite { field, value, unit } => (
                    "not_finite",
                    (*field).to_owned(),
                    Val::Number(*value),
                    Some(unit),
                    None,
                ),
                Self::OutOfRange {
                    field,
                    value,
                    min,
                    max,
                    unit,
                } => (
                    "out_of_range",
                    (*field).to_owned(),
                    Val::Number(*value),
                    Some(unit),
                    Some(range(*min, *max, unit)),
                ),
                Self::OutsideRegimen {
                    field,
                    value,
                    min,
                    max,
                    unit,
                    ..
                } => (
                    "outside_regimen",
                    (*field).to_owned(),
                    Val::Number(*value),
                    Some(unit),
                    Some(range(*min, *max, unit)),
                ),
                Self::AboveMaximum {
                    field,
                    value,
                    max,
                    unit,
                    ..
                } => (
                    "above_maximum",
                    (*field).to_owned(),
                    Val::Number(*value),
                    Some(unit),
                    Some(format!("at most {} {unit}", number(*max, 9))),
                ),
                Self::UnknownUnit {
                    field,
                    unit,
                    expected,
                } => (
                    "unknown_unit",
                    (*field).to_owned(),
                    Val::Text(unit.clone()),
                    None,
                    Some((*expected).to_owned()),
                ),
                Self::NotDocumented {
                    field,
                    value,
                    expected,
                    ..
                } => (
                    "not_documented",
                    (*field).to_owned(),
                    Val::Text(value.clone()),
                    None,
                    Some((*expected).to_owned()),
                ),
                Self::Undocumented { case, .. } => (
                    "undocumented",
                    "lesion".to_owned(),
                    Val::Text(case.clone()),
                    None,
                    None,
                ),
                Self::Contraindicated {
                    field,
                    value,
                    min,
                    unit,
                    ..
                } => (
                    "contraindicated",
                    (*field).to_owned(),
                    Val::Number(*value),
                    Some(unit),
                    Some(format!("at least {} {unit}", number(*min, 9))),
                ),
                Self::NotMeasurable {
                    what,
                    calculated,
                    unit,
                    ..
                } => (
                    "not_measurable",
                    (*what).to_owned(),
                    Val::Number(*calculated),
                    Some(unit),
                    None,
                ),
                Self::HardLimit {
                    limit,
                    value,
                    bound,
                    allowed,
                    unit,
                    ..
                } => (
                    "hard_limit",
                    (*limit).to_owned(),
                    Val::Number(*value),
                    Some(unit),
                    Some(format!("{bound} {} {unit}", number(*allowed, 9))),
                ),
                Self::InvalidOverride { limit, .. } => (
                    "invalid_override",
                    "overrides".to_owned(),
                    Val::Text(limit.clone()),
                    None,
                    None,
                ),
                Self::Invalid { field, value, .. } => (
                    "invalid",
                    (*field).to_owned(),
                    Val::Text(value.clone()),
                    None,
                    None,
                ),
                Self::InvalidJson { path, .. } => {
                    ("invalid_json", path.clone(), Val::None, None, None)
                }
            };
        let mut out = s.serialize_struct("Error", 6)?;
        out.serialize_field("kind", kind)?;
        out.serialize_field("field", &field)?;
        out.serialize_field("value", &value)?;
        out.serialize_field("unit", &unit.map(crate::format::ucum_code))?;
        out.serialize_field("allowed", &allowed)?;
        out.serialize_field("message", &self.to_string())?;
        out.end()
    }
}
