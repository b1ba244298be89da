//! The check-in panel: the check-in being put together, one key a choice,
//! and the question asked before a check-in that reports numbness or a flag
//! is replaced.

use super::action::Action;
use super::field::TextField;
use crate::checkin::{CheckIn, MAX_TEXT, Numbness, SessionDone, Side};

/// The check-in being put together in the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panel {
    pub entry: CheckIn,
    /// Editing an earlier check-in from History.
    pub editing: bool,
    /// The note being typed, while the note line has the keys.
    pub note: Option<TextField>,
    /// The panel asked how soon the symptoms went (or whether a flag on a
    /// symptom-free day settled).
    pub asked_settled: bool,
}

impl Panel {
    /// The panel for `entry`; `editing` when it changes a saved check-in.
    pub fn new(entry: CheckIn, editing: bool) -> Panel {
        Panel {
            entry,
            editing,
            note: None,
            asked_settled: false,
        }
    }
}

/// A check-in waiting for the runner to confirm that it replaces one that
/// reports numbness or a warning flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replace {
    pub entry: CheckIn,
    /// What the earlier check-in reported.
    pub what: String,
    /// The panel the check-in came from, to go back to on "no".
    pub from: Option<Panel>,
}

/// What a key did to the panel.
pub enum Outcome {
    Stay,
    Close,
    /// Save the check-in; `replace` when the runner is editing it on purpose.
    Save {
        entry: CheckIn,
        replace: bool,
    },
    /// A question for the runner before saving.
    Ask(&'static str),
}

/// Asked once when a warning flag is saved on a symptom-free day without
/// saying whether it settled: a sign that may still be there is read as
/// still there (DESIGN §3).
pub const SETTLED_QUESTION: &str = "Did it settle? q within 15 min · w hours · n not yet (or < > minutes), then Enter; Enter again saves it as not said (read as still there).";

/// Asked once when numbness is saved without saying how soon it went: the
/// rules read an unsaid clearing the careful way.
pub const CLEARED_QUESTION: &str = "How soon did it go? q within 15 min · w hours · n not yet (or < > minutes), then Enter; Enter again saves it as not said.";

/// The next pair for the check-in: none (the newest pair counts), then
/// each pair not retired in turn.
pub fn cycle_shoes(panel: &mut Panel, active: &[&str]) {
    let at = panel
        .entry
        .shoes
        .as_deref()
        .and_then(|name| active.iter().position(|a| *a == name));
    panel.entry.shoes = match at {
        None => active.first(),
        Some(i) => active.get(i + 1),
    }
    .map(|name| name.to_string());
}

/// Applies one action to the panel.
pub fn update(panel: &mut Panel, action: Action) -> Outcome {
    if let Some(note) = &mut panel.note {
        match action {
            Action::Text(request) => {
                note.edit(request, MAX_TEXT);
            }
            Action::Confirm => {
                let text = note.value().trim();
                panel.entry.note = (!text.is_empty()).then(|| text.to_string());
                panel.note = None;
            }
            Action::Back => panel.note = None,
            _ => {}
        }
        return Outcome::Stay;
    }
    let e = &mut panel.entry;
    match action {
        Action::Note => panel.note = Some(TextField::new(e.note.clone().unwrap_or_default())),
        Action::Back | Action::Quit => return Outcome::Close,
        Action::Level(n) => e.numbness = Numbness::try_from(n).unwrap_or(e.numbness),
        Action::Spot(spot) => toggle(&mut e.spots, spot),
        Action::Flag(flag) => toggle(&mut e.flags, flag),
        Action::CycleSide => {
            e.side = match e.side {
                None => Some(Side::Left),
                Some(Side::Left) => Some(Side::Right),
                Some(Side::Right) => Some(Side::Both),
                Some(Side::Both) => None,
            }
        }
        Action::Onset(onset) => e.onset = flip(e.onset, onset),
        Action::Minutes(step) => e.minutes = step_minutes(e.minutes, step),
        Action::Cleared(c) => e.cleared = flip(e.cleared, c),
        Action::ClearedMinutes(step) => e.cleared_minutes = step_minutes(e.cleared_minutes, step),
        Action::Ease(ease) => toggle(&mut e.eased_by, ease),
        Action::CycleSession => {
            e.session = match e.session {
                None => Some(SessionDone::Done),
                Some(SessionDone::Done) => Some(SessionDone::Partial),
                Some(SessionDone::Partial) => Some(SessionDone::Skipped),
                Some(SessionDone::Skipped) => Some(SessionDone::RestDay),
                Some(SessionDone::RestDay) => None,
            }
        }
        Action::Confirm
            if (e.numbness.is_symptomatic() || !e.flags.is_empty())
                && e.cleared.is_none()
                && e.cleared_minutes.is_none()
                && !panel.asked_settled =>
        {
            panel.asked_settled = true;
            return Outcome::Ask(if e.numbness.is_symptomatic() {
                CLEARED_QUESTION
            } else {
                SETTLED_QUESTION
            });
        }
        // Editing a check-in from History is the runner's own replacement.
        Action::Confirm => {
            return Outcome::Save {
                entry: e.clone(),
                replace: panel.editing,
            };
        }
        _ => {}
    }
    Outcome::Stay
}

/// The choice, or none when it was already chosen.
fn flip<T: PartialEq>(now: Option<T>, pressed: T) -> Option<T> {
    if now.as_ref() == Some(&pressed) {
        None
    } else {
        Some(pressed)
    }
}

/// Minutes moved by `step`, none at zero, at most 600.
fn step_minutes(now: Option<u32>, step: i8) -> Option<u32> {
    let next = i64::from(now.unwrap_or(0)) + i64::from(step);
    (next > 0).then_some(next.min(600) as u32)
}

fn toggle<T: PartialEq + Ord>(items: &mut Vec<T>, item: T) {
    match items.iter().position(|i| *i == item) {
        Some(i) => {
            items.remove(i);
        }
        None => {
            items.push(item);
            items.sort();
        }
    }
}
