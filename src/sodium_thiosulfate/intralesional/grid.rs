use super::check_sessions;
use super::{
    Alert, AlertKind, Amount, CheckedLimit, Error, GRID_ML_PER_SITE, GridSessions, InjectionVolume,
    Interval, LesionSize, Patient, Plan, Preparation, Protocol, RingBlock, SESSIONS_MAX_LIMIT,
    SESSIONS_MIN_LIMIT, SPACING_MAX_LIMIT, SPACING_MIN_LIMIT, Spacing, Stock, exact, layout,
    lidocaine_maxima, lidocaine_of, no_maximum_alert, session_days, sources,
};
use crate::alert::Message;
use crate::lidocaine;
use crate::overrides;
use crate::overrides::Override;

/// Options for a grid plan: the spacing, the number of sessions and their
/// interval (all required: the source gives a range, a range and nothing),
/// and the ring block (the source gives one first).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     grid_plan, GridOptions, GridSessions, Interval, LesionSize, Spacing,
/// };
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let options = GridOptions::new(
///     Spacing::from_mm(5.0)?,
///     GridSessions::new(2)?,
///     Interval::from_weeks(4.0)?,
/// );
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
/// let plan = grid_plan(&patient, LesionSize::diameter_mm(20.0)?, &options)?;
/// assert_eq!(plan.session_days(), [0, 28]);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GridOptions {
    pub(super) spacing: Spacing,
    pub(super) sessions: GridSessions,
    pub(super) interval: Interval,
    pub(super) ring_block: Option<RingBlock>,
    pub(super) overrides: Vec<Override>,
}

impl GridOptions {
    /// Options with this spacing, number of sessions and interval, and no
    /// ring block.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{GridOptions, GridSessions, Interval, Spacing};
    /// let options = GridOptions::new(
    ///     Spacing::from_mm(10.0)?,
    ///     GridSessions::new(3)?,
    ///     Interval::from_weeks(4.0)?,
    /// );
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{grid_plan, LesionSize};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert!(plan.lidocaine().is_none());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn new(spacing: Spacing, sessions: GridSessions, interval: Interval) -> Self {
        Self {
            spacing,
            sessions,
            interval,
            ring_block: None,
            overrides: Vec::new(),
        }
    }

    /// The lidocaine ring block given before each session.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
    /// # use calcinosis_dosing::{lidocaine, sources, Age, AlertKind, BodyWeight};
    /// # use calcinosis_dosing::{InjectionVolume, Patient};
    /// # use lidocaine::{Formulation, RingBlock, Solution, PercentStrength};
    /// # let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// # let one_percent = Solution::new(PercentStrength::OnePercent, Formulation::Plain);
    /// # let spacing = Spacing::from_mm(10.0)?;
    /// let options = GridOptions::new(spacing, GridSessions::new(3)?, Interval::from_weeks(4.0)?)
    ///     .ring_block(RingBlock::new(one_percent, InjectionVolume::from_ml(10.0)?));
    /// let plan = grid_plan(&patient, LesionSize::diameter_mm(30.0)?, &options)?;
    /// assert_eq!(plan.lidocaine().map(|l| l.total().to_string()), Some("100 mg".to_owned()));
    /// // As the source gives it: no alert about a missing ring block.
    /// assert!(plan.alerts().iter().all(|a| a.kind() != AlertKind::OutsideRegimenSource));
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
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, Override, Patient};
    /// // A 20 kg child, a 50 mm lesion at 5 mm: 81 sites, 10,125 mg a session,
    /// // above the child's single intravenous dose (5,000 mg).
    /// let child = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// let options = GridOptions::new(Spacing::from_mm(5.0)?, GridSessions::new(3)?, Interval::from_weeks(4.0)?);
    /// let lesion = LesionSize::diameter_mm(50.0)?;
    /// let err = grid_plan(&child, lesion, &options).unwrap_err();
    /// assert!(matches!(err, Error::HardLimit { limit: MAX_PER_SESSION_ID, .. }));
    /// let reason = Override::new(MAX_PER_SESSION_ID, "reviewed by the treating team")?;
    /// let plan = grid_plan(&child, lesion, &options.with_override(reason))?;
    /// assert!(plan.limits().iter().any(|c| c.limit().id() == MAX_PER_SESSION_ID));
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

    /// The spacing these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_spacing(&self) -> Spacing {
        self.spacing
    }

    /// The sessions these options give (read the effective value from the plan).
    #[must_use]
    #[cfg_attr(
        not(feature = "serde"),
        allow(dead_code, reason = "read only by the JSON request types")
    )]
    pub(crate) const fn get_sessions(&self) -> GridSessions {
        self.sessions
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

/// A grid plan (regimen R4): 250 mg/mL undiluted, 0.5 mL at each site of a
/// grid at the chosen spacing over the lesion, in 2 or 3 sessions at the
/// caller's interval, after a lidocaine ring block.
///
/// A plan without a ring block is made, with an alert: the source gives one
/// first.
///
/// # Errors
///
/// - [`Error::AboveMaximum`] when the ring block is above the lidocaine
///   maximum for the patient.
/// - [`Error::OutOfRange`] when one session's volume is above the 1,000 mL
///   plausibility bound of [`InjectionVolume`] (it cannot be for a lesion
///   within the bounds of [`LesionSize`]).
///
/// Spacing and sessions outside the documented ranges cannot be built
/// ([`Spacing::from_mm`], [`GridSessions::new`]).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     grid_plan, GridOptions, GridSessions, Interval, LesionSize, Spacing,
/// };
/// use calcinosis_dosing::{Age, AlertKind, BodyWeight, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(40.0)?);
/// // A 40 × 20 mm plaque at 10 mm, twice, 6 weeks apart, no ring block.
/// let options = GridOptions::new(
///     Spacing::from_mm(10.0)?,
///     GridSessions::new(2)?,
///     Interval::from_weeks(6.0)?,
/// );
/// let plan = grid_plan(&patient, LesionSize::length_by_width_mm(40.0, 20.0)?, &options)?;
/// assert_eq!(plan.sites().len(), 7);
/// assert_eq!(plan.per_session().to_string(), "3.5 mL = 875 mg");
/// assert_eq!(plan.session_days(), &[0, 42]);
/// assert!(plan.alerts().iter().any(|a| a.kind() == AlertKind::OutsideRegimenSource));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](super).
pub fn grid_plan(
    patient: &Patient,
    size: LesionSize,
    options: &GridOptions,
) -> Result<Plan, Error> {
    let sites = layout(size, options.spacing);
    // At most a few thousand sites for a lesion within the bounds.
    let count = u32::try_from(sites.len()).unwrap_or(u32::MAX);
    let stock = Stock::Injection;
    let too_large = || Error::too_large("lesion", size.to_string(), "the amount to inject");
    let per_site = Amount::of(GRID_ML_PER_SITE, stock.concentration()).ok_or_else(too_large)?;
    let per_session = per_site.times(count).ok_or_else(too_large)?;
    let session_volume = InjectionVolume::from_ml(exact::canonical(per_session.volume_ml))?;
    let preparation = Preparation::undiluted(stock, session_volume);
    let lidocaine = lidocaine_of(patient, options.ring_block, &preparation)?;
    let sessions = options.sessions.get();
    let interval = Some(options.interval);
    let total = count
        .checked_mul(sessions)
        .and_then(|injections| per_site.times(injections))
        .ok_or_else(too_large)?;

    let mut alerts = vec![no_maximum_alert(Protocol::Grid, per_session, patient)];
    if options.ring_block.is_none() {
        alerts.push(Alert::new(
            AlertKind::OutsideRegimenSource,
            Message::text(
                "no lidocaine ring block is planned; the source gives one before the injections",
            ),
            None,
            sources::JAAD_2013,
        ));
    }
    let mut citations: crate::citation::Citations = smallvec::smallvec![
        sources::JAAD_2013,
        sources::REGIONALDERM,
        sources::STS_INJECTION_LABEL,
        sources::STS_IV_DOSE,
        sources::LIDOCAINE_LABEL,
    ];
    let mut limits: crate::limit::Limits = smallvec::smallvec![
        CheckedLimit::new(SPACING_MIN_LIMIT, options.spacing.mm()),
        CheckedLimit::new(SPACING_MAX_LIMIT, options.spacing.mm()),
        CheckedLimit::new(SESSIONS_MIN_LIMIT, f64::from(sessions)),
        CheckedLimit::new(SESSIONS_MAX_LIMIT, f64::from(sessions)),
    ];
    limits.extend(lidocaine.as_ref().map(lidocaine::Plan::checked));
    check_sessions(
        patient,
        per_session,
        per_site,
        interval,
        &options.overrides,
        &mut limits,
        &mut alerts,
    )?;
    overrides::all_used(&options.overrides, &limits)?;
    super::lidocaine_cautions(
        patient,
        false,
        options.ring_block,
        lidocaine.is_some(),
        &mut alerts,
    );
    super::cite_child_and_alerts(patient, &alerts, &mut citations);
    let clinical = super::clinical::clinical(
        Protocol::Grid,
        lidocaine.is_some(),
        options.ring_block.is_some(),
    );
    crate::plan::complete_citations(&mut citations, &limits, &alerts, &clinical);
    Ok(Plan {
        protocol: Protocol::Grid,
        weight: patient.weight(),
        size,
        lesion: None,
        case_series_schedule: None,
        preparation,
        spacing: Some(options.spacing),
        sites,
        per_site,
        per_session,
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
