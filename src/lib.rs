//! Typed, unit-safe, checked dosing plans for the published treatment
//! regimens of calcinosis cutis.
//!
//! ```
//! use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
//!
//! let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
//! let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
//! let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
//!
//! assert_eq!(plan.calculated_daily().to_string(), "210 mg/day");
//! assert_eq!(plan.administrations()[0].to_string(), "60 mg (1 tablet of 60 mg)");
//! println!("{plan}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! Each drug has a module, one per drug over shared concepts:
//!
//! - [`diltiazem`]: oral, 1–3 mg/kg/day;
//! - [`probenecid`]: oral titration in half-tablets, from 25 mg/kg/day for a
//!   child (the documented case), or by the label's adult schedule over
//!   50 kg or from 15 years ([`probenecid::Plan`]);
//! - [`sodium_thiosulfate::intralesional`]: the 150 mg/mL case series and the
//!   250 mg/mL grid (dilution recipes, injection sites, sessions; volumes in
//!   mL as [`InjectionVolume`]);
//! - [`sodium_thiosulfate::topical`]: the 10 % cream (recipe, schedule,
//!   packs);
//! - [`lidocaine`]: the ring block, checked against its label maxima.
//!
//! The shared concepts are re-exported from the root:
//!
//! - patient inputs: [`BodyWeight`], [`Age`], [`Height`], [`Egfr`],
//!   [`BodySurfaceArea`], [`Patient`];
//! - dose quantities, each its own type: [`DailyDosePerKg`] (mg/kg/day),
//!   [`DailyDose`] (mg/day), [`Dose`] (mg per administration),
//!   [`Concentration`] (mg/mL), [`MassFraction`] (% w/w), [`UnitStrength`]
//!   (mg per tablet or capsule);
//! - products and what to give: [`Product`], [`Give`];
//! - rounding, once, at the end: [`Tolerance`], [`Rounding`];
//! - plans: [`diltiazem::Plan`] and each drug's own, [`DailySchedule`], [`Administration`],
//!   [`Frequency`];
//! - advisories and provenance: [`Alert`], [`Figure`], [`Limit`], [`Citation`],
//!   [`sources`];
//! - clinical content on every plan: [`Clinical`] with [`Directions`]
//!   ([`Route`], [`Method`], [`Instruction`]), [`Caution`], [`Evidence`] and
//!   [`Milestone`];
//! - what is documented, by indication: [`catalogue()`], [`documented_for`];
//! - one error type: [`Error`].
//!
//! An input outside what a regimen documents is an [`Error`]. A valid plan
//! that crosses a label reference (a child, a dose limited by a maximum)
//! computes and carries an [`Alert`] that names the limit and its source.
//!
//! # Scope of this crate
//!
//! This crate computes the regimens that the literature documents, bounded
//! by the product labels, and says where every number comes from. It does
//! **not** decide whether a patient should be treated, with what, or at which
//! rate: that is the prescriber's judgement. Every plan is to be checked by a
//! clinician and a pharmacist before it reaches a patient. Where a source is
//! silent, the crate asks the caller or returns an error; it never invents a
//! clinical number.
//!
//! # Units
//!
//! Inputs with a physical dimension take uom quantities ([`BodyWeight::new`]
//! takes a `uom::si::f64::Mass`, so a volume does not compile), or a plain
//! number through a constructor that names its unit
//! ([`BodyWeight::from_kg`]). Clinical rates (mg/kg/day, mg/mL, % w/w) are
//! newtypes of this crate, stored in the unit clinicians write them in.
//! Text output follows the safe-writing conventions: leading zero, no
//! trailing zero, "mL", thousands separated by commas.
//!
//! # Crate features
//!
//! - `serde` (default): JSON `Request`s and `Plan`s, every quantity as
//!   `{"value": number, "unit": "<UCUM code>"}`.
//!
//! # References
//!
//! The sources are listed in [`sources`]; the clinical reference and the
//! interpretation choices are in `DESIGN.md`.

mod alert;
#[cfg(feature = "serde")]
mod batch;
mod catalogue;
mod citation;
mod clinical;
mod derived;
pub mod diltiazem;
mod dose;
mod error;
mod exact;
#[cfg(feature = "fhir")]
pub mod fhir;
mod format;
mod interval;
pub mod lidocaine;
mod limit;
mod measurable;
mod overrides;
mod patient;
mod picture;
mod plan;
pub mod probenecid;
mod product;
#[cfg(feature = "serde")]
mod request;
mod rounding;
pub mod sodium_thiosulfate;
#[cfg(feature = "proptest")]
pub mod strategies;
#[cfg(feature = "serde")]
mod wire;

pub use alert::{Alert, AlertKind, Figure};
#[cfg(feature = "serde")]
pub use batch::{BatchFormat, BatchOptions, BatchSummary, MAX_JOBS, MAX_LINE_BYTES, run_batch};
pub use catalogue::{DocumentedRegimen, catalogue, documented_for};
pub use citation::{Citation, sources};
pub use clinical::{
    Caution, CautionKind, Clinical, Directions, Event, EventKind, Evidence, EvidenceLevel,
    FollowUpPoint, Instruction, Method, Milestone, Route,
};
pub use dose::InjectionVolume;
pub use dose::{
    Concentration, DailyDose, DailyDosePerKg, DailyDosePerM2, Dose, MassFraction, UnitStrength,
};
pub use error::Error;
pub use interval::Interval;
pub use limit::{Bound, CheckedLimit, Limit, Outcome, Scope, Severity};
pub use measurable::{Candidate, Suggestion};
pub use overrides::Override;
pub use patient::{Age, BodySurfaceArea, BodyWeight, Egfr, Height, KG_PER_POUND, Patient};
pub use plan::{Administration, DailySchedule, Frequency};
pub use product::{Give, Part, Parts, Product, SolidForm, Splitting};
#[cfg(feature = "serde")]
pub use request::*;
pub use rounding::{Acceptance, BeyondTolerance, Rounding, Tolerance};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
