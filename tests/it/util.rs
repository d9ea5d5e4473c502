//! Shared helpers of the integration tests.

use proptest::test_runner::Config;

/// A proptest configuration that runs `default` cases, or as many as the
/// `PROPTEST_CASES` environment variable asks for (a deeper run:
/// `PROPTEST_CASES=100000 cargo test`). CI keeps the modest defaults.
#[must_use]
pub fn cases(default: u32) -> Config {
    if std::env::var_os("PROPTEST_CASES").is_some() {
        // proptest's own default reads PROPTEST_CASES.
        Config::default()
    } else {
        Config::with_cases(default)
    }
}
