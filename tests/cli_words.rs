//! What the command line says back, through the real binary: a run's time
//! as typed, limits in the unit in force, files named with what they should
//! be, distances in `--unit`'s unit, and counts in the right number.

mod common;

use std::path::Path;

const TODAY: &str = "2026-11-26";

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    common::cli(dir, TODAY).args(args).output().unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The one line on stderr of a refused command.
fn refused(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(!out.status.success(), "{args:?} was accepted");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr.trim_end().to_string()
}

#[test]
fn a_run_time_with_seconds_is_said_back_as_typed_and_kept_in_minutes() {
    let dir = common::plan_dir(TODAY, "2026-11-23");
    let saved = ok(
        dir.path(),
        &[
            "checkin",
            "--numbness",
            "0",
            "--distance",
            "3",
            "--duration",
            "22:30",
            "--rpe",
            "4",
        ],
    );
    assert!(
        saved.starts_with(
            "Saved Thu 26 Nov: no numbness; run done; ran 3.0 mi in 22:30 (kept as 23 min), RPE 4 of 10"
        ),
        "{saved}"
    );
    let doc = common::json(dir.path(), TODAY, &["export"]);
    assert_eq!(doc["checkins"][0]["actual"]["minutes"], 23);
    // Whole minutes need no echo of their own.
    let saved = ok(
        dir.path(),
        &["checkin", "--numbness", "0", "--duration", "48"],
    );
    assert!(saved.contains("; ran 48 min."), "{saved}");
}

#[test]
fn weekly_limits_are_said_in_the_unit_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let new = ["new", "--layoff", "3w", "--runs", "4"];
    let cases: [(&[&str], &str); 4] = [
        (
            &["--weekly", "400"],
            "comeback: invalid value '400' for '--weekly <N>': expected a distance from 3 to 200 mi",
        ),
        (
            &["--weekly", "400", "--unit", "km"],
            "comeback: invalid value '400' for '--weekly <N>': expected a distance from 5 to 320 km",
        ),
        (
            &["--unit", "km", "--weekly", "25", "--goal", "4"],
            "comeback: invalid value '4' for '--goal <N>': expected a distance from 5 to 320 km",
        ),
        (
            &["--weekly", "1e308"],
            "comeback: invalid value '1e308' for '--weekly <N>': expected a distance from 3 to 200 mi",
        ),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = new.iter().chain(args).copied().collect();
        assert_eq!(refused(&data, &args), expected);
        assert!(!data.exists(), "{args:?} wrote the data dir");
    }
}

#[test]
fn a_file_that_is_not_an_export_is_named_with_what_import_expects() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ics = dir.path().join("plan.ics");
    std::fs::write(&ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").unwrap();
    let said = refused(&data, &["import", ics.to_str().unwrap()]);
    assert!(
        said.starts_with("comeback: import ")
            && said.ends_with(
                "plan.ics: nothing was changed: not a comeback export (expected the JSON written by `comeback export`)"
            ),
        "{said}"
    );
    assert!(!said.contains(".:"), "{said}");
    assert!(!data.exists());
}

#[test]
fn shoes_and_history_honour_the_display_unit() {
    let dir = common::plan_dir(TODAY, "2026-11-23");
    let d = dir.path();
    // A start distance is typed in --unit's unit, as a run's distance is.
    ok(
        d,
        &[
            "--unit",
            "km",
            "shoes",
            "add",
            "pegasus",
            "--start-distance",
            "100",
        ],
    );
    assert_eq!(
        ok(d, &["--unit", "km", "shoes", "list"]),
        "pegasus: 100.0 of 640.0 km\n"
    );
    assert_eq!(ok(d, &["shoes"]), "pegasus: 62.1 of 397.7 mi\n");
    let saved = ok(
        d,
        &[
            "--unit",
            "km",
            "checkin",
            "--numbness",
            "0",
            "--distance",
            "8",
        ],
    );
    assert!(saved.contains("; ran 8.0 km."), "{saved}");
    let in_km = ok(d, &["--unit", "km", "history"]);
    assert!(
        in_km.contains("Thu 26 Nov: no numbness; run done; ran 8.0 km"),
        "{in_km}"
    );
    let in_mi = ok(d, &["history"]);
    assert!(
        in_mi.contains("Thu 26 Nov: no numbness; run done; ran 5.0 mi"),
        "{in_mi}"
    );
    assert_eq!(
        ok(d, &["--unit", "km", "shoes"]),
        "pegasus: 108.0 of 640.0 km\n"
    );
}

#[test]
fn counts_of_one_are_said_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rest = refused(
        d,
        &[
            "new",
            "--layoff",
            "1d",
            "--weekly",
            "25",
            "--runs",
            "6",
            "--rest-days",
            "mon,tue",
        ],
    );
    assert!(
        rest.ends_with("5 days left for 6 runs; expected at most 1 rest day with 6 runs"),
        "{rest}"
    );
    ok(
        d,
        &["new", "--layoff", "1d", "--weekly", "25", "--runs", "4"],
    );
    let plan = ok(d, &["plan"]);
    assert!(plan.contains(", after 1 day off (template"), "{plan}");
    let saved = ok(
        d,
        &[
            "checkin",
            "--numbness",
            "1",
            "--onset",
            "during",
            "--minutes",
            "1",
            "--cleared",
            "quickly",
        ],
    );
    assert!(
        saved.contains("It has started about 1 minute in"),
        "{saved}"
    );
    let export = d.join("one.json");
    ok(d, &["export", "-o", export.to_str().unwrap()]);
    let other = tempfile::tempdir().unwrap();
    let imported = ok(other.path(), &["import", export.to_str().unwrap()]);
    assert!(
        imported.ends_with("(1 check-in, 0 clearances).\n"),
        "{imported}"
    );
    let gpx = d.join("not-a-run.gpx");
    std::fs::write(&gpx, "hello").unwrap();
    let out = run(d, &["activities", "import", gpx.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.ends_with("comeback: 1 file was not recorded (said above)\n"),
        "{stderr}"
    );
}
