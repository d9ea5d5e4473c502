use super::{BodyWeight, Height, fmt, number};

/// A body surface area in m², computed by the Mosteller formula.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{BodySurfaceArea, BodyWeight, Height};
///
/// let bsa = BodySurfaceArea::mosteller(BodyWeight::from_kg(64.0)?, Height::from_cm(225.0)?);
/// assert!((bsa.m2() - 2.0).abs() < 1e-12);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// Mosteller RD. Simplified calculation of body-surface area. N Engl J Med
/// 1987;317(17):1098: BSA (m²) = √(height cm × weight kg / 3600).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(into = "crate::wire::Quantity"))]
pub struct BodySurfaceArea {
    pub(super) m2: f64,
}

impl BodySurfaceArea {
    /// The Mosteller body surface area, √(height cm × weight kg / 3600).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodySurfaceArea, BodyWeight, Height};
    ///
    /// // √(102 cm × 16 kg / 3600) = 0.673 m²
    /// let bsa = BodySurfaceArea::mosteller(BodyWeight::from_kg(16.0)?, Height::from_cm(102.0)?);
    /// assert_eq!(bsa.to_string(), "0.67 m²");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn mosteller(weight: BodyWeight, height: Height) -> Self {
        Self {
            m2: (height.cm() * weight.kg() / 3600.0).sqrt(),
        }
    }

    /// The area in square metres.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodySurfaceArea, BodyWeight, Height};
    ///
    /// // √(180 cm × 20 kg / 3600) = √1
    /// let bsa = BodySurfaceArea::mosteller(BodyWeight::from_kg(20.0)?, Height::from_cm(180.0)?);
    /// assert_eq!(bsa.m2(), 1.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn m2(self) -> f64 {
        self.m2
    }
}

impl crate::format::Written for BodySurfaceArea {
    fn written(&self) -> (f64, u8, &'static str) {
        (self.m2, 2, "m²")
    }
}

impl fmt::Display for BodySurfaceArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} m²", number(self.m2, 2))
    }
}

#[cfg(feature = "serde")]
impl From<BodySurfaceArea> for crate::wire::Quantity {
    fn from(b: BodySurfaceArea) -> Self {
        crate::wire::Quantity::new(b.m2(), "m2")
    }
}
