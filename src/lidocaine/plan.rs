use super::{
    Bound, CheckedLimit, Citation, Dose, Error, Formulation, InjectionVolume, Limit, Maximum,
    Patient, PercentStrength, RingBlock, Scope, Use, exact, fmt, maximum_for, number, sources,
};

/// The maximum written as a volume of one strength.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{lidocaine, Age, BodyWeight, InjectionVolume, Patient};
/// use lidocaine::{Formulation, RingBlock, Solution, PercentStrength};
///
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
/// let block = RingBlock::new(
///     Solution::new(PercentStrength::OnePercent, Formulation::Plain),
///     InjectionVolume::from_ml(5.0)?,
/// );
/// let plan = lidocaine::ring_block(&patient, block)?;
/// assert_eq!(plan.maximum_volumes()[0].to_string(), "27 mL of 1 %");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MaximumVolume {
    pub(super) strength: PercentStrength,
    pub(super) volume: InjectionVolume,
}

impl MaximumVolume {
    /// The strength.
    ///
    /// See [`MaximumVolume`] for an example of reading a plan.
    #[must_use]
    pub const fn strength(&self) -> PercentStrength {
        self.strength
    }

    /// The maximum as a volume of that strength.
    ///
    /// See [`MaximumVolume`] for an example of reading a plan.
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
/// use lidocaine::{Formulation, RingBlock, Solution, PercentStrength};
///
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
/// let block = RingBlock::new(
///     Solution::new(PercentStrength::OnePercent, Formulation::Plain),
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
pub struct Plan {
    pub(super) uses: Vec<Use>,
    pub(super) total: Dose,
    pub(super) maximum: Maximum,
    pub(super) maximum_volumes: Vec<MaximumVolume>,
    pub(super) source: Citation,
}

impl Plan {
    /// The maximum that applies, as a checked limit: the session's total
    /// against it.
    pub(crate) fn checked(&self) -> CheckedLimit {
        let (id, name) = match (self.maximum.child, self.maximum.formulation) {
            (true, _) => ("lidocaine.max.child", "lidocaine maximum for a child"),
            (false, Formulation::Plain) => ("lidocaine.max.plain", "lidocaine maximum (plain)"),
            (false, Formulation::WithEpinephrine) => (
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
                self.maximum.source(),
            ),
            self.total.mg(),
        )
    }

    /// Every use in the session, in the order given.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn uses(&self) -> &[Use] {
        &self.uses
    }

    /// The lidocaine of the session, all uses together.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn total(&self) -> Dose {
        self.total
    }

    /// The maximum that applies: plain when any use is plain.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn maximum(&self) -> &Maximum {
        &self.maximum
    }

    /// The maximum as a volume of each strength used.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn maximum_volumes(&self) -> &[MaximumVolume] {
        &self.maximum_volumes
    }

    /// The source of the maximum.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn source(&self) -> Citation {
        self.source
    }
}

impl fmt::Display for Plan {
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
/// epinephrine otherwise (see the [module documentation](super)).
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
/// use lidocaine::{Formulation, Purpose, Solution, PercentStrength, Use};
///
/// let child = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
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
pub fn plan(patient: &Patient, uses: &[Use]) -> Result<Plan, Error> {
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
    let maximum = maximum_for(patient, formulation);
    // Checked: a total too large to work out (no validated volume reaches
    // it) is refused, never wrapped.
    let total = uses
        .iter()
        .try_fold(exact::int(0), |total, u| {
            let mg = exact::mul(u.volume.exact(), u.solution.concentration().exact())?;
            exact::add(total, mg)
        })
        .ok_or_else(|| {
            Error::too_large(
                "lidocaine per session",
                format!("{} uses", uses.len()),
                "the lidocaine total",
            )
        })?;
    let (total_mg, max_mg) = (exact::to_f64(total), maximum.mass.mg());
    if total > maximum.exact_mass() {
        return Err(Error::AboveMaximum {
            field: "lidocaine per session",
            value: total_mg,
            max: max_mg,
            unit: "mg",
            source_ref: maximum.source().reference(),
        });
    }
    let mut strengths: Vec<PercentStrength> = Vec::new();
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
    Ok(Plan {
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
/// use lidocaine::{Formulation, RingBlock, Solution, PercentStrength};
///
/// let adult = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
/// let block = RingBlock::new(
///     Solution::new(PercentStrength::OnePercent, Formulation::Plain),
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
pub fn ring_block(patient: &Patient, block: RingBlock) -> Result<Plan, Error> {
    plan(patient, &[block.as_use()])
}
