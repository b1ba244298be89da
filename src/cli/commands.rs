//! The subcommands, one function each: load the store, call `Comeback`,
//! print. The parsing and the hints are in `mod.rs`.

use super::args::{
    CheckinArgs, HealthChoice, JsonFlag, NewArgs, PlanArgs, ShoesAction, TemplatesAction,
};
use super::{Cli, Due, Invocation, journal, load_template, print_json, saved, show};
use crate::checkin::{self, Clearance};
use crate::comeback::{self, Comeback, Recorded, timestamp};
use crate::count::count;
use crate::document::{HistoryDocument, PlanDocument, StatusDocument, TodayDocument};
use crate::export;
use crate::input::RunTime;
use crate::plan::{Distance, Profile, Template, Unit};
use crate::store::Undone;
use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// `plan`: the week table, every day (`--days`) or the document (`--json`).
pub fn plan(ctx: &Invocation, args: PlanArgs) -> Result<()> {
    let comeback = Comeback::load(&ctx.data_dir)?;
    let assessment = comeback.assess_and_keep(ctx.today);
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

/// `today`: this day's sessions, checks and verdict.
pub fn today(ctx: &Invocation, flag: JsonFlag) -> Result<()> {
    let comeback = Comeback::glance(&ctx.data_dir, ctx.today)?;
    let assessment = &comeback.assessment;
    let week = assessment.current_week(&comeback.plan, &comeback.template);
    if flag.json {
        let plan_unit = comeback.plan.profile.unit;
        let units = (plan_unit, ctx.unit.unwrap_or(plan_unit));
        print_json(&TodayDocument::new(
            week.as_ref(),
            ctx.today,
            assessment,
            units,
        ))
    } else {
        out!(
            "{}",
            show::today(
                &comeback.plan,
                &comeback.template,
                week.as_ref(),
                assessment,
                ctx.unit
            )
        )?;
        Ok(())
    }
}

/// `status`: the verdict and what comes next.
pub fn status(ctx: &Invocation, flag: JsonFlag) -> Result<()> {
    let comeback = Comeback::glance(&ctx.data_dir, ctx.today)?;
    let assessment = &comeback.assessment;
    if flag.json {
        print_json(&StatusDocument::new(&comeback.plan, assessment))
    } else {
        out!("{}", show::status(&comeback.plan, assessment))?;
        Ok(())
    }
}

/// `history`: check-ins, clearances and decisions, newest first.
pub fn history(ctx: &Invocation, flag: JsonFlag) -> Result<()> {
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
            journal::history(
                &checkins,
                &comeback.journal,
                &decisions,
                (ctx.today, comeback.plan.profile.unit, ctx.unit)
            )
        )?;
        Ok(())
    }
}

/// `clear`: a clinician's clearance lifts care.
pub fn clear(ctx: &Invocation, date: Option<NaiveDate>, note: Option<String>) -> Result<()> {
    let mut comeback = Comeback::load(&ctx.data_dir)?;
    let date = date.unwrap_or(ctx.today);
    comeback.clear(Clearance { date, note, seq: 0 }, ctx.today, &timestamp())?;
    let assessment = comeback.assess(ctx.today);
    outln!(
        "{}",
        checkin::clearance_said(date, assessment.verdict.care.is_some())
    )?;
    out!("{}", show::verdict(&assessment))?;
    Ok(())
}

/// `due`: exit 1 with a line when check-ins are missing.
pub fn due(ctx: &Invocation) -> Result<()> {
    let comeback = Comeback::load(&ctx.data_dir)?;
    match comeback.journal.due(comeback.plan.profile.start, ctx.today) {
        None => Ok(()),
        Some((missing, since)) => Err(Due(missing, since).into()),
    }
}

/// `undo`: takes back the last change.
pub fn undo(ctx: &Invocation) -> Result<()> {
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
            crate::history::checkin_line(&c, comeback.plan.profile.unit, ctx.unit, None)
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
        Some(Undone::Import { date, runs, cross }) => outln!(
            "Undone: the import of {} from {} was taken back.",
            crate::count::imported(runs, cross),
            checkin::short_date(date)
        )?,
    }
    Ok(())
}

/// `export`: JSON, calendar or clinician summary, to a file or stdout.
pub fn export(
    ctx: &Invocation,
    format: export::Format,
    output: Option<PathBuf>,
    alarm: Option<chrono::NaiveTime>,
) -> Result<()> {
    if alarm.is_some() && format != export::Format::Ics {
        bail!("--alarm: a reminder goes in the calendar; expected --format ics");
    }
    let options = export::Options { alarm };
    let comeback = Comeback::load(&ctx.data_dir)?;
    if let Some(path) = &output {
        comeback.check_output(path)?;
    }
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

/// `import`: a plan document, replacing the store only with `--force`.
pub fn import(ctx: &Invocation, file: &Path, force: bool) -> Result<()> {
    let text = crate::files::read_text(file, crate::document::MAX_DOCUMENT_BYTES)
        .with_context(|| format!("import {}", file.display()))?;
    let (restore, archived) = comeback::import(&ctx.data_dir, text, force, ctx.today, &timestamp())
        .with_context(|| format!("import {}: nothing was changed", file.display()))?;
    outln!(
        "Imported the plan from {} ({}, {}).",
        file.display(),
        count(restore.checkins.len(), "check-in", "check-ins"),
        count(restore.clearances.len(), "clearance", "clearances")
    )?;
    say_archived(archived.as_deref())
}

/// `backup`: a copy of the store.
pub fn backup(ctx: &Invocation, file: &Path) -> Result<()> {
    let comeback = Comeback::load(&ctx.data_dir)?;
    comeback.backup(file)?;
    outln!(
        "Backed up the store to {}; bring it back with `comeback restore {}`.",
        file.display(),
        file.display()
    )?;
    Ok(())
}

/// `restore`: a store copied by `backup` put back, the current one archived.
pub fn restore(ctx: &Invocation, file: &Path) -> Result<()> {
    let restored = crate::comeback::restore(&ctx.data_dir, file, &timestamp())
        .with_context(|| format!("restore {}: nothing was changed", file.display()))?;
    outln!(
        "Restored the store from {}: the plan from {}, {}.",
        file.display(),
        checkin::short_date(restored.start),
        count(restored.checkins, "check-in", "check-ins")
    )?;
    match restored.archived {
        Some(aside) if aside.is_dir() => outln!(
            "The files it replaced could not be opened as a store; they are kept as they were in {}.",
            aside.display()
        )?,
        Some(archived) => outln!(
            "The store it replaced is kept in {}; `comeback restore` brings it back.",
            archived.display()
        )?,
        None => {}
    }
    Ok(())
}

/// `completions`: a shell's completion script.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
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

pub fn checkin(ctx: &Invocation, args: CheckinArgs) -> Result<()> {
    // With a folder joined, the sync before and after goes through the
    // check-in's own store.
    let (mut comeback, synced) = Comeback::load_synced(&ctx.data_dir, ctx.today)?;
    super::sync::skipped(synced);
    let replace = args.replace;
    let typed = args.duration;
    let plan_unit = comeback.plan.profile.unit;
    let entry = args.check_in(ctx.today, (ctx.unit.unwrap_or(plan_unit), plan_unit));
    let date = entry.date;
    let Recorded {
        replaced,
        assessment,
        ..
    } = comeback.record(entry, replace, ctx.today, &timestamp())?;
    let saved = checkin::with_year(
        saved_summary(&comeback, date, typed, ctx.unit),
        date,
        ctx.today,
    );
    let printed = (|| {
        outln!("Saved {saved}.")?;
        if replaced.is_some() {
            outln!(
                "It replaces the earlier check-in for that day; `comeback undo` brings it back."
            )?;
        }
        out!("{}", show::verdict(&assessment))
    })();
    super::sync::skipped(comeback.sync_and_close(&ctx.data_dir, ctx.today));
    std::mem::forget(assessment);
    // The check-in is saved whatever happens to the output: say so.
    printed.with_context(|| {
        format!(
            "the check-in for {date} was saved, but the verdict could not be printed (`comeback status` shows it)"
        )
    })
}

/// The summary of the check-in now stored for `date`, in `display`'s unit,
/// its run's time said as typed where the whole minutes kept round it.
fn saved_summary(
    comeback: &Comeback,
    date: NaiveDate,
    typed: Option<RunTime>,
    display: Option<Unit>,
) -> String {
    comeback.journal.on(date).map_or_else(
        || checkin::short_date(date),
        |c| {
            let kept = c.actual.as_ref().and_then(|a| a.minutes);
            let clock = typed
                .filter(|t| kept == Some(t.minutes()))
                .and_then(RunTime::clock);
            crate::history::checkin_line(c, comeback.plan.profile.unit, display, clock.as_deref())
        },
    )
}

pub fn new(ctx: &Invocation, args: NewArgs) -> Result<()> {
    let unit = ctx.unit.unwrap_or_default();
    let weekly_before = weekly_in("--weekly", &args.weekly, unit)?;
    let goal_weekly = match &args.goal {
        Some(goal) => weekly_in("--goal", goal, unit)?,
        None => weekly_before,
    };
    let profile = Profile {
        layoff_days: args.layoff,
        weekly_before,
        goal_weekly,
        runs_per_week: args.runs,
        unit,
        start: args.start.unwrap_or(ctx.today),
        cross_trained: args.cross_trained,
        numb_now: args.numb_now,
        health: args.health,
        health_since: Default::default(),
        long_day: args.long_day,
        rest_days: crate::input::once_each(args.rest_days),
        easy_pace_seconds: args.easy_pace,
        race: args.race,
        longest_run: match &args.longest_run {
            Some(text) => Some(run_in("--longest-run", text)?),
            None => None,
        },
    };
    let template = load_template(
        args.template
            .as_deref()
            .unwrap_or(Template::default_name(args.numb_now)),
    )?;
    let (comeback, archived) = Comeback::create(
        &ctx.data_dir,
        &profile,
        &template,
        args.force,
        ctx.today,
        &timestamp(),
    )?;
    out!(
        "{}",
        saved::plan_saved(&comeback.plan, &template, ctx.today, ctx.unit)
    )?;
    say_archived(archived.as_deref())
}

/// Where the plan a replacement took out went, and how to bring it back.
fn say_archived(archived: Option<&Path>) -> Result<()> {
    if let Some(file) = archived {
        outln!(
            "The plan it replaced, with its check-ins, is kept in {}; `comeback import --force {}` brings it back.",
            file.display(),
            file.display()
        )?;
    }
    Ok(())
}

/// `--weekly` or `--goal` in the plan's unit, which `--unit` may give after
/// them: checked here, where the unit is known, and said in it.
/// A run's distance given with `flag`, in the plan's unit.
fn run_in(flag: &str, text: &str) -> Result<Distance> {
    crate::input::parse_run_distance(text)
        .map(Distance::from_value)
        .map_err(|e| anyhow!("invalid value '{text}' for '{flag} <N>': {e}"))
}

fn weekly_in(flag: &str, text: &str, unit: Unit) -> Result<Distance> {
    crate::input::parse_weekly(text, unit)
        .map(Distance::from_value)
        .map_err(|e| anyhow!("invalid value '{text}' for '{flag} <N>': {e}"))
}

pub fn health(ctx: &Invocation, set: Option<Vec<HealthChoice>>) -> Result<()> {
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
        let before = comeback.plan.profile.health.clone();
        comeback.set_health(health, ctx.today, &timestamp())?;
        // `--set` replaces the list: say what it took away, so a condition
        // is never dropped unseen.
        let removed: Vec<String> = before
            .iter()
            .filter(|h| !comeback.plan.profile.health.contains(h))
            .map(|h| h.words().to_string())
            .collect();
        if !removed.is_empty() {
            outln!(
                "Taken away: {} (`--set` replaces the whole list; name every condition you have).",
                checkin::and_list(&removed)
            )?;
        }
    }
    out!("{}", show::health(&comeback.plan.profile.health))?;
    Ok(())
}

pub fn shoes(ctx: &Invocation, action: Option<ShoesAction>) -> Result<()> {
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
                outln!("{}", m.describe_in(unit, ctx.unit))?;
            }
            Ok(())
        }
        ShoesAction::Add {
            name,
            start_distance,
        } => {
            // Typed in --unit's unit, kept in the plan's, as a check-in's distance is.
            let given = ctx.unit.unwrap_or(unit);
            let start = Distance::from_value(start_distance).convert(given, unit);
            let shoe = comeback.add_shoe(&name, start, &timestamp())?;
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

pub fn templates(action: Option<TemplatesAction>) -> Result<()> {
    match action.unwrap_or(TemplatesAction::List) {
        TemplatesAction::List => {
            for name in Template::builtin_names() {
                let template = load_template(name)?;
                outln!("{name:<10} v{}  {}", template.version, template.description)?;
            }
            Ok(())
        }
        TemplatesAction::Check { file } => {
            let text = crate::files::read_text(&file, crate::plan::MAX_TEMPLATE_BYTES)
                .with_context(|| format!("template {}", file.display()))?;
            let template = Template::parse_given(&file.display().to_string(), &text)?;
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
