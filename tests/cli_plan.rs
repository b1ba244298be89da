//! The plan commands, driven through the real binary.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn comeback(dir: &Path) -> Command {
    common::cli(dir, "2026-11-23")
}

fn new_plan(dir: &Path) {
    comeback(dir)
        .args(["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"])
        .assert()
        .success()
        // 21 days off: three runs in week 1, 25 mi from week 5; the plan ends
        // once the goal week's normal shape has been held for a week.
        .stdout(predicate::str::contains("Plan saved: 7 weeks"));
}

fn db_bytes(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("comeback.db")).unwrap()
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/templates/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn new_then_plan_shows_the_week_table() {
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    comeback(dir.path())
        .arg("plan")
        .assert()
        .success()
        // Week 1 has no long run: the column is each week's longest run.
        .stdout(predicate::str::contains("Volume     Longest  Runs"))
        .stdout(predicate::str::contains(
            ">   1  23 Nov–29 Nov         1  build     15.0 mi    5.0 mi      3    2",
        ))
        .stdout(predicate::str::contains(
            "    5  21 Dec–27 Dec         5  goal      25.0 mi",
        ))
        // A week into the new year carries its year; no lone year row.
        .stdout(predicate::str::contains("28 Dec–03 Jan 2027"))
        .stdout(predicate::str::is_match(r"(?m)^\s*2027\s*$").unwrap().not());
}

#[test]
fn plan_text_fits_in_eighty_columns() {
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    let out = comeback(dir.path()).arg("plan").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn plan_json_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    let out = comeback(dir.path())
        .args(["plan", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "comeback.plan/9");
    assert_eq!(doc["unit"], "mi");
    assert_eq!(doc["template"]["name"], "standard");
    assert_eq!(doc["template"]["version"], 2);
    assert_eq!(doc["profile"]["layoff_days"], 21);
    assert_eq!(doc["profile"]["unit"], "mi");
    assert!(doc["checkins"].is_array() && doc["decisions"].is_array());
    let week = &doc["weeks"][0];
    for key in [
        "week",
        "start",
        "phase",
        "target_distance",
        "target_minutes",
        "cutback",
        "days",
    ] {
        assert!(week.get(key).is_some(), "week lacks {key}");
    }
    assert_eq!(week["start"], "2026-11-23");
    assert_eq!(week["target_minutes"], serde_json::Value::Null);
    // Monday rests after the Sunday long run; week 1 runs three times, on
    // Tuesday, Thursday and Sunday.
    assert_eq!(week["days"][0]["sessions"][0]["kind"], "rest");
    let day = &week["days"][1];
    assert_eq!(day["date"], "2026-11-24");
    let run = &day["sessions"][0];
    assert_eq!(run["kind"], "run");
    assert!(run["distance"].is_number());
    assert!(run.get("minutes").is_some() && run.get("intervals").is_some());
    assert_eq!(run["effort"]["rpe"], serde_json::json!([3, 4]));
    assert!(run["effort"]["words"].is_string() && run["effort"]["minutes"].is_number());
    // Week 1's three runs are the same length: none is called long. From
    // week 2 the long run leads, on Sunday.
    let sunday = &week["days"][6]["sessions"][0];
    assert_eq!(sunday["kind"], "run");
    assert_eq!(sunday["long"], false, "no long run among equal runs");
    let long = &doc["weeks"][1]["days"][6]["sessions"][0];
    assert_eq!(long["long"], true, "the long run on Sunday");
    let habit_ids: Vec<&str> = day["habits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    for id in [
        "walk-before-sitting",
        "no-low-seats",
        "loosen-laces",
        "lace-check",
    ] {
        assert!(habit_ids.contains(&id), "missing habit {id}");
    }
    let strength = doc["weeks"][0]["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["sessions"].as_array().unwrap())
        .find(|s| s["kind"] == "strength")
        .unwrap();
    let exercise = &strength["exercises"][0];
    for key in ["id", "name", "region", "sets"] {
        assert!(exercise.get(key).is_some(), "exercise lacks {key}");
    }
    assert!(exercise.get("reps").is_some() || exercise.get("hold_seconds").is_some());
}

#[test]
fn run_walk_weeks_have_minutes_and_intervals_in_json() {
    let dir = tempfile::tempdir().unwrap();
    comeback(dir.path())
        .args(["new", "--layoff", "20w", "--weekly", "30", "--runs", "3"])
        .assert()
        .success();
    let out = comeback(dir.path())
        .args(["plan", "--json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let week = &doc["weeks"][0];
    assert_eq!(week["phase"], "run_walk");
    assert_eq!(week["target_distance"], serde_json::Value::Null);
    let run = &week["days"][1]["sessions"][0];
    assert_eq!(run["distance"], serde_json::Value::Null);
    // 20 weeks off starts on the ladder's second rung: 6 x (1:30 run, 2:00
    // walk), 21 minutes.
    let intervals = &run["intervals"];
    assert_eq!(intervals["run_seconds"], 90);
    assert_eq!(intervals["walk_seconds"], 120);
    assert_eq!(intervals["repeats"], 6);
    assert_eq!(run["minutes"], 21);
    let seconds = |key: &str| intervals[key].as_u64().unwrap();
    assert_eq!(
        run["minutes"].as_u64().unwrap() * 60,
        seconds("repeats") * (seconds("run_seconds") + seconds("walk_seconds")),
        "the minutes are the intervals' time"
    );
}

#[test]
fn today_lists_sessions_exercises_and_checklists() {
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    comeback(dir.path())
        .args(["--today", "2026-11-24", "today"])
        .assert()
        .success()
        .stdout(predicate::str::contains("week 1 · stage 1 of 7"))
        .stdout(predicate::str::contains("Easy run 5.0 mi"))
        .stdout(predicate::str::contains(
            "easy, conversational: RPE 3–4 of 10, about 53 min",
        ))
        .stdout(predicate::str::contains("Before the run:"))
        .stdout(predicate::str::contains("Walk or stand for 3 to 5 minutes"));
    comeback(dir.path())
        .args(["--today", "2026-11-24", "today"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Strength:"))
        .stdout(predicate::str::contains("Front plank"))
        .stdout(predicate::str::contains("2 x 10 s"));
}

#[test]
fn today_json_names_the_week_and_sessions() {
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    let out = comeback(dir.path())
        .args(["today", "--json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["today"], "2026-11-23");
    assert_eq!(doc["week"], 1);
    assert_eq!(doc["unit"], "mi");
    assert_eq!(doc["sessions"][0]["kind"], "rest");
}

#[test]
fn unit_flag_converts_the_display() {
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    comeback(dir.path())
        .args(["--unit", "km", "plan"])
        .assert()
        .success()
        // Week 1's 15.0 mi as the sum of its runs shown in km: 3 x 8.0
        // (5.0 mi is 8.047 km, rounded once).
        .stdout(predicate::str::contains("24.0 km"))
        .stdout(predicate::str::contains("towards 40.2 km"));
}

#[test]
fn today_and_data_dir_come_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    Command::cargo_bin("comeback")
        .unwrap()
        .env("COMEBACK_DATA_DIR", dir.path())
        .env("COMEBACK_TODAY", "2026-12-01")
        .arg("today")
        .assert()
        .success()
        .stdout(predicate::str::contains("Tuesday 1 December 2026 · week 2"))
        .stdout(predicate::str::contains("Not medical advice"));
}

#[test]
fn a_user_template_file_is_used_and_named() {
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
            "--template",
        ])
        .arg(fixture("valid-mine"))
        .assert()
        .success()
        .stdout(predicate::str::contains("template mine v2"));
}

#[test]
fn new_refuses_to_replace_a_plan_without_force() {
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    let before = db_bytes(dir.path());
    comeback(dir.path())
        .args(["new", "--layoff", "1w", "--weekly", "40", "--runs", "5"])
        .assert()
        .code(1)
        .stderr(
            "comeback: a plan already exists (started 2026-11-23); add --force to replace it\n",
        );
    assert_eq!(db_bytes(dir.path()), before);
    comeback(dir.path())
        .args(["plan"])
        .assert()
        .stdout(predicate::str::contains("4 runs a week towards 25.0 mi"));
    comeback(dir.path())
        .args([
            "new", "--layoff", "1w", "--weekly", "40", "--runs", "5", "--force",
        ])
        .assert()
        .success();
    comeback(dir.path())
        .args(["plan"])
        .assert()
        .stdout(predicate::str::contains("5 runs a week towards 40.0 mi"));
}

#[test]
fn a_new_plan_or_an_import_is_refused_while_care_is_open_and_a_replacement_says_where_the_old_went()
{
    // The clinician's twentieth review: `new --force` lifted urgent care
    // and gave an easy run for today.
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    let export = dir.path().join("before.json");
    comeback(dir.path())
        .args(["export", "--format", "json", "--output"])
        .arg(&export)
        .assert()
        .success();
    comeback(dir.path())
        .args([
            "checkin",
            "--numbness",
            "1",
            "--where",
            "calf",
            "--side",
            "left",
            "--onset",
            "during",
            "--cleared",
            "quickly",
            "--flag",
            "weakness",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("URGENT CARE"));
    let before = db_bytes(dir.path());
    let refused = "replacing the plan would lift the care open since Mon 23 Nov 2026 (now urgent, today) and take its check-ins out of the journal; expected a clinician's clearance first (`comeback clear`), then the new plan";
    comeback(dir.path())
        .args([
            "new", "--layoff", "1w", "--weekly", "40", "--runs", "5", "--force",
        ])
        .assert()
        .code(1)
        .stderr(format!("comeback: {refused}\n"));
    comeback(dir.path())
        .args(["import", "--force"])
        .arg(&export)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(refused));
    assert_eq!(db_bytes(dir.path()), before);
    assert!(!dir.path().join("archive").exists());
    // After a clearance the runner may start over; the old plan is kept.
    comeback(dir.path()).args(["clear"]).assert().success();
    let replaced = comeback(dir.path())
        .args([
            "new", "--layoff", "1w", "--weekly", "40", "--runs", "5", "--force",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let replaced = String::from_utf8(replaced).unwrap();
    let archived = std::fs::read_dir(dir.path().join("archive"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .next()
        .unwrap();
    assert!(
        replaced.contains(&format!(
            "The plan it replaced, with its check-ins, is kept in {}; `comeback import --force {}` brings it back.",
            archived.display(),
            archived.display()
        )),
        "{replaced}"
    );
}

#[test]
fn plan_without_a_plan_says_how_to_make_one_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    comeback(&data).arg("plan").assert().code(1).stderr(
        predicate::str::contains("no plan in").and(predicate::str::contains("comeback new")),
    );
    assert!(!data.exists());
}

/// Bad input: one line on stderr naming the value and what is allowed, a
/// non-zero exit, and nothing written.
fn refused(args: &[&str], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = comeback(&data).args(args).output().unwrap();
    assert!(!out.status.success(), "{args:?} was accepted");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(expected), "{args:?}: {stderr}");
    assert!(!data.exists(), "{args:?} wrote to the data dir");
}

const NEW: [&str; 7] = ["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"];

fn new_with(replace: &str, value: &str) -> Vec<String> {
    let mut args: Vec<String> = NEW.iter().map(|s| s.to_string()).collect();
    match args.iter().position(|a| a == replace) {
        Some(i) => args[i + 1] = value.to_string(),
        None => {
            args.push(replace.to_string());
            args.push(value.to_string());
        }
    }
    args
}

fn refused_new(flag: &str, value: &str, expected: &str) {
    let args = new_with(flag, value);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    refused(&args, expected);
}

#[test]
fn a_layoff_that_is_not_days_or_weeks_is_refused() {
    refused_new(
        "--layoff",
        "3x",
        "invalid value '3x' for '--layoff <Nd|Nw>': expected a number of days or weeks, like 21d, 3w or 5 weeks",
    );
}

#[test]
fn a_negative_layoff_is_refused_naming_the_flag() {
    // (Before, clap read `-3d` as the flags -3 and -d: "unexpected argument".)
    refused_new(
        "--layoff",
        "-3d",
        "invalid value '-3d' for '--layoff <Nd|Nw>': expected a number of days or weeks",
    );
}

#[test]
fn a_race_time_too_short_says_how_it_was_read_and_how_to_write_hours() {
    refused_new(
        "--race",
        "half=1:55",
        "race half=1:55 (a time of 1 min 55 s): expected a time no faster than 57:52, the world records' pace; hours need three parts, like 1:55:00",
    );
}

#[test]
fn a_race_slower_than_the_slowest_easy_pace_is_refused_per_km_in_a_km_plan() {
    // The coach's seventh review: the refusal said "per mile" in a km plan.
    refused(
        &[
            "new",
            "--layoff",
            "3w",
            "--weekly",
            "40",
            "--runs",
            "4",
            "--unit",
            "km",
            "--race",
            "5k=1:10:00",
        ],
        "race 5k=1:10:00 (a time of 1 h 10 min): expected a race pace no slower than 12:30 per km, the slowest easy pace a plan uses",
    );
}

#[test]
fn a_slow_finishers_race_gives_the_slowest_easy_pace_a_plan_uses() {
    // A 60-minute 5k (19:19 a mile) was refused: its easy pace was over
    // 20:00 a mile. A walker who runs is planned at the slowest easy pace.
    let dir = tempfile::tempdir().unwrap();
    comeback(dir.path())
        .args(["new", "--layoff", "3w", "--weekly", "15", "--runs", "3"])
        .args(["--race", "5k=60:00"])
        .assert()
        .success();
    let plan = comeback(dir.path())
        .args(["plan", "--days"])
        .output()
        .unwrap();
    let text = String::from_utf8(plan.stdout).unwrap();
    // 20:00 a mile, slowed by three weeks off.
    assert!(text.contains("19:52–21:32 /mi"), "{text}");
}

#[test]
fn a_race_time_faster_than_the_world_records_is_refused() {
    // A 12:00 5k gave an easy pace inside the range and a plan at
    // world-class paces (the coach's seventh review).
    refused_new(
        "--race",
        "5k=12:00",
        "race 5k=12:00 (a time of 12 min): expected a time no faster than 12:38, the world records' pace",
    );
}

#[test]
fn an_easy_pace_and_a_race_together_are_refused() {
    // The race sets the easy pace: one of them would be dropped unsaid.
    let mut args = new_with("--race", "5k=25:00");
    args.extend(["--easy-pace".to_string(), "9:30".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    refused(&args, "cannot be used with");
}

#[test]
fn a_rest_day_given_twice_is_kept_once() {
    let dir = tempfile::tempdir().unwrap();
    let args = new_with("--rest-days", "mon,mon");
    comeback(dir.path()).args(&args).assert().success();
    let out = comeback(dir.path())
        .args(["plan", "--json"])
        .output()
        .unwrap();
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["profile"]["rest_days"], serde_json::json!(["mon"]));
}

#[test]
fn a_negative_weekly_distance_is_refused() {
    refused(
        &["new", "--layoff", "3w", "--weekly=-5", "--runs", "4"],
        "invalid value '-5' for '--weekly <N>': expected a distance from 3 to 200 mi",
    );
}

#[test]
fn a_negative_number_written_as_a_separate_value_is_named_whole() {
    // (Before, clap read `-25` as the flags -2 and -5: "unexpected argument '-2'".)
    refused(
        &["new", "--layoff", "3w", "--weekly", "-25", "--runs", "4"],
        "invalid value '-25' for '--weekly <N>': expected a distance from 3 to 200 mi",
    );
    refused(
        &["checkin", "--numbness", "1", "--minutes", "-3"],
        "invalid value '-3' for '--minutes <M>': expected whole minutes from 0 to 600",
    );
}

#[test]
fn missing_arguments_and_a_choice_not_offered_are_named_on_one_line() {
    refused(
        &["new", "--layoff", "3w"],
        "the following required arguments were not provided: --weekly <N>, --runs <3-6>",
    );
    refused_new(
        "--long-day",
        "sunday",
        "invalid value 'sunday' for '--long-day <DAY>' [possible values: mon, tue, wed, thu, fri, sat, sun]",
    );
}

#[test]
fn nine_runs_a_week_is_refused() {
    refused_new(
        "--runs",
        "9",
        "invalid value '9' for '--runs <3-6>': expected 3 to 6 runs a week",
    );
}

#[test]
fn a_start_date_that_does_not_exist_is_refused() {
    refused_new(
        "--start",
        "2026-13-01",
        "invalid value '2026-13-01' for '--start <YYYY-MM-DD>': expected a real calendar date",
    );
}

#[test]
fn an_unknown_unit_is_refused() {
    refused(
        &["--unit", "furlong", "plan"],
        "invalid value 'furlong' for '--unit <mi|km>': expected mi or km",
    );
}

#[test]
fn an_unknown_template_is_refused() {
    refused_new(
        "--template",
        "speedy",
        "template 'speedy': expected a shipped template (standard, cautious) or a template file",
    );
}

#[test]
fn a_malformed_template_file_is_refused_with_file_field_and_problem() {
    refused_new(
        "--template",
        &fixture("bad-fraction"),
        "bad-fraction.json: layoff_bands[1].start_fraction: 1.5 is outside (0, 1]",
    );
    refused_new(
        "--template",
        &fixture("bad-unknown-field"),
        "bad-unknown-field.json: strength.colour: unknown field `colour`",
    );
    refused_new(
        "--template",
        &fixture("bad-not-json"),
        "bad-not-json.json: EOF while parsing",
    );
}

#[test]
fn templates_list_names_both_shipped_templates() {
    let dir = tempfile::tempdir().unwrap();
    comeback(dir.path())
        .args(["templates", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("standard").and(predicate::str::contains("cautious")));
}

#[test]
fn templates_check_accepts_a_good_file_and_names_the_problem_in_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    comeback(dir.path())
        .args(["templates", "check"])
        .arg(fixture("valid-mine"))
        .assert()
        .success()
        .stdout(predicate::str::contains("ok (template 'mine', version 2)"));
    let cases = [
        (
            "bad-fraction",
            "layoff_bands[1].start_fraction: 1.5 is outside (0, 1]",
        ),
        (
            "bad-unknown-field",
            "strength.colour: unknown field `colour`",
        ),
        (
            "bad-empty-library",
            "strength.exercises: the strength library is empty",
        ),
        ("bad-habit-without-id", "habits[0]: missing field `id`"),
        ("bad-cap", "weekly_increase_cap: -0.1 must be above 0"),
    ];
    for (name, problem) in cases {
        let out = comeback(dir.path())
            .args(["templates", "check"])
            .arg(fixture(name))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(&format!("{name}.json: {problem}")),
            "{name}: {stderr}"
        );
    }
}

/// `new` with extra flags on a fresh folder: (exit ok, stdout, stderr).
fn new_with_flags(extra: &[&str]) -> (bool, String, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"];
    args.extend(extra);
    let out = comeback(dir.path()).args(&args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        dir,
    )
}

#[test]
fn weekly_limits_are_read_in_the_plans_unit() {
    let (ok, _, err, _d) = new_with_flags(&["--weekly", "250"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "comeback: invalid value '250' for '--weekly <N>': expected a distance from 3 to 200 mi"
    );
    let (ok, _, err, _d) = new_with_flags(&["--unit", "km", "--weekly", "250", "--runs", "6"]);
    // The km limit is the template's own (12 mi / 19.3 km), not 12 read as km.
    assert!(!ok, "250 km over 6 runs is over 19.3 km a run");
    assert!(err.contains("expected at most 19.3 km a run"), "{err}");
    let (ok, _, _, _d) = new_with_flags(&["--unit", "km", "--weekly", "110", "--runs", "6"]);
    assert!(ok, "110 km is within the km limits");
    let (ok, _, err, _d) = new_with_flags(&["--unit", "km", "--weekly", "4"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "comeback: invalid value '4' for '--weekly <N>': expected a distance from 5 to 320 km"
    );
}

#[test]
fn a_week_needing_runs_over_twelve_miles_is_refused() {
    // Six runs are the most: only a lower goal helps.
    let (ok, _, err, _d) = new_with_flags(&["--weekly", "120", "--runs", "6"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "comeback: 120 mi a week over 6 runs needs everyday runs of 21.2 mi beside the long run: expected at most 12.0 mi a run; choose a lower goal"
    );
    let (ok, _, err, _d) = new_with_flags(&["--weekly", "60", "--runs", "4"]);
    assert!(!ok);
    assert!(err.contains("choose more runs or a lower goal"), "{err}");
}

#[test]
fn a_refusal_at_the_assumed_pace_says_which_pace_and_a_faster_one_is_planned() {
    // The coach's eighth and ninth reviews: 75 mi over 6 runs was refused
    // with "choose a lower goal" at the assumed 10:30/mi, and planned at
    // 8:30/mi (a longer long run in its 150 minutes).
    let (ok, _, err, _d) = new_with_flags(&["--weekly", "75", "--runs", "6"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "comeback: 75 mi a week over 6 runs needs everyday runs of 12.2 mi beside the long run: expected at most 12.0 mi a run; choose a lower goal, or give your easy pace or a recent race: the long run was reckoned at an assumed easy pace of 10:30/mi"
    );
    let (ok, _, err, _d) =
        new_with_flags(&["--weekly", "75", "--runs", "6", "--easy-pace", "8:30"]);
    assert!(ok, "{err}");
    // Where no pace would help, or a pace was given, nothing is said of it.
    let (_, _, err, _d) = new_with_flags(&["--weekly", "60", "--runs", "4"]);
    assert!(!err.contains("assumed"), "{err}");
    let (_, _, err, _d) =
        new_with_flags(&["--weekly", "75", "--runs", "6", "--easy-pace", "11:30"]);
    assert!(
        err.contains("choose a lower goal") && !err.contains("assumed"),
        "{err}"
    );
}

#[test]
fn a_week_whose_everyday_runs_fit_beside_its_long_run_is_planned() {
    // The coach's sixth review: 50 mi over 4 runs is a 14.2 mi long run
    // and everyday runs of about 11.9, within the 12 mi limit.
    let (ok, _, err, dir) = new_with_flags(&["--weekly", "50", "--runs", "4"]);
    assert!(ok, "{err}");
    let doc = common::json(dir.path(), "2026-11-23", &["plan", "--json"]);
    let weeks = doc["weeks"].as_array().cloned().unwrap_or_default();
    let last = weeks.last().cloned().unwrap_or_default();
    let runs: Vec<f64> = last["days"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|d| d["sessions"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s["distance"].as_f64())
        .collect();
    assert_eq!(runs.len(), 4, "{last:#}");
    assert!((runs.iter().sum::<f64>() - 50.0).abs() < 0.05, "{runs:?}");
    let mut sorted = runs.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));
    assert!(sorted[1..].iter().all(|r| *r <= 12.0), "{runs:?}");
}

#[test]
fn the_runner_chooses_the_long_run_day_and_rest_days() {
    let (ok, _, err, dir) = new_with_flags(&["--long-day", "sat", "--rest-days", "mon,fri"]);
    assert!(ok, "{err}");
    let doc = common::json(dir.path(), "2026-11-23", &["plan", "--json"]);
    assert_eq!(doc["profile"]["long_day"], "sat");
    assert_eq!(
        doc["profile"]["rest_days"],
        serde_json::json!(["mon", "fri"])
    );
    // The plan starts on Monday 23 Nov: Monday and Friday rest, Saturday is long.
    let days = doc["weeks"][1]["days"].as_array().unwrap();
    assert_eq!(days[0]["sessions"], serde_json::json!([{"kind": "rest"}]));
    assert_eq!(days[4]["sessions"], serde_json::json!([{"kind": "rest"}]));
    assert_eq!(days[5]["sessions"][0]["long"], true);
    let (ok, _, err, _d) = new_with_flags(&["--long-day", "sun", "--rest-days", "sun"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "comeback: long-run day sun is also a rest day: expected a day that is not"
    );
    let (ok, _, err, _d) = new_with_flags(&["--runs", "6", "--rest-days", "mon,fri"]);
    assert!(!ok);
    assert!(
        err.contains("rest days mon,fri: 5 days left for 6 runs"),
        "{err}"
    );
    let (ok, _, err, _d) = new_with_flags(&["--long-day", "sunday"]);
    assert!(!ok);
    assert!(
        err.contains("invalid value 'sunday' for '--long-day <DAY>'"),
        "{err}"
    );
}

#[test]
fn a_race_or_easy_pace_gives_paces_scaled_by_the_time_off() {
    let (ok, _, err, dir) = new_with_flags(&["--race", "5k=25:00"]);
    assert!(ok, "{err}");
    let doc = common::json(dir.path(), "2026-11-23", &["plan", "--json"]);
    // Tuesday 24 Nov, week 1's first run.
    let run = &doc["weeks"][0]["days"][1]["sessions"][0];
    assert_eq!(run["kind"], "run");
    let [fast, slow] = [0, 1].map(|i| run["effort"]["pace_seconds"][i].as_u64().unwrap());
    // A 25:00 5K is an easy ~10:00–10:40 /mi fresh; three weeks off slows it.
    assert!(
        fast < slow && (600..=700).contains(&fast) && (640..=760).contains(&slow),
        "{fast} {slow}"
    );
    let out = comeback(dir.path())
        .args(["--unit", "km", "--today", "2026-11-24", "today"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(" /km"), "{text}");
    let (ok, _, err, _d) = new_with_flags(&["--easy-pace", "9:30"]);
    assert!(ok, "{err}");
    let (ok, _, err, _d) = new_with_flags(&["--race", "5k=25"]);
    assert!(!ok);
    assert!(err.contains("race time '25'"), "{err}");
    let (ok, _, err, _d) = new_with_flags(&["--easy-pace", "3:00"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "comeback: easy pace 3:00 per mi: expected 5:00 to 20:00 per mi"
    );
}

#[test]
fn a_start_in_the_future_lengthens_the_layoff() {
    let (ok, said, err, dir) = new_with_flags(&["--start", "2026-12-07"]);
    assert!(ok, "{err}");
    // Said when the plan is saved (a coach's eighth review).
    assert!(
        said.replace('\n', " ").contains(
            "The plan starts in 14 days: they count as days off too, so it is made for 35 days off."
        ),
        "{said}"
    );
    let doc = common::json(dir.path(), "2026-11-23", &["plan", "--json"]);
    assert_eq!(
        doc["profile"]["layoff_days"], 35,
        "21 days off and 14 more before the start"
    );
    let targets = |doc: &serde_json::Value| -> Vec<f64> {
        doc["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["target_distance"].as_f64().unwrap())
            .collect()
    };
    // The same return as 35 days off starting today: weeks of the same
    // volume, and a smaller first week than 21 days off gets.
    let (ok, _, err, now) = new_with_flags(&["--layoff", "35d"]);
    assert!(ok, "{err}");
    let now = common::json(now.path(), "2026-11-23", &["plan", "--json"]);
    assert_eq!(now["profile"]["layoff_days"], 35);
    assert_eq!(targets(&doc), targets(&now));
    let (ok, _, err, short) = new_with_flags(&[]);
    assert!(ok, "{err}");
    let short = common::json(short.path(), "2026-11-23", &["plan", "--json"]);
    let [first, first_short] = [&doc, &short].map(|d| targets(d)[0]);
    assert!(
        first < first_short,
        "35 days off starts lower than 21 days off: {first} vs {first_short}"
    );
    assert!(
        first < 25.0 / 2.0,
        "35 days off starts under half the old week: {first}"
    );
}

#[test]
fn plan_days_lists_every_day_with_its_effort() {
    let dir = tempfile::tempdir().unwrap();
    new_plan(dir.path());
    let out = comeback(dir.path())
        .args(["plan", "--days"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Week 1 · Mon 23 Nov 2026–Sun 29 Nov · stage 1 · build · 15.0 mi"),
        "{text}"
    );
    assert!(text.contains("  Mon 23  Rest day"), "{text}");
    assert!(
        text.contains("  Tue 24  Easy run 5.0 mi. Easy, conversational"),
        "{text}"
    );
    assert!(text.contains("Long run 5.5 mi. Easy and steady"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80));
}

#[test]
fn the_help_examples_fit_in_eighty_columns_and_copy_as_they_are() {
    // (A new user's pass: the examples wrapped mid-command, so a copied
    // line broke.) A long one goes on with a backslash.
    let out = Command::cargo_bin("comeback")
        .unwrap()
        .env("COLUMNS", "80")
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let examples: Vec<&str> = help
        .lines()
        .skip_while(|l| *l != "Examples:")
        .skip(1)
        .collect();
    assert!(examples.len() > 5, "{help}");
    for pair in examples.windows(2) {
        assert!(pair[1].chars().count() <= 80, "{}", pair[1]);
        if !pair[1].starts_with("  comeback") {
            assert!(pair[0].ends_with('\\'), "{} / {}", pair[0], pair[1]);
        }
    }
}

#[test]
fn new_says_when_the_goal_week_has_fewer_runs_than_asked() {
    let dir = tempfile::tempdir().unwrap();
    comeback(dir.path())
        .args(["new", "--layoff", "3w", "--weekly", "12", "--runs", "6"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "The goal week has 5 runs, not 6: in a 12.0 mi week with a long run, 6 runs",
        ));
    let out = comeback(dir.path())
        .args([
            "new", "--force", "--layoff", "3w", "--weekly", "25", "--runs", "4",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("The goal week has"), "{text}");
}

#[test]
fn new_says_when_the_goal_week_is_too_small_even_for_three_runs_of_two_miles() {
    // The coach's seventh review: a 5 mi week over 6 runs gave 3 runs of
    // 1.6 mi, below the 2 mi the message promised.
    let dir = tempfile::tempdir().unwrap();
    let out = comeback(dir.path())
        .args(["new", "--layoff", "0d", "--weekly", "5", "--runs", "6"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap().replace('\n', " ");
    assert!(
        text.contains("The goal week has 3 runs, not 6: a 5.0 mi week is too small even for three runs of about 20 minutes or 2 mi, the shortest worth lacing up for"),
        "{text}"
    );
}

#[test]
fn a_start_in_the_past_asks_for_the_runs_since_so_its_first_week_is_no_break() {
    // Today is Mon 23 Nov; the plan began a week ago.
    let (ok, out, err, dir) = new_with_flags(&["--start", "2026-11-16"]);
    assert!(ok, "{err}");
    let text = out.replace('\n', " ");
    assert!(
        text.contains("The plan began 7 days ago: record the runs you did since with `comeback checkin --date 2026-11-16`"),
        "{out}"
    );
    for day in ["2026-11-17", "2026-11-19", "2026-11-21"] {
        comeback(dir.path())
            .args([
                "checkin",
                "--date",
                day,
                "--numbness",
                "0",
                "--session",
                "done",
            ])
            .assert()
            .success();
    }
    let status = common::json(dir.path(), "2026-11-23", &["status", "--json"]);
    assert_eq!(status["status"], "on_track", "{status:#}");
    assert_eq!(status["headline"], "keep going", "{status:#}");
    let (_, out, _, _d) = new_with_flags(&[]);
    assert!(!out.contains("The plan began"), "{out}");
}

#[test]
fn the_longest_run_before_the_layoff_is_kept_and_never_over_the_week() {
    let (ok, out, err, dir) = new_with_flags(&["--longest-run", "7.5"]);
    assert!(ok, "{err}");
    assert!(!out.contains("--longest-run"), "{out}");
    let doc = common::json(dir.path(), "2026-11-23", &["plan", "--json"]);
    assert_eq!(doc["profile"]["longest_run"], 7.5);
    refused_new(
        "--longest-run",
        "30",
        "longest run 30 mi: expected at least 1 mi and at most the weekly distance before the layoff (25 mi)",
    );
    refused_new(
        "--longest-run",
        "0.1",
        "longest run 0.1 mi: expected at least 1 mi",
    );
    refused_new(
        "--longest-run",
        "-3",
        "invalid value '-3' for '--longest-run <N>': expected a distance above 0",
    );
    // Not given: said, with the flag that gives it.
    let (_, out, _, _d) = new_with_flags(&[]);
    assert!(out.contains("give it with `--longest-run N`"), "{out}");
}

#[test]
fn a_start_from_which_the_plan_is_over_by_today_is_refused() {
    // The coach's seventh review: a 7-week plan that ended in February 2025
    // was saved, asking for the runs of the 705 days since.
    refused_new(
        "--start",
        "2025-01-01",
        "start 2025-01-01: the plan would be over on 2025-02-18, before today (2026-11-23); expected a start from which the plan reaches today; add --force to start it anyway",
    );
}
