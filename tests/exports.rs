//! Exports and import: the JSON document against its checked-in schema, the
//! round trip, refused imports that change nothing, the calendar parsed back,
//! the clinician summary, shoes, completions and the man page.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use proptest::prelude::*;
use std::path::Path;

const TODAY: &str = "2026-12-09";

fn comeback(dir: &Path) -> Command {
    common::cli(dir, TODAY)
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = comeback(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A comeback from Mon 23 Nov with shoes, check-ins, a care episode and a clearance.
/// Week 1 runs Tue 24, Thu 26 and Sun 29 (care opens that Sunday); after the
/// clearance on Wed 2 Dec runs are on Thu 3, Sun 6 and Tue 8.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    run(
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
            "2026-11-23",
        ],
    );
    run(
        dir.path(),
        &["shoes", "add", "old-trainers", "--start-distance", "380"],
    );
    for (date, args) in [
        ("2026-11-23", vec!["--numbness", "0"]),
        (
            "2026-11-24",
            vec![
                "--numbness",
                "1",
                "--where",
                "toes",
                "--onset",
                "during",
                "--minutes",
                "20",
                "--cleared",
                "quickly",
            ],
        ),
        (
            "2026-11-27",
            vec!["--numbness", "0", "--note", "new lacing, better"],
        ),
        (
            "2026-11-29",
            vec![
                "--numbness",
                "1",
                "--where",
                "arch",
                "--side",
                "both",
                "--onset",
                "after",
                "--cleared",
                "quickly",
                "--flag",
                "back_pain",
            ],
        ),
    ] {
        let mut all = vec!["checkin", "--date", date];
        all.extend(args);
        run(dir.path(), &all);
    }
    run(dir.path(), &["shoes", "add", "pegasus-41"]);
    run(
        dir.path(),
        &[
            "clear",
            "--date",
            "2026-12-02",
            "--note",
            "PT: lumbar fine, keep strength work",
        ],
    );
    for date in [
        "2026-12-03",
        "2026-12-04",
        "2026-12-06",
        "2026-12-07",
        "2026-12-08",
    ] {
        run(dir.path(), &["checkin", "--date", date, "--numbness", "0"]);
    }
    dir
}

fn schema() -> serde_json::Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/plan.schema.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_checked_in_schema_is_the_one_the_code_generates() {
    let dir = tempfile::tempdir().unwrap();
    let generated: serde_json::Value = serde_json::from_str(&run(dir.path(), &["schema"])).unwrap();
    assert_eq!(
        generated,
        schema(),
        "run `cargo run -- schema > schema/plan.schema.json`"
    );
}

#[test]
fn every_export_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let dir = fixture();
    for args in [&["export"][..], &["plan", "--json"]] {
        let doc: serde_json::Value = serde_json::from_str(&run(dir.path(), args)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:?}");
    }
    let empty = tempfile::tempdir().unwrap();
    run(
        empty.path(),
        &[
            "new",
            "--layoff",
            "20w",
            "--weekly",
            "40",
            "--runs",
            "6",
            "--unit",
            "km",
            "--numb-now",
        ],
    );
    let doc: serde_json::Value = serde_json::from_str(&run(empty.path(), &["export"])).unwrap();
    assert!(validator.is_valid(&doc));
}

#[test]
fn export_import_export_gives_the_same_bytes() {
    let dir = fixture();
    let first = run(dir.path(), &["export"]);
    let file = dir.path().join("export.json");
    std::fs::write(&file, &first).unwrap();
    let other = tempfile::tempdir().unwrap();
    comeback(other.path())
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("9 check-ins, 1 clearance)"));
    assert_eq!(run(other.path(), &["export"]), first);
    assert_eq!(
        run(other.path(), &["status", "--json"]),
        run(dir.path(), &["status", "--json"])
    );
}

#[test]
fn export_to_a_file_goes_through_a_rename_and_says_where() {
    let dir = fixture();
    let path = dir.path().join("plan.json");
    std::fs::write(&path, "old").unwrap();
    comeback(dir.path())
        .args(["export", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("Wrote the plan (JSON) to"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\n  \"schema\": \"comeback.plan/9\""));
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);
}

fn db(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("comeback.db")).unwrap()
}

/// An edited copy of the fixture's export, imported with --force over a
/// different plan: refused with `expected`, the store byte-identical.
fn refused(edit: impl FnOnce(&mut serde_json::Value), expected: &str) {
    let source = fixture();
    let mut doc: serde_json::Value =
        serde_json::from_str(&run(source.path(), &["export"])).unwrap();
    edit(&mut doc);
    let file = source.path().join("edited.json");
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    refused_file(&file, expected);
}

fn refused_file(file: &Path, expected: &str) {
    let target = tempfile::tempdir().unwrap();
    run(
        target.path(),
        &["new", "--layoff", "1w", "--weekly", "30", "--runs", "3"],
    );
    let before = db(target.path());
    let out = comeback(target.path())
        .arg("import")
        .arg(file)
        .arg("--force")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(expected), "{stderr}");
    assert!(stderr.contains("nothing was changed"));
    assert_eq!(db(target.path()), before);
}

#[test]
fn malformed_json_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.json");
    std::fs::write(&file, "{\"schema\": \"comeback.plan/1\", \"profile\": ").unwrap();
    refused_file(&file, "not valid JSON: EOF while parsing");
}

#[test]
fn another_schema_is_refused() {
    refused(
        |d| d["schema"] = "taskwarrior/3".into(),
        "schema: 'taskwarrior/3': expected one of comeback.plan/1, comeback.plan/2, comeback.plan/3, comeback.plan/4, comeback.plan/5, comeback.plan/6, comeback.plan/7, comeback.plan/8, comeback.plan/9",
    );
}

#[test]
fn a_newer_schema_is_refused() {
    refused(
        |d| d["schema"] = "comeback.plan/10".into(),
        "schema: 'comeback.plan/10' is from a newer comeback",
    );
}

#[test]
fn check_ins_out_of_order_are_refused() {
    refused(
        |d| d["checkins"][2]["date"] = "2026-11-23".into(),
        "checkins[2].date: 2026-11-23 is not after the check-in before it (2026-11-24)",
    );
}

#[test]
fn numbers_out_of_range_are_refused_with_their_path() {
    refused(
        |d| d["checkins"][1]["numbness"] = 9.into(),
        "checkins[1].numbness: numbness 9: expected 0",
    );
    refused(
        |d| d["profile"]["runs_per_week"] = 12.into(),
        "profile: runs per week 12: expected 3 to 6",
    );
    refused(
        |d| d["checkins"][1]["minutes"] = 5000.into(),
        "checkins[1].minutes: minutes 5000: expected 0 to 600",
    );
}

#[test]
fn an_unknown_shoe_in_a_check_in_is_refused() {
    refused(
        |d| d["checkins"][0]["shoes"] = "ghost".into(),
        "checkins[0].shoes: 'ghost' is not in shoes",
    );
}

#[test]
fn import_over_a_plan_needs_force() {
    let source = fixture();
    let file = source.path().join("export.json");
    std::fs::write(&file, run(source.path(), &["export"])).unwrap();
    let target = tempfile::tempdir().unwrap();
    run(
        target.path(),
        &["new", "--layoff", "1w", "--weekly", "30", "--runs", "3"],
    );
    let before = db(target.path());
    comeback(target.path())
        .arg("import")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a plan already exists"));
    assert_eq!(db(target.path()), before);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Truncated or corrupted documents never panic the reader and never
    /// reach the store.
    #[test]
    fn import_never_panics_nor_changes_the_store_on_malformed_input(cut in 0usize..1_000_000, byte in any::<u8>(), at in 0usize..1_000_000) {
        let (source, text) = export_text();
        let mut bytes = text.into_bytes();
        let i = at % bytes.len();
        bytes[i] = byte;
        bytes.truncate(cut % (bytes.len() + 1));
        let edited = String::from_utf8_lossy(&bytes).into_owned();
        let before = db(source);
        let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
        if comeback::comeback::import(source, edited, true, today, "test").is_err() {
            prop_assert_eq!(db(source), before);
        }
    }
}

/// One fixture export shared by the property cases, in a data dir of its own
/// that a successful import may overwrite (with the same content).
fn export_text() -> (&'static Path, String) {
    use std::sync::OnceLock;
    static FIXTURE: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    let (dir, text) = FIXTURE.get_or_init(|| {
        let dir = fixture();
        let text = run(dir.path(), &["export"]);
        (dir, text)
    });
    (dir.path(), text.clone())
}

#[test]
fn the_calendar_has_one_event_per_session_day_with_stable_uids() {
    let dir = fixture();
    let ics = run(dir.path(), &["export", "--format", "ics"]);
    let calendar: icalendar::Calendar = ics.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    let doc: serde_json::Value = serde_json::from_str(&run(dir.path(), &["export"])).unwrap();
    let session_days = doc["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["days"].as_array().unwrap())
        .filter(|d| {
            d["sessions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["kind"] != "rest")
        })
        .count();
    assert_eq!(events.len(), session_days);
    use icalendar::Component;
    // Monday is the rest day after the Sunday run: no event; Tuesday the
    // first run, with strength; Wednesday optional cross-training.
    let first_run = events[0];
    assert_eq!(first_run.get_uid(), Some("2026-11-23-2026-11-24@comeback"));
    assert_eq!(first_run.get_summary(), Some("Easy run 5.0 mi + Strength"));
    let cross = events[1];
    assert_eq!(cross.get_uid(), Some("2026-11-23-2026-11-25@comeback"));
    assert!(
        cross
            .get_summary()
            .unwrap()
            .starts_with("Optional cross-training")
    );
    let description = first_run.get_description().unwrap();
    assert!(description.contains("Walk or stand for 3 to 5 minutes"));
    assert!(
        description.contains("easy, conversational: RPE 3–4 of 10"),
        "{description}"
    );
    let again = run(dir.path(), &["export", "--format", "ics"]);
    assert_eq!(again, ics, "the same day exports the same calendar");
}

#[test]
fn the_clinician_summary_reads_as_expected() {
    let dir = fixture();
    let summary = run(dir.path(), &["export", "--format", "md"]);
    insta::assert_snapshot!("clinician_summary", summary);
    assert!(summary.lines().count() < 110, "fits on two printed pages");
}

#[test]
fn a_retired_pair_keeps_its_day_when_retired_again() {
    let dir = fixture();
    run(dir.path(), &["shoes", "add", "spare"]);
    run(dir.path(), &["shoes", "retire", "spare"]);
    comeback(dir.path())
        .args(["shoes", "retire", "spare"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "shoes 'spare': already retired on 2026-12-09",
        ));
    comeback(dir.path())
        .args(["shoes", "list"])
        .assert()
        .stdout(
            predicate::str::contains("spare: 0.0 of")
                .and(predicate::str::contains("retired 2026-12-09")),
        );
}

#[test]
fn shoes_count_done_runs_and_warn_past_their_life() {
    let dir = fixture();
    comeback(dir.path())
        .args(["shoes", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("old-trainers: 385.0")
                .and(predicate::str::contains("pegasus-41: ")),
        );
    run(
        dir.path(),
        &["shoes", "add", "spare", "--start-distance", "420"],
    );
    // Tuesday's 5.0 mi run recorded again, in the new pair.
    comeback(dir.path())
        .args(["checkin", "--numbness", "0", "--date", "2026-12-08"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Your shoes 'spare' have done 425.0 mi, past the 397.7 mi",
        ));
    comeback(dir.path())
        .args(["shoes", "retire", "spare"])
        .assert()
        .success();
    comeback(dir.path())
        .args(["checkin", "--numbness", "0", "--shoes", "nothing-here"])
        .assert()
        .code(1)
        .stderr("comeback: shoes 'nothing-here': no pair of that name; expected one of: old-trainers, pegasus-41, spare\n");
    comeback(dir.path())
        .args(["shoes", "add", "pegasus-41"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a pair with that name exists"));
    comeback(dir.path())
        .args(["shoes", "retire", "ghost"])
        .assert()
        .code(1);
    comeback(dir.path())
        .args(["shoes", "add", "x", "--start-distance=-4"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "expected a distance from 0 to 5000",
        ));
}

#[test]
fn completions_and_the_man_page_come_from_the_clap_definitions() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run(dir.path(), &["completions", shell]);
        assert!(
            out.contains("checkin") && out.contains("numbness"),
            "{shell}"
        );
    }
    let man = run(dir.path(), &["man"]);
    assert!(man.contains(".TH comeback 1"));
    assert!(man.contains("checkin"));
    comeback(dir.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("comeback 0.1.0"));
    comeback(dir.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    comeback(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'tcsh'"));
}

#[test]
fn the_clinician_summary_names_the_week_as_scheduled_after_a_break() {
    // Three months with no run: the plan re-enters with run/walk, as Today
    // says; the summary said the stage's own "build" (a new user's pass).
    let dir = tempfile::tempdir().unwrap();
    let at = |today: &str, args: &[&str]| {
        common::cli(dir.path(), today).args(args).assert().success();
    };
    at(
        "2026-03-02",
        &["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"],
    );
    at("2026-03-03", &["checkin", "--numbness", "0"]);
    let today = common::cli(dir.path(), "2026-06-01")
        .arg("today")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&today.stdout)
            .lines()
            .next()
            .is_some_and(|l| l.ends_with("run/walk"))
    );
    let summary = common::cli(dir.path(), "2026-06-01")
        .args(["export", "--format", "md"])
        .output()
        .unwrap();
    let summary = String::from_utf8(summary.stdout).unwrap();
    assert!(summary.contains("stage 1 of 7 (run/walk)."), "{summary}");
}

#[test]
fn the_clinician_summary_says_the_cross_training_of_a_day() {
    // (A new user's pass: a bike day read as a rest day.)
    let dir = tempfile::tempdir().unwrap();
    common::cli(dir.path(), "2026-03-02")
        .args(["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"])
        .assert()
        .success();
    common::cli(dir.path(), "2026-03-04")
        .args(["checkin", "--numbness", "0", "--cross", "bike:30"])
        .assert()
        .success();
    let summary = run(dir.path(), &["export", "--format", "md"]);
    assert!(
        summary.contains("| 2026-03-04 |") && summary.contains("bike 30 min |"),
        "{summary}"
    );
}
