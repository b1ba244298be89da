//! Files other tools read are read: a MapMyRide TCX with a decimal
//! `<Calories>`, an ExpertGPS GPX 1.0 with `<color>` in its tracks, a FIT
//! whose session leaves out its distance (its records have it), a FIT cut
//! short or damaged part way (read up to the damage, and said). Figures are
//! checked against the reference readers (python-fitparse/fitdecode,
//! gpxpy, the TCX laps summed), within what their methods differ by. Real
//! files are read where they are, in `../shared/real-activities`.

mod common;

use comeback::activity::Activity;
use std::path::Path;

#[path = "common/fit.rs"]
mod fit;

/// An activity: start (UTC), sport, metres, seconds, heart rate, damage.
type Read = (
    String,
    Option<String>,
    f64,
    u32,
    Option<u16>,
    Option<String>,
);

fn read(path: &Path) -> Vec<Read> {
    Activity::read(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_iter()
        .map(|a| {
            (
                a.start.format("%Y-%m-%d %H:%M:%S").to_string(),
                a.sport,
                a.distance_m,
                a.seconds,
                a.heart_rate,
                a.damage,
            )
        })
        .collect()
}

fn near(got: f64, reference: f64, share: f64) -> bool {
    (got - reference).abs() <= share * reference
}

#[test]
fn a_mapmyride_tcx_with_decimal_calories_is_read() {
    if !common::real_activities_here() {
        return;
    }
    let got = read(&common::real_activity("tcxreader-mapmyride_biking.tcx"));
    // The laps, summed: 15,350 m in 3,111 s, a ride.
    assert_eq!(got.len(), 1);
    let (start, sport, metres, seconds, _, damage) = &got[0];
    assert_eq!(start, "2022-11-12 15:58:25");
    assert_eq!(sport.as_deref(), Some("Biking"));
    assert!(near(*metres, 15_350.0, 0.001), "{metres}");
    assert_eq!(*seconds, 3_111);
    assert_eq!(*damage, None);
}

#[test]
fn an_expertgps_gpx_1_0_is_read_track_by_track() {
    if !common::real_activities_here() {
        return;
    }
    let got = read(&common::real_activity("togeojson-blue_hills.gpx"));
    // gpxpy: three tracks on three days (the third listed is the earliest),
    // 15,403 m, 18,186 m and 18,367 m.
    let starts: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2001-06-24 15:09:09",
            "2001-10-13 17:55:59",
            "2001-05-26 15:15:07"
        ]
    );
    // comeback leaves out the GPS jumps gpxpy counts (131 m in 4 s and
    // 157 m in 5 s in the October track): within 3%, never more.
    for (activity, reference) in got.iter().zip([15_403.0, 18_186.0, 18_367.0]) {
        assert!(
            near(activity.2, reference, 0.03) && activity.2 <= reference,
            "{activity:?}"
        );
    }
}

#[test]
fn a_fit_damaged_part_way_keeps_the_session_read_before_the_damage() {
    if !common::real_activities_here() {
        return;
    }
    // fitdecode stops at byte 7,471 too ("local message 11 not defined"),
    // after the session Strava writes first: 11,274 m in 3,558 s.
    let got = read(&common::real_activity(
        "strava-android-app-201.10-b1218918.fit",
    ));
    assert_eq!(got.len(), 1);
    let (start, sport, metres, seconds, _, damage) = &got[0];
    assert_eq!(start, "2021-09-27 14:13:10");
    assert_eq!(sport.as_deref(), Some("running"));
    assert!(near(*metres, 11_274.0, 0.001), "{metres}");
    assert_eq!(*seconds, 3_558);
    assert_eq!(
        damage.as_deref(),
        Some("the file is damaged at byte 7471 of 78233: read up to there")
    );
}

#[test]
fn a_fit_cut_short_is_read_from_its_records_up_to_the_cut() {
    if !common::real_activities_here() {
        return;
    }
    let whole = std::fs::read(common::real_activity("mornindew-broken.fit")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.fit");
    std::fs::write(&cut, &whole[..200_000]).unwrap();
    let got = read(&cut);
    assert_eq!(got.len(), 1);
    let (start, _, metres, seconds, hr, damage) = &got[0];
    // The whole file: 16,773 m in 6,856 s from 14:11:39, HR 147.
    assert_eq!(start, "2019-05-18 14:11:39");
    assert!(*metres > 5_000.0 && *metres < 16_773.0, "{metres}");
    assert!(*seconds > 1_800 && *seconds < 6_856, "{seconds}");
    assert!(hr.is_some());
    assert!(
        damage
            .as_deref()
            .is_some_and(|d| d.ends_with("of 200000: read up to there")),
        "{damage:?}"
    );
}

#[test]
fn a_fit_cut_before_anything_is_refused_in_one_line() {
    if !common::real_activities_here() {
        return;
    }
    let whole = std::fs::read(common::real_activity("mornindew-broken.fit")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.fit");
    std::fs::write(&cut, &whole[..40]).unwrap();
    let err = Activity::read(&cut).unwrap_err().to_string();
    assert!(
        err.starts_with("not a readable FIT file: it is damaged at byte"),
        "{err}"
    );
}

#[test]
fn a_fit_session_without_a_distance_takes_it_from_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no-distance.fit");
    // 2026-11-25 07:00 UTC, 30 minutes at 3 m/s.
    std::fs::write(&file, fit::run(1_795_590_000, 1_800, false)).unwrap();
    let got = read(&file);
    assert_eq!(got.len(), 1);
    let (start, _, metres, seconds, hr, damage) = &got[0];
    assert_eq!(start, "2026-11-25 07:00:00");
    // The last record's distance: 1,799 s at 3 m/s.
    assert!(near(*metres, 5_397.0, 0.001), "{metres}");
    assert_eq!(*seconds, 1_800);
    // The session gives no average: the records' mean (140–149).
    assert_eq!(*hr, Some(145));
    assert_eq!(*damage, None);
}

#[test]
fn a_fit_session_without_heart_rate_takes_the_records_mean() {
    if !common::real_activities_here() {
        return;
    }
    // fenix 2: the session has no avg_heart_rate; the records' mean is 154.
    let got = read(&common::real_activity("activity-small-fenix2-run.fit"));
    assert_eq!(got[0].4, Some(154));
}

#[test]
fn a_damaged_run_says_so_when_imported() {
    if !common::real_activities_here() {
        return;
    }
    let dir = common::activities_plan_dir();
    let whole = std::fs::read(common::real_activity("mornindew-broken.fit")).unwrap();
    let files = tempfile::tempdir().unwrap();
    let cut = files.path().join("cut.fit");
    std::fs::write(&cut, &whole[..200_000]).unwrap();
    let (ok, out, err) = common::import_activities(
        dir.path(),
        ("2026-11-30", "UTC"),
        &[cut.as_os_str(), "--to".as_ref(), "2026-11-29".as_ref()],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("moved from Sat 18 May 2019")
            && out.contains("(the file is damaged at byte")
            && out.contains("of 200000: read up to there)"),
        "{out}"
    );
}

#[test]
fn a_fit_cut_before_it_says_its_sport_is_refused_not_taken_for_a_run() {
    if !common::real_activities_here() {
        return;
    }
    // A COROS ride cut at a message's end, before any sport or session.
    let whole = std::fs::read(common::real_activity(
        "coros-pace-2-cycling-misaligned-fields.fit",
    ))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.fit");
    std::fs::write(&cut, &whole[..57_828]).unwrap();
    let err = Activity::read(&cut).unwrap_err().to_string();
    assert_eq!(
        err,
        "not a readable FIT file: it is cut short at byte 57828, before its sessions and before anything says what sport it was"
    );
}

#[test]
fn a_cut_copy_and_the_whole_file_of_one_run_count_once() {
    if !common::real_activities_here() {
        return;
    }
    let dir = common::plan_dir("2019-05-30", "2019-05-13");
    let whole = common::real_activity("mornindew-broken.fit");
    let files = tempfile::tempdir().unwrap();
    let cut = files.path().join("cut.fit");
    std::fs::write(&cut, &std::fs::read(&whole).unwrap()[..200_000]).unwrap();
    // Recorded first (placed on Sunday's run), then the whole file: the
    // same start, so the same run.
    let (ok, out, err) = common::import_activities(
        dir.path(),
        ("2019-05-30", "UTC"),
        &[cut.as_os_str(), "--to".as_ref(), "2019-05-19".as_ref()],
    );
    assert!(ok, "{err}");
    assert!(out.contains("(the file is damaged at byte"), "{out}");
    let (_, out, err) =
        common::import_activities(dir.path(), ("2019-05-30", "UTC"), &[whole.as_os_str()]);
    assert!(
        out.contains("the same run as cut.fit, already recorded"),
        "{out}{err}"
    );
    let list = common::json(dir.path(), "2019-05-30", &["activities", "list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
}
