//! Overrides: a caller may cross a named hard limit only with a reason,
//! which the plan records in its limits and in an alert. Never silent.

use std::fmt;

use crate::alert::{Alert, AlertKind, Arg, Message};
use crate::error::Error;
use crate::limit::{CheckedLimit, Limit, Severity};

/// The longest reason accepted, in characters.
const MAX_REASON_CHARS: usize = 1_000;

/// A caller's override of one hard limit, with the reason the plan records.
///
/// In JSON: `"overrides": [{"limit": "<limit id>", "reason": "<text>"}]`.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Override;
///
/// let o = Override::new("sodium_thiosulfate.max_per_session", "tumoral calcinosis, reviewed")?;
/// assert_eq!(o.limit(), "sodium_thiosulfate.max_per_session");
/// assert!(Override::new("sodium_thiosulfate.max_per_session", "  ").is_err());
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::InvalidOverride`] when the limit id or the reason is empty, or
/// the reason is longer than 1,000 characters. Naming a limit the plan does
/// not check as hard is an error when planning.
///
/// # References
///
/// Clinical reference section 5: a hard stop versus an advisory that a
/// clinician may accept.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "OverrideWire", into = "OverrideWire")
)]
pub struct Override {
    limit: String,
    reason: String,
}

impl Override {
    /// An override of the hard limit `limit` (its id) for `reason`.
    ///
    /// # Errors
    ///
    /// See the type's documentation.
    ///
    /// # Example
    ///
    /// See [`Override`].
    pub fn new(limit: &str, reason: &str) -> Result<Self, Error> {
        let (limit, reason) = (limit.trim(), reason.trim());
        let refuse = |why: &str| Error::InvalidOverride {
            limit: limit.to_owned(),
            reason: why.to_owned(),
        };
        if limit.is_empty() {
            return Err(refuse("it names no limit"));
        }
        if reason.is_empty() {
            return Err(refuse(
                "it gives no reason; an override is recorded with its reason",
            ));
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(refuse("its reason is longer than 1,000 characters"));
        }
        Ok(Self {
            limit: limit.to_owned(),
            reason: reason.to_owned(),
        })
    }

    /// The id of the limit overridden.
    ///
    /// See [`Override`] for an example.
    #[must_use]
    pub fn limit(&self) -> &str {
        &self.limit
    }

    /// The reason given.
    ///
    /// See [`Override`] for an example.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for Override {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: \"{}\"", self.limit, self.reason)
    }
}

/// The JSON form of an [`Override`].
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideWire {
    limit: String,
    reason: String,
}

#[cfg(feature = "serde")]
impl TryFrom<OverrideWire> for Override {
    type Error = Error;

    fn try_from(w: OverrideWire) -> Result<Self, Error> {
        Self::new(&w.limit, &w.reason)
    }
}

#[cfg(feature = "serde")]
impl From<Override> for OverrideWire {
    fn from(o: Override) -> Self {
        Self {
            limit: o.limit,
            reason: o.reason,
        }
    }
}

/// Checks `observed` against the hard `limit`: within it, it is listed as
/// within; beyond it, the request is refused unless an override names the
/// limit, in which case the plan lists it as overridden and carries an
/// alert quoting the reason.
pub(crate) fn enforce(
    limit: Limit,
    observed: f64,
    within: bool,
    overrides: &[Override],
    limits: &mut crate::limit::Limits,
    alerts: &mut Vec<Alert>,
) -> Result<(), Error> {
    if within {
        limits.push(CheckedLimit::new(limit, observed));
        return Ok(());
    }
    let Some(granted) = overrides.iter().find(|o| o.limit == limit.id()) else {
        return Err(Error::HardLimit {
            limit: limit.id(),
            name: limit.name(),
            value: observed,
            bound: limit.bound().to_string(),
            allowed: limit.value(),
            unit: limit.unit(),
            source_ref: limit.source().reference(),
        });
    };
    limits.push(CheckedLimit::overridden(limit, observed));
    alerts.push(Alert::new(
        AlertKind::Overridden,
        Message::new(
            "the hard limit {} ({}: {} {}) was overridden: this plan gives {}; the reason \
             given: \"{}\"",
            [
                Arg::Words(limit.id()),
                Arg::Words(limit.name()),
                Arg::Words(limit.bound().words()),
                Arg::quantity("limit", limit.value(), 3, limit.unit()),
                Arg::Beside {
                    name: "observed",
                    value: observed,
                    limit: limit.value(),
                    decimals: 3,
                    unit: limit.unit(),
                },
                Arg::Given(granted.reason.as_str().into()),
            ],
        ),
        Some(limit),
        limit.source(),
    ));
    Ok(())
}

/// Refuses early, before the plan is built, when `observed` is beyond the
/// hard `limit` and no override names it (the plan checks and lists the
/// limit again on what it finally gives).
pub(crate) fn refuse_unless_overridden(
    limit: Limit,
    observed: f64,
    within: bool,
    overrides: &[Override],
) -> Result<(), Error> {
    if within || overrides.iter().any(|o| o.limit == limit.id()) {
        return Ok(());
    }
    Err(Error::HardLimit {
        limit: limit.id(),
        name: limit.name(),
        value: observed,
        bound: limit.bound().to_string(),
        allowed: limit.value(),
        unit: limit.unit(),
        source_ref: limit.source().reference(),
    })
}

/// Every override must name a hard limit the plan checked: an override of
/// an unknown limit, or of one the plan does not check, is an error (never
/// silently ignored).
pub(crate) fn all_used(overrides: &[Override], limits: &[CheckedLimit]) -> Result<(), Error> {
    for o in overrides {
        let checked = limits.iter().find(|c| c.limit().id() == o.limit);
        match checked {
            Some(c) if c.limit().severity() == Severity::Hard => {}
            Some(_) => {
                return Err(Error::InvalidOverride {
                    limit: o.limit.clone(),
                    reason: "it is an advisory limit, not a hard one; the plan carries an alert \
                             for it and needs no override"
                        .to_owned(),
                });
            }
            None => {
                let mut hard: Vec<&str> = limits
                    .iter()
                    .filter(|c| c.limit().severity() == Severity::Hard)
                    .map(|c| c.limit().id())
                    .collect();
                hard.dedup();
                return Err(Error::InvalidOverride {
                    limit: o.limit.clone(),
                    reason: if hard.is_empty() {
                        "this plan checks no hard limit".to_owned()
                    } else {
                        format!(
                            "this plan checks no such hard limit; it checks {}",
                            hard.join(", ")
                        )
                    },
                });
            }
        }
    }
    Ok(())
}
