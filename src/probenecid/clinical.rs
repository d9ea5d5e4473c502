//! Probenecid's clinical content: how it is given, the evidence, and the
//! label's cautions.

use crate::alert::{Arg, Message};
use crate::citation::sources;
use crate::clinical::{
    Caution, CautionKind, Clinical, Directions, Evidence, EvidenceLevel, Method, Milestone, Route,
};
use crate::limit::{Bound, Limit, Scope};

/// The evidence for probenecid in calcinosis cutis: one 4-year-old girl.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{probenecid, EvidenceLevel};
///
/// assert_eq!(probenecid::EVIDENCE.level(), EvidenceLevel::CaseReport);
/// ```
///
/// # References
///
/// [`sources::J_RHEUMATOL_2001`], as [`sources::REGIONALDERM`] reports it.
pub const EVIDENCE: Evidence = Evidence::off_label(
    "oral probenecid, 25 mg/kg/day titrated to 1,250 mg/day",
    EvidenceLevel::CaseReport,
    "one 4-year-old girl with raised serum phosphate and uric acid",
    &["calcinosis with raised serum phosphate and uric acid"],
    sources::J_RHEUMATOL_2001,
);

/// The review points the sources give for probenecid: none (the case
/// report's calcification "remarkably reduced", at no stated time).
pub const FOLLOW_UP: [Milestone; 0] = [];

/// The label's contraindications, interactions, monitoring and
/// counselling, for the prescriber to check.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid;
///
/// assert!(!probenecid::CAUTIONS.is_empty());
/// ```
///
/// # References
///
/// [`sources::PROBENECID_LABEL`] (read in copies of the single-agent and
/// the probenecid-and-colchicine labels; `docs/research/label-facts.md`).
pub const CAUTIONS: [Caution; 9] = [
    Caution::new(
        CautionKind::Contraindication,
        "a child under 2 years",
        sources::PROBENECID_LABEL,
    ),
    Caution::new(
        CautionKind::Contraindication,
        "hypersensitivity to probenecid",
        sources::PROBENECID_LABEL,
    ),
    Caution::new(
        CautionKind::Contraindication,
        "not started during an acute attack of gout, only after it has subsided",
        sources::PROBENECID_LABEL,
    ),
    Caution::new(
        CautionKind::Warning,
        "not recommended with known blood dyscrasias or uric acid kidney stones; rare severe \
         allergic reactions, mostly when the drug is given again",
        sources::PROBENECID_LABEL,
    ),
    Caution::new(
        CautionKind::Interaction,
        "salicylates, in small or large doses, are contraindicated: they antagonise the \
         uricosuric action (paracetamol is preferred)",
        sources::PROBENECID_LABEL,
    ),
    Caution::new(
        CautionKind::Interaction,
        "methotrexate levels rise: reduce its dose and consider monitoring its levels",
        sources::PROBENECID_LABEL,
    ),
    Caution::new(
        CautionKind::Interaction,
        "penicillin levels rise 2- to 4-fold; the renal transport of indomethacin, sulfonamides \
         and sulfonylureas is also inhibited",
        sources::PROBENECID_LABEL,
    ),
    Caution::new(
        CautionKind::Counselling,
        "a liberal fluid intake, and enough sodium bicarbonate or potassium citrate to keep the \
         urine alkaline, against uric acid stones, haematuria and renal colic",
        sources::PROBENECID_LABEL,
    ),
    Caution::new(
        CautionKind::Monitoring,
        "serum urate (the dose is kept where it stays normal); renal function (may be \
         ineffective at a GFR of 30 mL/min or less); acid-base balance when alkali is given",
        sources::PROBENECID_LABEL,
    ),
];

/// The documented population: a child (the case is a 4-year-old); an
/// adult's plan carries an alert naming it.
pub(super) const DOCUMENTED_POPULATION_LIMIT: Limit = Limit::new(
    "probenecid.population.documented",
    "documented population (a child)",
    Bound::Below,
    crate::Age::ADULT_YEARS,
    "years",
    Scope::Patient,
    sources::J_RHEUMATOL_2001,
);

/// Whether a patient of `age` is outside the documented population (a
/// child): an adult's plan carries an alert naming it.
pub(super) fn outside_population(age: crate::Age) -> bool {
    crate::limit::CheckedLimit::new(DOCUMENTED_POPULATION_LIMIT, age.years()).outcome()
        != crate::limit::Outcome::Within
}

/// The check of a patient of `age` against the documented population, and
/// its alert when the patient is outside it (`outside`, decided when
/// planning by [`outside_population`]).
pub(super) fn write_population(
    age: crate::Age,
    outside: bool,
    limits: &mut crate::limit::Limits,
    alerts: &mut Vec<crate::alert::Alert>,
) {
    let population = crate::limit::CheckedLimit::new(DOCUMENTED_POPULATION_LIMIT, age.years());
    if outside {
        alerts.push(crate::alert::Alert::new(
            crate::alert::AlertKind::OutsideDocumentedPopulation,
            Message::new(
                "probenecid for calcinosis is documented in {}; this patient (age {}) is an \
                 adult",
                [Arg::Words(EVIDENCE.population()), Arg::of("age", &age)],
            ),
            Some(DOCUMENTED_POPULATION_LIMIT),
            sources::J_RHEUMATOL_2001,
        ));
    }
    limits.push(population);
}

/// The clinical content of every probenecid plan: the same for all, so
/// built once per process and borrowed.
pub(super) fn clinical() -> &'static Clinical {
    static CLINICAL: std::sync::LazyLock<Clinical> = std::sync::LazyLock::new(|| {
        Clinical::new(
            Directions::new(Route::Oral, Method::Swallow, vec![]),
            &CAUTIONS,
            &EVIDENCE,
            &FOLLOW_UP,
        )
    });
    &CLINICAL
}
