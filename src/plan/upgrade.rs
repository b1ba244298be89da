//! Reading a version 1 template as version 2: plans saved in a store or an
//! export carry their template, and users keep their own files. What version
//! 1 lacks gets the shipped defaults; what it said in another shape is
//! translated; the fields version 2 dropped are removed.

use serde_json::{Value, json};

/// Daniels' stages above a band's first fraction (the 29–56 day band's
/// stages: 33% -> 50% -> 75%).
const LATER_STEPS: [f64; 2] = [0.5, 0.75];

/// The habits a version 1 template listed on every run day that stay there;
/// the rest become weekly tips.
const EVERY_RUN: [&str; 5] = [
    "brisk-walk-warmup",
    "lace-check",
    "loosen-laces",
    "walk-before-sitting",
    "no-low-seats",
];

/// Rewrites a version 1 template in place as version 2; a version 1 value
/// that has no version 2 reading is refused in version 1's words (field,
/// problem).
pub fn template_v1(value: &mut Value) -> Result<(), (String, String)> {
    let Some(t) = value.as_object_mut() else {
        return Ok(());
    };
    t.insert("version".into(), json!(2));
    if let Some(bands) = t.get_mut("layoff_bands").and_then(Value::as_array_mut) {
        for (i, band) in bands
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .enumerate()
        {
            let up_to = band.get("up_to_days").and_then(Value::as_u64).unwrap_or(0);
            if let Some(first) = band.remove("start_fraction").and_then(|f| f.as_f64()) {
                if !(first > 0.0 && first <= 1.0) {
                    return Err((
                        format!("layoff_bands[{i}].start_fraction"),
                        format!("{first} is outside (0, 1]"),
                    ));
                }
                let steps: Vec<f64> = if first >= 1.0 {
                    Vec::new()
                } else {
                    std::iter::once(first)
                        .chain(LATER_STEPS.into_iter().filter(|s| *s > first))
                        .collect()
                };
                band.insert("steps".into(), json!(steps));
                // Up to 28 days: half the layoff on each step; longer: two weeks.
                let weeks_each = if up_to <= 28 { json!(null) } else { json!(2) };
                band.insert("weeks_each".into(), weeks_each);
            }
        }
    }
    t.remove("after_run_walk_fraction");
    t.remove("cross_trained_skip_rungs");
    t.remove("long_run_share");
    let defaults = [
        (
            "long_run",
            json!({"share": 0.3, "max_minutes": 150, "max_distance": {"mi": 20.0, "km": 32.0}}),
        ),
        (
            "run_length",
            json!({"min_minutes": 20, "min_distance": {"mi": 2.0, "km": 3.0}, "max_distance": {"mi": 12.0, "km": 20.0}}),
        ),
        ("easy_pace_seconds", json!({"mi": 630.0, "km": 390.0})),
        (
            "strides",
            json!({"after_weeks": 3, "per_week": 2, "count": 4, "seconds": 20}),
        ),
        ("cross_minutes", json!(30)),
    ];
    for (field, default) in defaults {
        t.entry(field).or_insert(default);
    }
    if let Some(strength) = t.get_mut("strength").and_then(Value::as_object_mut) {
        if let Some(sets) = strength.get("sets").and_then(Value::as_u64) {
            strength.insert(
                "sets".into(),
                json!({"start": sets, "max": sets.max(3), "every_weeks": 4}),
            );
        }
        upgrade_sessions(strength);
    }
    if let Some(habits) = t.get_mut("habits").and_then(Value::as_array_mut) {
        for habit in habits.iter_mut().filter_map(Value::as_object_mut) {
            let id = habit.get("id").and_then(Value::as_str).unwrap_or("");
            let every = if EVERY_RUN.contains(&id) {
                "run"
            } else {
                "week"
            };
            habit.insert("every".into(), json!(every));
        }
    }
    Ok(())
}

/// Version 2 wants calf work in every session and a short-foot hold of a
/// few seconds: a session without a calf exercise gets the library's first
/// one it lacks, and foot holds stop at 10 s.
fn upgrade_sessions(strength: &mut serde_json::Map<String, Value>) {
    let exercises: Vec<(String, String, String)> = strength
        .get("exercises")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| {
            Some((
                e.get("id")?.as_str()?.to_string(),
                e.get("region")?.as_str()?.to_string(),
                e.get("dose")?.as_str()?.to_string(),
            ))
        })
        .collect();
    let harder: Vec<String> = strength
        .get("exercises")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("harder")?.as_str().map(str::to_string))
        .collect();
    let calf_roots: Vec<&String> = exercises
        .iter()
        .filter(|(id, region, _)| region == "calf" && !harder.contains(id))
        .map(|(id, _, _)| id)
        .collect();
    let region_of = |id: &str| {
        exercises
            .iter()
            .find(|(e, _, _)| e == id)
            .map(|(_, r, _)| r.as_str())
    };
    if let Some(sessions) = strength.get_mut("sessions").and_then(Value::as_array_mut) {
        for session in sessions.iter_mut().filter_map(Value::as_array_mut) {
            let ids: Vec<String> = session
                .iter()
                .filter_map(|id| id.as_str().map(str::to_string))
                .collect();
            if ids.iter().any(|id| region_of(id) == Some("calf")) {
                continue;
            }
            if let Some(calf) = calf_roots.iter().find(|c| !ids.contains(c)) {
                session.push(json!(calf));
            }
        }
    }
    if let Some(list) = strength.get_mut("exercises").and_then(Value::as_array_mut) {
        for e in list.iter_mut().filter_map(Value::as_object_mut) {
            let foot_hold = e.get("region").and_then(Value::as_str) == Some("foot")
                && e.get("dose").and_then(Value::as_str) == Some("hold");
            if foot_hold {
                e.entry("max").or_insert(json!(10));
            }
        }
    }
}
