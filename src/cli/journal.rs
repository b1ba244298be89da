//! The journal as the command line says it: the history, and a check-in's
//! summary in `--unit`'s unit.

use super::show::wrap_into;
use crate::checkin::{CheckIn, Clearance, Decision, short_date, with_year};
use crate::plan::Unit;
use std::fmt::Write;

/// Check-ins, clearances and decisions, newest first; distances run in
/// `display`'s unit.
pub fn history(
    checkins: &[CheckIn],
    clearances: &[Clearance],
    decisions: &[Decision],
    (today, plan_unit, display): (chrono::NaiveDate, Unit, Option<Unit>),
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Check-ins, newest first:");
    if checkins.is_empty() {
        let _ = writeln!(
            out,
            "  none yet: `comeback checkin --numbness 0` records a symptom-free day"
        );
    }
    for c in checkins {
        wrap_into(
            &mut out,
            &with_year(checkin_summary(c, plan_unit, display, None), c.date, today),
            "  ",
            "      ",
        );
    }
    if !clearances.is_empty() {
        let _ = writeln!(out, "\nClearances:");
        for c in clearances.iter().rev() {
            let note = c
                .note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default();
            wrap_into(
                &mut out,
                &with_year(format!("{}{note}", short_date(c.date)), c.date, today),
                "  ",
                "      ",
            );
        }
    }
    let _ = writeln!(out, "\nDecisions, newest first:");
    if decisions.is_empty() {
        let _ = writeln!(out, "  none: the plan has moved as planned");
    }
    for d in decisions {
        wrap_into(
            &mut out,
            &with_year(d.describe(), d.date, today),
            "  ",
            "      ",
        );
    }
    out
}

/// A check-in's summary with its distance run in `display` (`--unit`), and
/// its run's time as typed when it was just saved.
pub fn checkin_summary(
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
