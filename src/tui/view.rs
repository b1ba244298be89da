//! `view`: draws the whole frame from the state, with no side effects.

use super::app::{App, Mode, Screen};
use super::keys;
use super::rows::{Row, rows};
use super::screens;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Tabs, Wrap};

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme { colour: app.colour };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "comeback needs a terminal of at least {MIN_WIDTH}x{MIN_HEIGHT}; this one is {}x{}.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    // Full-screen modes first; pop-ups are drawn over the screens below.
    match &app.mode {
        Mode::Onboarding(form) => {
            let [body, message] = message_row(app, area);
            screens::onboarding::render(form, theme, frame, body);
            render_message(app, frame, message);
            return;
        }
        Mode::Care {
            summary,
            scroll,
            text_scroll,
        } => {
            let [body, message] = message_row(app, area);
            if *summary {
                screens::summary::render(app, (*text_scroll, *scroll), theme, frame, body);
            } else {
                screens::care::render(app, *scroll, theme, frame, body);
            }
            render_message(app, frame, message);
            return;
        }
        Mode::Clearance(form) => {
            let [body, message] = message_row(app, area);
            screens::care::render(app, 0, theme, frame, body);
            screens::clearance::render(form, theme, frame, body);
            render_message(app, frame, message);
            return;
        }
        _ => {}
    }
    // The message wraps (up to three lines) rather than being cut.
    let said = message_lines(app, area.width);
    let [tabs, body, message, footer] = rows(
        area,
        [
            Row::Length(1),
            Row::Rest(1),
            Row::Length(said.len().max(1) as u16),
            Row::Length(1),
        ],
    );
    let selected = Screen::ALL
        .iter()
        .position(|s| *s == app.screen)
        .unwrap_or(0);
    frame.render_widget(
        Tabs::new(Screen::ALL.iter().map(|s| s.title()))
            .select(selected)
            .highlight_style(theme.selected())
            .divider("|"),
        tabs,
    );
    match app.screen {
        Screen::Today => screens::today::render(app, theme, frame, body),
        Screen::Plan => screens::plan::render(app, theme, frame, body),
        Screen::Progress => screens::progress::render(app, theme, frame, body),
        Screen::History => screens::history::render(app, theme, frame, body),
        Screen::Help => {
            // A page of the keys, for PgUp/PgDn.
            app.page.set(body.height.saturating_sub(2));
            screens::help::render(theme, app.help_row, frame, body);
        }
    }
    frame.render_widget(Paragraph::new(said.join("\n")), message);
    frame.render_widget(
        Paragraph::new(Line::styled(
            keys::footer_within(&app.contexts(), footer.width),
            theme.dim(),
        )),
        footer,
    );
    match &app.mode {
        Mode::Panel(panel) => screens::checkin::render(panel, app, theme, frame, body),
        Mode::Replace(pending) => {
            if let Some(panel) = &pending.from {
                screens::checkin::render(panel, app, theme, frame, body);
            }
            screens::replace::render(pending, theme, frame, body);
        }
        Mode::Export(menu) => screens::export::render(menu, theme, frame, body),
        Mode::Import(form) => screens::import::render(form, theme, frame, body),
        Mode::Health(form) => screens::health::render(form, theme, frame, body),
        Mode::Ran(form) => screens::ran::render(form, theme, frame, body),
        Mode::Shoes(form) => {
            if let Some(running) = &app.running {
                let pairs = &running.mileage;
                let unit = running.comeback.plan.profile.unit;
                screens::shoes::render(form, pairs, (unit, app.unit), theme, frame, body);
            }
        }
        Mode::Undo(what) => screens::replace::render_undo(what, theme, frame, body),
        Mode::Place(place) => screens::replace::render_place(place, theme, frame, body),
        Mode::Strength(entry) => {
            screens::replace::render_strength(entry.date, theme, frame, body);
        }
        _ => {}
    }
}

/// A full-screen mode's body, and below it the message, as many lines as
/// it wraps to (up to three).
fn message_row(app: &App, area: Rect) -> [Rect; 2] {
    let said = message_lines(app, area.width).len().max(1) as u16;
    rows(area, [Row::Rest(1), Row::Length(said)])
}

fn render_message(app: &App, frame: &mut Frame, area: Rect) {
    frame.render_widget(
        Paragraph::new(message_lines(app, area.width).join("\n")),
        area,
    );
}

/// The message wrapped to `width`, at most three lines (the last one ending
/// in "…" when there was more).
fn message_lines(app: &App, width: u16) -> Vec<String> {
    let Some(message) = &app.message else {
        return Vec::new();
    };
    let width = usize::from(width).max(2);
    let mut lines: Vec<String> = textwrap::wrap(message, width)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.len() > 3 {
        lines.truncate(3);
        let last: String = lines[2].chars().take(width - 1).collect();
        lines[2] = format!("{last}…");
    }
    lines
}
