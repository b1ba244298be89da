//! The check-in panel: every field one letter away; Enter saves, Esc cancels.

use crate::checkin::{Choice, Cleared, Ease, Flag, Onset, Side, Spot};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keys::{self, Context};
use crate::tui::panel::Panel;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// A choice's id as a label: the runner's words, spaces for underscores
/// ("not_yet" reads "not yet").
fn label(id: &'static str) -> &'static str {
    match id {
        "not_yet" => "not yet",
        "loosening_laces" => "loosening laces",
        "sitting_or_bending" => "sitting or bending",
        "sharp_pain" => "sharp pain",
        "skin_colour" => "skin colour",
        "back_pain" => "back pain",
        "calf_tightness" => "calf tightness",
        "cold_pale" => "cold or pale",
        "foot_wound" => "foot wound",
        "foot_drop" => "foot drop",
        "bladder_bowel" => "bladder or bowel",
        "leg_pain_both" => "pain in both legs",
        "face_arm" => "face or arm",
        other => other,
    }
}

/// One choice: its key, its word, whether it is on.
fn choice<'a>(key: &'a str, word: &'a str, on: bool, theme: Theme) -> Vec<Span<'a>> {
    let style = if on { theme.selected() } else { Style::new() };
    vec![
        Span::styled(key, theme.key()),
        Span::styled(format!(" {word}"), style),
        Span::raw("  "),
    ]
}

/// The key the key table binds to `action` in the panel.
fn key_for(action: Action) -> &'static str {
    keys::BINDINGS
        .iter()
        .find(|b| b.context == Context::Panel && b.action == action)
        .map_or("?", |b| b.label.split(' ').next().unwrap_or("?"))
}

/// A row of choices, each with its key from the key table.
fn row<'a, T: Copy>(
    title: &'a str,
    items: &[T],
    action: impl Fn(T) -> Action,
    word: impl Fn(T) -> &'static str,
    on: impl Fn(T) -> bool,
    theme: Theme,
) -> Line<'a> {
    let mut spans = vec![Span::raw(title)];
    for item in items {
        spans.extend(choice(
            key_for(action(*item)),
            word(*item),
            on(*item),
            theme,
        ));
    }
    Line::from(spans)
}

/// The note: as saved, or with a cursor while typed.
fn note_line(panel: &Panel, theme: Theme) -> Line<'static> {
    let mut spans = vec![
        Span::raw("Note      "),
        Span::styled(key_for(Action::Note), theme.key()),
        Span::raw(" "),
    ];
    match &panel.note {
        Some(typing) => spans.extend(typing.spans(Style::new(), theme.selected())),
        None => spans.push(Span::raw(panel.entry.note.clone().unwrap_or_default())),
    }
    Line::from(spans)
}

pub fn render(panel: &Panel, app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let e = &panel.entry;
    let area = area.centered(Constraint::Length(80), Constraint::Length(22));
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
    let foot = [
        Spot::Toes,
        Spot::BetweenToes,
        Spot::Ball,
        Spot::Arch,
        Spot::Sole,
        Spot::Heel,
    ];
    let leg = [
        Spot::Top,
        Spot::WholeFoot,
        Spot::Ankle,
        Spot::Shin,
        Spot::Calf,
        Spot::Thigh,
        Spot::Buttock,
    ];
    let spot_word = |s: Spot| match s {
        Spot::BetweenToes => "between",
        Spot::WholeFoot => "whole foot",
        other => other.as_str(),
    };
    let side = e.side.map_or("-", Side::as_str);
    let mut onset = row(
        "Began     ",
        &[Onset::During, Onset::After, Onset::Rest, Onset::Night],
        Action::Onset,
        Onset::as_str,
        |o| e.onset == Some(o),
        theme,
    );
    let minutes = e
        .minutes
        .map_or("min in".to_string(), |m| format!("{m} min in"));
    onset
        .spans
        .extend(choice("+/-", &minutes, e.minutes.is_some(), theme));
    // On a symptom-free day the row says whether the flags settled.
    let settled = !e.numbness.is_symptomatic() && !e.flags.is_empty();
    let mut cleared = row(
        if settled { "Settled   " } else { "Cleared   " },
        &[Cleared::Quickly, Cleared::Hours, Cleared::NotYet],
        Action::Cleared,
        |c| label(c.as_str()),
        |c| e.cleared == Some(c),
        theme,
    );
    let cleared_minutes = e
        .cleared_minutes
        .map_or("min to clear".to_string(), |m| format!("{m} min to clear"));
    cleared.spans.extend(choice(
        "</>",
        &cleared_minutes,
        e.cleared_minutes.is_some(),
        theme,
    ));
    let flags = |title, list: &[Flag]| {
        row(
            title,
            list,
            Action::Flag,
            |f| label(f.as_str()),
            |f| e.flags.contains(&f),
            theme,
        )
    };
    let session = e.session.map_or("auto (done on a run day)", |s| s.words());
    let lines = vec![
        Line::from(levels),
        row(
            "Where     ",
            &foot,
            Action::Spot,
            spot_word,
            |s| e.spots.contains(&s),
            theme,
        ),
        row(
            "          ",
            &leg,
            Action::Spot,
            spot_word,
            |s| e.spots.contains(&s),
            theme,
        ),
        Line::from(vec![
            Span::raw("Side      "),
            Span::styled(key_for(Action::CycleSide), theme.key()),
            Span::raw(format!(" {side}")),
        ]),
        onset,
        cleared,
        row(
            "Eased by  ",
            Ease::ALL,
            Action::Ease,
            |x| label(x.as_str()),
            |x| e.eased_by.contains(&x),
            theme,
        ),
        Line::from(vec![
            Span::raw("Session   "),
            Span::styled(key_for(Action::CycleSession), theme.key()),
            Span::raw(format!(" {session}")),
        ]),
        flags(
            "Signs     ",
            &[
                Flag::SharpPain,
                Flag::SkinColour,
                Flag::BackPain,
                Flag::CalfTightness,
            ],
        ),
        flags(
            "          ",
            &[
                Flag::ColdPale,
                Flag::FootWound,
                Flag::Weakness,
                Flag::FootDrop,
            ],
        ),
        flags(
            "Emergency ",
            &[
                Flag::Saddle,
                Flag::BladderBowel,
                Flag::LegPainBoth,
                Flag::FaceArm,
            ],
        ),
        Line::from(vec![
            Span::raw("Shoes     "),
            Span::styled(key_for(Action::CycleShoes), theme.key()),
            Span::raw(format!(
                " {}",
                e.shoes.as_deref().unwrap_or("the newest pair")
            )),
        ]),
        note_line(panel, theme),
        Line::styled(
            keys::footer(&[if panel.note.is_some() {
                Context::Note
            } else {
                Context::Panel
            }]),
            theme.dim(),
        ),
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
