//! The command line: parses arguments, calls `Comeback`, prints, and adds
//! the hint that says what to type when something is refused. It holds no
//! rule of its own.

mod args;
mod show;

pub use args::{Cli, Command};

use crate::checkin::CheckInError;
use crate::checkin::{self, Clearance};
use crate::comeback::{self, CheckInFailure, Comeback, Recorded, timestamp};
use crate::document::{self, HistoryDocument, PlanDocument, StatusDocument, TodayDocument};
use crate::export;
use crate::plan::{Distance, Profile, Template, Unit};
use crate::runs;
use crate::store::Undone;
use anyhow::{Context, Result, anyhow, bail};
use args::{ActivitiesAction, CheckinArgs, HealthChoice, NewArgs, ShoesAction, TemplatesAction};
use chrono::NaiveDate;
use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `print!` and `println!` that hand back a write error (a reader that closed
/// the pipe early: `comeback history | head`) instead of panicking, and print
/// only what is safe on a terminal (`words::printable`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($arg)*);
        std::io::stdout()
            .lock()
            .write_all($crate::words::printable(&text).as_bytes())
    }};
}

macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($arg)*);
        let mut out = std::io::stdout().lock();
        out.write_all($crate::words::printable(&text).as_bytes())
            .and_then(|()| out.write_all(b"\n"))
    }};
}

/// One line on stderr, safe on a terminal.
macro_rules! errln {
    ($($arg:tt)*) => {{
        let text = format!($($arg)*);
        eprintln!("{}", $crate::words::one_line(&text));
    }};
}

/// Runs the command line; every error becomes one line on stderr.
pub fn main() -> ExitCode {
    run_args(std::env::args_os())
}

/// Runs the command line with these arguments (the first is the program name).
pub fn run_args<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.render().to_string();
            let line = text.lines().next().unwrap_or("invalid arguments");
            errln!("comeback: {}", line.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.downcast_ref::<Due>().is_some() => {
            let _ = outln!("{e}");
            ExitCode::FAILURE
        }
        // A reader that stopped early (`comeback man | head`) is not an error.
        Err(e)
            if e.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            match hint(&e) {
                Some(hint) => errln!("comeback: {e:#}; {hint}"),
                None => errln!("comeback: {e:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

/// What the runner can do about an error, said after it: the core and the
/// store say what went wrong, the command line says what to type.
fn hint(e: &anyhow::Error) -> Option<&'static str> {
    use crate::comeback::{ImportFailure, LoadError};
    use crate::store::StoreError;
    let store_hint = |e: &StoreError| match e {
        StoreError::PlanExists { .. } => Some("add --force to replace it"),
        StoreError::Newer { .. } => Some("upgrade comeback to read it"),
        StoreError::Damaged { .. } => Some("move it aside or restore a backup"),
        StoreError::Foreign { .. } => Some("pass --data-dir to keep comeback's data elsewhere"),
        _ => None,
    };
    e.chain().find_map(|cause| {
        if let Some(store) = cause.downcast_ref::<StoreError>() {
            return store_hint(store);
        }
        if let Some(CheckInFailure::Invalid(CheckInError::WouldReplace { .. })) =
            cause.downcast_ref()
        {
            return Some("add --replace to overwrite it (undo brings it back)");
        }
        if let Some(crate::comeback::ShoeFailure::Invalid(crate::shoes::ShoeError::Unknown(_))) =
            cause.downcast_ref()
        {
            return Some("`comeback shoes list` shows them");
        }
        match cause.downcast_ref::<LoadError>() {
            Some(LoadError::NoPlan(_)) => {
                Some("make one with `comeback new --layoff 3w --weekly 25 --runs 4`")
            }
            Some(LoadError::Store(store)) => store_hint(store),
            Some(LoadError::Profile(crate::plan::ProfileError::StartFar { .. })) => {
                Some("add --force to start it anyway")
            }
            _ => match cause.downcast_ref::<ImportFailure>() {
                Some(ImportFailure::Store(store)) => store_hint(store),
                _ => None,
            },
        }
    })
}

/// `comeback due` when the check-in is due: said on stdout, exit 1.
#[derive(Debug, thiserror::Error)]
#[error("{}", due_line(*.0))]
struct Due(usize);

fn due_line(missing: usize) -> String {
    let earlier = match missing {
        0 => String::new(),
        1 => " (and 1 earlier day this week has none)".to_string(),
        n => format!(" (and {n} earlier days this week have none)"),
    };
    format!(
        "Today's comeback check-in is due{earlier}: `comeback checkin --numbness 0` after a symptom-free day."
    )
}

/// What every command needs to know about where and when it runs.
pub struct Invocation {
    pub data_dir: PathBuf,
    pub today: NaiveDate,
    pub unit: Option<Unit>,
}

fn run(cli: Cli) -> Result<()> {
    let ctx = Invocation {
        // An empty `COMEBACK_DATA_DIR=` or `COMEBACK_TODAY=` counts as unset.
        data_dir: match cli.data_dir.filter(|d| !d.as_os_str().is_empty()) {
            Some(dir) => dir,
            None => default_data_dir()?,
        },
        today: cli
            .today
            .and_then(|t| t.0)
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        unit: cli.unit,
    };
    match cli.command {
        None => crate::tui::run(&ctx.data_dir, cli.today.and_then(|t| t.0), ctx.unit),
        Some(Command::New(args)) => new(&ctx, args),
        Some(Command::Plan(args)) => {
            let comeback = Comeback::load(&ctx.data_dir)?;
            let assessment = comeback.assess(ctx.today);
            let weeks = || assessment.schedule(&comeback.plan, &comeback.template);
            if args.json {
                print_json(&PlanDocument::new(comeback.snapshot(), &assessment))
            } else if args.days {
                out!("{}", show::plan_days(&comeback.plan, &weeks(), ctx.unit))?;
                Ok(())
            } else {
                out!(
                    "{}",
                    show::plan_table(&comeback.plan, &weeks(), &assessment, ctx.unit)
                )?;
                Ok(())
            }
        }
        Some(Command::Today(flag)) => {
            let comeback = Comeback::load(&ctx.data_dir)?;
            let assessment = comeback.assess(ctx.today);
            let week = assessment.current_week(&comeback.plan, &comeback.template);
            if flag.json {
                let plan_unit = comeback.plan.profile.unit;
                let units = (plan_unit, ctx.unit.unwrap_or(plan_unit));
                print_json(&TodayDocument::new(
                    week.as_ref(),
                    ctx.today,
                    &assessment,
                    units,
                ))
            } else {
                out!(
                    "{}",
                    show::today(
                        &comeback.plan,
                        &comeback.template,
                        week.as_ref(),
                        &assessment,
                        ctx.unit
                    )
                )?;
                Ok(())
            }
        }
        Some(Command::Checkin(args)) => checkin(&ctx, args),
        Some(Command::Status(flag)) => {
            let comeback = Comeback::load(&ctx.data_dir)?;
            let assessment = comeback.assess(ctx.today);
            if flag.json {
                print_json(&StatusDocument::new(&comeback.plan, &assessment))
            } else {
                out!("{}", show::status(&comeback.plan, &assessment))?;
                Ok(())
            }
        }
        Some(Command::History(flag)) => {
            let comeback = Comeback::load(&ctx.data_dir)?;
            let mut checkins = comeback.journal.checkins().to_vec();
            checkins.retain(|c| c.date <= ctx.today);
            checkins.reverse();
            let mut decisions = comeback.assess(ctx.today).decisions;
            decisions.reverse();
            if flag.json {
                let mut clearances = comeback.journal.clearances().to_vec();
                clearances.reverse();
                print_json(&HistoryDocument {
                    checkins,
                    clearances,
                    decisions,
                })
            } else {
                out!(
                    "{}",
                    show::history(
                        &checkins,
                        comeback.journal.clearances(),
                        &decisions,
                        (ctx.today, comeback.plan.profile.unit)
                    )
                )?;
                Ok(())
            }
        }
        Some(Command::Clear { date, note }) => {
            let mut comeback = Comeback::load(&ctx.data_dir)?;
            let date = date.unwrap_or(ctx.today);
            comeback.clear(Clearance { date, note, seq: 0 }, ctx.today, &timestamp())?;
            let assessment = comeback.assess(ctx.today);
            outln!(
                "Clearance recorded for {}: care is lifted.",
                checkin::short_date(date)
            )?;
            out!("{}", show::verdict(&assessment))?;
            Ok(())
        }
        Some(Command::Health { set }) => health(&ctx, set),
        Some(Command::Due) => {
            let comeback = Comeback::load(&ctx.data_dir)?;
            match comeback.journal.due(comeback.plan.profile.start, ctx.today) {
                None => Ok(()),
                Some(missing) => Err(Due(missing).into()),
            }
        }
        Some(Command::Undo) => {
            let mut comeback = Comeback::load(&ctx.data_dir)?;
            let undone = comeback.undo(ctx.today, &timestamp())?;
            match undone {
                None => outln!("Nothing to undo.")?,
                Some(Undone::CheckIn {
                    date,
                    restored: Some(c),
                }) => outln!(
                    "Undone: the check-in for {} is back to: {}",
                    checkin::short_date(date),
                    c.summary(comeback.plan.profile.unit)
                )?,
                Some(Undone::CheckIn {
                    date,
                    restored: None,
                }) => outln!(
                    "Undone: the check-in for {} was removed.",
                    checkin::short_date(date)
                )?,
                Some(Undone::Clearance { date }) => outln!(
                    "Undone: the clearance of {} was removed.",
                    checkin::short_date(date)
                )?,
                Some(Undone::Import { date, runs }) => outln!(
                    "Undone: the import of {runs} runs from {} was taken back.",
                    checkin::short_date(date)
                )?,
            }
            Ok(())
        }
        Some(Command::Export {
            format,
            output,
            alarm,
        }) => {
            if alarm.is_some() && format != export::Format::Ics {
                bail!("--alarm: a reminder goes in the calendar; expected --format ics");
            }
            let options = export::Options { alarm };
            let comeback = Comeback::load(&ctx.data_dir)?;
            let assessment = comeback.assess(ctx.today);
            match output {
                None => {
                    use std::io::Write;
                    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                    export::write(format, comeback.snapshot(), &assessment, options, &mut out)?;
                    out.flush()?;
                    Ok(())
                }
                Some(path) => {
                    export::write_atomically(&path, |out| {
                        export::write(format, comeback.snapshot(), &assessment, options, out)
                    })
                    .with_context(|| format!("{}: cannot write the export", path.display()))?;
                    errln!("Wrote the {} to {}.", format.describe(), path.display());
                    Ok(())
                }
            }
        }
        Some(Command::Import { file, force }) => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("import {}: cannot read it", file.display()))?;
            let restore = comeback::import(&ctx.data_dir, text, force, ctx.today, &timestamp())
                .with_context(|| format!("import {}: nothing was changed", file.display()))?;
            outln!(
                "Imported the plan from {} ({} check-ins, {} clearances).",
                file.display(),
                restore.checkins.len(),
                restore.clearances.len()
            )?;
            Ok(())
        }
        Some(Command::Shoes { action }) => shoes(&ctx, action),
        Some(Command::Activities { action }) => activities(&ctx, action),
        Some(Command::Backup { file }) => {
            let comeback = Comeback::load(&ctx.data_dir)?;
            comeback.backup(&file)?;
            outln!(
                "Backed up the store to {}; to restore it, put it in place of {}.",
                file.display(),
                crate::store::Store::path_in(&ctx.data_dir).display()
            )?;
            Ok(())
        }
        Some(Command::Completions { shell }) => {
            // Written whole at the end: clap_complete panics on a failed write.
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "comeback", &mut script);
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(&script)?;
            out.flush()?;
            Ok(())
        }
        Some(Command::Schema) => {
            outln!("{}", document::plan_schema())?;
            Ok(())
        }
        Some(Command::Man) => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command).render(&mut std::io::stdout())?;
            Ok(())
        }
        Some(Command::Templates { action }) => templates(action),
    }
}

fn checkin(ctx: &Invocation, args: CheckinArgs) -> Result<()> {
    let mut comeback = Comeback::load(&ctx.data_dir)?;
    let replace = args.replace;
    let plan_unit = comeback.plan.profile.unit;
    let entry = args.check_in(ctx.today, (ctx.unit.unwrap_or(plan_unit), plan_unit));
    let date = entry.date;
    let Recorded {
        replaced,
        assessment,
    } = comeback.record(entry, replace, ctx.today, &timestamp())?;
    let saved = replaced_summary(&comeback, date);
    let printed = (|| {
        outln!("Saved {saved}.")?;
        if replaced.is_some() {
            outln!(
                "It replaces the earlier check-in for that day; `comeback undo` brings it back."
            )?;
        }
        out!("{}", show::verdict(&assessment))
    })();
    // The check-in is saved whatever happens to the output: say so.
    printed.with_context(|| {
        format!(
            "the check-in for {date} was saved, but the verdict could not be printed (`comeback status` shows it)"
        )
    })
}

/// The summary of the check-in now stored for `date`.
fn replaced_summary(comeback: &Comeback, date: NaiveDate) -> String {
    comeback.journal.on(date).map_or_else(
        || checkin::short_date(date),
        |c| c.summary(comeback.plan.profile.unit),
    )
}

pub fn default_data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "comeback")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| anyhow!("no home folder found; pass --data-dir DIR"))
}

/// Streams JSON to stdout rather than building it in memory first.
fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    use std::io::Write;
    // SafeJson sees serde's own writes (whole characters), the buffer after it.
    let mut out = crate::words::SafeJson(std::io::BufWriter::new(std::io::stdout().lock()));
    // Kept as an I/O error, so a reader that stops early ends quietly.
    serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// Finds a template by shipped name or file path.
pub fn load_template(name_or_file: &str) -> Result<Template> {
    if let Some(builtin) = Template::builtin(name_or_file) {
        return Ok(builtin?);
    }
    let path = Path::new(name_or_file);
    if !path.exists() {
        let names: Vec<&str> = Template::builtin_names().collect();
        bail!(
            "template '{name_or_file}': expected a shipped template ({}) or a template file",
            names.join(", ")
        );
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("template {}: cannot read it", path.display()))?;
    Ok(Template::parse(&path.display().to_string(), &text)?)
}

fn new(ctx: &Invocation, args: NewArgs) -> Result<()> {
    let unit = ctx.unit.unwrap_or_default();
    let weekly_before = Distance::from_value(args.weekly);
    let profile = Profile {
        layoff_days: args.layoff,
        weekly_before,
        goal_weekly: args.goal.map_or(weekly_before, Distance::from_value),
        runs_per_week: args.runs,
        unit,
        start: args.start.unwrap_or(ctx.today),
        cross_trained: args.cross_trained,
        numb_now: args.numb_now,
        health: args.health,
        health_since: Default::default(),
        long_day: args.long_day,
        rest_days: args.rest_days,
        easy_pace_seconds: args.easy_pace,
        race: args.race,
    };
    let template = load_template(
        args.template
            .as_deref()
            .unwrap_or(Template::default_name(args.numb_now)),
    )?;
    let comeback = Comeback::create(
        &ctx.data_dir,
        &profile,
        &template,
        args.force,
        ctx.today,
        &timestamp(),
    )?;
    out!("{}", show::plan_saved(&comeback.plan, ctx.unit))?;
    Ok(())
}

fn health(ctx: &Invocation, set: Option<Vec<HealthChoice>>) -> Result<()> {
    let mut comeback = Comeback::load(&ctx.data_dir)?;
    if let Some(choices) = set {
        let health: Vec<checkin::Health> = choices
            .iter()
            .filter_map(|c| match c {
                HealthChoice::Some(h) => Some(*h),
                HealthChoice::None => None,
            })
            .collect();
        if choices.contains(&HealthChoice::None) && !health.is_empty() {
            bail!("health: 'none' with other values; expected either none or a list");
        }
        comeback.set_health(health, ctx.today, &timestamp())?;
    }
    out!("{}", show::health(&comeback.plan.profile.health))?;
    Ok(())
}

fn shoes(ctx: &Invocation, action: Option<ShoesAction>) -> Result<()> {
    let mut comeback = Comeback::load(&ctx.data_dir)?;
    let unit = comeback.plan.profile.unit;
    match action.unwrap_or(ShoesAction::List) {
        ShoesAction::List => {
            let assessment = comeback.assess(ctx.today);
            let mileage = comeback.mileage(&assessment);
            if mileage.is_empty() {
                outln!("No shoes yet: `comeback shoes add NAME [--start-distance N]`.")?;
            }
            for m in mileage {
                outln!("{}", m.describe(unit))?;
            }
            Ok(())
        }
        ShoesAction::Add {
            name,
            start_distance,
        } => {
            let shoe =
                comeback.add_shoe(&name, Distance::from_value(start_distance), &timestamp())?;
            outln!(
                "Added '{}'; check-ins now count towards it unless they name another pair.",
                shoe.name
            )?;
            Ok(())
        }
        ShoesAction::Retire { name } => {
            comeback.retire_shoe(&name, ctx.today)?;
            outln!("Retired '{name}'.")?;
            Ok(())
        }
    }
}

/// Some files were not recorded: said one line each on stderr already.
#[derive(Debug, thiserror::Error)]
#[error("{0} of the files were not recorded (one line each above)")]
struct NotAllImported(usize);

fn activities(ctx: &Invocation, action: ActivitiesAction) -> Result<()> {
    let mut comeback = Comeback::load(&ctx.data_dir)?;
    let unit = ctx.unit.unwrap_or(comeback.plan.profile.unit);
    let describe = |run: &crate::checkin::RecordedRun| {
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

fn templates(action: Option<TemplatesAction>) -> Result<()> {
    match action.unwrap_or(TemplatesAction::List) {
        TemplatesAction::List => {
            for name in Template::builtin_names() {
                let template = load_template(name)?;
                outln!("{name:<10} v{}  {}", template.version, template.description)?;
            }
            Ok(())
        }
        TemplatesAction::Check { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("template {}: cannot read it", file.display()))?;
            let template = Template::parse(&file.display().to_string(), &text)?;
            outln!(
                "{}: ok (template '{}', version {})",
                file.display(),
                template.name,
                template.version
            )?;
            Ok(())
        }
    }
}
