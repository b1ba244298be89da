//! The command line: parses arguments, calls `Comeback`, prints, and adds
//! the hint that says what to type when something is refused. It holds no
//! rule of its own.

mod args;
mod journal;
mod saved;
mod show;

pub use args::{Cli, Command};

use crate::checkin::CheckInError;
use crate::comeback::CheckInFailure;
use crate::document;
use crate::plan::{Template, Unit};
use anyhow::{Context, Result, anyhow, bail};
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

mod activities;
mod commands;
mod man;
mod sync;

/// Runs the command line; every error becomes one line on stderr.
pub fn main() -> ExitCode {
    run_args(std::env::args_os())
}

/// A clap error as one line: its message and what follows it (the missing
/// arguments, the possible values, a tip), without the usage and the
/// pointer to `--help`. ("the following required arguments were not
/// provided: --weekly <N>, --runs <3-6>")
fn one_line(text: &str) -> String {
    let mut parts = text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .map(|l| l.trim_start_matches("error: "));
    let mut line = parts.next().unwrap_or("invalid arguments").to_string();
    // After a line ending in ':' its items follow, comma-separated.
    let mut items = line.ends_with(':').then_some(0);
    for part in parts {
        let join = match items {
            Some(0) => " ",
            Some(_) if !part.starts_with("tip:") => ", ",
            _ if part.starts_with('[') => " ",
            _ => "; ",
        };
        if join == "; " {
            items = None;
        }
        line.push_str(join);
        line.push_str(part);
        items = items.map(|n| n + 1);
    }
    line
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
            errln!("comeback: {}", one_line(&e.render().to_string()));
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
            let said = causes(&e);
            match hint(&e) {
                Some(hint) => errln!("comeback: {said}; {hint}"),
                None => errln!("comeback: {said}"),
            }
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, each cause said once: a message
/// that already names its cause ("cannot read it: No such file or
/// directory") is not followed by it again.
fn causes(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
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
            Some(LoadError::Profile(
                crate::plan::ProfileError::StartFar { .. }
                | crate::plan::ProfileError::StartOver { .. },
            )) => Some("add --force to start it anyway"),
            _ => match cause.downcast_ref::<ImportFailure>() {
                Some(ImportFailure::Store(store)) => store_hint(store),
                _ => None,
            },
        }
    })
}

/// `comeback due` when the check-in is due: said on stdout, exit 1.
#[derive(Debug, thiserror::Error)]
#[error("{}", due_line(.0, .1))]
struct Due(usize, NaiveDate);

fn due_line(missing: &usize, since: &NaiveDate) -> String {
    let since = crate::checkin::short_date(*since);
    let earlier = match missing {
        0 => String::new(),
        1 => format!(" (and 1 earlier day since {since} has none)"),
        n => format!(" (and {n} earlier days since {since} have none)"),
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
    // With a sync folder joined, every command that reads or writes the
    // journal merges the other machines' changes first and sends its own
    // after.
    let synced = cli
        .command
        .as_ref()
        .is_some_and(|c| c.is_synced() && !c.syncs_itself());
    if synced {
        sync::quietly(&ctx);
    }
    let done = dispatch(&ctx, cli.command, cli.today.and_then(|t| t.0));
    if synced && done.is_ok() {
        sync::quietly(&ctx);
    }
    done
}

fn dispatch(
    ctx: &Invocation,
    command: Option<Command>,
    today: Option<chrono::NaiveDate>,
) -> Result<()> {
    match command {
        None => crate::tui::run(&ctx.data_dir, today, ctx.unit),
        Some(Command::New(args)) => commands::new(ctx, args),
        Some(Command::Plan(args)) => commands::plan(ctx, args),
        Some(Command::Today(flag)) => commands::today(ctx, flag),
        Some(Command::Checkin(args)) => commands::checkin(ctx, args),
        Some(Command::Status(flag)) => commands::status(ctx, flag),
        Some(Command::History(flag)) => commands::history(ctx, flag),
        Some(Command::Clear { date, note }) => commands::clear(ctx, date, note),
        Some(Command::Health { set }) => commands::health(ctx, set),
        Some(Command::Due) => commands::due(ctx),
        Some(Command::Undo) => commands::undo(ctx),
        Some(Command::Export {
            format,
            output,
            alarm,
        }) => commands::export(ctx, format, output, alarm),
        Some(Command::Import { file, force }) => commands::import(ctx, &file, force),
        Some(Command::Shoes { action }) => commands::shoes(ctx, action),
        Some(Command::Activities { action }) => activities::activities(ctx, action),
        Some(Command::Backup { file }) => commands::backup(ctx, &file),
        Some(Command::Restore { file }) => commands::restore(ctx, &file),
        Some(Command::Sync { folder, status }) => sync::sync(ctx, folder, status),
        Some(Command::Completions { shell }) => commands::completions(shell),
        Some(Command::Schema) => {
            outln!("{}", document::plan_schema())?;
            Ok(())
        }
        Some(Command::Man { names, dir }) => man::man(&names, dir.as_deref()),
        Some(Command::Templates { action }) => commands::templates(action),
    }
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
    let text = crate::files::read_text(path, crate::plan::MAX_TEMPLATE_BYTES)
        .with_context(|| format!("template {}", path.display()))?;
    Ok(Template::parse_given(&path.display().to_string(), &text)?)
}
