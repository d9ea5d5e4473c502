use super::{
    Alert, AlertKind, BodyWeight, CASE_SERIES_MG_PER_ML, CaseSeriesSchedule, CheckedLimit,
    Citation, Concentration, Error, GRID_CIRCLE_DIAMETER_MM, GRID_MG_PER_ML, Interval, Lesion,
    LesionSize, Patient, Preparation, RingBlock, Site, Spacing, Use, fmt, lidocaine, number,
    sources, write_limits_alerts_and_citations,
};
use super::{iv_dose_mg, iv_fraction_percent};
use crate::alert::{Arg, Message};
use crate::exact;

/// Which protocol a plan follows.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::Protocol;
///
/// assert_eq!(Protocol::Grid.to_string(), "grid technique (lupus panniculitis case), 250 mg/mL");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Protocol {
    /// The 150 mg/mL case series ([`sources::ACTA_DV_2016`]).
    CaseSeries,
    /// The lupus panniculitis grid technique ([`sources::JAAD_2013`]).
    Grid,
}

impl Protocol {
    /// The source of the protocol.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::Protocol;
    /// use calcinosis_dosing::sources;
    ///
    /// assert_eq!(Protocol::CaseSeries.source(), sources::ACTA_DV_2016);
    /// assert_eq!(Protocol::Grid.source(), sources::JAAD_2013);
    /// ```
    #[must_use]
    pub const fn source(self) -> Citation {
        match self {
            Self::CaseSeries => sources::ACTA_DV_2016,
            Self::Grid => sources::JAAD_2013,
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::CaseSeries => {
                write!(f, "case series, {} mg/mL", number(CASE_SERIES_MG_PER_ML, 0))
            }
            Self::Grid => write!(
                f,
                "grid technique (lupus panniculitis case), {} mg/mL",
                number(GRID_MG_PER_ML, 0)
            ),
        }
    }
}

/// A volume of the prepared solution and the sodium thiosulfate it holds.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
///     grid_plan, GridOptions, GridSessions, Interval, LesionSize, Spacing,
/// };
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
/// let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(2)?, Interval::from_weeks(4.0)?);
/// let plan = grid_plan(&patient, LesionSize::diameter_mm(8.0)?, &options)?;
/// assert_eq!(plan.per_site().to_string(), "0.5 mL = 125 mg");
/// assert_eq!(plan.per_site().mass_mg(), 125.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Amount {
    #[cfg_attr(
        feature = "serde",
        serde(rename = "volume", serialize_with = "crate::wire::ml")
    )]
    pub(super) volume_ml: f64,
    #[cfg_attr(feature = "serde", serde(rename = "mass", serialize_with = "mg"))]
    pub(super) mass_mg: f64,
}

impl Amount {
    /// `volume_ml` of `concentration`, the mass computed exactly (0.2 mL
    /// of 150 mg/mL is 30 mg, not 30.000000000000004). `None` if the
    /// product overflowed, which validated volumes and concentrations never
    /// do.
    pub(super) fn of(volume_ml: f64, concentration: Concentration) -> Option<Self> {
        let volume = exact::constant(volume_ml);
        Some(Self {
            volume_ml: exact::to_f64(volume),
            mass_mg: exact::to_f64(exact::mul(volume, concentration.exact())?),
        })
    }

    /// `n` times this amount, exactly; `None` on an overflow no count of
    /// sites or sessions reaches.
    pub(super) fn times(self, n: u32) -> Option<Self> {
        let n = u64::from(n);
        Some(Self {
            volume_ml: exact::to_f64(exact::times(exact::constant(self.volume_ml), n)?),
            mass_mg: exact::to_f64(exact::times(exact::constant(self.mass_mg), n)?),
        })
    }

    /// The volume, in mL.
    ///
    /// See [`Amount`] for an example of reading a plan.
    #[must_use]
    pub const fn volume_ml(&self) -> f64 {
        self.volume_ml
    }

    /// The sodium thiosulfate, in mg.
    ///
    /// See [`Amount`] for an example of reading a plan.
    #[must_use]
    pub const fn mass_mg(&self) -> f64 {
        self.mass_mg
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} mL = {} mg",
            number(self.volume_ml, 3),
            number(self.mass_mg, 2)
        )
    }
}

/// An intralesional sodium thiosulfate plan: preparation, sites, amounts
/// per site, per session and in all, sessions, lidocaine, alerts and
/// citations. `Display` writes it the safe way.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::*;
/// use calcinosis_dosing::sodium_thiosulfate::Stock;
/// use calcinosis_dosing::{Age, BodyWeight, InjectionVolume, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(50.0)?);
/// let lesion = Lesion::new(
///     LesionSite::Fingertip,
///     LesionSize::diameter_mm(4.0)?,
///     Distribution::Localised,
///     Ulceration::Absent,
/// );
/// let options = CaseSeriesOptions::new(
///     InjectionVolume::from_ml(0.2)?,
///     Dilution::new(Stock::Injection, Diluent::SodiumChloride),
/// );
/// let plan = case_series_plan(&patient, &lesion, &options)?;
/// assert_eq!(plan.sessions(), 1);
/// assert_eq!(plan.total().to_string(), "0.2 mL = 30 mg");
/// assert!(plan.to_string().contains("0.3 mL of sodium thiosulfate injection 250 mg/mL"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Plan {
    pub(super) protocol: Protocol,
    pub(super) weight: BodyWeight,
    pub(super) size: LesionSize,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) lesion: Option<Lesion>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) case_series_schedule: Option<CaseSeriesSchedule>,
    pub(super) preparation: Preparation,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) spacing: Option<Spacing>,
    pub(super) sites: Vec<Site>,
    pub(super) per_site: Amount,
    pub(super) per_session: Amount,
    pub(super) sessions: u32,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) interval: Option<Interval>,
    #[cfg_attr(feature = "serde", serde(serialize_with = "days"))]
    pub(super) session_days: Vec<u32>,
    pub(super) total: Amount,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) lidocaine: Option<lidocaine::Plan>,
    pub(super) lidocaine_maxima: [lidocaine::Maximum; 2],
    pub(super) limits: crate::limit::Limits,
    pub(super) alerts: Vec<Alert>,
    pub(super) citations: crate::citation::Citations,
    pub(super) clinical: crate::clinical::Clinical,
}

impl Plan {
    /// Every limit the plan was checked against: its id, value, unit, scope
    /// and source, the plan's value, and the outcome (within, limited to
    /// it, or crossed with an alert naming it).
    ///
    /// See [`crate::CheckedLimit`] for an example.
    #[must_use]
    pub fn limits(&self) -> &[CheckedLimit] {
        &self.limits
    }

    /// The protocol.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// The weight the lidocaine maximum is for.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn weight(&self) -> BodyWeight {
        self.weight
    }

    /// The lesion's size.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn size(&self) -> LesionSize {
        self.size
    }

    /// The lesion, for a case-series plan.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn lesion(&self) -> Option<&Lesion> {
        self.lesion.as_ref()
    }

    /// The case-series schedule, for a case-series plan.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn case_series_schedule(&self) -> Option<CaseSeriesSchedule> {
        self.case_series_schedule
    }

    /// How to prepare one session's solution.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn preparation(&self) -> &Preparation {
        &self.preparation
    }

    /// The grid spacing, for a grid plan.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn spacing(&self) -> Option<Spacing> {
        self.spacing
    }

    /// The injection sites of one session (one, at the centre, for the case
    /// series: the base of the calcification).
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn sites(&self) -> &[Site] {
        &self.sites
    }

    /// What each site receives.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn per_site(&self) -> Amount {
        self.per_site
    }

    /// What one session delivers.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn per_session(&self) -> Amount {
        self.per_session
    }

    /// The number of sessions.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn sessions(&self) -> u32 {
        self.sessions
    }

    /// The interval between sessions, when there is more than one.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn interval(&self) -> Option<Interval> {
        self.interval
    }

    /// The day of each session, the first being day 0.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn session_days(&self) -> &[u32] {
        &self.session_days
    }

    /// What all sessions deliver together.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn total(&self) -> Amount {
        self.total
    }

    /// The lidocaine of one session, when any is planned.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn lidocaine(&self) -> Option<&lidocaine::Plan> {
        self.lidocaine.as_ref()
    }

    /// The label maxima of lidocaine in one session for the patient,
    /// plain and with epinephrine, whether or not any lidocaine is planned.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn lidocaine_maxima(&self) -> &[lidocaine::Maximum; 2] {
        &self.lidocaine_maxima
    }

    /// Advisories.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn alerts(&self) -> &[Alert] {
        &self.alerts
    }

    /// The plan's events by day: each session (a follow-up point given as a number of sessions falls on that session's day), and the follow-up points the
    /// sources report. With the `dates` feature, [`Event::date`](crate::Event)
    /// turns each day into a calendar date.
    ///
    /// See [`Event`](crate::Event) for an example.
    #[must_use]
    pub fn events(&self) -> Vec<crate::Event> {
        let sessions = self.session_days.len();
        let mut events: Vec<crate::Event> = self
            .session_days
            .iter()
            .enumerate()
            .map(|(i, &day)| {
                crate::Event::new(
                    day,
                    crate::EventKind::Session,
                    format!(
                        "session {} of {sessions}: {} per session",
                        i + 1,
                        self.per_session
                    ),
                )
            })
            .collect();
        for milestone in self.clinical.follow_up() {
            let day = match milestone.at() {
                crate::FollowUpPoint::Day(day) => Some(day),
                crate::FollowUpPoint::AfterSessions { from, .. } => usize::try_from(from)
                    .ok()
                    .and_then(|n| self.session_days.get(n.checked_sub(1)?))
                    .copied(),
            };
            if let Some(day) = day {
                events.push(crate::Event::new(
                    day,
                    crate::EventKind::FollowUp,
                    milestone.observed().to_owned(),
                ));
            }
        }
        crate::clinical::in_day_order(events)
    }

    /// Route, directions, cautions, evidence and follow-up.
    ///
    /// See [`Clinical`](crate::Clinical) for an example.
    #[must_use]
    pub const fn clinical(&self) -> &crate::clinical::Clinical {
        &self.clinical
    }

    /// The sources used.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn citations(&self) -> &[Citation] {
        &self.citations
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Intralesional sodium thiosulfate, {}", self.protocol)?;
        match (&self.lesion, self.case_series_schedule) {
            (Some(lesion), Some(schedule)) => {
                writeln!(f, "Lesion: {lesion}")?;
                writeln!(f, "Schedule: {schedule}")?;
            }
            _ => writeln!(f, "Lesion: {}", self.size)?,
        }
        writeln!(f, "Preparation, each session: {}", self.preparation)?;
        match self.spacing {
            Some(spacing) => {
                writeln!(
                    f,
                    "Sites: {} on a {spacing} grid, each the centre of a {} cm circle; \
                     mm from the lesion centre (x along the length, y along the width):",
                    self.sites.len(),
                    number(GRID_CIRCLE_DIAMETER_MM / 10.0, 1)
                )?;
                write_rows(f, &self.sites)?;
                writeln!(f, "Each site: {}", self.per_site)?;
            }
            None => writeln!(
                f,
                "Site: 1 injection into the base of the calcification: {}",
                self.per_site
            )?,
        }
        writeln!(f, "Each session: {}", self.per_session)?;
        write!(f, "Sessions: {}", self.sessions)?;
        if let Some(interval) = self.interval {
            write!(f, ", {interval}: days")?;
            for (i, day) in self.session_days.iter().enumerate() {
                f.write_str(if i == 0 { " " } else { ", " })?;
                write!(f, "{day}")?;
            }
        }
        if self.spacing.is_some() {
            f.write_str(" (the same sites each session: re-plan if the lesion has changed)")?;
        }
        writeln!(f)?;
        writeln!(f, "Total: {}", self.total)?;
        if let Some(lidocaine) = &self.lidocaine {
            write!(f, "{lidocaine}")?;
            writeln!(
                f,
                "  (the maximum covers all lidocaine given in the session, \
                 including for other lesions)"
            )?;
        } else {
            let [plain, with_epinephrine] = &self.lidocaine_maxima;
            if plain.is_for_child() {
                writeln!(
                    f,
                    "Lidocaine: none planned; maximum for a child of {} in one session: {} \
                     plain or with epinephrine",
                    self.weight,
                    plain.mass()
                )?;
            } else {
                writeln!(
                    f,
                    "Lidocaine: none planned; label maximum for {} in one session: {} plain, \
                     {} with epinephrine",
                    self.weight,
                    plain.mass(),
                    with_epinephrine.mass()
                )?;
            }
        }
        write!(f, "{}", self.clinical)?;
        write_limits_alerts_and_citations(f, &self.limits, &self.alerts, &self.citations)
    }
}

/// Writes sites one grid row per line.
pub(super) fn write_rows(f: &mut fmt::Formatter<'_>, sites: &[Site]) -> fmt::Result {
    let mut row_y = None;
    for site in sites {
        if row_y == Some(site.y_mm) {
            f.write_str(", ")?;
        } else {
            if row_y.is_some() {
                writeln!(f)?;
            }
            f.write_str("  ")?;
            row_y = Some(site.y_mm);
        }
        write!(f, "{site}")?;
    }
    writeln!(f)
}

/// The lidocaine of one session: the ring block, then any lidocaine diluent.
pub(super) fn lidocaine_of(
    patient: &Patient,
    ring_block: Option<RingBlock>,
    preparation: &Preparation,
) -> Result<Option<lidocaine::Plan>, Error> {
    let uses: Vec<Use> = ring_block
        .map(|b| b.as_use())
        .into_iter()
        .chain(preparation.lidocaine_use())
        .collect();
    if uses.is_empty() {
        Ok(None)
    } else {
        lidocaine::plan(patient, &uses).map(Some)
    }
}

/// The label maxima of lidocaine for the patient, plain and with epinephrine.
pub(super) fn lidocaine_maxima(patient: &Patient) -> [lidocaine::Maximum; 2] {
    [
        lidocaine::maximum_for(patient, lidocaine::Formulation::Plain),
        lidocaine::maximum_for(patient, lidocaine::Formulation::WithEpinephrine),
    ]
}

/// The alert every intralesional plan carries: no maximum is documented.
pub(super) fn no_maximum_alert(
    protocol: Protocol,
    per_session: Amount,
    patient: &Patient,
) -> Alert {
    let iv = iv_dose_mg(patient);
    Alert::new(
        AlertKind::NoDocumentedMaximum,
        Message::new(
            "no source gives a maximum intralesional sodium thiosulfate volume or mass per \
             session; this plan gives {} = {} per session ({}), {} of the single intravenous \
             dose for this patient ({}), which bounds it instead",
            [
                Arg::quantity("volume per session", per_session.volume_ml(), 3, "mL"),
                Arg::quantity("mass per session", per_session.mass_mg(), 2, "mg"),
                Arg::quantity(
                    "mass per kg per session",
                    per_session.mass_mg() / patient.weight().kg(),
                    1,
                    "mg/kg",
                ),
                Arg::quantity(
                    "fraction of the intravenous dose",
                    iv_fraction_percent(per_session.mass_mg(), iv),
                    1,
                    "%",
                ),
                Arg::quantity("intravenous dose", iv, 0, "mg"),
            ],
        ),
        None,
        protocol.source(),
    )
}

pub(super) fn session_days(sessions: u32, interval: Option<Interval>) -> Vec<u32> {
    let step = interval.map_or(0, Interval::days);
    (0..sessions).map(|k| k * step).collect()
}

#[cfg(feature = "serde")]
pub(super) fn wire_quantity<S: serde::Serializer>(
    value: f64,
    unit: &str,
    s: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(
        &crate::wire::Quantity {
            value,
            unit: unit.to_owned(),
        },
        s,
    )
}

#[cfg(feature = "serde")]
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with signature"
)]
pub(super) fn mm<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    wire_quantity(*value, "mm", s)
}

#[cfg(feature = "serde")]
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with signature"
)]
pub(super) fn mg<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    wire_quantity(*value, "mg", s)
}

/// Session days as a list of `{"value": 28, "unit": "d"}`.
#[cfg(feature = "serde")]
#[allow(clippy::ptr_arg, reason = "serde's serialize_with signature")]
pub(super) fn days<S: serde::Serializer>(days: &Vec<u32>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(days.iter().map(|&d| crate::wire::Quantity {
        value: f64::from(d),
        unit: "d".to_owned(),
    }))
}
