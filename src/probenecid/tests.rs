//! Unit tests of the module.
use super::*;
use crate::{Age, BodyWeight};

fn patient(kg: f64, years: f64) -> Patient {
    Patient::new(
        BodyWeight::from_kg(kg).unwrap(),
        Age::from_years(years).unwrap(),
    )
}

fn daily(mg: f64) -> DailyAmount {
    DailyAmount::Daily(DailyDose::from_mg_per_day(mg).unwrap())
}

#[test]
fn whole_steps_accepts_only_multiples_of_the_half_tablet() {
    let d = |x: f64| exact::decimal(x).unwrap();
    assert_eq!(whole_steps(d(500.0), d(250.0)), Some(2));
    // Exact: 250.000000001 mg is not a whole number of half-tablets.
    assert_eq!(whole_steps(d(250.000_000_001), d(250.0)), None);
    assert_eq!(whole_steps(d(300.0), d(250.0)), None);
    assert_eq!(whole_steps(d(0.001), d(250.0)), None);
}

#[test]
fn step_interval_is_written_in_weeks_when_whole() {
    let length = |i: Interval| i.length().to_string();
    assert_eq!(length(Interval::from_weeks(1.0).unwrap()), "1 week");
    assert_eq!(length(Interval::from_days(1.0).unwrap()), "1 day");
    assert_eq!(length(Interval::from_days(15.0).unwrap()), "15 days");
    assert_eq!(length(ADULT_STEP_INTERVAL), "4 weeks");
    assert_eq!(
        Interval::from_weeks(60.0).unwrap_err().to_string(),
        "interval 420 days is not in the allowed range 1 to 365 days"
    );
    assert!(Interval::from_weeks(f64::from(u32::MAX)).is_err());
}

#[test]
fn a_step_size_that_is_not_half_tablets_is_refused() {
    let options = Options::new().step(DailyDose::from_mg_per_day(300.0).unwrap());
    let err = plan(&patient(40.0, 12.0), daily(1500.0), &options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "step size 300 mg/day is invalid: expected a whole number of half-tablets \
         (a multiple of 250 mg/day)"
    );
}

#[test]
fn a_target_equal_to_the_start_is_a_single_step() {
    let p = plan(&patient(40.0, 12.0), daily(1000.0), &Options::new()).unwrap();
    assert_eq!(p.steps().len(), 1);
    assert_eq!(p.reached().to_string(), "1,000 mg/day");
}

#[test]
fn day_numbers_and_half_tablet_counts_are_written_the_safe_way() {
    assert_eq!(day_number(1095), "1,095");
    assert_eq!(day_number(0), "0");
    let product = product().unwrap();
    assert_eq!(half_tablets(1, product), "1 half-tablet of 250 mg");
    assert_eq!(half_tablets(2, product), "2 half-tablets of 250 mg");
}

#[test]
fn the_adult_start_is_the_label_first_week() {
    assert!((adult_daily(ADULT_FIRST_WEEK_MG_PER_DOSE) - 500.0).abs() < 1e-9);
    assert!((adult_daily(ADULT_MG_PER_DOSE) - 1000.0).abs() < 1e-9);
    assert_eq!(
        adult_start_text(),
        "250 mg twice daily = 500 mg/day for 1 week, then 500 mg twice daily = \
         1,000 mg/day (the label's adult schedule)"
    );
}

#[test]
fn a_long_plan_writes_its_day_numbers_with_a_thousands_separator() {
    // A 12-year-old of 50 kg, 250 mg/day steps every 365 days, 1,250 to
    // 2,000 mg/day (the label's 40 mg/kg/day at 50 kg).
    let options = Options::new()
        .step(DailyDose::from_mg_per_day(250.0).unwrap())
        .interval(Interval::from_days(365.0).unwrap());
    let p = plan(&patient(50.0, 12.0), daily(2000.0), &options).unwrap();
    let last = p.steps().last().unwrap();
    assert_eq!(last.day(), 1095);
    assert!(
        last.to_string().starts_with("Day 1,095: 2,000 mg/day"),
        "{last}"
    );
}

#[test]
fn the_step_size_and_interval_shape_the_steps() {
    let options = Options::new()
        .step(DailyDose::from_mg_per_day(250.0).unwrap())
        .interval(Interval::from_weeks(2.0).unwrap());
    let p = plan(&patient(50.0, 12.0), daily(1750.0), &options).unwrap();
    let days: Vec<u32> = p.steps().iter().map(Step::day).collect();
    let mg: Vec<f64> = p.steps().iter().map(|s| s.daily().mg_per_day()).collect();
    assert_eq!(days, [0, 14, 28]);
    assert_eq!(mg, [1250.0, 1500.0, 1750.0]);
}

#[test]
fn a_plan_reads_and_compares_the_same_whether_or_not_it_was_read_before() {
    let options = Options::new()
        .tolerance(Tolerance::from_percent(25.0).unwrap())
        .division(Division::FewerOnSmallSteps);
    let read = plan(&patient(16.0, 4.0), DailyAmount::CASE_REACHED, &options).unwrap();
    let unread = read.clone();
    let text = read.to_string();
    assert_eq!(read, unread);
    assert_eq!(unread.to_string(), text);
    assert_eq!(format!("{read:?}"), format!("{unread:?}"));
    // A child's age is shown only as a number of years: written in months
    // or in years, the plans are the same, as they always were.
    let in_months = Patient::new(
        BodyWeight::from_kg(16.0).unwrap(),
        Age::from_months(48.0).unwrap(),
    );
    let other = plan(&in_months, DailyAmount::CASE_REACHED, &options).unwrap();
    assert_eq!(other, read);
    // A different decision is a different plan.
    let heavier = plan(&patient(17.0, 4.0), DailyAmount::CASE_REACHED, &options).unwrap();
    assert_ne!(heavier, read);
}

/// A plan is moved on every return: its decisions stay compact (a step is
/// 8 bytes, held inline).
#[test]
fn a_plan_stays_small() {
    use std::mem::size_of;
    assert_eq!(size_of::<super::decisions::Rung>(), 8);
    assert!(
        size_of::<super::Plan>() <= 384,
        "a probenecid plan is {} bytes",
        size_of::<super::Plan>()
    );
}
