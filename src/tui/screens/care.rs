//! The care takeover: a care verdict fills the screen until acknowledged — who
//! to see, why (the dated check-ins behind it), and the clinician summary.

use crate::checkin::{CareLevel, NOTICE};
use crate::summary::clinician_summary;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let verdict = &running.assessment.verdict;
    let Some(care) = &verdict.care else { return };
    let headline = match care.level {
        CareLevel::Emergency => "Call the emergency number now.",
        CareLevel::Urgent => "Stop all exercise. Get medical care today.",
        CareLevel::Book => "See a clinician before you run again.",
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!(" {} ", verdict.status.label()),
                theme.status(verdict.status),
            ),
            Span::styled(format!("  {headline}"), theme.title()),
        ]),
        Line::from(""),
        Line::from(format!("Who to see: {}.", care.who)),
        Line::from(""),
        Line::styled("Why:", theme.title()),
    ];
    lines.extend(care.why.iter().map(|w| Line::from(format!("  • {w}"))));
    lines.push(Line::from(""));
    lines.extend(care.what_to_do().into_iter().map(Line::from));
    if care.level.allows_exercise() {
        lines.push(Line::from(
            "When a clinician clears you, press c to record it (or `comeback clear`): the plan resumes one stage back.",
        ));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::styled("s", theme.key()),
        Span::raw(" show the summary for the clinician   "),
        Span::styled("Enter", theme.key()),
        Span::raw(" I understand   "),
        Span::styled("c", theme.key()),
        Span::raw(" I was cleared   "),
        Span::styled("q", theme.key()),
        Span::raw(" quit"),
    ]));
    lines.push(Line::from(""));
    lines.push(Line::styled(NOTICE, theme.dim()));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::bordered()
                .title("See a clinician")
                .border_style(theme.status(verdict.status)),
        ),
        area,
    );
}

/// The clinician summary, on screen.
pub fn render_summary(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let text = clinician_summary(running.comeback.snapshot(), &running.assessment);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(u16::MAX as usize) as u16, 0))
            .block(Block::bordered().title("Summary for the clinician (↑↓ scroll, s closes)")),
        area,
    );
}
