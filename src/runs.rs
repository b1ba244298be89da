//! Importing runs from files: each activity in a file read, matched to its
//! day, and either recorded, skipped with its reason, or listed for the
//! runner to place when the day is ambiguous — never guessed. A ride, swim
//! or walk is never a run: it is listed as the cross-training it was. One
//! outcome line per activity. A run the runner places on another day
//! (`--to`) keeps its numbers and start.

use crate::activity::{Activity, Kind};
use crate::checkin::{
    self, Assessment, CrossFromFile, CrossKind, Journal, RecordedRun, short_date,
};
use crate::plan::Plan;
use chrono::{Days, NaiveDate};
use std::path::{Path, PathBuf};

/// What became of one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Read and matched to its day (recorded unless a dry run).
    Matched(RecordedRun),
    /// The same file was imported before (or twice in this import).
    Known,
    /// The same run from another file (another app's export of it): it
    /// starts within minutes of one recorded, over the same distance; the
    /// file named is the one kept.
    SameRun(String),
    /// The same run as another file of this import that says more of it
    /// (read whole, a heart rate): that file, kept instead.
    SaysLess(PathBuf),
    /// The same run as one recorded from another file that says less of it
    /// (no heart rate): this one is recorded in its place, on its day (the
    /// file named is the one replaced; undo brings it back).
    Replaces(RecordedRun, String),
    /// Left out, and why: outside the plan, unreadable.
    Skipped(String),
    /// Read and placed on the day the runner chose (recorded unless a dry
    /// run); the date is the day it was run on.
    Moved(RecordedRun, NaiveDate),
    /// Read, but on a day without a planned run next to the given day's
    /// planned run with no record: which day it belongs to is the runner's
    /// call.
    Ambiguous(RecordedRun, NaiveDate),
    /// Read, but not a run: never recorded as one.
    NotARun(CrossDone),
    /// Cross-training of a kind the check-in knows (a ride, swim, walk,
    /// hike, row or elliptical session), recorded on its day as that
    /// (unless a dry run).
    Cross(CrossDone, CrossFromFile),
}

/// An activity a file says was not a run.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossDone {
    pub kind: CrossKind,
    /// The sport as the file says it.
    pub sport: String,
    /// The local date it started on.
    pub date: NaiveDate,
    pub distance_m: u32,
    /// Moving time.
    pub seconds: u32,
}

/// Why a run cannot be placed on the day the runner chose.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlaceError {
    #[error("{0} files given; expected one file, holding the run to place")]
    Files(usize),
    #[error("{} is a folder; expected one file, holding the run to place", .0.display())]
    Folder(PathBuf),
    #[error("expected a day from the plan start ({start}) to today ({today})")]
    Outside { start: NaiveDate, today: NaiveDate },
    #[error("{} has no run planned; expected a day with one{}", short_date(*.day), that_week(.others))]
    NoRun {
        day: NaiveDate,
        others: Vec<NaiveDate>,
    },
}

/// " (that week: Mon 23 Nov, Wed 25 Nov)", or nothing when there are none.
fn that_week(days: &[NaiveDate]) -> String {
    if days.is_empty() {
        return String::new();
    }
    let days: Vec<String> = days.iter().map(|d| short_date(*d)).collect();
    format!(" (that week: {})", days.join(", "))
}

/// A file (or one of the activities in it) and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileOutcome {
    pub file: PathBuf,
    /// Which of the file's activities, from 1, and how many it holds, when
    /// it holds more than one.
    pub part: Option<(usize, usize)>,
    pub outcome: Outcome,
    /// Where a damaged file stopped being read, when it was.
    pub damage: Option<String>,
}

impl FileOutcome {
    /// What became of `activity`, read from `file`.
    pub fn of(file: &Path, activity: &Activity, outcome: Outcome) -> FileOutcome {
        FileOutcome {
            file: file.to_path_buf(),
            part: Some(activity.part).filter(|(_, of)| *of > 1),
            outcome,
            damage: activity.damage.clone(),
        }
    }

    /// What became of a whole file (or folder).
    pub fn whole(file: PathBuf, outcome: Outcome) -> FileOutcome {
        FileOutcome {
            file,
            part: None,
            outcome,
            damage: None,
        }
    }
}

/// What becomes of `activity` when it cannot be a run: cross-training is
/// listed as what it was, a run without distance is skipped.
pub fn not_a_run(activity: &Activity) -> Option<Outcome> {
    match activity.kind() {
        Kind::Cross(kind) => Some(Outcome::NotARun(CrossDone {
            kind,
            sport: activity.sport.clone().unwrap_or_default(),
            date: local_date(activity),
            distance_m: metres(activity.distance_m),
            seconds: activity.seconds,
        })),
        Kind::Run if !(activity.distance_m >= 1.0 && activity.distance_m.is_finite()) => {
            Some(Outcome::Skipped(format!(
                "a run of {:.0} m: expected some distance",
                activity.distance_m
            )))
        }
        Kind::Run => {
            checkin::implausible_run(activity.distance_m, activity.seconds).map(Outcome::Skipped)
        }
    }
}

/// Whole metres, 0 for what is not a distance.
fn metres(distance_m: f64) -> u32 {
    if distance_m.is_finite() && distance_m > 0.0 {
        distance_m.round().min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// Starts closer than this are one run, when the distances agree.
const SAME_RUN_MINUTES: i64 = 5;

/// Distances closer than this share are one run, when the starts agree.
const SAME_RUN_SHARE: f64 = 0.05;

/// The run already recorded (or recorded earlier in this import) that
/// `activity` is another file of: a start within five minutes and a
/// distance within 5% (a Movescount and a Sports Tracker export of one run
/// would otherwise count it twice).
pub fn same_run<'a>(
    activity: &Activity,
    recorded: impl IntoIterator<Item = &'a RecordedRun>,
) -> Option<&'a RecordedRun> {
    recorded.into_iter().find(|run| {
        chrono::DateTime::parse_from_rfc3339(&run.start).is_ok_and(|start| {
            same(
                (activity.start, activity.distance_m),
                (start.to_utc(), f64::from(run.distance_m)),
            )
        })
    })
}

/// Two starts and distances that are one run: starts within a minute (a
/// file cut short and the whole of it, whatever their distances), or within
/// five with distances within 5%.
fn same(a: (chrono::DateTime<chrono::Utc>, f64), b: (chrono::DateTime<chrono::Utc>, f64)) -> bool {
    let seconds = (a.0 - b.0).num_seconds().abs();
    seconds <= SAME_START_SECONDS
        || (seconds <= SAME_RUN_MINUTES * 60 && (a.1 - b.1).abs() <= SAME_RUN_SHARE * a.1.max(b.1))
}

/// Runs starting closer than this (seconds) are one run whatever their
/// distances: no one starts two runs within a minute.
const SAME_START_SECONDS: i64 = 60;

/// Whether `activity` says more of its run than `recorded`, the same run
/// from another file: read whole, with a heart rate the other lacks.
pub fn says_more(activity: &Activity, recorded: &RecordedRun) -> bool {
    activity.damage.is_none() && activity.heart_rate.is_some() && recorded.heart_rate.is_none()
}

/// `activity`, read from `file`, kept in place of `old`: on the day `old`
/// counts for.
pub fn in_place_of(file: &Path, activity: &Activity, old: &RecordedRun) -> RecordedRun {
    recorded(file, activity, old.date)
}

/// How much a file says of its run: read whole rather than up to damage,
/// then with a heart rate.
fn richness(activity: &Activity) -> (bool, bool) {
    (activity.damage.is_none(), activity.heart_rate.is_some())
}

/// For each activity of an import (with its file), the file of another in
/// the same import that is the same run and says more of it (read whole, a
/// heart rate): that one is kept, this one left out. Of two that say as
/// much, the first is kept.
pub fn richer_twins(read: &[(&Path, &Activity)]) -> Vec<Option<PathBuf>> {
    read.iter()
        .map(|(_, a)| {
            read.iter()
                .find(|(_, b)| {
                    not_a_run(b).is_none()
                        && richness(b) > richness(a)
                        && same((a.start, a.distance_m), (b.start, b.distance_m))
                })
                .map(|(file, _)| file.to_path_buf())
        })
        .collect()
}

/// The files to read: each path, or the activity files in a folder (a
/// watch's mounted `GARMIN/Activity`, a Strava export's `activities/` of
/// gzipped files), in name order; a folder with none gets a line.
pub fn files(paths: &[PathBuf]) -> Vec<Result<PathBuf, FileOutcome>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.is_file() && crate::activity::is_activity_file(p))
                        .collect();
                    found.sort();
                    // A folder with nothing to read says so, rather than
                    // importing nothing in silence.
                    if found.is_empty() {
                        out.push(Err(FileOutcome::whole(
                            path.clone(),
                            Outcome::Skipped(
                                "no activity file in this folder: expected .fit, .gpx or .tcx files (or them gzipped, as in a Strava export's activities/)".into(),
                            ),
                        )));
                    }
                    out.extend(found.into_iter().map(Ok));
                }
                Err(e) => out.push(Err(FileOutcome::whole(
                    path.clone(),
                    Outcome::Skipped(format!("cannot read the folder: {e}")),
                ))),
            }
        } else {
            out.push(Ok(path.clone()));
        }
    }
    out
}

/// The local date `activity` started on.
fn local_date(activity: &Activity) -> NaiveDate {
    activity.start.with_timezone(&chrono::Local).date_naive()
}

/// What is kept of `activity`, read from `file`, as a run on `date`.
fn recorded(file: &Path, activity: &Activity, date: NaiveDate) -> RecordedRun {
    // Kept on one line: a newline in a file name would print as another
    // outcome line.
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let name = crate::words::one_line(&name).into_owned();
    RecordedRun {
        date,
        start: activity
            .start
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        distance_m: metres(activity.distance_m),
        seconds: activity.seconds,
        heart_rate: activity.heart_rate,
        file: name,
        hash: activity.hash.clone(),
    }
}

/// Matches `activity` (read from `file`) to a day of `plan`, as of `today`:
/// its local date, when the plan has a run there or no run was missed next
/// to it (runs in `journal` or matched earlier in this import, `also_ran`,
/// count as recorded); otherwise the runner chooses.
pub fn place(
    file: &Path,
    activity: &Activity,
    plan: &Plan,
    (journal, also_ran): (&Journal, &[NaiveDate]),
    assessment: &Assessment,
    today: NaiveDate,
) -> Outcome {
    let date = local_date(activity);
    let run = recorded(file, activity, date);
    if date < plan.profile.start || date > today {
        return Outcome::Skipped(format!(
            "{date}: expected a day from the plan start ({}) to today ({today})",
            plan.profile.start
        ));
    }
    let has_run = |d: NaiveDate| assessment.run_planned_on(plan, d);
    let recorded = |d: NaiveDate| {
        journal.on(d).is_some_and(|c| c.run_credit() > 0.0)
            || journal.ran_on(d)
            || also_ran.contains(&d)
    };
    if !has_run(date) {
        // A run on a day without one: the run planned the day before or
        // after, not yet recorded, may be the one it replaces.
        let missed = [date - Days::new(1), date + Days::new(1)]
            .into_iter()
            .find(|d| *d >= plan.profile.start && *d <= today && has_run(*d) && !recorded(*d));
        if let Some(near) = missed {
            return Outcome::Ambiguous(run, near);
        }
    }
    Outcome::Matched(run)
}

/// What becomes of a file's cross-training `done` (read from `file` as
/// `activity`): a kind the check-in knows, on a day of the plan up to
/// today, is recorded as cross-training on its day; another sport, or a day
/// outside the plan, is listed as it was.
pub fn cross(
    file: &Path,
    activity: &Activity,
    done: CrossDone,
    plan: &Plan,
    today: NaiveDate,
) -> Outcome {
    // A day longer than a day, or farther than a thousand kilometres, is a
    // file that lies: listed, not kept.
    let believable = done.seconds <= 24 * 3600 && done.distance_m <= 1_000_000;
    if done.kind == CrossKind::Other
        || !believable
        || done.date < plan.profile.start
        || done.date > today
    {
        return Outcome::NotARun(done);
    }
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let kept = CrossFromFile {
        date: done.date,
        start: activity
            .start
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        kind: done.kind,
        distance_m: done.distance_m,
        seconds: done.seconds,
        file: crate::words::one_line(&name).into_owned(),
        hash: activity.hash.clone(),
    };
    Outcome::Cross(done, kept)
}

/// Whether the runner may place a run on `day`: a day of `plan` with a
/// planned run, from its start to `today`.
pub fn check_day(
    plan: &Plan,
    assessment: &Assessment,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<(), PlaceError> {
    let start = plan.profile.start;
    if day < start || day > today {
        return Err(PlaceError::Outside { start, today });
    }
    if assessment.run_planned_on(plan, day) {
        return Ok(());
    }
    let others = assessment
        .weeks
        .iter()
        .find(|w| day >= w.start && day < w.start + Days::new(7))
        .map(|w| {
            w.start
                .iter_days()
                .take(7)
                .filter(|d| *d >= start && *d <= today && assessment.run_planned_on(plan, *d))
                .collect()
        })
        .unwrap_or_default();
    Err(PlaceError::NoRun { day, others })
}

/// `activity` (read from `file`) placed on `day`, which the runner chose
/// (see [`check_day`]): moved when it was run on another day.
pub fn place_on(file: &Path, activity: &Activity, day: NaiveDate) -> Outcome {
    let run = recorded(file, activity, day);
    match local_date(activity) {
        ran if ran == day => Outcome::Matched(run),
        ran => Outcome::Moved(run, ran),
    }
}
