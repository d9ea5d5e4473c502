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
}
