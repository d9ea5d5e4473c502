//! The plain-`f64` diltiazem baseline: the same decisions as
//! `diltiazem::plan` on bare numbers (see `diltiazem.rs`), shared by the
//! timing bench and the instruction count (`instructions.rs`).

/// The one rounding rule on bare numbers: the nearest candidate within the
/// tolerance that is inside the range, else the nearest within the
/// tolerance, else the largest below the calculated dose inside the range;
/// ties to the smaller. `None` when nothing is acceptable.
pub fn choose(per_dose: f64, step: f64, cap: f64, lo: f64, hi: f64) -> Option<f64> {
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
pub struct Decision {
    pub dose: f64,
    pub outside_range: bool,
    pub suspension: Option<f64>,
}

/// The same decisions as `diltiazem::plan` on bare numbers, immediate-release
/// tablets three times daily for an adult: the documented range check, the
/// label maximum, the dose composed from 30 mg steps by the one rule, the
/// range after rounding, and the suspension dose (12 mg/mL, 0.1 mL) worked
/// out when the tablets round beyond the tolerance. No validation, units,
/// alerts, citations or text.
pub fn plain_f64(kg: f64, rate: f64) -> Option<Decision> {
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
