use super::{Age, BodySurfaceArea, BodyWeight, Egfr, Height};

/// The patient a plan is made for: weight and age, and optionally height and
/// renal function.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?)
///     .with_height(Height::from_cm(102.0)?)
///     .with_egfr(Egfr::from_ml_per_min(110.0)?);
/// assert_eq!(patient.weight().kg(), 16.0);
/// assert!(patient.body_surface_area().is_some());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PatientWire"))]
pub struct Patient {
    pub(super) weight: BodyWeight,
    pub(super) age: Age,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub(super) height: Option<Height>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub(super) egfr: Option<Egfr>,
}

impl Patient {
    /// A patient of this weight and age.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Age, BodyWeight, Patient};
    ///
    /// let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.weight().kg(), 16.0);
    /// assert_eq!(girl.height(), None);
    /// assert_eq!(girl.egfr(), None);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(weight: BodyWeight, age: Age) -> Self {
        Self {
            weight,
            age,
            height: None,
            egfr: None,
        }
    }

    /// The same patient with a height (enables body-surface-area dosing).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// let girl = girl.with_height(Height::from_cm(102.0)?);
    /// assert_eq!(girl.body_surface_area().map(|b| b.to_string()).as_deref(), Some("0.67 m²"));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn with_height(mut self, height: Height) -> Self {
        self.height = Some(height);
        self
    }

    /// The same patient with an eGFR (enables renal alerts).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// let girl = girl.with_egfr(Egfr::from_ml_per_min(110.0)?);
    /// assert_eq!(girl.egfr().map(Egfr::ml_per_min), Some(110.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn with_egfr(mut self, egfr: Egfr) -> Self {
        self.egfr = Some(egfr);
        self
    }

    /// The body weight.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.weight().to_string(), "16 kg");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn weight(&self) -> BodyWeight {
        self.weight
    }

    /// The age.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.age().to_string(), "4 years");
    /// assert!(girl.age().is_child());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn age(&self) -> Age {
        self.age
    }

    /// The height, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.height(), None);
    /// let girl = girl.with_height(Height::from_cm(102.0)?);
    /// assert_eq!(girl.height().map(Height::cm), Some(102.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn height(&self) -> Option<Height> {
        self.height
    }

    /// The eGFR, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// assert_eq!(girl.egfr(), None);
    /// let girl = girl.with_egfr(Egfr::from_ml_per_min(25.0)?);
    /// assert_eq!(girl.egfr().map(|e| e.to_string()).as_deref(), Some("25 mL/min"));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn egfr(&self) -> Option<Egfr> {
        self.egfr
    }

    /// The Mosteller body surface area, if a height was given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Age, BodyWeight, Egfr, Height, Patient};
    /// # let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
    /// // No height, no body surface area.
    /// assert!(girl.body_surface_area().is_none());
    /// let girl = girl.with_height(Height::from_cm(102.0)?);
    /// let bsa = girl.body_surface_area().unwrap();
    /// assert!((bsa.m2() - (102.0_f64 * 16.0 / 3600.0).sqrt()).abs() < 1e-12);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn body_surface_area(&self) -> Option<BodySurfaceArea> {
        self.height
            .map(|h| BodySurfaceArea::mosteller(self.weight, h))
    }
}

// JSON: each quantity as {"value", "unit"} in the units it may be written in.

/// A patient as JSON gives it, before an eGFR per 1.73 m² is de-indexed
/// with the patient's own body surface area.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PatientWire {
    weight: BodyWeight,
    age: Age,
    #[serde(default)]
    height: Option<Height>,
    #[serde(default)]
    egfr: Option<crate::wire::Quantity>,
}

#[cfg(feature = "serde")]
impl TryFrom<PatientWire> for Patient {
    type Error = crate::error::Error;

    /// `mL/min` as given; `mL/min/{1.73_m2}` (an eGFR as laboratories
    /// report it) de-indexed with the Mosteller body surface area, which
    /// needs the height.
    fn try_from(wire: PatientWire) -> Result<Self, Self::Error> {
        let mut patient = Self::new(wire.weight, wire.age);
        if let Some(height) = wire.height {
            patient = patient.with_height(height);
        }
        let Some(q) = wire.egfr else {
            return Ok(patient);
        };
        let egfr = if q.unit == "mL/min/{1.73_m2}" {
            let bsa = patient
                .body_surface_area()
                .ok_or_else(|| crate::error::Error::Invalid {
                    field: "egfr",
                    value: format!("{} mL/min/{{1.73_m2}}", crate::format::number(q.value, 9)),
                    reason: "an eGFR per 1.73 m² is de-indexed with the patient's body surface \
                             area, which needs patient.height"
                        .to_owned(),
                })?;
            Egfr::from_indexed(q.value, bsa)?
        } else {
            Egfr::try_from(q)?
        };
        Ok(patient.with_egfr(egfr))
    }
}
