//! The evidence behind a regimen: its label status, the kind of source,
//! the population reported and its indications.

use std::fmt;

use crate::citation::Citation;

/// The kind of source a regimen rests on.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::EvidenceLevel;
///
/// assert_eq!(EvidenceLevel::CaseSeries { patients: 6 }.to_string(), "case series of 6 patients");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "type"))]
#[non_exhaustive]
pub enum EvidenceLevel {
    /// A review that states the regimen without a primary source for it.
    Review,
    /// A series of patients.
    CaseSeries {
        /// How many patients.
        patients: u32,
    },
    /// A single patient.
    CaseReport,
}

impl fmt::Display for EvidenceLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Review => f.write_str("a review, which gives no primary source"),
            Self::CaseSeries { patients } => write!(f, "case series of {patients} patients"),
            Self::CaseReport => f.write_str("single case report"),
        }
    }
}

/// The evidence for one regimen: off-label status, the source type, the
/// population it was reported in and the indications.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{sodium_thiosulfate::topical, EvidenceLevel};
///
/// let e = &topical::EVIDENCE;
/// assert!(e.is_off_label());
/// assert_eq!(e.level(), EvidenceLevel::CaseReport);
/// assert!(e.population().contains("6-year-old boy"));
/// ```
///
/// # References
///
/// [`source`](Self::source) names the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Evidence {
    regimen: &'static str,
    off_label: bool,
    level: EvidenceLevel,
    population: &'static str,
    indications: &'static [&'static str],
    source: Citation,
}

impl Evidence {
    /// Off-label evidence for calcinosis cutis (every regimen of the crate
    /// is: no label names calcinosis cutis).
    pub(crate) const fn off_label(
        regimen: &'static str,
        level: EvidenceLevel,
        population: &'static str,
        indications: &'static [&'static str],
        source: Citation,
    ) -> Self {
        Self {
            regimen,
            off_label: true,
            level,
            population,
            indications,
            source,
        }
    }

    /// The regimen, in words ("oral diltiazem, 1–3 mg/kg/day").
    ///
    /// # Example
    ///
    /// See [`Evidence`].
    #[must_use]
    pub const fn regimen(&self) -> &'static str {
        self.regimen
    }

    /// Whether the use for calcinosis cutis is off-label (it is for every
    /// regimen here).
    ///
    /// # Example
    ///
    /// See [`Evidence`].
    #[must_use]
    pub const fn is_off_label(&self) -> bool {
        self.off_label
    }

    /// The kind of source.
    ///
    /// # Example
    ///
    /// See [`Evidence`].
    #[must_use]
    pub const fn level(&self) -> EvidenceLevel {
        self.level
    }

    /// The patients the source reports.
    ///
    /// # Example
    ///
    /// See [`Evidence`].
    #[must_use]
    pub const fn population(&self) -> &'static str {
        self.population
    }

    /// The conditions with calcinosis the source reports it in.
    ///
    /// # Example
    ///
    /// See [`Evidence`].
    #[must_use]
    pub const fn indications(&self) -> &'static [&'static str] {
        self.indications
    }

    /// The source.
    ///
    /// # Example
    ///
    /// See [`Evidence`].
    #[must_use]
    pub const fn source(&self) -> Citation {
        self.source
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.off_label {
            f.write_str("off-label for calcinosis cutis; ")?;
        }
        write!(f, "{}: {}", self.level, self.population)?;
        if !self.indications.is_empty() {
            write!(f, "; reported in {}", self.indications.join(", "))?;
        }
        write!(f, " [{}]", self.source.key())
    }
}
