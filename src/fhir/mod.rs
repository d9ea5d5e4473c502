//! FHIR R4 (4.0.1) export of a plan, behind the `fhir` feature: each plan
//! becomes a `MedicationRequest` (status `draft`, intent `proposal`); an
//! intralesional plan with lidocaine, and every grid plan, becomes a
//! `Bundle` (`collection`) holding a `RequestGroup` that gives the ring
//! block first, then the injections.
//!
//! The mapping: `Dosage.text` is the plan's own text; `doseAndRate` holds
//! the ordered basis (type `ordered`) and the calculated dose (type
//! `calculated`); `timing.repeat` has frequency, period and `periodUnit`,
//! `count` for sessions and `boundsDuration` for titration steps and
//! courses, never `Timing.code`; titration steps are sequential dosages,
//! unequal doses within a day concurrent ones with the same sequence;
//! `maxDosePerPeriod` and `maxDosePerAdministration` come from the plan's
//! limits; alerts are contained `DetectedIssue`s; the weight a contained
//! `Observation` (LOINC 29463-7) in `supportingInformation`; the reason
//! ICD-10-CM L94.2; the product a contained `Medication` with its form
//! (SNOMED CT) and strength; the cream's recipe the R5 cross-version
//! extension `dispenserInstruction`. Numbers are written at their measured
//! precision.
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::{fhir, Plan, Request};
//!
//! let json = std::fs::read_to_string("examples/requests/diltiazem-adult-70kg.json")?;
//! let plan: Plan = serde_json::from_str::<Request>(&json)?.plan()?;
//! let resource = fhir::export(&plan, "Patient/example")?;
//! let out = serde_json::to_value(&resource)?;
//! assert_eq!(out["resourceType"], "MedicationRequest");
//! assert_eq!(out["dosageInstruction"][0]["timing"]["repeat"]["frequency"], 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!
//! HL7 FHIR R4 (4.0.1): `MedicationRequest`, `Dosage`, `Timing`, `Bundle`,
//! `RequestGroup`, `DetectedIssue`, `Observation`, `Medication`.

mod resources;

use std::collections::BTreeMap;

pub use self::resources::{
    Action, Annotation, Bundle, BundleResource, CodeableConcept, Coding, Contained, DetectedIssue,
    DispenseRequest, Dosage, DoseAndRate, Entry, Extension, Ingredient, Medication,
    MedicationRequest, Observation, Quantity, Ratio, Reference, RelatedAction, RequestGroup,
    Timing, TimingRepeat,
};
use self::resources::{DISPENSER_INSTRUCTION, DOSE_RATE_TYPE, ICD10CM, SNOMED};
use crate::clinical::{Clinical, Method, Route};
use crate::error::Error;
use crate::limit::{Bound, CheckedLimit, Scope};
use crate::probenecid::DailyAmount;
use crate::request::Plan;
use crate::sodium_thiosulfate::{intralesional, topical};
use crate::{Alert, AlertKind, BodyWeight, diltiazem, lidocaine, probenecid};

/// What a plan exports as: one request, or a bundle.
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Resource {
    /// One medication request.
    MedicationRequest(Box<MedicationRequest>),
    /// A request group and its requests.
    Bundle(Bundle),
}

/// SNOMED CT dose forms the export uses (FHIR R4 value set
/// `medication-form-codes`).
pub mod forms {
    /// Tablet.
    pub const TABLET: &str = "385055001";
    /// Oral suspension.
    pub const ORAL_SUSPENSION: &str = "385024007";
    /// Prolonged-release capsule.
    pub const PROLONGED_RELEASE_CAPSULE: &str = "385053008";
    /// Solution for injection.
    pub const INJECTION_SOLUTION: &str = "385219001";
    /// Cream.
    pub const CREAM: &str = "385099005";
}

/// ICD-10-CM L94.2, calcinosis cutis: the reason of every request.
pub const CALCINOSIS_CUTIS: &str = "L94.2";

/// Checks a subject reference: `Type/id`, the type a FHIR resource type
/// name (an ASCII capital, then letters or digits) and the id a FHIR id (1
/// to 64 of `A–Z a–z 0–9 - .`).
///
/// # Errors
///
/// [`Error::Invalid`] naming `subject`, with the value and the expected
/// form.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::fhir::check_subject;
///
/// assert!(check_subject("Patient/123").is_ok());
/// assert!(check_subject("").is_err());
/// assert!(check_subject("Patient/12 3").is_err());
/// ```
///
/// # References
///
/// FHIR R4 (4.0.1): the `id` data type and literal references.
pub fn check_subject(subject: &str) -> Result<(), Error> {
    let valid = subject.split_once('/').is_some_and(|(kind, id)| {
        kind.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && kind.chars().all(|c| c.is_ascii_alphanumeric())
            && (1..=64).contains(&id.len())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    });
    if valid {
        Ok(())
    } else {
        Err(Error::Invalid {
            field: "subject",
            value: subject.to_owned(),
            reason: "expected a reference such as Patient/123".to_owned(),
        })
    }
}

/// The plan as a FHIR R4 resource for the patient `subject` (a reference
/// such as `Patient/123`).
///
/// # Errors
///
/// [`Error::Invalid`] naming `subject` when it is not a reference of the
/// form `Type/id` (see [`check_subject`]).
///
/// # Example
///
/// See the [module documentation](self).
pub fn export(plan: &Plan, subject: &str) -> Result<Resource, Error> {
    check_subject(subject)?;
    Ok(match plan {
        Plan::Diltiazem(p) => request(diltiazem_request(p, subject)),
        Plan::Probenecid(p) => request(probenecid_request(p, subject)),
        Plan::Topical(p) => request(topical_request(p, subject)),
        Plan::IntralesionalCaseSeries(p) | Plan::IntralesionalGrid(p) => {
            intralesional_resource(p, subject)
        }
    })
}

fn request(r: MedicationRequest) -> Resource {
    Resource::MedicationRequest(Box::new(r))
}

/// The coded route and method of a plan's directions.
fn route_and_method(clinical: &Clinical) -> (CodeableConcept, CodeableConcept) {
    let d = clinical.directions();
    let route: Route = d.route();
    let method: Method = d.method();
    let route = CodeableConcept::coded(
        Coding::new(SNOMED, route.snomed_ct(), Some(route.snomed_ct_display())),
        Some(route.to_string()),
    );
    let method = method.snomed_ct().map_or_else(
        || CodeableConcept::text(method.to_string()),
        |code| CodeableConcept::coded(Coding::new(SNOMED, code, None), Some(method.to_string())),
    );
    (route, method)
}

fn dose_rate_type(code: &'static str) -> CodeableConcept {
    CodeableConcept::coded(Coding::new(DOSE_RATE_TYPE, code, None), None)
}

fn calculated(dose: Quantity) -> DoseAndRate {
    DoseAndRate {
        kind: dose_rate_type("calculated"),
        dose_quantity: Some(dose),
        rate_quantity: None,
    }
}

fn ordered(rate: Quantity) -> DoseAndRate {
    DoseAndRate {
        kind: dose_rate_type("ordered"),
        dose_quantity: None,
        rate_quantity: Some(rate),
    }
}

const fn daily(frequency: u32) -> Timing {
    Timing {
        repeat: TimingRepeat {
            bounds_duration: None,
            count: None,
            frequency: Some(frequency),
            period: Some(crate::wire::Number(1.0)),
            period_unit: Some("d"),
        },
    }
}

const fn days(n: u32) -> Quantity {
    Quantity::ucum(n as f64, "days", "d")
}

/// The maxima a dosage carries: the limits that are maxima of the drug
/// (never a reference such as a label's start or maintenance), named by
/// id; a per-kg maximum is taken at the plan's weight. A limit the plan
/// overrode is left out (the override is a `DetectedIssue`).
struct Maxima {
    /// Per day, mg: limits of scope per day (`mg/day`) or per kg per day.
    per_day: &'static [&'static str],
    /// Per administration or session, mg.
    per_dose: &'static [&'static str],
}

const DILTIAZEM_MAXIMA: Maxima = Maxima {
    per_day: &[
        "diltiazem.max_daily.immediate_release",
        "diltiazem.max_daily.extended_release_cd",
        "diltiazem.max_daily.extended_release_tiazac",
        "diltiazem.max_daily.oral_suspension",
        "diltiazem.max_daily.paediatric",
        "diltiazem.rate.max",
    ],
    per_dose: &[],
};

const PROBENECID_MAXIMA: Maxima = Maxima {
    per_day: &[
        "probenecid.max_daily",
        "probenecid.child.max_daily_documented",
        "probenecid.child.max_per_kg_documented",
    ],
    per_dose: &["probenecid.child.max_per_administration"],
};

const THIOSULFATE_MAXIMA: Maxima = Maxima {
    per_day: &[],
    per_dose: &["sodium_thiosulfate.max_per_session"],
};

/// The smallest per-day and per-administration maxima, in mg.
fn maxima(
    limits: &[CheckedLimit],
    weight: BodyWeight,
    which: &Maxima,
) -> (Option<Ratio>, Option<Quantity>) {
    let mut per_day: Option<f64> = None;
    let mut per_dose: Option<f64> = None;
    for c in limits {
        let l = c.limit();
        if l.bound() != Bound::AtMost || c.outcome() == crate::Outcome::Overridden {
            continue;
        }
        let (slot, mg) = match (l.scope(), l.unit()) {
            (Scope::PerDay, "mg/day") if which.per_day.contains(&l.id()) => {
                (&mut per_day, l.value())
            }
            (Scope::PerKgPerDay, "mg/kg/day") if which.per_day.contains(&l.id()) => {
                (&mut per_day, l.value() * weight.kg())
            }
            (Scope::PerAdministration | Scope::PerSession, "mg")
                if which.per_dose.contains(&l.id()) =>
            {
                (&mut per_dose, l.value())
            }
            _ => continue,
        };
        *slot = Some(slot.map_or(mg, |v: f64| v.min(mg)));
    }
    (
        per_day.map(|mg| Ratio {
            numerator: Quantity::ucum(measured(mg), "mg", "mg"),
            denominator: Quantity::ucum(1.0, "day", "d"),
        }),
        per_dose.map(|mg| Quantity::ucum(measured(mg), "mg", "mg")),
    )
}

/// A derived amount at the resolution the plan writes doses (three
/// decimals), never finer than what is measured.
fn measured(x: f64) -> f64 {
    crate::format::number(x, 3)
        .replace(',', "")
        .parse()
        .unwrap_or(x)
}

/// The request every regimen shares: contained weight, alerts and
/// product, the reason, the evidence and cautions as notes.
fn base_request(
    subject: &str,
    weight: Option<BodyWeight>,
    alerts: &[Alert],
    clinical: &Clinical,
    medication: Medication,
    dosage: Vec<Dosage>,
) -> MedicationRequest {
    let mut contained: Vec<Contained> = weight
        .map(|w| Contained::Observation(Observation::body_weight(subject, w.kg())))
        .into_iter()
        .collect();
    let mut detected_issue = Vec::new();
    for (i, alert) in alerts.iter().enumerate() {
        let id = format!("alert-{}", i + 1);
        detected_issue.push(Reference::to(format!("#{id}")));
        let severity = if alert.kind() == AlertKind::Overridden {
            "high"
        } else {
            "moderate"
        };
        contained.push(Contained::DetectedIssue(DetectedIssue::new(
            id,
            alert.kind().to_string(),
            severity,
            alert.message(),
        )));
    }
    contained.push(Contained::Medication(medication));
    let mut note = vec![Annotation {
        text: format!("Evidence: {}", clinical.evidence()),
    }];
    note.extend(clinical.cautions().map(|c| Annotation {
        text: format!("Caution, {c}"),
    }));
    note.extend(clinical.follow_up().iter().map(|m| Annotation {
        text: format!("Follow-up, {m}"),
    }));
    MedicationRequest {
        resource_type: "MedicationRequest",
        id: "request",
        contained,
        status: "draft",
        intent: "proposal",
        medication_codeable_concept: None,
        medication_reference: Some(Reference::to("#medication")),
        subject: Reference::to(subject),
        supporting_information: weight
            .map(|_| Reference::to("#weight"))
            .into_iter()
            .collect(),
        reason_code: vec![CodeableConcept::coded(
            Coding::new(ICD10CM, CALCINOSIS_CUTIS, Some("Calcinosis cutis")),
            Some("calcinosis cutis".to_owned()),
        )],
        detected_issue,
        note,
        dosage_instruction: dosage,
        dispense_request: None,
    }
}

fn instructions(clinical: &Clinical) -> Vec<CodeableConcept> {
    clinical
        .directions()
        .instructions()
        .iter()
        .map(|i| CodeableConcept::text(i.text()))
        .collect()
}

fn form(code: &'static str, text: &str) -> CodeableConcept {
    CodeableConcept::coded(Coding::new(SNOMED, code, None), Some(text.to_owned()))
}

fn diltiazem_request(p: &diltiazem::Plan, subject: &str) -> MedicationRequest {
    let clinical = p.clinical();
    let (route, method) = route_and_method(clinical);
    let (per_day, per_dose) = maxima(p.limits(), p.weight(), &DILTIAZEM_MAXIMA);
    let formulation = Some(if p.product().contains("suspension") {
        form(forms::ORAL_SUSPENSION, "oral suspension")
    } else if p.product().contains("extended-release") {
        form(
            forms::PROLONGED_RELEASE_CAPSULE,
            "prolonged-release capsule",
        )
    } else {
        form(forms::TABLET, "tablet")
    });
    let schedule = p.schedule();
    let dosages = doses_in_a_day(schedule)
        .into_iter()
        .map(|(mg, times)| Dosage {
            sequence: 1,
            text: schedule.to_string(),
            additional_instruction: instructions(clinical),
            timing: daily(times),
            route: route.clone(),
            method: method.clone(),
            dose_and_rate: vec![
                ordered(Quantity::ucum(
                    p.ordered().mg_per_kg_per_day(),
                    "mg/kg/day",
                    "mg/kg/d",
                )),
                calculated(Quantity::ucum(mg, "mg", "mg")),
            ],
            max_dose_per_period: per_day.clone(),
            max_dose_per_administration: per_dose.clone(),
        })
        .collect();
    let medication = Medication::new(p.product().to_owned(), formulation, vec![]);
    base_request(
        subject,
        Some(p.weight()),
        p.alerts(),
        clinical,
        medication,
        dosages,
    )
}

/// The day's doses by amount, mg, with how many times each is given (in
/// the order of the day's first dose of each amount).
fn doses_in_a_day(schedule: &crate::DailySchedule) -> Vec<(f64, u32)> {
    let mut order: Vec<f64> = Vec::new();
    let mut counts: BTreeMap<u64, u32> = BTreeMap::new();
    for a in schedule.administrations() {
        let mg = a.dose().mg();
        let key = mg.to_bits();
        if !order.iter().any(|m| m.to_bits() == key) {
            order.push(mg);
        }
        *counts.entry(key).or_default() += 1;
    }
    order
        .into_iter()
        .map(|mg| (mg, counts.get(&mg.to_bits()).copied().unwrap_or(1)))
        .collect()
}

fn ordered_amount(amount: DailyAmount) -> Quantity {
    match amount {
        DailyAmount::Daily(d) => Quantity::ucum(d.mg_per_day(), "mg/day", "mg/d"),
        DailyAmount::PerKg(r) => Quantity::ucum(r.mg_per_kg_per_day(), "mg/kg/day", "mg/kg/d"),
        DailyAmount::PerM2(r) => Quantity::ucum(r.mg_per_m2_per_day(), "mg/m²/day", "mg/m2/d"),
    }
}

fn probenecid_request(p: &probenecid::Plan, subject: &str) -> MedicationRequest {
    let clinical = p.clinical();
    let (route, method) = route_and_method(clinical);
    let (per_day, per_dose) = maxima(p.limits(), p.weight(), &PROBENECID_MAXIMA);
    let steps = p.steps();
    let mut dosages = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let sequence = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let bounds = steps.get(i + 1).map(|next| days(next.day() - step.day()));
        let ordered_basis = match i {
            0 => Some(ordered(ordered_amount(p.start_ordered()))),
            _ if i + 1 == steps.len() => Some(ordered(ordered_amount(p.target_ordered()))),
            _ => None,
        };
        for (mg, times) in doses_in_a_day(step.schedule()) {
            let mut timing = daily(times);
            timing.repeat.bounds_duration.clone_from(&bounds);
            dosages.push(Dosage {
                sequence,
                text: format!("from day {}: {}", step.day(), step.schedule()),
                additional_instruction: instructions(clinical),
                timing,
                route: route.clone(),
                method: method.clone(),
                dose_and_rate: ordered_basis
                    .clone()
                    .into_iter()
                    .chain([calculated(Quantity::ucum(mg, "mg", "mg"))])
                    .collect(),
                max_dose_per_period: per_day.clone(),
                max_dose_per_administration: per_dose.clone(),
            });
        }
    }
    let medication = Medication::new(
        p.product().to_owned(),
        Some(form(forms::TABLET, "tablet")),
        vec![Ingredient {
            item_codeable_concept: CodeableConcept::text("probenecid".to_owned()),
            strength: Some(Ratio {
                numerator: Quantity::ucum(500.0, "mg", "mg"),
                denominator: Quantity::ucum(1.0, "tablet", "{tbl}"),
            }),
        }],
    );
    base_request(
        subject,
        Some(p.weight()),
        p.alerts(),
        clinical,
        medication,
        dosages,
    )
}

fn topical_request(p: &topical::Plan, subject: &str) -> MedicationRequest {
    let clinical = p.clinical();
    let (route, method) = route_and_method(clinical);
    let course = p.course().days();
    let mut timing = daily(u32::try_from(p.frequency().times_per_day()).unwrap_or(2));
    timing.repeat.bounds_duration = Some(days(course));
    let dosage = Dosage {
        sequence: 1,
        text: format!(
            "about {} g twice daily under occlusion for {}",
            crate::format::small_number(p.per_application_g(), 1),
            p.course()
        ),
        additional_instruction: instructions(clinical),
        timing,
        route,
        method,
        // "About" an amount: written at the precision the plan writes it.
        dose_and_rate: vec![calculated(Quantity::ucum(
            crate::format::small_number(p.per_application_g(), 1)
                .parse()
                .unwrap_or(p.per_application_g()),
            "g",
            "g",
        ))],
        max_dose_per_period: None,
        max_dose_per_administration: None,
    };
    let medication = Medication::new(
        format!(
            "sodium thiosulfate {} in cold cream (compounded)",
            p.strength()
        ),
        Some(form(forms::CREAM, "cream")),
        vec![Ingredient {
            item_codeable_concept: CodeableConcept::text(
                "sodium thiosulfate pentahydrate".to_owned(),
            ),
            // 10 % w/w is 100 mg in each gram.
            strength: Some(Ratio {
                numerator: Quantity::ucum(p.strength().percent() * 10.0, "mg", "mg"),
                denominator: Quantity::ucum(1.0, "g", "g"),
            }),
        }],
    );
    // The cream's amount follows the area, not the weight: no weight
    // observation.
    let mut r = base_request(
        subject,
        None,
        p.alerts(),
        clinical,
        medication,
        vec![dosage],
    );
    let recipe: Vec<String> = p
        .supplies()
        .iter()
        .map(|supply| {
            let batches: Vec<String> = supply.batches().iter().map(ToString::to_string).collect();
            format!("{supply}; compound: {}", batches.join(", "))
        })
        .collect();
    // One fill is one supply: it lasts at most the beyond-use date, so the
    // course is the first fill and its repeats.
    let fills: u32 = p.supplies().iter().map(topical::Supply::count).sum();
    let first = p.supplies().first();
    // Whole packs of a validated size: the product is far inside `i128`;
    // on an overflow the fill would be written as the nearest `f64` of the
    // same product.
    let fill_g = first.map_or(0.0, |s| {
        let pack_g = p.dispense().pack_size().g();
        crate::exact::times(crate::exact::constant(pack_g), s.packs()).map_or_else(
            || crate::product::exact_f64(s.packs()) * pack_g,
            crate::exact::to_f64,
        )
    });
    r.dispense_request = Some(DispenseRequest {
        extension: vec![Extension {
            url: DISPENSER_INSTRUCTION,
            value_annotation: Annotation {
                text: format!(
                    "Beyond-use date: {}. Supplies: {}",
                    p.beyond_use_date(),
                    recipe.join("; ")
                ),
            },
        }],
        number_of_repeats_allowed: fills.checked_sub(1).filter(|&n| n > 0),
        quantity: Quantity::ucum(fill_g, "g", "g"),
        expected_supply_duration: days(first.map_or(course, topical::Supply::days)),
    });
    r
}

/// The thiosulfate request of an intralesional plan, and the lidocaine
/// one when it has a ring block or lidocaine as the diluent.
fn intralesional_resource(p: &intralesional::Plan, subject: &str) -> Resource {
    let clinical = p.clinical();
    let (route, method) = route_and_method(clinical);
    let (_, per_session) = maxima(p.limits(), p.weight(), &THIOSULFATE_MAXIMA);
    let sessions = p.sessions();
    let session_timing = Timing {
        repeat: TimingRepeat {
            bounds_duration: None,
            count: Some(sessions),
            frequency: p.interval().map(|_| 1),
            period: p
                .interval()
                .map(|i| crate::wire::Number(f64::from(i.days()))),
            period_unit: p.interval().map(|_| "d"),
        },
    };
    let per = p.per_session();
    let dosage = Dosage {
        sequence: 1,
        text: format!(
            "{} per session at {} site(s) ({} per site), {} session(s); one session is one \
             administration",
            per,
            p.sites().len(),
            p.per_site(),
            sessions
        ),
        additional_instruction: instructions(clinical),
        timing: session_timing.clone(),
        route,
        method,
        // In mg, the unit of its maximum (the single intravenous dose); the
        // volume is in the text.
        dose_and_rate: vec![calculated(Quantity::ucum(
            measured(per.mass_mg()),
            "mg",
            "mg",
        ))],
        max_dose_per_period: None,
        max_dose_per_administration: per_session,
    };
    let preparation = p.preparation();
    let mut ingredients = vec![Ingredient {
        item_codeable_concept: CodeableConcept::text("sodium thiosulfate".to_owned()),
        strength: Some(Ratio {
            numerator: Quantity::ucum(preparation.prepared().mg_per_ml(), "mg", "mg"),
            denominator: Quantity::ucum(1.0, "mL", "mL"),
        }),
    }];
    // Lidocaine as the diluent is part of the preparation, not a request.
    if let Some(crate::sodium_thiosulfate::intralesional::Diluent::Lidocaine(solution)) =
        preparation.diluent()
    {
        ingredients.push(Ingredient {
            item_codeable_concept: CodeableConcept::text(format!(
                "lidocaine hydrochloride ({solution}), the diluent"
            )),
            strength: None,
        });
    }
    let medication = Medication::new(
        format!("sodium thiosulfate, prepared: {preparation}"),
        Some(form(forms::INJECTION_SOLUTION, "solution for injection")),
        ingredients,
    );
    let sts = base_request(
        subject,
        Some(p.weight()),
        p.alerts(),
        clinical,
        medication,
        vec![dosage],
    );
    let grid = p.protocol() == intralesional::Protocol::Grid;
    let lidocaine = p
        .lidocaine()
        .and_then(|l| lidocaine_request(l, p, subject, &session_timing));
    if lidocaine.is_none() && !grid {
        return request(sts);
    }
    bundle(subject, sts, lidocaine)
}

fn lidocaine_request(
    l: &lidocaine::Plan,
    p: &intralesional::Plan,
    subject: &str,
    timing: &Timing,
) -> Option<MedicationRequest> {
    let checked = l.checked();
    // Only a ring block is a request of its own; lidocaine as the diluent
    // is in the thiosulfate preparation.
    let block: Vec<&lidocaine::Use> = l
        .uses()
        .iter()
        .filter(|u| u.purpose() == lidocaine::Purpose::RingBlock)
        .collect();
    let first = block.first()?.solution();
    let medication = Medication::new(
        format!("lidocaine hydrochloride {first}"),
        Some(form(forms::INJECTION_SOLUTION, "solution for injection")),
        vec![Ingredient {
            item_codeable_concept: CodeableConcept::text("lidocaine hydrochloride".to_owned()),
            strength: Some(Ratio {
                numerator: Quantity::ucum(first.concentration().mg_per_ml(), "mg", "mg"),
                denominator: Quantity::ucum(1.0, "mL", "mL"),
            }),
        }],
    );
    let volume: f64 = block.iter().map(|u| u.volume().ml()).sum();
    let mass: f64 = block.iter().map(|u| u.mass().mg()).sum();
    let dosage = Dosage {
        sequence: 1,
        text: format!(
            "{} mL of lidocaine hydrochloride {first} ({} mg) as a ring block around the lesion, \
             before the injections of each session",
            crate::format::number(volume, 2),
            crate::format::number(mass, 2)
        ),
        additional_instruction: vec![],
        timing: timing.clone(),
        // No SNOMED CT code for infiltration was verified here: text only.
        route: CodeableConcept::text("local infiltration (ring block)".to_owned()),
        method: CodeableConcept::coded(
            Coding::new(SNOMED, "422145002", None),
            Some("inject".to_owned()),
        ),
        // In mg, the unit of its maximum; the volume is in the text.
        dose_and_rate: vec![calculated(Quantity::ucum(measured(mass), "mg", "mg"))],
        max_dose_per_period: None,
        max_dose_per_administration: Some(Quantity::ucum(
            measured(checked.limit().value()),
            "mg",
            "mg",
        )),
    };
    let mut clinical_free = base_request(
        subject,
        Some(p.weight()),
        &[],
        p.clinical(),
        medication,
        vec![dosage],
    );
    clinical_free.id = "lidocaine";
    clinical_free.note = std::iter::once(Annotation {
        text: format!(
            "The maximum covers all lidocaine of the session, {}, the diluent included: {}",
            l.total(),
            l.maximum()
        ),
    })
    .chain(lidocaine::CAUTIONS.iter().map(|c| Annotation {
        text: format!("Caution, {c}"),
    }))
    .collect();
    Some(clinical_free)
}

/// Fixed identifiers of the bundle's entries.
const GROUP_URN: &str = "urn:uuid:6f1c2a10-8c3e-4c55-9a52-0d1e5b7c0a01";
const LIDOCAINE_URN: &str = "urn:uuid:6f1c2a10-8c3e-4c55-9a52-0d1e5b7c0a02";
const STS_URN: &str = "urn:uuid:6f1c2a10-8c3e-4c55-9a52-0d1e5b7c0a03";

fn bundle(
    subject: &str,
    mut sts: MedicationRequest,
    lidocaine: Option<MedicationRequest>,
) -> Resource {
    sts.id = "sodium-thiosulfate";
    let mut action = Vec::new();
    let mut entry = Vec::new();
    if lidocaine.is_some() {
        action.push(Action {
            id: "ring-block",
            title: "lidocaine ring block".to_owned(),
            related_action: vec![],
            resource: Reference::to(LIDOCAINE_URN),
        });
    }
    action.push(Action {
        id: "injections",
        title: "intralesional sodium thiosulfate".to_owned(),
        related_action: if lidocaine.is_some() {
            vec![RelatedAction {
                action_id: "ring-block",
                relationship: "after-end",
            }]
        } else {
            vec![]
        },
        resource: Reference::to(STS_URN),
    });
    entry.push(Entry {
        full_url: GROUP_URN.to_owned(),
        resource: BundleResource::RequestGroup(RequestGroup {
            resource_type: "RequestGroup",
            id: "intralesional",
            status: "draft",
            intent: "proposal",
            subject: Reference::to(subject),
            action,
        }),
    });
    if let Some(l) = lidocaine {
        entry.push(Entry {
            full_url: LIDOCAINE_URN.to_owned(),
            resource: BundleResource::MedicationRequest(Box::new(l)),
        });
    }
    entry.push(Entry {
        full_url: STS_URN.to_owned(),
        resource: BundleResource::MedicationRequest(Box::new(sts)),
    });
    Resource::Bundle(Bundle {
        resource_type: "Bundle",
        kind: "collection",
        entry,
    })
}
