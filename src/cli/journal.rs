//! The journal as the command line says it: the history, distances in
//! `--unit`'s unit.

use super::show::wrap_into;
use crate::checkin::{CheckIn, Decision, Journal, short_date, with_year};
use crate::plan::Unit;
use std::fmt::Write;

/// Check-ins (with the runs imported from files those days), clearances
/// and decisions, newest first; distances run in `display`'s unit.
pub fn history(
    checkins: &[CheckIn],
    journal: &Journal,
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
            &with_year(
                crate::history::history_line(c, journal, plan_unit, display),
                c.date,
                today,
            ),
            "  ",
            "      ",
        );
    }
    let clearances = journal.clearances();
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
