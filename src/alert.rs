//! Advisories a valid plan carries: a limit crossed or applied, with its
//! source. An alert is not an error: the plan is computed, and a clinician
//! may accept it.

use std::fmt;

use crate::citation::Citation;
use crate::limit::Limit;

/// What an alert is about.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::AlertKind;
///
/// assert_eq!(AlertKind::OffLabelAge.to_string(), "off-label age");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AlertKind {
    /// The patient's age is outside the label's (off-label use).
    OffLabelAge,
    /// The dose is above a label reference (such as a child maintenance
    /// dose) but within what the regimen documents.
    AboveLabelReference,
    /// The weight-based dose was limited to a maximum.
    LimitedByMaximum,
    /// The plan was made with a rounding tolerance wider than the default.
    WidenedTolerance,
    /// Renal function may change the drug's effect.
    RenalFunction,
    /// A choice (a strength, a schedule) outside the regimen's own source.
    OutsideRegimenSource,
    /// An adult schedule is the label's reference for this patient.
    AdultScheduleApplies,
    /// No source documents a maximum for this quantity, so none is checked.
    NoDocumentedMaximum,
    /// A dose was rounded further than the tolerance, and accepted only
    /// because the dose it achieves stays inside the documented range.
    RoundedOutsideTolerance,
    /// The achieved dose, after rounding, lies outside the regimen's
    /// documented range.
    OutsideDocumentedRange,
    /// A hard limit was overridden by the caller, with the reason quoted.
    Overridden,
    /// A caution a label gives for this use.
    LabelCaution,
}

impl fmt::Display for AlertKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::OffLabelAge => "off-label age",
            Self::AboveLabelReference => "above label reference",
            Self::LimitedByMaximum => "limited by maximum",
            Self::WidenedTolerance => "widened rounding tolerance",
            Self::RenalFunction => "renal function",
            Self::OutsideRegimenSource => "outside the regimen's source",
            Self::AdultScheduleApplies => "adult schedule applies",
            Self::NoDocumentedMaximum => "no documented maximum",
            Self::RoundedOutsideTolerance => "rounded outside tolerance",
            Self::OutsideDocumentedRange => "outside the documented range",
            Self::Overridden => "hard limit overridden",
            Self::LabelCaution => "label caution",
        })
    }
}

/// An advisory on a valid plan: what, which limit, and its source.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Age, AlertKind, BodyWeight, DailyDosePerKg, Patient, diltiazem};
///
/// let child = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(2.0)?;
/// let options = diltiazem::Options::new(diltiazem::Formulation::OralSuspension);
/// let plan = diltiazem::plan(&child, rate, &options)?;
/// assert_eq!(plan.alerts()[0].kind(), AlertKind::OffLabelAge);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Alert {
    kind: AlertKind,
    message: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    limit: Option<Limit>,
    source: Citation,
}

impl Alert {
    pub(crate) fn new(
        kind: AlertKind,
        message: impl Into<String>,
        limit: Option<Limit>,
        source: Citation,
    ) -> Self {
        Self {
            kind,
            message: message.into(),
            limit,
            source,
        }
    }

    /// What the alert is about.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, AlertKind, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(150.0)?, Age::from_years(60.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// // 150 kg at 3 mg/kg/day is 450 mg/day, above the 360 mg/day maximum.
    /// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(plan.alerts()[0].kind(), AlertKind::LimitedByMaximum);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> AlertKind {
        self.kind
    }

    /// The advisory, in words.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(150.0)?, Age::from_years(60.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// assert_eq!(
    ///     plan.alerts()[0].message(),
    ///     "3 mg/kg/day × 150 kg = 450 mg/day is above the immediate-release maximum; \
    ///      the dose was limited to 360 mg/day",
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The limit that applied or was crossed, if there is one.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(150.0)?, Age::from_years(60.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// let alert = &plan.alerts()[0];
    /// assert_eq!(alert.limit().map(|l| l.to_string()).as_deref(), Some("immediate-release maximum 360 mg/day"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn limit(&self) -> Option<Limit> {
        self.limit
    }

    /// Where the limit comes from.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, sources, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(150.0)?, Age::from_years(60.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// // The 360 mg/day immediate-release maximum comes from the label.
    /// assert_eq!(plan.alerts()[0].source(), sources::DILTIAZEM_LABEL);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn source(&self) -> Citation {
        self.source
    }
}

impl fmt::Display for Alert {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}]",
            self.kind,
            self.message,
            self.source.reference()
        )
    }
}
