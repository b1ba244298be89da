//! The care takeover: a care verdict fills the screen until acknowledged — who
//! to see, why (the dated check-ins behind it), and the clinician summary.

use crate::checkin::{CareLevel, NOTICE};
use crate::tui::app::App;
use crate::tui::rows::{Row, rows};
use crate::tui::scroll_box;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Lines `texts` take when wrapped to `width`.
fn wrapped(texts: &[String], width: u16) -> u16 {
    let inner = usize::from(width).max(1);
    let lines: usize = texts
        .iter()
        .map(|t| textwrap::wrap(t, inner).len().max(1))
        .sum();
    lines.min(usize::from(u16::MAX)) as u16
}

/// The takeover: what to do, who, how soon and the notice stay in view; the
/// reasons scroll (↑ ↓) with a marker when they do not fit.
pub fn render(app: &App, scroll: usize, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let verdict = &running.assessment.verdict;
    let Some(care) = &verdict.care else { return };
    let headline = match care.level {
        CareLevel::Emergency => "Call the emergency number now.",
        CareLevel::Urgent => "Stop all exercise. Get medical care today.",
        CareLevel::Book => "See a clinician before you run again.",
    };
    let block = Block::bordered()
        .title("See a clinician")
        .border_style(theme.status(verdict.shown_status()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut head = care.what_to_do();
    if care.level.allows_exercise() {
        head.push("When a clinician clears you, press c to record it (or `comeback clear`): the plan resumes one stage back.".into());
    }
    let why: Vec<String> = care.why.iter().map(|w| format!("• {w}")).collect();
    let head_height = wrapped(&head, inner.width) + 1;
    let foot_height = 1 + wrapped(&[NOTICE.to_string()], inner.width);
    let [top, middle, keys, notice] = rows(
        inner,
        [
            Row::Length(head_height),
            Row::Rest(2),
            Row::Length(1),
            Row::Length(foot_height - 1),
        ],
    );
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(" {} ", verdict.label()),
            theme.status(verdict.shown_status()),
        ),
        Span::styled(format!("  {headline}"), theme.title()),
    ])];
    lines.extend(head.into_iter().map(Line::from));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), top);

    // Wrapped once; only the lines in view go to the paragraph (a care
    // open for months cites many check-ins).
    let why: Vec<Line> = scroll_box::wrap(why.into_iter().map(Line::from).collect(), middle.width);
    let visible = usize::from(middle.height.saturating_sub(1));
    let overflow = why.len().saturating_sub(visible);
    app.care_overflow
        .set(overflow.min(usize::from(u16::MAX)) as u16);
    let scroll = scroll.min(overflow);
    let title = if overflow > scroll {
        format!("Why ({} more ↓, ↑↓ scroll)", overflow - scroll)
    } else if scroll > 0 {
        "Why (↑ scrolls back)".to_string()
    } else {
        "Why".to_string()
    };
    let shown: Vec<Line> = why.into_iter().skip(scroll).take(visible).collect();
    frame.render_widget(
        Paragraph::new(shown).block(
            Block::new()
                .borders(Borders::TOP)
                .title(Span::styled(title, theme.title())),
        ),
        middle,
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("s", theme.key()),
            Span::raw(" summary for the clinician  "),
            Span::styled("Enter", theme.key()),
            Span::raw(" I understand  "),
            Span::styled("c", theme.key()),
            Span::raw(" I was cleared  "),
            Span::styled("q", theme.key()),
            Span::raw(" quit"),
        ])),
        keys,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(NOTICE, theme.dim())).wrap(Wrap { trim: true }),
        notice,
    );
}
