use super::{Dose, InjectionVolume, Solution, fmt};

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
/// use lidocaine::{Formulation, Purpose, Solution, PercentStrength, Use};
///
/// let u = Use::new(
///     Purpose::Diluent,
///     Solution::new(PercentStrength::OnePercent, Formulation::Plain),
///     InjectionVolume::from_ml(2.0)?,
/// );
/// assert_eq!(u.mass().mg(), 20.0);
/// assert_eq!(u.to_string(), "diluent: 2 mL of lidocaine 1 % (10 mg/mL), plain = 20 mg");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Use {
    pub(super) purpose: Purpose,
    pub(super) solution: Solution,
    pub(super) volume: InjectionVolume,
}

impl Use {
    /// A use of `volume` of `solution`, for `purpose`.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, Solution, PercentStrength, Use};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
    /// # use lidocaine::{Formulation, Purpose, Solution, PercentStrength, Use};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
    /// # use lidocaine::{Formulation, Purpose, Solution, PercentStrength, Use};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
    /// # use lidocaine::{Formulation, Purpose, Solution, PercentStrength, Use};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
    /// # use lidocaine::{Formulation, Purpose, Solution, PercentStrength, Use};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
/// use lidocaine::{Formulation, RingBlock, Solution, PercentStrength};
///
/// let block = RingBlock::new(
///     Solution::new(PercentStrength::OnePercent, Formulation::Plain),
///     InjectionVolume::from_ml(5.0)?,
/// );
/// assert_eq!(block.volume().ml(), 5.0);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::JAAD_2013`](crate::sources::JAAD_2013) (a ring block first), [`sources::LIDOCAINE_LABEL`](crate::sources::LIDOCAINE_LABEL).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RingBlock {
    pub(super) solution: Solution,
    pub(super) volume: InjectionVolume,
}

impl RingBlock {
    /// A ring block of `volume` of `solution`.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{lidocaine, InjectionVolume};
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, PercentStrength};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, PercentStrength};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, PercentStrength};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
    /// # use lidocaine::{Formulation, Purpose, RingBlock, Solution, PercentStrength};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
