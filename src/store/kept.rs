//! The `kept_assessment` table: the assessment of the last command of a day,
//! kept so that the next command that day, with nothing changed, reads it
//! instead of walking ten years of check-ins again (BENCHMARKS.md). It is
//! derived data and never trusted past what it was derived from: triggers
//! delete it on any change to the check-ins, clearances, activities or plan
//! (migration 0014); it is read only for the same day and the same build,
//! and only while no other process has committed since this connection read
//! the journal. A row that does not decode is ignored.
//!
//! Each pair of shoes' distance is kept beside the assessment when the
//! command that kept it knew the shoes: with both, the TUI draws its first
//! frame before reading ten years of check-ins.

use super::error::{At, StoreError};
use super::{Store, data_version};
use crate::checkin::{Assessment, Care, Decision, Next, Resume, ScheduledWeek, Status, Verdict};
use crate::plan::{Distance, Move};
use crate::shoes::ShoeMileage;
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;
use std::time::Duration;

/// This build: the version and the executable's size and modification
/// time, so that a rebuilt binary with other rules never reads an
/// assessment an earlier one kept.
static BUILD: LazyLock<String> = LazyLock::new(|| {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .ok()
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{modified}", m.len())
        })
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
});

/// One scheduled week, its days as day numbers.
#[derive(Serialize, Deserialize)]
struct Week {
    week: u32,
    start: i32,
    stage: usize,
    moved: Option<Move>,
    suspended: Option<(i32, i32)>,
    rest_only: Option<(i32, i32)>,
    run_walk_after: Option<i32>,
    held_after: Option<i32>,
    rung: Option<usize>,
}

#[derive(Serialize, Deserialize)]
struct Kept {
    today: i32,
    status: Status,
    reasons: Vec<String>,
    advice: Vec<String>,
    care: Option<Care>,
    moved: Option<Move>,
    warnings: usize,
    weeks: Vec<Week>,
    current: Option<usize>,
    /// Each decision's reasons as indices into `reasons_said`: care open
    /// for months gives the same reasons week after week.
    decisions: Vec<(i32, Move, u32, u32, Vec<u32>)>,
    reasons_said: Vec<String>,
    next: (i32, Option<u32>, Option<i32>, bool, Option<Move>),
    mileage: Option<Vec<Pair>>,
    resume: Option<Resume>,
}

/// One pair of shoes: name, distance and life in hundredths, day retired.
type Pair = (String, u32, u32, Option<i32>);

/// What a command derives from the journal and keeps for the day: the
/// assessment (before shoe advice), when the command knew the shoes each
/// pair's distance, and where the walk stood when it came to the day's
/// week (a later assessment resumes from there).
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub assessment: Assessment,
    pub mileage: Option<Vec<ShoeMileage>>,
    pub resume: Option<Resume>,
}

impl From<Assessment> for Derived {
    fn from(assessment: Assessment) -> Derived {
        Derived {
            assessment,
            mileage: None,
            resume: None,
        }
    }
}

fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

fn date(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

fn pair(range: Option<(NaiveDate, NaiveDate)>) -> Option<(i32, i32)> {
    range.map(|(a, b)| (day(a), day(b)))
}

fn encode(derived: &Derived) -> Option<Vec<u8>> {
    let a = &derived.assessment;
    let v = &a.verdict;
    let mut said: Vec<String> = Vec::new();
    let mut index: HashMap<&str, u32> = HashMap::new();
    let mut decisions = Vec::with_capacity(a.decisions.len());
    for d in &a.decisions {
        let reasons = d
            .reasons
            .iter()
            .map(|r| {
                *index.entry(r.as_str()).or_insert_with(|| {
                    said.push(r.clone());
                    (said.len() - 1) as u32
                })
            })
            .collect();
        decisions.push((day(d.date), d.kind, d.from_stage, d.to_stage, reasons));
    }
    let kept = Kept {
        today: day(a.today),
        status: v.status,
        reasons: v.reasons.clone(),
        advice: v.advice.clone(),
        care: v.care.clone(),
        moved: v.moved,
        warnings: v.warnings,
        weeks: a
            .weeks
            .iter()
            .map(|w| Week {
                week: w.week,
                start: day(w.start),
                stage: w.stage,
                moved: w.moved,
                suspended: pair(w.suspended),
                rest_only: pair(w.rest_only),
                run_walk_after: w.run_walk_after.map(day),
                held_after: w.held_after.map(day),
                rung: w.rung,
            })
            .collect(),
        current: a.current,
        decisions,
        reasons_said: said,
        next: (
            day(a.next.week_start),
            a.next.stage,
            a.next.advance_on.map(day),
            a.next.finished,
            a.next.moved,
        ),
        mileage: derived.mileage.as_ref().map(|pairs| {
            pairs
                .iter()
                .map(|m| {
                    (
                        m.name.clone(),
                        m.distance.hundredths(),
                        m.limit.hundredths(),
                        m.retired.map(day),
                    )
                })
                .collect()
        }),
        resume: derived.resume.clone(),
    };
    postcard::to_allocvec(&kept).ok()
}

fn decode(data: &[u8]) -> Option<Derived> {
    let k: Kept = postcard::from_bytes(data).ok()?;
    let range = |r: Option<(i32, i32)>| match r {
        Some((a, b)) => Some(Some((date(a)?, date(b)?))),
        None => Some(None),
    };
    let maybe = |d: Option<i32>| match d {
        Some(d) => date(d).map(Some),
        None => Some(None),
    };
    let mut weeks = Vec::with_capacity(k.weeks.len());
    for w in k.weeks {
        weeks.push(ScheduledWeek {
            week: w.week,
            start: date(w.start)?,
            stage: w.stage,
            moved: w.moved,
            suspended: range(w.suspended)?,
            rest_only: range(w.rest_only)?,
            run_walk_after: maybe(w.run_walk_after)?,
            held_after: maybe(w.held_after)?,
            rung: w.rung,
        });
    }
    let mut decisions = Vec::with_capacity(k.decisions.len());
    for (d, kind, from_stage, to_stage, reasons) in k.decisions {
        let reasons = reasons
            .iter()
            .map(|&i| k.reasons_said.get(i as usize).cloned())
            .collect::<Option<Vec<String>>>()?;
        decisions.push(Decision {
            date: date(d)?,
            kind,
            from_stage,
            to_stage,
            reasons,
        });
    }
    let (week_start, stage, advance_on, finished, moved) = k.next;
    let mileage = match k.mileage {
        Some(pairs) => Some(
            pairs
                .into_iter()
                .map(|(name, distance, limit, retired)| {
                    Some(ShoeMileage {
                        name,
                        distance: Distance::from_hundredths(distance),
                        limit: Distance::from_hundredths(limit),
                        retired: maybe(retired)?,
                    })
                })
                .collect::<Option<Vec<_>>>()?,
        ),
        None => None,
    };
    let assessment = Assessment {
        today: date(k.today)?,
        verdict: Verdict {
            status: k.status,
            reasons: k.reasons,
            advice: k.advice,
            care: k.care,
            moved: k.moved,
            warnings: k.warnings,
        },
        weeks,
        current: k.current,
        decisions,
        next: Next {
            week_start: date(week_start)?,
            stage,
            advance_on: maybe(advance_on)?,
            finished,
            moved,
        },
    };
    Some(Derived {
        assessment,
        mileage,
        resume: k.resume,
    })
}

/// Keeps `assessment` inside a write transaction: after the triggers
/// deleted the one kept before, since the write changed what it reads.
pub(crate) fn keep(tx: &Connection, path: &Path, derived: &Derived) -> Result<(), StoreError> {
    let Some(data) = encode(derived) else {
        return Ok(());
    };
    tx.execute(
        "INSERT INTO kept_assessment (id, day, build, data) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT(id) DO UPDATE SET day = ?1, build = ?2, data = ?3",
        params![derived.assessment.today.to_string(), BUILD.as_str(), data],
    )
    .at(path)?;
    Ok(())
}

/// The assessment this build kept, whatever day it was for.
pub(super) fn base(conn: &Connection) -> Option<Derived> {
    let data: Vec<u8> = conn
        .query_row(
            "SELECT data FROM kept_assessment WHERE id = 1 AND build = ?1",
            [BUILD.as_str()],
            |r| r.get(0),
        )
        .optional()
        .ok()??;
    decode(&data)
}

impl Store {
    /// The assessment kept for `today` by this build, if nothing it was
    /// derived from changed since, and the journal this connection holds
    /// is the store's current one.
    pub fn kept_assessment(&self, today: NaiveDate) -> Option<Derived> {
        let (version, _) = self.cache.as_ref()?;
        if data_version(&self.conn).ok()? != *version {
            return None;
        }
        self.kept_row(today)
    }

    /// The assessment kept for `today` by this build, as the store holds
    /// it now: only inside a read transaction ([`Store::reading`]), where
    /// it agrees with everything else read in it.
    pub fn kept_in_this_read(&self, today: NaiveDate) -> Option<Derived> {
        self.kept_row(today)
    }

    /// The assessment this build kept, whatever day it was for, if nothing
    /// it was derived from changed since and the journal this connection
    /// holds is the store's current one: what an assessment of another day
    /// resumes from.
    pub fn kept_on_any_day(&self) -> Option<Derived> {
        let (version, _) = self.cache.as_ref()?;
        if data_version(&self.conn).ok()? != *version {
            return None;
        }
        base(&self.conn)
    }

    fn kept_row(&self, today: NaiveDate) -> Option<Derived> {
        let data: Vec<u8> = self
            .conn
            .query_row(
                "SELECT data FROM kept_assessment WHERE id = 1 AND day = ?1 AND build = ?2",
                params![today.to_string(), BUILD.as_str()],
                |r| r.get(0),
            )
            .optional()
            .ok()??;
        decode(&data).filter(|d| d.assessment.today == today)
    }

    /// Keeps an assessment a read computed from the journal this connection
    /// holds, when nobody else has committed since it was read. Best effort
    /// and never waiting: a busy or read-only store keeps nothing.
    pub fn keep_assessment(&self, derived: &Derived) {
        let Some((version, _)) = self.cache.as_ref() else {
            return;
        };
        if self.conn.busy_timeout(Duration::ZERO).is_err() {
            return;
        }
        let kept = (|| {
            self.conn.execute_batch("BEGIN IMMEDIATE").at(&self.path)?;
            let current = data_version(&self.conn).at(&self.path)?;
            let out = if current == *version {
                keep(&self.conn, &self.path, derived)
            } else {
                Ok(())
            };
            match out {
                Ok(()) => self.conn.execute_batch("COMMIT").at(&self.path),
                Err(e) => Err(e),
            }
        })();
        if kept.is_err() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        let _ = self.conn.busy_timeout(self.patience);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::{
        CheckIn, Clearance, Cleared, Flag, Journal, Numbness, Onset, SessionDone, Spot,
    };
    use crate::plan::{Profile, Template, Unit, generate};
    use chrono::Days;

    #[test]
    fn a_kept_row_that_does_not_decode_is_ignored() {
        assert!(decode(b"not an assessment").is_none());
        assert!(decode(&[]).is_none());
    }

    /// Every day of ten weeks of a journal that steps back, opens care,
    /// asks how it is and is cleared: each day's assessment, with the
    /// shoes' distances or without, reads back as it was derived, field
    /// for field.
    #[test]
    fn every_assessment_reads_back_as_it_was_kept() {
        let start = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
        let profile = Profile {
            layoff_days: 21,
            weekly_before: Distance::from_value(25.0),
            goal_weekly: Distance::from_value(30.0),
            runs_per_week: 4,
            unit: Unit::Mi,
            start,
            cross_trained: false,
            numb_now: false,
            health: Vec::new(),
            health_since: Default::default(),
            long_day: None,
            rest_days: Vec::new(),
            easy_pace_seconds: None,
            race: None,
            longest_run: None,
        };
        let template = Template::builtin("standard")
            .and_then(Result::ok)
            .expect("the standard template");
        let plan = generate(&profile, &template).expect("a plan");
        let day = |n: u64| start + Days::new(n);
        let numb = |n: u64, level: u8, cleared: Cleared, onset: Onset| CheckIn {
            numbness: Numbness::try_from(level).unwrap_or_default(),
            onset: Some(onset),
            cleared: Some(cleared),
            spots: vec![Spot::Toes, Spot::Sole],
            seq: 2 * n + 1,
            ..CheckIn::symptom_free(day(n), Some(SessionDone::Done))
        };
        let mut checkins: Vec<CheckIn> = (0..70)
            .filter(|n| n % 2 == 0)
            .map(|n| CheckIn {
                seq: 2 * n + 1,
                ..CheckIn::symptom_free(day(n), Some(SessionDone::Done))
            })
            .collect();
        checkins.retain(|c| ![day(10), day(16), day(24), day(30), day(44)].contains(&c.date));
        checkins.push(numb(10, 2, Cleared::Hours, Onset::During));
        checkins.push(numb(16, 1, Cleared::Quickly, Onset::During));
        checkins.push(numb(24, 2, Cleared::NotYet, Onset::Night));
        checkins.push(numb(30, 3, Cleared::NotYet, Onset::Rest));
        let mut flagged = numb(44, 1, Cleared::Quickly, Onset::After);
        flagged.flags.push(Flag::SharpPain);
        checkins.push(flagged);
        let clearances = vec![Clearance {
            date: day(37),
            note: Some("seen".into()),
            seq: 2 * 37 + 2,
        }];
        let journal = Journal::new(checkins, clearances);
        let mut kinds = std::collections::BTreeSet::new();
        for n in 0..80 {
            let (a, resume) = crate::checkin::assess_keeping(&plan, &template, &journal, day(n));
            kinds.insert(format!("{:?}", a.verdict.status));
            let derived = Derived {
                assessment: a,
                mileage: (n % 2 == 0).then(|| {
                    vec![ShoeMileage {
                        name: "Pegasus".into(),
                        distance: Distance::from_value(n as f64 * 1.5),
                        limit: Distance::from_value(500.0),
                        retired: (n % 4 == 0).then(|| day(n)),
                    }]
                }),
                resume: resume.filter(|_| n % 3 != 0),
            };
            let data = encode(&derived).expect("encoded");
            assert_eq!(decode(&data).as_ref(), Some(&derived), "day {n}");
        }
        assert!(
            kinds.len() >= 3,
            "the journal reaches several verdicts: {kinds:?}"
        );
    }
}
