//! Half-tablets as whole numbers: the arithmetic a plan decides with.
//!
//! The product is the 500 mg tablet split in halves, so every measurable
//! daily dose is a whole number of 250 mg half-tablets, and the 2 g/day
//! maximum is 8 of them. Rounding a calculated dose, dividing a day and
//! comparing a step with the limits are decided here on those counts, with
//! the same outcomes as the crate's general rule on exact fractions
//! ([`crate::rounding`]), which speaks whenever a count is not measurable.

use super::{Exact, Tolerance, exact};

/// One half-tablet, in mg: half the 500 mg tablet
/// ([`super::TABLET_MG`]), the product's step.
pub(super) const HALF_TABLET_MG: u64 = 250;

/// The 2,000 mg/day maximum ([`super::MAX_MG_PER_DAY`]) in half-tablets.
pub(super) const MAX_HALVES_PER_DAY: u64 = 8;

/// The most a child takes in one administration, 500 mg
/// ([`super::CHILD_MAX_MG_PER_ADMINISTRATION`]), in half-tablets.
pub(super) const CHILD_MAX_HALVES_PER_ADMINISTRATION: u64 = 2;

/// The highest exposure documented in a child, about 80 mg/kg/day
/// ([`super::CHILD_MAX_DOCUMENTED_MG_PER_KG_PER_DAY`]), as a whole number.
pub(super) const DOCUMENTED_EXPOSURE_MG_PER_KG_PER_DAY: u64 = 80;

/// The adult label's dose after the first week, 500 mg twice daily
/// (1,000 mg/day, [`super::ADULT_MG_PER_DOSE`]), in half-tablets a day.
pub(super) const ADULT_LEAD_IN_HALVES_PER_DAY: u64 = 4;

/// How far the general rule looks for a measurable count on each side of
/// the calculated dose (`rounding::round`'s neighbours): 64 counts.
const SEARCH: u64 = 64;

/// The mass of `halves` half-tablets, in mg, as the `f64` the product
/// gives for it: a whole number, exact in an `f64` for any count below
/// 2^44.
pub(super) fn mg(halves: u64) -> f64 {
    exact::to_f64(exact_mg(halves))
}

/// The mass of `halves` half-tablets, in mg, exactly.
pub(super) fn exact_mg(halves: u64) -> Exact {
    exact::int(i128::from(halves) * i128::from(HALF_TABLET_MG))
}

/// The count of half-tablets the crate's rounding rule chooses for a
/// calculated daily dose of `calculated` mg/day within `tolerance`, never
/// above 2 g/day, or `None` when the rule finds none (or a product would
/// not fit in 128 bits): the caller then asks the general rule, which
/// gives the same answer with its error.
///
/// The rule (`rounding::round`): the candidates are the nearest count at
/// or below the dose and the nearest count past it that the product can
/// give within the maximum, each looked for among the 64 counts on its
/// side; of
/// those within the tolerance (|amount − dose| ≤ tolerance × dose), the
/// nearest wins, and of two equally near the smaller. The tablet can give
/// every count from 1 to the maximum (tested), so the nearest allowed at
/// or below is the floor held to the maximum, and past it the floor's next
/// count if that is within the maximum. Decided on integers: for a
/// dose of n/d mg/day, k half-tablets are 250·k·d against n.
pub(super) fn round(calculated: Exact, tolerance: Tolerance) -> Option<u64> {
    let (n, d) = exact::parts(calculated);
    if n < 0 || d <= 0 {
        return None;
    }
    let unit = exact::times_checked(d, i128::from(HALF_TABLET_MG))?;
    // In 64 bits, where a division is one instruction, when both fit.
    let floor = match (u64::try_from(n), u64::try_from(unit)) {
        (Ok(n), Ok(unit)) => n / unit,
        _ => u64::try_from(n / unit).ok()?,
    };
    let below = Some(floor.min(MAX_HALVES_PER_DAY)).filter(|&k| k >= 1 && floor - k < SEARCH);
    // The first count past the dose (the rule looks from the ceiling, but
    // never at the floor again, so from the floor's next count).
    let above = Some(floor.saturating_add(1)).filter(|&k| k <= MAX_HALVES_PER_DAY);
    // |250·k·d − n|, the distance of k half-tablets from the dose, times d.
    let gap = |k: u64| {
        exact::times_checked(i128::from(k), unit)?
            .checked_sub(n)?
            .checked_abs()
    };
    let (t_num, t_den) = exact::parts(tolerance.fraction());
    let slack = exact::times_checked(t_num, n)?;
    let mut chosen: Option<(u64, i128)> = None;
    for k in [below, above].into_iter().flatten() {
        let distance = gap(k)?;
        if exact::times_checked(distance, t_den)? > slack {
            continue;
        }
        // `below` comes first, so a tie keeps the smaller count.
        if chosen.is_none_or(|(_, nearest)| distance < nearest) {
            chosen = Some((k, distance));
        }
    }
    chosen.map(|(k, _)| k)
}

/// The day's administrations as counts of half-tablets: `halves` in
/// `count` administrations as evenly as possible, the larger ones first
/// (5 in 4 is 2, 1, 1, 1), as `rounding::divide` splits a total.
pub(super) fn parts(halves: u64, count: u64) -> impl Iterator<Item = u64> {
    let (base, extra) = halves
        .checked_div(count)
        .zip(halves.checked_rem(count))
        .unwrap_or_default();
    (0..count).map(move |i| base + u64::from(i < extra))
}

/// The largest administration of `halves` in `count`.
pub(super) fn largest_part(halves: u64, count: u64) -> u64 {
    parts(halves, count).next().unwrap_or_default()
}

/// The smallest administration of `halves` in `count`.
pub(super) fn smallest_part(halves: u64, count: u64) -> u64 {
    halves.checked_div(count).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rounding::divide;

    #[test]
    fn the_constants_are_the_product_and_the_maximum_in_half_tablets() {
        let product = super::super::product().unwrap();
        assert_eq!(product.step_exact(), exact::int(250));
        assert_eq!(
            exact_mg(CHILD_MAX_HALVES_PER_ADMINISTRATION),
            exact::constant(super::super::CHILD_MAX_MG_PER_ADMINISTRATION)
        );
        assert_eq!(
            exact_mg(ADULT_LEAD_IN_HALVES_PER_DAY),
            exact::constant(super::super::adult_daily(super::super::ADULT_MG_PER_DOSE))
        );
        assert_eq!(
            exact::int(DOCUMENTED_EXPOSURE_MG_PER_KG_PER_DAY.into()),
            exact::constant(super::super::CHILD_MAX_DOCUMENTED_MG_PER_KG_PER_DAY)
        );
        assert!(
            (1..=MAX_HALVES_PER_DAY).all(|k| product.can_give(k) && product.give_kept(k).is_some())
        );
        assert_eq!(
            exact_mg(MAX_HALVES_PER_DAY),
            exact::constant(super::super::MAX_MG_PER_DAY)
        );
        assert!(
            (1..=MAX_HALVES_PER_DAY)
                .all(|k| product.mg_of(k) == Some(mg(k))
                    && product.amount_of(k) == Some(exact_mg(k)))
        );
    }

    #[test]
    fn parts_split_as_the_general_division() {
        for halves in 0..=20 {
            for count in 1..=4 {
                let ours: Vec<u64> = parts(halves, count).collect();
                if let Some(theirs) = divide(halves, count, None) {
                    assert_eq!(ours, theirs);
                    assert_eq!(largest_part(halves, count), theirs[0]);
                    assert_eq!(smallest_part(halves, count), *theirs.last().unwrap());
                }
            }
        }
    }

    /// The general rule's choice for `calculated` mg/day within `tolerance`.
    fn general(calculated: Exact, tolerance: Tolerance) -> Option<u64> {
        let product = super::super::product().unwrap();
        let target = crate::rounding::Target {
            calculated,
            tolerance,
            documented: None,
            cap: Some(exact::constant(super::super::MAX_MG_PER_DAY)),
            allow_up: false,
            what: "dose",
            unit: "mg/day",
        };
        crate::rounding::round(product, &target)
            .ok()
            .map(|m| m.steps)
    }

    #[test]
    fn rounding_chooses_as_the_general_rule() {
        let max = exact::constant(super::super::MAX_MG_PER_DAY);
        let tolerances = [0, 1, 99, 100, 125, 250, 333, 500].map(|tenths_percent| {
            Tolerance::from_percent(f64::from(tenths_percent) / 10.0).unwrap()
        });
        for tolerance in tolerances {
            // Every whole mg/day, and just above it, up to the maximum.
            for mg in 1..=2_000_i128 {
                for (n, d) in [(mg, 1), (mg * 3 + 1, 3), (mg * 7_919 + 1, 7_919)] {
                    let calculated = exact::frac(n, d);
                    if calculated <= max {
                        let ours = round(calculated, tolerance);
                        assert_eq!(ours, general(calculated, tolerance), "{n}/{d}");
                    }
                }
            }
            // Exactly at the tolerance's edge below and above each count, where
            // |250·k − dose| = tolerance × dose, and the midpoints (ties).
            let (t_num, t_den) = exact::parts(tolerance.fraction());
            for k in 1..=9_i128 {
                let amount = k * 250;
                let edges = [
                    exact::frac(amount * t_den, t_den + t_num),
                    exact::frac(amount * t_den, t_den - t_num),
                    exact::frac(amount * 2 + 250, 2),
                ];
                for calculated in edges.into_iter().filter(|&c| c <= max) {
                    let ours = round(calculated, tolerance);
                    assert_eq!(ours, general(calculated, tolerance), "{calculated}");
                }
            }
        }
    }
}
