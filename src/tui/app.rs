//! The TUI's state; `update` (its own file) is the only place it changes. Which pop-up
//! owns the keys is one value, [`Mode`], read alike by `update`, `view` and
//! the key contexts; a care verdict is a mode that takes the keys as well as
//! the screen. Writes go through the same `Comeback` the command line uses.

pub use super::action::Action;
pub use super::clearance::ClearanceForm;
pub use super::export_menu::ExportMenu;
pub use super::health::HealthForm;
pub use super::onboarding::{Field, Onboarding};
pub use super::panel::{Panel, Replace};
pub use super::ran::RanForm;
pub use super::shoes::ShoesForm;

use super::keys::Context;
use crate::checkin::{Assessment, CareLevel, CheckIn};
use crate::comeback::{Comeback, FirstLook, LoadError};
use crate::plan::{Unit, Week};
use crate::shoes::ShoeMileage;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Screen {
    Today,
    Plan,
    Progress,
    History,
    Help,
}

impl Screen {
    /// Every screen, in the order declared (derived: none can be left out).
    pub const ALL: &'static [Screen] = <Screen as strum::VariantArray>::VARIANTS;

    pub fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Plan => "Plan",
            Screen::Progress => "Progress",
            Screen::History => "History",
            Screen::Help => "Help",
        }
    }

    pub(super) fn step(self, by: isize) -> Screen {
        let i = Screen::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        let n = Screen::ALL.len() as isize;
        Screen::ALL[((i + by).rem_euclid(n)) as usize]
    }
}

/// Who has the keys, and what is drawn on top.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// No plan yet: the onboarding form.
    Onboarding(Onboarding),
    /// A care verdict fills the screen until acknowledged; `summary` shows
    /// the clinician summary instead: its check-ins scrolled by `scroll`
    /// rows, its text by `text_scroll` lines.
    Care {
        summary: bool,
        scroll: usize,
        text_scroll: usize,
    },
    /// The clearance form, over the care screen.
    Clearance(ClearanceForm),
    /// The check-in panel.
    Panel(Panel),
    /// The question before a symptomatic or flagged check-in is replaced.
    Replace(Replace),
    /// The question before the last change is undone: what it is, in words.
    Undo(String),
    /// The export menu.
    Export(ExportMenu),
    /// The import pop-up.
    Import(super::import_form::ImportForm),
    /// The health-context pop-up.
    Health(HealthForm),
    /// What was run, after a run day's check-in is saved.
    Ran(RanForm),
    /// Whether the day's strength session was done, after its check-in.
    Strength(crate::checkin::CheckIn),
    /// Whether to place a run from a file, on a day with no run planned,
    /// on the nearest planned run with no record.
    Place(Place),
    /// The shoes pop-up.
    Shoes(ShoesForm),
    /// The screens, with no pop-up.
    Browse,
}

impl Mode {
    /// The key contexts of the mode, strongest first.
    pub fn contexts(&self, screen: Screen) -> Vec<Context> {
        match self {
            Mode::Onboarding(_) => vec![Context::Onboarding],
            Mode::Care { .. } => vec![Context::Care],
            Mode::Clearance(_) => vec![Context::Clearance],
            Mode::Panel(panel) if panel.note.is_some() => vec![Context::Note],
            Mode::Panel(_) => vec![Context::Panel],
            Mode::Replace(_) => vec![Context::Replace],
            Mode::Undo(_) => vec![Context::Undo],
            Mode::Export(_) => vec![Context::Export],
            Mode::Import(_) => vec![Context::Import],
            Mode::Health(_) => vec![Context::Health],
            Mode::Ran(_) => vec![Context::Ran],
            Mode::Strength(_) => vec![Context::Strength],
            Mode::Place(_) => vec![Context::Place],
            Mode::Shoes(form) if form.adding.is_some() => vec![Context::ShoeName],
            Mode::Shoes(_) => vec![Context::Shoes],
            Mode::Browse => match screen {
                Screen::Today => vec![Context::Today, Context::Global],
                Screen::History => vec![Context::History, Context::Global],
                Screen::Plan => vec![Context::Plan, Context::Global],
                _ => vec![Context::Global],
            },
        }
    }
}

/// A run from a file on a day with no run planned, and the nearest
/// planned run with no record, where it may go (`activities import --to`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub ran: NaiveDate,
    pub near: NaiveDate,
}

/// The loaded comeback and what the journal says about it today.
pub struct Running {
    pub comeback: Comeback,
    pub assessment: Assessment,
    /// Each pair of shoes' distance, as of the assessment.
    pub mileage: Vec<ShoeMileage>,
    /// Today's week with its sessions.
    pub week: Option<Week>,
    /// Every scheduled week with its sessions, laid out once per change
    /// and only when a screen asks (the first frame needs only this week).
    schedule: std::cell::OnceCell<Vec<Week>>,
}

/// How long a write from the terminal UI waits for another process's.
const WRITE_PATIENCE: std::time::Duration = std::time::Duration::from_millis(300);

impl Running {
    pub(super) fn new(comeback: Comeback, today: NaiveDate) -> Running {
        Running::with(comeback, today, None)
    }

    /// The running comeback with the first look [`Comeback::load_first`]
    /// gave, if any: assessed now otherwise.
    fn with(mut comeback: Comeback, today: NaiveDate, first: Option<FirstLook>) -> Running {
        // A write waits a moment for another process's, then says so: the
        // keys never freeze for the command line's ten seconds. (Should the
        // setting fail, writes wait as long as the command line's.)
        let _ = comeback.set_patience(WRITE_PATIENCE);
        let (assessment, mileage) = first.unwrap_or_else(|| comeback.assess_with_mileage(today));
        let mut running = Running {
            comeback,
            assessment,
            mileage,
            week: None,
            schedule: std::cell::OnceCell::new(),
        };
        running.lay_out();
        running
    }

    pub(super) fn refresh(&mut self, today: NaiveDate) {
        (self.assessment, self.mileage) = self.comeback.assess_with_mileage(today);
        self.lay_out();
    }

    /// Lays out today's week; the others wait for [`Running::schedule`].
    pub(super) fn lay_out(&mut self) {
        self.schedule = std::cell::OnceCell::new();
        self.week = self.assessment.current.and_then(|i| {
            self.assessment
                .week(&self.comeback.plan, &self.comeback.template, i)
        });
    }

    /// Every scheduled week with its sessions.
    pub fn schedule(&self) -> &[Week] {
        self.schedule.get_or_init(|| {
            self.assessment
                .schedule(&self.comeback.plan, &self.comeback.template)
        })
    }
}

pub struct App {
    pub data_dir: PathBuf,
    /// Where `e` writes exports.
    pub export_dir: PathBuf,
    pub today: NaiveDate,
    /// The local time the journal records writes at, set by the event loop
    /// like `today`: `update` reads no clock.
    pub now: String,
    pub unit: Option<Unit>,
    /// False under `NO_COLOR`: meaning is carried by text and modifiers.
    pub colour: bool,
    pub screen: Screen,
    pub mode: Mode,
    pub running: Option<Running>,
    /// The care verdict (by its first day and level) the runner has
    /// acknowledged; a stronger level takes the screen again.
    pub care_seen: Option<(NaiveDate, CareLevel)>,
    pub message: Option<String>,
    pub habit_row: usize,
    /// The day the week strip on Today has selected, `None` for today.
    pub strip_day: Option<NaiveDate>,
    /// Lines the verdict on Today is scrolled by.
    pub verdict_scroll: u16,
    /// Lines the sessions box on Today is scrolled by.
    pub sessions_scroll: u16,
    /// How far the sessions box can scroll when last drawn (set by the view).
    pub sessions_overflow: std::cell::Cell<u16>,
    /// How many lines of the verdict did not fit when it was last drawn:
    /// the most it can scroll. Set by the view, read by `update`.
    pub verdict_overflow: std::cell::Cell<u16>,
    /// How many lines of the care takeover's "why" did not fit when it was
    /// last drawn: the most it can scroll.
    pub care_overflow: std::cell::Cell<u16>,
    /// How far the clinician summary's text can scroll (set by the view).
    pub summary_overflow: std::cell::Cell<u16>,
    /// The lines in view of the box PgUp/PgDn scroll (Today's verdict or
    /// the summary's text), set by the view: a page.
    pub page: std::cell::Cell<u16>,
    pub plan_row: usize,
    /// The week (by row) whose days the Plan screen shows.
    pub plan_open: Option<usize>,
    pub history_row: usize,
    pub help_row: usize,
    /// What undo took back in this session, newest last, for redo.
    pub redo: Vec<Redo>,
    pub quit: bool,
}

impl App {
    /// Loads the comeback in `data_dir`, or opens onboarding when there is no plan.
    pub fn load(
        data_dir: &Path,
        export_dir: &Path,
        today: NaiveDate,
        unit: Option<Unit>,
        colour: bool,
    ) -> Result<App, LoadError> {
        let mut app = App::load_first(data_dir, export_dir, today, unit, colour)?;
        app.complete();
        Ok(app)
    }

    /// [`App::load`] for the first frame: with an assessment kept today,
    /// only the last weeks of the journal are read, and [`App::complete`]
    /// must follow the first frame, before any key.
    pub fn load_first(
        data_dir: &Path,
        export_dir: &Path,
        today: NaiveDate,
        unit: Option<Unit>,
        colour: bool,
    ) -> Result<App, LoadError> {
        let (running, mode) = match Comeback::load_first(data_dir, today) {
            Ok((comeback, first)) => (Some(Running::with(comeback, today, first)), Mode::Browse),
            Err(LoadError::NoPlan(_)) => (None, Mode::Onboarding(Onboarding::new(today, unit))),
            Err(e) => return Err(e),
        };
        let plan_row = running
            .as_ref()
            .and_then(|r| r.assessment.current)
            .unwrap_or(0);
        let mut app = App {
            data_dir: data_dir.to_path_buf(),
            export_dir: export_dir.to_path_buf(),
            today,
            now: String::new(),
            unit,
            colour,
            screen: Screen::Today,
            mode,
            running,
            care_seen: None,
            message: None,
            habit_row: 0,
            strip_day: None,
            verdict_scroll: 0,
            sessions_scroll: 0,
            sessions_overflow: std::cell::Cell::new(0),
            verdict_overflow: std::cell::Cell::new(0),
            care_overflow: std::cell::Cell::new(0),
            summary_overflow: std::cell::Cell::new(0),
            page: std::cell::Cell::new(1),
            plan_row,
            plan_open: None,
            history_row: 0,
            help_row: 0,
            redo: Vec::new(),
            quit: false,
        };
        app.follow_care();
        Ok(app)
    }

    /// Reads the rest of the journal after [`App::load_first`], then takes
    /// the assessment again: the kept one when nothing changed, walked
    /// afresh when another process wrote in between.
    pub fn complete(&mut self) {
        let today = self.today;
        if let Some(running) = &mut self.running
            && !running.comeback.is_whole()
        {
            match running.comeback.complete() {
                Ok(()) => running.refresh(today),
                Err(e) => self.message = Some(format!("Could not read the journal: {e}")),
            }
        }
    }

    /// Whether a care verdict fills the screen.
    pub fn care_takeover(&self) -> bool {
        matches!(self.mode, Mode::Care { .. })
    }

    /// The key contexts that apply now, strongest first.
    pub fn contexts(&self) -> Vec<Context> {
        self.mode.contexts(self.screen)
    }

    pub fn onboarding(&self) -> Option<&Onboarding> {
        match &self.mode {
            Mode::Onboarding(form) => Some(form),
            _ => None,
        }
    }

    pub fn panel(&self) -> Option<&Panel> {
        match &self.mode {
            Mode::Panel(panel) => Some(panel),
            _ => None,
        }
    }

    pub fn replace(&self) -> Option<&Replace> {
        match &self.mode {
            Mode::Replace(pending) => Some(pending),
            _ => None,
        }
    }

    pub fn export_menu(&self) -> Option<&ExportMenu> {
        match &self.mode {
            Mode::Export(menu) => Some(menu),
            _ => None,
        }
    }

    /// The care verdict open today that the runner has not acknowledged.
    fn unseen_care(&self) -> bool {
        self.running
            .as_ref()
            .and_then(|r| r.assessment.verdict.care.as_ref())
            .is_some_and(|care| self.care_seen != Some((care.since, care.level)))
    }

    /// After every change to the assessment: a care verdict the runner has
    /// not acknowledged takes over whatever was open.
    pub(super) fn follow_care(&mut self) {
        let open = self.unseen_care();
        match (&self.mode, open) {
            (Mode::Onboarding(_) | Mode::Care { .. } | Mode::Clearance(_), true) => {}
            (Mode::Care { .. } | Mode::Clearance(_), false) => self.mode = Mode::Browse,
            (Mode::Panel(_) | Mode::Replace(_), true) => {
                self.message = Some("A care verdict came in: the check-in was not saved.".into());
                self.mode = care();
            }
            (_, true) => self.mode = care(),
            (_, false) => {}
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
            self.follow_care();
        }
    }
}

/// What redo puts back: the check-in or clearance an undo took back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redo {
    CheckIn(CheckIn),
    Clearance(crate::checkin::Clearance),
}

pub(super) fn care() -> Mode {
    Mode::Care {
        summary: false,
        scroll: 0,
        text_scroll: 0,
    }
}
