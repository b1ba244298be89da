//! How the care rules read one check-in: resolved or not, how bad, how far
//! up the leg, and the words for it in a sentence.

use crate::checkin::{CheckIn, Cleared, Ease, Numbness, Onset, Spot};
use chrono::NaiveDate;

/// Settling within this many minutes of stopping (Mayo: 10–30 minutes).
const SETTLES_MINUTES: u32 = 30;

/// Whether numbness of this check-in had not gone quickly (an unknown
/// clearing counts as not gone: when in doubt, the careful reading).
#[inline]
pub(super) fn unresolved(c: &CheckIn) -> bool {
    c.numbness.is_symptomatic() && c.cleared != Some(Cleared::Quickly) && !lace_pattern(c)
}

/// Verywellfit: numbness only on the top of the foot that goes when the laces
/// are loosened is a lacing matter, not a clinician's.
#[inline]
pub(crate) fn lace_pattern(c: &CheckIn) -> bool {
    c.spots == [Spot::Top]
        && c.eased_by.contains(&Ease::LooseningLaces)
        && c.cleared != Some(Cleared::NotYet)
}

#[inline]
pub(super) fn began_at_rest(c: &CheckIn) -> bool {
    matches!(c.onset, Some(Onset::Rest | Onset::Night))
}

/// How bad a check-in is, for "getting worse": the level, then how long it
/// took to clear (Mayo: a recovery time that grows).
#[inline]
pub(super) fn severity(c: &CheckIn) -> (u8, u8) {
    let clearing = match c.cleared {
        Some(Cleared::Hours) => 1,
        Some(Cleared::NotYet) => 2,
        _ => 0,
    };
    (c.numbness.level(), clearing)
}

/// How far up the leg a check-in reaches: 1 part of the foot, 2 the whole
/// foot, 3 ankle or lower leg, 4 thigh or buttock; 0 when not said.
#[inline]
pub(super) fn reach(c: &CheckIn) -> u8 {
    c.spots
        .iter()
        .map(|s| match s {
            Spot::WholeFoot => 2,
            Spot::Ankle | Spot::Shin | Spot::Calf => 3,
            Spot::Thigh | Spot::Buttock => 4,
            _ => 1,
        })
        .max()
        .unwrap_or(0)
}

/// A step back's trigger (Trials 2023, s13063-023-07502-x: symptoms above a
/// mild level drop one level): partly numb or worse during a
/// run, or numbness that took hours or has not cleared.
#[inline]
pub(crate) fn calls_for_step_back(c: &CheckIn) -> bool {
    let during = !matches!(c.onset, Some(Onset::After));
    (c.numbness >= Numbness::PARTLY_NUMB && during)
        || (c.numbness.is_symptomatic()
            && matches!(c.cleared, Some(Cleared::Hours | Cleared::NotYet)))
}

#[inline]
pub(super) fn settles_within_minutes(c: &CheckIn) -> bool {
    match c.cleared_minutes {
        Some(m) => m <= SETTLES_MINUTES,
        None => c.cleared == Some(Cleared::Quickly),
    }
}

/// Days from `a` to `b` (by day numbers: cheaper than a chrono duration, and
/// this runs for every check-in of ten years).
#[inline]
pub(super) fn days(a: NaiveDate, b: NaiveDate) -> i64 {
    i64::from(b.to_epoch_days()) - i64::from(a.to_epoch_days())
}

/// The first check-in of a chain of `steps` check-ins ending in `c` whose
/// severity rises at every step, if there is one.
pub(super) fn rising_chain<'a>(
    earlier: &[&'a CheckIn],
    c: &CheckIn,
    steps: usize,
) -> Option<&'a CheckIn> {
    if !earlier.iter().any(|e| severity(e) < severity(c)) {
        return None;
    }
    // chain[i]: the longest rising chain ending at earlier[i], and its start.
    let mut chain: Vec<(usize, &CheckIn)> = Vec::with_capacity(earlier.len());
    for (i, e) in earlier.iter().enumerate() {
        let best = (0..i)
            .filter(|j| severity(earlier[*j]) < severity(e))
            .map(|j| chain[j])
            .max_by_key(|(length, _)| *length)
            .map_or((1, *e), |(length, start)| (length + 1, start));
        chain.push(best);
    }
    (0..earlier.len())
        .filter(|i| severity(earlier[*i]) < severity(c))
        .map(|i| chain[i])
        .filter(|(length, _)| length + 1 >= steps)
        .max_by_key(|(length, _)| *length)
        .map(|(_, start)| start)
}

pub(super) fn onset_words(c: &CheckIn) -> &'static str {
    c.onset.map_or("at an unknown time", |o| o.words())
}

pub(super) fn describe_severity(c: &CheckIn) -> String {
    match c.cleared {
        Some(Cleared::Hours | Cleared::NotYet) => {
            format!(
                "{} that {}",
                c.numbness.words(),
                match c.cleared {
                    Some(Cleared::Hours) => "took hours to clear",
                    _ => "had not cleared",
                }
            )
        }
        _ => c.numbness.words().to_string(),
    }
}

pub(super) fn spots_words(c: &CheckIn) -> String {
    let words: Vec<&str> = c.spots.iter().map(|s| s.words()).collect();
    words.join(", ")
}

pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
