//! Rows of fixed heights around one row that takes the rest, and two halves
//! side by side: the splits each screen's first frame makes. ratatui's
//! `Layout` runs a general constraint solver, about 0.35M instructions a
//! split on a cold start (a fifth of a fresh plan's first frame,
//! BENCHMARKS.md); when everything fits these splits need only sums, and
//! they give what `Layout` gives (the tests below hold them to it). When the
//! fixed rows do not fit, `Layout` decides.

use ratatui::layout::{Constraint, Layout, Rect};

/// A row's height.
#[derive(Debug, Clone, Copy)]
pub enum Row {
    /// Exactly this many lines.
    Length(u16),
    /// At least this many lines, and whatever the others leave.
    Rest(u16),
    /// Whatever the others leave (as `Constraint::Fill(1)`).
    Fill,
}

impl Row {
    fn constraint(self) -> Constraint {
        match self {
            Row::Length(n) => Constraint::Length(n),
            Row::Rest(n) => Constraint::Min(n),
            Row::Fill => Constraint::Fill(1),
        }
    }
}

/// Splits `area` top to bottom into `heights`, with one [`Row::Rest`] or
/// [`Row::Fill`].
pub fn rows<const N: usize>(area: Rect, heights: [Row; N]) -> [Rect; N] {
    let (mut fixed, mut least, mut rests) = (0u32, 0u32, 0);
    for row in heights {
        match row {
            Row::Length(n) => fixed += u32::from(n),
            Row::Rest(n) => {
                least += u32::from(n);
                rests += 1;
            }
            Row::Fill => rests += 1,
        }
    }
    if rests != 1 || fixed + least > u32::from(area.height) {
        return Layout::vertical(heights.map(Row::constraint)).areas(area);
    }
    // Fits: the sum is at most the area's height, a u16.
    let rest = area.height - fixed as u16;
    let mut y = area.y;
    heights.map(|row| {
        let height = match row {
            Row::Length(n) => n,
            Row::Rest(_) | Row::Fill => rest,
        };
        let row = Rect { y, height, ..area };
        y += height;
        row
    })
}

/// `area` in two halves side by side, as
/// `Layout::horizontal([Percentage(50), Percentage(50)])` splits it.
pub fn halves(area: Rect) -> [Rect; 2] {
    let left = area.width.div_ceil(2);
    [
        Rect {
            width: left,
            ..area
        },
        Rect {
            x: area.x + left,
            width: area.width - left,
            ..area
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Constraint::{Fill, Length, Min, Percentage};

    #[test]
    fn rows_are_the_rows_layout_gives() {
        for height in [0, 1, 2, 3, 4, 5, 8, 13, 16, 24, 30, 47] {
            let area = Rect::new(3, 2, 80, height);
            for a in 0..4 {
                for b in [0, 1, 2, 7] {
                    let ours = rows(
                        area,
                        [Row::Length(1), Row::Length(b), Row::Length(a), Row::Fill],
                    );
                    let theirs: [Rect; 4] =
                        Layout::vertical([Length(1), Length(b), Length(a), Fill(1)]).areas(area);
                    assert_eq!(ours, theirs, "height {height}, {a} {b} fill");
                    for least in 0..3 {
                        let ours = rows(
                            area,
                            [
                                Row::Length(1),
                                Row::Rest(least),
                                Row::Length(b),
                                Row::Length(a),
                            ],
                        );
                        let theirs: [Rect; 4] =
                            Layout::vertical([Length(1), Min(least), Length(b), Length(a)])
                                .areas(area);
                        assert_eq!(ours, theirs, "height {height}, {a} {b} {least}");
                        let ours = rows(
                            area,
                            [
                                Row::Length(a),
                                Row::Length(b),
                                Row::Length(1),
                                Row::Rest(least),
                            ],
                        );
                        let theirs: [Rect; 4] =
                            Layout::vertical([Length(a), Length(b), Length(1), Min(least)])
                                .areas(area);
                        assert_eq!(ours, theirs, "height {height}, {a} {b} {least}");
                    }
                }
            }
        }
    }

    #[test]
    fn halves_are_the_halves_layout_gives() {
        for width in 0..260 {
            let area = Rect::new(1, 4, width, 20);
            let theirs: [Rect; 2] =
                Layout::horizontal([Percentage(50), Percentage(50)]).areas(area);
            assert_eq!(halves(area), theirs, "width {width}");
        }
    }
}
