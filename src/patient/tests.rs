//! Unit tests of the module.
use super::*;
use uom::si::mass::pound;

#[test]
fn weight_rejects_bad_values_with_named_field() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert!(matches!(
            BodyWeight::from_kg(bad),
            Err(Error::NotFinite {
                field: "weight",
                ..
            })
        ));
    }
    assert_eq!(
        BodyWeight::from_kg(-3.0).unwrap_err().to_string(),
        "weight -3 kg is not in the allowed range 0.5 to 350 kg"
    );
    assert_eq!(
        BodyWeight::from_kg(70_000.0).unwrap_err().to_string(),
        "weight 70,000 kg is not in the allowed range 0.5 to 350 kg"
    );
}

#[test]
fn a_weight_in_pounds_is_reported_in_pounds() {
    assert_eq!(
        BodyWeight::from_lb(900.0).unwrap_err().to_string(),
        "weight 900 lb is not in the allowed range 1.102 to 771.618 lb"
    );
}

#[test]
fn an_age_just_under_two_years_does_not_read_as_two() {
    // An age reads as it was written, never rounded onto the 2-year limit.
    assert_eq!(Age::from_days(730.0).unwrap().to_string(), "730 days");
    assert_eq!(Age::from_days(730.4).unwrap().to_string(), "730.4 days");
    assert!(Age::from_days(730.4).unwrap().is_under(2.0));
    assert!(!Age::from_days(730.5).unwrap().is_under(2.0));
    assert_eq!(
        Age::from_years(1.999_9).unwrap().to_string(),
        "1.9999 years"
    );
}

#[test]
fn pound_is_exact_and_uom_pound_is_close() {
    let exact = BodyWeight::from_lb(100.0).unwrap();
    // 45.359237 kg, read to the gram.
    assert_eq!(exact.kg(), 45.359);
    assert_eq!(BodyWeight::from_lb(17.636_981).unwrap().grams(), 8_000);
    let via_uom = BodyWeight::new(Mass::new::<pound>(100.0)).unwrap();
    assert!((via_uom.kg() - exact.kg()).abs() < 1e-5);
}

#[test]
fn age_units_agree() {
    assert_eq!(
        Age::from_months(24.0).unwrap(),
        Age::from_years(2.0).unwrap()
    );
    assert_eq!(
        Age::from_years(130.0).unwrap_err().to_string(),
        "age 130 years is not in the allowed range 0 to 125 years"
    );
    assert_eq!(Age::from_months(18.0).unwrap().to_string(), "18 months");
}

#[test]
fn mosteller_matches_formula() {
    let bsa = BodySurfaceArea::mosteller(
        BodyWeight::from_kg(70.0).unwrap(),
        Height::from_cm(170.0).unwrap(),
    );
    assert!((bsa.m2() - (170.0_f64 * 70.0 / 3600.0).sqrt()).abs() < 1e-12);
}
