//! Reads a JSON request (a file path argument) and prints its plan as FHIR
//! R4 JSON: a `MedicationRequest`, or a `Bundle` for the grid and for a
//! plan with lidocaine. The subject reference is the second argument
//! (`Patient/example` by default).
//!
//! ```text
//! cargo run --features fhir --example fhir -- examples/requests/diltiazem-adult-70kg.json Patient/123
//! ```

use std::io::Write as _;
use std::process::ExitCode;

use calcinosis_dosing::{Request, fhir};

fn run() -> Result<String, String> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: fhir <request.json> [Patient/id]")?;
    let subject = args.next().unwrap_or_else(|| "Patient/example".to_owned());
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let request = Request::from_json(&text).map_err(|e| e.to_string())?;
    let plan = request.plan().map_err(|e| format!("no plan: {e}"))?;
    let resource = fhir::export(&plan, &subject).map_err(|e| e.to_string())?;
    serde_json::to_string_pretty(&resource).map_err(|e| format!("cannot write FHIR: {e}"))
}

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{json}") {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: {e}");
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
