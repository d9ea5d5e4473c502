//! JSON wire forms (feature `serde`): every quantity is
//! `{"value": number, "unit": "<UCUM code>"}`.
//!
//! uom's own serde writes bare numbers in SI base units (a daily dose comes
//! out in kg/s), so it is never used on the wire (clinical reference section
//! 6). Deserialising goes through the validating constructors: a bad value in
//! JSON gets the same error as the same value in Rust.

use serde::{Deserialize, Serialize, Serializer};

/// A number with its UCUM unit code.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a quantity {\"value\": number, \"unit\": \"<UCUM code>\"}"
)]
pub(crate) struct Quantity {
    pub(crate) value: f64,
    pub(crate) unit: String,
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut q = s.serialize_struct("Quantity", 2)?;
        q.serialize_field("value", &Number(self.value))?;
        q.serialize_field("unit", &self.unit)?;
        q.end()
    }
}

/// A count (grid sessions, packs per batch) as JSON writes it: a whole
/// number, `3` and `3.0` alike, since JSON has one kind of number and JSON
/// Schema's `"integer"` accepts both (the request schema says `integer`).
/// A fraction, a negative number or one beyond `u32` is refused, naming
/// the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Count(pub(crate) u32);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, Unexpected, Visitor};

        struct Whole;
        impl Visitor<'_> for Whole {
            type Value = Count;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a whole number (a count)")
            }

            fn visit_u64<E: Error>(self, v: u64) -> Result<Count, E> {
                u32::try_from(v)
                    .map(Count)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }

            fn visit_i64<E: Error>(self, v: i64) -> Result<Count, E> {
                u32::try_from(v)
                    .map(Count)
                    .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
            }

            fn visit_f64<E: Error>(self, v: f64) -> Result<Count, E> {
                if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
                    #[allow(
                        clippy::cast_possible_truncation,
                        clippy::cast_sign_loss,
                        reason = "a whole number within 0 to u32::MAX, checked above"
                    )]
                    Ok(Count(v as u32))
                } else {
                    Err(E::invalid_value(Unexpected::Float(v), &self))
                }
            }
        }
        // `any`, not `u32`: a request is read through its regimen tag, and
        // serde's buffered content gives a float only to `any`.
        d.deserialize_any(Whole)
    }
}

/// Reads an optional count (`null` or absent: `None`) as [`Count`] does.
#[allow(
    clippy::unnecessary_wraps,
    reason = "serde's deserialize_with signature for an Option field"
)]
pub(crate) fn optional_count<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<u32>, D::Error> {
    Ok(Option::<Count>::deserialize(d)?.map(|c| c.0))
}

/// Serialises a bare number the way [`Number`] writes it.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(crate) fn number<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    Number(*value).serialize(s)
}

pub(crate) use crate::format::Number;

impl Quantity {
    pub(crate) fn new(value: f64, unit: &str) -> Self {
        Self {
            value,
            unit: unit.to_owned(),
        }
    }
}

/// Serialises a bare f64 of mL as a quantity.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(crate) fn ml<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    Quantity::new(*value, "mL").serialize(s)
}

/// Serialises a bare f64 of percent as a quantity.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(crate) fn percent<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    Quantity::new(significant(*value, RATIO_DIGITS), "%").serialize(s)
}

/// Significant digits of a derived ratio on the wire (a deviation, an
/// achieved mg/kg/day): 6, far finer than any dose is measured.
pub(crate) const RATIO_DIGITS: usize = 6;

/// `x` to `digits` significant digits (ties as the decimal formatter
/// rounds them; a display value only, never a decision).
pub(crate) fn significant(x: f64, digits: usize) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    // When the shortest form that reads back as `x` has no more
    // significant digits than asked, rounding `x` to them gives that form
    // again (x lies within half its own spacing of it, far inside half a
    // unit of the last digit kept, for up to 15 digits): `x` itself.
    if digits <= 15 {
        let shortest = format!("{x:e}");
        let mantissa = shortest
            .split_once('e')
            .map_or(shortest.as_str(), |(m, _)| m);
        if mantissa.chars().filter(char::is_ascii_digit).count() <= digits {
            return x;
        }
    }
    format!("{:.*e}", digits.saturating_sub(1), x)
        .parse()
        .unwrap_or(x)
}

/// `observed` to [`RATIO_DIGITS`] significant digits, or more when fewer
/// would put it on the other side of `limit`, or on it.
pub(crate) fn beside(observed: f64, limit: f64) -> f64 {
    let side = observed.partial_cmp(&limit);
    (RATIO_DIGITS..=17)
        .map(|d| significant(observed, d))
        .find(|v| v.partial_cmp(&limit) == side)
        .unwrap_or(observed)
}

/// A lower bound as a percentage: to [`RATIO_DIGITS`] significant digits,
/// or more when fewer would round it above the true value (an "at least"
/// never claims more than the data).
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(crate) fn percent_lower_bound<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    Quantity::new(lower_bound(*value), "%").serialize(s)
}

/// `value` to [`RATIO_DIGITS`] significant digits, rounded down.
fn lower_bound(value: f64) -> f64 {
    let nearest = significant(value, RATIO_DIGITS);
    if nearest <= value || !value.is_finite() || value <= 0.0 {
        return nearest;
    }
    // One unit down in the last significant digit, when the nearest
    // rounded up; the longer form only if the float still lands above.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "the decimal exponent of a finite f64 fits an i32"
    )]
    let exponent = value.log10().floor() as i32;
    let digits = i32::try_from(RATIO_DIGITS).unwrap_or(6);
    let down = significant(nearest - 10_f64.powi(exponent - digits + 1), RATIO_DIGITS);
    if down <= value {
        return down;
    }
    (RATIO_DIGITS..=17)
        .map(|d| significant(value, d))
        .find(|&v| v <= value)
        .unwrap_or(value)
}

/// Serialises a count of halves as a number of units (1.5).
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(crate) fn halves_as_count<S: Serializer>(halves: &u64, s: S) -> Result<S::Ok, S::Error> {
    #[allow(
        clippy::cast_precision_loss,
        reason = "half-tablet counts are far below 2^52, so exact"
    )]
    let count = *halves as f64 / 2.0;
    Number(count).serialize(s)
}

pub(crate) use crate::format::ucum_code;

/// Serialises a display unit as its UCUM code.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(crate) fn ucum_unit<S: Serializer>(unit: &&'static str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(ucum_code(unit))
}

/// Declares the wire conversions for a type read in one or more units.
macro_rules! wire_units {
    ($ty:ty, $field:literal, $expected:literal, $to_wire:expr, { $($code:literal => $ctor:expr),+ $(,)? }) => {
        impl TryFrom<$crate::wire::Quantity> for $ty {
            type Error = $crate::error::Error;
            fn try_from(q: $crate::wire::Quantity) -> Result<Self, $crate::error::Error> {
                match q.unit.as_str() {
                    $($code => ($ctor)(q.value),)+
                    _ => Err($crate::error::Error::UnknownUnit {
                        field: $field,
                        unit: q.unit,
                        expected: $expected,
                    }),
                }
            }
        }

        impl From<$ty> for $crate::wire::Quantity {
            fn from(v: $ty) -> Self {
                let (value, unit): (f64, &str) = ($to_wire)(v);
                $crate::wire::Quantity::new(value, unit)
            }
        }
    };
}
pub(crate) use wire_units;

/// Serialises a bare f64 of grams as a quantity.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(crate) fn g<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    Quantity::new(*value, "g").serialize(s)
}

/// Serialises a whole number of days as a quantity in UCUM `d`.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
pub(crate) fn days<S: Serializer>(value: &u32, s: S) -> Result<S::Ok, S::Error> {
    Quantity::new(f64::from(*value), "d").serialize(s)
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {

    proptest::proptest! {
        /// The shortcut in `significant` gives what rounding through the
        /// exponent form gives, for any value and 1 to 17 digits.
        #[test]
        fn significant_digits_as_the_exponent_form_rounds(
            x in proptest::num::f64::NORMAL,
            short in -1e6_f64..1e6,
            digits in 1_usize..=17,
        ) {
            for v in [x, short, significant(short, 4)] {
                let want: f64 = format!("{:.*e}", digits - 1, v).parse().unwrap();
                proptest::prop_assert_eq!(significant(v, digits), want, "{} to {} digits", v, digits);
            }
        }
    }

    #[test]
    fn a_lower_bound_is_never_written_above_its_value() {
        assert_eq!(lower_bound(0.679_292_771), 0.679_292);
        assert_eq!(lower_bound(0.499_230_5), 0.499_23);
        assert_eq!(lower_bound(5.0), 5.0);
        for x in [1e-3, 0.123_456_789, 9.999_999_9, 42.424_242, 99.999_999] {
            assert!(lower_bound(x) <= x, "{x}");
            assert!(x - lower_bound(x) <= x * 1e-5, "{x}");
        }
    }

    use super::*;
    use crate::dose::DailyDosePerKg;
    use crate::patient::KG_PER_POUND;
    use crate::patient::{Age, BodyWeight};

    fn q(value: f64, unit: &str) -> Quantity {
        Quantity::new(value, unit)
    }

    #[test]
    fn alert_units_have_ucum_codes() {
        for (display, code) in [
            ("mg/kg/day", "mg/kg/d"),
            ("mg/m²/day", "mg/m2/d"),
            ("mg/day", "mg/d"),
            ("per day", "/d"),
            ("years", "a"),
            ("days", "d"),
            ("% w/w", "%"),
            ("%", "%"),
            ("kg", "kg"),
            ("mL/min", "mL/min"),
        ] {
            assert_eq!(ucum_code(display), code);
        }
    }

    #[test]
    fn weight_units_agree() {
        let kg = BodyWeight::try_from(q(70.0, "kg")).unwrap();
        let g = BodyWeight::try_from(q(70_000.0, "g")).unwrap();
        let lb = BodyWeight::try_from(q(70.0 / KG_PER_POUND, "[lb_av]")).unwrap();
        assert_eq!(kg, g);
        assert!((kg.kg() - lb.kg()).abs() < 1e-9);
    }

    #[test]
    fn unknown_and_wrong_dimension_units_name_the_field() {
        assert_eq!(
            BodyWeight::try_from(q(70.0, "mL")).unwrap_err().to_string(),
            "unknown unit 'mL' for weight: expected one of kg, g, [lb_av]"
        );
        assert_eq!(
            Age::try_from(q(4.0, "years")).unwrap_err().to_string(),
            "unknown unit 'years' for age: expected one of a, mo, wk, d"
        );
    }

    #[test]
    fn json_gets_the_constructor_error() {
        let err = serde_json::from_str::<BodyWeight>(r#"{"value": 0, "unit": "kg"}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&BodyWeight::from_kg(0.0).unwrap_err().to_string())
        );
        let err = serde_json::from_str::<BodyWeight>(r#"{"value": 1, "unit": "kg", "x": 1}"#)
            .unwrap_err();
        assert!(err.to_string().contains("unknown field `x`"));
    }

    #[test]
    fn serialises_as_value_and_ucum_unit() {
        let w = BodyWeight::from_kg(20.0).unwrap();
        assert_eq!(
            serde_json::to_string(&w).unwrap(),
            r#"{"value":20,"unit":"kg"}"#
        );
        let r = DailyDosePerKg::from_mg_per_kg_per_day(2.0).unwrap();
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"value":2,"unit":"mg/kg/d"}"#
        );
    }
}
