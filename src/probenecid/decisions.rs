//! What a probenecid plan decides when it is made, kept compactly: the
//! rounded start and target, each step as counts of half-tablets, and which
//! alerts the plan carries. The plan's steps, alerts, limits and references
//! are written up from these ([`super::write_up`]), so they cannot disagree.

use smallvec::SmallVec;

use super::{Age, Exact, Frequency};
use crate::overrides::Override;

/// One step as decided: from which day, how many half-tablets a day, in
/// how many administrations, and whether it is above the label's child
/// maintenance. Eight bytes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rung {
    /// The day the step starts (day 0 is the first).
    pub(super) day: u32,
    /// The daily dose, in half-tablets of 250 mg: at most the 2 g/day
    /// maximum, 8 ([`super::halves::MAX_HALVES_PER_DAY`]); planning
    /// refuses more before a step is kept.
    pub(super) halves: u8,
    /// How often the day is given.
    pub(super) frequency: Frequency,
    /// Whether that is fewer administrations than the plan's frequency (a
    /// small step, with [`super::Division::FewerOnSmallSteps`]).
    pub(super) reduced: bool,
    /// Whether the daily dose is above the label's maintenance for a child
    /// (decided exactly): the first such step carries that alert.
    pub(super) above_maintenance: bool,
}

impl Rung {
    /// The daily dose, in half-tablets.
    pub(super) fn halves(self) -> u64 {
        u64::from(self.halves)
    }
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
    /// The steps: the first is the rounded start, the last the rounded
    /// target.
    pub(super) rungs: Rungs,
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

impl Decisions {
    /// The rounded start, in half-tablets a day: the first step's dose.
    pub(super) fn start_halves(&self) -> u64 {
        self.rungs.first().map_or(0, |r| r.halves())
    }

    /// The rounded target, in half-tablets a day: the last step's dose.
    pub(super) fn end_halves(&self) -> u64 {
        self.rungs.last().map_or(0, |r| r.halves())
    }

    /// The first step above the label's child maintenance, if one is (its
    /// index in the steps): the plan then carries that alert.
    pub(super) fn above_maintenance_from(&self) -> Option<usize> {
        self.rungs.iter().position(|r| r.above_maintenance)
    }
}
