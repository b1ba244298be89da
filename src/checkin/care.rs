//! When to send the runner to a clinician (DESIGN.md §4 rules 1–2, DOMAIN.md §6).
//! A care episode opens on the first check-in that triggers it and lasts until
//! the runner records a clinician's clearance; runs are suspended meanwhile.

use super::{CheckIn, Cleared, Journal, Onset, short_date};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How soon to be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareLevel {
    /// Today: urgent care or an emergency department.
    Urgent,
    /// Book an appointment.
    Book,
}

/// Who to see and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Care {
    pub level: CareLevel,
    pub who: String,
    /// Plain sentences naming the check-ins behind the verdict.
    pub why: Vec<String>,
    /// The check-in date that opened the episode.
    pub since: NaiveDate,
}

impl CareLevel {
    pub fn who(self) -> &'static str {
        match self {
            // NHS cauda equina leaflets: red flags need same-day care.
            CareLevel::Urgent => "urgent care or an emergency department, today",
            // Dr. Green: worsening or unresolved within a week -> orthopedist or PT.
            CareLevel::Book => "an orthopedist, a physical therapist or a sports doctor",
        }
    }
}

/// A stretch of days with runs suspended for care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Episode {
    pub care: Care,
    /// The clearance that closed it, if any.
    pub cleared_on: Option<NaiveDate>,
}

impl Episode {
    /// Whether runs are suspended on `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.care.since && self.cleared_on.is_none_or(|c| date <= c)
    }
}

/// A numbness spell lasting this many days sends the runner to care.
const SPELL_DAYS: i64 = 7;
/// Two "not cleared" check-ins at most this many days apart send to care.
const NOT_CLEARED_WINDOW: i64 = 7;
/// Two "began at rest" check-ins at most this many days apart send to care.
const AT_REST_WINDOW: i64 = 14;

/// The care episodes in the journal up to `until`, oldest first.
pub(crate) fn episodes(journal: &Journal, until: NaiveDate) -> Vec<Episode> {
    let clearances: Vec<NaiveDate> = journal.clearances().iter().map(|c| c.date).collect();
    let mut episodes: Vec<Episode> = Vec::new();
    let mut state = Watch::default();
    let mut last_clearance: Option<NaiveDate> = None;

    for checkin in journal.checkins().iter().take_while(|c| c.date <= until) {
        // A clearance covers its own day: later check-ins start a fresh watch.
        let latest = clearances
            .iter()
            .rev()
            .find(|d| **d < checkin.date)
            .copied();
        if latest != last_clearance {
            last_clearance = latest;
            state = Watch::default();
            if let (Some(open), Some(cleared)) = (episodes.last_mut(), latest) {
                if open.cleared_on.is_none() && open.care.since <= cleared {
                    open.cleared_on = Some(cleared);
                }
            }
        }
        let triggers = state.observe(checkin);
        let open = episodes.last_mut().filter(|e| e.cleared_on.is_none());
        match (open, triggers) {
            (None, Some((level, why))) => episodes.push(Episode {
                care: Care {
                    level,
                    who: level.who().to_string(),
                    why,
                    since: checkin.date,
                },
                cleared_on: None,
            }),
            (Some(open), Some((level, why))) if level < open.care.level => {
                open.care.level = level;
                open.care.who = level.who().to_string();
                open.care.why.extend(why);
            }
            _ => {}
        }
    }
    if let Some(open) = episodes.last_mut().filter(|e| e.cleared_on.is_none()) {
        open.cleared_on = clearances
            .iter()
            .find(|d| **d >= open.care.since && **d <= until)
            .copied();
    }
    episodes
}

/// What the care rules remember between check-ins since the last clearance.
#[derive(Default)]
struct Watch<'a> {
    spell: Vec<&'a CheckIn>,
    not_cleared: Option<NaiveDate>,
    at_rest: Option<NaiveDate>,
}

impl<'a> Watch<'a> {
    /// Takes the next check-in; returns the care it triggers, if any.
    fn observe(&mut self, c: &'a CheckIn) -> Option<(CareLevel, Vec<String>)> {
        let mut urgent = Vec::new();
        let mut book = Vec::new();
        // Formatted only when a sentence needs it: most check-ins trigger nothing.
        let day = || short_date(c.date);

        for flag in &c.flags {
            let sentence = format!("On {} you reported {}.", day(), flag.words());
            if flag.is_red() {
                urgent.push(sentence);
            } else {
                book.push(sentence);
            }
        }

        if c.numbness.is_symptomatic() {
            self.spell.push(c);
        } else {
            self.spell.clear();
        }
        if let (Some(first), Some(last)) = (self.spell.first(), self.spell.last()) {
            // Dr. Green: numbness that has not resolved within a week.
            let days = (last.date - first.date).num_days() + 1;
            if days >= SPELL_DAYS {
                book.push(format!(
                    "Numbness has gone on for {days} days (check-ins from {} to {}).",
                    short_date(first.date),
                    short_date(last.date)
                ));
            }
            // Dr. Green: symptoms that get worse.
            if self.spell.len() >= 3 && last.numbness > first.numbness {
                book.push(format!(
                    "Numbness is getting worse: {} on {}, {} on {}.",
                    first.numbness.words(),
                    short_date(first.date),
                    last.numbness.words(),
                    short_date(last.date)
                ));
            }
        }

        // DOMAIN.md §6: numbness that lingers after runs or appears at rest.
        if c.cleared == Some(Cleared::NotYet) {
            if let Some(before) = again_within(&mut self.not_cleared, c.date, NOT_CLEARED_WINDOW) {
                book.push(format!(
                    "Numbness had not cleared on {} and again on {}.",
                    short_date(before),
                    day()
                ));
            }
        }
        if c.onset == Some(Onset::Rest) {
            if let Some(before) = again_within(&mut self.at_rest, c.date, AT_REST_WINDOW) {
                book.push(format!(
                    "Numbness began at rest on {} and again on {}.",
                    short_date(before),
                    day()
                ));
            }
        }

        if !urgent.is_empty() {
            urgent.extend(book);
            Some((CareLevel::Urgent, urgent))
        } else if !book.is_empty() {
            Some((CareLevel::Book, book))
        } else {
            None
        }
    }
}

/// Remembers `date` as the latest occurrence; returns the one before it if it
/// was fewer than `window` days earlier.
fn again_within(latest: &mut Option<NaiveDate>, date: NaiveDate, window: i64) -> Option<NaiveDate> {
    let before = latest.replace(date)?;
    ((date - before).num_days() < window).then_some(before)
}
