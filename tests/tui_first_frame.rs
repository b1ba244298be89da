//! The TUI's first frame (issue 21): drawn from the assessment kept today
//! and the last five weeks of check-ins, before the rest of the journal is
//! read, it is the frame the whole journal draws; a write from another
//! process in between is taken in when the rest is read.

mod common;

use comeback::checkin::{CheckIn, Cleared, Flag, Numbness, Onset, SessionDone, Spot};
use comeback::comeback::Comeback;
use comeback::plan::{Distance, Unit};
use comeback::store::Store;
use comeback::tui::app::App;
use comeback::tui::view::view;
use common::{date, profile, template};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::Path;

const TODAY: &str = "2026-12-09";

/// Three months of check-ins from Mon 7 Sep, back after a year off (a plan
/// still running in December), with a pair of shoes, a tingle every three
/// weeks, no check-in on Sat 5 Dec, and with `care` a sharp pain yesterday.
fn months(care: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = profile(365);
    runner.start = date("2026-09-07");
    let mut store = Store::open(dir.path()).unwrap();
    store
        .save_plan(&runner, &template("standard"), false, "test")
        .unwrap();
    drop(store);
    let mut comeback = Comeback::load(dir.path()).unwrap();
    comeback
        .add_shoe("Pegasus", Distance::from_value(40.0), "test")
        .unwrap();
    let today = date(TODAY);
    let mut day = runner.start;
    while day < today {
        if day != date("2026-12-05") {
            let mut c = CheckIn::symptom_free(day, Some(SessionDone::Done));
            if (day - runner.start).num_days() % 21 == 5 {
                c.numbness = Numbness::TINGLING;
                c.spots = vec![Spot::Toes];
                c.onset = Some(Onset::During);
                c.cleared = Some(Cleared::Quickly);
            }
            if care && day == date("2026-12-08") {
                c.numbness = Numbness::TINGLING;
                c.flags = vec![Flag::SharpPain];
            }
            comeback.record(c, true, today, "test").unwrap();
        }
        day = day.succ_opt().unwrap();
    }
    dir
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    buffer
        .content()
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn first(dir: &Path) -> App {
    App::load_first(dir, dir, date(TODAY), Some(Unit::Mi), true).unwrap()
}

fn whole(dir: &Path) -> App {
    App::load(dir, dir, date(TODAY), Some(Unit::Mi), true).unwrap()
}

fn is_whole(app: &App) -> bool {
    app.running.as_ref().unwrap().comeback.is_whole()
}

#[test]
fn the_first_frame_from_the_assessment_kept_today_is_the_frame_of_the_whole_journal() {
    for care in [false, true] {
        let dir = months(care);
        // What the TUI opened earlier today kept (the check-ins keep one too).
        Comeback::load(dir.path())
            .unwrap()
            .assess_with_mileage(date(TODAY));
        let first = first(dir.path());
        assert!(!is_whole(&first), "care {care}: the kept assessment stood");
        let whole = whole(dir.path());
        assert!(is_whole(&whole));
        let held = |app: &App| {
            app.running
                .as_ref()
                .unwrap()
                .comeback
                .journal
                .checkins()
                .len()
        };
        assert!(held(&first) < held(&whole) / 2, "only the recent check-ins");
        for (width, height) in [(80, 24), (100, 30), (200, 50)] {
            let (seen, expected) = (draw(&first, width, height), draw(&whole, width, height));
            assert_eq!(
                text(&seen),
                text(&expected),
                "care {care} at {width}x{height}"
            );
            assert_eq!(seen, expected, "care {care}: styles at {width}x{height}");
        }
        let screen = text(&draw(&first, 100, 30));
        if care {
            assert!(screen.contains("See a clinician"), "{screen}");
        } else {
            assert!(screen.contains("Shoes Pegasus"), "{screen}");
            assert!(screen.contains("Sat 5 Dec"), "the missed day: {screen}");
        }
    }
}

#[test]
fn without_an_assessment_kept_today_the_whole_journal_is_read_first() {
    let dir = months(false);
    rusqlite::Connection::open(dir.path().join("comeback.db"))
        .unwrap()
        .execute("DELETE FROM kept_assessment", [])
        .unwrap();
    let app = first(dir.path());
    assert!(is_whole(&app));
    assert_eq!(draw(&app, 100, 30), draw(&whole(dir.path()), 100, 30));
}

#[test]
fn a_check_in_another_process_saves_before_the_rest_is_read_is_taken_in() {
    let dir = months(false);
    Comeback::load(dir.path())
        .unwrap()
        .assess_with_mileage(date(TODAY));
    let mut app = first(dir.path());
    assert!(!is_whole(&app));
    let mut other = Comeback::load(dir.path()).unwrap();
    let mut numb = CheckIn::symptom_free(date(TODAY), Some(SessionDone::Partial));
    numb.numbness = Numbness::PARTLY_NUMB;
    numb.spots = vec![Spot::Toes, Spot::Ball, Spot::Arch];
    numb.onset = Some(Onset::Rest);
    numb.cleared = Some(Cleared::NotYet);
    other.record(numb, false, date(TODAY), "other").unwrap();
    app.complete();
    assert!(is_whole(&app));
    let (running, fresh) = (app.running.as_ref().unwrap(), whole(dir.path()));
    let expected = &fresh.running.as_ref().unwrap().assessment;
    assert_eq!(&running.assessment, expected);
    assert!(
        running
            .comeback
            .journal
            .on(date(TODAY))
            .is_some_and(|c| c.numbness == Numbness::PARTLY_NUMB)
    );
}
