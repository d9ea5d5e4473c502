//! Property-testing an integration: generate requests with the crate's
//! strategies, plan them, and check every plan with `check_plan`; check
//! that near-valid bad input is refused. Replace `plan_through_your_system`
//! with the call into your own code.
//!
//! ```text
//! cargo run --features proptest --example property_testing
//! ```

use calcinosis_dosing::{Plan, Request, check_plan, strategies};
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Your system under test: here, the crate itself.
fn plan_through_your_system(json: &str) -> Result<Option<Plan>, String> {
    let request = Request::from_json(json).map_err(|e| e.to_string())?;
    Ok(request.plan().ok())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut runner = TestRunner::new(Config {
        cases: 256,
        // An example keeps no file of past failures.
        failure_persistence: None,
        ..Config::default()
    });
    let planned = std::cell::Cell::new(0_u32);
    runner.run(&strategies::request_json(), |json| {
        // A request refused when planning is the crate's answer, not a
        // failure; a plan must keep every invariant.
        if let Some(plan) = plan_through_your_system(&json).map_err(TestCaseError::fail)? {
            check_plan(&plan).map_err(|v| TestCaseError::fail(format!("{v}\n{json}")))?;
            planned.set(planned.get() + 1);
        }
        Ok(())
    })?;
    runner.run(&strategies::near_valid_json(), |json| {
        if plan_through_your_system(&json).is_ok() {
            return Err(TestCaseError::fail(format!("accepted: {json}")));
        }
        Ok(())
    })?;
    println!(
        "256 generated requests: {} planned, every plan keeps the invariants",
        planned.get()
    );
    println!("256 near-valid bad requests: every one refused");
    Ok(())
}
