//! `activities`: runs from watch and phone files imported onto the plan's
//! days (or the one day `--to` names), one line each, what is not a run
//! named with the check-in that records it, and the list of them.

use super::args::ActivitiesAction;
use super::{Invocation, print_json};
use crate::activity::activity_words;
use crate::checkin::{RecordedRun, day_words, short_date};
use crate::comeback::{Comeback, timestamp};
use crate::plan::{Distance, Unit};
use crate::runs;
use crate::words::one_line;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::path::Path;

/// Some files were not recorded: said one line each on stderr already.
#[derive(Debug, thiserror::Error)]
#[error("{}", not_recorded(*.0))]
struct NotAllImported(usize);

/// "1 file was not recorded (said above)", or "3 files were …".
fn not_recorded(n: usize) -> String {
    if n == 1 {
        "1 file was not recorded (said above)".into()
    } else {
        format!("{n} files were not recorded (one line each above)")
    }
}

pub fn activities(ctx: &Invocation, action: ActivitiesAction) -> Result<()> {
    let mut comeback = Comeback::load(&ctx.data_dir)?;
    let unit = ctx.unit.unwrap_or(comeback.plan.profile.unit);
    match action {
        ActivitiesAction::Import {
            files,
            dry_run,
            to: None,
        } => {
            let outcomes = comeback.import_runs(&files, dry_run, ctx.today, &timestamp())?;
            report(&outcomes, dry_run, unit)
        }
        ActivitiesAction::Import {
            files,
            dry_run,
            to: Some(day),
        } => {
            let outcomes = comeback
                .import_run_to(&files, day, dry_run, ctx.today, &timestamp())
                .with_context(|| format!("--to {day}"))?;
            report(&outcomes, dry_run, unit)
        }
        ActivitiesAction::List(flag) => {
            let imported = comeback.journal.runs();
            if flag.json {
                return print_json(&imported);
            }
            let cross = comeback.journal.cross_from_files();
            if imported.is_empty() && cross.is_empty() {
                outln!("No runs imported yet: `comeback activities import FILE...`.")?;
            }
            for run in imported {
                outln!("{}  ({})", describe(run, unit), one_line(&run.file))?;
            }
            for x in cross {
                outln!(
                    "{}: {} {} min, cross-training  ({})",
                    short_date(x.date),
                    x.kind,
                    x.minutes(),
                    one_line(&x.file)
                )?;
            }
            Ok(())
        }
    }
}

/// "Wed 25 Nov: 3.0 mi in 25 min, HR 145".
fn describe(run: &RecordedRun, unit: Unit) -> String {
    let hr = run
        .heart_rate
        .map(|h| format!(", HR {h}"))
        .unwrap_or_default();
    format!(
        "{}: {} {unit} in {} min{hr}",
        short_date(run.date),
        run.distance(unit),
        run.minutes()
    )
}

/// One line per file: recorded (or would be) on stdout, not recorded on
/// stderr; an error after them when any was not recorded.
fn report(outcomes: &[runs::FileOutcome], dry_run: bool, unit: Unit) -> Result<()> {
    let recorded = if dry_run {
        "would be recorded"
    } else {
        "recorded"
    };
    // The files with an activity not recorded.
    let mut problems = std::collections::BTreeSet::new();
    for o in outcomes {
        let file = match o.part {
            Some((i, n)) => format!("{} ({i} of {n})", one_line(&o.file.display().to_string())),
            None => one_line(&o.file.display().to_string()).into_owned(),
        };
        let damage = o
            .damage
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        match &o.outcome {
            runs::Outcome::Matched(run) => {
                outln!("{file}: {}: {recorded}{damage}", describe(run, unit))?;
            }
            runs::Outcome::Moved(run, ran) => outln!(
                "{file}: {}: {recorded}, moved from {}, the day it was run{damage}",
                describe(run, unit),
                day_words(*ran, run.date)
            )?,
            runs::Outcome::Replaces(run, old) => outln!(
                "{file}: {}: {recorded} in place of {}, the same run from a file without a heart rate{damage}",
                describe(run, unit),
                one_line(old)
            )?,
            runs::Outcome::Known if dry_run => {
                outln!("{file}: already imported, or the same file given twice")?;
            }
            runs::Outcome::Known => outln!("{file}: already imported")?,
            runs::Outcome::SaysLess(kept) => outln!(
                "{file}: the same run as {} (it starts within a minute of it, or within 5 minutes over the same distance within 5%), which says more of it: kept that one",
                one_line(&kept.display().to_string())
            )?,
            runs::Outcome::SameRun(kept) => outln!(
                "{file}: the same run as {}, already recorded (it starts within a minute of it, or within 5 minutes over the same distance within 5%): kept that one",
                one_line(kept)
            )?,
            runs::Outcome::Skipped(why) => {
                problems.insert(&o.file);
                errln!("{file}: {why}");
            }
            runs::Outcome::Cross(done, _) => outln!(
                "{file}: {} on {}, not a run: {recorded} as cross-training",
                cross_words(done, unit),
                short_date(done.date)
            )?,
            runs::Outcome::NotARun(cross) => {
                problems.insert(&o.file);
                errln!("{file}: {}", not_a_run(cross, unit));
            }
            runs::Outcome::Ambiguous(run, near) => {
                problems.insert(&o.file);
                errln!(
                    "{file}: {}{damage}; not recorded: {}",
                    describe(run, unit),
                    ambiguous(&o.file, run.date, *near)
                );
            }
        }
    }
    if !problems.is_empty() {
        return Err(NotAllImported(problems.len()).into());
    }
    Ok(())
}

/// "a ride (cycling, 92.6 km, 3 h 10 min)".
fn cross_words(cross: &runs::CrossDone, unit: Unit) -> String {
    let minutes = (cross.seconds.saturating_add(30) / 60).max(1);
    let time = match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    };
    let mut about = vec![];
    if !cross.sport.is_empty() {
        about.push(cross.sport.clone());
    }
    let distance =
        Distance::from_value(f64::from(cross.distance_m) / 1000.0).convert(Unit::Km, unit);
    // Under a tenth of the unit it reads as nothing.
    if distance.value() >= 0.05 {
        about.push(format!("{distance} {unit}"));
    }
    about.push(time);
    format!(
        "{} ({})",
        activity_words(cross.kind, &cross.sport),
        about.join(", ")
    )
}

/// "a ride (cycling, 92.6 km, 3 h 10 min), not a run: …" and how to record
/// it as the cross-training it was.
fn not_a_run(cross: &runs::CrossDone, unit: Unit) -> String {
    let minutes = (cross.seconds.saturating_add(30) / 60).max(1);
    format!(
        "{}, not a run: not recorded as one; record it as cross-training with `comeback checkin --date {} --numbness N --cross {}:{minutes}`",
        cross_words(cross, unit),
        cross.date,
        cross.kind,
    )
}

/// Why a run on `day`, without a planned run, is left to the runner, and the
/// two ways to record it: on `near`, the planned run with no record beside
/// it, or by hand on its own day.
fn ambiguous(file: &Path, day: NaiveDate, near: NaiveDate) -> String {
    format!(
        "{} has no run planned and the run of {} has no record: place it there with `comeback activities import {} --to {near}`, or type it in on {} with `comeback checkin --date {day} --numbness N --distance … --duration …`",
        short_date(day),
        short_date(near),
        shell_word(file),
        short_date(day),
    )
}

/// `path` as a shell reads it back: bare when plain, else in single quotes.
fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@%=".contains(c);
    // A leading '-' would read as an option.
    let text = if text.starts_with('-') {
        format!("./{text}")
    } else {
        text
    };
    if !text.is_empty() && text.chars().all(plain) {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_quoted_only_when_a_shell_would_misread_it() {
        let word = |p: &str| shell_word(Path::new(p));
        assert_eq!(word("runs/2026-12-16.gpx"), "runs/2026-12-16.gpx");
        assert_eq!(word("My Runs/run 1.gpx"), "'My Runs/run 1.gpx'");
        assert_eq!(word("Sam's run.gpx"), r"'Sam'\''s run.gpx'");
        assert_eq!(word("-run.gpx"), "./-run.gpx");
        assert_eq!(word("~/run.gpx"), "'~/run.gpx'");
    }
}
