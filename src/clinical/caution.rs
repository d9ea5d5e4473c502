//! A label's contraindications, interactions, monitoring and counselling,
//! listed for the prescriber to check.

use std::fmt;

use crate::citation::Citation;

/// What a caution is.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::CautionKind;
///
/// assert_eq!(CautionKind::Interaction.to_string(), "interaction");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CautionKind {
    /// The label says not to use the drug in this condition.
    Contraindication,
    /// A warning or precaution of the label.
    Warning,
    /// A medicine the label says interacts.
    Interaction,
    /// What the label says to measure or watch.
    Monitoring,
    /// What the label says to tell the patient.
    Counselling,
}

impl fmt::Display for CautionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Contraindication => "contraindication",
            Self::Warning => "warning",
            Self::Interaction => "interaction",
            Self::Monitoring => "monitoring",
            Self::Counselling => "counselling",
        })
    }
}

/// One caution from a label, for the prescriber to check against what they
/// know of the patient. The crate does not know the patient's conditions
/// or medicines, so a caution is never a verdict.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{probenecid, CautionKind};
///
/// assert!(probenecid::CAUTIONS
///     .iter()
///     .any(|c| c.kind() == CautionKind::Interaction && c.text().contains("salicylate")));
/// ```
///
/// # References
///
/// [`source`](Self::source) names the label that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Caution {
    kind: CautionKind,
    text: &'static str,
    source: Citation,
}

impl Caution {
    pub(crate) const fn new(kind: CautionKind, text: &'static str, source: Citation) -> Self {
        Self { kind, text, source }
    }

    /// What it is.
    ///
    /// # Example
    ///
    /// See [`Caution`].
    #[must_use]
    pub const fn kind(&self) -> CautionKind {
        self.kind
    }

    /// The caution, in words.
    ///
    /// # Example
    ///
    /// See [`Caution`].
    #[must_use]
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// The label that holds it.
    ///
    /// # Example
    ///
    /// See [`Caution`].
    #[must_use]
    pub const fn source(&self) -> Citation {
        self.source
    }
}

impl fmt::Display for Caution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} [{}]", self.kind, self.text, self.source.key())
    }
}
