//! TCX files: each `<Activity>` is an activity, its `Sport` said.

use super::{Activity, ActivityError, damaged};
use chrono::{DateTime, Utc};

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Activity>, ActivityError> {
    let mut reader = std::io::BufReader::new(bytes);
    let db = ::tcx::read(&mut reader).map_err(|e| damaged("TCX", e))?;
    db.activities
        .map(|a| a.activities)
        .unwrap_or_default()
        .iter()
        .map(activity)
        .collect()
}

fn activity(activity: &::tcx::Activity) -> Result<Activity, ActivityError> {
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
        heart_rate: heart_rate(activity).map(|h| h.round() as u16),
        hash: String::new(),
        sport: Some(activity.sport.trim().to_string()).filter(|s| !s.is_empty()),
        part: (1, 1),
    })
}

/// The laps' average heart rates weighted by their time, or else the mean
/// of the track points' heart rates.
fn heart_rate(activity: &::tcx::Activity) -> Option<f64> {
    let (beats, timed) = activity
        .laps
        .iter()
        .filter_map(|l| {
            Some((
                l.average_heart_rate? * l.total_time_seconds,
                l.total_time_seconds,
            ))
        })
        .fold((0.0, 0.0), |(b, t), (lb, lt)| (b + lb, t + lt));
    let points: Vec<f64> = activity
        .laps
        .iter()
        .flat_map(|l| &l.tracks)
        .flat_map(|t| &t.trackpoints)
        .filter_map(|p| p.heart_rate.as_ref().map(|h| h.value))
        .collect();
    if timed > 0.0 {
        Some(beats / timed)
    } else if !points.is_empty() {
        Some(points.iter().sum::<f64>() / points.len() as f64)
    } else {
        None
    }
}
