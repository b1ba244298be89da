//! Measures of where the open episode reached: further up the leg, the
//! other side, both legs (at once or in turn).

use super::super::event::{Event, Reach};
use super::{Measures, SIX_WEEKS};
use crate::checkin::Side;

impl<'a> Measures<'_, 'a> {
    /// The latest check-in of the episode reaching the whole foot or
    /// further up than any before it on the same leg, with the furthest
    /// placed one before it, the latest of those (a place already reached in
    /// the episode is not spreading: the clinician's twentieth review; "at
    /// the toes …, then at the thigh" hid the calf reached twice in
    /// between: the twenty-first).
    pub fn spread_further(&self) -> Option<(&Event<'a>, &Event<'a>)> {
        let placed = |e: &&Event| e.symptomatic() && e.extent.reach() > Reach::None;
        self.episode.iter().enumerate().rev().find_map(|(i, to)| {
            if !placed(&to) || to.extent.reach() < Reach::WholeFoot {
                return None;
            }
            let before = self.episode[..i]
                .iter()
                .filter(placed)
                .filter(|e| e.same_leg_as(to));
            if before
                .clone()
                .any(|e| e.extent.reach() >= to.extent.reach())
            {
                return None;
            }
            before
                .max_by_key(|e| e.extent.reach())
                .map(|from| (from, to))
        })
    }

    /// The episode reached the whole foot or further up after an earlier
    /// check-in that named a place: spreading, or widespread again (the
    /// upward closure of "further up than before"). The earlier event and
    /// the one that reached it.
    pub fn spread_up(&self) -> Option<(&Event<'a>, &Event<'a>)> {
        let placed: Vec<&Event> = self
            .episode
            .iter()
            .filter(|e| e.symptomatic() && e.extent.reach() > Reach::None)
            .collect();
        // The latest that reached the whole foot or further, and the first
        // before it that could be the same leg.
        placed.iter().enumerate().rev().find_map(|(i, later)| {
            if later.extent.reach() < Reach::WholeFoot {
                return None;
            }
            let first = placed[..i].iter().find(|e| e.same_leg_as(later))?;
            Some((*first, *later))
        })
    }

    /// The episode moved sides: the first event with a side and the first
    /// later one on another (one side then the other or both, or both and
    /// then one: said first as both, the pattern is no milder than said
    /// first as one side, DESIGN.md §4 P5).
    pub fn other_side(&self) -> Option<(&Event<'a>, &Event<'a>)> {
        self.other_side_where(|_| true)
    }

    /// As [`Measures::other_side`], with one of the two at least `strong`:
    /// the first such pair, any earlier check-in with a side paired with
    /// any later one on another, so more symptoms only add pairs.
    pub fn other_side_where(
        &self,
        strong: impl Fn(&Event) -> bool,
    ) -> Option<(&Event<'a>, &Event<'a>)> {
        // (The lace pattern on one foot, then the other: both shoes, not
        // both nerves.)
        let sided: Vec<&Event> = self
            .episode
            .iter()
            .filter(|e| e.symptomatic() && !e.lace_pattern() && e.side.is_some())
            .collect();
        sided.iter().enumerate().find_map(|(i, first)| {
            sided[i + 1..]
                .iter()
                .find(|e| e.day > first.day && e.side != first.side && (strong(first) || strong(e)))
                .map(|other| (*first, *other))
        })
    }

    /// The leg above the ankle numb on both sides, at once or one side after
    /// the other within the episode.
    pub fn both_legs(&self) -> Option<&Event<'a>> {
        self.legs()
            .find(|e| e.both_sides())
            .or_else(|| self.legs_in_turn().map(|(_, later)| later))
    }

    /// The leg above the ankle numb on one side and then on the other
    /// within the last six weeks (in days) since the last clearance (not only the
    /// episode: a runner nobody has seen is not judged more mildly than one
    /// cleared between the two, `after_the_other_leg_cleared`; the
    /// clinician's twelfth review; counted in days, so a pair closer
    /// together never escapes where one further apart does, the
    /// thirteenth): the first event of each side, earlier first.
    pub fn legs_in_turn(&self) -> Option<(&Event<'a>, &Event<'a>)> {
        self.legs_in_turn_where(|_| true)
    }

    /// As [`Measures::legs_in_turn`], with one side at least `strong` (a
    /// calf tingle on each side that each went in minutes on a run, and
    /// nothing more, is not the red flag: the clinician's twentieth review).
    pub fn legs_in_turn_where(
        &self,
        strong: impl Fn(&Event) -> bool,
    ) -> Option<(&Event<'a>, &Event<'a>)> {
        let legs = || {
            self.so_far
                .iter()
                .filter(|e| e.day > self.day - SIX_WEEKS && e.symptomatic() && e.in_leg())
        };
        let first = |side: Side, strong_only: bool| {
            legs().find(|e| e.side == Some(side) && (!strong_only || strong(e)))
        };
        let (left, right) = match (first(Side::Left, true), first(Side::Right, true)) {
            (Some(left), Some(right)) => (left, right),
            (Some(left), None) => (left, first(Side::Right, false)?),
            (None, Some(right)) => (first(Side::Left, false)?, right),
            (None, None) => return None,
        };
        Some(if left.day > right.day {
            (right, left)
        } else {
            (left, right)
        })
    }

    fn legs(&self) -> impl Iterator<Item = &Event<'a>> {
        self.episode
            .iter()
            .filter(|e| e.symptomatic() && e.in_leg())
    }
}
