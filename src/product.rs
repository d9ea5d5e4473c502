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
use std::ops::Deref;

use num_integer::Integer;
use smallvec::SmallVec;

use uom::si::f64::Volume;
use uom::si::volume::milliliter;

use crate::derived::Derived;
use crate::dose::{Concentration, UnitStrength};
use crate::error::{Error, check_range};
use crate::exact::{self, Exact};
use crate::format::number;

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
            let ug = s.exact() * exact::int(1_000);
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
                graduation_ml,
            } => exact::decimal(*graduation_ml)
                .and_then(|g| exact::mul(g, concentration.exact()))
                .unwrap_or_default(),
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

    /// [`Product::give`], borrowed from the compositions the product keeps
    /// when it has one for `steps` (a solid's first counts), so that a plan
    /// of a product built once per process holds it without a copy.
    pub(crate) fn give_kept(&self, steps: u64) -> Option<Cow<'_, Give>> {
        if steps == 0 {
            return None;
        }
        match &self.kind {
            Kind::Liquid {
                concentration,
                graduation_ml,
            } => Some(Cow::Owned(Give::Liquid {
                // Exactly whole graduations: 12 × 0.1 mL is 1.2 mL.
                // (In 64 bits, no count of a graduation of the crate's
                // products overflows.)
                volume_ml: exact::to_f64(exact::times(exact::constant(*graduation_ml), steps)?),
                concentration: *concentration,
            })),
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

/// Whether one piece (a unit, or a half where halves are allowed) is one
/// step: then every count of steps up to the limit can be made.
fn one_step_piece(strengths_ug: &[u64], splitting: Splitting, step_ug: u64) -> bool {
    strengths_ug
        .iter()
        .any(|&s| s == step_ug || (splitting == Splitting::Halves && s / 2 == step_ug))
}

/// The fewest pieces (whole units first, then halves) that make `steps`.
fn compose(
    form: SolidForm,
    strengths_ug: &[u64],
    splitting: Splitting,
    step_ug: u64,
    steps: u64,
) -> Option<Give> {
    if steps > MAX_SOLID_STEPS {
        return None;
    }
    // Piece sizes in steps: (size, strength index, halves in the piece).
    let mut pieces: SmallVec<[(u64, usize, u64); 8]> = SmallVec::new();
    for (i, s) in strengths_ug.iter().enumerate() {
        pieces.push((s / step_ug, i, 2));
        if splitting == Splitting::Halves {
            pieces.push((s / 2 / step_ug, i, 1));
        }
    }
    // Minimal-count change making; cost ranks fewer pieces, then fewer halves.
    let n = usize::try_from(steps).ok()?;
    // Inline for the few steps of a usual dose; on the heap beyond.
    let mut best: SmallVec<[Option<(u64, usize)>; 32]> = smallvec::smallvec![None; n + 1];
    let mut cost: SmallVec<[u64; 32]> = smallvec::smallvec![u64::MAX; n + 1];
    *cost.first_mut()? = 0;
    for amount in 1..=n {
        for (p, &(size, _, halves)) in pieces.iter().enumerate() {
            let Ok(size) = usize::try_from(size) else {
                continue;
            };
            if size == 0 || size > amount {
                continue;
            }
            let prev = cost.get(amount - size).copied().unwrap_or(u64::MAX);
            if prev == u64::MAX {
                continue;
            }
            let here = prev + 100 + u64::from(halves == 1);
            if here < cost.get(amount).copied().unwrap_or(u64::MAX)
                && let (Some(c), Some(b)) = (cost.get_mut(amount), best.get_mut(amount))
            {
                *c = here;
                *b = Some((size as u64, p));
            }
        }
    }
    // Walk back, counting halves per strength.
    let mut halves_per_strength: SmallVec<[u64; 8]> = smallvec::smallvec![0; strengths_ug.len()];
    let mut amount = n;
    while amount > 0 {
        let (size, p) = (*best.get(amount)?)?;
        let &(_, i, halves) = pieces.get(p)?;
        *halves_per_strength.get_mut(i)? += halves;
        amount -= usize::try_from(size).ok()?;
    }
    let parts = strengths_ug
        .iter()
        .zip(halves_per_strength)
        .filter(|&(_, h)| h > 0)
        .map(|(&ug, halves)| Part {
            halves,
            strength: UnitStrength::derived(exact_f64(ug) / UG_PER_MG),
        })
        .collect();
    Some(Give::Solid { form, parts })
}

/// The units of each strength in a solid dose, largest strength first: a
/// slice of [`Part`]s to read.
///
/// Held inline for up to four strengths, so a dose is built and copied into
/// each administration without a heap allocation. In JSON: an array of
/// parts.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Give, Patient, diltiazem};
///
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
/// // 180 mg/day in 3 doses of 60 mg: one tablet of 60 mg each.
/// let Give::Solid { parts, .. } = plan.administrations()[0].give() else { unreachable!() };
/// assert_eq!(parts.len(), 1);
/// assert_eq!(parts[0].strength().mg(), 60.0);
/// assert_eq!(parts.iter().map(|p| p.count()).sum::<f64>(), 1.0);
/// let owned: Vec<_> = parts.clone().into();
/// assert_eq!(owned.as_slice(), &parts[..]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Clinical reference section 4: solid doses as whole units or halves of
/// the strengths marketed.
#[derive(PartialEq, Default)]
pub struct Parts(SmallVec<[Part; 4]>);

/// A copy of the pieces: one copy of the inline array (`Part` is `Copy`),
/// not an element-by-element `extend`.
impl Clone for Parts {
    fn clone(&self) -> Self {
        Self(SmallVec::from_slice(&self.0))
    }
}

/// Written as the list it is: `[Part { .. }, ..]`.
impl fmt::Debug for Parts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl AsRef<[Part]> for Parts {
    fn as_ref(&self) -> &[Part] {
        self
    }
}

/// The parts by value, as a `Vec`'s iterator.
impl IntoIterator for Parts {
    type Item = Part;
    type IntoIter = std::vec::IntoIter<Part>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_vec().into_iter()
    }
}

impl From<Parts> for Vec<Part> {
    fn from(parts: Parts) -> Self {
        parts.0.into_vec()
    }
}

impl Deref for Parts {
    type Target = [Part];

    fn deref(&self) -> &[Part] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Parts {
    type Item = &'a Part;
    type IntoIter = std::slice::Iter<'a, Part>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<Part> for Parts {
    fn from_iter<I: IntoIterator<Item = Part>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Parts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// A number of solid units of one strength, counted in halves.
///
/// # Example
///
/// ```
/// # use calcinosis_dosing::probenecid::{self, DailyAmount};
/// # use calcinosis_dosing::{Age, BodyWeight, DailyDose, Give, Patient};
/// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
/// # let target = DailyAmount::Daily(DailyDose::from_mg_per_day(1500.0)?);
/// # let plan = probenecid::plan(&adult, target, &probenecid::Options::default())?;
/// // The last step of the adult titration: 1,500 mg/day as 750 mg twice daily.
/// let Give::Solid { parts, .. } = plan.steps()[2].administrations()[0].give() else { unreachable!() };
/// assert_eq!(parts.len(), 1);
/// assert_eq!(parts[0].count(), 1.5);
/// assert_eq!(parts[0].strength().to_string(), "500 mg");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Part {
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::wire::halves_as_count", rename = "count")
    )]
    halves: u64,
    strength: UnitStrength,
}

impl Part {
    /// How many units, as a number (1.5 for one and a half tablets).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount};
    /// # use calcinosis_dosing::{Age, BodyWeight, DailyDose, Give, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let target = DailyAmount::Daily(DailyDose::from_mg_per_day(1500.0)?);
    /// # let plan = probenecid::plan(&adult, target, &probenecid::Options::default())?;
    /// // The last step of the adult titration: 1,500 mg/day as 750 mg twice daily.
    /// let Give::Solid { parts, .. } = plan.steps()[2].administrations()[0].give() else { unreachable!() };
    /// assert_eq!(parts[0].count(), 1.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn count(&self) -> f64 {
        exact_f64(self.halves) / 2.0
    }

    /// The strength of each unit.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::{self, DailyAmount};
    /// # use calcinosis_dosing::{Age, BodyWeight, DailyDose, Give, Patient};
    /// # let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
    /// # let target = DailyAmount::Daily(DailyDose::from_mg_per_day(1500.0)?);
    /// # let plan = probenecid::plan(&adult, target, &probenecid::Options::default())?;
    /// // The last step of the adult titration: 1,500 mg/day as 750 mg twice daily.
    /// let Give::Solid { parts, .. } = plan.steps()[2].administrations()[0].give() else { unreachable!() };
    /// assert_eq!(parts[0].strength().mg(), 500.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn strength(&self) -> UnitStrength {
        self.strength
    }
}

/// What to give at one administration: units of a product, or a volume of a
/// liquid. Distinct from the [`Dose`](crate::Dose) it delivers.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Age, BodyWeight, DailyDosePerKg, Patient, diltiazem};
///
/// let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let plan = diltiazem::plan(
///     &patient,
///     DailyDosePerKg::from_mg_per_kg_per_day(3.0)?,
///     &diltiazem::Options::new(diltiazem::Formulation::ImmediateRelease),
/// )?;
/// let first = &plan.administrations()[0];
/// assert_eq!(first.give().to_string(), "1 tablet of 60 mg");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Give {
    /// Solid units, by strength.
    Solid {
        /// Tablet or capsule.
        form: SolidForm,
        /// The units of each strength, largest strength first.
        parts: Parts,
    },
    /// A volume of an oral liquid.
    Liquid {
        /// The volume in mL.
        #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::ml"))]
        volume_ml: f64,
        /// The liquid's concentration.
        concentration: Concentration,
    },
}

impl fmt::Display for Give {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Solid { form, parts } => {
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" + ")?;
                    }
                    let count = part.count();
                    let plural = if count > 1.0 { "s" } else { "" };
                    write!(
                        f,
                        "{} {form}{plural} of {}",
                        number(count, 1),
                        part.strength
                    )?;
                }
                Ok(())
            }
            Self::Liquid {
                volume_ml,
                concentration,
            } => write!(f, "{} mL of {concentration}", number(*volume_ml, 2)),
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;

    fn mg(v: f64) -> UnitStrength {
        UnitStrength::from_mg(v).unwrap()
    }

    /// Solid products of every shape the composition meets: several whole
    /// strengths, one strength in halves, and two with no one-step piece.
    fn solid_products() -> [Product; 4] {
        [
            Product::tablets(
                "ir",
                &[mg(30.0), mg(60.0), mg(90.0), mg(120.0)],
                Splitting::WholeOnly,
            ),
            Product::tablets("probenecid", &[mg(500.0)], Splitting::Halves),
            // No one-step piece: 60 mg steps, but 60 mg itself cannot be made.
            Product::capsules("er", &[mg(120.0), mg(180.0), mg(240.0)]),
            // Halves and no one-step piece: 30 mg steps, halves of 60 and
            // 90 mg, so 30 mg cannot be made.
            Product::tablets("halves", &[mg(120.0), mg(180.0)], Splitting::Halves),
        ]
        .map(Result::unwrap)
    }

    #[test]
    fn can_give_agrees_with_give() {
        let suspension = Product::oral_liquid(
            "suspension",
            crate::Concentration::from_mg_per_ml(12.0).unwrap(),
            uom::si::f64::Volume::new::<uom::si::volume::milliliter>(0.1),
        )
        .unwrap();
        for p in solid_products().into_iter().chain([suspension]) {
            for steps in (0..=70).chain(MAX_SOLID_STEPS - 2..=MAX_SOLID_STEPS + 2) {
                assert_eq!(
                    p.can_give(steps),
                    p.give(steps).is_some(),
                    "{} at {steps} steps",
                    p.name()
                );
            }
        }
    }

    /// The kept compositions are the search's own: the same answer for
    /// every count inside the table, at its edge and beyond it, read
    /// once or many times.
    #[test]
    fn kept_compositions_are_the_search() {
        for p in solid_products() {
            let Kind::Solid {
                form,
                strengths_ug,
                splitting,
                step_ug,
            } = &p.kind
            else {
                unreachable!("solid products only")
            };
            for _ in 0..2 {
                for steps in 1..=u64::try_from(COMPOSED_AHEAD).unwrap() + 8 {
                    assert_eq!(
                        p.give(steps),
                        compose(*form, strengths_ug, *splitting, *step_ug, steps),
                        "{} at {steps} steps",
                        p.name()
                    );
                }
            }
            assert_eq!(p.give(0), None);
            assert_eq!(p.clone(), p);
            // `Debug` names the product, not its kept compositions.
            let debug = format!("{p:?}");
            assert!(
                debug.starts_with(&format!("Product {{ name: {:?}", p.name())),
                "{debug}"
            );
            assert!(debug.ends_with(", .. }"), "{debug}");
        }
    }

    #[test]
    fn halves_of_two_strengths_use_the_fewest_pieces() {
        // Pieces of 180, 120 (whole) and 90, 60 mg (halves), in 30 mg steps.
        let p = Product::tablets("t", &[mg(120.0), mg(180.0)], Splitting::Halves).unwrap();
        assert_eq!(p.to_string(), "t");
        let give = |steps| p.give(steps).map(|g| g.to_string());
        assert_eq!(give(1), None);
        assert_eq!(give(2).unwrap(), "0.5 tablet of 120 mg");
        assert_eq!(
            give(5).unwrap(),
            "0.5 tablet of 180 mg + 0.5 tablet of 120 mg"
        );
        assert_eq!(give(6).unwrap(), "1 tablet of 180 mg");
        // 210 mg: 120 + 90 (two pieces), not 90 + 60 + 60.
        assert_eq!(
            give(7).unwrap(),
            "0.5 tablet of 180 mg + 1 tablet of 120 mg"
        );
        // 240 mg: two whole 120 mg (no half) before 180 + half of 120.
        assert_eq!(give(8).unwrap(), "2 tablets of 120 mg");
        assert_eq!(give(9).unwrap(), "1.5 tablets of 180 mg");
        assert_eq!(give(10).unwrap(), "1 tablet of 180 mg + 1 tablet of 120 mg");
    }

    #[test]
    fn parts_read_as_a_list() {
        let p = Product::tablets("ir", &[mg(30.0), mg(120.0)], Splitting::WholeOnly).unwrap();
        // 150 mg: one of each.
        let Some(Give::Solid { parts, .. }) = p.give(5) else {
            panic!("tablets give solids")
        };
        let strengths = |list: &[Part]| list.iter().map(|p| p.strength().mg()).collect::<Vec<_>>();
        assert_eq!(strengths(&parts), [120.0, 30.0]);
        assert_eq!(strengths(parts.as_ref()), [120.0, 30.0]);
        assert_eq!((&parts).into_iter().count(), 2);
        let debug = format!("{parts:?}");
        assert!(
            debug.starts_with("[Part {") && debug.ends_with("}]"),
            "{debug}"
        );
        let owned: Vec<Part> = parts.clone().into();
        assert_eq!(strengths(&owned), [120.0, 30.0]);
        let by_value: Vec<Part> = parts.into_iter().collect();
        assert_eq!(by_value, owned);
    }

    #[test]
    fn a_half_must_be_whole_micrograms_and_masses_are_exact() {
        // 1 µg cannot be halved into whole micrograms.
        let err = Product::tablets("tiny", &[mg(0.001)], Splitting::Halves).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Invalid {
                    field: "strength",
                    ..
                }
            ),
            "{err}"
        );
        let suspension = Product::oral_liquid(
            "suspension",
            crate::Concentration::from_mg_per_ml(12.0).unwrap(),
            uom::si::f64::Volume::new::<uom::si::volume::milliliter>(0.1),
        )
        .unwrap();
        assert_eq!(suspension.mg_of(6), Some(7.2));
        let probenecid = Product::tablets("p", &[mg(500.0)], Splitting::Halves).unwrap();
        assert_eq!(probenecid.mg_of(5), Some(1_250.0));
    }

    #[test]
    fn tablets_compose_with_fewest_units() {
        let p = Product::tablets(
            "diltiazem tablets",
            &[mg(30.0), mg(60.0), mg(90.0), mg(120.0)],
            Splitting::WholeOnly,
        )
        .unwrap();
        assert_eq!(p.step_mg(), 30.0);
        assert_eq!(
            p.give(5).unwrap().to_string(),
            "1 tablet of 120 mg + 1 tablet of 30 mg"
        );
        assert_eq!(p.give(2).unwrap().to_string(), "1 tablet of 60 mg");
        assert_eq!(p.give(8).unwrap().to_string(), "2 tablets of 120 mg");
        assert!(p.give(0).is_none());
    }

    /// The fewest pieces, not the largest first: with 30, 90 and 120 mg
    /// tablets, 180 mg is two 90 mg tablets, where taking the largest that
    /// fits would give three (120 + 30 + 30).
    #[test]
    fn the_fewest_pieces_beat_the_largest_first() {
        let p =
            Product::tablets("t", &[mg(30.0), mg(90.0), mg(120.0)], Splitting::WholeOnly).unwrap();
        assert_eq!(p.give(6).unwrap().to_string(), "2 tablets of 90 mg");
        assert_eq!(
            p.give(7).unwrap().to_string(),
            "1 tablet of 120 mg + 1 tablet of 90 mg"
        );
    }

    #[test]
    fn halves_are_written_with_a_leading_zero() {
        let p = Product::tablets("probenecid", &[mg(500.0)], Splitting::Halves).unwrap();
        assert_eq!(p.give(1).unwrap().to_string(), "0.5 tablet of 500 mg");
        assert_eq!(p.give(3).unwrap().to_string(), "1.5 tablets of 500 mg");
        assert_eq!(p.give(4).unwrap().to_string(), "2 tablets of 500 mg");
    }

    #[test]
    fn capsules_that_cannot_add_up_are_not_measurable() {
        let p = Product::capsules(
            "diltiazem ER",
            &[mg(120.0), mg(180.0), mg(240.0), mg(300.0), mg(360.0)],
        )
        .unwrap();
        assert_eq!(p.step_mg(), 60.0);
        assert!(p.give(1).is_none());
        assert_eq!(
            p.give(7).unwrap().to_string(),
            "1 capsule of 300 mg + 1 capsule of 120 mg"
        );
    }

    #[test]
    fn liquids_measure_by_graduation() {
        let p = Product::oral_liquid(
            "diltiazem suspension",
            Concentration::from_mg_per_ml(12.0).unwrap(),
            Volume::new::<milliliter>(0.1),
        )
        .unwrap();
        assert!((p.step_mg() - 1.2).abs() < 1e-12);
        assert_eq!(p.give(6).unwrap().to_string(), "0.6 mL of 12 mg/mL");
        assert_eq!(p.give(125).unwrap().to_string(), "12.5 mL of 12 mg/mL");
    }

    #[test]
    fn empty_strengths_are_an_error() {
        assert_eq!(
            Product::tablets("x", &[], Splitting::WholeOnly)
                .unwrap_err()
                .to_string(),
            "strengths [] is invalid: expected at least one strength"
        );
    }
}
