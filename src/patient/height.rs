use super::{Error, Length, centimeter, check_range, fmt, number};

/// A body height (length), finite and within 20 to 260 cm.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Height;
/// use uom::si::f64::Length;
/// use uom::si::length::meter;
///
/// assert_eq!(Height::new(Length::new::<meter>(1.75))?.cm(), 175.0);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 20 to 260 cm.
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
pub struct Height {
    pub(super) cm: f64,
}

impl Height {
    /// The shortest height accepted, in cm.
    pub const MIN_CM: f64 = 20.0;
    /// The tallest height accepted, in cm.
    pub const MAX_CM: f64 = 260.0;

    /// A height from any uom length.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Height;
    /// use uom::si::f64::Length;
    /// use uom::si::length::inch;
    ///
    /// assert_eq!(Height::new(Length::new::<inch>(40.0))?.cm(), 101.6);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(height: Length) -> Result<Self, Error> {
        Self::from_cm(height.get::<centimeter>())
    }

    /// A height in centimetres.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Height;
    ///
    /// assert_eq!(Height::from_cm(175.0)?.to_string(), "175 cm");
    /// // Metres typed as centimetres are caught.
    /// assert_eq!(
    ///     Height::from_cm(1.75).unwrap_err().to_string(),
    ///     "height 1.75 cm is not in the allowed range 20 to 260 cm",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_cm(cm: f64) -> Result<Self, Error> {
        // Rounded to a nanometre so that 1.75 m reads back as 175 cm.
        check_range("height", cm, Self::MIN_CM, Self::MAX_CM, "cm").map(|cm| Self {
            cm: (cm * 1e7).round() / 1e7,
        })
    }

    /// The height in centimetres.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Height;
    /// use uom::si::f64::Length;
    /// use uom::si::length::meter;
    ///
    /// assert_eq!(Height::new(Length::new::<meter>(1.02))?.cm(), 102.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn cm(self) -> f64 {
        self.cm
    }
}

impl fmt::Display for Height {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} cm", number(self.cm, 1))
    }
}

#[cfg(feature = "serde")]
crate::wire::wire_units!(Height, "height", "cm, m, mm, [in_i]", |h: Height| (h.cm(), "cm"), {
    "cm" => Height::from_cm,
    "m" => |m: f64| if m.is_finite() { Height::from_cm(m * 100.0) } else {
        Err(crate::error::Error::NotFinite { field: "height", value: m, unit: "m" })
    },
    "mm" => |mm: f64| if mm.is_finite() { Height::from_cm(mm / 10.0) } else {
        Err(crate::error::Error::NotFinite { field: "height", value: mm, unit: "mm" })
    },
    // The international inch is 2.54 cm exactly (UCUM [in_i]).
    "[in_i]" => |inches: f64| if inches.is_finite() { Height::from_cm(inches * CM_PER_INCH) } else {
        Err(crate::error::Error::NotFinite { field: "height", value: inches, unit: "[in_i]" })
    },
});

/// The international inch, cm (exact by definition; UCUM `[in_i]`).
#[cfg(feature = "serde")]
const CM_PER_INCH: f64 = 2.54;
