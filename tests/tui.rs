//! The terminal UI on ratatui's TestBackend: every screen rendered and
//! snapshotted, banner styles asserted cell by cell, and key sequences driven
//! through `update`.

mod common;

use comeback::checkin::{CheckIn, Cleared, Flag, Numbness, Onset, SessionDone, Spot, Status};
use comeback::comeback::Comeback;
use comeback::plan::{Distance, Unit};
use comeback::store::Store;
use comeback::tui::app::{Action, App, Field, Screen};
use comeback::tui::keys::{self, BINDINGS, CONTEXTS};
use comeback::tui::update::update;
use comeback::tui::view::view;
use common::{date, profile, template};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const TODAY: &str = "2026-12-09";

/// A data dir with a plan from Mon 23 Nov and two weeks of check-ins.
/// The runner runs six days a week, so Tuesdays, Wednesdays and Fridays
/// are run days from the first week: today (Wed 9 Dec) has a run, Tue 8
/// Dec a run with no check-in, and the tingling of Fri 27 Nov and Fri 4
/// Dec came during runs.
/// A plan of six runs a week after 21 days off, with no check-ins yet.
fn fresh_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = profile(21);
    runner.runs_per_week = 6;
    Store::open(dir.path())
        .unwrap()
        .save_plan(&runner, &template("standard"), false, "test")
        .unwrap();
    dir
}

fn fixture(care: bool) -> tempfile::TempDir {
    let dir = fresh_plan();
    let mut comeback = Comeback::load(dir.path()).unwrap();
    let today = date(TODAY);
    // Tingling on Wed 25 Nov and Wed 2 Dec: a week apart, and a week
    // before today.
    for (offset, level) in [
        (0, 0),
        (2, 1),
        (4, 0),
        (6, 0),
        (7, 0),
        (9, 1),
        (11, 0),
        (13, 0),
        (14, 0),
    ] {
        let mut c = CheckIn::symptom_free(common::day(offset), None);
        if level > 0 {
            c.numbness = Numbness::TINGLING;
            c.spots = vec![Spot::Toes];
            c.onset = Some(Onset::During);
            c.cleared = Some(Cleared::Quickly);
        }
        comeback.record(c, false, today, "test").unwrap();
    }
    if care {
        let mut c = CheckIn::symptom_free(common::day(16), Some(SessionDone::Partial));
        c.numbness = Numbness::TINGLING;
        c.flags = vec![Flag::SharpPain];
        comeback.record(c, false, today, "test").unwrap();
    }
    dir
}

fn app(dir: &std::path::Path, colour: bool) -> App {
    App::load(dir, dir, date(TODAY), Some(Unit::Mi), colour).unwrap()
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn press(app: &mut App, code: KeyCode) {
    press_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

/// Types `text` a key at a time.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn press_key(app: &mut App, key: KeyEvent) {
    if let Some(action) = keys::action(&app.contexts(), key) {
        update(app, action);
    }
}

fn snapshot_all_sizes(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&draw(app, w, h)));
    }
}

#[test]
fn every_screen_renders_at_80x24_and_120x40() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    for &screen in Screen::ALL {
        app.screen = screen;
        snapshot_all_sizes(&format!("screen_{}", screen.title().to_lowercase()), &app);
    }
}

#[test]
fn the_check_in_panel_renders() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('t'));
    snapshot_all_sizes("checkin_panel", &app);
}

#[test]
fn onboarding_renders_with_a_preview() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::load(dir.path(), dir.path(), date(TODAY), None, true).unwrap();
    snapshot_all_sizes("onboarding", &app);
}

#[test]
fn the_care_takeover_renders_who_and_why() {
    let dir = fixture(true);
    let app = app(dir.path(), true);
    assert!(app.care_takeover());
    snapshot_all_sizes("care", &app);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("Book an appointment with an orthopedist"));
    assert!(screen.contains("within a week"));
    assert!(screen.contains("Wed 9 Dec: sharp pain reported"));
    assert!(screen.contains("Not medical advice"));
}

#[test]
fn a_long_care_message_scrolls_and_keeps_the_keys_and_the_notice_in_view() {
    let dir = fixture(true);
    let mut app = app(dir.path(), true);
    let screen = text(&draw(&app, 60, 16));
    assert!(screen.contains("more ↓"), "{screen}");
    assert!(
        screen.contains("Enter I understand") && screen.contains("Not medical advice"),
        "{screen}"
    );
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    let screen = text(&draw(&app, 60, 16));
    assert!(screen.contains("sharp pain reported"), "{screen}");
    assert!(!screen.contains("more ↓"), "{screen}");
}

#[test]
fn a_message_under_the_care_screen_wraps_rather_than_being_cut() {
    let dir = fixture(true);
    let mut app = app(dir.path(), true);
    app.message = Some(
        "Saved Mon 7 Dec: partly numb at the whole foot (left), at rest, has not cleared; \
         strength skipped."
            .into(),
    );
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("has not cleared;"), "{screen}");
    assert!(screen.contains("strength skipped."), "{screen}");
}

/// The cell where `needle` starts.
fn find(buffer: &Buffer, needle: &str) -> (u16, u16) {
    let lines = text(buffer);
    for (y, line) in lines.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = line[..byte].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{needle} not on screen:\n{lines}");
}

#[test]
fn the_banner_shows_the_status_in_colour_and_bold() {
    let dir = fixture(false);
    let app = app(dir.path(), true);
    let buffer = draw(&app, 80, 24);
    // The fixture's week repeats the stage after last week's symptoms: the
    // move in force, in its colour, not "ON TRACK".
    let (x, y) = find(&buffer, "HOLD");
    let cell = &buffer[(x, y)];
    assert_eq!(cell.fg, Color::Yellow);
    assert!(cell.modifier.contains(Modifier::BOLD));
    assert!(!text(&buffer).contains("ON TRACK"));
}

#[test]
fn without_colour_the_banner_keeps_its_words_and_weight() {
    let dir = fixture(false);
    let app = app(dir.path(), false);
    let buffer = draw(&app, 80, 24);
    let (x, y) = find(&buffer, "HOLD");
    let cell = &buffer[(x, y)];
    assert_eq!(cell.fg, Color::Reset);
    assert!(cell.modifier.contains(Modifier::BOLD));
    for y in 0..24 {
        for x in 0..80 {
            assert!(
                matches!(buffer[(x, y)].fg, Color::Reset),
                "colour at {x},{y} under NO_COLOR"
            );
        }
    }
}

#[test]
fn care_and_step_back_banners_use_their_own_colours() {
    let theme = comeback::tui::theme::Theme { colour: true };
    assert_eq!(theme.status(Status::SeekCare).fg, Some(Color::LightRed));
    assert_eq!(theme.status(Status::StepBack).fg, Some(Color::Magenta));
    assert_eq!(theme.status(Status::Hold).fg, Some(Color::Yellow));
    let urgent = theme.status(Status::UrgentCare);
    assert_eq!(urgent.fg, Some(Color::Red));
    assert!(urgent.add_modifier.contains(Modifier::REVERSED));
    let plain = comeback::tui::theme::Theme { colour: false };
    assert!(
        plain
            .status(Status::UrgentCare)
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn zero_on_today_records_a_symptom_free_check_in_for_today() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('0'));
    // A run day: one more step asks what was run, the plan's numbers suggested.
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.contains("What did you run? Enter keeps the numbers shown."),
        "{screen}"
    );
    assert_eq!(app.contexts(), vec![keys::Context::Ran]);
    press(&mut app, KeyCode::Enter);
    let journal = Comeback::load(dir.path()).unwrap().journal;
    let today = journal.on(date(TODAY)).expect("a check-in for today");
    assert!(
        today
            .actual
            .as_ref()
            .is_some_and(|a| a.distance.is_some() && a.minutes.is_some())
    );
    assert_eq!(today.numbness, Numbness::NONE);
    assert_eq!(
        today.session,
        Some(SessionDone::Done),
        "Wed 9 Dec is a run day"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("Saved Wed 9 Dec: no numbness")
    );
}

#[test]
fn two_t_d_enter_records_partial_numbness_at_the_toes_during_the_run() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    for key in [
        KeyCode::Char('2'),
        KeyCode::Char('t'),
        KeyCode::Char('d'),
        KeyCode::Char('q'),
        KeyCode::Enter,
    ] {
        press(&mut app, key);
    }
    assert!(app.panel().is_none(), "Enter saves and closes the panel");
    let journal = Comeback::load(dir.path()).unwrap().journal;
    let c = journal.on(date(TODAY)).unwrap();
    assert_eq!(c.numbness, Numbness::PARTLY_NUMB);
    assert_eq!(c.spots, vec![Spot::Toes]);
    assert_eq!(c.onset, Some(Onset::During));
    // Tingling in the two weeks before, and now partly numb: symptoms in
    // three separate weeks book a clinician, and the screen says so at once.
    let verdict = &app.running.as_ref().unwrap().assessment.verdict;
    assert_eq!(
        verdict.status,
        Status::SeekCare,
        "the banner updates at once"
    );
    assert!(app.care_takeover());
}

#[test]
fn escape_cancels_the_panel_without_saving() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Esc);
    assert!(app.panel().is_none());
    assert!(
        Comeback::load(dir.path())
            .unwrap()
            .journal
            .on(date(TODAY))
            .is_none()
    );
}

#[test]
fn every_field_of_the_panel_is_one_key_away() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    for key in ['1', 'b', 'c', 's', 's', 'f', 'w', 'x', 'x', 'K', '+', '+'] {
        press(&mut app, KeyCode::Char(key));
    }
    let e = &app.panel().unwrap().entry;
    assert_eq!(e.spots, vec![Spot::Ball, Spot::Calf]);
    assert_eq!(e.side, Some(comeback::checkin::Side::Right));
    assert_eq!(e.onset, Some(Onset::After));
    assert_eq!(e.cleared, Some(Cleared::Hours));
    assert_eq!(e.session, Some(SessionDone::Partial));
    assert_eq!(e.flags, vec![Flag::BackPain]);
    assert_eq!(e.minutes, Some(10));
}

#[test]
fn u_says_what_it_will_undo_then_undoes_the_last_check_in_and_capital_u_redoes_it() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    let today = |dir: &std::path::Path| {
        Comeback::load(dir)
            .unwrap()
            .journal
            .on(date(TODAY))
            .cloned()
    };
    // `0` saves at once; Esc leaves the run's numbers out and keeps it.
    press(&mut app, KeyCode::Char('0'));
    assert!(today(dir.path()).is_some(), "0 saves the day at once");
    press(&mut app, KeyCode::Esc);
    assert!(today(dir.path()).is_some(), "Esc keeps the check-in");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("Saved Wed 9 Dec: no numbness")),
        "{:?}",
        app.message
    );
    press(&mut app, KeyCode::Char('u'));
    assert!(today(dir.path()).is_some(), "the first u only asks");
    assert!(text(&draw(&app, 80, 24)).contains("Undo the check-in Wed 9 Dec: no numbness"));
    press(&mut app, KeyCode::Char('n'));
    assert!(today(dir.path()).is_some(), "n keeps it");
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('u'));
    assert!(today(dir.path()).is_none(), "u again undoes it");
    press(&mut app, KeyCode::Char('U'));
    assert!(today(dir.path()).is_some(), "U redoes it");
    press(&mut app, KeyCode::Char('U'));
    assert_eq!(app.message.as_deref(), Some("Nothing to redo."));
}

#[test]
fn history_edits_the_selected_check_in() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    app.screen = Screen::History;
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let panel = app
        .panel()
        .expect("the panel opens on the selected check-in");
    assert!(panel.editing);
    assert_eq!(panel.entry.date, common::day(13));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Enter);
    let journal = Comeback::load(dir.path()).unwrap().journal;
    assert_eq!(
        journal.on(common::day(13)).unwrap().numbness,
        Numbness::TINGLING
    );
}

/// On Today of a run day: tingling at the toes, cleared quickly, saved;
/// the run's numbers are asked next.
fn tingle_at_the_toes_on_a_run_day(app: &mut App) {
    press(app, KeyCode::Char('1'));
    press(app, KeyCode::Char('t'));
    press(app, KeyCode::Char('q'));
    press(app, KeyCode::Enter);
    assert_eq!(
        app.contexts(),
        vec![keys::Context::Ran],
        "{:?}",
        app.message
    );
}

#[test]
fn a_numbness_check_in_on_a_run_day_gets_the_runs_numbers_too() {
    // The fixture's plan with no check-ins yet (a first tingle opens no care).
    let dir = fresh_plan();
    let mut app = app(dir.path(), true);
    // Wed 9 Dec, a run day: tingling at the toes, cleared quickly.
    tingle_at_the_toes_on_a_run_day(&mut app);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("Saved. What did you run?"), "{screen}");
    // Digits replace the suggestion: 4.1 miles.
    for key in ['4', '.', '1'] {
        press(&mut app, KeyCode::Char(key));
    }
    press(&mut app, KeyCode::Enter);
    let saved = Comeback::load(dir.path())
        .unwrap()
        .journal
        .on(date(TODAY))
        .cloned()
        .unwrap();
    assert_eq!(saved.numbness, Numbness::TINGLING);
    assert_eq!(
        saved.actual.and_then(|a| a.distance).map(|d| d.value()),
        Some(4.1)
    );
    // History's edit offers the numbers again, the ones saved suggested.
    app.screen = Screen::History;
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.contexts(), vec![keys::Context::Ran]);
    assert!(text(&draw(&app, 80, 24)).contains("4.1"));
}

#[test]
fn numbness_added_later_that_day_offers_the_numbers_saved_and_keeps_them_on_esc() {
    // A symptom-free run with its numbers, then tingling that same day: the
    // form suggests the numbers saved, not the plan's, and Esc keeps them
    // (a new user's pass: the plan's 20 minutes were offered, and Esc
    // dropped the 2 miles run).
    let dir = fresh_plan();
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('0'));
    assert_eq!(
        app.contexts(),
        vec![keys::Context::Ran],
        "{:?}",
        app.message
    );
    for key in ['2', '.', '7'] {
        press(&mut app, KeyCode::Char(key));
    }
    press(&mut app, KeyCode::Enter);
    // (The strength question, if it comes: left out.)
    if app.contexts().contains(&keys::Context::Strength) {
        press(&mut app, KeyCode::Esc);
    }
    let first = Comeback::load(dir.path())
        .unwrap()
        .journal
        .on(date(TODAY))
        .cloned()
        .unwrap();
    let minutes = first.actual.as_ref().and_then(|a| a.minutes);
    // Tingling at the toes, cleared quickly.
    tingle_at_the_toes_on_a_run_day(&mut app);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("2.7"), "{screen}");
    press(&mut app, KeyCode::Esc);
    let saved = Comeback::load(dir.path())
        .unwrap()
        .journal
        .on(date(TODAY))
        .cloned()
        .unwrap();
    assert_eq!(saved.numbness, Numbness::TINGLING);
    let actual = saved.actual.unwrap();
    assert_eq!(actual.distance.map(|d| d.value()), Some(2.7));
    assert_eq!(actual.minutes, minutes);
}

#[test]
fn on_monday_the_strip_reaches_back_to_last_weeks_missed_days() {
    let dir = fixture(false);
    // Mon 14 Dec: Tue 8 to Sun 13 of last week have no check-in.
    let mut app = App::load(
        dir.path(),
        dir.path(),
        date("2026-12-14"),
        Some(Unit::Mi),
        false,
    )
    .unwrap();
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.contains("No check-in on 6 of the last 7 days (from Tue 8 Dec)"),
        "{screen}"
    );
    press(&mut app, KeyCode::Left);
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.contains("Sun 13") && screen.contains("Mon 7"),
        "last week shows: {screen}"
    );
    for _ in 0..10 {
        press(&mut app, KeyCode::Left);
    }
    assert_eq!(
        app.strip_day,
        Some(date("2026-12-07")),
        "seven days back at most"
    );
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.panel().map(|p| p.entry.date), Some(date("2026-12-08")));
}

#[test]
fn tab_moves_between_screens_and_q_goes_back_then_quits() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen, Screen::Plan);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.screen, Screen::Help);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.screen, Screen::Today);
    assert!(!app.quit);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn esc_goes_back_to_today_but_never_quits() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Today);
    // An Esc too many after a pop-up closed: the app stays, and says how to quit.
    press(&mut app, KeyCode::Esc);
    assert!(!app.quit);
    assert_eq!(app.message.as_deref(), Some("Nothing to close: q quits."));
    // In a pop-up Esc still cancels it.
    press(&mut app, KeyCode::Char('1'));
    assert!(app.panel().is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.panel().is_none() && !app.quit);
}

#[test]
fn space_ticks_a_habit() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    assert!(text(&draw(&app, 80, 24)).contains("[x]"));
    // Kept in the store: a restart shows it ticked.
    assert_eq!(Comeback::load(dir.path()).unwrap().ticks.len(), 1);
    let reopened = self::app(dir.path(), true);
    assert!(text(&draw(&reopened, 100, 30)).contains("[x]"));
}

#[test]
fn the_care_takeover_stays_until_acknowledged() {
    let dir = fixture(true);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Tab);
    assert!(app.care_takeover(), "other keys do not dismiss it");
    press(&mut app, KeyCode::Char('s'));
    assert!(text(&draw(&app, 80, 24)).contains("summary for a clinician"));
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    assert!(!app.care_takeover());
    assert!(text(&draw(&app, 80, 24)).contains("SEEK CARE"));
}

#[test]
fn the_clinician_summary_shows_its_check_ins_as_a_table_that_scrolls() {
    let dir = fixture(true);
    let mut app = app(dir.path(), false);
    press(&mut app, KeyCode::Char('s'));
    let screen = text(&draw(&app, 80, 24));
    insta::assert_snapshot!("clinician_summary_80x24", screen.clone());
    assert!(!screen.contains("| ---"), "no raw Markdown: {screen}");
    assert!(
        screen.contains("Date") && screen.contains("Numbness") && screen.contains("Ran"),
        "{screen}"
    );
    let hidden = more_below(&screen, "↓").expect("the table says how many rows are below");
    for _ in 0..hidden + 40 {
        press(&mut app, KeyCode::Down);
    }
    let end = text(&draw(&app, 80, 24));
    assert!(
        end.contains(&format!("↑ {hidden} more")) || end.contains("more┐"),
        "{end}"
    );
    // The text above scrolls on its own keys.
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.contexts(), vec![keys::Context::Care]);
}

#[test]
fn c_on_the_care_screen_records_a_clearance_with_the_clinicians_words() {
    let dir = fixture(true);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('c'));
    let screen = text(&draw(&app, 100, 30));
    assert!(screen.contains("Record a clearance"), "{screen}");
    assert!(screen.contains(TODAY), "today's date suggested: {screen}");

    type_text(&mut app, "2026-13-01");
    press(&mut app, KeyCode::Enter);
    let screen = text(&draw(&app, 100, 30));
    assert!(screen.contains("date '2026-13-01'"), "{screen}");
    assert!(app.care_takeover() || screen.contains("Record a clearance"));

    press_ctrl(&mut app, 'u');
    type_text(&mut app, "2026-11-01");
    press(&mut app, KeyCode::Enter);
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains("Not recorded"),
        "a clearance before the plan is refused: {screen}"
    );

    press_ctrl(&mut app, 'u');
    type_text(&mut app, TODAY);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "nerve glide, back to running");
    press(&mut app, KeyCode::Enter);
    assert!(!app.care_takeover(), "{:?}", app.message);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .starts_with("Clearance recorded"),
        "{:?}",
        app.message
    );
    let comeback = Comeback::load(dir.path()).unwrap();
    let clearance = comeback.journal.clearances().last().unwrap();
    assert_eq!(clearance.date, date(TODAY));
    assert_eq!(
        clearance.note.as_deref(),
        Some("nerve glide, back to running")
    );
}

#[test]
fn esc_in_the_clearance_form_goes_back_to_the_care_screen() {
    let dir = fixture(true);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Esc);
    assert!(app.care_takeover());
    assert!(
        Comeback::load(dir.path())
            .unwrap()
            .journal
            .clearances()
            .is_empty()
    );
}

#[test]
fn capital_n_in_the_panel_types_a_note_that_is_saved_with_the_check_in() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('N'));
    type_text(&mut app, "new shoes, laced loose");
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains("Note      N new shoes, laced loose"),
        "{screen}"
    );
    assert!(screen.contains("Enter keep the note"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.panel().is_some(),
        "Enter keeps the note, the panel stays"
    );
    press(&mut app, KeyCode::Char('N'));
    press_ctrl(&mut app, 'u');
    press(&mut app, KeyCode::Esc);
    assert!(app.panel().is_some(), "Esc leaves the note as it was");
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Enter);
    let comeback = Comeback::load(dir.path()).unwrap();
    let saved = comeback.journal.on(date(TODAY)).unwrap();
    assert_eq!(saved.note.as_deref(), Some("new shoes, laced loose"));
}

#[test]
fn capital_h_sets_the_health_context_that_brings_care_sooner() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('H'));
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains("Health context") && screen.contains("[ ]"),
        "{screen}"
    );
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Enter);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("clinician sooner"),
        "{:?}",
        app.message
    );
    let comeback = Comeback::load(dir.path()).unwrap();
    assert_eq!(comeback.plan.profile.health.len(), 1);

    press(&mut app, KeyCode::Char('H'));
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Esc);
    let comeback = Comeback::load(dir.path()).unwrap();
    assert_eq!(comeback.plan.profile.health.len(), 1, "Esc changes nothing");
}

#[test]
fn capital_s_adds_and_retires_shoes_and_o_in_the_panel_chooses_the_pair() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('S'));
    assert!(text(&draw(&app, 100, 30)).contains("No shoes yet"));
    for name in ["pegasus", "trail"] {
        press(&mut app, KeyCode::Char('a'));
        type_text(&mut app, name);
        press(&mut app, KeyCode::Enter);
    }
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('r'));
    assert!(text(&draw(&app, 100, 30)).contains("Retire pegasus? r again"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('r'));
    assert!(
        Comeback::load(dir.path())
            .unwrap()
            .shoes
            .iter()
            .all(|s| s.retired.is_none()),
        "one r only asks; a key between keeps the pair"
    );
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.message.as_deref(), Some("Retired pegasus."));
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('r'));
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("already retired on"),
        "{:?}",
        app.message
    );
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains("pegasus: 0.0 of") && screen.contains("(retired"),
        "{screen}"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.panel().is_none() && app.contexts().contains(&keys::Context::Today));

    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('O'));
    assert!(text(&draw(&app, 100, 30)).contains("Shoes     O trail"));
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Enter);
    let comeback = Comeback::load(dir.path()).unwrap();
    assert_eq!(comeback.shoes.len(), 2);
    let saved = comeback.journal.on(date(TODAY)).unwrap();
    assert_eq!(
        saved.shoes.as_deref(),
        Some("trail"),
        "retired pairs are not offered"
    );
}

/// The number in a "N more ↓" marker on the line holding `near`, if any.
fn more_below(screen: &str, near: &str) -> Option<u16> {
    let line = screen
        .lines()
        .find(|l| l.contains(near) && l.contains("more ↓"))?;
    let before = line.split(" more ↓").next()?;
    before
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

#[test]
fn a_verdict_that_does_not_fit_says_so_and_pages_down() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    let before = text(&draw(&app, 100, 16));
    let hidden = more_below(&before, "PgDn").expect("a marker on the verdict's border");
    let verdict_line = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("Verdict"))
            .unwrap_or("")
            .to_string()
    };
    assert!(
        !verdict_line(&before).contains('↑'),
        "nothing above yet: {before}"
    );
    for _ in 0..hidden + 3 {
        press(&mut app, KeyCode::PageDown);
    }
    assert_eq!(app.verdict_scroll, hidden, "it stops at the last line");
    let after = text(&draw(&app, 100, 16));
    assert!(after.contains("Not medical advice"), "{after}");
    assert!(more_below(&after, "PgDn").is_none(), "{after}");
    assert!(
        verdict_line(&after).contains(&format!("↑ {hidden} more")),
        "{after}"
    );
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.verdict_scroll, hidden - 1);
}

#[test]
fn pgdn_moves_the_clinician_summary_by_a_page_not_a_line() {
    let dir = fixture(true);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('s'));
    let screen = text(&draw(&app, 80, 24));
    let hidden = more_below(&screen, "PgDn").expect("a marker on the summary's border");
    let page = app.page.get();
    assert!(page > 2, "{screen}");
    press(&mut app, KeyCode::PageDown);
    let after = text(&draw(&app, 80, 24));
    let left = more_below(&after, "PgDn").unwrap_or(0);
    assert_eq!(left, hidden.saturating_sub(page - 1), "{after}");
}

#[test]
fn pgdn_on_help_moves_the_keys_by_a_page() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('?'));
    draw(&app, 80, 24);
    let page = usize::from(app.page.get());
    assert!(page > 10, "{page}");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.help_row, page - 1);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.help_row, 0);
}

/// A fixture whose verdict carries everything at once: a run that jumped
/// well past the 30-day longest (an injury-risk warning), reasons, advice.
fn fixture_with_a_jump() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    // Three days off: the runs before the layoff still cover the 30 days.
    store
        .save_plan(&profile(3), &template("standard"), false, "test")
        .unwrap();
    drop(store);
    let mut comeback = Comeback::load(dir.path()).unwrap();
    let today = date(TODAY);
    for offset in [4, 11] {
        let mut c = CheckIn::symptom_free(common::day(offset), None);
        c.numbness = Numbness::TINGLING;
        c.spots = vec![Spot::Toes];
        c.onset = Some(Onset::During);
        c.cleared = Some(Cleared::Quickly);
        comeback.record(c, false, today, "test").unwrap();
    }
    let mut run = CheckIn::symptom_free(today - chrono::Days::new(1), Some(SessionDone::Done));
    run.actual = Some(comeback::checkin::Actual {
        distance: Some(Distance::from_value(14.0)),
        ..Default::default()
    });
    comeback.record(run, false, today, "test").unwrap();
    dir
}

#[test]
fn every_verdict_line_is_reachable_with_a_marker_at_80x24_and_100x30() {
    let dir = fixture_with_a_jump();
    for (w, h) in [(80, 24), (100, 30)] {
        let mut app = app(dir.path(), false);
        let verdict = app.running.as_ref().unwrap().assessment.verdict.clone();
        let next = app
            .running
            .as_ref()
            .unwrap()
            .assessment
            .next
            .describe()
            .unwrap();
        let mut seen = text(&draw(&app, w, h));
        insta::assert_snapshot!(format!("today_every_line_{w}x{h}"), seen.clone());
        // The injury-risk warning and the Next line need no scrolling.
        assert!(seen.contains("more than 10% longer"), "{w}x{h}: {seen}");
        assert!(seen.contains("Next: stage"), "{w}x{h}: {seen}");
        let hidden = more_below(&seen, "PgDn").unwrap_or(0);
        for _ in 0..hidden {
            press(&mut app, KeyCode::PageDown);
            seen.push_str(&text(&draw(&app, w, h)));
        }
        let flat: String = seen.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in verdict.reasons.iter().chain(&verdict.advice).chain([&next]) {
            // Each line's start and end were on screen at some point.
            let words: Vec<&str> = line.split_whitespace().collect();
            let head = words[..words.len().min(4)].join(" ");
            let tail = words[words.len().saturating_sub(3)..].join(" ");
            assert!(
                flat.contains(&head) && flat.contains(&tail),
                "{w}x{h}: '{line}' never shown"
            );
        }
    }
}

#[test]
fn a_checklist_that_does_not_fit_counts_what_is_below_and_follows_the_selection() {
    let dir = fixture(false);
    let mut app = app(dir.path(), false);
    let before = text(&draw(&app, 80, 24));
    let hidden = more_below(&before, "↓ selects").expect("a marker on the checklist");
    assert!(hidden > 0, "{before}");
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
    }
    let after = text(&draw(&app, 80, 24));
    assert!(
        more_below(&after, "↓ selects").is_none_or(|n| n < hidden),
        "{after}"
    );
    assert!(
        after.contains("more┐") || after.contains(" more"),
        "{after}"
    );
}

#[test]
fn onboarding_validates_inline_and_saves_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::load(dir.path(), dir.path(), date(TODAY), None, true).unwrap();
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Char('x'));
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.contains("layoff 'x': expected a number of days or weeks, like 21d, 3w or 5 weeks"),
        "{screen}"
    );
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "10 weeks");
    for _ in 0..Field::ALL.len() - 1 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.onboarding().is_none(), "{:?}", app.message);
    let comeback = Comeback::load(dir.path()).unwrap();
    assert_eq!(comeback.plan.profile.layoff_days, 70);
    assert_eq!(comeback.plan.weeks[0].phase, comeback::plan::Phase::RunWalk);
}

#[test]
fn help_lists_every_binding_of_the_key_table() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    app.screen = Screen::Help;
    let seen = text(&draw(&app, 120, 250));
    for context in CONTEXTS {
        assert!(seen.contains(context.title()), "{}", context.title());
    }
    for binding in BINDINGS.iter().filter(|b| !b.label.is_empty()) {
        assert!(seen.contains(binding.help), "help lacks '{}'", binding.help);
    }
}

#[test]
fn i_imports_runs_from_a_watch_file_and_says_what_came_of_it() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    // A run on Tue 8 Dec (a planned run of the six a week) from a TCX.
    let file = dir.path().join("tuesday.tcx");
    std::fs::write(
        &file,
        r#"<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>2026-12-08T07:00:00Z</Id>
        <Lap><TotalTimeSeconds>1800</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters></Lap>
        </Activity></Activities></TrainingCenterDatabase>"#,
    )
    .unwrap();
    press(&mut app, KeyCode::Char('i'));
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.contains("Import runs") && screen.contains("From: "),
        "{screen}"
    );
    assert_eq!(app.contexts(), vec![keys::Context::Import]);
    // The folder is filled in; the file name is typed after it.
    type_text(&mut app, "tuesday.tcx");
    press(&mut app, KeyCode::Enter);
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("1 run recorded"), "{message}");
    let journal = Comeback::load(dir.path()).unwrap().journal;
    assert_eq!(journal.runs().len(), 1);
    // Again: already there; a path that is not there says so.
    press(&mut app, KeyCode::Char('i'));
    type_text(&mut app, "tuesday.tcx");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("1 already there")
    );
    press(&mut app, KeyCode::Char('i'));
    type_text(&mut app, "nowhere.fit");
    press(&mut app, KeyCode::Enter);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("nothing recorded; 1 activity not recorded (nowhere.fit: cannot read it"),
        "{message}"
    );
}

#[test]
fn a_write_under_another_process_lock_says_why_and_keeps_the_keys() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    // Another process holds the write lock (a long import, say).
    let other = rusqlite::Connection::open(dir.path().join("comeback.db")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    press(&mut app, KeyCode::Char('0'));
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("another comeback is writing; nothing was saved: try again in a moment"),
        "{message}"
    );
    // Once the lock is gone, the same key saves.
    other.execute_batch("ROLLBACK").unwrap();
    press(&mut app, KeyCode::Char('0'));
    let journal = Comeback::load(dir.path()).unwrap().journal;
    assert!(journal.on(date(TODAY)).is_some());
}

#[test]
fn writes_from_another_process_show_up_on_reload() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    let mut other = Comeback::load(dir.path()).unwrap();
    other
        .record(
            CheckIn::symptom_free(date(TODAY), None),
            false,
            date(TODAY),
            "cli",
        )
        .unwrap();
    update(&mut app, Action::Reload);
    assert!(
        app.running
            .as_ref()
            .unwrap()
            .comeback
            .journal
            .on(date(TODAY))
            .is_some()
    );
}

#[test]
fn an_undone_message_goes_when_another_process_changes_the_data_or_a_key_is_pressed() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.message.as_deref().unwrap_or("").starts_with("Undone"));
    update(&mut app, Action::Reload);
    assert!(app.message.is_some(), "nothing changed: the message stays");
    let mut other = Comeback::load(dir.path()).unwrap();
    other
        .record(
            CheckIn::symptom_free(date(TODAY), None),
            false,
            date(TODAY),
            "cli",
        )
        .unwrap();
    update(&mut app, Action::Reload);
    assert_eq!(app.message, None, "the data changed under it");

    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.message, None, "the next key clears it");
}

#[test]
fn e_opens_the_export_menu_and_writes_where_it_says() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('e'));
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains("plan (JSON)") && screen.contains("calendar (ICS)"),
        "{screen}"
    );
    assert!(screen.contains("comeback-plan-2026-12-09.json"));
    press(&mut app, KeyCode::Enter);
    let json = dir.path().join("comeback-plan-2026-12-09.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc["schema"], "comeback.plan/9");
    assert_eq!(
        app.message.as_deref(),
        Some(format!("Wrote the plan (JSON) to {}", json.display()).as_str())
    );

    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let ics = std::fs::read_to_string(dir.path().join("comeback-calendar-2026-12-09.ics")).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR"));

    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Esc);
    assert!(app.export_menu().is_none());
}

fn press_ctrl(app: &mut App, c: char) {
    press_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

#[test]
fn onboarding_fields_edit_at_the_cursor_and_ctrl_u_clears_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::load(dir.path(), dir.path(), date(TODAY), None, true).unwrap();
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(
        app.onboarding().unwrap().layoff.value(),
        "5w",
        "the first key replaces the default"
    );
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Char('0'));
    assert_eq!(app.onboarding().unwrap().weekly.value(), "205");
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Delete);
    assert_eq!(app.onboarding().unwrap().weekly.value(), "05");
    press_ctrl(&mut app, 'u');
    type_text(&mut app, "30");
    assert_eq!(app.onboarding().unwrap().weekly.value(), "30");

    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.onboarding().unwrap().current(), Field::Unit);
    let before = app.onboarding().unwrap().unit;
    press(&mut app, KeyCode::Right);
    assert_ne!(
        app.onboarding().unwrap().unit,
        before,
        "← / → change a choice"
    );
}

#[test]
fn a_paste_types_its_printable_characters_capped_by_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::load(dir.path(), dir.path(), date(TODAY), None, true).unwrap();
    for action in keys::paste(&app.contexts(), "1\n0\x1bw and a lot more text") {
        update(&mut app, action);
    }
    assert_eq!(app.onboarding().unwrap().layoff.value(), "10w and a lo");
    assert!(
        keys::paste(&[keys::Context::Global], "3").is_empty(),
        "no paste where nothing is typed"
    );
}

#[test]
fn the_export_path_edits_at_the_cursor() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('e'));
    press_ctrl(&mut app, 'u');
    let target = dir.path().join("my plan.json");
    type_text(&mut app, &target.display().to_string());
    for _ in 0.."plan.json".len() {
        press(&mut app, KeyCode::Left);
    }
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Char('-'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    let menu = app.export_menu().unwrap();
    assert!(
        menu.path.value().ends_with("my-plan.json"),
        "{:?}",
        menu.path
    );
    press(&mut app, KeyCode::Enter);
    assert!(
        dir.path().join("my-plan.json").is_file(),
        "{:?}",
        app.message
    );
}

#[test]
fn tiny_terminals_say_the_size_they_need_and_never_panic() {
    let dir = fixture(true);
    let mut apps = vec![app(dir.path(), true)];
    let onboarding = tempfile::tempdir().unwrap();
    apps.push(
        App::load(
            onboarding.path(),
            onboarding.path(),
            date(TODAY),
            None,
            false,
        )
        .unwrap(),
    );
    for app in &mut apps {
        for &screen in Screen::ALL {
            app.screen = screen;
            for w in 1..=62 {
                for h in 1..=18 {
                    draw(app, w, h);
                }
            }
        }
    }
    let small = text(&draw(&apps[0], 40, 10));
    assert!(
        small.contains("at least") && small.contains("60x16"),
        "{small}"
    );
}

#[test]
fn a_care_verdict_that_arrives_while_the_panel_is_open_takes_the_keys() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('2'));
    assert!(app.panel().is_some());
    let mut other = Comeback::load(dir.path()).unwrap();
    let mut weak = CheckIn::symptom_free(common::day(15), None);
    weak.flags = vec![Flag::Weakness];
    other.record(weak, false, date(TODAY), "cli").unwrap();
    update(&mut app, Action::Reload);
    assert_eq!(app.contexts(), vec![keys::Context::Care]);
    assert!(text(&draw(&app, 80, 24)).contains("URGENT CARE"));
    press(&mut app, KeyCode::Enter);
    let journal = Comeback::load(dir.path()).unwrap().journal;
    assert!(
        journal.on(date(TODAY)).is_none(),
        "Enter went to the care screen, not the hidden panel"
    );
}

#[test]
fn enter_without_saying_how_soon_it_went_asks_once_then_saves() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    assert!(app.panel().is_some(), "asked, not saved");
    assert!(text(&draw(&app, 100, 30)).contains("How soon did it go?"));
    press(&mut app, KeyCode::Enter);
    assert!(
        app.panel().is_none(),
        "the second Enter saves it as not said"
    );
    let journal = Comeback::load(dir.path()).unwrap().journal;
    assert_eq!(journal.on(date(TODAY)).unwrap().cleared, None);
}

#[test]
fn a_flag_on_a_symptom_free_day_asks_whether_it_settled() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('0'));
    press(&mut app, KeyCode::Char('I'));
    assert!(text(&draw(&app, 100, 30)).contains("Settled"));
    press(&mut app, KeyCode::Enter);
    assert!(text(&draw(&app, 100, 30)).contains("Did it settle?"));
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Enter);
    let journal = Comeback::load(dir.path()).unwrap().journal;
    let saved = journal.on(date(TODAY)).unwrap();
    assert_eq!(
        (saved.flags.clone(), saved.cleared),
        (vec![Flag::ColdPale], Some(Cleared::Quickly))
    );
    let care = Comeback::load(dir.path())
        .unwrap()
        .assess(date(TODAY))
        .verdict
        .care;
    assert_eq!(
        care.map(|c| c.when),
        Some(comeback::checkin::When::TwoWorkingDays)
    );
}

#[test]
fn zero_over_a_symptomatic_day_asks_before_replacing_it() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    for key in [
        KeyCode::Char('2'),
        KeyCode::Char('t'),
        KeyCode::Char('d'),
        KeyCode::Char('q'),
        KeyCode::Enter,
    ] {
        press(&mut app, key);
    }
    // The care it opened is acknowledged first.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('0'));
    assert!(app.replace().is_some(), "{:?}", app.message);
    assert_eq!(app.contexts(), vec![keys::Context::Replace]);
    assert!(text(&draw(&app, 80, 24)).contains("Replace it with: no numbness?"));
    press(&mut app, KeyCode::Char('n'));
    let journal = Comeback::load(dir.path()).unwrap().journal;
    assert_eq!(
        journal.on(date(TODAY)).unwrap().numbness,
        Numbness::PARTLY_NUMB
    );
    // Yes does not lift the care the day opened: a clinician does.
    press(&mut app, KeyCode::Char('0'));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.replace().is_none());
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("would lift the care open since"), "{said}");
    let journal = Comeback::load(dir.path()).unwrap().journal;
    assert_eq!(
        journal.on(date(TODAY)).unwrap().numbness,
        Numbness::PARTLY_NUMB
    );
}

#[test]
fn every_new_word_of_the_panel_is_one_key_away() {
    use comeback::checkin::{Ease, Onset};
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('1'));
    for key in "gvpIj>".chars() {
        press(&mut app, KeyCode::Char(key));
    }
    let e = &app.panel().unwrap().entry;
    assert_eq!(e.spots, vec![Spot::BetweenToes]);
    assert_eq!(e.onset, Some(Onset::Night));
    assert_eq!(e.eased_by, vec![Ease::Stopping, Ease::SittingOrBending]);
    assert_eq!(e.flags, vec![Flag::ColdPale]);
    assert_eq!(e.cleared_minutes, Some(5));
}

#[test]
fn onboarding_asks_for_the_health_context_and_saves_it() {
    use comeback::checkin::Health;
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::load(dir.path(), dir.path(), date(TODAY), None, true).unwrap();
    for _ in 0..9 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    let screen = text(&draw(&app, 80, 24));
    let line = screen
        .lines()
        .find(|l| l.contains("Health context (care sooner)"));
    assert!(line.is_some_and(|l| l.contains("diabetes")), "{screen}");
    for _ in 10..Field::ALL.len() {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.onboarding().is_none(), "{:?}", app.message);
    let comeback = Comeback::load(dir.path()).unwrap();
    assert_eq!(comeback.plan.profile.health, vec![Health::Diabetes]);
}

#[test]
fn onboarding_says_what_numb_now_does_to_the_plan_before_saving() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::load(dir.path(), dir.path(), date(TODAY), None, true).unwrap();
    for _ in 0..8 {
        press(&mut app, KeyCode::Down);
    }
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains("Numb now would start with run/walk on the cautious template"),
        "{screen}"
    );
}

#[test]
fn x_records_a_skipped_run_and_an_unbound_key_gets_a_hint() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('x'));
    let journal = Comeback::load(dir.path()).unwrap().journal;
    let c = journal.on(date(TODAY)).unwrap();
    assert_eq!(c.session, Some(SessionDone::Skipped));
    assert_eq!(c.numbness, Numbness::NONE);
    update(&mut app, Action::Unbound);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("? lists the keys")
    );
}

#[test]
fn ctrl_r_redoes_and_plain_r_still_reloads() {
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    let r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
    let global = [keys::Context::Global];
    assert_eq!(keys::action(&global, ctrl_r), Some(Action::Redo));
    assert_eq!(keys::action(&global, r), Some(Action::Reload));
}

#[test]
fn enter_on_plan_shows_the_weeks_days_and_again_hides_them() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    app.screen = Screen::Plan;
    press(&mut app, KeyCode::Enter);
    let screen = text(&draw(&app, 100, 30));
    assert!(screen.contains("(Enter hides it)"), "{screen}");
    assert!(screen.contains("Strength"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert!(!text(&draw(&app, 100, 30)).contains("(Enter hides it)"));
}

#[test]
fn the_week_strip_marks_a_day_without_a_check_in_and_enter_on_it_fills_it_in() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("Run no log"), "{screen}");
    assert!(
        screen.contains("No check-in for Thu 3 Dec, Sat 5 Dec, Tue 8 Dec"),
        "{screen}"
    );
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    let panel = app.panel().expect("the panel opens for the missed day");
    assert_eq!(panel.entry.date, date("2026-12-08"));
    press(&mut app, KeyCode::Char('0'));
    press(&mut app, KeyCode::Enter);
    // A run day: the numbers step follows; Esc leaves them out.
    assert_eq!(app.contexts(), vec![keys::Context::Ran]);
    press(&mut app, KeyCode::Esc);
    // Strength was planned that day too: one key says it was done.
    assert_eq!(app.contexts(), vec![keys::Context::Strength]);
    assert!(text(&draw(&app, 80, 24)).contains("strength session of Tue 8 Dec"));
    press(&mut app, KeyCode::Char('y'));
    let journal = Comeback::load(dir.path()).unwrap().journal;
    let saved = journal.on(date("2026-12-08")).expect("backfilled");
    assert_eq!(
        saved.actual.as_ref().and_then(|a| a.strength),
        Some(comeback::checkin::StrengthDone::Done)
    );
    assert!(
        text(&draw(&app, 80, 24))
            .contains("No check-in for Thu 3 Dec, Sat 5 Dec: ← → and Enter fill them in.")
    );
    // A day that has not happened yet cannot be checked in.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert!(app.panel().is_none());
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("has not happened yet")
    );
}

#[test]
fn today_renders_the_week_strip_at_200x50() {
    let dir = fixture(false);
    let app = app(dir.path(), true);
    insta::assert_snapshot!("screen_today_200x50", text(&draw(&app, 200, 50)));
}

/// At the narrowest terminal the whole week fits, Sunday included, and a
/// day without a check-in says it is not logged (not "missed": a rest day
/// cannot be missed).
#[test]
fn the_week_strip_shows_all_seven_days_at_the_narrowest_terminal() {
    let dir = fixture(false);
    let app = app(dir.path(), true);
    let screen = text(&draw(&app, 60, 16));
    let names = screen.lines().nth(2).unwrap_or_default().to_string();
    for day in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
        assert!(names.contains(day), "{day} in {names:?}");
    }
    assert!(screen.contains("no log"), "{screen}");
    assert!(!screen.contains("missed"), "{screen}");
    insta::assert_snapshot!("screen_today_60x16", screen);
}

/// A journal with gaps, actual numbers, an imported run and a step back.
fn progress_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = common::cli(dir.path(), "2026-12-16")
            .env("TZ", "UTC")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "new",
        "--layoff",
        "3w",
        "--weekly",
        "25",
        "--runs",
        "4",
        "--start",
        "2026-11-23",
        // Tuesdays off: the imported run of Wed 25 Nov lands on a run day.
        "--rest-days",
        "tue",
    ]);
    let gpx = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/activities/easy-run.gpx");
    run(&["activities", "import", gpx.to_str().unwrap()]);
    run(&[
        "checkin",
        "--date",
        "2026-11-29",
        "--numbness",
        "0",
        "--distance",
        "6.4",
        "--duration",
        "66",
        "--rpe",
        "4",
    ]);
    // Week 2: a gap until Sunday, then numbness during the run: a step back.
    run(&[
        "checkin",
        "--date",
        "2026-12-06",
        "--numbness",
        "2",
        "--where",
        "toes",
        "--onset",
        "during",
        "--minutes",
        "40",
        "--cleared",
        "quickly",
        "--distance",
        "5.0",
        "--duration",
        "55",
        "--rpe",
        "5",
    ]);
    run(&[
        "checkin",
        "--date",
        "2026-12-09",
        "--numbness",
        "0",
        "--strength",
        "done",
    ]);
    run(&[
        "checkin",
        "--date",
        "2026-12-13",
        "--numbness",
        "1",
        "--where",
        "toes",
        "--onset",
        "during",
        "--minutes",
        "50",
        "--cleared",
        "quickly",
        "--distance",
        "6.0",
        "--duration",
        "63",
    ]);
    run(&[
        "checkin",
        "--date",
        "2026-12-16",
        "--numbness",
        "0",
        "--distance",
        "6.2",
        "--duration",
        "64",
        "--rpe",
        "3",
    ]);
    dir
}

#[test]
fn progress_shows_planned_against_actual_the_numbness_trend_and_stage_changes() {
    let dir = progress_fixture();
    let mut app = App::load(dir.path(), dir.path(), date("2026-12-16"), None, false).unwrap();
    // Partly numb, then tingling the next week: held two weeks running, so
    // a clinician is booked; the runner acknowledges it and looks at Progress.
    assert!(app.care_takeover());
    press(&mut app, KeyCode::Enter);
    app.screen = Screen::Progress;
    for (w, h) in [(80, 24), (160, 48)] {
        let screen = text(&draw(&app, w, h));
        assert!(screen.contains("w1*"), "{screen}");
        assert!(screen.contains("stepped back"), "{screen}");
        assert!(
            screen.contains("3 days since the last numbness"),
            "{screen}"
        );
        assert!(screen.contains("· no check-in"), "{screen}");
        insta::assert_snapshot!(format!("progress_{w}x{h}"), screen);
    }
}

#[test]
fn digits_after_zero_replace_the_plans_numbers_and_a_bad_one_is_named() {
    let dir = fixture(false);
    let mut app = app(dir.path(), true);
    press(&mut app, KeyCode::Char('0'));
    type_text(&mut app, "4.2");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "41");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "11");
    press(&mut app, KeyCode::Enter);
    assert!(text(&draw(&app, 80, 24)).contains("RPE '11': expected 0 to 10"));
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    let journal = Comeback::load(dir.path()).unwrap().journal;
    let actual = journal.on(date(TODAY)).unwrap().actual.clone().unwrap();
    assert_eq!(actual.distance.map(|d| d.value()), Some(4.2));
    assert_eq!((actual.minutes, actual.rpe), (Some(41), Some(4)));
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("ran 4.2 mi in 41 min, RPE 4 of 10 (load 164: minutes x RPE)")
    );
}

#[test]
fn x_on_a_day_without_a_run_skips_nothing() {
    let dir = fixture(false);
    let week = app(dir.path(), true)
        .running
        .as_ref()
        .and_then(|r| r.week.clone())
        .expect("a week");
    let free = week
        .days
        .iter()
        .find(|d| !d.has_run() && d.date > date(TODAY))
        .map(|d| d.date)
        .expect("a day without a run after today");
    let mut app = App::load(dir.path(), dir.path(), free, Some(Unit::Mi), true).unwrap();
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(
        app.message.as_deref(),
        Some("No run is planned today: nothing to skip.")
    );
    assert!(
        Comeback::load(dir.path())
            .unwrap()
            .journal
            .on(free)
            .is_none()
    );
}

#[test]
fn every_screen_draws_at_any_size_without_panicking_and_keeps_the_notice_on_today() {
    let dir = fixture_with_a_jump();
    let mut app = app(dir.path(), false);
    app.message = Some("A long message that has to wrap on narrow terminals: ".repeat(4));
    for &screen in Screen::ALL {
        app.screen = screen;
        for w in (20..=130).step_by(7) {
            for h in (8..=46).step_by(3) {
                let screen_text = text(&draw(&app, w, h));
                if screen == Screen::Today && w >= 60 && h >= 16 {
                    assert!(
                        screen_text.contains("Not medical advice"),
                        "{w}x{h}: {screen_text}"
                    );
                }
            }
        }
    }
}

#[test]
fn u_refuses_at_once_an_undo_that_would_lift_open_care() {
    // The last change opened care (sharp pain): taking it back would lift
    // it, so `u` says so at once instead of asking first and refusing
    // after (a new user's pass).
    let dir = fixture(true);
    let mut app = app(dir.path(), true);
    if app.contexts().contains(&keys::Context::Care) {
        press(&mut app, KeyCode::Enter);
    }
    press(&mut app, KeyCode::Char('u'));
    assert!(
        !app.contexts().contains(&keys::Context::Undo),
        "{:?}",
        app.contexts()
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("Not undone:") && m.contains("care")),
        "{:?}",
        app.message
    );
    // Nothing was taken back.
    let journal = Comeback::load(dir.path()).unwrap().journal;
    assert!(journal.on(common::day(16)).is_some());
}

#[test]
fn onboarding_keeps_a_rest_day_given_twice_once() {
    // As `new --rest-days mon,mon` does: the form and the command line
    // share the rule.
    let mut form = comeback::tui::onboarding::Onboarding::new(date(TODAY), None);
    form.rest_days = comeback::tui::field::TextField::suggested("mon,mon");
    let (profile, _) = form.profile().expect("a profile");
    assert_eq!(profile.rest_days, vec![comeback::plan::Weekday::Mon]);
}
