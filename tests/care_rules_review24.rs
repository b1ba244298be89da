//! The care rules the clinician's twenty-fourth review reshaped: numbness
//! that had not cleared keeps its question open however long the silence;
//! tingles that held the plan two weeks running book a clinician when a
//! tingle in the week before shows they are no single spell.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Cleared, Onset, Side, Spot, Status, When};
use common::*;

#[test]
fn numbness_not_cleared_and_then_silence_holds_and_asks_however_many_weeks_pass() {
    // Partly numb after a run, not cleared, then nothing: an open question,
    // never good news (DOMAIN §6, "not cleared, then silence").
    let numb = cleared(
        began(at(felt(1, 2), &[Spot::Toes, Spot::Ball]), Onset::After),
        Cleared::NotYet,
    );
    for today in [8, 28, 29, 60, 120] {
        let a = assess_on(vec![fine(0), numb.clone()], &[], today);
        assert_eq!(
            a.verdict.status,
            Status::Hold,
            "day {today}: {:#?}",
            a.verdict
        );
        let why = a.verdict.reasons.join(" ");
        assert!(why.contains("how is it now?"), "day {today}: {why}");
    }
    // A symptom-free check-in answers it.
    let answered = assess_on(vec![fine(0), numb, fine(40)], &[], 41);
    assert!(
        !answered
            .verdict
            .reasons
            .join(" ")
            .contains("how is it now?"),
        "{:#?}",
        answered.verdict
    );
}

/// A tingle at the right toes at minute 25 of a run, gone in 5 minutes.
fn toes(d: u64) -> CheckIn {
    during(d, 1, &[Spot::Toes], Side::Right, 25, 5)
}

#[test]
fn tingles_that_held_two_weeks_running_after_one_the_week_before_book_whatever_the_last_gap() {
    // Tue, Wed of the next week, then Tue (6 days on) or Wed (7 days on) of
    // the week after: "keeps coming back" either way (NHS "Pins and
    // needles"; Mayo "Numbness"); a fourth tingle between never eases it.
    for days in [vec![1, 9, 15], vec![1, 9, 16], vec![1, 9, 13, 15]] {
        let last = *days.last().expect("days");
        let journal = std::iter::once(fine(0)).chain(days.iter().map(|d| toes(*d)));
        let care = care_on(journal.collect(), last);
        expect(
            &care,
            CareLevel::Book,
            When::OneWeek,
            "held_two_weeks_running",
        );
    }
}

#[test]
fn tingles_on_three_days_in_a_row_over_a_monday_are_one_spell_and_hold() {
    // Sat, Sun, Mon: two plan weeks held, but one spell of symptoms (the
    // clinician's sixth review).
    let care = care_on(vec![fine(0), toes(12), toes(13), toes(14)], 14);
    assert!(!found(&care, "held_two_weeks_running"), "{care:#?}");
}
