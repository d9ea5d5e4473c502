//! Integration tests: json.
