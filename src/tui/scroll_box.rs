//! Boxes that never cut their text silently: text is wrapped to the box, and
//! what does not fit is counted on the border ("3 more ↓ · PgDn") and scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Wraps each line to `width` columns, words kept whole; a line of several
/// styles that fits stays as it is, a longer one wraps in its first style.
pub fn wrap<'a>(lines: Vec<Line<'a>>, width: u16) -> Vec<Line<'a>> {
    let width = usize::from(width).max(1);
    let mut out = Vec::new();
    for line in lines {
        if line.width() <= width {
            out.push(line);
            continue;
        }
        let style = line
            .spans
            .first()
            .map_or(line.style, |s| line.style.patch(s.style));
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        out.extend(
            textwrap::wrap(&text, width)
                .into_iter()
                .map(|piece| Line::from(Span::styled(piece.into_owned(), style))),
        );
    }
    out
}

/// The markers a box shows when its text does not fit: lines above and
/// below the view, and the keys that scroll it.
#[derive(Debug, Clone, Copy)]
pub struct Overflow {
    pub above: usize,
    pub below: usize,
}

impl Overflow {
    /// What is hidden when `total` rows are shown `visible` at a time from
    /// row `offset`.
    pub fn of(total: usize, visible: usize, offset: usize) -> Overflow {
        let offset = offset.min(total.saturating_sub(visible));
        Overflow {
            above: offset,
            below: total.saturating_sub(offset + visible),
        }
    }

    /// The block with "↑ 2 more" on its top border and "3 more ↓ · keys" on
    /// its bottom one, as far as there is more.
    pub fn mark<'a>(self, block: Block<'a>, style: Style, keys: &str) -> Block<'a> {
        let mut block = block;
        if self.above > 0 {
            block = block
                .title_top(Line::styled(format!("↑ {} more", self.above), style).right_aligned());
        }
        if self.below > 0 {
            block = block.title_bottom(
                Line::styled(format!("{} more ↓ · {keys}", self.below), style).right_aligned(),
            );
        }
        block
    }
}

/// Draws `lines` wrapped into `block` at `area`, scrolled down by `scroll`
/// lines (at most to the end); returns how many lines the box can scroll.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    (block, marker_style, keys): (Block, Style, &str),
    lines: Vec<Line>,
    scroll: u16,
) -> u16 {
    let inner = block.inner(area);
    let lines = wrap(lines, inner.width);
    let visible = usize::from(inner.height);
    let overflow = Overflow::of(lines.len(), visible, usize::from(scroll));
    let most = lines.len().saturating_sub(visible);
    let block = overflow.mark(block, marker_style, keys);
    // Only the lines in view go to the paragraph.
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(overflow.above)
        .take(visible)
        .collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
    most.min(usize::from(u16::MAX)) as u16
}
