//! Prints the documented intralesional sodium thiosulfate cases as safe
//! text:
//!
//! 1. the case series (Acta Derm Venereol 2016;96:257–258), a fingertip
//!    lesion of 4 mm: a single injection of 150 mg/mL (0.2 mL, the volume
//!    being the prescriber's: the source gives none);
//! 2. the case series, widespread ulcerated lesions: 1 mL of 150 mg/mL every
//!    week for 4 weeks;
//! 3. the lupus panniculitis grid technique (J Am Acad Dermatol
//!    2013;69:e146), a 3 cm plaque at 10 mm spacing after a 10 mL ring block
//!    of plain lidocaine 1 % in a 60 kg adult, 3 sessions 4 weeks apart (the
//!    source gives no interval: it is the prescriber's);
//!
//! and, last, what the crate says about a lesion the case series does not
//! cover.
//!
//! ```text
//! cargo run --example intralesional
//! ```
//!
//! The same cases as JSON are `examples/requests/intralesional-*.json`
//! (`cargo run --example plan -- examples/requests/intralesional-fingertip-4mm.json`).

use std::process::ExitCode;

use calcinosis_dosing::lidocaine::{Formulation, PercentStrength, RingBlock, Solution};
use calcinosis_dosing::sodium_thiosulfate::Stock;
use calcinosis_dosing::sodium_thiosulfate::intralesional::{
    self, CaseSeriesOptions, Diluent, Dilution, Distribution, GridOptions, GridSessions, Interval,
    Lesion, LesionSite, LesionSize, Spacing, Ulceration, case_series_plan, grid_plan,
};
use calcinosis_dosing::{Age, BodyWeight, Error, InjectionVolume, Patient};
use uom::si::f64::Length;
use uom::si::length::{centimeter, millimeter};

/// One documented case.
type Case = fn() -> Result<intralesional::Plan, Error>;

fn fingertip() -> Result<intralesional::Plan, Error> {
    let patient = Patient::new(BodyWeight::from_kg(58.0)?, Age::from_years(52.0)?);
    let lesion = Lesion::new(
        LesionSite::Fingertip,
        LesionSize::diameter(Length::new::<millimeter>(4.0))?,
        Distribution::Localised,
        Ulceration::Absent,
    );
    let options = CaseSeriesOptions::new(
        InjectionVolume::from_ml(0.2)?,
        Dilution::new(Stock::Injection, Diluent::SodiumChloride),
    );
    case_series_plan(&patient, &lesion, &options)
}

fn widespread() -> Result<intralesional::Plan, Error> {
    let patient = Patient::new(BodyWeight::from_kg(64.0)?, Age::from_years(61.0)?);
    let lesion = Lesion::new(
        LesionSite::Elsewhere,
        LesionSize::length_by_width(
            Length::new::<centimeter>(2.0),
            Length::new::<centimeter>(1.5),
        )?,
        Distribution::Widespread,
        Ulceration::Present,
    );
    let options = CaseSeriesOptions::new(
        InjectionVolume::from_ml(1.0)?,
        Dilution::new(Stock::Injection, Diluent::SterileWater),
    );
    case_series_plan(&patient, &lesion, &options)
}

fn lupus_panniculitis() -> Result<intralesional::Plan, Error> {
    let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    let plaque = LesionSize::diameter(Length::new::<centimeter>(3.0))?;
    let block = RingBlock::new(
        Solution::new(PercentStrength::OnePercent, Formulation::Plain),
        InjectionVolume::from_ml(10.0)?,
    );
    let options = GridOptions::new(
        Spacing::new(Length::new::<millimeter>(10.0))?,
        GridSessions::new(3)?,
        Interval::from_weeks(4.0)?,
    )
    .ring_block(block);
    grid_plan(&patient, plaque, &options)
}

fn undocumented() -> Result<intralesional::Plan, Error> {
    let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(48.0)?);
    let lesion = Lesion::new(
        LesionSite::Elsewhere,
        LesionSize::diameter(Length::new::<millimeter>(12.0))?,
        Distribution::Localised,
        Ulceration::Absent,
    );
    let options = CaseSeriesOptions::new(
        InjectionVolume::from_ml(0.5)?,
        Dilution::new(Stock::Injection, Diluent::SterileWater),
    );
    case_series_plan(&patient, &lesion, &options)
}

fn main() -> ExitCode {
    let cases: [(&str, Case); 3] = [
        ("A fingertip lesion of 4 mm", fingertip),
        ("Widespread ulcerated lesions", widespread),
        ("A 3 cm lupus panniculitis plaque", lupus_panniculitis),
    ];
    for (title, case) in cases {
        println!("== {title}\n");
        match case() {
            Ok(plan) => println!("{plan}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("== A localised 12 mm lesion, not on a fingertip\n");
    match undocumented() {
        Ok(plan) => {
            eprintln!("error: expected no documented schedule, got:\n{plan}");
            ExitCode::FAILURE
        }
        Err(e) => {
            println!("No plan: {e}");
            ExitCode::SUCCESS
        }
    }
}
