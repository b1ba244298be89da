//! What a check-in must be to be recorded: for a day of the plan that has
//! happened, texts of a sane length, no symptom fields on a symptom-free day
//! (but whether a flag settled), and the words and minutes of clearing
//! saying the same thing. The same checks serve the command line, the
//! terminal UI and an import.

use super::{CheckIn, Cleared, Onset, care};
use chrono::NaiveDate;

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
        "numbness 0 with {fields}: expected no symptom fields on a symptom-free day (or a numbness of 1 to 3, or a warning flag they describe)"
    )]
    SymptomsWithoutNumbness { fields: String },
    #[error(
        "cleared {cleared} with cleared_minutes {minutes}: {expected}; give the words or the minutes (they say the same thing)"
    )]
    ClearedContradiction {
        cleared: Cleared,
        minutes: u32,
        expected: &'static str,
    },
    #[error("{field} {value}: expected 0 to 600")]
    Minutes { field: &'static str, value: u32 },
    #[error(
        "minutes {minutes} with onset {onset}: minutes count from the start of a run to when it began; expected minutes only with onset during"
    )]
    MinutesAtRest { minutes: u32, onset: Onset },
    #[error("eased_by nothing with {others}: expected either nothing or what eased it")]
    NothingAndSomething { others: String },
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
            CheckInError::ClearedContradiction { .. } => Some("cleared_minutes"),
            CheckInError::MinutesAtRest { .. } => Some("minutes"),
            CheckInError::NothingAndSomething { .. } => Some("eased_by"),
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
        self.check_fields()?;
        self.check_typed()
    }

    /// What a check-in typed in today must say once (an import keeps what
    /// an older release saved): minutes into a run only for numbness that
    /// began during one, and "nothing eased it" alone (the clinician's
    /// sixteenth and seventeenth reviews found these accepted).
    fn check_typed(&self) -> Result<(), CheckInError> {
        // The minutes are when it began during a run: after the run, at rest
        // or at night they would be dropped without a word.
        if let (Some(onset @ (Onset::After | Onset::Rest | Onset::Night)), Some(minutes)) =
            (self.onset, self.minutes)
        {
            return Err(CheckInError::MinutesAtRest { minutes, onset });
        }
        if self.eased_by.contains(&super::Ease::Nothing) && self.eased_by.len() > 1 {
            let others: Vec<&str> = self
                .eased_by
                .iter()
                .filter(|e| **e != super::Ease::Nothing)
                .map(|e| e.as_str())
                .collect();
            return Err(CheckInError::NothingAndSomething {
                others: others.join(", "),
            });
        }
        Ok(())
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
        // A warning flag on a day without numbness takes the same fields:
        // where and on which side, when it began, how soon it settled.
        let fields = self.symptom_fields();
        if !self.numbness.is_symptomatic() && self.flags.is_empty() && !fields.is_empty() {
            return Err(CheckInError::SymptomsWithoutNumbness {
                fields: fields.join(", "),
            });
        }
        self.check_clearing()
    }

    /// The words and the minutes of clearing are one fact: quickly is 15
    /// minutes at most, hours over 60, and "not yet" has no minutes.
    fn check_clearing(&self) -> Result<(), CheckInError> {
        let (Some(cleared), Some(minutes)) = (self.cleared, self.cleared_minutes) else {
            return Ok(());
        };
        let expected = match cleared {
            Cleared::Quickly if minutes > care::QUICK_MINUTES => "quickly means within 15 minutes",
            Cleared::Hours if minutes <= care::HOURS_AFTER_MINUTES => "hours means over 60 minutes",
            Cleared::NotYet => "not_yet means it has not cleared, so it has no minutes",
            _ => return Ok(()),
        };
        Err(CheckInError::ClearedContradiction {
            cleared,
            minutes,
            expected,
        })
    }

    /// Where an older release saved words and minutes of clearing that
    /// disagree, keeps the longer of the two readings (the careful one).
    pub fn settle_old_contradiction(&mut self) {
        if self.check_clearing().is_err() {
            let by_minutes = care::Clear::of(None, self.cleared_minutes);
            let by_words = care::Clear::of(self.cleared, None);
            if by_minutes > by_words {
                self.cleared = None;
            } else {
                self.cleared_minutes = None;
            }
        }
    }

    /// Each place, flag and easing once, in their order; the words of
    /// clearing from its minutes when only those were given; a minute into
    /// the run with no onset is "during".
    pub fn normalize(&mut self) {
        if self.cleared.is_none() {
            self.cleared = match self.cleared_minutes {
                Some(m) if m <= care::QUICK_MINUTES => Some(Cleared::Quickly),
                Some(m) if m > care::HOURS_AFTER_MINUTES => Some(Cleared::Hours),
                _ => None,
            };
        }
        // The minute into the run it began names a run: said without an
        // onset, it is the onset "during" (the same fact said two ways gives
        // one verdict, DESIGN.md §4 v3).
        if self.onset.is_none() && self.minutes.is_some() && self.numbness.level() > 0 {
            self.onset = Some(Onset::During);
        }
        self.spots.sort();
        self.spots.dedup();
        self.flags.sort();
        self.flags.dedup();
        self.eased_by.sort();
        self.eased_by.dedup();
        // Recorded on its own day (or, in a hand-edited file, before it)
        // says nothing more than its date.
        if self.recorded.is_some_and(|day| day <= self.date) {
            self.recorded = None;
        }
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
