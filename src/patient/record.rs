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
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
