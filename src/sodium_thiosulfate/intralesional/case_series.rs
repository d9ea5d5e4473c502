use super::Graduation;
use super::check_sessions;
use super::{
    Alert, AlertKind, Amount, CASE_SERIES_MG_PER_ML, CASE_SERIES_REGIMEN, CheckedLimit,
    Concentration, Dilution, Distribution, Error, FINGERTIP_LIMIT, FINGERTIP_UNDER_MM,
    INTERVAL_LIMIT, InjectionVolume, Interval, Lesion, LesionSite, Patient, Plan, Preparation,
    Protocol, REPEATED_SESSIONS, RingBlock, SINGLE_INJECTION_SESSIONS, Site, Ulceration, exact,
    fmt, lidocaine_maxima, lidocaine_of, no_maximum_alert, number, prepare, push_unique,
    session_days, sources,
};
use crate::alert::{Arg, Message};
use crate::lidocaine;
use crate::overrides;
use crate::overrides::Override;

/// Which case-series schedule a lesion gets.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::CaseSeriesSchedule;
///
/// assert_eq!(CaseSeriesSchedule::SingleInjection.sessions(), 1);
/// assert_eq!(CaseSeriesSchedule::RepeatedInjections.sessions(), 4);
/// ```
///
/// # References
///
/// [`sources::ACTA_DV_2016`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CaseSeriesSchedule {
    /// A fingertip lesion under 5 mm: a single injection.
    SingleInjection,
    /// Widespread lesions with ulceration: an injection every week (by
    /// default) for 4 weeks.
    RepeatedInjections,
}

impl CaseSeriesSchedule {
    /// The number of sessions.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{case_series_schedule, Distribution, Lesion, LesionSite, LesionSize, Ulceration};
    /// let widespread = Lesion::new(
    ///     LesionSite::Elsewhere,
    ///     LesionSize::diameter_mm(15.0)?,
    ///     Distribution::Widespread,
    ///     Ulceration::Present,
    /// );
    /// assert_eq!(case_series_schedule(&widespread)?.sessions(), 4);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn sessions(self) -> u32 {
        match self {
            Self::SingleInjection => SINGLE_INJECTION_SESSIONS,
            Self::RepeatedInjections => REPEATED_SESSIONS,
        }
    }
}

impl fmt::Display for CaseSeriesSchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SingleInjection => write!(
                f,
                "a fingertip lesion under {} mm: a single injection",
                number(FINGERTIP_UNDER_MM, 1)
            ),
            Self::RepeatedInjections => write!(
                f,
                "widespread lesions with ulceration: {REPEATED_SESSIONS} injections, \
                 one each session"
            ),
        }
    }
}

/// The case-series schedule for a lesion: widespread with ulceration gets
/// repeated injections; otherwise a fingertip lesion under 5 mm (largest
/// dimension) gets a single injection; anything else has no documented
/// schedule.
///
/// # Errors
///
/// [`Error::Undocumented`] for a lesion that is neither.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     case_series_schedule, Distribution, Lesion, LesionSite, LesionSize, Ulceration,
/// };
///
/// let big_fingertip = Lesion::new(
///     LesionSite::Fingertip,
///     LesionSize::diameter_mm(6.0)?,
///     Distribution::Localised,
///     Ulceration::Absent,
/// );
/// assert_eq!(
///     case_series_schedule(&big_fingertip).unwrap_err().to_string(),
///     "the source documents no intralesional sodium thiosulfate 150 mg/mL schedule for a \
///      fingertip lesion, 6 mm diameter, localised, not ulcerated (it documents a fingertip \
///      lesion under 5 mm, and widespread lesions with ulceration) (Acta Derm Venereol \
///      2016;96:257-258 (intralesional sodium thiosulfate 150 mg/mL, 6 patients; PubMed id not \
///      verified, search link))",
/// );
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::ACTA_DV_2016`].
pub fn case_series_schedule(lesion: &Lesion) -> Result<CaseSeriesSchedule, Error> {
    if lesion.distribution == Distribution::Widespread && lesion.ulceration == Ulceration::Present {
        return Ok(CaseSeriesSchedule::RepeatedInjections);
    }
    if lesion.site == LesionSite::Fingertip && lesion.size.largest_mm() < FINGERTIP_UNDER_MM {
        return Ok(CaseSeriesSchedule::SingleInjection);
    }
    Err(Error::Undocumented {
        regimen: CASE_SERIES_REGIMEN,
        case: format!(
            "a {lesion} (it documents a fingertip lesion under {} mm, and widespread lesions \
             with ulceration)",
            number(FINGERTIP_UNDER_MM, 1)
        ),
        source_ref: sources::ACTA_DV_2016.reference(),
    })
}

/// Options for a case-series plan: the volume per injection and the
/// dilution (both required: the source gives neither), the interval of the
/// repeated injections (default weekly), the volume to prepare (default:
/// one injection's) and an optional ring block.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     case_series_plan, CaseSeriesOptions, Diluent, Dilution, Distribution, Interval, Lesion,
///     LesionSite, LesionSize, Ulceration,
/// };
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Age, BodyWeight, InjectionVolume, Patient};
///
/// let options = CaseSeriesOptions::new(
///     InjectionVolume::from_ml(0.5)?,
///     Dilution::new(Stock::Injection, Diluent::SterileWater),
/// )
/// .interval(Interval::from_weeks(4.0)?);
/// let lesion = Lesion::new(
///     LesionSite::Elsewhere,
///     LesionSize::diameter_mm(20.0)?,
///     Distribution::Widespread,
///     Ulceration::Present,
/// );
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
/// let plan = case_series_plan(&patient, &lesion, &options)?;
/// assert_eq!(plan.session_days(), [0, 28, 56, 84]);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CaseSeriesOptions {
    pub(super) volume_per_injection: InjectionVolume,
    pub(super) dilution: Dilution,
    pub(super) interval: Interval,
    pub(super) prepared_volume: Option<InjectionVolume>,
    pub(super) ring_block: Option<RingBlock>,
    pub(super) overrides: Vec<Override>,
}

impl CaseSeriesOptions {
    /// Options with this volume per injection and dilution; weekly, one
    /// injection's volume prepared, no ring block.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{CaseSeriesOptions, Diluent, Dilution, Interval};
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::InjectionVolume;
    /// let options = CaseSeriesOptions::new(
    ///     InjectionVolume::from_ml(0.5)?,
    ///     Dilution::new(Stock::Injection, Diluent::SterileWater),
    /// );
    /// // Weekly, no ring block, one injection's volume prepared: the defaults.
    /// let same = options.clone().interval(Interval::WEEKLY);
    /// assert_eq!(options, same);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(volume_per_injection: InjectionVolume, dilution: Dilution) -> Self {
        Self {
            volume_per_injection,
            dilution,
            interval: Interval::WEEKLY,
            prepared_volume: None,
            ring_block: None,
            overrides: Vec::new(),
        }
    }

    /// The interval of the repeated injections (the conflicting report gives
    /// 4 weeks; see the [module documentation](super)).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(1.0)?, dilution)
    ///     .interval(Interval::from_weeks(4.0)?);
    /// let plan = case_series_plan(&patient, &lesion, &options)?;
    /// assert_eq!(plan.session_days(), &[0, 28, 56, 84]);
    /// // Not the review's weekly injections: the plan says so.
    /// assert!(plan.alerts().iter().any(|a| a.kind() == AlertKind::OutsideRegimenSource));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn interval(mut self, interval: Interval) -> Self {
        self.interval = interval;
        self
    }

    /// The volume to prepare each session (at least one injection's).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(0.5)?, dilution)
    ///     .prepared_volume(InjectionVolume::from_ml(2.0)?);
    /// let plan = case_series_plan(&patient, &lesion, &options)?;
    /// // 1.2 mL of stock + 0.8 mL of diluent make 2 mL; 0.5 mL is injected.
    /// assert_eq!(plan.preparation().stock_volume().ml(), 1.2);
    /// assert_eq!(plan.per_session().to_string(), "0.5 mL = 75 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn prepared_volume(mut self, volume: InjectionVolume) -> Self {
        self.prepared_volume = Some(volume);
        self
    }

    /// A lidocaine ring block before each injection.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{lidocaine, Age, AlertKind, BodyWeight, InjectionVolume, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// # use lidocaine::{Formulation, RingBlock, Solution, PercentStrength};
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(1.0)?, dilution)
    ///     .ring_block(RingBlock::new(one_percent, InjectionVolume::from_ml(5.0)?));
    /// let plan = case_series_plan(&patient, &lesion, &options)?;
    /// assert_eq!(plan.lidocaine().map(|l| l.total().mg()), Some(50.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn ring_block(mut self, block: RingBlock) -> Self {
        self.ring_block = Some(block);
        self
    }

    /// Overrides a hard limit of the plan (by its id) with a reason the
    /// plan records: [`MAX_PER_SESSION_ID`](super::MAX_PER_SESSION_ID) (the single intravenous dose per
    /// session) or [`MIN_INTERVAL_ID`](super::MIN_INTERVAL_ID) (weekly at the shortest). An override
    /// of a limit the plan does not check is an error when planning.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::sodium_thiosulfate::Stock;
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, InjectionVolume, Override, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
    /// # let lesion = Lesion::new(
    /// #     LesionSite::Elsewhere,
    /// #     LesionSize::length_by_width_mm(20.0, 15.0)?,
    /// #     Distribution::Widespread,
    /// #     Ulceration::Present,
    /// # );
    /// # let dilution = Dilution::new(Stock::Injection, Diluent::SodiumChloride);
    /// // Every 3 days: shorter than the weekly injections of the source.
    /// let options = CaseSeriesOptions::new(InjectionVolume::from_ml(1.0)?, dilution)
    ///     .interval(Interval::from_days(3.0)?);
    /// let err = case_series_plan(&patient, &lesion, &options).unwrap_err();
    /// assert!(matches!(err, Error::HardLimit { limit: MIN_INTERVAL_ID, .. }));
    /// let reason = Override::new(MIN_INTERVAL_ID, "reviewed by the treating team")?;
    /// let plan = case_series_plan(&patient, &lesion, &options.with_override(reason))?;
    /// assert_eq!(plan.session_days(), &[0, 3, 6, 9]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_override(mut self, granted: Override) -> Self {
        self.overrides.push(granted);
        self
    }

    /// The overrides these options carry.
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) fn get_overrides(&self) -> &[Override] {
        &self.overrides
    }

    /// The volume per injection these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_volume_per_injection(&self) -> InjectionVolume {
        self.volume_per_injection
    }

    /// The dilution these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_dilution(&self) -> &Dilution {
        &self.dilution
    }

    /// The interval these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_interval(&self) -> Interval {
        self.interval
    }

    /// The prepared volume these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_prepared_volume(&self) -> Option<InjectionVolume> {
        self.prepared_volume
    }

    /// The ring block these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_ring_block(&self) -> Option<RingBlock> {
        self.ring_block
    }
}

/// The volume per injection must be a whole number of the syringe's
/// graduations; otherwise "not measurable", naming the nearest volumes.
fn check_graduations(volume: InjectionVolume, graduation: Graduation) -> Result<(), Error> {
    let g = exact::constant(graduation.ml);
    let (below, above) = exact::neighbours(volume.exact(), g).unwrap_or_default();
    if below == above {
        return Ok(());
    }
    let candidates = [below, above]
        .into_iter()
        .filter(|&steps| steps >= 1)
        .map(|steps| {
            exact::times(g, steps)
                .map(|amount| crate::rounding::candidate(amount, volume.exact()))
                .ok_or_else(|| Error::too_large("volume", volume.to_string(), "the volume"))
        })
        .collect::<Result<_, Error>>()?;
    Err(Error::NotMeasurable {
        what: "volume per injection",
        calculated: volume.ml(),
        unit: "mL",
        product: format!("a syringe graduated in {graduation}"),
        tolerance_percent: 0.0,
        candidates,
        suggestion: None,
    })
}

/// A case-series plan (regimen R3): 150 mg/mL prepared by dilution,
/// injected into the base of the calcification, once for a fingertip lesion
/// under 5 mm, or in 4 sessions (weekly by default) for widespread lesions
/// with ulceration.
///
/// The volume per injection is the caller's (the source gives none) and
/// must be a whole number of syringe graduations. The mass delivered uses
/// the concentration the preparation actually makes.
///
/// # Errors
///
/// - [`Error::Undocumented`] when the lesion has no documented schedule
///   (see [`case_series_schedule`]).
/// - [`Error::NotMeasurable`] when the volume per injection is not a whole
///   number of graduations (the nearest volumes are its candidates).
/// - [`Error::Invalid`] when the volume to prepare is less than one
///   injection, or when the stock is weaker than 150 mg/mL (see
///   [`prepare`]).
/// - [`Error::AboveMaximum`] when the ring block and any lidocaine diluent
///   together are above the lidocaine maximum.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Age, BodyWeight, InjectionVolume, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(55.0)?, Age::from_years(60.0)?);
/// let lesion = Lesion::new(
///     LesionSite::Elsewhere,
///     LesionSize::length_by_width_mm(20.0, 15.0)?,
///     Distribution::Widespread,
///     Ulceration::Present,
/// );
/// let options = CaseSeriesOptions::new(
///     InjectionVolume::from_ml(1.0)?,
///     Dilution::new(Stock::Injection, Diluent::SodiumChloride),
/// );
/// let plan = case_series_plan(&patient, &lesion, &options)?;
/// assert_eq!(plan.session_days(), &[0, 7, 14, 21]);
/// assert_eq!(plan.per_session().to_string(), "1 mL = 150 mg");
/// assert_eq!(plan.total().to_string(), "4 mL = 600 mg");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](super).
pub fn case_series_plan(
    patient: &Patient,
    lesion: &Lesion,
    options: &CaseSeriesOptions,
) -> Result<Plan, Error> {
    let schedule = case_series_schedule(lesion)?;
    let dilution = &options.dilution;
    let volume = options.volume_per_injection;
    check_graduations(volume, dilution.graduation)?;
    let requested = options.prepared_volume.unwrap_or(volume);
    if requested.exact() < volume.exact() {
        return Err(Error::Invalid {
            field: "prepared volume",
            value: requested.to_string(),
            reason: format!("it is less than one injection of {volume}"),
        });
    }
    let preparation = prepare(
        Concentration::derived(CASE_SERIES_MG_PER_ML),
        requested,
        dilution,
    )?;
    let lidocaine = lidocaine_of(patient, options.ring_block, &preparation)?;

    let sessions = schedule.sessions();
    let interval = (sessions > 1).then_some(options.interval);
    let too_large = || Error::too_large("volume", volume.to_string(), "the amount to inject");
    let per_site = Amount::of(volume.ml(), preparation.prepared).ok_or_else(too_large)?;
    let total = per_site.times(sessions).ok_or_else(too_large)?;

    let mut alerts = vec![no_maximum_alert(Protocol::CaseSeries, per_site, patient)];
    if interval.is_some_and(|i| i != Interval::WEEKLY) {
        alerts.push(Alert::new(
            AlertKind::OutsideRegimenSource,
            Message::new(
                "injections {} differ from the weekly injections of the case series as the \
                 review reports them; a congress report of the same series gives four \
                 injections at 4-week intervals, and the group's later 38-patient series \
                 weekly injections",
                [Arg::Every(options.interval)],
            ),
            Some(INTERVAL_LIMIT),
            sources::ACTA_DV_2016,
        ));
    }
    if dilution.tolerance.is_wider_than_default() {
        alerts.push(dilution.tolerance.widened_alert());
    }
    let mut citations: crate::citation::Citations =
        smallvec::smallvec![sources::ACTA_DV_2016, sources::REGIONALDERM];
    if let Some(source) = dilution.stock.source() {
        push_unique(&mut citations, source);
    }
    push_unique(&mut citations, sources::ROUNDING_RULE);
    push_unique(&mut citations, sources::STS_IV_DOSE);
    push_unique(&mut citations, sources::LIDOCAINE_LABEL);
    let mut limits =
        case_series_limits(lesion, schedule, interval, &preparation, lidocaine.as_ref());
    check_sessions(
        patient,
        per_site,
        per_site,
        interval,
        &options.overrides,
        &mut limits,
        &mut alerts,
    )?;
    overrides::all_used(&options.overrides, &limits)?;
    super::lidocaine_cautions(
        patient,
        lesion.site == LesionSite::Fingertip,
        options.ring_block,
        lidocaine.is_some(),
        &mut alerts,
    );
    super::cite_child_and_alerts(patient, &alerts, &mut citations);
    let clinical = super::clinical::clinical(
        Protocol::CaseSeries,
        lidocaine.is_some(),
        options.ring_block.is_some(),
    );
    crate::plan::complete_citations(&mut citations, &limits, &alerts, &clinical);

    Ok(Plan {
        protocol: Protocol::CaseSeries,
        weight: patient.weight(),
        size: lesion.size,
        lesion: Some(*lesion),
        case_series_schedule: Some(schedule),
        preparation,
        spacing: None,
        sites: vec![Site {
            x_mm: 0.0,
            y_mm: 0.0,
        }],
        per_site,
        per_session: per_site,
        sessions,
        interval,
        session_days: session_days(sessions, interval),
        total,
        clinical,
        lidocaine,
        lidocaine_maxima: lidocaine_maxima(patient),
        limits,
        alerts,
        citations,
    })
}

/// The limits a case-series plan is checked against.
pub(super) fn case_series_limits(
    lesion: &Lesion,
    schedule: CaseSeriesSchedule,
    interval: Option<Interval>,
    preparation: &Preparation,
    lidocaine: Option<&lidocaine::Plan>,
) -> crate::limit::Limits {
    let mut limits = crate::limit::Limits::new();
    if schedule == CaseSeriesSchedule::SingleInjection {
        limits.push(CheckedLimit::new(FINGERTIP_LIMIT, lesion.size.largest_mm()));
    }
    if let Some(interval) = interval {
        limits.push(CheckedLimit::new(
            INTERVAL_LIMIT,
            f64::from(interval.days()),
        ));
    }
    limits.push(preparation.checked());
    limits.push(preparation.tolerance.usual_check());
    limits.extend(lidocaine.map(lidocaine::Plan::checked));
    limits
}
