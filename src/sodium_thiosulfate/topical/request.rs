//! The JSON request for a topical sodium thiosulfate plan.

use serde::{Deserialize, Serialize};

use crate::dose::MassFraction;
use crate::error::Error;
use crate::patient::Patient;
use crate::sodium_thiosulfate::topical::{
    self, BeyondUseDate, BodyRegion, CourseLength, PackSize, RegionScale, Regions, SkinArea,
    TreatedArea,
};

/// The inputs of a topical sodium thiosulfate plan.
///
/// The treated area is either `area` (`{"value": 60, "unit": "cm2"}`; also
/// `"mm2"`, `"m2"`) or `regions` (a list of `"face_and_neck"`, `"arm"`,
/// `"hand"`, `"leg"`, `"foot"`, `"front_trunk"`, `"back"`, a region twice for
/// both sides) with an optional `region_scale` (`{"value": 40, "unit":
/// "%"}`), never both. `pack_size` (`"g"` or `"kg"`) is required.
/// `strength` (`{"value": 10, "unit": "%"}`) defaults to 10 %; `course`
/// (`"d"`, `"wk"` or `"mo"`) to 6 months (183 days); `packs_per_batch` to 1;
/// `beyond_use_date` to `"usp_non_preserved_aqueous"` (14 days
/// refrigerated), or `"usp_preserved_aqueous"`, or the prescriber's days.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::Request;
///
/// let json = r#"{"regimen": "topical",
///   "patient": {"weight": {"value": 20, "unit": "kg"}, "age": {"value": 6, "unit": "a"}},
///   "area": {"value": 60, "unit": "cm2"},
///   "pack_size": {"value": 50, "unit": "g"},
///   "course": {"value": 6, "unit": "mo"}}"#;
/// let Request::Topical(r) = serde_json::from_str(json)? else { unreachable!() };
/// let plan = r.plan()?;
/// assert_eq!(plan.course().days(), 183);
/// // 14 supplies of at most 14 days (USP 795), one 50 g pack each.
/// assert_eq!(plan.dispense().packs(), 14);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See [`crate::sodium_thiosulfate::topical`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    patient: Patient,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    area: Option<SkinArea>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    regions: Vec<BodyRegion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    region_scale: Option<RegionScale>,
    pack_size: PackSize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    strength: Option<MassFraction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    course: Option<CourseLength>,
    /// A whole number; `3.0` reads as 3, as JSON Schema's `integer` does.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::wire::optional_count"
    )]
    packs_per_batch: Option<u32>,
    /// `"usp_non_preserved_aqueous"` (the default, 14 days refrigerated),
    /// `"usp_preserved_aqueous"` (35 days), or the prescriber's days
    /// (`{"value": 28, "unit": "d"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    beyond_use_date: Option<BeyondUseDate>,
}

impl Request {
    /// A request for this patient, treated area, pack size and options.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient, Request};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let area = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// let request = calcinosis_dosing::sodium_thiosulfate::topical::Request::new(boy, &area, PackSize::from_g(50.0)?, &topical::Options::default());
    /// assert_eq!(request.treated_area()?, area);
    /// // The defaults are written out: 10 %, 183 days, one pack per batch.
    /// let json = serde_json::to_string(&request)?;
    /// assert!(json.contains(r#""strength":{"value":10,"unit":"%"},"course":{"value":183,"unit":"d"}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        patient: Patient,
        area: &TreatedArea,
        pack_size: PackSize,
        options: &topical::Options,
    ) -> Self {
        let (area, regions, region_scale) = match area {
            TreatedArea::Area(a) => (Some(*a), Vec::new(), None),
            TreatedArea::Regions(r) => (None, r.regions().to_vec(), r.scale()),
        };
        Self {
            patient,
            area,
            regions,
            region_scale,
            pack_size,
            strength: Some(options.get_strength()),
            course: Some(options.get_course()),
            packs_per_batch: Some(options.get_packs_per_batch()),
            beyond_use_date: Some(options.get_beyond_use_date()),
        }
    }

    /// The patient.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient, Request};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let area = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// # let request = calcinosis_dosing::sodium_thiosulfate::topical::Request::new(boy, &area, PackSize::from_g(50.0)?, &topical::Options::default());
    /// assert_eq!(request.patient().age().to_string(), "6 years");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn patient(&self) -> &Patient {
        &self.patient
    }

    /// The pack size.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient, Request};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let area = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// # let request = calcinosis_dosing::sodium_thiosulfate::topical::Request::new(boy, &area, PackSize::from_g(50.0)?, &topical::Options::default());
    /// assert_eq!(request.pack_size().g(), 50.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn pack_size(&self) -> PackSize {
        self.pack_size
    }

    /// The treated area the request describes.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::{Error, Request};
    /// let json = r#"{"regimen": "topical",
    ///   "patient": {"weight": {"value": 20, "unit": "kg"}, "age": {"value": 6, "unit": "a"}},
    ///   "area": {"value": 60, "unit": "cm2"}, "regions": ["hand"],
    ///   "pack_size": {"value": 50, "unit": "g"}}"#;
    /// let Request::Topical(request) = serde_json::from_str(json)? else { unreachable!() };
    /// let err = request.treated_area().unwrap_err();
    /// assert!(matches!(err, Error::Invalid { field: "treated area", .. }));
    /// assert_eq!(err.to_string(), "treated area 60 cm² is invalid: give either an area or body regions, not both");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] ("treated area") when both an area and regions are
    /// given, when neither is, or when a region scale is given with an area;
    /// the errors of [`Regions::new`] for the regions.
    pub fn treated_area(&self) -> Result<TreatedArea, Error> {
        match (self.area, self.regions.is_empty(), self.region_scale) {
            (Some(a), true, None) => Ok(TreatedArea::Area(a)),
            (None, false, scale) => {
                let regions = Regions::new(&self.regions)?;
                Ok(TreatedArea::Regions(match scale {
                    Some(s) => regions.scaled(s),
                    None => regions,
                }))
            }
            (Some(a), true, Some(_)) => Err(Error::Invalid {
                field: "treated area",
                value: a.to_string(),
                reason: "a region scale applies to body regions, not to an area".to_owned(),
            }),
            (Some(a), false, _) => Err(Error::Invalid {
                field: "treated area",
                value: a.to_string(),
                reason: "give either an area or body regions, not both".to_owned(),
            }),
            (None, true, _) => Err(Error::Invalid {
                field: "treated area",
                value: "none".to_owned(),
                reason: "give an area (cm2) or body regions".to_owned(),
            }),
        }
    }

    /// The options the request carries.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::Request;
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, CourseLength};
    /// let json = r#"{"regimen": "topical",
    ///   "patient": {"weight": {"value": 20, "unit": "kg"}, "age": {"value": 6, "unit": "a"}},
    ///   "area": {"value": 60, "unit": "cm2"}, "pack_size": {"value": 50, "unit": "g"},
    ///   "course": {"value": 12, "unit": "wk"}}"#;
    /// let Request::Topical(request) = serde_json::from_str(json)? else { unreachable!() };
    /// // Not given: the documented 10 %, as in Rust.
    /// let course = CourseLength::from_weeks(12.0)?;
    /// assert_eq!(request.options(), topical::Options::default().course(course));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn options(&self) -> topical::Options {
        let mut options = topical::Options::default();
        if let Some(s) = self.strength {
            options = options.strength(s);
        }
        if let Some(c) = self.course {
            options = options.course(c);
        }
        if let Some(n) = self.packs_per_batch {
            options = options.packs_per_batch(n);
        }
        if let Some(b) = self.beyond_use_date {
            options = options.beyond_use_date(b);
        }
        options
    }

    /// Computes the plan.
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// # use calcinosis_dosing::{Age, BodyWeight, Patient, Request};
    /// # let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// # let area = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// # let request = calcinosis_dosing::sodium_thiosulfate::topical::Request::new(boy, &area, PackSize::from_g(50.0)?, &topical::Options::default());
    /// // 60 cm² is 0.21 fingertip units (about 0.1 g) twice daily for 183 days:
    /// // 38.39 g, in 14 supplies of at most 14 days: one 50 g pack each.
    /// let plan = request.plan()?;
    /// assert_eq!(plan.dispense().to_string(), "14 packs of 50 g (700 g)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// See [`Request::treated_area`] and [`topical::plan()`].
    pub fn plan(&self) -> Result<topical::Plan, Error> {
        topical::plan(
            &self.patient,
            &self.treated_area()?,
            self.pack_size,
            &self.options(),
        )
    }
}
