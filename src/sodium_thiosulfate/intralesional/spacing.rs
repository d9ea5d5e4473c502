#[cfg(feature = "serde")]
use super::length_mm;
use super::{
    Error, GRID_REGIMEN, GRID_SESSIONS_MAX, GRID_SESSIONS_MIN, Length, SPACING_MAX_MM,
    SPACING_MIN_MM, exact, fmt, millimeter, number, sources,
};

/// The distance between grid sites: finite and within the documented 5 to
/// 10 mm.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Spacing;
/// use uom::si::f64::Length;
/// use uom::si::length::centimeter;
///
/// assert_eq!(Spacing::new(Length::new::<centimeter>(1.0))?.mm(), 10.0);
/// assert_eq!(
///     Spacing::from_mm(12.0).unwrap_err().to_string(),
///     "spacing 12 mm is outside the documented intralesional sodium thiosulfate grid range \
///      of 5 to 10 mm (J Am Acad Dermatol 2013;69:e146 (intralesional sodium thiosulfate, \
///      lupus panniculitis; PubMed id not verified, search link))",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutsideRegimen`]
/// outside 5 to 10 mm.
///
/// # References
///
/// [`sources::JAAD_2013`]: sites every 5–10 mm.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Spacing {
    pub(super) mm: f64,
}

impl Spacing {
    /// A spacing from any uom length.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Spacing;
    /// use uom::si::{f64::Length, length::millimeter};
    ///
    /// assert_eq!(Spacing::new(Length::new::<millimeter>(7.5))?.to_string(), "7.5 mm");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(spacing: Length) -> Result<Self, Error> {
        Self::from_mm(spacing.get::<millimeter>())
    }

    /// A spacing in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Spacing;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(Spacing::from_mm(5.0)?.mm(), 5.0);
    /// let err = Spacing::from_mm(4.0).unwrap_err();
    /// assert!(matches!(err, Error::OutsideRegimen { field: "spacing", .. }));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_mm(mm: f64) -> Result<Self, Error> {
        let mm = exact::canonical(mm);
        if !mm.is_finite() {
            return Err(Error::NotFinite {
                field: "spacing",
                value: mm,
                unit: "mm",
            });
        }
        if !(SPACING_MIN_MM..=SPACING_MAX_MM).contains(&mm) {
            return Err(Error::OutsideRegimen {
                field: "spacing",
                value: mm,
                min: SPACING_MIN_MM,
                max: SPACING_MAX_MM,
                unit: "mm",
                regimen: GRID_REGIMEN,
                source_ref: sources::JAAD_2013.reference(),
            });
        }
        Ok(Self { mm })
    }

    /// The spacing in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Spacing;
    /// use uom::si::{f64::Length, length::centimeter};
    ///
    /// assert_eq!(Spacing::new(Length::new::<centimeter>(0.5))?.mm(), 5.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn mm(self) -> f64 {
        self.mm
    }
}

impl fmt::Display for Spacing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mm", number(self.mm, 2))
    }
}

/// The number of grid sessions: 2 or 3, as documented.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::GridSessions;
///
/// assert_eq!(GridSessions::new(3)?.get(), 3);
/// assert!(GridSessions::new(4).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::OutsideRegimen`] for anything but 2 or 3.
///
/// # References
///
/// [`sources::JAAD_2013`]: 2–3 injections per lesion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(into = "u32"))]
pub struct GridSessions {
    pub(super) count: u32,
}

impl GridSessions {
    /// 2 or 3 sessions.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::GridSessions;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(GridSessions::new(2)?.get(), 2);
    /// assert!(matches!(GridSessions::new(1), Err(Error::OutsideRegimen { field: "sessions", .. })));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(count: u32) -> Result<Self, Error> {
        if (GRID_SESSIONS_MIN..=GRID_SESSIONS_MAX).contains(&count) {
            Ok(Self { count })
        } else {
            Err(Error::OutsideRegimen {
                field: "sessions",
                value: f64::from(count),
                min: f64::from(GRID_SESSIONS_MIN),
                max: f64::from(GRID_SESSIONS_MAX),
                unit: "per lesion",
                regimen: GRID_REGIMEN,
                source_ref: sources::JAAD_2013.reference(),
            })
        }
    }

    /// The number of sessions.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::GridSessions;
    /// let sessions = GridSessions::new(3)?;
    /// assert_eq!(sessions.get(), 3);
    /// assert_eq!(u32::from(sessions), 3);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn get(self) -> u32 {
        self.count
    }
}

impl TryFrom<u32> for GridSessions {
    type Error = Error;
    fn try_from(count: u32) -> Result<Self, Error> {
        Self::new(count)
    }
}

/// JSON: a whole number, 2 or 3 (`3.0` reads as 3, as JSON Schema's
/// `integer` does); anything else gets [`GridSessions::new`]'s error.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for GridSessions {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let count = crate::wire::Count::deserialize(d)?;
        Self::new(count.0).map_err(serde::de::Error::custom)
    }
}

impl From<GridSessions> for u32 {
    fn from(s: GridSessions) -> Self {
        s.count
    }
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for Spacing {
    type Error = Error;
    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        Self::from_mm(length_mm("spacing", q)?)
    }
}

#[cfg(feature = "serde")]
impl From<Spacing> for crate::wire::Quantity {
    fn from(s: Spacing) -> Self {
        Self {
            value: s.mm,
            unit: "mm".to_owned(),
        }
    }
}
