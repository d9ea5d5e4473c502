//! The daily dose as a picture.

use super::Plan;
use crate::format::number;
use crate::picture::{DailyChart, Level};

impl Plan {
    /// The daily dose as an SVG chart: one level (mg/day) from day 0,
    /// continuing, with the plan's limits drawn as lines in mg/day: the
    /// documented 1–3 mg/kg/day at the plan's weight and the daily maximum
    /// (hard red, advisory amber), each labelled with its value and source
    /// key.
    ///
    /// The root element carries `data-levels` and each limit line
    /// `data-limit` (its id) and `data-value` (mg/day).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::{diltiazem, Age, BodyWeight, DailyDosePerKg, Patient};
    ///
    /// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(50.0)?);
    /// let rate = DailyDosePerKg::from_mg_per_kg_per_day(3.0)?;
    /// let plan = diltiazem::plan(&adult, rate, &diltiazem::Options::default())?;
    /// let svg = plan.to_svg();
    /// // 3 mg/kg/day at 70 kg is 210 mg/day.
    /// assert!(svg.contains(r#"data-limit="diltiazem.rate.max" data-value="210""#));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// The plan's own dose and limits; see [`Plan::limits`].
    #[must_use]
    pub fn to_svg(&self) -> String {
        DailyChart {
            title: format!(
                "Diltiazem, {} kg: daily dose ({})",
                number(self.weight().kg(), 3),
                self.product()
            ),
            quantity: "daily dose",
            unit: "mg/day",
            decimals: 2,
            levels: vec![Level {
                from_day: 0,
                amount: self.schedule().total().mg_per_day(),
            }],
            end_day: None,
            limits: self.limits(),
            weight_kg: self.weight().kg(),
        }
        .to_svg()
    }
}
