//! Reading a request from JSON text: duplicate keys refused, and every
//! error located by the JSON path of its field.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::Request;
use crate::diltiazem;
use crate::error::Error;
use crate::probenecid;
use crate::sodium_thiosulfate::{intralesional, topical};

/// The regimens a request may name, for messages.
const REGIMENS: &str =
    "diltiazem, probenecid, intralesional_case_series, intralesional_grid, topical";

impl Request {
    /// Reads a request from JSON text.
    ///
    /// Unlike a `serde_json::Value`, which keeps the last of two duplicate
    /// keys, a key given twice is refused: a request with two weights is
    /// never planned for one of them. Every error names the JSON path of
    /// its field (`patient.weight.value`).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidJson`] with the path and what is wrong: malformed
    /// JSON, a duplicate key, a missing, unknown or refused field.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Error, Request};
    ///
    /// let twice = r#"{"regimen":"diltiazem","patient":{"weight":{"value":20,"unit":"kg"},
    ///   "age":{"value":6,"unit":"a"},"weight":{"value":60,"unit":"kg"}},
    ///   "rate":{"value":3,"unit":"mg/kg/d"},"formulation":"oral_suspension"}"#;
    /// let err = Request::from_json(twice).unwrap_err();
    /// assert!(matches!(&err, Error::InvalidJson { path, .. } if path == "patient.weight"));
    ///
    /// let bad = r#"{"regimen":"diltiazem","patient":{"weight":{"value":-2,"unit":"kg"},
    ///   "age":{"value":6,"unit":"a"}},"rate":{"value":3,"unit":"mg/kg/d"}}"#;
    /// let err = Request::from_json(bad).unwrap_err();
    /// assert!(err.to_string().starts_with("invalid request at patient.weight"));
    /// ```
    ///
    /// # References
    ///
    /// RFC 8259 leaves duplicate names undefined; the crate refuses them.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        let text = text.trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            return Err(invalid("", "empty input: expected a JSON request object"));
        }
        let mut path = Vec::new();
        let mut de = serde_json::Deserializer::from_str(text);
        Walk { path: &mut path }
            .deserialize(&mut de)
            .and_then(|()| de.end())
            .map_err(|e| invalid(&dotted(&path), &e.to_string()))?;
        serde_json::from_str::<Self>(text).map_err(|e| {
            serde_json::from_str::<Value>(text).map_or_else(
                |_| invalid("", &e.to_string()),
                |value| locate_in(&value, &e),
            )
        })
    }
}

fn invalid(path: &str, message: &str) -> Error {
    Error::InvalidJson {
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

/// `patient.weight`, `overrides[0].limit`.
fn dotted(path: &[String]) -> String {
    let mut out = String::new();
    for part in path {
        if part.starts_with('[') || out.is_empty() {
            out.push_str(part);
        } else {
            out.push('.');
            out.push_str(part);
        }
    }
    out
}

/// Walks a JSON document, refusing a key given twice in one object.
struct Walk<'a> {
    path: &'a mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0_usize;
        loop {
            self.path.push(format!("[{i}]"));
            let next = seq.next_element_seed(Walk {
                path: &mut *self.path,
            })?;
            self.path.pop();
            if next.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            self.path.push(key.clone());
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!(
                    "duplicate key `{key}`: a value given twice is refused, not overwritten"
                )));
            }
            map.next_value_seed(Walk {
                path: &mut *self.path,
            })?;
            self.path.pop();
        }
        Ok(())
    }
}

/// Locates a request's error: the regimen's own request type is read again
/// with path tracking, since serde reports no path through the `"regimen"`
/// tag.
fn locate_in(value: &Value, error: &serde_json::Error) -> Error {
    if !value.is_object() {
        return invalid("", "expected a JSON object with a \"regimen\"");
    }
    let regimen = match value.get("regimen") {
        None => {
            return invalid(
                "",
                &format!("missing field `regimen`: expected one of {REGIMENS}"),
            );
        }
        Some(Value::String(r)) => r.as_str(),
        Some(other) => {
            return invalid("regimen", &format!("{other} is not one of {REGIMENS}"));
        }
    };
    let mut fields = value.clone();
    if let Some(map) = fields.as_object_mut() {
        map.remove("regimen");
    }
    let located = match regimen {
        "diltiazem" => locate::<diltiazem::Request>(fields),
        "probenecid" => locate::<probenecid::Request>(fields),
        "intralesional_case_series" => locate::<intralesional::CaseSeriesRequest>(fields),
        "intralesional_grid" => locate::<intralesional::GridRequest>(fields),
        "topical" => locate::<topical::Request>(fields),
        other => Some(invalid(
            "regimen",
            &format!("'{other}' is not one of {REGIMENS}"),
        )),
    };
    located.unwrap_or_else(|| invalid("", &error.to_string()))
}

/// The error of reading `fields` as `T`, with its JSON path.
fn locate<T: DeserializeOwned>(fields: Value) -> Option<Error> {
    serde_path_to_error::deserialize::<_, T>(fields)
        .err()
        .map(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            invalid(&path, &e.inner().to_string())
        })
}
