//! Unit tests of the module.
use super::*;
use crate::Age;

fn patient(kg: f64) -> Patient {
    Patient::new(
        BodyWeight::from_kg(kg).unwrap(),
        Age::from_years(40.0).unwrap(),
    )
}

fn ml(v: f64) -> InjectionVolume {
    InjectionVolume::from_ml(v).unwrap()
}

#[test]
fn the_cap_applies_above_the_weight_where_it_binds() {
    // 300 / 4.5 = 66.7 kg; 500 / 7 = 71.4 kg.
    let w = BodyWeight::from_kg(80.0).unwrap();
    assert_eq!(maximum(w, Formulation::Plain).mass().mg(), 300.0);
    assert_eq!(maximum(w, Formulation::WithEpinephrine).mass().mg(), 500.0);
    assert_eq!(
        maximum(w, Formulation::Plain).to_string(),
        "300 mg (the cap; 4.5 mg/kg × 80 kg would be 360 mg)"
    );
}

#[test]
fn maximum_volume_is_rounded_down() {
    // 17.3 kg × 4.5 = 77.85 mg = 7.785 mL of 1 %: written 7.78 mL.
    let w = BodyWeight::from_kg(17.3).unwrap();
    let max = maximum(w, Formulation::Plain);
    assert_eq!(max.volume(PercentStrength::OnePercent).ml(), 7.78);
}

#[test]
fn a_plain_part_makes_the_plain_maximum_apply() {
    let with_epi = Solution::new(PercentStrength::OnePercent, Formulation::WithEpinephrine);
    let plain = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
    // 60 kg: 270 mg plain, 420 mg with epinephrine; 30 mL = 300 mg.
    let only_epi = [Use::new(Purpose::RingBlock, with_epi, ml(30.0))];
    assert!(plan(&patient(60.0), &only_epi).is_ok());
    let mixed = [
        Use::new(Purpose::RingBlock, with_epi, ml(28.0)),
        Use::new(Purpose::Diluent, plain, ml(2.0)),
    ];
    assert_eq!(
        plan(&patient(60.0), &mixed).unwrap_err(),
        Error::AboveMaximum {
            field: "lidocaine per session",
            value: 300.0,
            max: 270.0,
            unit: "mg",
            source_ref: sources::LIDOCAINE_LABEL.reference(),
        }
    );
}

#[test]
fn no_use_is_an_error() {
    assert_eq!(
        plan(&patient(60.0), &[]).unwrap_err().to_string(),
        "lidocaine [] is invalid: expected at least one use (a ring block or a diluent)"
    );
}

#[test]
fn display_names_uses_total_and_maximum() {
    let one = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
    let half = Solution::new(PercentStrength::HalfPercent, Formulation::Plain);
    let p = plan(
        &patient(60.0),
        &[
            Use::new(Purpose::RingBlock, one, ml(10.0)),
            Use::new(Purpose::Diluent, half, ml(2.0)),
        ],
    )
    .unwrap();
    assert_eq!(
        p.to_string(),
        "Lidocaine, one session:\n  \
         - ring block: 10 mL of lidocaine 1 % (10 mg/mL), plain = 100 mg\n  \
         - diluent: 2 mL of lidocaine 0.5 % (5 mg/mL), plain = 10 mg\n  \
         total 110 mg; maximum 270 mg = 27 mL of 1 % or 54 mL of 0.5 %, \
         plain: 4.5 mg/kg × 60 kg, under the 300 mg cap\n"
    );
}

/// A maximum is the mass by weight, never above the cap; a mass by weight
/// too large to work out (no validated weight gives one) is above the cap,
/// so the cap is the maximum, never a wrapped number.
#[test]
fn a_maximum_is_the_mass_by_weight_under_its_cap() {
    use crate::exact;
    let cap = exact::int(300);
    assert_eq!(
        super::maximum::capped(Some(exact::int(270)), cap),
        exact::int(270)
    );
    assert_eq!(super::maximum::capped(Some(exact::int(300)), cap), cap);
    assert_eq!(super::maximum::capped(Some(exact::int(301)), cap), cap);
    assert_eq!(super::maximum::capped(None, cap), cap);
}
