//! Unit tests of the module.
use super::*;
use crate::{Age, BodyWeight, Height};

fn child() -> Patient {
    Patient::new(
        BodyWeight::from_kg(20.0).unwrap(),
        Age::from_years(6.0).unwrap(),
    )
}

fn fraction(p: f64) -> MassFraction {
    MassFraction::from_percent(p).unwrap()
}

#[test]
fn published_preparation_is_reproduced() {
    let r = make_recipe("amount of cream", 1_000, fraction(10.0)).unwrap();
    assert_eq!(r.pentahydrate_g(), 10.0);
    assert_eq!(r.water_ml(), 10.0);
    assert_eq!(r.cold_cream_g(), 80.0);
    assert_eq!(r.achieved().percent(), 10.0);
}

#[test]
fn undocumented_strength_is_an_error() {
    assert_eq!(
        check_strength(fraction(15.0)).unwrap_err().to_string(),
        "strength '15 % w/w' is not documented for topical sodium thiosulfate: expected \
         10 % w/w (documented), or 20 % or 25 % w/w (reported elsewhere, with an alert)"
    );
    assert!(check_strength(fraction(10.0)).unwrap().is_none());
    assert_eq!(
        check_strength(fraction(25.0)).unwrap().unwrap().kind(),
        AlertKind::OutsideRegimenSource
    );
}

#[test]
fn default_course_is_six_average_months_rounded_up() {
    let months = CourseLength::from_months(DOCUMENTED_COURSE_MONTHS).unwrap();
    assert_eq!(months.days(), DEFAULT_COURSE_DAYS);
    assert_eq!(CourseLength::default(), months);
}

#[test]
fn counting_up_is_exact() {
    let d = |x: f64| exact::decimal(x).unwrap();
    assert_eq!(count_up(d(2.3), d(0.1)), 23);
    assert_eq!(count_up(d(2.01), d(1.0)), 3);
    assert_eq!(count_up(d(0.2), d(1.0)), 1);
    assert_eq!(count_up(d(100.0), d(50.0)), 2);
    // Ties to the smaller.
    assert_eq!(count_nearest(d(0.25), d(0.1)), 2);
    assert_eq!(count_nearest(d(0.251), d(0.1)), 3);
}

#[test]
fn tiny_amount_is_not_measurable() {
    let err = make_recipe("batch", 3, fraction(10.0)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "an amount of sodium thiosulfate pentahydrate of 0.03 g is not measurable with a \
         balance weighing to 0.1 g (batch: 0.3 g of 10 % w/w cream) within 10 %: the \
         nearest measurable amount is 0.1 g (+233.3 %); a total of 5 g or more is always \
         measurable"
    );
}

#[test]
fn area_above_body_surface_is_rejected() {
    let small = child().with_height(Height::from_cm(115.0).unwrap());
    let area = TreatedArea::Area(SkinArea::from_cm2(20_000.0).unwrap());
    let err = plan(
        &small,
        &area,
        PackSize::from_g(50.0).unwrap(),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "treated area 20,000 cm² is invalid: it is larger than the patient's body surface \
         area, 0.8 m² (7,993 cm², Mosteller)"
    );
}

#[test]
fn last_batch_may_be_smaller() {
    let adult = Patient::new(
        BodyWeight::from_kg(70.0).unwrap(),
        Age::from_years(40.0).unwrap(),
    );
    let area = TreatedArea::Area(SkinArea::from_cm2(286.0).unwrap());
    let options = Options::default()
        .packs_per_batch(3)
        .beyond_use_date(BeyondUseDate::from_days(180.0).unwrap());
    let p = plan(&adult, &area, PackSize::from_g(50.0).unwrap(), &options).unwrap();
    // 1 g a day in supplies of 92 and 91 days → 2 packs of 50 g each; with
    // 3 packs a batch, one batch of 2 packs per supply.
    assert_eq!(p.dispense().packs(), 4);
    let b = p.supplies()[0].batches();
    assert_eq!(b.len(), 1);
    assert_eq!((b[0].count(), b[0].packs_each()), (1, 2));
    assert_eq!(b[0].recipe().total_g(), 100.0);
    let options = Options::default()
        .packs_per_batch(3)
        .beyond_use_date(BeyondUseDate::from_days(180.0).unwrap())
        .course(CourseLength::from_days(180.0).unwrap());
    let p = plan(&adult, &area, PackSize::from_g(50.0).unwrap(), &options).unwrap();
    // One supply of 180 g → 4 packs → 1 batch of 3 packs and 1 of 1 pack.
    assert_eq!(p.dispense().packs(), 4);
    let b = p.supplies()[0].batches();
    assert_eq!(b.len(), 2);
    assert_eq!((b[0].count(), b[0].packs_each()), (1, 3));
    assert_eq!((b[1].count(), b[1].packs_each()), (1, 1));
    assert_eq!(b[0].recipe().total_g(), 150.0);
    assert_eq!(b[1].recipe().total_g(), 50.0);
}

#[test]
fn a_lower_bound_share_is_written_rounded_down() {
    assert_eq!(
        AreaShare::AtLeast { percent: 4.999_99 }.to_string(),
        "at least 4.9999 % of body surface area (no height given)"
    );
    assert_eq!(
        AreaShare::Of { percent: 7.474_9 }.to_string(),
        "7.47 % of body surface area"
    );
    assert_eq!(AreaShare::AtLeast { percent: 0.5 }.percent(), 0.5);
}
