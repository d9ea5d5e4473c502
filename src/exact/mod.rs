//! Exact numbers: the leaf every decision of the crate rests on.
//!
//! Every input enters as a decimal: a number written in JSON or passed as an
//! `f64` is read to nine decimal places of its unit, once, and from
//! then on held as an exact fraction ([`Exact`], a `num_rational::Ratio` of
//! `i128`). Which measurable amount is chosen, whether a limit is crossed,
//! and which schedule applies are decided here, by comparisons of fractions,
//! so the decision cannot depend on how an input was written (70 kg or
//! 154.3235835 `[lb_av]`) or on binary rounding.
//!
//! This module imports nothing from the rest of the crate.
//!
//! # The one rounding rule
//!
//! A calculated amount is rounded to a whole count of its product's step by
//! [`choose`]: the candidates are the nearest counts below and above; among
//! the acceptable ones the nearest wins, and of two equally near, the
//! **smaller amount** ("ties to the smaller amount"). Quantizing an input to
//! its resolution ([`to_multiple`]) follows the same rule.

mod fraction;
mod rule;
mod scaled;
#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "tests fail loudly; the f64 compared are the exact nearest doubles"
)]
mod tests;

pub(crate) use fraction::{
    Exact, abs, add, canonical, ceil_to, compare, constant, decimal, decimal_parts, deviation,
    deviation_percent, div, floor_to, frac, int, is_whole, lowest, max, mul, nearer, neighbours,
    parts, product, quotient_f64, sub, times, times_checked, to_f64, to_multiple, unsigned_parts,
    within,
};
pub(crate) use rule::{Bounds, Verdict, choose};
pub(crate) use scaled::{Amount, Scaled};
