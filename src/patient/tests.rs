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

/// An age is under a limit far beyond any age, and never under a
/// negative one or one that is not a number.
#[test]
fn an_age_against_limits_far_from_any_age() {
    let age = Age::from_days(45_656.25).unwrap();
    assert!(age.is_under(125.000_000_001));
    assert!(!age.is_under(125.0));
    assert!(age.is_under(1e18));
    assert!(!Age::from_years(0.0).unwrap().is_under(-1e18));
    assert!(!Age::from_years(0.0).unwrap().is_under(0.0));
    assert!(!Age::from_years(0.0).unwrap().is_under(f64::NAN));
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

proptest::proptest! {
    /// An age kept as billionths of the unit it was written in is the
    /// exact age: in years (the number read to nine decimals times the
    /// unit's years, as `exact` reads it), in its order against another
    /// age, and under a limit, however it was written.
    #[test]
    fn an_age_is_its_exact_value(
        a_e9 in 0_u64..=45_656_250_000_000,
        b_e9 in 0_u64..=45_656_250_000_000,
        a_unit in 0_usize..4,
        b_unit in 0_usize..4,
        limit_e3 in 0_u64..=130_000,
    ) {
        use crate::exact;
        type Unit = (fn(f64) -> Result<Age, Error>, (i128, i128), f64);
        let units: [Unit; 4] = [
            (Age::from_years, (1, 1), 125.0),
            (Age::from_months, (1, 12), 1_500.0),
            (Age::from_weeks, (28, 1_461), 6_522.0),
            (Age::from_days, (4, 1_461), 45_656.25),
        ];
        let age = |e9: u64, unit: usize| {
            let (make, (num, den), max) = units[unit];
            #[allow(clippy::cast_precision_loss, reason = "below 2^53: exact")]
            let value = (e9 as f64 / 1e9).min(max);
            let read = exact::decimal(value).unwrap();
            (make(value).unwrap(), read * exact::frac(num, den))
        };
        let (a, a_years) = age(a_e9, a_unit);
        let (b, b_years) = age(b_e9, b_unit);
        proptest::prop_assert_eq!(a.years().to_bits(), exact::to_f64(a_years).to_bits());
        proptest::prop_assert_eq!(a.partial_cmp(&b), Some(a_years.cmp(&b_years)));
        proptest::prop_assert_eq!(a == b, a_years == b_years);
        #[allow(clippy::cast_precision_loss, reason = "below 2^53: exact")]
        let limit = limit_e3 as f64 / 1e3;
        proptest::prop_assert_eq!(a.is_under(limit), a_years < exact::decimal(limit).unwrap());
    }
}
