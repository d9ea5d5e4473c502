//! Benchmark placeholder: replaced by the intralesional bench.
fn main() {}
