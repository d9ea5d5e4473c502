//! The data of a "not measurable" error: the nearest measurable candidates
//! and what would measure the amount instead.

use std::fmt;

use crate::format::{number, signed_percent};

/// A measurable amount next to a calculated one that a product cannot
/// measure within the rounding rule, and how far it is.
///
/// Carried by [`crate::Error::NotMeasurable`], in the error's unit.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Error, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(30.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(1.0)?;
/// let err = diltiazem::plan(&patient, rate, &diltiazem::Options::default()).unwrap_err();
/// let Error::NotMeasurable { candidates, .. } = err else { panic!("{err}") };
/// assert_eq!(candidates[0].amount, 30.0);
/// assert_eq!(candidates[0].deviation_percent, 125.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Clinical reference section 5: the nearest measurable doses and how far
/// they are.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Candidate {
    /// The measurable amount, in the error's unit.
    pub amount: f64,
    /// Its deviation from the calculated amount, in percent (+8 is 8 %
    /// above it).
    pub deviation_percent: f64,
}

impl Candidate {
    pub(crate) const fn new(amount: f64, deviation_percent: f64) -> Self {
        Self {
            amount,
            deviation_percent,
        }
    }
}

/// What would measure an amount that a product cannot.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Error, Patient, Suggestion};
///
/// let patient = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(30.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(1.0)?;
/// let err = diltiazem::plan(&patient, rate, &diltiazem::Options::default()).unwrap_err();
/// let Error::NotMeasurable { suggestion: Some(suggestion), .. } = err else { panic!("{err}") };
/// let Suggestion::OtherProduct { dose_mg, volume_ml, .. } = *suggestion else { panic!() };
/// assert_eq!((dose_mg, volume_ml), (14.4, 1.2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Clinical reference section 5: "another product is needed".
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Suggestion {
    /// An oral liquid measures the dose: the product, the dose per
    /// administration, its volume and concentration, how many times a day,
    /// and the daily total.
    OtherProduct {
        /// The product that measures it.
        product: String,
        /// The dose per administration, mg.
        dose_mg: f64,
        /// Its volume, mL.
        volume_ml: f64,
        /// The liquid's concentration, mg/mL.
        concentration_mg_per_ml: f64,
        /// Administrations a day.
        times_per_day: u64,
        /// The daily total, mg/day.
        total_mg_per_day: f64,
    },
    /// A wider rounding tolerance would accept a candidate.
    WiderTolerance {
        /// The narrowest tolerance that accepts it, %.
        tolerance_percent: f64,
        /// The amount it would accept, in the error's unit.
        amount: f64,
    },
    /// No tolerance up to the widest the crate accepts reaches a measurable
    /// amount.
    NoTolerance {
        /// The widest tolerance accepted, %.
        max_percent: f64,
    },
    /// A larger total is always measurable.
    LargerAmount {
        /// The smallest such amount.
        amount: f64,
        /// Its unit.
        unit: &'static str,
    },
}

/// "the nearest measurable doses are 30 mg (-33.3 %) and 60 mg (+33.3 %)".
pub(crate) struct Nearest<'a> {
    pub(crate) candidates: &'a [Candidate],
    pub(crate) unit: &'static str,
    /// "dose" or "amount".
    pub(crate) noun: &'static str,
}

impl fmt::Display for Nearest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one = |c: &Candidate| {
            format!(
                "{} {} ({})",
                number(c.amount, 3),
                self.unit,
                signed_percent(c.deviation_percent / 100.0)
            )
        };
        let noun = self.noun;
        match self.candidates {
            [] => f.write_str("no amount of it is measurable"),
            [a] => write!(f, "the nearest measurable {noun} is {}", one(a)),
            [a, b, ..] => write!(
                f,
                "the nearest measurable {noun}s are {} and {}",
                one(a),
                one(b)
            ),
        }
    }
}

/// The suggestion as the end of the error message, starting with "; ".
pub(crate) struct SuggestionText<'a> {
    pub(crate) suggestion: Option<&'a Suggestion>,
    pub(crate) unit: &'static str,
}

impl fmt::Display for SuggestionText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.suggestion {
            None => Ok(()),
            Some(Suggestion::OtherProduct {
                product,
                dose_mg,
                volume_ml,
                concentration_mg_per_ml,
                times_per_day,
                total_mg_per_day,
            }) => {
                let often = match times_per_day {
                    1 => "once daily".to_owned(),
                    2 => "twice daily".to_owned(),
                    n => format!("{n} times daily"),
                };
                write!(
                    f,
                    "; {product} measures it: {} mg ({} mL of {} mg/mL) {often}; total {} mg/day",
                    number(*dose_mg, 3),
                    number(*volume_ml, 3),
                    number(*concentration_mg_per_ml, 3),
                    number(*total_mg_per_day, 3),
                )
            }
            Some(Suggestion::WiderTolerance {
                tolerance_percent,
                amount,
            }) => write!(
                f,
                "; a rounding tolerance of {} % would accept {} {}",
                number(*tolerance_percent, 1),
                number(*amount, 3),
                self.unit
            ),
            Some(Suggestion::NoTolerance { max_percent }) => write!(
                f,
                "; no rounding tolerance up to {} % reaches a measurable amount",
                number(*max_percent, 0)
            ),
            Some(Suggestion::LargerAmount { amount, unit }) => {
                write!(
                    f,
                    "; a total of {} {unit} or more is always measurable",
                    number(*amount, 1)
                )
            }
        }
    }
}
