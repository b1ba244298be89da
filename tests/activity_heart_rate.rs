//! Average heart rate as the watch recorded it: GPX TrackPointExtension
//! `hr` (any prefix), TCX laps' `AverageHeartRateBpm` weighted by lap time
//! before the track points' mean, and no strap (0) read as none. The
//! expected averages of the real files come from a reading of their XML
//! (every `hr` of a `trkpt`; every lap's `TotalTimeSeconds` and
//! `AverageHeartRateBpm/Value`), rounded. Real watch files are read where
//! they are, in `../shared/real-activities` beside the repository.

mod common;

use comeback::activity::Activity;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/activities/hr")
        .join(name)
}

/// The heart rate of each activity in the file.
fn heart_rates(path: &Path) -> Vec<Option<u16>> {
    match Activity::read(path) {
        Ok(activities) => activities.iter().map(|a| a.heart_rate).collect(),
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

#[test]
fn gpx_heart_rate_comes_from_the_track_point_extension() {
    if !common::real_activities_here() {
        return;
    }
    // 42 of 42 points: mean 135.74.
    assert_eq!(
        heart_rates(&common::real_activity("togeojson-run_gpxtpx.gpx")),
        [Some(136)]
    );
    // 988 of 988 points: mean 145.52.
    assert_eq!(
        heart_rates(&common::real_activity("georust-garmin-activity.gpx")),
        [Some(146)]
    );
    // 9 of 16 points carry one: mean 110.67 over those.
    assert_eq!(
        heart_rates(&common::real_activity("togeojson-missing_hr.gpx")),
        [Some(111)]
    );
}

#[test]
fn gpx_heart_rate_reads_any_prefix_and_leaves_zero_samples_out() {
    // 150 (gpxtpx:), 0, none, 160 (ns3:), 171 (no prefix): (150+160+171)/3.
    assert_eq!(heart_rates(&fixture("gpxtpx.gpx")), [Some(160)]);
}

#[test]
fn tcx_heart_rate_is_the_laps_average_weighted_by_lap_time() {
    if !common::real_activities_here() {
        return;
    }
    // Laps 139, 172, 167 bpm over 608.47, 714.8, 669.51 s: 160.24; the track
    // points' mean would be 156.65.
    assert_eq!(
        heart_rates(&common::real_activity("tcxparser-test.tcx")),
        [Some(160)]
    );
    // Laps 114, 135, 130 over 681.55, 582.023, 374.498 s: 125.12 (points 125.90).
    assert_eq!(
        heart_rates(&common::real_activity("dblock-treadmill_1.tcx")),
        [Some(125)]
    );
    // Laps 140 over 600 s and 170 over 1200 s: 160; the points' mean is 136.67.
    assert_eq!(heart_rates(&fixture("laps.tcx")), [Some(160)]);
}

#[test]
fn tcx_without_lap_averages_takes_the_track_points_mean() {
    if !common::real_activities_here() {
        return;
    }
    // One lap without an average; 465 points: mean 133.82.
    assert_eq!(
        heart_rates(&common::real_activity("togeojson-tour_hr.tcx")),
        [Some(134)]
    );
}

#[test]
fn no_heart_rate_or_no_strap_is_none_not_zero() {
    if !common::real_activities_here() {
        return;
    }
    assert_eq!(
        heart_rates(&common::real_activity("tcxparser-no_hr.tcx")),
        [None]
    );
    assert_eq!(
        heart_rates(&common::real_activity("togeojson-sample.tcx")),
        [None]
    );
    // Laps' averages 0 and every track point 0.
    assert_eq!(heart_rates(&fixture("no-strap.tcx")), [None]);
}
