//! Prints the documented topical sodium thiosulfate case as safe text: a
//! 6-year-old boy, 10 % sodium thiosulfate in cold cream twice daily under
//! occlusion for 6 months (Pediatr Dermatol 2017;34:356), on a treated area
//! of 60 cm² (a plausible forearm patch; the case report gives no area),
//! dispensed in 50 g jars.
//!
//! ```text
//! cargo run --example topical
//! ```
//!
//! The same case as JSON is `examples/requests/topical-6-year-old-forearm.json`
//! (`cargo run --example plan -- examples/requests/topical-6-year-old-forearm.json`).

use std::process::ExitCode;

use calcinosis_dosing::sodium_thiosulfate::topical::{
    self, CourseLength, PackSize, SkinArea, TreatedArea,
};
use calcinosis_dosing::{Age, BodyWeight, Error, MassFraction, Patient};

fn documented_case() -> Result<topical::Plan, Error> {
    let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    let area = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    let options = topical::Options::default()
        .strength(MassFraction::from_percent(10.0)?)
        .course(CourseLength::from_months(6.0)?);
    topical::plan(&boy, &area, PackSize::from_g(50.0)?, &options)
}

fn main() -> ExitCode {
    match documented_case() {
        Ok(plan) => {
            print!("{plan}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
