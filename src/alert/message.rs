//! An alert's message as data: a fixed sentence with `{}` marks, filled in
//! order by typed arguments, rendered only when it is shown.
//!
//! Planning records the numbers (with their units and the precision they
//! are written to); nothing is formatted until `Display` or the JSON writer
//! asks for it. The numbers are readable as [`Figure`]s.

use std::fmt;

use crate::format::{Written, number, number_beside, signed_percent, unit_after};
use crate::interval::Interval;

/// The most arguments one message takes.
const MAX_ARGS: usize = 16;

/// One number an alert states: what it is, its value and its unit.
///
/// `unit` is the unit as the message writes it ("mg/kg/day"); on the wire
/// it is written as its UCUM code ("mg/kg/d").
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
///
/// let patient = Patient::new(BodyWeight::from_kg(150.0)?, Age::from_years(60.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&patient, rate, &diltiazem::Options::default())?;
/// // 150 kg at 3 mg/kg/day is 450 mg/day, limited to 360 mg/day.
/// let calculated = plan.alerts()[0].figures().find(|f| f.name() == "calculated").unwrap();
/// assert_eq!((calculated.value(), calculated.unit()), (450.0, "mg/day"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Each alert's [`source`](crate::Alert::source) holds the limit the
/// figures are compared with.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Figure {
    name: &'static str,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::number"))]
    value: f64,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::ucum_unit"))]
    unit: &'static str,
}

impl Figure {
    /// What the number is ("calculated", "maximum", "achieved", "age").
    ///
    /// # Example
    ///
    /// See [`Figure`].
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The value, in [`unit`](Self::unit).
    ///
    /// # Example
    ///
    /// See [`Figure`].
    #[must_use]
    pub const fn value(&self) -> f64 {
        self.value
    }

    /// The unit as the message writes it ("mg/day", "mg/kg/day", "%",
    /// "days"); empty for a count.
    ///
    /// # Example
    ///
    /// See [`Figure`].
    #[must_use]
    pub const fn unit(&self) -> &'static str {
        self.unit
    }
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    /// A number with at most `decimals` decimals, then its unit (if any
    /// and if `shown`; a range writes its unit once, after its upper end).
    Quantity {
        name: &'static str,
        value: f64,
        decimals: u8,
        unit: &'static str,
        shown: bool,
    },
    /// A number written beside `limit`, precisely enough to show which
    /// side of it it lies on, then its unit.
    Beside {
        name: &'static str,
        value: f64,
        limit: f64,
        decimals: u8,
        unit: &'static str,
    },
    /// A signed change in percent ("-14.3 %"), given as a fraction.
    Change { name: &'static str, fraction: f64 },
    /// An interval as a repetition ("weekly", "every 4 weeks").
    Every(Interval),
    /// An interval as a length of time ("1 week", "4 weeks").
    Length(Interval),
    /// Fixed words chosen by the plan (a name, a side, a frequency).
    Words(&'static str),
    /// Text the caller gave (an override's reason), shown as given.
    Given(Box<str>),
    /// A clause chosen by the plan, itself a message.
    Clause(Box<Message>),
    /// Messages joined by "; ".
    List(Box<[Message]>),
}

impl Arg {
    /// A number to `decimals` decimals with its unit.
    pub(crate) const fn quantity(
        name: &'static str,
        value: f64,
        decimals: u8,
        unit: &'static str,
    ) -> Self {
        Self::Quantity {
            name,
            value,
            decimals,
            unit,
            shown: true,
        }
    }

    /// A number whose unit the sentence writes elsewhere (once for a
    /// range, "1 to 3 mg/kg/day"; in words, "4 doses"): written without
    /// it, its figure keeps it.
    pub(crate) const fn unit_elsewhere(
        name: &'static str,
        value: f64,
        decimals: u8,
        unit: &'static str,
    ) -> Self {
        Self::Quantity {
            name,
            value,
            decimals,
            unit,
            shown: false,
        }
    }

    /// A quantity written as its own `Display` writes it.
    pub(crate) fn of(name: &'static str, quantity: &impl Written) -> Self {
        let (value, decimals, unit) = quantity.written();
        Self::quantity(name, value, decimals, unit)
    }

    /// The figure this argument states, if it is a number.
    fn figure(&self) -> Option<Figure> {
        match *self {
            Self::Quantity {
                name, value, unit, ..
            }
            | Self::Beside {
                name, value, unit, ..
            } => Some(Figure { name, value, unit }),
            Self::Change { name, fraction } => Some(Figure {
                name,
                value: fraction * 100.0,
                unit: "%",
            }),
            Self::Every(interval) | Self::Length(interval) => Some(Figure {
                name: "interval",
                value: f64::from(interval.days()),
                unit: "days",
            }),
            Self::Words(_) | Self::Given(_) | Self::Clause(_) | Self::List(_) => None,
        }
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = |f: &mut fmt::Formatter<'_>, unit: &str| {
            if unit.is_empty() {
                Ok(())
            } else {
                write!(f, " {unit}")
            }
        };
        match self {
            Self::Quantity {
                value,
                decimals,
                unit: u,
                shown,
                ..
            } => {
                f.write_str(&number(*value, usize::from(*decimals)))?;
                if *shown {
                    unit(f, unit_after(*value, u))
                } else {
                    Ok(())
                }
            }
            Self::Beside {
                value,
                limit,
                decimals,
                unit: u,
                ..
            } => {
                f.write_str(&number_beside(*value, *limit, usize::from(*decimals)))?;
                unit(f, u)
            }
            Self::Change { fraction, .. } => f.write_str(&signed_percent(*fraction)),
            Self::Every(interval) => write!(f, "{interval}"),
            Self::Length(interval) => write!(f, "{}", interval.length()),
            Self::Words(words) => f.write_str(words),
            Self::Given(text) => f.write_str(text),
            Self::Clause(message) => write!(f, "{message}"),
            Self::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{item}")?;
                }
                Ok(())
            }
        }
    }
}

/// A sentence with `{}` marks and the arguments that fill them, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Message {
    template: &'static str,
    args: [Option<Arg>; MAX_ARGS],
}

impl Message {
    /// A message whose `{}` marks are filled by `args`, in order.
    ///
    /// Every message of the crate is rendered by the tests (the golden
    /// plans and each alert's own tests); a count of arguments that does
    /// not match the marks fails them in debug builds.
    pub(crate) fn new(template: &'static str, args: impl IntoIterator<Item = Arg>) -> Self {
        let mut slots: [Option<Arg>; MAX_ARGS] = Default::default();
        let mut given = 0;
        let mut args = args.into_iter();
        for slot in &mut slots {
            let Some(arg) = args.next() else { break };
            *slot = Some(arg);
            given += 1;
        }
        given += args.count();
        debug_assert_eq!(
            template.matches("{}").count(),
            given,
            "the arguments of \"{template}\""
        );
        Self {
            template,
            args: slots,
        }
    }

    /// A message without arguments.
    pub(crate) fn text(template: &'static str) -> Self {
        Self::new(template, [])
    }

    /// The numbers the message states, in order (those of a list, too).
    pub(crate) fn figures(&self) -> impl Iterator<Item = Figure> + '_ {
        self.args
            .iter()
            .flatten()
            .flat_map(|arg| -> Box<dyn Iterator<Item = Figure> + '_> {
                match arg {
                    Arg::Clause(message) => Box::new(message.figures()),
                    Arg::List(items) => Box::new(items.iter().flat_map(Self::figures)),
                    other => Box::new(other.figure().into_iter()),
                }
            })
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut args = self.args.iter().flatten();
        let mut rest = self.template;
        while let Some(at) = rest.find("{}") {
            f.write_str(&rest[..at])?;
            match args.next() {
                Some(arg) => write!(f, "{arg}")?,
                None => f.write_str("{}")?,
            }
            rest = &rest[at + 2..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the values compared are exact")]
mod tests {
    use super::*;

    #[test]
    fn fills_the_marks_in_order() {
        let m = Message::new(
            "{} × {} = {}, {} the {}",
            [
                Arg::quantity("rate", 3.0, 3, "mg/kg/day"),
                Arg::quantity("weight", 150.0, 3, "kg"),
                Arg::quantity("calculated", 1250.0, 3, "mg/day"),
                Arg::Words("above"),
                Arg::Every(Interval::WEEKLY),
            ],
        );
        assert_eq!(
            m.to_string(),
            "3 mg/kg/day × 150 kg = 1,250 mg/day, above the weekly"
        );
        let names: Vec<_> = m.figures().map(|f| (f.name(), f.value())).collect();
        assert_eq!(
            names,
            [
                ("rate", 3.0),
                ("weight", 150.0),
                ("calculated", 1250.0),
                ("interval", 7.0)
            ]
        );
    }

    #[test]
    fn a_value_beside_a_limit_shows_its_side_and_changes_are_signed() {
        let m = Message::new(
            "{} against {}",
            [
                Arg::Beside {
                    name: "achieved",
                    value: 3.0004,
                    limit: 3.0,
                    decimals: 2,
                    unit: "mg/kg/day",
                },
                Arg::Change {
                    name: "deviation",
                    fraction: -0.142_857,
                },
            ],
        );
        assert_eq!(m.to_string(), "3.0004 mg/kg/day against -14.3 %");
    }

    #[test]
    fn lists_join_with_semicolons_and_keep_their_figures() {
        let item = |day: f64| Message::new("day {}", [Arg::unit_elsewhere("day", day, 0, "days")]);
        let m = Message::new(
            "less often ({})",
            [Arg::List(vec![item(0.0), item(28.0)].into_boxed_slice())],
        );
        assert_eq!(m.to_string(), "less often (day 0; day 28)");
        assert_eq!(m.figures().count(), 2);
    }
}
