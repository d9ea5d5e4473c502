#[cfg(feature = "serde")]
use super::mm;
use super::{LesionSize, Spacing, fmt, number};

/// An injection site, in mm from the lesion centre (x along the length, y
/// along the width).
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{layout, LesionSize, Spacing};
///
/// let sites = layout(LesionSize::diameter_mm(4.0)?, Spacing::from_mm(5.0)?);
/// assert_eq!(sites.len(), 1);
/// assert_eq!(sites[0].to_string(), "(0, 0)");
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Site {
    #[cfg_attr(feature = "serde", serde(rename = "x", serialize_with = "mm"))]
    pub(super) x_mm: f64,
    #[cfg_attr(feature = "serde", serde(rename = "y", serialize_with = "mm"))]
    pub(super) y_mm: f64,
}

impl Site {
    /// mm from the centre along the length (right is positive).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{layout, LesionSize, Spacing};
    /// # let sites = layout(LesionSize::diameter_mm(30.0)?, Spacing::from_mm(10.0)?);
    /// // The first site is top left of the 3 × 3 grid.
    /// assert_eq!(sites[0].x_mm(), -10.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn x_mm(&self) -> f64 {
        self.x_mm
    }

    /// mm from the centre along the width (up is positive).
    ///
    /// # Example
    ///
    /// ```
    /// # use calcinosis_dosing::sodium_thiosulfate::intralesional::{layout, LesionSize, Spacing};
    /// # let sites = layout(LesionSize::diameter_mm(30.0)?, Spacing::from_mm(10.0)?);
    /// // Rows go from the top (largest y) down.
    /// assert_eq!(sites[0].y_mm(), 10.0);
    /// assert_eq!(sites[8].y_mm(), -10.0);
    /// # Ok::<(), calcinosis_dosing::Error>(())
    /// ```
    #[must_use]
    pub const fn y_mm(&self) -> f64 {
        self.y_mm
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}, {})", number(self.x_mm, 2), number(self.y_mm, 2))
    }
}

/// The grid sites over a lesion: the points of a square grid at `spacing`,
/// anchored at the lesion centre, that lie inside the lesion (circle or
/// ellipse), in rows from the top (largest y) down, each row left to right.
///
/// The centre is always a site. The cost is one step per site plus a few per
/// row, and every row holds at least one site, so it grows linearly with the
/// number of sites.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::sodium_thiosulfate::intralesional::{layout, LesionSize, Spacing};
///
/// // A 3 cm plaque at 10 mm: the centre, 4 neighbours and 4 diagonals.
/// let sites = layout(LesionSize::diameter_mm(30.0)?, Spacing::from_mm(10.0)?);
/// assert_eq!(sites.len(), 9);
/// assert_eq!(sites[0].to_string(), "(-10, 10)");
/// // A 30 × 12 mm ellipse at 10 mm: one row of 3.
/// let row = layout(LesionSize::length_by_width_mm(30.0, 12.0)?, Spacing::from_mm(10.0)?);
/// assert_eq!(row.len(), 3);
/// # Ok::<(), calcinosis_dosing::Error>(())
/// ```
///
/// # References
///
/// [`sources::JAAD_2013`](crate::sources::JAAD_2013) (sites every 5–10 mm); the grid reading is the
/// crate's (see the [module documentation](super)).
#[must_use]
pub fn layout(size: LesionSize, spacing: Spacing) -> Vec<Site> {
    let s = spacing.mm;
    let inside = |i: i32, j: i32| size.contains(f64::from(i) * s, f64::from(j) * s);
    // Lengths are at most 200 mm and the spacing at least 5 mm: indices stay
    // within ±21.
    #[allow(clippy::cast_possible_truncation)]
    let estimate = |half_extent_mm: f64| (half_extent_mm / s).floor() as i32;
    let widest = |j: i32, mut i: i32| {
        while inside(i + 1, j) {
            i += 1;
        }
        while i > 0 && !inside(i, j) {
            i -= 1;
        }
        i
    };
    let rows = widest_row(&inside, estimate(size.width_mm / 2.0));
    let capacity = (size.length_mm / s + 1.0) * (size.width_mm / s + 1.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut sites = Vec::with_capacity(capacity as usize);
    for j in (-rows..=rows).rev() {
        let v = f64::from(j) * s / (size.width_mm / 2.0);
        let half = size.length_mm / 2.0 * (1.0 - v * v).max(0.0).sqrt();
        let columns = widest(j, estimate(half));
        sites.extend((-columns..=columns).map(|i| Site {
            x_mm: f64::from(i) * s,
            y_mm: f64::from(j) * s,
        }));
    }
    sites
}

/// The largest row index `j` with the point (0, j) inside, from an estimate.
pub(super) fn widest_row(inside: &impl Fn(i32, i32) -> bool, mut j: i32) -> i32 {
    while inside(0, j + 1) {
        j += 1;
    }
    while j > 0 && !inside(0, j) {
        j -= 1;
    }
    j
}
