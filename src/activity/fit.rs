//! FIT files, read as a stream (`fitparser`'s stream processor): only the
//! fields comeback keeps are taken from each message as it comes, and
//! nothing is kept per record, so memory stays near the file's size
//! whatever it holds. Each session (a triathlon has one per sport and
//! transition) is an activity, with its sport and sub-sport. A session that
//! leaves out its distance, time or heart rate takes them from its records
//! in a second pass; a file damaged part way (cut short, a bad byte) is
//! read up to the damage, and one cut before its sessions is read from its
//! records.

use super::hr;
use super::{Activity, ActivityError, damaged};
use chrono::{DateTime, Utc};
use fitparser::Value;
use fitparser::de::{FitObject, FitStreamProcessor};
use fitparser::profile::field_types::{Sport, SubSport};
use std::collections::HashMap;

/// FIT message numbers (FIT SDK profile, "Messages").
const SPORT: u16 = 12;
const SESSION: u16 = 18;
const RECORD: u16 = 20;
const FIELD_DESCRIPTION: u16 = 206;
const DEVELOPER_DATA_ID: u16 = 207;

/// Field 253 of any message is its timestamp.
const TIMESTAMP: u8 = 253;

/// FIT time counts seconds from 1989-12-31 00:00 UTC.
const FIT_EPOCH: i64 = 631_065_600;

/// Between two records further apart than this, the watch was paused.
const PAUSE_SECONDS: u32 = 60;

/// Slower than this between two records counts as standing (m/s).
const STANDING_SPEED: f64 = 0.5;

/// A session as the file says it; what it leaves out comes from records.
#[derive(Default)]
struct Session {
    start: Option<u32>,
    end: Option<u32>,
    distance_m: Option<f64>,
    seconds: Option<f64>,
    heart_rate: Option<f64>,
    sport: Option<String>,
}

impl Session {
    /// Whether its records must say what it does not.
    fn wants_records(&self) -> bool {
        self.distance_m.is_none() || self.seconds.is_none() || self.heart_rate.is_none()
    }

    /// Whether a record at `time` is one of its own.
    fn holds(&self, time: u32) -> bool {
        self.start.is_none_or(|s| time >= s) && self.end.is_none_or(|e| time <= e)
    }
}

/// What the records of a stretch of time say, added up as they come.
#[derive(Default)]
struct Along {
    first: Option<u32>,
    first_distance: Option<f64>,
    last: Option<(u32, f64)>,
    moving: u32,
    beats: f64,
    samples: u32,
}

impl Along {
    fn add(&mut self, time: u32, distance_m: Option<f64>, heart_rate: Option<f64>) {
        self.first.get_or_insert(time);
        if let Some(d) = distance_m {
            self.first_distance.get_or_insert(d);
            if let Some((t0, d0)) = self.last {
                let dt = time.saturating_sub(t0);
                if dt > 0 && dt <= PAUSE_SECONDS && (d - d0) / f64::from(dt) >= STANDING_SPEED {
                    self.moving += dt;
                }
            }
            self.last = Some((time, d));
        }
        if let Some(h) = heart_rate.filter(|h| *h > 0.0) {
            self.beats += h;
            self.samples += 1;
        }
    }

    /// The distance covered: a file's only session runs from its first
    /// record (its last distance is the whole); one of several from its
    /// first record's distance to its last.
    fn distance(&self, only: bool) -> Option<f64> {
        let (_, last) = self.last?;
        match self.first_distance? {
            _ if only && last > 0.0 => Some(last),
            first if last > first => Some(last - first),
            _ => None,
        }
    }

    fn heart_rate(&self) -> Option<f64> {
        (self.samples > 0).then(|| self.beats / f64::from(self.samples))
    }
}

/// What the first pass gave before the file's end or its damage.
#[derive(Default)]
struct Read {
    sessions: Vec<Session>,
    /// The sport of the file's `sport` message, for records without a
    /// session.
    sport: Option<String>,
    /// Where the file stopped being read, when it was damaged: the byte
    /// and the file's size.
    damage: Option<(usize, usize)>,
}

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Activity>, ActivityError> {
    // fitparser prints its own diagnostics on stderr for fields it reads
    // anyway; only comeback's lines reach the runner. (When stderr cannot be
    // silenced, parsing goes on as it is.)
    // A panic inside the parser (a header that points past the end) is
    // this file's error, not the end of the whole import.
    let quiet = gag::Gag::stderr().ok();
    let activities = std::panic::catch_unwind(|| activities(bytes));
    drop(quiet);
    let (activities, damage) =
        activities.map_err(|_| damaged("FIT", "the FIT reader (fitparser) failed on it"))?;
    match (damage, activities.is_empty()) {
        (Some((at, size)), true) => Err(damaged(
            "FIT",
            format!(
                "it {}, before its sessions and before anything says what sport it was",
                where_damaged(at, size)
            ),
        )),
        _ => Ok(activities),
    }
}

/// The file's activities and its damage: its sessions, each completed from
/// its records where it says nothing; with no session, one from all the
/// records.
fn activities(bytes: &[u8]) -> (Vec<Activity>, Option<(usize, usize)>) {
    let mut read = Read::default();
    read.damage = stream(bytes, |message, fields, time| match message {
        SESSION => read.sessions.push(session(fields, time)),
        SPORT => read.sport = sport(fields, 0, 1),
        _ => {}
    });
    if read.sessions.is_empty() {
        // Cut before its sessions: the records say how far and how long,
        // but only a sport message says it was a run (a cut ride is no run).
        if read.sport.is_none() {
            return (Vec::new(), read.damage);
        }
        read.sessions.push(Session {
            sport: read.sport.take(),
            ..Session::default()
        });
    }
    let mut along: Vec<Along> = read.sessions.iter().map(|_| Along::default()).collect();
    if read.sessions.iter().any(Session::wants_records) {
        stream(bytes, |message, fields, time| {
            if let (RECORD, Some(time)) = (message, time) {
                let distance = raw(fields.get(&5)).map(|d| d / 100.0);
                let heart_rate = raw(fields.get(&3));
                for (session, along) in read.sessions.iter().zip(along.iter_mut()) {
                    if session.wants_records() && session.holds(time) {
                        along.add(time, distance, heart_rate);
                    }
                }
            }
        });
    }
    let only = read.sessions.len() == 1;
    let damage = read
        .damage
        .map(|(at, size)| format!("the file {}: read up to there", where_damaged(at, size)));
    let activities = read
        .sessions
        .iter()
        .zip(&along)
        .filter_map(|(session, along)| {
            let start = session.start.or(along.first)?;
            Some(Activity {
                start: time(start)?,
                distance_m: session.distance_m.or(along.distance(only)).unwrap_or(0.0),
                seconds: session.seconds.map_or(along.moving, |s| s.round() as u32),
                heart_rate: session
                    .heart_rate
                    .or(along.heart_rate())
                    .and_then(hr::plausible),
                hash: String::new(),
                sport: session.sport.clone(),
                part: (1, 1),
                damage: damage.clone(),
            })
        })
        .collect();
    (activities, read.damage)
}

/// Reads messages until the end or the first damage, calling `visit` with
/// each data message's number, fields and time; returns where the damage
/// was (byte, size), if any.
fn stream(
    bytes: &[u8],
    mut visit: impl FnMut(u16, &HashMap<u8, Value>, Option<u32>),
) -> Option<(usize, usize)> {
    let mut processor = FitStreamProcessor::new();
    let mut rest = bytes;
    // The last full timestamp, for compressed ones (FIT protocol 2.3).
    let mut last_time: Option<u32> = None;
    let damage = |rest: &[u8]| Some((bytes.len() - rest.len(), bytes.len()));
    // A file ends with its CRC; one that stops before it was cut short,
    // even at a message's end.
    let mut ended = false;
    while !rest.is_empty() {
        let Ok((after, object)) = processor.deserialize_next(rest) else {
            return damage(rest);
        };
        let message = match object {
            // The end of one FIT file; another may follow (a chained file).
            FitObject::Crc(_) => {
                processor.reset();
                rest = after;
                ended = true;
                continue;
            }
            FitObject::DataMessage(message) => message,
            _ => {
                rest = after;
                ended = false;
                continue;
            }
        };
        ended = false;
        let time = match (raw(message.fields().get(&TIMESTAMP)), message.time_offset()) {
            (Some(t), _) => Some(t as u32),
            (None, Some(offset)) => last_time.map(|base| compressed(base, offset)),
            (None, None) => None,
        };
        last_time = time.or(last_time);
        let number = message.global_message_number();
        visit(number, message.fields(), time);
        // Developer field descriptions: the stream needs them to read the
        // developer fields that follow.
        if matches!(number, FIELD_DESCRIPTION | DEVELOPER_DATA_ID)
            && processor.decode_message(message).is_err()
        {
            return damage(rest);
        }
        rest = after;
    }
    if ended { None } else { damage(rest) }
}

/// "is damaged at byte 7471 of 78233", or "is cut short at byte 57828"
/// when it stops before its end.
fn where_damaged(at: usize, size: usize) -> String {
    if at == size {
        format!("is cut short at byte {size}")
    } else {
        format!("is damaged at byte {at} of {size}")
    }
}

/// A compressed timestamp: the last full one with its low five bits
/// replaced by `offset`, rolling over when the offset is smaller.
fn compressed(base: u32, offset: u8) -> u32 {
    let offset = u32::from(offset & 0x1F);
    let mut time = (base & !0x1F) | offset;
    if offset < (base & 0x1F) {
        time = time.wrapping_add(0x20);
    }
    time
}

/// A raw numeric value as a number.
fn raw(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::UInt8(x) | Value::Enum(x) | Value::UInt8z(x) => Some(f64::from(*x)),
        Value::UInt16(x) | Value::UInt16z(x) => Some(f64::from(*x)),
        Value::UInt32(x) | Value::UInt32z(x) => Some(f64::from(*x)),
        Value::SInt32(x) => Some(f64::from(*x)),
        Value::Float32(x) => Some(f64::from(*x)),
        Value::Float64(x) => Some(*x),
        _ => None,
    }
}

/// "running", "cycling, indoor cycling": the sport and sub-sport fields
/// in words; "generic" says nothing.
fn sport(fields: &HashMap<u8, Value>, sport: u8, sub: u8) -> Option<String> {
    let said = |n: u8, words: fn(u8) -> String| {
        raw(fields.get(&n))
            .map(|v| words(v as u8).replace('_', " "))
            .filter(|s| !s.is_empty() && s != "generic")
    };
    match (
        said(sport, |v| Sport::from(v).to_string()),
        said(sub, |v| SubSport::from(v).to_string()),
    ) {
        (Some(sport), Some(sub)) => Some(format!("{sport}, {sub}")),
        (sport, sub) => sport.or(sub),
    }
}

/// A session's fields (FIT profile: start_time 2, total_elapsed_time 7,
/// total_timer_time 8, total_distance 9, avg_heart_rate 16, sport 5,
/// sub_sport 6).
fn session(fields: &HashMap<u8, Value>, time: Option<u32>) -> Session {
    let start = raw(fields.get(&2)).map(|t| t as u32);
    let elapsed = raw(fields.get(&7)).map(|ms| ms / 1000.0);
    let timer = raw(fields.get(&8)).map(|ms| ms / 1000.0);
    Session {
        start,
        end: start
            .zip(elapsed.or(timer))
            .map(|(s, e)| s.saturating_add(e.round() as u32))
            .or(time),
        distance_m: raw(fields.get(&9)).map(|cm| cm / 100.0),
        seconds: timer.or(elapsed),
        heart_rate: raw(fields.get(&16)),
        sport: sport(fields, 5, 6),
    }
}

/// A FIT time as a UTC time.
fn time(fit: u32) -> Option<DateTime<Utc>> {
    DateTime::<Utc>::from_timestamp(i64::from(fit) + FIT_EPOCH, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compressed_timestamp_rolls_over_past_the_base() {
        assert_eq!(compressed(0x1000_0010, 0x12), 0x1000_0012);
        assert_eq!(compressed(0x1000_001E, 0x02), 0x1000_0022);
    }
}
