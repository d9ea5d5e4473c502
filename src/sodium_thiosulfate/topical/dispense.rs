use super::{
    Error, Exact, Mass, MassFraction, Recipe, check_range, count_up, exact, exact_f64, fmt, gram,
    make_recipe, number, tenths_up,
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
/// // A prescriber's 180-day beyond-use date (from a stability study).
/// let options = topical::Options::default()
///     .beyond_use_date(topical::BeyondUseDate::from_days(180.0)?);
/// let plan = topical::plan(&adult, &area, PackSize::from_g(100.0)?, &options)?;
/// // 0.5 g twice daily for 183 days is 183 g, in supplies of 92 and 91 days:
/// // 1 pack of 100 g each.
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
/// let options = topical::Options::default()
///     .packs_per_batch(2)
///     .beyond_use_date(topical::BeyondUseDate::from_days(92.0)?);
/// let plan = topical::plan(&adult, &area, PackSize::from_g(50.0)?, &options)?;
/// // 1 g a day in supplies of 92 and 91 days: each 2 packs of 50 g, one batch.
/// let b = &plan.supplies()[0].batches()[0];
/// assert_eq!((b.count(), b.packs_each(), b.recipe().total_g()), (1, 2, 100.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::STS_CREAM_QUANTITIES`](crate::sources::STS_CREAM_QUANTITIES).
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

/// Identical supplies of cream: each is compounded, dispensed and used
/// within its beyond-use date, then the next one is made. How many, the day
/// the first starts (day 0 is the first day of the course), the days each
/// lasts, its packs and its compounding batches.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
/// let area = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
/// let plan = topical::plan(&adult, &area, PackSize::from_g(50.0)?, &topical::Options::default())?;
/// // 183 days, at most 14 days a supply: 14 supplies, 1 of 14 days and 13 of 13.
/// let supplies = plan.supplies();
/// assert_eq!((supplies[0].count(), supplies[0].days(), supplies[0].first_day()), (1, 14, 0));
/// assert_eq!((supplies[1].count(), supplies[1].days(), supplies[1].first_day()), (13, 13, 14));
/// assert_eq!(supplies[1].packs(), 1); // 13 g in a 50 g pack
/// assert_eq!(supplies[1].to_string(), "13 supplies of 13 days each, from day 14: 1 pack of 50 g (50 g) each");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::USP_795`](crate::sources::USP_795) for the default beyond-use
/// date; the packs are the course's daily amount over the supply's days,
/// rounded up to whole packs.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Supply {
    pub(super) count: u32,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::days"))]
    pub(super) first_day: u32,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::days"))]
    pub(super) days: u32,
    pub(super) packs: u64,
    pub(super) pack_size: PackSize,
    pub(super) batches: Vec<Batch>,
}

impl Supply {
    /// How many identical supplies.
    ///
    /// See [`Supply`] for an example.
    #[must_use]
    pub const fn count(&self) -> u32 {
        self.count
    }

    /// The day the first of them starts (day 0 is the course's first day).
    ///
    /// See [`Supply`] for an example.
    #[must_use]
    pub const fn first_day(&self) -> u32 {
        self.first_day
    }

    /// The days each lasts (at most the beyond-use date).
    ///
    /// See [`Supply`] for an example.
    #[must_use]
    pub const fn days(&self) -> u32 {
        self.days
    }

    /// The packs in each.
    ///
    /// See [`Supply`] for an example.
    #[must_use]
    pub const fn packs(&self) -> u64 {
        self.packs
    }

    /// The compounding batches that fill one supply's packs.
    ///
    /// See [`Supply`] for an example.
    #[must_use]
    pub fn batches(&self) -> &[Batch] {
        &self.batches
    }
}

impl fmt::Display for Supply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let each = if self.count == 1 { "" } else { " each" };
        write!(
            f,
            "{} {} of {} {}{each}, from day {}: {} {} of {} ({} g){each}",
            self.count,
            if self.count == 1 {
                "supply"
            } else {
                "supplies"
            },
            self.days,
            if self.days == 1 { "day" } else { "days" },
            self.first_day,
            number(exact_f64(self.packs), 0),
            if self.packs == 1 { "pack" } else { "packs" },
            self.pack_size,
            number(exact_f64(self.packs) * self.pack_size.g(), 2),
        )
    }
}

/// The course split into supplies of at most `beyond_use_days` each, as even
/// as whole days allow (the longer ones first); each supply holds the
/// packs its days need at `per_day` g a day.
pub(super) fn supplies(
    course_days: u32,
    beyond_use_days: u32,
    per_day: Exact,
    pack: PackSize,
    packs_per_batch: u64,
    strength: MassFraction,
) -> Result<Vec<Supply>, Error> {
    let beyond_use_days = beyond_use_days.max(1);
    let n = course_days.div_ceil(beyond_use_days).max(1);
    let (base, longer) = (course_days / n, course_days % n);
    let mut out = Vec::with_capacity(2);
    let mut first_day = 0;
    for (count, days) in [(longer, base + 1), (n - longer, base)] {
        if count == 0 || days == 0 {
            continue;
        }
        let need = exact::times(per_day, u64::from(days)).ok_or_else(|| {
            Error::too_large("course", format!("{days} days"), "the cream a supply needs")
        })?;
        let packs = count_up(need, exact::constant(pack.g())).max(1);
        out.push(Supply {
            count,
            first_day,
            days,
            packs,
            pack_size: pack,
            batches: compound(packs, packs_per_batch, pack, strength)?,
        });
        first_day += count * days;
    }
    Ok(out)
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
        let total_tenths = tenths_up(
            exact::times(exact::constant(pack.g()), packs_each).ok_or_else(|| {
                Error::too_large("pack_size", pack.to_string(), "the cream a batch makes")
            })?,
        );
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
