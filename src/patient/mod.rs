//! Patient inputs: body weight, age, height, renal function.
//!
//! Each is a validated newtype: finite and inside a plausible range. The
//! ranges are input-sanity bounds chosen by this crate to catch unit slips
//! (grams typed as kilograms, months as years), not clinical limits; the
//! clinical limits live with each drug. See `DESIGN.md`, "Why these
//! plausibility ranges?".

use std::fmt;

use uom::si::f64::{Length, Mass};
use uom::si::length::centimeter;
use uom::si::mass::kilogram;

use crate::error::{Error, check_range};
use crate::exact::{self, Exact};
use crate::format::number;

/// The exact avoirdupois pound, in kilograms (NIST SP 811, appendix B.8).
///
/// uom 0.38 rounds its pound to 0.453 592 4 kg; [`BodyWeight::from_lb`] and
/// the JSON unit `[lb_av]` use the exact definition instead.
pub const KG_PER_POUND: f64 = 0.453_592_37;

/// Days in a year for ages given in days or weeks (the Julian year).
const DAYS_PER_YEAR: f64 = 365.25;

mod age;
mod bsa;
mod egfr;
mod height;
mod record;
mod weight;

#[cfg(feature = "serde")]
pub(crate) use self::egfr::plan_form as egfr_plan_form;
pub use self::{age::*, bsa::*, egfr::*, height::*, record::*, weight::*};

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests;
