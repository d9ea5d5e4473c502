//! Shared helpers of the integration tests.

use proptest::test_runner::Config;

/// A proptest configuration that runs `default` cases, or as many as the
/// `PROPTEST_CASES` environment variable asks for (a deeper run:
/// `PROPTEST_CASES=100000 cargo test`). CI keeps the modest defaults.
#[must_use]
pub fn cases(default: u32) -> Config {
    if std::env::var_os("PROPTEST_CASES").is_some() {
        // proptest's own default reads PROPTEST_CASES.
        Config::default()
    } else {
        Config::with_cases(default)
    }
}

/// A patient of `kg` kg, 45 years old (an adult of the case series' age).
#[track_caller]
pub fn patient(kg: f64) -> calcinosis_dosing::Patient {
    calcinosis_dosing::Patient::new(
        calcinosis_dosing::BodyWeight::from_kg(kg).unwrap(),
        calcinosis_dosing::Age::from_years(45.0).unwrap(),
    )
}

/// A patient of `kg` kg and `years` years.
#[track_caller]
pub fn patient_aged(kg: f64, years: f64) -> calcinosis_dosing::Patient {
    calcinosis_dosing::Patient::new(
        calcinosis_dosing::BodyWeight::from_kg(kg).unwrap(),
        calcinosis_dosing::Age::from_years(years).unwrap(),
    )
}

/// A volume in mL.
#[track_caller]
pub fn ml(v: f64) -> calcinosis_dosing::InjectionVolume {
    calcinosis_dosing::InjectionVolume::from_ml(v).unwrap()
}

/// Builders and readers of the probenecid tests.
pub mod probenecid {
    use calcinosis_dosing::probenecid::{self, DailyAmount, Division, Options};
    use calcinosis_dosing::{AlertKind, DailyDose, Tolerance};

    /// How the probenecid label is cited in messages.
    pub const LABEL: &str = "Probenecid tablets USP 500 mg, US prescribing information (DailyMed)";

    #[track_caller]
    pub fn daily(mg: f64) -> DailyAmount {
        DailyAmount::Daily(DailyDose::from_mg_per_day(mg).unwrap())
    }

    #[track_caller]
    pub fn tolerance(percent: f64) -> Tolerance {
        Tolerance::from_percent(percent).unwrap()
    }

    /// The documented case's options: 500 mg/day accepted at the start (+25 %),
    /// small steps given in fewer administrations.
    #[track_caller]
    pub fn case_options() -> Options {
        Options::default()
            .tolerance(tolerance(25.0))
            .division(Division::FewerOnSmallSteps)
    }

    pub fn dailies(plan: &probenecid::Plan) -> Vec<f64> {
        plan.steps()
            .iter()
            .map(|s| s.daily().mg_per_day())
            .collect()
    }

    pub fn days(plan: &probenecid::Plan) -> Vec<u32> {
        plan.steps().iter().map(probenecid::Step::day).collect()
    }

    pub fn kinds(plan: &probenecid::Plan) -> Vec<AlertKind> {
        plan.alerts()
            .iter()
            .map(calcinosis_dosing::Alert::kind)
            .collect()
    }
}
