//! Step 1 of the care pipeline: a check-in as a symptom event, normalised —
//! how far the numbness reached, on which side, in what context it began,
//! how long it took to clear (one fact, whether given as words or minutes),
//! and the warning flags with whether they settled. Notes are never read.

use crate::checkin::{CheckIn, Cleared, Ease, Flag, Onset, SessionDone, Side, Spot};

/// Clearing within this many minutes is "quickly" (DESIGN §3: quickly ≤ 15).
pub const QUICK_MINUTES: u32 = 15;
/// Clearing after more than this many minutes is "hours" (DESIGN §3: > 60).
pub const HOURS_AFTER_MINUTES: u32 = 60;

/// How long the symptoms took to go, from the words or the minutes given:
/// each says the same fact, so the rules see one of these and nothing finer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Clear {
    /// Within 15 minutes.
    Quick,
    /// Within the hour.
    Soon,
    /// Over an hour.
    Hours,
    /// Not yet.
    NotYet,
    /// Not said.
    Unknown,
}

impl Clear {
    /// The class of a check-in's clearing. Where an older record holds both
    /// words and minutes that disagree, the longer reading wins.
    pub fn of(cleared: Option<Cleared>, minutes: Option<u32>) -> Clear {
        let by_words = match cleared {
            Some(Cleared::Quickly) => Clear::Quick,
            Some(Cleared::Hours) => Clear::Hours,
            Some(Cleared::NotYet) => Clear::NotYet,
            None => Clear::Unknown,
        };
        let by_minutes = match minutes {
            Some(m) if m <= QUICK_MINUTES => Clear::Quick,
            Some(m) if m <= HOURS_AFTER_MINUTES => Clear::Soon,
            Some(_) => Clear::Hours,
            None => Clear::Unknown,
        };
        match (by_words, by_minutes) {
            (Clear::Unknown, m) => m,
            (w, Clear::Unknown) => w,
            (w, m) => w.max(m),
        }
    }

    /// Gone within the hour.
    #[inline]
    pub fn settled(self) -> bool {
        matches!(self, Clear::Quick | Clear::Soon)
    }

    /// Still there when recorded, or not said: the careful reading.
    #[inline]
    pub fn still_there(self) -> bool {
        matches!(self, Clear::NotYet | Clear::Unknown)
    }

    /// A rank for "getting worse": quick, soon, hours, not yet (unknown sits
    /// with "soon": neither good news nor bad).
    #[inline]
    pub fn rank(self) -> u8 {
        match self {
            Clear::Quick => 0,
            Clear::Soon | Clear::Unknown => 1,
            Clear::Hours => 2,
            Clear::NotYet => 3,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Clear::Quick => "gone within 15 minutes",
            Clear::Soon => "gone within the hour",
            Clear::Hours => "took hours to go",
            Clear::NotYet => "not gone when recorded",
            Clear::Unknown => "how soon it went not said",
        }
    }
}

/// When the symptoms began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// During a run or other exercise, at this minute if known.
    During(Option<u32>),
    After,
    Rest,
    Night,
    /// Not said: counted as during exercise (the careful reading for a step
    /// back), and on a day without a run (`true`: a rest day, or its run
    /// skipped) as at rest too, each rule taking the reading that is
    /// stricter for it (the clinician's twentieth review: a thigh still
    /// numb on a rest day, its start not said, was booked, not an
    /// emergency).
    Unknown(bool),
}

impl Context {
    fn of(onset: Option<Onset>, minutes: Option<u32>, no_run: bool) -> Context {
        match onset {
            Some(Onset::During) => Context::During(minutes),
            Some(Onset::After) => Context::After,
            Some(Onset::Rest) => Context::Rest,
            Some(Onset::Night) => Context::Night,
            None => Context::Unknown(no_run),
        }
    }

    /// With load: during or after exercise (or not said).
    #[inline]
    pub fn with_load(self) -> bool {
        !matches!(self, Context::Rest | Context::Night)
    }

    /// At rest or at night (or not said on a day without a run).
    #[inline]
    pub fn at_rest(self) -> bool {
        matches!(
            self,
            Context::Rest | Context::Night | Context::Unknown(true)
        )
    }

    pub fn words(self) -> &'static str {
        match self {
            Context::During(_) => "during the run",
            Context::After => "after the run",
            Context::Rest => "at rest",
            Context::Night => "at night",
            Context::Unknown(_) => "(when it began not said)",
        }
    }
}

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

    /// The highest part named.
    pub fn reach(self) -> Reach {
        [
            (Self::BUTTOCK, Reach::Buttock),
            (Self::THIGH, Reach::Thigh),
            (Self::LOWER_LEG, Reach::LowerLeg),
            (Self::ANKLE, Reach::Ankle),
            (Self::WHOLE_FOOT, Reach::WholeFoot),
            (Self::FOOT, Reach::PartOfFoot),
        ]
        .into_iter()
        .find(|(bits, _)| self.has(*bits))
        .map_or(Reach::None, |(_, reach)| reach)
    }
}

/// One notable check-in (numbness or a flag) as the rules read it.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    pub checkin: &'a CheckIn,
    /// Days since 1970-01-01.
    pub day: i32,
    /// 0 none (flags only), 1 tingling, 2 partly numb, 3 no feeling.
    pub severity: u8,
    pub extent: Extent,
    pub side: Option<Side>,
    pub context: Context,
    pub clear: Clear,
    /// The check-in was a run done or cut short.
    pub run: bool,
}

impl<'a> Event<'a> {
    /// The event of a check-in, or `None` for a quiet one.
    pub fn of(checkin: &'a CheckIn) -> Option<Event<'a>> {
        if !checkin.is_notable() {
            return None;
        }
        Some(Event {
            checkin,
            day: checkin.date.to_epoch_days(),
            severity: checkin.numbness.level(),
            extent: Extent::of(&checkin.spots),
            side: checkin.side,
            context: Context::of(checkin.onset, checkin.minutes, no_run(checkin)),
            clear: Clear::of(checkin.cleared, checkin.cleared_minutes),
            run: matches!(
                checkin.session,
                Some(SessionDone::Done | SessionDone::Partial)
            ),
        })
    }

    #[inline]
    pub fn symptomatic(&self) -> bool {
        self.severity > 0
    }

    /// Whether the exercise of the day was not a run: its run skipped, or a
    /// rest day (a walk).
    pub fn no_run(&self) -> bool {
        no_run(self.checkin)
    }

    /// When it began, in words: on a day whose run was skipped or a rest
    /// day, the exercise was not a run ("during exercise").
    pub fn when_words(&self) -> &'static str {
        let no_run = self.no_run();
        match self.context {
            Context::During(_) if no_run => "during exercise",
            Context::After if no_run => "after exercise",
            other => other.words(),
        }
    }

    #[inline]
    pub fn flagged(&self, flag: Flag) -> bool {
        self.checkin.flags.contains(&flag)
    }

    #[inline]
    pub fn eased_by(&self, ease: Ease) -> bool {
        self.checkin.eased_by.contains(&ease)
    }

    /// Tingling (pins and needles) gone within 15 minutes.
    #[inline]
    pub fn brief_tingle(&self) -> bool {
        self.severity == 1 && self.clear == Clear::Quick
    }

    /// Verywellfit: numbness only on the top of the foot that goes when the
    /// laces are loosened is a lacing matter, not a clinician's. Gone within
    /// 15 minutes only: numbness that took 20 minutes or hours to go after
    /// the laces were loosened was not relieved by them (the clinician's
    /// eighteenth review: a 25-minute clearing read as lacing hid the
    /// exertional pattern and a worsening).
    pub fn lace_pattern(&self) -> bool {
        self.symptomatic()
            && self.checkin.spots == [Spot::Top]
            && self.eased_by(Ease::LooseningLaces)
            && self.clear == Clear::Quick
    }

    /// Numbness on the top of the foot alone, whatever eased it
    /// (StatPearls, anterior tarsal tunnel: on most runs for weeks despite
    /// new lacing).
    pub fn top_of_foot_only(&self) -> bool {
        self.symptomatic() && self.checkin.spots == [Spot::Top]
    }

    /// The onset minute of a run, unless it is a tingle of the first minutes
    /// that went as the runner warmed up (not the exertional pattern).
    pub fn exertional_minute(&self) -> Option<u32> {
        match self.context {
            Context::During(Some(m)) if !self.warm_up() => Some(m),
            _ => None,
        }
    }

    /// A tingle in the first 5 minutes of a run that went quickly: the
    /// warm-up, not the exertional pattern.
    #[inline]
    pub fn warm_up(&self) -> bool {
        matches!(self.context, Context::During(Some(m)) if m <= 5) && self.clear == Clear::Quick
    }

    /// Pins and needles in the toes, between them or at the ball, gone
    /// within 15 minutes, with no warning sign: a forefoot nerve's brief
    /// complaint, not a compartment's, whose numbness comes with the lower
    /// leg or the top of the foot and takes 10 to 30 minutes to settle
    /// (Mayo Clinic "Chronic exertional compartment syndrome"; the
    /// clinician's twenty-fourth review).
    pub fn forefoot_pins_and_needles(&self) -> bool {
        self.brief_tingle()
            && self.checkin.flags.is_empty()
            && !self.extent.is_empty()
            && self.extent == Extent(Extent::FOREFOOT)
    }

    /// Pins and needles gone within 15 minutes, in the first 5 minutes of
    /// a run (a cold or stiff start, gone as the runner warmed up) or at
    /// rest, not at night (posture): brief and harmless, a hold that asks
    /// to hear if they keep coming back, not a booking (NHS "Pins and
    /// needles"; DOMAIN §6; the clinician's twenty-fourth and twenty-fifth
    /// reviews).
    pub fn passing_pins_and_needles(&self) -> bool {
        self.severity == 1
            && (self.warm_up() || (self.context == Context::Rest && self.clear == Clear::Quick))
    }

    /// How bad, for "getting worse": the level, then how long it took to clear.
    #[inline]
    pub fn burden(&self) -> (u8, u8) {
        (self.severity, self.clear.rank())
    }

    /// Plan week number of the event, counted from `start_day`.
    #[inline]
    pub fn week(&self, start_day: i32) -> i32 {
        (self.day - start_day).div_euclid(7)
    }

    /// Both sides at once.
    #[inline]
    pub fn both_sides(&self) -> bool {
        self.side == Some(Side::Both)
    }

    /// Whether it could be the same leg as `other`: the same side, both, or
    /// a side not said by either (the right foot and then the left is
    /// moving sides, not spreading).
    pub fn same_leg_as(&self, other: &Event) -> bool {
        match (self.side, other.side) {
            (Some(a), Some(b)) => a == b || a == Side::Both || b == Side::Both,
            _ => true,
        }
    }

    /// In the leg above the ankle.
    #[inline]
    pub fn in_leg(&self) -> bool {
        self.extent.reach() >= Reach::LowerLeg
    }

    /// Tingling that settled: gone within the hour, with a run or at rest
    /// or at night alike (the clinician's twenty-second review: at night
    /// 15 minutes was booked and 16 urgent, where a run had the hour).
    /// Pins and needles, not the loss of feeling or the lasting symptoms a
    /// nerve root's red flags are (NICE CKS "Sciatica"; NHS Lothian
    /// "deteriorating lumbar radiculopathy").
    pub fn tingle_that_settled(&self) -> bool {
        self.severity == 1 && !matches!(self.context, Context::Unknown(_)) && self.clear.settled()
    }

    /// Such a tingle in the lower leg, no higher: not a nerve root's
    /// sciatica, whose red flags are deficit, spread above the knee and
    /// symptoms that stay (the clinician's twentieth and twenty-first
    /// reviews: a 16-minute calf tingle was urgent where a 15-minute one was
    /// booked).
    pub fn lower_leg_tingle_that_settled(&self) -> bool {
        self.tingle_that_settled() && self.extent.reach() <= Reach::LowerLeg
    }
}

/// A day whose run was skipped, or a rest day: no run that day.
fn no_run(checkin: &CheckIn) -> bool {
    matches!(
        checkin.session,
        Some(SessionDone::Skipped | SessionDone::RestDay)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_and_the_minutes_of_clearing_are_one_fact() {
        assert_eq!(Clear::of(Some(Cleared::Quickly), None), Clear::Quick);
        assert_eq!(Clear::of(None, Some(15)), Clear::Quick);
        assert_eq!(Clear::of(None, Some(16)), Clear::Soon);
        assert_eq!(Clear::of(None, Some(180)), Clear::Hours);
        assert_eq!(Clear::of(Some(Cleared::Hours), None), Clear::Hours);
        // An older record that disagreed with itself reads the longer way.
        assert_eq!(Clear::of(Some(Cleared::Quickly), Some(40)), Clear::Soon);
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
