//! Oral probenecid titration (regimen R2): being built, see issue 3.
