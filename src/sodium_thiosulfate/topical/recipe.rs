use super::{
    Alert, AlertKind, DOCUMENTED_STRENGTH_PERCENT, Error, Exact, MEASURING_STEP_ML, Mass,
    MassFraction, REGIMEN, REPORTED_STRENGTHS_PERCENT, STRENGTH_LIMIT, Suggestion, Tolerance,
    WATER_G_PER_ML, WATER_ML_PER_G_PENTAHYDRATE, WEIGHING_STEP_G, check_range, count_nearest,
    count_up, exact, fmt, gram, number, sources,
};
use crate::alert::{Arg, Message};

/// Checks a strength: `Ok(None)` for the documented 10 %, `Ok(Some(alert))`
/// for a strength reported elsewhere, an error for any other.
pub(super) fn check_strength(strength: MassFraction) -> Result<Option<Alert>, Error> {
    let is = |p: f64| strength.exact() == exact::constant(p);
    if is(DOCUMENTED_STRENGTH_PERCENT) {
        return Ok(None);
    }
    if REPORTED_STRENGTHS_PERCENT.iter().any(|&p| is(p)) {
        return Ok(Some(Alert::new(
            AlertKind::OutsideRegimenSource,
            Message::new(
                "{} is reported for topical sodium thiosulfate, but the regimen's source \
                 documents 10 % w/w in cold cream only (the reports of 20 % and 25 % include \
                 other bases, zinc oxide among them); the recipe keeps the published 10 % \
                 preparation's proportions, 1 mL of water per g of pentahydrate and cold cream \
                 to the total, which no source gives for this strength",
                [Arg::of("strength", &strength)],
            ),
            Some(STRENGTH_LIMIT),
            sources::PEDIATR_DERMATOL_2017,
        )));
    }
    Err(Error::NotDocumented {
        field: "strength",
        value: strength.to_string(),
        regimen: REGIMEN.to_owned(),
        expected: "10 % w/w (documented), or 20 % or 25 % w/w (reported elsewhere, with an alert)",
    })
}

/// A compounding recipe: sodium thiosulfate pentahydrate dissolved in water,
/// cold cream to the total, each amount measurable.
///
/// The amounts are whole tenths of a gram (pentahydrate, cold cream, total)
/// or of a mL (water), and add up to the total exactly (water at 1 g/mL).
/// The achieved fraction is the pentahydrate weighed over the total.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical;
/// use calcinosis_dosing::MassFraction;
/// use uom::si::f64::Mass;
/// use uom::si::mass::gram;
///
/// let r = topical::recipe(Mass::new::<gram>(100.0), MassFraction::from_percent(10.0)?)?;
/// assert_eq!((r.pentahydrate_g(), r.water_ml(), r.cold_cream_g()), (10.0, 10.0, 80.0));
/// assert_eq!(r.achieved().percent(), 10.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::STS_CREAM_QUANTITIES`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Recipe {
    #[cfg_attr(
        feature = "serde",
        serde(rename = "total", serialize_with = "crate::wire::g")
    )]
    pub(super) total_g: f64,
    pub(super) strength: MassFraction,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "pentahydrate", serialize_with = "crate::wire::g")
    )]
    pub(super) pentahydrate_g: f64,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "water", serialize_with = "crate::wire::ml")
    )]
    pub(super) water_ml: f64,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "cold_cream", serialize_with = "crate::wire::g")
    )]
    pub(super) cold_cream_g: f64,
    pub(super) achieved: MassFraction,
}

impl Recipe {
    /// The amount of cream it makes, g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// // The amount is rounded up to 0.1 g.
    /// let r = topical::recipe(Mass::new::<gram>(23.04), MassFraction::from_percent(10.0)?)?;
    /// assert_eq!(r.total_g(), 23.1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total_g(&self) -> f64 {
        self.total_g
    }

    /// The strength asked for (% w/w of the pentahydrate).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// let r = topical::recipe(Mass::new::<gram>(30.0), MassFraction::from_percent(25.0)?)?;
    /// assert_eq!(r.strength().to_string(), "25 % w/w");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn strength(&self) -> MassFraction {
        self.strength
    }

    /// Sodium thiosulfate pentahydrate to weigh, g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// let r = topical::recipe(Mass::new::<gram>(30.0), MassFraction::from_percent(25.0)?)?;
    /// // 25 % of 30 g
    /// assert_eq!(r.pentahydrate_g(), 7.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn pentahydrate_g(&self) -> f64 {
        self.pentahydrate_g
    }

    /// Water to dissolve it in, mL.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// let r = topical::recipe(Mass::new::<gram>(30.0), MassFraction::from_percent(25.0)?)?;
    /// // 1 mL of water per g of pentahydrate
    /// assert_eq!(r.water_ml(), 7.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn water_ml(&self) -> f64 {
        self.water_ml
    }

    /// Cold cream to add to make the total, g.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// let r = topical::recipe(Mass::new::<gram>(30.0), MassFraction::from_percent(25.0)?)?;
    /// // 30 g − 7.5 g of pentahydrate − 7.5 g of water
    /// assert_eq!(r.cold_cream_g(), 15.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn cold_cream_g(&self) -> f64 {
        self.cold_cream_g
    }

    /// The fraction the weighed amounts achieve (pentahydrate ÷ total).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical;
    /// # use calcinosis_dosing::MassFraction;
    /// # use uom::si::{f64::Mass, mass::gram};
    /// // 2.31 g of pentahydrate is weighed as 2.3 g: 2.3 / 23.1 = 9.96 %.
    /// let r = topical::recipe(Mass::new::<gram>(23.1), MassFraction::from_percent(10.0)?)?;
    /// assert_eq!(r.achieved().to_string(), "9.96 % w/w");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn achieved(&self) -> MassFraction {
        self.achieved
    }
}

impl fmt::Display for Recipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "sodium thiosulfate pentahydrate {} g dissolved in water {} mL, \
             then cold cream {} g to make {} g ({})",
            number(self.pentahydrate_g, 1),
            number(self.water_ml, 1),
            number(self.cold_cream_g, 1),
            number(self.total_g, 1),
            self.achieved
        )
    }
}

/// The recipe for `total_tenths` tenths of a gram at `strength` (already
/// checked), or an error naming `field` when the pentahydrate cannot be
/// weighed within the rounding rule.
pub(super) fn make_recipe(
    field: &'static str,
    total_tenths: u64,
    strength: MassFraction,
) -> Result<Recipe, Error> {
    let step = exact::constant(WEIGHING_STEP_G);
    // Every product and quotient is checked: one that overflowed (no
    // validated amount or strength reaches it) is an error, never a
    // wrapped number.
    let too_large = || {
        Error::too_large(
            field,
            format!("{total_tenths} × {} g", number(WEIGHING_STEP_G, 1)),
            "the recipe",
        )
    };
    let tenths = |n: u64| exact::times(step, n).ok_or_else(too_large);
    let total = tenths(total_tenths)?;
    let total_g = exact::to_f64(total);
    let fraction = exact::div(strength.exact(), exact::int(100)).ok_or_else(too_large)?;
    let target = exact::mul(total, fraction).ok_or_else(too_large)?;
    let target_g = exact::to_f64(target);
    let active_tenths = count_nearest(target, step);
    let active = tenths(active_tenths)?;
    let active_g = exact::to_f64(active);
    let tolerance = Tolerance::DEFAULT.fraction();
    let deviation = exact::deviation(active, target).unwrap_or_default();
    if active_tenths == 0 || exact::abs(deviation) > tolerance {
        let below = active_tenths.min(count_up(target, step).saturating_sub(1));
        let candidates = [below, below + 1]
            .into_iter()
            .filter(|&count| count > 0)
            .map(|count| Ok(crate::rounding::candidate(tenths(count)?, target)))
            .collect::<Result<_, Error>>()?;
        // The smallest total whose pentahydrate is always within the rule:
        // half a weighing step is at most the tolerance of the target.
        let always = exact::mul(tolerance, fraction)
            .and_then(|least| exact::div(exact::div(step, exact::int(2))?, least))
            .ok_or_else(too_large)?;
        return Err(Error::NotMeasurable {
            what: "amount of sodium thiosulfate pentahydrate",
            calculated: target_g,
            unit: "g",
            product: format!(
                "a balance weighing to {} g ({}: {} g of {strength} cream)",
                number(WEIGHING_STEP_G, 1),
                field,
                number(total_g, 1)
            ),
            tolerance_percent: Tolerance::DEFAULT.percent(),
            candidates,
            suggestion: Some(Box::new(Suggestion::LargerAmount {
                amount: exact::to_f64(tenths(count_up(always, step))?),
                unit: "g",
            })),
        });
    }
    // 1 mL of water per g of pentahydrate; the steps are both 0.1, so the
    // water is a whole number of tenths of a mL too.
    let ml_step = exact::constant(MEASURING_STEP_ML);
    let water_tenths = count_nearest(
        exact::mul(active, exact::constant(WATER_ML_PER_G_PENTAHYDRATE)).ok_or_else(too_large)?,
        ml_step,
    );
    let water_ml = exact::times(ml_step, water_tenths).ok_or_else(too_large)?;
    let water_as_g_tenths = count_nearest(
        exact::mul(water_ml, exact::constant(WATER_G_PER_ML)).ok_or_else(too_large)?,
        step,
    );
    let base_tenths = total_tenths
        .checked_sub(active_tenths + water_as_g_tenths)
        .filter(|&t| t > 0)
        .ok_or_else(|| Error::Invalid {
            field,
            value: format!("{} g", number(total_g, 1)),
            reason: format!("at {strength} the pentahydrate and its water leave no cold cream"),
        })?;
    let achieved = exact::div(active, total)
        .and_then(|share| exact::times(share, 100))
        .ok_or_else(too_large)?;
    Ok(Recipe {
        total_g,
        strength,
        pentahydrate_g: active_g,
        water_ml: exact::to_f64(water_ml),
        cold_cream_g: exact::to_f64(tenths(base_tenths)?),
        achieved: MassFraction::derived(exact::to_f64(achieved)),
    })
}
pub(super) fn tenths_up(g: Exact) -> u64 {
    count_up(g, exact::constant(WEIGHING_STEP_G))
}

/// The compounding recipe for an amount of cream at a strength (% w/w of
/// the pentahydrate), by the published preparation scaled linearly.
///
/// The amount is rounded up to 0.1 g; the pentahydrate is rounded to the
/// nearest 0.1 g, the water (1 mL per g of pentahydrate) to 0.1 mL, and the
/// cold cream is the rest, so the components add up to the total. The
/// strength is of the pentahydrate as weighed, as in the published
/// preparation; the clinical reference gives no anhydrous conversion.
///
/// # Errors
///
/// - [`Error::NotFinite`] or [`Error::OutOfRange`] ("amount of cream") when
///   the amount is not within 1 to 10,000 g.
/// - [`Error::NotDocumented`] for a strength other than 10 % (documented),
///   20 % or 25 % (reported elsewhere; [`plan`](fn@super::plan) adds an alert for them).
/// - [`Error::NotMeasurable`] when the pentahydrate cannot be weighed to
///   0.1 g within 10 % of the exact amount (too little cream); its
///   suggestion is the smallest amount that always can be.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical;
/// use calcinosis_dosing::MassFraction;
/// use uom::si::f64::Mass;
/// use uom::si::mass::gram;
///
/// let ten = MassFraction::from_percent(10.0)?;
/// let r = topical::recipe(Mass::new::<gram>(50.0), ten)?;
/// assert_eq!(
///     r.to_string(),
///     "sodium thiosulfate pentahydrate 5 g dissolved in water 5 mL, then cold cream 40 g to make 50 g (10 % w/w)",
/// );
/// let err = topical::recipe(Mass::new::<gram>(1.5), ten).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "an amount of sodium thiosulfate pentahydrate of 0.15 g is not measurable with a \
///      balance weighing to 0.1 g (amount of cream: 1.5 g of 10 % w/w cream) within 10 %: \
///      the nearest measurable amounts are 0.1 g (-33.3 %) and 0.2 g (+33.3 %); a total of \
///      5 g or more is always measurable",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A w/v concentration (mg/mL) is not a w/w strength, so it does not
/// compile:
///
/// ```compile_fail
/// use calcinosis_dosing::sodium_thiosulfate::topical;
/// use calcinosis_dosing::Concentration;
/// use uom::si::f64::Mass;
/// use uom::si::mass::gram;
///
/// let c = Concentration::from_mg_per_ml(100.0).unwrap();
/// let r = topical::recipe(Mass::new::<gram>(100.0), c);
/// ```
///
/// # References
///
/// [`sources::STS_CREAM_QUANTITIES`]: pentahydrate 10 g in water
/// 10 mL, cold cream to 100 g. [`sources::ROUNDING_RULE`]: within 10 %.
pub fn recipe(amount: Mass, strength: MassFraction) -> Result<Recipe, Error> {
    let g = check_range("amount of cream", amount.get::<gram>(), 1.0, 10_000.0, "g")?;
    check_strength(strength)?;
    make_recipe("amount of cream", tenths_up(exact::constant(g)), strength)
}
