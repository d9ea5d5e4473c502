//! The plain-`f64` diltiazem baseline: the same decisions as
//! `diltiazem::plan` on bare numbers (see `diltiazem.rs`), shared by the
//! timing bench and the instruction count (`instructions.rs`).

use std::sync::OnceLock;

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

/// The most steps `compose` searches (the crate keeps 32 compositions).
const MAX_STEPS: usize = 32;
/// The immediate-release label maximum, mg/day.
const LABEL_MAX: f64 = 360.0;
/// The paediatric maximum, mg/day.
const PAEDIATRIC_MAX: f64 = 360.0;

/// The fewest tablets of `strengths` (mg) that make `dose` (a multiple of
/// the smallest strength, `step`), counted per strength: the same
/// minimal-count search as the crate's composition (in steps, ties kept by
/// the first found). `None` when no count of tablets makes it, for no
/// dose, or beyond `MAX_STEPS` steps.
#[allow(
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "plain code, as a hand-written baseline is: the indexes are below MAX_STEPS + 1 \
              and 4 by construction, the step counts small and positive"
)]
pub fn compose(dose: f64, step: f64, strengths: &[f64; 4]) -> Option<[u32; 4]> {
    let steps = (dose / step).round() as usize;
    if steps == 0 || steps > MAX_STEPS {
        return None;
    }
    let sizes = strengths.map(|s| (s / step).round() as usize);
    // best[k]: (pieces, index of the last strength) for k steps.
    let mut best = [(u32::MAX, 0_usize); MAX_STEPS + 1];
    best[0] = (0, 0);
    for k in 1..=steps {
        for (i, &size) in sizes.iter().enumerate() {
            if size == 0 || size > k || best[k - size].0 == u32::MAX {
                continue;
            }
            if best[k - size].0 + 1 < best[k].0 {
                best[k] = (best[k - size].0 + 1, i);
            }
        }
    }
    if best[steps].0 == u32::MAX {
        return None;
    }
    let mut counts = [0_u32; 4];
    let mut k = steps;
    while k > 0 {
        let i = best[k].1;
        counts[i] += 1;
        k -= sizes[i];
    }
    Some(counts)
}

/// The composition of `dose` (mg) from the immediate-release strengths,
/// read from a table of every count of 30 mg steps up to `MAX_STEPS`,
/// worked out once per process, as the crate keeps a product's
/// compositions.
fn kept_composition(dose: f64) -> Option<[u32; 4]> {
    static KEPT: OnceLock<[Option<[u32; 4]>; MAX_STEPS + 1]> = OnceLock::new();
    let table = KEPT.get_or_init(|| {
        std::array::from_fn(|k| {
            let steps = u32::try_from(k).ok()?;
            compose(f64::from(steps) * 30.0, 30.0, &[30.0, 60.0, 90.0, 120.0])
        })
    });
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a dose from `choose`: a positive whole number of steps"
    )]
    let steps = (dose / 30.0).round() as usize;
    *table.get(steps)?
}

/// What the baseline decides: the dose per administration and the tablets
/// that make it, whether the maximum limited the dose, whether the dose
/// was accepted beyond the tolerance, whether the achieved rate is outside
/// 1–3 mg/kg/day,
/// whether the patient is a child (the off-label alert and the paediatric
/// maximum), and, where the dose was rounded beyond the tolerance, the oral
/// suspension dose that measures the order.
#[derive(Debug, PartialEq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "one flag per decision, as plain code keeps them"
)]
pub struct Decision {
    pub dose: f64,
    /// Whether the maximum limited the daily dose (the plan's alert).
    pub limited: bool,
    /// Whether the dose was accepted beyond the tolerance (rounded down,
    /// inside the range): the plan's rounding alert.
    pub beyond_tolerance: bool,
    pub tablets: [u32; 4],
    pub outside_range: bool,
    pub child: bool,
    pub suspension: Option<f64>,
}

/// The same decisions as `diltiazem::plan` on bare numbers, immediate-release
/// tablets (30, 60, 90 and 120 mg) three times daily: the documented range
/// check, the age group and its maximum, the label maximum, the dose
/// rounded to 30 mg steps by the one rule and composed from the strengths
/// (read from compositions kept once per process, as the crate does),
/// the range after rounding, and the suspension dose (12 mg/mL, 0.1 mL)
/// worked out when the tablets round beyond the tolerance. No validation,
/// units, alerts, citations or text.
pub fn plain_f64(kg: f64, rate: f64, years: f64) -> Option<Decision> {
    if !(1.0..=3.0).contains(&rate) {
        return None;
    }
    let child = years < 18.0;
    // The label maximum, and for a child never above the paediatric one.
    let max = if child {
        LABEL_MAX.min(PAEDIATRIC_MAX)
    } else {
        LABEL_MAX
    };
    let n = 3.0;
    let limited = kg * rate > max;
    let daily = (kg * rate).min(max);
    let per_dose = daily / n;
    let (lo, hi) = (kg.min(max) / n, (3.0 * kg).min(max) / n);
    let dose = choose(per_dose, 30.0, max / n, lo, hi)?;
    let tablets = kept_composition(dose)?;
    let achieved = dose * n / kg;
    let within = |d: f64| ((d - per_dose) / per_dose).abs() <= 0.1;
    // The suspension is named only when it measures the order within the
    // tolerance, as the plan's alert does.
    let beyond_tolerance = !within(dose);
    let suspension = beyond_tolerance
        .then(|| choose(per_dose, 1.2, max / n, lo, hi))
        .flatten()
        .filter(|&d| within(d));
    Some(Decision {
        dose,
        limited,
        beyond_tolerance,
        tablets,
        outside_range: !(1.0..=3.0).contains(&achieved),
        child,
        suspension,
    })
}
