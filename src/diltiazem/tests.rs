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

proptest::proptest! {
    /// The order's amounts over their shared denominator are the exact
    /// amounts they stand for, for every formulation, frequency and age
    /// group, and the denominator stays small (at most 1,000 × 4 × 10^9 ×
    /// 5: the constants and steps are in lowest terms), so no product of a
    /// decision on them comes near overflowing.
    #[test]
    fn an_order_over_one_denominator_is_the_exact_order(
        grams in 1_u32..=350_000,
        rate_e9 in 1_000_000_000_i64..=3_000_000_000,
        formulation in proptest::sample::select(Formulation::ALL.to_vec()),
        frequency in proptest::sample::select(vec![
            Frequency::OnceDaily,
            Frequency::TwiceDaily,
            Frequency::ThreeTimesDaily,
            Frequency::FourTimesDaily,
        ]),
        child: bool,
    ) {
        use crate::exact::{self, Exact};
        #[allow(clippy::cast_precision_loss, reason = "below 2^53: exact")]
        let rate = rate_e9 as f64 / 1e9;
        let product = formulation.product().unwrap();
        let order = super::dosing::Order::new(grams, rate, formulation, child, frequency).unwrap();
        let times_per_day = frequency.times_per_day();
        proptest::prop_assert!(order.den() <= 1_000 * 4 * 1_000_000_000 * 5);
        let over = |x: exact::Scaled| x.over(order.den());
        let kg = exact::frac(i128::from(grams), 1_000);
        let n = exact::int(i128::from(times_per_day));
        let max = exact::decimal(super::dosing::daily_maximum(formulation, child).value()).unwrap();
        let per_dose = |daily: Exact| daily / n;
        proptest::prop_assert_eq!(over(order.weight_based()), per_dose(exact::decimal(rate).unwrap() * kg));
        proptest::prop_assert_eq!(over(order.cap()), per_dose(max));
        let range = (per_dose(kg.min(max)), per_dose((exact::int(3) * kg).min(max)));
        proptest::prop_assert_eq!((over(order.range().0), over(order.range().1)), range);
        proptest::prop_assert_eq!(over(order.step()), product.step_exact());
    }
}

/// The suspension dose a rounding alert names is the suspension plan's
/// own dose and daily total, to the last bit, at 3 and 4 times daily.
#[test]
fn the_suspension_an_alert_names_is_the_suspension_plan() {
    for (kg, frequency) in [
        (70.0, Frequency::ThreeTimesDaily),
        (70.0, Frequency::FourTimesDaily),
        (71.3, Frequency::ThreeTimesDaily),
        (58.0, Frequency::FourTimesDaily),
    ] {
        let p = patient(kg, 50.0);
        let tablets = Options::default().frequency(frequency);
        let plan = super::plan(&p, rate(3.0), &tablets).unwrap();
        let alert = plan
            .alerts()
            .iter()
            .find(|a| a.kind() == crate::AlertKind::RoundedOutsideTolerance)
            .expect("rounded beyond the tolerance");
        let figure = |name: &str| {
            alert
                .figures()
                .find(|f| f.name() == name)
                .map(|f| f.value().to_bits())
        };
        let suspension = Options::new(Formulation::OralSuspension).frequency(frequency);
        let liquid = super::plan(&p, rate(3.0), &suspension).unwrap();
        let schedule = liquid.schedule();
        assert_eq!(
            figure("suspension daily dose"),
            Some(schedule.total().mg_per_day().to_bits()),
            "{kg} kg, {frequency:?}"
        );
        assert_eq!(
            figure("suspension dose"),
            Some(schedule.administrations()[0].dose().mg().to_bits()),
            "{kg} kg, {frequency:?}"
        );
    }
}

/// A plan keeps its decisions and is moved whole (returned, then read):
/// it stays small. What to give is kept in 24 bytes, an age in 16.
#[test]
fn a_plan_stays_small() {
    assert!(
        size_of::<super::Plan>() <= 288,
        "{}",
        size_of::<super::Plan>()
    );
    assert_eq!(size_of::<crate::Age>(), 16);
}

/// Plans compare on what they show: a child's alerts state the age as it
/// was written, so plans for 48 months and for 4 years differ (as they
/// did when the alerts were built while planning), and plans for the same
/// request are equal whether or not one was read.
#[test]
fn plans_for_an_age_written_differently_are_not_equal() {
    let rate = rate(2.0);
    let options = Options::new(Formulation::OralSuspension);
    let in_months = Patient::new(
        crate::BodyWeight::from_kg(16.0).unwrap(),
        crate::Age::from_months(48.0).unwrap(),
    );
    let in_years = patient(16.0, 4.0);
    let a = super::plan(&in_months, rate, &options).unwrap();
    let b = super::plan(&in_years, rate, &options).unwrap();
    assert_ne!(a.to_string(), b.to_string());
    assert_ne!(a, b);
    let again = super::plan(&in_years, rate, &options).unwrap();
    let _ = again.alerts();
    assert_eq!(b, again);
}

/// The suspension dose a rounding alert names is decided only where the
/// alert names it: tablets or capsules rounded beyond the tolerance.
#[test]
fn a_suspension_dose_is_decided_only_for_the_rounding_alert() {
    // 60 kg: tablets measure 3 mg/kg/day exactly.
    let exact = super::plan(&patient(60.0, 50.0), rate(3.0), &Options::default()).unwrap();
    assert_eq!(exact.basis.suspension, None);
    // 70 kg: rounded beyond the tolerance; the suspension measures it.
    let rounded = super::plan(&patient(70.0, 50.0), rate(3.0), &Options::default()).unwrap();
    assert!(rounded.basis.suspension.is_some());
    // The suspension itself rounded beyond a 0 % tolerance names none.
    let options = Options::new(Formulation::OralSuspension)
        .tolerance(crate::Tolerance::from_percent(0.0).unwrap());
    let liquid = super::plan(&patient(70.3, 50.0), rate(3.0), &options).unwrap();
    assert_ne!(liquid.basis.accepted, crate::Acceptance::WithinTolerance);
    assert_eq!(liquid.basis.suspension, None);
}

/// A plan keeps only the count of steps the rule chose, and reads what to
/// give from the product when it is written up: for every formulation's
/// product, a count it can give is one it says what to give for, and no
/// other: up to twice the most steps a capped dose takes (300 graduations
/// of the suspension for 360 mg), and at the solid limit of 4,096 steps.
#[test]
fn every_count_a_product_can_give_has_what_to_give() {
    for formulation in super::Formulation::ALL {
        let product = formulation.product().unwrap();
        for steps in (0..=600).chain(4_090..=4_100) {
            assert_eq!(
                product.can_give(steps),
                product.give_kept(steps).is_some(),
                "{} at {steps} steps",
                product.name()
            );
        }
    }
}
