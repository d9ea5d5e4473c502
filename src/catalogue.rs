//! The catalogue of documented regimens: each with its indications, the
//! population it was reported in, the evidence level and the citation, so
//! an application can show what is documented for a patient's condition.

use std::fmt;

use crate::clinical::Evidence;
use crate::{diltiazem, probenecid, sodium_thiosulfate};

/// One documented regimen: its key (the `"regimen"` of a JSON request) and
/// its evidence.
///
/// # Example
///
/// ```
/// let first = &calcinosis_dosing::catalogue()[0];
/// assert_eq!(first.key(), "diltiazem");
/// assert!(first.evidence().is_off_label());
/// ```
///
/// # References
///
/// Each entry's [`Evidence::source`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DocumentedRegimen {
    key: &'static str,
    #[cfg_attr(feature = "serde", serde(flatten))]
    evidence: &'static Evidence,
}

impl DocumentedRegimen {
    /// The regimen's key, as a JSON request names it (`"topical"`).
    ///
    /// # Example
    ///
    /// See [`DocumentedRegimen`].
    #[must_use]
    pub const fn key(&self) -> &'static str {
        self.key
    }

    /// The evidence: off-label status, level, population, indications and
    /// source.
    ///
    /// # Example
    ///
    /// See [`DocumentedRegimen`].
    #[must_use]
    pub const fn evidence(&self) -> &'static Evidence {
        self.evidence
    }
}

impl fmt::Display for DocumentedRegimen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {}",
            self.evidence.regimen(),
            self.key,
            self.evidence
        )
    }
}

/// Every regimen the crate encodes, in the order of the review.
const CATALOGUE: [DocumentedRegimen; 5] = [
    DocumentedRegimen {
        key: "diltiazem",
        evidence: &diltiazem::EVIDENCE,
    },
    DocumentedRegimen {
        key: "probenecid",
        evidence: &probenecid::EVIDENCE,
    },
    DocumentedRegimen {
        key: "intralesional_case_series",
        evidence: &sodium_thiosulfate::intralesional::CASE_SERIES_EVIDENCE,
    },
    DocumentedRegimen {
        key: "intralesional_grid",
        evidence: &sodium_thiosulfate::intralesional::GRID_EVIDENCE,
    },
    DocumentedRegimen {
        key: "topical",
        evidence: &sodium_thiosulfate::topical::EVIDENCE,
    },
];

/// Every documented regimen, in the order the review lists them.
///
/// # Example
///
/// ```
/// let keys: Vec<_> = calcinosis_dosing::catalogue().iter().map(|r| r.key()).collect();
/// assert_eq!(keys, ["diltiazem", "probenecid", "intralesional_case_series", "intralesional_grid", "topical"]);
/// ```
///
/// # References
///
/// [`sources::REGIONALDERM`](crate::sources::REGIONALDERM) and each
/// regimen's source.
#[must_use]
pub const fn catalogue() -> &'static [DocumentedRegimen] {
    &CATALOGUE
}

/// The regimens reported in a condition: those whose indications mention
/// `condition` (case-insensitive, as a part of the words: "systemic
/// sclerosis", "dermatomyositis"). Empty when none is.
///
/// # Example
///
/// ```
/// let keys: Vec<_> = calcinosis_dosing::documented_for("Systemic sclerosis")
///     .map(|r| r.key())
///     .collect();
/// assert_eq!(keys, ["intralesional_case_series"]);
/// assert_eq!(calcinosis_dosing::documented_for("gout").count(), 0);
/// ```
///
/// # References
///
/// Each regimen's source.
pub fn documented_for(condition: &str) -> impl Iterator<Item = &'static DocumentedRegimen> + '_ {
    let wanted = condition.trim().to_lowercase();
    CATALOGUE.iter().filter(move |r| {
        !wanted.is_empty()
            && r.evidence
                .indications()
                .iter()
                .any(|i| i.to_lowercase().contains(&wanted))
    })
}
