//! Limits as data: every bound a plan was checked against, with its stable
//! id, value, unit, scope and source, and what the check found.

use std::fmt;

use crate::citation::Citation;
use crate::format::{number, number_beside, unit_after};

/// Which side of its value a limit allows.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Bound;
///
/// assert!(Bound::AtMost.allows(360.0, 360.0));
/// assert!(!Bound::Below.allows(5.0, 5.0));
/// assert_eq!(Bound::AtLeast.to_string(), "at least");
/// ```
///
/// # References
///
/// Clinical reference section 5: dose-range checking reports which limit
/// applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Bound {
    /// The value is a maximum, itself allowed.
    AtMost,
    /// The value is a minimum, itself allowed.
    AtLeast,
    /// Only values strictly below it are allowed.
    Below,
    /// Only values strictly above it are allowed.
    Above,
    /// Only the value itself is documented.
    Exactly,
}

impl Bound {
    /// Whether `observed` is on the allowed side of `limit`.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Bound;
    ///
    /// assert!(Bound::AtLeast.allows(1.0, 1.0));
    /// assert!(!Bound::Above.allows(30.0, 30.0));
    /// ```
    #[must_use]
    pub fn allows(self, observed: f64, limit: f64) -> bool {
        match self {
            Self::AtMost => observed <= limit,
            Self::AtLeast => observed >= limit,
            Self::Below => observed < limit,
            Self::Above => observed > limit,
            // Compared as the decimals they are, to nine places.
            Self::Exactly => crate::exact::constant(observed) == crate::exact::constant(limit),
        }
    }
}

impl Bound {
    /// The bound in words ("at most"), as plans and messages write it.
    pub(crate) const fn words(self) -> &'static str {
        match self {
            Self::AtMost => "at most",
            Self::AtLeast => "at least",
            Self::Below => "below",
            Self::Above => "above",
            Self::Exactly => "exactly",
        }
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

/// Whether crossing a limit refuses the request or only alerts.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Severity;
///
/// assert_eq!(Severity::Hard.to_string(), "hard");
/// ```
///
/// # References
///
/// Clinical reference section 5: a hard stop versus an advisory a
/// clinician may accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Severity {
    /// Crossing it is an alert on the plan.
    #[default]
    Advisory,
    /// Crossing it refuses the request, unless the caller overrides it with
    /// a reason ([`crate::Override`]).
    Hard,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Advisory => "advisory",
            Self::Hard => "hard",
        })
    }
}

/// What a limit is counted over.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Scope;
///
/// assert_eq!(Scope::PerDay.to_string(), "per day");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Scope {
    /// One administration (a dose, an injection, a rounding of one dose).
    PerAdministration,
    /// One day's total.
    PerDay,
    /// A daily dose per kg of body weight.
    PerKgPerDay,
    /// A daily dose per m² of body surface area.
    PerM2PerDay,
    /// One session of injections.
    PerSession,
    /// The whole course.
    PerCourse,
    /// A fact about the patient (age, weight, renal function).
    Patient,
    /// A fact about the preparation (strength, concentration, area treated).
    Preparation,
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::PerAdministration => "per administration",
            Self::PerDay => "per day",
            Self::PerKgPerDay => "per kg per day",
            Self::PerM2PerDay => "per m² per day",
            Self::PerSession => "per session",
            Self::PerCourse => "per course",
            Self::Patient => "of the patient",
            Self::Preparation => "of the preparation",
        })
    }
}

/// A limit a plan is checked against: a stable id, a value with its unit,
/// which side is allowed, what it is counted over, and the source that
/// holds it.
///
/// Ids are stable, dotted and lower case (`diltiazem.max_daily.immediate_release`):
/// code may match on them; the name is for people.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
/// let max = plan
///     .limits()
///     .iter()
///     .find(|c| c.limit().id() == "diltiazem.max_daily.immediate_release")
///     .expect("the immediate-release maximum is checked");
/// assert_eq!(max.limit().value(), 360.0);
/// assert_eq!(max.limit().unit(), "mg/day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Each limit's own [`Limit::source`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Limit {
    id: &'static str,
    name: &'static str,
    bound: Bound,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::number"))]
    value: f64,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::ucum_unit"))]
    unit: &'static str,
    scope: Scope,
    source: Citation,
    severity: Severity,
}

impl Limit {
    pub(crate) const fn new(
        id: &'static str,
        name: &'static str,
        bound: Bound,
        value: f64,
        unit: &'static str,
        scope: Scope,
        source: Citation,
    ) -> Self {
        Self {
            id,
            name,
            bound,
            value,
            unit,
            scope,
            source,
            severity: Severity::Advisory,
        }
    }

    /// The same limit, hard: crossing it refuses the request unless the
    /// caller overrides it.
    pub(crate) const fn hard(mut self) -> Self {
        self.severity = Severity::Hard;
        self
    }

    /// Whether crossing it refuses the request or only alerts.
    ///
    /// See [`Limit`] for an example.
    #[must_use]
    pub const fn severity(&self) -> Severity {
        self.severity
    }

    /// The stable id, such as `diltiazem.max_daily.immediate_release`.
    ///
    /// See [`Limit`] for an example.
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// What the limit is, in words ("immediate-release maximum").
    ///
    /// See [`Limit`] for an example.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// Which side of the value is allowed.
    ///
    /// See [`Limit`] for an example.
    #[must_use]
    pub const fn bound(&self) -> Bound {
        self.bound
    }

    /// The value, in [`Limit::unit`].
    ///
    /// See [`Limit`] for an example.
    #[must_use]
    pub const fn value(&self) -> f64 {
        self.value
    }

    /// The unit as written in text ("mg/day"); JSON writes its UCUM code
    /// ("mg/d").
    ///
    /// See [`Limit`] for an example.
    #[must_use]
    pub const fn unit(&self) -> &'static str {
        self.unit
    }

    /// What the limit is counted over.
    ///
    /// See [`Limit`] for an example.
    #[must_use]
    pub const fn scope(&self) -> Scope {
        self.scope
    }

    /// The source that holds the value.
    ///
    /// See [`Limit`] for an example.
    #[must_use]
    pub const fn source(&self) -> Citation {
        self.source
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}",
            self.name,
            number(self.value, 3),
            unit_after(self.value, self.unit)
        )
    }
}

/// What checking a plan against a limit found.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Outcome;
///
/// assert_eq!(Outcome::LimitedTo.to_string(), "limited to it");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Outcome {
    /// The plan is on the allowed side.
    Within,
    /// The order was beyond it and the plan was limited to it.
    LimitedTo,
    /// The plan is beyond it, and carries an alert that says so.
    CrossedWithAlert,
    /// A hard limit the plan is beyond because the caller overrode it with
    /// a reason; the plan carries an alert quoting the reason.
    Overridden,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Within => "within",
            Self::LimitedTo => "limited to it",
            Self::CrossedWithAlert => "crossed, with an alert",
            Self::Overridden => "overridden, with the caller's reason",
        })
    }
}

/// One limit a plan was checked against, the plan's value in the limit's
/// unit, and the outcome.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Outcome, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
/// for check in plan.limits() {
///     // Every limit is respected, or its outcome says otherwise.
///     let respected = check.limit().bound().allows(check.observed(), check.limit().value());
///     assert!(respected || check.outcome() == Outcome::CrossedWithAlert, "{check}");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckedLimit {
    limit: Limit,
    observed: f64,
    outcome: Outcome,
}

/// The limits a plan checked, in order: inline for up to eight (a
/// diltiazem plan checks seven at most), on the heap beyond.
pub(crate) type Limits = smallvec::SmallVec<[CheckedLimit; 8]>;

/// JSON: `{"limit", "observed", "outcome"}`, the observed value to six
/// significant digits, or more where fewer would put it on the other side
/// of the limit.
#[cfg(feature = "serde")]
impl serde::Serialize for CheckedLimit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("CheckedLimit", 3)?;
        out.serialize_field("limit", &self.limit)?;
        out.serialize_field(
            "observed",
            &crate::wire::Number(crate::wire::beside(self.observed, self.limit.value)),
        )?;
        out.serialize_field("outcome", &self.outcome)?;
        out.end()
    }
}

impl CheckedLimit {
    /// Checks `observed` against `limit`: within when it is on the allowed
    /// side, otherwise crossed (the plan must then carry an alert naming the
    /// limit).
    pub(crate) fn new(limit: Limit, observed: f64) -> Self {
        let outcome = if limit.bound.allows(observed, limit.value) {
            Outcome::Within
        } else {
            Outcome::CrossedWithAlert
        };
        Self {
            limit,
            observed,
            outcome,
        }
    }

    /// A check whose outcome was decided exactly elsewhere (the rounding
    /// rule): `within` or crossed with an alert.
    pub(crate) fn decided(limit: Limit, observed: f64, within: bool) -> Self {
        Self {
            limit,
            observed,
            outcome: if within {
                Outcome::Within
            } else {
                Outcome::CrossedWithAlert
            },
        }
    }

    /// A hard limit the plan is beyond because the caller overrode it.
    pub(crate) fn overridden(limit: Limit, observed: f64) -> Self {
        Self {
            limit,
            observed,
            outcome: Outcome::Overridden,
        }
    }

    /// A limit the order was beyond and the plan was limited to; `observed`
    /// is the plan's value (on the allowed side).
    pub(crate) fn limited(limit: Limit, observed: f64) -> Self {
        Self {
            limit,
            observed,
            outcome: Outcome::LimitedTo,
        }
    }

    /// The limit.
    ///
    /// See [`CheckedLimit`] for an example.
    #[must_use]
    pub const fn limit(&self) -> &Limit {
        &self.limit
    }

    /// The plan's value, in the limit's unit.
    ///
    /// See [`CheckedLimit`] for an example.
    #[must_use]
    pub const fn observed(&self) -> f64 {
        self.observed
    }

    /// What the check found.
    ///
    /// See [`CheckedLimit`] for an example.
    #[must_use]
    pub const fn outcome(&self) -> Outcome {
        self.outcome
    }
}

impl fmt::Display for CheckedLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = &self.limit;
        write!(
            f,
            "{} ({}): {} {} {}",
            l.name,
            l.id,
            l.bound,
            number(l.value, 3),
            unit_after(l.value, l.unit)
        )?;
        // The unit says "per day" and "per kg" already; the other scopes
        // are written out.
        if matches!(
            l.scope,
            Scope::PerAdministration | Scope::PerSession | Scope::PerCourse
        ) {
            write!(f, " {}", l.scope)?;
        }
        write!(
            f,
            "; this plan {} {}: {}",
            number_beside(self.observed, l.value, 3),
            unit_after(self.observed, l.unit),
            self.outcome
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::citation::sources;

    #[test]
    fn each_bound_allows_its_side_only() {
        for (bound, below, at, above) in [
            (Bound::AtMost, true, true, false),
            (Bound::AtLeast, false, true, true),
            (Bound::Below, true, false, false),
            (Bound::Above, false, false, true),
            (Bound::Exactly, false, true, false),
        ] {
            assert_eq!(bound.allows(4.0, 5.0), below, "{bound} 5, 4");
            assert_eq!(bound.allows(5.0, 5.0), at, "{bound} 5, 5");
            assert_eq!(bound.allows(6.0, 5.0), above, "{bound} 5, 6");
        }
    }

    #[test]
    fn words_for_bounds_scopes_outcomes_and_severities() {
        assert_eq!(Severity::Hard.to_string(), "hard");
        assert_eq!(Severity::Advisory.to_string(), "advisory");
        assert_eq!(
            Outcome::Overridden.to_string(),
            "overridden, with the caller's reason"
        );
        assert_eq!(Bound::Exactly.to_string(), "exactly");
        assert_eq!(Scope::PerSession.to_string(), "per session");
    }

    #[test]
    fn a_limit_reads_back_what_it_was_given() {
        let l = Limit::new(
            "x.max",
            "a maximum",
            Bound::AtMost,
            360.0,
            "mg/day",
            Scope::PerDay,
            sources::DILTIAZEM_LABEL,
        );
        assert_eq!(
            (l.id(), l.name(), l.bound(), l.unit(), l.scope()),
            ("x.max", "a maximum", Bound::AtMost, "mg/day", Scope::PerDay)
        );
        assert!((l.value() - 360.0).abs() < f64::EPSILON);
        assert_eq!(l.source(), sources::DILTIAZEM_LABEL);
        let within = CheckedLimit::new(l, 180.0);
        assert_eq!(within.outcome(), Outcome::Within);
        assert!((within.observed() - 180.0).abs() < f64::EPSILON);
        let crossed = CheckedLimit::new(l, 361.0);
        assert_eq!(crossed.outcome(), Outcome::CrossedWithAlert);
        assert_eq!(
            CheckedLimit::limited(l, 360.0).outcome(),
            Outcome::LimitedTo
        );
        assert_eq!(
            within.to_string(),
            "a maximum (x.max): at most 360 mg/day; this plan 180 mg/day: within"
        );
    }
}
