//! One session's injection sites as a picture.

use super::{GRID_CIRCLE_DIAMETER_MM, Plan, Protocol};
use crate::format::{number, number_beside};
use crate::limit::Outcome;
use crate::picture::SiteMap;

impl Plan {
    /// One session's injection sites as an SVG map, to scale: the lesion
    /// outline, every site with its number, the volume at each site, a
    /// 10 mm scale bar and what one session delivers; on a grid, each
    /// site's 1 cm circle and the spacing.
    ///
    /// The root element carries `data-px-per-mm`, `data-centre-x`,
    /// `data-centre-y` and `data-sites`; each site is a group with
    /// `data-site` (its number), `data-x-mm` and `data-y-mm` (mm from the
    /// lesion centre, y up, as [`Plan::sites`]), so a reader can check
    /// the picture against the plan.
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::sodium_thiosulfate::intralesional::{
    ///     self, GridOptions, GridSessions, Interval, LesionSize, Spacing,
    /// };
    /// use calcinosis_dosing::{Age, BodyWeight, Patient};
    ///
    /// let adult = Patient::new(BodyWeight::from_kg(60.0)?, Age::from_years(45.0)?);
    /// let options = GridOptions::new(Spacing::from_mm(10.0)?, GridSessions::new(3)?, Interval::from_weeks(4.0)?);
    /// let plan = intralesional::grid_plan(&adult, LesionSize::diameter_mm(30.0)?, &options)?;
    /// let svg = plan.to_svg();
    /// assert!(svg.contains(r#"data-sites="9""#));
    /// assert!(svg.contains(r#"data-site="1" data-x-mm="-10" data-y-mm="10""#));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// The plan's own sites and amounts; the 1 cm circle per site:
    /// [`GRID_CIRCLE_DIAMETER_MM`].
    #[must_use]
    pub fn to_svg(&self) -> String {
        let size = self.size();
        let sites: Vec<(f64, f64)> = self.sites().iter().map(|s| (s.x_mm(), s.y_mm())).collect();
        let grid = self.protocol() == Protocol::Grid;
        let technique = if grid {
            "grid technique"
        } else {
            "into the base of the calcification"
        };
        SiteMap {
            title: "Intralesional sodium thiosulfate".to_owned(),
            subtitle: format!("{technique}: one session, lesion {size}"),
            lesion_mm: (size.length_mm(), size.width_mm()),
            sites: &sites,
            spacing_mm: self.spacing().map(super::Spacing::mm),
            circle_mm: grid.then_some(GRID_CIRCLE_DIAMETER_MM),
            per_site_ml: self.per_site().volume_ml(),
            crossed: self
                .limits()
                .iter()
                .filter(|c| matches!(c.outcome(), Outcome::CrossedWithAlert | Outcome::Overridden))
                .map(|c| {
                    let limit = c.limit();
                    format!(
                        "{} ({}): {} {} {}, this plan {} {}: {}",
                        limit.name(),
                        limit.severity(),
                        limit.bound(),
                        number_beside(limit.value(), c.observed(), 3),
                        limit.unit(),
                        number_beside(c.observed(), limit.value(), 3),
                        limit.unit(),
                        c.outcome()
                    )
                })
                .collect(),
            session: format!(
                "one session: {}; {} session{}",
                self.per_session(),
                number(f64::from(self.sessions()), 0),
                if self.sessions() == 1 { "" } else { "s" }
            ),
        }
        .to_svg()
    }
}
