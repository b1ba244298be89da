//! Step 2 of the care pipeline, and the walk through it: the events between
//! clearances, taken in order, each moment's measures held against the rules
//! table. A check-in recorded after a clearance is judged afresh, even when
//! it is dated before it (that clinician never saw it); health context
//! applies from the day it was entered, and care it opens is dated that day.

use super::event::Event;
use super::found::{Found, extent_of};
use super::measure::{self, ClearedCare, Conditions, Measures, SideSet, WeekStatus};
use super::pattern::{CareLevel, Pattern};
use super::rules::{Check, Effect, RULES, RuleBits};
use crate::checkin::{Clearance, Flag, Journal};
use crate::health::Health;
use crate::plan::Profile;
use chrono::NaiveDate;
use std::ops::Range;

mod week;

/// Every notable check-in up to a day, grouped by the clearances between
/// them: what the care rules and the week signals read.
pub(crate) struct Timeline<'a> {
    journal: &'a Journal,
    profile: &'a Profile,
    clearances: &'a [Clearance],
    start_day: i32,
    /// The day verdicts are for.
    today: NaiveDate,
    /// Events in order of their epoch (the clearances before them), then day.
    events: Vec<Event<'a>>,
    /// The events of each epoch: before the first clearance, after it, …
    epochs: Vec<Range<usize>>,
    /// The status of each week asked about that is over, by the epoch's
    /// first event and the week's first day.
    past_weeks: std::cell::RefCell<Vec<((usize, i32), WeekStatus)>>,
    /// Built from the last epoch's check-ins only ([`Timeline::resumed`]):
    /// the care the last clearance closed, as the whole journal gave it.
    carried: Option<Option<ClearedCare>>,
}

/// The first moment a row of the table fired in an episode. What it says
/// and cites is written when the message is read, from its latest finding.
pub(crate) struct Finding {
    pub day: i32,
    pub rule: usize,
}

/// One moment of the walk: a day, the check-in of it (none on the day health
/// context was entered), and the booking open before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Moment {
    pub day: i32,
    pub event: Option<usize>,
    pub booked: Option<i32>,
}

/// A stretch of days with care open: from the first moment a care rule
/// fired until a clearance.
pub(crate) struct Episode<'t, 'a> {
    pub since: NaiveDate,
    pub cleared: Option<Clearance>,
    /// The first finding of each row, in order.
    pub(super) findings: Vec<Finding>,
    /// Every moment of the epoch, with the booking open before it.
    pub(super) moments: Vec<Moment>,
    pub(super) timeline: &'t Timeline<'a>,
    pub(super) epoch: usize,
    /// After each moment that found something: its day and every rule
    /// found so far, as bits (how the care stood, without the sentences).
    pub(super) fired: Vec<(i32, RuleBits)>,
    /// The last decision line written, by the rules it was written from:
    /// the same line serves week after week while nothing new is found.
    pub(super) line: std::cell::RefCell<Option<(RuleBits, String)>>,
    /// The care the clearance before it closed, as its rules compared.
    pub(super) before: Option<ClearedCare>,
}

impl<'a> Episode<'_, 'a> {
    /// The day the verdicts are for.
    pub(super) fn timeline_today(&self) -> NaiveDate {
        self.timeline.today
    }

    /// The events of its epoch, in day order.
    pub(super) fn events(&self) -> &[Event<'a>] {
        self.timeline.epoch_events(self.epoch)
    }

    /// What `finding`'s row says and cites at its latest finding by the end
    /// of day `day`: the row held against the moments again, the latest
    /// first, this time with words.
    pub(super) fn found(&self, finding: &Finding, day: i32) -> Found<'a> {
        let Check::Moment(check) = RULES[finding.rule].check else {
            return Found {
                text: String::new(),
                cites: Vec::new(),
            };
        };
        self.moments
            .iter()
            .rev()
            .filter(|m| m.day <= day && m.day >= finding.day)
            .find_map(|moment| {
                let m = self
                    .timeline
                    .measures(self.epoch, *moment, self.before.as_ref(), true)?;
                check(&m)
            })
            .unwrap_or(Found {
                text: String::new(),
                cites: Vec::new(),
            })
    }

    /// The day the clearance was recorded for, if any.
    #[inline]
    pub fn cleared_on(&self) -> Option<NaiveDate> {
        self.cleared.as_ref().map(|c| c.date)
    }

    /// Whether the episode is still open at the end of `date`.
    #[inline]
    pub fn open_at(&self, date: NaiveDate) -> bool {
        self.since <= date && self.cleared_on().is_none_or(|c| c > date)
    }

    /// The first day a level that allows no exercise was found, if any.
    pub fn rest_only_from(&self) -> Option<NaiveDate> {
        self.findings
            .iter()
            .find(|f| matches!(RULES[f.rule].effect, Effect::Care(level, _) if !level.allows_exercise()))
            .and_then(|f| NaiveDate::from_epoch_days(f.day))
            .map(|d| d.max(self.since))
    }
}

fn date(day: i32) -> NaiveDate {
    NaiveDate::from_epoch_days(day).unwrap_or_default()
}

impl<'a> Timeline<'a> {
    /// The journal it was built from.
    pub(super) fn journal(&self) -> &'a Journal {
        self.journal
    }

    /// The events of `journal` up to `until`, by the clearances before them.
    pub fn new(journal: &'a Journal, profile: &'a Profile, until: NaiveDate) -> Timeline<'a> {
        let all = journal.clearances();
        let clearances = &all[..all.partition_point(|c| c.date <= until)];
        let mut events: Vec<(usize, Event)> = journal
            .checkins()
            .iter()
            .take_while(|c| c.date <= until)
            .filter_map(Event::of)
            .map(|e| {
                // Clearances that came before the check-in: an earlier day,
                // or recorded before it.
                let epoch = clearances
                    .iter()
                    .filter(|c| e.checkin.date > c.date || e.checkin.seq > c.seq)
                    .count();
                (epoch, e)
            })
            .collect();
        events.sort_by_key(|(epoch, e)| (*epoch, e.day));
        let mut epochs = Vec::with_capacity(clearances.len() + 1);
        let mut from = 0;
        for epoch in 0..=clearances.len() {
            let to = from + events[from..].partition_point(|(e, _)| *e == epoch);
            epochs.push(from..to);
            from = to;
        }
        Timeline {
            journal,
            profile,
            clearances,
            start_day: profile.start.to_epoch_days(),
            today: until,
            events: events.into_iter().map(|(_, e)| e).collect(),
            epochs,
            past_weeks: std::cell::RefCell::default(),
            carried: None,
        }
    }

    /// The timeline of a journal that holds only the check-ins after the
    /// last clearance (and every clearance), with `carried`, the care that
    /// clearance closed as the whole journal gave it: its last epoch reads
    /// as the whole journal's does.
    pub fn resumed(
        journal: &'a Journal,
        profile: &'a Profile,
        until: NaiveDate,
        carried: Option<ClearedCare>,
    ) -> Timeline<'a> {
        Timeline {
            carried: Some(carried),
            ..Timeline::new(journal, profile, until)
        }
    }

    /// The care episodes, oldest first, and the care the last clearance
    /// closed, as the last epoch compares with it.
    pub fn episodes_carrying(&self) -> (Vec<Episode<'_, 'a>>, Option<ClearedCare>) {
        let mut episodes: Vec<Episode> = Vec::new();
        let mut cleared: Option<ClearedCare> = None;
        let mut carried = None;
        for epoch in 0..self.epochs.len() {
            let before = match &self.carried {
                Some(c) if epoch + 1 == self.epochs.len() => c.clone(),
                _ => cleared.take(),
            };
            if epoch + 1 == self.epochs.len() {
                carried.clone_from(&before);
            }
            let episode = self.walk(epoch, before);
            cleared = episode.as_ref().and_then(|e| {
                let clearance = e.cleared.as_ref()?;
                // Every place the runner named while care was open; a check-in
                // that named none could have been anywhere.
                let since = e.since.to_epoch_days();
                // And those of the episode it began in, within 14 days
                // before it (DESIGN §4): the care cited them, and the
                // clinician saw them (the clinician's seventeenth review:
                // both legs in turn cleared read as the last leg alone).
                let events: Vec<&Event> = e
                    .events()
                    .iter()
                    .filter(|ev| ev.day >= since - 14 && ev.symptomatic())
                    .collect();
                let placed = || events.iter().copied().filter(|ev| !ev.lace_pattern());
                let (rebook, soon) = e.as_cleared(clearance.date);
                Some(ClearedCare {
                    date: clearance.date,
                    extent: extent_of(events.iter().copied()),
                    anywhere: events.iter().any(|ev| ev.extent.is_empty()),
                    sides: SideSet::of(placed()),
                    legs: SideSet::of(placed().filter(|ev| ev.in_leg())),
                    weak: SideSet::of(e.events().iter().filter(|ev| {
                        ev.day >= since
                            && (ev.flagged(Flag::Weakness) || ev.flagged(Flag::FootDrop))
                    })),
                    back_pain: e
                        .events()
                        .iter()
                        .any(|ev| ev.day >= since && ev.flagged(Flag::BackPain)),
                    // Who the care before named; when it was itself a return
                    // after a clearance, who that one named.
                    who: match (e.who(clearance.date), &e.before) {
                        (who, Some(before))
                            if who == Pattern::BackAfterClearance.who(CareLevel::Book) =>
                        {
                            before.who.clone()
                        }
                        (who, _) => who.to_string(),
                    },
                    rebook,
                    soon,
                })
            });
            episodes.extend(episode);
        }
        (episodes, carried)
    }

    /// Health context applies from its day: the conditions of `day`.
    pub(super) fn conditions(&self, day: i32) -> Conditions {
        let on = |h: Health| {
            self.profile.health.contains(&h)
                && self
                    .profile
                    .health_since
                    .get(&h)
                    .is_none_or(|d| d.to_epoch_days() <= day)
        };
        Conditions {
            diabetes: on(Health::Diabetes),
            circulation: on(Health::Circulation),
            back_history: on(Health::BackHistory),
        }
    }

    /// The days health context was entered within `from..=to`: moments of
    /// their own, when the new thresholds are held against what came before.
    fn health_days(&self, from: Option<i32>, to: Option<i32>) -> Vec<i32> {
        let mut days: Vec<i32> = self
            .profile
            .health_since
            .values()
            .map(|d| d.to_epoch_days())
            .filter(|d| from.is_none_or(|f| *d >= f) && to.is_none_or(|t| *d <= t))
            .filter(|d| *d <= self.today.to_epoch_days())
            .collect();
        days.sort_unstable();
        days.dedup();
        days
    }

    /// The clearance that opened epoch `epoch`, if any.
    pub(super) fn opened_by(&self, epoch: usize) -> Option<&'a Clearance> {
        epoch.checked_sub(1).map(|i| &self.clearances[i])
    }

    /// The events of epoch `epoch`, in day order.
    pub(super) fn epoch_events(&self, epoch: usize) -> &[Event<'a>] {
        &self.events[self.epochs[epoch].clone()]
    }

    /// What the rules read at `moment` of epoch `epoch`; `None` when no
    /// event has happened by then.
    pub(super) fn measures<'m>(
        &'m self,
        epoch: usize,
        moment: Moment,
        cleared: Option<&'m ClearedCare>,
        words: bool,
    ) -> Option<Measures<'m, 'a>> {
        let events = self.epoch_events(epoch);
        let day = moment.day;
        let upto = moment
            .event
            .map_or_else(|| events.partition_point(|e| e.day <= day), |k| k + 1);
        let week = (day - self.start_day).div_euclid(7);
        let lo = events[..upto]
            .partition_point(|e| e.week(self.start_day) < week - (measure::WINDOW_WEEKS - 1));
        let window = &events[lo..upto];
        if window.is_empty() {
            return None;
        }
        let episode = measure::open_episode(window);
        Some(Measures {
            day,
            latest: moment.event.map_or(episode, |k| &events[k..=k]),
            episode,
            window,
            health: self.conditions(day),
            booked: moment.booked,
            cleared,
            past: self,
            so_far: &events[..upto],
            start_day: self.start_day,
            today: self.today,
            words,
        })
    }

    /// The moments of epoch `epoch`, in order: each check-in, and each day
    /// health context was entered (after the check-in of that day).
    fn moments(&self, epoch: usize) -> Vec<(i32, Option<usize>)> {
        let events = self.epoch_events(epoch);
        let floor = self.opened_by(epoch).map(|c| c.date.to_epoch_days());
        let last = self.clearances.get(epoch).map(|c| c.date.to_epoch_days());
        let mut moments: Vec<(i32, Option<usize>)> = events
            .iter()
            .enumerate()
            .map(|(k, e)| (e.day, Some(k)))
            .collect();
        moments.extend(self.health_days(floor, last).into_iter().map(|d| (d, None)));
        moments.sort_by_key(|(day, k)| (*day, k.is_none()));
        moments
    }

    /// The care of one epoch: the moments in order, each held against the
    /// rows of the table not yet found; care opens at the first finding and
    /// stays open until the clearance that ends the epoch. Each row's first
    /// finding is kept; its latest is looked for when the message is read.
    fn walk(&self, epoch: usize, before: Option<ClearedCare>) -> Option<Episode<'_, 'a>> {
        let floor = self.opened_by(epoch).map(|c| c.date.to_epoch_days());
        let mut moments: Vec<Moment> = Vec::new();
        let mut findings: Vec<Finding> = Vec::new();
        let mut fired: Vec<(i32, RuleBits)> = Vec::new();
        let mut bits: RuleBits = 0;
        let mut since: Option<i32> = None;
        let mut level: Option<CareLevel> = None;
        // The check-in care opened on: a booking is waited on only by
        // check-ins recorded after it was shown (the
        // clinician's twentieth review: ten days entered newest first read
        // "while waiting for the appointment" with none ever shown).
        // Nor by check-ins dated before the day it was shown: entered oldest
        // first on a later day, they were not waiting either (the
        // twenty-first). The seq and the day.
        let mut shown: (u64, i32) = (0, i32::MIN);
        let events = self.epoch_events(epoch);
        for (day, event) in self.moments(epoch) {
            // (Check-ins of unknown order, all 0, read in day order.)
            let recorded_after =
                event.is_none_or(|k| events[k].checkin.seq >= shown.0 && events[k].day > shown.1);
            let booked = since.filter(|_| level == Some(CareLevel::Book) && recorded_after);
            let moment = Moment { day, event, booked };
            moments.push(moment);
            let Some(m) = self.measures(epoch, moment, before.as_ref(), false) else {
                continue;
            };
            let before_bits = bits;
            for (rule, row) in RULES.iter().enumerate() {
                if bits & (1 << rule) != 0 {
                    continue;
                }
                if let (Check::Moment(check), Effect::Care(found_level, _)) =
                    (row.check, row.effect)
                    && check(&m).is_some()
                {
                    level = Some(level.map_or(found_level, |l| l.min(found_level)));
                    findings.push(Finding { day, rule });
                    bits |= 1 << rule;
                }
            }
            if bits != before_bits {
                // (Its own check-in's: one back-filled later into the days
                // before it does not unsee a booking already shown.)
                if since.is_none() {
                    shown = event.map_or((0, day), |k| {
                        let c = events[k].checkin;
                        (c.seq, c.recorded.map_or(day, |d| d.to_epoch_days()))
                    });
                }
                since.get_or_insert(floor.map_or(day, |f| day.max(f)));
                fired.push((day, bits));
            }
        }
        Some(Episode {
            since: date(since?),
            cleared: self.clearances.get(epoch).cloned(),
            findings,
            moments,
            timeline: self,
            epoch,
            fired,
            line: std::cell::RefCell::new(None),
            before,
        })
    }

    /// Runs done from `from` to `to`: check-ins of runs done or cut short,
    /// and days with a run from a file and no such check-in.
    fn runs_done(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let checked = self.journal.between(from, to);
        let ran = |d: NaiveDate| checked.iter().any(|c| c.date == d && c.run_credit() > 0.0);
        let by_checkin = checked.iter().filter(|c| c.run_credit() > 0.0).count();
        let runs = self.journal.runs();
        let lo = runs.partition_point(|r| r.date < from);
        let mut days: Vec<NaiveDate> = runs[lo..]
            .iter()
            .take_while(|r| r.date <= to)
            .map(|r| r.date)
            .filter(|d| !ran(*d))
            .collect();
        days.dedup();
        (by_checkin + days.len()) as u32
    }
}
