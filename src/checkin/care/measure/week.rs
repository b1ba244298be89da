//! The measures of one plan week: its events, runs done, and a symptom
//! that came back from an earlier one of its episode (the week rows read
//! these; the moment's measures are in the parent).

use super::EPISODE_GAP_DAYS;
use crate::checkin::care::event::Event;
use chrono::NaiveDate;

/// What the rules of one plan week read.
pub struct WeekMeasures<'m, 'a> {
    /// The week's events so far, since the last clearance.
    pub events: &'m [Event<'a>],
    /// Runs done this week so far (check-ins and runs from files).
    pub runs_done: u32,
    /// A symptom this week that came back after an earlier one of its
    /// episode on an earlier day: the earlier one and it.
    pub came_back: Option<(&'m Event<'a>, &'m Event<'a>)>,
    pub today: NaiveDate,
    /// Whether the findings' sentences are wanted.
    pub words: bool,
}

impl<'a> WeekMeasures<'_, 'a> {
    pub fn date(&self, e: &Event) -> String {
        crate::checkin::day_words(e.checkin.date, self.today)
    }

    pub fn dates<'e, 'x: 'e>(&self, events: impl IntoIterator<Item = &'e Event<'x>>) -> String {
        let days: Vec<String> = events.into_iter().map(|e| self.date(e)).collect();
        crate::checkin::and_list(&days)
    }
}

/// A symptom from day `from` on, other than the lace pattern, that came
/// back after an earlier one of its episode on an earlier day — the day
/// before or a week before alike, however the plan's weeks fall (among
/// `events`, in day order, none after the week asked about): the earlier
/// symptom and the one that came back.
pub fn came_back<'m, 'a>(
    events: &'m [Event<'a>],
    from: i32,
) -> Option<(&'m Event<'a>, &'m Event<'a>)> {
    let counts = |e: &Event| e.symptomatic() && !e.lace_pattern();
    events.iter().enumerate().find_map(|(i, now)| {
        if now.day < from || !counts(now) {
            return None;
        }
        let mut day = now.day;
        for e in events[..i].iter().rev() {
            if day - e.day > EPISODE_GAP_DAYS {
                return None;
            }
            if e.day < now.day && counts(e) {
                return Some((e, now));
            }
            day = e.day;
        }
        None
    })
}
