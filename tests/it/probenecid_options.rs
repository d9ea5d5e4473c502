//! Integration tests: probenecid on the adult schedule, by body surface
//! area, the caller's step options, and units.

// Helpers outside `#[test]` functions unwrap too: a failing unwrap fails the
// test. Doses are whole multiples of 250 mg, so exact comparison is intended.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "test helpers; doses compared are exact multiples of 250 mg"
)]

use calcinosis_dosing::probenecid::{
    self, Basis, DailyAmount, DailyDosePerM2, Division, Interval, Options,
};
use calcinosis_dosing::{
    Age, AlertKind, BodyWeight, DailyDose, Egfr, Error, Frequency, Height, KG_PER_POUND, Override,
    Patient, sources,
};

use crate::util::patient_aged as patient;
use crate::util::probenecid::{case_options, dailies, daily, days, kinds};

/// Source: `sources::PROBENECID_LABEL`: the adult start is 250 mg twice daily; a
/// titration only increases, so a lower adult target is an error.
#[test]
fn an_adult_target_below_the_label_start_is_an_error() {
    let err =
        probenecid::plan(&patient(70.0, 45.0), daily(250.0), &Options::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "target daily dose 250 mg/day is invalid: it is below the start daily dose of \
         250 mg twice daily = 500 mg/day for 1 week, then 500 mg twice daily = 1,000 mg/day \
         (the label's adult schedule); a titration plan only increases the dose"
    );
}

/// Source: `sources::ROUNDING_RULE`: the adult target is rounded once, within the
/// tolerance, like a child's.
#[test]
fn an_adult_target_not_measurable_in_half_tablets_is_an_error() {
    let err = probenecid::plan(
        &patient(70.0, 45.0),
        daily(1100.0 + 25.0),
        &Options::default(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::NotMeasurable { .. }));
    assert_eq!(
        err.to_string(),
        "a target daily dose of 1,125 mg/day is not measurable with probenecid 500 mg \
         tablets (whole half-tablets of 250 mg) within 10 %: the nearest measurable doses \
         are 1,000 mg/day (-11.1 %) and 1,250 mg/day (+11.1 %); a rounding tolerance of \
         11.2 % would accept 1,000 mg/day"
    );
    // A target within 10 % of 1,000 mg/day is reached at day 7.
    let plan = probenecid::plan(&patient(70.0, 45.0), daily(1050.0), &Options::default()).unwrap();
    assert_eq!(dailies(&plan), [500.0, 1000.0]);
    assert_eq!(plan.steps()[1].calculated().mg_per_day(), 1050.0);
}

/// Source: `sources::PROBENECID_LABEL` (adult doses twice daily) and the
/// caller's options: a frequency the caller sets is used on the adult schedule
/// too, and the step and interval count from day 7.
#[test]
fn adult_options_are_the_callers_when_given() {
    let adult = patient(70.0, 45.0);
    // 3 times daily, chosen: the 500 mg/day start has 2 half-tablets.
    let thrice = Options::default().frequency(Frequency::ThreeTimesDaily);
    let err = probenecid::plan(&adult, daily(1500.0), &thrice).unwrap_err();
    assert_eq!(
        err.to_string(),
        "frequency 3 times daily is invalid: day 0: 500 mg/day is 2 half-tablets of 250 mg, \
         fewer than 3 administrations, and no administration may be zero; give this step at \
         most twice daily, or allow fewer administrations on small steps"
    );
    let fewer = thrice.division(Division::FewerOnSmallSteps);
    let plan = probenecid::plan(&adult, daily(1500.0), &fewer).unwrap();
    assert_eq!(plan.frequency(), Frequency::ThreeTimesDaily);
    let frequencies: Vec<Frequency> = plan
        .steps()
        .iter()
        .map(|s| s.schedule().frequency())
        .collect();
    assert_eq!(
        frequencies,
        [
            Frequency::TwiceDaily,
            Frequency::ThreeTimesDaily,
            Frequency::ThreeTimesDaily
        ]
    );
    // The second source alert: the label gives adult doses twice daily.
    // See: #10.
    assert_eq!(
        kinds(&plan),
        [
            AlertKind::AdultScheduleApplies,
            AlertKind::OutsideRegimenSource,
            AlertKind::OutsideRegimenSource,
            AlertKind::OutsideDocumentedPopulation
        ]
    );
    assert!(
        plan.alerts()[0]
            .message()
            .ends_with("not above 2,000 mg/day; the caller chose 3 times daily")
    );
    assert_eq!(
        plan.alerts()[1].message(),
        "steps with fewer half-tablets than 3 administrations are given one half-tablet each, \
         less often (day 0, 500 mg/day twice daily); the label's adult schedule gives twice daily"
    );
    // Twice daily, chosen, is the label's: nothing to report.
    let twice = Options::default().frequency(Frequency::TwiceDaily);
    let plan = probenecid::plan(&adult, daily(1500.0), &twice).unwrap();
    assert!(
        plan.alerts()[0]
            .message()
            .ends_with("not above 2,000 mg/day")
    );
    // Smaller steps, more often: from day 7, every 2 weeks.
    let options = Options::default()
        .step(DailyDose::from_mg_per_day(250.0).unwrap())
        .interval(Interval::from_weeks(2.0).unwrap());
    let plan = probenecid::plan(&adult, daily(1750.0), &options).unwrap();
    assert_eq!(dailies(&plan), [500.0, 1000.0, 1250.0, 1500.0, 1750.0]);
    assert_eq!(days(&plan), [0, 7, 21, 35, 49]);
    assert!(
        plan.alerts()[0]
            .message()
            .ends_with("; the caller chose +250 mg/day every 2 weeks")
    );
    assert!(
        plan.to_string()
            .contains("Titration: +250 mg/day every 2 weeks from day 7, twice daily;")
    );
}

/// Source: `sources::PROBENECID_LABEL`: over 50 kg adult dosing, whatever the
/// basis: the body-surface-area basis changes no adult dose.
#[test]
fn the_basis_changes_no_adult_dose() {
    let adult = patient(70.0, 45.0).with_height(Height::from_cm(175.0).unwrap());
    let by_weight = probenecid::plan(&adult, daily(2000.0), &Options::default()).unwrap();
    let by_area = probenecid::plan(
        &adult,
        daily(2000.0),
        &Options::default().basis(Basis::BodySurfaceArea),
    )
    .unwrap();
    assert_eq!(dailies(&by_weight), dailies(&by_area));
    assert_eq!(days(&by_weight), days(&by_area));
    assert!(
        by_area.alerts()[0]
            .message()
            .contains("instead of the child schedule's start of 700 mg/m²/day:")
    );
}

/// Source: `sources::PROBENECID_LABEL`: may be ineffective at GFR 30 mL/min or less.
#[test]
fn an_egfr_of_30_or_less_gets_a_renal_alert() {
    let at = |egfr: f64| {
        let p = patient(40.0, 12.0).with_egfr(Egfr::from_ml_per_min(egfr).unwrap());
        probenecid::plan(&p, daily(1500.0), &Options::default()).unwrap()
    };
    let renal = at(30.0);
    // The other alert: a 40 kg child starts (1,000 mg/day) above the adult
    // start. See: #10.
    assert_eq!(
        kinds(&renal),
        [AlertKind::RenalFunction, AlertKind::AboveLabelReference]
    );
    assert_eq!(
        renal.alerts()[0].message(),
        "eGFR 30 mL/min is at or below 30 mL/min: the label says probenecid may be ineffective"
    );
    assert_eq!(
        kinds(&at(29.5)),
        [AlertKind::RenalFunction, AlertKind::AboveLabelReference]
    );
    assert_eq!(kinds(&at(30.5)), [AlertKind::AboveLabelReference]);
    // No eGFR given: no renal alert.
    let plan = probenecid::plan(&patient(40.0, 12.0), daily(1500.0), &Options::default());
    assert_eq!(kinds(&plan.unwrap()), [AlertKind::AboveLabelReference]);
}

// ---------------------------------------------------------------------------
// Options and other errors
// ---------------------------------------------------------------------------

/// Source: `sources::PROBENECID_LABEL`: 0.7 g/m² first dose, 1.2 g/m²/day maintenance;
/// `sources::MOSTELLER_1987`.
#[test]
fn body_surface_area_basis_uses_mosteller() {
    // 30 kg, 140 cm: √(140 × 30 / 3600) = 1.0801 m².
    let child = patient(30.0, 9.0).with_height(Height::from_cm(140.0).unwrap());
    let options = Options::default()
        .basis(Basis::BodySurfaceArea)
        .frequency(Frequency::ThreeTimesDaily);
    let plan =
        probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE_BSA, &options).unwrap();
    let bsa = (140.0_f64 * 30.0 / 3600.0).sqrt();
    // The body surface area is read to nine decimals of m² (1e-9 m² × 1,200
    // mg/m²/day is at most 1.2e-6 mg/day).
    assert!((plan.start_calculated().mg_per_day() - 700.0 * bsa).abs() < 2e-6);
    assert!((plan.target_calculated().mg_per_day() - 1200.0 * bsa).abs() < 2e-6);
    assert_eq!(dailies(&plan), [750.0, 1250.0]);
    // The only alert: the child starts (750 mg/day) above the adult start.
    // See: #10.
    assert_eq!(plan.alerts().len(), 1);
    assert_eq!(
        plan.alerts()[0].limit().map(|l| l.id()),
        Some("probenecid.child.start.adult_start")
    );
    assert!(plan.citations().contains(&sources::MOSTELLER_1987));
    assert!(
        plan.to_string()
            .contains("Start: 700 mg/m²/day for 1.08 m² (Mosteller) = 756.086 mg/day")
    );
    // Above 1.2 g/m²/day (1,296 mg/day here) and still under 1,250 mg/day
    // is impossible at 30 kg, so an override lets 1,500 mg/day plan: the
    // advisory uses the body-surface-area reference. See: #10.
    let granted = Override::new(probenecid::CHILD_MAX_DAILY_ID, "specialist review").unwrap();
    let plan = probenecid::plan(&child, daily(1500.0), &options.with_override(granted)).unwrap();
    let alert = &plan.alerts()[0];
    assert_eq!(alert.kind(), AlertKind::AboveLabelReference);
    assert_eq!(
        alert.limit().unwrap().to_string(),
        "label child maintenance 1,200 mg/m²/day"
    );
}

/// Source: `sources::MOSTELLER_1987`: a body surface area needs a height.
#[test]
fn body_surface_area_without_height_is_an_error() {
    let child = patient(30.0, 9.0);
    let err = probenecid::plan(
        &child,
        daily(1250.0),
        &Options::default().basis(Basis::BodySurfaceArea),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "basis body surface area is invalid: the patient has no height, which the Mosteller \
         body surface area needs"
    );
    let target = DailyAmount::PerM2(DailyDosePerM2::from_mg_per_m2_per_day(1200.0).unwrap());
    let err = probenecid::plan(&child, target, &Options::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "target 1,200 mg/m²/day is invalid: the patient has no height, which the Mosteller \
         body surface area needs"
    );
}

/// Source: J Rheumatol 2001 (the dose was increased): a titration only goes up.
#[test]
fn a_target_below_the_start_is_an_error() {
    let err =
        probenecid::plan(&patient(40.0, 12.0), daily(750.0), &Options::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "target daily dose 750 mg/day is invalid: it is below the start daily dose of \
         25 mg/kg/day for 40 kg = 1,000 mg/day; a titration plan only increases the dose"
    );
}

/// Source: `sources::PROBENECID_LABEL`: a 500 mg tablet halves to 250 mg, so a step is
/// a whole number of half-tablets.
#[test]
fn step_size_and_interval_are_caller_options() {
    let options = Options::default()
        .step(DailyDose::from_mg_per_day(250.0).unwrap())
        .interval(Interval::from_days(10.0).unwrap());
    // 40 kg: up to the label's 40 mg/kg/day, 1,600 mg/day (above it is
    // refused for a child, see: #10).
    let plan = probenecid::plan(&patient(40.0, 12.0), daily(1500.0), &options).unwrap();
    assert_eq!(days(&plan), [0, 10, 20]);
    assert_eq!(dailies(&plan), [1000.0, 1250.0, 1500.0]);
    let err = probenecid::plan(
        &patient(40.0, 12.0),
        daily(1750.0),
        &Options::default().step(DailyDose::from_mg_per_day(300.0).unwrap()),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "step size 300 mg/day is invalid: expected a whole number of half-tablets \
         (a multiple of 250 mg/day)"
    );
    // The last step stops at the target, not beyond it.
    let plan = probenecid::plan(
        &patient(40.0, 12.0),
        daily(1250.0),
        &Options::default().step(DailyDose::from_mg_per_day(1000.0).unwrap()),
    )
    .unwrap();
    assert_eq!(dailies(&plan), [1000.0, 1250.0]);
}

/// Source: `KG_PER_POUND` (NIST): 35.27 lb is 16 kg.
#[test]
fn pounds_and_kilograms_give_the_same_plan() {
    let kg = patient(16.0, 4.0);
    let lb = Patient::new(
        BodyWeight::from_lb(16.0 / KG_PER_POUND).unwrap(),
        Age::from_years(4.0).unwrap(),
    );
    let a = probenecid::plan(&kg, DailyAmount::CASE_REACHED, &case_options()).unwrap();
    let b = probenecid::plan(&lb, DailyAmount::CASE_REACHED, &case_options()).unwrap();
    assert_eq!(a.to_string(), b.to_string());
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------
