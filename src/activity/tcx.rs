//! TCX files, read in one pass (see `xml`): each `<Activity>` (also those
//! of a multisport session) is an activity, its `Sport` said. Distance and
//! time are its laps' (`DistanceMeters`, `TotalTimeSeconds`), as Garmin's
//! tools count them; heart rate is the laps' `AverageHeartRateBpm`
//! weighted by their time, or the track points' mean when the laps say
//! none. A lap without a distance takes its track points' last one.

use super::hr::{self, Lap};
use super::xml::{self, Step};
use super::{Activity, ActivityError, damaged};
use chrono::{DateTime, Utc};

/// The elements read, by their index in a path.
const NAMES: [&str; 10] = [
    "Activities",
    "Activity",
    "Id",
    "Lap",
    "TotalTimeSeconds",
    "DistanceMeters",
    "AverageHeartRateBpm",
    "Value",
    "Trackpoint",
    "Time",
];
const ACTIVITIES: u8 = 0;
const ACTIVITY: u8 = 1;
const ID: u8 = 2;
const LAP: u8 = 3;
const TOTAL_TIME: u8 = 4;
const DISTANCE: u8 = 5;
const AVERAGE_HR: u8 = 6;
const VALUE: u8 = 7;
const TRACKPOINT: u8 = 8;
const TIME: u8 = 9;

/// An activity as the file says it.
#[derive(Default)]
struct Read {
    sport: Option<String>,
    id: Option<DateTime<Utc>>,
    laps: Vec<Lap>,
    /// Per lap, its track points' last distance.
    track_distance: Vec<Option<f64>>,
    first_point: Option<DateTime<Utc>>,
    beats: Vec<f64>,
}

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Activity>, ActivityError> {
    let mut read: Vec<Read> = Vec::new();
    let damage = xml::walk(bytes, &NAMES, |path, step| {
        // Only what is inside an activity under `Activities` (not a course).
        if !path.contains(&ACTIVITIES) {
            return;
        }
        if let ([.., ACTIVITY], Step::Start(e)) = (path, &step) {
            read.push(Read {
                sport: xml::attribute(e, "Sport").filter(|s| !s.is_empty()),
                ..Read::default()
            });
            return;
        }
        let Some(activity) = read.last_mut() else {
            return;
        };
        let number = |step: &Step| match step {
            Step::Text(text) => text.parse::<f64>().ok(),
            _ => None,
        };
        match (path, &step) {
            ([.., ACTIVITY, ID], Step::Text(text)) => activity.id = xml::time(text),
            ([.., ACTIVITY, LAP], Step::Start(_)) => {
                activity.laps.push(Lap::default());
                activity.track_distance.push(None);
            }
            ([.., LAP, TOTAL_TIME], _) => {
                if let (Some(lap), Some(n)) = (activity.laps.last_mut(), number(&step)) {
                    lap.seconds = Some(n);
                }
            }
            ([.., LAP, DISTANCE], _) => {
                if let (Some(lap), Some(n)) = (activity.laps.last_mut(), number(&step)) {
                    lap.distance_m = Some(n);
                }
            }
            ([.., LAP, AVERAGE_HR, VALUE], _) => {
                if let (Some(lap), Some(n)) = (activity.laps.last_mut(), number(&step)) {
                    lap.average = Some(n);
                }
            }
            ([.., TRACKPOINT, TIME], Step::Text(text)) if activity.first_point.is_none() => {
                activity.first_point = xml::time(text);
            }
            ([.., TRACKPOINT, DISTANCE], _) => {
                if let (Some(last), Some(n)) = (activity.track_distance.last_mut(), number(&step)) {
                    *last = Some(n);
                }
            }
            // HeartRateBpm's Value.
            ([.., TRACKPOINT, _, VALUE], _) => {
                if let Some(n) = number(&step) {
                    activity.beats.push(n);
                }
            }
            _ => {}
        }
    })
    .map_err(|e| damaged("TCX", e))?;
    Ok(read
        .into_iter()
        .filter_map(|r| activity(r, damage.clone()))
        .collect())
}

/// One activity, when it has a start.
fn activity(read: Read, damage: Option<String>) -> Option<Activity> {
    let start = read.id.or(read.first_point)?;
    let distance_m = read
        .laps
        .iter()
        .zip(&read.track_distance)
        .map(|(lap, track)| lap.distance_m.or(*track).unwrap_or(0.0))
        .sum();
    let seconds: f64 = read.laps.iter().filter_map(|l| l.seconds).sum();
    Some(Activity {
        start,
        distance_m,
        seconds: seconds.round() as u32,
        heart_rate: hr::laps_average(&read.laps)
            .or_else(|| hr::mean(read.beats))
            .and_then(hr::plausible),
        hash: String::new(),
        sport: read.sport,
        part: (1, 1),
        damage,
    })
}
