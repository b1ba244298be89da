//! GPX files (1.0 and 1.1), read in one pass (see `xml`): the tracks, one
//! after another, make one activity while they say the same `<type>` (or
//! none) and follow within hours; a track that says another, or comes on
//! another day, starts the next. Distance and moving time come from the
//! points, segment by segment (never a straight line across a gap); heart
//! rate from their TrackPointExtension `hr`.

use super::xml::{self, Step};
use super::{Activity, ActivityError, damaged, hr};
use chrono::{DateTime, Utc};

/// Between two track points further apart than this, the watch was paused.
const PAUSE_SECONDS: i64 = 60;

/// Faster than this between two points (50 km/h, in m/s) is a GPS jump.
const JUMP_SPEED: f64 = 50_000.0 / 3600.0;

/// Further than this between two points stamped with the same second (or
/// out of order) is a GPS jump (m).
const SAME_SECOND_STEP_M: f64 = 100.0;

/// Slower than this between two points counts as standing, not moving (m/s).
const STANDING_SPEED: f64 = 0.5;

/// A point: when, latitude, longitude.
type Point = (DateTime<Utc>, f64, f64);

/// Tracks read as one run: the sport they say, their segments, their heart
/// rate samples.
type Group = (Option<String>, Vec<Vec<Point>>, Vec<f64>);

/// The elements read, by their index in a path.
const NAMES: [&str; 6] = ["trk", "type", "trkseg", "trkpt", "time", "hr"];
const TRK: u8 = 0;
const TYPE: u8 = 1;
const TRKSEG: u8 = 2;
const TRKPT: u8 = 3;
const TIME: u8 = 4;
const HR: u8 = 5;

/// A track as the file says it: its type, its segments, the heart rates
/// its points carry.
#[derive(Default)]
struct Track {
    sport: Option<String>,
    segments: Vec<Vec<Point>>,
    beats: Vec<f64>,
}

/// The tracks of the file, in order: a point is kept when it has a
/// position and a time; a heart rate anywhere inside a point (Garmin's
/// TrackPointExtension `hr`, whatever its prefix) is a sample.
fn tracks(bytes: &[u8]) -> Result<(Vec<Track>, Option<String>), ActivityError> {
    let mut tracks: Vec<Track> = Vec::new();
    // The point being read: its position, and its time once read.
    let mut point: Option<(f64, f64, Option<DateTime<Utc>>)> = None;
    xml::walk(bytes, &NAMES, |path, step| match (path, step) {
        ([.., TRK], Step::Start(_)) => tracks.push(Track::default()),
        ([.., TRK, TYPE], Step::Text(text)) => {
            if let Some(track) = tracks.last_mut() {
                track.sport = Some(text.to_string());
            }
        }
        ([.., TRK, TRKSEG], Step::Start(_)) => {
            if let Some(track) = tracks.last_mut() {
                track.segments.push(Vec::new());
            }
        }
        ([.., TRKSEG, TRKPT], Step::Start(e)) => {
            // A position off the globe ("NaN", 1e300) is no position.
            let at = |name, limit: f64| {
                xml::attribute(e, name)
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|v| v.abs() <= limit)
            };
            point = at("lat", 90.0)
                .zip(at("lon", 180.0))
                .map(|(lat, lon)| (lat, lon, None));
        }
        ([.., TRKPT, TIME], Step::Text(text)) => {
            if let Some(p) = point.as_mut() {
                p.2 = xml::time(text);
            }
        }
        ([.., HR], Step::Text(text)) if path.contains(&TRKPT) => {
            if let (Some(track), Ok(bpm)) = (tracks.last_mut(), text.parse()) {
                track.beats.push(bpm);
            }
        }
        ([.., TRKSEG, TRKPT], Step::End) => {
            if let (Some((lat, lon, Some(time))), Some(segment)) = (
                point.take(),
                tracks.last_mut().and_then(|t| t.segments.last_mut()),
            ) {
                segment.push((time, lat, lon));
            }
        }
        _ => {}
    })
    .map_err(|e| damaged("GPX", e))
    .map(|damage| (tracks, damage))
}

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Activity>, ActivityError> {
    // Runs of tracks saying the same type, in order and without a long
    // break between them (tracks on other days are other runs), with their
    // segments and heart rates.
    let mut groups: Vec<Group> = Vec::new();
    let (tracks, damage) = tracks(bytes)?;
    for track in tracks {
        let sport = track.sport.filter(|t| !t.is_empty());
        let first = track.segments.iter().flatten().next().map(|p| p.0);
        match groups.last_mut() {
            Some((said, group, rates)) if *said == sport && continues(group, first) => {
                group.extend(track.segments);
                rates.extend(track.beats);
            }
            _ => groups.push((sport, track.segments, track.beats)),
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
                damage: damage.clone(),
            })
        })
        .collect())
}

/// A break longer than this between tracks starts another run.
const NEW_RUN_HOURS: i64 = 3;

/// Whether a track starting at `first` goes on from the run in `group`:
/// within hours of its end, before or after (an ExpertGPS file lists a May
/// track after an October one).
fn continues(group: &[Vec<Point>], first: Option<DateTime<Utc>>) -> bool {
    let last = group.iter().flatten().last().map(|p| p.0);
    match (last, first) {
        (Some(last), Some(first)) => (first - last).num_hours().abs() < NEW_RUN_HOURS,
        _ => true,
    }
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
        // A step faster than anyone moves on foot is the GPS jumping: left
        // out, the rest of the run kept. Points stamped with the same second
        // (old loggers) may be a short step apart.
        let jump = match dt {
            1.. => step > JUMP_SPEED * dt as f64,
            _ => step > SAME_SECOND_STEP_M,
        };
        if jump {
            continue;
        }
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
