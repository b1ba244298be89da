//! What is synced, as records: each a key and its value as JSON text, the
//! same on every device. The plan (`plan`: profile and template), a
//! check-in by day (`checkin/DATE`), a clearance by day and its place that
//! day (`clearance/DATE/N`), the shoes (`shoes`), the ticks of a day
//! (`ticks/DATE`), a run or cross-training session from a file by its hash
//! (`run/HASH`, `cross/HASH`). The order of recording (`seq`) is not in a
//! record: every device derives it from the records' stamps.

use crate::checkin::{CheckIn, Clearance, CrossFromFile, RecordedRun};
use crate::plan::{Profile, Template};
use crate::store::{Local, SavedPlan, Tick};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

pub type Records = BTreeMap<String, String>;

/// The dirty mark that asks for every record to be compared.
pub const EVERYTHING: &str = "everything";

/// The tables a dirty mark names whole (a check-in is marked by its key).
pub const GROUPS: [(&str, &[&str]); 5] = [
    ("plan", &["plan"]),
    ("clearances", &["clearance/"]),
    ("shoes", &["shoes"]),
    ("ticks", &["ticks/"]),
    ("activities", &["run/", "cross/"]),
];

#[derive(Serialize, Deserialize)]
struct PlanRecord {
    profile: Profile,
    template: serde_json::Value,
}

#[derive(Serialize, Deserialize)]
struct ClearanceRecord {
    date: NaiveDate,
    note: Option<String>,
}

/// The part of the folder a record lives in: its year for records of a
/// day, `main` for the plan and the shoes.
pub fn part(key: &str) -> &str {
    let year = key
        .split_once('/')
        .and_then(|(_, rest)| rest.get(..4))
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    year.unwrap_or(MAIN)
}

/// The part of the plan and the shoes.
pub const MAIN: &str = "main";

pub fn run_key(run: &RecordedRun) -> String {
    format!("run/{}/{}", &run.date.to_string()[..4], run.hash)
}

pub fn cross_key(cross: &CrossFromFile) -> String {
    format!("cross/{}/{}", &cross.date.to_string()[..4], cross.hash)
}

/// A value's hash, to tell whether it changed since it was synced.
pub fn hash(value: Option<&str>) -> i64 {
    let digest = Sha256::digest(value.unwrap_or("\u{0}gone").as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_le_bytes(first)
}

/// Every record the store holds.
pub fn all(local: &Local) -> Records {
    let mut records = Records::new();
    if let Some(plan) = &local.plan
        && let Some(value) = plan_record(plan)
    {
        records.insert("plan".into(), value);
    }
    for c in local.journal.checkins() {
        records.insert(checkin_key(c.date), checkin_value(c));
    }
    for (key, c) in clearance_keys(local.journal.clearances()) {
        if let Some(value) = clearance_value(c) {
            records.insert(key, value);
        }
    }
    if !local.shoes.is_empty()
        && let Ok(value) = serde_json::to_string(&local.shoes)
    {
        records.insert("shoes".into(), value);
    }
    let mut days: BTreeMap<NaiveDate, Vec<&str>> = BTreeMap::new();
    for (date, habit) in &local.ticks {
        days.entry(*date).or_default().push(habit);
    }
    for (date, habits) in days {
        if let Ok(value) = serde_json::to_string(&habits) {
            records.insert(format!("ticks/{date}"), value);
        }
    }
    for run in local.journal.runs() {
        if let Ok(value) = serde_json::to_string(run) {
            records.insert(run_key(run), value);
        }
    }
    for cross in local.journal.cross_from_files() {
        if let Ok(value) = serde_json::to_string(cross) {
            records.insert(cross_key(cross), value);
        }
    }
    records
}

/// The records under the keys `dirty` marks, with those of the whole tables
/// it names: what may have changed here since the last sync.
pub fn marked(local: &Local, dirty: &BTreeSet<String>) -> Records {
    let mut records = Records::new();
    let groups: Vec<&str> = GROUPS
        .iter()
        .filter(|(name, _)| dirty.contains(*name))
        .flat_map(|(_, prefixes)| prefixes.iter().copied())
        .collect();
    if !groups.is_empty() {
        records.extend(
            all(local)
                .into_iter()
                .filter(|(key, _)| groups.iter().any(|p| key.starts_with(p))),
        );
    }
    for key in dirty.iter().filter(|k| k.starts_with("checkin/")) {
        let date = key["checkin/".len()..].parse::<NaiveDate>().ok();
        if let Some(c) = date.and_then(|d| local.journal.on(d)) {
            records.insert(key.clone(), checkin_value(c));
        }
    }
    records
}

/// Whether `key` is one `dirty` marks (itself or its table).
pub fn is_marked(key: &str, dirty: &BTreeSet<String>) -> bool {
    dirty.contains(key)
        || GROUPS.iter().any(|(name, prefixes)| {
            dirty.contains(*name) && prefixes.iter().any(|p| key.starts_with(p))
        })
}

fn plan_record(plan: &SavedPlan) -> Option<String> {
    serde_json::to_string(&PlanRecord {
        profile: plan.profile.clone(),
        template: serde_json::to_value(&plan.template).ok()?,
    })
    .ok()
}

pub fn checkin_key(date: NaiveDate) -> String {
    format!("checkin/{date}")
}

fn checkin_value(c: &CheckIn) -> String {
    let mut c = c.clone();
    c.seq = 0;
    serde_json::to_string(&c).unwrap_or_default()
}

/// Each clearance's key: its day and its place that day, in the order
/// recorded.
pub fn clearance_keys(all: &[Clearance]) -> Vec<(String, &Clearance)> {
    let mut sorted: Vec<&Clearance> = all.iter().collect();
    sorted.sort_by_key(|c| (c.date, c.seq));
    let mut out: Vec<(String, &Clearance)> = Vec::with_capacity(sorted.len());
    let mut place = 0;
    for (i, c) in sorted.iter().enumerate() {
        place = if i > 0 && sorted[i - 1].date == c.date {
            place + 1
        } else {
            0
        };
        out.push((format!("clearance/{}/{place}", c.date), c));
    }
    out
}

fn clearance_value(c: &Clearance) -> Option<String> {
    serde_json::to_string(&ClearanceRecord {
        date: c.date,
        note: c.note.clone(),
    })
    .ok()
}

/// The order of recording of check-ins and clearances: every device sorts
/// their keys by stamp.
pub fn is_ordered(key: &str) -> bool {
    key.starts_with("checkin/") || key.starts_with("clearance/")
}

pub fn plan_of(value: &str) -> Option<SavedPlan> {
    let record: PlanRecord = serde_json::from_str(value).ok()?;
    let template = Template::parse("(synced)", &record.template.to_string()).ok()?;
    Some(SavedPlan {
        profile: record.profile,
        template,
    })
}

pub fn checkin_of(value: &str, seq: u64) -> Option<CheckIn> {
    let mut c: CheckIn = serde_json::from_str(value).ok()?;
    c.normalize();
    c.seq = seq;
    Some(c)
}

pub fn clearance_of(value: &str, seq: u64) -> Option<Clearance> {
    let record: ClearanceRecord = serde_json::from_str(value).ok()?;
    Some(Clearance {
        date: record.date,
        note: record.note,
        seq,
    })
}

pub fn shoes_of(value: &str) -> Option<Vec<crate::shoes::Shoe>> {
    serde_json::from_str(value).ok()
}

pub fn ticks_of(key: &str, value: &str) -> Vec<Tick> {
    let date = key
        .strip_prefix("ticks/")
        .and_then(|d| d.parse::<NaiveDate>().ok());
    let habits: Vec<String> = serde_json::from_str(value).unwrap_or_default();
    date.map(|d| habits.into_iter().map(|h| (d, h)).collect())
        .unwrap_or_default()
}

pub fn run_of(value: &str) -> Option<RecordedRun> {
    serde_json::from_str(value).ok()
}

pub fn cross_of(value: &str) -> Option<CrossFromFile> {
    serde_json::from_str(value).ok()
}
