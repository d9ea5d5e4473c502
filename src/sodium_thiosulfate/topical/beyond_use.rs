use super::{Error, fmt, sources};
use crate::citation::Citation;

/// How long a compounded supply of cream may be used after it is made: its
/// beyond-use date, in whole days after compounding. The cream contains
/// water, so USP chapter 795 bounds it; a caller with a stability study
/// gives its own number of days.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::BeyondUseDate;
///
/// assert_eq!(BeyondUseDate::default(), BeyondUseDate::USP_NON_PRESERVED_AQUEOUS);
/// assert_eq!(BeyondUseDate::USP_NON_PRESERVED_AQUEOUS.days(), 14);
/// assert_eq!(
///     BeyondUseDate::USP_NON_PRESERVED_AQUEOUS.to_string(),
///     "14 days after compounding, stored in a refrigerator (USP 795, an aqueous preparation without a preservative)",
/// );
/// assert_eq!(BeyondUseDate::from_days(30.0)?.to_string(), "30 days after compounding (the prescriber's)");
/// assert!(BeyondUseDate::from_days(0.0).is_err());
/// assert!(BeyondUseDate::from_days(7.5).is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`], [`Error::OutOfRange`] outside 1 to 180 days, or
/// [`Error::Invalid`] for a part of a day.
///
/// # References
///
/// [`sources::USP_795`]: 14 days refrigerated
/// without a preservative (the default: the published preparation names
/// none), 35 days preserved. The bounds of a caller's value are this
/// crate's plausibility check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BeyondUseDate {
    days: u32,
    basis: Basis,
}

/// Where a beyond-use date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Basis {
    UspNonPreservedAqueous,
    UspPreservedAqueous,
    Prescriber,
}

impl BeyondUseDate {
    /// USP 795: an aqueous preparation without a preservative, 14 days in
    /// a refrigerator (the default).
    pub const USP_NON_PRESERVED_AQUEOUS: Self = Self {
        days: 14,
        basis: Basis::UspNonPreservedAqueous,
    };
    /// USP 795: a preserved aqueous preparation, 35 days.
    pub const USP_PRESERVED_AQUEOUS: Self = Self {
        days: 35,
        basis: Basis::UspPreservedAqueous,
    };
    /// The longest beyond-use date a caller may give, in days.
    pub const MAX_DAYS: u32 = 180;

    /// The prescriber's beyond-use date in days (from a stability study).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::BeyondUseDate;
    /// assert_eq!(BeyondUseDate::from_days(28.0)?.days(), 28);
    /// assert_eq!(
    ///     BeyondUseDate::from_days(200.0).unwrap_err().to_string(),
    ///     "beyond-use date 200 days is not in the allowed range 1 to 180 days",
    /// );
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    pub fn from_days(days: f64) -> Result<Self, Error> {
        let days = crate::interval::whole_days("beyond-use date", days, 1, Self::MAX_DAYS)?;
        Ok(Self {
            days,
            basis: Basis::Prescriber,
        })
    }

    /// The days after compounding a supply may be used.
    ///
    /// See [`BeyondUseDate`] for an example.
    #[must_use]
    pub const fn days(self) -> u32 {
        self.days
    }

    /// The source of the date, when it is the chapter's (none for the
    /// prescriber's own).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::BeyondUseDate;
    /// # use calcinosis_dosing::sources;
    /// assert_eq!(BeyondUseDate::USP_PRESERVED_AQUEOUS.source(), Some(sources::USP_795));
    /// assert_eq!(BeyondUseDate::from_days(21.0)?.source(), None);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn source(self) -> Option<Citation> {
        match self.basis {
            Basis::UspNonPreservedAqueous | Basis::UspPreservedAqueous => Some(sources::USP_795),
            Basis::Prescriber => None,
        }
    }
}

impl Default for BeyondUseDate {
    fn default() -> Self {
        Self::USP_NON_PRESERVED_AQUEOUS
    }
}

impl fmt::Display for BeyondUseDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if self.days == 1 { "day" } else { "days" };
        write!(f, "{} {unit} after compounding", self.days)?;
        f.write_str(match self.basis {
            Basis::UspNonPreservedAqueous => {
                ", stored in a refrigerator (USP 795, an aqueous preparation without a preservative)"
            }
            Basis::UspPreservedAqueous => " (USP 795, a preserved aqueous preparation)",
            Basis::Prescriber => " (the prescriber's)",
        })
    }
}

#[cfg(feature = "serde")]
impl Basis {
    /// The basis's JSON name.
    const fn name(self) -> &'static str {
        match self {
            Self::UspNonPreservedAqueous => "usp_non_preserved_aqueous",
            Self::UspPreservedAqueous => "usp_preserved_aqueous",
            Self::Prescriber => "prescriber",
        }
    }
}

/// The forms a request's beyond-use date may take, for its errors.
#[cfg(feature = "serde")]
const EXPECTED: &str = "\"usp_non_preserved_aqueous\", \"usp_preserved_aqueous\" or a number of days {\"value\": 28, \"unit\": \"d\"}";

// JSON: the chapter's dates by name ("usp_preserved_aqueous"), the
// prescriber's as a quantity ({"value": 28, "unit": "d"}), so that a
// request written from options reads back the same options.
#[cfg(feature = "serde")]
impl serde::Serialize for BeyondUseDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.basis {
            Basis::UspNonPreservedAqueous | Basis::UspPreservedAqueous => {
                s.serialize_str(self.basis.name())
            }
            Basis::Prescriber => crate::wire::days(&self.days, s),
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for BeyondUseDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = BeyondUseDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                [
                    BeyondUseDate::USP_NON_PRESERVED_AQUEOUS,
                    BeyondUseDate::USP_PRESERVED_AQUEOUS,
                ]
                .into_iter()
                .find(|date| date.basis.name() == v)
                .ok_or_else(|| {
                    E::custom(format!(
                        "unknown beyond-use date `{v}`: expected {EXPECTED}"
                    ))
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                let q = <crate::wire::Quantity as serde::Deserialize>::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                BeyondUseDate::try_from(q).map_err(serde::de::Error::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// The plan's JSON form: the days always, and the chapter's name when it is
/// the chapter's (`{"value": 14, "unit": "d", "basis": "usp_non_preserved_aqueous"}`).
#[cfg(feature = "serde")]
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(super) fn plan_form<S: serde::Serializer>(b: &BeyondUseDate, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut out = s.serialize_struct("BeyondUseDate", 3)?;
    out.serialize_field("value", &b.days)?;
    out.serialize_field("unit", "d")?;
    out.serialize_field("basis", b.basis.name())?;
    out.end()
}

#[cfg(feature = "serde")]
impl TryFrom<crate::wire::Quantity> for BeyondUseDate {
    type Error = Error;
    fn try_from(q: crate::wire::Quantity) -> Result<Self, Error> {
        match q.unit.as_str() {
            "d" => Self::from_days(q.value),
            _ => Err(Error::UnknownUnit {
                field: "beyond-use date",
                unit: q.unit,
                expected: "d",
            }),
        }
    }
}
