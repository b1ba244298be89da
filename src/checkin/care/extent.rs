//! How far up the leg a check-in reaches, and which parts of it it names:
//! the extent classes of step 1 of the care pipeline (DESIGN §4 v3: three
//! or more places of the foot are the whole foot).

use crate::checkin::Spot;

/// How far up the leg, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    None,
    PartOfFoot,
    WholeFoot,
    Ankle,
    LowerLeg,
    Thigh,
    Buttock,
}

/// The parts of the leg an event names, as bits: forefoot (toes, between
/// the toes, ball), midfoot (arch, top, sole), hindfoot (heel), whole foot,
/// ankle, lower leg (shin, calf), thigh, buttock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Extent(u8);

impl Extent {
    pub const FOREFOOT: u8 = 1;
    pub const MIDFOOT: u8 = 1 << 1;
    pub const HINDFOOT: u8 = 1 << 2;
    pub const WHOLE_FOOT: u8 = 1 << 3;
    pub const ANKLE: u8 = 1 << 4;
    pub const LOWER_LEG: u8 = 1 << 5;
    pub const THIGH: u8 = 1 << 6;
    pub const BUTTOCK: u8 = 1 << 7;
    const FOOT: u8 = Self::FOREFOOT | Self::MIDFOOT | Self::HINDFOOT | Self::WHOLE_FOOT;

    /// DESIGN §4: whole foot when said, or when three or more of the foot's
    /// places are named, or all three parts of it (the sole alone is all
    /// three).
    pub fn of(spots: &[Spot]) -> Extent {
        let mut bits = 0u8;
        let mut foot_places = 0;
        for spot in spots {
            let (area, foot) = match spot {
                Spot::Toes | Spot::BetweenToes | Spot::Ball => (Self::FOREFOOT, true),
                Spot::Arch | Spot::Top => (Self::MIDFOOT, true),
                // The sole is the ball, the arch and the heel: said as one
                // place or as three, the same extent (DESIGN §4 P2).
                Spot::Sole => (Self::FOREFOOT | Self::MIDFOOT | Self::HINDFOOT, true),
                Spot::Heel => (Self::HINDFOOT, true),
                Spot::WholeFoot => (Self::WHOLE_FOOT, true),
                Spot::Ankle => (Self::ANKLE, false),
                Spot::Shin | Spot::Calf => (Self::LOWER_LEG, false),
                Spot::Thigh => (Self::THIGH, false),
                Spot::Buttock => (Self::BUTTOCK, false),
            };
            bits |= area;
            foot_places += usize::from(foot);
        }
        let parts = Self::FOREFOOT | Self::MIDFOOT | Self::HINDFOOT;
        if foot_places >= 3 || bits & parts == parts {
            bits |= Self::WHOLE_FOOT;
        }
        Extent(bits)
    }

    #[inline]
    pub fn has(self, bits: u8) -> bool {
        self.0 & bits != 0
    }

    #[inline]
    pub fn union(self, other: Extent) -> Extent {
        Extent(self.0 | other.0)
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    #[inline]
    pub fn overlaps(self, other: Extent) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether the two name a part in common, the whole foot holding each
    /// part of it.
    pub fn shares_a_part(self, other: Extent) -> bool {
        let parts = |e: Extent| {
            if e.has(Self::WHOLE_FOOT) {
                e.0 | Self::FOOT
            } else {
                e.0
            }
        };
        parts(self) & parts(other) != 0
    }

    /// Whether every part this names is in `other` (the whole foot holds
    /// each part of the foot).
    pub fn within(self, other: Extent) -> bool {
        let parts = if other.has(Self::WHOLE_FOOT) {
            other.0 | Self::FOOT
        } else {
            other.0
        };
        self.0 & !parts == 0
    }

    /// The foot, the ankle or the lower leg are named: the numbness is in
    /// the foot or near it.
    #[inline]
    pub fn in_foot(self) -> bool {
        self.has(Self::FOOT)
    }

    /// The lower leg and the thigh or buttock at once: a nerve root's line
    /// down the leg, with the foot or without it (the clinician's
    /// twenty-first review: buttock to calf is as telling as toes to thigh).
    pub fn down_the_leg(self) -> bool {
        self.has(Self::LOWER_LEG) && self.has(Self::THIGH | Self::BUTTOCK)
    }

    /// Foot or ankle, lower leg and thigh (or buttock) all named: the whole
    /// leg.
    pub fn whole_leg(self) -> bool {
        // (The buttock with the foot and the lower leg is the leg as much as
        // the thigh is: numbness from the buttock down, the clinician's
        // twelfth review.)
        self.has(Self::FOOT | Self::ANKLE)
            && self.has(Self::LOWER_LEG)
            && self.has(Self::THIGH | Self::BUTTOCK)
    }

    /// The parts of the foot named (forefoot, midfoot, hindfoot), as bits:
    /// none for the whole foot said as one place.
    pub fn foot_parts(self) -> u8 {
        self.0 & (Self::FOREFOOT | Self::MIDFOOT | Self::HINDFOOT)
    }

    /// Whether this names a part of the leg `other` does not: the foot (any
    /// place of it), the ankle, the lower leg, the thigh or the buttock.
    pub fn names_a_part_beyond(self, other: Extent) -> bool {
        let parts = |e: Extent| {
            let foot = if e.has(Self::FOOT) {
                Self::WHOLE_FOOT
            } else {
                0
            };
            (e.0 & !Self::FOOT) | foot
        };
        parts(self) & !parts(other) != 0
    }

    /// The lowest part named: part of the foot, the whole foot, the ankle,
    /// the lower leg, the thigh, the buttock.
    pub fn lowest(self) -> Reach {
        self.first_named([
            (
                Self::FOREFOOT | Self::MIDFOOT | Self::HINDFOOT,
                Reach::PartOfFoot,
            ),
            (Self::WHOLE_FOOT, Reach::WholeFoot),
            (Self::ANKLE, Reach::Ankle),
            (Self::LOWER_LEG, Reach::LowerLeg),
            (Self::THIGH, Reach::Thigh),
            (Self::BUTTOCK, Reach::Buttock),
        ])
    }

    /// The highest part named.
    pub fn reach(self) -> Reach {
        self.first_named([
            (Self::BUTTOCK, Reach::Buttock),
            (Self::THIGH, Reach::Thigh),
            (Self::LOWER_LEG, Reach::LowerLeg),
            (Self::ANKLE, Reach::Ankle),
            (Self::WHOLE_FOOT, Reach::WholeFoot),
            (Self::FOOT, Reach::PartOfFoot),
        ])
    }

    /// The reach of the first of `order`'s parts this names.
    fn first_named(self, order: [(u8, Reach); 6]) -> Reach {
        order
            .into_iter()
            .find(|(bits, _)| self.has(*bits))
            .map_or(Reach::None, |(_, reach)| reach)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lowest_place_named_is_the_foot_below_the_whole_foot() {
        let e = Extent::of(&[Spot::Toes, Spot::Thigh]);
        assert_eq!((e.lowest(), e.reach()), (Reach::PartOfFoot, Reach::Thigh));
        let e = Extent::of(&[Spot::WholeFoot, Spot::Calf]);
        assert_eq!(e.lowest(), Reach::WholeFoot);
        assert_eq!(Extent::of(&[Spot::Sole]).lowest(), Reach::PartOfFoot);
        assert_eq!(Extent::of(&[]).lowest(), Reach::None);
    }

    #[test]
    fn three_places_of_the_foot_are_the_whole_foot() {
        let e = Extent::of(&[Spot::Toes, Spot::Ball, Spot::BetweenToes]);
        assert_eq!(e.reach(), Reach::WholeFoot);
        let e = Extent::of(&[Spot::Toes, Spot::Arch]);
        assert_eq!(e.reach(), Reach::PartOfFoot);
        let e = Extent::of(&[Spot::Toes, Spot::Arch, Spot::Heel, Spot::Calf]);
        assert_eq!(e.reach(), Reach::LowerLeg);
        assert!(e.has(Extent::WHOLE_FOOT));
    }

    #[test]
    fn a_whole_leg_reaches_from_the_foot_to_the_thigh() {
        assert!(Extent::of(&[Spot::WholeFoot, Spot::Calf, Spot::Thigh]).whole_leg());
        assert!(!Extent::of(&[Spot::Calf, Spot::Thigh]).whole_leg());
        assert!(Extent::of(&[Spot::Calf, Spot::Thigh]).down_the_leg());
        assert!(!Extent::of(&[Spot::Toes, Spot::Thigh]).down_the_leg());
    }
}
