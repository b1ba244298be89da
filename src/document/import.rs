//! Reading a plan document back (`comeback import`): every earlier schema,
//! everything checked before anything is restored, each problem named by its
//! JSON path.

use super::{HabitTick, PLAN_SCHEMA, READABLE_SCHEMAS};
use crate::checkin::{CheckIn, Clearance, CrossFromFile, RecordedRun};
use crate::plan::{Profile, Template, Unit};
use crate::shoes::Shoe;
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

/// What an import restores: everything else in a document is derived.
#[derive(Debug, Clone, PartialEq)]
pub struct Restore {
    pub profile: Profile,
    pub template: Template,
    pub checkins: Vec<CheckIn>,
    pub clearances: Vec<Clearance>,
    pub shoes: Vec<Shoe>,
    pub ticks: Vec<HabitTick>,
    pub activities: Vec<RecordedRun>,
    pub cross_training: Vec<CrossFromFile>,
}

/// Why a document cannot be imported: where in the JSON, and what is wrong
/// (the whole document's problems are said without a path).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{problem}", if path == "." { String::new() } else { format!("{path}: ") })]
pub struct ImportError {
    /// A JSON path such as `checkins[3].numbness`, or `.` for the whole document.
    pub path: String,
    pub problem: String,
}

fn at(path: impl Into<String>, problem: impl Into<String>) -> ImportError {
    ImportError {
        path: path.into(),
        problem: problem.into(),
    }
}

/// Just the `schema` field, read first so a newer document is named as such.
#[derive(Deserialize)]
struct SchemaField {
    schema: Option<String>,
}

/// A plan document as an import reads it: `weeks` and `decisions` are derived
/// and rebuilt after the import, so they are skipped rather than held.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportDocument {
    #[serde(rename = "schema")]
    _schema: String,
    #[serde(default, rename = "unit")]
    _unit: Option<Unit>,
    profile: Profile,
    template: ImportTemplateRef,
    #[serde(rename = "weeks")]
    _weeks: serde::de::IgnoredAny,
    checkins: Vec<CheckIn>,
    #[serde(rename = "decisions")]
    _decisions: serde::de::IgnoredAny,
    #[serde(default)]
    clearances: Vec<Clearance>,
    #[serde(default)]
    shoes: Vec<Shoe>,
    #[serde(default)]
    ticks: Vec<HabitTick>,
    #[serde(default)]
    activities: Vec<RecordedRun>,
    #[serde(default)]
    cross_training: Vec<CrossFromFile>,
}

/// The template of a document as an import reads it: its rules are checked
/// (and an older template version upgraded) by `Template::parse`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportTemplateRef {
    name: String,
    version: u32,
    #[serde(default)]
    rules: Option<serde_json::Value>,
}

/// A `comeback.plan/1` document as version 2 reads it: the order of
/// recording is by date, a clearance after the check-in of its day (as
/// version 1 judged them), and symptom fields on a symptom-free day, which
/// version 1 accepted, are dropped.
fn upgrade_first_version(doc: &mut ImportDocument) {
    for c in doc
        .checkins
        .iter_mut()
        .filter(|c| !c.numbness.is_symptomatic())
    {
        *c = CheckIn {
            session: c.session,
            flags: std::mem::take(&mut c.flags),
            shoes: c.shoes.take(),
            note: c.note.take(),
            ..CheckIn::symptom_free(c.date, None)
        };
    }
    let mut events: Vec<(NaiveDate, u8, usize)> = doc
        .checkins
        .iter()
        .enumerate()
        .map(|(i, c)| (c.date, 0, i))
        .chain(
            doc.clearances
                .iter()
                .enumerate()
                .map(|(i, c)| (c.date, 1, i)),
        )
        .collect();
    events.sort();
    for (seq, (_, kind, i)) in events.into_iter().enumerate() {
        let seq = seq as u64 + 1;
        match kind {
            0 => doc.checkins[i].seq = seq,
            _ => doc.clearances[i].seq = seq,
        }
    }
}

/// The `schema` field; a file that is not a JSON object is no export at all.
fn read_head(text: &str) -> Result<SchemaField, ImportError> {
    if !text.trim_start().starts_with('{') {
        return Err(at(
            ".",
            "not a comeback export (expected the JSON written by `comeback export`)",
        ));
    }
    serde_json::from_str(text).map_err(|e| at(".", format!("not valid JSON: {e}")))
}

/// Reads and checks a plan document completely; nothing is written here.
pub fn read_document(text: &str) -> Result<Restore, ImportError> {
    // An editor may have put a byte-order mark first.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head = read_head(text)?;
    let readable = READABLE_SCHEMAS.join(", ");
    let version = match head.schema.as_deref() {
        Some(known) if READABLE_SCHEMAS.contains(&known) => known,
        Some(other) if other.starts_with("comeback.plan/") => {
            return Err(at(
                "schema",
                format!("'{other}' is from a newer comeback; this one reads {readable}"),
            ));
        }
        Some(other) => {
            return Err(at(
                "schema",
                format!("'{other}': expected one of {readable}"),
            ));
        }
        None => return Err(at("schema", format!("missing: expected one of {readable}"))),
    };
    let first_version = version == READABLE_SCHEMAS[0];
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    let mut doc: ImportDocument = serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        at(path, e.into_inner().to_string())
    })?;
    if first_version {
        upgrade_first_version(&mut doc);
    }
    for c in &mut doc.checkins {
        if version != PLAN_SCHEMA {
            // Releases before version 6 saved clearing words and minutes
            // that could disagree.
            c.settle_old_contradiction();
        }
        c.normalize();
    }
    doc.profile
        .validate()
        .map_err(|e| at("profile", e.to_string()))?;
    let rules_version = doc
        .template
        .rules
        .as_ref()
        .and_then(|r| r.get("version"))
        .and_then(serde_json::Value::as_u64);
    if rules_version.is_some_and(|v| v != u64::from(doc.template.version)) {
        return Err(at(
            "template",
            "name and version differ from the rules' own",
        ));
    }
    let template = match doc.template.rules {
        Some(rules) => {
            let text = serde_json::to_string(&rules).map_err(|e| at("template.rules", e.to_string()))?;
            Template::parse_given("(in the document)", &text)
                .map_err(|e| at(format!("template.rules.{}", e.field).trim_end_matches('.').to_string(), e.problem))?
        }
        // An older version of a shipped template reads as the shipped one.
        None => Template::builtin(&doc.template.name)
            .and_then(Result::ok)
            .filter(|t| t.version >= doc.template.version)
            .ok_or_else(|| {
                at(
                    "template",
                    format!(
                        "'{}' version {} is not a shipped template and the document carries no rules",
                        doc.template.name, doc.template.version
                    ),
                )
            })?,
    };
    if template.name != doc.template.name {
        return Err(at(
            "template",
            "name and version differ from the rules' own",
        ));
    }
    let start = doc.profile.start;
    for (i, c) in doc.checkins.iter().enumerate() {
        let path = format!("checkins[{i}]");
        if i > 0 && c.date <= doc.checkins[i - 1].date {
            return Err(at(
                format!("{path}.date"),
                format!(
                    "{} is not after the check-in before it ({}): dates must be in order, one per day",
                    c.date,
                    doc.checkins[i - 1].date
                ),
            ));
        }
        if c.date < start {
            return Err(at(
                format!("{path}.date"),
                format!("{} is before the plan starts ({start})", c.date),
            ));
        }
        c.check_fields().map_err(|e| match e.field() {
            Some(field) => at(format!("{path}.{field}"), e.to_string()),
            None => at(path.clone(), e.to_string()),
        })?;
    }
    let mut seqs = std::collections::HashSet::new();
    let all_seqs = doc.checkins.iter().map(|c| ("checkins", c.seq));
    let all_seqs = all_seqs.chain(doc.clearances.iter().map(|c| ("clearances", c.seq)));
    for (list, seq) in all_seqs {
        if seq == 0 || seq > crate::checkin::MAX_SEQ || !seqs.insert(seq) {
            return Err(at(
                format!("{list}.seq"),
                format!(
                    "{seq}: expected a different number from 1 up for every check-in and clearance"
                ),
            ));
        }
    }
    for (i, c) in doc.clearances.iter().enumerate() {
        if i > 0 && c.date < doc.clearances[i - 1].date {
            return Err(at(
                format!("clearances[{i}].date"),
                "dates must be in order",
            ));
        }
        if c.date < start {
            return Err(at(
                format!("clearances[{i}].date"),
                format!("{} is before the plan starts ({start})", c.date),
            ));
        }
        if c.note
            .as_deref()
            .is_some_and(|t| t.chars().count() > crate::checkin::MAX_TEXT)
        {
            return Err(at(
                format!("clearances[{i}].note"),
                format!("longer than {} characters", crate::checkin::MAX_TEXT),
            ));
        }
    }
    for (i, t) in doc.ticks.iter().enumerate() {
        let length = t.habit.chars().count();
        if !(1..=100).contains(&length) || t.habit.chars().any(char::is_control) {
            return Err(at(
                format!("ticks[{i}].habit"),
                "expected a habit id of 1 to 100 characters, none of them control characters",
            ));
        }
    }
    let mut names = std::collections::HashSet::new();
    for (i, shoe) in doc.shoes.iter().enumerate() {
        if shoe.name.trim().is_empty() || !names.insert(shoe.name.as_str()) {
            return Err(at(
                format!("shoes[{i}].name"),
                "names must be present and different",
            ));
        }
    }
    for (i, c) in doc.checkins.iter().enumerate() {
        if let Some(name) = &c.shoes
            && !names.contains(name.as_str())
        {
            return Err(at(
                format!("checkins[{i}].shoes"),
                format!("'{name}' is not in shoes"),
            ));
        }
    }
    let mut hashes = std::collections::HashSet::new();
    for (i, run) in doc.activities.iter().enumerate() {
        let path = format!("activities[{i}]");
        if run.date < start {
            return Err(at(
                format!("{path}.date"),
                format!("{} is before the plan starts ({start})", run.date),
            ));
        }
        if run.hash.trim().is_empty() || !hashes.insert(run.hash.as_str()) {
            return Err(at(
                format!("{path}.hash"),
                "hashes must be present and different",
            ));
        }
        if run.distance_m == 0 || run.file.trim().is_empty() {
            return Err(at(path, "expected a distance and a file name"));
        }
        if run.file.chars().any(char::is_control) || run.file.chars().count() > 1000 {
            return Err(at(
                format!("{path}.file"),
                "expected a file name of at most 1,000 characters on one line",
            ));
        }
        let start_year = chrono::DateTime::parse_from_rfc3339(&run.start).map(|t| t.year());
        if !start_year.is_ok_and(|y| crate::plan::limits::YEARS.contains(&y)) {
            return Err(at(
                format!("{path}.start"),
                format!(
                    "'{}': expected a time as RFC 3339, from 1900 to 2200",
                    crate::words::printable(&run.start)
                ),
            ));
        }
        if let Some(why) = crate::checkin::implausible_run(f64::from(run.distance_m), run.seconds) {
            return Err(at(path, why));
        }
    }
    for (i, c) in doc.cross_training.iter().enumerate() {
        let path = format!("cross_training[{i}]");
        if c.date < start {
            return Err(at(
                format!("{path}.date"),
                format!("{} is before the plan starts ({start})", c.date),
            ));
        }
        if c.hash.trim().is_empty() || !hashes.insert(c.hash.as_str()) {
            return Err(at(
                format!("{path}.hash"),
                "hashes must be present and different",
            ));
        }
        if c.file.trim().is_empty()
            || c.file.chars().any(char::is_control)
            || c.file.chars().count() > 1000
        {
            return Err(at(
                format!("{path}.file"),
                "expected a file name of at most 1,000 characters on one line",
            ));
        }
        if c.seconds > 24 * 3600 || c.distance_m > 1_000_000 {
            return Err(at(path, "expected at most a day's time and 1,000 km"));
        }
        if chrono::DateTime::parse_from_rfc3339(&c.start).is_err() {
            return Err(at(format!("{path}.start"), "expected a time as RFC 3339"));
        }
    }
    Ok(Restore {
        profile: doc.profile,
        template,
        checkins: doc.checkins,
        clearances: doc.clearances,
        shoes: doc.shoes,
        ticks: doc.ticks,
        activities: doc.activities,
        cross_training: doc.cross_training,
    })
}
