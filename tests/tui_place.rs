//! The TUI's import (`i`) of a run from a swapped day (issue 21, item 6):
//! it offers the nearest planned run with no record, `y` places the run
//! there as `activities import FILE --to DATE` does, `n` leaves it out.

mod common;

use comeback::comeback::Comeback;
use comeback::tui::app::{App, Mode};
use comeback::tui::keys;
use comeback::tui::update::update;
use comeback::tui::view::view;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/activities")
        .join(name)
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(action) = keys::action(&app.contexts(), KeyEvent::new(code, KeyModifiers::NONE)) {
        update(app, action);
    }
}

/// Opens the import pop-up, clears its folder and types `path`.
fn import(app: &mut App, path: &Path) {
    press(app, KeyCode::Char('i'));
    let clear = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    if let Some(action) = keys::action(&app.contexts(), clear) {
        update(app, action);
    }
    for c in path.display().to_string().chars() {
        press(app, KeyCode::Char(c));
    }
    press(app, KeyCode::Enter);
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    buffer
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The plan of `common::activities_plan_dir` (rest on Thursdays and
/// Fridays) on Mon 30 Nov, with Sunday's long run already imported.
fn app_with_sundays_run() -> (tempfile::TempDir, App) {
    let dir = common::activities_plan_dir();
    let today = common::date("2026-11-30");
    let mut app = App::load(dir.path(), dir.path(), today, None, true).unwrap();
    import(&mut app, &fixture("long-run.tcx"));
    (dir, app)
}

#[test]
fn a_run_from_a_day_with_no_run_planned_is_placed_on_the_nearest_planned_run_with_y() {
    let (dir, mut app) = app_with_sundays_run();
    // Thu 26 Nov is a rest day; Wed 25 Nov's planned run has no record.
    import(&mut app, &fixture("late-run.gpx"));
    assert!(matches!(app.mode, Mode::Place(_)), "{:?}", app.message);
    let asked = screen(&app);
    assert!(
        asked.contains("Thu 26 Nov has no run planned")
            && asked.contains("Place this run on Wed 25 Nov?"),
        "{asked}"
    );
    press(&mut app, KeyCode::Char('y'));
    assert!(matches!(app.mode, Mode::Browse));
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("1 run recorded"), "{message}");
    let journal = Comeback::load(dir.path()).unwrap().journal;
    assert!(
        journal
            .runs()
            .iter()
            .any(|r| r.date == common::date("2026-11-25")),
        "{:?}",
        journal.runs()
    );
}

#[test]
fn n_leaves_the_run_out_and_says_how_to_place_it_later() {
    let (dir, mut app) = app_with_sundays_run();
    import(&mut app, &fixture("late-run.gpx"));
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.mode, Mode::Browse));
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("--to DATE"), "{message}");
    assert_eq!(Comeback::load(dir.path()).unwrap().journal.runs().len(), 1);
}
