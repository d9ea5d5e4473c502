//! Reads a JSON request (a file path argument, or standard input) and prints
//! the plan as JSON.
//!
//! ```text
//! cargo run --example plan -- examples/requests/diltiazem-adult-70kg.json
//! cargo run --example plan < examples/requests/diltiazem-adult-70kg.json
//! ```
//!
//! A bad request exits with status 1 and a one-line error naming the field.

use std::io::{Read, Write};
use std::process::ExitCode;

use calcinosis_dosing::sodium_thiosulfate::{intralesional, topical};
use calcinosis_dosing::{Request, diltiazem, probenecid};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The regimens a request may name.
const REGIMENS: &str =
    "diltiazem, probenecid, intralesional_case_series, intralesional_grid, topical";

/// Explains why a request did not parse, naming the JSON path of the field
/// (`patient.weight.value`): the regimen's own request type is read again
/// with path tracking, since serde reports no path through the `"regimen"`
/// tag.
fn explain(value: &Value, error: &serde_json::Error) -> String {
    let regimen = match value.get("regimen") {
        None => {
            return format!("invalid request: missing field `regimen`: expected one of {REGIMENS}");
        }
        Some(Value::String(r)) => r.as_str(),
        Some(other) => {
            return format!("invalid request at regimen: {other} is not one of {REGIMENS}");
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
        other => Some(format!(
            "invalid request at regimen: '{other}' is not one of {REGIMENS}"
        )),
    };
    located.unwrap_or_else(|| format!("invalid request: {error}"))
}

/// The error of reading `fields` as `T`, prefixed with its JSON path.
fn locate<T: DeserializeOwned>(fields: Value) -> Option<String> {
    serde_path_to_error::deserialize::<_, T>(fields)
        .err()
        .map(|e| {
            let path = e.path().to_string();
            if path == "." {
                format!("invalid request: {}", e.inner())
            } else {
                format!("invalid request at {path}: {}", e.inner())
            }
        })
}

fn run() -> Result<String, String> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => {
            text =
                std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
        }
        None => {
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err("empty input: expected a JSON request object".to_owned());
    }
    // Read the request from the text itself, never from a `Value` first: a
    // `Value` keeps the last of two duplicate keys, and a request with two
    // weights must be refused, not planned for one of them.
    let request: Request = serde_json::from_str(text).map_err(|e| {
        serde_json::from_str::<Value>(text).map_or_else(
            |_| format!("invalid request: {e}"),
            |value| explain(&value, &e),
        )
    })?;
    let plan = request.plan().map_err(|e| format!("no plan: {e}"))?;
    serde_json::to_string_pretty(&plan).map_err(|e| format!("cannot write the plan: {e}"))
}

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            // A closed pipe (`| head`) ends the output quietly.
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{json}") {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write the plan: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("error: {}", message.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}
