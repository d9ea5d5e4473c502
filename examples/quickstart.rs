//! Diltiazem plans for a 20 kg child and a 70 kg adult, printed as safe text.
//!
//! ```text
//! cargo run --example quickstart
//! ```

use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Patient, diltiazem};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A 6-year-old, 20 kg, at 2 mg/kg/day: 40 mg/day is not measurable with
    // 30 mg tablets, so the compounded oral suspension is used.
    let child = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    let rate = DailyDosePerKg::from_mg_per_kg_per_day(2.0)?;
    match diltiazem::plan(&child, rate, &diltiazem::Options::default()) {
        Ok(plan) => println!("{plan}"),
        Err(e) => {
            println!(
                "Tablets for the child (expected: tablets cannot measure this dose):\n  {e}\n"
            );
        }
    }
    let suspension = diltiazem::Options::new(diltiazem::Formulation::OralSuspension);
    println!("{}", diltiazem::plan(&child, rate, &suspension)?);

    // A 70 kg adult at 3 mg/kg/day: 210 mg/day, given as 60 mg 3 times
    // daily (2.57 mg/kg/day, inside the documented 1–3 mg/kg/day).
    let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    println!(
        "{}",
        diltiazem::plan(&adult, rate, &diltiazem::Options::default())?
    );
    let once_daily = diltiazem::Options::new(diltiazem::Formulation::ExtendedReleaseCd);
    println!("{}", diltiazem::plan(&adult, rate, &once_daily)?);
    Ok(())
}
