//! NDJSON batch, stage by stage, on a mixed diltiazem/probenecid file:
//! reading a line into a request (`Request::from_json`: the duplicate-key
//! walk, the JSON paths, the validated types), planning it, writing the
//! plan's JSON, and the whole of `run_batch` over 3,000 lines. Beside each,
//! a plain baseline making the same decisions in bare `f64` with
//! `serde_json` into a bare struct (no duplicate-key check, no limits, no
//! citations, no clinical content), in the same run.
//!
//! ```text
//! cargo bench -p calcinosis-dosing-benches --bench batch -- --warm-up-time 1 --measurement-time 3
//! ```
#![allow(
    clippy::unwrap_used,
    reason = "a bench on fixed valid inputs should fail loudly"
)]

use std::hint::black_box;
use std::io::Write;

use calcinosis_dosing::{BatchOptions, Request, run_batch};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;

/// The mix: an adult on diltiazem tablets, a child on diltiazem
/// suspension, the documented probenecid case and an adult titration.
const LINES: [&str; 4] = [
    r#"{"regimen":"diltiazem","patient":{"weight":{"value":70,"unit":"kg"},"age":{"value":50,"unit":"a"}},"rate":{"value":3,"unit":"mg/kg/d"},"formulation":"immediate_release","frequency":"three_times_daily"}"#,
    r#"{"regimen":"diltiazem","patient":{"weight":{"value":20,"unit":"kg"},"age":{"value":6,"unit":"a"}},"rate":{"value":2,"unit":"mg/kg/d"},"formulation":"oral_suspension"}"#,
    r#"{"regimen":"probenecid","patient":{"weight":{"value":16,"unit":"kg"},"age":{"value":4,"unit":"a"}},"target":{"value":1250,"unit":"mg/d"},"division":"fewer_on_small_steps","tolerance":{"value":25,"unit":"%"}}"#,
    r#"{"regimen":"probenecid","patient":{"weight":{"value":70,"unit":"kg"},"age":{"value":45,"unit":"a"}},"target":{"value":2,"unit":"g/d"}}"#,
];

#[derive(Deserialize)]
struct Quantity {
    value: f64,
    unit: String,
}

#[derive(Deserialize)]
struct Patient {
    weight: Quantity,
    age: Quantity,
}

#[derive(Deserialize)]
struct Plain {
    regimen: String,
    patient: Patient,
    rate: Option<Quantity>,
    target: Option<Quantity>,
}

/// The baseline's decisions: kg from the unit, the age class, the daily
/// dose (diltiazem: rate × weight, rounded to 30 mg tablets three times
/// daily or to 0.1 mL of 12 mg/mL; probenecid: 25 mg/kg/day to 250 mg, up
/// by 500 mg/day to the target), and one output line.
fn plain_line(n: usize, text: &str, out: &mut Vec<u8>) {
    let r: Plain = serde_json::from_str(text).unwrap();
    let kg = match r.patient.weight.unit.as_str() {
        "kg" => r.patient.weight.value,
        "g" => r.patient.weight.value / 1000.0,
        _ => r.patient.weight.value * 0.453_592_37,
    };
    let years = if r.patient.age.unit == "a" {
        r.patient.age.value
    } else {
        r.patient.age.value / 12.0
    };
    if r.regimen == "diltiazem" {
        let rate = r.rate.unwrap().value;
        let dose = if years >= 18.0 {
            (rate * kg / 3.0 / 30.0).floor() * 30.0
        } else {
            (rate * kg / 3.0 / 12.0 * 10.0).round() / 10.0
        };
        writeln!(out, r#"{{"line":{n},"plan":{{"dose":{dose}}}}}"#).unwrap();
    } else {
        let target = r.target.unwrap();
        let target = if target.unit == "g/d" {
            target.value * 1000.0
        } else {
            target.value
        };
        let mut daily = (25.0 * kg / 250.0).round() * 250.0;
        write!(out, r#"{{"line":{n},"plan":{{"steps":["#).unwrap();
        loop {
            write!(out, "{daily},").unwrap();
            if daily >= target {
                break;
            }
            daily = (daily + 500.0).min(target);
        }
        writeln!(out, "]}}}}").unwrap();
    }
}

/// Lines in the end-to-end run.
const N: usize = 3_000;

fn stages(c: &mut Criterion) {
    let requests: Vec<Request> = LINES
        .iter()
        .map(|l| Request::from_json(l).unwrap())
        .collect();
    let plans: Vec<_> = requests.iter().map(|r| r.plan().unwrap()).collect();

    let mut g = c.benchmark_group("batch stage, 4 mixed lines");
    g.throughput(Throughput::Elements(4));
    g.bench_function("parse: plain serde_json into a bare struct", |b| {
        b.iter(|| {
            for l in LINES {
                black_box(serde_json::from_str::<Plain>(black_box(l)).unwrap());
            }
        });
    });
    g.bench_function("parse: Request::from_json", |b| {
        b.iter(|| {
            for l in LINES {
                black_box(Request::from_json(black_box(l)).unwrap());
            }
        });
    });
    g.bench_function("plan: Request::plan", |b| {
        b.iter(|| {
            for r in &requests {
                black_box(black_box(r).plan().unwrap());
            }
        });
    });
    g.bench_function("write: serde_json::to_writer of the plan", |b| {
        let mut out = Vec::with_capacity(64 * 1024);
        b.iter(|| {
            out.clear();
            for p in &plans {
                serde_json::to_writer(&mut out, black_box(p)).unwrap();
            }
            black_box(out.len());
        });
    });
    g.finish();

    let file: String = LINES
        .iter()
        .cycle()
        .take(N)
        .fold(String::new(), |mut f, l| {
            f.push_str(l);
            f.push('\n');
            f
        });
    let mut g = c.benchmark_group("batch end to end, 3,000 mixed lines");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(10);
    g.bench_function("plain baseline", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for (i, l) in file.lines().enumerate() {
                plain_line(i + 1, l, &mut out);
            }
            black_box(out.len());
        });
    });
    g.bench_function("run_batch, 1 job", |b| {
        let mut out = Vec::with_capacity(64 << 20);
        b.iter(|| {
            out.clear();
            let s = run_batch(file.as_bytes(), &mut out, &BatchOptions::default()).unwrap();
            black_box(s);
        });
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
