//! Diltiazem's clinical content: how each formulation is given, the
//! evidence, and the label's cautions.

use std::sync::LazyLock;

use crate::alert::{Arg, Message};
use crate::citation::sources;
use crate::clinical::{
    Caution, CautionKind, Clinical, Directions, Evidence, EvidenceLevel, Instruction, Method,
    Milestone, Route,
};

use super::Formulation;

/// Compounded oral suspension: beyond-use date, days after compounding
/// ([`sources::DILTIAZEM_SUSPENSION_USP`]).
pub const SUSPENSION_BEYOND_USE_DAYS: u32 = 60;

/// The evidence for oral diltiazem in calcinosis cutis: the review states
/// 1–3 mg/kg/day without a primary source or a population.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, EvidenceLevel};
///
/// assert_eq!(diltiazem::EVIDENCE.level(), EvidenceLevel::Review);
/// ```
///
/// # References
///
/// [`sources::REGIONALDERM`]; adults at 240–480 mg/day:
/// [`sources::PALMIERI_1995`].
pub const EVIDENCE: Evidence = Evidence::off_label(
    "oral diltiazem, 1–3 mg/kg/day",
    EvidenceLevel::Review,
    "no population is given for 1–3 mg/kg/day; adults with calcinosis have been reported on \
     240–480 mg/day",
    &[],
    sources::REGIONALDERM,
);

/// The review points the sources give for diltiazem: none.
pub const FOLLOW_UP: [Milestone; 0] = [];

/// The label's contraindications, warnings, interactions and monitoring,
/// for the prescriber to check.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, CautionKind};
///
/// assert!(diltiazem::CAUTIONS.iter().any(|c| c.kind() == CautionKind::Contraindication));
/// ```
///
/// # References
///
/// [`sources::CARDIZEM_CD_LABEL`] (contraindications, skin, laboratory
/// monitoring, metabolism, read in a copy of a CD-type label);
/// [`sources::DILTIAZEM_LABEL`] (the warnings, in the immediate-release
/// label's words).
pub const CAUTIONS: [Caution; 10] = [
    Caution::new(
        CautionKind::Contraindication,
        "sick sinus syndrome, or second- or third-degree AV block, unless a ventricular pacemaker \
         is working",
        sources::CARDIZEM_CD_LABEL,
    ),
    Caution::new(
        CautionKind::Contraindication,
        "hypotension, systolic blood pressure under 90 mmHg",
        sources::CARDIZEM_CD_LABEL,
    ),
    Caution::new(
        CautionKind::Contraindication,
        "acute myocardial infarction with pulmonary congestion on the chest x-ray",
        sources::CARDIZEM_CD_LABEL,
    ),
    Caution::new(
        CautionKind::Contraindication,
        "hypersensitivity to diltiazem",
        sources::CARDIZEM_CD_LABEL,
    ),
    Caution::new(
        CautionKind::Warning,
        "slows AV conduction, more so with a beta-blocker or digitalis; little experience and \
         caution with impaired ventricular function; symptomatic hypotension can occur",
        sources::DILTIAZEM_LABEL,
    ),
    Caution::new(
        CautionKind::Warning,
        "rare acute liver injury with raised liver enzymes, reversible when the drug is stopped",
        sources::DILTIAZEM_LABEL,
    ),
    Caution::new(
        CautionKind::Warning,
        "a skin reaction that persists (erythema multiforme, exfoliative dermatitis) means \
         stopping the drug",
        sources::CARDIZEM_CD_LABEL,
    ),
    Caution::new(
        CautionKind::Interaction,
        "metabolised by cytochrome P450 3A4: drugs on the same pathway may reach higher levels \
         (buspirone, carbamazepine, cyclosporine, statins metabolised by CYP3A4), and cimetidine \
         raises diltiazem levels",
        sources::CARDIZEM_CD_LABEL,
    ),
    Caution::new(
        CautionKind::Interaction,
        "clonidine: sinus bradycardia has been reported; monitor the heart rate",
        sources::CARDIZEM_CD_LABEL,
    ),
    Caution::new(
        CautionKind::Monitoring,
        "renal and hepatic laboratory tests at regular intervals over a long course; caution \
         with impaired renal or hepatic function",
        sources::CARDIZEM_CD_LABEL,
    ),
];

/// How `formulation` is given: its instructions are built once per
/// process and borrowed by every plan.
pub(super) fn directions(formulation: Formulation) -> Directions {
    static INSTRUCTIONS: LazyLock<[Vec<Instruction>; 4]> =
        LazyLock::new(|| Formulation::ALL.map(instructions));
    let instructions = formulation.of(&INSTRUCTIONS);
    Directions::new(Route::Oral, Method::Swallow, instructions.as_slice())
}

/// The instructions for giving `formulation`, each with its source.
fn instructions(formulation: Formulation) -> Vec<Instruction> {
    match formulation {
        Formulation::ImmediateRelease => vec![],
        Formulation::ExtendedReleaseCd => vec![Instruction::new(
            Message::text("swallow each capsule whole; do not open, chew or crush it"),
            sources::ISMP_DO_NOT_CRUSH,
        )],
        Formulation::ExtendedReleaseTiazac => vec![Instruction::new(
            Message::text(
                "swallow each capsule whole, or open it and sprinkle its contents on a spoonful \
                 of soft, not hot, applesauce, swallowed at once without chewing and followed \
                 by a glass of cool water",
            ),
            sources::TIAZAC_LABEL,
        )],
        Formulation::OralSuspension => vec![
            Instruction::new(
                Message::text("shake well before each dose"),
                sources::DILTIAZEM_SUSPENSION_USP,
            ),
            Instruction::new(
                Message::text(
                    "store in a tight, light-resistant container at controlled room \
                     temperature or in a cold place",
                ),
                sources::DILTIAZEM_SUSPENSION_USP,
            ),
            Instruction::new(
                Message::new(
                    "beyond-use date: {} after the day it was compounded",
                    [Arg::quantity(
                        "beyond-use date",
                        f64::from(SUSPENSION_BEYOND_USE_DAYS),
                        0,
                        "days",
                    )],
                ),
                sources::DILTIAZEM_SUSPENSION_USP,
            ),
        ],
    }
}

/// The clinical content of a plan on `formulation`: the same for every
/// plan on it, so built once per process and borrowed.
pub(super) fn clinical(formulation: Formulation) -> &'static Clinical {
    static CLINICAL: LazyLock<[Clinical; 4]> = LazyLock::new(|| {
        Formulation::ALL.map(|f| Clinical::new(directions(f), &CAUTIONS, &EVIDENCE, &FOLLOW_UP))
    });
    formulation.of(&CLINICAL)
}
