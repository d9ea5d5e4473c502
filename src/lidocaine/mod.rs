//! Lidocaine for the ring block before intralesional injection, bounded by
//! its label maxima.
//!
//! The lupus panniculitis technique ([`sources::JAAD_2013`]) gives a
//! lidocaine ring block before the sodium thiosulfate injections; lidocaine
//! may also be the diluent of an intralesional preparation. Lidocaine is a
//! drug with its own limits, so it has its own module: the label maximum for
//! one session is
//!
//! | patient | solution | by weight | and never above | source |
//! |---|---|---|---|---|
//! | adult | plain | 4.5 mg/kg | 300 mg | label |
//! | adult | with epinephrine | 7 mg/kg | 500 mg | label |
//! | child (under 18 years) | either | 4.5 mg/kg | 300 mg | paediatric label text |
//!
//! The label's maxima are for normal healthy adults; for children it says
//! a maximum depends on age and weight. The most a lidocaine label states
//! per kg for children is 4.5 mg/kg ([`sources::LIDOCAINE_PAEDIATRIC`]), so
//! a child is held to it with or without epinephrine, an upper bound and
//! not a paediatric dose ([`maximum_for`]).
//!
//! given as a mass, and as a volume at each strength used (0.5 % = 5 mg/mL,
//! 1 % = 10 mg/mL, 2 % = 20 mg/mL). A planned total above the maximum is an
//! [`Error::AboveMaximum`], never an alert.
//!
//! Everything given in one session counts: the ring block and any lidocaine
//! used as a diluent. The label gives no rule for mixing plain lidocaine with
//! lidocaine with epinephrine; when any part of the total is plain, this
//! crate applies the plain maximum to the whole total (the stricter reading).
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
//! use lidocaine::{Formulation, RingBlock, Solution, PercentStrength};
//!
//! let adult = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
//! let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
//! let plan = lidocaine::ring_block(
//!     &adult,
//!     RingBlock::new(one_percent, InjectionVolume::from_ml(10.0)?),
//! )?;
//! assert_eq!(plan.total().mg(), 100.0);
//! // min(60 kg × 4.5 mg/kg, 300 mg) = 270 mg, that is 27 mL of 1 %.
//! assert_eq!(plan.maximum().mass().mg(), 270.0);
//! assert_eq!(plan.maximum().volume(PercentStrength::OnePercent).ml(), 27.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!
//! - [`sources::LIDOCAINE_PAEDIATRIC`]: children, 4.5 mg/kg in any case.
//! - [`sources::LIDOCAINE_LABEL`]: 4.5 mg/kg and not above 300 mg plain;
//!   7 mg/kg and not above 500 mg with epinephrine; 1 % = 10 mg/mL.
//! - [`sources::JAAD_2013`]: the ring block before intralesional sodium
//!   thiosulfate.

use std::fmt;

use crate::citation::{Citation, sources};
use crate::dose::{Concentration, Dose, InjectionVolume};
use crate::error::Error;
use crate::exact::{self, Exact};
use crate::format::number;
use crate::limit::{Bound, CheckedLimit, Limit, Scope};
use crate::patient::{BodyWeight, Patient};

/// Plain lidocaine: at most 4.5 mg/kg in one session
/// ([`sources::LIDOCAINE_LABEL`]).
pub const PLAIN_MG_PER_KG: f64 = 4.5;
/// Plain lidocaine: never above 300 mg in one session
/// ([`sources::LIDOCAINE_LABEL`]).
pub const PLAIN_MAX_MG: f64 = 300.0;
/// Lidocaine with epinephrine: at most 7 mg/kg in one session
/// ([`sources::LIDOCAINE_LABEL`]).
pub const WITH_EPINEPHRINE_MG_PER_KG: f64 = 7.0;
/// Lidocaine with epinephrine: never above 500 mg in one session
/// ([`sources::LIDOCAINE_LABEL`]).
pub const WITH_EPINEPHRINE_MAX_MG: f64 = 500.0;
/// A child (under 18 years), plain or with epinephrine: at most 4.5 mg/kg
/// in one session, the most any lidocaine label states per kg for children
/// ([`sources::LIDOCAINE_PAEDIATRIC`]); never above the adult plain cap,
/// [`PLAIN_MAX_MG`].
pub const CHILD_MG_PER_KG: f64 = 4.5;
/// Lidocaine 0.5 % is 5 mg/mL ([`sources::LIDOCAINE_LABEL`]).
pub const HALF_PERCENT_MG_PER_ML: f64 = 5.0;
/// Lidocaine 1 % is 10 mg/mL ([`sources::LIDOCAINE_LABEL`]).
pub const ONE_PERCENT_MG_PER_ML: f64 = 10.0;
/// Lidocaine 2 % is 20 mg/mL ([`sources::LIDOCAINE_LABEL`]).
pub const TWO_PERCENT_MG_PER_ML: f64 = 20.0;

mod clinical;
mod maximum;
mod plan;
mod solution;
mod uses;

pub use self::clinical::CAUTIONS;
pub use self::{maximum::*, plan::*, solution::*, uses::*};

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests;
