//! A part of a plan that is built from the plan's own decisions the first
//! time it is read, not while planning.
//!
//! A plan decides everything when it is made: the dose, the schedule, the
//! rounding and every alert. Its record of the limits it checked and its
//! list of references are a write-up of those decisions; building them
//! costs more than deciding the dose, and most callers (a batch, a
//! property test) never read them. So they are built once, on the first
//! read, from the same data, and kept.
//!
//! This module imports nothing from the rest of the crate.

use std::fmt;
use std::sync::OnceLock;

/// A value worked out from the rest of its plan on first read, then kept.
///
/// Two plans with equal decisions have equal write-ups, so a `Derived`
/// takes no part in comparing plans: `==` is always true. `Debug` shows
/// the value once it has been built.
pub(crate) struct Derived<T>(OnceLock<Box<T>>);

impl<T> Derived<T> {
    /// Not built yet.
    pub(crate) const fn new() -> Self {
        Self(OnceLock::new())
    }

    /// The value, built by `build` on the first call.
    pub(crate) fn get_or_build(&self, build: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(|| Box::new(build()))
    }
}

impl<T> Default for Derived<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone> Clone for Derived<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

/// Always equal: the value is a function of the plan's other fields, which
/// are compared.
impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T: fmt::Debug> fmt::Debug for Derived<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.get() {
            Some(value) => value.fmt(f),
            None => f.write_str("(built on first read)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_once_and_keeps_the_value() {
        let derived = Derived::new();
        let mut calls = 0;
        assert_eq!(
            *derived.get_or_build(|| {
                calls += 1;
                7
            }),
            7
        );
        assert_eq!(*derived.get_or_build(|| 8), 7);
        assert_eq!(calls, 1);
        assert_eq!(format!("{derived:?}"), "7");
        assert_eq!(
            format!("{:?}", Derived::<u8>::new()),
            "(built on first read)"
        );
        assert_eq!(derived.clone().get_or_build(|| 9), &7);
    }
}
