//! Pictures (issue #13, item 4): every plan's SVG parses as XML; a site
//! map puts every site of the plan, numbered, where the plan says, to
//! scale; a titration chart has one level per step and its limit lines at
//! the limits' values; the example pictures under `examples/pictures/`
//! are what the crate draws today.

#![cfg(feature = "serde")]

use calcinosis_dosing::sodium_thiosulfate::intralesional::{
    self, GridOptions, GridSessions, Interval, LesionSize, Spacing,
};
use calcinosis_dosing::{Age, BodyWeight, Patient, Plan, Request};
use proptest::prelude::*;

fn plan_of(name: &str) -> Plan {
    let text = std::fs::read_to_string(format!(
        "{}/examples/requests/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    Request::from_json(&text).unwrap().plan().unwrap()
}

fn number(node: roxmltree::Node<'_, '_>, attribute: &str) -> f64 {
    node.attribute(attribute)
        .unwrap_or_else(|| panic!("no {attribute}"))
        .parse()
        .unwrap()
}

/// One site as drawn: its number, its mm from the centre as written, and
/// its dot's centre in px.
type DrawnSite = (usize, f64, f64, f64, f64);

/// The scale (px per mm), the lesion centre (px) and the sites of a site map.
fn drawn_sites(svg: &str) -> (f64, (f64, f64), Vec<DrawnSite>) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    let scale = number(root, "data-px-per-mm");
    let centre = (number(root, "data-centre-x"), number(root, "data-centre-y"));
    let sites = root
        .children()
        .filter(|n| n.attribute("class") == Some("injection"))
        .map(|g| {
            let dot = g
                .children()
                .find(|c| c.attribute("class") == Some("site"))
                .unwrap();
            (
                g.attribute("data-site").unwrap().parse().unwrap(),
                number(g, "data-x-mm"),
                number(g, "data-y-mm"),
                number(dot, "cx"),
                number(dot, "cy"),
            )
        })
        .collect();
    (scale, centre, sites)
}

/// Every site of the plan, numbered in order, at its position to scale
/// (to the 0.01 px and 0.01 mm the picture writes).
fn assert_sites_match(plan: &intralesional::Plan, svg: &str) {
    let (scale, centre, drawn) = drawn_sites(svg);
    assert_eq!(drawn.len(), plan.sites().len());
    for (i, (site, (n, x, y, cx, cy))) in plan.sites().iter().zip(&drawn).enumerate() {
        assert_eq!(*n, i + 1);
        // The data attributes are the plan's numbers, exactly.
        assert_eq!(*x, site.x_mm(), "site {n}");
        assert_eq!(*y, site.y_mm(), "site {n}");
        assert!(
            (cx - (centre.0 + site.x_mm() * scale)).abs() <= 0.01,
            "site {n} cx"
        );
        assert!(
            (cy - (centre.1 - site.y_mm() * scale)).abs() <= 0.01,
            "site {n} cy"
        );
    }
}

/// Source: seed page — the lupus panniculitis grid, 0.5 mL per 1-cm
/// circle, sites every 5–10 mm: a 3 cm lesion at 10 mm has 9 sites.
#[test]
fn the_grid_picture_has_every_site_where_the_plan_puts_it() {
    let Plan::IntralesionalGrid(plan) = plan_of("intralesional-lupus-panniculitis-3cm") else {
        panic!("a grid plan");
    };
    let svg = plan.to_svg();
    assert_sites_match(&plan, &svg);
    assert_eq!(plan.sites().len(), 9);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let rings = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("ring"))
        .count();
    assert_eq!(rings, 9, "a 1-cm circle per site");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(
        texts.contains(&"9 sites, 0.5 mL at each (one 10 mm circle)"),
        "{texts:?}"
    );
    assert!(texts.contains(&"sites 10 mm apart"));
    assert!(texts.contains(&"10 mm"), "a scale bar");
}

/// Source: seed page — one injection for a fingertip lesion under 5 mm:
/// one site, at the centre, no grid circle.
#[test]
fn the_fingertip_picture_has_one_site_at_the_centre() {
    let Plan::IntralesionalCaseSeries(plan) = plan_of("intralesional-fingertip-4mm") else {
        panic!("a case-series plan");
    };
    let svg = plan.to_svg();
    assert_sites_match(&plan, &svg);
    assert!(!svg.contains("class=\"ring\""));
}

/// Source: seed page — the 4-year-old titrated to 1,250 mg/day: one level
/// per step, and the lines of the plan's daily limits at their values (a
/// per-kg limit at the plan's weight).
#[test]
fn the_titration_chart_has_one_level_per_step_and_its_limits() {
    let Plan::Probenecid(plan) = plan_of("probenecid-case-4-year-old") else {
        panic!("a probenecid plan");
    };
    let svg = plan.to_svg();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!(
        root.attribute("data-levels").unwrap(),
        plan.steps().len().to_string()
    );
    let line = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("dose"))
        .unwrap();
    // Two points per step: the level's y is the same at both ends, and
    // the levels climb with the steps.
    let ys: Vec<f64> = line
        .attribute("points")
        .unwrap()
        .split(' ')
        .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(ys.len(), 2 * plan.steps().len());
    for pair in ys.chunks(2) {
        assert_eq!(pair[0], pair[1]);
    }
    for w in ys.chunks(2).collect::<Vec<_>>().windows(2) {
        assert!(w[1][0] < w[0][0], "a higher dose is drawn higher");
    }
    let limits: Vec<(&str, f64)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("limit"))
        .map(|n| (n.attribute("data-limit").unwrap(), number(n, "data-value")))
        .collect();
    assert!(
        limits.contains(&("probenecid.max_daily", 2000.0)),
        "{limits:?}"
    );
    // 40 mg/kg/day at 16 kg.
    assert!(limits.contains(&("probenecid.child.maintenance.per_kg", 640.0)));
    assert!(limits.contains(&("probenecid.child.max_daily_documented", 1250.0)));
}

/// Source: issue #13 — every example request's picture parses as XML,
/// and the pictures under `examples/pictures/` are today's
/// (`UPDATE_GOLDEN=1 cargo test picture` rewrites them).
#[test]
fn example_pictures_parse_and_are_current() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut names: Vec<String> = std::fs::read_dir(format!("{root}/examples/requests"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".json").map(str::to_owned)
        })
        .collect();
    names.sort();
    for name in &names {
        let svg = plan_of(name).to_svg();
        roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let pictures = [
        "diltiazem-adult-70kg",
        "probenecid-case-4-year-old",
        "topical-6-year-old-forearm",
        "intralesional-fingertip-4mm",
        "intralesional-lupus-panniculitis-3cm",
    ];
    for name in pictures {
        let svg = plan_of(name).to_svg();
        let path = format!("{root}/examples/pictures/{name}.svg");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &svg).unwrap();
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            stored, svg,
            "{path} is stale: UPDATE_GOLDEN=1 cargo test picture"
        );
    }
}

fn adult() -> Patient {
    Patient::new(
        BodyWeight::from_kg(70.0).unwrap(),
        Age::from_years(50.0).unwrap(),
    )
}

proptest! {
    /// Any grid the plan accepts is drawn with every site where the plan
    /// puts it.
    #[test]
    fn any_grid_is_drawn_to_scale(
        length in 5.0_f64..=60.0,
        width in 5.0_f64..=60.0,
        spacing in 5.0_f64..=10.0,
    ) {
        let options = GridOptions::new(
            Spacing::from_mm(spacing).unwrap(),
            GridSessions::new(2).unwrap(),
            Interval::from_weeks(4.0).unwrap(),
        );
        let size = LesionSize::length_by_width_mm(length, width).unwrap();
        if let Ok(plan) = intralesional::grid_plan(&adult(), size, &options) {
            assert_sites_match(&plan, &plan.to_svg());
        }
    }
}

/// Source: review of issue #13 — a course shorter than the documented one
/// ends where the plan ends, not at the documented course's line.
#[test]
fn a_short_course_ends_with_the_plan() {
    let mut request: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/examples/requests/topical-6-year-old-forearm.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    request["course"] = serde_json::json!({"value": 30, "unit": "d"});
    let text = request.to_string();
    let svg = Request::from_json(&text).unwrap().plan().unwrap().to_svg();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let line = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("dose"))
        .unwrap();
    let xs: Vec<f64> = line
        .attribute("points")
        .unwrap()
        .split(' ')
        .map(|p| p.split(',').next().unwrap().parse().unwrap())
        .collect();
    let course_line = doc
        .descendants()
        .find(|n| n.attribute("data-limit") == Some("topical.course.documented"))
        .unwrap()
        .children()
        .find(|n| n.has_tag_name("line"))
        .unwrap();
    let course_x = number(course_line, "x1");
    // Day 30 of the 183 drawn.
    let (start, end) = (xs[0], xs[1]);
    assert!(
        ((end - start) / (course_x - start) - 30.0 / 183.0).abs() < 0.01,
        "{xs:?} {course_x}"
    );
}

/// A 1-day course on an axis drawn to the documented 6 months: day 1 is
/// too close to day 0 for both labels, and the label of the plan's last
/// day is the one kept (it was left out, so the chart did not say when
/// the course ends).
#[test]
fn the_last_planned_day_is_always_labelled() {
    let text = r#"{"regimen":"topical","patient":{"weight":{"value":70,"unit":"kg"},"age":{"value":40,"unit":"a"}},"area":{"value":100,"unit":"mm2"},"pack_size":{"value":50,"unit":"g"},"course":{"value":1,"unit":"d"}}"#;
    let svg = Request::from_json(text).unwrap().plan().unwrap().to_svg();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // The day labels sit under the axis, anchored at their ticks.
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("text")
                && n.attribute("text-anchor") == Some("middle")
                && n.text()
                    .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()))
        })
        .filter_map(|n| n.text())
        .collect();
    assert!(labels.contains(&"1"), "{labels:?}\n{svg}");
    assert!(!labels.contains(&"0"), "{labels:?}");
}

/// Source: review of issue #13 — a limit the plan crosses or the caller
/// overrode says so on the picture, as in the plan's text.
#[test]
fn crossed_and_overridden_limits_say_so() {
    let grid = plan_of("intralesional-grid-child-override").to_svg();
    assert!(
        grid.contains("this plan 10,125 mg: overridden, with the caller"),
        "{grid}"
    );
    let titration = plan_of("probenecid-case-4-year-old").to_svg();
    assert!(titration.contains("(advisory; crossed, with an alert) label child maintenance"));
}

/// Source: review of issue #13 — a grid too dense for its numbers says
/// they are left out, and writes its site count with a thousands
/// separator.
#[test]
fn a_dense_grid_says_its_numbers_are_left_out() {
    let options = GridOptions::new(
        Spacing::from_mm(5.0).unwrap(),
        GridSessions::new(2).unwrap(),
        Interval::from_weeks(4.0).unwrap(),
    )
    .with_override(
        calcinosis_dosing::Override::new(
            "sodium_thiosulfate.max_per_session",
            "a picture of a large grid",
        )
        .unwrap(),
    );
    let plan =
        intralesional::grid_plan(&adult(), LesionSize::diameter_mm(200.0).unwrap(), &options)
            .unwrap();
    let svg = plan.to_svg();
    assert_sites_match(&plan, &svg);
    assert!(svg.contains("1,257 sites, 0.5 mL at each"));
    assert!(svg.contains("site numbers left out at this scale"));
}
