//! What a sync writes into the store: the records other devices wrote, and
//! the order of recording every device derives from the records' stamps
//! (check-ins and clearances whose place in it moved are written again).

use super::Report;
use super::doc::Write;
use super::records;
use crate::checkin::{Clearance, CrossFromFile, RecordedRun};
use crate::store::{Incoming, Local, Seen};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// The store's writes for the records in `incoming`; `touched` holds the
/// stamp of every record written here or there in this sync. A check-in's
/// or clearance's place in the order of recording is its stamp's order
/// ([`super::clock::order_of`]), the same on every device: those whose
/// place changed are written again.
pub fn build(
    local: &Local,
    incoming: &[(String, Write)],
    touched: &BTreeMap<String, Seen>,
    report: &mut Report,
) -> Incoming {
    let mut out = Incoming::default();
    let gone = records::hash(None);
    let rank: BTreeMap<&str, u64> = touched
        .iter()
        .filter(|(key, s)| records::is_ordered(key) && s.hash != gone)
        .map(|(key, s)| (key.as_str(), super::clock::order_of(&s.stamp)))
        .collect();
    out.last_seq = rank.values().copied().max().unwrap_or(0);
    let incoming: BTreeMap<&str, &Write> = incoming.iter().map(|(k, w)| (k.as_str(), w)).collect();
    if let Some(Write {
        value: Some(value), ..
    }) = incoming.get("plan").copied()
    {
        match records::plan_of(value) {
            Some(plan) => out.plan = Some(plan),
            None => report
                .skipped
                .push("the plan another device wrote does not read: this one's is kept".into()),
        }
    }
    checkins(local, &incoming, &rank, &mut out, report);
    out.clearances = clearances(local, &incoming, &rank);
    if let Some(write) = incoming.get("shoes") {
        out.shoes = Some(
            write
                .value
                .as_deref()
                .and_then(records::shoes_of)
                .unwrap_or_default(),
        );
    }
    if incoming.keys().any(|k| k.starts_with("ticks/")) {
        let mut ticks = local.ticks.clone();
        for (key, write) in incoming.iter().filter(|(k, _)| k.starts_with("ticks/")) {
            let date = date_in(key, "ticks/");
            ticks.retain(|(d, _)| Some(*d) != date);
            if let Some(value) = &write.value {
                ticks.extend(records::ticks_of(key, value));
            }
        }
        out.ticks = Some(ticks);
    }
    out.runs = activities(local, &incoming);
    out
}

fn date_in(key: &str, prefix: &str) -> Option<NaiveDate> {
    key.strip_prefix(prefix)?.get(..10)?.parse().ok()
}

fn checkins(
    local: &Local,
    incoming: &BTreeMap<&str, &Write>,
    rank: &BTreeMap<&str, u64>,
    out: &mut Incoming,
    report: &mut Report,
) {
    let held: BTreeSet<NaiveDate> = local.journal.checkins().iter().map(|c| c.date).collect();
    for (key, write) in incoming.iter().filter(|(k, _)| k.starts_with("checkin/")) {
        let Some(date) = date_in(key, "checkin/") else {
            continue;
        };
        match &write.value {
            Some(value) => {
                let seq = rank.get(key).copied().unwrap_or(0);
                match records::checkin_of(value, seq).filter(|c| c.date == date) {
                    Some(c) => out.put.push(c),
                    None => report.skipped.push(format!(
                        "the check-in of {date} another device wrote does not read: left out"
                    )),
                }
            }
            None if held.contains(&date) => out.removed.push(date),
            None => {}
        }
    }
    for (key, &seq) in rank.iter().filter(|(k, _)| k.starts_with("checkin/")) {
        if incoming.contains_key(key) {
            continue;
        }
        let local = date_in(key, "checkin/").and_then(|d| local.journal.on(d));
        if let Some(c) = local.filter(|c| c.seq != seq) {
            let mut c = c.clone();
            c.seq = seq;
            out.put.push(c);
        }
    }
}

fn clearances(
    local: &Local,
    incoming: &BTreeMap<&str, &Write>,
    rank: &BTreeMap<&str, u64>,
) -> Option<Vec<Clearance>> {
    let keyed = records::clearance_keys(local.journal.clearances());
    let moved = keyed
        .iter()
        .any(|(k, c)| rank.get(k.as_str()).is_some_and(|seq| *seq != c.seq));
    if !moved && !incoming.keys().any(|k| k.starts_with("clearance/")) {
        return None;
    }
    let mut all: BTreeMap<String, Clearance> =
        keyed.into_iter().map(|(k, c)| (k, c.clone())).collect();
    for (key, write) in incoming.iter().filter(|(k, _)| k.starts_with("clearance/")) {
        match write
            .value
            .as_deref()
            .and_then(|v| records::clearance_of(v, 0))
        {
            Some(c) => {
                all.insert(key.to_string(), c);
            }
            None => {
                all.remove(*key);
            }
        }
    }
    Some(
        all.into_iter()
            .map(|(key, mut c)| {
                c.seq = rank.get(key.as_str()).copied().unwrap_or(c.seq);
                c
            })
            .collect(),
    )
}

fn activities(
    local: &Local,
    incoming: &BTreeMap<&str, &Write>,
) -> Option<(Vec<RecordedRun>, Vec<CrossFromFile>)> {
    if !incoming
        .keys()
        .any(|k| k.starts_with("run/") || k.starts_with("cross/"))
    {
        return None;
    }
    let mut runs: BTreeMap<String, RecordedRun> = local
        .journal
        .runs()
        .iter()
        .map(|r| (records::run_key(r), r.clone()))
        .collect();
    let mut cross: BTreeMap<String, CrossFromFile> = local
        .journal
        .cross_from_files()
        .iter()
        .map(|c| (records::cross_key(c), c.clone()))
        .collect();
    for (key, write) in incoming.iter() {
        let value = write.value.as_deref();
        if key.starts_with("run/") {
            match value.and_then(records::run_of) {
                Some(run) => runs.insert(key.to_string(), run),
                None => runs.remove(*key),
            };
        } else if key.starts_with("cross/") {
            match value.and_then(records::cross_of) {
                Some(c) => cross.insert(key.to_string(), c),
                None => cross.remove(*key),
            };
        }
    }
    Some((runs.into_values().collect(), cross.into_values().collect()))
}
