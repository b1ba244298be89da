//! What a file says it was decides what it becomes: rides, swims and walks
//! are never recorded as runs (one line each, saying how to record them as
//! cross-training), and a file holding several activities (a triathlon, a
//! TCX with two) gives each its own line. Real watch files are read where
//! they are, in `../shared/real-activities` beside the repository (as CI has
//! it), never copied.

mod common;

use comeback::activity::{Activity, Kind};
use comeback::checkin::CrossKind;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/activities/sports")
        .join(name)
}

fn import(dir: &Path, args: &[&Path]) -> (bool, String, String) {
    common::import_activities(dir, ("2026-11-30", "UTC"), args)
}

fn kinds(path: &Path) -> Vec<(Kind, Option<String>)> {
    Activity::read(path)
        .unwrap()
        .into_iter()
        .map(|a| (a.kind(), a.sport))
        .collect()
}

#[test]
fn real_watch_files_say_their_sport() {
    if !common::real_activities_here() {
        return;
    }
    let bike = Kind::Cross(CrossKind::Bike);
    let cycling = Some("cycling".to_string());
    assert_eq!(
        kinds(&common::real_activity(
            "coros-pace-2-cycling-misaligned-fields.fit"
        )),
        [(bike, cycling.clone())]
    );
    assert_eq!(
        kinds(&common::real_activity(
            "2019-02-17-062644-ELEMNT-297E-195-0.fit"
        )),
        [(bike, cycling.clone())]
    );
    assert_eq!(
        kinds(&common::real_activity("garmin-fenix-5-walk.fit")),
        [(Kind::Cross(CrossKind::Walk), Some("walking".into()))]
    );
    assert_eq!(
        kinds(&common::real_activity("garmin-fenix-5-run.fit")),
        [(Kind::Run, Some("running".into()))]
    );
    assert_eq!(
        kinds(&common::real_activity("event_timestamp.fit")),
        [(
            Kind::Cross(CrossKind::Swim),
            Some("swimming, lap swimming".into())
        )]
    );
    assert_eq!(
        kinds(&common::real_activity("togeojson-tour_hr.tcx")),
        [(bike, Some("Biking".into()))]
    );
    assert_eq!(
        kinds(&common::real_activity("togeojson-run.gpx")),
        [(Kind::Run, None)]
    );
}

#[test]
fn every_session_of_a_real_triathlon_is_read_the_run_last() {
    if !common::real_activities_here() {
        return;
    }
    let sessions = Activity::read(&common::real_activity("sample_mulitple_header.fit")).unwrap();
    let kinds: Vec<Kind> = sessions.iter().map(Activity::kind).collect();
    let other = Kind::Cross(CrossKind::Other);
    assert_eq!(
        kinds,
        [
            Kind::Cross(CrossKind::Swim),
            other,
            Kind::Cross(CrossKind::Bike),
            other,
            Kind::Run
        ]
    );
    let run = &sessions[4];
    assert!((run.distance_m - 9805.9).abs() < 1.0, "{}", run.distance_m);
    assert_eq!(run.part, (5, 5));
    assert!(run.hash.ends_with("-5"), "{}", run.hash);
    assert_ne!(run.hash, sessions[0].hash);
}

#[test]
fn a_real_ride_is_named_before_its_date_is_judged_and_nothing_is_recorded() {
    if !common::real_activities_here() {
        return;
    }
    let dir = common::activities_plan_dir();
    let before = common::db(dir.path());
    let ride = common::real_activity("2019-02-17-062644-ELEMNT-297E-195-0.fit");
    let (ok, _, err) = import(dir.path(), &[&ride]);
    assert!(!ok);
    assert!(
        err.contains("ELEMNT-297E-195-0.fit: a ride (cycling, 49.0 mi, 3 h 45 min), not a run: not recorded as one; record it as cross-training with `comeback checkin --date 2019-02-17 --numbness N --cross bike:225`"),
        "{err}"
    );
    assert!(!err.contains("expected a day from the plan start"), "{err}");
    assert_eq!(common::db(dir.path()), before);
}

#[test]
fn a_tcx_ride_and_a_gpx_ride_become_cross_training_never_runs() {
    let dir = common::activities_plan_dir();
    let (ok, out, err) = import(dir.path(), &[&fixture("ride.tcx"), &fixture("ride.gpx")]);
    assert!(ok, "{err}");
    assert!(
        out.contains("ride.tcx: a ride (Biking, 18.6 mi, 1 h 30 min) on Wed 25 Nov, not a run: recorded as cross-training"),
        "{out}"
    );
    assert!(
        out.contains("ride.gpx: a ride (cycling, 2.5 mi, 10 min) on Thu 26 Nov, not a run: recorded as cross-training"),
        "{out}"
    );
    // No run: the runs list is empty, the plan's run count untouched.
    let runs = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(runs, serde_json::json!([]));
    let list = common::cli(dir.path(), "2026-11-30")
        .args(["activities", "list"])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.contains("Wed 25 Nov: bike 90 min, cross-training  (ride.tcx)"),
        "{list}"
    );
    // The day's check-in shows it; undo takes the import back whole.
    let checked = common::cli(dir.path(), "2026-11-30")
        .args(["checkin", "--date", "2026-11-25", "--numbness", "0"])
        .output()
        .unwrap();
    assert!(checked.status.success());
    let history = common::cli(dir.path(), "2026-11-30")
        .arg("history")
        .output()
        .unwrap();
    let history = String::from_utf8_lossy(&history.stdout);
    assert!(
        history.contains("Wed 25 Nov: no numbness; run done; from a file: bike 90 min"),
        "{history}"
    );
    let again = import(dir.path(), &[&fixture("ride.tcx")]);
    assert!(
        again.1.contains("ride.tcx: already imported"),
        "{}",
        again.1
    );
}

#[test]
fn a_tcx_with_a_run_and_a_ride_records_the_run_and_the_ride_as_cross_training() {
    let dir = common::activities_plan_dir();
    let file = fixture("run-and-ride.tcx");
    let (ok, out, err) = import(dir.path(), &[&file]);
    assert!(ok, "{err}");
    assert!(
        out.contains("run-and-ride.tcx (1 of 2): Wed 25 Nov: 3.1 mi in 30 min: recorded"),
        "{out}"
    );
    assert!(
        out.contains("run-and-ride.tcx (2 of 2): a ride (Biking, 12.4 mi, 1 h) on Thu 26 Nov, not a run: recorded as cross-training"),
        "{out}"
    );
    let runs = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(runs.as_array().map(Vec::len), Some(1), "{runs}");
    // Undo takes both back, and says so.
    let undo = common::cli(dir.path(), "2026-11-30")
        .arg("undo")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&undo.stdout).contains(
            "the import of 1 run and 1 cross-training session from Wed 25 Nov was taken back"
        ),
        "{}",
        String::from_utf8_lossy(&undo.stdout)
    );
    // Again: recorded again, then known by its hash before it is read.
    assert!(import(dir.path(), &[&file]).0);
    let (ok, out, err) = import(dir.path(), &[&file]);
    assert!(ok, "{err}");
    assert!(out.contains("run-and-ride.tcx: already imported"), "{out}");
}

#[test]
fn a_ride_is_not_placed_on_a_day_with_to_either() {
    let dir = common::activities_plan_dir();
    let before = common::db(dir.path());
    let out = common::cli(dir.path(), "2026-11-30")
        .env("TZ", "UTC")
        .args(["activities", "import", "--to", "2026-11-25"])
        .arg(fixture("ride.tcx"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ride.tcx: a ride (Biking"), "{err}");
    assert_eq!(common::db(dir.path()), before);
}

#[test]
fn only_comebacks_own_lines_reach_the_runner_when_the_fit_reader_complains() {
    if !common::real_activities_here() {
        return;
    }
    let dir = common::activities_plan_dir();
    let coros = common::real_activity("coros-pace-2-cycling-misaligned-fields.fit");
    let (_, _, err) = import(dir.path(), &[&coros]);
    assert!(!err.contains("ERROR: field size"), "{err}");
    assert!(err.contains("a ride"), "{err}");
}

#[test]
fn a_fit_whose_header_points_past_the_end_is_that_files_error_and_the_others_are_recorded() {
    if !common::real_activities_here() {
        return;
    }
    let dir = common::activities_plan_dir();
    let files = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(common::real_activity("garmin-fenix-5-run.fit")).unwrap();
    bytes.truncate(64);
    bytes[0] = 0xff;
    let broken = files.path().join("broken-header.fit");
    std::fs::write(&broken, bytes).unwrap();
    let long_run =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/activities/long-run.tcx");
    let (ok, out, err) = import(dir.path(), &[&broken, &long_run]);
    assert!(!ok, "{out}");
    assert!(
        err.contains("broken-header.fit: not a readable FIT file"),
        "{err}"
    );
    assert!(
        out.contains("long-run.tcx") && out.contains("recorded"),
        "{out}"
    );
}

#[test]
fn cross_training_from_files_travels_with_the_export() {
    let dir = common::activities_plan_dir();
    assert!(import(dir.path(), &[&fixture("ride.tcx")]).0);
    let doc = common::json(dir.path(), "2026-11-30", &["export"]);
    assert_eq!(doc["cross_training"][0]["kind"], "bike");
    assert_eq!(doc["cross_training"][0]["seconds"], 5400);
    let fresh = common::import_into_fresh(doc.to_string().as_bytes(), "2026-11-30");
    let again = common::json(fresh.path(), "2026-11-30", &["export"]);
    assert_eq!(again["cross_training"], doc["cross_training"]);
    // The ride is known in the new store too.
    let (_, out, _) = import(fresh.path(), &[&fixture("ride.tcx")]);
    assert!(out.contains("ride.tcx: already imported"), "{out}");
}
