//! Unit tests of the module.
use super::*;
use crate::Age;

fn patient(kg: f64) -> Patient {
    Patient::new(
        BodyWeight::from_kg(kg).unwrap(),
        Age::from_years(50.0).unwrap(),
    )
}

fn ml(v: f64) -> InjectionVolume {
    InjectionVolume::from_ml(v).unwrap()
}

#[test]
fn the_rim_counts_as_inside() {
    // A 20 mm circle at 10 mm: the centre and the 4 points on the rim.
    let sites = layout(
        LesionSize::diameter_mm(20.0).unwrap(),
        Spacing::from_mm(10.0).unwrap(),
    );
    assert_eq!(sites.len(), 5);
}

#[test]
fn rows_run_top_down_left_to_right() {
    let sites = layout(
        LesionSize::diameter_mm(30.0).unwrap(),
        Spacing::from_mm(10.0).unwrap(),
    );
    let text: Vec<String> = sites.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "(-10, 10)",
            "(0, 10)",
            "(10, 10)",
            "(-10, 0)",
            "(0, 0)",
            "(10, 0)",
            "(-10, -10)",
            "(0, -10)",
            "(10, -10)"
        ]
    );
}

#[test]
fn undiluted_stock_when_target_equals_it() {
    let d = Dilution::new(
        Stock::Other(Concentration::from_mg_per_ml(150.0).unwrap()),
        Diluent::SterileWater,
    );
    let p = prepare(Concentration::from_mg_per_ml(150.0).unwrap(), ml(2.0), &d).unwrap();
    assert_eq!(p.diluent_volume(), None);
    assert_eq!(p.diluent(), None);
    assert_eq!(p.stock_volume().ml(), 2.0);
    assert_eq!(
        p.to_string(),
        "2 mL of sodium thiosulfate 150 mg/mL, undiluted"
    );
}

#[test]
fn undiluted_within_tolerance_names_the_target() {
    let d = Dilution::new(Stock::Injection, Diluent::SterileWater);
    let p = prepare(Concentration::from_mg_per_ml(240.0).unwrap(), ml(1.0), &d).unwrap();
    assert_eq!(p.diluent_volume(), None);
    assert_eq!(
        p.to_string(),
        "1 mL of sodium thiosulfate injection 250 mg/mL (12.5 g in 50 mL), undiluted \
         (target 240 mg/mL, +4.2 %); 1 container of 50 mL opened"
    );
}

#[test]
fn an_unreachable_target_is_an_error() {
    let d = Dilution::new(Stock::Injection, Diluent::SterileWater)
        .tolerance(Tolerance::from_percent(0.0).unwrap());
    // 0.001 mg/mL from 250 mg/mL needs 1 part in 250,000: more than
    // 1,000 mL at 0.1 mL.
    let err = prepare(Concentration::from_mg_per_ml(0.001).unwrap(), ml(1.0), &d).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a concentration of 0.001 mg/mL is not measurable with 250 mg/mL diluted in whole \
         0.1 mL graduations (at most 1,000 mL) within 0 %: the nearest measurable amount \
         is 0.025 mg/mL (+2,400 %)"
    );
}

#[test]
fn volume_per_injection_must_be_measurable() {
    let lesion = Lesion::new(
        LesionSite::Fingertip,
        LesionSize::diameter_mm(3.0).unwrap(),
        Distribution::Localised,
        Ulceration::Absent,
    );
    let options = CaseSeriesOptions::new(
        ml(0.25),
        Dilution::new(Stock::Injection, Diluent::SterileWater),
    );
    assert_eq!(
        case_series_plan(&patient(60.0), &lesion, &options)
            .unwrap_err()
            .to_string(),
        "a volume per injection of 0.25 mL is not measurable with a syringe graduated in \
         0.1 mL within 0 %: the nearest measurable amounts are 0.2 mL (-20 %) and 0.3 mL \
         (+20 %)"
    );
}

#[test]
fn a_weaker_stock_cannot_make_150() {
    let lesion = Lesion::new(
        LesionSite::Fingertip,
        LesionSize::diameter_mm(3.0).unwrap(),
        Distribution::Localised,
        Ulceration::Absent,
    );
    let options = CaseSeriesOptions::new(
        ml(0.5),
        Dilution::new(Stock::PaediatricInjection, Diluent::SterileWater),
    );
    assert_eq!(
        case_series_plan(&patient(60.0), &lesion, &options)
            .unwrap_err()
            .to_string(),
        "target concentration 150 mg/mL is invalid: it is above the stock's 125 mg/mL, \
         and a dilution can only lower a concentration"
    );
}

#[test]
fn interval_text() {
    assert_eq!(Interval::from_days(1.0).unwrap().to_string(), "daily");
    assert_eq!(
        Interval::from_days(10.0).unwrap().to_string(),
        "every 10 days"
    );
    assert_eq!(
        Interval::from_days(2.5).unwrap_err().to_string(),
        "interval 2.5 days is invalid: expected a whole number of days"
    );
}
