//! Integration tests, compiled as one binary: worked cases from the
//! literature and the labels (each with a `/// Source:` line), and
//! properties (proptest).

mod diltiazem;
mod intralesional;
mod json;
mod probenecid;
mod topical;
