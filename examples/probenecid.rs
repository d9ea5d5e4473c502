//! Probenecid plans as safe text.
//!
//! ```text
//! cargo run --example probenecid
//! ```
//!
//! First the documented case: a 4-year-old girl, started at 25 mg/kg/day and
//! increased to 1,250 mg/day (J Rheumatol 2001;28:1129), at a typical weight
//! of 16 kg. It shows why the default options refuse the start (400 mg/day
//! is not measurable in half-tablets within 10 %), then the plan a
//! prescriber gets after accepting 500 mg/day with a 25 % tolerance and
//! allowing small steps in fewer administrations.
//!
//! Then an adult of 70 kg titrated to the label's 2 g/day maximum on the
//! label's adult schedule: 250 mg twice daily for 1 week, then 500 mg twice
//! daily, then +500 mg/day every 4 weeks.

use calcinosis_dosing::probenecid::{self, DailyAmount, Division, Options};
use calcinosis_dosing::{Age, BodyWeight, DailyDose, Patient, Tolerance};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    let target = DailyAmount::CASE_REACHED;

    match probenecid::plan(&girl, target, &Options::default()) {
        Ok(plan) => println!("{plan}"),
        Err(e) => println!("With the default options: {e}\n"),
    }

    let options = Options::default()
        .tolerance(Tolerance::from_percent(25.0)?)
        .division(Division::FewerOnSmallSteps);
    let plan = probenecid::plan(&girl, target, &options)?;
    println!("{plan}");

    let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(45.0)?);
    let maximum = DailyAmount::Daily(DailyDose::from_mg_per_day(2000.0)?);
    let plan = probenecid::plan(&adult, maximum, &Options::default())?;
    print!("{plan}");
    Ok(())
}
