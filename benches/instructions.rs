//! Instructions per plan, counted by valgrind's callgrind, beside the
//! plain-`f64` baselines of the timing benches, in the same binary.
//!
//! A count of instructions does not move with the load of a shared machine
//! (the timings of `diltiazem.rs` moved by up to 70 % between two runs), so
//! it is the figure to compare before and after a change. It is not a
//! timing: memory traffic and the cost of each instruction differ.
//!
//! ```text
//! cargo bench -p calcinosis-dosing-benches --bench instructions
//! ```
//!
//! Run so, the bench runs itself under `valgrind --tool=callgrind` once
//! with one iteration and once with one more than many for each case, and
//! prints the difference divided by the many: the cost of a call once the
//! process has built what it builds once (the products and their kept
//! compositions, the constants), as the timing benches measure after
//! their warm-up. Without valgrind it says so and
//! stops. `instructions CASE N` runs one case `N` times (what valgrind is
//! given).
#![allow(
    clippy::unwrap_used,
    reason = "a measurement on fixed valid inputs should fail loudly"
)]

use std::hint::black_box;
use std::process::Command;

use calcinosis_dosing::diltiazem::{self, Options};
use calcinosis_dosing::probenecid::{self, DailyAmount, Division};
use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Patient, Tolerance};

mod baseline_diltiazem;
mod baseline_probenecid;

/// The cases, each a plan and its baseline, as in the timing benches.
const CASES: [(&str, &str); 8] = [
    ("diltiazem-60kg", "diltiazem 60 kg, 3 mg/kg/day: plan"),
    (
        "diltiazem-60kg-read",
        "diltiazem 60 kg, 3 mg/kg/day: plan, its figures and schedule read",
    ),
    (
        "diltiazem-60kg-f64",
        "diltiazem 60 kg, 3 mg/kg/day: plain f64",
    ),
    ("diltiazem-70kg", "diltiazem 70 kg, 3 mg/kg/day: plan"),
    (
        "diltiazem-70kg-text",
        "diltiazem 70 kg, 3 mg/kg/day: plan and its text",
    ),
    (
        "diltiazem-70kg-f64",
        "diltiazem 70 kg, 3 mg/kg/day: plain f64",
    ),
    ("probenecid", "probenecid 16 kg, to 1,250 mg/day: plan"),
    (
        "probenecid-f64",
        "probenecid 16 kg, to 1,250 mg/day: plain f64",
    ),
];

/// Iterations per count: enough that start-up is a rounding error.
const ITERATIONS: u64 = 2_000;

/// Runs `case` `n` times; its inputs are built once, before the loop, as
/// in the timing benches.
fn run(case: &str, n: u64) {
    let adult = |kg| {
        Patient::new(
            BodyWeight::from_kg(kg).unwrap(),
            Age::from_years(50.0).unwrap(),
        )
    };
    let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0).unwrap();
    let options = Options::default();
    let girl = Patient::new(
        BodyWeight::from_kg(16.0).unwrap(),
        Age::from_years(4.0).unwrap(),
    );
    let titration = probenecid::Options::default()
        .tolerance(Tolerance::from_percent(25.0).unwrap())
        .division(Division::FewerOnSmallSteps);
    if case.starts_with("probenecid") {
        // The two make the same decisions (counted once, in both runs of a
        // case, so the per-call figure leaves it out).
        let plan = probenecid::plan(&girl, DailyAmount::CASE_REACHED, &titration).unwrap();
        let base = baseline_probenecid::baseline(16.0, 4.0, 1250.0, 0.25).unwrap();
        assert!(baseline_probenecid::agrees(&plan, &base));
    }
    match case {
        "diltiazem-60kg" | "diltiazem-70kg" => {
            let patient = adult(if case == "diltiazem-60kg" { 60.0 } else { 70.0 });
            for _ in 0..n {
                let _ = black_box(diltiazem::plan(
                    black_box(&patient),
                    black_box(rate),
                    black_box(&options),
                ));
            }
        }
        "diltiazem-60kg-read" => {
            // A plan writes its figures, schedule, limits and references
            // up on the first read: this counts that too.
            let patient = adult(60.0);
            for _ in 0..n {
                let _ = black_box(
                    diltiazem::plan(black_box(&patient), black_box(rate), black_box(&options))
                        .map(|plan| (plan.achieved(), plan.administrations().len())),
                );
            }
        }
        "diltiazem-70kg-text" => {
            let patient = adult(70.0);
            for _ in 0..n {
                let _ = black_box(
                    diltiazem::plan(black_box(&patient), black_box(rate), black_box(&options))
                        .map(|plan| plan.to_string()),
                );
            }
        }
        "diltiazem-60kg-f64" | "diltiazem-70kg-f64" => {
            let kg = if case == "diltiazem-60kg-f64" {
                60.0
            } else {
                70.0
            };
            for _ in 0..n {
                let _ = black_box(baseline_diltiazem::plain_f64(
                    black_box(kg),
                    black_box(3.0),
                    black_box(50.0),
                ));
            }
        }
        "probenecid" => {
            for _ in 0..n {
                let _ = black_box(probenecid::plan(
                    black_box(&girl),
                    black_box(DailyAmount::CASE_REACHED),
                    black_box(&titration),
                ));
            }
        }
        "probenecid-f64" => {
            for _ in 0..n {
                let _ = black_box(baseline_probenecid::baseline(
                    black_box(16.0),
                    black_box(4.0),
                    black_box(1250.0),
                    black_box(0.25),
                ));
            }
        }
        other => {
            eprintln!("instructions: unknown case {other}");
            std::process::exit(2);
        }
    }
}

/// Instructions of this binary running `case` `n` times, by callgrind.
fn count(case: &str, n: u64) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .args([case, &n.to_string()])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':')
        .next()?
        .trim()
        .replace(',', "")
        .parse()
        .ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [case, n] = args.as_slice()
        && let Ok(n) = n.parse()
    {
        run(case, n);
        return;
    }
    // `cargo bench` passes "--bench": count every case.
    if count("diltiazem-60kg-f64", 0).is_none() {
        println!("instructions: valgrind is not installed; nothing counted");
        return;
    }
    println!("| case | instructions per call |");
    println!("|---|---|");
    for (case, name) in CASES {
        // The first call builds what a process builds once; it is in both
        // counts, so the difference is the cost of a warm call.
        let (Some(none), Some(many)) = (count(case, 1), count(case, ITERATIONS + 1)) else {
            println!("| {name} | (not counted) |");
            continue;
        };
        println!("| {name} | {} |", many.saturating_sub(none) / ITERATIONS);
    }
}
