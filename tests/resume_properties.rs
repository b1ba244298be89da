//! A check-in resumes the walk from the assessment kept before it instead
//! of replaying the journal (src/checkin/assess/resume.rs): over random
//! journals with clearances, check-ins recorded late and health context,
//! the resumed assessment is the whole walk's, field for field, and so is
//! what it keeps.

mod common;
#[path = "common/random.rs"]
mod random;

use comeback::checkin::{
    CheckIn, Choice, Clearance, Flag, Health, Journal, SessionDone, assess_keeping, resume,
};
use comeback::plan::{Distance, generate};
use common::*;
use proptest::prelude::*;
use random::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Kept on one day, a check-in dated from that day's week on (a new day
    /// or one replaced, recorded days later or the same day): resumed, the
    /// assessment and what it keeps are the whole walk's.
    #[test]
    fn a_walk_resumed_from_the_kept_assessment_is_the_whole_walk(
        (checkins, cleared) in journal(150),
        kept_on in 0u64..160,
        later in 0u64..12,
        back in 0u64..8,
        new in checkin_on(0),
        health in proptest::option::of((proptest::sample::select(Health::ALL.to_vec()), 0u64..170)),
        late in proptest::collection::vec(0u64..150, 0..4),
    ) {
        let template = template("standard");
        let mut runner = profile(3);
        runner.goal_weekly = Distance::from_value(40.0);
        if let Some((h, entered)) = health {
            runner.health = vec![h];
            runner.health_since = [(h, day(entered))].into_iter().collect();
        }
        let plan = generate(&runner, &template).unwrap();
        // Some check-ins recorded late: after the clearances dated after them.
        let checkins = checkins.into_iter().map(|mut c| {
            if late.contains(&(c.date - day(0)).num_days().unsigned_abs()) {
                c.seq += 5_000;
            }
            c
        });
        let before = Journal::new(checkins.collect(), clearances(&cleared));
        let (base, kept) = assess_keeping(&plan, &template, &before, day(kept_on));
        let today = kept_on + later;
        let changed = day(today.saturating_sub(back));
        let mut after = before.clone();
        after.put(CheckIn { date: changed, seq: 10_000, ..new });
        let whole = assess_keeping(&plan, &template, &after, day(today));
        let resumed = kept.and_then(|kept| {
            resume(&plan, &template, &after, day(today), (base, &kept), changed)
        });
        if let Some(resumed) = resumed {
            prop_assert_eq!(resumed, whole);
        }
    }

    /// A red flag recorded after a clearance but dated before it opens care
    /// afresh (P7): resumed after it, the walk still sees it.
    #[test]
    fn a_check_in_recorded_after_a_clearance_and_dated_before_it_is_resumed_over(
        (checkins, _) in journal(100),
        cleared_on in 5u64..60,
        back in 0u64..5,
        kept_after in 7u64..40,
        flag in proptest::sample::select(Flag::ALL.to_vec()),
    ) {
        let (plan, template) = plan();
        let dated = cleared_on - back;
        let mut checkins: Vec<CheckIn> = checkins.into_iter().filter(|c| c.date != day(dated)).collect();
        let mut red = CheckIn::symptom_free(day(dated), Some(SessionDone::RestDay));
        red.flags = vec![flag];
        red.seq = 9_000;
        checkins.push(red);
        let clearance = Clearance { date: day(cleared_on), note: None, seq: 2 * cleared_on + 2 };
        let before = Journal::new(checkins, vec![clearance]);
        let kept_on = cleared_on + kept_after;
        let (base, kept) = assess_keeping(&plan, &template, &before, day(kept_on));
        let mut after = before.clone();
        after.put(CheckIn { seq: 10_000, ..CheckIn::symptom_free(day(kept_on + 1), None) });
        let whole = assess_keeping(&plan, &template, &after, day(kept_on + 1));
        let resumed = kept.and_then(|kept| {
            resume(&plan, &template, &after, day(kept_on + 1), (base, &kept), day(kept_on + 1))
        });
        if let Some(resumed) = resumed {
            prop_assert_eq!(resumed, whole);
        }
    }

    /// Kept on one day, asked on a later one with nothing recorded between
    /// (the first command of a day): resumed, it is the whole walk.
    #[test]
    fn a_later_day_resumed_from_the_kept_assessment_is_the_whole_walk(
        (checkins, cleared) in journal(150),
        kept_on in 0u64..160,
        later in 0u64..30,
    ) {
        let (plan, template) = plan();
        let journal = Journal::new(checkins, clearances(&cleared));
        let (base, kept) = assess_keeping(&plan, &template, &journal, day(kept_on));
        let today = day(kept_on + later);
        let whole = assess_keeping(&plan, &template, &journal, today);
        let from = base.current.map(|i| base.weeks[i].start);
        let resumed = kept.zip(from).and_then(|(kept, from)| {
            resume(&plan, &template, &journal, today, (base, &kept), from)
        });
        if let Some(resumed) = resumed {
            prop_assert_eq!(resumed, whole);
        }
    }
}

/// The property above is not empty: most of its random cases resume.
#[test]
fn most_random_check_ins_resume_the_walk() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (plan, template) = plan();
    let mut resumed = 0;
    for n in 0..200u64 {
        let (checkins, cleared) = journal(100).new_tree(&mut runner).unwrap().current();
        let before = Journal::new(checkins, clearances(&cleared));
        let kept_on = 40 + n % 60;
        let (base, kept) = assess_keeping(&plan, &template, &before, day(kept_on));
        let mut after = before.clone();
        after.put(CheckIn::symptom_free(day(kept_on + 1), None));
        let whole = assess_keeping(&plan, &template, &after, day(kept_on + 1));
        if let Some(r) = kept.and_then(|k| {
            resume(
                &plan,
                &template,
                &after,
                day(kept_on + 1),
                (base, &k),
                day(kept_on + 1),
            )
        }) {
            assert_eq!(r, whole);
            resumed += 1;
        }
    }
    assert!(resumed > 60, "only {resumed} of 200 resumed");
}
