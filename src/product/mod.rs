//! Products: what can be measured and handed to a patient.
//!
//! A product knows its smallest measurable step (a half tablet, one
//! graduation of an oral syringe) and turns a whole number of steps into what
//! to give ("1 tablet of 120 mg + 1 tablet of 30 mg", "0.6 mL of 12 mg/mL").
//! Every measurable amount is held as a whole number of steps, so a rounded
//! dose never drifts between rounding, division and display; its mass is
//! computed from the steps once (within floating-point precision for liquids,
//! 1.2 mg per 0.1 mL of 12 mg/mL reads back as 1.2000000000000002).

use std::borrow::Cow;
use std::fmt;

use num_integer::Integer;

use uom::si::f64::Volume;
use uom::si::volume::milliliter;

use crate::derived::Derived;
use crate::dose::{Concentration, UnitStrength};
use crate::error::{Error, check_range};
use crate::exact::{self, Exact};
use crate::format::number;

mod compose;
mod give;
#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests;

use compose::{compose, one_step_piece};
pub use give::{Give, Part, Parts};

/// Micrograms per milligram: strengths are compared as whole micrograms.
const UG_PER_MG: f64 = 1_000.0;

/// A count of steps or micrograms as a float. Counts here stay far below
/// 2^52 (doses are at most 100 g = 1e8 micrograms), so the conversion is exact.
#[allow(
    clippy::cast_precision_loss,
    reason = "counts are far below 2^52, so exact"
)]
pub(crate) const fn exact_f64(count: u64) -> f64 {
    count as f64
}

/// The most steps a solid-unit amount may be composed of; far above any
/// documented dose (probenecid 2 g/day is 8 half-tablets), it keeps the
/// composition search bounded.
const MAX_SOLID_STEPS: u64 = 4_096;

/// The kind of solid unit.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::SolidForm;
///
/// assert_eq!(SolidForm::Tablet.to_string(), "tablet");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SolidForm {
    /// A tablet.
    Tablet,
    /// A capsule (never split).
    Capsule,
}

impl fmt::Display for SolidForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Tablet => "tablet",
            Self::Capsule => "capsule",
        })
    }
}

/// Whether tablets may be split.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Splitting;
///
/// assert_ne!(Splitting::Halves, Splitting::WholeOnly);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Splitting {
    /// Whole units only.
    WholeOnly,
    /// Scored tablets: half a tablet is measurable.
    Halves,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Solid {
        form: SolidForm,
        /// Strengths in whole micrograms, largest first.
        strengths_ug: Vec<u64>,
        splitting: Splitting,
        /// The step in micrograms.
        step_ug: u64,
    },
    Liquid {
        concentration: Concentration,
        graduation_ml: f64,
        /// The graduation read exactly, once (the decimal it is written
        /// as).
        graduation: Exact,
    },
}

/// A product that doses can be measured with.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Product, Splitting, UnitStrength};
///
/// let probenecid = Product::tablets(
///     "probenecid 500 mg tablets",
///     &[UnitStrength::from_mg(500.0)?],
///     Splitting::Halves,
/// )?;
/// assert_eq!(probenecid.step_mg(), 250.0);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct Product {
    name: String,
    kind: Kind,
    /// The measurable step in mg, exactly, worked out once.
    step: Exact,
    /// Whether every count of steps up to the limit can be made (a liquid,
    /// or a solid with a one-step piece), worked out once.
    every_count: bool,
    /// The compositions of the first [`COMPOSED_AHEAD`] counts of steps
    /// of a solid form, worked out on the first [`Product::give`] and
    /// kept: a dose is one table read, not a search.
    composed: Derived<[Option<Give>; COMPOSED_AHEAD]>,
}

/// How many counts of steps a solid product keeps composed: every dose a
/// regimen gives from tablets or capsules (diltiazem 360 mg/day in 30 mg
/// steps is 12 a day; probenecid 2 g/day is 8 half-tablets). Larger counts
/// are composed on each call, the same way.
const COMPOSED_AHEAD: usize = 32;

impl fmt::Debug for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Product")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("step", &self.step)
            .finish_non_exhaustive()
    }
}

impl Product {
    /// Tablets in one or more strengths, optionally split in halves.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Error, Product, Splitting, UnitStrength};
    ///
    /// let strengths = [UnitStrength::from_mg(30.0)?, UnitStrength::from_mg(60.0)?, UnitStrength::from_mg(120.0)?];
    /// let ir = Product::tablets("diltiazem tablets", &strengths, Splitting::WholeOnly)?;
    /// assert_eq!(ir.step_mg(), 30.0);
    /// let none = Product::tablets("diltiazem tablets", &[], Splitting::WholeOnly);
    /// assert!(matches!(none, Err(Error::Invalid { field: "strengths", .. })));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when no strength is given, or a strength is not a
    /// whole number of micrograms.
    pub fn tablets(
        name: &str,
        strengths: &[UnitStrength],
        splitting: Splitting,
    ) -> Result<Self, Error> {
        Self::solid(name, SolidForm::Tablet, strengths, splitting)
    }

    /// Capsules in one or more strengths (never split).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Product, UnitStrength};
    ///
    /// let strengths = [UnitStrength::from_mg(120.0)?, UnitStrength::from_mg(180.0)?, UnitStrength::from_mg(240.0)?];
    /// let capsules = Product::capsules("diltiazem extended-release capsules", &strengths)?;
    /// // Never split: the step is the largest amount all strengths are multiples of.
    /// assert_eq!(capsules.step_mg(), 60.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As for [`Product::tablets`].
    pub fn capsules(name: &str, strengths: &[UnitStrength]) -> Result<Self, Error> {
        Self::solid(name, SolidForm::Capsule, strengths, Splitting::WholeOnly)
    }

    fn solid(
        name: &str,
        form: SolidForm,
        strengths: &[UnitStrength],
        splitting: Splitting,
    ) -> Result<Self, Error> {
        let mut strengths_ug = Vec::with_capacity(strengths.len());
        for s in strengths {
            // Exactly a whole number of micrograms, or refused.
            let ug = exact::times(s.exact(), 1_000).unwrap_or_default();
            // (A strength too large to work out reads as 0 µg: refused.)
            let whole = exact::is_whole(ug)
                .then(|| u64::try_from(ug.to_integer()).ok())
                .flatten()
                .ok_or_else(|| Error::Invalid {
                    field: "strength",
                    value: s.to_string(),
                    reason: "expected a whole number of micrograms".to_owned(),
                })?;
            strengths_ug.push(whole);
        }
        strengths_ug.sort_unstable_by(|a, b| b.cmp(a));
        strengths_ug.dedup();
        let Some(whole_step) = strengths_ug.iter().copied().reduce(|a, b| a.gcd(&b)) else {
            return Err(Error::Invalid {
                field: "strengths",
                value: "[]".to_owned(),
                reason: "expected at least one strength".to_owned(),
            });
        };
        let step_ug = match splitting {
            Splitting::WholeOnly => whole_step,
            Splitting::Halves if whole_step % 2 == 0 => whole_step / 2,
            Splitting::Halves => {
                return Err(Error::Invalid {
                    field: "strength",
                    value: format!("{} mg", number(exact_f64(whole_step) / UG_PER_MG, 3)),
                    reason: "a half tablet must be a whole number of micrograms".to_owned(),
                });
            }
        };
        Ok(Self::with_step(
            name,
            Kind::Solid {
                form,
                strengths_ug,
                splitting,
                step_ug,
            },
        ))
    }

    /// An oral liquid of a given concentration, measured with a syringe of a
    /// given graduation (0.1 mL on 1–10 mL oral syringes).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Concentration, Error, Product};
    /// use uom::si::f64::Volume;
    /// use uom::si::volume::milliliter;
    ///
    /// let c = Concentration::from_mg_per_ml(12.0)?;
    /// let suspension = Product::oral_liquid("suspension", c, Volume::new::<milliliter>(0.1))?;
    /// assert!((suspension.step_mg() - 1.2).abs() < 1e-9);
    /// let spoon = Product::oral_liquid("suspension", c, Volume::new::<milliliter>(5.0));
    /// assert!(matches!(spoon, Err(Error::OutOfRange { field: "graduation", .. })));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] or [`Error::OutOfRange`] when the graduation is
    /// not within 0.01 to 1 mL.
    ///
    /// # References
    ///
    /// Clinical reference section 4: oral liquids in mL only, to the
    /// graduation of the measuring device.
    pub fn oral_liquid(
        name: &str,
        concentration: Concentration,
        graduation: Volume,
    ) -> Result<Self, Error> {
        let graduation_ml = check_range(
            "graduation",
            graduation.get::<milliliter>(),
            0.01,
            1.0,
            "mL",
        )?;
        let graduation_ml = crate::exact::canonical(graduation_ml);
        Ok(Self::with_step(
            name,
            Kind::Liquid {
                concentration,
                graduation_ml,
                graduation: exact::constant(graduation_ml),
            },
        ))
    }

    /// The product's name as written on a plan.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Product, Splitting, UnitStrength};
    ///
    /// let p = Product::tablets("probenecid 500 mg tablets", &[UnitStrength::from_mg(500.0)?], Splitting::Halves)?;
    /// assert_eq!(p.name(), "probenecid 500 mg tablets");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The smallest measurable step, in mg.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Product, Splitting, UnitStrength};
    ///
    /// let tablet = [UnitStrength::from_mg(500.0)?];
    /// assert_eq!(Product::tablets("probenecid", &tablet, Splitting::Halves)?.step_mg(), 250.0);
    /// assert_eq!(Product::tablets("probenecid", &tablet, Splitting::WholeOnly)?.step_mg(), 500.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn step_mg(&self) -> f64 {
        match &self.kind {
            Kind::Solid { step_ug, .. } => exact_f64(*step_ug) / UG_PER_MG,
            Kind::Liquid {
                concentration,
                graduation_ml,
                ..
            } => concentration.mg_per_ml() * graduation_ml,
        }
    }

    /// The measurable step in mg, exactly: a whole number of micrograms for
    /// a solid, the concentration times the graduation for a liquid.
    pub(crate) const fn step_exact(&self) -> Exact {
        self.step
    }

    /// A product of `name` and `kind`, its step worked out once.
    fn with_step(name: &str, kind: Kind) -> Self {
        let step = match &kind {
            Kind::Solid { step_ug, .. } => exact::frac(i128::from(*step_ug), 1_000),
            Kind::Liquid {
                concentration,
                graduation,
                ..
            } => exact::mul(*graduation, concentration.exact()).unwrap_or_default(),
        };
        let every_count = match &kind {
            Kind::Liquid { .. } => true,
            Kind::Solid {
                strengths_ug,
                splitting,
                step_ug,
                ..
            } => one_step_piece(strengths_ug, *splitting, *step_ug),
        };
        Self {
            name: name.to_owned(),
            every_count,
            kind,
            // In lowest terms once (30 mg is 30/1, not 30,000/1,000), so that
            // the products of every decision on it stay small.
            step: exact::lowest(step),
            composed: Derived::new(),
        }
    }

    /// The amount in mg of `steps` steps, exactly; `None` if it does not
    /// fit (no count a regimen measures comes near).
    pub(crate) fn amount_of(&self, steps: u64) -> Option<Exact> {
        exact::times(self.step_exact(), steps)
    }

    /// Whether the product can make `steps` steps: what [`Product::give`]
    /// would return `Some` for, without composing the pieces when the
    /// smallest piece is one step (every count up to the limit is then
    /// makeable).
    pub(crate) fn can_give(&self, steps: u64) -> bool {
        match &self.kind {
            Kind::Liquid { .. } => steps > 0,
            Kind::Solid { .. } if self.every_count => (1..=MAX_SOLID_STEPS).contains(&steps),
            Kind::Solid { .. } => self.give_kept(steps).is_some(),
        }
    }

    /// What to give for `steps` measurable steps, or `None` when the product
    /// cannot make that amount (zero, or capsules that do not add up to it).
    pub(crate) fn give(&self, steps: u64) -> Option<Give> {
        self.give_kept(steps).map(Cow::into_owned)
    }

    /// What a liquid gives for `steps` graduations (not zero): the volume
    /// in mL and the concentration, as [`Product::give`] gives them,
    /// without building the [`Give`]. `None` for a solid, for no
    /// graduation, or on an overflow no count of the crate's products
    /// reaches.
    pub(crate) fn volume_of(&self, steps: u64) -> Option<(f64, Concentration)> {
        let Kind::Liquid {
            concentration,
            graduation,
            ..
        } = &self.kind
        else {
            return None;
        };
        if steps == 0 {
            return None;
        }
        // Exactly whole graduations: 12 × 0.1 mL is 1.2 mL, the nearest
        // `f64` to the count times the graduation's numerator over its
        // denominator.
        let (num, den) = exact::parts(*graduation);
        let volume_ml = exact::quotient_f64(exact::times_checked(num, i128::from(steps))?, den);
        Some((volume_ml, *concentration))
    }

    /// [`Product::give`], borrowed from the compositions the product keeps
    /// when it has one for `steps` (a solid's first counts), so that a plan
    /// of a product built once per process holds it without a copy.
    pub(crate) fn give_kept(&self, steps: u64) -> Option<Cow<'_, Give>> {
        if steps == 0 {
            return None;
        }
        match &self.kind {
            Kind::Liquid { .. } => {
                let (volume_ml, concentration) = self.volume_of(steps)?;
                Some(Cow::Owned(Give::Liquid {
                    volume_ml,
                    concentration,
                }))
            }
            Kind::Solid {
                form,
                strengths_ug,
                splitting,
                step_ug,
            } => {
                let compose = |steps| compose(*form, strengths_ug, *splitting, *step_ug, steps);
                let kept = usize::try_from(steps - 1)
                    .ok()
                    .filter(|&index| index < COMPOSED_AHEAD);
                let Some(index) = kept else {
                    return compose(steps).map(Cow::Owned);
                };
                let table = self.composed.get_or_build(|| {
                    std::array::from_fn(|i| u64::try_from(i + 1).ok().and_then(compose))
                });
                table.get(index)?.as_ref().map(Cow::Borrowed)
            }
        }
    }

    /// The mass of `steps` steps, in mg: the nearest `f64` to the exact
    /// amount (6 graduations of 0.1 mL of 12 mg/mL are 7.2 mg, not
    /// 7.200000000000001).
    /// `None` if the amount does not fit (see [`Product::amount_of`]).
    #[must_use]
    pub(crate) fn mg_of(&self, steps: u64) -> Option<f64> {
        self.amount_of(steps).map(exact::to_f64)
    }
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// A product built once per process, borrowed: the product, or the error
/// it could not be built with, cloned for each plan that asks. The error
/// path is out of line (the crate's products are checked by tests, so no
/// plan meets it), which keeps borrowing the product a few instructions.
#[inline]
pub(crate) fn built(product: &'static Result<Product, Error>) -> Result<&'static Product, Error> {
    match product {
        Ok(product) => Ok(product),
        Err(e) => Err(not_built(e)),
    }
}

/// The error of a product that could not be built, for one more plan.
#[cold]
#[inline(never)]
fn not_built(e: &Error) -> Error {
    e.clone()
}
