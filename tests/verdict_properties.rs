//! Property tests for the verdict and the derived schedule.

mod common;

use comeback::checkin::{
    CheckIn, Choice, Clearance, Cleared, Ease, Flag, Journal, Numbness, Onset, SessionDone, Side,
    Spot, Status, assess,
};
use common::*;
use proptest::prelude::*;
use proptest::sample::select;

fn checkin_on(offset: u64) -> impl Strategy<Value = CheckIn> {
    (
        prop_oneof![4 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8), 1 => Just(3u8)],
        symptoms(),
        select(vec![
            SessionDone::Done,
            SessionDone::Partial,
            SessionDone::Skipped,
            SessionDone::RestDay,
        ]),
        prop_oneof![9 => Just(None), 1 => select(Flag::ALL.to_vec()).prop_map(Some)],
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
            c
        })
}

/// The symptom fields of a check-in, any of them.
fn symptoms() -> impl Strategy<Value = CheckIn> {
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
    fn adding_a_symptomatic_check_in_after_the_others_never_makes_the_verdict_milder(
        (checkins, cleared) in journal(50),
        extra in symptoms(),
        level in 1u8..=3,
        after in 0u64..5,
        later in 0u64..10,
    ) {
        let (plan, template) = plan();
        let last = checkins.iter().map(|c| c.date).max().unwrap_or(day(0));
        let mut added = extra;
        added.date = last + chrono::Days::new(after.max(1));
        added.numbness = Numbness::try_from(level).unwrap();
        let today = added.date + chrono::Days::new(later);
        let before = assess(&plan, &template, &Journal::new(checkins.clone(), clearances(&cleared)), today);
        let mut more = checkins;
        more.push(added);
        let after = assess(&plan, &template, &Journal::new(more, clearances(&cleared)), today);
        prop_assert!(
            after.verdict.status <= before.verdict.status,
            "{:?} became {:?}", before.verdict.status, after.verdict.status
        );
    }

    #[test]
    fn a_red_flag_after_any_clearance_is_always_urgent(
        (checkins, cleared) in journal(40),
        flag in select(vec![Flag::Saddle, Flag::BladderBowel, Flag::Weakness, Flag::FootDrop, Flag::LegPainBoth, Flag::FaceArm]),
        after in 0u64..3,
        later in 0u64..15,
    ) {
        let (plan, template) = plan();
        let last_clearance = cleared.iter().max().copied().unwrap_or(0);
        let flagged_on = day(last_clearance + after);
        let mut checkins = checkins;
        checkins.retain(|c| c.date != flagged_on);
        let mut red = CheckIn::symptom_free(flagged_on, None);
        red.flags.push(flag);
        // Recorded after everything else, the same day's clearance included.
        red.seq = 2;
        checkins.push(red);
        let today = flagged_on + chrono::Days::new(later);
        let a = assess(&plan, &template, &Journal::new(checkins, clearances(&cleared)), today);
        prop_assert_eq!(a.verdict.status, Status::UrgentCare);
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
            prop_assert!(!care.pattern_words.is_empty());
            prop_assert_eq!(care.pattern.level(), care.level);
            prop_assert!(!care.what_to_do().is_empty());
            prop_assert!(care.why.iter().all(|w| w.contains(" Nov") || w.contains(" Dec") || w.contains(" Jan")));
        } else {
            prop_assert!(a.verdict.care.is_none());
        }
    }
}
