//! The command line as clap sees it: every flag of the README's table, with value
//! parsers whose errors name the value and what is allowed.

use crate::checkin::{
    Actual, CheckIn, Cleared, Cross, Ease, Flag, Health, Numbness, Onset, SessionDone, Side, Spot,
    StrengthDone,
};
use crate::export::Format;
use crate::input::{
    RunTime, parse_date, parse_distance, parse_layoff, parse_minutes, parse_pace, parse_race,
    parse_rpe, parse_run_distance, parse_run_time, parse_runs, parse_unit,
};
use crate::plan::{Distance, Race, Unit, Weekday};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

mod values;
pub use values::{ChoiceParser, HealthChoice, Today};
use values::{parse_health, parse_time, parse_today, strength_parser, weekday_parser};

const EXAMPLES: &str = "\
Examples:
  comeback new --layoff 3w --weekly 25 --runs 4
  comeback new --layoff 8w --weekly 40 --runs 5 --long-day sat \\
      --rest-days mon,fri --race 10k=50:00
  comeback plan
  comeback today
  comeback checkin --numbness 0
  comeback checkin --numbness 2 --where toes,top --side left \\
      --onset during --minutes 20 --cleared quickly
  comeback checkin --numbness 1 --where top --onset during \\
      --eased-by loosening_laces --cleared quickly
  comeback health --set diabetes
  comeback status --json
  comeback export --format ics -o comeback.ics
  comeback export --format md -o for-my-physio.md
  comeback --data-dir /tmp/cb plan --json";

/// A return-to-running planner for runners whose feet or legs go numb.
#[derive(Debug, Parser)]
#[command(name = "comeback", version, about, after_help = EXAMPLES, args_override_self = true)]
pub struct Cli {
    /// Where the data lives (default: the platform data dir, e.g. ~/.local/share/comeback)
    #[arg(long, global = true, env = "COMEBACK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Act as if today were this date
    #[arg(long, global = true, env = "COMEBACK_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<Today>,

    /// Show distances in this unit; with `new`, the unit of the plan (default mi)
    #[arg(long, global = true, value_name = "mi|km", value_parser = parse_unit)]
    pub unit: Option<Unit>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make the plan
    New(NewArgs),
    /// The plan, week by week
    Plan(PlanArgs),
    /// Today's sessions, checks and habits
    Today(JsonFlag),
    /// Record today's numbness check-in and see the verdict
    Checkin(CheckinArgs),
    /// The verdict and where the plan stands
    Status(JsonFlag),
    /// The check-ins and the decisions taken, newest first
    History(JsonFlag),
    /// Record a clinician's all-clear of the open care verdict; runs resume one stage back
    Clear {
        /// The day you were cleared (default: today)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// What the clinician said
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Take back the last check-in or clearance change
    Undo,
    /// Show or change the health context that lowers the care thresholds
    Health {
        /// diabetes, circulation, back_history (comma-separated), or none
        #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_health)]
        set: Option<Vec<HealthChoice>>,
    },
    /// Export the plan (JSON), a calendar (ICS) or a clinician summary (Markdown)
    Export {
        /// What to export
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file (through a temporary file and a rename) instead of stdout
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// With the calendar: a reminder at this time on each session day
        #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
        alarm: Option<chrono::NaiveTime>,
    },
    /// Exit 0 quietly when today's check-in is recorded; one line and exit 1 when it is due
    Due,
    /// Copy the whole store to FILE (SQLite's online backup), ready to use as a comeback.db
    Backup {
        /// Where the copy goes
        file: PathBuf,
    },
    /// Bring back a store copied by `backup`: checked first, the current store archived, all or nothing
    Restore {
        /// The copy made by `comeback backup`
        file: PathBuf,
    },
    /// Sync this journal with your other machines through a folder your sync tool shares
    #[command(after_help = "Each machine writes only its own files in the folder \
(MACHINE.YEAR.automerge and MACHINE.main.automerge) and merges the others' before \
and after every command. Put the FOLDER in Syncthing, Dropbox or a git repository, \
never the data folder itself.\n\n\
Examples:\n  comeback sync --folder ~/Sync/comeback\n  comeback sync\n  \
comeback sync --status\n  comeback sync --folder none")]
    Sync {
        /// Join this folder (or `none` to leave it)
        #[arg(long, value_name = "DIR")]
        folder: Option<PathBuf>,
        /// List the devices in the folder and anything skipped
        #[arg(long)]
        status: bool,
    },
    /// Restore a JSON export: validated first, all or nothing
    Import {
        /// The JSON export
        file: PathBuf,
        /// Replace an existing plan and journal
        #[arg(long)]
        force: bool,
    },
    /// Your shoes and their distance
    Shoes {
        #[command(subcommand)]
        action: Option<ShoesAction>,
    },
    /// Runs recorded by a watch or phone: import GPX, TCX or FIT files, list them
    Activities {
        #[command(subcommand)]
        action: ActivitiesAction,
    },
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): the top page, or a subcommand's; --dir writes every page
    Man {
        /// The subcommand whose page to print, like checkin or shoes add
        #[arg(value_name = "SUBCOMMAND")]
        names: Vec<String>,
        /// Write comeback.1 and a comeback-<subcommand>.1 for every subcommand into DIR
        #[arg(long, value_name = "DIR", conflicts_with = "names")]
        dir: Option<PathBuf>,
    },
    /// Print the JSON Schema of the plan document (export and import)
    Schema,
    /// List the templates, or check a template file
    Templates {
        #[command(subcommand)]
        action: Option<TemplatesAction>,
    },
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON (a stable interface) instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Print JSON (a stable interface) instead of text
    #[arg(long, conflicts_with = "days")]
    pub json: bool,
    /// Every day of every week: runs with their effort, strength, rest
    #[arg(long)]
    pub days: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// How long you did not run: days or weeks, like 21d, 3w or "5 weeks"
    #[arg(long, allow_hyphen_values = true, value_name = "Nd|Nw", value_parser = parse_layoff)]
    pub layoff: u32,
    /// Weekly distance before the layoff, in the plan's unit (3-200 mi, 5-320 km)
    #[arg(long, allow_negative_numbers = true, value_name = "N")]
    pub weekly: String,
    /// Runs per week
    #[arg(long, allow_negative_numbers = true, value_name = "3-6", value_parser = parse_runs)]
    pub runs: u8,
    /// Weekly distance to build towards (default: the weekly distance before)
    #[arg(long, allow_negative_numbers = true, value_name = "N")]
    pub goal: Option<String>,
    /// First day of the plan (default: today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub start: Option<NaiveDate>,
    /// A shipped template (standard, cautious) or a template file
    #[arg(long, value_name = "NAME|FILE")]
    pub template: Option<String>,
    /// You kept fit with other sport during the layoff
    #[arg(long)]
    pub cross_trained: bool,
    /// Your feet or legs go numb or tingle now (default template: cautious)
    #[arg(long)]
    pub numb_now: bool,
    /// Health context that brings care sooner (comma-separated)
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = ChoiceParser::<Health>::new())]
    pub health: Vec<Health>,
    /// The day of your long run (default: sun)
    #[arg(long, value_name = "DAY", value_parser = weekday_parser())]
    pub long_day: Option<Weekday>,
    /// Days kept free of training, comma-separated (default: the day after the long run)
    #[arg(long, value_name = "DAYS", value_delimiter = ',', value_parser = weekday_parser())]
    pub rest_days: Vec<Weekday>,
    /// Your easy pace before the layoff, per mile or km of the plan, like 9:30
    #[arg(long, value_name = "M:SS", value_parser = parse_pace, conflicts_with = "race")]
    pub easy_pace: Option<u32>,
    /// Your longest run in the month before the layoff, in the plan's unit
    /// (default: an even share of your week, so the long run builds from
    /// your everyday run)
    #[arg(long, allow_negative_numbers = true, value_name = "N")]
    pub longest_run: Option<String>,
    /// A recent race before the layoff, like 5k=25:00 or half=1:55:00 (sets the easy pace)
    #[arg(long, value_name = "DIST=TIME", value_parser = parse_race)]
    pub race: Option<Race>,
    /// Replace an existing plan
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// The day the check-in is for (default: today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    // The scale in the check-in's own words (help and man page alike).
    #[arg(long, value_name = "0-3", help = Numbness::scale())]
    pub numbness: Numbness,
    /// Where (comma-separated)
    #[arg(long = "where", value_name = "SPOTS", value_delimiter = ',', value_parser = ChoiceParser::<Spot>::new())]
    pub spots: Vec<Spot>,
    /// Which side
    #[arg(long, value_name = "SIDE", value_parser = ChoiceParser::<Side>::new())]
    pub side: Option<Side>,
    /// When it began
    #[arg(long, value_name = "ONSET", value_parser = ChoiceParser::<Onset>::new())]
    pub onset: Option<Onset>,
    /// Minutes into the run when it began
    #[arg(long, allow_negative_numbers = true, value_name = "M", value_parser = parse_minutes)]
    pub minutes: Option<u32>,
    /// How soon everything recorded went, the numbness and any warning sign:
    /// the slowest of them (quickly: within about 15 minutes)
    #[arg(long, value_name = "CLEARED", value_parser = ChoiceParser::<Cleared>::new())]
    pub cleared: Option<Cleared>,
    /// Minutes after stopping until everything recorded had cleared
    #[arg(long, allow_negative_numbers = true, value_name = "M", value_parser = parse_minutes)]
    pub cleared_minutes: Option<u32>,
    /// What eased it (comma-separated)
    #[arg(long, value_name = "WHAT", value_delimiter = ',', value_parser = ChoiceParser::<Ease>::new())]
    pub eased_by: Vec<Ease>,
    /// The day's session (default: done on a run day, rest_day otherwise)
    #[arg(long, value_name = "SESSION", value_parser = ChoiceParser::<SessionDone>::new())]
    pub session: Option<SessionDone>,
    /// Warning signs (comma-separated)
    #[arg(long = "flag", value_name = "FLAGS", value_delimiter = ',', value_parser = ChoiceParser::<Flag>::new())]
    pub flags: Vec<Flag>,
    /// The shoes you ran in
    #[arg(long, value_name = "ID")]
    pub shoes: Option<String>,
    /// A free-text note
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Distance run (in the plan's unit, or --unit's)
    #[arg(long, allow_negative_numbers = true, value_name = "N", value_parser = parse_run_distance)]
    pub distance: Option<f64>,
    /// Time run: minutes, or M:SS / H:MM:SS (kept in whole minutes)
    #[arg(long, allow_negative_numbers = true, value_name = "MIN", value_parser = parse_run_time)]
    pub duration: Option<RunTime>,
    /// How hard the run felt, 0 (rest) to 10 (maximal)
    #[arg(long, allow_negative_numbers = true, value_name = "0-10", value_parser = parse_rpe)]
    pub rpe: Option<u8>,
    /// The day's strength session
    #[arg(long, value_name = "DONE", value_parser = strength_parser())]
    pub strength: Option<StrengthDone>,
    /// Cross-training done, like bike:30 (bike, swim, elliptical, row, walk, other)
    #[arg(long, value_name = "KIND:MIN")]
    pub cross: Option<Cross>,
    /// Overwrite a check-in of that day that reports numbness or a warning flag
    #[arg(long)]
    pub replace: bool,
}

impl CheckinArgs {
    /// The check-in the arguments describe (for today unless `--date`); a
    /// distance given in `given` is kept in the plan's unit `plan`.
    pub fn check_in(self, today: NaiveDate, (given, plan): (Unit, Unit)) -> CheckIn {
        let actual = Actual {
            distance: self
                .distance
                .map(|d| Distance::from_value(d).convert(given, plan)),
            minutes: self.duration.map(RunTime::minutes),
            rpe: self.rpe,
            strength: self.strength,
            cross: self.cross,
        };
        CheckIn {
            date: self.date.unwrap_or(today),
            numbness: self.numbness,
            spots: self.spots,
            side: self.side,
            onset: self.onset,
            minutes: self.minutes,
            cleared: self.cleared,
            cleared_minutes: self.cleared_minutes,
            eased_by: self.eased_by,
            flags: self.flags,
            shoes: self.shoes,
            note: self.note,
            seq: 0,
            session: self.session,
            actual: None,
            recorded: None,
        }
        .with_actual(actual)
    }
}

#[derive(Debug, Subcommand)]
pub enum ShoesAction {
    /// List the pairs with their distance
    List,
    /// Add a pair; later check-ins count towards the newest pair unless they name one
    Add {
        /// A name for the pair, e.g. "pegasus-41"
        name: String,
        /// Distance already on the pair (in the plan's unit, or --unit's)
        #[arg(long, allow_negative_numbers = true, value_name = "N", default_value_t = 0.0, value_parser = parse_distance)]
        start_distance: f64,
    },
    /// Retire a pair
    Retire {
        /// The pair's name
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActivitiesAction {
    /// Read run files (or a folder of them, like a watch's GARMIN/Activity) and record each on its day
    Import {
        /// GPX, TCX or FIT files, or folders holding them
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Say what would be recorded, and record nothing
        #[arg(long)]
        dry_run: bool,
        /// Place the file's run on this day, a day with a planned run up to today, instead of the day it was run (one file)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        to: Option<NaiveDate>,
    },
    /// The imported runs, oldest first
    List(JsonFlag),
}

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// List the shipped templates
    List,
    /// Validate a template file
    Check {
        /// The template file
        file: PathBuf,
    },
}

impl Command {
    /// Whether the command reads or writes the journal, so a joined sync
    /// folder is merged before it and sent to after it.
    /// Whether the command syncs through its own store, before and after
    /// (`checkin`), instead of around it.
    pub fn syncs_itself(&self) -> bool {
        matches!(self, Command::Checkin(_))
    }

    pub fn is_synced(&self) -> bool {
        !matches!(
            self,
            Command::Sync { .. }
                | Command::Completions { .. }
                | Command::Schema
                | Command::Man { .. }
                | Command::Templates { .. }
                | Command::Backup { .. }
                | Command::Restore { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
