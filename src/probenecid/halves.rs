//! Half-tablets as whole numbers: the arithmetic a plan decides with.
//!
//! The product is the 500 mg tablet split in halves, so every measurable
//! daily dose is a whole number of 250 mg half-tablets, and the 2 g/day
//! maximum is 8 of them. A calculated dose is rounded to a count, and a
//! day divided into administrations, by the crate's one rule and one
//! division ([`crate::rounding`]); comparing a step with the limits is
//! decided here on those counts.

use super::{Exact, exact};
use crate::rounding::divide;

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

/// The label's child maintenance, 40 mg/kg/day
/// ([`super::CHILD_MAINTENANCE_MG_PER_KG_PER_DAY`]), as a whole number.
pub(super) const MAINTENANCE_MG_PER_KG_PER_DAY: u64 = 40;

/// The label's child maintenance by area, 1.2 g/m²/day
/// ([`super::CHILD_MAINTENANCE_MG_PER_M2_PER_DAY`]), in mg/m²/day as a
/// whole number.
pub(super) const MAINTENANCE_MG_PER_M2_PER_DAY: u64 = 1_200;

/// The highest daily dose documented in a child, 1,250 mg/day
/// ([`super::CHILD_MAX_DOCUMENTED_MG_PER_DAY`]), in half-tablets: 5.
pub(super) const CHILD_MAX_DOCUMENTED_HALVES_PER_DAY: u64 = 5;

/// The adult label's dose after the first week, 500 mg twice daily
/// (1,000 mg/day, [`super::ADULT_MG_PER_DOSE`]), in half-tablets a day.
pub(super) const ADULT_LEAD_IN_HALVES_PER_DAY: u64 = 4;

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

/// The day's administrations as counts of half-tablets: `halves` in
/// `count` administrations as evenly as possible, the larger ones first
/// (5 in 4 is 2, 1, 1, 1), by the crate's one division
/// ([`crate::rounding::divide`]); none when that cannot be done (fewer
/// half-tablets than administrations, which planning refuses).
pub(super) fn parts(halves: u64, count: u64) -> impl Iterator<Item = u64> {
    divide(halves, count, None).into_iter().flatten()
}

/// The largest administration of `halves` in `count`; 0 when they cannot
/// be divided.
pub(super) fn largest_part(halves: u64, count: u64) -> u64 {
    divide(halves, count, None).map_or(0, |shares| shares.largest())
}

/// The smallest administration of `halves` in `count`; 0 when they
/// cannot be divided.
pub(super) fn smallest_part(halves: u64, count: u64) -> u64 {
    divide(halves, count, None).map_or(0, |shares| shares.smallest())
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
            exact::int(MAINTENANCE_MG_PER_KG_PER_DAY.into()),
            exact::constant(super::super::CHILD_MAINTENANCE_MG_PER_KG_PER_DAY)
        );
        assert_eq!(
            exact::int(MAINTENANCE_MG_PER_M2_PER_DAY.into()),
            exact::constant(super::super::CHILD_MAINTENANCE_MG_PER_M2_PER_DAY)
        );
        assert_eq!(
            exact_mg(CHILD_MAX_DOCUMENTED_HALVES_PER_DAY),
            exact::constant(super::super::CHILD_MAX_DOCUMENTED_MG_PER_DAY)
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
    fn parts_are_the_one_division() {
        for halves in 0..=20 {
            for count in 1..=4 {
                let ours: Vec<u64> = parts(halves, count).collect();
                if let Some(theirs) = divide(halves, count, None) {
                    let theirs: Vec<u64> = theirs.collect();
                    assert_eq!(ours, theirs);
                    assert_eq!(ours.iter().sum::<u64>(), halves);
                    assert_eq!(largest_part(halves, count), theirs[0]);
                    assert_eq!(smallest_part(halves, count), *theirs.last().unwrap());
                } else {
                    assert!(ours.is_empty());
                    assert_eq!(
                        (largest_part(halves, count), smallest_part(halves, count)),
                        (0, 0)
                    );
                }
            }
        }
    }
}
