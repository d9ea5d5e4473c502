//! Integration tests: topical.
