//! Styles. Colour adds to meaning but never carries it alone: every status is
//! also written out, and selection uses reverse video, so `NO_COLOR` loses nothing.

use crate::checkin::Status;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    /// The verdict banner: colour by status, bold always; urgent also reversed.
    pub fn status(self, status: Status) -> Style {
        let colour = match status {
            Status::UrgentCare => Color::Red,
            Status::SeekCare => Color::LightRed,
            Status::StepBack => Color::Magenta,
            Status::Hold => Color::Yellow,
            Status::OnTrack => Color::Green,
        };
        let style = self.fg(colour).add_modifier(Modifier::BOLD);
        if status == Status::UrgentCare {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        }
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The cursor inside a selected (reversed) field: plain video, underlined.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn planned(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn done(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn numbness(self) -> Style {
        self.fg(Color::Yellow)
    }
}
