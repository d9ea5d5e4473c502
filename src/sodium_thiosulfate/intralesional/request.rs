//! The JSON requests for intralesional sodium thiosulfate plans: the
//! 150 mg/mL case series and the grid technique.

use serde::{Deserialize, Serialize};

use crate::dose::InjectionVolume;
use crate::error::Error;
use crate::lidocaine::RingBlock;
use crate::overrides::Override;
use crate::patient::Patient;
use crate::rounding::Tolerance;
use crate::sodium_thiosulfate::Stock;
use crate::sodium_thiosulfate::intralesional::{
    self, CaseSeriesOptions, Diluent, Dilution, Graduation, GridOptions, GridSessions, Interval,
    Lesion, LesionSize, Spacing,
};

/// The inputs of a case-series plan (150 mg/mL, regimen R3).
///
/// Required: `patient`, `lesion` (`site`: `"fingertip"` or `"elsewhere"`;
/// `size`: `{"diameter": …}` or `{"length": …, "width": …}` in `mm` or
/// `cm`; `distribution`: `"localised"` or `"widespread"`; `ulceration`:
/// `"absent"` or `"present"`), `volume_per_injection` (`mL`), `stock`
/// (`"injection"`, `"paediatric_injection"` or `{"other": {"value": 200,
/// "unit": "mg/mL"}}`) and `diluent` (`"sterile_water"`,
/// `"sodium_chloride_0_9_percent"` or `{"lidocaine": {"strength":
/// "one_percent", "formulation": "plain"}}`). Optional: `interval` (`d` or
/// `wk`, default weekly), `prepared_volume` (`mL`, default one
/// injection's), `graduation` (`mL`, default 0.1 mL), `tolerance` (`%`,
/// default 10 %) and `ring_block` (`{"solution": {…}, "volume": {…}}`).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Request;
///
/// let json = r#"{"regimen": "intralesional_case_series",
///   "patient": {"weight": {"value": 60, "unit": "kg"}, "age": {"value": 50, "unit": "a"}},
///   "lesion": {"site": "fingertip", "size": {"diameter": {"value": 4, "unit": "mm"}},
///              "distribution": "localised", "ulceration": "absent"},
///   "volume_per_injection": {"value": 0.2, "unit": "mL"},
///   "stock": "injection", "diluent": "sodium_chloride_0_9_percent"}"#;
/// let Request::IntralesionalCaseSeries(r) = serde_json::from_str(json)? else { unreachable!() };
/// assert_eq!(r.plan()?.sessions(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseSeriesRequest {
    patient: Patient,
    lesion: Lesion,
    volume_per_injection: InjectionVolume,
    stock: Stock,
    diluent: Diluent,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    interval: Option<Interval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prepared_volume: Option<InjectionVolume>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    graduation: Option<Graduation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tolerance: Option<Tolerance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ring_block: Option<RingBlock>,
    /// Hard limits overridden, each with its reason:
    /// `[{"limit": "<limit id>", "reason": "<text>"}]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    overrides: Vec<Override>,
}

impl CaseSeriesRequest {
    /// A request for this patient, lesion and options.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{
    /// #     CaseSeriesOptions, Diluent, Dilution, Distribution, Lesion, LesionSite, LesionSize, Ulceration,
    /// # };
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Age, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::diameter_mm(20.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// # let options = CaseSeriesOptions::new(InjectionVolume::from_ml(0.5)?, dilution)
    /// #     .prepared_volume(InjectionVolume::from_ml(5.0)?);
    /// let request = calcinosis_dosing::sodium_thiosulfate::intralesional::CaseSeriesRequest::new(patient, lesion, &options);
    /// assert_eq!(request.options(), options);
    /// let json = serde_json::to_string(&request)?;
    /// assert!(json.contains(r#""stock":"injection","diluent":"sterile_water""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(patient: Patient, lesion: Lesion, options: &CaseSeriesOptions) -> Self {
        let dilution = options.get_dilution();
        Self {
            patient,
            lesion,
            volume_per_injection: options.get_volume_per_injection(),
            stock: dilution.get_stock(),
            diluent: dilution.get_diluent(),
            interval: Some(options.get_interval()),
            prepared_volume: options.get_prepared_volume(),
            graduation: Some(dilution.get_graduation()),
            tolerance: Some(dilution.get_tolerance()),
            ring_block: options.get_ring_block(),
            overrides: options.get_overrides().to_vec(),
        }
    }

    /// The patient.
    ///
    /// See [`CaseSeriesRequest`] for an example of reading a plan.
    #[must_use]
    pub const fn patient(&self) -> &Patient {
        &self.patient
    }

    /// The lesion.
    ///
    /// See [`CaseSeriesRequest`] for an example of reading a plan.
    #[must_use]
    pub const fn lesion(&self) -> &Lesion {
        &self.lesion
    }

    /// The options the request carries.
    ///
    /// See [`CaseSeriesRequest`] for an example of reading a plan.
    #[must_use]
    pub fn options(&self) -> CaseSeriesOptions {
        let mut dilution = Dilution::new(self.stock, self.diluent);
        if let Some(g) = self.graduation {
            dilution = dilution.graduation(g);
        }
        if let Some(t) = self.tolerance {
            dilution = dilution.tolerance(t);
        }
        let mut options = CaseSeriesOptions::new(self.volume_per_injection, dilution);
        if let Some(i) = self.interval {
            options = options.interval(i);
        }
        if let Some(v) = self.prepared_volume {
            options = options.prepared_volume(v);
        }
        if let Some(b) = self.ring_block {
            options = options.ring_block(b);
        }
        for granted in &self.overrides {
            options = options.with_override(granted.clone());
        }
        options
    }

    /// Computes the plan.
    ///
    /// See [`CaseSeriesRequest`] for an example of reading a plan.
    ///
    /// # Errors
    ///
    /// See [`intralesional::case_series_plan`].
    pub fn plan(&self) -> Result<intralesional::Plan, Error> {
        intralesional::case_series_plan(&self.patient, &self.lesion, &self.options())
    }
}

/// The inputs of a grid plan (250 mg/mL, lupus panniculitis technique,
/// regimen R4).
///
/// Required: `patient`, `lesion` (`{"diameter": …}` or `{"length": …,
/// "width": …}` in `mm` or `cm`), `spacing` (`mm` or `cm`, 5–10 mm),
/// `sessions` (2 or 3) and `interval` (`d` or `wk`; the source gives none).
/// Optional: `ring_block` (`{"solution": {"strength": "one_percent",
/// "formulation": "plain"}, "volume": {"value": 10, "unit": "mL"}}`).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Request;
///
/// let json = r#"{"regimen": "intralesional_grid",
///   "patient": {"weight": {"value": 60, "unit": "kg"}, "age": {"value": 45, "unit": "a"}},
///   "lesion": {"diameter": {"value": 3, "unit": "cm"}},
///   "spacing": {"value": 10, "unit": "mm"}, "sessions": 3,
///   "interval": {"value": 4, "unit": "wk"}}"#;
/// let Request::IntralesionalGrid(r) = serde_json::from_str(json)? else { unreachable!() };
/// assert_eq!(r.plan()?.sites().len(), 9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridRequest {
    patient: Patient,
    lesion: LesionSize,
    spacing: Spacing,
    sessions: GridSessions,
    interval: Interval,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ring_block: Option<RingBlock>,
    /// Hard limits overridden, each with its reason:
    /// `[{"limit": "<limit id>", "reason": "<text>"}]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    overrides: Vec<Override>,
}

impl GridRequest {
    /// A request for this patient, lesion and options.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{
    /// #     GridOptions, GridSessions, Interval, LesionSize, Spacing,
    /// # };
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, Interval::from_weeks(4.0)?);
    /// let request = calcinosis_dosing::sodium_thiosulfate::intralesional::GridRequest::new(patient, LesionSize::diameter_mm(30.0)?, &options);
    /// assert_eq!(request.options(), options);
    /// assert_eq!(request.plan()?.sessions(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(patient: Patient, lesion: LesionSize, options: &GridOptions) -> Self {
        Self {
            patient,
            lesion,
            spacing: options.get_spacing(),
            sessions: options.get_sessions(),
            interval: options.get_interval(),
            ring_block: options.get_ring_block(),
            overrides: options.get_overrides().to_vec(),
        }
    }

    /// The patient.
    ///
    /// See [`GridRequest`] for an example of reading a plan.
    #[must_use]
    pub const fn patient(&self) -> &Patient {
        &self.patient
    }

    /// The lesion's size.
    ///
    /// See [`GridRequest`] for an example of reading a plan.
    #[must_use]
    pub const fn lesion(&self) -> LesionSize {
        self.lesion
    }

    /// The options the request carries.
    ///
    /// See [`GridRequest`] for an example of reading a plan.
    #[must_use]
    pub fn options(&self) -> GridOptions {
        let mut options = GridOptions::new(self.spacing, self.sessions, self.interval);
        if let Some(b) = self.ring_block {
            options = options.ring_block(b);
        }
        for granted in &self.overrides {
            options = options.with_override(granted.clone());
        }
        options
    }

    /// Computes the plan.
    ///
    /// See [`GridRequest`] for an example of reading a plan.
    ///
    /// # Errors
    ///
    /// See [`intralesional::grid_plan`].
    pub fn plan(&self) -> Result<intralesional::Plan, Error> {
        intralesional::grid_plan(&self.patient, self.lesion, &self.options())
    }
}
