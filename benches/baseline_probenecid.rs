//! The plain-`f64` probenecid baseline: the same titration as
//! `probenecid::plan` on bare numbers (see `probenecid.rs`), shared by the
//! timing bench and the instruction count (`instructions.rs`).

/// One step of the baseline: day, daily mg, and the mg of each
/// administration.
pub type BaselineStep = (u32, f64, Vec<f64>);

/// The same titration in bare `f64`: round the start and the target to
/// half-tablets within the tolerance, step up, split each day evenly with
/// the larger doses first and at most one half-tablet per dose on small
/// days.
pub fn baseline(kg: f64, target_mg: f64, tolerance: f64) -> Option<Vec<BaselineStep>> {
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
