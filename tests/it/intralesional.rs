//! Integration tests: intralesional.
