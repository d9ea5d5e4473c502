//! Safe writing of numbers for doses (clinical reference, section 4).
//!
//! Leading zero always ("0.5"), never a trailing zero ("1", not "1.0"),
//! thousands separated with a comma ("1,250").

use std::fmt;
use std::fmt::Write as _;

/// Formats `value` with at most `max_decimals` decimals, then drops trailing
/// zeros, keeps a leading zero and groups thousands with commas.
pub(crate) fn number(value: f64, max_decimals: usize) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "infinity" } else { "-infinity" }.to_owned();
    }
    // Absurd magnitudes (a unit slip, 1e308) in scientific notation rather
    // than hundreds of digits.
    if value.abs() >= 1e15 {
        return format!("{value:e}");
    }
    // Half away from zero (78.125 → 78.13), the clinical reading of a tie,
    // not the round-half-to-even of the standard formatter.
    let scale = 10_f64.powi(i32::try_from(max_decimals).unwrap_or(i32::MAX));
    let rounded = (value * scale).round() / scale;
    let rounded = if rounded.is_finite() { rounded } else { value };
    // One buffer, no other allocation: the digits are written into it,
    // then its trailing zeros are cut and its thousands commas inserted in
    // place. The shortest decimal that reads back as `rounded` is the fixed
    // form without its trailing zeros when it has no more decimals than
    // asked (see `write_shortest_within`); the fixed form is the slow path.
    let mut out = String::with_capacity(24);
    if !write_shortest_within(&mut out, rounded, max_decimals) {
        out.clear();
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{rounded:.max_decimals$}");
    }
    if out.contains('.') {
        let kept = out.trim_end_matches('0').trim_end_matches('.').len();
        out.truncate(kept);
    }
    // A negative amount that rounds to zero is written "0".
    if out == "-0" {
        out.remove(0);
    }
    let first_digit = usize::from(out.starts_with('-'));
    let mut comma = out.find('.').unwrap_or(out.len());
    while comma > first_digit + 3 {
        comma -= 3;
        out.insert(comma, ',');
    }
    out
}

/// Writes the shortest decimal that reads back as `x` to `out` (empty),
/// and says whether it has at most `max_decimals` (≤ 9) decimals and
/// `|x| < 1e6`; `false` otherwise (and `out` is then to be cleared).
///
/// Then it is also `x` written to `max_decimals` places without the
/// trailing zeros: below 10^6 an f64 lies within 6·10^-11 of that decimal
/// (half its spacing), far inside the 5·10^-10 that rounding to nine places
/// allows, so the fixed form rounds to the same digits. Formatting the
/// shortest form is several times faster than the fixed one, which falls
/// back to big-number arithmetic for many values.
fn write_shortest_within(out: &mut String, x: f64, max_decimals: usize) -> bool {
    if !x.is_finite() || x.abs() >= 1e6 || max_decimals > 9 {
        return false;
    }
    // Writing to a `String` cannot fail.
    let _ = write!(out, "{x}");
    let decimals = out.split_once('.').map_or(0, |(_, f)| f.len());
    decimals <= max_decimals
}

/// Like [`number`], with at least `min_decimals` decimals when needed and
/// enough to show two significant digits, so a small positive amount is
/// never written "0" (0.002 g, not 0 g; 0.0035 FTU, not 0 FTU).
pub(crate) fn small_number(value: f64, min_decimals: usize) -> String {
    if value == 0.0 || !value.is_finite() {
        return number(value, min_decimals);
    }
    // Two significant digits: decimals = 1 - floor(log10(|v|)), within 0..=9.
    let magnitude = value.abs().log10().floor();
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=9 before the cast"
    )]
    let needed = (1.0 - magnitude).clamp(0.0, 9.0) as usize;
    number(value, needed.max(min_decimals))
}

/// A quantity as the crate writes it: its value, the most decimals it is
/// written with, and its unit ("3 mg/kg/day", "70 kg", "730.4 days").
///
/// Messages record quantities through it, so a figure in an alert is
/// written exactly as the quantity's own `Display` writes it.
pub(crate) trait Written {
    /// The value, its decimals and its unit as written.
    fn written(&self) -> (f64, u8, &'static str);
}

/// `unit` as written after `value`: a unit of time in the singular for
/// exactly 1 ("1 year", "1 day"), otherwise as given ("0.5 years").
pub(crate) fn unit_after(value: f64, unit: &'static str) -> &'static str {
    #[allow(clippy::float_cmp, reason = "only an exact 1 is singular")]
    let one = value == 1.0;
    match (one, unit) {
        (true, "years") => "year",
        (true, "months") => "month",
        (true, "weeks") => "week",
        (true, "days") => "day",
        _ => unit,
    }
}

/// A number written the safe way with up to three decimals, for messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num(pub(crate) f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&number(self.0, 3))
    }
}

/// Shorthand for error messages: `num(.value)` in a `thiserror` attribute.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "thiserror passes fields by reference"
)]
pub(crate) fn num(value: &f64) -> Num {
    Num(*value)
}

/// `value` written beside `limit` precisely enough to show which side of it
/// it lies on: `max_decimals` places, or more (up to nine) when fewer would
/// print a value on the wrong side of, or equal to, a limit it is not.
pub(crate) fn number_beside(value: f64, limit: f64, max_decimals: usize) -> String {
    let side = value.partial_cmp(&limit);
    for decimals in max_decimals..=9 {
        let text = number(value, decimals);
        let shown: f64 = text.replace(',', "").parse().unwrap_or(value);
        if shown.partial_cmp(&limit) == side {
            return text;
        }
    }
    number(value, 9)
}

/// A signed percentage with one decimal ("+28.6 %", "-14.3 %", "0 %").
pub(crate) fn signed_percent(fraction: f64) -> String {
    let text = number(fraction * 100.0, 1);
    if text.starts_with('-') || text == "0" {
        format!("{text} %")
    } else {
        format!("+{text} %")
    }
}

/// A number as the plan JSON writes it: to the crate's resolution of nine
/// decimal places (so `0.30000000000000004` is `0.3`), and a whole number
/// without a decimal point (`210`, not `210.0`).
#[cfg(feature = "serde")]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number(pub(crate) f64);

#[cfg(feature = "serde")]
impl serde::Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        if !x.is_finite() {
            return s.serialize_f64(x);
        }
        // The decimal to nine places, read back: the nearest f64 to it, which
        // prints as that decimal. A value whose shortest form has at most
        // nine decimals is that f64 already (see `write_shortest_within`).
        let clean = if write_shortest_within(&mut String::new(), x, 9) {
            x
        } else if x.abs() < 1e15 {
            format!("{x:.9}").parse::<f64>().unwrap_or(x)
        } else {
            x
        };
        if clean.fract() == 0.0 && clean.abs() < 9.007e15 {
            #[allow(
                clippy::cast_possible_truncation,
                reason = "a whole number below 2^53 is exact in an i64"
            )]
            s.serialize_i64(clean as i64)
        } else {
            s.serialize_f64(clean)
        }
    }
}

/// The UCUM code of a unit as written on a plan ("mg/kg/day" → "mg/kg/d"),
/// so that alert limits on the wire use the same codes as quantities.
pub(crate) fn ucum_code(display: &str) -> &str {
    match display {
        "mg/kg/day" => "mg/kg/d",
        "mg/m²/day" => "mg/m2/d",
        "mg/day" => "mg/d",
        "per day" => "/d",
        "years" => "a",
        "months" => "mo",
        "weeks" => "wk",
        "days" => "d",
        "m²" => "m2",
        "mL/min/1.73 m²" => "mL/min/{1.73_m2}",
        "% w/w" => "%",
        "cm²" => "cm2",
        "sessions" => "{session}",
        other => other,
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the values compared are exact by construction"
)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The fixed form to `decimals` places without its trailing zeros.
    fn fixed_trimmed(x: f64, decimals: usize) -> String {
        let fixed = format!("{x:.decimals$}");
        if fixed.contains('.') {
            fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            fixed
        }
    }

    proptest! {
        /// The fast path writes what the fixed form writes, for values
        /// rounded to their decimals as `number` rounds them, and for
        /// any value at all.
        #[test]
        fn the_shortest_form_is_the_fixed_form(
            units in -999_999_999_999_999_i64..=999_999_999_999_999,
            decimals in 0_usize..=9,
            any in -1e6_f64..1e6,
        ) {
            let scale = 10_f64.powi(i32::try_from(decimals).unwrap());
            #[allow(clippy::cast_precision_loss, reason = "a generated value")]
            let rounded = ((units as f64) / scale * scale).round() / scale;
            for x in [rounded, any, (any * scale).round() / scale] {
                let mut short = String::new();
                if write_shortest_within(&mut short, x, decimals) {
                    prop_assert_eq!(short, fixed_trimmed(x, decimals), "{} to {} places", x, decimals);
                }
            }
        }
    }

    /// `number` as it was written before it used one buffer: the fixed
    /// form split into sign, whole and fraction, the whole grouped by
    /// threes into a new string. The oracle for the property below.
    fn number_by_parts(value: f64, max_decimals: usize) -> String {
        if !value.is_finite() || value.abs() >= 1e15 {
            return number(value, max_decimals);
        }
        let scale = 10_f64.powi(i32::try_from(max_decimals).unwrap());
        let rounded = (value * scale).round() / scale;
        let rounded = if rounded.is_finite() { rounded } else { value };
        let fixed = format!("{rounded:.max_decimals$}");
        let (sign, digits) = match fixed.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", fixed.as_str()),
        };
        let (int_part, frac_part) = match digits.split_once('.') {
            Some((i, f)) => (i, f.trim_end_matches('0')),
            None => (digits, ""),
        };
        let mut grouped = String::new();
        for (i, ch) in int_part.chars().enumerate() {
            if i > 0 && (int_part.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let is_zero = grouped.chars().all(|c| c == '0' || c == ',') && frac_part.is_empty();
        let sign = if is_zero { "" } else { sign };
        if frac_part.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}.{frac_part}")
        }
    }

    proptest! {
        /// Written in one buffer, a number reads as it did by parts: the
        /// same digits, commas, sign and decimals, for any magnitude the
        /// crate writes in full and any number of decimals it asks for.
        #[test]
        fn one_buffer_writes_what_the_parts_wrote(
            x in prop_oneof![
                -1e15_f64..1e15,
                -1e6_f64..1e6,
                -1_000.0_f64..1_000.0,
                -1.0_f64..1.0,
                (-1_000_000_i32..1_000_000).prop_map(|n| f64::from(n) / 1_000.0),
            ],
            decimals in 0_usize..=12,
        ) {
            prop_assert_eq!(number(x, decimals), number_by_parts(x, decimals), "{} to {}", x, decimals);
        }
    }

    #[test]
    fn leading_zero_and_no_trailing_zero() {
        assert_eq!(number(0.5, 3), "0.5");
        assert_eq!(number(1.0, 3), "1");
        assert_eq!(number(0.099_999_999_999_999_99, 3), "0.1");
        assert_eq!(number(2.50, 2), "2.5");
        assert_eq!(number(78.125, 2), "78.13");
        assert_eq!(number(-6.25, 1), "-6.3");
    }

    #[test]
    fn small_amounts_are_never_zero() {
        assert_eq!(small_number(0.002_1, 2), "0.0021");
        assert_eq!(small_number(0.105, 2), "0.11");
        assert_eq!(small_number(0.21, 2), "0.21");
        assert_eq!(small_number(38.39, 2), "38.39");
        assert_eq!(small_number(0.0, 2), "0");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(number(1250.0, 3), "1,250");
        assert_eq!(number(12_500.0, 0), "12,500");
        assert_eq!(number(1_234_567.25, 2), "1,234,567.25");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(-1250.5, 1), "-1,250.5");
    }

    #[test]
    fn absurd_magnitudes_are_scientific() {
        assert_eq!(number(1e308, 3), "1e308");
        assert_eq!(number(-2.5e20, 3), "-2.5e20");
    }

    #[test]
    fn negative_zero_is_zero() {
        assert_eq!(number(-0.000_1, 2), "0");
    }

    #[test]
    fn non_finite_values_are_named() {
        assert_eq!(number(f64::NAN, 2), "NaN");
        assert_eq!(number(f64::INFINITY, 2), "infinity");
        assert_eq!(number(f64::NEG_INFINITY, 2), "-infinity");
    }

    #[test]
    fn percentages_carry_their_sign() {
        assert_eq!(signed_percent(0.2857), "+28.6 %");
        assert_eq!(signed_percent(-0.1429), "-14.3 %");
        assert_eq!(signed_percent(0.0), "0 %");
    }
}
