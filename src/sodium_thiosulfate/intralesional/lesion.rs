use super::{Error, Length, RIM_EPSILON, check_range, exact, fmt, millimeter, number};

/// Where the lesion is.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSite;
///
/// assert_eq!(LesionSite::Fingertip.to_string(), "fingertip");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LesionSite {
    /// On a fingertip.
    Fingertip,
    /// Anywhere else.
    Elsewhere,
}

impl fmt::Display for LesionSite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Fingertip => "fingertip",
            Self::Elsewhere => "not on a fingertip",
        })
    }
}

/// Whether the lesion is alone or part of widespread disease.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Distribution;
///
/// assert_eq!(Distribution::Widespread.to_string(), "part of widespread disease");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Distribution {
    /// A single or few localised lesions.
    Localised,
    /// Part of widespread calcinosis.
    Widespread,
}

impl fmt::Display for Distribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Localised => "localised",
            Self::Widespread => "part of widespread disease",
        })
    }
}

/// Whether the lesion is ulcerated.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Ulceration;
///
/// assert_eq!(Ulceration::Absent.to_string(), "not ulcerated");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Ulceration {
    /// Not ulcerated.
    Absent,
    /// Ulcerated.
    Present,
}

impl fmt::Display for Ulceration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Absent => "not ulcerated",
            Self::Present => "ulcerated",
        })
    }
}

/// How a lesion's size was given: a diameter (a circle) or length × width
/// (an ellipse with those axes).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{LesionSize, Shape};
///
/// assert_eq!(LesionSize::diameter_mm(4.0)?.shape(), Shape::Circle);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Shape {
    /// Given by a diameter.
    Circle,
    /// Given as length × width.
    Ellipse,
}

/// A lesion's size: each dimension finite and within 0.5 to 200 mm.
///
/// Any uom length is accepted (4 mm and 0.4 cm are one size). The bounds are
/// this crate's plausibility check, not a clinical limit: they catch unit
/// slips and keep the grid layout bounded.
///
/// In JSON: `{"diameter": {"value": 4, "unit": "mm"}}` or
/// `{"length": {"value": 3, "unit": "cm"}, "width": {"value": 2, "unit": "cm"}}`.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
/// use uom::si::f64::Length;
/// use uom::si::length::{centimeter, millimeter};
///
/// let a = LesionSize::diameter(Length::new::<centimeter>(0.4))?;
/// assert_eq!(a.length_mm(), 4.0);
/// assert_eq!(a.to_string(), "4 mm diameter");
/// let b = LesionSize::length_by_width(
///     Length::new::<centimeter>(3.0),
///     Length::new::<millimeter>(15.0),
/// )?;
/// assert_eq!(b.to_string(), "30 mm × 15 mm");
/// assert!(LesionSize::diameter_mm(0.0).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// A volume is not a length, so it does not compile:
///
/// ```compile_fail
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
/// use uom::si::f64::Volume;
/// use uom::si::volume::milliliter;
///
/// let size = LesionSize::diameter(Volume::new::<milliliter>(4.0));
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 0.5 to 200 mm, naming the dimension ("lesion diameter", "lesion length",
/// "lesion width").
///
/// # References
///
/// Plausibility bounds of this crate (`DESIGN.md`).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SizeWire", into = "SizeWire"))]
pub struct LesionSize {
    pub(super) shape: Shape,
    pub(super) length_mm: f64,
    pub(super) width_mm: f64,
}

impl LesionSize {
    /// The smallest dimension accepted, in mm.
    pub const MIN_MM: f64 = 0.5;
    /// The largest dimension accepted, in mm.
    pub const MAX_MM: f64 = 200.0;

    pub(super) fn dimension(field: &'static str, mm: f64) -> Result<f64, Error> {
        check_range(
            field,
            exact::canonical(mm),
            Self::MIN_MM,
            Self::MAX_MM,
            "mm",
        )
    }

    /// A round lesion of this diameter.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// use uom::si::{f64::Length, length::centimeter};
    ///
    /// let size = LesionSize::diameter(Length::new::<centimeter>(1.5))?;
    /// assert_eq!(size.to_string(), "15 mm diameter");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn diameter(diameter: Length) -> Result<Self, Error> {
        Self::diameter_mm(diameter.get::<millimeter>())
    }

    /// A round lesion of this diameter in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// assert_eq!(LesionSize::diameter_mm(4.0)?.to_string(), "4 mm diameter");
    /// assert_eq!(
    ///     LesionSize::diameter_mm(250.0).unwrap_err().to_string(),
    ///     "lesion diameter 250 mm is not in the allowed range 0.5 to 200 mm",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn diameter_mm(mm: f64) -> Result<Self, Error> {
        let d = Self::dimension("lesion diameter", mm)?;
        Ok(Self {
            shape: Shape::Circle,
            length_mm: d,
            width_mm: d,
        })
    }

    /// An oval lesion of this length and width.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// use uom::si::f64::Length;
    /// use uom::si::length::{centimeter, millimeter};
    ///
    /// let size = LesionSize::length_by_width(
    ///     Length::new::<centimeter>(2.0),
    ///     Length::new::<millimeter>(8.0),
    /// )?;
    /// assert_eq!(size.to_string(), "20 mm × 8 mm");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn length_by_width(length: Length, width: Length) -> Result<Self, Error> {
        Self::length_by_width_mm(length.get::<millimeter>(), width.get::<millimeter>())
    }

    /// An oval lesion of this length and width in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(LesionSize::length_by_width_mm(30.0, 12.0)?.to_string(), "30 mm × 12 mm");
    /// let err = LesionSize::length_by_width_mm(30.0, 0.2).unwrap_err();
    /// assert!(matches!(err, Error::OutOfRange { field: "lesion width", .. }));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn length_by_width_mm(length_mm: f64, width_mm: f64) -> Result<Self, Error> {
        Ok(Self {
            shape: Shape::Ellipse,
            length_mm: Self::dimension("lesion length", length_mm)?,
            width_mm: Self::dimension("lesion width", width_mm)?,
        })
    }

    /// Circle or ellipse.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{LesionSize, Shape};
    /// assert_eq!(LesionSize::diameter_mm(10.0)?.shape(), Shape::Circle);
    /// assert_eq!(LesionSize::length_by_width_mm(10.0, 6.0)?.shape(), Shape::Ellipse);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn shape(&self) -> Shape {
        self.shape
    }

    /// The length (the diameter of a circle), in mm, along x.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// assert_eq!(LesionSize::length_by_width_mm(30.0, 12.0)?.length_mm(), 30.0);
    /// assert_eq!(LesionSize::diameter_mm(8.0)?.length_mm(), 8.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn length_mm(&self) -> f64 {
        self.length_mm
    }

    /// The width (the diameter of a circle), in mm, along y.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// assert_eq!(LesionSize::length_by_width_mm(30.0, 12.0)?.width_mm(), 12.0);
    /// assert_eq!(LesionSize::diameter_mm(8.0)?.width_mm(), 8.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn width_mm(&self) -> f64 {
        self.width_mm
    }

    /// The largest dimension, in mm.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// // The width can be the larger dimension.
    /// assert_eq!(LesionSize::length_by_width_mm(6.0, 9.0)?.largest_mm(), 9.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn largest_mm(&self) -> f64 {
        self.length_mm.max(self.width_mm)
    }

    /// Whether the point (x, y), in mm from the centre, is inside the lesion
    /// (on the rim counts).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::LesionSize;
    /// let size = LesionSize::length_by_width_mm(30.0, 12.0)?;
    /// assert!(size.contains(15.0, 0.0)); // on the rim, at the end of the length
    /// assert!(size.contains(0.0, 6.0)); // on the rim, at the end of the width
    /// assert!(!size.contains(10.0, 6.0));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn contains(&self, x_mm: f64, y_mm: f64) -> bool {
        let u = x_mm / (self.length_mm / 2.0);
        let v = y_mm / (self.width_mm / 2.0);
        u * u + v * v <= 1.0 + RIM_EPSILON
    }
}

impl fmt::Display for LesionSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.shape {
            Shape::Circle => write!(f, "{} mm diameter", number(self.length_mm, 2)),
            Shape::Ellipse => write!(
                f,
                "{} mm × {} mm",
                number(self.length_mm, 2),
                number(self.width_mm, 2)
            ),
        }
    }
}

/// A lesion: where it is, its size, whether it is part of widespread disease
/// and whether it is ulcerated. These decide the case-series schedule.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     Distribution, Lesion, LesionSite, LesionSize, Ulceration,
/// };
///
/// let lesion = Lesion::new(
///     LesionSite::Fingertip,
///     LesionSize::diameter_mm(4.0)?,
///     Distribution::Localised,
///     Ulceration::Absent,
/// );
/// assert_eq!(lesion.to_string(), "fingertip lesion, 4 mm diameter, localised, not ulcerated");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Lesion {
    pub(super) site: LesionSite,
    pub(super) size: LesionSize,
    pub(super) distribution: Distribution,
    pub(super) ulceration: Ulceration,
}

impl Lesion {
    /// A lesion.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Elsewhere,
    ///     LesionSize::diameter_mm(12.0)?,
    ///     Distribution::Widespread,
    ///     Ulceration::Present,
    /// );
    /// assert!(lesion.to_string().ends_with("part of widespread disease, ulcerated"));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    #[allow(
        clippy::similar_names,
        reason = "site and size are the issue's own words"
    )]
    pub const fn new(
        site: LesionSite,
        size: LesionSize,
        distribution: Distribution,
        ulceration: Ulceration,
    ) -> Self {
        Self {
            site,
            size,
            distribution,
            ulceration,
        }
    }

    /// Where it is.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Fingertip,
    ///     LesionSize::diameter_mm(4.0)?,
    ///     Distribution::Localised,
    ///     Ulceration::Absent,
    /// );
    /// assert_eq!(lesion.site(), LesionSite::Fingertip);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn site(&self) -> LesionSite {
        self.site
    }

    /// Its size.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Fingertip,
    ///     LesionSize::diameter_mm(4.0)?,
    ///     Distribution::Localised,
    ///     Ulceration::Absent,
    /// );
    /// assert_eq!(lesion.size().largest_mm(), 4.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn size(&self) -> LesionSize {
        self.size
    }

    /// Alone or part of widespread disease.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Fingertip,
    ///     LesionSize::diameter_mm(4.0)?,
    ///     Distribution::Localised,
    ///     Ulceration::Absent,
    /// );
    /// assert_eq!(lesion.distribution(), Distribution::Localised);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn distribution(&self) -> Distribution {
        self.distribution
    }

    /// Ulcerated or not.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let lesion = Lesion::new(
    ///     LesionSite::Fingertip,
    ///     LesionSize::diameter_mm(4.0)?,
    ///     Distribution::Localised,
    ///     Ulceration::Absent,
    /// );
    /// assert_eq!(lesion.ulceration(), Ulceration::Absent);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn ulceration(&self) -> Ulceration {
        self.ulceration
    }
}

impl fmt::Display for Lesion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.site {
            LesionSite::Fingertip => f.write_str("fingertip lesion")?,
            LesionSite::Elsewhere => f.write_str("lesion not on a fingertip")?,
        }
        write!(
            f,
            ", {}, {}, {}",
            self.size, self.distribution, self.ulceration
        )
    }
}

/// A lesion dimension read from JSON and checked against its range, as the
/// parser reads it (for the request schema).
#[cfg(feature = "serde")]
pub(crate) fn read_dimension(q: crate::wire::Quantity) -> Result<f64, Error> {
    length_mm("lesion diameter", q).and_then(|mm| LesionSize::dimension("lesion diameter", mm))
}

/// A length read from JSON, in mm (`mm` or `cm`).
#[cfg(feature = "serde")]
pub(super) fn length_mm(field: &'static str, q: crate::wire::Quantity) -> Result<f64, Error> {
    match q.unit.as_str() {
        "mm" => Ok(q.value),
        "cm" => Ok(q.value * 10.0),
        _ => Err(Error::UnknownUnit {
            field,
            unit: q.unit,
            expected: "mm, cm",
        }),
    }
}

/// The JSON form of a [`LesionSize`].
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SizeWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) diameter: Option<crate::wire::Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) length: Option<crate::wire::Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) width: Option<crate::wire::Quantity>,
}

#[cfg(feature = "serde")]
impl TryFrom<SizeWire> for LesionSize {
    type Error = Error;
    fn try_from(w: SizeWire) -> Result<Self, Error> {
        match (w.diameter, w.length, w.width) {
            (Some(d), None, None) => Self::diameter_mm(length_mm("lesion diameter", d)?),
            (None, Some(l), Some(w)) => Self::length_by_width_mm(
                length_mm("lesion length", l)?,
                length_mm("lesion width", w)?,
            ),
            (d, l, w) => Err(Error::Invalid {
                field: "lesion size",
                value: format!(
                    "with {}",
                    [
                        ("diameter", d.is_some()),
                        ("length", l.is_some()),
                        ("width", w.is_some())
                    ]
                    .iter()
                    .filter(|(_, given)| *given)
                    .map(|(name, _)| *name)
                    .collect::<Vec<_>>()
                    .join(", ")
                ),
                reason: "expected a diameter alone, or a length and a width".to_owned(),
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl From<LesionSize> for SizeWire {
    fn from(s: LesionSize) -> Self {
        let q = |value: f64| crate::wire::Quantity {
            value,
            unit: "mm".to_owned(),
        };
        match s.shape {
            Shape::Circle => Self {
                diameter: Some(q(s.length_mm)),
                length: None,
                width: None,
            },
            Shape::Ellipse => Self {
                diameter: None,
                length: Some(q(s.length_mm)),
                width: Some(q(s.width_mm)),
            },
        }
    }
}
