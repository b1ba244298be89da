//! Which sides numbness was on, as a later episode compares with the care
//! a clearance closed.

use super::event::Event;
use crate::checkin::Side;

/// Left and right, each seen or not (both sides at once is both).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SideSet {
    pub left: bool,
    pub right: bool,
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
                },
                None => set,
            })
    }

    /// Whether `side` is one not in the set, when the set has one.
    pub fn other_than(self, side: Option<Side>) -> bool {
        match side {
            Some(Side::Left) => self.right && !self.left,
            Some(Side::Right) => self.left && !self.right,
            Some(Side::Both) => self.left != self.right,
            None => false,
        }
    }
}
