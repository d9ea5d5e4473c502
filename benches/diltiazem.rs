//! A diltiazem plan next to a hand-written plain-`f64` function doing the
//! same arithmetic (weight × rate, cap, divide, round to a 30 mg step with the
//! 10 % / documented-range rule), in the same run: 70 kg at 3 mg/kg/day (the
//! rounding goes beyond the tolerance, so the plan also works out the oral
//! suspension dose for its alert) and 60 kg (an exact tablet dose).
//!
//! ```text
//! cargo bench --bench diltiazem
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "a bench on fixed valid inputs should fail loudly"
)]

use std::hint::black_box;

use calcinosis_dosing::diltiazem::{self, Options};
use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Patient};
use criterion::{criterion_group, criterion_main, Criterion};

/// The same arithmetic on bare numbers: no validation, no units, no alerts,
/// no citations, no text. Returns the mg per dose, or NaN if not measurable.
fn plain_f64(kg: f64, rate: f64) -> f64 {
    let max = 360.0;
    let daily = (kg * rate).min(max);
    let per_dose = daily / 3.0;
    let (lo, hi) = ((kg).min(max) / 3.0, (3.0 * kg).min(max) / 3.0);
    let below = (per_dose / 30.0).floor() * 30.0;
    let above = (per_dose / 30.0).ceil() * 30.0;
    let mut best = f64::NAN;
    for c in [below, above] {
        if c > 0.0 && ((c - per_dose) / per_dose).abs() <= 0.1 && best.is_nan() {
            best = c;
        }
    }
    if best.is_nan() {
        for c in [below, above] {
            if c > 0.0 && c >= lo && c <= hi && best.is_nan() {
                best = c;
            }
        }
    }
    best
}

fn bench(c: &mut Criterion) {
    let patient = Patient::new(
        BodyWeight::from_kg(70.0).unwrap(),
        Age::from_years(50.0).unwrap(),
    );
    let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0).unwrap();
    let options = Options::default();
    assert_eq!(plain_f64(70.0, 3.0), 60.0);
    let mut group = c.benchmark_group("diltiazem 70 kg at 3 mg/kg/day");
    group.bench_function("plain f64 baseline", |b| {
        b.iter(|| plain_f64(black_box(70.0), black_box(3.0)));
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
    assert_eq!(plain_f64(60.0, 3.0), 60.0);
    let mut group = c.benchmark_group("diltiazem 60 kg at 3 mg/kg/day");
    group.bench_function("plain f64 baseline", |b| {
        b.iter(|| plain_f64(black_box(60.0), black_box(3.0)));
    });
    group.bench_function("calcinosis_dosing plan", |b| {
        b.iter(|| diltiazem::plan(black_box(&exact), black_box(rate), black_box(&options)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
