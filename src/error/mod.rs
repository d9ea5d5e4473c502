//! The crate's one error type.

#[cfg(feature = "serde")]
mod json;

use crate::format::num;

/// Everything that can go wrong when building a dosing plan.
///
/// Messages are lowercase, have no trailing period, and name the parameter,
/// the value, the allowed range and the unit, so that a clinician or the
/// engineer behind the form can act on them. An input outside what a regimen
/// documents is an error; a valid plan that crosses a label reference is not
/// an error but a plan carrying an [`Alert`](crate::Alert).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{BodyWeight, Error};
///
/// let err = BodyWeight::from_kg(0.0).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "weight 0 kg is not in the allowed range 0.5 to 350 kg",
/// );
/// assert!(matches!(err, Error::OutOfRange { field: "weight", .. }));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A number was NaN or infinite.
    #[error("{field} must be a finite number of {unit}, got {}", num(.value))]
    NotFinite {
        /// The parameter.
        field: &'static str,
        /// The value given.
        value: f64,
        /// The unit the parameter is read in.
        unit: &'static str,
    },

    /// A number was outside the plausible range for its parameter.
    #[error("{field} {} {unit} is not in the allowed range {} to {} {unit}", beside_range(*.value, *.min, *.max), num(.min), num(.max))]
    OutOfRange {
        /// The parameter.
        field: &'static str,
        /// The value given.
        value: f64,
        /// The smallest value allowed.
        min: f64,
        /// The largest value allowed.
        max: f64,
        /// The unit of value, min and max.
        unit: &'static str,
    },

    /// A number was outside the range a regimen documents.
    #[error("{field} {} {unit} is outside the documented {regimen} range of {} to {} {unit} ({source_ref})", beside_range(*.value, *.min, *.max), num(.min), num(.max))]
    OutsideRegimen {
        /// The parameter.
        field: &'static str,
        /// The value given.
        value: f64,
        /// The smallest documented value.
        min: f64,
        /// The largest documented value.
        max: f64,
        /// The unit of value, min and max.
        unit: &'static str,
        /// The regimen, such as "diltiazem".
        regimen: &'static str,
        /// The source that documents the range.
        source_ref: &'static str,
    },

    /// A value is above a maximum that may not be crossed.
    #[error("{field} {} {unit} is above the maximum of {} {unit} ({source_ref})", crate::format::number_beside(*.value, *.max, 3), num(.max))]
    AboveMaximum {
        /// The parameter.
        field: &'static str,
        /// The value given or calculated.
        value: f64,
        /// The maximum.
        max: f64,
        /// The unit of value and max.
        unit: &'static str,
        /// The source of the maximum.
        source_ref: &'static str,
    },

    /// A unit code was unknown, or of the wrong dimension for the field.
    #[error("unknown unit '{unit}' for {field}: expected one of {expected}")]
    UnknownUnit {
        /// The parameter.
        field: &'static str,
        /// The unit code given.
        unit: String,
        /// The unit codes accepted, comma separated.
        expected: &'static str,
    },

    /// A choice is not one the regimen documents (a frequency, a form).
    #[error("{field} '{value}' is not documented for {regimen}: expected {expected}")]
    NotDocumented {
        /// The parameter.
        field: &'static str,
        /// The choice given.
        value: String,
        /// The regimen or product.
        regimen: String,
        /// The choices documented.
        expected: &'static str,
    },

    /// The source documents no regimen for this case, and the crate does not
    /// invent one.
    #[error("the source documents no {regimen} schedule for {case} ({source_ref})")]
    Undocumented {
        /// The regimen.
        regimen: &'static str,
        /// The case that has no documented schedule.
        case: String,
        /// The source that was searched.
        source_ref: &'static str,
    },

    /// The drug must not be given to this patient.
    #[error("{drug} is contraindicated {reason} ({source_ref})")]
    Contraindicated {
        /// The drug.
        drug: &'static str,
        /// The request field the contraindication is about, as its JSON
        /// path (`"patient.age"`).
        field: &'static str,
        /// The patient's value of that field, in `unit`.
        value: f64,
        /// The least value the source allows the drug at, in `unit`.
        min: f64,
        /// The unit of `value` and `min` (`"years"`).
        unit: &'static str,
        /// Why, with the patient's value ("under 2 years of age: age 1.5 years").
        reason: String,
        /// The source of the contraindication.
        source_ref: &'static str,
    },

    /// A calculated amount (a dose, a volume, an ingredient, a
    /// concentration) cannot be measured with the product within the
    /// rounding rule. The nearest measurable candidates and the suggestion
    /// are data; the message is rendered from them.
    #[error(
        "{} {what} of {} {unit} is not measurable with {product} within {} %: {}{}",
        article(.what),
        num(.calculated),
        num(.tolerance_percent),
        nearest(.candidates, .unit, .what),
        suggestion_text(.suggestion.as_deref(), .unit)
    )]
    NotMeasurable {
        /// What was calculated ("dose", "start daily dose", "volume per
        /// injection").
        what: &'static str,
        /// The calculated amount, in `unit`.
        calculated: f64,
        /// The unit of the amount and the candidates ("mg", "mg/day", "mL",
        /// "g", "mg/mL").
        unit: &'static str,
        /// The product (or device) that cannot measure it.
        product: String,
        /// The rounding tolerance in percent.
        tolerance_percent: f64,
        /// The nearest measurable amounts, with their deviations.
        candidates: Vec<crate::measurable::Candidate>,
        /// What would measure it (boxed: it is rarely there and keeps the
        /// error small).
        suggestion: Option<Box<crate::measurable::Suggestion>>,
    },

    /// A plan would cross a hard limit: refused, unless the caller overrides
    /// the limit (by its id) with a reason.
    #[error(
        "{name} {} {unit} is beyond the hard limit {limit} ({bound} {} {unit}, {source_ref}); \
         the plan is refused unless this limit is overridden with a reason",
        crate::format::number_beside(*.value, *.allowed, 3),
        num(.allowed)
    )]
    HardLimit {
        /// The limit's stable id, to name in an override.
        limit: &'static str,
        /// What the limit is.
        name: &'static str,
        /// The plan's value, in `unit`.
        value: f64,
        /// Which side is allowed ("at most").
        bound: String,
        /// The limit's value, in `unit`.
        allowed: f64,
        /// The unit.
        unit: &'static str,
        /// The source of the limit.
        source_ref: &'static str,
    },

    /// An override cannot be accepted: it names no limit, gives no reason,
    /// or names a limit the plan does not check as hard.
    #[error("override of '{limit}' is invalid: {reason}")]
    InvalidOverride {
        /// The limit id the override names.
        limit: String,
        /// Why it is refused.
        reason: String,
    },

    /// A set of inputs that are valid alone but do not fit together.
    #[error("{field} {value} is invalid: {reason}")]
    Invalid {
        /// The parameter.
        field: &'static str,
        /// The value given, as text.
        value: String,
        /// What is wrong and what is expected.
        reason: String,
    },

    /// A JSON request that does not read: malformed JSON, a duplicate key,
    /// a missing or unknown field, or a value its field refuses.
    #[error("invalid request{}: {message}", at_path(.path))]
    InvalidJson {
        /// The JSON path of the field (`patient.weight.value`); empty for
        /// the request as a whole.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// A value outside `min..=max`, written precisely enough to show which side
/// of the range it is on (3.0000000006 beside 3 is not "3").
fn beside_range(value: f64, min: f64, max: f64) -> String {
    let limit = if value < min { min } else { max };
    crate::format::number_beside(value, limit, 3)
}

impl Error {
    /// `what` ("the dose") is too large to work out exactly: the refusal
    /// of an exact product or quotient that would overflow, named at
    /// `field` with its `value` as written. A guard no validated input
    /// reaches; never a panic or a wrapped number.
    pub(crate) fn too_large(field: &'static str, value: String, what: &str) -> Self {
        Self::Invalid {
            field,
            value,
            reason: format!("{what} is too large to work out exactly"),
        }
    }

    /// The field the error names, to replace its label with the field's
    /// JSON path when a request is planned.
    #[cfg(feature = "serde")]
    pub(crate) fn field_mut(&mut self) -> Option<&mut &'static str> {
        match self {
            Self::NotFinite { field, .. }
            | Self::OutOfRange { field, .. }
            | Self::OutsideRegimen { field, .. }
            | Self::AboveMaximum { field, .. }
            | Self::UnknownUnit { field, .. }
            | Self::NotDocumented { field, .. }
            | Self::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// " at patient.weight", or nothing for the request as a whole.
fn at_path(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" at {path}")
    }
}

/// Checks that `value` is finite and inside `min..=max`.
/// "a" or "an" before `word`.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The nearest candidates, as the message writes them.
fn nearest<'a>(
    candidates: &'a [crate::measurable::Candidate],
    unit: &'static str,
    what: &str,
) -> crate::measurable::Nearest<'a> {
    crate::measurable::Nearest {
        candidates,
        unit,
        noun: noun(what),
    }
}

/// The suggestion, as the end of the message.
fn suggestion_text<'a>(
    suggestion: Option<&'a crate::measurable::Suggestion>,
    unit: &'static str,
) -> crate::measurable::SuggestionText<'a> {
    crate::measurable::SuggestionText { suggestion, unit }
}

/// "dose" for the doses, "amount" for anything else measured.
fn noun(what: &str) -> &'static str {
    if what.ends_with("dose") {
        "dose"
    } else {
        "amount"
    }
}

pub(crate) fn check_range(
    field: &'static str,
    value: f64,
    min: f64,
    max: f64,
    unit: &'static str,
) -> Result<f64, Error> {
    if !value.is_finite() {
        return Err(Error::NotFinite { field, value, unit });
    }
    if value < min || value > max {
        return Err(Error::OutOfRange {
            field,
            value,
            min,
            max,
            unit,
        });
    }
    Ok(value)
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;

    #[test]
    fn not_finite_message() {
        let err = check_range("weight", f64::NAN, 0.5, 350.0, "kg").unwrap_err();
        assert_eq!(
            err.to_string(),
            "weight must be a finite number of kg, got NaN"
        );
        let err = check_range("weight", f64::INFINITY, 0.5, 350.0, "kg").unwrap_err();
        assert_eq!(
            err.to_string(),
            "weight must be a finite number of kg, got infinity"
        );
    }

    #[test]
    fn out_of_range_message_uses_safe_numbers() {
        let err = check_range("weight", 70_000.0, 0.5, 350.0, "kg").unwrap_err();
        assert_eq!(
            err.to_string(),
            "weight 70,000 kg is not in the allowed range 0.5 to 350 kg"
        );
    }

    #[test]
    fn bounds_are_inclusive() {
        assert_eq!(check_range("weight", 0.5, 0.5, 350.0, "kg"), Ok(0.5));
        assert_eq!(check_range("weight", 350.0, 0.5, 350.0, "kg"), Ok(350.0));
    }
}
