//! Heap allocations made while building one plan of each regimen, counted
//! by an instrumented global allocator (`stats_alloc`), and separately while
//! writing its text. Not a timing: the counts are exact and repeatable.
//!
//! ```text
//! cargo bench -p calcinosis-dosing-benches --bench allocations
//! ```
#![allow(
    clippy::unwrap_used,
    reason = "a measurement on fixed valid inputs should fail loudly"
)]

use std::alloc::System;

use calcinosis_dosing::{Plan, Request};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The example requests measured, by file name.
const REQUESTS: [&str; 6] = [
    "diltiazem-adult-70kg",
    "diltiazem-child-20kg-suspension",
    "probenecid-case-4-year-old",
    "topical-6-year-old-forearm",
    "intralesional-fingertip-4mm",
    "intralesional-lupus-panniculitis-3cm",
];

fn main() {
    // `cargo bench` passes "--bench"; nothing else is read.
    println!("| request | allocations to plan | allocations to write its text |");
    println!("|---|---|---|");
    for name in REQUESTS {
        let path = format!(
            "{}/../examples/requests/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let request: Request =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        // Warm up once (lazy statics, first-use buffers).
        let _ = request.plan().unwrap().to_string();
        let region = Region::new(GLOBAL);
        let plan: Plan = request.plan().unwrap();
        let planned = region.change().allocations;
        let region = Region::new(GLOBAL);
        let text = plan.to_string();
        let written = region.change().allocations;
        assert!(!text.is_empty());
        println!("| {name} | {planned} | {written} |");
    }
    diltiazem_direct();
}

/// `diltiazem::plan` called directly (no JSON request around it), the
/// cases of the diltiazem bench: the issue's goal is at most one heap
/// allocation to build a diltiazem plan.
fn diltiazem_direct() {
    use calcinosis_dosing::diltiazem::{self, Formulation, Options};
    use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Patient};

    println!();
    println!("| `diltiazem::plan` | allocations to plan |");
    println!("|---|---|");
    let cases = [
        (
            "60 kg, 3 mg/kg/day, tablets",
            60.0,
            50.0,
            3.0,
            Formulation::ImmediateRelease,
        ),
        (
            "70 kg, 3 mg/kg/day, tablets (rounded beyond the tolerance)",
            70.0,
            50.0,
            3.0,
            Formulation::ImmediateRelease,
        ),
        (
            "20 kg child, 1.5 mg/kg/day, suspension",
            20.0,
            6.0,
            1.5,
            Formulation::OralSuspension,
        ),
    ];
    for (name, kg, years, rate, formulation) in cases {
        let patient = Patient::new(
            BodyWeight::from_kg(kg).unwrap(),
            Age::from_years(years).unwrap(),
        );
        let rate = DailyDosePerKg::from_mg_per_kg_per_day(rate).unwrap();
        let options = Options::new(formulation);
        // Warm up once (the products and instructions are built on first use).
        let _ = diltiazem::plan(&patient, rate, &options).unwrap();
        let region = Region::new(GLOBAL);
        let plan = diltiazem::plan(&patient, rate, &options).unwrap();
        let planned = region.change().allocations;
        drop(plan);
        println!("| {name} | {planned} |");
    }
}
