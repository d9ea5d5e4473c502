//! What to give at one administration: solid units by strength, or a
//! volume of a liquid.

use std::fmt;
use std::ops::Deref;

use smallvec::SmallVec;

use super::{Concentration, SolidForm, UnitStrength, exact_f64, number};

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
    /// `halves` half units of `strength`.
    pub(super) const fn new(halves: u64, strength: UnitStrength) -> Self {
        Self { halves, strength }
    }

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
