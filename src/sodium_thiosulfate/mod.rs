//! Sodium thiosulfate for calcinosis cutis: intralesional injection
//! (regimens R3 and R4, [`intralesional`]) and topical 10 % cream (regimen
//! R5, [`topical`]).
//!
//! The intralesional regimens start from a marketed injection, the
//! [`Stock`]: the 250 mg/mL vial (12.5 g in 50 mL) or the 125 mg/mL
//! paediatric product (12.5 g in 100 mL), or any concentration the caller
//! names. No marketed 150 mg/mL product was found, so the 150 mg/mL of the
//! case series is prepared by dilution
//! ([`intralesional::prepare`]).
//!
//! | product | contents | concentration | source |
//! |---|---|---|---|
//! | injection vial | 12.5 g in 50 mL | 250 mg/mL | [`sources::STS_INJECTION_LABEL`] |
//! | paediatric infusion product | 12.5 g in 100 mL | 125 mg/mL | [`sources::STS_PAEDIATRIC_LABEL`] |
//!
//! No source gives a maximum intralesional volume or mass per session; the
//! crate checks none and says so on every intralesional plan.
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::sodium_thiosulfate::Stock;
//!
//! assert_eq!(Stock::Injection.concentration().mg_per_ml(), 250.0);
//! assert_eq!(Stock::Injection.to_string(), "sodium thiosulfate injection 250 mg/mL (12.5 g in 50 mL)");
//! ```
//!
//! # References
//!
//! - [`sources::STS_INJECTION_LABEL`]: 12.5 g in 50 mL, 250 mg/mL.
//! - [`sources::STS_PAEDIATRIC_LABEL`]: 12.5 g in 100 mL, 125 mg/mL.
//! - [`sources::ACTA_DV_2016`], [`sources::JAAD_2013`]: the intralesional
//!   regimens.
//! - [`sources::PEDIATR_DERMATOL_2017`]: the topical regimen.

use std::fmt;

use crate::citation::{Citation, sources};
use crate::dose::Concentration;
use crate::format::number;

mod cautions;
pub mod intralesional;
pub mod topical;

pub use self::cautions::CAUTIONS;

/// Sodium thiosulfate in one injection vial, mg: 12.5 g
/// ([`sources::STS_INJECTION_LABEL`]).
pub const INJECTION_VIAL_MG: f64 = 12_500.0;
/// The injection vial's volume, mL: 50 mL ([`sources::STS_INJECTION_LABEL`]).
pub const INJECTION_VIAL_ML: f64 = 50.0;
/// The injection's concentration, mg/mL: 12.5 g / 50 mL = 250 mg/mL
/// ([`sources::STS_INJECTION_LABEL`]).
pub const INJECTION_MG_PER_ML: f64 = INJECTION_VIAL_MG / INJECTION_VIAL_ML;
/// Sodium thiosulfate in one paediatric product, mg: 12.5 g
/// ([`sources::STS_PAEDIATRIC_LABEL`]).
pub const PAEDIATRIC_VIAL_MG: f64 = 12_500.0;
/// The paediatric product's volume, mL: 100 mL
/// ([`sources::STS_PAEDIATRIC_LABEL`]).
pub const PAEDIATRIC_VIAL_ML: f64 = 100.0;
/// The paediatric product's concentration, mg/mL: 12.5 g / 100 mL =
/// 125 mg/mL ([`sources::STS_PAEDIATRIC_LABEL`]).
pub const PAEDIATRIC_MG_PER_ML: f64 = PAEDIATRIC_VIAL_MG / PAEDIATRIC_VIAL_ML;

/// A sodium thiosulfate solution to inject or dilute from.
///
/// In JSON: `"injection"`, `"paediatric_injection"`, or
/// `{"other": {"value": 200, "unit": "mg/mL"}}`.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::Concentration;
///
/// assert_eq!(Stock::PaediatricInjection.concentration().mg_per_ml(), 125.0);
/// let other = Stock::Other(Concentration::from_mg_per_ml(200.0)?);
/// assert_eq!(other.to_string(), "sodium thiosulfate 200 mg/mL");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::STS_INJECTION_LABEL`], [`sources::STS_PAEDIATRIC_LABEL`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Stock {
    /// The injection vial: 12.5 g in 50 mL, 250 mg/mL.
    Injection,
    /// The paediatric infusion product: 12.5 g in 100 mL, 125 mg/mL.
    PaediatricInjection,
    /// Any other concentration the caller names (an EU 80 mg/mL product, a
    /// pharmacy preparation).
    Other(Concentration),
}

impl Stock {
    /// The concentration.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// assert_eq!(Stock::Injection.concentration().to_string(), "250 mg/mL");
    /// assert_eq!(Stock::PaediatricInjection.concentration().to_string(), "125 mg/mL");
    /// ```
    #[must_use]
    pub const fn concentration(self) -> Concentration {
        match self {
            Self::Injection => Concentration::derived(INJECTION_MG_PER_ML),
            Self::PaediatricInjection => Concentration::derived(PAEDIATRIC_MG_PER_ML),
            Self::Other(c) => c,
        }
    }

    /// The volume of one vial or bag, in mL, for the marketed products.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::Concentration;
    /// assert_eq!(Stock::Injection.container_ml(), Some(50.0));
    /// assert_eq!(Stock::PaediatricInjection.container_ml(), Some(100.0));
    /// assert_eq!(Stock::Other(Concentration::from_mg_per_ml(80.0)?).container_ml(), None);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn container_ml(self) -> Option<f64> {
        match self {
            Self::Injection => Some(INJECTION_VIAL_ML),
            Self::PaediatricInjection => Some(PAEDIATRIC_VIAL_ML),
            Self::Other(_) => None,
        }
    }

    /// The label of the marketed products.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::Concentration;
    /// use calcinosis_dosing::sources;
    ///
    /// assert_eq!(Stock::Injection.source(), Some(sources::STS_INJECTION_LABEL));
    /// assert_eq!(Stock::PaediatricInjection.source(), Some(sources::STS_PAEDIATRIC_LABEL));
    /// assert_eq!(Stock::Other(Concentration::from_mg_per_ml(80.0)?).source(), None);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn source(self) -> Option<Citation> {
        match self {
            Self::Injection => Some(sources::STS_INJECTION_LABEL),
            Self::PaediatricInjection => Some(sources::STS_PAEDIATRIC_LABEL),
            Self::Other(_) => None,
        }
    }
}

impl fmt::Display for Stock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Injection => write!(
                f,
                "sodium thiosulfate injection {} ({} g in {} mL)",
                self.concentration(),
                number(INJECTION_VIAL_MG / 1_000.0, 1),
                number(INJECTION_VIAL_ML, 0)
            ),
            Self::PaediatricInjection => write!(
                f,
                "sodium thiosulfate injection {} ({} g in {} mL, paediatric product)",
                self.concentration(),
                number(PAEDIATRIC_VIAL_MG / 1_000.0, 1),
                number(PAEDIATRIC_VIAL_ML, 0)
            ),
            Self::Other(c) => write!(f, "sodium thiosulfate {c}"),
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;

    #[test]
    fn label_concentrations_follow_from_the_contents() {
        assert_eq!(INJECTION_MG_PER_ML, 250.0);
        assert_eq!(PAEDIATRIC_MG_PER_ML, 125.0);
    }

    #[test]
    fn paediatric_product_is_named() {
        assert_eq!(
            Stock::PaediatricInjection.to_string(),
            "sodium thiosulfate injection 125 mg/mL (12.5 g in 100 mL, paediatric product)"
        );
    }
}
