use super::{
    Concentration, Dose, HALF_PERCENT_MG_PER_ML, ONE_PERCENT_MG_PER_ML, PLAIN_MAX_MG,
    PLAIN_MG_PER_KG, TWO_PERCENT_MG_PER_ML, WITH_EPINEPHRINE_MAX_MG, WITH_EPINEPHRINE_MG_PER_KG,
    fmt, number,
};

/// A labelled lidocaine strength (weight by volume).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::lidocaine::PercentStrength;
///
/// assert_eq!(PercentStrength::OnePercent.concentration().mg_per_ml(), 10.0);
/// assert_eq!(PercentStrength::HalfPercent.to_string(), "0.5 % (5 mg/mL)");
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`](crate::sources::LIDOCAINE_LABEL): 0.5 % = 5 mg/mL, 1 % = 10 mg/mL, 2 % =
/// 20 mg/mL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PercentStrength {
    /// 0.5 %, 5 mg/mL.
    HalfPercent,
    /// 1 %, 10 mg/mL.
    OnePercent,
    /// 2 %, 20 mg/mL.
    TwoPercent,
}

impl PercentStrength {
    /// The strength in % (w/v), as labelled.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::PercentStrength;
    /// assert_eq!(PercentStrength::HalfPercent.percent(), 0.5);
    /// assert_eq!(PercentStrength::TwoPercent.percent(), 2.0);
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
    /// # use calcinosis_dosing::lidocaine::PercentStrength;
    /// // 2 % w/v is 2 g in 100 mL.
    /// assert_eq!(PercentStrength::TwoPercent.concentration().to_string(), "20 mg/mL");
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

impl fmt::Display for PercentStrength {
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
/// [`sources::LIDOCAINE_LABEL`](crate::sources::LIDOCAINE_LABEL).
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
/// use calcinosis_dosing::lidocaine::{Formulation, Solution, PercentStrength};
///
/// let s = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
/// assert_eq!(s.to_string(), "lidocaine 1 % (10 mg/mL), plain");
/// ```
///
/// # References
///
/// [`sources::LIDOCAINE_LABEL`](crate::sources::LIDOCAINE_LABEL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Solution {
    pub(super) strength: PercentStrength,
    pub(super) formulation: Formulation,
}

impl Solution {
    /// A solution of this strength and formulation.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, PercentStrength};
    /// let s = Solution::new(PercentStrength::TwoPercent, Formulation::WithEpinephrine);
    /// assert_eq!(s.to_string(), "lidocaine 2 % (20 mg/mL) with epinephrine");
    /// ```
    #[must_use]
    pub const fn new(strength: PercentStrength, formulation: Formulation) -> Self {
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
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, PercentStrength};
    /// let s = Solution::new(PercentStrength::HalfPercent, Formulation::Plain);
    /// assert_eq!(s.strength(), PercentStrength::HalfPercent);
    /// ```
    #[must_use]
    pub const fn strength(self) -> PercentStrength {
        self.strength
    }

    /// Plain or with epinephrine.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, PercentStrength};
    /// let s = Solution::new(PercentStrength::OnePercent, Formulation::WithEpinephrine);
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
    /// # use calcinosis_dosing::lidocaine::{Formulation, Solution, PercentStrength};
    /// let s = Solution::new(PercentStrength::HalfPercent, Formulation::Plain);
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
