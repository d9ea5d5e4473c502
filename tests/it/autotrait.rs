//! Every public type can cross threads: a plan built on one thread can be
//! sent to, or shared with, another (a batch service, an async handler).

fn send_sync<T: Send + Sync>() {}

/// The root types, the drug modules' types and the error.
#[test]
fn public_types_are_send_and_sync() {
    use calcinosis_dosing::sodium_thiosulfate::{Stock, intralesional, topical};
    use calcinosis_dosing::*;
    use calcinosis_dosing::{diltiazem, lidocaine, probenecid};

    send_sync::<Alert>();
    send_sync::<AlertKind>();
    send_sync::<Citation>();
    send_sync::<InjectionVolume>();
    send_sync::<Concentration>();
    send_sync::<DailyDose>();
    send_sync::<DailyDosePerKg>();
    send_sync::<DailyDosePerM2>();
    send_sync::<Dose>();
    send_sync::<MassFraction>();
    send_sync::<UnitStrength>();
    send_sync::<Error>();
    send_sync::<Bound>();
    send_sync::<CheckedLimit>();
    send_sync::<Limit>();
    send_sync::<Outcome>();
    send_sync::<Scope>();
    send_sync::<Candidate>();
    send_sync::<Suggestion>();
    send_sync::<Age>();
    send_sync::<BodySurfaceArea>();
    send_sync::<BodyWeight>();
    send_sync::<Egfr>();
    send_sync::<Height>();
    send_sync::<Patient>();
    send_sync::<Administration>();
    send_sync::<DailySchedule>();
    send_sync::<Frequency>();
    send_sync::<Give>();
    send_sync::<Part>();
    send_sync::<Product>();
    send_sync::<SolidForm>();
    send_sync::<Splitting>();
    send_sync::<Acceptance>();
    send_sync::<BeyondTolerance>();
    send_sync::<Rounding>();
    send_sync::<Tolerance>();
    send_sync::<Stock>();

    send_sync::<diltiazem::Formulation>();
    send_sync::<diltiazem::Options>();
    send_sync::<diltiazem::Plan>();

    send_sync::<probenecid::Basis>();
    send_sync::<probenecid::Division>();
    send_sync::<probenecid::LabelSchedule>();
    send_sync::<probenecid::DailyAmount>();
    send_sync::<calcinosis_dosing::Interval>();
    send_sync::<probenecid::Options>();
    send_sync::<probenecid::Step>();
    send_sync::<probenecid::Plan>();

    send_sync::<lidocaine::PercentStrength>();
    send_sync::<lidocaine::Formulation>();
    send_sync::<lidocaine::Solution>();
    send_sync::<lidocaine::MaximumBasis>();
    send_sync::<lidocaine::Maximum>();
    send_sync::<lidocaine::Purpose>();
    send_sync::<lidocaine::Use>();
    send_sync::<lidocaine::RingBlock>();
    send_sync::<lidocaine::MaximumVolume>();
    send_sync::<lidocaine::Plan>();

    send_sync::<intralesional::LesionSite>();
    send_sync::<intralesional::Distribution>();
    send_sync::<intralesional::Ulceration>();
    send_sync::<intralesional::Shape>();
    send_sync::<intralesional::LesionSize>();
    send_sync::<intralesional::Lesion>();
    send_sync::<intralesional::Spacing>();
    send_sync::<intralesional::GridSessions>();
    send_sync::<intralesional::Graduation>();
    send_sync::<intralesional::Diluent>();
    send_sync::<intralesional::Dilution>();
    send_sync::<intralesional::Preparation>();
    send_sync::<intralesional::Site>();
    send_sync::<intralesional::CaseSeriesSchedule>();
    send_sync::<intralesional::CaseSeriesOptions>();
    send_sync::<intralesional::GridOptions>();
    send_sync::<intralesional::Protocol>();
    send_sync::<intralesional::Amount>();
    send_sync::<intralesional::Plan>();

    send_sync::<topical::AreaShare>();
    send_sync::<topical::BeyondUseDate>();
    send_sync::<topical::Supply>();
    send_sync::<topical::SkinArea>();
    send_sync::<topical::BodyRegion>();
    send_sync::<topical::RegionScale>();
    send_sync::<topical::Regions>();
    send_sync::<topical::TreatedArea>();
    send_sync::<topical::CourseLength>();
    send_sync::<topical::PackSize>();
    send_sync::<topical::Recipe>();
    send_sync::<topical::Options>();
    send_sync::<topical::Dispense>();
    send_sync::<topical::Batch>();
    send_sync::<topical::Plan>();
}

/// The JSON front door's types (feature `serde`).
#[cfg(feature = "serde")]
#[test]
fn json_types_are_send_and_sync() {
    use calcinosis_dosing::sodium_thiosulfate::{intralesional, topical};
    use calcinosis_dosing::*;
    send_sync::<Request>();
    send_sync::<Plan>();
    send_sync::<diltiazem::Request>();
    send_sync::<probenecid::Request>();
    send_sync::<topical::Request>();
    send_sync::<intralesional::CaseSeriesRequest>();
    send_sync::<intralesional::GridRequest>();
}
