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
        .map(|ml_per_min| Self { ml_per_min })
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
        write!(f, "{} mL/min", number(self.ml_per_min, 1))
    }
}

#[cfg(feature = "serde")]
crate::wire::wire_units!(Egfr, "egfr", "mL/min", |e: Egfr| (e.ml_per_min(), "mL/min"), {
    "mL/min" => Egfr::from_ml_per_min,
});
