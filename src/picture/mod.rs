//! Pictures of plans as SVG text, where a clinician would rather look than
//! read: a site map for intralesional plans and a chart of the daily dose
//! over the days, with the plan's limits drawn as lines, for the others.
//!
//! The pictures are drawn from the plan's data only (its sites, steps and
//! checked limits); every figure written on them is the plan's own, in the
//! plan's safe number style. They are plain SVG 1.1 text written by this
//! module: no dependency, no script, no external reference.

mod chart;
mod site_map;
mod svg;

pub(crate) use chart::{DailyChart, Level};
pub(crate) use site_map::SiteMap;
