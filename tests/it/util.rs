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
