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

/// The one rounding rule on bare numbers: the nearest candidate within the
/// tolerance that is inside the range, else the nearest within the
/// tolerance, else the largest below the calculated dose inside the range;
/// ties to the smaller. `None` when nothing is acceptable.
fn choose(per_dose: f64, step: f64, cap: f64, lo: f64, hi: f64) -> Option<f64> {
    let below = (per_dose / step).floor() * step;
    let above = (per_dose / step).ceil() * step;
    let candidates = [below, above].map(|c| (c > 0.0 && c <= cap).then_some(c));
    let near = |keep: &dyn Fn(f64) -> bool| {
        candidates
            .iter()
            .flatten()
            .copied()
            .filter(|&c| keep(c))
            .min_by(|a, b| {
                (a - per_dose)
                    .abs()
                    .total_cmp(&(b - per_dose).abs())
                    .then(a.total_cmp(b))
            })
    };
    let within = |c: f64| ((c - per_dose) / per_dose).abs() <= 0.1;
    let in_range = |c: f64| c >= lo && c <= hi;
    near(&|c| within(c) && in_range(c))
        .or_else(|| near(&within))
        .or_else(|| {
            candidates
                .iter()
                .flatten()
                .copied()
                .filter(|&c| c < per_dose && in_range(c))
                .reduce(f64::max)
        })
}

/// What the baseline decides: the dose per administration, whether the
/// achieved rate is outside 1–3 mg/kg/day, and, where the dose was rounded
/// beyond the tolerance, the oral suspension dose that measures the order.
#[derive(Debug, PartialEq)]
struct Decision {
    dose: f64,
    outside_range: bool,
    suspension: Option<f64>,
}

/// The same decisions as `diltiazem::plan` on bare numbers, immediate-release
/// tablets three times daily for an adult: the documented range check, the
/// label maximum, the dose composed from 30 mg steps by the one rule, the
/// range after rounding, and the suspension dose (12 mg/mL, 0.1 mL) worked
/// out when the tablets round beyond the tolerance. No validation, units,
/// alerts, citations or text.
fn plain_f64(kg: f64, rate: f64) -> Option<Decision> {
    if !(1.0..=3.0).contains(&rate) {
        return None;
    }
    let (max, n) = (360.0, 3.0);
    let daily = (kg * rate).min(max);
    let per_dose = daily / n;
    let (lo, hi) = (kg.min(max) / n, (3.0 * kg).min(max) / n);
    let dose = choose(per_dose, 30.0, max / n, lo, hi)?;
    let achieved = dose * n / kg;
    let within = ((dose - per_dose) / per_dose).abs() <= 0.1;
    let suspension = (!within)
        .then(|| choose(per_dose, 1.2, max / n, lo, hi))
        .flatten();
    Some(Decision {
        dose,
        outside_range: !(1.0..=3.0).contains(&achieved),
        suspension,
    })
}

fn bench(c: &mut Criterion) {
    let patient = Patient::new(
        BodyWeight::from_kg(70.0).unwrap(),
        Age::from_years(50.0).unwrap(),
    );
    let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0).unwrap();
    let options = Options::default();
    assert_eq!(
        plain_f64(70.0, 3.0),
        Some(Decision {
            dose: 60.0,
            outside_range: false,
            suspension: Some(69.6),
        })
    );
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
    assert_eq!(plain_f64(60.0, 3.0).map(|d| d.dose), Some(60.0));
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
