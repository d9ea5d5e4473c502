//! Dividing a daily total into whole measurable administrations.

/// Splits `total` steps into `n` administrations of whole steps, as evenly
/// as possible, larger ones first, none of zero and none above `max_each`.
///
/// 5 half-tablets in 4 doses gives `[2, 1, 1, 1]` (1,250 mg/day as 500, 250,
/// 250, 250 mg). Returns `None` when it cannot be done.
pub(crate) fn divide(total: u64, n: u64, max_each: Option<u64>) -> Option<Shares> {
    if n == 0 || total < n {
        return None;
    }
    let shares = Shares {
        base: total / n,
        extra: total % n,
        n,
        next: 0,
    };
    match max_each {
        Some(max) if shares.largest() > max => None,
        _ => Some(shares),
    }
}

/// The administrations of a total [`divide`] split, larger first, as
/// counts of steps: read one by one, with no allocation.
#[derive(Debug, Clone)]
pub(crate) struct Shares {
    /// What every administration has.
    base: u64,
    /// How many of them (the first) have one step more.
    extra: u64,
    /// The administrations.
    n: u64,
    /// The next to read.
    next: u64,
}

impl Shares {
    /// The largest administration (the first).
    pub(crate) const fn largest(&self) -> u64 {
        self.base + if self.extra > 0 { 1 } else { 0 }
    }

    /// The smallest administration (the last).
    pub(crate) const fn smallest(&self) -> u64 {
        self.base
    }
}

impl Iterator for Shares {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        (self.next < self.n).then(|| {
            let share = self.base + u64::from(self.next < self.extra);
            self.next += 1;
            share
        })
    }
}
