//! Importing runs from files: each file read, matched to its day, and either
//! recorded, skipped with its reason, or listed for the runner to place when
//! the day is ambiguous — never guessed. One outcome line per file.

use crate::activity::Activity;
use crate::checkin::{Assessment, Journal, RecordedRun};
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
    /// Left out, and why: outside the plan, unreadable.
    Skipped(String),
    /// Read, but which day it belongs to is the runner's call.
    Ambiguous(RecordedRun, String),
}

/// A file and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileOutcome {
    pub file: PathBuf,
    pub outcome: Outcome,
}

/// The files to read: each path, or the activity files in a folder (a
/// watch's mounted `GARMIN/Activity`), in name order.
pub fn files(paths: &[PathBuf]) -> Vec<Result<PathBuf, FileOutcome>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| {
                            p.extension()
                                .map(|e| e.to_string_lossy().to_lowercase())
                                .is_some_and(|e| matches!(e.as_str(), "gpx" | "tcx" | "fit"))
                        })
                        .collect();
                    found.sort();
                    out.extend(found.into_iter().map(Ok));
                }
                Err(e) => out.push(Err(FileOutcome {
                    file: path.clone(),
                    outcome: Outcome::Skipped(format!("cannot read the folder: {e}")),
                })),
            }
        } else {
            out.push(Ok(path.clone()));
        }
    }
    out
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
    let date = activity.start.with_timezone(&chrono::Local).date_naive();
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let run = RecordedRun {
        date,
        start: activity
            .start
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        distance_m: activity.distance_m.round() as u32,
        seconds: activity.seconds,
        heart_rate: activity.heart_rate,
        file: name,
        hash: activity.hash.clone(),
    };
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
        let missed: Vec<NaiveDate> = [date - Days::new(1), date + Days::new(1)]
            .into_iter()
            .filter(|d| *d >= plan.profile.start && *d <= today && has_run(*d) && !recorded(*d))
            .collect();
        if let Some(near) = missed.first() {
            return Outcome::Ambiguous(
                run,
                format!(
                    "{} has no run planned and the run of {} has no record: record it on the day it belongs to with `comeback checkin --date {} --distance … --duration …` ({} or {near})",
                    crate::checkin::short_date(date),
                    crate::checkin::short_date(*near),
                    near,
                    date,
                ),
            );
        }
    }
    Outcome::Matched(run)
}
