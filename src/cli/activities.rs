//! `activities`: runs from watch and phone files imported onto the plan's
//! days, one line each, and the list of them.

use super::args::ActivitiesAction;
use super::{Invocation, print_json};
use crate::checkin::{self, RecordedRun};
use crate::comeback::{Comeback, timestamp};
use crate::runs;
use anyhow::Result;

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
    let describe = |run: &RecordedRun| {
        let hr = run
            .heart_rate
            .map(|h| format!(", HR {h}"))
            .unwrap_or_default();
        format!(
            "{}: {} {unit} in {} min{hr}",
            checkin::short_date(run.date),
            run.distance(unit),
            run.minutes()
        )
    };
    match action {
        ActivitiesAction::Import { files, dry_run } => {
            let outcomes = comeback.import_runs(&files, dry_run, ctx.today, &timestamp())?;
            let mut problems = 0;
            for o in &outcomes {
                let file = o.file.display();
                match &o.outcome {
                    runs::Outcome::Matched(run) => outln!(
                        "{file}: {}: {}",
                        describe(run),
                        if dry_run {
                            "would be recorded"
                        } else {
                            "recorded"
                        }
                    )?,
                    runs::Outcome::Known => outln!("{file}: already imported")?,
                    runs::Outcome::Skipped(why) => {
                        problems += 1;
                        errln!("{file}: {why}");
                    }
                    runs::Outcome::Ambiguous(run, why) => {
                        problems += 1;
                        errln!("{file}: {}; not recorded: {why}", describe(run));
                    }
                }
            }
            if problems > 0 {
                return Err(NotAllImported(problems).into());
            }
            Ok(())
        }
        ActivitiesAction::List(flag) => {
            let imported = comeback.journal.runs();
            if flag.json {
                return print_json(&imported);
            }
            if imported.is_empty() {
                outln!("No runs imported yet: `comeback activities import FILE...`.")?;
            }
            for run in imported {
                outln!("{}  ({})", describe(run), run.file)?;
            }
            Ok(())
        }
    }
}
