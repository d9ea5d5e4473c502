//! Topical sodium thiosulfate's clinical content: how the cream is applied
//! and kept, the evidence, and what the case reports at 6 months.

use super::DEFAULT_COURSE_DAYS;
use crate::alert::Message;
use crate::citation::sources;
use crate::clinical::{
    Clinical, Directions, Evidence, EvidenceLevel, FollowUpPoint, Instruction, Method, Milestone,
    Route,
};

/// The evidence for topical 10 % sodium thiosulfate: one 6-year-old boy.
///
/// # Example
///
/// See [`Evidence`].
///
/// # References
///
/// [`sources::PEDIATR_DERMATOL_2017`], as [`sources::REGIONALDERM`]
/// reports it.
pub const EVIDENCE: Evidence = Evidence::off_label(
    "topical 10 % sodium thiosulfate in cold cream, twice daily under occlusion",
    EvidenceLevel::CaseReport,
    "one 6-year-old boy with calcinosis cutis after a calcium gluconate infusion",
    &["calcinosis cutis after calcium gluconate infusion"],
    sources::PEDIATR_DERMATOL_2017,
);

/// What the case reports at about 6 months (day 183, the crate's "about 6
/// months").
///
/// # Example
///
/// See [`Milestone`].
///
/// # References
///
/// [`sources::PEDIATR_DERMATOL_2017`].
pub const FOLLOW_UP: [Milestone; 1] = [Milestone::new(
    FollowUpPoint::Day(DEFAULT_COURSE_DAYS),
    "complete resolution, without local or systemic adverse effects, at 6 months",
    sources::PEDIATR_DERMATOL_2017,
)];

/// The clinical content of every topical plan.
pub(super) fn clinical() -> Clinical {
    Clinical::new(
        Directions::new(
            Route::Topical,
            Method::Apply,
            vec![
                Instruction::new(
                    Message::text(
                        "apply to the affected areas twice daily and cover with an occlusive \
                         dressing",
                    ),
                    sources::PEDIATR_DERMATOL_2017,
                ),
                Instruction::new(
                    Message::text(
                        "keep the cream in a refrigerator and discard it at its beyond-use date",
                    ),
                    sources::USP_795,
                ),
            ],
        ),
        &super::super::CAUTIONS,
        &EVIDENCE,
        &FOLLOW_UP,
    )
}
