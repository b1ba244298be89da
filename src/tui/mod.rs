//! The terminal UI: one `App` state, an `Action` enum, `update` and `view`,
//! one file per screen, one key table for keys and help. It calls the same core
//! the command line calls and holds no rule of its own.

pub mod action;
pub mod app;
pub mod clearance;
pub mod export_menu;
pub mod field;
mod follow_up;
pub mod health;
pub mod import_form;
pub mod keys;
pub mod onboarding;
pub mod panel;
pub mod ran;
pub mod rows;
pub mod screens;
pub mod scroll_box;
pub mod shoes;
pub mod theme;
pub mod update;
pub mod view;
mod writes;

use action::Action;
use app::App;
use chrono::NaiveDate;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::backend::CrosstermBackend;
use std::io::{BufWriter, Stdout};
use std::path::Path;
use std::time::{Duration, Instant};

/// How often the journal is re-read, so writes from the CLI show up.
const RELOAD_EVERY: Duration = Duration::from_secs(2);

/// Restores the terminal however the run ends (panics are covered by the hook
/// ratatui installs).
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        // Best effort on the way out: the terminal may already be gone.
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
        ratatui::restore();
    }
}

/// Runs the TUI until the runner quits. `today` fixed by `--today`, or `None`
/// to follow the clock.
pub fn run(
    data_dir: &Path,
    today: Option<NaiveDate>,
    unit: Option<crate::plan::Unit>,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the terminal UI needs a terminal; the subcommands work anywhere (comeback --help)"
        );
    }
    let clock = || today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let export_dir = std::env::current_dir()?;
    // With a sync folder joined, the other machines' changes come in first.
    let synced = crate::comeback::sync(data_dir, clock());
    let mut app = App::load_first(data_dir, &export_dir, clock(), unit, colour)?;
    if let Err(e) = synced {
        app.message = Some(format!("Sync skipped: {e}"));
    }
    with_terminal(|terminal| {
        // The first frame may come from the assessment kept today, before
        // ten years of check-ins are read: they are read straight after.
        terminal.draw(|frame| view::view(&app, frame))?;
        app.complete();
        let mut last_reload = Instant::now();
        while !app.quit {
            terminal.draw(|frame| view::view(&app, frame))?;
            if event::poll(Duration::from_millis(500))? {
                let actions = match event::read()? {
                    // Windows reports releases too: act on presses only, here alone.
                    Event::Key(key) if key.kind == KeyEventKind::Press => {
                        // A key with no binding here gets a hint, not silence.
                        keys::action(&app.contexts(), key)
                            .or_else(|| {
                                matches!(key.code, crossterm::event::KeyCode::Char(_))
                                    .then_some(Action::Unbound)
                            })
                            .into_iter()
                            .collect()
                    }
                    Event::Paste(text) => keys::paste(&app.contexts(), &text),
                    _ => Vec::new(),
                };
                for action in actions {
                    app.now = crate::comeback::timestamp();
                    if matches!(
                        action,
                        Action::Quick(_)
                            | Action::Confirm
                            | Action::Undo
                            | Action::Redo
                            | Action::Skipped
                    ) {
                        update::update(&mut app, Action::Reload);
                    }
                    update::update(&mut app, action);
                }
            }
            if last_reload.elapsed() >= RELOAD_EVERY {
                app.set_today(clock());
                update::update(&mut app, Action::Reload);
                last_reload = Instant::now();
            }
        }
        Ok(())
    })?;
    // A clean close leaves everything in comeback.db itself, not in the WAL.
    if let Some(running) = &app.running {
        running.comeback.checkpoint()?;
    }
    Ok(())
}

/// The terminal the TUI draws on: a frame goes out in one write, not one
/// per kilobyte as through `Stdout`'s own line buffer, which also takes its
/// lock for every cursor move and colour.
pub type Terminal = ratatui::Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Runs `f` with the terminal in raw mode on the alternate screen, and puts it
/// back however `f` ends: returning, failing (the drop guard) or panicking
/// (the hook set here, as `ratatui::init` sets it).
pub fn with_terminal<T>(f: impl FnOnce(&mut Terminal) -> anyhow::Result<T>) -> anyhow::Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    let _restore = Restore;
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, std::io::stdout()));
    let mut terminal = Terminal::new(backend)?;
    // A paste arrives whole (one event), not as keys that could press Enter.
    crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste)?;
    f(&mut terminal)
}
