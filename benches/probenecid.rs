//! A full probenecid titration plan (the documented case: 16 kg, 25 mg/kg/day
//! up to 1,250 mg/day, +500 mg/day every 4 weeks, 4 times daily) next to a
//! plain-`f64` baseline doing the same arithmetic with no validation, no
//! alerts, no citations and no text.
//!
//! ```text
//! cargo bench -p calcinosis-dosing-benches --bench probenecid
//! ```

use std::hint::black_box;
use std::time::Duration;

use calcinosis_dosing::probenecid::{self, DailyAmount, Division, Options};
use calcinosis_dosing::{Age, BodyWeight, Patient, Tolerance};
use criterion::{Criterion, criterion_group, criterion_main};

/// One step of the baseline: day, daily mg, and the mg of each
/// administration.
type BaselineStep = (u32, f64, Vec<f64>);

/// The same titration in bare `f64`: round the start and the target to
/// half-tablets within the tolerance, step up, split each day evenly with
/// the larger doses first and at most one half-tablet per dose on small
/// days.
fn baseline(kg: f64, target_mg: f64, tolerance: f64) -> Option<Vec<BaselineStep>> {
    const HALF: f64 = 250.0;
    const STEP: f64 = 500.0;
    const DOSES: u64 = 4;
    let round = |mg: f64| -> Option<f64> {
        let lo = (mg / HALF).floor() * HALF;
        let hi = (mg / HALF).ceil() * HALF;
        let best = if lo >= HALF && (mg - lo) <= (hi - mg) {
            lo
        } else {
            hi
        };
        ((best - mg).abs() <= tolerance * mg && best <= 2000.0).then_some(best)
    };
    let start = round(25.0 * kg)?;
    let end = round(target_mg)?;
    let mut steps = Vec::new();
    let (mut daily, mut day) = (start, 0);
    loop {
        // At most 8 half-tablets a day (2 g/day): exact in u64.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let halves = (daily / HALF).round() as u64;
        let n = halves.min(DOSES);
        let doses = (0..n)
            .map(|i| {
                let count = halves / n + u64::from(i < halves % n);
                #[allow(clippy::cast_precision_loss)]
                let mg = count as f64 * HALF;
                mg
            })
            .collect();
        steps.push((day, daily, doses));
        if daily >= end {
            return Some(steps);
        }
        daily = (daily + STEP).min(end);
        day += 28;
    }
}

fn titration(c: &mut Criterion) {
    let girl = Patient::new(
        BodyWeight::from_kg(16.0).unwrap_or_else(|e| unreachable!("{e}")),
        Age::from_years(4.0).unwrap_or_else(|e| unreachable!("{e}")),
    );
    let options = Options::default()
        .tolerance(Tolerance::from_percent(25.0).unwrap_or_else(|e| unreachable!("{e}")))
        .division(Division::FewerOnSmallSteps);

    // Both give the same doses.
    let plan = probenecid::plan(&girl, DailyAmount::CASE_REACHED, &options);
    let base = baseline(16.0, 1250.0, 0.25);
    let plan_daily: Option<Vec<f64>> = plan
        .ok()
        .map(|p| p.steps().iter().map(|s| s.daily().mg_per_day()).collect());
    let base_daily: Option<Vec<f64>> = base.map(|b| b.iter().map(|s| s.1).collect());
    assert_eq!(plan_daily, base_daily);

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
        b.iter(|| baseline(black_box(16.0), black_box(1250.0), black_box(0.25)));
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
