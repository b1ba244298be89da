//! GPX files: the tracks, one after another, make one activity while they
//! say the same `<type>` (or none) and follow within hours; a track that
//! says another, or comes on another day, starts the next. Distance and
//! moving time come from the points, segment by segment (never a straight
//! line across a gap); heart rate from their TrackPointExtension `hr`, which
//! `gpx` does not read (see `hr`).

use super::hr;
use super::{Activity, ActivityError, damaged};
use chrono::{DateTime, Utc};

/// Between two track points further apart than this, the watch was paused.
const PAUSE_SECONDS: i64 = 60;

/// Slower than this between two points counts as standing, not moving (m/s).
const STANDING_SPEED: f64 = 0.5;

/// A point: when, latitude, longitude.
type Point = (DateTime<Utc>, f64, f64);

/// Tracks read as one run: the sport they say, their segments, their heart
/// rate samples.
type Group = (Option<String>, Vec<Vec<Point>>, Vec<f64>);

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Activity>, ActivityError> {
    let gpx = ::gpx::read(bytes).map_err(|e| damaged("GPX", e))?;
    // The heart rates per track, when the second pass saw the same tracks.
    let mut rates = hr::gpx_tracks(bytes)
        .filter(|r| r.len() == gpx.tracks.len())
        .unwrap_or_default()
        .into_iter();
    // Runs of tracks saying the same type, in order and without a long
    // break between them (tracks on other days are other runs), with their
    // segments and heart rates.
    let mut groups: Vec<Group> = Vec::new();
    for track in &gpx.tracks {
        let sport = track
            .type_
            .as_ref()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        let segments = segments(track)?;
        let beats = rates.next().unwrap_or_default();
        let first = segments.iter().flatten().next().map(|p| p.0);
        match groups.last_mut() {
            Some((said, group, rates)) if *said == sport && continues(group, first) => {
                group.extend(segments);
                rates.extend(beats);
            }
            _ => groups.push((sport, segments, beats)),
        }
    }
    Ok(groups
        .into_iter()
        .filter_map(|(sport, segments, beats)| {
            let start = segments.iter().flatten().next()?.0;
            // Each segment on its own: no straight line across a gap.
            let (distance_m, seconds) = segments
                .iter()
                .map(|s| along(s))
                .fold((0.0, 0u32), |(d, t), (ds, ts)| {
                    (d + ds, t.saturating_add(ts))
                });
            Some(Activity {
                start,
                distance_m,
                seconds,
                heart_rate: hr::mean(beats).and_then(hr::plausible),
                hash: String::new(),
                sport,
                part: (1, 1),
            })
        })
        .collect())
}

/// A break longer than this between tracks starts another run.
const NEW_RUN_HOURS: i64 = 3;

/// Whether a track starting at `first` goes on from the run in `group`.
fn continues(group: &[Vec<Point>], first: Option<DateTime<Utc>>) -> bool {
    let last = group.iter().flatten().last().map(|p| p.0);
    match (last, first) {
        (Some(last), Some(first)) => (first - last).num_hours() < NEW_RUN_HOURS,
        _ => true,
    }
}

/// A track's segments, each its points with times, in order.
fn segments(track: &::gpx::Track) -> Result<Vec<Vec<Point>>, ActivityError> {
    let mut out = Vec::new();
    for segment in &track.segments {
        let mut points = Vec::new();
        for point in &segment.points {
            let Some(time) = point.time.as_ref().and_then(|t| t.format().ok()) else {
                continue;
            };
            let time = DateTime::parse_from_rfc3339(&time)
                .map_err(|e| damaged("GPX", e))?
                .with_timezone(&Utc);
            let p = point.point();
            points.push((time, p.y(), p.x()));
        }
        out.push(points);
    }
    Ok(out)
}

/// Great-circle distance in metres (haversine, mean Earth radius).
fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6_371_008.8 * h.sqrt().asin()
}

/// Distance and moving time over points in order.
fn along(points: &[Point]) -> (f64, u32) {
    let mut distance = 0.0;
    let mut moving = 0i64;
    for pair in points.windows(2) {
        let (t0, lat0, lon0) = pair[0];
        let (t1, lat1, lon1) = pair[1];
        let step = metres((lat0, lon0), (lat1, lon1));
        let dt = (t1 - t0).num_seconds();
        distance += step;
        if dt > 0 && dt <= PAUSE_SECONDS && step / dt as f64 >= STANDING_SPEED {
            moving += dt;
        }
    }
    (distance, u32::try_from(moving).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_degree_of_latitude_is_about_111_km() {
        let d = metres((0.0, 0.0), (1.0, 0.0));
        assert!((d - 111_195.0).abs() < 10.0, "{d}");
    }
}
