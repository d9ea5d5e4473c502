//! Lidocaine's cautions, listed on every plan that gives it.

use crate::citation::sources;
use crate::clinical::{Caution, CautionKind};

/// The lidocaine injection label's contraindication, warnings, interaction
/// and monitoring, for the prescriber to check.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, CautionKind};
///
/// assert!(lidocaine::CAUTIONS.iter().any(|c| c.kind() == CautionKind::Monitoring));
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`] (read in copies of the Xylocaine label;
/// the contraindication in a drug reference's summary of it).
pub const CAUTIONS: [Caution; 5] = [
    Caution::new(
        CautionKind::Contraindication,
        "hypersensitivity to local anaesthetics of the amide type",
        sources::LIDOCAINE_LABEL,
    ),
    Caution::new(
        CautionKind::Monitoring,
        "cardiovascular and respiratory vital signs and consciousness after each injection; \
         restlessness, tinnitus, dizziness, blurred vision or tremor may be early signs of \
         toxicity",
        sources::LIDOCAINE_LABEL,
    ),
    Caution::new(
        CautionKind::Warning,
        "solutions with epinephrine only cautiously and in limited amounts where end arteries \
         supply the tissue (digits) or the blood supply is poor",
        sources::LIDOCAINE_LABEL,
    ),
    Caution::new(
        CautionKind::Warning,
        "caution in liver disease (metabolised by the liver); reduced doses for debilitated, \
         elderly or acutely ill patients and for children",
        sources::LIDOCAINE_LABEL,
    ),
    Caution::new(
        CautionKind::Interaction,
        "solutions with epinephrine and a monoamine oxidase inhibitor or a tricyclic \
         antidepressant: severe, prolonged hypertension",
        sources::LIDOCAINE_LABEL,
    ),
];
