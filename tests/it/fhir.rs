//! FHIR R4 export (issue #12): the mapping of each regimen, and the codes it
//! uses, each pinned.

#![cfg(feature = "fhir")]

use calcinosis_dosing::{Plan, Request, fhir};
use serde_json::Value;

fn export(file: &str) -> Value {
    let text = std::fs::read_to_string(format!(
        "{}/examples/requests/{file}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let plan: Plan = serde_json::from_str::<Request>(&text)
        .unwrap()
        .plan()
        .unwrap();
    serde_json::to_value(fhir::export(&plan, "Patient/123").unwrap()).unwrap()
}

/// Source: SNOMED CT dose forms and routes, ICD-10-CM L94.2 (issue #12).
#[test]
fn the_codes_are_pinned() {
    assert_eq!(fhir::forms::TABLET, "385055001");
    assert_eq!(fhir::forms::ORAL_SUSPENSION, "385024007");
    assert_eq!(fhir::forms::PROLONGED_RELEASE_CAPSULE, "385053008");
    assert_eq!(fhir::forms::INJECTION_SOLUTION, "385219001");
    assert_eq!(fhir::forms::CREAM, "385099005");
    assert_eq!(fhir::CALCINOSIS_CUTIS, "L94.2");
    assert_eq!(calcinosis_dosing::Route::Oral.snomed_ct(), "26643006");
    assert_eq!(
        calcinosis_dosing::Route::Intralesional.snomed_ct(),
        "372466002"
    );
    assert_eq!(calcinosis_dosing::Route::Topical.snomed_ct(), "6064005");
    assert_eq!(
        calcinosis_dosing::Method::Inject.snomed_ct(),
        Some("422145002")
    );
    assert_eq!(
        calcinosis_dosing::Method::Apply.snomed_ct(),
        Some("417924000")
    );
}

/// Source: the diltiazem 70 kg example: 60 mg 3 times daily, ordered at
/// 3 mg/kg/day, at most 210 mg/day (3 mg/kg/day at 70 kg); the rounding alert as a contained
/// `DetectedIssue`; the weight as an `Observation` (LOINC 29463-7).
#[test]
fn diltiazem_is_one_request_with_ordered_and_calculated_doses() {
    let r = export("diltiazem-adult-70kg");
    assert_eq!(r["resourceType"], "MedicationRequest");
    assert_eq!(
        (r["status"].as_str(), r["intent"].as_str()),
        (Some("draft"), Some("proposal"))
    );
    assert_eq!(r["subject"]["reference"], "Patient/123");
    let dosage = &r["dosageInstruction"][0];
    assert_eq!(dosage["timing"]["repeat"]["frequency"], 3);
    assert_eq!(dosage["timing"]["repeat"]["periodUnit"], "d");
    assert!(dosage["timing"].get("code").is_none());
    assert_eq!(
        dosage["doseAndRate"][0]["type"]["coding"][0]["code"],
        "ordered"
    );
    assert_eq!(dosage["doseAndRate"][0]["rateQuantity"]["code"], "mg/kg/d");
    assert_eq!(dosage["doseAndRate"][0]["rateQuantity"]["value"], 3);
    assert_eq!(
        dosage["doseAndRate"][1]["type"]["coding"][0]["code"],
        "calculated"
    );
    assert_eq!(dosage["doseAndRate"][1]["doseQuantity"]["value"], 60);
    // The smaller of 360 mg/day (the label) and 3 mg/kg/day × 70 kg.
    assert_eq!(dosage["maxDosePerPeriod"]["numerator"]["value"], 210);
    assert_eq!(dosage["route"]["coding"][0]["code"], "26643006");
    assert!(
        dosage["text"]
            .as_str()
            .unwrap()
            .contains("60 mg (1 tablet of 60 mg) 3 times daily")
    );
    let contained = r["contained"].as_array().unwrap();
    let weight = contained
        .iter()
        .find(|c| c["resourceType"] == "Observation")
        .unwrap();
    assert_eq!(weight["code"]["coding"][0]["code"], "29463-7");
    assert_eq!(weight["valueQuantity"]["value"], 70);
    assert!(
        contained
            .iter()
            .any(|c| c["resourceType"] == "DetectedIssue")
    );
    assert_eq!(r["reasonCode"][0]["coding"][0]["code"], "L94.2");
}

/// Source: the documented probenecid case: sequential titration steps,
/// each bounded until the next; an unequal day (500 + 250 mg) becomes
/// concurrent dosages with the same sequence.
#[test]
fn probenecid_steps_are_sequential_dosages() {
    let r = export("probenecid-case-4-year-old");
    let dosages = r["dosageInstruction"].as_array().unwrap();
    let sequences: Vec<u64> = dosages
        .iter()
        .map(|d| d["sequence"].as_u64().unwrap())
        .collect();
    assert!(sequences.windows(2).all(|w| w[0] <= w[1]), "{sequences:?}");
    assert_eq!(sequences[0], 1);
    // Every step but the last is bounded to the next step's day.
    let last = *sequences.last().unwrap();
    for d in dosages {
        let bounded = d["timing"]["repeat"].get("boundsDuration").is_some();
        assert_eq!(bounded, d["sequence"].as_u64().unwrap() != last, "{d}");
    }
    // The first step carries the ordered start, 25 mg/kg/day.
    assert_eq!(
        dosages[0]["doseAndRate"][0]["rateQuantity"]["code"],
        "mg/kg/d"
    );
    assert_eq!(dosages[0]["doseAndRate"][0]["rateQuantity"]["value"], 25);
}

/// Source: the grid example: a `Bundle` (collection) whose `RequestGroup` gives
/// the ring block first, then the injections after it.
#[test]
fn the_grid_is_a_bundle_with_the_ring_block_first() {
    let r = export("intralesional-lupus-panniculitis-3cm");
    assert_eq!(r["resourceType"], "Bundle");
    assert_eq!(r["type"], "collection");
    let entries = r["entry"].as_array().unwrap();
    let group = &entries[0]["resource"];
    assert_eq!(group["resourceType"], "RequestGroup");
    assert_eq!(group["action"][0]["id"], "ring-block");
    assert_eq!(
        group["action"][1]["relatedAction"][0]["actionId"],
        "ring-block"
    );
    assert_eq!(
        group["action"][1]["relatedAction"][0]["relationship"],
        "after-end"
    );
    // Each action points at an entry of the bundle.
    for action in group["action"].as_array().unwrap() {
        let target = action["resource"]["reference"].as_str().unwrap();
        assert!(entries.iter().any(|e| e["fullUrl"] == target), "{target}");
    }
    let sts = &entries[2]["resource"];
    assert_eq!(
        sts["dosageInstruction"][0]["route"]["coding"][0]["code"],
        "372466002"
    );
    assert!(
        sts["dosageInstruction"][0]["timing"]["repeat"]["count"]
            .as_u64()
            .unwrap()
            >= 2
    );
}

/// Source: the topical example: the cream as a contained Medication, 100 mg
/// of pentahydrate per g, the course as boundsDuration, and the recipe in
/// the R5 dispenserInstruction extension.
#[test]
fn the_cream_is_a_compounded_medication_with_its_recipe() {
    let r = export("topical-6-year-old-forearm");
    let medication = r["contained"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["resourceType"] == "Medication")
        .unwrap();
    assert_eq!(medication["form"]["coding"][0]["code"], "385099005");
    let strength = &medication["ingredient"][0]["strength"];
    assert_eq!(strength["numerator"]["value"], 100);
    assert_eq!(strength["denominator"]["code"], "g");
    let dosage = &r["dosageInstruction"][0];
    assert_eq!(dosage["timing"]["repeat"]["frequency"], 2);
    assert_eq!(dosage["timing"]["repeat"]["boundsDuration"]["value"], 183);
    // One fill is one supply of 50 g for 14 days, repeated 13 times.
    assert_eq!(r["dispenseRequest"]["quantity"]["value"], 50);
    assert_eq!(r["dispenseRequest"]["expectedSupplyDuration"]["value"], 14);
    assert_eq!(r["dispenseRequest"]["numberOfRepeatsAllowed"], 13);
    let extension = &r["dispenseRequest"]["extension"][0];
    assert!(
        extension["url"]
            .as_str()
            .unwrap()
            .ends_with("dispenserInstruction")
    );
    assert!(
        extension["valueAnnotation"]["text"]
            .as_str()
            .unwrap()
            .contains("pentahydrate")
    );
}

/// Source: a subject must be a reference such as Patient/123.
#[test]
fn a_subject_that_is_not_a_reference_is_refused() {
    let text = std::fs::read_to_string(format!(
        "{}/examples/requests/diltiazem-adult-70kg.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let plan: Plan = serde_json::from_str::<Request>(&text)
        .unwrap()
        .plan()
        .unwrap();
    for bad in ["", "Patient", "Patient/", "/123", "Patient/1/2"] {
        let err = fhir::export(&plan, bad).unwrap_err();
        assert!(err.to_string().contains("subject"), "{bad}: {err}");
    }
}

/// Source: review of the export — a dosage's maximum is a maximum of the
/// drug, never a reference such as the adult start: the 4-year-old of
/// 16 kg is bounded by the 1,250 mg/day documented for a child (below 80
/// mg/kg/day × 16 kg = 1,280 mg/day and the label's 2 g/day), and 500 mg
/// per dose.
#[test]
fn a_childs_probenecid_maxima_are_the_documented_ceilings() {
    let r = export("probenecid-case-4-year-old");
    for d in r["dosageInstruction"].as_array().unwrap() {
        assert_eq!(d["maxDosePerPeriod"]["numerator"]["value"], 1250, "{d}");
        assert_eq!(d["maxDosePerAdministration"]["value"], 500, "{d}");
    }
    // The 20 kg child on diltiazem suspension: 3 mg/kg/day × 20 kg.
    let r = export("diltiazem-child-20kg-suspension");
    assert_eq!(
        r["dosageInstruction"][0]["maxDosePerPeriod"]["numerator"]["value"],
        60
    );
}

/// Source: review of the export — lidocaine as the diluent is part of the
/// preparation, not a ring block; an intralesional dose is in mg, the unit
/// of its maximum, and an overridden maximum is not exported as a maximum.
#[test]
fn the_diluent_is_an_ingredient_and_session_doses_are_in_mg() {
    let text = std::fs::read_to_string(format!(
        "{}/examples/requests/intralesional-widespread-ulcerated.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace(
        r#""diluent": "sterile_water""#,
        r#""diluent": {"lidocaine": {"strength": "one_percent", "formulation": "plain"}}"#,
    );
    let plan: Plan = Request::from_json(&text).unwrap().plan().unwrap();
    let r = serde_json::to_value(fhir::export(&plan, "Patient/1").unwrap()).unwrap();
    assert_eq!(
        r["resourceType"], "MedicationRequest",
        "no separate lidocaine request"
    );
    let medication = r["contained"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["resourceType"] == "Medication")
        .unwrap();
    assert!(
        medication["ingredient"][1]["itemCodeableConcept"]["text"]
            .as_str()
            .unwrap()
            .contains("the diluent")
    );
    let dose = &r["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"];
    assert_eq!(dose["code"], "mg");
    let max = &r["dosageInstruction"][0]["maxDosePerAdministration"];
    assert!(dose["value"].as_f64().unwrap() <= max["value"].as_f64().unwrap());
    // The child grid with an override: the overridden maximum is left out.
    let r = export("intralesional-grid-child-override");
    let sts = r["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .find(|res| res["id"] == "sodium-thiosulfate")
        .unwrap();
    assert!(
        sts["dosageInstruction"][0]
            .get("maxDosePerAdministration")
            .is_none()
    );
}
