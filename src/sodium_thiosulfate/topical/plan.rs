use super::{
    Alert, AlertKind, AreaShare, BeyondUseDate, BodySurfaceArea, Bound, COURSE_LIMIT, CheckedLimit,
    Citation, CourseLength, DEFAULT_COURSE_DAYS, Dispense, Error, Frequency, G_PER_FTU, Height,
    Limit, MassFraction, Options, PackSize, Patient, REGIMEN, STRENGTH_LIMIT, Scope, Supply,
    Tolerance, TreatedArea, capitalise, check_range, check_strength, exact, exact_f64, fmt, number,
    push_unique, small_number, sources, supplies, write_limits_alerts_and_citations,
};
use crate::alert::{Arg, Message};

/// A topical sodium thiosulfate plan: what to apply, how often, for how
/// long, what to dispense and how to compound it, with alerts and
/// citations. `Display` writes it the safe way.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Frequency, Patient};
///
/// let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let area = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
/// let plan = topical::plan(&boy, &area, PackSize::from_g(50.0)?, &topical::Options::default())?;
/// assert_eq!(plan.frequency(), Frequency::TwiceDaily);
/// assert!(plan.to_string().contains("twice daily under occlusion for 183 days"));
/// // The case and the cream's two sources come first.
/// assert_eq!(plan.citations()[0].key(), "pediatr-dermatol-2017");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](super).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Plan {
    pub(super) drug: &'static str,
    pub(super) base: &'static str,
    pub(super) strength: MassFraction,
    pub(super) treated_area: TreatedArea,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) area_share: Option<AreaShare>,
    pub(super) fingertip_units: f64,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::g"))]
    pub(super) per_application: f64,
    pub(super) frequency: Frequency,
    pub(super) course: CourseLength,
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::wire::g"))]
    pub(super) course_total: f64,
    pub(super) dispense: Dispense,
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "super::beyond_use::plan_form")
    )]
    pub(super) beyond_use_date: BeyondUseDate,
    pub(super) supplies: Vec<Supply>,
    pub(super) limits: crate::limit::Limits,
    pub(super) alerts: Vec<Alert>,
    pub(super) citations: crate::citation::Citations,
    pub(super) clinical: crate::clinical::Clinical,
}

impl Plan {
    /// Every limit the plan was checked against: its id, value, unit, scope
    /// and source, the plan's value, and the outcome (within, limited to
    /// it, or crossed with an alert naming it).
    ///
    /// See [`crate::CheckedLimit`] for an example.
    #[must_use]
    pub fn limits(&self) -> &[CheckedLimit] {
        &self.limits
    }

    /// The drug, "sodium thiosulfate".
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn drug(&self) -> &'static str {
        self.drug
    }

    /// The strength (% w/w of the pentahydrate).
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn strength(&self) -> MassFraction {
        self.strength
    }

    /// What is treated.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn treated_area(&self) -> &TreatedArea {
        &self.treated_area
    }

    /// The treated area as a share of body surface area, when the area is
    /// given in cm² (none for body regions).
    ///
    /// See [`AreaShare`] for an example.
    #[must_use]
    pub const fn area_share(&self) -> Option<AreaShare> {
        self.area_share
    }

    /// Fingertip units per application.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn fingertip_units(&self) -> f64 {
        self.fingertip_units
    }

    /// Cream per application, g (fingertip units × 0.5 g).
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn per_application_g(&self) -> f64 {
        self.per_application
    }

    /// How often a day: twice, as documented.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// Cream per day, g.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn per_day_g(&self) -> f64 {
        self.per_application * exact_f64(self.frequency.times_per_day())
    }

    /// The course.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn course(&self) -> CourseLength {
        self.course
    }

    /// Cream for the whole course, g (per day × days), before packs.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn course_total_g(&self) -> f64 {
        self.course_total
    }

    /// The quantity to dispense.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub const fn dispense(&self) -> &Dispense {
        &self.dispense
    }

    /// The beyond-use date each supply is used within.
    ///
    /// See [`BeyondUseDate`] for an example.
    #[must_use]
    pub const fn beyond_use_date(&self) -> BeyondUseDate {
        self.beyond_use_date
    }

    /// The course's supplies, each compounded and used within the
    /// beyond-use date, with its compounding batches.
    ///
    /// See [`Supply`] for an example.
    #[must_use]
    pub fn supplies(&self) -> &[Supply] {
        &self.supplies
    }

    /// Advisories; empty when none applies.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn alerts(&self) -> &[Alert] {
        &self.alerts
    }

    /// The plan's events by day: each supply of cream, and the follow-up points the
    /// sources report. With the `dates` feature, [`Event::date`](crate::Event)
    /// turns each day into a calendar date.
    ///
    /// See [`Event`](crate::Event) for an example.
    #[must_use]
    pub fn events(&self) -> Vec<crate::Event> {
        let mut events = Vec::new();
        let mut n = 0;
        for supply in &self.supplies {
            for k in 0..supply.count() {
                n += 1;
                events.push(crate::Event::new(
                    supply.first_day() + k * supply.days(),
                    if n == 1 {
                        crate::EventKind::Start
                    } else {
                        crate::EventKind::Supply
                    },
                    format!(
                        "supply {n}, for {} days: {} {} of {}",
                        supply.days(),
                        supply.packs(),
                        if supply.packs() == 1 { "pack" } else { "packs" },
                        supply.pack_size
                    ),
                ));
            }
        }
        events.extend(crate::Event::follow_up_days(self.clinical.follow_up()));
        crate::clinical::in_day_order(events)
    }

    /// Route, directions, cautions, evidence and follow-up.
    ///
    /// See [`Clinical`](crate::Clinical) for an example.
    #[must_use]
    pub const fn clinical(&self) -> &crate::clinical::Clinical {
        &self.clinical
    }

    /// The sources used.
    ///
    /// See [`Plan`] for an example of reading a plan.
    #[must_use]
    pub fn citations(&self) -> &[Citation] {
        &self.citations
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} (as pentahydrate) in {}, topical",
            capitalise(self.drug),
            self.strength,
            self.base
        )?;
        write!(f, "Treated area: {}", self.treated_area)?;
        if let Some(share) = self.area_share {
            write!(f, "; {share}")?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "Apply: about {} g ({} FTU) {} under occlusion for {}",
            small_number(self.per_application, 2),
            small_number(self.fingertip_units, 2),
            self.frequency,
            self.course
        )?;
        writeln!(
            f,
            "Course total: {} g/day for {} = {} g",
            number(self.per_day_g(), 3),
            self.course,
            crate::format::small_number(self.course_total, 2)
        )?;
        let supplies: u32 = self.supplies.iter().map(|s| s.count).sum();
        writeln!(
            f,
            "Dispense: {} in {} {}",
            self.dispense,
            supplies,
            if supplies == 1 { "supply" } else { "supplies" }
        )?;
        writeln!(f, "Beyond-use date: {}", self.beyond_use_date)?;
        writeln!(f, "Supplies:")?;
        for supply in &self.supplies {
            writeln!(f, "  - {supply}")?;
            let each = if supply.count == 1 {
                ""
            } else {
                " for each supply"
            };
            for batch in &supply.batches {
                writeln!(f, "      compound{each}: {batch}")?;
            }
        }
        write!(f, "{}", self.clinical)?;
        write_limits_alerts_and_citations(f, &self.limits, &self.alerts, &self.citations)
    }
}

/// A topical 10 % sodium thiosulfate plan for a patient and a treated area,
/// dispensed in packs of the given size.
///
/// Cream per application is the treated area's fingertip units × 0.5 g
/// (an area is 1 FTU per 286 cm²); it is applied twice daily under
/// occlusion for the course; the course total is rounded up to whole packs,
/// and each batch of packs gets its recipe. Nothing is rounded but the
/// packs and the weighed amounts.
///
/// # Errors
///
/// - [`Error::NotDocumented`] for a strength other than 10 %, 20 % or 25 %.
/// - [`Error::Undocumented`] for body regions of a patient under 18 without
///   a [`RegionScale`](super::RegionScale): the fingertip-unit table is for adults.
/// - [`Error::Invalid`] when an area in cm² is larger than the patient's
///   body surface area (when the height is known), or when one batch is too
///   small to weigh its pentahydrate within 10 %.
/// - [`Error::OutOfRange`] when packs per batch is not within 1 to 100.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::topical::{self, BodyRegion, PackSize, Regions, TreatedArea};
/// use calcinosis_dosing::{Age, BodyWeight, Patient};
///
/// let child = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
/// let hand = TreatedArea::Regions(Regions::new(&[BodyRegion::Hand])?);
/// let err = topical::plan(&child, &hand, PackSize::from_g(50.0)?, &topical::Options::default())
///     .unwrap_err();
/// assert!(err.to_string().contains("the fingertip-unit table is for adults"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// See the [module documentation](super).
pub fn plan(
    patient: &Patient,
    area: &TreatedArea,
    pack: PackSize,
    options: &Options,
) -> Result<Plan, Error> {
    let strength = options.strength;
    let strength_alert = check_strength(strength)?;
    check_range(
        "packs per batch",
        f64::from(options.packs_per_batch),
        1.0,
        f64::from(Options::MAX_PACKS_PER_BATCH),
        "packs",
    )?;

    let mut alerts: Vec<Alert> = strength_alert.into_iter().collect();
    let mut citations: crate::citation::Citations = smallvec::smallvec![
        sources::PEDIATR_DERMATOL_2017,
        sources::STS_COLD_CREAM_PREPARATION,
        sources::STS_CREAM_QUANTITIES,
        sources::LONG_FINLAY_1991,
        sources::REGIONALDERM,
    ];

    check_area(patient, area, &mut alerts, &mut citations)?;
    if let Some(source) = options.beyond_use_date.source() {
        push_unique(&mut citations, source);
    }
    let course = options.course;
    alerts.extend(course_alert(course));

    let frequency = Frequency::TwiceDaily;
    let fingertip_units = area.fingertip_units();
    let per_application = fingertip_units * G_PER_FTU;
    let per_day = per_application * exact_f64(frequency.times_per_day());
    let course_total = per_day * f64::from(course.days());

    // Decided exactly: the daily amount from the treated area's fingertip
    // units (read to nine decimals), twice daily; each supply's packs from
    // it and the supply's days.
    let per_day_exact = exact::mul(exact::constant(fingertip_units), exact::constant(G_PER_FTU))
        .and_then(|per_application| exact::times(per_application, frequency.times_per_day()))
        .ok_or_else(|| Error::too_large("area", area.to_string(), "the daily amount of cream"))?;
    let beyond_use_date = options.beyond_use_date;
    let supplies = supplies(
        course.days(),
        beyond_use_date.days(),
        per_day_exact,
        pack,
        u64::from(options.packs_per_batch),
        strength,
    )?;
    let packs: u64 = supplies.iter().map(|s| u64::from(s.count) * s.packs).sum();
    let dispense = Dispense {
        pack_size: pack,
        packs,
        total_g: exact_f64(packs) * pack.g(),
    };
    let mut limits: crate::limit::Limits = smallvec::smallvec![
        CheckedLimit::new(STRENGTH_LIMIT, strength.percent()),
        CheckedLimit::new(COURSE_LIMIT, f64::from(course.days())),
    ];
    limits.extend(area_limit(patient, area));
    for batch in supplies.iter().flat_map(|s| &s.batches) {
        let r = &batch.recipe;
        let deviation = exact::deviation(r.achieved.exact(), r.strength.exact())
            .and_then(|d| exact::times(exact::abs(d), 100))
            .map_or(0.0, exact::to_f64);
        let checked = CheckedLimit::new(
            Limit::new(
                "rounding.tolerance",
                "rounding tolerance (pentahydrate weighed to 0.1 g)",
                Bound::AtMost,
                Tolerance::DEFAULT_PERCENT,
                "%",
                Scope::Preparation,
                sources::ROUNDING_RULE,
            ),
            deviation,
        );
        // Supplies share batch recipes: each distinct check is listed once.
        if !limits.contains(&checked) {
            limits.push(checked);
        }
    }

    let clinical = super::clinical::clinical();
    crate::plan::complete_citations(&mut citations, &limits, &alerts, &clinical);
    Ok(Plan {
        drug: "sodium thiosulfate",
        base: "cold cream",
        strength,
        treated_area: area.clone(),
        area_share: area_share(patient, area),
        fingertip_units,
        per_application,
        frequency,
        course,
        course_total,
        dispense,
        beyond_use_date,
        supplies,
        limits,
        alerts,
        clinical,
        citations,
    })
}

/// The treated area as a share of the body surface area: of the patient's
/// with a height, at least that of the largest for the weight without one.
pub(super) fn area_share(patient: &Patient, area: &TreatedArea) -> Option<AreaShare> {
    let TreatedArea::Area(a) = area else {
        return None;
    };
    let (bsa_cm2, measured) = largest_body_surface_area_cm2(patient)?;
    let percent = a.cm2() / bsa_cm2 * 100.0;
    Some(if measured {
        AreaShare::Of { percent }
    } else {
        AreaShare::AtLeast { percent }
    })
}

/// The largest body surface area the patient can have, in cm², and whether
/// it is measured: the Mosteller area with a height, or at the tallest
/// height accepted without one.
fn largest_body_surface_area_cm2(patient: &Patient) -> Option<(f64, bool)> {
    let (bsa, measured) = match patient.body_surface_area() {
        Some(bsa) => (bsa, true),
        None => (
            BodySurfaceArea::mosteller(patient.weight(), Height::from_cm(Height::MAX_CM).ok()?),
            false,
        ),
    };
    Some((exact::canonical(bsa.m2() * 10_000.0), measured))
}

/// The treated area against the largest body surface area the patient can
/// have: the Mosteller area with a height, or at the tallest height accepted
/// without one. Regions are bounded by their table.
pub(super) fn area_limit(patient: &Patient, area: &TreatedArea) -> Option<CheckedLimit> {
    let TreatedArea::Area(a) = area else {
        return None;
    };
    let (bsa_cm2, measured) = largest_body_surface_area_cm2(patient)?;
    let (id, name) = if measured {
        ("topical.area.body_surface_area", "body surface area")
    } else {
        (
            "topical.area.largest_for_weight",
            "largest body surface area for the weight",
        )
    };
    Some(CheckedLimit::new(
        Limit::new(
            id,
            name,
            Bound::AtMost,
            bsa_cm2,
            "cm²",
            Scope::Preparation,
            sources::MOSTELLER_1987,
        ),
        a.cm2(),
    ))
}

/// Checks the treated area against the patient: an area in cm² against the
/// body surface area (when the height is known); body regions of a child
/// need a scale. Adds the alert and citation that apply.
pub(super) fn check_area(
    patient: &Patient,
    area: &TreatedArea,
    alerts: &mut Vec<Alert>,
    citations: &mut crate::citation::Citations,
) -> Result<(), Error> {
    match area {
        TreatedArea::Area(a) => {
            if let Some(bsa) = patient.body_surface_area() {
                let bsa_cm2 = bsa.m2() * 10_000.0;
                if exact::constant(a.cm2()) > exact::constant(bsa_cm2) {
                    return Err(Error::Invalid {
                        field: "treated area",
                        value: a.to_string(),
                        reason: format!(
                            "it is larger than the patient's body surface area, {bsa} \
                             ({} cm², Mosteller)",
                            number(bsa_cm2, 0)
                        ),
                    });
                }
                push_unique(citations, sources::MOSTELLER_1987);
            } else {
                // Without a height, the largest body surface area this weight
                // can have: Mosteller at the tallest height the crate accepts.
                let tallest = Height::from_cm(Height::MAX_CM)?;
                let bound = BodySurfaceArea::mosteller(patient.weight(), tallest);
                let bound_cm2 = bound.m2() * 10_000.0;
                if exact::constant(a.cm2()) > exact::constant(bound_cm2) {
                    return Err(Error::Invalid {
                        field: "treated area",
                        value: a.to_string(),
                        reason: format!(
                            "it is larger than any body surface area at {} ({} cm², Mosteller \
                             at the tallest height accepted, {}); check the area and its unit, \
                             or give the patient's height",
                            patient.weight(),
                            number(bound_cm2, 0),
                            tallest
                        ),
                    });
                }
                push_unique(citations, sources::MOSTELLER_1987);
            }
        }
        TreatedArea::Regions(r) => match r.scale() {
            None if patient.age().is_child() => {
                return Err(Error::Undocumented {
                    regimen: REGIMEN,
                    case: format!(
                        "body regions of a child (age {}): the fingertip-unit table is for \
                         adults; give the treated area in cm², or scale the regions explicitly",
                        patient.age()
                    ),
                    source_ref: sources::LONG_FINLAY_1991.reference(),
                });
            }
            None => {}
            Some(scale) => alerts.push(Alert::new(
                AlertKind::OutsideRegimenSource,
                Message::new(
                    "the fingertip units per region are the adult table's scaled by the \
                     caller's factor of {}; no table in the sources gives them for this patient",
                    [Arg::quantity("region scale", scale.percent(), 2, "%")],
                ),
                None,
                sources::LONG_FINLAY_1991,
            )),
        },
    }
    Ok(())
}

/// The alert for a course longer than the documented 6 months.
pub(super) fn course_alert(course: CourseLength) -> Option<Alert> {
    (course.days() > DEFAULT_COURSE_DAYS).then(|| {
        Alert::new(
            AlertKind::OutsideRegimenSource,
            Message::new(
                "a course of {} is longer than the documented 6 months ({}); the case \
                 resolved completely at 6 months",
                [
                    Arg::quantity("course", f64::from(course.days()), 0, "days"),
                    Arg::quantity(
                        "documented course",
                        f64::from(DEFAULT_COURSE_DAYS),
                        0,
                        "days",
                    ),
                ],
            ),
            Some(COURSE_LIMIT),
            sources::PEDIATR_DERMATOL_2017,
        )
    })
}
