//! JSON requests and plans (feature `serde`).
//!
//! A request names its regimen in `"regimen"` and carries the same inputs as
//! the Rust API, each quantity as `{"value": number, "unit": "<UCUM code>"}`.
//! Unknown fields are rejected; every value goes through the validating
//! constructors, so a bad JSON value gets the same error as a bad Rust value.

mod check;
mod json;
mod record;
mod schema;

pub use self::check::{Violation, check_plan};
pub use self::record::PlanRecord;
pub use self::schema::request_schema;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diltiazem;
use crate::error::Error;
use crate::probenecid;
use crate::sodium_thiosulfate::{intralesional, topical};

/// A request for a plan, as read from JSON.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Request;
///
/// let json = r#"{
///   "regimen": "diltiazem",
///   "patient": {"weight": {"value": 70, "unit": "kg"}, "age": {"value": 50, "unit": "a"}},
///   "rate": {"value": 3, "unit": "mg/kg/d"},
///   "formulation": "immediate_release"
/// }"#;
/// let request: Request = serde_json::from_str(json)?;
/// let plan = request.plan()?;
/// assert!(plan.to_string().contains("60 mg (1 tablet of 60 mg) 3 times daily"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "regimen", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Request {
    /// Oral diltiazem, 1–3 mg/kg/day.
    Diltiazem(diltiazem::Request),
    /// Oral probenecid titration to a target (25 mg/kg/day start for a
    /// child, the label's adult schedule over 50 kg or from 15 years).
    Probenecid(probenecid::Request),
    /// Topical 10 % sodium thiosulfate in cold cream.
    Topical(topical::Request),
    /// Intralesional sodium thiosulfate 150 mg/mL, the case series.
    IntralesionalCaseSeries(intralesional::CaseSeriesRequest),
    /// Intralesional sodium thiosulfate 250 mg/mL, the grid technique.
    IntralesionalGrid(intralesional::GridRequest),
}

impl Request {
    /// Computes the plan the request asks for.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Error, Plan, Request};
    /// let json = r#"{"regimen": "diltiazem",
    ///   "patient": {"weight": {"value": 60, "unit": "kg"}, "age": {"value": 50, "unit": "a"}},
    ///   "rate": {"value": 3, "unit": "mg/kg/d"}}"#;
    /// let Plan::Diltiazem(plan) = serde_json::from_str::<Request>(json)?.plan()? else { unreachable!() };
    /// assert_eq!(plan.schedule().total().to_string(), "180 mg/day");
    /// // 4 mg/kg/day is outside the documented 1–3 mg/kg/day.
    /// let above: Request = serde_json::from_str(&json.replace(r#""value": 3,"#, r#""value": 4,"#))?;
    /// assert!(matches!(above.plan(), Err(Error::OutsideRegimen { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Whatever the regimen's planning function returns; see
    /// [`crate::diltiazem::plan`].
    pub fn plan(&self) -> Result<Plan, Error> {
        let (regimen, result) = match self {
            Self::Diltiazem(r) => ("diltiazem", r.plan().map(Plan::Diltiazem)),
            Self::Probenecid(r) => ("probenecid", r.plan().map(Plan::Probenecid)),
            Self::Topical(r) => ("topical", r.plan().map(Plan::Topical)),
            Self::IntralesionalCaseSeries(r) => (
                "intralesional_case_series",
                r.plan().map(Plan::IntralesionalCaseSeries),
            ),
            Self::IntralesionalGrid(r) => {
                ("intralesional_grid", r.plan().map(Plan::IntralesionalGrid))
            }
        };
        result.map_err(|mut e| {
            if let Some(field) = e.field_mut()
                && let Some(path) = field_path(regimen, field)
            {
                *field = path;
            }
            e
        })
    }
}

/// The machine field id of every field a request's error may name: its
/// JSON path, by regimen (`"*"` for every regimen). An error from
/// [`Request::plan`] names its field by this path; one from
/// [`Request::from_json`] by the path where reading stopped. An error about
/// several fields together (the lidocaine of a session: ring block and
/// diluent) keeps its words.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Error, Request};
///
/// let json = r#"{"regimen":"diltiazem","patient":{"weight":{"value":70,"unit":"kg"},
///   "age":{"value":50,"unit":"a"}},"rate":{"value":5,"unit":"mg/kg/d"}}"#;
/// let err = Request::from_json(json)?.plan().unwrap_err();
/// assert!(matches!(err, Error::OutsideRegimen { field: "rate", .. }));
/// assert!(calcinosis_dosing::FIELD_PATHS.contains(&("diltiazem", "dose rate", "rate")));
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
pub const FIELD_PATHS: &[(&str, &str, &str)] = &[
    ("*", "weight", "patient.weight"),
    ("*", "age", "patient.age"),
    ("*", "height", "patient.height"),
    ("*", "egfr", "patient.egfr"),
    ("*", "tolerance", "tolerance"),
    ("*", "frequency", "frequency"),
    ("diltiazem", "dose rate", "rate"),
    ("probenecid", "target daily dose", "target"),
    ("probenecid", "daily dose", "target"),
    ("probenecid", "dose rate", "target"),
    ("probenecid", "dose rate by body surface area", "target"),
    ("probenecid", "target", "target"),
    ("probenecid", "step size", "step"),
    ("probenecid", "interval", "step_interval"),
    ("probenecid", "basis", "basis"),
    (
        "intralesional_case_series",
        "volume",
        "volume_per_injection",
    ),
    (
        "intralesional_case_series",
        "prepared volume",
        "prepared_volume",
    ),
    ("intralesional_case_series", "graduation", "graduation"),
    ("intralesional_case_series", "diluent", "diluent"),
    ("intralesional_case_series", "lesion size", "lesion.size"),
    ("intralesional_case_series", "interval", "interval"),
    ("intralesional_grid", "lesion size", "lesion"),
    ("intralesional_grid", "spacing", "spacing"),
    ("intralesional_grid", "sessions", "sessions"),
    ("intralesional_grid", "interval", "interval"),
    ("topical", "treated area", "area"),
    ("topical", "body regions", "regions"),
    ("topical", "mass fraction", "strength"),
    ("topical", "strength", "strength"),
    ("topical", "pack size", "pack_size"),
    ("topical", "packs per batch", "packs_per_batch"),
    ("topical", "beyond-use date", "beyond_use_date"),
    ("topical", "course", "course"),
];

/// The JSON path of the field an error of `regimen` names as `field`.
fn field_path(regimen: &str, field: &str) -> Option<&'static str> {
    FIELD_PATHS
        .iter()
        .find(|(r, f, _)| (*r == regimen || *r == "*") && *f == field)
        .map(|(_, _, path)| *path)
}

/// A computed plan, as written to JSON; `Display` gives the safe text.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{Plan, Request};
///
/// let json = r#"{"regimen": "diltiazem",
///   "patient": {"weight": {"value": 70, "unit": "kg"}, "age": {"value": 50, "unit": "a"}},
///   "rate": {"value": 3, "unit": "mg/kg/d"}}"#;
/// let plan: Plan = serde_json::from_str::<Request>(json)?.plan()?;
/// let out = serde_json::to_value(&plan)?;
/// assert_eq!(out["regimen"], "diltiazem");
/// assert_eq!(out["calculated_daily"]["unit"], "mg/d");
/// // Whole numbers are written without a decimal point.
/// assert_eq!(out["calculated_daily"]["value"], 210);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Plan {
    /// A diltiazem plan.
    Diltiazem(crate::diltiazem::Plan),
    /// A probenecid titration plan.
    Probenecid(crate::probenecid::Plan),
    /// A topical sodium thiosulfate plan.
    Topical(crate::sodium_thiosulfate::topical::Plan),
    /// An intralesional sodium thiosulfate plan, case series.
    IntralesionalCaseSeries(crate::sodium_thiosulfate::intralesional::Plan),
    /// An intralesional sodium thiosulfate plan, grid technique.
    IntralesionalGrid(crate::sodium_thiosulfate::intralesional::Plan),
}

impl Plan {
    /// Every limit the plan was checked against; see
    /// [`crate::CheckedLimit`].
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Outcome, Plan, Request};
    ///
    /// let json = r#"{"regimen": "diltiazem",
    ///   "patient": {"weight": {"value": 70, "unit": "kg"}, "age": {"value": 50, "unit": "a"}},
    ///   "rate": {"value": 3, "unit": "mg/kg/d"}}"#;
    /// let plan: Plan = serde_json::from_str::<Request>(json)?.plan()?;
    /// let crossed: Vec<&str> = plan
    ///     .limits()
    ///     .iter()
    ///     .filter(|c| c.outcome() == Outcome::CrossedWithAlert)
    ///     .map(|c| c.limit().id())
    ///     .collect();
    /// assert_eq!(crossed, ["rounding.tolerance"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn limits(&self) -> &[crate::CheckedLimit] {
        match self {
            Self::Diltiazem(p) => p.limits(),
            Self::Probenecid(p) => p.limits(),
            Self::Topical(p) => p.limits(),
            Self::IntralesionalCaseSeries(p) | Self::IntralesionalGrid(p) => p.limits(),
        }
    }

    /// The alerts the plan carries; see [`crate::Alert`].
    ///
    /// See [`Plan::limits`] for an example of reading a plan.
    #[must_use]
    pub fn alerts(&self) -> &[crate::Alert] {
        match self {
            Self::Diltiazem(p) => p.alerts(),
            Self::Probenecid(p) => p.alerts(),
            Self::Topical(p) => p.alerts(),
            Self::IntralesionalCaseSeries(p) | Self::IntralesionalGrid(p) => p.alerts(),
        }
    }

    /// Route, directions, cautions, evidence and follow-up; see
    /// [`crate::Clinical`].
    ///
    /// See [`Plan::limits`] for an example of reading a plan.
    #[must_use]
    pub const fn clinical(&self) -> &crate::Clinical {
        match self {
            Self::Diltiazem(p) => p.clinical(),
            Self::Probenecid(p) => p.clinical(),
            Self::Topical(p) => p.clinical(),
            Self::IntralesionalCaseSeries(p) | Self::IntralesionalGrid(p) => p.clinical(),
        }
    }

    /// The plan's events by day (start, titration steps, sessions,
    /// supplies, follow-up points); see [`crate::Event`].
    ///
    /// See [`Plan::limits`] for an example of reading a plan.
    #[must_use]
    pub fn events(&self) -> Vec<crate::Event> {
        match self {
            Self::Diltiazem(p) => p.events(),
            Self::Probenecid(p) => p.events(),
            Self::Topical(p) => p.events(),
            Self::IntralesionalCaseSeries(p) | Self::IntralesionalGrid(p) => p.events(),
        }
    }

    /// The plan's events as calendar dates, day 0 being `start`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Invalid`] naming `start_date` when a date would fall
    /// beyond the calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{Plan, Request};
    /// use jiff::civil::date;
    ///
    /// let json = std::fs::read_to_string("examples/requests/intralesional-widespread-ulcerated.json")?;
    /// let plan: Plan = serde_json::from_str::<Request>(&json)?.plan()?;
    /// let calendar = plan.calendar(date(2026, 12, 1))?;
    /// assert_eq!(calendar[0].0, date(2026, 12, 1));
    /// assert_eq!(calendar[1].0, date(2026, 12, 8));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "dates")]
    pub fn calendar(
        &self,
        start: jiff::civil::Date,
    ) -> Result<Vec<(jiff::civil::Date, crate::Event)>, Error> {
        self.events()
            .into_iter()
            .map(|event| Ok((event.date(start)?, event)))
            .collect()
    }

    /// The sources the plan cites.
    ///
    /// See [`Plan::limits`] for an example of reading a plan.
    #[must_use]
    pub fn citations(&self) -> &[crate::Citation] {
        match self {
            Self::Diltiazem(p) => p.citations(),
            Self::Probenecid(p) => p.citations(),
            Self::Topical(p) => p.citations(),
            Self::IntralesionalCaseSeries(p) | Self::IntralesionalGrid(p) => p.citations(),
        }
    }

    /// The plan as a picture, SVG text: for an intralesional plan the map
    /// of one session's sites to scale; for the others a chart of the daily
    /// dose over the days with the plan's limits drawn as lines. See each
    /// plan's `to_svg` for what it draws and the attributes a reader can
    /// check.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::Request;
    ///
    /// let json = r#"{"regimen": "probenecid",
    ///   "patient": {"weight": {"value": 16, "unit": "kg"}, "age": {"value": 4, "unit": "a"}},
    ///   "target": {"value": 1250, "unit": "mg/d"},
    ///   "division": "fewer_on_small_steps", "tolerance": {"value": 25, "unit": "%"}}"#;
    /// let svg = Request::from_json(json)?.plan()?.to_svg();
    /// // 500, 1,000 and 1,250 mg/day.
    /// assert!(svg.contains(r#"data-levels="3""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # References
    ///
    /// The plan's own data; see [`Plan::limits`].
    #[must_use]
    pub fn to_svg(&self) -> String {
        match self {
            Self::Diltiazem(p) => p.to_svg(),
            Self::Probenecid(p) => p.to_svg(),
            Self::Topical(p) => p.to_svg(),
            Self::IntralesionalCaseSeries(p) | Self::IntralesionalGrid(p) => p.to_svg(),
        }
    }
}

/// The version of the plan JSON: `"schema_version"` on every plan. It
/// changes when a field changes meaning or is removed.
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// JSON: `{"schema_version", "regimen", …the plan's fields}`.
impl Serialize for Plan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Tagged<'a, T: Serialize> {
            schema_version: u32,
            regimen: &'static str,
            #[serde(flatten)]
            plan: &'a T,
        }
        fn tagged<S: serde::Serializer, T: Serialize>(
            s: S,
            regimen: &'static str,
            plan: &T,
        ) -> Result<S::Ok, S::Error> {
            Tagged {
                schema_version: PLAN_SCHEMA_VERSION,
                regimen,
                plan,
            }
            .serialize(s)
        }
        match self {
            Self::Diltiazem(p) => tagged(s, "diltiazem", p),
            Self::Probenecid(p) => tagged(s, "probenecid", p),
            Self::Topical(p) => tagged(s, "topical", p),
            Self::IntralesionalCaseSeries(p) => tagged(s, "intralesional_case_series", p),
            Self::IntralesionalGrid(p) => tagged(s, "intralesional_grid", p),
        }
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Diltiazem(p) => p.fmt(f),
            Self::Probenecid(p) => p.fmt(f),
            Self::Topical(p) => p.fmt(f),
            Self::IntralesionalCaseSeries(p) | Self::IntralesionalGrid(p) => p.fmt(f),
        }
    }
}
