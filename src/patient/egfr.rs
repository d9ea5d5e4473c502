use super::{Error, check_range, fmt, number};

/// An estimated glomerular filtration rate, finite and within 1 to 250 mL/min.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Egfr;
///
/// assert_eq!(Egfr::from_ml_per_min(30.0)?.ml_per_min(), 30.0);
/// assert!(Egfr::from_ml_per_min(-5.0).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 1 to 250 mL/min.
///
/// # References
///
/// Plausibility bounds of this crate (`DESIGN.md`).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Egfr {
    pub(super) ml_per_min: f64,
    /// When it was given per 1.73 m²: the value as given and the body
    /// surface area it was de-indexed with, m².
    pub(super) indexed: Option<(f64, f64)>,
}

impl Egfr {
    /// The lowest eGFR accepted, in mL/min.
    pub const MIN_ML_PER_MIN: f64 = 1.0;
    /// The highest eGFR accepted, in mL/min.
    pub const MAX_ML_PER_MIN: f64 = 250.0;

    /// An eGFR in mL/min.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Egfr;
    ///
    /// assert_eq!(Egfr::from_ml_per_min(45.0)?.to_string(), "45 mL/min");
    /// assert_eq!(
    ///     Egfr::from_ml_per_min(0.0).unwrap_err().to_string(),
    ///     "egfr 0 mL/min is not in the allowed range 1 to 250 mL/min",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_ml_per_min(ml_per_min: f64) -> Result<Self, Error> {
        check_range(
            "egfr",
            ml_per_min,
            Self::MIN_ML_PER_MIN,
            Self::MAX_ML_PER_MIN,
            "mL/min",
        )
        .map(|ml_per_min| Self {
            ml_per_min,
            indexed: None,
        })
    }

    /// The standard body surface area an indexed eGFR is given per, m²
    /// (the unit mL/min/1.73 m² itself).
    pub const INDEX_M2: f64 = 1.73;

    /// An eGFR given per 1.73 m² (as laboratories report it, UCUM
    /// `mL/min/{1.73_m2}`), de-indexed to the patient's own body surface
    /// area: mL/min = value × BSA / 1.73.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] or [`Error::OutOfRange`] (field `egfr`, 1 to
    /// 250) for the value as given or as de-indexed.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodySurfaceArea, BodyWeight, Egfr, Height};
    ///
    /// let bsa = BodySurfaceArea::mosteller(BodyWeight::from_kg(64.0)?, Height::from_cm(152.0)?);
    /// let egfr = Egfr::from_indexed(60.0, bsa)?;
    /// assert!((egfr.ml_per_min() - 60.0 * bsa.m2() / 1.73).abs() < 1e-6);
    /// assert!(egfr.to_string().contains("60 mL/min/1.73 m²"));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    pub fn from_indexed(per_1_73_m2: f64, bsa: super::BodySurfaceArea) -> Result<Self, Error> {
        let given = check_range(
            "egfr",
            per_1_73_m2,
            Self::MIN_ML_PER_MIN,
            Self::MAX_ML_PER_MIN,
            "mL/min/{1.73_m2}",
        )?;
        // The de-indexed value is derived, not given: it is not held to
        // the range of a given value (a large adult's may be above 250).
        let absolute = crate::exact::mul(
            crate::exact::constant(given),
            crate::exact::constant(bsa.m2()),
        )
        .and_then(|product| crate::exact::div(product, crate::exact::constant(Self::INDEX_M2)))
        .map(crate::exact::to_f64)
        .ok_or_else(|| {
            Error::too_large(
                "egfr",
                format!("{given} mL/min/1.73 m²"),
                "the de-indexed eGFR",
            )
        })?;
        Ok(Self {
            ml_per_min: crate::exact::to_f64(crate::exact::constant(absolute)),
            indexed: Some((given, bsa.m2())),
        })
    }

    /// The value to compare with a renal threshold, and its unit: the
    /// eGFR as the laboratory gave it, per 1.73 m² when it was indexed
    /// (renal insufficiency is staged on the indexed value, and a small
    /// child's normal kidneys have a small de-indexed eGFR), otherwise in
    /// mL/min.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodySurfaceArea, BodyWeight, Egfr, Height};
    ///
    /// // A 2-year-old of 11 kg and 85 cm with a normal eGFR.
    /// let bsa = BodySurfaceArea::mosteller(BodyWeight::from_kg(11.0)?, Height::from_cm(85.0)?);
    /// let egfr = Egfr::from_indexed(100.0, bsa)?;
    /// assert!(egfr.ml_per_min() < 30.0);
    /// assert_eq!(egfr.for_threshold(), (100.0, "mL/min/1.73 m²"));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn for_threshold(self) -> (f64, &'static str) {
        match self.indexed {
            Some((given, _)) => (given, "mL/min/1.73 m²"),
            None => (self.ml_per_min, "mL/min"),
        }
    }

    /// When the eGFR was given per 1.73 m²: the value as given and the body
    /// surface area (m²) it was de-indexed with.
    ///
    /// # Example
    ///
    /// See [`Egfr::from_indexed`].
    #[must_use]
    pub const fn indexed(self) -> Option<(f64, f64)> {
        self.indexed
    }

    /// The eGFR in mL/min.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Egfr;
    ///
    /// assert_eq!(Egfr::from_ml_per_min(30.0)?.ml_per_min(), 30.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn ml_per_min(self) -> f64 {
        self.ml_per_min
    }
}

impl crate::format::Written for Egfr {
    fn written(&self) -> (f64, u8, &'static str) {
        (self.ml_per_min, 1, "mL/min")
    }
}

impl fmt::Display for Egfr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mL/min", number(self.ml_per_min, 1))?;
        if let Some((given, bsa)) = self.indexed {
            write!(
                f,
                " (given as {} mL/min/1.73 m², de-indexed with a body surface area of {} m²)",
                number(given, 1),
                number(bsa, 2)
            )?;
        }
        Ok(())
    }
}

/// A plan's JSON form of the renal function it was checked with:
/// `{"value", "unit": "mL/min"}`, and when it was given per 1.73 m²,
/// `"given"` and `"body_surface_area"` as well.
#[cfg(feature = "serde")]
#[allow(
    clippy::ref_option,
    reason = "serde's serialize_with passes a reference to the field"
)]
pub(crate) fn plan_form<S: serde::Serializer>(
    egfr: &Option<Egfr>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap as _;
    let Some(egfr) = egfr else {
        return s.serialize_none();
    };
    let mut map = s.serialize_map(None)?;
    map.serialize_entry("value", &crate::wire::Number(egfr.ml_per_min))?;
    map.serialize_entry("unit", "mL/min")?;
    if let Some((given, bsa)) = egfr.indexed {
        map.serialize_entry(
            "given",
            &crate::wire::Quantity::new(given, "mL/min/{1.73_m2}"),
        )?;
        map.serialize_entry("body_surface_area", &crate::wire::Quantity::new(bsa, "m2"))?;
    }
    map.end()
}

#[cfg(feature = "serde")]
crate::wire::wire_units!(Egfr, "egfr", "mL/min, mL/min/{1.73_m2} (with patient.height)", |e: Egfr| match e.indexed {
    // Written back as it was given, so that a request reads back the same.
    Some((given, _)) => (given, "mL/min/{1.73_m2}"),
    None => (e.ml_per_min(), "mL/min"),
}, {
    "mL/min" => Egfr::from_ml_per_min,
});
