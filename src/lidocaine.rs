//! Lidocaine for the ring block before intralesional injection, bounded by
//! its label maxima.
//!
//! The lupus panniculitis technique ([`sources::JAAD_2013`]) gives a
//! lidocaine ring block before the sodium thiosulfate injections; lidocaine
//! may also be the diluent of an intralesional preparation. Lidocaine is a
//! drug with its own limits, so it has its own module: the label maximum for
//! one session is
//!
//! | solution | by weight | and never above | source |
//! |---|---|---|---|
//! | plain | 4.5 mg/kg | 300 mg | label |
//! | with epinephrine | 7 mg/kg | 500 mg | label |
//!
//! given as a mass, and as a volume at each strength used (0.5 % = 5 mg/mL,
//! 1 % = 10 mg/mL, 2 % = 20 mg/mL). A planned total above the maximum is an
//! [`Error::AboveMaximum`], never an alert.
//!
//! Everything given in one session counts: the ring block and any lidocaine
//! used as a diluent. The label gives no rule for mixing plain lidocaine with
//! lidocaine with epinephrine; when any part of the total is plain, this
//! crate applies the plain maximum to the whole total (the stricter reading).
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
//! use lidocaine::{Formulation, RingBlock, Solution, Strength};
//!
//! let adult = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
//! let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
//! let plan = lidocaine::ring_block(
//!     &adult,
//!     RingBlock::new(one_percent, InjectionVolume::from_ml(10.0)?),
//! )?;
//! assert_eq!(plan.total().mg(), 100.0);
//! // min(60 kg × 4.5 mg/kg, 300 mg) = 270 mg, that is 27 mL of 1 %.
//! assert_eq!(plan.maximum().mass().mg(), 270.0);
//! assert_eq!(plan.maximum().volume(Strength::OnePercent).ml(), 27.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!
//! - [`sources::LIDOCAINE_LABEL`]: 4.5 mg/kg and not above 300 mg plain;
//!   7 mg/kg and not above 500 mg with epinephrine; 1 % = 10 mg/mL.
//! - [`sources::JAAD_2013`]: the ring block before intralesional sodium
//!   thiosulfate.

use std::fmt;

use crate::citation::{Citation, sources};
use crate::dose::{Concentration, Dose, InjectionVolume};
use crate::error::Error;
use crate::exact::{self, Exact};
use crate::format::number;
use crate::limit::{Bound, CheckedLimit, Limit, Scope};
use crate::patient::{BodyWeight, Patient};

/// Plain lidocaine: at most 4.5 mg/kg in one session
/// ([`sources::LIDOCAINE_LABEL`]).
pub const PLAIN_MG_PER_KG: f64 = 4.5;
/// Plain lidocaine: never above 300 mg in one session
/// ([`sources::LIDOCAINE_LABEL`]).
pub const PLAIN_MAX_MG: f64 = 300.0;
/// Lidocaine with epinephrine: at most 7 mg/kg in one session
/// ([`sources::LIDOCAINE_LABEL`]).
pub const WITH_EPINEPHRINE_MG_PER_KG: f64 = 7.0;
/// Lidocaine with epinephrine: never above 500 mg in one session
/// ([`sources::LIDOCAINE_LABEL`]).
pub const WITH_EPINEPHRINE_MAX_MG: f64 = 500.0;
/// Lidocaine 0.5 % is 5 mg/mL ([`sources::LIDOCAINE_LABEL`]).
pub const HALF_PERCENT_MG_PER_ML: f64 = 5.0;
/// Lidocaine 1 % is 10 mg/mL ([`sources::LIDOCAINE_LABEL`]).
pub const ONE_PERCENT_MG_PER_ML: f64 = 10.0;
/// Lidocaine 2 % is 20 mg/mL ([`sources::LIDOCAINE_LABEL`]).
pub const TWO_PERCENT_MG_PER_ML: f64 = 20.0;

/// A labelled lidocaine strength (weight by volume).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::lidocaine::Strength;
///
/// assert_eq!(Strength::OnePercent.concentration().mg_per_ml(), 10.0);
/// assert_eq!(Strength::HalfPercent.to_string(), "0.5 % (5 mg/mL)");
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`]: 0.5 % = 5 mg/mL, 1 % = 10 mg/mL, 2 % =
/// 20 mg/mL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Strength {
    /// 0.5 %, 5 mg/mL.
    HalfPercent,
    /// 1 %, 10 mg/mL.
    OnePercent,
    /// 2 %, 20 mg/mL.
    TwoPercent,
}

impl Strength {
    /// The strength in % (w/v), as labelled.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::Strength;
    /// assert_eq!(Strength::HalfPercent.percent(), 0.5);
    /// assert_eq!(Strength::TwoPercent.percent(), 2.0);
    /// ```
    #[must_use]
    pub const fn percent(self) -> f64 {
        match self {
            Self::HalfPercent => 0.5,
            Self::OnePercent => 1.0,
            Self::TwoPercent => 2.0,
        }
    }

    /// The strength in mg/mL.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::Strength;
    /// // 2 % w/v is 2 g in 100 mL.
    /// assert_eq!(Strength::TwoPercent.concentration().to_string(), "20 mg/mL");
    /// ```
    #[must_use]
    pub const fn concentration(self) -> Concentration {
        Concentration::derived(match self {
            Self::HalfPercent => HALF_PERCENT_MG_PER_ML,
            Self::OnePercent => ONE_PERCENT_MG_PER_ML,
            Self::TwoPercent => TWO_PERCENT_MG_PER_ML,
        })
    }
}

impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} % ({})",
            number(self.percent(), 1),
            self.concentration()
        )
    }
}

/// Plain lidocaine, or lidocaine with epinephrine: they have different
/// maxima.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::lidocaine::Formulation;
///
/// assert_eq!(Formulation::Plain.mg_per_kg(), 4.5);
/// assert_eq!(Formulation::WithEpinephrine.cap().mg(), 500.0);
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Formulation {
    /// Lidocaine alone: 4.5 mg/kg, never above 300 mg.
    Plain,
    /// Lidocaine with epinephrine: 7 mg/kg, never above 500 mg.
    WithEpinephrine,
}

impl Formulation {
    /// The label maximum by weight, in mg/kg.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::Formulation;
    /// assert_eq!(Formulation::Plain.mg_per_kg(), 4.5);
    /// assert_eq!(Formulation::WithEpinephrine.mg_per_kg(), 7.0);
    /// ```
    #[must_use]
    pub const fn mg_per_kg(self) -> f64 {
        match self {
            Self::Plain => PLAIN_MG_PER_KG,
            Self::WithEpinephrine => WITH_EPINEPHRINE_MG_PER_KG,
        }
    }

    /// The label's absolute maximum, whatever the weight.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::Formulation;
    /// assert_eq!(Formulation::Plain.cap().to_string(), "300 mg");
    /// assert_eq!(Formulation::WithEpinephrine.cap().to_string(), "500 mg");
    /// ```
    #[must_use]
    pub const fn cap(self) -> Dose {
        Dose::derived(match self {
            Self::Plain => PLAIN_MAX_MG,
            Self::WithEpinephrine => WITH_EPINEPHRINE_MAX_MG,
        })
    }
}

impl fmt::Display for Formulation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Plain => "plain",
            Self::WithEpinephrine => "with epinephrine",
        })
    }
}

/// A lidocaine solution: a strength, plain or with epinephrine.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::lidocaine::{Formulation, Solution, Strength};
///
/// let s = Solution::new(Strength::OnePercent, Formulation::Plain);
/// assert_eq!(s.to_string(), "lidocaine 1 % (10 mg/mL), plain");
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Solution {
    strength: Strength,
    formulation: Formulation,
}

impl Solution {
    /// A solution of this strength and formulation.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, Strength};
    /// let s = Solution::new(Strength::TwoPercent, Formulation::WithEpinephrine);
    /// assert_eq!(s.to_string(), "lidocaine 2 % (20 mg/mL) with epinephrine");
    /// ```
    #[must_use]
    pub const fn new(strength: Strength, formulation: Formulation) -> Self {
        Self {
            strength,
            formulation,
        }
    }

    /// The strength.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, Strength};
    /// let s = Solution::new(Strength::HalfPercent, Formulation::Plain);
    /// assert_eq!(s.strength(), Strength::HalfPercent);
    /// ```
    #[must_use]
    pub const fn strength(self) -> Strength {
        self.strength
    }

    /// Plain or with epinephrine.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, Strength};
    /// let s = Solution::new(Strength::OnePercent, Formulation::WithEpinephrine);
    /// assert_eq!(s.formulation(), Formulation::WithEpinephrine);
    /// ```
    #[must_use]
    pub const fn formulation(self) -> Formulation {
        self.formulation
    }

    /// The concentration, in mg/mL.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, Strength};
    /// let s = Solution::new(Strength::HalfPercent, Formulation::Plain);
    /// assert_eq!(s.concentration().mg_per_ml(), 5.0);
    /// ```
    #[must_use]
    pub const fn concentration(self) -> Concentration {
        self.strength.concentration()
    }
}

impl fmt::Display for Solution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.formulation {
            Formulation::Plain => write!(f, "lidocaine {}, plain", self.strength),
            Formulation::WithEpinephrine => {
                write!(f, "lidocaine {} with epinephrine", self.strength)
            }
        }
    }
}

/// Which bound gave the maximum: the weight, or the absolute cap.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, BodyWeight};
///
/// let heavy = BodyWeight::from_kg(80.0)?;
/// let max = lidocaine::maximum(heavy, lidocaine::Formulation::Plain);
/// assert_eq!(max.basis(), lidocaine::Basis::AbsoluteCap);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Basis {
    /// Weight × mg/kg is at or under the cap.
    Weight,
    /// Weight × mg/kg is above the cap, so the cap applies.
    AbsoluteCap,
}

/// The label maximum of lidocaine for one session and one patient:
/// min(weight × mg/kg, absolute cap).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, BodyWeight};
/// use lidocaine::{Formulation, Strength};
///
/// let max = lidocaine::maximum(BodyWeight::from_kg(60.0)?, Formulation::WithEpinephrine);
/// assert_eq!(max.mass().mg(), 420.0);
/// assert_eq!(max.volume(Strength::TwoPercent).ml(), 21.0);
/// assert_eq!(max.to_string(), "420 mg (7 mg/kg × 60 kg, under the 500 mg cap)");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Maximum {
    formulation: Formulation,
    weight: BodyWeight,
    mass: Dose,
    basis: Basis,
}

impl Maximum {
    /// Plain or with epinephrine: the maximum it is for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, BodyWeight};
    /// # use lidocaine::{Basis, Formulation, Strength};
    /// let max = lidocaine::maximum(BodyWeight::from_kg(55.0)?, Formulation::Plain);
    /// assert_eq!(max.formulation(), Formulation::Plain);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn formulation(&self) -> Formulation {
        self.formulation
    }

    /// The weight it was computed for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, BodyWeight};
    /// # use lidocaine::{Basis, Formulation, Strength};
    /// let max = lidocaine::maximum(BodyWeight::from_kg(55.0)?, Formulation::Plain);
    /// assert_eq!(max.weight().kg(), 55.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn weight(&self) -> BodyWeight {
        self.weight
    }

    /// The maximum mass for one session.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, BodyWeight};
    /// # use lidocaine::{Basis, Formulation, Strength};
    /// let max = lidocaine::maximum(BodyWeight::from_kg(55.0)?, Formulation::Plain);
    /// // 55 kg × 4.5 mg/kg, under the 300 mg cap.
    /// assert_eq!(max.mass().to_string(), "247.5 mg");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn mass(&self) -> Dose {
        self.mass
    }

    /// Whether the weight or the cap gave it.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, BodyWeight};
    /// # use lidocaine::{Basis, Formulation, Strength};
    /// let max = lidocaine::maximum(BodyWeight::from_kg(55.0)?, Formulation::Plain);
    /// assert_eq!(max.basis(), Basis::Weight);
    /// // 80 kg × 4.5 mg/kg = 360 mg, above the 300 mg cap.
    /// let heavy = lidocaine::maximum(BodyWeight::from_kg(80.0)?, Formulation::Plain);
    /// assert_eq!(heavy.basis(), Basis::AbsoluteCap);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn basis(&self) -> Basis {
        self.basis
    }

    /// The maximum as a volume of `strength`, rounded down to 0.01 mL so
    /// that the volume written never holds more than the maximum.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, BodyWeight};
    /// # use lidocaine::{Basis, Formulation, Strength};
    /// let max = lidocaine::maximum(BodyWeight::from_kg(55.0)?, Formulation::Plain);
    /// assert_eq!(max.volume(Strength::OnePercent).ml(), 24.75);
    /// // 247.5 mg / 20 mg/mL = 12.375 mL, written down as 12.37 mL.
    /// assert_eq!(max.volume(Strength::TwoPercent).ml(), 12.37);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn volume(&self, strength: Strength) -> InjectionVolume {
        // Rounded down to the hundredth of a mL, exactly: never above the
        // maximum.
        let ml = exact::div(self.exact_mass(), strength.concentration().exact())
            .and_then(|ml| exact::floor_to(ml, exact::frac(1, 100)))
            .unwrap_or_default();
        InjectionVolume::derived(exact::to_f64(ml))
    }
}

impl Maximum {
    /// The maximum mass in mg, exactly: min(weight × mg/kg, cap).
    fn exact_mass(&self) -> Exact {
        exact_maximum(self.weight, self.formulation)
    }

    /// Why it is this value: "4.5 mg/kg × 60 kg, under the 300 mg cap".
    fn write_reason(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per_kg = number(self.formulation.mg_per_kg(), 1);
        match self.basis {
            Basis::Weight => write!(
                f,
                "{per_kg} mg/kg × {}, under the {} cap",
                self.weight,
                self.formulation.cap()
            ),
            Basis::AbsoluteCap => write!(
                f,
                "the cap; {per_kg} mg/kg × {} would be {}",
                self.weight,
                Dose::derived(self.formulation.mg_per_kg() * self.weight.kg())
            ),
        }
    }
}

impl fmt::Display for Maximum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (", self.mass)?;
        self.write_reason(f)?;
        f.write_str(")")
    }
}

/// The label maximum of lidocaine in one session for a patient of this
/// weight: min(weight × 4.5 mg/kg, 300 mg) plain, min(weight × 7 mg/kg,
/// 500 mg) with epinephrine.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, BodyWeight};
///
/// let max = lidocaine::maximum(BodyWeight::from_kg(20.0)?, lidocaine::Formulation::Plain);
/// assert_eq!(max.mass().mg(), 90.0);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`].
#[must_use]
pub fn maximum(weight: BodyWeight, formulation: Formulation) -> Maximum {
    let by_weight = by_weight(weight, formulation);
    let cap = formulation.cap().exact();
    let basis = if by_weight <= cap {
        Basis::Weight
    } else {
        Basis::AbsoluteCap
    };
    Maximum {
        formulation,
        weight,
        mass: Dose::derived(exact::to_f64(by_weight.min(cap))),
        basis,
    }
}

/// weight × mg/kg, exactly.
fn by_weight(weight: BodyWeight, formulation: Formulation) -> Exact {
    weight.exact_kg() * exact::decimal(formulation.mg_per_kg()).unwrap_or_default()
}

/// min(weight × mg/kg, cap), exactly.
fn exact_maximum(weight: BodyWeight, formulation: Formulation) -> Exact {
    by_weight(weight, formulation).min(formulation.cap().exact())
}

/// What lidocaine is used for in a session.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::lidocaine::Purpose;
///
/// assert_eq!(Purpose::RingBlock.to_string(), "ring block");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Purpose {
    /// A ring block around the lesion, before the injections.
    RingBlock,
    /// The diluent of an intralesional preparation.
    Diluent,
}

impl fmt::Display for Purpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::RingBlock => "ring block",
            Self::Diluent => "diluent",
        })
    }
}

/// One use of lidocaine in a session: what for, which solution, how much.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, InjectionVolume};
/// use lidocaine::{Formulation, Purpose, Solution, Strength, Use};
///
/// let u = Use::new(
///     Purpose::Diluent,
///     Solution::new(Strength::OnePercent, Formulation::Plain),
///     InjectionVolume::from_ml(2.0)?,
/// );
/// assert_eq!(u.mass().mg(), 20.0);
/// assert_eq!(u.to_string(), "diluent: 2 mL of lidocaine 1 % (10 mg/mL), plain = 20 mg");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Use {
    purpose: Purpose,
    solution: Solution,
    volume: InjectionVolume,
}

impl Use {
    /// A use of `volume` of `solution`, for `purpose`.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, Solution, Strength, Use};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let u = Use::new(Purpose::RingBlock, one_percent, InjectionVolume::from_ml(5.0)?);
    /// assert_eq!(u.to_string(), "ring block: 5 mL of lidocaine 1 % (10 mg/mL), plain = 50 mg");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(purpose: Purpose, solution: Solution, volume: InjectionVolume) -> Self {
        Self {
            purpose,
            solution,
            volume,
        }
    }

    /// What for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, Solution, Strength, Use};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let u = Use::new(Purpose::Diluent, one_percent, InjectionVolume::from_ml(2.0)?);
    /// assert_eq!(u.purpose(), Purpose::Diluent);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// Which solution.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, Solution, Strength, Use};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let u = Use::new(Purpose::Diluent, one_percent, InjectionVolume::from_ml(2.0)?);
    /// assert_eq!(u.solution(), one_percent);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn solution(&self) -> Solution {
        self.solution
    }

    /// How much.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, Solution, Strength, Use};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let u = Use::new(Purpose::Diluent, one_percent, InjectionVolume::from_ml(2.0)?);
    /// assert_eq!(u.volume().ml(), 2.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn volume(&self) -> InjectionVolume {
        self.volume
    }

    /// The lidocaine it holds: volume × concentration.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, Solution, Strength, Use};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let u = Use::new(Purpose::Diluent, one_percent, InjectionVolume::from_ml(2.0)?);
    /// // 2 mL × 10 mg/mL.
    /// assert_eq!(u.mass().to_string(), "20 mg");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn mass(&self) -> Dose {
        Dose::derived(self.volume.ml() * self.solution.concentration().mg_per_ml())
    }
}

impl fmt::Display for Use {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} of {} = {}",
            self.purpose,
            self.volume,
            self.solution,
            self.mass()
        )
    }
}

/// A ring block: a volume of a lidocaine solution injected around the
/// lesion. The volume is the prescriber's; the source gives none.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, InjectionVolume};
/// use lidocaine::{Formulation, RingBlock, Solution, Strength};
///
/// let block = RingBlock::new(
///     Solution::new(Strength::OnePercent, Formulation::Plain),
///     InjectionVolume::from_ml(5.0)?,
/// );
/// assert_eq!(block.volume().ml(), 5.0);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::JAAD_2013`] (a ring block first), [`sources::LIDOCAINE_LABEL`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RingBlock {
    solution: Solution,
    volume: InjectionVolume,
}

impl RingBlock {
    /// A ring block of `volume` of `solution`.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, Strength};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let block = RingBlock::new(one_percent, InjectionVolume::from_ml(5.0)?);
    /// assert_eq!(block.as_use().mass().mg(), 50.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(solution: Solution, volume: InjectionVolume) -> Self {
        Self { solution, volume }
    }

    /// The solution.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, Strength};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let block = RingBlock::new(one_percent, InjectionVolume::from_ml(5.0)?);
    /// assert_eq!(block.solution().to_string(), "lidocaine 1 % (10 mg/mL), plain");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn solution(&self) -> Solution {
        self.solution
    }

    /// The volume.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, Strength};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let block = RingBlock::new(one_percent, InjectionVolume::from_ml(5.0)?);
    /// assert_eq!(block.volume().to_string(), "5 mL");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn volume(&self) -> InjectionVolume {
        self.volume
    }

    /// The ring block as a [`Use`].
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, Strength};
    /// # let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
    /// let block = RingBlock::new(one_percent, InjectionVolume::from_ml(5.0)?);
    /// let u = block.as_use();
    /// assert_eq!(u.purpose(), Purpose::RingBlock);
    /// assert_eq!(u.volume(), block.volume());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn as_use(&self) -> Use {
        Use::new(Purpose::RingBlock, self.solution, self.volume)
    }
}

/// The maximum written as a volume of one strength.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
/// use lidocaine::{Formulation, RingBlock, Solution, Strength};
///
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
/// let block = RingBlock::new(
///     Solution::new(Strength::OnePercent, Formulation::Plain),
///     InjectionVolume::from_ml(5.0)?,
/// );
/// let plan = lidocaine::ring_block(&patient, block)?;
/// assert_eq!(plan.maximum_volumes()[0].to_string(), "27 mL of 1 %");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MaximumVolume {
    strength: Strength,
    volume: InjectionVolume,
}

impl MaximumVolume {
    /// The strength.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let two_percent = Solution::new(Strength::TwoPercent, Formulation::Plain);
    /// # let block = RingBlock::new(two_percent, InjectionVolume::from_ml(5.0)?);
    /// # let plan = lidocaine::ring_block(&patient, block)?;
    /// // A 60 kg adult, a ring block of lidocaine 2 % plain.
    /// let max_volume = plan.maximum_volumes()[0];
    /// assert_eq!(max_volume.strength(), Strength::TwoPercent);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn strength(&self) -> Strength {
        self.strength
    }

    /// The maximum as a volume of that strength.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, Strength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let two_percent = Solution::new(Strength::TwoPercent, Formulation::Plain);
    /// # let block = RingBlock::new(two_percent, InjectionVolume::from_ml(5.0)?);
    /// # let plan = lidocaine::ring_block(&patient, block)?;
    /// // A 60 kg adult, a ring block of lidocaine 2 % plain.
    /// let max_volume = plan.maximum_volumes()[0];
    /// // 270 mg (60 kg × 4.5 mg/kg) of 2 % (20 mg/mL).
    /// assert_eq!(max_volume.volume().ml(), 13.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn volume(&self) -> InjectionVolume {
        self.volume
    }
}

impl fmt::Display for MaximumVolume {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} of {} %",
            self.volume,
            number(self.strength.percent(), 1)
        )
    }
}

/// The lidocaine of one session, checked against the label maximum.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
/// use lidocaine::{Formulation, RingBlock, Solution, Strength};
///
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
/// let block = RingBlock::new(
///     Solution::new(Strength::OnePercent, Formulation::Plain),
///     InjectionVolume::from_ml(10.0)?,
/// );
/// let plan = lidocaine::ring_block(&patient, block)?;
/// assert!(plan.to_string().contains("maximum 270 mg = 27 mL of 1 %"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LidocainePlan {
    uses: Vec<Use>,
    total: Dose,
    maximum: Maximum,
    maximum_volumes: Vec<MaximumVolume>,
    source: Citation,
}

impl LidocainePlan {
    /// The maximum that applies, as a checked limit: the session's total
    /// against it.
    pub(crate) fn checked(&self) -> CheckedLimit {
        let (id, name) = match self.maximum.formulation {
            Formulation::Plain => ("lidocaine.max.plain", "lidocaine maximum (plain)"),
            Formulation::WithEpinephrine => (
                "lidocaine.max.with_epinephrine",
                "lidocaine maximum (with epinephrine)",
            ),
        };
        CheckedLimit::new(
            Limit::new(
                id,
                name,
                Bound::AtMost,
                self.maximum.mass.mg(),
                "mg",
                Scope::PerSession,
                self.source,
            ),
            self.total.mg(),
        )
    }

    /// Every use in the session, in the order given.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, Strength, Use};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let uses = [
    /// #     RingBlock::new(
    /// #         Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #         InjectionVolume::from_ml(5.0)?,
    /// #     )
    /// #     .as_use(),
    /// #     Use::new(
    /// #         Purpose::Diluent,
    /// #         Solution::new(Strength::TwoPercent, Formulation::WithEpinephrine),
    /// #         InjectionVolume::from_ml(1.0)?,
    /// #     ),
    /// # ];
    /// // A 60 kg adult: 5 mL of 1 % plain (50 mg), 1 mL of 2 % with epinephrine (20 mg).
    /// let plan = lidocaine::plan(&patient, &uses)?;
    /// assert_eq!(plan.uses().len(), 2);
    /// assert_eq!(plan.uses()[1].purpose(), Purpose::Diluent);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn uses(&self) -> &[Use] {
        &self.uses
    }

    /// The lidocaine of the session, all uses together.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, Strength, Use};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let uses = [
    /// #     RingBlock::new(
    /// #         Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #         InjectionVolume::from_ml(5.0)?,
    /// #     )
    /// #     .as_use(),
    /// #     Use::new(
    /// #         Purpose::Diluent,
    /// #         Solution::new(Strength::TwoPercent, Formulation::WithEpinephrine),
    /// #         InjectionVolume::from_ml(1.0)?,
    /// #     ),
    /// # ];
    /// // A 60 kg adult: 5 mL of 1 % plain (50 mg), 1 mL of 2 % with epinephrine (20 mg).
    /// let plan = lidocaine::plan(&patient, &uses)?;
    /// assert_eq!(plan.total().to_string(), "70 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total(&self) -> Dose {
        self.total
    }

    /// The maximum that applies: plain when any use is plain.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, Strength, Use};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let uses = [
    /// #     RingBlock::new(
    /// #         Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #         InjectionVolume::from_ml(5.0)?,
    /// #     )
    /// #     .as_use(),
    /// #     Use::new(
    /// #         Purpose::Diluent,
    /// #         Solution::new(Strength::TwoPercent, Formulation::WithEpinephrine),
    /// #         InjectionVolume::from_ml(1.0)?,
    /// #     ),
    /// # ];
    /// // A 60 kg adult: 5 mL of 1 % plain (50 mg), 1 mL of 2 % with epinephrine (20 mg).
    /// let plan = lidocaine::plan(&patient, &uses)?;
    /// // One use is plain, so the plain maximum applies to the whole total.
    /// assert_eq!(plan.maximum().formulation(), Formulation::Plain);
    /// assert_eq!(plan.maximum().mass().mg(), 270.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn maximum(&self) -> &Maximum {
        &self.maximum
    }

    /// The maximum as a volume of each strength used.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, Strength, Use};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let uses = [
    /// #     RingBlock::new(
    /// #         Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #         InjectionVolume::from_ml(5.0)?,
    /// #     )
    /// #     .as_use(),
    /// #     Use::new(
    /// #         Purpose::Diluent,
    /// #         Solution::new(Strength::TwoPercent, Formulation::WithEpinephrine),
    /// #         InjectionVolume::from_ml(1.0)?,
    /// #     ),
    /// # ];
    /// // A 60 kg adult: 5 mL of 1 % plain (50 mg), 1 mL of 2 % with epinephrine (20 mg).
    /// let plan = lidocaine::plan(&patient, &uses)?;
    /// let volumes: Vec<String> = plan.maximum_volumes().iter().map(ToString::to_string).collect();
    /// assert_eq!(volumes, ["27 mL of 1 %", "13.5 mL of 2 %"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn maximum_volumes(&self) -> &[MaximumVolume] {
        &self.maximum_volumes
    }

    /// The source of the maximum.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, Strength, Use};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let uses = [
    /// #     RingBlock::new(
    /// #         Solution::new(Strength::OnePercent, Formulation::Plain),
    /// #         InjectionVolume::from_ml(5.0)?,
    /// #     )
    /// #     .as_use(),
    /// #     Use::new(
    /// #         Purpose::Diluent,
    /// #         Solution::new(Strength::TwoPercent, Formulation::WithEpinephrine),
    /// #         InjectionVolume::from_ml(1.0)?,
    /// #     ),
    /// # ];
    /// // A 60 kg adult: 5 mL of 1 % plain (50 mg), 1 mL of 2 % with epinephrine (20 mg).
    /// let plan = lidocaine::plan(&patient, &uses)?;
    /// assert_eq!(plan.source(), calcinosis_dosing::sources::LIDOCAINE_LABEL);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn source(&self) -> Citation {
        self.source
    }
}

impl fmt::Display for LidocainePlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Lidocaine, one session:")?;
        for u in &self.uses {
            writeln!(f, "  - {u}")?;
        }
        write!(f, "  total {}; maximum {}", self.total, self.maximum.mass)?;
        for (i, v) in self.maximum_volumes.iter().enumerate() {
            f.write_str(if i == 0 { " = " } else { " or " })?;
            write!(f, "{v}")?;
        }
        write!(f, ", {}: ", self.maximum.formulation)?;
        self.maximum.write_reason(f)?;
        writeln!(f)
    }
}

/// Checks the lidocaine of one session against the label maximum for the
/// patient.
///
/// The maximum is the plain one when any use is plain, the one with
/// epinephrine otherwise (see the [module documentation](self)).
///
/// # Errors
///
/// - [`Error::Invalid`] when `uses` is empty.
/// - [`Error::AboveMaximum`] when the total is above the maximum, naming
///   the total, the maximum and the label.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
/// use lidocaine::{Formulation, Purpose, Solution, Strength, Use};
///
/// let child = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let one_percent = Solution::new(Strength::OnePercent, Formulation::Plain);
/// let uses = [
///     Use::new(Purpose::RingBlock, one_percent, InjectionVolume::from_ml(8.0)?),
///     Use::new(Purpose::Diluent, one_percent, InjectionVolume::from_ml(2.0)?),
/// ];
/// // 100 mg in all, above 20 kg × 4.5 mg/kg = 90 mg.
/// let err = lidocaine::plan(&child, &uses).unwrap_err();
/// assert!(err.to_string().starts_with("lidocaine per session 100 mg is above the maximum of 90 mg"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`].
pub fn plan(patient: &Patient, uses: &[Use]) -> Result<LidocainePlan, Error> {
    if uses.is_empty() {
        return Err(Error::Invalid {
            field: "lidocaine",
            value: "[]".to_owned(),
            reason: "expected at least one use (a ring block or a diluent)".to_owned(),
        });
    }
    let formulation = if uses
        .iter()
        .all(|u| u.solution.formulation == Formulation::WithEpinephrine)
    {
        Formulation::WithEpinephrine
    } else {
        Formulation::Plain
    };
    let maximum = maximum(patient.weight(), formulation);
    let total: Exact = uses
        .iter()
        .map(|u| u.volume.exact() * u.solution.concentration().exact())
        .sum();
    let (total_mg, max_mg) = (exact::to_f64(total), maximum.mass.mg());
    if total > maximum.exact_mass() {
        return Err(Error::AboveMaximum {
            field: "lidocaine per session",
            value: total_mg,
            max: max_mg,
            unit: "mg",
            source_ref: sources::LIDOCAINE_LABEL.reference(),
        });
    }
    let mut strengths: Vec<Strength> = Vec::new();
    for u in uses {
        if !strengths.contains(&u.solution.strength) {
            strengths.push(u.solution.strength);
        }
    }
    let maximum_volumes = strengths
        .into_iter()
        .map(|strength| MaximumVolume {
            strength,
            volume: maximum.volume(strength),
        })
        .collect();
    Ok(LidocainePlan {
        uses: uses.to_vec(),
        total: Dose::derived(total_mg),
        maximum,
        maximum_volumes,
        source: sources::LIDOCAINE_LABEL,
    })
}

/// Checks a ring block alone against the label maximum for the patient.
///
/// # Errors
///
/// [`Error::AboveMaximum`] when the ring block holds more lidocaine than the
/// maximum.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
/// use lidocaine::{Formulation, RingBlock, Solution, Strength};
///
/// let adult = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
/// let block = RingBlock::new(
///     Solution::new(Strength::OnePercent, Formulation::Plain),
///     InjectionVolume::from_ml(28.0)?,
/// );
/// assert_eq!(
///     lidocaine::ring_block(&adult, block).unwrap_err().to_string(),
///     "lidocaine per session 280 mg is above the maximum of 270 mg \
///      (Xylocaine (lidocaine HCl) injection, with and without epinephrine, \
///      US prescribing information (DailyMed))",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`].
pub fn ring_block(patient: &Patient, block: RingBlock) -> Result<LidocainePlan, Error> {
    plan(patient, &[block.as_use()])
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;
    use crate::Age;

    fn patient(kg: f64) -> Patient {
        Patient::new(
            BodyWeight::from_kg(kg).unwrap(),
            Age::from_years(40.0).unwrap(),
        )
    }

    fn ml(v: f64) -> InjectionVolume {
        InjectionVolume::from_ml(v).unwrap()
    }

    #[test]
    fn the_cap_applies_above_the_weight_where_it_binds() {
        // 300 / 4.5 = 66.7 kg; 500 / 7 = 71.4 kg.
        let w = BodyWeight::from_kg(80.0).unwrap();
        assert_eq!(maximum(w, Formulation::Plain).mass().mg(), 300.0);
        assert_eq!(maximum(w, Formulation::WithEpinephrine).mass().mg(), 500.0);
        assert_eq!(
            maximum(w, Formulation::Plain).to_string(),
            "300 mg (the cap; 4.5 mg/kg × 80 kg would be 360 mg)"
        );
    }

    #[test]
    fn maximum_volume_is_rounded_down() {
        // 17.3 kg × 4.5 = 77.85 mg = 7.785 mL of 1 %: written 7.78 mL.
        let w = BodyWeight::from_kg(17.3).unwrap();
        let max = maximum(w, Formulation::Plain);
        assert_eq!(max.volume(Strength::OnePercent).ml(), 7.78);
    }

    #[test]
    fn a_plain_part_makes_the_plain_maximum_apply() {
        let with_epi = Solution::new(Strength::OnePercent, Formulation::WithEpinephrine);
        let plain = Solution::new(Strength::OnePercent, Formulation::Plain);
        // 60 kg: 270 mg plain, 420 mg with epinephrine; 30 mL = 300 mg.
        let only_epi = [Use::new(Purpose::RingBlock, with_epi, ml(30.0))];
        assert!(plan(&patient(60.0), &only_epi).is_ok());
        let mixed = [
            Use::new(Purpose::RingBlock, with_epi, ml(28.0)),
            Use::new(Purpose::Diluent, plain, ml(2.0)),
        ];
        assert_eq!(
            plan(&patient(60.0), &mixed).unwrap_err(),
            Error::AboveMaximum {
                field: "lidocaine per session",
                value: 300.0,
                max: 270.0,
                unit: "mg",
                source_ref: sources::LIDOCAINE_LABEL.reference(),
            }
        );
    }

    #[test]
    fn no_use_is_an_error() {
        assert_eq!(
            plan(&patient(60.0), &[]).unwrap_err().to_string(),
            "lidocaine [] is invalid: expected at least one use (a ring block or a diluent)"
        );
    }

    #[test]
    fn display_names_uses_total_and_maximum() {
        let one = Solution::new(Strength::OnePercent, Formulation::Plain);
        let half = Solution::new(Strength::HalfPercent, Formulation::Plain);
        let p = plan(
            &patient(60.0),
            &[
                Use::new(Purpose::RingBlock, one, ml(10.0)),
                Use::new(Purpose::Diluent, half, ml(2.0)),
            ],
        )
        .unwrap();
        assert_eq!(
            p.to_string(),
            "Lidocaine, one session:\n  \
             - ring block: 10 mL of lidocaine 1 % (10 mg/mL), plain = 100 mg\n  \
             - diluent: 2 mL of lidocaine 0.5 % (5 mg/mL), plain = 10 mg\n  \
             total 110 mg; maximum 270 mg = 27 mL of 1 % or 54 mL of 0.5 %, \
             plain: 4.5 mg/kg × 60 kg, under the 300 mg cap\n"
        );
    }
}
