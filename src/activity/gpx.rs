//! GPX files: the tracks, one after another, make one activity while they
//! say the same `<type>` (or none); a track that says another starts the
//! next. Distance and moving time come from the points; heart rate from
//! their TrackPointExtension `hr`, which `gpx` does not read (see `hr`).

use super::hr;
use super::{Activity, ActivityError, damaged};
use chrono::{DateTime, Utc};

/// Between two track points further apart than this, the watch was paused.
const PAUSE_SECONDS: i64 = 60;

/// Slower than this between two points counts as standing, not moving (m/s).
const STANDING_SPEED: f64 = 0.5;

/// A point: when, latitude, longitude.
type Point = (DateTime<Utc>, f64, f64);

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Activity>, ActivityError> {
    let gpx = ::gpx::read(bytes).map_err(|e| damaged("GPX", e))?;
    // The heart rates per track, when the second pass saw the same tracks.
    let mut rates = hr::gpx_tracks(bytes)
        .filter(|r| r.len() == gpx.tracks.len())
        .unwrap_or_default()
        .into_iter();
    // Runs of tracks saying the same type, in order, with their heart rates.
    let mut groups: Vec<(Option<String>, Vec<Point>, Vec<f64>)> = Vec::new();
    for track in &gpx.tracks {
        let sport = track
            .type_
            .as_ref()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        let points = points(track)?;
        let beats = rates.next().unwrap_or_default();
        match groups.last_mut() {
            Some((said, group, rates)) if *said == sport => {
                group.extend(points);
                rates.extend(beats);
            }
            _ => groups.push((sport, points, beats)),
        }
    }
    Ok(groups
        .into_iter()
        .filter_map(|(sport, points, beats)| {
            let start = points.first()?.0;
            let (distance_m, seconds) = along(&points);
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

/// A track's points with times, in order.
fn points(track: &::gpx::Track) -> Result<Vec<Point>, ActivityError> {
    let mut points = Vec::new();
    for point in track.segments.iter().flat_map(|s| &s.points) {
        let Some(time) = point.time.as_ref().and_then(|t| t.format().ok()) else {
            continue;
        };
        let time = DateTime::parse_from_rfc3339(&time)
            .map_err(|e| damaged("GPX", e))?
            .with_timezone(&Utc);
        let p = point.point();
        points.push((time, p.y(), p.x()));
    }
    Ok(points)
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
