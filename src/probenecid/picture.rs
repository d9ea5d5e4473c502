//! The titration as a picture.

use super::Plan;
use crate::format::number;
use crate::picture::{DailyChart, Level};

impl Plan {
    /// The titration as an SVG step chart: the daily dose (mg/day) of each
    /// step over the days, the last step continuing, with the plan's daily
    /// limits drawn as lines (hard red, advisory amber; a per-kg limit at
    /// the plan's weight), each labelled with its value and source key.
    ///
    /// The root element carries `data-levels` (the number of steps) and
    /// each limit line `data-limit` (its id) and `data-value` (mg/day).
    ///
    /// # Example
    ///
    /// ```
    /// use calcinosis_dosing::probenecid::{self, DailyAmount, Options};
    /// use calcinosis_dosing::{Age, BodyWeight, DailyDose, Patient};
    ///
    /// let adult = Patient::new(BodyWeight::from_kg(70.0)?, Age::from_years(45.0)?);
    /// let target = DailyAmount::Daily(DailyDose::from_mg_per_day(2000.0)?);
    /// let plan = probenecid::plan(&adult, target, &Options::default())?;
    /// let svg = plan.to_svg();
    /// assert!(svg.starts_with("<svg"));
    /// assert!(svg.contains(r#"data-levels="4""#));
    /// assert!(svg.contains(r#"data-limit="probenecid.max_daily" data-value="2000""#));
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    ///
    /// # References
    ///
    /// The plan's own steps and limits; see [`Plan::limits`].
    #[must_use]
    pub fn to_svg(&self) -> String {
        DailyChart {
            title: format!(
                "Probenecid titration, {} kg: daily dose by step",
                number(self.weight().kg(), 3)
            ),
            quantity: "daily dose",
            unit: "mg/day",
            decimals: 0,
            levels: self
                .steps()
                .iter()
                .map(|s| Level {
                    from_day: s.day(),
                    amount: s.daily().mg_per_day(),
                })
                .collect(),
            end_day: None,
            limits: self.limits(),
            weight_kg: self.weight().kg(),
        }
        .to_svg()
    }
}
