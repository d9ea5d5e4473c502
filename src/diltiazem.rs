//! Oral diltiazem, 1–3 mg/kg/day (regimen R1).
//!
//! The review of calcinosis cutis reports diltiazem at 1–3 mg/kg/day
//! ([`sources::REGIONALDERM`]); adults with calcinosis have received
//! 240–480 mg/day ([`sources::PALMIERI_1995`]). The crate computes the daily
//! dose as weight × the chosen rate, limits it to the formulation's label
//! maximum, rounds once per administration to what the formulation can
//! measure, and reports alerts for children (off-label) and for a limited
//! dose.
//!
//! | formulation | strengths | frequency | maximum | source |
//! |---|---|---|---|---|
//! | immediate-release tablets | 30, 60, 90, 120 mg | 3 or 4 times daily | 360 mg/day | label |
//! | extended-release capsules, CD type | 120, 180, 240, 300, 360 mg | once daily | 480 mg/day | label |
//! | extended-release capsules, Tiazac type | 120, 180, 240, 300, 360, 420 mg | once daily | 540 mg/day | label |
//! | compounded oral suspension | 12 mg/mL, to 0.1 mL | 3 or 4 times daily | 360 mg/day | USP; paediatric maximum |
//!
//! Formulations are not interchangeable mg for mg: each plan names its
//! product, and a switch is made at the nearest equivalent daily dose.
//!
//! # Example
//!
//! ```
//! use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
//!
//! let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
//! let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
//! let plan = diltiazem::plan(&adult, rate, &diltiazem::Options::default())?;
//! // 210 mg/day calculated; 60 mg 3 times daily (2.57 mg/kg/day) is the
//! // nearest measurable dose inside the documented 1–3 mg/kg/day.
//! assert_eq!(plan.schedule().total().mg_per_day(), 180.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!
//! - [`sources::REGIONALDERM`]: 1–3 mg/kg/day.
//! - [`sources::PALMIERI_1995`]: 240–480 mg/day in adults with calcinosis.
//! - [`sources::DILTIAZEM_LABEL`]: strengths, frequencies and maxima.
//! - [`sources::DILTIAZEM_PAEDIATRIC`]: off-label in children, 1.5–2
//!   mg/kg/day in 3–4 doses, never above 360 mg/day.
//! - [`sources::DILTIAZEM_SUSPENSION_USP`]: 12 mg/mL oral suspension.

use std::fmt::{self, Write as _};

use uom::si::f64::Volume;
use uom::si::volume::milliliter;

use crate::alert::{Alert, AlertKind};
use crate::citation::{Citation, push_unique, sources};
use crate::dose::{Concentration, DailyDose, DailyDosePerKg, Dose, Strength};
use crate::error::Error;
use crate::exact;
use crate::format::{number, signed_percent};
use crate::limit::{Bound, CheckedLimit, Limit, Scope};
use crate::measurable::Suggestion;
use crate::patient::Patient;
use crate::plan::{Administration, DailySchedule, Frequency, OralPlan};
use crate::product::{Give, Product, Splitting};
use crate::rounding::{Acceptance, BeyondTolerance, Rounding, Target, Tolerance, round};

/// The lowest documented rate, mg/kg/day ([`sources::REGIONALDERM`]).
pub const RATE_MIN_MG_PER_KG_PER_DAY: f64 = 1.0;
/// The highest documented rate, mg/kg/day ([`sources::REGIONALDERM`]).
pub const RATE_MAX_MG_PER_KG_PER_DAY: f64 = 3.0;

/// Immediate-release tablet strengths, mg ([`sources::DILTIAZEM_LABEL`]).
const IR_STRENGTHS_MG: [f64; 4] = [30.0, 60.0, 90.0, 120.0];
/// Immediate-release maximum, mg/day ([`sources::DILTIAZEM_LABEL`]).
const IR_MAX_MG_PER_DAY: f64 = 360.0;
/// Extended-release (CD type) capsule strengths, mg ([`sources::DILTIAZEM_LABEL`]).
const ER_CD_STRENGTHS_MG: [f64; 5] = [120.0, 180.0, 240.0, 300.0, 360.0];
/// Extended-release (CD type) maximum, mg/day ([`sources::DILTIAZEM_LABEL`]).
const ER_CD_MAX_MG_PER_DAY: f64 = 480.0;
/// Extended-release (Tiazac type) capsule strengths, mg ([`sources::DILTIAZEM_LABEL`]).
const ER_TIAZAC_STRENGTHS_MG: [f64; 6] = [120.0, 180.0, 240.0, 300.0, 360.0, 420.0];
/// Extended-release (Tiazac type) maximum, mg/day ([`sources::DILTIAZEM_LABEL`]).
const ER_TIAZAC_MAX_MG_PER_DAY: f64 = 540.0;
/// Compounded oral suspension, mg/mL ([`sources::DILTIAZEM_SUSPENSION_USP`]).
const SUSPENSION_MG_PER_ML: f64 = 12.0;
/// Oral syringe graduation, mL (clinical reference section 4).
const SYRINGE_GRADUATION_ML: f64 = 0.1;
/// Children: never above 360 mg/day ([`sources::DILTIAZEM_PAEDIATRIC`]);
/// the suspension is made from immediate-release tablets (360 mg/day).
const SUSPENSION_MAX_MG_PER_DAY: f64 = 360.0;
/// Children, any formulation: never above 360 mg/day
/// ([`sources::DILTIAZEM_PAEDIATRIC`]).
const PAEDIATRIC_MAX_MG_PER_DAY: f64 = 360.0;

/// The documented minimum rate, 1 mg/kg/day (RegionalDerm).
const RATE_MIN_LIMIT: Limit = Limit::new(
    "diltiazem.rate.min",
    "documented minimum rate",
    Bound::AtLeast,
    RATE_MIN_MG_PER_KG_PER_DAY,
    "mg/kg/day",
    Scope::PerKgPerDay,
    sources::REGIONALDERM,
);

/// The documented maximum rate, 3 mg/kg/day (RegionalDerm).
const RATE_MAX_LIMIT: Limit = Limit::new(
    "diltiazem.rate.max",
    "documented maximum rate",
    Bound::AtMost,
    RATE_MAX_MG_PER_KG_PER_DAY,
    "mg/kg/day",
    Scope::PerKgPerDay,
    sources::REGIONALDERM,
);

/// A child's maximum on any formulation, 360 mg/day (paediatric references).
const PAEDIATRIC_MAX_LIMIT: Limit = Limit::new(
    "diltiazem.max_daily.paediatric",
    "paediatric maximum",
    Bound::AtMost,
    PAEDIATRIC_MAX_MG_PER_DAY,
    "mg/day",
    Scope::PerDay,
    sources::DILTIAZEM_PAEDIATRIC,
);

/// The age from which the label's adult dosing applies (18 years); under
/// it the use is off-label.
const ADULT_AGE_LIMIT: Limit = Limit::new(
    "diltiazem.adult_age",
    "adult age",
    Bound::AtLeast,
    crate::Age::ADULT_YEARS,
    "years",
    Scope::Patient,
    sources::DILTIAZEM_PAEDIATRIC,
);

/// A diltiazem formulation. They are not interchangeable mg for mg.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::diltiazem::Formulation;
///
/// assert_eq!(Formulation::ExtendedReleaseCd.max_daily().mg_per_day(), 480.0);
/// assert_eq!(Formulation::OralSuspension.to_string(), "diltiazem oral suspension 12 mg/mL");
/// ```
///
/// # References
///
/// [`sources::DILTIAZEM_LABEL`], [`sources::DILTIAZEM_SUSPENSION_USP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Formulation {
    /// Immediate-release tablets 30, 60, 90, 120 mg, 3 or 4 times daily.
    #[default]
    ImmediateRelease,
    /// Extended-release once-daily capsules, CD type (120–360 mg).
    ExtendedReleaseCd,
    /// Extended-release once-daily capsules, Tiazac type (120–420 mg).
    ExtendedReleaseTiazac,
    /// Compounded oral suspension 12 mg/mL, measured to 0.1 mL.
    OralSuspension,
}

impl Formulation {
    /// The label maximum for this formulation.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::diltiazem::Formulation;
    ///
    /// assert_eq!(Formulation::ImmediateRelease.max_daily().to_string(), "360 mg/day");
    /// assert_eq!(Formulation::ExtendedReleaseTiazac.max_daily().mg_per_day(), 540.0);
    /// ```
    #[must_use]
    pub const fn max_daily(self) -> DailyDose {
        DailyDose::derived(match self {
            Self::ImmediateRelease => IR_MAX_MG_PER_DAY,
            Self::ExtendedReleaseCd => ER_CD_MAX_MG_PER_DAY,
            Self::ExtendedReleaseTiazac => ER_TIAZAC_MAX_MG_PER_DAY,
            Self::OralSuspension => SUSPENSION_MAX_MG_PER_DAY,
        })
    }

    /// The frequencies documented for this formulation, the default first.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::diltiazem::Formulation;
    /// use calcinosis_dosing::Frequency;
    ///
    /// assert_eq!(
    ///     Formulation::ImmediateRelease.frequencies(),
    ///     [Frequency::ThreeTimesDaily, Frequency::FourTimesDaily],
    /// );
    /// assert_eq!(Formulation::ExtendedReleaseCd.frequencies(), [Frequency::OnceDaily]);
    /// ```
    #[must_use]
    pub const fn frequencies(self) -> &'static [Frequency] {
        match self {
            Self::ImmediateRelease | Self::OralSuspension => {
                &[Frequency::ThreeTimesDaily, Frequency::FourTimesDaily]
            }
            Self::ExtendedReleaseCd | Self::ExtendedReleaseTiazac => &[Frequency::OnceDaily],
        }
    }

    const fn frequencies_text(self) -> &'static str {
        match self {
            Self::ImmediateRelease | Self::OralSuspension => "3 or 4 times daily",
            Self::ExtendedReleaseCd | Self::ExtendedReleaseTiazac => "once daily",
        }
    }

    /// The formulation's label maximum as a limit.
    const fn max_limit(self) -> Limit {
        let (id, name) = match self {
            Self::ImmediateRelease => (
                "diltiazem.max_daily.immediate_release",
                "immediate-release maximum",
            ),
            Self::ExtendedReleaseCd => (
                "diltiazem.max_daily.extended_release_cd",
                "extended-release (CD type) maximum",
            ),
            Self::ExtendedReleaseTiazac => (
                "diltiazem.max_daily.extended_release_tiazac",
                "extended-release (Tiazac type) maximum",
            ),
            Self::OralSuspension => (
                "diltiazem.max_daily.oral_suspension",
                "paediatric and immediate-release maximum",
            ),
        };
        Limit::new(
            id,
            name,
            Bound::AtMost,
            self.max_daily().mg_per_day(),
            "mg/day",
            Scope::PerDay,
            sources::DILTIAZEM_LABEL,
        )
    }

    fn product(self) -> Result<Product, Error> {
        let strengths = |mgs: &[f64]| -> Result<Vec<Strength>, Error> {
            mgs.iter().map(|&mg| Strength::from_mg(mg)).collect()
        };
        let name = self.to_string();
        match self {
            Self::ImmediateRelease => {
                Product::tablets(&name, &strengths(&IR_STRENGTHS_MG)?, Splitting::WholeOnly)
            }
            Self::ExtendedReleaseCd => Product::capsules(&name, &strengths(&ER_CD_STRENGTHS_MG)?),
            Self::ExtendedReleaseTiazac => {
                Product::capsules(&name, &strengths(&ER_TIAZAC_STRENGTHS_MG)?)
            }
            Self::OralSuspension => Product::oral_liquid(
                &name,
                Concentration::from_mg_per_ml(SUSPENSION_MG_PER_ML)?,
                Volume::new::<milliliter>(SYRINGE_GRADUATION_ML),
            ),
        }
    }
}

impl fmt::Display for Formulation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ImmediateRelease => "diltiazem immediate-release tablets",
            Self::ExtendedReleaseCd => "diltiazem extended-release capsules (CD type)",
            Self::ExtendedReleaseTiazac => "diltiazem extended-release capsules (Tiazac type)",
            Self::OralSuspension => "diltiazem oral suspension 12 mg/mL",
        })
    }
}

/// Options for a diltiazem plan: the formulation, the frequency and the
/// rounding tolerance. The common case is `Options::default()`
/// (immediate-release tablets, 3 times daily, 10 %).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Frequency, Tolerance};
///
/// let options = diltiazem::Options::new(diltiazem::Formulation::OralSuspension)
///     .frequency(Frequency::FourTimesDaily)
///     .tolerance(Tolerance::from_percent(5.0)?);
/// assert_eq!(options.get_frequency(), Frequency::FourTimesDaily);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Options {
    formulation: Formulation,
    frequency: Option<Frequency>,
    tolerance: Tolerance,
    beyond_tolerance: BeyondTolerance,
}

impl Options {
    /// Options for a formulation, with its default frequency and a 10 %
    /// tolerance.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::diltiazem::{Formulation, Options};
    /// use calcinosis_dosing::Frequency;
    ///
    /// let options = Options::new(Formulation::ExtendedReleaseCd);
    /// assert_eq!(options.get_frequency(), Frequency::OnceDaily);
    /// assert_eq!(options.get_tolerance().percent(), 10.0);
    /// ```
    #[must_use]
    pub const fn new(formulation: Formulation) -> Self {
        Self {
            formulation,
            frequency: None,
            tolerance: Tolerance::DEFAULT,
            beyond_tolerance: BeyondTolerance::RoundDownOnly,
        }
    }

    /// The frequency (checked against the formulation when planning).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Error, Frequency, Patient};
    /// # let patient = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// # let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// let options = diltiazem::Options::default().frequency(Frequency::FourTimesDaily);
    /// assert_eq!(options.get_frequency(), Frequency::FourTimesDaily);
    /// // Extended release is once daily only: planning refuses twice daily.
    /// let options = diltiazem::Options::new(diltiazem::Formulation::ExtendedReleaseCd)
    ///     .frequency(Frequency::TwiceDaily);
    /// assert!(matches!(diltiazem::plan(&patient, rate, &options), Err(Error::NotDocumented { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn frequency(mut self, frequency: Frequency) -> Self {
        self.frequency = Some(frequency);
        self
    }

    /// The rounding tolerance.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Tolerance};
    ///
    /// let options = diltiazem::Options::default().tolerance(Tolerance::from_percent(5.0)?);
    /// assert_eq!(options.get_tolerance().percent(), 5.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn tolerance(mut self, tolerance: Tolerance) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// What may happen to a dose that no measurable amount reaches within
    /// the tolerance: by default only rounding **down** inside the
    /// documented range is accepted; [`BeyondTolerance::AllowRoundUp`] also
    /// accepts rounding up inside the range. Either way the plan carries
    /// the rounding alert and records the acceptance.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Age, BeyondTolerance, BodyWeight, DailyDosePerKg, Patient};
    ///
    /// // 40 kg at 1 mg/kg/day: 13.3 mg a dose; the smallest tablet, 30 mg, is +125 %.
    /// let patient = Patient::new(BodyWeight::from_kg(40.0)?, Age::from_years(30.0)?);
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(1.0)?;
    /// assert!(diltiazem::plan(&patient, rate, &diltiazem::Options::default()).is_err());
    /// let up = diltiazem::Options::default().beyond_tolerance(BeyondTolerance::AllowRoundUp);
    /// let plan = diltiazem::plan(&patient, rate, &up)?;
    /// assert_eq!(plan.rounding().rounded().to_string(), "30 mg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # References
    ///
    /// The 10 % rule: clinical reference, section 5 ([`crate::sources::ROUNDING_RULE`]).
    #[must_use]
    pub const fn beyond_tolerance(mut self, beyond: BeyondTolerance) -> Self {
        self.beyond_tolerance = beyond;
        self
    }

    /// The formulation.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::diltiazem::{Formulation, Options};
    ///
    /// assert_eq!(Options::default().get_formulation(), Formulation::ImmediateRelease);
    /// assert_eq!(
    ///     Options::new(Formulation::OralSuspension).get_formulation(),
    ///     Formulation::OralSuspension,
    /// );
    /// ```
    #[must_use]
    pub const fn get_formulation(&self) -> Formulation {
        self.formulation
    }

    /// The frequency: the chosen one, or the formulation's default.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::diltiazem::{Formulation, Options};
    /// use calcinosis_dosing::Frequency;
    ///
    /// // None chosen: the formulation's default.
    /// assert_eq!(Options::default().get_frequency(), Frequency::ThreeTimesDaily);
    /// assert_eq!(Options::new(Formulation::ExtendedReleaseTiazac).get_frequency(), Frequency::OnceDaily);
    /// ```
    #[must_use]
    pub fn get_frequency(&self) -> Frequency {
        self.frequency.unwrap_or(match self.formulation {
            Formulation::ExtendedReleaseCd | Formulation::ExtendedReleaseTiazac => {
                Frequency::OnceDaily
            }
            Formulation::ImmediateRelease | Formulation::OralSuspension => {
                Frequency::ThreeTimesDaily
            }
        })
    }

    /// The rounding tolerance.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Tolerance};
    ///
    /// assert_eq!(diltiazem::Options::default().get_tolerance(), Tolerance::default());
    /// assert_eq!(diltiazem::Options::default().get_tolerance().to_string(), "10 %");
    /// ```
    #[must_use]
    pub const fn get_tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// What may happen beyond the tolerance; see [`Options::beyond_tolerance`].
    #[must_use]
    pub const fn get_beyond_tolerance(&self) -> BeyondTolerance {
        self.beyond_tolerance
    }
}

/// A diltiazem plan for a patient at a rate of 1–3 mg/kg/day.
///
/// The daily dose is weight × rate, limited to the formulation's maximum
/// (with an alert). The dose per administration is rounded once to the
/// formulation: the nearest measurable amount within the tolerance, or,
/// failing that, the nearest whose achieved rate stays inside 1–3 mg/kg/day
/// and under the maximum. Every administration of the day is the same.
/// A patient under 18 years gets an off-label alert.
///
/// # Errors
///
/// - [`Error::OutsideRegimen`] when the rate is not within 1–3 mg/kg/day.
/// - [`Error::NotDocumented`] when the frequency is not documented for the
///   formulation (immediate release and suspension: 3 or 4 times daily;
///   extended release: once daily).
/// - [`Error::NotMeasurable`] when the formulation cannot measure the dose;
///   for tablets and capsules the message names the oral suspension dose
///   that would measure it.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
///
/// let child = Patient::new(BodyWeight::from_kg(10.0)?, Age::from_years(1.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(2.0)?;
/// // 20 mg/day cannot be measured with 30 mg tablets 3 times daily…
/// let err = diltiazem::plan(&child, rate, &diltiazem::Options::default()).unwrap_err();
/// assert!(err.to_string().contains("oral suspension"));
/// // …but can with the oral suspension.
/// let options = diltiazem::Options::new(diltiazem::Formulation::OralSuspension);
/// let plan = diltiazem::plan(&child, rate, &options)?;
/// assert_eq!(plan.administrations()[0].give().to_string(), "0.6 mL of 12 mg/mL");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](self).
pub fn plan(patient: &Patient, rate: DailyDosePerKg, options: &Options) -> Result<OralPlan, Error> {
    let value = rate.mg_per_kg_per_day();
    let formulation = options.formulation;
    let frequency = options.get_frequency();
    check_order(value, formulation, frequency)?;
    let product = formulation.product()?;
    let weight = patient.weight();
    let child = patient.age().is_child();
    let max_limit = daily_maximum(formulation, child);
    let max = max_limit.value();
    // Every decision below is exact: the weight is whole grams, the rate
    // the decimal it was written as, the limits are decimals.
    let kg_exact = weight.exact_kg();
    let max_exact = exact::decimal(max).unwrap_or_default();
    let calculated_exact = rate.exact() * kg_exact;
    let daily_exact = calculated_exact.min(max_exact);
    let range_exact = (
        (exact::decimal(RATE_MIN_MG_PER_KG_PER_DAY).unwrap_or_default() * kg_exact).min(max_exact),
        (exact::decimal(RATE_MAX_MG_PER_KG_PER_DAY).unwrap_or_default() * kg_exact).min(max_exact),
    );
    let n = exact::int(i128::from(frequency.times_per_day()));
    let target = Target {
        calculated: daily_exact / n,
        tolerance: options.tolerance,
        documented: Some((range_exact.0 / n, range_exact.1 / n)),
        cap: Some(max_exact / n),
        allow_up: options.beyond_tolerance == BeyondTolerance::AllowRoundUp,
        what: "dose",
        unit: "mg",
    };
    let measured = round(&product, &target)
        .map_err(|e| with_advice(e, formulation, patient, rate, options))?;
    let achieved_exact = measured.amount * n;
    let calculated = exact::to_f64(calculated_exact);
    let daily = exact::to_f64(daily_exact);
    let range = (exact::to_f64(range_exact.0), exact::to_f64(range_exact.1));

    let administrations = (0..frequency.times_per_day())
        .map(|_| Administration::new(Dose::derived(measured.mg), measured.give.clone()))
        .collect();
    let schedule = DailySchedule::new(frequency, administrations);
    let achieved = DailyDosePerKg::derived(exact::to_f64(achieved_exact / kg_exact));

    let mut alerts = Vec::new();
    let limited = calculated_exact > max_exact;
    let total = schedule.total().mg_per_day();
    let mut limits = vec![
        CheckedLimit::new(RATE_MIN_LIMIT, achieved.mg_per_kg_per_day()),
        CheckedLimit::new(RATE_MAX_LIMIT, achieved.mg_per_kg_per_day()),
    ];
    if limited {
        limits.push(CheckedLimit::limited(max_limit, total));
        alerts.push(limited_alert(rate, weight, calculated, max_limit));
    } else {
        limits.push(CheckedLimit::new(max_limit, total));
    }
    if !exact::within(achieved_exact, range_exact.0, range_exact.1) {
        alerts.push(outside_range_alert(achieved, range, weight));
    }
    limits.push(measured.rounding.checked());
    limits.push(options.tolerance.usual_check());
    limits.push(CheckedLimit::new(ADULT_AGE_LIMIT, patient.age().years()));
    let rounded_beyond = measured.rounding.accepted() != Acceptance::WithinTolerance;
    if rounded_beyond {
        alerts.push(outside_tolerance_alert(
            &measured.rounding,
            achieved,
            formulation,
            patient,
            rate,
            options,
        ));
    }
    if child {
        alerts.push(off_label_alert(patient.age()));
    }
    if options.tolerance.is_wider_than_default() {
        alerts.push(options.tolerance.widened_alert());
    }
    let citations = plan_citations(
        formulation,
        child,
        limited.then(|| max_limit.source()),
        rounded_beyond,
    );

    Ok(OralPlan {
        drug: "diltiazem",
        product: product.name().to_owned(),
        weight,
        ordered: rate,
        documented_range: (DailyDose::derived(range.0), DailyDose::derived(range.1)),
        weight_based_daily: DailyDose::derived(calculated),
        calculated_daily: DailyDose::derived(daily),
        schedule,
        achieved,
        rounding: measured.rounding,
        limits,
        alerts,
        citations,
    })
}

/// Checks the rate against the documented range and the frequency against
/// the formulation.
/// The alert of a dose limited by a daily maximum.
fn limited_alert(
    rate: DailyDosePerKg,
    weight: crate::BodyWeight,
    calculated: f64,
    max: Limit,
) -> Alert {
    Alert::new(
        AlertKind::LimitedByMaximum,
        format!(
            "{} × {} = {} is above the {}; the dose was limited to {}",
            rate,
            weight,
            DailyDose::derived(calculated),
            max.name(),
            DailyDose::derived(max.value())
        ),
        Some(max),
        max.source(),
    )
}

/// The plan's references, in a fixed order: the regimen, the label, the
/// maximum that limited the dose, the rounding rule, the paediatric
/// references, the suspension monograph, the adult calcinosis series.
fn plan_citations(
    formulation: Formulation,
    child: bool,
    limited_by: Option<Citation>,
    rounded_beyond: bool,
) -> Vec<Citation> {
    let mut citations = vec![sources::REGIONALDERM, sources::DILTIAZEM_LABEL];
    if let Some(source) = limited_by {
        push_unique(&mut citations, source);
    }
    if rounded_beyond {
        push_unique(&mut citations, sources::ROUNDING_RULE);
    }
    if child {
        push_unique(&mut citations, sources::DILTIAZEM_PAEDIATRIC);
    }
    if formulation == Formulation::OralSuspension {
        push_unique(&mut citations, sources::DILTIAZEM_SUSPENSION_USP);
    }
    if !child {
        push_unique(&mut citations, sources::PALMIERI_1995);
    }
    citations
}

fn check_order(value: f64, formulation: Formulation, frequency: Frequency) -> Result<(), Error> {
    if !(RATE_MIN_MG_PER_KG_PER_DAY..=RATE_MAX_MG_PER_KG_PER_DAY).contains(&value) {
        return Err(Error::OutsideRegimen {
            field: "dose rate",
            value,
            min: RATE_MIN_MG_PER_KG_PER_DAY,
            max: RATE_MAX_MG_PER_KG_PER_DAY,
            unit: "mg/kg/day",
            regimen: "diltiazem",
            source_ref: sources::REGIONALDERM.reference(),
        });
    }
    if !formulation.frequencies().contains(&frequency) {
        return Err(Error::NotDocumented {
            field: "frequency",
            value: frequency.to_string(),
            regimen: formulation.to_string(),
            expected: formulation.frequencies_text(),
        });
    }
    Ok(())
}

/// The advisory every plan for a patient under 18 years carries.
fn off_label_alert(age: crate::Age) -> Alert {
    Alert::new(
        AlertKind::OffLabelAge,
        format!(
            "diltiazem is off-label under 18 years (age {age}); paediatric references \
             use 1.5–2 mg/kg/day in 3–4 doses, with maxima of 3.5 or 6 mg/kg/day \
             by source and never above 360 mg/day"
        ),
        Some(ADULT_AGE_LIMIT),
        sources::DILTIAZEM_PAEDIATRIC,
    )
}

/// The maximum daily dose for the formulation and age, its name and source:
/// the label maximum, or for a child never above 360 mg/day.
/// The alert of a plan whose achieved dose, after rounding, lies outside
/// the documented 1–3 mg/kg/day (capped by the maximum).
fn outside_range_alert(
    achieved: DailyDosePerKg,
    range: (f64, f64),
    weight: crate::BodyWeight,
) -> Alert {
    let (lo, hi) = (range.0 / weight.kg(), range.1 / weight.kg());
    let (side, limit, named) = if achieved.mg_per_kg_per_day() < lo {
        ("below", lo, RATE_MIN_LIMIT)
    } else {
        ("above", hi, RATE_MAX_LIMIT)
    };
    Alert::new(
        AlertKind::OutsideDocumentedRange,
        format!(
            "the achieved {} mg/kg/day is {side} the documented {} to {} mg/kg/day \
             ({} to {} mg/day at {weight})",
            crate::format::number_beside(achieved.mg_per_kg_per_day(), limit, 2),
            number(lo, 3),
            number(hi, 3),
            number(range.0, 3),
            number(range.1, 3),
        ),
        Some(named),
        sources::REGIONALDERM,
    )
}

fn daily_maximum(formulation: Formulation, child: bool) -> Limit {
    if child && formulation.max_daily().mg_per_day() > PAEDIATRIC_MAX_MG_PER_DAY {
        PAEDIATRIC_MAX_LIMIT
    } else {
        formulation.max_limit()
    }
}

/// The alert a dose rounded beyond the tolerance carries: accepted only
/// because its achieved rate is inside the documented range, so the
/// prescriber sees how far it moved and what would measure the order.
fn outside_tolerance_alert(
    rounding: &Rounding,
    achieved: DailyDosePerKg,
    formulation: Formulation,
    patient: &Patient,
    rate: DailyDosePerKg,
    options: &Options,
) -> Alert {
    let mut message = format!(
        "each dose was rounded from {} to {} ({}), beyond the {} tolerance; it was \
         accepted because the achieved {} is inside the documented {} to {} mg/kg/day",
        rounding.calculated(),
        rounding.rounded(),
        signed_percent(rounding.deviation_percent() / 100.0),
        rounding.tolerance(),
        achieved,
        number(RATE_MIN_MG_PER_KG_PER_DAY, 0),
        number(RATE_MAX_MG_PER_KG_PER_DAY, 0),
    );
    if formulation != Formulation::OralSuspension {
        let suspension = Options::new(Formulation::OralSuspension).tolerance(options.tolerance);
        if let Ok(p) = plan(patient, rate, &suspension)
            && p.rounding().accepted() == Acceptance::WithinTolerance
        {
            let _ = write!(
                message,
                "; {} measures the ordered dose: {}",
                Formulation::OralSuspension,
                p.schedule()
            );
        }
    }
    Alert::new(
        AlertKind::RoundedOutsideTolerance,
        message,
        Some(rounding.checked().limit().to_owned()),
        sources::ROUNDING_RULE,
    )
}

/// Adds the oral suspension dose that would measure it, when there is one.
fn with_advice(
    err: Error,
    formulation: Formulation,
    patient: &Patient,
    rate: DailyDosePerKg,
    options: &Options,
) -> Error {
    let Error::NotMeasurable {
        what,
        calculated,
        unit,
        product,
        tolerance_percent,
        candidates,
        ..
    } = err
    else {
        return err;
    };
    let suggestion = if formulation == Formulation::OralSuspension {
        None
    } else {
        let frequency = options
            .frequency
            .filter(|f| Formulation::OralSuspension.frequencies().contains(f))
            .unwrap_or(Frequency::ThreeTimesDaily);
        let suspension = Options::new(Formulation::OralSuspension)
            .frequency(frequency)
            .tolerance(options.tolerance);
        plan(patient, rate, &suspension)
            .ok()
            .and_then(|p| suspension_suggestion(&p))
            .map(Box::new)
    };
    Error::NotMeasurable {
        what,
        calculated,
        unit,
        product,
        tolerance_percent,
        candidates,
        suggestion,
    }
}

/// A suspension plan as the suggestion of a "not measurable" error.
fn suspension_suggestion(plan: &OralPlan) -> Option<Suggestion> {
    let schedule = plan.schedule();
    let first = schedule.administrations().first()?;
    let Give::Liquid {
        volume_ml,
        concentration,
    } = first.give()
    else {
        return None;
    };
    Some(Suggestion::OtherProduct {
        product: Formulation::OralSuspension.to_string(),
        dose_mg: first.dose().mg(),
        volume_ml: *volume_ml,
        concentration_mg_per_ml: concentration.mg_per_ml(),
        times_per_day: schedule.frequency().times_per_day(),
        total_mg_per_day: schedule.total().mg_per_day(),
    })
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;
    use crate::{Age, BodyWeight};

    fn patient(kg: f64, years: f64) -> Patient {
        Patient::new(
            BodyWeight::from_kg(kg).unwrap(),
            Age::from_years(years).unwrap(),
        )
    }

    fn rate(v: f64) -> DailyDosePerKg {
        DailyDosePerKg::from_mg_per_kg_per_day(v).unwrap()
    }

    #[test]
    fn rate_outside_documented_range_cites_it() {
        let err = plan(&patient(70.0, 50.0), rate(3.5), &Options::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "dose rate 3.5 mg/kg/day is outside the documented diltiazem range of 1 to 3 mg/kg/day \
             (White GM. Calcinosis cutis. RegionalDerm.com (dermatology reference page))"
        );
    }

    #[test]
    fn extended_release_is_once_daily_only() {
        let options = Options::new(Formulation::ExtendedReleaseCd).frequency(Frequency::TwiceDaily);
        let err = plan(&patient(70.0, 50.0), rate(3.0), &options).unwrap_err();
        assert_eq!(
            err.to_string(),
            "frequency 'twice daily' is not documented for diltiazem extended-release capsules (CD type): \
             expected once daily"
        );
    }

    #[test]
    fn capped_dose_carries_an_alert() {
        let p = plan(&patient(150.0, 60.0), rate(3.0), &Options::default()).unwrap();
        assert_eq!(p.calculated_daily().mg_per_day(), 360.0);
        assert_eq!(p.schedule().total().mg_per_day(), 360.0);
        assert_eq!(p.alerts().len(), 1);
        assert_eq!(p.alerts()[0].kind(), AlertKind::LimitedByMaximum);
    }

    #[test]
    fn tablets_for_a_small_child_name_the_suspension() {
        let err = plan(&patient(10.0, 1.0), rate(1.0), &Options::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a dose of 3.333 mg is not measurable with diltiazem immediate-release tablets within 10 %: \
             the nearest measurable dose is 30 mg (+800 %); diltiazem oral suspension 12 mg/mL \
             measures it: 3.6 mg (0.3 mL of 12 mg/mL) 3 times daily; total 10.8 mg/day"
        );
    }
}
