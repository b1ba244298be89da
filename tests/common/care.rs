//! Journals as the care rules' tests write them: check-ins built a field at
//! a time, and the care a journal gets (tests/care_rules*.rs).
#![allow(dead_code)]

use super::common::*;
use comeback::checkin::{
    Assessment, Care, CareLevel, CheckIn, Clearance, Cleared, Ease, Flag, Health, Journal,
    Numbness, Onset, SessionDone, Side, Spot, When, assess,
};
use comeback::plan::generate;

/// A run done `offset` days after the plan start (Mon 23 Nov 2026) with
/// this numbness level.
pub fn felt(offset: u64, level: u8) -> CheckIn {
    let mut c = fine(offset);
    c.numbness = Numbness::try_from(level).unwrap();
    c
}

/// A rest day with this numbness level.
pub fn resting(offset: u64, level: u8) -> CheckIn {
    CheckIn {
        session: Some(SessionDone::RestDay),
        ..felt(offset, level)
    }
}

/// Numbness during a run on day `offset` at `spots` on `on`, beginning at
/// `at_minute` and gone in `gone` minutes.
pub fn during(
    offset: u64,
    level: u8,
    spots: &[Spot],
    on: Side,
    at_minute: u32,
    gone: u32,
) -> CheckIn {
    let mut c = side(
        minute(
            at(began(felt(offset, level), Onset::During), spots),
            at_minute,
        ),
        on,
    );
    c.cleared_minutes = Some(gone);
    c
}

pub fn at(mut c: CheckIn, spots: &[Spot]) -> CheckIn {
    c.spots = spots.to_vec();
    c
}

pub fn began(mut c: CheckIn, onset: Onset) -> CheckIn {
    c.onset = Some(onset);
    c
}

pub fn minute(mut c: CheckIn, minute: u32) -> CheckIn {
    c.onset = Some(Onset::During);
    c.minutes = Some(minute);
    c
}

pub fn cleared(mut c: CheckIn, how: Cleared) -> CheckIn {
    c.cleared = Some(how);
    c
}

pub fn side(mut c: CheckIn, side: Side) -> CheckIn {
    c.side = Some(side);
    c
}

pub fn flagged(mut c: CheckIn, flag: Flag) -> CheckIn {
    c.flags.push(flag);
    c.flags.sort();
    c
}

pub fn eased(mut c: CheckIn, ease: Ease) -> CheckIn {
    c.eased_by.push(ease);
    c
}

/// A quick tingle at the toes during a run.
pub fn tingle(offset: u64) -> CheckIn {
    cleared(
        at(began(felt(offset, 1), Onset::During), &[Spot::Toes]),
        Cleared::Quickly,
    )
}

/// A clearance recorded after everything of its day.
pub fn clearance(offset: u64) -> Clearance {
    Clearance {
        date: day(offset),
        note: None,
        seq: u64::MAX,
    }
}

/// The assessment on `today` with the runner's health context (applying
/// from the plan's start).
pub fn assess_with(
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

pub fn care_on(checkins: Vec<CheckIn>, today: u64) -> Option<Care> {
    assess_with(&[], checkins, vec![], today).verdict.care
}

pub fn care_with(health: &[Health], checkins: Vec<CheckIn>, today: u64) -> Option<Care> {
    assess_with(health, checkins, vec![], today).verdict.care
}

/// Whether `rule` is among the rules behind the care.
pub fn found(care: &Option<Care>, rule: &str) -> bool {
    care.as_ref()
        .is_some_and(|c| c.rules.iter().any(|r| r == rule))
}

pub fn expect(care: &Option<Care>, level: CareLevel, when: When, rule: &str) {
    let c = care
        .as_ref()
        .unwrap_or_else(|| panic!("no care; expected {rule}"));
    assert_eq!((c.level, c.when), (level, when), "{c:#?}");
    assert!(found(care, rule), "{rule} not in {:?}", c.rules);
}
