//! The exported strategies (issue #13), used by the crate's own properties:
//! every generated request reads, every plan keeps the invariants and reads
//! back, and every near-valid bad request is refused without a panic.

#![cfg(feature = "proptest")]

use calcinosis_dosing::{PlanRecord, Request, check_plan, strategies};
use proptest::prelude::*;

proptest! {
    #![proptest_config(crate::util::cases(64))]

    /// Source: issue #13 — generated requests read, and every plan keeps
    /// the invariants and survives a JSON round trip.
    #[test]
    fn generated_plans_keep_the_invariants(json in strategies::request_json()) {
        let request = Request::from_json(&json);
        prop_assert!(request.is_ok(), "{json}: {:?}", request.err());
        if let Ok(record) = request.unwrap().plan_record() {
            check_plan(record.plan()).map_err(|v| TestCaseError::fail(format!("{v}\n{json}")))?;
            let stored = serde_json::to_string(&record).unwrap();
            let read: PlanRecord = serde_json::from_str(&stored).unwrap();
            prop_assert_eq!(read, record);
        }
    }

    /// Source: issue #13 — near-valid bad input is refused while reading,
    /// never planned and never a panic.
    #[test]
    fn near_valid_requests_are_refused(json in strategies::near_valid_json()) {
        prop_assert!(Request::from_json(&json).is_err(), "{json}");
    }

    /// The Rust-value strategy gives requests that read back as themselves.
    #[test]
    fn requests_round_trip(request in strategies::request()) {
        let json = serde_json::to_string(&request).unwrap();
        prop_assert_eq!(Request::from_json(&json).unwrap(), request);
    }
}
