//! How a product is given: route, method and instructions, each
//! instruction with the source that holds it.

use std::borrow::Cow;
use std::fmt;

use super::{Method, Route};
use crate::alert::Message;
use crate::citation::Citation;

/// One instruction for giving the product ("shake well", "swallow whole"),
/// rendered from its data, and its source.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
///
/// let child = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(2.0)?;
/// let options = diltiazem::Options::new(diltiazem::Formulation::OralSuspension);
/// let plan = diltiazem::plan(&child, rate, &options)?;
/// let first = &plan.clinical().directions().instructions()[0];
/// assert!(first.text().starts_with("shake well"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// [`source`](Self::source) names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    message: Message,
    source: Citation,
}

impl Instruction {
    pub(crate) const fn new(message: Message, source: Citation) -> Self {
        Self { message, source }
    }

    /// The instruction, in words.
    ///
    /// # Example
    ///
    /// See [`Instruction`].
    #[must_use]
    pub fn text(&self) -> String {
        self.message.to_string()
    }

    /// Where it comes from.
    ///
    /// # Example
    ///
    /// See [`Instruction`].
    #[must_use]
    pub const fn source(&self) -> Citation {
        self.source
    }
}

/// JSON: `{"text", "source"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Instruction {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut out = s.serialize_struct("Instruction", 2)?;
        out.serialize_field("text", &self.text())?;
        out.serialize_field("source", &self.source)?;
        out.end()
    }
}

impl fmt::Display for Instruction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.message, self.source.key())
    }
}

/// How a plan's product is given.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Method, Patient, Route};
///
/// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
/// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
/// let plan = diltiazem::plan(&adult, rate, &diltiazem::Options::default())?;
/// let directions = plan.clinical().directions();
/// assert_eq!((directions.route(), directions.method()), (Route::Oral, Method::Swallow));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// Each [`Instruction`] names its source.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Directions {
    route: Route,
    method: Method,
    /// Borrowed from a regimen's static list where the instructions are
    /// fixed, so that a plan does not copy them to the heap.
    instructions: Cow<'static, [Instruction]>,
}

impl Directions {
    pub(crate) fn new(
        route: Route,
        method: Method,
        instructions: impl Into<Cow<'static, [Instruction]>>,
    ) -> Self {
        Self {
            route,
            method,
            instructions: instructions.into(),
        }
    }

    /// The route.
    ///
    /// # Example
    ///
    /// See [`Directions`].
    #[must_use]
    pub const fn route(&self) -> Route {
        self.route
    }

    /// The method.
    ///
    /// # Example
    ///
    /// See [`Directions`].
    #[must_use]
    pub const fn method(&self) -> Method {
        self.method
    }

    /// The instructions, in the order they are given.
    ///
    /// # Example
    ///
    /// See [`Instruction`].
    #[must_use]
    pub fn instructions(&self) -> &[Instruction] {
        &self.instructions
    }
}

impl fmt::Display for Directions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Route: {} ({})", self.route, self.method)?;
        if !self.instructions.is_empty() {
            writeln!(f, "Directions:")?;
            for i in self.instructions.iter() {
                writeln!(f, "  - {i}")?;
            }
        }
        Ok(())
    }
}
