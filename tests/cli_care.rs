//! The care rules through the real binary: the new check-in words, care
//! levels in `status --json`, clearances, replacements, the health context,
//! and each refusal (one line, non-zero, the store unchanged). Also the
//! earlier formats: a `comeback.plan/1` export and a schema-5 store.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn comeback(dir: &Path, today: &str) -> Command {
    common::cli(dir, today)
}

/// A plan starting Mon 2026-11-23.
fn with_plan(extra: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    comeback(dir.path(), "2026-11-23")
        .args(["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"])
        .args(extra)
        .assert()
        .success();
    dir
}

use common::json;

fn db(dir: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(dir.join("comeback.db")).unwrap();
    if let Ok(wal) = std::fs::read(dir.join("comeback.db-wal")) {
        bytes.extend(wal);
    }
    bytes
}

/// Runs a command that must be refused: one line on stderr naming `expected`,
/// a non-zero exit, and the store byte for byte as it was.
fn refused(dir: &Path, today: &str, args: &[&str], expected: &str) {
    let before = db(dir);
    let out = comeback(dir, today).args(args).output().unwrap();
    assert!(!out.status.success(), "{args:?} was accepted");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(expected), "{stderr}");
    assert_eq!(db(dir), before, "{args:?} changed the store");
}

#[test]
fn every_new_check_in_word_is_taken_stored_and_shown() {
    let dir = with_plan(&[]);
    comeback(dir.path(), "2026-11-24")
        .args([
            "checkin",
            "--numbness",
            "1",
            "--where",
            "between_toes,sole,whole_foot,shin,thigh,buttock",
            "--onset",
            "night",
            "--cleared",
            "quickly",
            "--cleared-minutes",
            "10",
            "--eased-by",
            "stopping,loosening_laces,sitting_or_bending",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("between the toes"))
        .stdout(predicate::str::contains("at night"))
        .stdout(predicate::str::contains("(10 min)"));
    let history = json(dir.path(), "2026-11-24", &["history", "--json"]);
    let c = &history["checkins"][0];
    assert_eq!(
        c["where"],
        serde_json::json!([
            "between_toes",
            "sole",
            "whole_foot",
            "shin",
            "thigh",
            "buttock"
        ])
    );
    assert_eq!(c["onset"], "night");
    assert_eq!(c["cleared_minutes"], 10);
    assert_eq!(
        c["eased_by"],
        serde_json::json!(["stopping", "loosening_laces", "sitting_or_bending"])
    );
    assert!(c["seq"].as_u64().unwrap() > 0);
    // "Nothing eased it" is said alone.
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--numbness", "1", "--eased-by", "nothing"])
        .assert()
        .success();
    let history = json(dir.path(), "2026-11-25", &["history", "--json"]);
    let said: Vec<&serde_json::Value> = history["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["eased_by"])
        .collect();
    assert!(said.contains(&&serde_json::json!(["nothing"])), "{said:?}");
}

#[test]
fn each_new_flag_reaches_care_at_its_level() {
    // (A calf cramp with a tingle gone within 15 minutes, once, is a hold:
    // partly numb with it books.)
    for (flag, numbness, level) in [
        ("cold_pale", "1", "book"),
        ("leg_pain_both", "1", "emergency"),
        ("face_arm", "1", "emergency"),
        ("foot_drop", "1", "urgent"),
        ("calf_tightness", "2", "book"),
        ("foot_wound", "1", "book"),
    ] {
        let dir = with_plan(&[]);
        comeback(dir.path(), "2026-11-24")
            .args([
                "checkin",
                "--numbness",
                numbness,
                "--flag",
                flag,
                "--cleared",
                "quickly",
            ])
            .assert()
            .success();
        let status = json(dir.path(), "2026-11-24", &["status", "--json"]);
        assert_eq!(status["care"]["level"], level, "{flag}");
        assert!(status["care"]["when"].is_string(), "{flag}");
        assert!(status["care"]["when_words"].is_string(), "{flag}");
        assert!(status["care"]["pattern"].is_string());
        assert!(status["care"]["pattern_words"].is_string());
    }
}

#[test]
fn an_emergency_says_call_now_and_prescribes_nothing() {
    let dir = with_plan(&[]);
    comeback(dir.path(), "2026-11-24")
        .args(["checkin", "--numbness", "1", "--flag", "saddle"])
        .assert()
        .success()
        .stdout(predicate::str::contains("call the emergency number now"));
    let today = json(dir.path(), "2026-11-25", &["today", "--json"]);
    assert_eq!(today["sessions"], serde_json::json!([{"kind": "rest"}]));
    assert_eq!(today["habits"], serde_json::json!([]));
    comeback(dir.path(), "2026-11-25")
        .args(["export", "--format", "ics"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Wall sit").not())
        .stdout(predicate::str::contains("brisk walk").not());
}

#[test]
fn numbness_zero_with_symptom_fields_is_refused() {
    let dir = with_plan(&[]);
    refused(
        dir.path(),
        "2026-11-24",
        &["checkin", "--numbness", "0", "--onset", "rest"],
        "numbness 0 with onset: expected no symptom fields",
    );
}

#[test]
fn minutes_into_a_run_at_rest_at_night_or_after_it_are_refused() {
    // Minutes count from the start of a run to when the numbness began. A
    // clinician's sixteenth review found `--onset night --minutes 30`
    // accepted; the seventeenth, `--onset after --minutes 25` saved without
    // its minutes, the runner's number dropped without a word.
    let dir = with_plan(&[]);
    for (onset, minutes) in [("night", "30"), ("rest", "10"), ("after", "25")] {
        refused(
            dir.path(),
            "2026-11-24",
            &[
                "checkin",
                "--numbness",
                "1",
                "--onset",
                onset,
                "--minutes",
                minutes,
            ],
            &format!(
                "minutes {minutes} with onset {onset}: minutes count from the start of a run to when it began; expected minutes only with onset during"
            ),
        );
    }
}

#[test]
fn nothing_eased_it_and_something_eased_it_together_are_refused() {
    let dir = with_plan(&[]);
    refused(
        dir.path(),
        "2026-11-24",
        &[
            "checkin",
            "--numbness",
            "1",
            "--eased-by",
            "nothing,stopping",
        ],
        "eased_by nothing with stopping: expected either nothing or what eased it",
    );
}

#[test]
fn a_flagged_day_is_not_replaced_without_replace_and_undo_brings_it_back() {
    let dir = with_plan(&[]);
    comeback(dir.path(), "2026-11-24")
        .args(["checkin", "--numbness", "1", "--flag", "weakness"])
        .assert()
        .success();
    refused(
        dir.path(),
        "2026-11-24",
        &["checkin", "--numbness", "0"],
        "already has a check-in with tingling, weakness in the leg or foot; add --replace",
    );
    // With --replace, a day that eases the care it opened is still refused
    // (replacing_the_check_in_that_opened_care_never_eases_or_lifts_it);
    // one that says more is taken.
    refused(
        dir.path(),
        "2026-11-24",
        &["checkin", "--numbness", "0", "--replace"],
        "replacing its check-in would lift the care open since Tue 24 Nov 2026",
    );
    comeback(dir.path(), "2026-11-24")
        .args([
            "checkin",
            "--numbness",
            "2",
            "--flag",
            "weakness",
            "--replace",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("replaces the earlier check-in"));
    comeback(dir.path(), "2026-11-24")
        .arg("undo")
        .assert()
        .success()
        .stdout(predicate::str::contains("weakness"));
    let status = json(dir.path(), "2026-11-24", &["status", "--json"]);
    assert_eq!(status["status"], "urgent_care");
}

#[test]
fn a_symptom_free_day_is_amended_without_asking() {
    let dir = with_plan(&[]);
    for level in ["0", "1"] {
        comeback(dir.path(), "2026-11-24")
            .args(["checkin", "--numbness", level])
            .assert()
            .success();
    }
}

#[test]
fn clear_with_no_care_open_is_refused() {
    let dir = with_plan(&[]);
    comeback(dir.path(), "2026-11-24")
        .args(["checkin", "--numbness", "0"])
        .assert()
        .success();
    refused(
        dir.path(),
        "2026-11-24",
        &["clear", "--note", "just in case"],
        "nothing to clear: no care verdict is open",
    );
}

#[test]
fn a_clearance_dated_before_the_care_began_is_refused() {
    let dir = with_plan(&[]);
    comeback(dir.path(), "2026-11-26")
        .args(["checkin", "--numbness", "1", "--flag", "sharp_pain"])
        .assert()
        .success();
    refused(
        dir.path(),
        "2026-11-27",
        &["clear", "--date", "2026-11-24"],
        "the care verdict began on 2026-11-26",
    );
}

#[test]
fn clear_lifts_care_at_once_and_a_red_flag_the_same_day_after_it_is_urgent() {
    let dir = with_plan(&[]);
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--numbness", "1", "--flag", "sharp_pain"])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-27")
        .args(["clear", "--note", "GP: fine"])
        .assert()
        .success()
        .stdout(predicate::str::contains("care is lifted"))
        .stdout(predicate::str::contains("SEEK CARE").not())
        .stdout(predicate::str::contains("comeback clear").not());
    assert_ne!(
        json(dir.path(), "2026-11-27", &["status", "--json"])["status"],
        "seek_care"
    );
    comeback(dir.path(), "2026-11-27")
        .args(["checkin", "--numbness", "0", "--flag", "weakness"])
        .assert()
        .success()
        .stdout(predicate::str::contains("URGENT CARE"));
}

#[test]
fn a_clearance_dated_before_a_later_red_flag_says_that_care_stays_open() {
    // The clinician's twentieth review: "care is lifted" above URGENT CARE.
    let dir = with_plan(&[]);
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--numbness", "1", "--flag", "sharp_pain"])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-26")
        .args(["checkin", "--numbness", "0", "--flag", "weakness"])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-27")
        .args(["clear", "--date", "2026-11-25"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Clearance recorded for Wed 25 Nov; check-ins it did not cover still call for care (below).\nURGENT CARE",
        ))
        .stdout(predicate::str::contains("care is lifted").not());
}

#[test]
fn a_note_that_speaks_of_lost_feeling_or_of_two_signs_is_asked_about_each() {
    // The clinician's twentieth review: "could not feel my right foot" got
    // no line, and "foot slapping, felt weak" asked only about weakness.
    let dir = with_plan(&[]);
    for note in [
        "could not feel my right foot for a while",
        "no sensation in my heel tonight",
        "lost feeling in both feet",
    ] {
        comeback(dir.path(), "2026-11-24")
            .args(["checkin", "--numbness", "0", "--replace", "--note", note])
            .assert()
            .success()
            .stdout(predicate::str::contains("The note of Tue 24 Nov mentions"));
    }
    let out = comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--numbness", "0", "--note"])
        .arg("foot slapping at the end, felt weak")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("The note of Wed 25 Nov mentions \"weak…\" and \"slap…\" but the check-in has no warning sign for them")
            && said.contains("`--flag weakness` `--flag foot_drop`"),
        "{said}"
    );
}

#[test]
fn a_note_in_a_runners_words_for_the_saddle_the_bladder_or_a_dragging_foot_asks_for_the_flag() {
    // The clinician's twenty-second review: "numb between my legs" got the
    // generic line, with no saddle place to record it; "dragged" got none.
    // Words of the running day ("speed", "loose laces", "flip-flops") ask
    // nothing.
    let dir = with_plan(&[]);
    for (note, flag) in [
        ("numb between my legs after the ride", "--flag saddle"),
        ("odd when I wipe", "--flag saddle"),
        ("had to run to the loo twice", "--flag bladder_bowel"),
        ("left leg felt heavy and dragged", "--flag foot_drop"),
        ("my foot was flopping at the end", "--flag foot_drop"),
        // The twenty-third review's.
        ("couldn't feel the toilet paper", "--flag saddle"),
        ("both bum cheeks numb on the drive home", "--flag saddle"),
        ("lost control a bit on the long run", "--flag bladder_bowel"),
        ("couldn't hold it on the run", "--flag bladder_bowel"),
        ("had an accident in my shorts", "--flag bladder_bowel"),
        ("my leg gave out on the hill", "--flag weakness"),
        ("foot kept catching the kerb", "--flag foot_drop"),
    ] {
        comeback(dir.path(), "2026-11-24")
            .args(["checkin", "--numbness", "0", "--replace", "--note", note])
            .assert()
            .success()
            .stdout(predicate::str::contains(flag));
    }
    for note in ["speed work, loose laces", "walked home in flip-flops"] {
        comeback(dir.path(), "2026-11-24")
            .args(["checkin", "--numbness", "0", "--replace", "--note", note])
            .assert()
            .success()
            .stdout(predicate::str::contains("The note of").not());
    }
}

#[test]
fn the_health_context_is_given_with_new_shown_and_changed() {
    let dir = with_plan(&["--health", "diabetes"]);
    comeback(dir.path(), "2026-11-23")
        .arg("health")
        .assert()
        .success()
        .stdout(predicate::str::contains("Health context: diabetes."));
    comeback(dir.path(), "2026-11-23")
        .args(["health", "--set", "circulation,back_history"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "circulation problems, a history of back trouble",
        ));
    let plan = json(dir.path(), "2026-11-23", &["plan", "--json"]);
    assert_eq!(
        plan["profile"]["health"],
        serde_json::json!(["circulation", "back_history"])
    );
    comeback(dir.path(), "2026-11-23")
        .args(["health", "--set", "none"])
        .assert()
        .success()
        .stdout(predicate::str::contains("none given"));
    refused(
        dir.path(),
        "2026-11-23",
        &["health", "--set", "asthma"],
        "expected one of diabetes, circulation, back_history, or none",
    );
}

#[test]
fn diabetes_brings_care_sooner_from_the_command_line() {
    let dir = with_plan(&["--health", "diabetes"]);
    for d in 23..=26 {
        comeback(dir.path(), &format!("2026-11-{d}"))
            .args(["checkin", "--numbness", "1", "--onset", "after"])
            .assert()
            .success();
    }
    let status = json(dir.path(), "2026-11-26", &["status", "--json"]);
    assert_eq!(status["status"], "seek_care");
    assert!(
        status["advice"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a.as_str().unwrap().contains("Check both feet every day"))
    );
}

#[test]
fn a_version_one_export_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports/plan-v1.json");
    comeback(dir.path(), "2026-12-02")
        .arg("import")
        .arg(&fixture)
        .assert()
        .success()
        .stdout(predicate::str::contains("6 check-ins, 1 clearance)"));
    let doc = json(dir.path(), "2026-12-02", &["export"]);
    assert_eq!(doc["schema"], "comeback.plan/9");
    // The symptom-free day that version 1 let carry an onset reads as symptom-free.
    let rest_day = &doc["checkins"][2];
    assert_eq!(rest_day["date"], "2026-11-26");
    assert_eq!(rest_day["onset"], serde_json::Value::Null);
    // The clearance comes after the check-in of its day, as version 1 judged it.
    let cleared_day = doc["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["date"] == "2026-11-30")
        .unwrap();
    assert!(doc["clearances"][0]["seq"].as_u64() > cleared_day["seq"].as_u64());
    let status = json(dir.path(), "2026-12-02", &["status", "--json"]);
    assert_eq!(status["care"], serde_json::Value::Null);
}

#[test]
fn a_store_of_the_previous_schema_migrates_and_keeps_every_check_in() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stores/schema-5.db");
    std::fs::copy(&fixture, dir.path().join("comeback.db")).unwrap();
    let history = json(dir.path(), "2026-12-02", &["history", "--json"]);
    let checkins = history["checkins"].as_array().unwrap();
    assert_eq!(checkins.len(), 6);
    let arch = checkins.iter().find(|c| c["date"] == "2026-11-27").unwrap();
    assert_eq!(arch["where"], serde_json::json!(["arch"]));
    assert_eq!(arch["side"], "both");
    assert_eq!(arch["cleared"], "hours");
    assert_eq!(arch["flags"], serde_json::json!(["back_pain"]));
    let toes = checkins.iter().find(|c| c["date"] == "2026-11-25").unwrap();
    assert_eq!(toes["minutes"], 20);
    assert_eq!(toes["note"], "laces tight");
    // The clearance was recorded before the check-in of its day.
    let cleared = &history["clearances"][0];
    let same_day = checkins.iter().find(|c| c["date"] == "2026-11-30").unwrap();
    assert!(cleared["seq"].as_u64() < same_day["seq"].as_u64());
    let status = json(dir.path(), "2026-12-02", &["status", "--json"]);
    assert_eq!(status["care"], serde_json::Value::Null);
}

#[test]
fn every_check_in_choice_appears_in_the_bash_completion_script() {
    use comeback::checkin::{Choice, Cleared, Ease, Flag, Health, Onset, SessionDone, Side, Spot};
    fn names<T: Choice>() -> Vec<&'static str> {
        T::ALL.iter().map(|v| v.name()).collect()
    }
    let dir = tempfile::tempdir().unwrap();
    let out = comeback(dir.path(), "2026-11-23")
        .args(["completions", "bash"])
        .output()
        .unwrap();
    let script = String::from_utf8(out.stdout).unwrap();
    let all = [
        names::<Spot>(),
        names::<Side>(),
        names::<Onset>(),
        names::<Cleared>(),
        names::<Ease>(),
        names::<SessionDone>(),
        names::<Flag>(),
        names::<Health>(),
    ];
    for name in all.concat() {
        assert!(script.contains(name), "{name} is not offered");
    }
}

#[test]
fn a_version_two_export_still_imports_with_its_order_and_health_context() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports/plan-v2.json");
    comeback(dir.path(), "2026-11-27")
        .arg("import")
        .arg(&fixture)
        .assert()
        .success();
    let doc = json(dir.path(), "2026-11-27", &["export"]);
    assert_eq!(doc["schema"], "comeback.plan/9");
    assert_eq!(doc["profile"]["health"], serde_json::json!(["diabetes"]));
    assert_eq!(doc["ticks"], serde_json::json!([]));
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&fixture).unwrap()).unwrap();
    assert_eq!(doc["checkins"], original["checkins"]);
    assert_eq!(doc["clearances"], original["clearances"]);
}

#[test]
fn a_version_three_export_still_imports_with_its_template_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports/plan-v3.json");
    comeback(dir.path(), "2026-11-27")
        .arg("import")
        .arg(&fixture)
        .assert()
        .success();
    let doc = json(dir.path(), "2026-11-27", &["export"]);
    assert_eq!(doc["schema"], "comeback.plan/9");
    // The document carried template version 1: read as version 2 with its defaults.
    assert_eq!(doc["template"]["version"], 2);
    assert_eq!(
        doc["template"]["rules"]["layoff_bands"][1]["steps"],
        serde_json::json!([0.5, 0.75])
    );
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&fixture).unwrap()).unwrap();
    assert_eq!(doc["checkins"], original["checkins"]);
    assert_eq!(doc["shoes"], original["shoes"]);
    let first_run = doc["weeks"][0]["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["sessions"].as_array().unwrap())
        .find(|s| s["kind"] == "run")
        .unwrap();
    assert!(first_run["effort"].is_object());
}

/// A fresh store with the checked-in export of schema `version` imported
/// as of `today`: the store, its export now (of this schema), and the
/// fixture as it was.
fn import_fixture(
    version: u32,
    today: &str,
) -> (tempfile::TempDir, serde_json::Value, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/exports/plan-v{version}.json"));
    comeback(dir.path(), today)
        .arg("import")
        .arg(&fixture)
        .assert()
        .success();
    let doc = json(dir.path(), today, &["export"]);
    assert_eq!(doc["schema"], comeback::document::PLAN_SCHEMA);
    let original = serde_json::from_str(&std::fs::read_to_string(&fixture).unwrap()).unwrap();
    (dir, doc, original)
}

#[test]
fn a_version_four_export_still_imports() {
    let (_dir, doc, original) = import_fixture(4, "2026-11-27");
    assert_eq!(doc["checkins"], original["checkins"]);
    assert_eq!(doc["profile"], original["profile"]);
}

#[test]
fn a_version_six_export_still_imports_with_its_runs_from_files() {
    let (_dir, doc, original) = import_fixture(6, "2026-11-30");
    for field in ["profile", "checkins", "clearances", "shoes", "activities"] {
        assert_eq!(doc[field], original[field], "{field}");
    }
    assert_eq!(doc["cross_training"], serde_json::json!([]));
}

#[test]
fn a_version_eight_export_still_imports_without_a_longest_run() {
    let (dir, doc, original) = import_fixture(8, "2026-12-02");
    for field in ["profile", "checkins", "clearances", "shoes", "activities"] {
        assert_eq!(doc[field], original[field], "{field}");
    }
    // Version 8 had no longest run: not given, and the care it opened is
    // still open.
    assert_eq!(doc["profile"].get("longest_run"), None);
    let status = json(dir.path(), "2026-12-02", &["status", "--json"]);
    assert_eq!(status["status"], "seek_care", "{status}");
}

#[test]
fn a_version_seven_export_still_imports_with_its_late_check_in_as_recorded_on_its_day() {
    let (dir, doc, original) = import_fixture(7, "2026-12-01");
    for field in ["profile", "checkins", "clearances", "shoes", "activities"] {
        assert_eq!(doc[field], original[field], "{field}");
    }
    // Version 7 did not keep the day a check-in was recorded: its "not
    // gone" of Mon 30 Nov reads as recorded that day, not as lasting days.
    // (Partly numb after a tingle books as more numb than before since the
    // clinician's twenty-third review.)
    let status = json(dir.path(), "2026-12-01", &["status", "--json"]);
    assert_eq!(
        status["care"]["rules"],
        serde_json::json!(["more_numb_than_before"]),
        "{status}"
    );
}

#[test]
fn a_version_five_export_still_imports_and_reads_a_clearing_that_disagreed_the_careful_way() {
    let (_dir, doc, original) = import_fixture(5, "2026-11-30");
    assert_eq!(doc["profile"], original["profile"]);
    assert_eq!(doc["clearances"], original["clearances"]);
    let (now, then) = (
        doc["checkins"].as_array().unwrap(),
        original["checkins"].as_array().unwrap(),
    );
    assert_eq!(now.len(), then.len());
    // "Cleared quickly" with 40 minutes, saved by release 5: the 40 minutes
    // (the longer reading) stay, the contradicting words go.
    let contradiction = now.iter().find(|c| c["date"] == "2026-11-25").unwrap();
    assert_eq!(contradiction["cleared"], serde_json::Value::Null);
    assert_eq!(contradiction["cleared_minutes"], 40);
    for (a, b) in now
        .iter()
        .zip(then)
        .filter(|(a, _)| a["date"] != "2026-11-25")
    {
        assert_eq!(a, b);
    }
}

#[test]
fn a_saved_plan_this_release_would_refuse_still_opens() {
    // 60 mi over 4 runs was planned by earlier releases; a new plan like it
    // is refused (runs over 12 mi), but a runner who has one keeps it.
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports/plan-v4.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&fixture).unwrap()).unwrap();
    doc["profile"]["goal_weekly"] = 60.0.into();
    let file = dir.path().join("old.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let data = dir.path().join("data");
    comeback(&data, "2026-11-27")
        .arg("import")
        .arg(&file)
        .assert()
        .success();
    let plan = json(&data, "2026-11-27", &["plan", "--json"]);
    let last = plan["weeks"].as_array().unwrap().last().unwrap()["target_distance"]
        .as_f64()
        .unwrap();
    assert!(
        last <= 48.0,
        "towards the most 4 runs of 12 mi allow: {last}"
    );
    comeback(&data, "2026-11-27")
        .arg("status")
        .assert()
        .success();
}

#[test]
fn taking_away_a_health_condition_never_lifts_the_care_it_helped_open() {
    let dir = with_plan(&["--health", "diabetes"]);
    for date in ["2026-11-24", "2026-11-26"] {
        comeback(dir.path(), "2026-11-26")
            .args([
                "checkin",
                "--date",
                date,
                "--numbness",
                "1",
                "--where",
                "toes",
            ])
            .args([
                "--onset",
                "during",
                "--minutes",
                "20",
                "--cleared",
                "quickly",
            ])
            .assert()
            .success();
    }
    let care = |dir: &Path| json(dir, "2026-11-26", &["status", "--json"])["care"]["level"].clone();
    assert_eq!(care(dir.path()), "book");
    refused(
        dir.path(),
        "2026-11-26",
        &["health", "--set", "none"],
        "taking away diabetes would lift the care open since",
    );
    assert_eq!(care(dir.path()), "book");
    // Adding a condition is always taken; after a clinician's clearance,
    // taking one away is too.
    comeback(dir.path(), "2026-11-26")
        .args(["health", "--set", "diabetes,back_history"])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-27")
        .args(["clear"])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-27")
        .args(["health", "--set", "none"])
        .assert()
        .success()
        .stdout(predicate::str::contains("none"));
}

#[test]
fn replacing_the_check_in_that_opened_care_never_eases_or_lifts_it() {
    // A clinician lifts care, not an edit of what opened it (DESIGN.md §4:
    // more symptoms never give a milder verdict). A replacement with more is
    // taken; after a clearance, a replacement is taken as any other.
    let dir = with_plan(&[]);
    let urgent = [
        "--numbness",
        "2",
        "--where",
        "heel",
        "--side",
        "both",
        "--onset",
        "rest",
        "--cleared",
        "not_yet",
        "--flag",
        "back_pain",
    ];
    comeback(dir.path(), "2026-11-24")
        .args(["checkin"])
        .args(urgent)
        .assert()
        .success();
    let care = |dir: &Path| json(dir, "2026-11-25", &["status", "--json"])["care"]["level"].clone();
    assert_eq!(care(dir.path()), "urgent");
    for milder in [
        vec!["--numbness", "0"],
        vec![
            "--numbness",
            "1",
            "--where",
            "toes",
            "--onset",
            "during",
            "--cleared",
            "quickly",
        ],
    ] {
        let mut args = vec!["checkin", "--date", "2026-11-24", "--replace"];
        args.extend(milder);
        refused(
            dir.path(),
            "2026-11-25",
            &args,
            "replacing its check-in would lift the care open since Tue 24 Nov 2026 (now urgent, today)",
        );
        assert_eq!(care(dir.path()), "urgent");
    }
    let history = comeback(dir.path(), "2026-11-25")
        .args(["history"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&history.stdout).contains("back pain"));
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--date", "2026-11-24", "--replace"])
        .args(urgent)
        .args(["--flag", "back_pain,weakness"])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-26")
        .args(["clear"])
        .assert()
        .success();
    comeback(dir.path(), "2026-11-26")
        .args([
            "checkin",
            "--date",
            "2026-11-24",
            "--numbness",
            "0",
            "--replace",
        ])
        .assert()
        .success();
}

#[test]
fn a_minute_into_the_run_without_an_onset_is_read_as_during_the_run() {
    // The same facts said two ways give one verdict: minutes 30, 22 and 15
    // into the run are an onset creeping earlier, "during" said or not (a
    // clinician's fourth review found the minutes dropped without it).
    let verdicts: Vec<serde_json::Value> = [false, true]
        .into_iter()
        .map(|said| {
            let dir = with_plan(&[]);
            for (date, minute) in [
                ("2026-11-24", "30"),
                ("2026-11-26", "22"),
                ("2026-11-28", "15"),
            ] {
                let mut cmd = comeback(dir.path(), date);
                cmd.args([
                    "checkin",
                    "--numbness",
                    "1",
                    "--where",
                    "toes",
                    "--minutes",
                    minute,
                ])
                .args(["--cleared", "quickly"]);
                if said {
                    cmd.args(["--onset", "during"]);
                }
                cmd.assert().success();
            }
            let saved = json(dir.path(), "2026-11-28", &["plan", "--json"]);
            assert_eq!(saved["checkins"][0]["onset"], "during");
            let status = json(dir.path(), "2026-11-28", &["status", "--json"]);
            status["care"].clone()
        })
        .collect();
    assert_eq!(verdicts[0]["pattern"], "earlier_onset");
    assert_eq!(verdicts[0], verdicts[1]);
}

#[test]
fn setting_health_says_which_conditions_it_took_away() {
    // `--set` replaces the list: a condition is never dropped unseen.
    let dir = with_plan(&["--health", "diabetes"]);
    comeback(dir.path(), "2026-11-24")
        .args(["health", "--set", "back_history"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Taken away: diabetes"));
    comeback(dir.path(), "2026-11-24")
        .args(["health", "--set", "back_history,circulation"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Taken away").not());
}

#[test]
fn undo_never_eases_or_lifts_open_care_but_an_answer_to_how_is_it_now_is_taken() {
    // A weakness flag opens urgent care; taking that check-in back the next
    // day is refused as a replacement is (a clinician's fifth review found
    // undo the way round it). Undoing a clearance reopens care: taken.
    let dir = with_plan(&[]);
    comeback(dir.path(), "2026-11-24")
        .args(["checkin", "--numbness", "1", "--flag", "weakness"])
        .assert()
        .success();
    refused(
        dir.path(),
        "2026-11-25",
        &["undo"],
        "undo: taking back the last change would lift the care open since Tue 24 Nov 2026 (now urgent, today)",
    );
    let care = |dir: &Path, day| json(dir, day, &["status", "--json"])["care"]["level"].clone();
    assert_eq!(care(dir.path(), "2026-11-25"), "urgent");
    comeback(dir.path(), "2026-11-25")
        .arg("clear")
        .assert()
        .success();
    comeback(dir.path(), "2026-11-25")
        .arg("undo")
        .assert()
        .success();
    assert_eq!(care(dir.path(), "2026-11-25"), "urgent");

    // "Not gone" at the finish opens care; the same symptoms with how soon
    // they went, given that evening or the next day, answer the question.
    let dir = with_plan(&[]);
    let numb = [
        "--numbness",
        "2",
        "--where",
        "whole_foot,calf",
        "--onset",
        "after",
    ];
    comeback(dir.path(), "2026-11-24")
        .args(["checkin"])
        .args(numb)
        .args(["--cleared", "not_yet"])
        .assert()
        .success();
    assert_eq!(care(dir.path(), "2026-11-24"), "urgent");
    comeback(dir.path(), "2026-11-25")
        .args(["checkin", "--date", "2026-11-24", "--replace"])
        .args(numb)
        .args(["--cleared-minutes", "20"])
        .assert()
        .success();
    assert_ne!(care(dir.path(), "2026-11-25"), "urgent");
}
