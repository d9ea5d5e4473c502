//! Benchmark placeholder: replaced by the probenecid bench.
fn main() {}
