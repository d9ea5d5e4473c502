//! Integration tests: probenecid titration (regimen R2).

// Helpers outside `#[test]` functions unwrap too: a failing unwrap fails the
// test. Doses are whole multiples of 250 mg, so exact comparison is intended.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "test helpers; doses compared are exact multiples of 250 mg"
)]

use calcinosis_dosing::probenecid::{
    self, DailyAmount, Division, Interval, LabelSchedule, Options,
};
use calcinosis_dosing::{
    Age, AlertKind, BodyWeight, DailyDose, DailyDosePerKg, Egfr, Error, Frequency, KG_PER_POUND,
    Override, Patient, Suggestion, Tolerance, sources,
};
use proptest::prelude::*;

use crate::util::patient_aged as patient;
use crate::util::probenecid::{LABEL, case_options, dailies, daily, days, kinds, tolerance};

// ---------------------------------------------------------------------------
// The documented case
// ---------------------------------------------------------------------------

/// Source: J Rheumatol 2001;28:1129: a 4-year-old girl given probenecid at
/// 25 mg/kg/day, later increased to 1,250 mg/day; 16 kg is a typical weight
/// at 4 years. Steps: the adult label's +500 mg/day every 4 weeks.
#[test]
fn documented_case_titrates_from_25_mg_per_kg_to_1250_mg_per_day() {
    let girl = patient(16.0, 4.0);
    let plan = probenecid::plan(&girl, DailyAmount::CASE_REACHED, &case_options()).unwrap();

    assert_eq!(plan.start_ordered().to_string(), "25 mg/kg/day");
    assert_eq!(plan.start_calculated().mg_per_day(), 400.0);
    assert_eq!(plan.target_calculated().mg_per_day(), 1250.0);
    assert_eq!(days(&plan), [0, 28, 56]);
    assert_eq!(dailies(&plan), [500.0, 1000.0, 1250.0]);
    assert_eq!(plan.reached().to_string(), "1,250 mg/day");

    let [start, middle, end] = plan.steps() else {
        panic!("three steps expected");
    };
    assert_eq!(start.deviation_percent(), 25.0);
    assert_eq!(
        start.to_string(),
        "Day 0: 500 mg/day (calculated 400 mg/day, +25 %; 31.25 mg/kg/day): \
         250 mg (0.5 tablet of 500 mg) twice daily; total 500 mg/day"
    );
    assert_eq!(
        middle.to_string(),
        "Day 28: 1,000 mg/day (62.5 mg/kg/day): \
         250 mg (0.5 tablet of 500 mg) 4 times daily; total 1,000 mg/day"
    );
    assert_eq!(
        end.to_string(),
        "Day 56: 1,250 mg/day (78.13 mg/kg/day): 4 times daily: \
         500 mg (1 tablet of 500 mg), then 250 mg (0.5 tablet of 500 mg), \
         then 250 mg (0.5 tablet of 500 mg), then 250 mg (0.5 tablet of 500 mg); \
         total 1,250 mg/day"
    );

    // The label alert: about twice the child maintenance of 40 mg/kg/day.
    let above = plan
        .alerts()
        .iter()
        .find(|a| a.kind() == AlertKind::AboveLabelReference)
        .unwrap();
    assert_eq!(
        above.message(),
        "from day 28 the daily dose is above the label maintenance for a child \
         (2 years to under 15 years, up to 50 kg) of 40 mg/kg/day for 16 kg = 640 mg/day; \
         the plan reaches 1,250 mg/day (78.13 mg/kg/day), under the 2,000 mg/day maximum"
    );
    assert_eq!(
        above.limit().unwrap().to_string(),
        "label child maintenance 40 mg/kg/day"
    );
    assert_eq!(above.source(), sources::PROBENECID_LABEL);
    assert_eq!(
        kinds(&plan),
        [
            AlertKind::AboveLabelReference,
            AlertKind::OutsideRegimenSource,
            AlertKind::WidenedTolerance
        ]
    );
    assert_eq!(
        plan.citations(),
        [
            sources::J_RHEUMATOL_2001,
            sources::PROBENECID_LABEL,
            sources::ROUNDING_RULE
        ]
    );
}

/// Source: J Rheumatol 2001;28:1129 and the issue: at 16 kg the documented
/// start, 400 mg/day, is not measurable in half-tablets within 10 %.
#[test]
fn documented_start_at_16_kg_is_not_measurable_within_10_percent() {
    let err = probenecid::plan(
        &patient(16.0, 4.0),
        DailyAmount::CASE_REACHED,
        &Options::default(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::NotMeasurable { .. }));
    assert_eq!(
        err.to_string(),
        "a start daily dose of 400 mg/day is not measurable with probenecid 500 mg tablets \
         (whole half-tablets of 250 mg) within 10 %: the nearest measurable doses are \
         250 mg/day (-37.5 %) and 500 mg/day (+25 %); a rounding tolerance of 25 % would \
         accept 500 mg/day"
    );
    // The same, as data.
    let Error::NotMeasurable {
        what,
        calculated,
        candidates,
        suggestion,
        ..
    } = err
    else {
        unreachable!()
    };
    assert_eq!((what, calculated), ("start daily dose", 400.0));
    assert_eq!(candidates.len(), 2);
    assert_eq!(
        (candidates[1].amount, candidates[1].deviation_percent),
        (500.0, 25.0)
    );
    assert!(matches!(
        suggestion.as_deref(),
        Some(&Suggestion::WiderTolerance { tolerance_percent, amount })
            if tolerance_percent == 25.0 && amount == 500.0
    ));
}

/// Source: `sources::PROBENECID_LABEL` (4 doses a day): 500 mg/day is 2 half-tablets,
/// which cannot make 4 administrations without one of zero.
#[test]
fn exact_division_refuses_a_step_with_fewer_half_tablets_than_doses() {
    let options = Options::default().tolerance(tolerance(25.0));
    let err =
        probenecid::plan(&patient(16.0, 4.0), DailyAmount::CASE_REACHED, &options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "frequency 4 times daily is invalid: day 0: 500 mg/day is 2 half-tablets of 250 mg, \
         fewer than 4 administrations, and no administration may be zero; give this step at \
         most twice daily, or allow fewer administrations on small steps"
    );
}

/// Source: the issue: a plan made with a wider tolerance records it.
#[test]
fn a_wider_tolerance_is_recorded_and_alerted() {
    let plan = probenecid::plan(
        &patient(16.0, 4.0),
        DailyAmount::CASE_REACHED,
        &case_options(),
    )
    .unwrap();
    assert_eq!(plan.tolerance().percent(), 25.0);
    let alert = plan
        .alerts()
        .iter()
        .find(|a| a.kind() == AlertKind::WidenedTolerance)
        .unwrap();
    assert_eq!(
        alert.message(),
        "doses were rounded with a tolerance of 25 %, wider than the usual 10 %"
    );
    assert!(plan.to_string().contains("rounding tolerance 25 %"));
    // 10 % exactly is the default: no alert.
    let plan = probenecid::plan(
        &patient(40.0, 12.0),
        daily(1500.0),
        &Options::default().tolerance(tolerance(10.0)),
    )
    .unwrap();
    assert!(!kinds(&plan).contains(&AlertKind::WidenedTolerance));
}

/// Source: the issue: the plan as safe text.
#[test]
fn the_documented_case_prints_as_safe_text() {
    let plan = probenecid::plan(
        &patient(16.0, 4.0),
        DailyAmount::CASE_REACHED,
        &case_options(),
    )
    .unwrap();
    let text = plan.to_string();
    assert!(text.starts_with(
        "Probenecid: probenecid 500 mg tablets\n\
         Label: the label's dosage for children 2 to 14 years, in its section on probenecid \
         with penicillin therapy; calcinosis cutis is off-label\n\
         Start: 25 mg/kg/day for 16 kg = 400 mg/day\n\
         Target: 1,250 mg/day\n\
         Titration: +500 mg/day every 4 weeks, 4 times daily; rounding tolerance 25 %\n\
         Day 0: 500 mg/day"
    ));
    assert!(text.contains("References:\n  - [j-rheumatol-2001] J Rheumatol 2001;28:1129"));
    for unsafe_text in ["1250", ".0 ", " .", "cc", "µg", "QD"] {
        assert!(!text.contains(unsafe_text), "{unsafe_text:?} in {text}");
    }
}

// ---------------------------------------------------------------------------
// Limits: at each boundary and on each side
// ---------------------------------------------------------------------------

/// Source: `sources::PROBENECID_LABEL`: contraindicated under 2 years of age.
#[test]
fn under_two_years_is_contraindicated() {
    let at = |months: f64| {
        probenecid::plan(
            &Patient::new(
                BodyWeight::from_kg(10.0).unwrap(),
                Age::from_months(months).unwrap(),
            ),
            daily(500.0),
            &Options::default()
                .frequency(Frequency::TwiceDaily)
                .division(Division::FewerOnSmallSteps),
        )
    };
    let err = at(23.0).unwrap_err();
    assert!(matches!(err, Error::Contraindicated { .. }));
    assert_eq!(
        err.to_string(),
        format!("probenecid is contraindicated under 2 years of age: age 23 months ({LABEL})")
    );
    assert_eq!(at(24.0).unwrap().reached().mg_per_day(), 500.0);
    assert_eq!(at(25.0).unwrap().reached().mg_per_day(), 500.0);
}

/// Source: `sources::PROBENECID_LABEL`: not above 2 g/day, at any step.
#[test]
fn the_target_may_not_be_above_2_g_per_day() {
    // 50 kg: the label's child maintenance is 2,000 mg/day.
    let teen = patient(50.0, 12.0);
    let at = |mg: f64| probenecid::plan(&teen, daily(mg), &Options::default());
    assert_eq!(dailies(&at(2000.0).unwrap()), [1250.0, 1750.0, 2000.0]);
    assert_eq!(at(1990.0).unwrap().reached().mg_per_day(), 2000.0);
    let err = at(2010.0).unwrap_err();
    assert!(matches!(err, Error::AboveMaximum { .. }));
    assert_eq!(
        err.to_string(),
        format!("target daily dose 2,010 mg/day is above the maximum of 2,000 mg/day ({LABEL})")
    );
    // A rate by weight is checked the same way: 40 mg/kg/day × 60 kg.
    let err = probenecid::plan(
        &patient(60.0, 30.0),
        DailyAmount::LABEL_CHILD_MAINTENANCE,
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("target daily dose 2,400 mg/day is above the maximum of 2,000 mg/day ({LABEL})")
    );
}

/// Source: `sources::PROBENECID_LABEL`: over 50 kg, adult dosing, which starts
/// at 250 mg twice daily whatever the weight. Before the fix a 90 kg adult
/// started at 25 mg/kg/day, 2,250 mg/day, and was refused as above 2 g/day.
#[test]
fn a_90_kg_adult_is_planned_on_the_adult_schedule_not_refused() {
    let at = |kg: f64| probenecid::plan(&patient(kg, 40.0), daily(2000.0), &Options::default());
    for kg in [79.0, 80.0, 81.0, 90.0, 150.0] {
        let plan = at(kg).unwrap();
        assert_eq!(plan.schedule(), LabelSchedule::Adult);
        assert_eq!(plan.start_calculated().mg_per_day(), 500.0);
        assert_eq!(dailies(&plan), [500.0, 1000.0, 1500.0, 2000.0], "{kg} kg");
        assert_eq!(days(&plan), [0, 7, 35, 63], "{kg} kg");
    }
    // The 2 g/day maximum still holds for the adult target.
    assert_eq!(
        probenecid::plan(&patient(90.0, 40.0), daily(2250.0), &Options::default())
            .unwrap_err()
            .to_string(),
        format!("target daily dose 2,250 mg/day is above the maximum of 2,000 mg/day ({LABEL})")
    );
}

/// Source: `sources::PROBENECID_LABEL`: a child takes at most 500 mg in one
/// administration.
#[test]
fn a_child_takes_at_most_500_mg_per_administration() {
    let child = patient(40.0, 12.0);
    let twice = Options::default().frequency(Frequency::TwiceDaily);
    // At the limit: 1,000 mg/day twice daily is 500 mg each.
    let plan = probenecid::plan(&child, daily(1000.0), &twice).unwrap();
    assert_eq!(
        plan.steps()[0].schedule().to_string(),
        "500 mg (1 tablet of 500 mg) twice daily; total 1,000 mg/day"
    );
    // Above it: 1,250 mg/day twice daily would put 750 mg in one.
    let err = probenecid::plan(&child, daily(1250.0), &twice).unwrap_err();
    assert_eq!(
        err.to_string(),
        "frequency twice daily is invalid: day 28: 1,250 mg/day twice daily puts 750 mg in one \
         administration, above the label maximum of 500 mg per administration for a child \
         (2 years to under 15 years, up to 50 kg); give it at least 3 times daily"
    );
    // Below it, 3 times daily: 500, 500 and 250 mg.
    let thrice = Options::default().frequency(Frequency::ThreeTimesDaily);
    let plan = probenecid::plan(&child, daily(1250.0), &thrice).unwrap();
    let doses: Vec<f64> = plan.steps()[1]
        .administrations()
        .iter()
        .map(|a| a.dose().mg())
        .collect();
    assert_eq!(doses, [500.0, 500.0, 250.0]);
}

/// Source: `sources::PROBENECID_LABEL`: the 500 mg limit is the child schedule's
/// ("2–14 years", read as under 15 years; up to 50 kg); outside it the adult
/// schedule applies. Before the fix a 14.5-year-old was treated as an adult.
#[test]
fn the_per_administration_limit_follows_the_child_schedule_bounds() {
    let twice = Options::default().frequency(Frequency::TwiceDaily);
    let at = |kg: f64, years: f64| probenecid::plan(&patient(kg, years), daily(1500.0), &twice);
    let child_err = |day: &str, daily: &str| {
        format!(
            "frequency twice daily is invalid: day {day}: {daily} twice daily puts 750 mg in \
             one administration, above the label maximum of 500 mg per administration for a \
             child (2 years to under 15 years, up to 50 kg); give it at least 3 times daily"
        )
    };
    // Under 15 years and up to 50 kg: the child schedule and its limit.
    for (kg, years) in [(40.0, 14.0), (44.0, 14.5), (40.0, 14.99)] {
        let err = at(kg, years).unwrap_err();
        assert_eq!(
            err.to_string(),
            child_err("28", "1,500 mg/day"),
            "{kg} kg, {years} years"
        );
    }
    // 50 kg starts at 1,250 mg/day: refused from day 0.
    let err = at(50.0, 13.0).unwrap_err();
    assert_eq!(err.to_string(), child_err("0", "1,250 mg/day"));
    // 15 years, or over 50 kg: adult dosing, 750 mg twice daily is allowed.
    for (kg, years) in [(40.0, 15.0), (50.01, 13.0), (50.5, 13.0)] {
        let plan = at(kg, years).unwrap();
        assert_eq!(
            plan.schedule(),
            LabelSchedule::Adult,
            "{kg} kg, {years} years"
        );
        assert_eq!(
            plan.steps().last().unwrap().administrations()[0]
                .dose()
                .mg(),
            750.0
        );
    }
}

/// Source: `sources::PROBENECID_LABEL` ("2–14 years", up to 50 kg; over 50 kg,
/// adult dosing), read as under 15 years: the boundaries of the child
/// schedule, on both sides.
#[test]
fn the_child_schedule_ends_at_15_years_and_above_50_kg() {
    let at = |kg: f64, years: f64| LabelSchedule::for_patient(&patient(kg, years));
    assert_eq!(at(45.0, 14.99), LabelSchedule::Child);
    assert_eq!(at(45.0, 15.0), LabelSchedule::Adult);
    assert_eq!(at(50.0, 10.0), LabelSchedule::Child);
    assert_eq!(at(50.01, 10.0), LabelSchedule::Adult);
    assert_eq!(at(50.0, 14.99), LabelSchedule::Child);
    assert_eq!(at(50.01, 15.0), LabelSchedule::Adult);
    // In months: 179 months is a child, 180 months (15 years) is not.
    let months = |m: f64| {
        LabelSchedule::for_patient(&Patient::new(
            BodyWeight::from_kg(45.0).unwrap(),
            Age::from_months(m).unwrap(),
        ))
    };
    assert_eq!(months(179.0), LabelSchedule::Child);
    assert_eq!(months(180.0), LabelSchedule::Adult);
}

/// Source: `sources::PROBENECID_LABEL`: the child maintenance (40 mg/kg/day) and
/// the 500 mg per-dose limit are kept for a 14.5-year-old of 45 kg, whom the
/// label's "2–14 years" covers under this crate's reading (before the fix,
/// the adult schedule). 25 mg/kg/day is 1,125 mg/day, which half-tablets
/// reach within 12 % (1,000 mg/day, -11.1 %).
#[test]
fn a_14_and_a_half_year_old_of_45_kg_keeps_the_child_schedule() {
    let teen = patient(45.0, 14.5);
    let options = Options::default().tolerance(tolerance(12.0));
    // 2,000 mg/day is above the 1,800 mg/day of the label's maintenance at
    // 45 kg, the child's documented ceiling: refused without an override.
    // See: #10.
    assert!(matches!(
        probenecid::plan(&teen, daily(2000.0), &options),
        Err(Error::HardLimit {
            limit: probenecid::CHILD_MAX_DAILY_ID,
            ..
        })
    ));
    let granted = Override::new(probenecid::CHILD_MAX_DAILY_ID, "specialist review").unwrap();
    let options = options.with_override(granted);
    let plan = probenecid::plan(&teen, daily(2000.0), &options).unwrap();
    assert_eq!(plan.schedule(), LabelSchedule::Child);
    assert_eq!(plan.start_ordered().to_string(), "25 mg/kg/day");
    assert_eq!(plan.frequency(), Frequency::FourTimesDaily);
    assert_eq!(dailies(&plan), [1000.0, 1500.0, 2000.0]);
    assert_eq!(days(&plan), [0, 28, 56]);
    for step in plan.steps() {
        for a in step.administrations() {
            assert!(a.dose().mg() <= 500.0, "{a}");
        }
    }
    assert_eq!(
        kinds(&plan),
        [
            AlertKind::AboveLabelReference,
            AlertKind::WidenedTolerance,
            AlertKind::Overridden,
            AlertKind::AboveLabelReference
        ]
    );
    assert_eq!(
        plan.alerts()[0].message(),
        "from day 56 the daily dose is above the label maintenance for a child \
         (2 years to under 15 years, up to 50 kg) of 40 mg/kg/day for 45 kg = 1,800 mg/day; \
         the plan reaches 2,000 mg/day (44.44 mg/kg/day), under the 2,000 mg/day maximum"
    );
    // Twice daily would put 750 mg in one administration: refused for this child.
    let twice = options.frequency(Frequency::TwiceDaily);
    assert!(probenecid::plan(&teen, daily(1500.0), &twice).is_err());
}

/// Source: `sources::PROBENECID_LABEL` (child maintenance 40 mg/kg/day) and
/// J Rheumatol 2001 (1,250 mg/day at 4 years, about twice it): above the
/// maintenance up to the documented case is an advisory; above the case,
/// refused unless overridden. See: #10.
#[test]
fn a_child_above_the_label_maintenance_gets_an_advisory_then_a_refusal() {
    // 20 kg: the maintenance is 800 mg/day; the documented ceiling 1,250.
    let child = patient(20.0, 6.0);
    let options = Options::default().division(Division::FewerOnSmallSteps);
    let at = |mg: f64| probenecid::plan(&child, daily(mg), &options);
    let maintenance = |plan: &probenecid::Plan| {
        plan.alerts().iter().any(|a| {
            a.limit()
                .is_some_and(|l| l.id() == "probenecid.child.maintenance.per_kg")
        })
    };
    assert!(!maintenance(&at(750.0).unwrap()));
    let above = at(1000.0).unwrap();
    assert!(maintenance(&above));
    let alert = above
        .alerts()
        .iter()
        .find(|a| a.kind() == AlertKind::AboveLabelReference)
        .unwrap();
    assert_eq!(
        alert.message(),
        "from day 28 the daily dose is above the label maintenance for a child \
         (2 years to under 15 years, up to 50 kg) of 40 mg/kg/day for 20 kg = 800 mg/day; \
         the plan reaches 1,000 mg/day (50 mg/kg/day), under the 2,000 mg/day maximum"
    );
    assert!(maintenance(&at(1250.0).unwrap()));
    assert!(matches!(
        at(1500.0),
        Err(Error::HardLimit {
            limit: probenecid::CHILD_MAX_DAILY_ID,
            ..
        })
    ));
    // The label's own maintenance, as a target, raises none.
    let plan = probenecid::plan(&child, DailyAmount::LABEL_CHILD_MAINTENANCE, &options).unwrap();
    assert_eq!(plan.reached().mg_per_day(), 750.0);
    assert!(!maintenance(&plan));
}

/// Source: `sources::PROBENECID_LABEL`: over 50 kg, adult dosing.
#[test]
fn over_50_kg_the_adult_schedule_is_used() {
    let at =
        |kg: f64| probenecid::plan(&patient(kg, 13.0), daily(1500.0), &Options::default()).unwrap();
    assert!(!kinds(&at(49.5)).contains(&AlertKind::AdultScheduleApplies));
    assert!(!kinds(&at(50.0)).contains(&AlertKind::AdultScheduleApplies));
    let adult = at(50.5);
    assert_eq!(dailies(&adult), [500.0, 1000.0, 1500.0]);
    assert_eq!(days(&adult), [0, 7, 35]);
    let alert = &adult.alerts()[0];
    assert_eq!(alert.kind(), AlertKind::AdultScheduleApplies);
    assert_eq!(
        alert.message(),
        "at 50.5 kg (over 50 kg) the label's adult schedule was used instead of the child \
         schedule's start of 25 mg/kg/day: 250 mg twice daily for 1 week, then 500 mg twice \
         daily, then +500 mg/day every 4 weeks, not above 2,000 mg/day"
    );
    assert_eq!(
        alert.limit().unwrap().to_string(),
        "label child weight 50 kg"
    );
    assert_eq!(alert.source(), sources::PROBENECID_LABEL);
}

/// Source: `sources::PROBENECID_LABEL`: the child schedule is for "2–14 years",
/// read as under 15 years.
#[test]
fn from_15_years_the_adult_schedule_is_used() {
    let at = |years: f64| {
        probenecid::plan(&patient(40.0, years), daily(1500.0), &Options::default()).unwrap()
    };
    assert!(!kinds(&at(14.0)).contains(&AlertKind::AdultScheduleApplies));
    assert!(!kinds(&at(14.99)).contains(&AlertKind::AdultScheduleApplies));
    let older = at(15.0);
    assert_eq!(
        older.alerts()[0].message(),
        "at age 15 years (15 years or older) the label's adult schedule was used instead of \
         the child schedule's start of 25 mg/kg/day: 250 mg twice daily for 1 week, then \
         500 mg twice daily, then +500 mg/day every 4 weeks, not above 2,000 mg/day"
    );
    assert_eq!(
        older.alerts()[0].limit().unwrap().to_string(),
        "label child age limit 15 years"
    );
    // Both limits crossed: both named, the weight limit recorded.
    let adult = probenecid::plan(&patient(70.0, 45.0), daily(1500.0), &Options::default()).unwrap();
    let alert = &adult.alerts()[0];
    assert!(
        alert
            .message()
            .starts_with("at 70 kg (over 50 kg) and age 45 years (15 years or older) the label's")
    );
    assert_eq!(
        alert.limit().unwrap().to_string(),
        "label child weight 50 kg"
    );
}

// ---------------------------------------------------------------------------
// The adult schedule
// ---------------------------------------------------------------------------

/// Source: `sources::PROBENECID_LABEL`: adult, 250 mg twice daily for 1 week,
/// then 500 mg twice daily, then +500 mg every 4 weeks, not above 2 g/day.
/// Days: 0 (start), 7 (after 1 week), then 4 weeks (28 days) after each
/// step from day 7: 35 and 63.
#[test]
fn a_70_kg_adult_titrates_on_the_label_schedule_to_2_g_per_day() {
    let adult = patient(70.0, 45.0);
    let plan = probenecid::plan(&adult, daily(2000.0), &Options::default()).unwrap();
    assert_eq!(plan.schedule(), LabelSchedule::Adult);
    assert_eq!(plan.frequency(), Frequency::TwiceDaily);
    assert_eq!(dailies(&plan), [500.0, 1000.0, 1500.0, 2000.0]);
    assert_eq!(days(&plan), [0, 7, 35, 63]);
    assert_eq!(plan.start_ordered().to_string(), "500 mg/day");
    assert_eq!(plan.start_calculated().mg_per_day(), 500.0);
    let text: Vec<String> = plan.steps().iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "Day 0: 500 mg/day (7.14 mg/kg/day): 250 mg (0.5 tablet of 500 mg) twice daily; \
             total 500 mg/day",
            "Day 7: 1,000 mg/day (14.29 mg/kg/day): 500 mg (1 tablet of 500 mg) twice daily; \
             total 1,000 mg/day",
            "Day 35: 1,500 mg/day (21.43 mg/kg/day): 750 mg (1.5 tablets of 500 mg) twice \
             daily; total 1,500 mg/day",
            "Day 63: 2,000 mg/day (28.57 mg/kg/day): 1,000 mg (2 tablets of 500 mg) twice \
             daily; total 2,000 mg/day",
        ]
    );
    // An adult: outside the documented population, a 4-year-old girl.
    assert_eq!(
        kinds(&plan),
        [
            AlertKind::AdultScheduleApplies,
            AlertKind::OutsideDocumentedPopulation
        ]
    );
    let whole = plan.to_string();
    assert!(whole.starts_with(
        "Probenecid: probenecid 500 mg tablets\n\
         Label: the label's titration for gout (+500 mg every 4 weeks, not above 2 g/day), \
         in its section on gout; calcinosis cutis is off-label\n\
         Start: 250 mg twice daily = 500 mg/day from day 0, then 500 mg twice daily = \
         1,000 mg/day from day 7 (the label's adult schedule)\n\
         Target: 2,000 mg/day\n\
         Titration: +500 mg/day every 4 weeks from day 7, twice daily; rounding tolerance 10 %\n\
         Day 0: 500 mg/day"
    ));
    for unsafe_text in ["1000", "2000", ".0 ", " .", "cc", "QD", "1,750"] {
        assert!(!whole.contains(unsafe_text), "{unsafe_text:?} in {whole}");
    }
}

/// Source: `sources::PROBENECID_LABEL`: +500 mg every 4 weeks; a step that would
/// pass the target ends at it: 1,000 → 1,250 mg/day, not 1,500.
#[test]
fn an_adult_to_1250_mg_per_day_ends_at_1250_exactly() {
    let plan = probenecid::plan(&patient(70.0, 45.0), daily(1250.0), &Options::default()).unwrap();
    assert_eq!(dailies(&plan), [500.0, 1000.0, 1250.0]);
    assert_eq!(days(&plan), [0, 7, 35]);
    assert_eq!(plan.reached().to_string(), "1,250 mg/day");
    assert_eq!(
        plan.steps()[2].schedule().to_string(),
        "twice daily: 750 mg (1.5 tablets of 500 mg), then 500 mg (1 tablet of 500 mg); \
         total 1,250 mg/day"
    );
    // Between 500 and 1,000 mg/day the day-7 step is the target.
    let plan = probenecid::plan(&patient(70.0, 45.0), daily(750.0), &Options::default());
    let plan = plan.unwrap();
    assert_eq!(dailies(&plan), [500.0, 750.0]);
    assert_eq!(days(&plan), [0, 7]);
    // 1,000 mg/day stops at day 7, 500 mg/day at day 0.
    let at = |mg: f64| probenecid::plan(&patient(70.0, 45.0), daily(mg), &Options::default());
    assert_eq!(dailies(&at(1000.0).unwrap()), [500.0, 1000.0]);
    assert_eq!(dailies(&at(500.0).unwrap()), [500.0]);
    assert_eq!(days(&at(500.0).unwrap()), [0]);
}

fn frequency() -> impl Strategy<Value = Frequency> {
    prop_oneof![
        Just(Frequency::OnceDaily),
        Just(Frequency::TwiceDaily),
        Just(Frequency::ThreeTimesDaily),
        Just(Frequency::FourTimesDaily),
    ]
}

/// A patient from 7 to 150 kg and 2 to 90 years, built through the public
/// constructors: children (25 mg/kg/day from 175 to 1,250 mg/day) and
/// adults (500 mg/day start at any weight).
fn any_patient() -> impl Strategy<Value = Patient> {
    (7.0_f64..=150.0, 2.0_f64..=90.0).prop_map(|(kg, years)| patient(kg, years))
}

/// Whether `p` is on the label's child schedule, written out independently
/// of the crate: under 15 years and up to 50 kg.
fn is_child(p: &Patient) -> bool {
    p.age().years() < 15.0 && p.weight().kg() <= 50.0
}

/// A target between the start and 2,000 mg/day, for `patient`.
fn target_for(p: &Patient, fraction: f64) -> DailyAmount {
    let kg = p.weight().kg();
    let (start, highest) = if is_child(p) {
        // A child's documented ceiling (1,250 mg/day or the label's
        // 40 mg/kg/day, and about 80 mg/kg/day), less half a half-tablet so
        // that rounding stays under it. See: #10.
        let ceiling = (40.0 * kg).max(1250.0).min(80.0 * kg).min(2000.0);
        (25.0 * kg, ceiling - 125.0)
    } else {
        (500.0, 2000.0)
    };
    daily((start + fraction * (highest - start)).clamp(start, 2000.0))
}

/// The options a property asked for, as it set them: the tolerance in
/// percent, the frequency (if any) and the interval in days.
struct Asked {
    tolerance_percent: f64,
    frequency: Option<Frequency>,
    interval_days: u32,
}

/// What every plan must hold.
fn check_invariants(
    p: &Patient,
    plan: &probenecid::Plan,
    asked: &Asked,
) -> Result<(), TestCaseError> {
    let steps = plan.steps();
    prop_assert!(!steps.is_empty());
    let tol = asked.tolerance_percent / 100.0 + 1e-9;
    let child = is_child(p);
    let expected_schedule = if child {
        LabelSchedule::Child
    } else {
        LabelSchedule::Adult
    };
    prop_assert_eq!(plan.schedule(), expected_schedule);
    let frequency = asked.frequency.unwrap_or(if child {
        Frequency::FourTimesDaily
    } else {
        Frequency::TwiceDaily
    });
    prop_assert_eq!(plan.frequency(), frequency);
    let interval = asked.interval_days;
    for (i, step) in steps.iter().enumerate() {
        let total = step.daily().mg_per_day();
        prop_assert!(total <= 2000.0, "{total} mg/day");
        let sum: f64 = step.administrations().iter().map(|a| a.dose().mg()).sum();
        prop_assert_eq!(sum, total);
        for a in step.administrations() {
            let halves = a.dose().mg() / 250.0;
            prop_assert!(halves >= 1.0 && halves.fract() == 0.0, "{}", a);
            if child {
                prop_assert!(a.dose().mg() <= 500.0, "{}", a);
            }
        }
        prop_assert!(step.schedule().frequency().times_per_day() <= frequency.times_per_day());
        // Child: every interval from day 0. Adult: day 0, day 7, then every
        // interval from day 7.
        let n = u32::try_from(i).unwrap();
        let expected_day = match (child, n) {
            (true, _) => n * interval,
            (false, 0) => 0,
            (false, _) => 7 + (n - 1) * interval,
        };
        prop_assert_eq!(step.day(), expected_day);
        if let Some(next) = steps.get(i + 1) {
            prop_assert!(next.daily().mg_per_day() > total);
        }
    }
    let first = steps.first().unwrap().daily().mg_per_day();
    let last = steps.last().unwrap().daily().mg_per_day();
    let start = plan.start_calculated().mg_per_day();
    let target = plan.target_calculated().mg_per_day();
    prop_assert!((first - start).abs() <= tol * start);
    prop_assert!((last - target).abs() <= tol * target);
    prop_assert_eq!(last, plan.reached().mg_per_day());
    if !child {
        // The label's adult start, then 1,000 mg/day or the target if lower.
        prop_assert_eq!(start, 500.0);
        prop_assert_eq!(first, 500.0);
        if let Some(second) = steps.get(1) {
            prop_assert_eq!(second.daily().mg_per_day(), last.min(1000.0));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(crate::util::cases(128))]

    /// With a 50 % tolerance and fewer administrations on small steps,
    /// every start and target from 175 to 2,000 mg/day plans, on either
    /// schedule, and the plan holds its invariants.
    #[test]
    fn every_plan_in_the_documented_domain_holds(
        p in any_patient(),
        fraction in 0.0_f64..=1.0,
    ) {
        let options = Options::default()
            .tolerance(tolerance(50.0))
            .division(Division::FewerOnSmallSteps);
        let plan = probenecid::plan(&p, target_for(&p, fraction), &options);
        prop_assert!(plan.is_ok(), "{:?}", plan);
        let asked = Asked { tolerance_percent: 50.0, frequency: None, interval_days: 28 };
        check_invariants(&p, &plan.unwrap(), &asked)?;
    }

    /// Any options: a plan holds its invariants, or there is an error.
    #[test]
    fn any_options_give_a_sound_plan_or_an_error(
        p in any_patient(),
        fraction in 0.0_f64..=1.0,
        frequency in frequency(),
        division in prop_oneof![Just(Division::Exact), Just(Division::FewerOnSmallSteps)],
        percent in 0.0_f64..=50.0,
        step_halves in 1_u32..=8,
        interval in 1_u32..=365,
    ) {
        let options = Options::default()
            .frequency(frequency)
            .division(division)
            .tolerance(tolerance(percent))
            .step(DailyDose::from_mg_per_day(f64::from(step_halves) * 250.0).unwrap())
            .interval(Interval::from_days(f64::from(interval)).unwrap());
        if let Ok(plan) = probenecid::plan(&p, target_for(&p, fraction), &options) {
            let asked = Asked {
                tolerance_percent: percent,
                frequency: Some(frequency),
                interval_days: interval,
            };
            check_invariants(&p, &plan, &asked)?;
        }
    }

    /// A weight in pounds gives the same steps as the same weight in kg.
    #[test]
    fn pounds_and_kilograms_agree(
        kg in 7.0_f64..=150.0,
        years in 2.0_f64..=90.0,
        fraction in 0.0_f64..=1.0,
    ) {
        let by_kg = patient(kg, years);
        let by_lb = Patient::new(
            BodyWeight::from_lb(kg / KG_PER_POUND).unwrap(),
            Age::from_years(years).unwrap(),
        );
        let target = target_for(&by_kg, fraction);
        let options = Options::default()
            .tolerance(tolerance(50.0))
            .division(Division::FewerOnSmallSteps);
        let a = probenecid::plan(&by_kg, target, &options);
        let b = probenecid::plan(&by_lb, target, &options);
        match (a, b) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(dailies(&a), dailies(&b));
                prop_assert_eq!(days(&a), days(&b));
                for (x, y) in a.steps().iter().zip(b.steps()) {
                    prop_assert_eq!(x.administrations(), y.administrations());
                }
                prop_assert_eq!(kinds(&a), kinds(&b));
            }
            (a, b) => prop_assert!(false, "{:?} / {:?}", a, b),
        }
    }

    /// Any numbers, NaN and infinities included, give values or errors
    /// through the constructors, and a plan or an error: never a panic.
    #[test]
    fn invalid_inputs_give_errors_not_panics(
        kg in proptest::num::f64::ANY,
        years in proptest::num::f64::ANY,
        target in proptest::num::f64::ANY,
        per_kg in proptest::num::f64::ANY,
        percent in proptest::num::f64::ANY,
        step in proptest::num::f64::ANY,
        egfr in proptest::num::f64::ANY,
    ) {
        let (Ok(w), Ok(a)) = (BodyWeight::from_kg(kg), Age::from_years(years)) else {
            return Ok(());
        };
        let mut p = Patient::new(w, a);
        if let Ok(e) = Egfr::from_ml_per_min(egfr) {
            p = p.with_egfr(e);
        }
        let mut options = Options::default();
        if let Ok(t) = Tolerance::from_percent(percent) {
            options = options.tolerance(t);
        }
        if let Ok(s) = DailyDose::from_mg_per_day(step) {
            options = options.step(s);
        }
        if let Ok(t) = DailyDose::from_mg_per_day(target) {
            let _ = probenecid::plan(&p, DailyAmount::Daily(t), &options);
        }
        if let Ok(r) = DailyDosePerKg::from_mg_per_kg_per_day(per_kg) {
            let _ = probenecid::plan(&p, DailyAmount::PerKg(r), &options);
        }
    }
}
