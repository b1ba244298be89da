//! Properties of the verdict over random journals (DESIGN §4, P1–P8), and of
//! the derived schedule.

mod common;
#[path = "common/random.rs"]
mod random;

use chrono::Days;
use comeback::checkin::{
    Assessment, CareLevel, CheckIn, Choice, Clearance, Cleared, Flag, Health, Journal, Numbness,
    SessionDone, Side, Spot, Status, When, assess, day_words,
};
use comeback::plan::{Plan, Template, generate};
use common::*;
use proptest::prelude::*;
use proptest::sample::select;
use random::*;

/// How urgent a verdict is: higher is more urgent.
fn grade(a: &Assessment) -> (u8, u8) {
    match &a.verdict.care {
        Some(care) => (
            match care.level {
                CareLevel::Emergency => 6,
                CareLevel::Urgent => 5,
                CareLevel::Book => 4,
            },
            match care.when {
                When::Now => 3,
                When::Today => 2,
                When::TwoWorkingDays => 1,
                When::OneWeek => 0,
            },
        ),
        None => (
            match a.verdict.status {
                Status::StepBack => 3,
                Status::Hold => 2,
                _ => 1,
            },
            0,
        ),
    }
}

/// What two verdicts must share when they say the same about the same facts.
type Gist = (Status, Option<(CareLevel, When, String, Vec<String>)>);

fn gist(a: &Assessment) -> Gist {
    (
        a.verdict.status,
        a.verdict.care.as_ref().map(|c| {
            (
                c.level,
                c.when,
                c.pattern.as_str().to_string(),
                c.rules.clone(),
            )
        }),
    )
}

fn run(
    plan: &Plan,
    template: &Template,
    checkins: Vec<CheckIn>,
    cleared: &[u64],
    today: u64,
) -> Assessment {
    assess(
        plan,
        template,
        &Journal::new(checkins, clearances(cleared)),
        day(today),
    )
}

/// One way to make a check-in worse.
#[derive(Debug, Clone, Copy)]
enum Worse {
    Level,
    Place(Spot),
    Clearing,
    Flag(Flag),
}

fn worse() -> impl Strategy<Value = Worse> {
    prop_oneof![
        Just(Worse::Level),
        select(Spot::ALL.to_vec()).prop_map(Worse::Place),
        Just(Worse::Clearing),
        select(Flag::ALL.to_vec()).prop_map(Worse::Flag),
    ]
}

fn make_worse(c: &mut CheckIn, how: Worse) -> bool {
    match how {
        Worse::Level if c.numbness.is_symptomatic() => {
            c.numbness = Numbness::try_from(c.numbness.level() + 1).unwrap_or(c.numbness);
        }
        // Further: another place where a place was named (a place named
        // where none was is more said, not more numbness).
        Worse::Place(spot) if !c.spots.is_empty() && !c.spots.contains(&spot) => {
            c.spots.push(spot);
            c.spots.sort();
        }
        // Quickly, within the hour, hours, not yet.
        Worse::Clearing if c.numbness.is_symptomatic() => match (c.cleared, c.cleared_minutes) {
            (Some(Cleared::Quickly), _) => {
                c.cleared = None;
                c.cleared_minutes = Some(40);
            }
            (None, Some(_)) => {
                c.cleared = Some(Cleared::Hours);
                c.cleared_minutes = None;
            }
            (Some(Cleared::Hours), _) => c.cleared = Some(Cleared::NotYet),
            _ => return false,
        },
        Worse::Flag(flag) if !c.flags.contains(&flag) => {
            c.flags.push(flag);
            c.flags.sort();
        }
        _ => return false,
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// P1: logging more symptom-free days without a planned run never makes
    /// the verdict milder (a day answering "how is it now?" aside).
    #[test]
    fn p1_more_clear_rest_days_never_make_the_verdict_milder(
        (checkins, cleared) in journal(50),
        extra in proptest::collection::btree_set(0u64..50, 1..15),
        today in 30u64..60,
    ) {
        let (plan, template) = plan();
        let before = run(&plan, &template, checkins.clone(), &cleared, today);
        let open_question = checkins
            .iter()
            .filter(|c| c.date <= day(today) && c.leaves_a_question())
            .map(|c| c.date)
            .max();
        let mut more = checkins.clone();
        for d in extra {
            let date = day(d);
            if checkins.iter().any(|c| c.date == date) || before.run_planned_on(&plan, date) || open_question.is_some_and(|q| date > q) {
                continue;
            }
            let mut c = CheckIn::symptom_free(date, Some(SessionDone::RestDay));
            c.seq = 2 * d + 1;
            more.push(c);
        }
        let after = run(&plan, &template, more, &cleared, today);
        prop_assert!(grade(&after) >= grade(&before), "{:?} became {:?}", before.verdict, after.verdict);
    }

    /// P2: the same time to clear said in words or in minutes gives the same verdict.
    #[test]
    fn p2_words_or_minutes_of_clearing_give_the_same_verdict(
        (checkins, cleared) in journal(50),
        quick in 0u32..=15,
        hours in 61u32..=600,
        today in 0u64..60,
    ) {
        let (plan, template) = plan();
        let mut minutes = checkins.clone();
        for c in &mut minutes {
            match c.cleared {
                Some(Cleared::Quickly) => { c.cleared = None; c.cleared_minutes = Some(quick) }
                Some(Cleared::Hours) => { c.cleared = None; c.cleared_minutes = Some(hours) }
                _ => {}
            }
        }
        let words = run(&plan, &template, checkins, &cleared, today);
        let minutes = run(&plan, &template, minutes, &cleared, today);
        prop_assert_eq!(gist(&words), gist(&minutes));
    }

    /// P3: left and right swapped give the same verdict.
    #[test]
    fn p3_left_and_right_swapped_give_the_same_verdict((checkins, cleared) in journal(50), today in 0u64..60) {
        let (plan, template) = plan();
        let mut swapped = checkins.clone();
        for c in &mut swapped {
            c.side = c.side.map(|s| match s { Side::Left => Side::Right, Side::Right => Side::Left, Side::Both => Side::Both });
        }
        let a = run(&plan, &template, checkins, &cleared, today);
        let b = run(&plan, &template, swapped, &cleared, today);
        prop_assert_eq!(gist(&a), gist(&b));
    }

    /// P4: the whole journal, the plan and today shifted by any number of
    /// weeks give the same verdict.
    #[test]
    fn p4_shifted_by_whole_weeks_the_verdict_is_the_same(
        (checkins, cleared) in journal(50),
        weeks in 1u64..300,
        today in 0u64..60,
    ) {
        let template = template("standard");
        let mut runner = profile(3);
        runner.goal_weekly = comeback::plan::Distance::from_value(40.0);
        let plan = generate(&runner, &template).unwrap();
        runner.start = runner.start + Days::new(7 * weeks);
        let later_plan = generate(&runner, &template).unwrap();
        let shift = |d: chrono::NaiveDate| d + Days::new(7 * weeks);
        let moved: Vec<CheckIn> = checkins.iter().cloned().map(|mut c| { c.date = shift(c.date); c }).collect();
        let moved_clearances: Vec<Clearance> = clearances(&cleared).into_iter().map(|mut c| { c.date = shift(c.date); c }).collect();
        let a = assess(&plan, &template, &Journal::new(checkins, clearances(&cleared)), day(today));
        let b = assess(&later_plan, &template, &Journal::new(moved, moved_clearances), shift(day(today)));
        prop_assert_eq!(gist(&a), gist(&b));
        prop_assert_eq!(a.current.map(|i| a.weeks[i].stage), b.current.map(|i| b.weeks[i].stage));
    }

    /// P5: more symptoms — a higher level, another place, a longer time to
    /// clear, a flag, or one more symptomatic day — never give a milder verdict.
    #[test]
    fn p5_more_symptoms_never_make_the_verdict_milder(
        (checkins, cleared) in journal(50),
        pick in any::<prop::sample::Index>(),
        how in worse(),
        extra_day in 0u64..50,
        extra in symptoms(),
        today in 0u64..60,
    ) {
        let (plan, template) = plan();
        let before = run(&plan, &template, checkins.clone(), &cleared, today);
        let mut more = checkins.clone();
        let changed = !more.is_empty() && make_worse(&mut more[pick.index(checkins.len())], how);
        if !changed {
            if more.iter().any(|c| c.date == day(extra_day)) { return Ok(()); }
            let mut c = CheckIn { date: day(extra_day), session: Some(SessionDone::Done), ..extra };
            c.seq = 2 * extra_day + 1;
            more.push(c);
        }
        let after = run(&plan, &template, more, &cleared, today);
        prop_assert!(grade(&after) >= grade(&before), "{:?} became {:?}", before.verdict, after.verdict);
    }

    /// P6: health context never gives a milder verdict, and changes no
    /// decision dated before the day it was entered.
    #[test]
    fn p6_health_context_is_never_milder_and_leaves_the_past_alone(
        (checkins, cleared) in journal(50),
        health in proptest::sample::subsequence(Health::ALL.to_vec(), 1..=3),
        entered in 0u64..50,
        today in 0u64..60,
    ) {
        let template = template("standard");
        let mut runner = profile(3);
        runner.goal_weekly = comeback::plan::Distance::from_value(40.0);
        let plain = generate(&runner, &template).unwrap();
        runner.health = health.clone();
        runner.health_since = health.iter().map(|h| (*h, day(entered))).collect();
        let with = generate(&runner, &template).unwrap();
        let journal = Journal::new(checkins, clearances(&cleared));
        let a = assess(&plain, &template, &journal, day(today));
        let b = assess(&with, &template, &journal, day(today));
        prop_assert!(grade(&b) >= grade(&a), "{:?} became {:?}", a.verdict, b.verdict);
        let before = |x: &Assessment| x.decisions.iter().filter(|d| d.date <= day(entered)).cloned().collect::<Vec<_>>();
        prop_assert_eq!(before(&a), before(&b));
        if today < entered {
            prop_assert_eq!(gist(&a), gist(&b));
        }
    }

    /// P7: a check-in recorded after a clearance is judged afresh, even when
    /// it is dated before it; one recorded before it is covered.
    #[test]
    fn p7_a_check_in_recorded_after_a_clearance_is_judged_afresh(
        (checkins, _) in journal(40),
        cleared_on in 5u64..40,
        back in 0u64..5,
        flag in select(vec![Flag::Weakness, Flag::FootDrop, Flag::Saddle, Flag::FaceArm]),
    ) {
        let (plan, template) = plan();
        let dated = cleared_on - back;
        let mut journal: Vec<CheckIn> = checkins.into_iter().filter(|c| c.date != day(dated)).collect();
        let clearance = Clearance { date: day(cleared_on), note: None, seq: 1_000 };
        let mut red = CheckIn::symptom_free(day(dated), Some(SessionDone::RestDay));
        red.flags = vec![flag];
        red.seq = 1_001;
        journal.push(red.clone());
        let a = assess(&plan, &template, &Journal::new(journal.clone(), vec![clearance.clone()]), day(cleared_on));
        prop_assert_eq!(a.verdict.status, Status::UrgentCare);
        // Recorded before the clearance: the clinician saw it.
        journal.retain(|c| c.date != day(dated));
        journal.push(CheckIn { seq: 999, ..red });
        let later: Vec<CheckIn> = journal.into_iter().filter(|c| c.date <= day(cleared_on)).collect();
        let b = assess(&plan, &template, &Journal::new(later, vec![clearance]), day(cleared_on));
        prop_assert!(!b.verdict.status.is_care(), "{:?}", b.verdict);
    }

    /// P8: every care verdict says how soon, who, the pattern, and cites its
    /// latest check-in.
    #[test]
    fn p8_every_care_verdict_says_how_soon_who_why_and_cites_the_latest((checkins, cleared) in journal(60), today in 0u64..70) {
        let (plan, template) = plan();
        let all = clearances(&cleared);
        let a = assess(&plan, &template, &Journal::new(checkins.clone(), all.clone()), day(today));
        let Some(care) = &a.verdict.care else {
            prop_assert!(!a.verdict.status.is_care());
            return Ok(());
        };
        prop_assert!(!care.who.is_empty() && !care.when_words.is_empty() && !care.pattern_words.is_empty());
        prop_assert!(care.what_to_do()[0].contains(&care.when_words) || care.level == CareLevel::Emergency);
        let open_since_clearance = |c: &&CheckIn| all.iter().filter(|x| x.date <= day(today)).all(|x| !x.comes_after(c));
        let latest = checkins.iter().filter(|c| c.date <= day(today) && c.is_notable()).rfind(open_since_clearance);
        if let Some(latest) = latest {
            let words = day_words(latest.date, day(today));
            prop_assert!(care.why.iter().any(|w| w.contains(&words)), "{} not cited: {:?}", words, care.why);
        }
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
        let flagged_on = last_clearance + after;
        let mut checkins = checkins;
        checkins.retain(|c| c.date != day(flagged_on));
        let mut red = CheckIn::symptom_free(day(flagged_on), None);
        red.flags.push(flag);
        red.seq = 2 * flagged_on + 3;
        checkins.push(red);
        let a = run(&plan, &template, checkins, &cleared, flagged_on + later);
        prop_assert_eq!(a.verdict.status, Status::UrgentCare);
    }

    #[test]
    fn the_verdict_does_not_depend_on_the_order_the_journal_is_handed_over(
        (checkins, cleared) in journal(60),
        seed in any::<u64>(),
        today in 0u64..70,
    ) {
        let (plan, template) = plan();
        let mut shuffled = checkins.clone();
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
        let a = run(&plan, &template, checkins, &cleared, today);
        if a.verdict.care.is_some() {
            prop_assert_eq!(a.next.stage, None);
        }
        for (w, next) in a.weeks.iter().zip(a.weeks.iter().skip(1)) {
            if w.suspended.is_some_and(|(_, to)| to == w.start + Days::new(6)) {
                prop_assert!(next.stage <= w.stage, "week {} at {} after care at {}", next.week, next.stage, w.stage);
            }
        }
    }
}

/// The journals above mix quiet weeks, holds and care, so the properties
/// are tested on each, not only on journals already at the most urgent level.
#[test]
fn the_random_journals_reach_every_kind_of_verdict() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (plan, template) = plan();
    let mut grades = std::collections::BTreeMap::new();
    for _ in 0..1000 {
        let (checkins, cleared) = journal(50).new_tree(&mut runner).unwrap().current();
        *grades
            .entry(grade(&run(&plan, &template, checkins, &cleared, 45)))
            .or_insert(0) += 1;
    }
    let share = |keep: &dyn Fn(&(u8, u8)) -> bool| {
        grades
            .iter()
            .filter(|(g, _)| keep(g))
            .map(|(_, n)| n)
            .sum::<i32>()
    };
    assert!(share(&|g| g.0 <= 3) > 200, "short of care: {grades:?}");
    assert!(share(&|g| g.0 == 4) > 100, "booked: {grades:?}");
    assert!(
        share(&|g| g.0 >= 5) > 100,
        "urgent or emergency: {grades:?}"
    );
}
