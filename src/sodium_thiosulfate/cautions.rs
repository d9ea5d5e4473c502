//! Sodium thiosulfate's cautions, from the injection's label.

use crate::citation::sources;
use crate::clinical::{Caution, CautionKind};

/// The sodium thiosulfate injection label's contraindications, warnings
/// and monitoring, for the prescriber to check. They are written for the
/// intravenous dose; no label covers intralesional or topical use.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{sodium_thiosulfate, CautionKind};
///
/// assert!(sodium_thiosulfate::CAUTIONS.iter().any(|c| c.kind() == CautionKind::Monitoring));
/// ```
///
/// # References
///
/// [`sources::STS_INJECTION_LABEL`] (read in copies of the Hope label).
pub const CAUTIONS: [Caution; 4] = [
    Caution::new(
        CautionKind::Contraindication,
        "none in the injection's label (written for its intravenous use; no label covers \
         intralesional or topical use)",
        sources::STS_INJECTION_LABEL,
    ),
    Caution::new(
        CautionKind::Monitoring,
        "blood pressure during treatment: hypotension is among the most common adverse reactions \
         of the intravenous dose",
        sources::STS_INJECTION_LABEL,
    ),
    Caution::new(
        CautionKind::Warning,
        "may contain traces of sodium sulfite (sulfite sensitivity)",
        sources::STS_INJECTION_LABEL,
    ),
    Caution::new(
        CautionKind::Warning,
        "excreted by the kidney: toxic reactions may be more likely with impaired renal function",
        sources::STS_INJECTION_LABEL,
    ),
];
