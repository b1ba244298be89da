//! GPX distance is summed segment by segment (a gap is never bridged with a
//! straight line), and tracks on other days are other runs.

mod common;

use comeback::activity::Activity;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/activities/tracks")
        .join(name)
}

/// Each activity's start day and distance in metres, rounded.
fn runs(path: &Path) -> Vec<(String, i64)> {
    Activity::read(path)
        .unwrap()
        .iter()
        .map(|a| {
            (
                a.start.date_naive().to_string(),
                a.distance_m.round() as i64,
            )
        })
        .collect()
}

#[test]
fn two_segments_a_degree_apart_add_up_without_the_gap_between_them() {
    // Each segment runs 0.001 degree of latitude (111 m); the jump between
    // them is a whole degree (111 km) that nobody ran.
    let got = runs(&fixture("two-segments.gpx"));
    assert_eq!(got.len(), 1, "{got:?}");
    assert!((220..=225).contains(&got[0].1), "{got:?}");
}

#[test]
fn tracks_on_three_days_are_three_runs() {
    let got = runs(&fixture("three-days.gpx"));
    let days: Vec<&str> = got.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(days, ["2026-11-24", "2026-11-25", "2026-11-26"], "{got:?}");
    assert!(got.iter().all(|(_, m)| (110..=112).contains(m)), "{got:?}");
}

#[test]
fn a_real_multi_track_file_is_not_bridged_across_its_tracks() {
    if !common::real_activities_here() {
        return;
    }
    // Three tracks on three days, 1.7 km in all (it read as one 23.4 km run).
    let got = runs(&common::real_activity("togeojson-multitrackgpx.gpx"));
    assert_eq!(
        got,
        [
            ("2008-07-12".to_string(), 522),
            ("2008-07-13".to_string(), 1203),
            ("2008-07-14".to_string(), 19)
        ]
    );
}

#[test]
fn a_gpx_stamped_with_the_32_bit_time_minimum_is_refused_with_its_clock() {
    let err = Activity::read(&fixture("1901.gpx"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("its clock says 1901-12-13") && err.contains("expected a date from 2000 on"),
        "{err}"
    );
}
