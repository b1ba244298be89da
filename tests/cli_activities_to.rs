//! `activities import FILE --to DATE`, through the real binary: a run from
//! a swapped day placed on the planned run it stands for, counted there with
//! its own numbers and start; every other use refused in one line, with
//! nothing recorded.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/activities")
        .join(name)
}

/// The binary on Mon 30 Nov 2026, in London.
fn cli(dir: &Path) -> assert_cmd::Command {
    let mut cmd = common::cli(dir, "2026-11-30");
    cmd.env("TZ", "Europe/London");
    cmd
}

/// `comeback ARGS`: whether it succeeded, its stdout and its stderr.
fn run<S: AsRef<OsStr>>(dir: &Path, args: impl IntoIterator<Item = S>) -> (bool, String, String) {
    let out = cli(dir).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `activities import FILES [EXTRA...]`.
fn import(dir: &Path, files: &[PathBuf], extra: &[&str]) -> (bool, String, String) {
    let mut args: Vec<&OsStr> = vec![OsStr::new("activities"), OsStr::new("import")];
    args.extend(files.iter().map(|f| f.as_os_str()));
    args.extend(extra.iter().map(OsStr::new));
    run(dir, args)
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    common::json(dir, "2026-11-30", args)
}

#[test]
fn a_swapped_day_run_placed_with_to_counts_as_that_days_planned_run() {
    let dir = common::activities_plan_dir();
    assert!(import(dir.path(), &[fixture("long-run.tcx")], &[]).0);
    // Sunday's run alone: 1 of week 1's 3 runs, the stage repeats.
    let before = json(dir.path(), &["status", "--json"]);
    assert_eq!(before["stage"], 1, "{before}");
    let (ok, _, err) = import(dir.path(), &[fixture("late-run.gpx")], &[]);
    assert!(!ok && err.contains("--to 2026-11-25`"), "{err}");

    let (ok, out, err) = import(
        dir.path(),
        &[fixture("late-run.gpx")],
        &["--to", "2026-11-25"],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains(
            "late-run.gpx: Wed 25 Nov: 3.0 mi in 25 min: recorded, moved from Thu 26 Nov, the day it was run"
        ),
        "{out}"
    );
    // On Wednesday, with its own numbers and start.
    let list = json(dir.path(), &["activities", "list", "--json"]);
    assert_eq!(list[0]["date"], "2026-11-25", "{list}");
    assert_eq!(list[0]["start"], "2026-11-26T03:30:00Z");
    assert_eq!(list[0]["distance_m"], 4904);
    assert_eq!(list[0]["seconds"], 1470);
    // Wednesday's run is done: 2 of 3, the plan advances, no decision
    // about missed runs is left.
    let status = json(dir.path(), &["status", "--json"]);
    assert_eq!(status["stage"], 2, "{status}");
    let history = json(dir.path(), &["history", "--json"]);
    assert_eq!(history["decisions"], serde_json::json!([]), "{history}");
    // Imported once: the same file again is known, wherever it went.
    let (ok, out, _) = import(
        dir.path(),
        &[fixture("late-run.gpx")],
        &["--to", "2026-11-25"],
    );
    assert!(
        ok && out.contains("late-run.gpx: already imported"),
        "{out}"
    );
}

#[test]
fn a_dry_run_with_to_says_where_the_run_would_go_and_records_nothing() {
    let dir = common::activities_plan_dir();
    let before = common::db(dir.path());
    let (ok, out, err) = import(
        dir.path(),
        &[fixture("long-run.tcx")],
        &["--to", "2026-11-23", "--dry-run"],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains(
            "long-run.tcx: Mon 23 Nov: 6.2 mi in 60 min, HR 145: would be recorded, moved from Sun 29 Nov, the day it was run"
        ),
        "{out}"
    );
    assert_eq!(common::db(dir.path()), before);
}

#[test]
fn a_placed_run_keeps_its_day_through_an_export_and_undo_takes_it_back() {
    let dir = common::activities_plan_dir();
    assert!(
        import(
            dir.path(),
            &[fixture("late-run.gpx")],
            &["--to", "2026-11-25"]
        )
        .0
    );
    let file = dir.path().join("export.json");
    let (ok, _, err) = run(
        dir.path(),
        [OsStr::new("export"), OsStr::new("-o"), file.as_os_str()],
    );
    assert!(ok, "{err}");
    let other = tempfile::tempdir().unwrap();
    let (ok, _, err) = run(other.path(), [OsStr::new("import"), file.as_os_str()]);
    assert!(ok, "{err}");
    let list = |dir: &Path| json(dir, &["activities", "list", "--json"]);
    assert_eq!(list(other.path()), list(dir.path()));
    assert_eq!(list(other.path())[0]["date"], "2026-11-25");

    let (ok, out, _) = run(dir.path(), ["undo"]);
    assert!(ok);
    assert!(
        out.contains("the import of 1 run from Wed 25 Nov was taken back"),
        "{out}"
    );
    assert_eq!(list(dir.path()), serde_json::json!([]));
}

#[test]
fn to_is_refused_in_one_line_unless_one_file_goes_to_a_planned_day_up_to_today() {
    let dir = common::activities_plan_dir();
    let before = common::db(dir.path());
    let late = fixture("late-run.gpx");
    let cases: [(&str, Vec<PathBuf>, &str, &str); 6] = [
        (
            "a rest day",
            vec![late.clone()],
            "2026-11-27",
            "comeback: --to 2026-11-27: Fri 27 Nov has no run planned; expected a day with one (that week: Mon 23 Nov, Wed 25 Nov, Sun 29 Nov)",
        ),
        (
            "a future day",
            vec![late.clone()],
            "2026-12-02",
            "comeback: --to 2026-12-02: expected a day from the plan start (2026-11-23) to today (2026-11-30)",
        ),
        (
            "a day before the plan",
            vec![late.clone()],
            "2026-11-22",
            "comeback: --to 2026-11-22: expected a day from the plan start (2026-11-23) to today (2026-11-30)",
        ),
        (
            "two files",
            vec![late.clone(), fixture("easy-run.gpx")],
            "2026-11-25",
            "comeback: --to 2026-11-25: 2 files given; expected one file, holding the run to place",
        ),
        (
            "a folder",
            vec![fixture("")],
            "2026-11-25",
            "is a folder; expected one file, holding the run to place",
        ),
        (
            "a date in another form",
            vec![late.clone()],
            "25/11/2026",
            "comeback: invalid value '25/11/2026' for '--to <YYYY-MM-DD>': expected a real calendar date as YYYY-MM-DD",
        ),
    ];
    for (what, files, to, line) in cases {
        let (ok, out, err) = import(dir.path(), &files, &["--to", to]);
        assert!(!ok, "{what}: {out}");
        assert_eq!(err.lines().count(), 1, "{what}: {err}");
        assert!(err.contains(line), "{what}: {err}");
        assert_eq!(common::db(dir.path()), before, "{what}: nothing recorded");
    }
    assert_eq!(
        json(dir.path(), &["activities", "list", "--json"]),
        serde_json::json!([])
    );
}
