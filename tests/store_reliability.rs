//! The store under pressure: writers at once, and processes killed mid-write.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

const PLAN_START: &str = "2025-06-02";
const TODAY: &str = "2026-11-21";

fn comeback(dir: &Path) -> Command {
    common::process(dir, TODAY)
}

fn with_plan() -> tempfile::TempDir {
    common::plan_dir(TODAY, PLAN_START)
}

fn date(offset: u64) -> String {
    common::date_after(PLAN_START, offset)
}

fn stored_dates(dir: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(dir.join("comeback.db")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mut stmt = conn
        .prepare("SELECT date FROM checkins ORDER BY date")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(|d| d.unwrap())
        .collect()
}

#[test]
fn two_writers_at_once_lose_no_check_in() {
    let dir = with_plan();
    common::write_concurrently(dir.path(), TODAY, common::date(PLAN_START), 2, 200);
    assert_eq!(stored_dates(dir.path()).len(), 400);
}

#[test]
fn a_process_killed_mid_write_leaves_a_sound_database_with_every_saved_check_in() {
    let dir = with_plan();
    let mut saved = Vec::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..220u64 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = comeback(dir.path())
            .args([
                "checkin",
                "--numbness",
                "1",
                "--onset",
                "after",
                "--cleared",
                "quickly",
                "--date",
                &date(i),
            ])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(seed % 12_000));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            saved.push(date(i));
        }
    }
    let stored = stored_dates(dir.path());
    eprintln!(
        "{} of 220 check-ins completed before the kill; {} stored",
        saved.len(),
        stored.len()
    );
    for d in &saved {
        assert!(
            stored.contains(d),
            "check-in {d} reported saved but missing"
        );
    }
    // The store still takes writes afterwards.
    let status = comeback(dir.path())
        .args([
            "checkin",
            "--numbness",
            "0",
            "--replace",
            "--date",
            &date(100),
        ])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_write_after_another_connections_write_sees_both() {
    use comeback::checkin::CheckIn;
    use comeback::comeback::Comeback;
    let dir = with_plan();
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let day = |offset| chrono::NaiveDate::parse_from_str(&date(offset), "%Y-%m-%d").unwrap();
    let mut a = Comeback::load(dir.path()).unwrap();
    let mut b = Comeback::load(dir.path()).unwrap();
    a.record(CheckIn::symptom_free(day(0), None), false, today, "a")
        .unwrap();
    b.record(CheckIn::symptom_free(day(2), None), false, today, "b")
        .unwrap();
    a.record(CheckIn::symptom_free(day(4), None), false, today, "a")
        .unwrap();
    let seen: Vec<_> = a.journal.checkins().iter().map(|c| c.date).collect();
    assert_eq!(
        seen,
        vec![day(0), day(2), day(4)],
        "a's journal includes b's write"
    );
    b.undo(today, "b").unwrap();
    a.reload().unwrap();
    let seen: Vec<_> = a.journal.checkins().iter().map(|c| c.date).collect();
    assert_eq!(
        seen,
        vec![day(0), day(2)],
        "b undid a's last write and a sees it"
    );
    assert_eq!(stored_dates(dir.path()), vec![date(0), date(2)]);
}

#[test]
fn the_wal_stays_small_however_many_commands_write() {
    // Every command is a new process whose first read replays the whole WAL;
    // writes empty it once it passes 128 KB, so it never grows past that plus
    // one write's pages.
    let dir = with_plan();
    let wal = dir.path().join("comeback.db-wal");
    let mut largest = 0;
    for offset in 0..80 {
        let out = comeback(dir.path())
            .args(["checkin", "--numbness", "1", "--where", "toes", "--date"])
            .arg(date(offset))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        largest = largest.max(std::fs::metadata(&wal).map_or(0, |m| m.len()));
    }
    assert!(largest > 0, "the check-ins went through the WAL");
    assert!(largest < 256 * 1024, "the WAL grew to {largest} bytes");
    assert_eq!(stored_dates(dir.path()).len(), 80);
}

/// The history as `history --json` prints it.
fn history(dir: &Path) -> serde_json::Value {
    common::json(dir, TODAY, &["history", "--json"])["checkins"].clone()
}

#[test]
fn the_journal_s_copy_reads_back_as_the_rows_do_and_is_ignored_when_they_differ() {
    let dir = with_plan();
    for (day, args) in [
        (
            1,
            vec![
                "--numbness",
                "0",
                "--note",
                "felt good",
                "--distance",
                "3.1",
                "--duration",
                "33",
            ],
        ),
        (
            3,
            vec![
                "--numbness",
                "2",
                "--where",
                "toes,heel",
                "--side",
                "left",
                "--onset",
                "during",
                "--minutes",
                "20",
                "--cleared-minutes",
                "40",
            ],
        ),
        (
            5,
            vec![
                "--numbness",
                "0",
                "--flag",
                "cold_pale",
                "--cleared",
                "quickly",
            ],
        ),
    ] {
        let status = comeback(dir.path())
            .args(["checkin", "--date", &date(day)])
            .args(&args)
            .status()
            .unwrap();
        assert!(status.success());
    }
    let from_copy = history(dir.path());
    let conn = rusqlite::Connection::open(dir.path().join("comeback.db")).unwrap();
    conn.execute("DELETE FROM journal_copy", []).unwrap();
    let from_rows = history(dir.path());
    assert_eq!(from_copy, from_rows);
    // A row written behind the store's back: the copy no longer holds as
    // many check-ins as the table, so the rows are read.
    let status = comeback(dir.path())
        .args([
            "checkin",
            "--date",
            &date(7),
            "--numbness",
            "1",
            "--cleared",
            "quickly",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    conn.execute("INSERT INTO checkins (day, choices, counts, recorded_at) SELECT day + 1, 0, 0, 'by hand' FROM checkins WHERE day = (SELECT max(day) FROM checkins)", []).unwrap();
    let dates: Vec<String> = history(dir.path())
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap().to_string())
        .collect();
    assert!(dates.contains(&date(8)), "{dates:?}");
}

/// The copy is kept a year to a row: a check-in rewrites its own year's row
/// and the later ones, and the journal reads back as the rows do after
/// check-ins in either year, a replacement in the year before included.
#[test]
fn the_journal_s_copy_is_kept_a_year_to_a_row_and_reads_back_as_the_rows_do() {
    let dir = with_plan();
    let record = |day: u64, extra: &[&str]| {
        let status = comeback(dir.path())
            .args(["checkin", "--date", &date(day), "--numbness", "0"])
            .args(extra)
            .status()
            .unwrap();
        assert!(status.success(), "check-in on {}", date(day));
    };
    // Thu 12 Jun and Fri 19 Dec 2025, Sat 3 Jan and Sat 14 Nov 2026.
    for day in [10, 200, 215, 530] {
        record(day, &[]);
    }
    record(200, &["--session", "skipped", "--replace"]);
    let conn = rusqlite::Connection::open(dir.path().join("comeback.db")).unwrap();
    let years: Vec<(i64, i64)> = conn
        .prepare("SELECT year, rows FROM journal_copy ORDER BY year")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(years, [(2025, 2), (2026, 2)]);
    let from_copy = history(dir.path());
    assert_eq!(from_copy.as_array().map(Vec::len), Some(4));
    conn.execute("DELETE FROM journal_copy", []).unwrap();
    assert_eq!(from_copy, history(dir.path()));
}
