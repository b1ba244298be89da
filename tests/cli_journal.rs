//! The journal commands through the real binary: check-ins, verdicts, undo,
//! clearance, history, status, bad input and refused stores.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn comeback(dir: &Path, today: &str) -> Command {
    common::cli(dir, today)
}

/// A plan starting Mon 2026-11-23; week 1 runs on Tuesday, Thursday and
/// Sunday.
fn with_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    comeback(dir.path(), "2026-11-23")
        .args(["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"])
        .assert()
        .success();
    dir
}

use common::json;

fn db(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("comeback.db")).unwrap()
}

#[test]
fn cross_training_with_no_run_said_is_the_day_s_exercise_not_a_run() {
    // Tuesday is a run day; the runner walked instead and tingled after it.
    let dir = with_plan();
    comeback(dir.path(), "2026-11-24")
        .args([
            "checkin", "--numbness", "1", "--where", "toes", "--onset", "after", "--cleared",
            "quickly", "--cross", "walk:40",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Saved Tue 24 Nov: tingling at the toes, after exercise, cleared quickly; run skipped; walk 40 min.",
        ));
    // On a rest day it is a rest day.
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--numbness", "0", "--cross", "bike:30"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Saved Wed 25 Nov: no numbness; bike 30 min.",
        ));
}

#[test]
fn a_check_in_saved_for_last_year_says_its_year() {
    let dir = with_plan();
    comeback(dir.path(), "2027-01-04")
        .args(["checkin", "--date", "2026-12-29", "--numbness", "0"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Saved 2026 · Tue 29 Dec: no numbness;",
        ));
}

#[test]
fn a_symptom_free_check_in_prints_the_verdict_and_the_notice() {
    let dir = with_plan();
    comeback(dir.path(), "2026-11-24")
        .args(["checkin", "--numbness", "0"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Saved Tue 24 Nov: no numbness; run done.",
        ))
        .stdout(predicate::str::contains("ON TRACK"))
        .stdout(predicate::str::contains("Not medical advice"));
}

#[test]
fn partial_numbness_during_a_run_steps_back_with_lacing_advice() {
    let dir = with_plan();
    comeback(dir.path(), "2026-11-24")
        .args([
            "checkin",
            "--numbness",
            "2",
            "--where",
            "toes,top",
            "--side",
            "left",
            "--onset",
            "during",
            "--minutes",
            "15",
            "--cleared",
            "quickly",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("STEP BACK"))
        .stdout(predicate::str::contains(
            "Partly numb during the run on Tue 24 Nov.",
        ))
        .stdout(predicate::str::contains("window lacing"));
}

#[test]
fn a_red_flag_sends_the_runner_to_urgent_care_from_the_command_line() {
    let dir = with_plan();
    comeback(dir.path(), "2026-11-24")
        .args(["checkin", "--numbness", "1", "--flag", "weakness"])
        .assert()
        .success()
        .stdout(predicate::str::contains("URGENT CARE"))
        .stdout(predicate::str::contains(
            "Urgent: be seen today — urgent care or an emergency department.",
        ));
    let status = json(dir.path(), "2026-11-24", &["status", "--json"]);
    assert_eq!(status["status"], "urgent_care");
    assert_eq!(status["care"]["level"], "urgent");
}

#[test]
fn seven_days_of_numbness_books_a_clinician_and_clear_resumes_one_stage_back() {
    let dir = with_plan();
    for d in 23..=29 {
        comeback(dir.path(), &format!("2026-11-{d}"))
            .args([
                "checkin",
                "--numbness",
                "1",
                "--onset",
                "after",
                "--cleared",
                "quickly",
            ])
            .assert()
            .success();
    }
    let status = json(dir.path(), "2026-11-29", &["status", "--json"]);
    assert_eq!(status["status"], "seek_care");
    assert_eq!(status["care"]["level"], "book");
    assert!(
        status["care"]["who"]
            .as_str()
            .unwrap()
            .contains("physical therapist")
    );
    assert!(
        status["care"]["why"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("7 days over 7 days")),
        "{}",
        status["care"]
    );
    assert_eq!(status["care"]["when"], "one_week");
    assert_eq!(status["care"]["when_words"], "within a week");
    assert_eq!(status["next"]["stage"], serde_json::Value::Null);
    comeback(dir.path(), "2026-12-02")
        .args(["clear", "--note", "PT: tight laces, fine to run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Clearance recorded for Wed 2 Dec: care is lifted.",
        ))
        .stdout(predicate::str::contains("SEEK CARE").not());
    let status = json(dir.path(), "2026-12-07", &["status", "--json"]);
    assert_eq!(status["status"], "on_track");
    assert_eq!(status["stage"], 1);
    let history = json(dir.path(), "2026-12-07", &["history", "--json"]);
    assert_eq!(history["decisions"][0]["move"], "resume");
    assert_eq!(
        history["clearances"][0]["note"],
        "PT: tight laces, fine to run"
    );
}

#[test]
fn status_json_has_the_contract_fields() {
    let dir = with_plan();
    let status = json(dir.path(), "2026-11-25", &["status", "--json"]);
    for key in [
        "today",
        "status",
        "stage",
        "stages",
        "week_start",
        "reasons",
        "advice",
        "care",
        "next",
    ] {
        assert!(status.get(key).is_some(), "status lacks {key}");
    }
    assert_eq!(status["today"], "2026-11-25");
    assert_eq!(status["stage"], 1);
    // The 7-week plan of 21 days off, 25 mi, 4 runs: one stage a week.
    let plan = json(dir.path(), "2026-11-25", &["plan", "--json"]);
    assert_eq!(status["stages"], 7);
    assert_eq!(status["stages"], plan["weeks"].as_array().unwrap().len());
    assert_eq!(status["week_start"], "2026-11-23");
    assert_eq!(status["care"], serde_json::Value::Null);
    assert_eq!(status["next"]["week_start"], "2026-11-30");
}

#[test]
fn a_second_check_in_amends_and_undo_restores_it() {
    let dir = with_plan();
    comeback(dir.path(), "2026-11-23")
        .args(["checkin", "--numbness", "0"])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-23")
        .args(["checkin", "--numbness", "2", "--onset", "during"])
        .args(["--cleared", "quickly"])
        .assert()
        .success()
        .stdout(predicate::str::contains("replaces the earlier check-in"));
    let history = json(dir.path(), "2026-11-23", &["history", "--json"]);
    assert_eq!(history["checkins"].as_array().unwrap().len(), 1);
    assert_eq!(history["checkins"][0]["numbness"], 2);
    comeback(dir.path(), "2026-11-23")
        .arg("undo")
        .assert()
        .success()
        .stdout(predicate::str::contains("back to: Mon 23 Nov: no numbness"));
    let history = json(dir.path(), "2026-11-23", &["history", "--json"]);
    assert_eq!(history["checkins"][0]["numbness"], 0);
    comeback(dir.path(), "2026-11-23")
        .arg("undo")
        .assert()
        .success()
        .stdout(predicate::str::contains("was removed"));
    comeback(dir.path(), "2026-11-23")
        .arg("undo")
        .assert()
        .success()
        .stdout("Nothing to undo.\n");
}

#[test]
fn history_lists_check_ins_newest_first_with_the_decisions() {
    let dir = with_plan();
    comeback(dir.path(), "2026-11-23")
        .args(["checkin", "--numbness", "0"])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-24")
        .args([
            "checkin",
            "--numbness",
            "1",
            "--where",
            "toes",
            "--onset",
            "during",
            "--cleared",
            "quickly",
        ])
        .assert()
        .success();
    let history = json(dir.path(), "2026-12-01", &["history", "--json"]);
    assert_eq!(history["checkins"][0]["date"], "2026-11-24");
    assert_eq!(history["checkins"][0]["where"][0], "toes");
    assert_eq!(history["checkins"][1]["date"], "2026-11-23");
    assert_eq!(history["decisions"][0]["move"], "repeat");
    comeback(dir.path(), "2026-12-01")
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Tue 24 Nov: tingling at the toes, during the run, cleared quickly",
        ))
        .stdout(predicate::str::contains(
            "Mon 30 Nov: repeated (stage 1 again)",
        ));
}

#[test]
fn the_plan_json_carries_the_journal_and_the_moved_weeks() {
    let dir = with_plan();
    comeback(dir.path(), "2026-11-24")
        .args(["checkin", "--numbness", "2", "--onset", "during"])
        .assert()
        .success();
    let plan = json(dir.path(), "2026-12-01", &["plan", "--json"]);
    assert_eq!(plan["checkins"][0]["numbness"], 2);
    assert_eq!(plan["decisions"][0]["move"], "step_back");
    assert_eq!(plan["weeks"][1]["stage"], 1);
    assert_eq!(plan["weeks"][1]["moved"], "step_back");
    // Week 1 runs on Tuesday, Thursday and Sunday.
    let later_run = &plan["weeks"][0]["days"][6]["sessions"][0];
    assert_eq!(later_run["kind"], "run");
    assert_eq!(
        later_run["distance"],
        serde_json::Value::Null,
        "runs after the step back drop to run/walk"
    );
}

#[test]
fn the_decisions_are_kept_in_the_journal() {
    let dir = with_plan();
    // One of week 1's three runs done (Tuesday): the stage repeats.
    comeback(dir.path(), "2026-12-01")
        .args(["checkin", "--numbness", "0", "--date", "2026-11-24"])
        .assert()
        .success();
    let conn = rusqlite::Connection::open(dir.path().join("comeback.db")).unwrap();
    let moves: Vec<String> = conn
        .prepare("SELECT data FROM decisions ORDER BY date")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|d| d.unwrap())
        .collect();
    assert_eq!(moves.len(), 1);
    assert!(moves[0].contains("\"move\":\"repeat\""), "{moves:?}");
}

/// Bad input: one line, non-zero exit, the database unchanged.
fn refused(args: &[&str], expected: &str) {
    let dir = with_plan();
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--numbness", "0", "--date", "2026-11-23"])
        .assert()
        .success();
    let before = db(dir.path());
    let out = comeback(dir.path(), "2026-11-25")
        .args(args)
        .output()
        .unwrap();
    assert!(!out.status.success(), "{args:?} was accepted");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(expected), "{args:?}: {stderr}");
    assert_eq!(db(dir.path()), before, "{args:?} changed the database");
}

#[test]
fn numbness_four_is_refused() {
    refused(
        &["checkin", "--numbness", "4"],
        "invalid value '4' for '--numbness <0-3>': expected 0 (none), 1 (tingling), 2 (partly numb) or 3 (no feeling)",
    );
}

#[test]
fn an_unknown_place_is_refused() {
    refused(
        &["checkin", "--numbness", "1", "--where", "toes,knee"],
        "invalid value 'knee' for '--where <SPOTS>': expected one of toes, ball, arch, heel, top, ankle, calf",
    );
}

#[test]
fn a_date_that_does_not_exist_is_refused() {
    refused(
        &["checkin", "--numbness", "0", "--date", "2026-02-30"],
        "invalid value '2026-02-30' for '--date <YYYY-MM-DD>'",
    );
}

#[test]
fn a_check_in_before_the_plan_starts_is_refused() {
    refused(
        &["checkin", "--numbness", "0", "--date", "2026-11-20"],
        "date 2026-11-20: the plan starts on 2026-11-23",
    );
}

#[test]
fn a_check_in_after_today_is_refused() {
    refused(
        &["checkin", "--numbness", "0", "--date", "2026-11-26"],
        "date 2026-11-26: that is after today (2026-11-25)",
    );
}

#[test]
fn an_unknown_flag_is_refused() {
    refused(
        &["checkin", "--numbness", "1", "--flag", "unknown"],
        "invalid value 'unknown' for '--flag <FLAGS>': expected one of sharp_pain, skin_colour, weakness, back_pain, saddle, bladder_bowel",
    );
}

#[test]
fn a_clearance_in_the_future_is_refused() {
    refused(
        &["clear", "--date", "2026-12-25"],
        "date 2026-12-25: expected a day from the plan start (2026-11-23) to today (2026-11-25)",
    );
}

#[test]
fn a_damaged_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("comeback.db");
    std::fs::write(&file, b"this is not a database, it is a shopping list").unwrap();
    let before = std::fs::read(&file).unwrap();
    for args in [
        &["status"][..],
        &["checkin", "--numbness", "0"],
        &[
            "new", "--layoff", "1w", "--weekly", "20", "--runs", "3", "--force",
        ],
    ] {
        comeback(dir.path(), "2026-11-25")
            .args(args)
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains("comeback.db: not a readable comeback database")
                    .and(predicate::str::contains("left untouched")),
            );
        assert_eq!(std::fs::read(&file).unwrap(), before);
    }
}

#[test]
fn a_database_from_a_newer_comeback_is_refused_and_left_untouched() {
    let dir = with_plan();
    let file = dir.path().join("comeback.db");
    {
        let conn = rusqlite::Connection::open(&file).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&file).unwrap();
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--numbness", "0"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "made by a newer comeback (schema 99",
        ));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn a_plan_made_by_schema_one_is_migrated_with_its_plan_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("comeback.db");
    {
        let conn = rusqlite::Connection::open(&file).unwrap();
        let profile = r#"{"layoff_days":21,"weekly_before":25.0,"goal_weekly":25.0,"runs_per_week":4,"unit":"mi","start":"2026-11-23","cross_trained":false,"numb_now":false}"#;
        let template =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/plans/standard.json"))
                .unwrap();
        conn.execute_batch("CREATE TABLE plan (id INTEGER PRIMARY KEY CHECK (id = 1), profile TEXT NOT NULL, template TEXT NOT NULL, created_at TEXT NOT NULL); PRAGMA user_version = 1;").unwrap();
        conn.execute(
            "INSERT INTO plan VALUES (1, ?1, ?2, 'then')",
            [profile, &template],
        )
        .unwrap();
    }
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--numbness", "0"])
        .assert()
        .success();
    let conn = rusqlite::Connection::open(&file).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, comeback::store::SCHEMA_VERSION);
}

#[test]
fn check_ins_kept_as_json_by_schema_three_move_into_columns() {
    let dir = with_plan();
    let file = dir.path().join("comeback.db");
    {
        // Rebuild the schema-3 shape of the check-ins table with one JSON row.
        let conn = rusqlite::Connection::open(&file).unwrap();
        conn.execute_batch(
            r#"DROP TABLE checkins;
            CREATE TABLE checkins (date TEXT PRIMARY KEY, data TEXT NOT NULL, recorded_at TEXT NOT NULL);
            INSERT INTO checkins VALUES ('2026-11-24', '{"date":"2026-11-24","numbness":2,"where":["toes","top"],"side":"left","onset":"during","minutes":15,"cleared":"hours","session":"partial","flags":["back_pain"],"shoes":null,"note":"tight laces"}', 'then');
            DROP TABLE clearances;
            CREATE TABLE clearances (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, note TEXT, recorded_at TEXT NOT NULL);
            DROP TABLE sequence;
            DROP TABLE ticks;
            DROP TABLE activities;
            PRAGMA user_version = 3;"#,
        )
        .unwrap();
    }
    let history = json(dir.path(), "2026-11-25", &["history", "--json"]);
    let c = &history["checkins"][0];
    assert_eq!(c["numbness"], 2);
    assert_eq!(c["where"], serde_json::json!(["toes", "top"]));
    assert_eq!(c["flags"], serde_json::json!(["back_pain"]));
    assert_eq!(
        (
            c["side"].as_str(),
            c["minutes"].as_u64(),
            c["note"].as_str()
        ),
        (Some("left"), Some(15), Some("tight laces"))
    );
}

#[test]
fn every_choice_kept_as_text_by_schema_four_reads_back_after_the_move_to_packed_choices() {
    let dir = with_plan();
    let file = dir.path().join("comeback.db");
    let rows = [
        (
            "2026-11-23",
            1,
            "toes,ball,arch",
            Some("left"),
            Some("during"),
            Some(5),
            Some("quickly"),
            Some("done"),
            "sharp_pain,skin_colour",
            Some("a note"),
        ),
        (
            "2026-11-24",
            2,
            "heel,top",
            Some("right"),
            Some("after"),
            None,
            Some("hours"),
            Some("partial"),
            "weakness,back_pain",
            None,
        ),
        (
            "2026-11-25",
            3,
            "ankle,calf",
            Some("both"),
            Some("rest"),
            None,
            Some("not_yet"),
            Some("skipped"),
            "saddle,bladder_bowel",
            None,
        ),
        (
            "2026-11-26",
            0,
            "",
            None,
            None,
            None,
            None,
            Some("rest_day"),
            "",
            None,
        ),
        ("2026-11-27", 0, "", None, None, None, None, None, "", None),
    ];
    {
        // Rebuild the schema-4 shape of the check-ins table: choices as words.
        let conn = rusqlite::Connection::open(&file).unwrap();
        conn.execute_batch(
            "DROP TABLE checkins;
            CREATE TABLE checkins (date TEXT PRIMARY KEY, numbness INTEGER NOT NULL, spots TEXT NOT NULL DEFAULT '',
                side TEXT, onset TEXT, minutes INTEGER, cleared TEXT, session TEXT, flags TEXT NOT NULL DEFAULT '',
                shoes TEXT, note TEXT, recorded_at TEXT NOT NULL);
            DROP TABLE clearances;
            CREATE TABLE clearances (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, note TEXT, recorded_at TEXT NOT NULL);
            DROP TABLE sequence;
            DROP TABLE ticks;
            DROP TABLE activities;
            PRAGMA user_version = 4;",
        )
        .unwrap();
        for r in &rows {
            conn.execute(
                "INSERT INTO checkins VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?10, 'then')",
                rusqlite::params![r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9],
            )
            .unwrap();
        }
    }
    let history = json(dir.path(), "2026-11-28", &["history", "--json"]);
    let mut read: Vec<serde_json::Value> = history["checkins"].as_array().unwrap().clone();
    read.sort_by_key(|c| c["date"].as_str().unwrap().to_string());
    fn list(words: &str) -> Vec<&str> {
        words.split(',').filter(|w| !w.is_empty()).collect()
    }
    // All recorded at the same time: numbered in date order.
    let expected: Vec<serde_json::Value> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            serde_json::json!({
                "date": r.0, "numbness": r.1, "where": list(r.2), "side": r.3, "onset": r.4,
                "minutes": r.5, "cleared": r.6, "session": r.7, "flags": list(r.8),
                "shoes": null, "note": r.9, "seq": i + 1,
            })
        })
        .collect();
    assert_eq!(read, expected);
    let conn = rusqlite::Connection::open(&file).unwrap();
    let dates: Vec<String> = conn
        .prepare("SELECT date FROM checkins ORDER BY day")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(dates, rows.map(|r| r.0.to_string()));
}

#[test]
fn a_reader_that_closes_the_pipe_early_is_not_an_error() {
    let dir = with_plan();
    for command in [&["history"][..], &["status"], &["plan"], &["today"]] {
        let mut child = common::process(dir.path(), "2026-11-28")
            .args(command)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close our end before comeback writes, as `| head -0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{command:?}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{command:?}");
    }
}

#[test]
fn what_eased_the_numbness_reads_back_after_the_flags_took_a_twelfth_bit() {
    let dir = with_plan();
    comeback(dir.path(), "2026-11-25")
        .args([
            "checkin",
            "--date",
            "2026-11-24",
            "--numbness",
            "1",
            "--eased-by",
            "stopping,sitting_or_bending",
        ])
        .args(["--flag", "face_arm,sharp_pain", "--cleared", "quickly"])
        .assert()
        .success();
    // "Nothing", the last of the four bits, is said alone.
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--numbness", "1", "--eased-by", "nothing"])
        .assert()
        .success();
    let mut before = json(dir.path(), "2026-11-25", &["history", "--json"])["checkins"].clone();
    // Put the file back into schema 9's layout: what eased it in bits 36–39,
    // no column yet for cross-training from files (schema 12) nor for the
    // day a check-in was recorded (schema 16).
    for c in before.as_array_mut().into_iter().flatten() {
        c.as_object_mut().map(|c| c.remove("recorded"));
    }
    let conn = rusqlite::Connection::open(dir.path().join("comeback.db")).unwrap();
    conn.execute_batch(
        "UPDATE checkins SET choices = (choices & 68719476735) | (((choices >> 37) & 15) << 36);
         ALTER TABLE activities DROP COLUMN cross;
         ALTER TABLE checkins DROP COLUMN recorded_day;
         PRAGMA user_version = 9;",
    )
    .unwrap();
    drop(conn);
    let after = json(dir.path(), "2026-11-25", &["history", "--json"])["checkins"].clone();
    assert_eq!(before, after);
    assert_eq!(after[0]["eased_by"], serde_json::json!(["nothing"]));
    assert_eq!(
        after[1]["eased_by"],
        serde_json::json!(["stopping", "sitting_or_bending"])
    );
}

#[test]
fn a_note_is_said_back_when_saved_and_listed_in_history() {
    let dir = with_plan();
    comeback(dir.path(), "2026-11-24")
        .args(["checkin", "--numbness", "0", "--note", "new lacing, better"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Saved Tue 24 Nov: no numbness; run done; note: \"new lacing, better\".",
        ));
    comeback(dir.path(), "2026-11-24")
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Tue 24 Nov: no numbness; run done; note: \"new lacing, better\"",
        ));
}

#[test]
fn numbness_added_later_that_day_keeps_the_runs_numbers() {
    // A second check-in amends the day: the distance, minutes and RPE said
    // first stay unless said again (a new user's pass).
    let dir = with_plan();
    comeback(dir.path(), "2026-11-24")
        .args([
            "checkin",
            "--numbness",
            "0",
            "--distance",
            "5",
            "--duration",
            "50",
            "--rpe",
            "4",
        ])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-24")
        .args([
            "checkin",
            "--numbness",
            "1",
            "--where",
            "toes",
            "--cleared",
            "quickly",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("ran 5.0 mi in 50 min, RPE 4"));
}

#[test]
fn how_soon_it_went_given_the_next_day_answers_how_is_it_now_without_replace() {
    let dir = with_plan();
    let numb = [
        "checkin",
        "--date",
        "2026-11-24",
        "--numbness",
        "2",
        "--where",
        "toes",
        "--side",
        "left",
        "--onset",
        "during",
    ];
    let with = |cleared: &'static str| {
        let mut args = numb.to_vec();
        args.extend(["--cleared", cleared]);
        args
    };
    comeback(dir.path(), "2026-11-24")
        .args(with("not_yet"))
        .assert()
        .success();
    comeback(dir.path(), "2026-11-25")
        .args(with("hours"))
        .assert()
        .success()
        .stdout(predicate::str::contains("took hours to clear"));
    // An answer already given is a fact: changing it asks for --replace.
    comeback(dir.path(), "2026-11-25")
        .args(with("quickly"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("add --replace"));
    // So is one given days later.
    let late = [
        "checkin",
        "--date",
        "2026-11-26",
        "--numbness",
        "2",
        "--where",
        "toes",
        "--cleared",
    ];
    comeback(dir.path(), "2026-11-26")
        .args(late.iter().chain(&["not_yet"]))
        .assert()
        .success();
    comeback(dir.path(), "2026-11-29")
        .args(late.iter().chain(&["quickly"]))
        .assert()
        .failure()
        .stderr(predicate::str::contains("add --replace"));
}

#[test]
fn status_json_on_the_monday_after_symptoms_says_what_the_headline_shows() {
    // Tingling on both runs logged in week 1: the stage repeats. On Monday the
    // headline is HOLD; `status` stays this week's own, `shown_status` and
    // `headline` say what the runner reads (a new user's pass found the two
    // disagreeing with nothing to tell them apart). One spell of days: two
    // spells five days apart book a clinician, however the weeks fall.
    let dir = with_plan();
    for day in ["2026-11-24", "2026-11-26"] {
        comeback(dir.path(), day)
            .args([
                "checkin",
                "--numbness",
                "1",
                "--where",
                "toes",
                "--cleared",
                "quickly",
            ])
            .assert()
            .success();
    }
    let status = json(dir.path(), "2026-11-30", &["status", "--json"]);
    assert_eq!(status["status"], "on_track");
    assert_eq!(status["shown_status"], "hold");
    assert_eq!(status["headline"], "this week repeats the stage");
    let today = json(dir.path(), "2026-11-30", &["today", "--json"]);
    assert_eq!(today["shown_status"], "hold");
    comeback(dir.path(), "2026-11-30")
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "HOLD — this week repeats the stage",
        ));
}

#[test]
fn a_file_that_is_not_there_is_said_once_and_a_missing_folder_by_name() {
    let dir = with_plan();
    let missing = dir.path().join("nope.json");
    let out = comeback(dir.path(), "2026-11-24")
        .arg("import")
        .arg(&missing)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
    let into = dir.path().join("no-such-folder").join("plan.json");
    comeback(dir.path(), "2026-11-24")
        .args(["export", "-o"])
        .arg(&into)
        .assert()
        .failure()
        // (Not the temporary file's name after it.)
        .stderr(predicate::str::ends_with(
            "no-such-folder: no such folder\n",
        ));
}
