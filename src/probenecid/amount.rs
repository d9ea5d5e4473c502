use super::{
    BodySurfaceArea, BodyWeight, CASE_REACHED_MG_PER_DAY, CHILD_MAINTENANCE_MG_PER_KG_PER_DAY,
    CHILD_MAINTENANCE_MG_PER_M2_PER_DAY, DailyDose, DailyDosePerKg, DailyDosePerM2, Error, Exact,
    Patient, exact, fmt, surface_area,
};

/// A daily amount: a total per day, or a rate by body weight or by body
/// surface area. The caller's target, and the plan's record of its start.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::probenecid::DailyAmount;
/// use calcinosis_dosing::{Age, BodyWeight, DailyDose, Patient};
///
/// let girl = Patient::new(BodyWeight::from_kg(16.0)?, Age::from_years(4.0)?);
/// let maintenance = DailyAmount::LABEL_CHILD_MAINTENANCE;
/// assert_eq!(maintenance.to_string(), "40 mg/kg/day");
/// assert_eq!(maintenance.daily_for(&girl)?.mg_per_day(), 640.0);
/// let total = DailyAmount::Daily(DailyDose::from_mg_per_day(1250.0)?);
/// assert_eq!(total.daily_for(&girl)?.to_string(), "1,250 mg/day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`sources::PROBENECID_LABEL`](crate::sources::PROBENECID_LABEL) (40 mg/kg/day, 1.2 g/m²/day),
/// [`sources::J_RHEUMATOL_2001`](crate::sources::J_RHEUMATOL_2001) (1,250 mg/day), [`sources::MOSTELLER_1987`](crate::sources::MOSTELLER_1987).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
)]
#[non_exhaustive]
pub enum DailyAmount {
    /// A total per day (JSON unit `mg/d` or `g/d`).
    Daily(DailyDose),
    /// A rate by body weight (JSON unit `mg/kg/d`).
    PerKg(DailyDosePerKg),
    /// A rate by body surface area (JSON unit `mg/m2/d`); needs a height.
    PerM2(DailyDosePerM2),
}

impl DailyAmount {
    /// The label's child maintenance, 40 mg/kg/day
    /// ([`CHILD_MAINTENANCE_MG_PER_KG_PER_DAY`]).
    pub const LABEL_CHILD_MAINTENANCE: Self =
        Self::PerKg(DailyDosePerKg::derived(CHILD_MAINTENANCE_MG_PER_KG_PER_DAY));
    /// The label's child maintenance by body surface area, 1.2 g/m²/day
    /// ([`CHILD_MAINTENANCE_MG_PER_M2_PER_DAY`]).
    pub const LABEL_CHILD_MAINTENANCE_BSA: Self =
        Self::PerM2(DailyDosePerM2::derived(CHILD_MAINTENANCE_MG_PER_M2_PER_DAY));
    /// The dose the documented case reached, 1,250 mg/day
    /// ([`CASE_REACHED_MG_PER_DAY`]).
    pub const CASE_REACHED: Self = Self::Daily(DailyDose::derived(CASE_REACHED_MG_PER_DAY));

    /// The daily dose for this patient, before rounding.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::probenecid::DailyAmount;
    /// # use calcinosis_dosing::{Age, BodyWeight, Error, Height, Patient};
    /// let child = Patient::new(BodyWeight::from_kg(45.0)?, Age::from_years(13.0)?);
    /// assert_eq!(DailyAmount::LABEL_CHILD_MAINTENANCE.daily_for(&child)?.to_string(), "1,800 mg/day");
    /// let per_m2 = DailyAmount::LABEL_CHILD_MAINTENANCE_BSA;
    /// assert!(matches!(per_m2.daily_for(&child), Err(Error::Invalid { field: "target", .. })));
    /// // 1.2 g/m²/day × 1.41 m² (Mosteller: 45 kg, 160 cm)
    /// let measured = child.with_height(Height::from_cm(160.0)?);
    /// assert_eq!(per_m2.daily_for(&measured)?.to_string(), "1,697.056 mg/day");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for a rate by body surface area when the patient
    /// has no height.
    ///
    /// # References
    ///
    /// [`sources::MOSTELLER_1987`](crate::sources::MOSTELLER_1987) for the body surface area.
    pub fn daily_for(self, patient: &Patient) -> Result<DailyDose, Error> {
        self.exact_daily_for(patient)
            .map(|mg| DailyDose::derived(exact::to_f64(mg)))
    }

    /// The daily dose for `patient` in mg/day, exactly (the body surface
    /// area read to nine decimals of m²).
    pub(super) fn exact_daily_for(self, patient: &Patient) -> Result<Exact, Error> {
        match self {
            Self::Daily(d) => Ok(d.exact()),
            Self::PerKg(r) => exact::mul(r.exact(), patient.weight().exact_kg())
                .ok_or_else(|| too_large(&r.to_string())),
            Self::PerM2(r) => {
                let bsa = surface_area(patient, "target", &r.to_string())?;
                exact::mul(r.exact(), exact::constant(bsa.m2()))
                    .ok_or_else(|| too_large(&r.to_string()))
            }
        }
    }

    /// "25 mg/kg/day for 16 kg = 400 mg/day", or "1,250 mg/day".
    pub(super) fn describe(
        self,
        weight: BodyWeight,
        bsa: Option<BodySurfaceArea>,
        daily: f64,
    ) -> String {
        let daily = DailyDose::derived(daily);
        match (self, bsa) {
            (Self::Daily(d), _) => d.to_string(),
            (Self::PerKg(r), _) => format!("{r} for {weight} = {daily}"),
            (Self::PerM2(r), Some(bsa)) => format!("{r} for {bsa} (Mosteller) = {daily}"),
            (Self::PerM2(r), None) => format!("{r} = {daily}"),
        }
    }
}

impl fmt::Display for DailyAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Daily(d) => d.fmt(f),
            Self::PerKg(r) => r.fmt(f),
            Self::PerM2(r) => r.fmt(f),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for DailyAmount {
    type Error = Error;

    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        match q.unit.as_str() {
            "mg/d" | "g/d" => DailyDose::try_from(q).map(Self::Daily),
            "mg/kg/d" => DailyDosePerKg::try_from(q).map(Self::PerKg),
            "mg/m2/d" => DailyDosePerM2::try_from(q).map(Self::PerM2),
            _ => Err(Error::UnknownUnit {
                field: "target",
                unit: q.unit,
                expected: "mg/d, g/d, mg/kg/d, mg/m2/d",
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl From<DailyAmount> for crate::wire::Quantity {
    fn from(a: DailyAmount) -> Self {
        match a {
            DailyAmount::Daily(d) => d.into(),
            DailyAmount::PerKg(r) => r.into(),
            DailyAmount::PerM2(r) => r.into(),
        }
    }
}

/// The error of a daily dose too large to work out exactly: a guard
/// against an overflow no validated target, weight or area reaches.
fn too_large(target: &str) -> Error {
    Error::too_large("target", target.to_owned(), "the daily dose")
}
