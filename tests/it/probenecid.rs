//! Integration tests: probenecid.
