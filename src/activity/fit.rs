//! FIT files: each session (a triathlon has one per sport and transition)
//! is an activity, with its sport and sub-sport.

use super::hr;
use super::{Activity, ActivityError, damaged};
use chrono::{DateTime, Utc};
use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Activity>, ActivityError> {
    let mut reader = bytes;
    // fitparser prints its own diagnostics on stderr for fields it reads
    // anyway; only comeback's lines reach the runner. (When stderr cannot be
    // silenced, parsing goes on as it is.)
    // A panic inside the parser (a header that points past the end) is
    // this file's error, not the end of the whole import.
    let quiet = gag::Gag::stderr().ok();
    let records = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        fitparser::from_reader(&mut reader)
    }));
    drop(quiet);
    let records = match records {
        Ok(parsed) => parsed.map_err(|e| damaged("FIT", e))?,
        Err(_) => return Err(damaged("FIT", "the FIT reader (fitparser) failed on it")),
    };
    records
        .iter()
        .filter(|r| r.kind() == MesgNum::Session)
        .map(session)
        .collect()
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Float64(x) => Some(*x),
        Value::Float32(x) => Some(f64::from(*x)),
        Value::UInt8(x) => Some(f64::from(*x)),
        Value::UInt16(x) => Some(f64::from(*x)),
        Value::UInt32(x) => Some(f64::from(*x)),
        Value::SInt32(x) => Some(f64::from(*x)),
        _ => None,
    }
}

fn time(v: &Value) -> Option<DateTime<Utc>> {
    match v {
        Value::Timestamp(t) => Some(t.with_timezone(&Utc)),
        _ => None,
    }
}

/// One session's activity.
fn session(session: &FitDataRecord) -> Result<Activity, ActivityError> {
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
    let heart_rate = field("avg_heart_rate")
        .and_then(number)
        .and_then(hr::plausible);
    let said = |name: &str| {
        field(name)
            .map(|v| v.to_string().replace('_', " "))
            .filter(|s| !s.is_empty() && s != "generic")
    };
    let sport = match (said("sport"), said("sub_sport")) {
        (Some(sport), Some(sub)) => Some(format!("{sport}, {sub}")),
        (sport, sub) => sport.or(sub),
    };
    Ok(Activity {
        start,
        distance_m,
        seconds: seconds.round() as u32,
        heart_rate,
        hash: String::new(),
        sport,
        part: (1, 1),
    })
}
