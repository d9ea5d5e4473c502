use std::sync::LazyLock;

use super::{
    Bound, Concentration, DailyDose, ER_CD_MAX_MG_PER_DAY, ER_CD_STRENGTHS_MG,
    ER_TIAZAC_MAX_MG_PER_DAY, ER_TIAZAC_STRENGTHS_MG, Error, Frequency, IR_MAX_MG_PER_DAY,
    IR_STRENGTHS_MG, Limit, Product, SUSPENSION_MAX_MG_PER_DAY, SUSPENSION_MG_PER_ML,
    SYRINGE_GRADUATION_ML, Scope, Splitting, UnitStrength, Volume, fmt, milliliter, sources,
};

/// A diltiazem formulation. They are not interchangeable mg for mg.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::diltiazem::Formulation;
///
/// assert_eq!(Formulation::ExtendedReleaseCd.max_daily().mg_per_day(), 480.0);
/// assert_eq!(Formulation::OralSuspension.to_string(), "diltiazem oral suspension 12 mg/mL");
/// ```
///
/// # References
///
/// [`sources::DILTIAZEM_LABEL`], [`sources::DILTIAZEM_SUSPENSION_USP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Formulation {
    /// Immediate-release tablets 30, 60, 90, 120 mg, 3 or 4 times daily.
    #[default]
    ImmediateRelease,
    /// Extended-release once-daily capsules, CD type (120–360 mg).
    ExtendedReleaseCd,
    /// Extended-release once-daily capsules, Tiazac type (120–420 mg).
    ExtendedReleaseTiazac,
    /// Compounded oral suspension 12 mg/mL, measured to 0.1 mL.
    OralSuspension,
}

impl Formulation {
    /// The label maximum for this formulation.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::diltiazem::Formulation;
    ///
    /// assert_eq!(Formulation::ImmediateRelease.max_daily().to_string(), "360 mg/day");
    /// assert_eq!(Formulation::ExtendedReleaseTiazac.max_daily().mg_per_day(), 540.0);
    /// ```
    #[must_use]
    pub const fn max_daily(self) -> DailyDose {
        DailyDose::derived(match self {
            Self::ImmediateRelease => IR_MAX_MG_PER_DAY,
            Self::ExtendedReleaseCd => ER_CD_MAX_MG_PER_DAY,
            Self::ExtendedReleaseTiazac => ER_TIAZAC_MAX_MG_PER_DAY,
            Self::OralSuspension => SUSPENSION_MAX_MG_PER_DAY,
        })
    }

    /// The frequencies documented for this formulation, the default first.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::diltiazem::Formulation;
    /// use calcinosis_dosing::Frequency;
    ///
    /// assert_eq!(
    ///     Formulation::ImmediateRelease.frequencies(),
    ///     [Frequency::ThreeTimesDaily, Frequency::FourTimesDaily],
    /// );
    /// assert_eq!(Formulation::ExtendedReleaseCd.frequencies(), [Frequency::OnceDaily]);
    /// ```
    #[must_use]
    pub const fn frequencies(self) -> &'static [Frequency] {
        match self {
            Self::ImmediateRelease | Self::OralSuspension => {
                &[Frequency::ThreeTimesDaily, Frequency::FourTimesDaily]
            }
            Self::ExtendedReleaseCd | Self::ExtendedReleaseTiazac => &[Frequency::OnceDaily],
        }
    }

    pub(super) const fn frequencies_text(self) -> &'static str {
        match self {
            Self::ImmediateRelease | Self::OralSuspension => "3 or 4 times daily",
            Self::ExtendedReleaseCd | Self::ExtendedReleaseTiazac => "once daily",
        }
    }

    /// The formulation's label maximum as a limit, with the label that
    /// holds it.
    pub(super) const fn max_limit(self) -> Limit {
        let (id, name, source) = match self {
            Self::ImmediateRelease => (
                "diltiazem.max_daily.immediate_release",
                "immediate-release usual maximum (top of the label's 180-360 mg/day range)",
                sources::DILTIAZEM_LABEL,
            ),
            Self::ExtendedReleaseCd => (
                "diltiazem.max_daily.extended_release_cd",
                "extended-release (CD type) maximum",
                sources::CARDIZEM_CD_LABEL,
            ),
            Self::ExtendedReleaseTiazac => (
                "diltiazem.max_daily.extended_release_tiazac",
                "extended-release (Tiazac type) maximum",
                sources::TIAZAC_LABEL,
            ),
            Self::OralSuspension => (
                "diltiazem.max_daily.oral_suspension",
                "suspension usual maximum (the immediate-release tablets' it is made from)",
                sources::DILTIAZEM_LABEL,
            ),
        };
        Limit::new(
            id,
            name,
            Bound::AtMost,
            self.max_daily().mg_per_day(),
            "mg/day",
            Scope::PerDay,
            source,
        )
    }

    /// The product the formulation is measured with, built once per
    /// process: a plan borrows it rather than building its strengths again.
    #[inline]
    pub(super) fn product(self) -> Result<&'static Product, Error> {
        static PRODUCTS: LazyLock<[Result<Product, Error>; 4]> =
            LazyLock::new(|| Formulation::ALL.map(Formulation::build_product));
        crate::product::built(self.of(&PRODUCTS))
    }

    /// Every formulation, in the order of a per-formulation table.
    pub(super) const ALL: [Self; 4] = [
        Self::ImmediateRelease,
        Self::ExtendedReleaseCd,
        Self::ExtendedReleaseTiazac,
        Self::OralSuspension,
    ];

    /// This formulation's entry of a table built over [`Formulation::ALL`].
    pub(super) const fn of<T>(self, table: &[T; 4]) -> &T {
        let [ir, cd, tiazac, suspension] = table;
        match self {
            Self::ImmediateRelease => ir,
            Self::ExtendedReleaseCd => cd,
            Self::ExtendedReleaseTiazac => tiazac,
            Self::OralSuspension => suspension,
        }
    }

    fn build_product(self) -> Result<Product, Error> {
        let strengths = |mgs: &[f64]| -> Result<Vec<UnitStrength>, Error> {
            mgs.iter().map(|&mg| UnitStrength::from_mg(mg)).collect()
        };
        let name = self.name();
        match self {
            Self::ImmediateRelease => {
                Product::tablets(name, &strengths(&IR_STRENGTHS_MG)?, Splitting::WholeOnly)
            }
            Self::ExtendedReleaseCd => Product::capsules(name, &strengths(&ER_CD_STRENGTHS_MG)?),
            Self::ExtendedReleaseTiazac => {
                Product::capsules(name, &strengths(&ER_TIAZAC_STRENGTHS_MG)?)
            }
            Self::OralSuspension => Product::oral_liquid(
                name,
                Concentration::from_mg_per_ml(SUSPENSION_MG_PER_ML)?,
                Volume::new::<milliliter>(SYRINGE_GRADUATION_ML),
            ),
        }
    }
}

impl Formulation {
    /// The formulation's name, as plans and messages write it.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::ImmediateRelease => "diltiazem immediate-release tablets",
            Self::ExtendedReleaseCd => "diltiazem extended-release capsules (CD type)",
            Self::ExtendedReleaseTiazac => "diltiazem extended-release capsules (Tiazac type)",
            Self::OralSuspension => "diltiazem oral suspension 12 mg/mL",
        }
    }
}

impl fmt::Display for Formulation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
