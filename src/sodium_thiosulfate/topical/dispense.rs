use super::{
    Error, Mass, MassFraction, Recipe, check_range, exact, exact_f64, fmt, gram, make_recipe,
    number, tenths_up, whole,
};

/// The size of one pack (a jar or tube) of cream, in g: finite, within 1 to
/// 5,000 g. The caller gives it; the crate does not assume a pack.
///
/// A pack size is what one container holds, not what the patient applies:
/// the quantity to dispense is a whole number of packs.
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 1 to 5,000 g.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::PackSize;
/// use uom::si::f64::Mass;
/// use uom::si::mass::{gram, kilogram};
///
/// assert_eq!(PackSize::new(Mass::new::<kilogram>(0.1))?.to_string(), "100 g");
/// assert_eq!(
///     PackSize::from_g(0.0).unwrap_err().to_string(),
///     "pack size 0 g is not in the allowed range 1 to 5,000 g",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// The bounds are this crate's plausibility check.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct PackSize {
    pub(super) g: f64,
}

impl PackSize {
    /// The smallest pack accepted, g.
    pub const MIN_G: f64 = 1.0;
    /// The largest pack accepted, g.
    pub const MAX_G: f64 = 5_000.0;

    /// A pack size from any uom mass.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::PackSize;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// assert_eq!(PackSize::new(Mass::new::<gram>(30.0))?.g(), 30.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(mass: Mass) -> Result<Self, Error> {
        Self::from_g(mass.get::<gram>())
    }

    /// A pack size in g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::PackSize;
    /// assert_eq!(PackSize::from_g(30.0)?.to_string(), "30 g");
    /// assert_eq!(
    ///     PackSize::from_g(6_000.0).unwrap_err().to_string(),
    ///     "pack size 6,000 g is not in the allowed range 1 to 5,000 g",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_g(g: f64) -> Result<Self, Error> {
        // Read to nine decimals, so that 0.1 kg reads back as 100 g.
        check_range("pack size", g, Self::MIN_G, Self::MAX_G, "g").map(|g| Self {
            g: exact::to_f64(exact::constant(g)),
        })
    }

    /// The pack size in g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::PackSize;
    /// assert_eq!(PackSize::from_g(250.0)?.g(), 250.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn g(self) -> f64 {
        self.g
    }
}

impl fmt::Display for PackSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} g", number(self.g, 2))
    }
}

/// The quantity to dispense: a whole number of packs.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
/// let area = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
/// let plan = topical::plan(&adult, &area, PackSize::from_g(100.0)?, &topical::Options::default())?;
/// // 0.5 g twice daily for 183 days is 183 g: 2 packs of 100 g.
/// assert_eq!(plan.dispense().packs(), 2);
/// assert_eq!(plan.dispense().total_g(), 200.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](super).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Dispense {
    pub(super) pack_size: PackSize,
    pub(super) packs: u64,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "total", serialize_with = "crate::wire::g")
    )]
    pub(super) total_g: f64,
}

impl Dispense {
    /// The size of one pack.
    ///
    /// See [`Dispense`] for an example of reading a plan.
    #[must_use]
    pub const fn pack_size(&self) -> PackSize {
        self.pack_size
    }

    /// How many packs.
    ///
    /// See [`Dispense`] for an example of reading a plan.
    #[must_use]
    pub const fn packs(&self) -> u64 {
        self.packs
    }

    /// The cream dispensed, g (packs × pack size).
    ///
    /// See [`Dispense`] for an example of reading a plan.
    #[must_use]
    pub const fn total_g(&self) -> f64 {
        self.total_g
    }
}

impl fmt::Display for Dispense {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} of {} ({} g)",
            number(exact_f64(self.packs), 0),
            if self.packs == 1 { "pack" } else { "packs" },
            self.pack_size,
            number(self.total_g, 2)
        )
    }
}

/// Identical compounding batches: how many, how many packs each fills, and
/// the recipe of one.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
/// let area = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
/// let options = topical::Options::default().packs_per_batch(2);
/// let plan = topical::plan(&adult, &area, PackSize::from_g(50.0)?, &options)?;
/// // 183 g is 4 packs of 50 g: 2 batches of 100 g.
/// let b = &plan.compounding()[0];
/// assert_eq!((b.count(), b.packs_each(), b.recipe().total_g()), (2, 2, 100.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::STS_COLD_CREAM_PREPARATION`](crate::sources::STS_COLD_CREAM_PREPARATION).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Batch {
    pub(super) count: u64,
    pub(super) packs_each: u64,
    pub(super) recipe: Recipe,
}

impl Batch {
    /// How many batches of this kind.
    ///
    /// See [`Batch`] for an example of reading a plan.
    #[must_use]
    pub const fn count(&self) -> u64 {
        self.count
    }

    /// How many packs each batch fills.
    ///
    /// See [`Batch`] for an example of reading a plan.
    #[must_use]
    pub const fn packs_each(&self) -> u64 {
        self.packs_each
    }

    /// The recipe of one batch.
    ///
    /// See [`Batch`] for an example of reading a plan.
    #[must_use]
    pub const fn recipe(&self) -> &Recipe {
        &self.recipe
    }
}

impl fmt::Display for Batch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let packs = if self.packs_each == 1 {
            "pack"
        } else {
            "packs"
        };
        if self.count == 1 {
            write!(
                f,
                "1 batch of {} {packs}",
                number(exact_f64(self.packs_each), 0)
            )?;
        } else {
            write!(
                f,
                "{} batches, each of {} {packs}",
                number(exact_f64(self.count), 0),
                number(exact_f64(self.packs_each), 0)
            )?;
        }
        write!(f, ": {}", self.recipe)
    }
}

/// The batches that fill `packs` packs, `packs_per_batch` (at least 1) to a
/// batch: full batches, then a smaller last one for the rest.
pub(super) fn compound(
    packs: u64,
    packs_per_batch: u64,
    pack: PackSize,
    strength: MassFraction,
) -> Result<Vec<Batch>, Error> {
    let full = packs / packs_per_batch.max(1);
    let rest = packs % packs_per_batch.max(1);
    let mut batches = Vec::with_capacity(2);
    for (count, packs_each) in [(full, packs_per_batch), (u64::from(rest > 0), rest)] {
        if count == 0 {
            continue;
        }
        let total_tenths = tenths_up(whole(packs_each) * exact::constant(pack.g()));
        batches.push(Batch {
            count,
            packs_each,
            recipe: make_recipe("batch", total_tenths, strength)?,
        });
    }
    Ok(batches)
}

// JSON: each quantity as {"value", "unit"} in the units it may be written in.
#[cfg(feature = "serde")]
crate::wire::wire_units!(PackSize, "pack size", "g, kg", |p: PackSize| (p.g(), "g"), {
    "g" => PackSize::from_g,
    "kg" => |kg: f64| if kg.is_finite() { PackSize::from_g(kg * 1_000.0) } else {
        Err(crate::error::Error::NotFinite { field: "pack size", value: kg, unit: "kg" })
    },
});
