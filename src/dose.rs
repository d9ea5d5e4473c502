//! Dose quantities, each its own type.
//!
//! uom would let mg/kg/day pass as a `Frequency` and mg/mL as a density; here
//! each clinical quantity is a newtype with a private field, stored in the
//! unit clinicians write it in (mg, not kg), so 0.1 mg stays 0.1 mg. Dose
//! amount ([`Dose`]), product strength ([`UnitStrength`]) and quantity to
//! dispense are distinct types: an 81 mg dose can never be printed as
//! 81 × 81 mg.
//!
//! The ranges below are input-sanity bounds of this crate (`DESIGN.md`), not
//! clinical limits; each regimen checks its own documented range.

use std::fmt;

use crate::error::{Error, check_range};
use crate::format::number;

/// Declares a validated scalar newtype with a constructor, an accessor and a
/// safe `Display`.
macro_rules! scalar {
    (
        $(#[$meta:meta])*
        $name:ident {
            field: $field:literal,
            ctor: $ctor:ident,
            get: $get:ident,
            unit: $unit:literal,
            decimals: $decimals:literal,
            min: $min:expr,
            max: $max:expr $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(
            feature = "serde",
            serde(try_from = "crate::wire::Quantity", into = "crate::wire::Quantity")
        )]
        pub struct $name {
            value: f64,
        }

        impl $name {
            /// The smallest value accepted.
            pub const MIN: f64 = $min;
            /// The largest value accepted.
            pub const MAX: f64 = $max;
            /// The unit the value is read and written in.
            pub const UNIT: &'static str = $unit;

            #[doc = concat!("A value in ", $unit, ".")]
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use calcinosis_dosing::", stringify!($name), ";")]
            ///
            #[doc = concat!("let v = ", stringify!($name), "::", stringify!($ctor), "(1.5)?;")]
            #[doc = concat!("assert_eq!(v.", stringify!($get), "(), 1.5);")]
            #[doc = concat!("assert!(", stringify!($name), "::", stringify!($ctor), "(f64::NAN).is_err());")]
            /// # Ok::<(), calcinosis_dosing::Error>(())
            /// ```
            ///
            /// # Errors
            ///
            /// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfRange`]
            /// outside [`Self::MIN`] to [`Self::MAX`].
            pub fn $ctor(value: f64) -> Result<Self, Error> {
                let value = check_range($field, value, Self::MIN, Self::MAX, $unit)?;
                // Read once as the decimal it was written as (nine places).
                let value = crate::exact::decimal(value).map_or(value, crate::exact::to_f64);
                Ok(Self { value })
            }

            #[doc = concat!("The value in ", $unit, ".")]
            #[must_use]
            pub const fn $get(self) -> f64 {
                self.value
            }

            /// Crate-internal constructor for values derived from validated ones.
            /// The value, exactly, as the decimal it holds (nine places).
            #[allow(dead_code, reason = "not every quantity is decided on exactly yet")]
            pub(crate) fn exact(self) -> crate::exact::Exact {
                crate::exact::decimal(self.value).unwrap_or_default()
            }

            #[allow(dead_code, reason = "not every quantity is derived by every regimen")]
            pub(crate) const fn derived(value: f64) -> Self {
                Self { value }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{} {}", number(self.value, $decimals), $unit)
            }
        }

        impl crate::format::Written for $name {
            fn written(&self) -> (f64, u8, &'static str) {
                (self.value, $decimals, $unit)
            }
        }
    };
}

scalar! {
    /// A dose rate by body weight, in mg/kg/day: finite, within 0.001 to
    /// 1,000 mg/kg/day.
    ///
    /// Its own type, so that it cannot be mistaken for a frequency, a daily
    /// dose or a dose per administration.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::DailyDosePerKg;
    ///
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(2.0)?;
    /// assert_eq!(rate.to_string(), "2 mg/kg/day");
    /// assert!(DailyDosePerKg::from_mg_per_kg_per_day(f64::NAN).is_err());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// Bounds: this crate's plausibility check (`DESIGN.md`).
    DailyDosePerKg {
        field: "dose rate",
        ctor: from_mg_per_kg_per_day,
        get: mg_per_kg_per_day,
        unit: "mg/kg/day",
        decimals: 2,
        min: 0.001,
        max: 1_000.0,
    }
}

scalar! {
    /// A dose rate by body surface area, in mg/m²/day: finite, within 0.01
    /// to 30,000 mg/m²/day.
    ///
    /// Its own type, so that it cannot be mistaken for a rate by body weight.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::probenecid::DailyDosePerM2;
    ///
    /// let rate = DailyDosePerM2::from_mg_per_m2_per_day(1200.0)?;
    /// assert_eq!(rate.to_string(), "1,200 mg/m²/day");
    /// assert!(DailyDosePerM2::from_mg_per_m2_per_day(0.0).is_err());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// Bounds: this crate's plausibility check (`DESIGN.md`); body surface
    /// area by Mosteller (`sources::MOSTELLER_1987`).
    DailyDosePerM2 {
        field: "dose rate by body surface area",
        ctor: from_mg_per_m2_per_day,
        get: mg_per_m2_per_day,
        unit: "mg/m²/day",
        decimals: 2,
        min: 0.01,
        max: 30_000.0,
    }
}

scalar! {
    /// A dose given at one administration, in mg: finite, within 0.001 to
    /// 100,000 mg.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Dose;
    ///
    /// assert_eq!(Dose::from_mg(1250.0)?.to_string(), "1,250 mg");
    /// assert_eq!(Dose::from_mg(0.5)?.to_string(), "0.5 mg");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// Bounds: this crate's plausibility check (`DESIGN.md`). Writing:
    /// clinical reference section 4 (ISMP).
    Dose {
        field: "dose",
        ctor: from_mg,
        get: mg,
        unit: "mg",
        decimals: 3,
        min: 0.001,
        max: 100_000.0,
    }
}

scalar! {
    /// A total dose per day, in mg/day: finite, within 0.001 to 100,000
    /// mg/day.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::DailyDose;
    ///
    /// assert_eq!(DailyDose::from_mg_per_day(1250.0)?.to_string(), "1,250 mg/day");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// Bounds: this crate's plausibility check (`DESIGN.md`).
    DailyDose {
        field: "daily dose",
        ctor: from_mg_per_day,
        get: mg_per_day,
        unit: "mg/day",
        decimals: 3,
        min: 0.001,
        max: 100_000.0,
    }
}

scalar! {
    /// A mass concentration (weight by volume), in mg/mL: finite, within
    /// 0.001 to 1,000 mg/mL.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Concentration;
    ///
    /// // Sodium thiosulfate injection: 12.5 g in 50 mL.
    /// let c = Concentration::from_mg_per_ml(12_500.0 / 50.0)?;
    /// assert_eq!(c.to_string(), "250 mg/mL");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// Bounds: this crate's plausibility check (`DESIGN.md`); w/v strengths
    /// are mg/mL, never % (clinical reference section 5).
    Concentration {
        field: "concentration",
        ctor: from_mg_per_ml,
        get: mg_per_ml,
        unit: "mg/mL",
        decimals: 3,
        min: 0.001,
        max: 1_000.0,
    }
}

scalar! {
    /// A mass fraction (weight by weight), in %: finite, within 0.01 to
    /// 99.99 %.
    ///
    /// A w/v strength is a [`Concentration`], a different type: one cannot
    /// be passed where the other is expected.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::MassFraction;
    ///
    /// assert_eq!(MassFraction::from_percent(10.0)?.to_string(), "10 % w/w");
    /// assert!(MassFraction::from_percent(100.0).is_err());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// Clinical reference section 5: `%` is only a mass or volume fraction.
    MassFraction {
        field: "mass fraction",
        ctor: from_percent,
        get: percent,
        unit: "% w/w",
        decimals: 2,
        min: 0.01,
        max: 99.99,
    }
}

scalar! {
    /// The labelled strength of one solid unit (a tablet or capsule), in mg:
    /// finite, within 0.001 to 10,000 mg.
    ///
    /// A strength is what the product contains, not what the patient gets:
    /// see [`Dose`].
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::UnitStrength;
    ///
    /// assert_eq!(UnitStrength::from_mg(500.0)?.to_string(), "500 mg");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// Bounds: this crate's plausibility check (`DESIGN.md`).
    UnitStrength {
        field: "strength",
        ctor: from_mg,
        get: mg,
        unit: "mg",
        decimals: 3,
        min: 0.001,
        max: 10_000.0,
    }
}

scalar! {
    /// A volume of an injectable solution, in mL: finite, within 0.01 to
    /// 1,000 mL.
    ///
    /// Used for what is injected (a ring block, an intralesional injection)
    /// and for what is prepared (a dilution's total).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::InjectionVolume;
    /// use uom::si::f64::Volume;
    /// use uom::si::volume::milliliter;
    ///
    /// assert_eq!(InjectionVolume::new(Volume::new::<milliliter>(0.5))?.to_string(), "0.5 mL");
    /// assert!(InjectionVolume::from_ml(0.0).is_err());
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// Bounds: this crate's plausibility check (`DESIGN.md`); "mL", never
    /// "cc" (clinical reference section 4).
    InjectionVolume {
        field: "volume",
        ctor: from_ml,
        get: ml,
        unit: "mL",
        decimals: 3,
        min: 0.01,
        max: 1_000.0,
    }
}

impl InjectionVolume {
    /// A volume from any uom volume (snapped to 1e-9 mL, so 0.1 mL read
    /// back from SI units stays 0.1 mL).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::InjectionVolume;
    /// use uom::si::f64::Volume;
    /// use uom::si::volume::{liter, milliliter};
    ///
    /// // 0.1 mL reads back from SI units as 0.1 mL, not 0.09999…
    /// assert_eq!(InjectionVolume::new(Volume::new::<milliliter>(0.1))?.ml(), 0.1);
    /// assert_eq!(InjectionVolume::new(Volume::new::<liter>(0.005))?.to_string(), "5 mL");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As for [`InjectionVolume::from_ml`].
    pub fn new(volume: uom::si::f64::Volume) -> Result<Self, Error> {
        let ml = volume.get::<uom::si::volume::milliliter>();
        Self::from_ml(crate::exact::canonical(ml))
    }
}

impl DailyDosePerKg {
    /// The daily dose this rate gives for a body weight.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodyWeight, DailyDosePerKg};
    ///
    /// // The documented probenecid start, 25 mg/kg/day, for a 16 kg child.
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(25.0)?;
    /// assert_eq!(rate.for_weight(BodyWeight::from_kg(16.0)?).to_string(), "400 mg/day");
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn for_weight(self, weight: crate::BodyWeight) -> DailyDose {
        DailyDose::derived(self.value * weight.kg())
    }
}

impl DailyDose {
    /// The rate by body weight this daily dose amounts to.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{BodyWeight, DailyDose};
    ///
    /// // The 1,250 mg/day the documented case reached, for a 16 kg child.
    /// let daily = DailyDose::from_mg_per_day(1250.0)?;
    /// assert_eq!(daily.per_kg(BodyWeight::from_kg(16.0)?).mg_per_kg_per_day(), 78.125);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub fn per_kg(self, weight: crate::BodyWeight) -> DailyDosePerKg {
        DailyDosePerKg::derived(self.value / weight.kg())
    }
}

// JSON: each quantity as {"value", "unit"} in the units it may be written in.
#[cfg(feature = "serde")]
crate::wire::wire_units!(DailyDosePerKg, "dose rate", "mg/kg/d", |r: DailyDosePerKg| (r.mg_per_kg_per_day(), "mg/kg/d"), {
    "mg/kg/d" => DailyDosePerKg::from_mg_per_kg_per_day,
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(crate::dose::DailyDosePerM2, "dose rate by body surface area", "mg/m2/d", |r: crate::dose::DailyDosePerM2| (r.mg_per_m2_per_day(), "mg/m2/d"), {
    "mg/m2/d" => crate::dose::DailyDosePerM2::from_mg_per_m2_per_day,
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(Dose, "dose", "mg, g", |d: Dose| (d.mg(), "mg"), {
    "mg" => Dose::from_mg,
    "g" => |g: f64| if g.is_finite() { Dose::from_mg(g * 1_000.0) } else {
        Err(crate::error::Error::NotFinite { field: "dose", value: g, unit: "g" })
    },
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(DailyDose, "daily dose", "mg/d, g/d", |d: DailyDose| (d.mg_per_day(), "mg/d"), {
    "mg/d" => DailyDose::from_mg_per_day,
    "g/d" => |g: f64| if g.is_finite() { DailyDose::from_mg_per_day(g * 1_000.0) } else {
        Err(crate::error::Error::NotFinite { field: "daily dose", value: g, unit: "g/day" })
    },
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(Concentration, "concentration", "mg/mL", |c: Concentration| (c.mg_per_ml(), "mg/mL"), {
    "mg/mL" => Concentration::from_mg_per_ml,
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(MassFraction, "mass fraction", "%", |m: MassFraction| (m.percent(), "%"), {
    "%" => MassFraction::from_percent,
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(UnitStrength, "strength", "mg", |s: UnitStrength| (s.mg(), "mg"), {
    "mg" => UnitStrength::from_mg,
});

#[cfg(feature = "serde")]
crate::wire::wire_units!(crate::dose::InjectionVolume, "volume", "mL", |v: crate::dose::InjectionVolume| (v.ml(), "mL"), {
    "mL" => crate::dose::InjectionVolume::from_ml,
});

#[cfg(feature = "serde")]
/// Serialises an achieved daily dose per kg, a derived ratio, to
/// [`RATIO_DIGITS`](crate::wire::RATIO_DIGITS) significant digits.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(crate) fn achieved<S: serde::Serializer>(
    value: &DailyDosePerKg,
    s: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(
        &crate::wire::Quantity::new(
            crate::wire::significant(value.mg_per_kg_per_day(), crate::wire::RATIO_DIGITS),
            "mg/kg/d",
        ),
        s,
    )
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;

    #[test]
    fn zero_and_negative_are_rejected() {
        assert_eq!(
            DailyDosePerKg::from_mg_per_kg_per_day(0.0)
                .unwrap_err()
                .to_string(),
            "dose rate 0 mg/kg/day is not in the allowed range 0.001 to 1,000 mg/kg/day"
        );
        assert!(Dose::from_mg(-1.0).is_err());
        assert!(Concentration::from_mg_per_ml(0.0).is_err());
        assert!(MassFraction::from_percent(0.0).is_err());
    }

    #[test]
    fn rate_and_daily_dose_convert_through_weight() {
        let w = crate::BodyWeight::from_kg(70.0).unwrap();
        let d = DailyDosePerKg::from_mg_per_kg_per_day(3.0)
            .unwrap()
            .for_weight(w);
        assert_eq!(d.mg_per_day(), 210.0);
        assert_eq!(d.per_kg(w).mg_per_kg_per_day(), 3.0);
    }
}
