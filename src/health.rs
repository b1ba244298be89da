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
