//! The catalogue of documented regimens, as text and as JSON, and the
//! regimens reported in one condition.
//!
//! ```text
//! cargo run --example catalogue
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("Documented regimens for calcinosis cutis:");
    for regimen in calcinosis_dosing::catalogue() {
        println!("  - {regimen}");
    }
    println!();
    println!("Reported in systemic sclerosis:");
    for regimen in calcinosis_dosing::documented_for("systemic sclerosis") {
        println!("  - {}", regimen.key());
    }
    println!();
    println!(
        "{}",
        serde_json::to_string_pretty(calcinosis_dosing::catalogue())?
    );
    Ok(())
}
