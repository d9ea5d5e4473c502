//! Unit tests of the module.
use super::*;

fn mg(v: f64) -> UnitStrength {
    UnitStrength::from_mg(v).unwrap()
}

/// Solid products of every shape the composition meets: several whole
/// strengths, one strength in halves, and two with no one-step piece.
fn solid_products() -> [Product; 4] {
    [
        Product::tablets(
            "ir",
            &[mg(30.0), mg(60.0), mg(90.0), mg(120.0)],
            Splitting::WholeOnly,
        ),
        Product::tablets("probenecid", &[mg(500.0)], Splitting::Halves),
        // No one-step piece: 60 mg steps, but 60 mg itself cannot be made.
        Product::capsules("er", &[mg(120.0), mg(180.0), mg(240.0)]),
        // Halves and no one-step piece: 30 mg steps, halves of 60 and
        // 90 mg, so 30 mg cannot be made.
        Product::tablets("halves", &[mg(120.0), mg(180.0)], Splitting::Halves),
    ]
    .map(Result::unwrap)
}

#[test]
fn can_give_agrees_with_give() {
    let suspension = Product::oral_liquid(
        "suspension",
        crate::Concentration::from_mg_per_ml(12.0).unwrap(),
        uom::si::f64::Volume::new::<uom::si::volume::milliliter>(0.1),
    )
    .unwrap();
    for p in solid_products().into_iter().chain([suspension]) {
        for steps in (0..=70).chain(MAX_SOLID_STEPS - 2..=MAX_SOLID_STEPS + 2) {
            assert_eq!(
                p.can_give(steps),
                p.give(steps).is_some(),
                "{} at {steps} steps",
                p.name()
            );
        }
    }
}

/// The kept compositions are the search's own: the same answer for
/// every count inside the table, at its edge and beyond it, read
/// once or many times.
#[test]
fn kept_compositions_are_the_search() {
    for p in solid_products() {
        let Kind::Solid {
            form,
            strengths_ug,
            splitting,
            step_ug,
        } = &p.kind
        else {
            unreachable!("solid products only")
        };
        for _ in 0..2 {
            for steps in 1..=u64::try_from(COMPOSED_AHEAD).unwrap() + 8 {
                assert_eq!(
                    p.give(steps),
                    compose(*form, strengths_ug, *splitting, *step_ug, steps),
                    "{} at {steps} steps",
                    p.name()
                );
            }
        }
        assert_eq!(p.give(0), None);
        assert_eq!(p.clone(), p);
        // `Debug` names the product, not its kept compositions.
        let debug = format!("{p:?}");
        assert!(
            debug.starts_with(&format!("Product {{ name: {:?}", p.name())),
            "{debug}"
        );
        assert!(debug.ends_with(", .. }"), "{debug}");
    }
}

#[test]
fn halves_of_two_strengths_use_the_fewest_pieces() {
    // Pieces of 180, 120 (whole) and 90, 60 mg (halves), in 30 mg steps.
    let p = Product::tablets("t", &[mg(120.0), mg(180.0)], Splitting::Halves).unwrap();
    assert_eq!(p.to_string(), "t");
    let give = |steps| p.give(steps).map(|g| g.to_string());
    assert_eq!(give(1), None);
    assert_eq!(give(2).unwrap(), "0.5 tablet of 120 mg");
    assert_eq!(
        give(5).unwrap(),
        "0.5 tablet of 180 mg + 0.5 tablet of 120 mg"
    );
    assert_eq!(give(6).unwrap(), "1 tablet of 180 mg");
    // 210 mg: 120 + 90 (two pieces), not 90 + 60 + 60.
    assert_eq!(
        give(7).unwrap(),
        "0.5 tablet of 180 mg + 1 tablet of 120 mg"
    );
    // 240 mg: two whole 120 mg (no half) before 180 + half of 120.
    assert_eq!(give(8).unwrap(), "2 tablets of 120 mg");
    assert_eq!(give(9).unwrap(), "1.5 tablets of 180 mg");
    assert_eq!(give(10).unwrap(), "1 tablet of 180 mg + 1 tablet of 120 mg");
}

#[test]
fn parts_read_as_a_list() {
    let p = Product::tablets("ir", &[mg(30.0), mg(120.0)], Splitting::WholeOnly).unwrap();
    // 150 mg: one of each.
    let Some(Give::Solid { parts, .. }) = p.give(5) else {
        panic!("tablets give solids")
    };
    let strengths = |list: &[Part]| list.iter().map(|p| p.strength().mg()).collect::<Vec<_>>();
    assert_eq!(strengths(&parts), [120.0, 30.0]);
    assert_eq!(strengths(parts.as_ref()), [120.0, 30.0]);
    assert_eq!((&parts).into_iter().count(), 2);
    let debug = format!("{parts:?}");
    assert!(
        debug.starts_with("[Part {") && debug.ends_with("}]"),
        "{debug}"
    );
    let owned: Vec<Part> = parts.clone().into();
    assert_eq!(strengths(&owned), [120.0, 30.0]);
    let by_value: Vec<Part> = parts.into_iter().collect();
    assert_eq!(by_value, owned);
}

#[test]
fn a_half_must_be_whole_micrograms_and_masses_are_exact() {
    // 1 µg cannot be halved into whole micrograms.
    let err = Product::tablets("tiny", &[mg(0.001)], Splitting::Halves).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Invalid {
                field: "strength",
                ..
            }
        ),
        "{err}"
    );
    let suspension = Product::oral_liquid(
        "suspension",
        crate::Concentration::from_mg_per_ml(12.0).unwrap(),
        uom::si::f64::Volume::new::<uom::si::volume::milliliter>(0.1),
    )
    .unwrap();
    assert_eq!(suspension.mg_of(6), Some(7.2));
    let probenecid = Product::tablets("p", &[mg(500.0)], Splitting::Halves).unwrap();
    assert_eq!(probenecid.mg_of(5), Some(1_250.0));
}

#[test]
fn tablets_compose_with_fewest_units() {
    let p = Product::tablets(
        "diltiazem tablets",
        &[mg(30.0), mg(60.0), mg(90.0), mg(120.0)],
        Splitting::WholeOnly,
    )
    .unwrap();
    assert_eq!(p.step_mg(), 30.0);
    assert_eq!(
        p.give(5).unwrap().to_string(),
        "1 tablet of 120 mg + 1 tablet of 30 mg"
    );
    assert_eq!(p.give(2).unwrap().to_string(), "1 tablet of 60 mg");
    assert_eq!(p.give(8).unwrap().to_string(), "2 tablets of 120 mg");
    assert!(p.give(0).is_none());
}

/// The fewest pieces, not the largest first: with 30, 90 and 120 mg
/// tablets, 180 mg is two 90 mg tablets, where taking the largest that
/// fits would give three (120 + 30 + 30).
#[test]
fn the_fewest_pieces_beat_the_largest_first() {
    let p = Product::tablets("t", &[mg(30.0), mg(90.0), mg(120.0)], Splitting::WholeOnly).unwrap();
    assert_eq!(p.give(6).unwrap().to_string(), "2 tablets of 90 mg");
    assert_eq!(
        p.give(7).unwrap().to_string(),
        "1 tablet of 120 mg + 1 tablet of 90 mg"
    );
}

#[test]
fn halves_are_written_with_a_leading_zero() {
    let p = Product::tablets("probenecid", &[mg(500.0)], Splitting::Halves).unwrap();
    assert_eq!(p.give(1).unwrap().to_string(), "0.5 tablet of 500 mg");
    assert_eq!(p.give(3).unwrap().to_string(), "1.5 tablets of 500 mg");
    assert_eq!(p.give(4).unwrap().to_string(), "2 tablets of 500 mg");
}

#[test]
fn capsules_that_cannot_add_up_are_not_measurable() {
    let p = Product::capsules(
        "diltiazem ER",
        &[mg(120.0), mg(180.0), mg(240.0), mg(300.0), mg(360.0)],
    )
    .unwrap();
    assert_eq!(p.step_mg(), 60.0);
    assert!(p.give(1).is_none());
    assert_eq!(
        p.give(7).unwrap().to_string(),
        "1 capsule of 300 mg + 1 capsule of 120 mg"
    );
}

#[test]
fn liquids_measure_by_graduation() {
    let p = Product::oral_liquid(
        "diltiazem suspension",
        Concentration::from_mg_per_ml(12.0).unwrap(),
        Volume::new::<milliliter>(0.1),
    )
    .unwrap();
    assert!((p.step_mg() - 1.2).abs() < 1e-12);
    assert_eq!(p.give(6).unwrap().to_string(), "0.6 mL of 12 mg/mL");
    assert_eq!(p.give(125).unwrap().to_string(), "12.5 mL of 12 mg/mL");
}

#[test]
fn empty_strengths_are_an_error() {
    assert_eq!(
        Product::tablets("x", &[], Splitting::WholeOnly)
            .unwrap_err()
            .to_string(),
        "strengths [] is invalid: expected at least one strength"
    );
}
