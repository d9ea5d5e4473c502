//! The bounds every intralesional session is checked against: the single
//! intravenous dose of the drug, the shortest documented interval, the
//! largest documented volume at one site, and the adult population of the
//! sources.

use super::{Amount, Interval, REPEATED_INTERVAL_DAYS};
use crate::alert::{Alert, AlertKind, Arg, Message};
use crate::citation::sources;
use crate::error::Error;
use crate::exact;
use crate::lidocaine::{self, RingBlock};
use crate::limit::{Bound, CheckedLimit, Limit, Scope};
use crate::overrides::{self, Override};
use crate::patient::Patient;

/// The adult single intravenous dose, mg: 50 mL of 250 mg/mL, 12.5 g
/// ([`sources::STS_IV_DOSE`]).
pub const IV_ADULT_DOSE_MG: f64 = 12_500.0;

/// A child's single intravenous dose, mg/kg: 1 mL/kg of 250 mg/mL, never
/// above the adult 12.5 g ([`sources::STS_IV_DOSE`]).
pub const IV_CHILD_MG_PER_KG: f64 = 250.0;

/// The largest documented volume at one site, mL: 0.5 mL per 1-cm circle,
/// the grid technique ([`sources::JAAD_2013`]).
pub const DOCUMENTED_ML_PER_SITE: f64 = 0.5;

/// The id of the hard limit on one session's sodium thiosulfate.
pub const MAX_PER_SESSION_ID: &str = "sodium_thiosulfate.max_per_session";

/// The id of the hard limit on the interval between sessions.
pub const MIN_INTERVAL_ID: &str = "intralesional.interval.min";

/// The single intravenous dose for this patient, mg: 12.5 g for an adult;
/// 250 mg/kg, never above 12.5 g, for a child.
pub(super) fn iv_dose_mg(patient: &Patient) -> f64 {
    let adult = exact::constant(IV_ADULT_DOSE_MG);
    if patient.age().is_child() {
        // A product too large to work out is above the adult dose, as a
        // child's dose by weight is from 50 kg: the adult dose bounds both.
        let by_weight = exact::mul(
            patient.weight().exact_kg(),
            exact::constant(IV_CHILD_MG_PER_KG),
        );
        exact::to_f64(by_weight.map_or(adult, |mg| mg.min(adult)))
    } else {
        IV_ADULT_DOSE_MG
    }
}

/// The hard limit on one session, for this patient.
fn per_session_limit(patient: &Patient) -> Limit {
    let name = if patient.age().is_child() {
        "single intravenous dose for a child (250 mg/kg, not above 12.5 g)"
    } else {
        "single intravenous dose for an adult (12.5 g)"
    };
    Limit::new(
        MAX_PER_SESSION_ID,
        name,
        Bound::AtMost,
        iv_dose_mg(patient),
        "mg",
        Scope::PerSession,
        sources::STS_IV_DOSE,
    )
    .hard()
}

/// The shortest documented interval between sessions: weekly.
const MIN_INTERVAL_LIMIT: Limit = Limit::new(
    MIN_INTERVAL_ID,
    "shortest documented interval (weekly)",
    Bound::AtLeast,
    REPEATED_INTERVAL_DAYS as f64,
    "days",
    Scope::PerSession,
    sources::ACTA_DV_2016,
)
.hard();

/// The largest documented volume at one site (an advisory).
const VOLUME_PER_SITE_LIMIT: Limit = Limit::new(
    "intralesional.volume_per_site.documented",
    "largest documented volume at one site",
    Bound::AtMost,
    DOCUMENTED_ML_PER_SITE,
    "mL",
    Scope::PerAdministration,
    sources::JAAD_2013,
);

/// The sources report adults (an advisory for a child).
const ADULT_POPULATION_LIMIT: Limit = Limit::new(
    "intralesional.population.adult",
    "documented population (adults)",
    Bound::AtLeast,
    crate::Age::ADULT_YEARS,
    "years",
    Scope::Patient,
    sources::ACTA_DV_2016,
);

/// Checks one session (`per_session`, `per_site` at each site) and the
/// interval against the bounds above; hard ones refuse unless overridden.
/// Adds the limits and alerts to the plan's, and checks that every
/// override names a hard limit the plan checked.
pub(super) fn check_sessions(
    patient: &Patient,
    per_session: Amount,
    per_site: Amount,
    interval: Option<Interval>,
    overrides: &[Override],
    limits: &mut crate::limit::Limits,
    alerts: &mut Vec<Alert>,
) -> Result<(), Error> {
    let iv = per_session_limit(patient);
    let within = exact::constant(per_session.mass_mg()) <= exact::constant(iv.value());
    overrides::enforce(iv, per_session.mass_mg(), within, overrides, limits, alerts)?;
    if let Some(interval) = interval {
        let days = f64::from(interval.days());
        let within = interval.days() >= REPEATED_INTERVAL_DAYS;
        overrides::enforce(MIN_INTERVAL_LIMIT, days, within, overrides, limits, alerts)?;
    }
    let site = CheckedLimit::new(VOLUME_PER_SITE_LIMIT, per_site.volume_ml());
    if site.outcome() != crate::limit::Outcome::Within {
        alerts.push(Alert::new(
            AlertKind::OutsideRegimenSource,
            Message::new(
                "{} at one site is more than the largest volume the sources document at one \
                 site, {} (0.5 mL per 1-cm circle, the grid technique)",
                [
                    Arg::quantity("volume per site", per_site.volume_ml(), 3, "mL"),
                    Arg::quantity(
                        "documented volume per site",
                        DOCUMENTED_ML_PER_SITE,
                        1,
                        "mL",
                    ),
                ],
            ),
            Some(VOLUME_PER_SITE_LIMIT),
            sources::JAAD_2013,
        ));
    }
    limits.push(site);
    let population = CheckedLimit::new(ADULT_POPULATION_LIMIT, patient.age().years());
    if population.outcome() != crate::limit::Outcome::Within {
        alerts.push(Alert::new(
            AlertKind::OutsideDocumentedPopulation,
            Message::new(
                "the intralesional sodium thiosulfate sources report a case series ({}) and a \
                 case report (one patient with {}); none reports a child (age {})",
                [
                    Arg::Words(super::CASE_SERIES_EVIDENCE.population()),
                    Arg::Words(
                        super::GRID_EVIDENCE
                            .indications()
                            .first()
                            .copied()
                            .unwrap_or("lupus panniculitis"),
                    ),
                    Arg::of("age", &patient.age()),
                ],
            ),
            Some(ADULT_POPULATION_LIMIT),
            sources::ACTA_DV_2016,
        ));
    }
    limits.push(population);
    Ok(())
}

/// The fraction of the single intravenous dose one session gives, in
/// percent.
pub(super) fn iv_fraction_percent(per_session_mg: f64, iv_dose_mg: f64) -> f64 {
    exact::times(exact::constant(per_session_mg), 100)
        .and_then(|percent| exact::div(percent, exact::constant(iv_dose_mg)))
        .map_or(f64::NAN, exact::to_f64)
}

/// Adds the sources of the plan's alerts, and for a child the paediatric
/// lidocaine text its lidocaine maxima come from.
pub(super) fn cite_child_and_alerts(
    patient: &Patient,
    alerts: &[Alert],
    citations: &mut crate::citation::Citations,
) {
    if patient.age().is_child() {
        crate::citation::push_unique(citations, sources::LIDOCAINE_PAEDIATRIC);
    }
    for alert in alerts {
        crate::citation::push_unique(citations, alert.source());
    }
}

/// The lidocaine label's cautions for this plan: a child (the label's
/// maxima are for healthy adults) and epinephrine in a ring block around a
/// fingertip (an area supplied by end arteries).
pub(super) fn lidocaine_cautions(
    patient: &Patient,
    fingertip: bool,
    ring_block: Option<RingBlock>,
    planned: bool,
    alerts: &mut Vec<Alert>,
) {
    if planned && patient.age().is_child() {
        alerts.push(Alert::new(
            AlertKind::LabelCaution,
            Message::new(
                "the lidocaine label's maxima ({} plain, {} with epinephrine) are for normal \
                 healthy adults; for a child (age {}) a maximum depends on age and weight: \
                 the crate checks {} whether or not the solution has epinephrine, the most a \
                 lidocaine label states per kg for children, an upper bound and not a \
                 paediatric dose",
                [
                    Arg::quantity(
                        "adult maximum plain",
                        lidocaine::PLAIN_MG_PER_KG,
                        1,
                        "mg/kg",
                    ),
                    Arg::quantity(
                        "adult maximum with epinephrine",
                        lidocaine::WITH_EPINEPHRINE_MG_PER_KG,
                        1,
                        "mg/kg",
                    ),
                    Arg::of("age", &patient.age()),
                    Arg::quantity("child maximum", lidocaine::CHILD_MG_PER_KG, 1, "mg/kg"),
                ],
            ),
            None,
            sources::LIDOCAINE_PAEDIATRIC,
        ));
    }
    let epinephrine = ring_block
        .is_some_and(|b| b.solution().formulation() == lidocaine::Formulation::WithEpinephrine);
    if fingertip && epinephrine {
        alerts.push(Alert::new(
            AlertKind::LabelCaution,
            Message::text(
                "the ring block contains epinephrine and the lesion is on a fingertip, an area \
                 supplied by end arteries: the lidocaine label says solutions with a \
                 vasoconstrictor are used cautiously, in carefully limited quantities, there",
            ),
            None,
            sources::LIDOCAINE_LABEL,
        ));
    }
}
