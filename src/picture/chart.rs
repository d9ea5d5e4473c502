//! A chart of the daily dose over the days: one level per titration step
//! (one level for a plan with no titration), with the plan's daily limits
//! drawn as horizontal lines and its course limits as vertical lines.

use super::svg::{Svg, escape, wrap};
use crate::format::{number, ucum_code};
use crate::limit::{CheckedLimit, Outcome, Severity};

/// One level of the daily dose: from this day on, this amount a day.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Level {
    /// The first day of the level (day 0 is the first day).
    pub(crate) from_day: u32,
    /// The daily amount, in the chart's unit.
    pub(crate) amount: f64,
}

/// What a chart shows.
pub(crate) struct DailyChart<'a> {
    /// The heading: drug and patient.
    pub(crate) title: String,
    /// What the vertical axis shows ("daily dose", "cream a day").
    pub(crate) quantity: &'static str,
    /// The daily unit as written ("mg/day", "g/day").
    pub(crate) unit: &'static str,
    /// Decimals for the amounts written on the chart.
    pub(crate) decimals: usize,
    /// The levels, in day order, the first from day 0.
    pub(crate) levels: Vec<Level>,
    /// The last day of the course, when the plan has one; without it the
    /// last level goes on ("continues") and the axis ends a step after it.
    pub(crate) end_day: Option<u32>,
    /// The plan's checked limits; those in the chart's daily unit (or per
    /// kg a day, at `weight_kg`) and those on the course length are drawn.
    pub(crate) limits: &'a [CheckedLimit],
    /// The weight a per-kg limit is drawn at.
    pub(crate) weight_kg: f64,
}

const WIDTH: f64 = 820.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 50.0;
const PLOT_HEIGHT: f64 = 260.0;
const PLOT_WIDTH: f64 = WIDTH - LEFT - RIGHT;
const LEGEND_TOP: f64 = TOP + PLOT_HEIGHT + 60.0;
/// The longest legend row, in characters, before it wraps.
const LEGEND_CHARS: usize = 120;

/// A limit drawn as a line: its id, the value in the chart's unit or in
/// days, the label, and how hard it is.
struct Drawn {
    id: &'static str,
    value: f64,
    short: String,
    label: String,
    hard: bool,
    outcome: Outcome,
}

impl DailyChart<'_> {
    /// The daily limits drawn as horizontal lines, and the course limits
    /// drawn as vertical lines.
    fn drawn(&self) -> (Vec<Drawn>, Vec<Drawn>) {
        let unit = ucum_code(self.unit);
        let mut daily: Vec<Drawn> = Vec::new();
        let mut course: Vec<Drawn> = Vec::new();
        for checked in self.limits {
            let limit = checked.limit();
            let hard = limit.severity() == Severity::Hard;
            let bound = limit.bound().to_string();
            let code = ucum_code(limit.unit());
            let source = limit.source().key();
            let (into, value, short, label) = if code == unit {
                (
                    &mut daily,
                    limit.value(),
                    format!(
                        "{} {}",
                        number(limit.value(), self.decimals.max(3)),
                        self.unit
                    ),
                    format!(
                        "{}: {bound} {} {} [{source}]",
                        limit.name(),
                        number(limit.value(), self.decimals.max(3)),
                        self.unit
                    ),
                )
            } else if unit == "mg/d" && code == "mg/kg/d" {
                let at_weight = limit.value() * self.weight_kg;
                (
                    &mut daily,
                    at_weight,
                    format!("{} mg/day", number(at_weight, 3)),
                    format!(
                        "{}: {bound} {} mg/kg/day × {} kg = {} mg/day [{source}]",
                        limit.name(),
                        number(limit.value(), 3),
                        number(self.weight_kg, 3),
                        number(at_weight, 3)
                    ),
                )
            } else if code == "d" && limit.scope() == crate::limit::Scope::PerCourse {
                (
                    &mut course,
                    limit.value(),
                    format!("day {}", number(limit.value(), 0)),
                    format!(
                        "{}: {bound} {} days [{source}]",
                        limit.name(),
                        number(limit.value(), 0)
                    ),
                )
            } else {
                continue;
            };
            if value.is_finite() && !into.iter().any(|d| d.id == limit.id()) {
                into.push(Drawn {
                    id: limit.id(),
                    value,
                    short,
                    label,
                    hard,
                    outcome: checked.outcome(),
                });
            }
        }
        // Highest first: the letters go down the right-hand labels.
        daily.sort_by(|a, b| b.value.total_cmp(&a.value));
        (daily, course)
    }

    /// The chart as SVG text.
    pub(crate) fn to_svg(&self) -> String {
        let (daily, course) = self.drawn();
        let frame = self.frame(&daily, &course);
        // The legend, one entry per limit line with its letter, wrapped
        // once: its rows give the picture's height and are then drawn.
        let legend: Vec<(usize, String)> = daily
            .iter()
            .chain(&course)
            .enumerate()
            .flat_map(|(i, d)| {
                let text = format!("{}  ({}) {}", letter(i), d.kind(), d.label);
                wrap(&text, LEGEND_CHARS).into_iter().enumerate()
            })
            .collect();
        let rows = legend.len() + 1;
        let height = LEGEND_TOP + 14.0 * f64::from(u16::try_from(rows).unwrap_or(u16::MAX)) + 10.0;
        let mut svg = Svg::new(
            WIDTH,
            height,
            &self.title,
            &format!(
                " data-unit=\"{}\" data-levels=\"{}\" data-limit-lines=\"{}\"",
                escape(self.unit),
                self.levels.len(),
                daily.len() + course.len()
            ),
        );
        svg.text((LEFT, 24.0), "start", "title", &self.title);
        self.axes(&mut svg, &frame);
        self.draw_levels(&mut svg, &frame);
        draw_limits(&mut svg, &frame, &daily, &course);
        let mut row = LEGEND_TOP;
        for (part, text) in &legend {
            let indent = if *part == 0 { 0.0 } else { 16.0 };
            svg.text((LEFT + indent, row), "start", "", text);
            row += 14.0;
        }
        svg.text(
            (LEFT, row),
            "start",
            "",
            "Red dashes: hard limits; amber dots: advisory. The plan's text lists every limit it was checked against.",
        );
        svg.finish()
    }

    /// The scales: the last day drawn and the largest amount.
    fn frame(&self, daily: &[Drawn], course: &[Drawn]) -> Frame {
        let last_from = self.levels.last().map_or(0, |l| l.from_day);
        // Room for an open-ended last level: the last titration interval,
        // or 28 days for a single level. Drawing room only: no tick is
        // written there.
        let room = match self.levels.as_slice() {
            [.., a, b] => b.from_day.saturating_sub(a.from_day).max(1),
            _ => 28,
        };
        let end = self
            .end_day
            .unwrap_or(last_from + room)
            .max(course.iter().map(|c| whole_day(c.value)).max().unwrap_or(0))
            .max(1);
        let top = self
            .levels
            .iter()
            .map(|l| l.amount)
            .chain(daily.iter().map(|d| d.value))
            .fold(0.0_f64, f64::max);
        Frame {
            end,
            y_max: if top > 0.0 { top * 1.1 } else { 1.0 },
        }
    }

    /// The axes, their titles, and ticks at 0 and at the planned days.
    fn axes(&self, svg: &mut Svg, frame: &Frame) {
        let bottom = TOP + PLOT_HEIGHT;
        svg.line((LEFT, TOP), (LEFT, bottom), "axis");
        svg.line((LEFT, bottom), (LEFT + PLOT_WIDTH, bottom), "axis");
        svg.text(
            (LEFT - 8.0, TOP - 10.0),
            "start",
            "",
            &format!("{} ({})", self.quantity, self.unit),
        );
        svg.text(
            (LEFT + PLOT_WIDTH / 2.0, bottom + 36.0),
            "middle",
            "",
            "day (the first day is day 0)",
        );
        svg.text((LEFT - 6.0, frame.y(0.0) + 4.0), "end", "", "0");
        // Ticks at the planned days only: the end of an open-ended last
        // level is drawing room, not a day of the plan.
        let mut days: Vec<u32> = self.levels.iter().map(|l| l.from_day).collect();
        if let Some(last) = self.end_day {
            days.push(last);
        }
        days.dedup();
        // A day label too close to the one before it is left out (the
        // tick stays): 0 and 1 on a 183-day axis would overlap. The last
        // planned day, where the plan ends or its last step starts, is
        // always labelled: the label before it gives way (0 is named by
        // the axis title).
        let at: Vec<f64> = days.iter().map(|&day| frame.x(f64::from(day))).collect();
        // Which days are labelled (indices), decided before drawing.
        let mut labelled: Vec<usize> = Vec::with_capacity(days.len());
        for (i, &x) in at.iter().enumerate() {
            let clear = labelled
                .last()
                .and_then(|&j| at.get(j))
                .is_none_or(|&before| x - before >= 24.0);
            if clear {
                labelled.push(i);
            } else if i + 1 == at.len() {
                // Further right than the label it replaces, so clear of
                // the one before that.
                labelled.pop();
                labelled.push(i);
            }
        }
        for (i, (&day, &x)) in days.iter().zip(&at).enumerate() {
            svg.line((x, bottom), (x, bottom + 5.0), "axis");
            if labelled.contains(&i) {
                svg.text((x, bottom + 18.0), "middle", "", &number(f64::from(day), 0));
            }
        }
    }

    /// The levels as one step line, each amount written above it.
    fn draw_levels(&self, svg: &mut Svg, frame: &Frame) {
        let mut points = Vec::new();
        for (i, level) in self.levels.iter().enumerate() {
            let from = frame.x(f64::from(level.from_day));
            // The last level ends with the course when the plan has one
            // (a limit line may reach further), else runs on to the edge.
            let until = frame.x(self
                .levels
                .get(i + 1)
                .map_or(f64::from(self.end_day.unwrap_or(frame.end)), |next| {
                    f64::from(next.from_day)
                }));
            let at = frame.y(level.amount);
            points.push((from, at));
            points.push((until, at));
            svg.text(
                (f64::midpoint(from, until), at - 6.0),
                "middle",
                "",
                &number(level.amount, self.decimals),
            );
        }
        svg.open_group(" class=\"levels\"");
        svg.polyline(&points, "dose");
        svg.close_group();
        if let (None, Some(last)) = (self.end_day, self.levels.last()) {
            svg.text(
                (
                    frame.x(f64::from(frame.end)) - 4.0,
                    frame.y(last.amount) + 14.0,
                ),
                "end",
                "",
                "continues →",
            );
        }
    }
}

/// The chart's scales.
struct Frame {
    /// The last day drawn.
    end: u32,
    /// The amount at the top of the plot.
    y_max: f64,
}

impl Frame {
    fn x(&self, day: f64) -> f64 {
        LEFT + day / f64::from(self.end) * PLOT_WIDTH
    }

    fn y(&self, amount: f64) -> f64 {
        TOP + PLOT_HEIGHT - amount / self.y_max * PLOT_HEIGHT
    }
}

/// The limits: a line each, marked with a letter and its value (daily
/// limits on the right, labels kept at least 13 px apart; course limits on
/// top). Returns the letters with their limits, for the legend.
fn draw_limits(svg: &mut Svg, frame: &Frame, daily: &[Drawn], course: &[Drawn]) {
    let mut last_label_y = f64::NEG_INFINITY;
    for (i, d) in daily.iter().enumerate() {
        let letter = letter(i);
        let at = frame.y(d.value);
        open_limit(svg, d);
        svg.line((LEFT, at), (LEFT + PLOT_WIDTH, at), class_of(d));
        let label_y = (at + 4.0).max(last_label_y + 13.0);
        last_label_y = label_y;
        svg.text(
            (LEFT + PLOT_WIDTH + 8.0, label_y),
            "start",
            "",
            &format!("{letter}  {}", d.short),
        );
        svg.close_group();
    }
    for (i, d) in course.iter().enumerate() {
        let letter = letter(daily.len() + i);
        let at = frame.x(d.value);
        open_limit(svg, d);
        svg.line((at, TOP), (at, TOP + PLOT_HEIGHT), class_of(d));
        svg.text(
            (at - 4.0, TOP - 4.0),
            "end",
            "",
            &format!("{letter}  {}", d.short),
        );
        svg.close_group();
    }
}

/// Opens a limit's group: its id and value for a reader.
fn open_limit(svg: &mut Svg, d: &Drawn) {
    svg.open_group(&format!(
        " class=\"limit\" data-limit=\"{}\" data-value=\"{}\"",
        escape(d.id),
        d.value
    ));
}

/// A day count from a limit's value: whole days, 0 for anything not a
/// finite non-negative number, at most 100 years.
fn whole_day(value: f64) -> u32 {
    if value.is_finite() && value >= 0.0 {
        // Bounded to 36,525 days, so the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let day = value.min(36_525.0).round() as u32;
        day
    } else {
        0
    }
}

impl Drawn {
    /// How hard the limit is and, when the plan crosses it, how: with an
    /// alert, or overridden with the caller's reason (in the plan's text).
    fn kind(&self) -> String {
        let severity = if self.hard { "hard" } else { "advisory" };
        match self.outcome {
            Outcome::CrossedWithAlert | Outcome::Overridden => {
                format!("{severity}; {}", self.outcome)
            }
            Outcome::Within | Outcome::LimitedTo => severity.to_owned(),
        }
    }
}

/// The class of a limit's line.
const fn class_of(d: &Drawn) -> &'static str {
    if d.hard { "hard" } else { "advisory" }
}

/// The letter that marks the n-th limit: A to Z, then `*`.
fn letter(n: usize) -> char {
    u8::try_from(n)
        .ok()
        .filter(|&n| n < 26)
        .map_or('*', |n| char::from(b'A' + n))
}
