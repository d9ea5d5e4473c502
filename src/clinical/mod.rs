//! What a prescription needs around the numbers, as data: how the product
//! is given ([`Directions`]), the label's cautions for the prescriber to
//! check ([`Caution`]), the evidence behind the regimen and the population
//! it was reported in ([`Evidence`]), and the follow-up points the sources
//! report ([`Milestone`]).
//!
//! Every item carries the [`Citation`](crate::Citation) that holds it.
//! The crate does not know the patient's conditions or other medicines:
//! cautions are listed as checks for the prescriber, never as a verdict.
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient, Route};
//!
//! let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
//! let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
//! let plan = diltiazem::plan(&adult, rate, &diltiazem::Options::default())?;
//! assert_eq!(plan.clinical().directions().route(), Route::Oral);
//! assert!(plan.clinical().evidence().is_off_label());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!
//! Each regimen's module lists its sources; [`sources`](crate::sources)
//! holds them all.

mod calendar;
mod caution;
mod directions;
mod evidence;
mod follow_up;
mod route;

pub(crate) use self::calendar::in_day_order;
pub use self::calendar::{Event, EventKind};
pub use self::caution::{Caution, CautionKind};
pub use self::directions::{Directions, Instruction};
pub use self::evidence::{Evidence, EvidenceLevel};
pub use self::follow_up::{FollowUpPoint, Milestone};
pub use self::route::{Method, Route};

use std::fmt;

/// The clinical content of one plan: directions, cautions, evidence and
/// follow-up.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient, Route};
///
/// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&adult, rate, &diltiazem::Options::default())?;
/// assert_eq!(plan.clinical().directions().route(), Route::Oral);
/// assert!(plan.clinical().evidence().is_off_label());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Each part carries its own citation.
#[derive(Debug, Clone, PartialEq)]
pub struct Clinical {
    directions: Directions,
    /// The drug's cautions, then those of a second drug the plan gives
    /// (the lidocaine of an intralesional plan).
    cautions: [&'static [Caution]; 2],
    evidence: &'static Evidence,
    follow_up: &'static [Milestone],
}

/// JSON: `{"directions", "evidence", "follow_up", "cautions"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Clinical {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        struct Cautions<'a>(&'a Clinical);
        impl serde::Serialize for Cautions<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.cautions())
            }
        }
        let mut out = s.serialize_struct("Clinical", 4)?;
        out.serialize_field("directions", &self.directions)?;
        out.serialize_field("evidence", self.evidence)?;
        out.serialize_field("follow_up", self.follow_up)?;
        out.serialize_field("cautions", &Cautions(self))?;
        out.end()
    }
}

impl Clinical {
    pub(crate) const fn new(
        directions: Directions,
        cautions: &'static [Caution],
        evidence: &'static Evidence,
        follow_up: &'static [Milestone],
    ) -> Self {
        Self {
            directions,
            cautions: [cautions, &[]],
            evidence,
            follow_up,
        }
    }

    /// Adds every source of the clinical content to a plan's references
    /// (after those already there, each once).
    pub(crate) fn cite_into(&self, citations: &mut crate::citation::Citations) {
        let sources = self
            .directions
            .instructions()
            .iter()
            .map(Instruction::source)
            .chain([self.evidence.source()])
            .chain(self.follow_up.iter().map(Milestone::source))
            .chain(self.cautions().map(Caution::source));
        for source in sources {
            crate::citation::push_unique(citations, source);
        }
    }

    /// Adds the cautions of a second drug the plan gives.
    pub(crate) const fn with_cautions_of(mut self, other: &'static [Caution]) -> Self {
        self.cautions[1] = other;
        self
    }

    /// How the product is given: route, method and instructions.
    ///
    /// # Example
    ///
    /// See [`Clinical`].
    #[must_use]
    pub const fn directions(&self) -> &Directions {
        &self.directions
    }

    /// The label's contraindications, interactions, monitoring and
    /// counselling, as checks for the prescriber.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Age, BodyWeight, CautionKind, DailyDosePerKg, Patient};
    ///
    /// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// let plan = diltiazem::plan(&adult, rate, &diltiazem::Options::default())?;
    /// assert!(plan.clinical().cautions().any(|c| c.kind() == CautionKind::Contraindication));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cautions(&self) -> impl Iterator<Item = &'static Caution> + '_ {
        self.cautions.iter().flat_map(|list| list.iter())
    }

    /// The evidence behind the regimen: off-label status, the kind of
    /// source, the population reported and its indications.
    ///
    /// # Example
    ///
    /// See [`Clinical`].
    #[must_use]
    pub const fn evidence(&self) -> &'static Evidence {
        self.evidence
    }

    /// The review points the sources report, with what they observed.
    /// Empty when the sources give no time point.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    ///
    /// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// let plan = diltiazem::plan(&adult, rate, &diltiazem::Options::default())?;
    /// // The review gives diltiazem no time point.
    /// assert!(plan.clinical().follow_up().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn follow_up(&self) -> &'static [Milestone] {
        self.follow_up
    }
}

impl fmt::Display for Clinical {
    /// The clinical sections of a plan's text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.directions)?;
        writeln!(f, "Evidence: {}", self.evidence)?;
        if self.follow_up.is_empty() {
            writeln!(f, "Follow-up: the sources give no time point")?;
        } else {
            writeln!(f, "Follow-up:")?;
            for m in self.follow_up {
                writeln!(f, "  - {m}")?;
            }
        }
        writeln!(
            f,
            "Cautions (checks for the prescriber; the plan does not know the patient's \
             conditions or medicines):"
        )?;
        for c in self.cautions() {
            writeln!(f, "  - {c}")?;
        }
        Ok(())
    }
}
