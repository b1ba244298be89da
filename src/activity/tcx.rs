//! TCX files: each `<Activity>` is an activity, its `Sport` said. The laps'
//! `AverageHeartRateBpm`, which `tcx` does not read, comes from `hr`.

use super::hr;
use super::{Activity, ActivityError, damaged};
use chrono::{DateTime, Utc};

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Activity>, ActivityError> {
    let mut reader = std::io::BufReader::new(bytes);
    let db = ::tcx::read(&mut reader).map_err(|e| damaged("TCX", e))?;
    let activities = db.activities.map(|a| a.activities).unwrap_or_default();
    // The laps per activity, when the second pass saw the same activities.
    let mut laps = hr::tcx_laps(bytes)
        .filter(|l| l.len() == activities.len())
        .unwrap_or_default()
        .into_iter();
    activities
        .iter()
        .map(|a| activity(a, &laps.next().unwrap_or_default()))
        .collect()
}

fn activity(activity: &::tcx::Activity, laps: &[hr::Lap]) -> Result<Activity, ActivityError> {
    let start = DateTime::parse_from_rfc3339(&activity.id)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            activity
                .laps
                .iter()
                .flat_map(|l| &l.tracks)
                .flat_map(|t| &t.trackpoints)
                .map(|p| p.time)
                .next()
        })
        .ok_or(ActivityError::NoTrack)?;
    let distance_m: f64 = activity.laps.iter().map(|l| l.distance_meters).sum();
    let seconds: f64 = activity.laps.iter().map(|l| l.total_time_seconds).sum();
    Ok(Activity {
        start,
        distance_m,
        seconds: seconds.round() as u32,
        heart_rate: hr::laps_average(laps)
            .or_else(|| hr::mean(points(activity)))
            .and_then(hr::plausible),
        hash: String::new(),
        sport: Some(activity.sport.trim().to_string()).filter(|s| !s.is_empty()),
        part: (1, 1),
    })
}

/// The track points' heart rates, in order.
fn points(activity: &::tcx::Activity) -> impl Iterator<Item = f64> + '_ {
    activity
        .laps
        .iter()
        .flat_map(|l| &l.tracks)
        .flat_map(|t| &t.trackpoints)
        .filter_map(|p| p.heart_rate.as_ref().map(|h| h.value))
}
