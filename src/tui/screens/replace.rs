//! The questions asked before a check-in that reports numbness or a warning
//! flag is replaced, and before the last change is undone (nothing of the
//! kind happens without a yes); and whether a strength session was done.

use crate::tui::app::Place;
use crate::tui::keys::{self, Context};
use crate::tui::panel::Replace;
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;

/// The question before the last change is undone.
pub fn render_undo(what: &str, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.centered(Constraint::Length(64), Constraint::Length(7));
    let lines = vec![
        Line::from(format!("Undo {what}?")),
        Line::from(""),
        Line::styled(keys::footer(&[Context::Undo]), theme.dim()),
    ];
    super::popup(frame, area, "Undo?", lines);
}

/// The question after an import found a run on a day with no run planned:
/// place it on the nearest planned run with no record?
pub fn render_place(place: &Place, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.centered(Constraint::Length(64), Constraint::Length(7));
    let lines = vec![
        Line::from(format!(
            "{} has no run planned, and the run of {} has no record.",
            place.ran.format("%a %-d %b"),
            place.near.format("%a %-d %b")
        )),
        Line::from(format!(
            "Place this run on {}?",
            place.near.format("%a %-d %b")
        )),
        Line::from(""),
        Line::styled(keys::footer(&[Context::Place]), theme.dim()),
    ];
    super::popup(frame, area, "Place the run?", lines);
}

/// The question after a strength day's check-in: was the session done?
pub fn render_strength(date: NaiveDate, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.centered(Constraint::Length(64), Constraint::Length(6));
    let lines = vec![
        Line::from(format!(
            "Did you do the strength session of {}?",
            date.format("%a %-d %b")
        )),
        Line::from(""),
        Line::styled(keys::footer(&[Context::Strength]), theme.dim()),
    ];
    super::popup(frame, area, "Strength session done?", lines);
}

pub fn render(pending: &Replace, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.centered(Constraint::Length(64), Constraint::Length(7));
    let lines = vec![
        Line::from(format!(
            "{} already has a check-in with {}.",
            pending.entry.date.format("%a %-d %b"),
            pending.what
        )),
        Line::from(format!(
            "Replace it with: {}?",
            pending.entry.numbness.words()
        )),
        Line::from(""),
        Line::styled(keys::footer(&[Context::Replace]), theme.dim()),
    ];
    super::popup(frame, area, "Replace a check-in?", lines);
}
