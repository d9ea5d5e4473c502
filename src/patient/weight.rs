use super::{Error, Exact, KG_PER_POUND, Mass, check_range, exact, fmt, kilogram, number};

/// A body weight, finite and within 0.5 to 350 kg.
///
/// Any mass unit is accepted and gives the same plan: 70 kg, 70 000 g and
/// 154.32 lb are one weight.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::BodyWeight;
/// use uom::si::f64::Mass;
/// use uom::si::mass::{gram, kilogram};
///
/// let a = BodyWeight::new(Mass::new::<kilogram>(20.0))?;
/// let b = BodyWeight::new(Mass::new::<gram>(20_000.0))?;
/// assert!((a.kg() - b.kg()).abs() < 1e-9);
/// assert_eq!(BodyWeight::from_lb(44.092_452_4)?.to_string(), "20 kg");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// A volume is not a mass, so it does not compile:
///
/// ```compile_fail
/// use calcinosis_dosing::BodyWeight;
/// use uom::si::f64::Volume;
/// use uom::si::volume::milliliter;
///
/// let w = BodyWeight::new(Volume::new::<milliliter>(70.0));
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`] outside
/// 0.5 to 350 kg.
///
/// # References
///
/// The bounds are this crate's plausibility check (`DESIGN.md`); the pound is
/// NIST SP 811 <https://www.nist.gov/pml/special-publication-811>.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
pub struct BodyWeight {
    /// The weight in whole grams: the resolution every input is read to.
    pub(super) grams: u32,
}

impl BodyWeight {
    /// The lightest weight accepted, in kg.
    pub const MIN_KG: f64 = 0.5;
    /// The heaviest weight accepted, in kg.
    pub const MAX_KG: f64 = 350.0;

    /// A body weight from any uom mass.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    /// use uom::si::f64::Mass;
    /// use uom::si::mass::gram;
    ///
    /// assert_eq!(BodyWeight::new(Mass::new::<gram>(3500.0))?.kg(), 3.5);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn new(weight: Mass) -> Result<Self, Error> {
        Self::from_kg(weight.get::<kilogram>())
    }

    /// A body weight in kilograms.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodyWeight, Error};
    ///
    /// assert_eq!(BodyWeight::from_kg(70.0)?.to_string(), "70 kg");
    /// assert!(matches!(BodyWeight::from_kg(0.4), Err(Error::OutOfRange { field: "weight", .. })));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_kg(kg: f64) -> Result<Self, Error> {
        let kg = check_range("weight", kg, Self::MIN_KG, Self::MAX_KG, "kg")?;
        Self::from_exact_kg(exact::decimal(kg), kg, "kg")
    }

    /// A body weight in avoirdupois pounds (exact factor, [`KG_PER_POUND`]).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    ///
    /// // 45.359237 kg, read to the gram.
    /// assert_eq!(BodyWeight::from_lb(100.0)?.kg(), 45.359);
    /// // Out of range: the error is given in pounds, as entered.
    /// assert_eq!(
    ///     BodyWeight::from_lb(900.0).unwrap_err().to_string(),
    ///     "weight 900 lb is not in the allowed range 1.102 to 771.618 lb",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation; the range is checked in kilograms.
    pub fn from_lb(lb: f64) -> Result<Self, Error> {
        if !lb.is_finite() {
            return Err(Error::NotFinite {
                field: "weight",
                value: lb,
                unit: "lb",
            });
        }
        let out_of_range = || Error::OutOfRange {
            field: "weight",
            value: lb,
            min: Self::MIN_KG / KG_PER_POUND,
            max: Self::MAX_KG / KG_PER_POUND,
            unit: "lb",
        };
        // The pound is exactly 0.45359237 kg: the conversion is exact, and
        // the weight is then rounded to the gram like any other.
        let kg = exact::decimal(lb)
            .and_then(|lb| exact::mul(lb, exact::frac(45_359_237, 100_000_000)))
            .ok_or_else(out_of_range)?;
        let in_range = exact::within(
            kg,
            exact::decimal(Self::MIN_KG).unwrap_or_default(),
            exact::decimal(Self::MAX_KG).unwrap_or_default(),
        );
        if !in_range {
            return Err(out_of_range());
        }
        Self::from_exact_kg(Some(kg), lb, "lb")
    }

    /// The weight `kg` (exact), rounded to the gram by the crate's one rule
    /// (nearest, ties to the smaller); `value` and `unit` as written, for the
    /// error.
    pub(super) fn from_exact_kg(
        kg: Option<Exact>,
        value: f64,
        unit: &'static str,
    ) -> Result<Self, Error> {
        let grams = kg
            .and_then(|kg| exact::mul(kg, exact::int(1_000)))
            .and_then(|g| exact::to_multiple(g, exact::int(1)))
            .and_then(|g| u32::try_from(g.to_integer()).ok())
            .ok_or(Error::NotFinite {
                field: "weight",
                value,
                unit,
            })?;
        Ok(Self { grams })
    }

    /// The weight in kg, exactly (a whole number of grams).
    pub(crate) fn exact_kg(self) -> Exact {
        exact::frac(i128::from(self.grams), 1_000)
    }

    /// The weight in whole grams.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    ///
    /// // 17.636981 lb is 7,999.99997 g: the weight is read to the gram.
    /// assert_eq!(BodyWeight::from_lb(17.636_981)?.grams(), 8_000);
    /// assert_eq!(BodyWeight::from_kg(8.0)?, BodyWeight::from_lb(17.636_981)?);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn grams(self) -> u32 {
        self.grams
    }

    /// The weight in kilograms.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    ///
    /// assert_eq!(BodyWeight::from_kg(16.0)?.kg(), 16.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn kg(self) -> f64 {
        f64::from(self.grams) / 1_000.0
    }

    /// The weight as a uom mass.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::BodyWeight;
    /// use uom::si::mass::gram;
    ///
    /// assert_eq!(BodyWeight::from_kg(70.0)?.mass().get::<gram>(), 70_000.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn mass(self) -> Mass {
        Mass::new::<kilogram>(self.kg())
    }
}

impl crate::format::Written for BodyWeight {
    fn written(&self) -> (f64, u8, &'static str) {
        (self.kg(), 3, "kg")
    }
}

impl fmt::Display for BodyWeight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Three decimals: the gram, the weight's resolution, so a weight
        // beside a limit (50 kg) always shows which side of it it is on.
        write!(f, "{} kg", number(self.kg(), 3))
    }
}

#[cfg(feature = "serde")]
crate::wire::wire_units!(BodyWeight, "weight", "kg, g, [lb_av]", |w: BodyWeight| (w.kg(), "kg"), {
    "kg" => BodyWeight::from_kg,
    "g" => |g: f64| if g.is_finite() { BodyWeight::from_kg(g / 1_000.0) } else {
        Err(crate::error::Error::NotFinite { field: "weight", value: g, unit: "g" })
    },
    "[lb_av]" => BodyWeight::from_lb,
});
