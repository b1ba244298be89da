//! How the journal reads in a history, for the command line and the
//! terminal UI alike: a check-in's line in the unit shown, with the runs
//! and the cross-training imported from files that day.

use crate::checkin::{CheckIn, Journal};
use crate::plan::Unit;

/// A check-in's summary with its distance run in `display`'s unit, and its
/// run's time as typed when it was just saved.
pub fn checkin_line(
    c: &CheckIn,
    plan_unit: Unit,
    display: Option<Unit>,
    typed_time: Option<&str>,
) -> String {
    let unit = display.unwrap_or(plan_unit);
    if unit == plan_unit {
        return c.summary_typed(unit, typed_time);
    }
    let mut shown = c.clone();
    if let Some(actual) = shown.actual.as_mut() {
        actual.distance = actual.distance.map(|d| d.convert_shown(plan_unit, unit));
    }
    shown.summary_typed(unit, typed_time)
}

/// A check-in's line in a history: its summary in `display`'s unit, and
/// the runs imported from files that day when it has no distance of its
/// own.
pub fn history_line(
    c: &CheckIn,
    journal: &Journal,
    plan_unit: Unit,
    display: Option<Unit>,
) -> String {
    let mut line = checkin_line(c, plan_unit, display, None);
    let own = c.actual.as_ref().is_some_and(|a| a.distance.is_some());
    if !own && journal.ran_on(c.date) {
        let unit = display.unwrap_or(plan_unit);
        let imported: Vec<String> = journal
            .runs()
            .iter()
            .filter(|r| r.date == c.date)
            .map(|r| format!("{} {unit} in {} min", r.distance(unit), r.minutes()))
            .collect();
        line.push_str(&format!("; from a file: ran {}", imported.join(" and ")));
    }
    let own_cross = c.actual.as_ref().is_some_and(|a| a.cross.is_some());
    let cross: Vec<String> = journal
        .cross_from_files()
        .iter()
        .filter(|x| x.date == c.date && !own_cross)
        .map(|x| format!("{} {} min", x.kind, x.minutes()))
        .collect();
    if !cross.is_empty() {
        line.push_str(&format!("; from a file: {}", cross.join(" and ")));
    }
    line
}
