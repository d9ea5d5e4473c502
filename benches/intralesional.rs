//! The grid layout of intralesional injection sites for round lesions of
//! 2.5, 5, 10 and 20 cm at 5 mm spacing (about 80 to 1,260 sites), next to a
//! hand-written plain-`f64` function doing the same arithmetic, in the same
//! run. Throughput is reported per site: a constant time per site means the
//! cost grows linearly with the number of sites.
//!
//! ```text
//! cargo bench -p calcinosis-dosing-benches --bench intralesional
//! ```

#![allow(
    clippy::unwrap_used,
    reason = "a bench, like a test, fails loudly on a bad constant"
)]

use std::hint::black_box;
use std::time::Duration;

use calcinosis_dosing::sodium_thiosulfate::intralesional::{LesionSize, Spacing, layout};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The same grid on bare numbers: the points (i·s, j·s) inside a circle of
/// diameter `d`, row by row from the top, with the row's extent from the
/// circle's equation. No validation, no rim tolerance, no types.
fn plain_f64(d: f64, s: f64) -> Vec<(f64, f64)> {
    let r = d / 2.0;
    #[allow(clippy::cast_possible_truncation, reason = "at most 20 rows each side")]
    let rows = (r / s).floor() as i32;
    let mut sites = Vec::new();
    for j in (-rows..=rows).rev() {
        let y = f64::from(j) * s;
        #[allow(
            clippy::cast_possible_truncation,
            reason = "at most 20 columns each side"
        )]
        let columns = ((r * r - y * y).max(0.0).sqrt() / s).floor() as i32;
        sites.extend((-columns..=columns).map(|i| (f64::from(i) * s, y)));
    }
    sites
}

fn bench(c: &mut Criterion) {
    let spacing = Spacing::from_mm(5.0).unwrap();
    let mut group = c.benchmark_group("intralesional layout at 5 mm");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50);
    for cm in [2.5, 5.0, 10.0, 20.0] {
        let size = LesionSize::diameter_mm(cm * 10.0).unwrap();
        let sites = layout(size, spacing);
        assert_eq!(sites.len(), plain_f64(cm * 10.0, 5.0).len());
        let n = sites.len() as u64;
        group.throughput(Throughput::Elements(n));
        let label = format!("{cm} cm, {n} sites");
        group.bench_with_input(
            BenchmarkId::new("plain f64 baseline", &label),
            &cm,
            |b, &cm| {
                b.iter(|| plain_f64(black_box(cm * 10.0), black_box(5.0)));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("calcinosis_dosing layout", &label),
            &size,
            |b, &size| {
                b.iter(|| layout(black_box(size), black_box(spacing)));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
