//! Unit tests of the rounding rule, its record and the division.

use super::rule::{decide, over_one_denominator};
use super::*;
use crate::error::Error;
use crate::exact;
use crate::product::Product;
use crate::{Concentration, Splitting, UnitStrength};
use uom::si::f64::Volume;
use uom::si::volume::milliliter;

fn tablets() -> Product {
    let s = [30.0, 60.0, 90.0, 120.0].map(|mg| UnitStrength::from_mg(mg).unwrap());
    Product::tablets("diltiazem tablets", &s, Splitting::WholeOnly).unwrap()
}

fn target(mg: f64) -> Target {
    Target {
        calculated: exact::decimal(mg).unwrap(),
        tolerance: Tolerance::default(),
        documented: None,
        cap: None,
        allow_up: false,
        what: "dose",
        unit: "mg",
    }
}

/// A calculated amount of about 2^64 tablets: its neighbouring counts
/// are the largest `u64`s, and looking past them saturates rather than
/// overflowing (it overflowed, a panic in a debug build, before); the
/// answer is "not measurable".
#[test]
fn counts_at_the_edge_of_u64_do_not_overflow() {
    let t = Target {
        calculated: exact::times(exact::int(30), u64::MAX - 1).unwrap() + exact::int(15),
        ..target(1.0)
    };
    // No count that large can be given (the tablets of one dose are
    // bounded), so there is no candidate, and no panic on the way.
    assert!(matches!(
        round(&tablets(), &t),
        Err(Error::NotMeasurable { candidates, .. }) if candidates.is_empty()
    ));
}

/// The default's fraction, written as a constant, is the one read from
/// its percentage; every tolerance's fraction is its percentage / 100.
#[test]
fn a_tolerance_holds_its_fraction() {
    let default = Tolerance::default();
    assert_eq!(exact::parts(default.fraction()), (1, 10),);
    assert_eq!(
        default.fraction,
        Tolerance::fraction_of(Tolerance::DEFAULT_PERCENT)
    );
    assert_eq!(default, Tolerance::from_percent(10.0).unwrap());
    assert_eq!(format!("{default:?}"), "Tolerance { percent: 10.0, .. }");
    // Equal tolerances hold the same parts and read alike.
    assert_eq!(
        format!("{default:?}"),
        format!("{:?}", Tolerance::from_percent(10.0).unwrap())
    );
    assert_eq!(
        exact::parts(Tolerance::from_percent(10.0).unwrap().fraction()),
        (1, 10)
    );
    for (percent, fraction) in [
        (0.0, exact::int(0)),
        (2.5, exact::frac(1, 40)),
        (50.0, exact::frac(1, 2)),
    ] {
        assert_eq!(
            Tolerance::from_percent(percent).unwrap().fraction(),
            fraction
        );
    }
}

#[test]
fn nearest_within_tolerance_is_chosen() {
    let m = round(&tablets(), &target(62.0)).unwrap();
    assert_eq!(exact::to_f64(m.amount), 60.0);
    assert_eq!(m.accepted, Acceptance::WithinTolerance);
}

#[test]
fn documented_range_accepts_a_coarse_step() {
    // 70 kg at 3 mg/kg/day, 3 doses: 70 mg per dose, range 23.3 to 70.
    let t = Target {
        documented: Some((exact::frac(70, 3), exact::int(70))),
        ..target(70.0)
    };
    let m = round(&tablets(), &t).unwrap();
    assert_eq!(exact::to_f64(m.amount), 60.0);
    assert_eq!(m.accepted, Acceptance::WithinDocumentedRange);
}

#[test]
fn not_measurable_names_the_neighbours() {
    let err = round(&tablets(), &target(10.0)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a dose of 10 mg is not measurable with diltiazem tablets within 10 %: \
         the nearest measurable dose is 30 mg (+200 %)"
    );
    let err = round(&tablets(), &target(45.0)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a dose of 45 mg is not measurable with diltiazem tablets within 10 %: \
         the nearest measurable doses are 30 mg (-33.3 %) and 60 mg (+33.3 %)"
    );
}

#[test]
fn the_cap_is_never_crossed() {
    let t = Target {
        cap: Some(exact::int(100)),
        tolerance: Tolerance::from_percent(50.0).unwrap(),
        ..target(100.0)
    };
    assert_eq!(exact::to_f64(round(&tablets(), &t).unwrap().amount), 90.0);
    // The cap binds: 120 mg is nearer 115 mg than 90 mg, and within
    // the tolerance, but above the 115 mg cap.
    let t = Target {
        cap: Some(exact::int(115)),
        ..t
    };
    let t = Target {
        calculated: exact::int(115),
        ..t
    };
    assert_eq!(exact::to_f64(round(&tablets(), &t).unwrap().amount), 90.0);
    // With the usual 10 %, 90 mg is too far: not measurable, never
    // 120 mg.
    let t = Target {
        tolerance: Tolerance::default(),
        ..t
    };
    assert!(matches!(
        round(&tablets(), &t),
        Err(Error::NotMeasurable { .. })
    ));
}

/// A count the product cannot give is passed over for the next one it
/// can: 90 and 120 mg tablets make 120 and 180 mg but not 150 mg, so
/// 150 mg is equally near 120 and 180 mg, and goes to the smaller.
#[test]
fn a_count_the_product_cannot_give_is_passed_over() {
    let s = [90.0, 120.0].map(|mg| UnitStrength::from_mg(mg).unwrap());
    let p = Product::tablets("tablets", &s, Splitting::WholeOnly).unwrap();
    assert!(!p.can_give(5));
    let t = Target {
        tolerance: Tolerance::from_percent(25.0).unwrap(),
        ..target(150.0)
    };
    let m = round(&p, &t).unwrap();
    assert_eq!((m.steps, exact::to_f64(m.amount)), (4, 120.0));
}

#[test]
fn choices_are_written_in_words() {
    assert_eq!(
        BeyondTolerance::RoundDownOnly.to_string(),
        "round down only"
    );
    assert_eq!(
        BeyondTolerance::AllowRoundUp.to_string(),
        "allow rounding up"
    );
    assert_eq!(
        Acceptance::RoundedUpOnRequest.to_string(),
        "rounded up beyond the tolerance on request, inside the documented range"
    );
}

#[test]
fn ties_go_to_the_smaller_amount() {
    let t = Target {
        tolerance: Tolerance::from_percent(50.0).unwrap(),
        ..target(45.0)
    };
    assert_eq!(exact::to_f64(round(&tablets(), &t).unwrap().amount), 30.0);
}

#[test]
fn liquids_round_to_the_graduation() {
    let p = Product::oral_liquid(
        "suspension",
        Concentration::from_mg_per_ml(12.0).unwrap(),
        Volume::new::<milliliter>(0.1),
    )
    .unwrap();
    let m = round(
        &p,
        &Target {
            calculated: exact::frac(20, 3),
            ..target(1.0)
        },
    )
    .unwrap();
    assert_eq!(m.steps, 6);
    assert_eq!(p.give(m.steps).unwrap().to_string(), "0.6 mL of 12 mg/mL");
}

#[test]
fn divide_preserves_the_total_larger_first() {
    let split = |total, n, max| divide(total, n, max).map(Iterator::collect::<Vec<_>>);
    assert_eq!(split(5, 4, Some(2)), Some(vec![2, 1, 1, 1]));
    assert_eq!(split(8, 4, Some(2)), Some(vec![2, 2, 2, 2]));
    assert_eq!(split(4, 4, None), Some(vec![1, 1, 1, 1]));
    assert_eq!(split(7, 3, Some(3)), Some(vec![3, 2, 2]));
    assert_eq!(split(9, 4, Some(2)), None);
    assert_eq!(split(3, 4, None), None);
    assert_eq!(split(4, 0, None), None);
    let shares = divide(5, 4, None).unwrap();
    assert_eq!((shares.largest(), shares.smallest()), (2, 1));
    let even = divide(8, 4, None).unwrap();
    assert_eq!((even.largest(), even.smallest()), (2, 2));
}

proptest::proptest! {
    /// Over one denominator, the rule chooses as it does on exact
    /// fractions: the same count, amount and verdict, for tablets
    /// (whole and halved) and a liquid, with and without a cap and a
    /// documented range, at halfway points and tolerance edges; and
    /// a target whose amounts would not fit 64 bits there is decided
    /// on fractions.
    #[test]
    fn one_denominator_decides_as_fractions(
        calc in (1_i128..=100_000, 1_i128..=1_000),
        cap in proptest::option::of((1_i128..=100_000, 1_i128..=1_000)),
        range in proptest::option::of(((0_i128..=50_000, 1_i128..=100), (0_i128..=50_000, 1_i128..=100))),
        tolerance_e1 in 0_u32..=500,
        allow_up: bool,
        which in 0_usize..3,
        huge: bool,
    ) {
        let products = [
            tablets(),
            Product::tablets(
                "halved",
                &[UnitStrength::from_mg(500.0).unwrap()],
                Splitting::Halves,
            )
            .unwrap(),
            Product::oral_liquid(
                "suspension",
                Concentration::from_mg_per_ml(12.0).unwrap(),
                Volume::new::<milliliter>(0.1),
            )
            .unwrap(),
        ];
        let product = &products[which];
        let f = |(n, d): (i128, i128)| exact::frac(n, d);
        let target = Target {
            // A prime denominator near 2^63 leaves no room to share
            // one: the step's numerator over it would not fit 64 bits.
            calculated: if huge { exact::frac(calc.0, i128::from(u64::MAX >> 1) - 24) } else { f(calc) },
            tolerance: Tolerance::from_percent(f64::from(tolerance_e1) / 10.0).unwrap(),
            documented: range.map(|(a, b)| (f(a).min(f(b)), f(a).max(f(b)))),
            cap: cap.map(f),
            allow_up,
            what: "dose",
            unit: "mg",
        };
        let step = product.step_exact();
        let by_fractions = decide(product, &target, step).0;
        match over_one_denominator(&target, step) {
            Some((scaled, scaled_step, den)) => {
                proptest::prop_assert!(!huge);
                let by_integers = decide(product, &scaled, scaled_step)
                    .0
                    .map(|(steps, amount, verdict)| (steps, amount.over(den), verdict));
                proptest::prop_assert_eq!(by_integers, by_fractions);
            }
            None => proptest::prop_assert!(huge),
        }
    }
}
