//! Runs recorded by a watch or phone: GPX, TCX and FIT files read with the
//! `gpx`, `tcx` and `fitparser` crates into what comeback keeps of them —
//! when the run started, how far, for how long (moving), and the average
//! heart rate where the file has one. No store here: `comeback.rs` records
//! what this reads.

use chrono::{DateTime, Utc};
use std::io::Read;
use std::path::Path;

/// Files larger than this are refused before they are read: a two-hour FIT
/// file is well under 1 MB; a GPX of a long day a few MB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Between two track points further apart than this, the watch was paused.
const PAUSE_SECONDS: i64 = 60;

/// Slower than this between two points counts as standing, not moving (m/s).
const STANDING_SPEED: f64 = 0.5;

/// One recorded run.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub start: DateTime<Utc>,
    pub distance_m: f64,
    /// Moving time in seconds.
    pub seconds: u32,
    pub heart_rate: Option<u16>,
    /// The file's SHA-256, hex: the same file is imported once.
    pub hash: String,
}

/// Why a file gives no run.
#[derive(Debug, thiserror::Error)]
pub enum ActivityError {
    #[error("cannot read it: {0}")]
    Io(#[from] std::io::Error),
    #[error("{size}: expected at most 64 MB")]
    TooLarge { size: String },
    #[error("'.{0}': expected a .gpx, .tcx or .fit file")]
    Kind(String),
    #[error("not a readable {kind} file: {problem}")]
    Damaged { kind: &'static str, problem: String },
    #[error("no track with times in it")]
    NoTrack,
    #[error("a run of {0:.0} m: expected some distance")]
    NoDistance(f64),
}

impl Activity {
    /// Reads the file at `path`, its kind by its extension.
    pub fn read(path: &Path) -> Result<Activity, ActivityError> {
        let size = std::fs::metadata(path)?.len();
        if size > MAX_FILE_BYTES {
            return Err(ActivityError::TooLarge {
                size: format!("{:.1} GB", size as f64 / 1e9),
            });
        }
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let mut bytes = Vec::with_capacity(size as usize);
        std::fs::File::open(path)?.read_to_end(&mut bytes)?;
        let mut activity = match extension.as_str() {
            "gpx" => from_gpx(&bytes)?,
            "tcx" => from_tcx(&bytes)?,
            "fit" => from_fit(&bytes)?,
            other => return Err(ActivityError::Kind(other.to_string())),
        };
        use sha2::Digest;
        activity.hash = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if activity.distance_m < 1.0 || !activity.distance_m.is_finite() {
            return Err(ActivityError::NoDistance(activity.distance_m));
        }
        Ok(activity)
    }
}

fn damaged(kind: &'static str, problem: impl ToString) -> ActivityError {
    ActivityError::Damaged {
        kind,
        problem: problem.to_string(),
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

/// Distance and moving time over points (time, lat, lon) in order.
fn along(points: &[(DateTime<Utc>, f64, f64)]) -> (f64, u32) {
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

fn from_gpx(bytes: &[u8]) -> Result<Activity, ActivityError> {
    let gpx = gpx::read(bytes).map_err(|e| damaged("GPX", e))?;
    let mut points = Vec::new();
    for point in gpx
        .tracks
        .iter()
        .flat_map(|t| &t.segments)
        .flat_map(|s| &s.points)
    {
        let Some(time) = point.time.as_ref().and_then(|t| t.format().ok()) else {
            continue;
        };
        let time = DateTime::parse_from_rfc3339(&time)
            .map_err(|e| damaged("GPX", e))?
            .with_timezone(&Utc);
        let p = point.point();
        points.push((time, p.y(), p.x()));
    }
    let start = points.first().map(|p| p.0).ok_or(ActivityError::NoTrack)?;
    let (distance_m, seconds) = along(&points);
    Ok(Activity {
        start,
        distance_m,
        seconds,
        heart_rate: None,
        hash: String::new(),
    })
}

fn from_tcx(bytes: &[u8]) -> Result<Activity, ActivityError> {
    let mut reader = std::io::BufReader::new(bytes);
    let db = tcx::read(&mut reader).map_err(|e| damaged("TCX", e))?;
    let activity = db
        .activities
        .and_then(|a| a.activities.into_iter().next())
        .ok_or(ActivityError::NoTrack)?;
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
    // The laps' average heart rates weighted by their time, or else the
    // mean of the track points' heart rates.
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
    let heart_rate = if timed > 0.0 {
        Some(beats / timed)
    } else if !points.is_empty() {
        Some(points.iter().sum::<f64>() / points.len() as f64)
    } else {
        None
    };
    Ok(Activity {
        start,
        distance_m,
        seconds: seconds.round() as u32,
        heart_rate: heart_rate.map(|h| h.round() as u16),
        hash: String::new(),
    })
}

fn from_fit(bytes: &[u8]) -> Result<Activity, ActivityError> {
    use fitparser::Value;
    use fitparser::profile::MesgNum;
    let mut reader = bytes;
    let records = fitparser::from_reader(&mut reader).map_err(|e| damaged("FIT", e))?;
    let number = |v: &Value| match v {
        Value::Float64(x) => Some(*x),
        Value::Float32(x) => Some(f64::from(*x)),
        Value::UInt8(x) => Some(f64::from(*x)),
        Value::UInt16(x) => Some(f64::from(*x)),
        Value::UInt32(x) => Some(f64::from(*x)),
        Value::SInt32(x) => Some(f64::from(*x)),
        _ => None,
    };
    let time = |v: &Value| match v {
        Value::Timestamp(t) => Some(t.with_timezone(&Utc)),
        _ => None,
    };
    let session = records
        .iter()
        .find(|r| r.kind() == MesgNum::Session)
        .ok_or(ActivityError::NoTrack)?;
    let field = |name: &str| {
        session
            .fields()
            .iter()
            .find(|f| f.name() == name)
            .map(|f| f.value())
    };
    let start = field("start_time")
        .and_then(time)
        .ok_or(ActivityError::NoTrack)?;
    let distance_m = field("total_distance").and_then(number).unwrap_or(0.0);
    let seconds = field("total_timer_time")
        .or_else(|| field("total_elapsed_time"))
        .and_then(number)
        .unwrap_or(0.0);
    let heart_rate = field("avg_heart_rate").and_then(number).map(|h| h as u16);
    Ok(Activity {
        start,
        distance_m,
        seconds: seconds.round() as u32,
        heart_rate,
        hash: String::new(),
    })
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
