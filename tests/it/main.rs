//! Integration tests, compiled as one binary: worked cases from the
//! literature and the labels (each with a `/// Source:` line), and
//! properties (proptest).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    reason = "tests fail loudly, and compare values that are exact by construction"
)]

mod autotrait;
mod batch;
mod citations;
mod cli;
mod diltiazem;
mod exact;
mod fhir;
mod golden;
mod intralesional;
mod invariants;
mod json;
mod layers;
mod lidocaine;
mod overrides;
mod picture;
mod probenecid;
mod probenecid_json;
mod probenecid_options;
mod record;
mod safety;
mod schema;
mod strategies;
mod topical;
mod util;
