//! Random journals for the verdict's property tests: check-ins on a random
//! subset of days, with symptoms, flags and a few clearances.
#![allow(dead_code)]

use super::common::*;
use comeback::checkin::{
    CheckIn, Choice, Clearance, Cleared, Ease, Flag, Numbness, Onset, SessionDone, Side, Spot,
};
use proptest::prelude::*;
use proptest::sample::select;

/// A check-in on day `offset`: mostly symptom-free, sometimes with symptoms
/// or a flag.
pub fn checkin_on(offset: u64) -> impl Strategy<Value = CheckIn> {
    (
        prop_oneof![16 => Just(0u8), 4 => Just(1u8), 1 => Just(2u8), 1 => Just(3u8)],
        symptoms(),
        select(vec![
            SessionDone::Done,
            SessionDone::Partial,
            SessionDone::Skipped,
            SessionDone::RestDay,
        ]),
        prop_oneof![30 => Just(None), 1 => select(Flag::ALL.to_vec()).prop_map(Some)],
    )
        .prop_map(move |(level, symptoms, session, flag)| {
            let mut c = CheckIn::symptom_free(day(offset), Some(session));
            if level > 0 {
                c = CheckIn {
                    session: Some(session),
                    ..symptoms
                };
                c.date = day(offset);
                c.numbness = Numbness::try_from(level).unwrap();
            }
            c.flags = flag.into_iter().collect();
            if !c.flags.is_empty() && level == 0 {
                c.cleared = symptoms.cleared;
            }
            c
        })
}

/// The symptom fields of a check-in, any of them.
pub fn symptoms() -> impl Strategy<Value = CheckIn> {
    (
        proptest::option::of(select(Onset::ALL.to_vec())),
        proptest::option::of(0u32..60),
        proptest::option::of(select(Cleared::ALL.to_vec())),
        proptest::sample::subsequence(Spot::ALL.to_vec(), 0..3),
        proptest::option::of(select(Side::ALL.to_vec())),
        proptest::sample::subsequence(Ease::ALL.to_vec(), 0..2),
    )
        .prop_map(|(onset, minutes, cleared, spots, side, eased_by)| CheckIn {
            onset,
            minutes: minutes.filter(|_| onset == Some(Onset::During)),
            cleared,
            spots,
            side,
            eased_by,
            numbness: Numbness::TINGLING,
            ..CheckIn::symptom_free(day(0), None)
        })
}

/// Check-ins on a random subset of the first `days` days, each recorded in
/// date order, and a few clearances (recorded after the check-in of their day).
pub fn journal(days: u64) -> impl Strategy<Value = (Vec<CheckIn>, Vec<u64>)> {
    (
        proptest::collection::btree_set(0..days, 0..days as usize),
        proptest::collection::vec(0..days, 0..3),
    )
        .prop_flat_map(|(dates, clearances)| {
            let checkins: Vec<_> = dates.into_iter().map(checkin_on).collect();
            (checkins, Just(clearances))
        })
        .prop_map(|(mut checkins, clearances)| {
            for c in &mut checkins {
                c.seq = 2 * (c.date - day(0)).num_days() as u64 + 1;
            }
            (checkins, clearances)
        })
}

pub fn clearances(days: &[u64]) -> Vec<Clearance> {
    days.iter()
        .map(|d| Clearance {
            date: day(*d),
            note: None,
            // Recorded after the check-in of its day.
            seq: 2 * d + 2,
        })
        .collect()
}
