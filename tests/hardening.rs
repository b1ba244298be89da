//! Attacks and accidents, each through the real binary: terminal escapes in
//! every text field, backups that must restore, a plan replaced under the
//! TUI, file modes, foreign databases, FIFOs and symlinks, full disks and
//! closed pipes, dates typed wrong, and imports that trust less than nothing.
//! RELIABILITY.md lists each with its outcome.

mod common;

use assert_cmd::Command;
use proptest::prelude::*;
use std::path::Path;

const TODAY: &str = "2026-11-25";

fn comeback(dir: &Path) -> Command {
    common::cli(dir, TODAY)
}

fn with_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    comeback(dir.path())
        .args([
            "new",
            "--layoff",
            "3w",
            "--weekly",
            "25",
            "--runs",
            "4",
            "--start",
            "2026-11-23",
        ])
        .assert()
        .success();
    dir
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    comeback(dir).args(args).output().unwrap()
}

/// Refused: one line on stderr containing `expected`, a failure exit.
fn refused(out: &std::process::Output, expected: &str) {
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(expected), "{stderr}");
}

const ESCAPES: &str =
    "\u{1b}]0;pwned\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}[2J\r\u{9b}31m\u{202e}";

fn no_escape(out: &std::process::Output) {
    for stream in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(stream);
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\r', '\u{9b}', '\u{202e}']),
            "{text:?}"
        );
    }
}

#[test]
fn escape_bytes_in_notes_and_names_never_reach_the_terminal() {
    let dir = with_plan();
    let note = format!("tight{ESCAPES}laces");
    for args in [
        vec![
            "checkin",
            "--numbness",
            "1",
            "--flag",
            "sharp_pain",
            "--note",
            &note,
        ],
        vec!["clear", "--note", &note],
        vec!["shoes", "add", &note],
        vec!["history"],
        vec!["status"],
        vec!["today"],
        vec!["plan"],
        vec!["export", "--format", "md"],
        vec!["export"],
        vec!["history", "--json"],
        vec!["--today", ESCAPES, "status"],
        vec!["checkin", "--numbness", "1", "--onset", ESCAPES],
        vec!["templates", "check", ESCAPES],
        vec!["import", ESCAPES],
    ] {
        no_escape(&run(dir.path(), &args));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_text_in_a_note_prints_without_control_characters(note in "\\PC{0,20}[\\x01-\\x1f\\x7f-\\x9f]{1,5}\\PC{0,20}") {
        let dir = with_plan();
        let out = run(dir.path(), &["checkin", "--numbness", "1", "--flag", "sharp_pain", "--note", &note]);
        prop_assume!(out.status.success() || !out.stderr.is_empty());
        for args in [&["history"][..], &["clear", "--note", &note], &["export", "--format", "md"], &["status"]] {
            let out = run(dir.path(), args);
            for stream in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(stream);
                prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{:?}: {:?}", args, text);
            }
        }
    }
}

#[test]
fn a_new_plan_archives_the_old_journal_and_exports_what_imports() {
    let dir = with_plan();
    run(
        dir.path(),
        &[
            "checkin",
            "--numbness",
            "1",
            "--onset",
            "after",
            "--date",
            "2026-11-23",
        ],
    );
    let out = run(
        dir.path(),
        &[
            "new",
            "--layoff",
            "2w",
            "--weekly",
            "20",
            "--runs",
            "3",
            "--start",
            "2026-11-25",
            "--force",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The old check-in went to the archive, not into the new plan.
    let history = run(dir.path(), &["history", "--json"]);
    let history: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    assert_eq!(history["checkins"], serde_json::json!([]));
    let undo = run(dir.path(), &["undo"]);
    assert!(String::from_utf8_lossy(&undo.stdout).contains("Nothing to undo"));
    let archived: Vec<_> = std::fs::read_dir(dir.path().join("archive"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(archived.len(), 1);
    // The archive and the export both import.
    for file in [archived[0].clone(), dir.path().join("now.json")] {
        if !file.exists() {
            let out = run(dir.path(), &["export", "-o", file.to_str().unwrap()]);
            assert!(out.status.success());
        }
        let fresh = tempfile::tempdir().unwrap();
        let out = run(fresh.path(), &["import", file.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn any_store_reachable_through_the_cli_exports_a_document_that_imports(
        steps in proptest::collection::vec(0u8..7, 1..10),
    ) {
        let dir = with_plan();
        for (i, step) in steps.iter().enumerate() {
            let date = format!("2026-11-{}", 23 + (i % 3));
            let args: Vec<&str> = match step {
                0 => vec!["checkin", "--numbness", "0", "--date", &date, "--replace"],
                1 => vec!["checkin", "--numbness", "2", "--where", "toes", "--onset", "during", "--date", &date, "--replace"],
                2 => vec!["checkin", "--numbness", "1", "--flag", "sharp_pain", "--date", &date, "--replace"],
                3 => vec!["clear", "--note", "fine"],
                4 => vec!["undo"],
                5 => vec!["new", "--layoff", "1w", "--weekly", "30", "--runs", "3", "--start", "2026-11-25", "--force"],
                _ => vec!["shoes", "add", "pair"],
            };
            let _ = run(dir.path(), &args);
        }
        let file = dir.path().join("export.json");
        prop_assert!(run(dir.path(), &["export", "-o", file.to_str().unwrap()]).status.success());
        let fresh = tempfile::tempdir().unwrap();
        let out = run(fresh.path(), &["import", file.to_str().unwrap()]);
        prop_assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn backup_copies_what_is_still_in_the_wal() {
    let dir = with_plan();
    run(dir.path(), &["checkin", "--numbness", "0"]);
    assert!(dir.path().join("comeback.db-wal").exists());
    let copy = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["backup", copy.path().join("comeback.db").to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let history = run(copy.path(), &["history", "--json"]);
    let history: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    assert_eq!(history["checkins"][0]["date"], TODAY);
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_the_database_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    comeback(&dir)
        .args(["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"])
        .assert()
        .success();
    run(&dir, &["checkin", "--numbness", "0"]);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for name in ["comeback.db", "comeback.db-wal", "comeback.db-shm"] {
        assert_eq!(mode(&dir.join(name)), 0o600, "{name}");
    }
    // An existing database made readable by others is tightened on open.
    std::fs::set_permissions(
        dir.join("comeback.db"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    run(&dir, &["status"]);
    assert_eq!(mode(&dir.join("comeback.db")), 0o600);
}

#[test]
fn another_programs_database_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("comeback.db");
    {
        let conn = rusqlite::Connection::open(&file).unwrap();
        conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
            .unwrap();
    }
    let before = std::fs::read(&file).unwrap();
    for args in [
        &["status"][..],
        &["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"],
    ] {
        refused(&run(dir.path(), args), "another program's SQLite database");
    }
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(!dir.path().join("comeback.db-wal").exists());
}

#[cfg(unix)]
#[test]
fn a_fifo_named_comeback_db_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("comeback.db");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    refused(&run(dir.path(), &["status"]), "not a regular file");
}

#[cfg(unix)]
#[test]
fn export_writes_through_a_fifo_and_follows_a_symlink() {
    let dir = with_plan();
    let fifo = dir.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = run(dir.path(), &["export", "-o", fifo.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(reader.join().unwrap().contains("comeback.plan/9"));
    let meta = std::fs::symlink_metadata(&fifo).unwrap();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()));

    let target = dir.path().join("real.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert!(
        run(dir.path(), &["export", "-o", link.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("comeback.plan/9")
    );
}

#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_gets_one_line() {
    let dir = with_plan();
    for args in [
        &["completions", "fish"][..],
        &["history", "--json"],
        &["man"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_comeback"))
            .args(["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if Path::new("/dev/full").exists() {
        for args in [
            &["completions", "bash"][..],
            &["checkin", "--numbness", "0"],
        ] {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap();
            let out = common::process(dir.path(), TODAY)
                .args(args)
                .stdout(full)
                .output()
                .unwrap();
            refused(&out, "No space left on device");
        }
        // The check-in itself was saved, and the line says so.
        let out = {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap();
            common::process(dir.path(), TODAY)
                .args(["checkin", "--numbness", "0", "--date", "2026-11-24"])
                .stdout(full)
                .output()
                .unwrap()
        };
        refused(&out, "was saved");
        let history = run(dir.path(), &["history", "--json"]);
        assert!(String::from_utf8_lossy(&history.stdout).contains("2026-11-24"));
    }
}

#[test]
fn an_empty_comeback_today_counts_as_unset() {
    let dir = with_plan();
    let out = common::cli(dir.path(), TODAY)
        .env_remove("COMEBACK_TODAY")
        .args(["status"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = Command::cargo_bin("comeback")
        .unwrap()
        .env("COMEBACK_TODAY", "")
        .args(["--data-dir", dir.path().to_str().unwrap(), "status"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn dates_are_bounded_and_a_far_start_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    refused(
        &run(
            dir.path(),
            &[
                "new",
                "--layoff",
                "3w",
                "--weekly",
                "25",
                "--runs",
                "4",
                "--start",
                "0206-03-02",
            ],
        ),
        "expected a date from 1900 to 2200",
    );
    refused(
        &run(
            dir.path(),
            &[
                "new",
                "--layoff",
                "3w",
                "--weekly",
                "25",
                "--runs",
                "4",
                "--start",
                "2031-03-02",
            ],
        ),
        "within two years of today (2026-11-25); add --force to start it anyway",
    );
    let forced = run(
        dir.path(),
        &[
            "new",
            "--layoff",
            "3w",
            "--weekly",
            "25",
            "--runs",
            "4",
            "--start",
            "2031-03-02",
            "--force",
        ],
    );
    assert!(forced.status.success());
    refused(
        &run(dir.path(), &["--today", "9999-01-01", "status"]),
        "1900 to 2200",
    );
}

#[test]
fn places_given_twice_are_said_once() {
    let dir = with_plan();
    let out = run(
        dir.path(),
        &[
            "checkin",
            "--numbness",
            "1",
            "--where",
            "toes,toes,toes",
            "--onset",
            "after",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("at the toes,") || stdout.contains("at the toes ("),
        "{stdout}"
    );
    assert!(!stdout.contains("toes, toes"), "{stdout}");
}

/// A change made to an exported document.
type Change = Box<dyn Fn(&mut serde_json::Value)>;

/// A plan document's activities: one run of `metres` in 30 minutes.
fn run_json(date: &str, start: &str, metres: u64, file: &str) -> serde_json::Value {
    serde_json::json!([{
        "date": date, "start": start, "distance_m": metres, "seconds": 1800,
        "file": file, "hash": "ab"
    }])
}

fn export_doc(dir: &Path) -> serde_json::Value {
    let out = run(dir, &["export"]);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn import_refuses_what_the_command_line_refuses() {
    let dir = with_plan();
    run(dir.path(), &["checkin", "--numbness", "0"]);
    run(dir.path(), &["shoes", "add", "pair"]);
    let base = export_doc(dir.path());
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|d| d["checkins"][0]["date"] = "9999-12-31".into()),
            "after today",
        ),
        (
            Box::new(|d| d["shoes"][0]["name"] = format!("x{}", "y".repeat(100_000)).into()),
            "1 to 60 characters",
        ),
        (
            Box::new(|d| d["shoes"][0]["name"] = "a\u{1b}[2Jb".into()),
            "control characters",
        ),
        (
            Box::new(|d| d["shoes"][0]["retired"] = "0001-01-01".into()),
            "retired 0001-01-01",
        ),
        (
            Box::new(
                |d| d["clearances"] = serde_json::json!([{"date": "2026-11-24", "note": "n".repeat(200_000), "seq": 99}]),
            ),
            "longer than",
        ),
        (
            Box::new(|d| d["profile"]["start"] = "0206-03-02".into()),
            "1900 to 2200",
        ),
        // Issue 23: runs and clearances the command line would refuse.
        (
            Box::new(|d| {
                d["activities"] = run_json("2199-01-01", "2199-01-01T07:00:00Z", 5000, "run.gpx")
            }),
            "2199-01-01 is after today",
        ),
        (
            Box::new(|d| d["activities"] = run_json("2026-11-24", "yesterday", 5000, "run.gpx")),
            "activities[0].start: 'yesterday': expected a time as RFC 3339",
        ),
        (
            Box::new(|d| {
                d["activities"] = run_json(
                    "2026-11-24",
                    "2026-11-24T07:00:00Z",
                    1_000_000_000,
                    "run.gpx",
                )
            }),
            "expected at most 200 mi (322 km) and 600 minutes",
        ),
        (
            Box::new(|d| {
                d["activities"] = run_json(
                    "2026-11-24",
                    "2026-11-24T07:00:00Z",
                    5000,
                    "run.gpx\nrun.gpx: Tue 24 Nov: 99 mi: recorded",
                )
            }),
            "on one line",
        ),
    ];
    for (change, expected) in cases {
        let mut doc = base.clone();
        change(&mut doc);
        let file = dir.path().join("bad.json");
        std::fs::write(&file, serde_json::to_string(&doc).unwrap()).unwrap();
        let fresh = tempfile::tempdir().unwrap();
        let out = run(fresh.path(), &["import", file.to_str().unwrap()]);
        refused(&out, expected);
        assert!(
            !fresh.path().join("comeback.db").exists() || {
                let status = run(fresh.path(), &["status"]);
                !status.status.success()
            }
        );
    }
    let long = "n".repeat(3000);
    refused(&run(dir.path(), &["clear", "--note", &long]), "");
}

#[test]
fn two_imports_into_an_empty_folder_cannot_both_win() {
    let source = with_plan();
    let file = source.path().join("plan.json");
    assert!(
        run(source.path(), &["export", "-o", file.to_str().unwrap()])
            .status
            .success()
    );
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let children: Vec<_> = (0..4)
            .map(|_| {
                common::process(dir.path(), TODAY)
                    .args(["import", file.to_str().unwrap()])
                    .spawn()
                    .unwrap()
            })
            .collect();
        let wins = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .filter(|o| o.status.success())
            .count();
        assert_eq!(wins, 1);
    }
}

#[test]
fn first_use_of_a_fresh_folder_by_many_processes_at_once_works() {
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let children: Vec<_> = (0..4)
            .map(|i| {
                common::process(&data, TODAY)
                    .args([
                        "new",
                        "--layoff",
                        "3w",
                        "--weekly",
                        &format!("{}", 20 + i),
                        "--runs",
                        "4",
                        "--force",
                    ])
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn the_tui_picks_up_a_plan_replaced_from_another_shell() {
    use comeback::tui::app::App;
    let dir = with_plan();
    let mut app = App::load(dir.path(), dir.path(), common::date(TODAY), None, false).unwrap();
    let weeks_before = app.running.as_ref().unwrap().comeback.plan.weeks.len();
    let out = run(
        dir.path(),
        &[
            "new",
            "--layoff",
            "26w",
            "--weekly",
            "40",
            "--runs",
            "5",
            "--start",
            "2026-11-25",
            "--force",
        ],
    );
    assert!(out.status.success());
    comeback::tui::update::update(&mut app, comeback::tui::app::Action::Reload);
    let running = app.running.as_ref().unwrap();
    assert_eq!(
        running.comeback.plan.profile.start,
        common::date("2026-11-25")
    );
    assert_ne!(running.comeback.plan.weeks.len(), weeks_before);
}
