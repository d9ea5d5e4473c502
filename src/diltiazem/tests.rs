//! Unit tests of the module.
use super::*;
use crate::{Age, BodyWeight};

fn patient(kg: f64, years: f64) -> Patient {
    Patient::new(
        BodyWeight::from_kg(kg).unwrap(),
        Age::from_years(years).unwrap(),
    )
}

fn rate(v: f64) -> DailyDosePerKg {
    DailyDosePerKg::from_mg_per_kg_per_day(v).unwrap()
}

#[test]
fn rate_outside_documented_range_cites_it() {
    let err = plan(&patient(70.0, 50.0), rate(3.5), &Options::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "dose rate 3.5 mg/kg/day is outside the documented diltiazem range of 1 to 3 mg/kg/day \
         (White GM. Calcinosis cutis. RegionalDerm.com (page address not verified; site link))"
    );
}

#[test]
fn extended_release_is_once_daily_only() {
    let options = Options::new(Formulation::ExtendedReleaseCd).frequency(Frequency::TwiceDaily);
    let err = plan(&patient(70.0, 50.0), rate(3.0), &options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "frequency 'twice daily' is not documented for diltiazem extended-release capsules (CD type): \
         expected once daily"
    );
}

#[test]
fn capped_dose_carries_an_alert() {
    let p = plan(&patient(150.0, 60.0), rate(3.0), &Options::default()).unwrap();
    assert_eq!(p.calculated_daily().mg_per_day(), 360.0);
    assert_eq!(p.schedule().total().mg_per_day(), 360.0);
    assert_eq!(p.alerts().len(), 1);
    assert_eq!(p.alerts()[0].kind(), AlertKind::LimitedByMaximum);
}

#[test]
fn tablets_for_a_small_child_name_the_suspension() {
    let err = plan(&patient(10.0, 1.0), rate(1.0), &Options::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a dose of 3.333 mg is not measurable with diltiazem immediate-release tablets within 10 %: \
         the nearest measurable dose is 30 mg (+800 %); diltiazem oral suspension 12 mg/mL \
         measures it: 3.6 mg (0.3 mL of 12 mg/mL) 3 times daily; total 10.8 mg/day"
    );
}
