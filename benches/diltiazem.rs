//! A diltiazem plan next to a hand-written plain-`f64` function making the
//! same decisions (the documented range, the maximum, the dose from 30 mg
//! steps by the one rounding rule, the range after rounding, and the oral
//! suspension dose where the tablets round beyond the tolerance), in the
//! same run: 70 kg at 3 mg/kg/day (rounded beyond the tolerance, so both
//! work out the suspension dose) and 60 kg (an exact tablet dose).
//!
//! ```text
//! cargo bench -p calcinosis-dosing-benches --bench diltiazem
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "a bench on fixed valid inputs should fail loudly"
)]

use std::hint::black_box;

use calcinosis_dosing::diltiazem::{self, Options};
use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Patient};
use criterion::{Criterion, criterion_group, criterion_main};

mod baseline_diltiazem;
use baseline_diltiazem::{Decision, plain_f64};

fn bench(c: &mut Criterion) {
    let patient = Patient::new(
        BodyWeight::from_kg(70.0).unwrap(),
        Age::from_years(50.0).unwrap(),
    );
    let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0).unwrap();
    let options = Options::default();
    assert_eq!(
        plain_f64(70.0, 3.0, 50.0),
        Some(Decision {
            dose: 60.0,
            limited: false,
            // 60 mg for 70 mg: rounded down beyond the 10 % tolerance.
            beyond_tolerance: true,
            // One 60 mg tablet.
            tablets: [0, 1, 0, 0],
            outside_range: false,
            child: false,
            suspension: Some(69.6),
        })
    );
    // The baseline decides as the plan does: the same dose per
    // administration, and the suspension dose its alert names.
    let plan = diltiazem::plan(&patient, rate, &options).unwrap();
    assert_eq!(
        plain_f64(70.0, 3.0, 50.0).map(|d| d.dose),
        plan.administrations().first().map(|a| a.dose().mg())
    );
    assert!(
        plan.alerts()
            .iter()
            .any(|a| a.to_string().contains("69.6 mg (5.8 mL of 12 mg/mL)"))
    );
    let mut group = c.benchmark_group("diltiazem 70 kg at 3 mg/kg/day");
    group.bench_function("plain f64 baseline", |b| {
        b.iter(|| plain_f64(black_box(70.0), black_box(3.0), black_box(50.0)));
    });
    group.bench_function("calcinosis_dosing plan", |b| {
        b.iter(|| diltiazem::plan(black_box(&patient), black_box(rate), black_box(&options)));
    });
    group.bench_function("calcinosis_dosing plan + Display", |b| {
        b.iter(|| {
            diltiazem::plan(black_box(&patient), black_box(rate), black_box(&options))
                .map(|p| p.to_string())
        });
    });
    group.finish();

    // A dose that rounds within the tolerance (60 kg at 3 mg/kg/day is 60 mg
    // 3 times daily, exactly): no outside-tolerance alert, so no suspension
    // plan is worked out for it.
    let exact = Patient::new(
        BodyWeight::from_kg(60.0).unwrap(),
        Age::from_years(50.0).unwrap(),
    );
    assert_eq!(
        plain_f64(60.0, 3.0, 50.0).map(|d| (d.dose, d.tablets)),
        Some((60.0, [0, 1, 0, 0]))
    );
    let plan = diltiazem::plan(&exact, rate, &options).unwrap();
    assert_eq!(
        plain_f64(60.0, 3.0, 50.0).map(|d| d.dose),
        plan.administrations().first().map(|a| a.dose().mg())
    );
    assert!(plan.alerts().is_empty());
    assert_eq!(
        plain_f64(60.0, 3.0, 50.0).map(|d| (d.limited, d.beyond_tolerance, d.outside_range)),
        Some((false, false, false))
    );
    let mut group = c.benchmark_group("diltiazem 60 kg at 3 mg/kg/day");
    group.bench_function("plain f64 baseline", |b| {
        b.iter(|| plain_f64(black_box(60.0), black_box(3.0), black_box(50.0)));
    });
    group.bench_function("calcinosis_dosing plan", |b| {
        b.iter(|| diltiazem::plan(black_box(&exact), black_box(rate), black_box(&options)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
