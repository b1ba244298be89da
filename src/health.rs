//! The health context a runner may give (diabetes, circulation problems, a
//! history of back trouble). It belongs to the runner's profile and lowers
//! the care thresholds from the day it was entered; the plan itself does not
//! change with it.

use crate::choice::choice;
use chrono::NaiveDate;
use std::collections::BTreeMap;

choice!(
    /// Health context the runner chooses to give; it lowers the care
    /// thresholds (NIDDK, diabetic neuropathy: feet may not feel an injury, so
    /// care comes sooner).
    Health {
        Diabetes = "diabetes" / "diabetes",
        Circulation = "circulation" / "circulation problems",
        BackHistory = "back_history" / "a history of back trouble",
    }
);

/// The conditions of `health` that apply on `date`: those entered on or
/// before it (a condition with no date applies from the plan's start).
pub fn on(health: &[Health], since: &BTreeMap<Health, NaiveDate>, date: NaiveDate) -> Vec<Health> {
    health
        .iter()
        .copied()
        .filter(|h| since.get(h).is_none_or(|d| *d <= date))
        .collect()
}

/// The days conditions were entered on, for a new set of conditions entered
/// on `today`: conditions kept keep their day, new ones get `today`.
pub fn entered(
    chosen: &[Health],
    before: &[Health],
    since: &BTreeMap<Health, NaiveDate>,
    today: NaiveDate,
) -> BTreeMap<Health, NaiveDate> {
    chosen
        .iter()
        .filter_map(|h| match (before.contains(h), since.get(h)) {
            (true, Some(day)) => Some((*h, *day)),
            (true, None) => None,
            (false, _) => Some((*h, today)),
        })
        .collect()
}
