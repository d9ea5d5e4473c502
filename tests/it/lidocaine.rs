//! Integration tests: lidocaine for the ring block and as a diluent, against
//! the label maxima.

use calcinosis_dosing::lidocaine::{
    self, Formulation, MaximumBasis, PercentStrength, Purpose, RingBlock, Solution, Use,
};
use calcinosis_dosing::sodium_thiosulfate::Stock;
use calcinosis_dosing::sodium_thiosulfate::intralesional::{
    CaseSeriesOptions, Diluent, Dilution, Distribution, GridOptions, GridSessions, Interval,
    Lesion, LesionSite, LesionSize, Spacing, Ulceration, case_series_plan, grid_plan, prepare,
};
use calcinosis_dosing::{Age, BodyWeight, Concentration, Error, Patient, sources};

use crate::util::{ml, patient};

fn widespread_ulcerated() -> Lesion {
    Lesion::new(
        LesionSite::Elsewhere,
        LesionSize::length_by_width_mm(20.0, 15.0).unwrap(),
        Distribution::Widespread,
        Ulceration::Present,
    )
}

fn mg_per_ml(v: f64) -> Concentration {
    Concentration::from_mg_per_ml(v).unwrap()
}

fn saline() -> Dilution {
    Dilution::new(Stock::Injection, Diluent::SodiumChloride)
}

fn one_percent_plain() -> Solution {
    Solution::new(PercentStrength::OnePercent, Formulation::Plain)
}

fn grid_options(spacing_mm: f64, sessions: u32) -> GridOptions {
    GridOptions::new(
        Spacing::from_mm(spacing_mm).unwrap(),
        GridSessions::new(sessions).unwrap(),
        Interval::from_weeks(4.0).unwrap(),
    )
}

/// Source: Xylocaine label: plain lidocaine 4.5 mg/kg, not above 300 mg;
/// with epinephrine 7 mg/kg, not above 500 mg.
#[test]
fn lidocaine_label_maxima() {
    assert_eq!(lidocaine::PLAIN_MG_PER_KG, 4.5);
    assert_eq!(lidocaine::PLAIN_MAX_MG, 300.0);
    assert_eq!(lidocaine::WITH_EPINEPHRINE_MG_PER_KG, 7.0);
    assert_eq!(lidocaine::WITH_EPINEPHRINE_MAX_MG, 500.0);
    let w60 = BodyWeight::from_kg(60.0).unwrap();
    let w80 = BodyWeight::from_kg(80.0).unwrap();
    let plain60 = lidocaine::maximum(w60, Formulation::Plain);
    assert_eq!(plain60.mass().mg(), 270.0);
    assert_eq!(plain60.basis(), MaximumBasis::Weight);
    assert_eq!(
        lidocaine::maximum(w80, Formulation::Plain).mass().mg(),
        300.0
    );
    assert_eq!(
        lidocaine::maximum(w60, Formulation::WithEpinephrine)
            .mass()
            .mg(),
        420.0
    );
    let epi80 = lidocaine::maximum(w80, Formulation::WithEpinephrine);
    assert_eq!(epi80.mass().mg(), 500.0);
    assert_eq!(epi80.basis(), MaximumBasis::AbsoluteCap);
    // As volumes: 270 mg is 54 mL of 0.5 %, 27 mL of 1 %, 13.5 mL of 2 %.
    assert_eq!(plain60.volume(PercentStrength::HalfPercent).ml(), 54.0);
    assert_eq!(plain60.volume(PercentStrength::OnePercent).ml(), 27.0);
    assert_eq!(plain60.volume(PercentStrength::TwoPercent).ml(), 13.5);
}

/// Source: Xylocaine label: 0.5 % = 5 mg/mL, 1 % = 10 mg/mL, 2 % = 20 mg/mL.
#[test]
fn lidocaine_strengths_in_mg_per_ml() {
    assert_eq!(
        PercentStrength::HalfPercent.concentration().mg_per_ml(),
        5.0
    );
    assert_eq!(
        PercentStrength::OnePercent.concentration().mg_per_ml(),
        10.0
    );
    assert_eq!(
        PercentStrength::TwoPercent.concentration().mg_per_ml(),
        20.0
    );
    assert_eq!(PercentStrength::TwoPercent.to_string(), "2 % (20 mg/mL)");
}

/// Source: Xylocaine label (300 mg plain): a ring block above the maximum
/// is an error naming the total, the maximum and the label.
#[test]
fn a_ring_block_above_the_maximum_is_an_error() {
    let block = RingBlock::new(one_percent_plain(), ml(28.0));
    let err = lidocaine::ring_block(&patient(60.0), block).unwrap_err();
    assert_eq!(
        err,
        Error::AboveMaximum {
            field: "lidocaine per session",
            value: 280.0,
            max: 270.0,
            unit: "mg",
            source_ref: sources::LIDOCAINE_LABEL.reference(),
        }
    );
    // The same block inside a grid plan fails the same way.
    let plan = grid_plan(
        &patient(60.0),
        LesionSize::diameter_mm(30.0).unwrap(),
        &grid_options(10.0, 2).ring_block(block),
    );
    assert_eq!(plan.unwrap_err(), err);
    // 27 mL is exactly the maximum and is accepted.
    assert!(
        lidocaine::ring_block(
            &patient(60.0),
            RingBlock::new(one_percent_plain(), ml(27.0))
        )
        .is_ok()
    );
}

/// Source: clinical reference section 2: "If the diluent is lidocaine, its
/// mass counts toward the lidocaine maximum."
#[test]
fn lidocaine_diluent_counts_toward_the_maximum() {
    // 20 kg child: 90 mg plain. Ring block 8 mL of 1 % = 80 mg; 1 mL of
    // 150 mg/mL from 250 mg/mL uses 0.4 mL of 1 % lidocaine = 4 mg: 84 mg.
    let child = Patient::new(
        BodyWeight::from_kg(20.0).unwrap(),
        Age::from_years(8.0).unwrap(),
    );
    let dilution = Dilution::new(Stock::Injection, Diluent::Lidocaine(one_percent_plain()));
    let options = CaseSeriesOptions::new(ml(1.0), dilution)
        .ring_block(RingBlock::new(one_percent_plain(), ml(8.0)));
    let plan = case_series_plan(&child, &widespread_ulcerated(), &options).unwrap();
    let lido = plan.lidocaine().unwrap();
    assert_eq!(lido.uses().len(), 2);
    assert_eq!(lido.uses()[1].purpose(), Purpose::Diluent);
    assert!((lido.total().mg() - 84.0).abs() < 1e-9);
    // Preparing 4 mL: the diluent is 1.6 mL = 16 mg, 96 mg in all.
    let err = case_series_plan(
        &child,
        &widespread_ulcerated(),
        &options.prepared_volume(ml(4.0)),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("lidocaine per session 96 mg is above the maximum of 90 mg"),
        "{err}"
    );
    // Without the ring block, the diluent alone is counted.
    let alone = case_series_plan(
        &child,
        &widespread_ulcerated(),
        &CaseSeriesOptions::new(ml(1.0), dilution),
    )
    .unwrap();
    assert!((alone.lidocaine().unwrap().total().mg() - 4.0).abs() < 1e-9);
}

/// Source: Xylocaine label: when part of the lidocaine is plain, the crate
/// applies the plain maximum to the whole (its stricter reading; the label
/// gives no rule for mixing).
#[test]
fn mixing_with_plain_lidocaine_applies_the_plain_maximum() {
    let epi = Solution::new(PercentStrength::OnePercent, Formulation::WithEpinephrine);
    let uses = [Use::new(Purpose::RingBlock, epi, ml(30.0))];
    assert_eq!(
        lidocaine::plan(&patient(60.0), &uses)
            .unwrap()
            .maximum()
            .mass()
            .mg(),
        420.0
    );
    let mixed = [
        Use::new(Purpose::RingBlock, epi, ml(26.0)),
        Use::new(Purpose::Diluent, one_percent_plain(), ml(2.0)),
    ];
    assert!(matches!(
        lidocaine::plan(&patient(60.0), &mixed),
        Err(Error::AboveMaximum { max, .. }) if max == 270.0
    ));
}

// ---------------------------------------------------------------------------
// Preparation by dilution
// ---------------------------------------------------------------------------

/// Source: clinical reference section 2: "From 250 mg/mL: 3 mL stock + 2 mL
/// diluent makes 5 mL."
#[test]
fn dilution_150_from_250_for_5_ml_is_3_plus_2() {
    let recipe = prepare(mg_per_ml(150.0), ml(5.0), &saline()).unwrap();
    assert_eq!(recipe.stock_volume().ml(), 3.0);
    assert_eq!(recipe.diluent_volume().unwrap().ml(), 2.0);
    assert_eq!(recipe.total().ml(), 5.0);
    assert_eq!(recipe.prepared().mg_per_ml(), 150.0);
    assert_eq!(recipe.deviation_percent(), 0.0);
    assert!(!recipe.is_adjusted());
    assert_eq!(
        recipe.to_string(),
        "3 mL of sodium thiosulfate injection 250 mg/mL (12.5 g in 50 mL) + 2 mL of sodium \
         chloride 0.9 % (9 mg/mL) = 5 mL of 150 mg/mL (target 150 mg/mL, 0 %); 1 container of 50 mL opened"
    );
}
