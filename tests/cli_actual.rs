//! Actual numbers on a check-in, through the real binary: distance, minutes,
//! RPE, strength and cross-training, kept, shown, exported and counted.

mod common;

use std::path::Path;

fn run(dir: &Path, today: &str, args: &[&str]) -> std::process::Output {
    common::cli(dir, today).args(args).output().unwrap()
}

fn ok(dir: &Path, today: &str, args: &[&str]) -> String {
    let out = run(dir, today, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_run_with_its_numbers_is_saved_shown_and_exported() {
    // The 3-week plan runs on Thursday 26 Nov.
    let dir = common::plan_dir("2026-11-26", "2026-11-23");
    let saved = ok(
        dir.path(),
        "2026-11-26",
        &[
            "checkin",
            "--numbness",
            "0",
            "--distance",
            "5.2",
            "--duration",
            "48:10",
            "--rpe",
            "4",
        ],
    );
    assert!(
        saved.contains(
            "Saved Thu 26 Nov: no numbness; run done; ran 5.2 mi in 48:10 (kept as 48 min), RPE 4 of 10 (load 192: minutes x RPE)."
        ),
        "{saved}"
    );
    let doc = common::json(dir.path(), "2026-11-26", &["export"]);
    assert_eq!(doc["schema"], "comeback.plan/9");
    assert_eq!(
        doc["checkins"][0]["actual"],
        serde_json::json!({"distance": 5.2, "minutes": 48, "rpe": 4})
    );
    let summary = ok(dir.path(), "2026-11-26", &["export", "--format", "md"]);
    assert!(
        summary.contains("| run done | 5.2 mi | 48 | 4 |"),
        "{summary}"
    );
}

#[test]
fn a_distance_in_the_display_unit_is_kept_in_the_plans_unit() {
    let dir = common::plan_dir("2026-11-26", "2026-11-23");
    ok(
        dir.path(),
        "2026-11-26",
        &[
            "--unit",
            "km",
            "checkin",
            "--numbness",
            "0",
            "--distance",
            "10",
        ],
    );
    let doc = common::json(dir.path(), "2026-11-26", &["export"]);
    assert_eq!(doc["checkins"][0]["actual"]["distance"], 6.21);
}

#[test]
fn strength_and_cross_training_days_are_not_rest_days() {
    // Wed 25 and Fri 27 have no run planned (optional cross-training): a
    // check-in there with strength or cross-training done is not a rest day.
    let dir = common::plan_dir("2026-11-27", "2026-11-23");
    ok(
        dir.path(),
        "2026-11-27",
        &[
            "checkin",
            "--date",
            "2026-11-25",
            "--numbness",
            "0",
            "--strength",
            "done",
        ],
    );
    ok(
        dir.path(),
        "2026-11-27",
        &[
            "checkin",
            "--date",
            "2026-11-27",
            "--numbness",
            "0",
            "--cross",
            "bike:30",
        ],
    );
    let history = ok(dir.path(), "2026-11-27", &["history"]);
    assert!(
        history.contains("Wed 25 Nov: no numbness; strength done"),
        "{history}"
    );
    assert!(
        history.contains("Fri 27 Nov: no numbness; bike 30 min"),
        "{history}"
    );
    assert!(!history.contains("rest day"), "{history}");
}

#[test]
fn shoes_count_the_distance_actually_run() {
    // Thu 26 plans 5.0 mi.
    let dir = common::plan_dir("2026-11-26", "2026-11-23");
    ok(dir.path(), "2026-11-26", &["shoes", "add", "pegasus"]);
    ok(
        dir.path(),
        "2026-11-26",
        &["checkin", "--numbness", "0", "--distance", "4.0"],
    );
    let shoes = ok(dir.path(), "2026-11-26", &["shoes", "list"]);
    assert!(shoes.contains("pegasus: 4.0 of"), "{shoes}");
}

#[test]
fn bad_numbers_get_one_line_and_change_nothing() {
    let dir = common::plan_dir("2026-11-25", "2026-11-23");
    let db = || std::fs::read(dir.path().join("comeback.db")).unwrap();
    let before = db();
    for (args, expected) in [
        (["--rpe", "11"], "invalid value '11' for '--rpe <0-10>'"),
        (
            ["--duration", "0"],
            "invalid value '0' for '--duration <MIN>': expected minutes like 48",
        ),
        (
            ["--distance", "-3"],
            "invalid value '-3' for '--distance <N>'",
        ),
        (
            ["--cross", "bike"],
            "invalid value 'bike' for '--cross <KIND:MIN>': expected KIND:MINUTES like bike:30",
        ),
        (
            ["--strength", "maybe"],
            "invalid value 'maybe' for '--strength <DONE>'",
        ),
    ] {
        // `--flag=value`, so a value starting with a minus stays a value.
        let joined = [
            "checkin",
            "--numbness",
            "0",
            &format!("{}={}", args[0], args[1]),
        ]
        .map(String::from);
        let out = common::cli(dir.path(), "2026-11-25")
            .args(&joined)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{joined:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{joined:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert_eq!(db(), before, "{joined:?} changed the store");
    }
}

#[test]
fn actual_numbers_survive_an_export_and_import() {
    let dir = common::plan_dir("2026-11-26", "2026-11-23");
    ok(
        dir.path(),
        "2026-11-26",
        &[
            "checkin",
            "--numbness",
            "0",
            "--distance",
            "5",
            "--rpe",
            "3",
            "--cross",
            "swim:20",
        ],
    );
    let file = dir.path().join("out.json");
    ok(
        dir.path(),
        "2026-11-26",
        &["export", "-o", file.to_str().unwrap()],
    );
    let other = tempfile::tempdir().unwrap();
    ok(
        other.path(),
        "2026-11-26",
        &["import", file.to_str().unwrap()],
    );
    let a = common::json(dir.path(), "2026-11-26", &["export"]);
    let b = common::json(other.path(), "2026-11-26", &["export"]);
    assert_eq!(a["checkins"], b["checkins"]);
    assert_eq!(
        b["checkins"][0]["actual"]["cross"],
        serde_json::json!({"kind": "swim", "minutes": 20})
    );
}

/// The status advice after symptom-free runs of the given (date,
/// distance) on the 3-week plan from Mon 23 Nov.
fn advice_after(runs: &[(&str, &str)], today: &str) -> String {
    let dir = common::plan_dir(today, "2026-11-23");
    for (date, distance) in runs {
        ok(
            dir.path(),
            today,
            &[
                "checkin",
                "--date",
                date,
                "--numbness",
                "0",
                "--distance",
                distance,
            ],
        );
    }
    common::json(dir.path(), today, &["status", "--json"])["advice"].to_string()
}

#[test]
fn a_run_over_a_tenth_longer_than_the_30_day_longest_is_warned_about() {
    // Runs known since Tue 24 Nov: the 30 days before Sat 26 Dec are covered.
    let advice = advice_after(
        &[
            ("2026-11-24", "3.0"),
            ("2026-12-09", "5.0"),
            ("2026-12-26", "6.0"),
        ],
        "2026-12-26",
    );
    assert!(
        advice.contains("Your run on Sat 26 Dec (6.0 mi) was more than 10% longer than your longest of the 30 days before (5.0 mi)"),
        "{advice}"
    );
    let calm = advice_after(
        &[
            ("2026-11-24", "3.0"),
            ("2026-12-09", "5.0"),
            ("2026-12-26", "5.5"),
        ],
        "2026-12-26",
    );
    assert!(!calm.contains("more than 10% longer"), "{calm}");
}

#[test]
fn nothing_is_said_about_run_length_before_the_runs_known_cover_30_days() {
    // The first distance typed in weeks is no history to compare with.
    let advice = advice_after(
        &[("2026-12-09", "5.0"), ("2026-12-13", "6.0")],
        "2026-12-13",
    );
    assert!(!advice.contains("more than 10% longer"), "{advice}");
}

#[test]
fn the_runs_before_a_short_layoff_still_count_for_the_warning() {
    // Three weeks off: the old long run is inside the 30 days, as the plan
    // counts it, so following the plan's 5.0 mi Sunday after a short 3.0 mi
    // Tuesday is no spike.
    let advice = advice_after(
        &[("2026-11-24", "3.0"), ("2026-11-29", "5.0")],
        "2026-11-29",
    );
    assert!(!advice.contains("more than 10% longer"), "{advice}");
}

#[test]
fn a_week_run_far_above_its_plan_says_so() {
    // Week 1 plans 15.0 mi: 5.0 on Tuesday, Thursday and Sunday.
    let advice = advice_after(
        &[
            ("2026-11-24", "7.0"),
            ("2026-11-26", "7.0"),
            ("2026-11-29", "7.0"),
        ],
        "2026-11-29",
    );
    assert!(
        advice.contains("This week you have run 21.0 mi, far above the plan's 15.0 mi"),
        "{advice}"
    );
}
