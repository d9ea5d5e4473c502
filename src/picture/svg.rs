//! A small SVG writer: elements with escaped text and coordinates written
//! with at most two decimals.

use std::fmt::Write as _;

/// The style every picture shares: black outlines, the lesion shaded, hard
/// limits red, advisory limits amber, the dose blue.
const STYLE: &str = "text{font-family:sans-serif;font-size:11px;fill:#222}\
.title{font-size:14px;font-weight:bold}\
.axis{stroke:#222;stroke-width:1}\
.tick{stroke:#999;stroke-width:0.5}\
.lesion{fill:#f3e3d3;stroke:#8a5a2b;stroke-width:1.5}\
.ring{fill:none;stroke:#2b6cb0;stroke-width:0.75;stroke-dasharray:3 2}\
.site{fill:#2b6cb0}\
.dose{fill:none;stroke:#2b6cb0;stroke-width:2}\
.hard{stroke:#c53030;stroke-width:1.25;stroke-dasharray:6 3}\
.advisory{stroke:#b7791f;stroke-width:1.25;stroke-dasharray:2 3}\
.scale{stroke:#222;stroke-width:2}";

/// An SVG document being written.
pub(super) struct Svg {
    out: String,
}

/// A coordinate or length: at most two decimals, no trailing zeros, no
/// thousands separator (SVG numbers).
pub(super) fn px(value: f64) -> String {
    let fixed = format!("{:.2}", if value.is_finite() { value } else { 0.0 });
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" {
        "0".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Text escaped for XML character data and attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(ch),
        }
    }
    out
}

/// `text` in rows of at most `width` characters, broken at spaces.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text.split(' ') {
        if !row.is_empty() && row.chars().count() + 1 + word.chars().count() > width {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        row.push_str(word);
    }
    rows.push(row);
    rows
}

impl Svg {
    /// A document `width` × `height` px, with a title (shown and read by
    /// screen readers) and extra attributes on the root (already escaped).
    pub(super) fn new(width: f64, height: f64, title: &str, root_attributes: &str) -> Self {
        let mut out = String::with_capacity(4096);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" role=\"img\"{root_attributes}>\n<title>{t}</title>\n<style>{STYLE}</style>\n\
             <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\n",
            w = px(width),
            h = px(height),
            t = escape(title),
        );
        Self { out }
    }

    /// A line from (x1, y1) to (x2, y2).
    pub(super) fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), class: &str) {
        let _ = writeln!(
            self.out,
            "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            px(x1),
            px(y1),
            px(x2),
            px(y2)
        );
    }

    /// A circle, with extra attributes (already escaped).
    pub(super) fn circle(&mut self, (cx, cy): (f64, f64), r: f64, class: &str, attributes: &str) {
        let _ = writeln!(
            self.out,
            "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"{}\"{attributes}/>",
            px(cx),
            px(cy),
            px(r)
        );
    }

    /// An ellipse.
    pub(super) fn ellipse(&mut self, (cx, cy): (f64, f64), (rx, ry): (f64, f64), class: &str) {
        let _ = writeln!(
            self.out,
            "<ellipse class=\"{class}\" cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\"/>",
            px(cx),
            px(cy),
            px(rx),
            px(ry)
        );
    }

    /// A polyline through the points.
    pub(super) fn polyline(&mut self, points: &[(f64, f64)], class: &str) {
        let points: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", px(*x), px(*y)))
            .collect();
        let _ = writeln!(
            self.out,
            "<polyline class=\"{class}\" points=\"{}\"/>",
            points.join(" ")
        );
    }

    /// Text at (x, y): `anchor` is start, middle or end; the text is
    /// escaped here.
    pub(super) fn text(&mut self, (x, y): (f64, f64), anchor: &str, class: &str, text: &str) {
        let class = if class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{class}\"")
        };
        let _ = writeln!(
            self.out,
            "<text{class} x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            px(x),
            px(y),
            escape(text)
        );
    }

    /// Text at (x, y), anchored at its start, in a font of `size` px.
    pub(super) fn small_text(&mut self, (x, y): (f64, f64), size: f64, text: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" style=\"font-size:{}px\">{}</text>",
            px(x),
            px(y),
            px(size),
            escape(text)
        );
    }

    /// Opens a group with attributes (already escaped).
    pub(super) fn open_group(&mut self, attributes: &str) {
        let _ = writeln!(self.out, "<g{attributes}>");
    }

    /// Closes the last group.
    pub(super) fn close_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// The document's text.
    pub(super) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::{escape, px};

    #[test]
    fn coordinates_and_escaping() {
        assert_eq!(px(12.0), "12");
        assert_eq!(px(12.346), "12.35");
        assert_eq!(px(-0.001), "0");
        assert_eq!(px(1250.5), "1250.5");
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
