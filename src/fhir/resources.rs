//! The few FHIR R4 (4.0.1) data types and resources the export writes,
//! as plain serde structs: only the elements the crate fills.

use serde::Serialize;

use crate::wire::Number;

/// The UCUM code system.
pub(super) const UCUM: &str = "http://unitsofmeasure.org";
/// SNOMED CT.
pub(super) const SNOMED: &str = "http://snomed.info/sct";
/// LOINC.
pub(super) const LOINC: &str = "http://loinc.org";
/// ICD-10-CM.
pub(super) const ICD10CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";
/// The dose-and-rate type code system (ordered, calculated).
pub(super) const DOSE_RATE_TYPE: &str = "http://terminology.hl7.org/CodeSystem/dose-rate-type";
/// The R5 element `MedicationRequest.dispenseRequest.dispenserInstruction`,
/// as an R4 cross-version extension.
pub(super) const DISPENSER_INSTRUCTION: &str = "http://hl7.org/fhir/5.0/StructureDefinition/extension-MedicationRequest.dispenseRequest.dispenserInstruction";

/// A quantity with a UCUM unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    value: Number,
    unit: &'static str,
    system: &'static str,
    code: &'static str,
}

impl Quantity {
    /// `value` in the UCUM unit `code`, shown as `unit`.
    pub(super) const fn ucum(value: f64, unit: &'static str, code: &'static str) -> Self {
        Self {
            value: Number(value),
            unit,
            system: UCUM,
            code,
        }
    }
}

/// A ratio of two quantities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ratio {
    pub(super) numerator: Quantity,
    pub(super) denominator: Quantity,
}

/// A code in a code system.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coding {
    system: &'static str,
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<&'static str>,
}

impl Coding {
    pub(super) const fn new(
        system: &'static str,
        code: &'static str,
        display: Option<&'static str>,
    ) -> Self {
        Self {
            system,
            code,
            display,
        }
    }
}

/// Codes and, or only, text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodeableConcept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    coding: Vec<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

impl CodeableConcept {
    pub(super) fn coded(coding: Coding, text: Option<String>) -> Self {
        Self {
            coding: vec![coding],
            text,
        }
    }

    pub(super) const fn text(text: String) -> Self {
        Self {
            coding: Vec::new(),
            text: Some(text),
        }
    }
}

/// A reference to another resource.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    reference: String,
}

impl Reference {
    pub(super) fn to(reference: impl Into<String>) -> Self {
        Self {
            reference: reference.into(),
        }
    }
}

/// When a dose is given.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimingRepeat {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) bounds_duration: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) frequency: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) period: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) period_unit: Option<&'static str>,
}

/// A timing: only `repeat` (never `code`: its value set holds QD and QOD,
/// on ISMP's list of error-prone abbreviations).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timing {
    pub(super) repeat: TimingRepeat,
}

/// A dose or rate and its type (ordered, calculated).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoseAndRate {
    #[serde(rename = "type")]
    pub(super) kind: CodeableConcept,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) dose_quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) rate_quantity: Option<Quantity>,
}

/// How the medication is to be taken.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dosage {
    pub(super) sequence: u32,
    pub(super) text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) additional_instruction: Vec<CodeableConcept>,
    pub(super) timing: Timing,
    pub(super) route: CodeableConcept,
    pub(super) method: CodeableConcept,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) dose_and_rate: Vec<DoseAndRate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) max_dose_per_period: Option<Ratio>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) max_dose_per_administration: Option<Quantity>,
}

/// A free-text note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annotation {
    pub(super) text: String,
}

/// An extension with an annotation value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    pub(super) url: &'static str,
    pub(super) value_annotation: Annotation,
}

/// What to dispense.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DispenseRequest {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) extension: Vec<Extension>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) number_of_repeats_allowed: Option<u32>,
    /// The amount of one fill.
    pub(super) quantity: Quantity,
    /// How long one fill lasts.
    pub(super) expected_supply_duration: Quantity,
}

/// The weight the plan used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    resource_type: &'static str,
    pub(super) id: &'static str,
    status: &'static str,
    code: CodeableConcept,
    subject: Reference,
    value_quantity: Quantity,
}

impl Observation {
    /// Body weight (LOINC 29463-7), in kg.
    pub(super) fn body_weight(subject: &str, kg: f64) -> Self {
        Self {
            resource_type: "Observation",
            id: "weight",
            status: "final",
            code: CodeableConcept::coded(Coding::new(LOINC, "29463-7", Some("Body weight")), None),
            subject: Reference::to(subject),
            value_quantity: Quantity::ucum(kg, "kg", "kg"),
        }
    }
}

/// An alert of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DetectedIssue {
    resource_type: &'static str,
    pub(super) id: String,
    status: &'static str,
    code: CodeableConcept,
    severity: &'static str,
    detail: String,
}

impl DetectedIssue {
    pub(super) fn new(id: String, kind: String, severity: &'static str, detail: String) -> Self {
        Self {
            resource_type: "DetectedIssue",
            id,
            status: "preliminary",
            code: CodeableConcept::text(kind),
            severity,
            detail,
        }
    }
}

/// One ingredient and its strength.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ingredient {
    pub(super) item_codeable_concept: CodeableConcept,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) strength: Option<Ratio>,
}

/// A compounded or diluted product.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Medication {
    resource_type: &'static str,
    pub(super) id: &'static str,
    code: CodeableConcept,
    #[serde(skip_serializing_if = "Option::is_none")]
    form: Option<CodeableConcept>,
    ingredient: Vec<Ingredient>,
}

impl Medication {
    pub(super) fn new(
        name: String,
        form: Option<CodeableConcept>,
        ingredient: Vec<Ingredient>,
    ) -> Self {
        Self {
            resource_type: "Medication",
            id: "medication",
            code: CodeableConcept::text(name),
            form,
            ingredient,
        }
    }
}

/// A resource contained in a request.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Contained {
    /// The weight.
    Observation(Observation),
    /// An alert.
    DetectedIssue(DetectedIssue),
    /// A compounded or diluted product.
    Medication(Medication),
}

/// A medication order as a proposal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MedicationRequest {
    pub(super) resource_type: &'static str,
    pub(super) id: &'static str,
    pub(super) contained: Vec<Contained>,
    pub(super) status: &'static str,
    pub(super) intent: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) medication_codeable_concept: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) medication_reference: Option<Reference>,
    pub(super) subject: Reference,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) supporting_information: Vec<Reference>,
    pub(super) reason_code: Vec<CodeableConcept>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) detected_issue: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) note: Vec<Annotation>,
    pub(super) dosage_instruction: Vec<Dosage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) dispense_request: Option<DispenseRequest>,
}

/// One action of a request group.
#[allow(
    clippy::struct_field_names,
    reason = "FHIR names the element relatedAction"
)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub(super) id: &'static str,
    pub(super) title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) related_action: Vec<RelatedAction>,
    pub(super) resource: Reference,
}

/// An action's relation to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelatedAction {
    pub(super) action_id: &'static str,
    pub(super) relationship: &'static str,
}

/// The grid protocol's order of actions: the ring block, then the
/// injections.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestGroup {
    pub(super) resource_type: &'static str,
    pub(super) id: &'static str,
    pub(super) status: &'static str,
    pub(super) intent: &'static str,
    pub(super) subject: Reference,
    pub(super) action: Vec<Action>,
}

/// One entry of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub(super) full_url: String,
    pub(super) resource: BundleResource,
}

/// A resource in a bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum BundleResource {
    /// The order of the actions.
    RequestGroup(RequestGroup),
    /// A medication request.
    MedicationRequest(Box<MedicationRequest>),
}

/// A collection of resources.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    pub(super) resource_type: &'static str,
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) entry: Vec<Entry>,
}
