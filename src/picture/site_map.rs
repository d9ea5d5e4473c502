//! A map of the injection sites of one session, to scale: the lesion
//! outline, every site with its number (and, on a grid, its 1-cm circle),
//! the spacing, a 10 mm scale bar and the volume per site.

use super::svg::{Svg, px, wrap};
use crate::format::number;

/// What a site map shows.
pub(crate) struct SiteMap<'a> {
    /// The heading: drug and technique.
    pub(crate) title: String,
    /// The line under it: the session and the lesion.
    pub(crate) subtitle: String,
    /// The lesion's length (along x) and width (along y), mm.
    pub(crate) lesion_mm: (f64, f64),
    /// Every site, in mm from the lesion centre (y up), in the plan's order.
    pub(crate) sites: &'a [(f64, f64)],
    /// The grid spacing, mm, for a grid plan.
    pub(crate) spacing_mm: Option<f64>,
    /// The diameter of the circle each site treats, mm, for a grid plan.
    pub(crate) circle_mm: Option<f64>,
    /// The volume at each site, mL.
    pub(crate) per_site_ml: f64,
    /// What one session delivers, as the plan writes it.
    pub(crate) session: String,
    /// The plan's limits that it crosses with an alert or that the caller
    /// overrode, each in words.
    pub(crate) crossed: Vec<String>,
}

const MARGIN: f64 = 40.0;
const HEADER: f64 = 50.0;
const FOOTER: f64 = 80.0;
/// The longest note row, in characters, before it wraps.
const NOTE_CHARS: usize = 84;
/// The drawing area for the lesion, px.
const AREA: f64 = 440.0;

impl SiteMap<'_> {
    /// The map as SVG text. The root carries `data-px-per-mm` and the
    /// centre (`data-centre-x`, `data-centre-y`), and each site
    /// `data-x-mm`, `data-y-mm`, so a reader can check positions.
    pub(crate) fn to_svg(&self) -> String {
        let (length, width) = self.lesion_mm;
        let reach = self.circle_mm.unwrap_or(0.0) / 2.0;
        let extent = length.max(width) + 2.0 * reach;
        // Whole or half pixels per mm keep the scale readable: 1 mm is at
        // most 40 px (a 4 mm fingertip lesion) and at least 2 px (200 mm).
        let scale = (AREA / extent).clamp(2.0, 40.0);
        let scale = (scale * 2.0).floor() / 2.0;
        let drawing_w = extent * scale;
        let drawing_h = (width + 2.0 * reach) * scale;
        let total_w = (drawing_w + 2.0 * MARGIN).max(560.0);
        // Room for the notes: each crossed limit may take three rows.
        let notes = 3 + 3 * self.crossed.len();
        let total_h = HEADER
            + drawing_h
            + FOOTER
            + 2.0 * MARGIN
            + 14.0 * f64::from(u16::try_from(notes).unwrap_or(u16::MAX));
        let centre = (total_w / 2.0, HEADER + MARGIN + drawing_h / 2.0);
        let at = |(x, y): (f64, f64)| (centre.0 + x * scale, centre.1 - y * scale);
        let mut svg = Svg::new(
            total_w,
            total_h,
            &self.title,
            &format!(
                " data-px-per-mm=\"{}\" data-centre-x=\"{}\" data-centre-y=\"{}\" data-sites=\"{}\"",
                px(scale),
                px(centre.0),
                px(centre.1),
                self.sites.len()
            ),
        );
        svg.text((MARGIN / 2.0, 24.0), "start", "title", &self.title);
        svg.text((MARGIN / 2.0, 42.0), "start", "", &self.subtitle);
        svg.ellipse(
            centre,
            (length / 2.0 * scale, width / 2.0 * scale),
            "lesion",
        );
        // Numbers only where they fit: at least 7 px of font.
        let font = self
            .spacing_mm
            .map_or(12.0, |s| (s * scale * 0.45).min(12.0));
        for (i, &(x, y)) in self.sites.iter().enumerate() {
            let point = at((x, y));
            svg.open_group(&format!(
                " class=\"injection\" data-site=\"{}\" data-x-mm=\"{x}\" data-y-mm=\"{y}\"",
                i + 1,
            ));
            if let Some(circle) = self.circle_mm {
                svg.circle(point, circle / 2.0 * scale, "ring", "");
            }
            svg.circle(point, (scale * 0.6).clamp(1.0, 3.0), "site", "");
            if font >= 7.0 {
                svg.small_text((point.0 + 2.0, point.1 - 2.0), font, &format!("{}", i + 1));
            }
            svg.close_group();
        }
        let base = HEADER + MARGIN + drawing_h + 30.0;
        // A 10 mm scale bar.
        svg.line(
            (MARGIN / 2.0, base),
            (MARGIN / 2.0 + 10.0 * scale, base),
            "scale",
        );
        svg.text(
            (MARGIN / 2.0 + 10.0 * scale + 6.0, base + 4.0),
            "start",
            "",
            "10 mm",
        );
        let mut lines = vec![format!(
            "{} site{}, {} mL at each{}",
            number(
                f64::from(u32::try_from(self.sites.len()).unwrap_or(u32::MAX)),
                0
            ),
            if self.sites.len() == 1 { "" } else { "s" },
            number(self.per_site_ml, 3),
            self.circle_mm.map_or(String::new(), |c| format!(
                " (one {} mm circle)",
                number(c, 1)
            ))
        )];
        if let Some(spacing) = self.spacing_mm {
            lines.push(format!("sites {} mm apart", number(spacing, 1)));
        }
        lines.push(self.session.clone());
        if font < 7.0 {
            lines.push(
                "site numbers left out at this scale: sites are numbered row by row from the top left"
                    .to_owned(),
            );
        }
        lines.extend(self.crossed.iter().cloned());
        let rows: Vec<String> = lines.iter().flat_map(|l| wrap(l, NOTE_CHARS)).collect();
        for (i, row) in rows.iter().enumerate() {
            let y = base + 20.0 + 14.0 * f64::from(u16::try_from(i).unwrap_or(u16::MAX));
            svg.text((MARGIN / 2.0, y), "start", "", row);
        }
        svg.finish()
    }
}
