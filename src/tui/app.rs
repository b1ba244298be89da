//! The TUI's state, the actions keys turn into, and `update`: the only place
//! state changes. Writes go through the same `Comeback` the command line uses.

use crate::checkin::{
    Assessment, CheckIn, CheckInError, Cleared, Ease, Flag, Numbness, Onset, SessionDone, Side,
    Spot, short_date,
};
use crate::comeback::CheckInFailure;
use crate::comeback::{Comeback, Recorded};
use crate::export::Format;
use crate::input::{parse_date, parse_layoff, parse_weekly};
use crate::plan::{self, Distance, Plan, Profile, Template, Unit, Week};
use crate::store::Undone;
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Today,
    Plan,
    Progress,
    History,
    Help,
}

impl Screen {
    pub const ALL: [Screen; 5] = [
        Screen::Today,
        Screen::Plan,
        Screen::Progress,
        Screen::History,
        Screen::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Plan => "Plan",
            Screen::Progress => "Progress",
            Screen::History => "History",
            Screen::Help => "Help",
        }
    }

    fn step(self, by: isize) -> Screen {
        let i = Screen::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        let n = Screen::ALL.len() as isize;
        Screen::ALL[((i + by).rem_euclid(n)) as usize]
    }
}

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Back,
    NextScreen,
    PrevScreen,
    Up,
    Down,
    Help,
    Undo,
    Export,
    Reload,
    /// A one-key check-in at this numbness level.
    Quick(u8),
    Tick,
    Edit,
    Level(u8),
    Spot(Spot),
    CycleSide,
    Onset(Onset),
    Minutes(i8),
    Cleared(Cleared),
    ClearedMinutes(i8),
    Ease(Ease),
    CycleSession,
    Flag(Flag),
    Confirm,
    Toggle,
    Erase,
    /// Marks the key table's "any character" binding.
    Type,
    Char(char),
    Acknowledge,
    Summary,
}

/// The fields of the onboarding form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Layoff,
    Weekly,
    Runs,
    Goal,
    Unit,
    Start,
    Template,
    CrossTrained,
    NumbNow,
    Health,
    Save,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Layoff,
        Field::Weekly,
        Field::Runs,
        Field::Goal,
        Field::Unit,
        Field::Start,
        Field::Template,
        Field::CrossTrained,
        Field::NumbNow,
        Field::Health,
        Field::Save,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Layoff => "Time off running (e.g. 3w, 21d)",
            Field::Weekly => "Weekly distance before",
            Field::Runs => "Runs per week (3-6)",
            Field::Goal => "Goal weekly distance",
            Field::Unit => "Unit",
            Field::Start => "Start date",
            Field::Template => "Template",
            Field::CrossTrained => "Cross-trained during the layoff",
            Field::NumbNow => "Numb or tingling now",
            Field::Health => "Health context (care sooner)",
            Field::Save => "Save the plan",
        }
    }
}

/// The onboarding form's values, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Onboarding {
    pub field: usize,
    pub layoff: String,
    pub weekly: String,
    pub runs: String,
    /// Empty means "the same as before the layoff".
    pub goal: String,
    pub unit: Unit,
    pub start: String,
    /// `None`: chosen by numbness (cautious when numb now).
    pub template: Option<&'static str>,
    pub cross_trained: bool,
    pub numb_now: bool,
    /// Diabetes, circulation problems, back trouble: optional, lowers the
    /// care thresholds.
    pub health: Vec<crate::checkin::Health>,
}

impl Onboarding {
    pub fn new(today: NaiveDate, unit: Option<Unit>) -> Onboarding {
        Onboarding {
            field: 0,
            layoff: "3w".into(),
            weekly: "25".into(),
            runs: "4".into(),
            goal: String::new(),
            unit: unit.unwrap_or_default(),
            start: today.to_string(),
            template: None,
            cross_trained: false,
            numb_now: false,
            health: Vec::new(),
        }
    }

    pub fn current(&self) -> Field {
        Field::ALL[self.field.min(Field::ALL.len() - 1)]
    }

    pub fn template_name(&self) -> &'static str {
        self.template
            .unwrap_or(Template::default_name(self.numb_now))
    }

    /// The text shown for a field.
    pub fn value(&self, field: Field) -> String {
        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
        match field {
            Field::Layoff => self.layoff.clone(),
            Field::Weekly => self.weekly.clone(),
            Field::Runs => self.runs.clone(),
            Field::Goal if self.goal.is_empty() => "same as before".into(),
            Field::Goal => self.goal.clone(),
            Field::Unit => self.unit.to_string(),
            Field::Start => self.start.clone(),
            Field::Template if self.template.is_none() => {
                format!("{} (by numbness)", self.template_name())
            }
            Field::Template => self.template_name().into(),
            Field::CrossTrained => yes_no(self.cross_trained),
            Field::NumbNow => yes_no(self.numb_now),
            Field::Health if self.health.is_empty() => "none".into(),
            Field::Health => {
                let words: Vec<&str> = self.health.iter().map(|h| h.as_str()).collect();
                words.join(", ")
            }
            Field::Save => String::new(),
        }
    }

    /// The profile and template, or the first field's problem, in the same
    /// words the command line uses.
    pub fn profile(&self) -> Result<(Profile, Template), (Field, String)> {
        let layoff = parse_layoff(self.layoff.trim())
            .map_err(|e| (Field::Layoff, format!("layoff '{}': {e}", self.layoff)))?;
        let weekly = parse_weekly(self.weekly.trim())
            .map_err(|e| (Field::Weekly, format!("weekly '{}': {e}", self.weekly)))?;
        let runs = self
            .runs
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|r| plan::limits::RUNS_PER_WEEK.contains(r))
            .ok_or_else(|| {
                (
                    Field::Runs,
                    format!("runs '{}': expected 3 to 6", self.runs),
                )
            })?;
        let goal = if self.goal.trim().is_empty() {
            weekly
        } else {
            parse_weekly(self.goal.trim())
                .map_err(|e| (Field::Goal, format!("goal '{}': {e}", self.goal)))?
        };
        let start = parse_date(self.start.trim())
            .map_err(|e| (Field::Start, format!("start '{}': {e}", self.start)))?;
        let template = Template::builtin(self.template_name())
            .and_then(Result::ok)
            .ok_or_else(|| {
                (
                    Field::Template,
                    format!("template '{}' does not load", self.template_name()),
                )
            })?;
        let profile = Profile {
            layoff_days: layoff,
            weekly_before: Distance::from_value(weekly),
            goal_weekly: Distance::from_value(goal),
            runs_per_week: runs,
            unit: self.unit,
            start,
            cross_trained: self.cross_trained,
            numb_now: self.numb_now,
            health: self.health.clone(),
        };
        Ok((profile, template))
    }

    /// The plan the form would make, for the preview.
    pub fn preview(&self) -> Result<Plan, (Field, String)> {
        let (profile, template) = self.profile()?;
        plan::generate(&profile, &template).map_err(|e| (Field::Save, e.to_string()))
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self.current() {
            Field::Layoff => Some(&mut self.layoff),
            Field::Weekly => Some(&mut self.weekly),
            Field::Runs => Some(&mut self.runs),
            Field::Goal => Some(&mut self.goal),
            Field::Start => Some(&mut self.start),
            _ => None,
        }
    }

    fn toggle(&mut self) {
        match self.current() {
            Field::Unit => {
                self.unit = match self.unit {
                    Unit::Mi => Unit::Km,
                    Unit::Km => Unit::Mi,
                }
            }
            Field::Template => {
                self.template = match self.template {
                    None => Some("standard"),
                    Some("standard") => Some("cautious"),
                    Some(_) => None,
                }
            }
            Field::CrossTrained => self.cross_trained = !self.cross_trained,
            Field::NumbNow => self.numb_now = !self.numb_now,
            Field::Health => {
                // Counts through every combination, none first.
                use crate::checkin::{Choice, Health};
                let mask = Health::ALL
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| self.health.contains(h))
                    .fold(0usize, |m, (i, _)| m | 1 << i);
                let next = (mask + 1) % (1 << Health::ALL.len());
                self.health = Health::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| next & (1 << i) != 0)
                    .map(|(_, h)| *h)
                    .collect();
            }
            _ => {}
        }
    }
}

/// The check-in being put together in the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panel {
    pub entry: CheckIn,
    /// Editing an earlier check-in from History.
    pub editing: bool,
}

/// A check-in waiting for the runner to confirm that it replaces one that
/// reports numbness or a warning flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replace {
    pub entry: CheckIn,
    /// What the earlier check-in reported.
    pub what: String,
}

/// The export menu: a format and where to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportMenu {
    pub format: Format,
    pub path: String,
    /// The runner typed a path: changing the format keeps it.
    pub edited: bool,
}

/// The loaded comeback and what the journal says about it today.
pub struct Running {
    pub comeback: Comeback,
    pub assessment: Assessment,
    /// Today's week with its sessions.
    pub week: Option<Week>,
    /// Every scheduled week with its sessions, laid out once per change.
    pub schedule: Vec<Week>,
}

impl Running {
    fn new(comeback: Comeback, today: NaiveDate) -> Running {
        let assessment = comeback.assess(today);
        let mut running = Running {
            comeback,
            assessment,
            week: None,
            schedule: Vec::new(),
        };
        running.lay_out();
        running
    }

    fn refresh(&mut self, today: NaiveDate) {
        self.assessment = self.comeback.assess(today);
        self.lay_out();
    }

    fn lay_out(&mut self) {
        self.schedule = self
            .assessment
            .schedule(&self.comeback.plan, &self.comeback.template);
        self.week = self
            .assessment
            .current
            .and_then(|i| self.schedule.get(i).cloned());
    }
}

pub struct App {
    pub data_dir: PathBuf,
    /// Where `e` writes exports.
    pub export_dir: PathBuf,
    pub today: NaiveDate,
    pub unit: Option<Unit>,
    /// False under `NO_COLOR`: meaning is carried by text and modifiers.
    pub colour: bool,
    pub screen: Screen,
    pub running: Option<Running>,
    pub onboarding: Option<Onboarding>,
    pub panel: Option<Panel>,
    pub export_menu: Option<ExportMenu>,
    pub replace: Option<Replace>,
    /// The care verdict (by its first day and level) the runner has
    /// acknowledged; a stronger level takes the screen again.
    pub care_seen: Option<(NaiveDate, crate::checkin::CareLevel)>,
    pub summary: bool,
    pub message: Option<String>,
    pub habit_row: usize,
    pub plan_row: usize,
    pub history_row: usize,
    pub help_row: usize,
    pub ticked: BTreeSet<(NaiveDate, String)>,
    pub quit: bool,
    /// The local time the journal records writes at, set by the event loop
    /// like `today`: `update` reads no clock.
    pub now: String,
}

impl App {
    /// Loads the comeback in `data_dir`, or opens onboarding when there is no plan.
    pub fn load(
        data_dir: &Path,
        export_dir: &Path,
        today: NaiveDate,
        unit: Option<Unit>,
        colour: bool,
    ) -> Result<App, crate::comeback::LoadError> {
        let (running, onboarding) = match Comeback::load(data_dir) {
            Ok(comeback) => (Some(Running::new(comeback, today)), None),
            Err(crate::comeback::LoadError::NoPlan(_)) => {
                (None, Some(Onboarding::new(today, unit)))
            }
            Err(e) => return Err(e),
        };
        let plan_row = running
            .as_ref()
            .and_then(|r| r.assessment.current)
            .unwrap_or(0);
        Ok(App {
            data_dir: data_dir.to_path_buf(),
            export_dir: export_dir.to_path_buf(),
            today,
            unit,
            colour,
            screen: Screen::Today,
            running,
            onboarding,
            panel: None,
            export_menu: None,
            replace: None,
            care_seen: None,
            summary: false,
            message: None,
            habit_row: 0,
            plan_row,
            history_row: 0,
            help_row: 0,
            ticked: BTreeSet::new(),
            quit: false,
            now: String::new(),
        })
    }

    /// Whether a care verdict fills the screen.
    pub fn care_takeover(&self) -> bool {
        self.running
            .as_ref()
            .and_then(|r| r.assessment.verdict.care.as_ref())
            .is_some_and(|care| self.care_seen != Some((care.since, care.level)))
    }

    /// The key contexts that apply now, strongest first.
    pub fn contexts(&self) -> Vec<super::keys::Context> {
        use super::keys::Context;
        // The same order as `update` and `view`: care first, whatever is open.
        if self.onboarding.is_some() {
            vec![Context::Onboarding]
        } else if self.care_takeover() {
            vec![Context::Care]
        } else if self.replace.is_some() {
            vec![Context::Replace]
        } else if self.export_menu.is_some() {
            vec![Context::Export]
        } else if self.panel.is_some() {
            vec![Context::Panel]
        } else {
            match self.screen {
                Screen::Today => vec![Context::Today, Context::Global],
                Screen::History => vec![Context::History, Context::Global],
                _ => vec![Context::Global],
            }
        }
    }

    /// The check-ins, newest first, as History lists them.
    pub fn history(&self) -> Vec<&CheckIn> {
        self.running
            .as_ref()
            .map(|r| {
                r.comeback
                    .journal
                    .checkins()
                    .iter()
                    .rev()
                    .filter(|c| c.date <= self.today)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The checks and habits of today, as Today lists them.
    pub fn habits(&self) -> Vec<&crate::plan::Habit> {
        self.running
            .as_ref()
            .and_then(|r| r.week.as_ref())
            .and_then(|w| w.days.iter().find(|d| d.date == self.today))
            .map(|d| d.habits.iter().collect())
            .unwrap_or_default()
    }

    /// Moves to a new day (the clock passed midnight) and re-reads the journal.
    pub fn set_today(&mut self, today: NaiveDate) {
        if today != self.today {
            self.today = today;
            if let Some(r) = &mut self.running {
                r.refresh(today);
            }
        }
    }
}

/// Applies one action.
pub fn update(app: &mut App, action: Action) {
    if let Some(field) = app.onboarding.as_ref().map(Onboarding::current) {
        update_onboarding(app, action, field);
        return;
    }
    // What other processes wrote comes in whatever is open: a care verdict
    // among it must be able to take over.
    if action == Action::Reload {
        reload(app);
        return;
    }
    // A care verdict takes the keys as well as the screen, whatever was open.
    if app.care_takeover() {
        update_care(app, action);
        return;
    }
    if app.replace.is_some() {
        update_replace(app, action);
        return;
    }
    if app.export_menu.is_some() {
        update_export(app, action);
        return;
    }
    if app.panel.is_some() {
        update_panel(app, action);
        return;
    }
    update_screens(app, action);
}

fn update_care(app: &mut App, action: Action) {
    match action {
        Action::Acknowledge => {
            app.care_seen = app
                .running
                .as_ref()
                .and_then(|r| r.assessment.verdict.care.as_ref())
                .map(|c| (c.since, c.level))
        }
        Action::Summary => {
            app.summary = !app.summary;
            app.help_row = 0;
        }
        Action::Down if app.summary => app.help_row += 1,
        Action::Up if app.summary => app.help_row = app.help_row.saturating_sub(1),
        Action::Quit | Action::Back => app.quit = true,
        _ => {}
    }
}

fn update_replace(app: &mut App, action: Action) {
    match action {
        Action::Confirm => {
            if let Some(pending) = app.replace.take() {
                if record(app, pending.entry, true) {
                    app.panel = None;
                }
            }
        }
        Action::Back | Action::Quit => {
            app.replace = None;
            app.message = Some("Kept the earlier check-in.".into());
        }
        _ => {}
    }
}

fn update_screens(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::Back if app.summary => app.summary = false,
        Action::Back if app.screen != Screen::Today => app.screen = Screen::Today,
        Action::Back => app.quit = true,
        Action::NextScreen => app.screen = app.screen.step(1),
        Action::PrevScreen => app.screen = app.screen.step(-1),
        Action::Help => app.screen = Screen::Help,
        Action::Up | Action::Down => move_cursor(app, if action == Action::Up { -1 } else { 1 }),
        Action::Tick => {
            let today = app.today;
            let picked = app.habits().get(app.habit_row).map(|h| h.id.clone());
            if let Some(id) = picked {
                let key = (today, id);
                if !app.ticked.remove(&key) {
                    app.ticked.insert(key);
                }
            }
        }
        Action::Quick(0) => {
            let entry = CheckIn::symptom_free(app.today, None);
            record(app, entry, false);
        }
        Action::Quick(level) => {
            let mut entry = CheckIn::symptom_free(app.today, None);
            entry.numbness = Numbness::try_from(level).unwrap_or(Numbness::TINGLING);
            app.panel = Some(Panel {
                entry,
                editing: false,
            });
        }
        Action::Edit => {
            let picked = app.history().get(app.history_row).map(|c| (*c).clone());
            if let Some(entry) = picked {
                app.panel = Some(Panel {
                    entry,
                    editing: true,
                });
            }
        }
        Action::Undo => undo(app),
        Action::Export if app.running.is_some() => {
            let format = Format::Json;
            app.export_menu = Some(ExportMenu {
                format,
                path: default_export_path(app, format),
                edited: false,
            });
        }
        _ => {}
    }
}

fn move_cursor(app: &mut App, by: isize) {
    let len = match app.screen {
        Screen::Today => app.habits().len(),
        Screen::Plan => app.running.as_ref().map_or(0, |r| r.assessment.weeks.len()),
        Screen::History => app.history().len(),
        Screen::Help => super::screens::help::line_count(),
        Screen::Progress => return,
    };
    let row = match app.screen {
        Screen::Today => &mut app.habit_row,
        Screen::Plan => &mut app.plan_row,
        Screen::History => &mut app.history_row,
        _ => &mut app.help_row,
    };
    if len == 0 {
        *row = 0;
    } else {
        *row = (*row as isize + by).clamp(0, len as isize - 1) as usize;
    }
}

fn update_panel(app: &mut App, action: Action) {
    let Some(panel) = app.panel.as_mut() else {
        return;
    };
    let e = &mut panel.entry;
    match action {
        Action::Back | Action::Quit => app.panel = None,
        Action::Level(n) => e.numbness = Numbness::try_from(n).unwrap_or(e.numbness),
        Action::Spot(spot) => toggle(&mut e.spots, spot),
        Action::Flag(flag) => toggle(&mut e.flags, flag),
        Action::CycleSide => {
            e.side = match e.side {
                None => Some(Side::Left),
                Some(Side::Left) => Some(Side::Right),
                Some(Side::Right) => Some(Side::Both),
                Some(Side::Both) => None,
            }
        }
        Action::Onset(onset) => {
            e.onset = if e.onset == Some(onset) {
                None
            } else {
                Some(onset)
            }
        }
        Action::Minutes(step) => {
            let now = i64::from(e.minutes.unwrap_or(0)) + i64::from(step);
            e.minutes = (now > 0).then_some(now.min(600) as u32);
        }
        Action::Cleared(c) => e.cleared = if e.cleared == Some(c) { None } else { Some(c) },
        Action::ClearedMinutes(step) => {
            let now = i64::from(e.cleared_minutes.unwrap_or(0)) + i64::from(step);
            e.cleared_minutes = (now > 0).then_some(now.min(600) as u32);
        }
        Action::Ease(ease) => toggle(&mut e.eased_by, ease),
        Action::CycleSession => {
            e.session = match e.session {
                None => Some(SessionDone::Done),
                Some(SessionDone::Done) => Some(SessionDone::Partial),
                Some(SessionDone::Partial) => Some(SessionDone::Skipped),
                Some(SessionDone::Skipped) => Some(SessionDone::RestDay),
                Some(SessionDone::RestDay) => None,
            }
        }
        Action::Confirm => {
            // Editing a check-in from History is the runner's own replacement.
            let (entry, replace) = (e.clone(), panel.editing);
            if record(app, entry, replace) {
                app.panel = None;
            }
        }
        _ => {}
    }
}

fn toggle<T: PartialEq + Ord>(items: &mut Vec<T>, item: T) {
    match items.iter().position(|i| *i == item) {
        Some(i) => {
            items.remove(i);
        }
        None => {
            items.push(item);
            items.sort();
        }
    }
}

/// Records a check-in; says whether it was saved. With `replace` unset, a
/// symptomatic or flagged check-in of that day is not overwritten.
fn record(app: &mut App, entry: CheckIn, replace: bool) -> bool {
    let (today, now) = (app.today, app.now.clone());
    let Some(running) = app.running.as_mut() else {
        return false;
    };
    let date = entry.date;
    match running.comeback.record(entry.clone(), replace, today, &now) {
        Ok(Recorded {
            replaced,
            assessment,
        }) => {
            running.assessment = assessment;
            running.lay_out();
            let saved = running
                .comeback
                .journal
                .on(date)
                .map_or_else(|| short_date(date), CheckIn::summary);
            app.message = Some(if replaced.is_some() {
                format!("Saved {saved} (replaces the earlier one; u undoes)")
            } else {
                format!("Saved {saved}")
            });
            true
        }
        Err(CheckInFailure::Invalid(CheckInError::WouldReplace { what, .. })) => {
            app.message = Some(format!(
                "{} already has a check-in with {what}: replace it? y / n",
                short_date(date)
            ));
            app.replace = Some(Replace { entry, what });
            false
        }
        Err(e) => {
            app.message = Some(format!("Not saved: {e}"));
            false
        }
    }
}

fn undo(app: &mut App) {
    let (today, now) = (app.today, app.now.clone());
    let Some(running) = app.running.as_mut() else {
        return;
    };
    app.message = Some(match running.comeback.undo(today, &now) {
        Ok(None) => "Nothing to undo.".into(),
        Ok(Some(Undone::CheckIn {
            date,
            restored: Some(_),
        })) => format!(
            "Undone: the check-in for {} is back to its earlier value.",
            short_date(date)
        ),
        Ok(Some(Undone::CheckIn {
            date,
            restored: None,
        })) => format!("Undone: the check-in for {} was removed.", short_date(date)),
        Ok(Some(Undone::Clearance { date })) => {
            format!("Undone: the clearance of {} was removed.", short_date(date))
        }
        Err(e) => format!("Not undone: {e}"),
    });
    running.refresh(today);
}

fn reload(app: &mut App) {
    let today = app.today;
    if let Some(running) = app.running.as_mut() {
        match running.comeback.reload() {
            Ok(()) => running.refresh(today),
            Err(e) => app.message = Some(format!("Could not re-read the journal: {e}")),
        }
    }
}

fn default_export_path(app: &App, format: Format) -> String {
    export_path(&app.export_dir, app.today, format)
}

fn export_path(dir: &Path, today: NaiveDate, format: Format) -> String {
    dir.join(format.file_name(today)).display().to_string()
}

fn update_export(app: &mut App, action: Action) {
    let (dir, today) = (app.export_dir.clone(), app.today);
    let default_for = |format| export_path(&dir, today, format);
    let Some(menu) = app.export_menu.as_mut() else {
        return;
    };
    let next = |format: Format| {
        let i = Format::ALL.iter().position(|f| *f == format).unwrap_or(0);
        Format::ALL[(i + 1) % Format::ALL.len()]
    };
    match action {
        Action::Back | Action::Quit => app.export_menu = None,
        Action::Down => {
            menu.format = next(menu.format);
            if !menu.edited {
                menu.path = default_for(menu.format);
            }
        }
        Action::Char(c) => {
            menu.path.push(c);
            menu.edited = true;
        }
        Action::Erase => {
            menu.path.pop();
            menu.edited = true;
        }
        Action::Confirm => {
            let (format, path) = (menu.format, PathBuf::from(menu.path.trim()));
            app.export_menu = None;
            export(app, format, &path);
        }
        _ => {}
    }
}

/// Writes an export through a temporary file and a rename, and says where.
fn export(app: &mut App, format: Format, path: &Path) {
    let Some(running) = app.running.as_ref() else {
        return;
    };
    let written = crate::export::write_atomically(path, |out| {
        crate::export::write(
            format,
            running.comeback.snapshot(),
            &running.assessment,
            out,
        )
    });
    app.message = Some(match written {
        Ok(()) => format!("Wrote the {} to {}", format.describe(), path.display()),
        Err(e) => format!("Export failed ({}): {e}", path.display()),
    });
}

fn update_onboarding(app: &mut App, action: Action, field: Field) {
    let Some(form) = app.onboarding.as_mut() else {
        return;
    };
    match action {
        Action::Quit | Action::Back => app.quit = true,
        Action::Down => form.field = (form.field + 1).min(Field::ALL.len() - 1),
        Action::Up => form.field = form.field.saturating_sub(1),
        Action::Toggle => form.toggle(),
        Action::Char(' ') => form.toggle(),
        Action::Char(c) => {
            if let Some(text) = form.text_mut() {
                if text.chars().count() < 12 {
                    text.push(c);
                }
            }
        }
        Action::Erase => {
            if let Some(text) = form.text_mut() {
                text.pop();
            }
        }
        Action::Confirm if field == Field::Save => save_plan(app),
        Action::Confirm => form.field = (form.field + 1).min(Field::ALL.len() - 1),
        _ => {}
    }
}

fn save_plan(app: &mut App) {
    let Some(form) = app.onboarding.as_ref() else {
        return;
    };
    let (profile, template) = match form.profile() {
        Ok(p) => p,
        Err((_, problem)) => {
            app.message = Some(problem);
            return;
        }
    };
    let saved = Comeback::create(&app.data_dir, &profile, &template, false, &app.now);
    match saved {
        Ok(comeback) => {
            app.running = Some(Running::new(comeback, app.today));
            app.onboarding = None;
            app.screen = Screen::Today;
            app.message = Some("Plan saved. Press 0 after a symptom-free day; ? for help.".into());
        }
        Err(e) => app.message = Some(format!("Not saved: {e}")),
    }
}
