//! What a probenecid plan decides when it is made, kept compactly: the
//! rounded start and target, each step as counts of half-tablets, and which
//! alerts the plan carries. The plan's steps, alerts, limits and references
//! are written up from these ([`super::write_up`]), so they cannot disagree.

use smallvec::SmallVec;

use super::{Age, Exact, Frequency};
use crate::overrides::Override;

/// One step as decided: from which day, how many half-tablets a day, and
/// in how many administrations.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rung {
    /// The day the step starts (day 0 is the first).
    pub(super) day: u32,
    /// The daily dose, in half-tablets of 250 mg.
    pub(super) halves: u64,
    /// How often the day is given.
    pub(super) frequency: Frequency,
    /// Whether that is fewer administrations than the plan's frequency (a
    /// small step, with [`super::Division::FewerOnSmallSteps`]).
    pub(super) reduced: bool,
}

/// The steps, in order. Each climbs at least one half-tablet, from one
/// half-tablet at least to the 2 g/day maximum (8) at most, so there are
/// at most 8 and they are held inline.
pub(super) type Rungs = SmallVec<[Rung; 8]>;

/// Everything a plan decided that its fields do not already hold.
#[derive(Debug, Clone)]
pub(super) struct Decisions {
    /// The patient's age, for the limits and alerts that name it.
    pub(super) age: Age,
    /// The frequency the caller chose, if any (the plan's frequency is the
    /// label's otherwise).
    pub(super) chosen_frequency: Option<Frequency>,
    /// The start daily dose before rounding, in mg/day, exactly.
    pub(super) start_calculated: Exact,
    /// The target daily dose before rounding, in mg/day, exactly.
    pub(super) target_calculated: Exact,
    /// The start rounded, in half-tablets a day.
    pub(super) start_halves: u64,
    /// The target rounded, in half-tablets a day: the last step's dose.
    pub(super) end_halves: u64,
    /// The steps.
    pub(super) rungs: Rungs,
    /// The first step above the label's child maintenance, if one is (its
    /// index in `rungs`): the plan then carries that alert.
    pub(super) above_maintenance_from: Option<usize>,
    /// Whether the eGFR is at or below 30 mL/min: the renal alert.
    pub(super) renal_alert: bool,
    /// The checks beyond the label's, by schedule.
    pub(super) exposure: Exposure,
    /// Whether the patient is outside the documented population (an
    /// adult): the population alert.
    pub(super) outside_population: bool,
    /// The caller's overrides, each of a hard limit the plan checked (an
    /// override of any other refused the plan); empty for most plans.
    pub(super) overrides: Vec<Override>,
}

/// The checks beyond the label's: a child's highest daily dose against
/// the documented exposure (hard limits, refused unless overridden) and
/// the child's start against the adult start, or an adult's frequency
/// against the label's twice daily.
#[derive(Debug, Clone, Copy)]
pub(super) enum Exposure {
    /// On the child schedule.
    Child {
        /// Whether the highest daily dose is within the documented exposure
        /// of about 80 mg/kg/day (decided exactly); beyond it, an override
        /// named the limit.
        per_kg_within: bool,
        /// The limit on this child's daily dose, mg/day, and whether the
        /// highest daily dose is within it (decided exactly); beyond it,
        /// an override named the limit.
        daily: (f64, bool),
        /// Whether the start is above the adult start of 500 mg/day: the
        /// plan then carries that alert.
        start_above_adult: bool,
    },
    /// On the adult schedule.
    Adult {
        /// Whether the frequency is not the label's twice daily: the plan
        /// then carries that alert.
        frequency_off_label: bool,
    },
}
