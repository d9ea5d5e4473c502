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
/// assert_eq!(sources::J_RHEUMATOL_2001.reference(), "J Rheumatol 2001;28(5):1129 (probenecid for calcinosis in a 4-year-old girl)");
/// assert!(sources::J_RHEUMATOL_2001.link().starts_with("https://"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Citation {
    key: &'static str,
    reference: &'static str,
    link: &'static str,
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
        }
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

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.reference, self.link)
    }
}

/// Adds `citation` to `list` unless it is there already (keeps first-use order).
pub(crate) fn push_unique(list: &mut Vec<Citation>, citation: Citation) {
    if !list.contains(&citation) {
        list.push(citation);
    }
}

/// The sources this crate encodes, one constant each.
///
/// Each constant is the source named in `shared/clinical-reference.md`; the
/// regimen modules cite them in their rustdoc and attach them to plans.
pub mod sources {
    use super::Citation;

    /// The review page of calcinosis cutis that collects the five regimens
    /// (diltiazem 1–3 mg/kg/day among them).
    pub const REGIONALDERM: Citation = Citation::new(
        "regionalderm",
        "White GM. Calcinosis cutis. RegionalDerm.com (dermatology reference page)",
        "https://www.regionalderm.com/",
    );

    /// Probenecid for calcinosis in a 4-year-old girl: 25 mg/kg/day, later
    /// 1250 mg/day.
    pub const J_RHEUMATOL_2001: Citation = Citation::new(
        "j-rheumatol-2001",
        "J Rheumatol 2001;28(5):1129 (probenecid for calcinosis in a 4-year-old girl)",
        "https://pubmed.ncbi.nlm.nih.gov/?term=J+Rheumatol+2001%3B28%3A1129",
    );

    /// Diltiazem for calcinosis in adults (240–480 mg/day).
    pub const PALMIERI_1995: Citation = Citation::new(
        "palmieri-1995",
        "Palmieri GM et al. Treatment of calcinosis with diltiazem. Arthritis Rheum 1995;38(11):1646-1654",
        "https://pubmed.ncbi.nlm.nih.gov/7488286/",
    );

    /// Diltiazem product labels: immediate-release tablets (30, 60, 90,
    /// 120 mg; 360 mg/day), extended-release capsules (CD type, 480 mg/day;
    /// Tiazac type, 540 mg/day).
    pub const DILTIAZEM_LABEL: Citation = Citation::new(
        "diltiazem-label",
        "Diltiazem hydrochloride tablets and extended-release capsules, US prescribing information (DailyMed)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f3e7ecef-f360-4987-a4f5-933214130ab2",
    );

    /// Diltiazem in children: off-label, 1.5–2 mg/kg/day in 3–4 doses,
    /// maxima 3.5 or 6 mg/kg/day by source, never above 360 mg/day.
    pub const DILTIAZEM_PAEDIATRIC: Citation = Citation::new(
        "diltiazem-paediatric",
        "Diltiazem in children: safety and effectiveness not established by the label (off-label use); paediatric dosing of 1.5-2 mg/kg/day in 3-4 doses, maxima 3.5 or 6 mg/kg/day by source, never above 360 mg/day, from secondary drug-information references",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f3e7ecef-f360-4987-a4f5-933214130ab2",
    );

    /// Oral dosage forms that should not be crushed (ISMP; J. F. Mitchell):
    /// lists Cardizem CD and Cartia XT, the CD-type once-daily diltiazem
    /// capsules, as slow-release capsules not to be crushed or opened.
    /// Read from public copies of the list (`docs/research/label-facts.md`).
    pub const ISMP_DO_NOT_CRUSH: Citation = Citation::new(
        "ismp-do-not-crush",
        "Institute for Safe Medication Practices. Oral Dosage Forms That Should Not Be Crushed \
         (Mitchell JF): Cardizem CD and Cartia XT, capsules, slow-release",
        "https://www.ismp.org/recommendations/do-not-crush",
    );

    /// Tiazac-type diltiazem extended-release capsules, US label: the
    /// capsule may be opened and its contents sprinkled on a spoonful of
    /// applesauce, swallowed at once without chewing, then a glass of cool
    /// water. Read from copies of the Tiazac and Taztia XT labels; the set
    /// id was not found, so the link is a DailyMed search.
    pub const TIAZAC_LABEL: Citation = Citation::new(
        "tiazac-label",
        "Tiazac (diltiazem hydrochloride) extended-release capsules, US prescribing information, \
         dosage and administration: sprinkling the capsule contents on applesauce",
        "https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=tiazac",
    );

    /// Compounded diltiazem oral suspension 12 mg/mL (USP monograph).
    pub const DILTIAZEM_SUSPENSION_USP: Citation = Citation::new(
        "diltiazem-suspension-usp",
        "USP monograph: Diltiazem Hydrochloride Oral Suspension, 12 mg/mL (compounded)",
        "https://www.usp.org/compounding",
    );

    /// The rounding rule: never move a dose more than 10 % of the calculated
    /// dose (a widely used hospital rule), applied once, at the end.
    pub const ROUNDING_RULE: Citation = Citation::new(
        "rounding-rule",
        "calcinosis-dosing clinical reference, section 5: rounding and dose-range checking",
        "DESIGN.md#why-round-once-within-10-",
    );
    /// Probenecid tablet label: 500 mg tablets; contraindicated under 2
    /// years; children 2–14 years up to 50 kg: 25 mg/kg (0.7 g/m²) first,
    /// 40 mg/kg/day (1.2 g/m²/day) in 4 doses maintenance, at most 500 mg per
    /// dose; over 50 kg adult dosing; adults 250 mg twice daily for a week,
    /// then 500 mg twice daily, +500 mg every 4 weeks, not above 2 g/day; may
    /// be ineffective at GFR 30 mL/min or less.
    pub const PROBENECID_LABEL: Citation = Citation::new(
        "probenecid-label",
        "Probenecid tablets USP 500 mg, US prescribing information (DailyMed)",
        "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=ab121e7d-8c54-417d-a657-a8b82741b9b0&type=display",
    );

    /// Intralesional sodium thiosulfate 150 mg/mL: a single injection for
    /// fingertip lesions under 5 mm; weekly for 4 weeks for widespread
    /// ulcerated lesions; 6 patients (5 systemic sclerosis, 1 NSF).
    pub const ACTA_DV_2016: Citation = Citation::new(
        "acta-dv-2016",
        "Acta Derm Venereol 2016;96:257-258 (intralesional sodium thiosulfate 150 mg/mL, 6 patients)",
        "https://pubmed.ncbi.nlm.nih.gov/?term=Acta+Derm+Venereol+2016%3B96%3A257+sodium+thiosulfate",
    );

    /// Intralesional sodium thiosulfate in lupus panniculitis: 12.5 g/50 mL
    /// (250 mg/mL) after a lidocaine ring block, 0.5 mL per 1-cm circle,
    /// sites every 5–10 mm, 2–3 injections per lesion; also the list of
    /// reported indications.
    pub const JAAD_2013: Citation = Citation::new(
        "jaad-2013",
        "J Am Acad Dermatol 2013;69(5):e146 (intralesional sodium thiosulfate, lupus panniculitis)",
        "https://pubmed.ncbi.nlm.nih.gov/?term=J+Am+Acad+Dermatol+2013%3B69%3Ae146+sodium+thiosulfate",
    );

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
    /// occlusion, in a 6-year-old boy: complete resolution at 6 months.
    pub const PEDIATR_DERMATOL_2017: Citation = Citation::new(
        "pediatr-dermatol-2017",
        "Pediatr Dermatol 2017;34(3):356 (topical 10 % sodium thiosulfate in a 6-year-old boy)",
        "https://pubmed.ncbi.nlm.nih.gov/?term=Pediatr+Dermatol+2017%3B34%3A356+sodium+thiosulfate",
    );

    /// The published preparation of 10 % sodium thiosulfate in a cold-cream
    /// (water-in-oil) base, from the same case (Seville hospital pharmacy).
    pub const STS_COLD_CREAM_PREPARATION: Citation = Citation::new(
        "sts-cold-cream-ejhp",
        "Perez-Moreno MA et al. CP-117 Severe calcinosis cutis successfully treated with a topical W/O emulsion of 10% sodium thiosulfate. Eur J Hosp Pharm 21(Suppl 1):A47",
        "https://ejhp.bmj.com/content/21/Suppl_1/A47.2",
    );

    /// Sodium thiosulfate injection 250 mg/mL (12.5 g in 50 mL), US label.
    pub const STS_INJECTION_LABEL: Citation = Citation::new(
        "sts-injection-label",
        "Sodium thiosulfate injection 12.5 g/50 mL (250 mg/mL), Hope Pharmaceuticals, US prescribing information",
        "https://www.accessdata.fda.gov/spl/data/29449d76-f4c7-4571-b7bb-5c2a55f637b5/29449d76-f4c7-4571-b7bb-5c2a55f637b5.xml",
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
    );

    /// Sodium thiosulfate injection 125 mg/mL (12.5 g in 100 mL), the
    /// paediatric infusion product (Pedmark).
    pub const STS_PAEDIATRIC_LABEL: Citation = Citation::new(
        "sts-paediatric-label",
        "Pedmark (sodium thiosulfate injection) 12.5 g/100 mL, US prescribing information",
        "https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=pedmark",
    );

    /// Lidocaine hydrochloride injection label: 4.5 mg/kg and not above
    /// 300 mg plain; 7 mg/kg and not above 500 mg with epinephrine.
    pub const LIDOCAINE_LABEL: Citation = Citation::new(
        "lidocaine-label",
        "Xylocaine (lidocaine HCl) injection, with and without epinephrine, US prescribing information (DailyMed)",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=4dd52202-8eef-4136-92dd-ada573b7cf74",
    );

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
    );

    /// The fingertip unit: about 0.5 g from a 5 mm nozzle, covering about
    /// 286 cm²; adult FTU per region.
    pub const LONG_FINLAY_1991: Citation = Citation::new(
        "long-finlay-1991",
        "Long CC, Finlay AY. The finger-tip unit: a new practical measure. Clin Exp Dermatol 1991;16(6):444-447",
        "https://doi.org/10.1111/j.1365-2230.1991.tb01232.x",
    );

    /// Body surface area by the Mosteller formula.
    pub const MOSTELLER_1987: Citation = Citation::new(
        "mosteller-1987",
        "Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317(17):1098",
        "https://doi.org/10.1056/NEJM198710223171717",
    );
}
