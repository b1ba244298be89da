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

    /// Whether `side` is, or may be, one not in the set: a side the set
    /// does not hold, or any side said when the set holds only sides not
    /// said (the careful reading: the clinician's twentieth review, weakness
    /// with no side and then in the left leg was urgent, not both legs).
    pub fn other_than(self, side: Option<Side>) -> bool {
        let unsaid_only = self.unsaid && !self.left && !self.right;
        match side {
            Some(Side::Left) => (self.right && !self.left) || unsaid_only,
            Some(Side::Right) => (self.left && !self.right) || unsaid_only,
            Some(Side::Both) => self.left != self.right || unsaid_only,
            None => false,
        }
    }
}
