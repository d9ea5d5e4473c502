//! A full probenecid titration plan (the documented case: 16 kg, 25 mg/kg/day
//! up to 1,250 mg/day, +500 mg/day every 4 weeks, 4 times daily) next to a
//! plain-`f64` baseline making the same decisions (the schedule, the limits,
//! the rounding, the division of each day, which alerts) with no
//! validation, no citations and no text.
//!
//! ```text
//! cargo bench -p calcinosis-dosing-benches --bench probenecid
//! ```

use std::hint::black_box;
use std::time::Duration;

use calcinosis_dosing::probenecid::{self, DailyAmount, Division, Options};
use calcinosis_dosing::{Age, BodyWeight, Patient, Tolerance};
use criterion::{Criterion, criterion_group, criterion_main};

mod baseline_probenecid;
use baseline_probenecid::{agrees, baseline, disagreements};

fn titration(c: &mut Criterion) {
    let girl = Patient::new(
        BodyWeight::from_kg(16.0).unwrap_or_else(|e| unreachable!("{e}")),
        Age::from_years(4.0).unwrap_or_else(|e| unreachable!("{e}")),
    );
    let options = Options::default()
        .tolerance(Tolerance::from_percent(25.0).unwrap_or_else(|e| unreachable!("{e}")))
        .division(Division::FewerOnSmallSteps);

    // Both make the same decisions: steps, administrations, alerts.
    let plan = probenecid::plan(&girl, DailyAmount::CASE_REACHED, &options)
        .unwrap_or_else(|e| unreachable!("{e}"));
    let base = baseline(16.0, 4.0, 1250.0, 0.25).unwrap_or_else(|| unreachable!());
    assert!(agrees(&plan, &base), "{plan}\n{base:?}");
    // And over a grid of requests, refusals included.
    let (compared, differing) = disagreements();
    println!("plan and baseline: {compared} requests compared, {differing} differing");
    assert_eq!(differing, 0);

    let mut group = c.benchmark_group("probenecid titration, 16 kg, 400 to 1,250 mg/day");
    group.bench_function("probenecid::plan", |b| {
        b.iter(|| {
            probenecid::plan(
                black_box(&girl),
                black_box(DailyAmount::CASE_REACHED),
                black_box(&options),
            )
        });
    });
    group.bench_function("plain f64 baseline", |b| {
        b.iter(|| {
            baseline(
                black_box(16.0),
                black_box(4.0),
                black_box(1250.0),
                black_box(0.25),
            )
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = titration
}
criterion_main!(benches);
