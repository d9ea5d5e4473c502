//! The course as a picture.

use super::Plan;
use crate::picture::{DailyChart, Level};

impl Plan {
    /// The course as an SVG chart: the cream applied each day (g/day) from
    /// day 0 to the end of the course, with the documented course length
    /// drawn as a line, labelled with its value and source key.
    ///
    /// The root element carries `data-levels` and each limit line
    /// `data-limit` (its id) and `data-value` (days).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::sodium_thiosulfate::topical::{self, PackSize, SkinArea, TreatedArea};
    /// use calcinosis_dosing::{Age, BodyWeight, Patient};
    ///
    /// let boy = Patient::new(BodyWeight::from_kg(20.0)?, Age::from_years(6.0)?);
    /// let area = TreatedArea::Area(SkinArea::from_cm2(60.0)?);
    /// let plan = topical::plan(&boy, &area, PackSize::from_g(50.0)?, &topical::Options::default())?;
    /// let svg = plan.to_svg();
    /// assert!(svg.contains(r#"data-limit="topical.course.documented" data-value="183""#));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// The plan's own amounts and limits; see [`Plan::limits`].
    #[must_use]
    pub fn to_svg(&self) -> String {
        DailyChart {
            title: format!(
                "Topical sodium thiosulfate {}: cream a day over the course",
                self.strength()
            ),
            quantity: "cream a day",
            unit: "g/day",
            decimals: 3,
            levels: vec![Level {
                from_day: 0,
                amount: self.per_day_g(),
            }],
            end_day: Some(self.course().days()),
            limits: self.limits(),
            weight_kg: 0.0,
        }
        .to_svg()
    }
}
