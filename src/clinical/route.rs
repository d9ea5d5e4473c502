//! Routes and methods of administration, with their SNOMED CT codes.

use std::fmt;

/// The route a product is given by.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Route;
///
/// assert_eq!(Route::Oral.to_string(), "by mouth");
/// assert_eq!(Route::Intralesional.snomed_ct(), "372466002");
/// ```
///
/// # References
///
/// SNOMED CT route of administration concepts (FHIR R4 value set
/// `route-codes`): oral 26643006, intralesional 372466002, topical 6064005.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Route {
    /// By mouth.
    Oral,
    /// Into the lesion.
    Intralesional,
    /// On the skin.
    Topical,
}

impl Route {
    /// The SNOMED CT concept id of the route.
    ///
    /// # Example
    ///
    /// See [`Route`].
    #[must_use]
    pub const fn snomed_ct(self) -> &'static str {
        match self {
            Self::Oral => "26643006",
            Self::Intralesional => "372466002",
            Self::Topical => "6064005",
        }
    }

    /// The SNOMED CT display name of the route.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(calcinosis_dosing::Route::Topical.snomed_ct_display(), "Topical route");
    /// ```
    #[must_use]
    pub const fn snomed_ct_display(self) -> &'static str {
        match self {
            Self::Oral => "Oral route",
            Self::Intralesional => "Intralesional route",
            Self::Topical => "Topical route",
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Oral => "by mouth",
            Self::Intralesional => "intralesional",
            Self::Topical => "topical",
        })
    }
}

/// How the product is taken or given.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Method;
///
/// assert_eq!(Method::Inject.to_string(), "inject");
/// assert_eq!(Method::Inject.snomed_ct(), Some("422145002"));
/// assert_eq!(Method::Swallow.snomed_ct(), None);
/// ```
///
/// # References
///
/// SNOMED CT administration method concepts (FHIR R4 value set
/// `administration-method-codes`): inject 422145002, apply 417924000.
/// No code for swallowing was verified here, so none is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Method {
    /// Swallowed.
    Swallow,
    /// Injected.
    Inject,
    /// Applied to the skin.
    Apply,
}

impl Method {
    /// The SNOMED CT concept id of the method, where one was verified.
    ///
    /// # Example
    ///
    /// See [`Method`].
    #[must_use]
    pub const fn snomed_ct(self) -> Option<&'static str> {
        match self {
            Self::Swallow => None,
            Self::Inject => Some("422145002"),
            Self::Apply => Some("417924000"),
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Swallow => "swallow",
            Self::Inject => "inject",
            Self::Apply => "apply",
        })
    }
}
