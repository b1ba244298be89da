//! A check-in resumes the walk from the assessment kept before it instead
//! of replaying the journal (src/checkin/assess/resume.rs): over random
//! journals with clearances and health context, the resumed assessment is
//! the whole walk's, field for field, and so is what it keeps.

mod common;
#[path = "common/random.rs"]
mod random;

use comeback::checkin::{CheckIn, Choice, Health, Journal, assess_keeping, resume};
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
    ) {
        let template = template("standard");
        let mut runner = profile(3);
        runner.goal_weekly = Distance::from_value(40.0);
        if let Some((h, entered)) = health {
            runner.health = vec![h];
            runner.health_since = [(h, day(entered))].into_iter().collect();
        }
        let plan = generate(&runner, &template).unwrap();
        let before = Journal::new(checkins, clearances(&cleared));
        let (base, kept) = assess_keeping(&plan, &template, &before, day(kept_on));
        let today = kept_on + later;
        let changed = day(today.saturating_sub(back));
        let mut after = before.clone();
        after.put(CheckIn { date: changed, seq: 10_000, ..new });
        let whole = assess_keeping(&plan, &template, &after, day(today));
        let resumed = kept.and_then(|kept| {
            resume(&plan, &template, &after, day(today), (&base, &kept), changed)
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
            resume(&plan, &template, &journal, today, (&base, &kept), from)
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
                (&base, &k),
                day(kept_on + 1),
            )
        }) {
            assert_eq!(r, whole);
            resumed += 1;
        }
    }
    assert!(resumed > 60, "only {resumed} of 200 resumed");
}
