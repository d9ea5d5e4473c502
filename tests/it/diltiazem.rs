//! Integration tests: diltiazem.
