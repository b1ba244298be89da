//! Property tests for the verdict and the derived schedule.

mod common;

use comeback::checkin::{
    CheckIn, Choice, Clearance, Cleared, Flag, Journal, Numbness, Onset, SessionDone, Status,
    assess,
};
use common::*;
use proptest::prelude::*;
use proptest::sample::select;

fn checkin_on(offset: u64) -> impl Strategy<Value = CheckIn> {
    (
        prop_oneof![4 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8), 1 => Just(3u8)],
        proptest::option::of(select(vec![Onset::During, Onset::After, Onset::Rest])),
        proptest::option::of(select(vec![
            Cleared::Quickly,
            Cleared::Hours,
            Cleared::NotYet,
        ])),
        select(vec![
            SessionDone::Done,
            SessionDone::Partial,
            SessionDone::Skipped,
            SessionDone::RestDay,
        ]),
        prop_oneof![9 => Just(None), 1 => select(Flag::ALL.to_vec()).prop_map(Some)],
    )
        .prop_map(move |(level, onset, cleared, session, flag)| {
            let mut c = CheckIn::symptom_free(day(offset), Some(session));
            c.numbness = Numbness::try_from(level).unwrap();
            if level > 0 {
                c.onset = onset;
                c.cleared = cleared;
            }
            c.flags = flag.into_iter().collect();
            c
        })
}

/// Check-ins on a random subset of the first `days` days, and a few clearances.
fn journal(days: u64) -> impl Strategy<Value = (Vec<CheckIn>, Vec<u64>)> {
    (
        proptest::collection::btree_set(0..days, 0..days as usize),
        proptest::collection::vec(0..days, 0..3),
    )
        .prop_flat_map(|(dates, clearances)| {
            let checkins: Vec<_> = dates.into_iter().map(checkin_on).collect();
            (checkins, Just(clearances))
        })
}

fn clearances(days: &[u64]) -> Vec<Clearance> {
    days.iter()
        .map(|d| Clearance {
            date: day(*d),
            note: None,
            // Recorded after the check-in of its day.
            seq: 1,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_red_flag_gives_urgent_care(
        (checkins, _) in journal(40),
        flag in select(vec![Flag::Saddle, Flag::BladderBowel, Flag::Weakness]),
        flagged in 0u64..40,
        later in 0u64..20,
    ) {
        let (plan, template) = plan();
        let mut checkins = checkins;
        checkins.retain(|c| c.date != day(flagged));
        let mut red = fine(flagged);
        red.flags.push(flag);
        checkins.push(red);
        let a = assess(&plan, &template, &Journal::new(checkins, vec![]), day(flagged + later));
        prop_assert_eq!(a.verdict.status, Status::UrgentCare);
        prop_assert!(a.verdict.care.is_some());
    }

    #[test]
    fn a_worsening_spell_is_never_on_track(
        (checkins, _) in journal(20),
        levels in proptest::collection::vec(1u8..=3, 3..8),
    ) {
        prop_assume!(levels.last() > levels.first());
        let (plan, template) = plan();
        let start = 21u64;
        let mut checkins: Vec<CheckIn> = checkins;
        checkins.push(fine(start - 1));
        for (i, level) in levels.iter().enumerate() {
            let mut c = numb(start + i as u64, *level);
            c.onset = Some(Onset::After);
            checkins.push(c);
        }
        let today = day(start + levels.len() as u64 - 1);
        let a = assess(&plan, &template, &Journal::new(checkins, vec![]), today);
        prop_assert_ne!(a.verdict.status, Status::OnTrack);
        prop_assert!(a.verdict.status.is_care());
    }

    #[test]
    fn the_verdict_does_not_depend_on_recording_order(
        (checkins, cleared) in journal(60),
        seed in any::<u64>(),
        today in 0u64..70,
    ) {
        let (plan, template) = plan();
        let mut shuffled = checkins.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) >> 33) as usize % (i + 1);
            shuffled.swap(i, j);
        }
        let mut cleared_rev = clearances(&cleared);
        cleared_rev.reverse();
        let a = assess(&plan, &template, &Journal::new(checkins, clearances(&cleared)), day(today));
        let b = assess(&plan, &template, &Journal::new(shuffled, cleared_rev), day(today));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn the_schedule_never_advances_past_care_without_a_clearance(
        (checkins, cleared) in journal(70),
        today in 0u64..90,
    ) {
        let (plan, template) = plan();
        let journal = Journal::new(checkins.clone(), clearances(&cleared));
        let a = assess(&plan, &template, &journal, day(today));
        // Every check-in carrying a flag that calls for care...
        for c in checkins.iter().filter(|c| c.date <= day(today) && !c.flags.is_empty()) {
            let Some(at) = a.weeks.iter().position(|w| c.date >= w.start && c.date < w.start + chrono::Days::new(7)) else { continue };
            let stage = a.weeks[at].stage;
            // ...holds the stage until a clearance after it.
            let clearance = cleared.iter().map(|d| day(*d)).filter(|d| *d >= c.date).min();
            for w in &a.weeks[at + 1..] {
                if clearance.is_some_and(|d| d < w.start) {
                    break;
                }
                prop_assert!(w.stage <= stage, "week {} at stage {} after care in week {} at {}", w.week, w.stage, a.weeks[at].week, stage);
            }
            if clearance.is_none() {
                prop_assert!(a.verdict.status.is_care());
                prop_assert_eq!(a.next.stage, None);
            }
        }
    }

    #[test]
    fn every_care_verdict_says_who_to_see_and_why((checkins, cleared) in journal(60), today in 0u64..60) {
        let (plan, template) = plan();
        let a = assess(&plan, &template, &Journal::new(checkins, clearances(&cleared)), day(today));
        if a.verdict.status.is_care() {
            let care = a.verdict.care.as_ref().unwrap();
            prop_assert!(!care.who.is_empty());
            prop_assert!(!care.why.is_empty());
            prop_assert!(care.why.iter().all(|w| w.contains(" Nov") || w.contains(" Dec") || w.contains(" Jan")));
        } else {
            prop_assert!(a.verdict.care.is_none());
        }
    }
}
