//! The JSON request for a probenecid titration plan.

use serde::{Deserialize, Serialize};

use crate::dose::DailyDose;
use crate::error::Error;
use crate::overrides::Override;
use crate::patient::Patient;
use crate::plan::Frequency;
use crate::probenecid::{self, Basis, DailyAmount, Division, Interval};
use crate::rounding::Tolerance;

/// The inputs of a probenecid titration plan.
///
/// `target` is a daily amount whose unit says what it is: `mg/d` or `g/d`
/// (a total per day), `mg/kg/d` (by body weight) or `mg/m2/d` (by body
/// surface area, needs a height). The rest is optional: `basis`
/// (`"body_weight"` or `"body_surface_area"`, default body weight; on the
/// label's adult schedule it changes no dose), `frequency` (default: the
/// label's for the patient's schedule, `"four_times_daily"` for a child and
/// `"twice_daily"` for an adult; a frequency given here is used on either
/// schedule, see [`probenecid::Options`]), `division`
/// (`"exact"` or `"fewer_on_small_steps"`, default exact), `step`
/// (`{"value": 500, "unit": "mg/d"}` by default), `step_interval` (`d` or
/// `wk`, default `{"value": 4, "unit": "wk"}`), `tolerance` (default
/// `{"value": 10, "unit": "%"}`). Unknown fields are rejected.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Plan, Request};
///
/// let json = r#"{"regimen": "probenecid",
///   "patient": {"weight": {"value": 16, "unit": "kg"}, "age": {"value": 4, "unit": "a"}},
///   "target": {"value": 1250, "unit": "mg/d"},
///   "division": "fewer_on_small_steps",
///   "tolerance": {"value": 25, "unit": "%"}}"#;
/// let Request::Probenecid(r) = serde_json::from_str(json)? else { unreachable!() };
/// let Plan::Probenecid(plan) = Request::Probenecid(r).plan()? else { unreachable!() };
/// assert_eq!(plan.tolerance().percent(), 25.0);
/// assert_eq!(plan.reached().mg_per_day(), 1250.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See [`probenecid`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    patient: Patient,
    target: DailyAmount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    basis: Option<Basis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    frequency: Option<Frequency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    division: Option<Division>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    step: Option<DailyDose>,
    #[serde(
        default,
        deserialize_with = "step_interval",
        skip_serializing_if = "Option::is_none"
    )]
    step_interval: Option<Interval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tolerance: Option<Tolerance>,
    /// Hard limits overridden, each with its reason:
    /// `[{"limit": "<limit id>", "reason": "<text>"}]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    overrides: Vec<Override>,
}

impl Request {
    /// A request for this patient, target and options.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::probenecid::{DailyAmount, Options};
    /// use calcinosis_dosing::{Age, BodyWeight, Patient, Request};
    ///
    /// let child = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(12.0)?);
    /// let r = calcinosis_dosing::probenecid::Request::new(child, DailyAmount::LABEL_CHILD_MAINTENANCE, &Options::default());
    /// assert_eq!(r.options(), Options::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(patient: Patient, target: DailyAmount, options: &probenecid::Options) -> Self {
        Self {
            patient,
            target,
            basis: Some(options.get_basis()),
            frequency: options.get_frequency(),
            division: Some(options.get_division()),
            step: Some(options.get_step()),
            step_interval: Some(options.get_interval()),
            tolerance: Some(options.get_tolerance()),
            overrides: options.get_overrides().to_vec(),
        }
    }

    /// The patient.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient, Request};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// # let request = calcinosis_dosing::probenecid::Request::new(girl, DailyAmount::CASE_REACHED, &Options::default());
    /// assert_eq!(request.patient().age().years(), 4.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn patient(&self) -> &Patient {
        &self.patient
    }

    /// The target daily amount.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{DailyAmount, Options};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient, Request};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// # let request = calcinosis_dosing::probenecid::Request::new(girl, DailyAmount::CASE_REACHED, &Options::default());
    /// assert_eq!(request.target(), DailyAmount::CASE_REACHED);
    /// assert_eq!(request.target().to_string(), "1,250 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn target(&self) -> DailyAmount {
        self.target
    }

    /// The options the request carries, defaults filled in.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{probenecid, DailyDose, Request};
    /// # let json = r#"{"regimen": "probenecid",
    /// #   "patient": {"weight": {"value": 16, "unit": "kg"}, "age": {"value": 4, "unit": "a"}},
    /// #   "target": {"value": 1250, "unit": "mg/d"}, "step": {"value": 250, "unit": "mg/d"}}"#;
    /// // `json` gives "step": {"value": 250, "unit": "mg/d"} and no other option.
    /// let Request::Probenecid(request) = serde_json::from_str(json)? else { unreachable!() };
    /// let options = request.options();
    /// // Not given: the defaults (the label's 4 weeks, the schedule's own
    /// // frequency), as in Rust.
    /// let step = DailyDose::from_mg_per_day(250.0)?;
    /// assert_eq!(options, probenecid::Options::default().step(step));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn options(&self) -> probenecid::Options {
        let mut options = probenecid::Options::new();
        if let Some(b) = self.basis {
            options = options.basis(b);
        }
        if let Some(f) = self.frequency {
            options = options.frequency(f);
        }
        if let Some(d) = self.division {
            options = options.division(d);
        }
        if let Some(s) = self.step {
            options = options.step(s);
        }
        if let Some(i) = self.step_interval {
            options = options.interval(i);
        }
        if let Some(t) = self.tolerance {
            options = options.tolerance(t);
        }
        for granted in &self.overrides {
            options = options.with_override(granted.clone());
        }
        options
    }

    /// Computes the plan.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::Request;
    /// # let json = r#"{"regimen": "probenecid",
    /// #   "patient": {"weight": {"value": 16, "unit": "kg"}, "age": {"value": 4, "unit": "a"}},
    /// #   "target": {"value": 1250, "unit": "mg/d"},
    /// #   "division": "fewer_on_small_steps", "tolerance": {"value": 25, "unit": "%"}}"#;
    /// // The documented case (`json`): a 4-year-old girl, 16 kg, titrated to 1,250 mg/day
    /// // (tolerance 25 %, fewer doses on the small first step).
    /// let Request::Probenecid(request) = serde_json::from_str(json)? else { unreachable!() };
    /// let plan = request.plan()?;
    /// let days: Vec<u32> = plan.steps().iter().map(|s| s.day()).collect();
    /// assert_eq!(days, [0, 28, 56]);
    /// assert_eq!(plan.reached().to_string(), "1,250 mg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See [`probenecid::plan()`].
    pub fn plan(&self) -> Result<probenecid::Plan, Error> {
        probenecid::plan(&self.patient, self.target, &self.options())
    }
}

/// Reads `step_interval`, its errors naming the field "step interval" as
/// they always have.
fn step_interval<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Interval>, D::Error> {
    // `null` is "not given", as for every other optional field.
    let Some(q) = <Option<crate::wire::Quantity> as serde::Deserialize>::deserialize(d)? else {
        return Ok(None);
    };
    Interval::from_quantity(q, "step interval")
        .map(Some)
        .map_err(serde::de::Error::custom)
}
