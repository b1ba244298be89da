//! The journal: daily numbness check-ins and clinicians' clearances, and the
//! verdict and schedule derived from them. Pure: "today" is always a parameter.

mod actual;
mod assess;
mod care;
mod dates;
mod fields;
mod load;
mod progress;
mod schedule;
mod validate;
mod verdict;

pub use crate::plan::Move;
pub use actual::{
    Actual, Cross, CrossFromFile, CrossKind, RecordedRun, StrengthDone, implausible_run,
};
pub use assess::{Resume, assess, assess_keeping, resume};
pub use care::{Care, CareLevel, Check, Effect, Pattern, RULES, Rule, When, care_rules_markdown};
pub use dates::{and_list, clearance_said, day_words, short_date, with_year};
pub use load::actual_runs;
pub use progress::WeekProgress;
pub use schedule::{Assessment, Decision, Next, ScheduledWeek, default_session};
pub use validate::{CheckInError, MAX_SEQ, MAX_TEXT};
pub use verdict::{NOTICE, Status, Verdict};

pub use crate::choice::Choice;
pub use crate::health::Health;
pub use fields::{Cleared, Ease, Flag, Numbness, Onset, SessionDone, Side, Spot, at_places};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One day's numbness check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    pub date: NaiveDate,
    pub numbness: Numbness,
    #[serde(rename = "where", default)]
    pub spots: Vec<Spot>,
    #[serde(default)]
    pub side: Option<Side>,
    #[serde(default)]
    pub onset: Option<Onset>,
    /// Minutes into the run when numbness began (with `onset: during`).
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub cleared: Option<Cleared>,
    /// Minutes after stopping until it cleared, when the runner knows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared_minutes: Option<u32>,
    /// What made it ease.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eased_by: Vec<Ease>,
    #[serde(default)]
    pub session: Option<SessionDone>,
    #[serde(default)]
    pub flags: Vec<Flag>,
    #[serde(default)]
    pub shoes: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// The order it was recorded in, counted across check-ins and clearances:
    /// it tells a check-in from a clearance recorded later the same day. The
    /// store sets it; 0 means "before anything else that day".
    #[serde(default)]
    pub seq: u64,
    /// What was actually done that day: distance, minutes, effort,
    /// strength, cross-training.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Actual>,
    /// The day the runner recorded it, when later than its date: numbness
    /// "not gone when recorded" was still there that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<NaiveDate>,
}

impl CheckIn {
    /// Whether this check-in, said again of its day, says what `old` said
    /// about the symptoms: a run's numbers, shoes, a note, the order and day
    /// it was recorded, and a session not said again, aside.
    pub fn says_the_same_as(&self, old: &CheckIn) -> bool {
        CheckIn {
            shoes: old.shoes.clone(),
            note: old.note.clone(),
            seq: old.seq,
            actual: old.actual.clone(),
            recorded: old.recorded,
            session: self.session.or(old.session),
            ..self.clone()
        } == *old
    }

    /// The check-in with the day's actual numbers; a run given with numbers
    /// was done unless the check-in says otherwise.
    pub fn with_actual(mut self, actual: Actual) -> CheckIn {
        if actual.ran() {
            self.session = self.session.or(Some(SessionDone::Done));
        }
        self.actual = (!actual.is_empty()).then_some(actual);
        self
    }

    /// The session the check-in itself says was done: numbness that began
    /// during or after a run means the run was done.
    pub fn exercise_said(&self) -> Option<SessionDone> {
        matches!(self.onset, Some(Onset::During | Onset::After)).then_some(SessionDone::Done)
    }

    /// When the numbness began, in words: on a day whose run was skipped or
    /// a rest day, the exercise was not a run ("after exercise").
    pub fn onset_words(&self) -> Option<&'static str> {
        let no_run = matches!(
            self.session,
            Some(SessionDone::Skipped | SessionDone::RestDay)
        );
        Some(match self.onset? {
            Onset::During if no_run => "during exercise",
            Onset::After if no_run => "after exercise",
            other => other.words(),
        })
    }

    /// Whether the check-in leaves the runner's state an open question:
    /// numbness that had not cleared, or partly numb or worse with no word on
    /// clearing. Runs wait for the next check-in to say how it is.
    pub fn leaves_a_question(&self) -> bool {
        self.cleared == Some(Cleared::NotYet)
            || (self.numbness >= Numbness::PARTLY_NUMB
                && self.cleared.is_none()
                && self.cleared_minutes.is_none())
    }

    /// A symptom-free day with the given session.
    pub fn symptom_free(date: NaiveDate, session: Option<SessionDone>) -> CheckIn {
        CheckIn {
            date,
            numbness: Numbness::NONE,
            spots: Vec::new(),
            side: None,
            onset: None,
            minutes: None,
            cleared: None,
            cleared_minutes: None,
            eased_by: Vec::new(),
            session,
            flags: Vec::new(),
            shoes: None,
            note: None,
            seq: 0,
            actual: None,
            recorded: None,
        }
    }

    /// How much of a run this check-in reports: 1 done, 0.5 cut short, else 0.
    #[inline]
    pub fn run_credit(&self) -> f64 {
        match self.session {
            Some(SessionDone::Done) => 1.0,
            Some(SessionDone::Partial) => 0.5,
            _ => 0.0,
        }
    }

    /// Whether it reports numbness or a warning flag: such a check-in is
    /// never replaced without the runner saying so.
    #[inline]
    pub fn is_notable(&self) -> bool {
        self.numbness.is_symptomatic() || !self.flags.is_empty()
    }

    /// "Mon 23 Nov: partly numb at the toes (left), during the run, cleared quickly".
    pub fn summary(&self, unit: crate::plan::Unit) -> String {
        self.summary_typed(unit, None)
    }

    /// The summary with the run's time as the runner typed it ("22:30"),
    /// beside the whole minutes kept: the echo of a check-in just saved.
    pub fn summary_typed(&self, unit: crate::plan::Unit, typed_time: Option<&str>) -> String {
        let mut text = format!("{}: {}", short_date(self.date), self.numbness.words());
        if !self.spots.is_empty() {
            text.push_str(&format!(" {}", at_places(&self.spots).join(", ")));
        }
        if let Some(side) = self.side {
            text.push_str(&format!(" ({})", side.words()));
        }
        if let (Some(onset), Some(words)) = (self.onset, self.onset_words()) {
            text.push_str(&format!(", {words}"));
            if let (Onset::During, Some(m)) = (onset, self.minutes) {
                text.push_str(&format!(" after {m} min"));
            }
        }
        let clearing = match (self.cleared, self.cleared_minutes) {
            (Some(cleared), Some(m)) => Some(format!("{} ({m} min)", cleared.words())),
            (Some(cleared), None) => Some(cleared.words().to_string()),
            // Between a quick clearing and hours: the minutes alone say it.
            (None, Some(m)) => Some(format!("cleared after {m} min")),
            (None, None) => None,
        };
        // How soon it went covers the warning signs too: said after them
        // when both were recorded (the clinician's eighteenth review read
        // "cleared quickly" beside the numbness as the numbness's alone).
        let signs_too = !self.flags.is_empty() && self.numbness.is_symptomatic();
        if let Some(clearing) = clearing.as_deref().filter(|_| !signs_too) {
            text.push_str(&format!(", {clearing}"));
        }
        if !self.eased_by.is_empty() {
            let eased: Vec<&str> = self.eased_by.iter().map(|e| e.words()).collect();
            text.push_str(&format!(", eased by {}", eased.join(" or ")));
        }
        if !self.flags.is_empty() {
            let flags: Vec<&str> = self.flags.iter().map(|f| f.words()).collect();
            text.push_str(&format!("; {}", flags.join(", ")));
        }
        if let Some(clearing) = clearing.filter(|_| signs_too) {
            text.push_str(&format!("; numbness and signs: {clearing}"));
        }
        let actual = self.actual.as_ref().filter(|a| !a.is_empty());
        // A strength or cross-training day is not "a rest day".
        let trained =
            actual.is_some_and(|a| a.strength == Some(StrengthDone::Done) || a.cross.is_some());
        match self.session {
            Some(SessionDone::RestDay) if trained => {}
            Some(session) => text.push_str(&format!("; {}", session.words())),
            None => {}
        }
        if let Some(a) = actual {
            text.push_str(&format!("; {}", a.words(unit, typed_time)));
        }
        if let Some(note) = self.note.as_deref().filter(|n| !n.trim().is_empty()) {
            text.push_str(&format!("; note: \"{}\"", note.trim()));
        }
        text
    }
}

/// A clinician's all-clear, recorded by the runner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clearance {
    pub date: NaiveDate,
    #[serde(default)]
    pub note: Option<String>,
    /// The order it was recorded in (see [`CheckIn::seq`]).
    #[serde(default)]
    pub seq: u64,
}

impl Clearance {
    /// Whether `checkin` was recorded before this clearance: an earlier day,
    /// or the same day and earlier in the order of recording.
    #[inline]
    pub fn comes_after(&self, checkin: &CheckIn) -> bool {
        (checkin.date, checkin.seq) < (self.date, self.seq)
    }
}

/// Everything the runner recorded, in date order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journal {
    checkins: Vec<CheckIn>,
    clearances: Vec<Clearance>,
    /// Runs imported from files, by date.
    runs: Vec<RecordedRun>,
    /// Cross-training imported from files, by date.
    cross: Vec<CrossFromFile>,
}

impl Journal {
    /// Builds a journal; order of the input does not matter, one check-in per
    /// date (the last one given wins).
    pub fn new(mut checkins: Vec<CheckIn>, mut clearances: Vec<Clearance>) -> Journal {
        // The store hands them over in order, one a day: nothing to do then
        // (sorting ten years would first copy them all).
        if !checkins.is_sorted_by(|a, b| a.date < b.date) {
            checkins.sort_by_key(|c| c.date);
            checkins.reverse();
            checkins.dedup_by_key(|c| c.date);
            checkins.reverse();
        }
        clearances.sort_by_key(|c| (c.date, c.seq));
        Journal {
            checkins,
            clearances,
            runs: Vec::new(),
            cross: Vec::new(),
        }
    }

    /// The journal with the cross-training imported from files (in any
    /// order), by day, then start.
    pub fn with_cross(mut self, mut cross: Vec<CrossFromFile>) -> Journal {
        cross.sort_by(|a, b| (a.date, &a.start).cmp(&(b.date, &b.start)));
        self.cross = cross;
        self
    }

    /// Every cross-training session imported from a file, by day.
    pub fn cross_from_files(&self) -> &[CrossFromFile] {
        &self.cross
    }

    /// The journal with the runs imported from files (in any order), kept
    /// by the day they count for, then by start: a run placed on another
    /// day than it started on sorts by its day, as searches by date expect.
    pub fn with_runs(mut self, mut runs: Vec<RecordedRun>) -> Journal {
        runs.sort_by(|a, b| (a.date, &a.start).cmp(&(b.date, &b.start)));
        self.runs = runs;
        self
    }

    /// Every imported run, by day, then start.
    pub fn runs(&self) -> &[RecordedRun] {
        &self.runs
    }

    /// Whether a run was imported for `date`.
    pub fn ran_on(&self, date: NaiveDate) -> bool {
        self.runs.iter().any(|r| r.date == date)
    }

    /// The distance actually run on `date`, in `unit`: the check-in's own
    /// number, else the runs imported from files that day (summed).
    pub fn distance_run_on(
        &self,
        date: NaiveDate,
        unit: crate::plan::Unit,
    ) -> Option<crate::plan::Distance> {
        self.on(date)
            .and_then(|c| c.actual.as_ref()?.distance)
            .or_else(|| {
                self.imported_on(date)
                    .map(|r| r.distance(unit))
                    .reduce(|a, b| a + b)
            })
    }

    /// The minutes actually run on `date`: the check-in's own, else the runs
    /// imported from files that day (summed).
    pub fn minutes_run_on(&self, date: NaiveDate) -> Option<u32> {
        self.on(date)
            .and_then(|c| c.actual.as_ref()?.minutes)
            .or_else(|| {
                self.imported_on(date)
                    .map(RecordedRun::minutes)
                    .reduce(|a, b| a + b)
            })
    }

    fn imported_on(&self, date: NaiveDate) -> impl Iterator<Item = &RecordedRun> {
        self.runs.iter().filter(move |r| r.date == date)
    }

    #[inline]
    pub fn checkins(&self) -> &[CheckIn] {
        &self.checkins
    }

    #[inline]
    pub fn clearances(&self) -> &[Clearance] {
        &self.clearances
    }

    /// Check-ins dated from `from` to `to`, inclusive.
    #[inline]
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> &[CheckIn] {
        let lo = self.checkins.partition_point(|c| c.date < from);
        let hi = self.checkins.partition_point(|c| c.date <= to);
        &self.checkins[lo..hi.max(lo)]
    }

    #[inline]
    pub fn on(&self, date: NaiveDate) -> Option<&CheckIn> {
        self.between(date, date).first()
    }

    /// Records or amends the check-in of its date.
    pub fn put(&mut self, checkin: CheckIn) {
        match self
            .checkins
            .binary_search_by_key(&checkin.date, |c| c.date)
        {
            Ok(i) => self.checkins[i] = checkin,
            Err(i) => self.checkins.insert(i, checkin),
        }
    }

    /// Removes the check-in of `date`, if any.
    pub fn remove(&mut self, date: NaiveDate) {
        if let Ok(i) = self.checkins.binary_search_by_key(&date, |c| c.date) {
            self.checkins.remove(i);
        }
    }

    pub fn add_clearance(&mut self, clearance: Clearance) {
        let i = self
            .clearances
            .partition_point(|c| (c.date, c.seq) <= (clearance.date, clearance.seq));
        self.clearances.insert(i, clearance);
    }

    /// Whether today's check-in is due: the plan has started and today has
    /// none. `Some` with the days missing in the week before today (0 when
    /// only today is), `None` when nothing is due.
    pub fn due(&self, plan_start: NaiveDate, today: NaiveDate) -> Option<(usize, NaiveDate)> {
        if today < plan_start || self.on(today).is_some() {
            return None;
        }
        let from = (today - chrono::Days::new(7)).max(plan_start);
        let recorded = self.between(from, today).len();
        let days = (today - from).num_days().max(0) as usize;
        Some((days.saturating_sub(recorded), from))
    }

    /// The last clearance recorded, if any.
    pub fn last_clearance(&self) -> Option<&Clearance> {
        self.clearances.iter().max_by_key(|c| (c.date, c.seq))
    }

    /// The highest order number in the journal.
    pub fn last_seq(&self) -> u64 {
        let checkins = self.checkins.iter().map(|c| c.seq);
        let clearances = self.clearances.iter().map(|c| c.seq);
        checkins.chain(clearances).max().unwrap_or(0)
    }

    /// Removes the last-recorded clearance of `date`.
    pub fn remove_clearance(&mut self, date: NaiveDate) {
        if let Some(i) = self.clearances.iter().rposition(|c| c.date == date) {
            self.clearances.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clearing_said_in_minutes_alone_is_said_back() {
        let mut c = CheckIn::symptom_free(
            NaiveDate::from_ymd_opt(2026, 10, 6).unwrap_or_default(),
            Some(SessionDone::Done),
        );
        c.numbness = Numbness::TINGLING;
        c.cleared_minutes = Some(25);
        let text = c.summary(crate::plan::Unit::Mi);
        assert!(text.contains("cleared after 25 min"), "{text}");
    }

    #[test]
    fn short_dates_read_as_chrono_writes_them() {
        let mut date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
        for _ in 0..800 {
            assert_eq!(short_date(date), date.format("%a %-d %b").to_string());
            date = date.succ_opt().unwrap_or_default();
        }
    }

    #[test]
    fn runs_are_kept_by_their_day_even_when_placed_on_another() {
        let run = |date: &str, start: &str| RecordedRun {
            date: date.parse().unwrap_or_default(),
            start: start.into(),
            distance_m: 5000,
            seconds: 1800,
            heart_rate: None,
            file: "run.gpx".into(),
            hash: start.into(),
        };
        // The run of Thu 17 Dec placed on Tue 15 Dec, the run of Wed 16 Dec
        // on its own day.
        let journal = Journal::new(Vec::new(), Vec::new()).with_runs(vec![
            run("2026-12-16", "2026-12-16T07:00:00Z"),
            run("2026-12-15", "2026-12-17T07:00:00Z"),
        ]);
        let dates: Vec<String> = journal.runs().iter().map(|r| r.date.to_string()).collect();
        assert_eq!(dates, ["2026-12-15", "2026-12-16"]);
    }
}
