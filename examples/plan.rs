//! Reads a JSON request (a file path argument, or standard input) and prints
//! the plan as JSON.
//!
//! ```text
//! cargo run --example plan -- examples/requests/diltiazem-adult-70kg.json
//! cargo run --example plan < examples/requests/diltiazem-adult-70kg.json
//! ```
//!
//! A bad request exits with status 1 and a one-line error naming the field
//! by its JSON path (`patient.weight`); a key given twice is refused.

use std::io::{Read, Write};
use std::process::ExitCode;

use calcinosis_dosing::Request;

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
    let request = Request::from_json(&text).map_err(|e| e.to_string())?;
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
