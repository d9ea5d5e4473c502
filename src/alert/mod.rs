//! Advisories a valid plan carries: a limit crossed or applied, with its
//! source. An alert is not an error: the plan is computed, and a clinician
//! may accept it.

mod message;

use std::fmt;

use crate::citation::Citation;
use crate::limit::Limit;

pub use message::Figure;
pub(crate) use message::{Arg, Message};

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
    /// No source covers this patient's age group for the regimen.
    AgeNotCovered,
    /// How to give the product (a capsule swallowed whole, or opened onto
    /// soft food where its label allows it).
    Administration,
    /// The patient is outside the population the regimen was reported in.
    OutsideDocumentedPopulation,
}

impl AlertKind {
    /// A stable key for the kind, as the JSON writes it
    /// (`"rounded_outside_tolerance"`).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::AlertKind;
    ///
    /// assert_eq!(AlertKind::LabelCaution.key(), "label_caution");
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::OffLabelAge => "off_label_age",
            Self::AboveLabelReference => "above_label_reference",
            Self::LimitedByMaximum => "limited_by_maximum",
            Self::WidenedTolerance => "widened_tolerance",
            Self::RenalFunction => "renal_function",
            Self::OutsideRegimenSource => "outside_regimen_source",
            Self::AdultScheduleApplies => "adult_schedule_applies",
            Self::NoDocumentedMaximum => "no_documented_maximum",
            Self::RoundedOutsideTolerance => "rounded_outside_tolerance",
            Self::OutsideDocumentedRange => "outside_documented_range",
            Self::Overridden => "overridden",
            Self::LabelCaution => "label_caution",
            Self::AgeNotCovered => "age_not_covered",
            Self::Administration => "administration",
            Self::OutsideDocumentedPopulation => "outside_documented_population",
        }
    }
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
            Self::AgeNotCovered => "age not covered by the references",
            Self::Administration => "administration",
            Self::OutsideDocumentedPopulation => "outside the documented population",
        })
    }
}

/// An advisory on a valid plan: what, which limit, its figures and its
/// source.
///
/// An alert is data: its [`kind`](Self::kind), the [`limit`](Self::limit)
/// it refers to, the numbers it states ([`figures`](Self::figures)) and the
/// [`source`](Self::source). Its words are rendered from them when it is
/// shown ([`message`](Self::message), `Display`, and the JSON `message`
/// field); planning builds no text.
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
pub struct Alert {
    kind: AlertKind,
    message: Message,
    limit: Option<Limit>,
    source: Citation,
}

impl Alert {
    pub(crate) const fn new(
        kind: AlertKind,
        message: Message,
        limit: Option<Limit>,
        source: Citation,
    ) -> Self {
        Self {
            kind,
            message,
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

    /// The advisory, in words, rendered from the alert's data.
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
    ///     "3 mg/kg/day × 150 kg = 450 mg/day is above the immediate-release usual maximum \
    ///      (top of the label's 180-360 mg/day range); \
    ///      the dose was limited to 360 mg/day",
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self) -> String {
        self.message.to_string()
    }

    /// The numbers the message states, in the order it states them: each
    /// with a name, a value and its unit.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(150.0)?, Age::from_years(60.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
    /// let figures: Vec<_> = plan.alerts()[0]
    ///     .figures()
    ///     .map(|f| (f.name(), f.value(), f.unit()))
    ///     .collect();
    /// assert_eq!(figures, [
    ///     ("rate", 3.0, "mg/kg/day"),
    ///     ("weight", 150.0, "kg"),
    ///     ("calculated", 450.0, "mg/day"),
    ///     ("maximum", 360.0, "mg/day"),
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn figures(&self) -> impl Iterator<Item = Figure> + '_ {
        self.message.figures()
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
    /// assert_eq!(alert.limit().map(|l| l.to_string()).as_deref(), Some("immediate-release usual maximum (top of the label's 180-360 mg/day range) 360 mg/day"));
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

/// JSON: `{"kind", "message", "figures", "limit"?, "source"}`, the message
/// rendered from the figures it lists.
#[cfg(feature = "serde")]
impl serde::Serialize for Alert {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        struct Words<'a>(&'a Message);
        impl serde::Serialize for Words<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self.0)
            }
        }
        struct Figures<'a>(&'a Message);
        impl serde::Serialize for Figures<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.figures())
            }
        }
        let mut out = s.serialize_struct("Alert", 5)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("message", &Words(&self.message))?;
        out.serialize_field("figures", &Figures(&self.message))?;
        if let Some(limit) = &self.limit {
            out.serialize_field("limit", limit)?;
        } else {
            out.skip_field("limit")?;
        }
        out.serialize_field("source", &self.source)?;
        out.end()
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
