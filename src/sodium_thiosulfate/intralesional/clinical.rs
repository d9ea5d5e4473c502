//! Intralesional sodium thiosulfate's clinical content: how it is given,
//! the evidence behind each protocol, and the follow-up the sources report.

use super::Protocol;
use crate::alert::Message;
use crate::citation::sources;
use crate::clinical::{
    Clinical, Directions, Evidence, EvidenceLevel, FollowUpPoint, Instruction, Method, Milestone,
    Route,
};
use crate::lidocaine;

/// The evidence for the case-series protocol: 6 patients.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{sodium_thiosulfate::intralesional, EvidenceLevel};
///
/// assert_eq!(intralesional::CASE_SERIES_EVIDENCE.level(), EvidenceLevel::CaseSeries { patients: 6 });
/// ```
///
/// # References
///
/// [`sources::ACTA_DV_2016`], as [`sources::REGIONALDERM`] reports it.
pub const CASE_SERIES_EVIDENCE: Evidence = Evidence::off_label(
    "intralesional sodium thiosulfate 150 mg/mL (case series)",
    EvidenceLevel::CaseSeries { patients: 6 },
    "5 with systemic sclerosis and 1 with nephrogenic systemic fibrosis, none a child",
    &[
        "dystrophic calcinosis in systemic sclerosis",
        "nephrogenic systemic fibrosis",
    ],
    sources::ACTA_DV_2016,
);

/// The evidence for the grid protocol: one patient with lupus
/// panniculitis. The same report lists the other conditions intralesional
/// sodium thiosulfate has been reported in (systemic sclerosis, nephrogenic
/// systemic fibrosis, dermatomyositis), with other techniques; the
/// population says so, and the indication is the case's own.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{sodium_thiosulfate::intralesional, EvidenceLevel};
///
/// assert_eq!(intralesional::GRID_EVIDENCE.level(), EvidenceLevel::CaseReport);
/// ```
///
/// # References
///
/// [`sources::JAAD_2013`], as [`sources::REGIONALDERM`] reports it.
pub const GRID_EVIDENCE: Evidence = Evidence::off_label(
    "intralesional sodium thiosulfate 250 mg/mL on a grid (lupus panniculitis)",
    EvidenceLevel::CaseReport,
    "one patient with calcinosis cutis in lupus panniculitis (the report also lists systemic \
     sclerosis, nephrogenic systemic fibrosis and dermatomyositis among the conditions \
     intralesional sodium thiosulfate has been reported in)",
    &["lupus panniculitis"],
    sources::JAAD_2013,
);

/// What the case series reports at week 4 and week 12.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{sodium_thiosulfate::intralesional, FollowUpPoint};
///
/// assert_eq!(intralesional::CASE_SERIES_FOLLOW_UP[1].at(), FollowUpPoint::Day(84));
/// ```
///
/// # References
///
/// [`sources::EADV_REPORT`] (week 4), [`sources::ACTA_DV_2016`] (week 12).
pub const CASE_SERIES_FOLLOW_UP: [Milestone; 2] = [
    Milestone::new(
        FollowUpPoint::Day(28),
        "lesions 67 % smaller on average (a congress report of the same series)",
        sources::EADV_REPORT,
    ),
    Milestone::new(
        FollowUpPoint::Day(84),
        "complete remission in half of the patients, the others about 80 % smaller",
        sources::ACTA_DV_2016,
    ),
];

/// What the grid's report observed after 2–3 injections per lesion.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{sodium_thiosulfate::intralesional, FollowUpPoint};
///
/// assert_eq!(
///     intralesional::GRID_FOLLOW_UP[0].at(),
///     FollowUpPoint::AfterSessions { from: 2, to: 3 },
/// );
/// ```
///
/// # References
///
/// [`sources::JAAD_2013`].
pub const GRID_FOLLOW_UP: [Milestone; 1] = [Milestone::new(
    FollowUpPoint::AfterSessions { from: 2, to: 3 },
    "the lesions softened and shrank",
    sources::JAAD_2013,
)];

/// How each protocol is given; the grid's ring block only when one is
/// planned (an alert says so when it is not).
fn directions(protocol: Protocol, ring_block: bool) -> Directions {
    let instructions = match protocol {
        Protocol::CaseSeries => vec![Instruction::new(
            Message::text("inject into the base of the calcification"),
            sources::ACTA_DV_2016,
        )],
        Protocol::Grid => ring_block
            .then(|| {
                Instruction::new(
                    Message::text("give the lidocaine ring block first"),
                    sources::JAAD_2013,
                )
            })
            .into_iter()
            .chain([Instruction::new(
                Message::text("inject at each site of the grid, 0.5 mL for each 1-cm circle"),
                sources::JAAD_2013,
            )])
            .collect(),
    };
    Directions::new(Route::Intralesional, Method::Inject, instructions)
}

/// The clinical content of a plan: the protocol's, and lidocaine's
/// cautions when the plan gives lidocaine.
pub(super) fn clinical(protocol: Protocol, gives_lidocaine: bool, ring_block: bool) -> Clinical {
    let (evidence, follow_up): (&'static Evidence, &'static [Milestone]) = match protocol {
        Protocol::CaseSeries => (&CASE_SERIES_EVIDENCE, &CASE_SERIES_FOLLOW_UP),
        Protocol::Grid => (&GRID_EVIDENCE, &GRID_FOLLOW_UP),
    };
    let clinical = Clinical::new(
        directions(protocol, ring_block),
        &super::super::CAUTIONS,
        evidence,
        follow_up,
    );
    if gives_lidocaine {
        clinical.with_cautions_of(&lidocaine::CAUTIONS)
    } else {
        clinical
    }
}
