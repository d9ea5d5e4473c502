use super::{
    Area, CM2_PER_FTU, Error, check_range, exact, fmt, number, small_number, square_centimeter,
};

/// A treated area of skin, in cm²: finite, within 1 to 60,000 cm².
///
/// Below 1 cm² an input is more likely a unit slip (m² typed as cm²); 6 m²
/// is above the largest body surface area the crate's weight and height
/// bounds allow (√(260 × 350 / 3600) ≈ 5.03 m², Mosteller). When the
/// patient's height is known, the plan also checks the area against the
/// patient's own body surface area.
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 1 to 60,000 cm².
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
/// use uom::si::area::{square_centimeter, square_meter};
/// use uom::si::f64::Area;
///
/// let a = SkinArea::new(Area::new::<square_meter>(0.006))?;
/// assert!((a.cm2() - 60.0).abs() < 1e-9);
/// assert_eq!(SkinArea::new(Area::new::<square_centimeter>(60.0))?.to_string(), "60 cm²");
/// assert_eq!(
///     SkinArea::from_cm2(0.5).unwrap_err().to_string(),
///     "treated area 0.5 cm² is not in the allowed range 1 to 60,000 cm²",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// A mass is not an area, so it does not compile:
///
/// ```compile_fail
/// use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
/// use uom::si::f64::Mass;
/// use uom::si::mass::gram;
///
/// let a = SkinArea::new(Mass::new::<gram>(60.0));
/// ```
///
/// # References
///
/// The bounds are this crate's plausibility check; the body surface area is
/// [`sources::MOSTELLER_1987`](crate::sources::MOSTELLER_1987).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct SkinArea {
    pub(super) cm2: f64,
}

impl SkinArea {
    /// The smallest area accepted, cm².
    pub const MIN_CM2: f64 = 1.0;
    /// The largest area accepted, cm².
    pub const MAX_CM2: f64 = 60_000.0;

    /// An area from any uom area.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// # use uom::si::{area::square_meter, f64::Area};
    /// let a = SkinArea::new(Area::new::<square_meter>(0.0143))?;
    /// assert_eq!(a.to_string(), "143 cm²");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(area: Area) -> Result<Self, Error> {
        Self::from_cm2(area.get::<square_centimeter>())
    }

    /// An area in cm².
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// # use calcinosis_dosing::Error;
    /// assert_eq!(SkinArea::from_cm2(572.0)?.cm2(), 572.0);
    /// assert!(matches!(SkinArea::from_cm2(f64::NAN), Err(Error::NotFinite { .. })));
    /// assert_eq!(
    ///     SkinArea::from_cm2(70_000.0).unwrap_err().to_string(),
    ///     "treated area 70,000 cm² is not in the allowed range 1 to 60,000 cm²",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_cm2(cm2: f64) -> Result<Self, Error> {
        // Read to nine decimals, so that 0.006 m² reads back as 60 cm².
        check_range("treated area", cm2, Self::MIN_CM2, Self::MAX_CM2, "cm²").map(|cm2| Self {
            cm2: exact::to_f64(exact::constant(cm2)),
        })
    }

    /// The area in cm².
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// assert_eq!(SkinArea::from_cm2(60.0)?.cm2(), 60.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn cm2(self) -> f64 {
        self.cm2
    }

    /// The area as a uom area.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// # use uom::si::area::square_meter;
    /// assert_eq!(SkinArea::from_cm2(572.0)?.area().get::<square_meter>(), 0.0572);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn area(self) -> Area {
        Area::new::<square_centimeter>(self.cm2)
    }

    /// The fingertip units that cover it (area ÷ 286 cm²).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::SkinArea;
    /// // 1 FTU covers 286 cm².
    /// assert_eq!(SkinArea::from_cm2(572.0)?.fingertip_units(), 2.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn fingertip_units(self) -> f64 {
        self.cm2 / CM2_PER_FTU
    }
}

impl fmt::Display for SkinArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} cm²", number(self.cm2, 1))
    }
}

/// A body region of the adult fingertip-unit table.
///
/// Arms, hands, legs and feet are one side each; a body has at most two of
/// each, and one face and neck, front of trunk and back.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::BodyRegion;
///
/// assert_eq!(BodyRegion::Leg.adult_fingertip_units(), 6.0);
/// assert_eq!(BodyRegion::FaceAndNeck.to_string(), "face and neck");
/// ```
///
/// # References
///
/// [`sources::LONG_FINLAY_1991`](crate::sources::LONG_FINLAY_1991): face and neck 2.5; arm 3; hand 1; leg 6;
/// foot 2; front of trunk 7; back 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BodyRegion {
    /// Face and neck, 2.5 FTU.
    FaceAndNeck,
    /// One arm, 3 FTU.
    Arm,
    /// One hand, both sides, 1 FTU.
    Hand,
    /// One leg, 6 FTU.
    Leg,
    /// One foot, 2 FTU.
    Foot,
    /// The front of the trunk, 7 FTU.
    FrontTrunk,
    /// The back, 7 FTU.
    Back,
}

impl BodyRegion {
    /// Every region, in the table's order.
    pub const ALL: [Self; 7] = [
        Self::FaceAndNeck,
        Self::Arm,
        Self::Hand,
        Self::Leg,
        Self::Foot,
        Self::FrontTrunk,
        Self::Back,
    ];

    /// Fingertip units for this region of an adult
    /// ([`sources::LONG_FINLAY_1991`](crate::sources::LONG_FINLAY_1991)).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::BodyRegion;
    /// assert_eq!(BodyRegion::Arm.adult_fingertip_units(), 3.0);
    /// // A whole adult body: 40.5 FTU, about 20 g of cream.
    /// let body: f64 = BodyRegion::ALL
    ///     .iter()
    ///     .map(|r| r.adult_fingertip_units() * r.per_body() as f64)
    ///     .sum();
    /// assert_eq!(body, 40.5);
    /// ```
    #[must_use]
    pub const fn adult_fingertip_units(self) -> f64 {
        match self {
            Self::FaceAndNeck => 2.5,
            Self::Arm => 3.0,
            Self::Hand => 1.0,
            Self::Leg => 6.0,
            Self::Foot => 2.0,
            Self::FrontTrunk | Self::Back => 7.0,
        }
    }

    /// How many of this region a body has.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::BodyRegion;
    /// assert_eq!(BodyRegion::Foot.per_body(), 2);
    /// assert_eq!(BodyRegion::Back.per_body(), 1);
    /// ```
    #[must_use]
    pub const fn per_body(self) -> usize {
        match self {
            Self::Arm | Self::Hand | Self::Leg | Self::Foot => 2,
            Self::FaceAndNeck | Self::FrontTrunk | Self::Back => 1,
        }
    }

    pub(super) const fn plural(self) -> &'static str {
        match self {
            Self::Arm => "arms",
            Self::Hand => "hands",
            Self::Leg => "legs",
            Self::Foot => "feet",
            Self::FaceAndNeck => "face and neck",
            Self::FrontTrunk => "front of trunk",
            Self::Back => "back",
        }
    }
}

impl fmt::Display for BodyRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::FaceAndNeck => "face and neck",
            Self::Arm => "arm",
            Self::Hand => "hand",
            Self::Leg => "leg",
            Self::Foot => "foot",
            Self::FrontTrunk => "front of trunk",
            Self::Back => "back",
        })
    }
}

/// A caller-given scale for the adult fingertip-unit table, in % of the
/// adult amount: finite, within 1 to 100 %.
///
/// The clinical reference has only the adult table, so the crate does not
/// scale regions for a child by itself; a caller who has a child's table (or
/// another basis) gives the factor here, and the plan says so in an alert.
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 1 to 100 %.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::RegionScale;
///
/// assert_eq!(RegionScale::from_percent(40.0)?.to_string(), "40 %");
/// assert!(RegionScale::from_percent(150.0).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// The bounds are this crate's; the table it scales is
/// [`sources::LONG_FINLAY_1991`](crate::sources::LONG_FINLAY_1991).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct RegionScale {
    pub(super) percent: f64,
}

impl RegionScale {
    /// The smallest scale accepted, %.
    pub const MIN_PERCENT: f64 = 1.0;
    /// The largest scale accepted, %: the adult table itself.
    pub const MAX_PERCENT: f64 = 100.0;

    /// A scale in % of the adult table.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::RegionScale;
    /// assert_eq!(RegionScale::from_percent(40.0)?.percent(), 40.0);
    /// assert_eq!(
    ///     RegionScale::from_percent(0.5).unwrap_err().to_string(),
    ///     "region scale 0.5 % is not in the allowed range 1 to 100 %",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_percent(percent: f64) -> Result<Self, Error> {
        check_range(
            "region scale",
            percent,
            Self::MIN_PERCENT,
            Self::MAX_PERCENT,
            "%",
        )
        .map(|percent| Self { percent })
    }

    /// The scale in %.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::RegionScale;
    /// assert_eq!(RegionScale::from_percent(62.5)?.percent(), 62.5);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn percent(self) -> f64 {
        self.percent
    }
}

impl fmt::Display for RegionScale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", number(self.percent, 2))
    }
}

/// Body regions to treat, from the adult fingertip-unit table, optionally
/// scaled by a caller-given factor.
///
/// # Errors
///
/// [`Regions::new`] returns [`Error::Invalid`] for an empty list, or more of
/// a region than a body has (two arms, hands, legs, feet; one face and
/// neck, front of trunk, back).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
///
/// let hands = Regions::new(&[BodyRegion::Hand, BodyRegion::Hand])?;
/// assert_eq!(hands.fingertip_units(), 2.0);
/// assert_eq!(hands.to_string(), "both hands");
/// let scaled = hands.scaled(RegionScale::from_percent(50.0)?);
/// assert_eq!(scaled.fingertip_units(), 1.0);
/// assert_eq!(
///     Regions::new(&[BodyRegion::Back; 2]).unwrap_err().to_string(),
///     "body regions back × 2 is invalid: a body has 1 back",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::LONG_FINLAY_1991`](crate::sources::LONG_FINLAY_1991).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Regions {
    pub(super) regions: Vec<BodyRegion>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) scale: Option<RegionScale>,
}

impl Regions {
    /// The regions listed (a region twice for both sides), unscaled.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// assert_eq!(regions.to_string(), "both arms, back");
    /// assert_eq!(
    ///     Regions::new(&[]).unwrap_err().to_string(),
    ///     "body regions none is invalid: give at least one region",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(regions: &[BodyRegion]) -> Result<Self, Error> {
        if regions.is_empty() {
            return Err(Error::Invalid {
                field: "body regions",
                value: "none".to_owned(),
                reason: "give at least one region".to_owned(),
            });
        }
        for region in BodyRegion::ALL {
            let count = regions.iter().filter(|&&r| r == region).count();
            if count > region.per_body() {
                return Err(Error::Invalid {
                    field: "body regions",
                    value: format!("{region} × {count}"),
                    reason: format!(
                        "a body has {} {}",
                        region.per_body(),
                        if region.per_body() == 1 {
                            region.to_string()
                        } else {
                            region.plural().to_owned()
                        }
                    ),
                });
            }
        }
        let mut regions = regions.to_vec();
        regions.sort_unstable();
        Ok(Self {
            regions,
            scale: None,
        })
    }

    /// The same regions scaled by a caller-given factor.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// // 13 FTU in the adult table; 40 % of it for a smaller patient.
    /// let scaled = regions.scaled(RegionScale::from_percent(40.0)?);
    /// assert_eq!(scaled.fingertip_units(), 5.2);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn scaled(mut self, scale: RegionScale) -> Self {
        self.scale = Some(scale);
        self
    }

    /// The regions, in the table's order.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// assert_eq!(regions.regions(), [BodyRegion::Arm, BodyRegion::Arm, BodyRegion::Back]);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn regions(&self) -> &[BodyRegion] {
        &self.regions
    }

    /// The scale, if one was given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// assert_eq!(regions.scale(), None);
    /// let scale = RegionScale::from_percent(40.0)?;
    /// assert_eq!(regions.scaled(scale).scale(), Some(scale));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn scale(&self) -> Option<RegionScale> {
        self.scale
    }

    /// The adult fingertip units of the regions, before any scale.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// // arm 3 + arm 3 + back 7
    /// let scaled = regions.scaled(RegionScale::from_percent(40.0)?);
    /// assert_eq!(scaled.adult_fingertip_units(), 13.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn adult_fingertip_units(&self) -> f64 {
        self.regions.iter().map(|r| r.adult_fingertip_units()).sum()
    }

    /// The fingertip units per application: the adult table's, times the
    /// scale when there is one.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, RegionScale, Regions};
    /// let regions = Regions::new(&[BodyRegion::Back, BodyRegion::Arm, BodyRegion::Arm])?;
    /// assert_eq!(regions.fingertip_units(), 13.0);
    /// let scaled = regions.scaled(RegionScale::from_percent(40.0)?);
    /// assert_eq!(scaled.fingertip_units(), 5.2);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn fingertip_units(&self) -> f64 {
        let adult = self.adult_fingertip_units();
        self.scale.map_or(adult, |s| adult * s.percent() / 100.0)
    }
}

impl fmt::Display for Regions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for region in BodyRegion::ALL {
            let count = self.regions.iter().filter(|&&r| r == region).count();
            if count == 0 {
                continue;
            }
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            match (count, region.per_body()) {
                (1, 1) => write!(f, "{region}")?,
                (1, _) => write!(f, "one {region}")?,
                _ => write!(f, "both {}", region.plural())?,
            }
        }
        Ok(())
    }
}

/// What is treated: an area in cm², or body regions in fingertip units.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, Regions, SkinArea, TreatedArea};
///
/// let patch = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
/// assert_eq!(patch.fingertip_units(), 1.0);
/// let arm = TreatedArea::Regions(Regions::new(&[BodyRegion::Arm])?);
/// assert_eq!(arm.fingertip_units(), 3.0);
/// assert_eq!(arm.to_string(), "one arm (3 FTU, adult table)");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::LONG_FINLAY_1991`](crate::sources::LONG_FINLAY_1991): 1 FTU ≈ 286 cm²; the adult table.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TreatedArea {
    /// An area of skin.
    Area(SkinArea),
    /// Body regions of the fingertip-unit table.
    Regions(Regions),
}

impl TreatedArea {
    /// Fingertip units per application.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, Regions, SkinArea, TreatedArea};
    /// assert_eq!(TreatedArea::Area(SkinArea::from_cm2(143.0)?).fingertip_units(), 0.5);
    /// let hand = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand])?);
    /// assert_eq!(hand.fingertip_units(), 1.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn fingertip_units(&self) -> f64 {
        match self {
            Self::Area(a) => a.fingertip_units(),
            Self::Regions(r) => r.fingertip_units(),
        }
    }

    /// The area in cm²: as given, or the regions' fingertip units × 286 cm²
    /// (an equivalent: the adult table need not add up to a body's surface).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{BodyRegion, Regions, SkinArea, TreatedArea};
    /// assert_eq!(TreatedArea::Area(SkinArea::from_cm2(143.0)?).cm2(), 143.0);
    /// // One hand is 1 FTU, taken as 286 cm².
    /// let hand = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand])?);
    /// assert_eq!(hand.cm2(), 286.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn cm2(&self) -> f64 {
        match self {
            Self::Area(a) => a.cm2(),
            Self::Regions(r) => r.fingertip_units() * CM2_PER_FTU,
        }
    }
}

impl fmt::Display for TreatedArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Area(a) => write!(f, "{a} ({} FTU)", small_number(a.fingertip_units(), 2)),
            Self::Regions(r) => match r.scale() {
                None => write!(
                    f,
                    "{r} ({} FTU, adult table)",
                    number(r.fingertip_units(), 2)
                ),
                Some(s) => write!(
                    f,
                    "{r} ({} FTU: {s} of the adult table's {} FTU)",
                    number(r.fingertip_units(), 2),
                    number(r.adult_fingertip_units(), 2)
                ),
            },
        }
    }
}

/// The treated area as a share of the patient's body surface area, in
/// percent: a plan shows it whenever the area is given in cm² (a body
/// region's share is not in the crate's sources, so a region plan has none).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, AreaShare, PackSize, SkinArea, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Height, Patient};
///
/// let area = TreatedArea::Area(SkinArea::from_cm2(600.0)?);
/// let pack = PackSize::from_g(50.0)?;
/// let options = topical::Options::default();
/// // With a height: the share of the Mosteller body surface area.
/// let measured = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?)
///     .with_height(Height::from_cm(116.0)?);
/// let share = topical::plan(&measured, &area, pack, &options)?.area_share().unwrap();
/// // 600 cm² over sqrt(20 × 116 / 3600) = 0.8028 m²: 7.47 %.
/// assert_eq!(share.to_string(), "7.47 % of body surface area");
/// // Without one: at least the share of the largest area the weight allows.
/// let unmeasured = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let share = topical::plan(&unmeasured, &area, pack, &options)?.area_share().unwrap();
/// assert!(matches!(share, AreaShare::AtLeast { .. }));
/// // 600 cm² over 12,018.504 cm² (20 kg at the tallest height accepted): 4.9923 %.
/// assert_eq!(share.to_string(), "at least 4.9923 % of body surface area (no height given)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Body surface area by [`sources::MOSTELLER_1987`](crate::sources::MOSTELLER_1987).
/// No source the crate holds gives a threshold of occluded area for a
/// child, so the share is shown without an alert.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "basis"))]
#[non_exhaustive]
pub enum AreaShare {
    /// The share of the patient's body surface area (from weight and height).
    Of {
        /// The treated area over the body surface area, in percent.
        #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::percent"))]
        percent: f64,
    },
    /// At least this share: the treated area over the largest body surface
    /// area the weight allows (no height was given).
    AtLeast {
        /// The treated area over the largest body surface area, in percent.
        #[cfg_attr(
            feature = "serde",
            serde(serialize_with = "crate::wire::percent_lower_bound")
        )]
        percent: f64,
    },
}

impl AreaShare {
    /// The percentage (a lower bound for [`AreaShare::AtLeast`]).
    ///
    /// See [`AreaShare`] for an example.
    #[must_use]
    pub const fn percent(self) -> f64 {
        match self {
            Self::Of { percent } | Self::AtLeast { percent } => percent,
        }
    }
}

impl fmt::Display for AreaShare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Of { percent } => {
                write!(f, "{} % of body surface area", small_number(*percent, 2))
            }
            // A lower bound is written rounded down, so the text never
            // claims more than the data (4.99 %, not 5 %).
            Self::AtLeast { percent } => write!(
                f,
                "at least {} % of body surface area (no height given)",
                number((percent * 10_000.0).floor() / 10_000.0, 4)
            ),
        }
    }
}

#[cfg(feature = "serde")]
crate::wire::wire_units!(SkinArea, "treated area", "cm2, mm2, m2", |a: SkinArea| (a.cm2(), "cm2"), {
    "cm2" => SkinArea::from_cm2,
    "mm2" => |mm2: f64| if mm2.is_finite() { SkinArea::from_cm2(mm2 / 100.0) } else {
        Err(crate::error::Error::NotFinite { field: "treated area", value: mm2, unit: "mm²" })
    },
    "m2" => |m2: f64| if m2.is_finite() { SkinArea::from_cm2(m2 * 10_000.0) } else {
        Err(crate::error::Error::NotFinite { field: "treated area", value: m2, unit: "m²" })
    },
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(RegionScale, "region scale", "%", |r: RegionScale| (r.percent(), "%"), {
    "%" => RegionScale::from_percent,
});
