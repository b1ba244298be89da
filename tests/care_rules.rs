//! The care rules as a clinician would test them: one scenario per rule,
//! named for the behaviour, many of them sequences over weeks with gaps,
//! symptom-free days and clearances between the bad days. The table in
//! docs/care-rules.md names the test of each rule.

mod common;

use comeback::checkin::{
    Assessment, CareLevel, CheckIn, Clearance, Cleared, Ease, Flag, Health, Journal, Numbness,
    Onset, Pattern, Side, Spot, Status, assess,
};
use comeback::plan::{Session, generate};
use common::*;

/// A check-in `offset` days after the plan start with this numbness level.
fn felt(offset: u64, level: u8) -> CheckIn {
    let mut c = fine(offset);
    c.numbness = Numbness::try_from(level).unwrap();
    c
}

fn at(mut c: CheckIn, spots: &[Spot]) -> CheckIn {
    c.spots = spots.to_vec();
    c
}

fn began(mut c: CheckIn, onset: Onset) -> CheckIn {
    c.onset = Some(onset);
    c
}

fn cleared(mut c: CheckIn, how: Cleared) -> CheckIn {
    c.cleared = Some(how);
    c
}

fn side(mut c: CheckIn, side: Side) -> CheckIn {
    c.side = Some(side);
    c
}

fn flagged(mut c: CheckIn, flag: Flag) -> CheckIn {
    c.flags.push(flag);
    c
}

/// A clearance recorded after everything of its day.
fn clearance(offset: u64) -> Clearance {
    Clearance {
        date: day(offset),
        note: None,
        seq: u64::MAX,
    }
}

/// The assessment on `today` with the runner's health context.
fn assess_with(
    health: &[Health],
    checkins: Vec<CheckIn>,
    clearances: Vec<Clearance>,
    today: u64,
) -> Assessment {
    let template = template("standard");
    let mut profile = profile(21);
    profile.health = health.to_vec();
    let plan = generate(&profile, &template).unwrap();
    assess(
        &plan,
        &template,
        &Journal::new(checkins, clearances),
        day(today),
    )
}

fn care_on(checkins: Vec<CheckIn>, today: u64) -> Option<comeback::checkin::Care> {
    assess_with(&[], checkins, vec![], today).verdict.care
}

fn pattern_on(checkins: Vec<CheckIn>, today: u64) -> Option<Pattern> {
    care_on(checkins, today).map(|c| c.pattern)
}

// Emergency: call the emergency number now.

#[test]
fn saddle_numbness_bladder_trouble_or_pain_down_both_legs_call_the_emergency_number() {
    for flag in [Flag::Saddle, Flag::BladderBowel, Flag::LegPainBoth] {
        let care = care_on(vec![flagged(felt(3, 1), flag)], 3).unwrap();
        assert_eq!(care.level, CareLevel::Emergency, "{flag}");
        assert_eq!(care.pattern, Pattern::LowBackNerves);
        assert!(care.who.contains("emergency number"));
    }
}

#[test]
fn numbness_or_weakness_of_the_face_or_arm_calls_the_emergency_number() {
    let care = care_on(vec![flagged(fine(2), Flag::FaceArm)], 2).unwrap();
    assert_eq!(care.level, CareLevel::Emergency);
    assert_eq!(care.pattern, Pattern::FaceOrArm);
}

#[test]
fn a_cold_pale_foot_that_has_not_cleared_is_an_emergency_and_one_that_cleared_is_booked() {
    let stays = flagged(cleared(felt(1, 1), Cleared::NotYet), Flag::ColdPale);
    assert_eq!(pattern_on(vec![stays], 1), Some(Pattern::ColdFoot));
    let passed = flagged(cleared(felt(1, 1), Cleared::Quickly), Flag::ColdPale);
    let care = care_on(vec![passed], 1).unwrap();
    assert_eq!(care.pattern, Pattern::LegCirculation);
    assert_eq!(care.level, CareLevel::Book);
    assert!(care.who.contains("sports medicine doctor, soon"));
}

#[test]
fn with_circulation_problems_a_cold_pale_foot_is_always_an_emergency() {
    let passed = flagged(cleared(felt(1, 1), Cleared::Quickly), Flag::ColdPale);
    let a = assess_with(&[Health::Circulation], vec![passed], vec![], 1);
    assert_eq!(a.verdict.care.unwrap().level, CareLevel::Emergency);
}

#[test]
fn a_tight_painful_calf_that_does_not_settle_is_an_emergency() {
    let c = flagged(
        flagged(cleared(felt(4, 2), Cleared::NotYet), Flag::CalfTightness),
        Flag::SharpPain,
    );
    assert_eq!(pattern_on(vec![c], 4), Some(Pattern::TenseLeg));
}

// Urgent: today.

#[test]
fn weakness_or_a_dropping_foot_is_urgent_today() {
    for flag in [Flag::Weakness, Flag::FootDrop] {
        let a = assess_with(&[], vec![flagged(fine(2), flag)], vec![], 2);
        assert_eq!(a.verdict.status, Status::UrgentCare, "{flag}");
        let care = a.verdict.care.unwrap();
        assert_eq!(care.level, CareLevel::Urgent);
        assert!(care.who.contains("today"));
    }
}

#[test]
fn numbness_getting_worse_with_back_pain_is_urgent() {
    let checkins = vec![
        at(began(felt(0, 1), Onset::After), &[Spot::Toes]),
        fine(2),
        flagged(
            at(began(felt(4, 1), Onset::After), &[Spot::Calf]),
            Flag::BackPain,
        ),
    ];
    let care = care_on(checkins, 4).unwrap();
    assert_eq!(care.level, CareLevel::Urgent);
    assert_eq!(care.pattern, Pattern::WorseWithBackPain);
}

#[test]
fn a_booked_episode_that_turns_urgent_says_so() {
    let checkins = vec![
        flagged(felt(0, 1), Flag::SharpPain),
        fine(1),
        flagged(fine(3), Flag::Weakness),
    ];
    let care = care_on(checkins, 3).unwrap();
    assert_eq!(care.level, CareLevel::Urgent);
    assert_eq!(care.since, day(0), "the episode began with the first sign");
    assert!(care.why.iter().any(|w| w.contains("Mon 23 Nov")));
    assert!(care.why.iter().any(|w| w.contains("Thu 26 Nov")));
}

// Book a clinician: patterns over the journal.

#[test]
fn a_week_of_numbness_that_took_hours_to_clear_with_one_clear_day_books_a_clinician() {
    let mut checkins: Vec<CheckIn> = (0..7)
        .filter(|d| *d != 3)
        .map(|d| cleared(began(felt(d, 1), Onset::After), Cleared::Hours))
        .collect();
    checkins.push(fine(3));
    let a = assess_with(&[], checkins, vec![], 6);
    assert_eq!(a.verdict.status, Status::SeekCare);
    assert_eq!(a.verdict.care.unwrap().pattern, Pattern::NotResolved);
}

#[test]
fn severity_rising_week_after_week_with_clear_days_between_books_a_clinician() {
    let checkins = vec![
        began(felt(1, 1), Onset::After),
        fine(2),
        fine(4),
        fine(7),
        began(felt(8, 2), Onset::After),
        fine(10),
        fine(14),
        began(felt(15, 3), Onset::After),
    ];
    let care = care_on(checkins.clone(), 15).unwrap();
    assert_eq!(care.pattern, Pattern::Worsening);
    assert!(
        care.why[0].contains("Tue 24 Nov") && care.why[0].contains("Tue 8 Dec"),
        "{:?}",
        care.why
    );
    // Before the third step it was not yet a pattern.
    assert!(care_on(checkins[..6].to_vec(), 10).is_none());
}

#[test]
fn numbness_spreading_from_the_toes_to_the_whole_foot_to_the_calf_books_a_clinician() {
    let checkins = vec![
        at(began(felt(0, 1), Onset::After), &[Spot::Toes]),
        fine(2),
        at(began(felt(5, 1), Onset::After), &[Spot::WholeFoot]),
    ];
    let care = care_on(checkins, 5).unwrap();
    assert_eq!(care.pattern, Pattern::Spreading);
    assert!(care.why[0].contains("toes") && care.why[0].contains("whole foot"));
}

#[test]
fn numbness_moving_from_one_side_to_both_books_a_clinician() {
    let checkins = vec![
        side(began(felt(0, 1), Onset::After), Side::Left),
        fine(3),
        side(began(felt(9, 1), Onset::After), Side::Both),
    ];
    assert_eq!(pattern_on(checkins, 9), Some(Pattern::Spreading));
}

#[test]
fn numbness_that_keeps_coming_back_after_a_step_back_books_a_clinician() {
    let (plan, _) = plan();
    let mut checkins = runs_done(&plan, 0, 0);
    checkins.push(began(felt(2, 2), Onset::During));
    checkins.extend([fine(7), fine(8)]);
    checkins.push(began(felt(10, 2), Onset::During));
    let care = care_on(checkins, 10).unwrap();
    assert_eq!(care.pattern, Pattern::KeepsComingBack);
    assert!(care.why[0].contains("Thu 3 Dec") && care.why[0].contains("Wed 25 Nov"));
}

#[test]
fn the_exertional_pattern_over_two_weeks_sends_to_a_sports_doctor() {
    let run = |d: u64, minute: u32| {
        let mut c = cleared(began(felt(d, 1), Onset::During), Cleared::Quickly);
        c.minutes = Some(minute);
        c.spots = vec![Spot::Calf];
        c
    };
    let checkins = vec![
        run(0, 20),
        fine(1),
        run(2, 22),
        fine(3),
        run(7, 19),
        run(11, 21),
    ];
    let a = assess_with(&[], checkins, vec![], 11);
    let care = a.verdict.care.unwrap();
    assert_eq!(care.pattern, Pattern::Exertional);
    assert_eq!(care.who, "a sports medicine doctor");
    assert!(
        care.what_to_do()
            .iter()
            .any(|l| l.contains("Do not run through it"))
    );
    // A single week of it is not yet the pattern.
    let one_week = vec![run(0, 20), run(2, 22), run(4, 21)];
    assert!(care_on(one_week, 4).is_none());
}

#[test]
fn no_feeling_that_has_not_come_back_books_a_clinician_at_once() {
    let c = cleared(began(felt(3, 3), Onset::During), Cleared::NotYet);
    assert_eq!(pattern_on(vec![c], 3), Some(Pattern::NoFeeling));
}

#[test]
fn numbness_that_began_at_rest_and_has_not_cleared_books_a_clinician_at_once() {
    let c = cleared(began(felt(3, 1), Onset::Rest), Cleared::NotYet);
    assert_eq!(pattern_on(vec![c], 3), Some(Pattern::AtRest));
    let settled = cleared(began(felt(3, 1), Onset::Rest), Cleared::Quickly);
    assert_eq!(pattern_on(vec![settled], 3), None);
}

#[test]
fn both_feet_at_rest_send_the_runner_to_a_gp_for_blood_tests() {
    let c = cleared(
        side(began(felt(3, 1), Onset::Night), Side::Both),
        Cleared::Quickly,
    );
    let care = care_on(vec![c], 3).unwrap();
    assert_eq!(care.pattern, Pattern::BothFeet);
    assert!(care.who.contains("GP") && care.who.contains("B12"));
}

#[test]
fn sole_numbness_at_night_twice_sends_to_an_orthopedist_or_podiatrist() {
    let night = |d| {
        cleared(
            at(began(felt(d, 1), Onset::Night), &[Spot::Sole]),
            Cleared::Quickly,
        )
    };
    let care = care_on(vec![night(1), fine(2), night(8)], 8).unwrap();
    assert_eq!(care.pattern, Pattern::SoleAtNight);
    assert!(care.who.contains("podiatrist"));
}

#[test]
fn numbness_between_the_toes_twice_sends_to_a_podiatrist() {
    let toes = |d| {
        cleared(
            at(began(felt(d, 1), Onset::During), &[Spot::BetweenToes]),
            Cleared::Quickly,
        )
    };
    assert_eq!(care_on(vec![toes(1)], 1), None);
    let care = care_on(vec![toes(1), fine(3), toes(12)], 12).unwrap();
    assert_eq!(care.pattern, Pattern::BetweenToes);
    assert_eq!(care.who, "a podiatrist or an orthopedist");
}

#[test]
fn numbness_easing_on_sitting_or_bending_twice_sends_to_a_gp_or_spine_clinician() {
    let bent = |d| {
        let mut c = cleared(began(felt(d, 1), Onset::During), Cleared::Quickly);
        c.eased_by = vec![Ease::SittingOrBending];
        c
    };
    assert_eq!(care_on(vec![bent(1)], 1), None);
    let care = care_on(vec![bent(1), fine(2), bent(9)], 9).unwrap();
    assert_eq!(care.pattern, Pattern::EasesSitting);
    assert!(care.who.contains("spine"));
}

#[test]
fn calf_tightness_with_runs_sends_to_a_sports_doctor() {
    let c = flagged(cleared(felt(2, 1), Cleared::Quickly), Flag::CalfTightness);
    let care = care_on(vec![c], 2).unwrap();
    assert_eq!(care.pattern, Pattern::Exertional);
    assert_eq!(care.level, CareLevel::Book);
}

#[test]
fn sharp_pain_skin_colour_or_back_pain_book_a_clinician_as_a_warning_sign() {
    for flag in [Flag::SharpPain, Flag::SkinColour, Flag::BackPain] {
        assert_eq!(
            pattern_on(vec![flagged(fine(1), flag)], 1),
            Some(Pattern::WarningSign),
            "{flag}"
        );
    }
}

// Health context lowers the thresholds.

#[test]
fn with_diabetes_four_days_of_unresolved_numbness_book_a_clinician() {
    let checkins: Vec<CheckIn> = (0..4).map(|d| began(felt(d, 1), Onset::After)).collect();
    assert!(
        assess_with(&[], checkins.clone(), vec![], 3)
            .verdict
            .care
            .is_none()
    );
    let a = assess_with(&[Health::Diabetes], checkins, vec![], 3);
    assert_eq!(a.verdict.care.unwrap().pattern, Pattern::NotResolved);
}

#[test]
fn with_diabetes_numbness_in_both_feet_books_a_gp_whatever_the_onset() {
    let c = cleared(
        side(began(felt(2, 1), Onset::During), Side::Both),
        Cleared::Quickly,
    );
    assert!(
        assess_with(&[], vec![c.clone()], vec![], 2)
            .verdict
            .care
            .is_none()
    );
    let a = assess_with(&[Health::Diabetes], vec![c], vec![], 2);
    assert_eq!(a.verdict.care.unwrap().pattern, Pattern::BothFeet);
}

#[test]
fn diabetes_adds_a_daily_foot_check_even_on_a_quiet_day() {
    let a = assess_with(&[Health::Diabetes], vec![fine(0)], vec![], 0);
    assert!(
        a.verdict
            .advice
            .iter()
            .any(|l| l.contains("Check both feet every day"))
    );
}

#[test]
fn with_a_history_of_back_trouble_one_check_in_eased_by_sitting_books_a_clinician() {
    let mut c = cleared(began(felt(1, 1), Onset::During), Cleared::Quickly);
    c.eased_by = vec![Ease::SittingOrBending];
    let a = assess_with(&[Health::BackHistory], vec![c], vec![], 1);
    assert_eq!(a.verdict.care.unwrap().pattern, Pattern::EasesSitting);
}

// What stays out of care.

#[test]
fn the_lace_pattern_stays_on_track_with_lacing_advice() {
    let lace = |d| {
        let mut c = cleared(
            at(began(felt(d, 1), Onset::During), &[Spot::Top]),
            Cleared::Quickly,
        );
        c.eased_by = vec![Ease::LooseningLaces];
        c.minutes = Some(25);
        c
    };
    let checkins = vec![lace(0), lace(2), lace(7), lace(9), lace(14), lace(16)];
    let a = assess_with(&[], checkins, vec![], 16);
    assert_eq!(a.verdict.status, Status::OnTrack);
    assert!(a.verdict.reasons[0].contains("lacing matter"));
    assert!(a.verdict.advice.iter().any(|l| l.contains("window lacing")));
}

#[test]
fn a_first_tingle_that_clears_quickly_is_on_track() {
    let c = cleared(
        at(began(felt(2, 1), Onset::During), &[Spot::Toes]),
        Cleared::Quickly,
    );
    let a = assess_with(&[], vec![fine(0), c], vec![], 2);
    assert_eq!(a.verdict.status, Status::OnTrack);
}

// An open question holds the plan.

#[test]
fn numbness_not_cleared_then_silence_holds_the_plan_and_asks_how_it_is_now() {
    let (plan, template) = plan();
    let open = cleared(began(felt(6, 1), Onset::After), Cleared::NotYet);
    let checkins = vec![fine(0), fine(2), fine(4), open];
    let a = assess(&plan, &template, &Journal::new(checkins, vec![]), day(10));
    assert_eq!(a.verdict.status, Status::Hold);
    assert!(
        a.verdict
            .reasons
            .iter()
            .any(|r| r.contains("how is it now?"))
    );
    let week = a.current_week(&plan, &template).unwrap();
    assert_eq!(week.run_count(), 0, "runs wait for the answer");
}

#[test]
fn a_symptom_free_check_in_answers_the_open_question() {
    let open = cleared(began(felt(6, 1), Onset::After), Cleared::NotYet);
    let a = assess_with(&[], vec![fine(0), open.clone(), fine(9)], vec![], 10);
    assert_ne!(a.verdict.status, Status::Hold);
    let still = assess_with(
        &[],
        vec![fine(0), open, began(felt(9, 1), Onset::After)],
        vec![],
        10,
    );
    assert_eq!(
        still.verdict.status,
        Status::Hold,
        "numbness again is no answer"
    );
}

// Clearances.

#[test]
fn a_clearance_lifts_care_the_day_it_is_recorded() {
    let checkins = vec![flagged(felt(2, 1), Flag::SharpPain)];
    let a = assess_with(&[], checkins, vec![clearance(5)], 5);
    assert!(!a.verdict.status.is_care());
    assert!(
        a.verdict
            .reasons
            .iter()
            .any(|r| r.contains("Cleared by a clinician"))
    );
    assert!(
        a.verdict
            .reasons
            .iter()
            .any(|r| r == "No check-ins since the clearance yet."),
        "the week's check-ins are covered, not missing: {:?}",
        a.verdict.reasons
    );
}

#[test]
fn a_red_flag_recorded_after_a_same_day_clearance_is_judged_afresh() {
    let mut weak = flagged(fine(5), Flag::Weakness);
    weak.seq = 10;
    let earlier = Clearance {
        seq: 5,
        ..clearance(5)
    };
    let checkins = vec![flagged(felt(2, 1), Flag::SharpPain), weak];
    let a = assess_with(&[], checkins, vec![earlier], 5);
    assert_eq!(a.verdict.status, Status::UrgentCare);
}

#[test]
fn a_check_in_recorded_before_a_same_day_clearance_is_covered_by_it() {
    let mut sharp = flagged(felt(5, 1), Flag::SharpPain);
    sharp.seq = 3;
    let later = Clearance {
        seq: 4,
        ..clearance(5)
    };
    let a = assess_with(&[], vec![sharp], vec![later], 5);
    assert!(!a.verdict.status.is_care());
}

#[test]
fn after_a_clearance_the_rules_start_afresh_and_a_new_week_of_numbness_books_again() {
    let hours = |d| cleared(began(felt(d, 1), Onset::After), Cleared::Hours);
    let mut checkins: Vec<CheckIn> = (0..7).map(hours).collect();
    checkins.extend([fine(9), fine(10)]);
    // Two days after the clearance: not a week yet.
    checkins.extend((12..14).map(hours));
    let a = assess_with(&[], checkins.clone(), vec![clearance(8)], 13);
    assert!(!a.verdict.status.is_care(), "{:?}", a.verdict);
    // Numbness that goes on after it: care again, a new episode opened
    // after the clearance and citing only check-ins after it.
    checkins.extend((14..19).map(hours));
    let a = assess_with(&[], checkins, vec![clearance(8)], 18);
    let care = a.verdict.care.unwrap();
    assert!(care.since > day(8), "{}", care.since);
    assert!(
        care.why.iter().all(|w| !w.contains("23 Nov")),
        "{:?}",
        care.why
    );
}

// Under care, what is prescribed.

#[test]
fn urgent_care_prescribes_no_exercise_at_all() {
    let (plan, template) = plan();
    let journal = Journal::new(vec![flagged(fine(2), Flag::Weakness)], vec![]);
    let a = assess(&plan, &template, &journal, day(3));
    let week = a.current_week(&plan, &template).unwrap();
    for d in week.days.iter().filter(|d| d.date >= day(2)) {
        assert_eq!(d.sessions, vec![Session::Rest], "{}", d.date);
        assert!(d.habits.is_empty());
    }
    assert!(a.verdict.advice.is_empty(), "{:?}", a.verdict.advice);
}

#[test]
fn while_runs_are_suspended_no_running_advice_is_given() {
    let mut c = flagged(
        at(began(felt(2, 2), Onset::During), &[Spot::Toes]),
        Flag::SharpPain,
    );
    c.minutes = Some(15);
    let a = assess_with(&[], vec![c], vec![], 2);
    assert!(a.verdict.status.is_care());
    assert!(a.verdict.advice.is_empty(), "{:?}", a.verdict.advice);
}

#[test]
fn one_minute_advice_line_gives_the_earliest_minute() {
    let run = |d, minute| {
        let mut c = cleared(
            at(began(felt(d, 1), Onset::During), &[Spot::Toes]),
            Cleared::Quickly,
        );
        c.minutes = Some(minute);
        c
    };
    let a = assess_with(&[], vec![run(0, 25), run(2, 15)], vec![], 2);
    let minute_lines: Vec<&String> = a
        .verdict
        .advice
        .iter()
        .filter(|l| l.contains("minutes in"))
        .collect();
    assert_eq!(minute_lines.len(), 1, "{:?}", a.verdict.advice);
    assert!(minute_lines[0].contains("15 minutes"));
}

#[test]
fn every_care_sentence_speaks_of_the_check_ins_not_of_you() {
    let checkins = vec![
        flagged(felt(0, 1), Flag::SharpPain),
        flagged(fine(1), Flag::Weakness),
    ];
    let care = care_on(checkins, 1).unwrap();
    for sentence in &care.why {
        assert!(!sentence.to_lowercase().contains("you"), "{sentence}");
    }
}

#[test]
fn right_after_a_clearance_the_next_week_is_projected_one_stage_back() {
    let (plan, template) = plan();
    let mut checkins = runs_done(&plan, 0, 0);
    checkins.extend(runs_done(&plan, 1, 1));
    checkins.push(flagged(felt(15, 1), Flag::SharpPain));
    let journal = Journal::new(checkins, vec![clearance(16)]);
    let a = assess(&plan, &template, &journal, day(16));
    assert!(!a.verdict.status.is_care());
    assert_eq!(a.weeks[2].stage, 2, "week 3 runs stage 3");
    assert_eq!(a.next.stage, Some(2), "stage 2 next week, one stage back");
}
