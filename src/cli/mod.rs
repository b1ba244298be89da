//! The command line: parses arguments, opens the store, calls the core, prints.
//! It holds no rule of its own.

mod args;
mod show;

pub use args::{Cli, Command};

use crate::document::PlanDocument;
use crate::plan::{self, Distance, Profile, Template, Unit};
use crate::store::{SavedPlan, Store};
use anyhow::{Context, Result, anyhow, bail};
use args::{NewArgs, TemplatesAction};
use chrono::NaiveDate;
use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs the command line; every error becomes one line on stderr.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.render().to_string();
            let line = text.lines().next().unwrap_or("invalid arguments");
            eprintln!("comeback: {}", line.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("comeback: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// What every command needs to know about where and when it runs.
pub struct Invocation {
    pub data_dir: PathBuf,
    pub today: NaiveDate,
    pub unit: Option<Unit>,
}

fn run(cli: Cli) -> Result<()> {
    let ctx = Invocation {
        data_dir: match cli.data_dir {
            Some(dir) => dir,
            None => default_data_dir()?,
        },
        today: cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        unit: cli.unit,
    };
    match cli.command {
        None => bail!("the terminal UI is not built yet; try `comeback --help`"),
        Some(Command::New(args)) => new(&ctx, args),
        Some(Command::Plan(flag)) => {
            let (saved, plan) = load_plan(&ctx)?;
            if flag.json {
                print_json(&PlanDocument::new(&plan, &saved.template))
            } else {
                print!("{}", show::plan_table(&plan, ctx.today, ctx.unit));
                Ok(())
            }
        }
        Some(Command::Today(flag)) => {
            let (_, plan) = load_plan(&ctx)?;
            if flag.json {
                print_json(&crate::document::TodayDocument::new(&plan, ctx.today))
            } else {
                print!("{}", show::today(&plan, ctx.today, ctx.unit));
                Ok(())
            }
        }
        Some(Command::Templates { action }) => templates(action),
    }
}

pub fn default_data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "comeback")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| anyhow!("no home folder found; pass --data-dir DIR"))
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    println!("{text}");
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
    };
    let template = load_template(
        args.template
            .as_deref()
            .unwrap_or(Template::default_name(args.numb_now)),
    )?;
    let plan = plan::generate(&profile, &template)?;
    let mut store = Store::open(&ctx.data_dir)?;
    let now = chrono::Local::now().to_rfc3339();
    store.save_plan(&profile, &template, args.force, &now)?;
    print!("{}", show::plan_saved(&plan, ctx.unit));
    Ok(())
}

/// The saved plan, regenerated from its profile and template.
fn load_plan(ctx: &Invocation) -> Result<(SavedPlan, plan::Plan)> {
    let no_plan = || {
        anyhow!(
            "no plan in {}: make one with `comeback new --layoff 3w --weekly 25 --runs 4`",
            ctx.data_dir.display()
        )
    };
    let store = Store::open_existing(&ctx.data_dir)?.ok_or_else(no_plan)?;
    let saved = store.plan()?.ok_or_else(no_plan)?;
    let plan = plan::generate(&saved.profile, &saved.template)?;
    Ok((saved, plan))
}

fn templates(action: Option<TemplatesAction>) -> Result<()> {
    match action.unwrap_or(TemplatesAction::List) {
        TemplatesAction::List => {
            for name in Template::builtin_names() {
                let template = load_template(name)?;
                println!("{name:<10} v{}  {}", template.version, template.description);
            }
            Ok(())
        }
        TemplatesAction::Check { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("template {}: cannot read it", file.display()))?;
            let template = Template::parse(&file.display().to_string(), &text)?;
            println!(
                "{}: ok (template '{}', version {})",
                file.display(),
                template.name,
                template.version
            );
            Ok(())
        }
    }
}
