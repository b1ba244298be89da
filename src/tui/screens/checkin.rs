//! The check-in panel: every field one letter away; Enter saves, Esc cancels.

use crate::checkin::{Cleared, Flag, Onset, Side, Spot};
use crate::tui::app::{App, Panel};
use crate::tui::theme::Theme;
use crate::tui::view::centred;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// One choice: its key, its word, whether it is on.
fn choice<'a>(key: &'a str, word: &'a str, on: bool, theme: Theme) -> Vec<Span<'a>> {
    let style = if on { theme.selected() } else { Style::new() };
    vec![
        Span::styled(key, theme.key()),
        Span::styled(format!(" {word}"), style),
        Span::raw("  "),
    ]
}

pub fn render(panel: &Panel, app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let e = &panel.entry;
    let area = centred(area, 76, 15);
    let mut levels = vec![Span::raw("Numbness  ")];
    for (n, word) in ["none", "tingling", "partly numb", "no feeling"]
        .iter()
        .enumerate()
    {
        levels.extend(choice(
            ["0", "1", "2", "3"][n],
            word,
            usize::from(e.numbness.level()) == n,
            theme,
        ));
    }
    let mut spots = vec![Span::raw("Where     ")];
    for (key, spot) in [
        ("t", Spot::Toes),
        ("b", Spot::Ball),
        ("a", Spot::Arch),
        ("e", Spot::Heel),
        ("o", Spot::Top),
        ("k", Spot::Ankle),
        ("c", Spot::Calf),
    ] {
        spots.extend(choice(key, spot.as_str(), e.spots.contains(&spot), theme));
    }
    let side = e.side.map_or("-", Side::as_str);
    let mut onset = vec![Span::raw("Began     ")];
    for (key, o) in [
        ("d", Onset::During),
        ("f", Onset::After),
        ("r", Onset::Rest),
    ] {
        onset.extend(choice(key, o.as_str(), e.onset == Some(o), theme));
    }
    let minutes = minutes_text(e.minutes);
    onset.extend(choice("+/-", &minutes, e.minutes.is_some(), theme));
    let mut cleared = vec![Span::raw("Cleared   ")];
    for (key, c) in [
        ("q", Cleared::Quickly),
        ("w", Cleared::Hours),
        ("n", Cleared::NotYet),
    ] {
        cleared.extend(choice(key, c.as_str(), e.cleared == Some(c), theme));
    }
    let flag_row = |title: &'static str, flags: [(&'static str, Flag); 3]| {
        let mut row = vec![Span::raw(title)];
        for (key, f) in flags {
            row.extend(choice(key, f.as_str(), e.flags.contains(&f), theme));
        }
        Line::from(row)
    };
    let session = e.session.map_or("auto (done on a run day)", |s| s.as_str());
    let lines = vec![
        Line::from(levels),
        Line::from(spots),
        Line::from(vec![
            Span::raw("Side      "),
            Span::styled("s", theme.key()),
            Span::raw(format!(" {side}")),
        ]),
        Line::from(onset),
        Line::from(cleared),
        Line::from(vec![
            Span::raw("Session   "),
            Span::styled("x", theme.key()),
            Span::raw(format!(" {session}")),
        ]),
        flag_row(
            "Flags     ",
            [
                ("P", Flag::SharpPain),
                ("C", Flag::SkinColour),
                ("K", Flag::BackPain),
            ],
        ),
        flag_row(
            "Red flags ",
            [
                ("W", Flag::Weakness),
                ("S", Flag::Saddle),
                ("B", Flag::BladderBowel),
            ],
        ),
        Line::from(""),
        Line::from(vec![
            Span::styled("Enter", theme.key()),
            Span::raw(" save   "),
            Span::styled("Esc", theme.key()),
            Span::raw(" cancel"),
        ]),
        Line::styled(app.message.clone().unwrap_or_default(), theme.dim()),
    ];
    let title = if panel.editing {
        format!("Edit the check-in for {}", e.date.format("%a %-d %b"))
    } else {
        format!("Check-in for {}", e.date.format("%a %-d %b"))
    };
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title)),
        area,
    );
}

fn minutes_text(minutes: Option<u32>) -> String {
    minutes.map_or("min in".to_string(), |m| format!("{m} min in"))
}
