//! Rounding to what a product can measure: once, at the end, by a declared
//! rule; and dividing a daily total into whole measurable administrations.
//!
//! The rule (clinical reference section 5): take the nearest measurable
//! amount that is within the tolerance of the calculated dose (default 10 %,
//! the widely used hospital rule). Where the regimen is documented as a range,
//! a measurable amount further than the tolerance is still acceptable when the
//! dose it achieves stays inside the documented range. Nothing else is
//! acceptable: the dose is then "not measurable" with that product.

mod divide;
mod record;
mod rule;
mod tolerance;

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests;

pub(crate) use divide::divide;
pub(crate) use record::record;
pub use record::{Acceptance, BeyondTolerance, Rounding};
pub(crate) use rule::{Measured, Target, candidate, choose_scaled, not_measurable_scaled, round};
pub use tolerance::Tolerance;
