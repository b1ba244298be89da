//! Step 4 of the care pipeline: the one rules table. Each row reads measures
//! (of one moment, or of one plan week) and, when its threshold is met, says
//! why in a sentence naming the dated check-ins. The engine is a loop over
//! the table; `docs/care-rules.md` is generated from it for clinicians.

use super::found::*;
use super::measure::{Measures, WeekMeasures};
use super::pattern::{CareLevel, Pattern, When};
use super::waiting::{brought_forward_while_booked, while_booked};
use crate::checkin::Flag;

/// What a row does when it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// A clinician, this soon; runs (or all exercise) stop until cleared.
    Care(CareLevel, When),
    /// Next week runs the stage before; this week's runs drop to run/walk.
    StepBack,
    /// The stage repeats: no longer runs, no new strides.
    Hold,
}

impl Effect {
    pub fn words(self) -> String {
        match self {
            Effect::Care(level, when) => format!("{} ({})", level.as_str(), when.words()),
            Effect::StepBack => "step back".into(),
            Effect::Hold => "hold".into(),
        }
    }
}

/// How a row reads its measures.
#[derive(Clone, Copy)]
pub enum Check {
    /// At each check-in (and on the day health context is entered), over
    /// the open episode and the last six plan weeks.
    Moment(for<'m, 'a> fn(&Measures<'m, 'a>) -> Option<Found<'a>>),
    /// Over one plan week's check-ins.
    Week(for<'m, 'a> fn(&WeekMeasures<'m, 'a>) -> Option<Found<'a>>),
}

/// One row of the table.
#[derive(Clone)]
pub struct Rule {
    pub id: &'static str,
    pub effect: Effect,
    /// The pattern a care row names; week rows name none.
    pub pattern: Option<Pattern>,
    /// What it reads and its threshold, for clinicians.
    pub threshold: &'static str,
    pub source: &'static str,
    /// The test that holds it (tests/care_rules.rs or tests/verdict_rules.rs).
    pub test: &'static str,
    pub check: Check,
}

/// A foot that turns cold, pale, blue or another colour: the circulation.
pub(super) const VASCULAR: &[Flag] = &[Flag::ColdPale, Flag::SkinColour];

pub(super) const NOW: Effect = Effect::Care(CareLevel::Emergency, When::Now);
pub(super) const TODAY: Effect = Effect::Care(CareLevel::Urgent, When::Today);
pub(super) const TWO_DAYS: Effect = Effect::Care(CareLevel::Book, When::TwoWorkingDays);
pub(super) const WEEK: Effect = Effect::Care(CareLevel::Book, When::OneWeek);

mod cleared;
mod emergency;
mod plan_week;
mod soon;
mod urgent;
mod week;
mod week_places;
mod week_spread;

/// The rules found so far in an episode, one bit a row of [`RULES`].
pub type RuleBits = u128;

/// The care rows, most urgent first, then the week rows: one table, kept in
/// a file for each level.
pub static RULES: std::sync::LazyLock<Vec<Rule>> = std::sync::LazyLock::new(|| {
    [
        emergency::ROWS,
        urgent::ROWS,
        soon::ROWS,
        week::ROWS,
        week_spread::ROWS,
        week_places::ROWS,
        plan_week::ROWS,
    ]
    .concat()
});

/// "Both legs in turn: tingling at the calf (right) … on Tue 2 Mar; then
/// tingling at the calf (left) … on Sun 21 Mar."
pub(super) fn in_turn<'a>(
    m: &Measures<'_, 'a>,
    how: &'static str,
    from: &super::event::Event<'a>,
    to: &super::event::Event<'a>,
) -> Found<'a> {
    Found::new(
        m.words,
        || {
            format!(
                "{how}: {} on {}; then {} on {}.",
                describe(from),
                m.date(from),
                describe(to),
                m.date(to)
            )
        },
        [from, to],
    )
}

/// How many of `days` (epoch days, in any order) fall a week or more after
/// the one counted before: separate weeks however the plan's weeks fall.
pub(super) fn days_a_week_apart(days: &[i32]) -> usize {
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    let mut last: Option<i32> = None;
    sorted
        .into_iter()
        .filter(|day| {
            let counts = last.is_none_or(|l| day - l >= 7);
            if counts {
                last = Some(*day);
            }
            counts
        })
        .count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_rules_fit_in_the_bits_a_care_episode_keeps_them_in() {
        assert!(super::RULES.len() <= super::RuleBits::BITS as usize);
    }
}
