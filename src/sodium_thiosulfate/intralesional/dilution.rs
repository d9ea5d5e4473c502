use super::{
    Bound, CheckedLimit, Concentration, DEFAULT_GRADUATION_ML, Error, Exact, InjectionVolume,
    Limit, Purpose, RIM_EPSILON, Scope, Solution, Stock, Tolerance, Use, Volume, check_range,
    exact, fmt, milliliter, number, signed_percent, sources,
};

/// How many whole `step`s reach `amount`, rounded up, decided exactly.
pub(super) fn steps_up(amount: Exact, step: Exact) -> u64 {
    exact::neighbours(amount, step).map_or(0, |(_, ceil)| ceil)
}

/// The graduation of the syringe a dilution is measured with: finite and
/// within 0.01 to 1 mL. The default is 0.1 mL ([`DEFAULT_GRADUATION_ML`]).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Graduation;
///
/// assert_eq!(Graduation::default().ml(), 0.1);
/// assert_eq!(Graduation::from_ml(0.01)?.to_string(), "0.01 mL");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] or [`Error::OutOfRange`] outside 0.01 to 1 mL.
///
/// # References
///
/// Clinical reference section 4 (0.1 mL on 1–10 mL syringes); the bounds
/// are those of [`crate::Product::oral_liquid`].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct Graduation {
    pub(super) ml: f64,
}

impl Graduation {
    /// The finest graduation accepted, mL.
    pub const MIN_ML: f64 = 0.01;
    /// The coarsest graduation accepted, mL.
    pub const MAX_ML: f64 = 1.0;

    /// A graduation from any uom volume.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Graduation;
    /// use uom::si::{f64::Volume, volume::milliliter};
    ///
    /// assert_eq!(Graduation::new(Volume::new::<milliliter>(0.05))?.to_string(), "0.05 mL");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(graduation: Volume) -> Result<Self, Error> {
        Self::from_ml(graduation.get::<milliliter>())
    }

    /// A graduation in mL.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Graduation;
    /// assert_eq!(Graduation::from_ml(0.1)?, Graduation::default());
    /// assert_eq!(
    ///     Graduation::from_ml(2.0).unwrap_err().to_string(),
    ///     "graduation 2 mL is not in the allowed range 0.01 to 1 mL",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_ml(ml: f64) -> Result<Self, Error> {
        check_range(
            "graduation",
            exact::canonical(ml),
            Self::MIN_ML,
            Self::MAX_ML,
            "mL",
        )
        .map(|ml| Self { ml })
    }

    /// The graduation in mL.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Graduation;
    /// assert_eq!(Graduation::default().ml(), 0.1);
    /// assert_eq!(Graduation::from_ml(0.02)?.ml(), 0.02);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn ml(self) -> f64 {
        self.ml
    }
}

impl Default for Graduation {
    fn default() -> Self {
        Self {
            ml: DEFAULT_GRADUATION_ML,
        }
    }
}

impl fmt::Display for Graduation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mL", number(self.ml, 3))
    }
}

/// What the stock is diluted with.
///
/// In JSON: `"sterile_water"`, `"sodium_chloride_0_9_percent"`, or
/// `{"lidocaine": {"strength": "one_percent", "formulation": "plain"}}`.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Diluent;
///
/// assert_eq!(Diluent::SodiumChloride.to_string(), "sodium chloride 0.9 % (9 mg/mL)");
/// ```
///
/// # References
///
/// Lidocaine as a diluent counts toward its maximum
/// ([`sources::LIDOCAINE_LABEL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Diluent {
    /// Sterile water for injection.
    SterileWater,
    /// Sodium chloride 0.9 %.
    #[cfg_attr(feature = "serde", serde(rename = "sodium_chloride_0_9_percent"))]
    SodiumChloride,
    /// A lidocaine solution: counts toward the lidocaine maximum.
    Lidocaine(Solution),
}

impl fmt::Display for Diluent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SterileWater => f.write_str("sterile water for injection"),
            Self::SodiumChloride => f.write_str("sodium chloride 0.9 % (9 mg/mL)"),
            Self::Lidocaine(s) => s.fmt(f),
        }
    }
}

/// How to dilute: the stock, the diluent, the syringe graduation and the
/// tolerance on the prepared concentration (default 10 %).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution, Graduation};
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Concentration, InjectionVolume};
///
/// let d = Dilution::new(Stock::Injection, Diluent::SterileWater)
///     .graduation(Graduation::from_ml(0.01)?);
/// let p = prepare(Concentration::from_mg_per_ml(150.0)?, InjectionVolume::from_ml(0.25)?, &d)?;
/// assert_eq!(p.graduation().ml(), 0.01);
/// assert_eq!(p.stock_volume().ml(), 0.15);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dilution {
    pub(super) stock: Stock,
    pub(super) diluent: Diluent,
    pub(super) graduation: Graduation,
    pub(super) tolerance: Tolerance,
}

impl Dilution {
    /// Dilute `stock` with `diluent`, measured to 0.1 mL, within 10 %.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// let dilution = Dilution::new(Stock::Injection, Diluent::SterileWater);
    /// let p = prepare(Concentration::from_mg_per_ml(150.0)?, InjectionVolume::from_ml(5.0)?, &dilution)?;
    /// assert_eq!(p.graduation().ml(), 0.1);
    /// assert_eq!(p.tolerance().percent(), 10.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(stock: Stock, diluent: Diluent) -> Self {
        Self {
            stock,
            diluent,
            graduation: Graduation {
                ml: DEFAULT_GRADUATION_ML,
            },
            tolerance: Tolerance::DEFAULT,
        }
    }

    /// The syringe graduation.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution, Graduation};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume};
    /// let fine = Dilution::new(Stock::Injection, Diluent::SodiumChloride)
    ///     .graduation(Graduation::from_ml(0.01)?);
    /// // 0.12 mL of stock is measurable at 0.01 mL: 0.2 mL of 150 mg/mL, as asked.
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(0.2)?, &fine)?;
    /// assert_eq!(recipe.stock_volume().ml(), 0.12);
    /// assert!(!recipe.is_adjusted());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn graduation(mut self, graduation: Graduation) -> Self {
        self.graduation = graduation;
        self
    }

    /// The tolerance on the prepared concentration.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Concentration, InjectionVolume, Tolerance};
    /// let strict = Dilution::new(Stock::Injection, Diluent::SodiumChloride)
    ///     .tolerance(Tolerance::from_percent(1.0)?);
    /// // 0.4 + 0.3 mL would make 142.857 mg/mL, 4.8 % low: the total is raised.
    /// let target = Concentration::from_mg_per_ml(150.0)?;
    /// let recipe = prepare(target, InjectionVolume::from_ml(0.7)?, &strict)?;
    /// assert_eq!(recipe.total().ml(), 1.0);
    /// assert_eq!(recipe.stock_volume().ml(), 0.6);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn tolerance(mut self, tolerance: Tolerance) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// The stock these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_stock(&self) -> Stock {
        self.stock
    }

    /// The diluent these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_diluent(&self) -> Diluent {
        self.diluent
    }

    /// The graduation these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_graduation(&self) -> Graduation {
        self.graduation
    }

    /// The tolerance these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_tolerance(&self) -> Tolerance {
        self.tolerance
    }
}

/// A recipe: how much stock and diluent make how much of what
/// concentration, and whether the total had to be raised.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Concentration, InjectionVolume};
///
/// let recipe = prepare(
///     Concentration::from_mg_per_ml(150.0)?,
///     InjectionVolume::from_ml(5.0)?,
///     &Dilution::new(Stock::Injection, Diluent::SterileWater),
/// )?;
/// assert_eq!(recipe.stock_volume().ml(), 3.0);
/// assert_eq!(recipe.diluent_volume().map(InjectionVolume::ml), Some(2.0));
/// assert!(!recipe.is_adjusted());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Preparation {
    pub(super) stock: Stock,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) diluent: Option<Diluent>,
    pub(super) target: Concentration,
    pub(super) requested_total: InjectionVolume,
    pub(super) stock_volume: InjectionVolume,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) diluent_volume: Option<InjectionVolume>,
    pub(super) total: InjectionVolume,
    pub(super) prepared: Concentration,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::percent"))]
    pub(super) deviation_percent: f64,
    pub(super) graduation: Graduation,
    pub(super) tolerance: Tolerance,
}

impl Preparation {
    /// The dilution's rounding as a checked limit: how far the prepared
    /// concentration is from the target, against the tolerance.
    pub(crate) fn checked(&self) -> CheckedLimit {
        CheckedLimit::new(
            Limit::new(
                "rounding.tolerance",
                "rounding tolerance (dilution to whole graduations)",
                Bound::AtMost,
                self.tolerance.percent(),
                "%",
                Scope::Preparation,
                sources::ROUNDING_RULE,
            ),
            self.deviation_percent.abs(),
        )
    }

    /// The stock drawn from.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn stock(&self) -> Stock {
        self.stock
    }

    /// The diluent, or `None` when the stock is used undiluted.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn diluent(&self) -> Option<Diluent> {
        self.diluent
    }

    /// The concentration asked for.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn target(&self) -> Concentration {
        self.target
    }

    /// The total asked for.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn requested_total(&self) -> InjectionVolume {
        self.requested_total
    }

    /// The stock to draw.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn stock_volume(&self) -> InjectionVolume {
        self.stock_volume
    }

    /// The diluent to add, or `None` when none is needed.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn diluent_volume(&self) -> Option<InjectionVolume> {
        self.diluent_volume
    }

    /// Stock + diluent.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn total(&self) -> InjectionVolume {
        self.total
    }

    /// The concentration the recipe makes.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn prepared(&self) -> Concentration {
        self.prepared
    }

    /// (prepared − target) / target, in percent.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn deviation_percent(&self) -> f64 {
        self.deviation_percent
    }

    /// Whether the total was raised above the one asked for so that both
    /// volumes are measurable.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub fn is_adjusted(&self) -> bool {
        (self.total.ml() - self.requested_total.ml()).abs() > RIM_EPSILON
    }

    /// The syringe graduation.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn graduation(&self) -> Graduation {
        self.graduation
    }

    /// The tolerance on the prepared concentration.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub const fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// The lidocaine this preparation holds, when lidocaine is the diluent.
    ///
    /// See [`Preparation`] for an example of reading a plan.
    #[must_use]
    pub fn lidocaine_use(&self) -> Option<Use> {
        match (self.diluent, self.diluent_volume) {
            (Some(Diluent::Lidocaine(solution)), Some(volume)) => {
                Some(Use::new(Purpose::Diluent, solution, volume))
            }
            _ => None,
        }
    }

    /// The stock used undiluted.
    pub(super) fn undiluted(stock: Stock, total: InjectionVolume) -> Self {
        let c = stock.concentration();
        Self {
            stock,
            diluent: None,
            target: c,
            requested_total: total,
            stock_volume: total,
            diluent_volume: None,
            total,
            prepared: c,
            deviation_percent: 0.0,
            graduation: Graduation::default(),
            tolerance: Tolerance::DEFAULT,
        }
    }

    pub(super) fn write_containers(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(container) = self.stock.container_ml() {
            let n = steps_up(self.stock_volume.exact(), exact::constant(container));
            let plural = if n > 1 { "s" } else { "" };
            write!(
                f,
                "; {n} container{plural} of {} mL opened",
                number(container, 0)
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for Preparation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {}", self.stock_volume, self.stock)?;
        if let (Some(diluent), Some(diluent_volume)) = (self.diluent, self.diluent_volume) {
            write!(
                f,
                " + {diluent_volume} of {diluent} = {} of {} (target {}, {})",
                self.total,
                self.prepared,
                self.target,
                signed_percent(self.deviation_percent / 100.0)
            )?;
        } else {
            f.write_str(", undiluted")?;
            if self.target != self.prepared {
                write!(
                    f,
                    " (target {}, {})",
                    self.target,
                    signed_percent(self.deviation_percent / 100.0)
                )?;
            }
        }
        self.write_containers(f)?;
        if self.is_adjusted() {
            write!(
                f,
                "; the total was raised from {} to {} so that both volumes are whole {} \
                 graduations within {} of the target",
                self.requested_total, self.total, self.graduation, self.tolerance
            )?;
        }
        Ok(())
    }
}

/// A recipe for `total` of `target` by diluting the stock:
/// `V_stock = C_target × V_total / C_stock`, diluent = `V_total − V_stock`.
///
/// Both volumes are whole graduations of the syringe. The stock volume is
/// the nearest whole graduation (ties to the smaller); when the prepared
/// concentration is then further from the target than the tolerance, the
/// total is raised one graduation at a time until it is not, and the recipe
/// says so ([`Preparation::is_adjusted`]). The total is never lowered. When
/// the target is the stock's concentration, no diluent is added.
///
/// # Errors
///
/// - [`Error::Invalid`] when the target is above the stock's concentration
///   (a dilution cannot concentrate).
/// - [`Error::NotMeasurable`] when no total up to 1,000 mL can be measured
///   within the tolerance; its candidates are the nearest concentrations
///   that can be made.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{prepare, Diluent, Dilution};
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Concentration, InjectionVolume};
///
/// let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
/// let recipe = prepare(
///     Concentration::from_mg_per_ml(150.0)?,
///     InjectionVolume::from_ml(0.2)?,
///     &dilution,
/// )?;
/// // 0.12 mL of stock is not a whole 0.1 mL graduation: 0.5 mL is the
/// // smallest total that makes 150 mg/mL within 10 %.
/// assert_eq!(recipe.total().ml(), 0.5);
/// assert!(recipe.is_adjusted());
///
/// let err = prepare(
///     Concentration::from_mg_per_ml(300.0)?,
///     InjectionVolume::from_ml(5.0)?,
///     &dilution,
/// )
/// .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "target concentration 300 mg/mL is invalid: it is above the stock's 250 mg/mL, \
///      and a dilution can only lower a concentration",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Clinical reference section 2 ("Preparing 150 mg/mL");
/// [`sources::ROUNDING_RULE`] (10 %).
pub fn prepare(
    target: Concentration,
    total: InjectionVolume,
    dilution: &Dilution,
) -> Result<Preparation, Error> {
    refuse_epinephrine_diluent(dilution)?;
    // Decided exactly: concentrations and volumes as the decimals they are.
    let c_stock = dilution.stock.concentration().exact();
    let c_target = target.exact();
    if c_target > c_stock {
        return Err(Error::Invalid {
            field: "target concentration",
            value: target.to_string(),
            reason: format!(
                "it is above the stock's {}, and a dilution can only lower a concentration",
                dilution.stock.concentration()
            ),
        });
    }
    let ratio = exact::div(c_target, c_stock)
        .unwrap_or_default()
        .min(exact::int(1));
    let g = exact::constant(dilution.graduation.ml);
    let tolerance = dilution.tolerance.fraction();
    let first = steps_up(total.exact(), g).max(1);
    let last =
        exact::neighbours(exact::constant(InjectionVolume::MAX), g).map_or(0, |(floor, _)| floor);
    // The nearest prepared concentrations seen below and above the target,
    // for the error when none is within the tolerance.
    let (mut below, mut above): (Option<Exact>, Option<Exact>) = (None, None);
    // Every product and quotient below is checked: one that overflowed (no
    // validated concentration, volume or graduation reaches it) is an
    // error, never a wrapped number.
    let too_large = || Error::too_large("total volume", total.to_string(), "the dilution");
    for n in first..=last {
        let n_exact = exact::int(i128::from(n));
        // The stock as the nearest whole number of graduations, ties to the
        // smaller amount of stock.
        let share = exact::times(ratio, n).ok_or_else(too_large)?;
        let Some(stock) = exact::to_multiple(share, exact::int(1)) else {
            continue;
        };
        let stock = stock.min(n_exact);
        if stock < exact::int(1) {
            // One graduation of stock is the least this total can hold.
            let thinnest = exact::div(c_stock, n_exact).ok_or_else(too_large)?;
            above = Some(above.map_or(thinnest, |a| a.min(thinnest)));
            continue;
        }
        let prepared = exact::mul(c_stock, stock)
            .and_then(|mass| exact::div(mass, n_exact))
            .ok_or_else(too_large)?;
        let Some(deviation) = exact::deviation(prepared, c_target) else {
            continue;
        };
        if exact::abs(deviation) > tolerance {
            if prepared < c_target {
                below = below.max(Some(prepared));
            } else {
                above = Some(above.map_or(prepared, |a| a.min(prepared)));
            }
            continue;
        }
        let diluent = exact::sub(n_exact, stock).ok_or_else(too_large)?;
        let has_diluent = diluent > exact::int(0);
        let volume = |graduations: Exact| {
            exact::mul(graduations, g)
                .map(|ml| InjectionVolume::derived(exact::to_f64(ml)))
                .ok_or_else(too_large)
        };
        return Ok(Preparation {
            stock: dilution.stock,
            diluent: has_diluent.then_some(dilution.diluent),
            target,
            requested_total: total,
            stock_volume: volume(stock)?,
            diluent_volume: if has_diluent {
                Some(volume(diluent)?)
            } else {
                None
            },
            total: volume(n_exact)?,
            prepared: Concentration::derived(exact::to_f64(prepared)),
            deviation_percent: exact::to_f64(exact::times(deviation, 100).ok_or_else(too_large)?),
            graduation: dilution.graduation,
            tolerance: dilution.tolerance,
        });
    }
    Err(Error::NotMeasurable {
        what: "concentration",
        calculated: target.mg_per_ml(),
        unit: "mg/mL",
        product: format!(
            "{} diluted in whole {} graduations (at most {} mL)",
            dilution.stock.concentration(),
            dilution.graduation,
            number(InjectionVolume::MAX, 0)
        ),
        tolerance_percent: dilution.tolerance.percent(),
        candidates: below
            .into_iter()
            .chain(above)
            .map(|c| crate::rounding::candidate(c, c_target))
            .collect(),
        suggestion: None,
    })
}

/// No source dilutes sodium thiosulfate with lidocaine that contains
/// epinephrine: such a diluent is refused as undocumented. See: #10.
fn refuse_epinephrine_diluent(dilution: &Dilution) -> Result<(), Error> {
    if let Diluent::Lidocaine(solution) = dilution.diluent
        && solution.formulation() == crate::lidocaine::Formulation::WithEpinephrine
    {
        return Err(Error::NotDocumented {
            field: "diluent",
            value: solution.to_string(),
            regimen: "intralesional sodium thiosulfate".to_owned(),
            expected: "sterile water, sodium chloride 0.9 % or plain lidocaine (no source \
                       dilutes sodium thiosulfate with lidocaine that contains epinephrine)",
        });
    }
    Ok(())
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for Graduation {
    type Error = Error;
    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        match q.unit.as_str() {
            "mL" => Self::from_ml(q.value),
            _ => Err(Error::UnknownUnit {
                field: "graduation",
                unit: q.unit,
                expected: "mL",
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl From<Graduation> for crate::wire::Quantity {
    fn from(g: Graduation) -> Self {
        Self {
            value: g.ml,
            unit: "mL".to_owned(),
        }
    }
}
