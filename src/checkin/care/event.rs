//! Step 1 of the care pipeline: a check-in as a symptom event, normalised —
//! how far the numbness reached, on which side, in what context it began,
//! how long it took to clear (one fact, whether given as words or minutes),
//! and the warning flags with whether they settled. Notes are never read.

pub use super::extent::{Extent, Reach};
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
            && self.extent.within(Extent::of(&[Spot::Toes]))
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
}
