use super::{
    BodyWeight, CHILD_MG_PER_KG, Dose, Exact, Formulation, InjectionVolume, Patient,
    PercentStrength, exact, fmt, number,
};

/// Which bound gave the maximum: the weight, or the absolute cap.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, BodyWeight};
///
/// let heavy = BodyWeight::from_kg(80.0)?;
/// let max = lidocaine::maximum(heavy, lidocaine::Formulation::Plain);
/// assert_eq!(max.basis(), lidocaine::MaximumBasis::AbsoluteCap);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MaximumBasis {
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
/// use lidocaine::{Formulation, PercentStrength};
///
/// let max = lidocaine::maximum(BodyWeight::from_kg(60.0)?, Formulation::WithEpinephrine);
/// assert_eq!(max.mass().mg(), 420.0);
/// assert_eq!(max.volume(PercentStrength::TwoPercent).ml(), 21.0);
/// assert_eq!(max.to_string(), "420 mg (7 mg/kg × 60 kg, under the 500 mg cap)");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`](crate::sources::LIDOCAINE_LABEL).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Maximum {
    pub(super) formulation: Formulation,
    pub(super) weight: BodyWeight,
    pub(super) mass: Dose,
    pub(super) basis: MaximumBasis,
    /// For a child: 4.5 mg/kg whatever the formulation.
    pub(super) child: bool,
}

impl Maximum {
    /// Plain or with epinephrine: the maximum it is for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, BodyWeight};
    /// # use lidocaine::{MaximumBasis, Formulation, PercentStrength};
    /// let max = lidocaine::maximum(BodyWeight::from_kg(55.0)?, Formulation::Plain);
    /// assert_eq!(max.formulation(), Formulation::Plain);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn formulation(&self) -> Formulation {
        self.formulation
    }

    /// Whether it is a child's maximum: 4.5 mg/kg and at most 300 mg,
    /// plain or with epinephrine ([`CHILD_MG_PER_KG`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, Age, BodyWeight, Patient};
    /// let child = Patient::new(BodyWeight::from_kg(14.0)?, Age::from_years(3.0)?);
    /// let max = lidocaine::maximum_for(&child, lidocaine::Formulation::WithEpinephrine);
    /// assert!(max.is_for_child());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn is_for_child(&self) -> bool {
        self.child
    }

    /// Where the maximum comes from: the injection's label for an adult,
    /// the paediatric label text for a child.
    pub(super) const fn source(&self) -> crate::citation::Citation {
        if self.child {
            crate::citation::sources::LIDOCAINE_PAEDIATRIC
        } else {
            crate::citation::sources::LIDOCAINE_LABEL
        }
    }

    /// The weight it was computed for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, BodyWeight};
    /// # use lidocaine::{MaximumBasis, Formulation, PercentStrength};
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
    /// # use lidocaine::{MaximumBasis, Formulation, PercentStrength};
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
    /// # use lidocaine::{MaximumBasis, Formulation, PercentStrength};
    /// let max = lidocaine::maximum(BodyWeight::from_kg(55.0)?, Formulation::Plain);
    /// assert_eq!(max.basis(), MaximumBasis::Weight);
    /// // 80 kg × 4.5 mg/kg = 360 mg, above the 300 mg cap.
    /// let heavy = lidocaine::maximum(BodyWeight::from_kg(80.0)?, Formulation::Plain);
    /// assert_eq!(heavy.basis(), MaximumBasis::AbsoluteCap);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn basis(&self) -> MaximumBasis {
        self.basis
    }

    /// The maximum as a volume of `strength`, rounded down to 0.01 mL so
    /// that the volume written never holds more than the maximum.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, BodyWeight};
    /// # use lidocaine::{MaximumBasis, Formulation, PercentStrength};
    /// let max = lidocaine::maximum(BodyWeight::from_kg(55.0)?, Formulation::Plain);
    /// assert_eq!(max.volume(PercentStrength::OnePercent).ml(), 24.75);
    /// // 247.5 mg / 20 mg/mL = 12.375 mL, written down as 12.37 mL.
    /// assert_eq!(max.volume(PercentStrength::TwoPercent).ml(), 12.37);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn volume(&self, strength: PercentStrength) -> InjectionVolume {
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
    pub(super) fn exact_mass(&self) -> Exact {
        let rule = Rule::of(self.formulation, self.child);
        capped(by_weight(self.weight, rule), rule.cap.exact())
    }

    /// Why it is this value: "4.5 mg/kg × 60 kg, under the 300 mg cap".
    pub(super) fn write_reason(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rule = Rule::of(self.formulation, self.child);
        let per_kg = number(rule.mg_per_kg, 1);
        let whose = if self.child {
            " for a child, plain or with epinephrine"
        } else {
            ""
        };
        match self.basis {
            MaximumBasis::Weight => write!(
                f,
                "{per_kg} mg/kg × {}{whose}, under the {} cap",
                self.weight, rule.cap
            ),
            MaximumBasis::AbsoluteCap => write!(
                f,
                "the cap; {per_kg} mg/kg × {}{whose} would be {}",
                self.weight,
                Dose::derived(rule.mg_per_kg * self.weight.kg())
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
/// [`sources::LIDOCAINE_LABEL`](crate::sources::LIDOCAINE_LABEL).
#[must_use]
pub fn maximum(weight: BodyWeight, formulation: Formulation) -> Maximum {
    build(weight, formulation, false)
}

/// The maximum of lidocaine in one session for this patient: an adult's as
/// [`maximum`] gives it; a child's (under 18 years) 4.5 mg/kg and at most
/// 300 mg whatever the formulation, since the label's 7 mg/kg with
/// epinephrine is for normal healthy adults and the most a lidocaine label
/// states per kg for children is 4.5 mg/kg.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, Age, BodyWeight, Patient};
///
/// // A 3-year-old of 14 kg: 63 mg with epinephrine, not the adult 98 mg.
/// let child = Patient::new(BodyWeight::from_kg(14.0)?, Age::from_years(3.0)?);
/// let max = lidocaine::maximum_for(&child, lidocaine::Formulation::WithEpinephrine);
/// assert_eq!(max.mass().mg(), 63.0);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`](crate::sources::LIDOCAINE_LABEL) (adults),
/// [`sources::LIDOCAINE_PAEDIATRIC`](crate::sources::LIDOCAINE_PAEDIATRIC)
/// (children).
#[must_use]
pub fn maximum_for(patient: &Patient, formulation: Formulation) -> Maximum {
    build(patient.weight(), formulation, patient.age().is_child())
}

fn build(weight: BodyWeight, formulation: Formulation, child: bool) -> Maximum {
    let rule = Rule::of(formulation, child);
    let by_weight = by_weight(weight, rule);
    let cap = rule.cap.exact();
    let basis = if by_weight.is_some_and(|mg| mg <= cap) {
        MaximumBasis::Weight
    } else {
        MaximumBasis::AbsoluteCap
    };
    Maximum {
        formulation,
        weight,
        mass: Dose::derived(exact::to_f64(capped(by_weight, cap))),
        basis,
        child,
    }
}

/// The per-kg maximum and the cap that apply.
#[derive(Clone, Copy)]
struct Rule {
    mg_per_kg: f64,
    cap: Dose,
}

impl Rule {
    const fn of(formulation: Formulation, child: bool) -> Self {
        if child {
            Self {
                mg_per_kg: CHILD_MG_PER_KG,
                cap: Formulation::Plain.cap(),
            }
        } else {
            Self {
                mg_per_kg: formulation.mg_per_kg(),
                cap: formulation.cap(),
            }
        }
    }
}

/// weight × mg/kg, exactly; `None` if the product overflowed (no
/// validated weight reaches that).
fn by_weight(weight: BodyWeight, rule: Rule) -> Option<Exact> {
    exact::mul(weight.exact_kg(), exact::decimal(rule.mg_per_kg)?)
}

/// The maximum: the mass by weight, never above the cap. A mass by weight
/// too large to work out is above the cap, so the cap is the maximum.
pub(super) fn capped(by_weight: Option<Exact>, cap: Exact) -> Exact {
    by_weight.map_or(cap, |mg| mg.min(cap))
}
