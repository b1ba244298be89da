//! The journal: daily numbness check-ins and clinicians' clearances, and the
//! verdict and schedule derived from them. Pure: "today" is always a parameter.

mod care;
mod progress;
mod schedule;
mod verdict;

pub use crate::plan::Move;
pub use care::{Care, CareLevel, Pattern};
pub use progress::WeekProgress;
pub use schedule::{Assessment, Decision, Next, ScheduledWeek, assess, default_session};
pub use verdict::{NOTICE, Status, Verdict};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A check-in field with a fixed set of values.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order declared. The store keeps a value as its
    /// position here (`store::choices`), so values are only ever added at the
    /// end.
    const ALL: &'static [Self];
}

/// Declares a field enum with its JSON/CLI spelling and the sentence word.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal / $words:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl Choice for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];
        }

        impl $name {
            /// The spelling used on the command line and in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The words used in sentences.
            pub fn words(self) -> &'static str {
                match self { $($name::$variant => $words),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let all = <$name as Choice>::ALL;
                all.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| {
                    let allowed: Vec<&str> = all.iter().map(|v| v.as_str()).collect();
                    format!("expected one of {}", allowed.join(", "))
                })
            }
        }
    };
}

choice!(
    /// Where the numbness was felt.
    Spot {
        Toes = "toes" / "toes",
        Ball = "ball" / "ball of the foot",
        Arch = "arch" / "arch",
        Heel = "heel" / "heel",
        Top = "top" / "top of the foot",
        Ankle = "ankle" / "ankle",
        Calf = "calf" / "calf",
        BetweenToes = "between_toes" / "between the toes",
        Sole = "sole" / "sole",
        WholeFoot = "whole_foot" / "whole foot",
        Shin = "shin" / "shin",
        Thigh = "thigh" / "thigh",
        Buttock = "buttock" / "buttock",
    }
);

choice!(
    Side {
        Left = "left" / "left",
        Right = "right" / "right",
        Both = "both" / "both sides",
    }
);

choice!(
    /// When the numbness began.
    Onset {
        During = "during" / "during the run",
        After = "after" / "after the run",
        Rest = "rest" / "at rest",
        Night = "night" / "at night",
    }
);

choice!(
    /// How soon it went away after stopping.
    Cleared {
        Quickly = "quickly" / "cleared quickly",
        Hours = "hours" / "took hours to clear",
        NotYet = "not_yet" / "has not cleared",
    }
);

choice!(
    /// What made the numbness ease.
    Ease {
        Stopping = "stopping" / "stopping",
        LooseningLaces = "loosening_laces" / "loosening the laces",
        SittingOrBending = "sitting_or_bending" / "sitting or bending forward",
        Nothing = "nothing" / "nothing",
    }
);

choice!(
    /// Health context the runner chooses to give; it lowers the care
    /// thresholds (NIDDK, diabetic neuropathy: feet may not feel an injury, so
    /// care comes sooner).
    Health {
        Diabetes = "diabetes" / "diabetes",
        Circulation = "circulation" / "circulation problems",
        BackHistory = "back_history" / "a history of back trouble",
    }
);

choice!(
    /// What became of the day's planned session.
    SessionDone {
        Done = "done" / "run done",
        Partial = "partial" / "run cut short",
        Skipped = "skipped" / "run skipped",
        RestDay = "rest_day" / "rest day",
    }
);

choice!(
    /// Warning signs that send the runner to a clinician; the care rules say
    /// how soon.
    Flag {
        SharpPain = "sharp_pain" / "sharp pain",
        SkinColour = "skin_colour" / "skin colour change",
        Weakness = "weakness" / "weakness in the leg or foot",
        BackPain = "back_pain" / "back pain",
        Saddle = "saddle" / "numbness in the groin or saddle area",
        BladderBowel = "bladder_bowel" / "new bladder or bowel trouble",
        ColdPale = "cold_pale" / "a cold, pale or blue foot",
        CalfTightness = "calf_tightness" / "calf tightness or cramping",
        FootDrop = "foot_drop" / "a dropping or slapping foot",
        LegPainBoth = "leg_pain_both" / "pain down both legs",
        FaceArm = "face_arm" / "numbness or weakness of the face or arm",
    }
);

/// Numbness level: 0 none, 1 tingling, 2 partly numb, 3 no feeling.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct Numbness(u8);

impl Numbness {
    pub const NONE: Numbness = Numbness(0);
    pub const TINGLING: Numbness = Numbness(1);
    pub const PARTLY_NUMB: Numbness = Numbness(2);
    pub const NO_FEELING: Numbness = Numbness(3);

    pub fn level(self) -> u8 {
        self.0
    }

    pub fn is_symptomatic(self) -> bool {
        self.0 > 0
    }

    pub fn words(self) -> &'static str {
        match self.0 {
            0 => "no numbness",
            1 => "tingling",
            2 => "partly numb",
            _ => "no feeling",
        }
    }
}

impl TryFrom<u8> for Numbness {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, String> {
        if value <= 3 {
            Ok(Numbness(value))
        } else {
            Err(format!(
                "numbness {value}: expected 0 (none), 1 (tingling), 2 (partly numb) or 3 (no feeling)"
            ))
        }
    }
}

impl schemars::JsonSchema for Numbness {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Numbness".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "0 none, 1 tingling, 2 partly numb, 3 no feeling.",
            "type": "integer",
            "minimum": 0,
            "maximum": 3
        })
    }
}

impl From<Numbness> for u8 {
    fn from(n: Numbness) -> u8 {
        n.0
    }
}

impl FromStr for Numbness {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        s.parse::<u8>()
            .ok()
            .and_then(|n| Numbness::try_from(n).ok())
            .ok_or_else(|| {
                "expected 0 (none), 1 (tingling), 2 (partly numb) or 3 (no feeling)".to_string()
            })
    }
}

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
}

impl CheckIn {
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
        }
    }

    /// How much of a run this check-in reports: 1 done, 0.5 cut short, else 0.
    pub fn run_credit(&self) -> f64 {
        match self.session {
            Some(SessionDone::Done) => 1.0,
            Some(SessionDone::Partial) => 0.5,
            _ => 0.0,
        }
    }

    /// Whether it reports numbness or a warning flag: such a check-in is
    /// never replaced without the runner saying so.
    pub fn is_notable(&self) -> bool {
        self.numbness.is_symptomatic() || !self.flags.is_empty()
    }

    /// The symptom fields that were filled in, by their JSON names.
    fn symptom_fields(&self) -> Vec<&'static str> {
        let mut filled = Vec::new();
        if !self.spots.is_empty() {
            filled.push("where");
        }
        for (name, set) in [
            ("side", self.side.is_some()),
            ("onset", self.onset.is_some()),
            ("minutes", self.minutes.is_some()),
            ("cleared", self.cleared.is_some()),
            ("cleared_minutes", self.cleared_minutes.is_some()),
            ("eased_by", !self.eased_by.is_empty()),
        ] {
            if set {
                filled.push(name);
            }
        }
        filled
    }

    /// "Mon 23 Nov: partly numb at the toes (left), during the run, cleared quickly".
    pub fn summary(&self) -> String {
        let mut text = format!("{}: {}", short_date(self.date), self.numbness.words());
        if !self.spots.is_empty() {
            let spots: Vec<&str> = self.spots.iter().map(|s| s.words()).collect();
            text.push_str(&format!(" at the {}", spots.join(", ")));
        }
        if let Some(side) = self.side {
            text.push_str(&format!(" ({})", side.words()));
        }
        if let Some(onset) = self.onset {
            text.push_str(&format!(", {}", onset.words()));
            if let (Onset::During, Some(m)) = (onset, self.minutes) {
                text.push_str(&format!(" after {m} min"));
            }
        }
        if let Some(cleared) = self.cleared {
            text.push_str(&format!(", {}", cleared.words()));
            if let Some(m) = self.cleared_minutes {
                text.push_str(&format!(" ({m} min)"));
            }
        }
        if !self.eased_by.is_empty() {
            let eased: Vec<&str> = self.eased_by.iter().map(|e| e.words()).collect();
            text.push_str(&format!(", eased by {}", eased.join(" or ")));
        }
        if !self.flags.is_empty() {
            let flags: Vec<&str> = self.flags.iter().map(|f| f.words()).collect();
            text.push_str(&format!("; {}", flags.join(", ")));
        }
        if let Some(session) = self.session {
            text.push_str(&format!("; {}", session.words()));
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
    pub fn comes_after(&self, checkin: &CheckIn) -> bool {
        (checkin.date, checkin.seq) < (self.date, self.seq)
    }
}

/// Everything the runner recorded, in date order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journal {
    checkins: Vec<CheckIn>,
    clearances: Vec<Clearance>,
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
        }
    }

    pub fn checkins(&self) -> &[CheckIn] {
        &self.checkins
    }

    pub fn clearances(&self) -> &[Clearance] {
        &self.clearances
    }

    /// Check-ins dated from `from` to `to`, inclusive.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> &[CheckIn] {
        let lo = self.checkins.partition_point(|c| c.date < from);
        let hi = self.checkins.partition_point(|c| c.date <= to);
        &self.checkins[lo..hi.max(lo)]
    }

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

/// "Mon 23 Nov".
pub fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// Why a check-in cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckInError {
    #[error("date {date}: the plan starts on {start}; expected a day from then to today ({today})")]
    BeforePlan {
        date: NaiveDate,
        start: NaiveDate,
        today: NaiveDate,
    },
    #[error(
        "date {date}: that is after today ({today}); check-ins are for days that have happened"
    )]
    Future { date: NaiveDate, today: NaiveDate },
    #[error("{field}: {length} characters; expected at most {MAX_TEXT}")]
    TooLong { field: &'static str, length: usize },
    #[error(
        "numbness 0 with {fields}: expected no symptom fields on a symptom-free day (or a numbness of 1 to 3)"
    )]
    SymptomsWithoutNumbness { fields: String },
    #[error("{field} {value}: expected 0 to 600")]
    Minutes { field: &'static str, value: u32 },
    #[error("{date} already has a check-in with {what}")]
    WouldReplace { date: NaiveDate, what: String },
}

impl CheckInError {
    /// The check-in field the error is about, by its JSON name.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            CheckInError::BeforePlan { .. } | CheckInError::Future { .. } => Some("date"),
            CheckInError::TooLong { field, .. } | CheckInError::Minutes { field, .. } => {
                Some(field)
            }
            _ => None,
        }
    }
}

/// The largest order number of a check-in or clearance (the store keeps it
/// in 41 bits).
pub const MAX_SEQ: u64 = (1 << 41) - 1;

/// Longest note or shoe id a check-in takes.
pub const MAX_TEXT: usize = 2000;

impl CheckIn {
    /// Checks that the check-in is for a day of the plan that has happened.
    pub fn validate(&self, plan_start: NaiveDate, today: NaiveDate) -> Result<(), CheckInError> {
        if self.date > today {
            return Err(CheckInError::Future {
                date: self.date,
                today,
            });
        }
        if self.date < plan_start {
            return Err(CheckInError::BeforePlan {
                date: self.date,
                start: plan_start,
                today,
            });
        }
        self.check_fields()
    }

    /// The checks that do not depend on the plan or the day: the same for a
    /// check-in typed in and one read from an import.
    pub fn check_fields(&self) -> Result<(), CheckInError> {
        for (field, text) in [("note", &self.note), ("shoes", &self.shoes)] {
            let length = text.as_deref().map_or(0, |t| t.chars().count());
            if length > MAX_TEXT {
                return Err(CheckInError::TooLong { field, length });
            }
        }
        for (field, minutes) in [
            ("minutes", self.minutes),
            ("cleared_minutes", self.cleared_minutes),
        ] {
            if let Some(value) = minutes.filter(|m| *m > 600) {
                return Err(CheckInError::Minutes { field, value });
            }
        }
        let fields = self.symptom_fields();
        if !self.numbness.is_symptomatic() && !fields.is_empty() {
            return Err(CheckInError::SymptomsWithoutNumbness {
                fields: fields.join(", "),
            });
        }
        Ok(())
    }

    /// What a replacement would overwrite: `Some` with the words for it when
    /// the check-in reports numbness or a warning flag.
    pub fn what_a_replacement_loses(&self) -> Option<String> {
        if !self.is_notable() {
            return None;
        }
        let mut what = vec![self.numbness.words()];
        what.extend(self.flags.iter().map(|f| f.words()));
        what.retain(|w| *w != "no numbness");
        Some(what.join(", "))
    }
}
