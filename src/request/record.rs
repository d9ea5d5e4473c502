//! A plan stored with the request it was made from, so that it reads back.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{PLAN_SCHEMA_VERSION, Plan, Request};
use crate::error::Error;

/// A plan with the request it was made from: the form to store a plan in
/// and read it back.
///
/// JSON: `{"schema_version", "request", "plan"}`. Reading it back plans
/// the request again and checks that the stored plan is the plan it gives:
/// a stored plan that was edited, or that a different version of the crate
/// would plan differently, is refused, never silently trusted.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{PlanRecord, Request};
///
/// let json = std::fs::read_to_string("examples/requests/diltiazem-adult-70kg.json")?;
/// let record = Request::from_json(&json)?.plan_record()?;
/// let stored = serde_json::to_string(&record)?;
/// let read: PlanRecord = serde_json::from_str(&stored)?;
/// assert_eq!(read, record);
/// // An edited dose is refused.
/// let edited = stored.replacen("\"value\":60", "\"value\":90", 1);
/// assert!(serde_json::from_str::<PlanRecord>(&edited).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// Reading fails when the schema version is not this crate's, when the
/// request does not read or plan, or when the stored plan differs from the
/// plan its request gives.
///
/// # References
///
/// The plan's own sources.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRecord {
    request: Request,
    plan: Plan,
}

impl PlanRecord {
    /// The request.
    ///
    /// # Example
    ///
    /// See [`PlanRecord`].
    #[must_use]
    pub const fn request(&self) -> &Request {
        &self.request
    }

    /// The plan.
    ///
    /// # Example
    ///
    /// See [`PlanRecord`].
    #[must_use]
    pub const fn plan(&self) -> &Plan {
        &self.plan
    }
}

impl Request {
    /// The plan of this request, stored with it (see [`PlanRecord`]).
    ///
    /// # Errors
    ///
    /// As [`Request::plan`].
    ///
    /// # Example
    ///
    /// See [`PlanRecord`].
    pub fn plan_record(&self) -> Result<PlanRecord, Error> {
        Ok(PlanRecord {
            request: self.clone(),
            plan: self.plan()?,
        })
    }
}

impl Serialize for PlanRecord {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut out = s.serialize_struct("PlanRecord", 3)?;
        out.serialize_field("schema_version", &PLAN_SCHEMA_VERSION)?;
        out.serialize_field("request", &self.request)?;
        out.serialize_field("plan", &self.plan)?;
        out.end()
    }
}

impl<'de> Deserialize<'de> for PlanRecord {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Stored {
            schema_version: u32,
            request: Request,
            plan: Value,
        }
        let stored = Stored::deserialize(d)?;
        if stored.schema_version != PLAN_SCHEMA_VERSION {
            return Err(D::Error::custom(format!(
                "schema_version {} is not this crate's plan schema version {PLAN_SCHEMA_VERSION}: \
                 re-plan the request",
                stored.schema_version
            )));
        }
        let plan = stored.request.plan().map_err(D::Error::custom)?;
        let now = serde_json::to_value(&plan).map_err(D::Error::custom)?;
        if now != stored.plan {
            return Err(D::Error::custom(
                "the stored plan differs from the plan its request gives: it was edited, or made \
                 by another version; re-plan the request",
            ));
        }
        Ok(Self {
            request: stored.request,
            plan,
        })
    }
}
