//! Provenance: where every regimen and every limit comes from.

use std::fmt;

/// A published source for a regimen or a limit: a short reference and a link
/// (DOI, PubMed or the product label).
///
/// Every plan lists the citations it used, and every [`Alert`](crate::Alert)
/// names the source of the limit it reports.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sources;
///
/// assert!(sources::J_RHEUMATOL_2001.reference().starts_with("J Rheumatol 2001;28:1129"));
/// assert!(sources::J_RHEUMATOL_2001.link().starts_with("https://"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Citation {
    key: &'static str,
    reference: &'static str,
    link: &'static str,
    /// The limits (by id) and alerts (by `alert.` and kind) whose fact the
    /// source holds.
    #[cfg_attr(feature = "serde", serde(skip))]
    holds: &'static [&'static str],
}

impl Citation {
    pub(crate) const fn new(
        key: &'static str,
        reference: &'static str,
        link: &'static str,
    ) -> Self {
        Self {
            key,
            reference,
            link,
            holds: &[],
        }
    }

    /// The same source, holding the facts of these limits (by id) and
    /// alerts (`alert.` and the kind's key).
    pub(crate) const fn holding(mut self, facts: &'static [&'static str]) -> Self {
        self.holds = facts;
        self
    }

    /// Whether the source holds the fact of a limit (its id, such as
    /// `"diltiazem.rate.max"`) or of an alert without a limit (`"alert."`
    /// and the kind's key, such as `"alert.label_caution"`).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::sources;
    ///
    /// assert!(sources::REGIONALDERM.holds("diltiazem.rate.max"));
    /// assert!(!sources::REGIONALDERM.holds("probenecid.max_daily"));
    /// ```
    #[must_use]
    pub fn holds(&self, fact: &str) -> bool {
        self.holds.contains(&fact)
    }

    /// Every fact the crate cites this source for.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::sources;
    ///
    /// assert!(sources::LIDOCAINE_LABEL.facts().contains(&"lidocaine.max.plain"));
    /// ```
    #[must_use]
    pub const fn facts(&self) -> &'static [&'static str] {
        self.holds
    }

    /// A short stable key, such as `"j-rheumatol-2001"`.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::sources;
    ///
    /// assert_eq!(sources::JAAD_2013.key(), "jaad-2013");
    /// ```
    #[must_use]
    pub const fn key(&self) -> &'static str {
        self.key
    }

    /// The reference as a reader would cite it.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::sources;
    ///
    /// assert_eq!(
    ///     sources::MOSTELLER_1987.reference(),
    ///     "Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317(17):1098",
    /// );
    /// ```
    #[must_use]
    pub const fn reference(&self) -> &'static str {
        self.reference
    }

    /// A link to the source: a DOI, PubMed or label address.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::sources;
    ///
    /// assert_eq!(sources::LONG_FINLAY_1991.link(), "https://doi.org/10.1111/j.1365-2230.1991.tb01232.x");
    /// ```
    #[must_use]
    pub const fn link(&self) -> &'static str {
        self.link
    }
}

/// JSON: a citation reads back by its key, as one of [`sources::ALL`];
/// a reference or link that differs from the source's is refused.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Citation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wire {
            key: String,
            #[serde(default)]
            reference: Option<String>,
            #[serde(default)]
            link: Option<String>,
        }
        let wire = Wire::deserialize(d)?;
        let source = sources::ALL
            .into_iter()
            .find(|c| c.key == wire.key)
            .ok_or_else(|| D::Error::custom(format!("unknown source `{}`", wire.key)))?;
        if wire
            .reference
            .as_deref()
            .is_some_and(|r| r != source.reference)
            || wire.link.as_deref().is_some_and(|l| l != source.link)
        {
            return Err(D::Error::custom(format!(
                "source `{}` differs from this crate's: re-plan",
                wire.key
            )));
        }
        Ok(source)
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.reference, self.link)
    }
}

/// The references of a plan, each once, in order: inline for up to eight,
/// on the heap beyond.
pub(crate) type Citations = smallvec::SmallVec<[Citation; 8]>;

/// Adds `citation` to `list` unless it is there already (keeps first-use order).
pub(crate) fn push_unique(list: &mut Citations, citation: Citation) {
    // A source is one key: comparing keys is enough, and cheaper than
    // comparing every field.
    // The same constant is usually the same address: checked first.
    let same = |c: &Citation| std::ptr::eq(c.key, citation.key) || c.key == citation.key;
    if !list.iter().any(same) {
        list.push(citation);
    }
}

/// The sources this crate encodes, one constant each.
///
/// Each constant is the source named in `shared/clinical-reference.md`; the
/// regimen modules cite them in their rustdoc and attach them to plans.
pub mod sources {
    use super::Citation;

    /// The review page of calcinosis cutis that collects the five regimens:
    /// diltiazem 1–3 mg/kg/day; probenecid 25 mg/kg/day to 1,250 mg/day in a
    /// 4-year-old; intralesional sodium thiosulfate (the case series and the
    /// lupus panniculitis grid); topical 10 % in cold cream. The page's own
    /// address could not be verified here, so the link is the site's root.
    pub const REGIONALDERM: Citation = Citation::new(
        "regionalderm",
        "White GM. Calcinosis cutis. RegionalDerm.com (page address not verified; site link)",
        "https://www.regionalderm.com/",
    )
    .holding(&["diltiazem.rate.min", "diltiazem.rate.max"]);

    /// Probenecid for calcinosis in a 4-year-old girl with raised serum
    /// phosphate and uric acid: 25 mg/kg/day, later 1,250 mg/day. PubMed id
    /// and DOI not verified here: the link is a PubMed search.
    pub const J_RHEUMATOL_2001: Citation = Citation::new(
        "j-rheumatol-2001",
        "J Rheumatol 2001;28:1129 (probenecid for calcinosis in a 4-year-old girl; PubMed id not \
         verified, search link)",
        "https://pubmed.ncbi.nlm.nih.gov/?term=J+Rheumatol+2001%3B28%3A1129",
    )
    .holding(&[
        "probenecid.child.max_daily_documented",
        "probenecid.child.max_per_kg_documented",
        "probenecid.population.documented",
    ]);

    /// Diltiazem for calcinosis in adults (240–480 mg/day).
    pub const PALMIERI_1995: Citation = Citation::new(
        "palmieri-1995",
        "Palmieri GM et al. Treatment of calcinosis with diltiazem. Arthritis Rheum 1995;38(11):1646-1654",
        "https://pubmed.ncbi.nlm.nih.gov/7488286/",
    );

    /// Cardizem (diltiazem hydrochloride) immediate-release tablets, US
    /// label (set id verified through the openFDA product record): tablets
    /// of 30, 60, 90 and 120 mg given 3 or 4 times daily; "the average
    /// optimum dosage range appears to be 180 to 360 mg/day" (no stated
    /// maximum; the crate keeps 360 mg/day as the top of that range).
    pub const DILTIAZEM_LABEL: Citation = Citation::new(
        "diltiazem-label",
        "Cardizem (diltiazem hydrochloride) tablets, US prescribing information (DailyMed): 30, \
         60, 90, 120 mg, 3 or 4 times daily, average optimum dosage range 180 to 360 mg/day",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f3e7ecef-f360-4987-a4f5-933214130ab2",
    )
    .holding(&[
        "diltiazem.max_daily.immediate_release",
        "diltiazem.max_daily.oral_suspension",
    ]);

    /// Cardizem CD (diltiazem hydrochloride extended-release capsules, the
    /// CD type), US label: 120–360 mg capsules once daily; "individual
    /// patients may respond to higher doses of up to 480 mg once daily";
    /// the contraindications of oral diltiazem (sick sinus syndrome or
    /// second- or third-degree AV block without a working ventricular
    /// pacemaker, systolic pressure under 90 mmHg, acute myocardial
    /// infarction with pulmonary congestion, hypersensitivity), read in a
    /// copy of a CD-type label.
    pub const CARDIZEM_CD_LABEL: Citation = Citation::new(
        "cardizem-cd-label",
        "Cardizem CD (diltiazem hydrochloride) extended-release capsules, US prescribing \
         information (DailyMed): once daily, up to 480 mg once daily",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=1042fa13-e6af-46b9-8008-6c941f0978b1",
    )
    .holding(&["diltiazem.max_daily.extended_release_cd"]);

    /// Diltiazem in children (off-label): 1.5–2 mg/kg/day in 3–4 doses,
    /// maximum 6 mg/kg/day and 360 mg/day (Pediatric Oncall); titrated to
    /// 3.5 mg/kg/day (a pharmacology drug card). Neither gives an age range
    /// or a dose under 1 year. Labels: "Safety and effectiveness in
    /// pediatric patients have not been established" (seen in a copy of a
    /// diltiazem extended-release tablet label).
    pub const DILTIAZEM_PAEDIATRIC: Citation = Citation::new(
        "diltiazem-paediatric",
        "Diltiazem in children, off-label: 1.5-2 mg/kg/day in 3-4 doses, maximum 6 mg/kg/day and \
         360 mg/day (Pediatric Oncall drug monograph), or titrated to 3.5 mg/kg/day (pharmacology \
         drug card); no age range given; labels: safety and effectiveness in pediatric patients \
         not established",
        "https://www.pediatriconcall.com/drugs/diltiazem/496",
    )
    .holding(&[
        "diltiazem.max_daily.paediatric",
        "diltiazem.adult_age",
        "diltiazem.paediatric_references.min_age",
    ]);

    /// Oral dosage forms that should not be crushed (ISMP; J. F. Mitchell):
    /// lists Cardizem CD and Cartia XT, the CD-type once-daily diltiazem
    /// capsules, as slow-release capsules not to be crushed or opened.
    /// Read from public copies of the list (`docs/research/label-facts.md`).
    pub const ISMP_DO_NOT_CRUSH: Citation = Citation::new(
        "ismp-do-not-crush",
        "Institute for Safe Medication Practices. Oral Dosage Forms That Should Not Be Crushed \
         (Mitchell JF): Cardizem CD and Cartia XT, capsules, slow-release",
        "https://www.ismp.org/recommendations/do-not-crush",
    )
    .holding(&["alert.administration"]);

    /// Tiazac-type diltiazem extended-release capsules (120–420 mg), US
    /// label: "the dose may be increased to 540 mg once daily"; the capsule
    /// may be opened and its contents sprinkled on a spoonful of
    /// applesauce, swallowed at once without chewing, then a glass of cool
    /// water. Read from copies of the Tiazac and Taztia XT labels; the set
    /// id was not found, so the link is a DailyMed search.
    pub const TIAZAC_LABEL: Citation = Citation::new(
        "tiazac-label",
        "Tiazac (diltiazem hydrochloride) extended-release capsules, US prescribing information: \
         up to 540 mg once daily; capsule contents may be sprinkled on applesauce (set id not \
         verified, DailyMed search)",
        "https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=tiazac",
    )
    .holding(&[
        "diltiazem.max_daily.extended_release_tiazac",
        "alert.administration",
    ]);

    /// Compounded diltiazem oral suspension 12 mg/mL (USP monograph):
    /// label it to be well shaken; tight, light-resistant containers at
    /// controlled room temperature or in a cold place; beyond-use date 60
    /// days after compounding (read from a USP32–NF27 copy).
    pub const DILTIAZEM_SUSPENSION_USP: Citation = Citation::new(
        "diltiazem-suspension-usp",
        "USP monograph: Diltiazem Hydrochloride Oral Suspension, 12 mg/mL (compounded): well \
         shaken; tight, light-resistant container, controlled room temperature or a cold place; \
         beyond-use date 60 days",
        "https://www.usp.org/compounding",
    );

    /// The 10 % threshold for rounding a dose: rounding within 10 % of the
    /// ordered dose is acceptable for routine care (the Hematology/Oncology
    /// Pharmacy Association's position statement, for anticancer agents;
    /// the crate applies the same threshold to every dose it rounds, with
    /// ties to the smaller amount).
    pub const ROUNDING_RULE: Citation = Citation::new(
        "rounding-rule",
        "Fahrenbruch R, Kintzel P, Bott AM, Gilmore S, Markham R. Dose rounding of biologic and \
         cytotoxic anticancer agents: a position statement of the Hematology/Oncology Pharmacy \
         Association. J Oncol Pract 2018 (rounding within 10 % of the ordered dose; PubMed id \
         not verified, search link)",
        "https://pubmed.ncbi.nlm.nih.gov/?term=Fahrenbruch+dose+rounding+Hematology%2FOncology+Pharmacy+Association",
    )
    .holding(&[
        "rounding.tolerance",
        "rounding.tolerance.usual",
        "alert.widened_tolerance",
        "alert.rounded_outside_tolerance",
    ]);

    /// Probenecid tablets USP 500 mg, US label: contraindicated under 2
    /// years; children 2–14 years up to 50 kg (penicillin-therapy
    /// section): 25 mg/kg (0.7 g/m²) first, then 40 mg/kg/day (1.2
    /// g/m²/day) in 4 doses; over 50 kg the adult dosage; adults (gout
    /// section) 250 mg twice daily for a week, then 500 mg twice daily, +500
    /// mg every 4 weeks, usually not above 2 g/day; may be ineffective at
    /// GFR 30 mL/min or less. It states no cap per dose for a child: the
    /// crate's 500 mg is derived from it (40 mg/kg/day in 4 doses at the
    /// 50 kg limit; DESIGN.md).
    pub const PROBENECID_LABEL: Citation = Citation::new(
        "probenecid-label",
        "Probenecid tablets USP 500 mg, US prescribing information (DailyMed)",
        "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=ab121e7d-8c54-417d-a657-a8b82741b9b0&type=display",
    )
    .holding(&[
        "probenecid.min_age",
        "probenecid.max_daily",
        "probenecid.child.max_per_administration",
        "probenecid.child.maintenance.per_kg",
        "probenecid.child.maintenance.per_m2",
        "probenecid.child.max_weight",
        "probenecid.child.age",
        "probenecid.child.start.adult_start",
        "probenecid.adult.frequency",
        "probenecid.administrations.chosen",
        "probenecid.renal",
        "probenecid.renal.indexed",
    ]);

    /// Intralesional sodium thiosulfate 150 mg/mL into the base of the
    /// calcification: a single injection for fingertip lesions under 5 mm;
    /// weekly for 4 weeks for widespread ulcerated lesions; 6 patients (5
    /// systemic sclerosis, 1 NSF); complete remission by week 12 in half,
    /// the rest about 80 % smaller (as the review reports it). PubMed id not
    /// verified here: the link is a PubMed search.
    pub const ACTA_DV_2016: Citation = Citation::new(
        "acta-dv-2016",
        "Acta Derm Venereol 2016;96:257-258 (intralesional sodium thiosulfate 150 mg/mL, 6 \
         patients; PubMed id not verified, search link)",
        "https://pubmed.ncbi.nlm.nih.gov/?term=Acta+Derm+Venereol+2016%3B96%3A257+sodium+thiosulfate",
    )
    .holding(&[
        "intralesional.case_series.fingertip_diameter",
        "intralesional.case_series.interval",
        "intralesional.interval.min",
        "intralesional.population.adult",
        "alert.outside_regimen_source",
        // The series documents its technique with no maximum per session.
        "alert.no_documented_maximum",
    ]);

    /// A congress report (EADV, Copenhagen) of the same intralesional
    /// series: lesions on average 67 % smaller at week 4 and 90 % at week
    /// 12; larger lesions given four injections at 4-week intervals. Read
    /// in news reports of the congress (MDedge, "EADV: Intralesional
    /// therapy for scleroderma dystrophic calcifications").
    pub const EADV_REPORT: Citation = Citation::new(
        "eadv-report",
        "EADV congress report of the intralesional sodium thiosulfate series (Baumgartner-Nielsen \
         J, Aarhus), as reported by MDedge: \"Intralesional therapy for scleroderma dystrophic \
         calcifications\"",
        "https://www.thefreelibrary.com/Intralesional+therapy+aids+dystrophic+calcifications-a0441585685",
    );

    /// Intralesional sodium thiosulfate in lupus panniculitis: 12.5 g/50 mL
    /// (250 mg/mL) after a lidocaine ring block, 0.5 mL per 1-cm circle,
    /// sites every 5–10 mm, lesions softer and smaller after 2–3 injections;
    /// also the list of reported indications. PubMed id not verified here.
    pub const JAAD_2013: Citation = Citation::new(
        "jaad-2013",
        "J Am Acad Dermatol 2013;69:e146 (intralesional sodium thiosulfate, lupus panniculitis; \
         PubMed id not verified, search link)",
        "https://pubmed.ncbi.nlm.nih.gov/?term=J+Am+Acad+Dermatol+2013%3B69%3Ae146+sodium+thiosulfate",
    )
    .holding(&[
        "intralesional.grid.spacing.min",
        "intralesional.grid.spacing.max",
        "intralesional.grid.sessions.min",
        "intralesional.grid.sessions.max",
        "intralesional.volume_per_site.documented",
        "alert.outside_regimen_source",
        // The report documents its technique with no maximum per session.
        "alert.no_documented_maximum",
    ]);

    /// USP general chapter 795, nonsterile compounding (official
    /// 1 November 2023): without a stability study, an aqueous preparation
    /// (water activity at least 0.6) has a beyond-use date of at most 14
    /// days in a refrigerator when it has no preservative, 35 days when it
    /// is preserved. Read from secondary copies (`docs/research/label-facts.md`).
    pub const USP_795: Citation = Citation::new(
        "usp-795",
        "USP general chapter 795, Pharmaceutical Compounding: Nonsterile Preparations (official 1 Nov 2023): beyond-use dates of aqueous preparations, 14 days refrigerated without a preservative, 35 days preserved",
        "https://www.usp.org/compounding/general-chapter-795-pharmaceutical-compounding-nonsterile-preparations",
    );

    /// Topical 10 % sodium thiosulfate in cold cream, twice daily under
    /// occlusion, in a 6-year-old boy after calcium gluconate infusion:
    /// complete resolution at 6 months, without local or systemic adverse
    /// effects. PubMed id not verified here.
    pub const PEDIATR_DERMATOL_2017: Citation = Citation::new(
        "pediatr-dermatol-2017",
        "Pediatr Dermatol 2017;34:356 (topical 10 % sodium thiosulfate in a 6-year-old boy; PubMed \
         id not verified, search link)",
        "https://pubmed.ncbi.nlm.nih.gov/?term=Pediatr+Dermatol+2017%3B34%3A356+sodium+thiosulfate",
    )
    .holding(&[
        "topical.strength.documented",
        "topical.course.documented",
        "alert.outside_regimen_source",
    ]);

    /// A topical water-in-oil emulsion of 10 % sodium thiosulfate for a
    /// 6-year-old boy with calcinosis after calcium gluconate (Seville
    /// hospital pharmacy): the salt dissolved in water, then a commercial
    /// cold cream as the oily external phase.
    pub const STS_COLD_CREAM_PREPARATION: Citation = Citation::new(
        "sts-cold-cream-ejhp",
        "Perez-Moreno MA et al. CP-117 Severe calcinosis cutis successfully treated with a topical W/O emulsion of 10% sodium thiosulfate. Eur J Hosp Pharm 21(Suppl 1):A47",
        "https://ejhp.bmj.com/content/21/Suppl_1/A47.2",
    );

    /// The quantities of the 10 % cream: 10 g of sodium thiosulfate
    /// pentahydrate dissolved in 10 mL of distilled water, cold cream to
    /// 100 g (the same group's formula, in two premature neonates).
    pub const STS_CREAM_QUANTITIES: Citation = Citation::new(
        "sts-cream-quantities-ejhp",
        "PP-046, Eur J Hosp Pharm 2016;23(Suppl 1):A214: 10 g sodium thiosulfate pentahydrate in \
         10 mL distilled water, cold cream to 100 g",
        "https://doi.org/10.1136/ejhpharm-2016-000875.485",
    );

    /// Sodium thiosulfate injection 250 mg/mL (12.5 g in 50 mL), Hope
    /// Pharmaceuticals, US label (DailyMed set id
    /// 82f55408-2de9-463d-85e8-b39c3b259f0b, verified through openFDA):
    /// contraindications none; blood pressure monitored during treatment;
    /// may contain trace sodium sulfite; excreted by the kidney.
    pub const STS_INJECTION_LABEL: Citation = Citation::new(
        "sts-injection-label",
        "Sodium thiosulfate injection 12.5 g/50 mL (250 mg/mL), Hope Pharmaceuticals, US prescribing information (DailyMed)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=82f55408-2de9-463d-85e8-b39c3b259f0b",
    );

    /// The single intravenous dose of sodium thiosulfate (the injection's
    /// label, cyanide poisoning): adults 12.5 g; children 250 mg/kg, never
    /// above 12.5 g. Bounds an intralesional session (DailyMed set id
    /// 82f55408-2de9-463d-85e8-b39c3b259f0b).
    pub const STS_IV_DOSE: Citation = Citation::new(
        "sts-iv-dose",
        "Sodium thiosulfate injection 250 mg/mL (Hope Pharmaceuticals), prescribing information, \
         dosage for cyanide poisoning: adults 50 mL (12.5 g); children 1 mL/kg (250 mg/kg), not \
         to exceed 50 mL (12.5 g)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=82f55408-2de9-463d-85e8-b39c3b259f0b",
    )
    .holding(&["sodium_thiosulfate.max_per_session", "alert.no_documented_maximum"]);

    /// Sodium thiosulfate injection 125 mg/mL (12.5 g in 100 mL), the
    /// paediatric infusion product (Pedmark; DailyMed set id
    /// f98c7076-2a7b-4fd7-ab90-eed5e9137bae, verified through openFDA).
    pub const STS_PAEDIATRIC_LABEL: Citation = Citation::new(
        "sts-paediatric-label",
        "Pedmark (sodium thiosulfate injection) 12.5 g/100 mL, US prescribing information (DailyMed)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f98c7076-2a7b-4fd7-ab90-eed5e9137bae",
    );

    /// Lidocaine hydrochloride injection label (Xylocaine): 4.5 mg/kg and
    /// not above 300 mg plain; 7 mg/kg and not above 500 mg with
    /// epinephrine, for normal healthy adults; solutions with a
    /// vasoconstrictor used cautiously in areas supplied by end arteries;
    /// monitoring after each injection; epinephrine with MAO inhibitors or
    /// tricyclic antidepressants.
    pub const LIDOCAINE_LABEL: Citation = Citation::new(
        "lidocaine-label",
        "Xylocaine (lidocaine HCl) injection, with and without epinephrine, US prescribing information (DailyMed)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=4dd52202-8eef-4136-92dd-ada573b7cf74",
    )
    .holding(&[
        "lidocaine.max.plain",
        "lidocaine.max.with_epinephrine",
        "alert.label_caution",
    ]);

    /// Lidocaine in children, as a lidocaine label states it (GLYDO 2 %
    /// jelly, openFDA set id 3364b25d-bf30-c028-e063-6394a90a8008): a
    /// maximum is hard to recommend as it varies with age and weight; by
    /// Clark's rule a 5-year-old of 50 lb should not exceed 75 to 100 mg;
    /// in any case not above 4.5 mg/kg (2 mg/lb). The injection's own
    /// paediatric paragraph was not readable here
    /// (`docs/research/label-facts.md`, section 3).
    pub const LIDOCAINE_PAEDIATRIC: Citation = Citation::new(
        "lidocaine-paediatric",
        "Lidocaine hydrochloride 2 % jelly (GLYDO), US prescribing information, maximum dosage, \
         children: Clark's rule example (5 years, 50 lb: 75 to 100 mg), in any case not above \
         4.5 mg/kg (2 mg/lb)",
        "https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=3364b25d-bf30-c028-e063-6394a90a8008",
    )
    .holding(&["lidocaine.max.child", "alert.label_caution"]);

    /// The fingertip unit: about 0.5 g from a 5 mm nozzle, covering about
    /// 286 cm²; adult FTU per region.
    pub const LONG_FINLAY_1991: Citation = Citation::new(
        "long-finlay-1991",
        "Long CC, Finlay AY. The finger-tip unit: a new practical measure. Clin Exp Dermatol 1991;16(6):444-447",
        "https://doi.org/10.1111/j.1365-2230.1991.tb01232.x",
    )
    .holding(&["alert.outside_regimen_source"]);

    /// Body surface area by the Mosteller formula.
    pub const MOSTELLER_1987: Citation = Citation::new(
        "mosteller-1987",
        "Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317(17):1098",
        "https://doi.org/10.1056/NEJM198710223171717",
    )
    .holding(&[
        "topical.area.body_surface_area",
        "topical.area.largest_for_weight",
    ]);

    /// Every source the crate cites, in the order above.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::sources;
    ///
    /// assert!(sources::ALL.contains(&sources::REGIONALDERM));
    /// ```
    pub const ALL: [Citation; 25] = [
        REGIONALDERM,
        J_RHEUMATOL_2001,
        PALMIERI_1995,
        DILTIAZEM_LABEL,
        CARDIZEM_CD_LABEL,
        DILTIAZEM_PAEDIATRIC,
        ISMP_DO_NOT_CRUSH,
        TIAZAC_LABEL,
        DILTIAZEM_SUSPENSION_USP,
        ROUNDING_RULE,
        PROBENECID_LABEL,
        ACTA_DV_2016,
        EADV_REPORT,
        JAAD_2013,
        USP_795,
        PEDIATR_DERMATOL_2017,
        STS_COLD_CREAM_PREPARATION,
        STS_CREAM_QUANTITIES,
        STS_INJECTION_LABEL,
        STS_IV_DOSE,
        STS_PAEDIATRIC_LABEL,
        LIDOCAINE_LABEL,
        LIDOCAINE_PAEDIATRIC,
        LONG_FINLAY_1991,
        MOSTELLER_1987,
    ];
}
