//! A plan week read from the timeline: its status at any moment (for the
//! walk that decides holds and step-backs) and its signal with the words
//! that say why (for today's verdict).

use super::super::event::Event;
use super::super::found::Found;
use super::super::measure::{self, Past, WeekMeasures, WeekStatus};
use super::super::rules::{Check, Effect, RULES};
use super::super::signal::status_of;
use super::{Timeline, date};
use crate::checkin::Status;
use chrono::NaiveDate;

impl Past for Timeline<'_> {
    /// How the seven days from `start` went by their symptoms up to `day`,
    /// among `events` (in day order).
    fn status(&self, events: &[Event], start: i32, day: i32) -> WeekStatus {
        let end = (start + 6).min(day);
        // A week that is over reads the same at every later moment of the
        // epoch: kept for the next moments.
        let key = (events.as_ptr() as usize, start);
        let past = end < day;
        if past && let Some((_, status)) = self.past_weeks.borrow().iter().find(|(k, _)| *k == key)
        {
            return *status;
        }
        let status = self.week_status(events, (start, end));
        if past {
            // Only weeks of the last three are asked about again as the walk
            // moves on: the rest go, so ten years keep a few dozen.
            let mut kept = self.past_weeks.borrow_mut();
            kept.retain(|((_, s), _)| *s > day - 21);
            kept.push((key, status));
        }
        status
    }

    fn numbness_gone(&self, after: i32, upto: i32) -> bool {
        self.journal
            .between(date(after + 1), date(upto))
            .iter()
            .any(|c| c.numbness.level() == 0)
    }
}

impl Timeline<'_> {
    fn week_status(&self, events: &[Event], (start, end): (i32, i32)) -> WeekStatus {
        let from = events.partition_point(|e| e.day < start);
        let to = events.partition_point(|e| e.day <= end);
        if from == to {
            return WeekStatus::OnTrack;
        }
        let w = WeekMeasures {
            events: &events[from..to],
            runs_done: self.runs_done(date(start), date(end)),
            came_back: measure::came_back(&events[..to], start),
            today: self.today,
            words: false,
        };
        week_rows(&w)
            .map(|(effect, _)| match effect {
                Effect::StepBack => WeekStatus::StepBack,
                _ => WeekStatus::Hold,
            })
            .min()
            .unwrap_or(WeekStatus::OnTrack)
    }
}

impl Timeline<'_> {
    /// What the check-ins of the plan week from `start` say by `upto`, short
    /// of care: those recorded after the last clearance dated by then.
    pub fn week_signal(
        &self,
        start: NaiveDate,
        upto: NaiveDate,
        words: bool,
    ) -> crate::checkin::verdict::WeekSignal {
        let after = self.clearances.partition_point(|c| c.date <= upto);
        let (lo, hi) = (
            start.to_epoch_days() - 7 * measure::WINDOW_WEEKS,
            upto.to_epoch_days(),
        );
        // Usually one epoch holds them all: borrowed, not copied.
        let mut parts = self.epochs[after..]
            .iter()
            .map(|range| &self.events[range.clone()])
            .filter(|epoch| epoch.first().is_some_and(|e| e.day <= hi))
            .map(|epoch| {
                let from = epoch.partition_point(|e| e.day < lo);
                let to = epoch.partition_point(|e| e.day <= hi);
                &epoch[from..to]
            })
            .filter(|part| !part.is_empty());
        let events: std::borrow::Cow<[Event]> = match (parts.next(), parts.next()) {
            (None, _) => std::borrow::Cow::Borrowed(&[]),
            (Some(one), None) => std::borrow::Cow::Borrowed(one),
            (Some(a), Some(b)) => {
                let mut all: Vec<Event> =
                    a.iter().chain(b).chain(parts.flatten()).copied().collect();
                all.sort_by_key(|e| e.day);
                std::borrow::Cow::Owned(all)
            }
        };
        let first = events.partition_point(|e| e.day < start.to_epoch_days());
        let w = WeekMeasures {
            events: &events[first..],
            runs_done: self.runs_done(start, upto),
            came_back: measure::came_back(&events, start.to_epoch_days()),
            today: self.today,
            words,
        };
        if !words {
            // The status and the first step-back day, without sentences.
            let mut signal = crate::checkin::verdict::WeekSignal {
                status: Status::OnTrack,
                reasons: Vec::new(),
                step_back_on: None,
            };
            for (effect, found) in week_rows(&w) {
                signal.status = signal.status.min(status_of(Some(effect)));
                if effect == Effect::StepBack {
                    let days = found.cites.iter().map(|c| c.date);
                    signal.step_back_on = days.chain(signal.step_back_on).min();
                }
            }
            return signal;
        }
        let last = self.clearances[..after].last();
        let checkins = self.journal.between(start, upto);
        let quiet = if checkins.is_empty() {
            "No check-ins yet this week."
        } else if checkins
            .iter()
            .all(|c| last.is_some_and(|x| x.comes_after(c)))
        {
            "No check-ins since the clearance yet."
        } else {
            "No numbness this week."
        };
        super::super::signal::week_signal(&w, week_rows(&w).collect(), quiet)
    }
}

/// The week rows that fire, with their findings.
fn week_rows<'m, 'a>(
    w: &'m WeekMeasures<'m, 'a>,
) -> impl Iterator<Item = (Effect, Found<'a>)> + 'm {
    RULES.iter().filter_map(move |row| match row.check {
        Check::Week(check) => check(w).map(|found| (row.effect, found)),
        Check::Moment(_) => None,
    })
}
