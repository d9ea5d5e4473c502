//! Benchmark placeholder: replaced by the diltiazem bench.
fn main() {}
