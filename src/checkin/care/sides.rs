//! Which sides numbness was on, as a later episode compares with the care
//! a clearance closed.

use super::event::Event;
use crate::checkin::Side;

/// Left and right, each seen or not (both sides at once is both), and
/// whether any was on a side not said.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SideSet {
    pub left: bool,
    pub right: bool,
    pub unsaid: bool,
}

impl SideSet {
    /// The sides `events` were on.
    pub fn of<'e, 'a: 'e>(events: impl IntoIterator<Item = &'e Event<'a>>) -> SideSet {
        events
            .into_iter()
            .fold(SideSet::default(), |set, e| match e.side {
                Some(Side::Left) => SideSet { left: true, ..set },
                Some(Side::Right) => SideSet { right: true, ..set },
                Some(Side::Both) => SideSet {
                    left: true,
                    right: true,
                    ..set
                },
                None => SideSet {
                    unsaid: true,
                    ..set
                },
            })
    }

    /// Whether the set with `side` added holds, or may hold, both sides:
    /// left and right, or a side said beside one not said (the careful
    /// reading: the clinician's twentieth review, weakness with no side and
    /// then in the left leg was urgent, not both legs). It only grows as
    /// the set does, so one more check-in in the set never makes a later
    /// one milder (DESIGN §4 P5; "a side the set does not hold" did: a
    /// both-sides check-in before a clearance hid a one-side one after it,
    /// the twenty-second session).
    pub fn both_with(self, side: Option<Side>) -> bool {
        let Some(side) = side else {
            return false;
        };
        let all = SideSet::of_side(side).union(self);
        (all.left && all.right) || (all.unsaid && (all.left || all.right))
    }

    fn of_side(side: Side) -> SideSet {
        SideSet {
            left: side != Side::Right,
            right: side != Side::Left,
            unsaid: false,
        }
    }

    fn union(self, other: SideSet) -> SideSet {
        SideSet {
            left: self.left || other.left,
            right: self.right || other.right,
            unsaid: self.unsaid || other.unsaid,
        }
    }
}
