//! Runs imported from GPX, TCX and FIT files, through the real binary:
//! matched to their day (never guessed), listed, counted as runs done,
//! skipped when seen before, refused one line each, taken back by undo.

mod common;

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/activities")
        .join(name)
}

/// The binary in time zone `tz`.
fn cli(dir: &Path, today: &str, tz: &str) -> assert_cmd::Command {
    let mut cmd = common::cli(dir, today);
    cmd.env("TZ", tz);
    cmd
}

fn import(dir: &Path, today: &str, tz: &str, files: &[PathBuf]) -> (bool, String, String) {
    common::import_activities(dir, (today, tz), files)
}

#[test]
fn a_dry_run_says_what_it_would_record_and_records_nothing() {
    // The plan (from Mon 23 Nov) runs on Wednesday 25.
    let dir = common::activities_plan_dir();
    let before = common::db(dir.path());
    let out = cli(dir.path(), "2026-11-30", "UTC")
        .args(["activities", "import", "--dry-run"])
        .arg(fixture("easy-run.gpx"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("easy-run.gpx: Wed 25 Nov: 3.0 mi in 25 min: would be recorded"),
        "{text}"
    );
    assert_eq!(common::db(dir.path()), before);
}

#[test]
fn gpx_and_tcx_runs_land_on_their_days_are_listed_and_count_as_runs_done() {
    let dir = common::activities_plan_dir();
    let (ok, out, err) = import(
        dir.path(),
        "2026-11-30",
        "UTC",
        &[fixture("easy-run.gpx"), fixture("long-run.tcx")],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("Wed 25 Nov: 3.0 mi in 25 min: recorded"),
        "{out}"
    );
    assert!(
        out.contains("Sun 29 Nov: 6.2 mi in 60 min, HR 145: recorded"),
        "{out}"
    );
    let list = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["date"], "2026-11-25");
    assert_eq!(list[1]["distance_m"], 10000);
    assert_eq!(list[1]["heart_rate"], 145);
    // Two of week 1's three planned runs (Wed 25, Sun 29) done, with no
    // check-in: enough for the plan to advance (one alone repeats the stage,
    // none re-enters it).
    let status = common::json(dir.path(), "2026-11-30", &["status", "--json"]);
    assert_eq!(status["stage"], 2, "{status}");
    let history = common::json(dir.path(), "2026-11-30", &["history", "--json"]);
    assert_eq!(history["decisions"], serde_json::json!([]));
}

#[test]
fn a_file_imported_before_is_skipped_and_undo_takes_an_import_back() {
    let dir = common::activities_plan_dir();
    assert!(import(dir.path(), "2026-11-30", "UTC", &[fixture("easy-run.gpx")]).0);
    let (ok, out, _) = import(
        dir.path(),
        "2026-11-30",
        "UTC",
        &[fixture("easy-run.gpx"), fixture("easy-run.gpx")],
    );
    assert!(ok);
    assert_eq!(out.matches("already imported").count(), 2, "{out}");
    let undo = cli(dir.path(), "2026-11-30", "UTC")
        .arg("undo")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&undo.stdout)
            .contains("the import of 1 run from Wed 25 Nov was taken back")
    );
    let list = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(list, serde_json::json!([]));
    assert!(
        import(dir.path(), "2026-11-30", "UTC", &[fixture("easy-run.gpx")])
            .1
            .contains("recorded")
    );
}

#[test]
fn a_folder_imports_what_it_can_and_each_bad_file_gets_one_line() {
    let dir = common::activities_plan_dir();
    let (ok, out, err) = import(dir.path(), "2026-11-30", "UTC", &[fixture("")]);
    assert!(!ok, "some files were refused");
    assert!(
        out.contains("easy-run.gpx") && out.contains("long-run.tcx"),
        "{out}"
    );
    // A file cut short is read up to the cut; here the whole file of the
    // same run says more, and is kept.
    assert!(
        out.contains(&format!(
            "broken.tcx: the same run as {} (it starts within a minute of it, or within 5 minutes over the same distance within 5%), which says more of it: kept that one",
            fixture("long-run.tcx").display()
        )),
        "{out}"
    );
    for (file, problem) in [
        ("garbled.tcx", "not a readable TCX file"),
        ("no-track.gpx", "no track with times in it"),
        ("truncated.fit", "not a readable FIT file"),
        (
            "sdk-activity.fit",
            "2012-04-09: expected a day from the plan start (2026-11-23) to today (2026-11-30)",
        ),
    ] {
        let line: Vec<&str> = err.lines().filter(|l| l.contains(file)).collect();
        assert_eq!(line.len(), 1, "{file}: {err}");
        assert!(line[0].contains(problem), "{file}: {}", line[0]);
    }
    assert!(err.contains("comeback: 4 files were not recorded"), "{err}");
    // Thursday's run is not left for the runner: Wednesday's run came in
    // the same import.
    assert!(
        out.contains("late-run.gpx: Thu 26 Nov: 3.0 mi in 25 min: recorded"),
        "{out}"
    );
    let list = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 3);
}

#[test]
fn a_run_on_a_rest_day_next_to_a_missed_run_is_left_for_the_runner() {
    // 03:30 UTC on Thu 26 Nov is Thursday in London but Wednesday evening
    // in New York: a rest day next to Wednesday's unrecorded run, or the
    // Wednesday run itself.
    let dir = common::activities_plan_dir();
    let before = common::db(dir.path());
    let (ok, _, err) = import(
        dir.path(),
        "2026-11-30",
        "Europe/London",
        &[fixture("late-run.gpx")],
    );
    assert!(!ok);
    assert!(
        err.contains("Thu 26 Nov has no run planned and the run of Wed 25 Nov has no record"),
        "{err}"
    );
    // It offers both ways, naming the file as given.
    let file = fixture("late-run.gpx");
    assert!(
        err.contains(&format!(
            "place it there with `comeback activities import {} --to 2026-11-25`, or type it in on Thu 26 Nov with `comeback checkin --date 2026-11-26",
            file.display()
        )),
        "{err}"
    );
    assert_eq!(common::db(dir.path()), before, "nothing recorded");
    let (ok, out, err) = import(
        dir.path(),
        "2026-11-30",
        "America/New_York",
        &[fixture("late-run.gpx")],
    );
    assert!(ok, "{err}");
    assert!(out.contains("Wed 25 Nov: 3.0 mi"), "{out}");
}

#[test]
fn two_runs_on_one_day_are_both_kept() {
    let dir = common::activities_plan_dir();
    let (ok, _, err) = import(
        dir.path(),
        "2026-11-30",
        "America/New_York",
        &[fixture("easy-run.gpx"), fixture("late-run.gpx")],
    );
    assert!(ok, "{err}");
    let list = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    let dates: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, vec!["2026-11-25", "2026-11-25"]);
}

#[test]
fn a_two_gigabyte_file_is_refused_before_it_is_read() {
    let dir = common::activities_plan_dir();
    let big = dir.path().join("huge.fit");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(2_000_000_000)
        .unwrap();
    let (ok, _, err) = import(dir.path(), "2026-11-30", "UTC", &[big]);
    assert!(!ok);
    assert!(
        err.contains("huge.fit: 2.0 GB: expected at most 64 MB"),
        "{err}"
    );
}

mod never_panics {
    use comeback::activity::Activity;
    use comeback::comeback::Comeback;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        // Any bytes under any of the three names: read without a panic, and
        // a refused import changes nothing in the store.
        #[test]
        fn any_file_reads_without_panic_and_a_refusal_changes_nothing(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048),
            kind in prop_oneof![Just("gpx"), Just("tcx"), Just("fit")],
            prefix in prop_oneof![Just(&b""[..]), Just(&b"<?xml version=\"1.0\"?><gpx>"[..]), Just(&b"\x0e\x10\x00\x00"[..])],
        ) {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join(format!("run.{kind}"));
            std::fs::write(&file, [prefix, &bytes[..]].concat()).unwrap();
            let read = Activity::read(&file);
            let plan_dir = dir.path().join("data");
            let template = comeback::plan::Template::builtin("standard").unwrap().unwrap();
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
            let mut profile = crate::common::profile(21);
            profile.start = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
            let mut c = Comeback::create(&plan_dir, &profile, &template, false, today, "now").unwrap().0;
            let before = std::fs::read(plan_dir.join("comeback.db")).unwrap();
            let outcomes = c.import_runs(&[file], false, today, "later").unwrap();
            let recorded = outcomes.iter().any(|o| matches!(o.outcome, comeback::runs::Outcome::Matched(_)));
            prop_assert_eq!(recorded, read.is_ok() && recorded);
            if !recorded {
                drop(c);
                prop_assert_eq!(std::fs::read(plan_dir.join("comeback.db")).unwrap(), before);
            }
        }
    }
}

#[test]
fn imported_runs_travel_in_the_export_and_come_back_with_an_import() {
    let dir = common::activities_plan_dir();
    assert!(
        import(
            dir.path(),
            "2026-11-30",
            "UTC",
            &[fixture("easy-run.gpx"), fixture("long-run.tcx")]
        )
        .0
    );
    let file = dir.path().join("export.json");
    let out = cli(dir.path(), "2026-11-30", "UTC")
        .args(["export", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let other = tempfile::tempdir().unwrap();
    let out = cli(other.path(), "2026-11-30", "UTC")
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    let b = common::json(
        other.path(),
        "2026-11-30",
        &["activities", "list", "--json"],
    );
    assert_eq!(a, b);
    assert_eq!(b.as_array().unwrap().len(), 2);
    // Their hashes came along: the same file is not imported twice.
    let (_, out, _) = import(
        other.path(),
        "2026-11-30",
        "UTC",
        &[fixture("easy-run.gpx")],
    );
    assert!(out.contains("already imported"), "{out}");
}

#[test]
fn a_run_on_a_rest_day_with_no_missed_run_beside_it_is_recorded_there() {
    // Thu 26 Nov has no run; Wednesday's run is recorded, Friday (a rest
    // day) has none.
    let dir = common::activities_plan_dir();
    let out = cli(dir.path(), "2026-11-30", "UTC")
        .args(["checkin", "--date", "2026-11-25", "--numbness", "0"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let (ok, out, err) = import(
        dir.path(),
        "2026-11-30",
        "Europe/London",
        &[fixture("late-run.gpx")],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("Thu 26 Nov: 3.0 mi in 25 min: recorded"),
        "{out}"
    );
}

/// `comeback ARGS` on `today` (UTC), which must succeed: its stdout.
fn ok_on(dir: &std::path::Path, today: &str, args: &[&str]) -> String {
    let out = cli(dir, today, "UTC").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn shoes_count_an_imported_run_on_a_day_whose_check_in_names_them() {
    let dir = common::activities_plan_dir();
    let run = |args: &[&str]| ok_on(dir.path(), "2026-11-30", args);
    run(&["shoes", "add", "pegasus"]);
    run(&["checkin", "--date", "2026-11-29", "--numbness", "0"]);
    assert!(import(dir.path(), "2026-11-30", "UTC", &[fixture("long-run.tcx")]).0);
    assert!(
        run(&["shoes", "list"]).contains("pegasus: 6.2 of"),
        "10 km run, not the 5.0 mi planned"
    );
}

#[test]
fn shoes_count_an_imported_run_on_a_day_without_a_check_in_for_the_current_pair() {
    let dir = common::activities_plan_dir();
    let run = |args: &[&str]| ok_on(dir.path(), "2026-11-30", args);
    run(&["shoes", "add", "pegasus"]);
    // The long run of Sun 29 Nov comes from a file; no check-in that day.
    assert!(import(dir.path(), "2026-11-30", "UTC", &[fixture("long-run.tcx")]).0);
    assert!(
        run(&["shoes", "list"]).contains("pegasus: 6.2 of"),
        "the 10 km run counts for the current pair"
    );
}

#[test]
fn history_shows_the_distance_of_a_run_imported_from_a_file() {
    let dir = common::activities_plan_dir();
    let run = |args: &[&str]| ok_on(dir.path(), "2026-11-30", args);
    run(&[
        "checkin",
        "--date",
        "2026-11-29",
        "--numbness",
        "0",
        "--note",
        "felt strong",
    ]);
    assert!(import(dir.path(), "2026-11-30", "UTC", &[fixture("long-run.tcx")]).0);
    let flat = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let history = flat(run(&["history"]));
    assert!(
        history.contains("from a file: ran 6.2 mi in") && history.contains("felt strong"),
        "{history}"
    );
    let in_km = flat(run(&["--unit", "km", "history"]));
    assert!(in_km.contains("from a file: ran 10.0 km in"), "{in_km}");
}

#[test]
fn the_same_run_from_another_file_is_kept_once_and_said_so() {
    let dir = common::activities_plan_dir();
    // Another app's export of the same run: other bytes, the same start and
    // distance.
    let other = tempfile::tempdir().unwrap();
    let mut copy = std::fs::read(fixture("long-run.tcx")).unwrap();
    copy.extend_from_slice(b"\n<!-- exported again by another app -->\n");
    let again = other.path().join("strava-export.tcx");
    std::fs::write(&again, copy).unwrap();
    let (ok, out, err) = import(
        dir.path(),
        "2026-11-30",
        "UTC",
        &[fixture("long-run.tcx"), again],
    );
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("strava-export.tcx: the same run as long-run.tcx, already recorded"),
        "{out}"
    );
    let listed = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
}

#[test]
fn a_later_file_that_says_more_of_a_recorded_run_takes_its_place_and_undo_brings_it_back() {
    let dir = common::activities_plan_dir();
    let files = tempfile::tempdir().unwrap();
    // The same run without heart rate (another app's export of it).
    let with_hr = std::fs::read_to_string(fixture("long-run.tcx")).unwrap();
    let without: String = with_hr
        .lines()
        .filter(|l| !l.contains("Value>"))
        .filter(|l| !l.contains("HeartRateBpm"))
        .collect::<Vec<_>>()
        .join("\n");
    let plain = files.path().join("plain.tcx");
    std::fs::write(&plain, without).unwrap();
    assert!(
        import(
            dir.path(),
            "2026-11-30",
            "UTC",
            std::slice::from_ref(&plain)
        )
        .0
    );
    let (ok, out, err) = import(dir.path(), "2026-11-30", "UTC", &[fixture("long-run.tcx")]);
    assert!(ok, "{err}");
    assert!(
        out.contains(
            "HR 145: recorded in place of plain.tcx, the same run from a file without a heart rate"
        ),
        "{out}"
    );
    let list = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(list[0]["heart_rate"], 145);
    // Undo takes the import back and puts the run it replaced back.
    let undo = cli(dir.path(), "2026-11-30", "UTC")
        .arg("undo")
        .output()
        .unwrap();
    assert!(undo.status.success());
    let list = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(list[0]["file"], "plain.tcx", "{list}");
}
