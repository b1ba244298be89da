//! The care rules the clinician's twenty-fourth and twenty-fifth reviews
//! reshaped, as journals over weeks: worse while a booking waits but gone
//! within the hour brings the booking forward (urgent is for a deficit
//! that lasts); pins and needles of a cold start, or of the forefoot gone
//! in minutes, are not the neuropathy's or the compartment's pattern.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Cleared, Onset, Side, Spot, Status, When};
use common::*;

fn left(d: u64, spots: &[Spot], gone: u32) -> CheckIn {
    during(d, 1, spots, Side::Left, 30, gone)
}

#[test]
fn toes_then_the_arch_then_the_whole_foot_while_booked_bring_the_booking_forward() {
    // The clinician's twenty-fourth review (k30): the left toes, then the
    // toes and arch (booked: spreading), then the whole foot and ankle,
    // each a tingle gone within half an hour. Sent to an emergency
    // department before; spreading within one foot is a booking trigger.
    let mut journal = vec![
        fine(0),
        left(1, &[Spot::Toes], 5),
        fine(4),
        left(9, &[Spot::Toes, Spot::Arch], 20),
    ];
    expect(
        &care_on(journal.clone(), 9),
        CareLevel::Book,
        When::OneWeek,
        "spreading_in_the_foot",
    );
    journal.extend([fine(12), left(19, &[Spot::WholeFoot, Spot::Ankle], 25)]);
    let care = care_on(journal.clone(), 19);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "worse_while_booked_but_settled",
    );
    let c = care.expect("care");
    assert_eq!(
        c.who,
        "an orthopedist, a physical therapist or a sports doctor"
    );
    assert!(
        c.why[0].contains("spreading further than before"),
        "{:?}",
        c.why
    );
    // Five days on, the same foot numb for hours: a deficit that lasts is
    // urgent, with the GP.
    let mut slow = left(24, &[Spot::WholeFoot, Spot::Ankle], 30);
    slow.cleared_minutes = None;
    slow.cleared = Some(Cleared::Hours);
    journal.push(slow);
    let care = care_on(journal, 24);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "progression_while_booked",
    );
    assert_eq!(
        care.map(|c| c.who).as_deref(),
        Some("your GP, or urgent care if your GP cannot see you today")
    );
}

#[test]
fn numbness_not_cleared_twice_while_booked_is_urgent_with_the_gp() {
    // The clinician's twenty-fourth review (k29): the toes tingling at rest
    // and not cleared (booked), a clear day, the same again. DOMAIN §6:
    // not cleared twice while waiting is urgent; the GP, not an emergency
    // department.
    let toes = |d| {
        side(
            cleared(at(resting(d, 1), &[Spot::Toes]), Cleared::NotYet),
            Side::Right,
        )
    };
    let first = side(
        cleared(
            began(at(felt(1, 2), &[Spot::Toes]), Onset::After),
            Cleared::NotYet,
        ),
        Side::Right,
    );
    let care = care_on(vec![fine(0), first.clone(), toes(3)], 3);
    assert_eq!(care.as_ref().map(|c| c.level), Some(CareLevel::Book));
    let care = care_on(vec![fine(0), first, toes(3), fine(4), toes(5)], 5);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "progression_while_booked",
    );
    let c = care.expect("care");
    assert_eq!(
        c.who,
        "your GP, or urgent care if your GP cannot see you today"
    );
    assert!(c.why[0].contains("not cleared again"), "{:?}", c.why);
}

#[test]
fn tingles_in_both_feet_at_a_cold_start_gone_in_minutes_hold_and_a_third_week_books() {
    // The clinician's twenty-fourth review (k18): both feet's toes at
    // minute 3 on cold mornings, gone in 5 minutes. Pins and needles of a
    // cold start that go as the runner warms up are brief and harmless
    // (NHS "Pins and needles"; DOMAIN §6): a hold, twice in two weeks
    // running too. A third week of them keeps coming back: booked.
    let cold = |d| during(d, 1, &[Spot::Toes], Side::Both, 3, 5);
    let journal = vec![fine(0), cold(2), fine(5), cold(11)];
    let a = assess_on(journal.clone(), &[], 11);
    assert_eq!(a.verdict.status, Status::Hold, "{:#?}", a.verdict);
    assert!(
        a.verdict.reasons.join(" ").contains("tell a clinician"),
        "{:?}",
        a.verdict.reasons
    );
    let mut third = journal;
    third.extend([fine(14), cold(18)]);
    let care = care_on(third, 18);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "symptoms_in_three_weeks_of_six",
    );
    // The same tingles at minute 10 are no cold start: twice books the GP.
    let later = |d| during(d, 1, &[Spot::Toes], Side::Both, 10, 5);
    expect(
        &care_on(vec![fine(0), later(2), fine(5), later(11)], 11),
        CareLevel::Book,
        When::OneWeek,
        "both_feet_again_or_at_rest",
    );
}

#[test]
fn quick_tingles_of_the_forefoot_at_one_minute_are_booked_as_coming_back_not_the_compartment() {
    // The clinician's twenty-fourth review (k32) and twenty-fifth (F4):
    // toe tingles at minute 25, gone within 15 minutes, three runs over two
    // weeks. The compartment's numbness comes with the lower leg or the top
    // of the foot and takes 10–30 minutes to settle (Mayo CECS): these are
    // booked within a week as coming back. With a tight calf, or at the
    // shin, the same runs are the exertional pattern.
    let toes = |d| during(d, 1, &[Spot::Toes], Side::Right, 25, 5);
    let care = care_on(vec![fine(0), toes(1), toes(7), toes(13)], 13);
    assert!(!found(&care, "exertional_pattern"), "{care:#?}");
    assert_eq!(
        care.as_ref().map(|c| (c.level, c.when, c.who.as_str())),
        Some((
            CareLevel::Book,
            When::OneWeek,
            "an orthopedist, a physical therapist or a sports doctor"
        ))
    );
    let shin = |d| during(d, 1, &[Spot::Shin], Side::Right, 25, 5);
    expect(
        &care_on(vec![fine(0), shin(1), shin(7), shin(13)], 13),
        CareLevel::Book,
        When::TwoWorkingDays,
        "exertional_pattern",
    );
}
