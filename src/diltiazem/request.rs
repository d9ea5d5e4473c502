//! The JSON request for a diltiazem plan.

use serde::{Deserialize, Serialize};

use crate::diltiazem;
use crate::dose::DailyDosePerKg;
use crate::error::Error;
use crate::patient::Patient;
use crate::plan::Frequency;
use crate::rounding::{BeyondTolerance, Tolerance};

/// The inputs of a diltiazem plan.
///
/// `formulation` defaults to `"immediate_release"`; `frequency`
/// (`"once_daily"`, `"three_times_daily"`, `"four_times_daily"`) defaults to
/// the formulation's; `tolerance` (`{"value": 10, "unit": "%"}`) to 10 %.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Request;
///
/// let json = r#"{"regimen": "diltiazem",
///   "patient": {"weight": {"value": 44.1, "unit": "[lb_av]"}, "age": {"value": 6, "unit": "a"}},
///   "rate": {"value": 2, "unit": "mg/kg/d"}, "formulation": "oral_suspension"}"#;
/// let Request::Diltiazem(r) = serde_json::from_str(json)? else { unreachable!() };
/// assert_eq!(r.rate().mg_per_kg_per_day(), 2.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    patient: Patient,
    rate: DailyDosePerKg,
    #[serde(default)]
    formulation: diltiazem::Formulation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    frequency: Option<Frequency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tolerance: Option<Tolerance>,
    /// Whether a dose may be rounded up beyond the tolerance (inside the
    /// documented range): `"round_down_only"` (the default) or
    /// `"allow_round_up"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    beyond_tolerance: Option<BeyondTolerance>,
}

impl Request {
    /// A request for this patient, rate and options.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Request, Patient};
    ///
    /// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// let request = calcinosis_dosing::diltiazem::Request::new(patient, rate, &diltiazem::Options::default());
    /// // The defaults are written out, so the JSON says what was planned.
    /// let json = serde_json::to_string(&request)?;
    /// assert!(json.contains(r#""formulation":"immediate_release","frequency":"three_times_daily""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(patient: Patient, rate: DailyDosePerKg, options: &diltiazem::Options) -> Self {
        Self {
            patient,
            rate,
            formulation: options.get_formulation(),
            frequency: Some(options.get_frequency()),
            tolerance: Some(options.get_tolerance()),
            beyond_tolerance: Some(options.get_beyond_tolerance()),
        }
    }

    /// The patient.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Request, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let request = calcinosis_dosing::diltiazem::Request::new(patient, rate, &diltiazem::Options::default());
    /// assert_eq!(request.patient().weight().kg(), 60.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn patient(&self) -> &Patient {
        &self.patient
    }

    /// The ordered rate.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Request, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let request = calcinosis_dosing::diltiazem::Request::new(patient, rate, &diltiazem::Options::default());
    /// assert_eq!(request.rate().to_string(), "3 mg/kg/day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rate(&self) -> DailyDosePerKg {
        self.rate
    }

    /// The options the request carries.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Frequency, Request};
    ///
    /// let json = r#"{"regimen": "diltiazem",
    ///   "patient": {"weight": {"value": 60, "unit": "kg"}, "age": {"value": 50, "unit": "a"}},
    ///   "rate": {"value": 3, "unit": "mg/kg/d"}, "frequency": "four_times_daily"}"#;
    /// let Request::Diltiazem(request) = serde_json::from_str(json)? else { unreachable!() };
    /// let options = request.options();
    /// // The same options as built in Rust.
    /// assert_eq!(options, diltiazem::Options::default().frequency(Frequency::FourTimesDaily));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn options(&self) -> diltiazem::Options {
        let mut options = diltiazem::Options::new(self.formulation);
        if let Some(f) = self.frequency {
            options = options.frequency(f);
        }
        if let Some(t) = self.tolerance {
            options = options.tolerance(t);
        }
        if let Some(b) = self.beyond_tolerance {
            options = options.beyond_tolerance(b);
        }
        options
    }

    /// Computes the plan.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Request, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// # let request = calcinosis_dosing::diltiazem::Request::new(patient, rate, &diltiazem::Options::default());
    /// // 3 mg/kg/day × 60 kg = 180 mg/day: 60 mg tablets 3 times daily.
    /// let plan = request.plan()?;
    /// assert_eq!(plan.administrations()[0].to_string(), "60 mg (1 tablet of 60 mg)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See [`diltiazem::plan()`].
    pub fn plan(&self) -> Result<diltiazem::Plan, Error> {
        diltiazem::plan(&self.patient, self.rate, &self.options())
    }
}
