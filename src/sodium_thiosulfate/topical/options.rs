use super::{BeyondUseDate, CourseLength, DOCUMENTED_STRENGTH_PERCENT, MassFraction};

/// Options for a topical plan: the strength, the course, the beyond-use
/// date of each compounded supply and how many packs one compounding batch
/// fills. The common case is `Options::default()` (10 % w/w, 183 days,
/// USP 795's 14 days refrigerated, one pack per batch).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{
///     self, CourseLength, Options, PackSize, SkinArea, TreatedArea,
/// };
/// use calcinosis_dosing::{Age, BodyWeight, MassFraction, Patient};
///
/// let options = Options::default()
///     .strength(MassFraction::from_percent(20.0)?)
///     .course(CourseLength::from_months(4.0)?)
///     .packs_per_batch(2);
/// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
/// let area = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
/// let plan = topical::plan(&adult, &area, PackSize::from_g(10.0)?, &options)?;
/// // The plan records what it used: 20 % (with an alert), 122 days, and
/// // supplies of at most 14 days (14 g: 2 packs of 10 g) in batches of 2 packs.
/// assert_eq!(plan.strength().percent(), 20.0);
/// assert_eq!(plan.course().days(), 122);
/// assert_eq!(plan.supplies()[0].batches()[0].packs_each(), 2);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// See the [module documentation](super).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    pub(super) strength: MassFraction,
    pub(super) course: CourseLength,
    pub(super) packs_per_batch: u32,
    pub(super) beyond_use_date: BeyondUseDate,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            strength: MassFraction::derived(DOCUMENTED_STRENGTH_PERCENT),
            course: CourseLength::default(),
            packs_per_batch: 1,
            beyond_use_date: BeyondUseDate::USP_NON_PRESERVED_AQUEOUS,
        }
    }
}

impl Options {
    /// The largest number of packs one batch may fill.
    pub const MAX_PACKS_PER_BATCH: u32 = 100;

    /// The strength (checked when planning: 10 %, or 20 % or 25 % with an
    /// alert).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, MassFraction, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
    /// # let pack = PackSize::from_g(100.0)?;
    /// let options = topical::Options::default().strength(MassFraction::from_percent(20.0)?);
    /// let plan = topical::plan(&adult, &patch, pack, &options)?;
    /// assert_eq!(plan.strength().to_string(), "20 % w/w");
    /// // No source reports 15 %: refused when planning.
    /// let options = options.strength(MassFraction::from_percent(15.0)?);
    /// let err = topical::plan(&adult, &patch, pack, &options).unwrap_err();
    /// assert!(matches!(err, Error::NotDocumented { field: "strength", .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn strength(mut self, strength: MassFraction) -> Self {
        self.strength = strength;
        self
    }

    /// The course.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, CourseLength, Options, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
    /// let options = Options::default().course(CourseLength::from_weeks(12.0)?);
    /// let plan = topical::plan(&adult, &patch, PackSize::from_g(50.0)?, &options)?;
    /// assert_eq!(plan.course().days(), 84);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn course(mut self, course: CourseLength) -> Self {
        self.course = course;
        self
    }

    /// How many packs one compounding batch fills (checked when planning:
    /// 1 to 100).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
    /// # let pack = PackSize::from_g(100.0)?;
    /// let options = topical::Options::default().packs_per_batch(2);
    /// let plan = topical::plan(&adult, &patch, pack, &options)?;
    /// assert!(plan.supplies().iter().flat_map(|s| s.batches()).all(|b| b.packs_each() <= 2));
    /// let none = topical::Options::default().packs_per_batch(0);
    /// let err = topical::plan(&adult, &patch, pack, &none).unwrap_err();
    /// assert!(matches!(err, Error::OutOfRange { field: "packs per batch", .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn packs_per_batch(mut self, packs: u32) -> Self {
        self.packs_per_batch = packs;
        self
    }

    /// The beyond-use date of each compounded supply: the course is
    /// dispensed in supplies that each last at most this long.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, BeyondUseDate, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let patch = TreatedArea::Area(SkinArea::from_cm2(286.0)?);
    /// # let pack = PackSize::from_g(50.0)?;
    /// let options = topical::Options::default().beyond_use_date(BeyondUseDate::USP_PRESERVED_AQUEOUS);
    /// let plan = topical::plan(&adult, &patch, pack, &options)?;
    /// assert_eq!(plan.beyond_use_date().days(), 35);
    /// assert!(plan.supplies().iter().all(|s| s.days() <= 35));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn beyond_use_date(mut self, date: BeyondUseDate) -> Self {
        self.beyond_use_date = date;
        self
    }

    /// The beyond-use date these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_beyond_use_date(&self) -> BeyondUseDate {
        self.beyond_use_date
    }

    /// The strength these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_strength(&self) -> MassFraction {
        self.strength
    }

    /// The course these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_course(&self) -> CourseLength {
        self.course
    }

    /// The packs per batch these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_packs_per_batch(&self) -> u32 {
        self.packs_per_batch
    }
}
