//! Step 3 of the care pipeline: measures of the open episode and of the last
//! six plan weeks, read at one moment. Each is chosen so that logging more
//! symptom-free days cannot make it look better: they count and compare
//! symptomatic events only (a day not logged and a clear day logged read the
//! same), and share of runs counts runs actually done.

use super::event::{Clear, Context, Event, Extent};
pub use super::sides::SideSet;
use chrono::NaiveDate;
pub use week::{WeekMeasures, came_back};

mod places;
mod week;

/// Events further apart than this many days belong to different episodes
/// (DESIGN §4: each within 14 days of the one before).
pub const EPISODE_GAP_DAYS: i32 = 14;
/// The rules that count look back this many plan weeks, this one included
/// (the clinician's review: "3+ separate weeks of 6", "twice in 6 weeks").
pub const WINDOW_WEEKS: i32 = 6;

/// The health context that applies at the moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Conditions {
    pub diabetes: bool,
    pub circulation: bool,
    pub back_history: bool,
}

impl Conditions {
    /// NIDDK: with diabetes or circulation problems, care comes sooner.
    #[inline]
    pub fn sooner(self) -> bool {
        self.diabetes || self.circulation
    }
}

/// The care a clearance closed, as the next episode compares with it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClearedCare {
    pub date: NaiveDate,
    pub extent: super::event::Extent,
    /// A check-in of it named no place: any place matches.
    pub anywhere: bool,
    pub who: String,
    /// The sides it was on (not the lace pattern), and the sides of the
    /// leg above the ankle: a later episode on another side is new to
    /// the clinician who cleared it.
    pub sides: SideSet,
    pub legs: SideSet,
    /// The sides weakness or a dropping foot was on: the other leg weak
    /// within six weeks is both legs (the clinician's fourteenth review).
    pub weak: SideSet,
    /// Back pain was flagged while it was open.
    pub back_pain: bool,
    /// It was urgent or an emergency: the one who cleared it is no clinician
    /// to book again, so its return books who its most specific pattern
    /// books (the clinician's sixteenth review: "the clinician who cleared
    /// you" was an emergency department).
    #[serde(default)]
    pub rebook: Option<super::pattern::Pattern>,
    /// It was more pressing than a booking within a week (urgent, or within
    /// 2 working days): its return is booked no later.
    #[serde(default)]
    pub soon: bool,
}

/// How a plan week went by its symptoms alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WeekStatus {
    StepBack,
    Hold,
    OnTrack,
}

/// What the rules of a moment ask of the journal beyond its events.
pub trait Past {
    /// How a week went by its symptoms, among events up to a day: the
    /// seven days from `start` (a plan week, or seven days however the
    /// plan's weeks fall).
    fn status(&self, events: &[Event], start: i32, day: i32) -> WeekStatus;
    /// Whether a check-in after day `after`, up to day `upto`, said no
    /// numbness.
    fn numbness_gone(&self, after: i32, upto: i32) -> bool;
}

/// Six weeks in days: how far back the leg on the other side counts
/// (DOMAIN §6: the six-week spans of the clinician's review).
pub const SIX_WEEKS: i32 = 42;

/// What the rules of one moment read.
pub struct Measures<'m, 'a> {
    /// The moment's day (days since 1970-01-01).
    pub day: i32,
    /// The events judged now: the moment's own check-in, or on the day
    /// health context is entered, the open episode.
    pub latest: &'m [Event<'a>],
    /// The open episode up to the moment (within the window).
    pub episode: &'m [Event<'a>],
    /// Every event of the last six plan weeks since the last clearance.
    pub window: &'m [Event<'a>],
    pub health: Conditions,
    /// The day a booking opened, when one is open and not yet urgent.
    pub booked: Option<i32>,
    /// The care the last clearance closed, if any.
    pub cleared: Option<&'m ClearedCare>,
    /// How plan weeks went, days said clear (read only by the rules that
    /// need them: working weeks out at every moment is most of the walk's
    /// cost).
    pub past: &'m dyn Past,
    /// The epoch's events up to the moment.
    pub so_far: &'m [Event<'a>],
    /// The plan's first day, for plan weeks.
    pub start_day: i32,
    /// The day the verdict is for: dates in other years carry their year.
    pub today: NaiveDate,
    /// Whether the findings' sentences are wanted.
    pub words: bool,
}

impl<'m, 'a> Measures<'m, 'a> {
    /// The days of the events so far that `hit`, over the last six weeks
    /// up to this moment.
    pub fn days_in_six_weeks(&self, hit: impl Fn(&Event) -> bool) -> Vec<i32> {
        let from = self.day - 7 * WINDOW_WEEKS;
        self.so_far
            .iter()
            .filter(|e| hit(e) && e.day <= self.day && e.day > from)
            .map(|e| e.day)
            .collect()
    }

    /// The events of the last six weeks (in days) since the last
    /// clearance, up to the moment, counted in days as `legs_in_turn`:
    /// where two things said on different days belong together without
    /// being compared (back pain and leg numbness), not only within the
    /// episode (the clinician's twelfth review: back pain 16 days before
    /// leg numbness read as numbness alone, 13 days before booked).
    pub fn recent(&self) -> &'m [Event<'a>] {
        let from = self
            .so_far
            .partition_point(|e| e.day <= self.day - SIX_WEEKS);
        &self.so_far[from..]
    }

    /// "Tue 8 Dec", with the year when it is not today's.
    pub fn date(&self, e: &Event) -> String {
        crate::checkin::day_words(e.checkin.date, self.today)
    }

    /// "Tue 8 Dec, Thu 10 Dec and Sat 12 Dec".
    pub fn dates<'e, 'x: 'e>(&self, events: impl IntoIterator<Item = &'e Event<'x>>) -> String {
        let days: Vec<String> = events.into_iter().map(|e| self.date(e)).collect();
        crate::checkin::and_list(&days)
    }

    pub fn week(&self) -> i32 {
        (self.day - self.start_day).div_euclid(7)
    }

    /// How the seven days from day `start` went by their symptoms up to
    /// the moment.
    pub fn week_status(&self, start: i32) -> WeekStatus {
        self.past.status(self.so_far, start, self.day)
    }

    pub fn symptomatic(
        &self,
    ) -> impl DoubleEndedIterator<Item = &'m Event<'a>> + Clone + use<'m, 'a> {
        self.window.iter().filter(|e| e.symptomatic())
    }

    /// How many plan weeks the events count in (events in day order).
    pub fn weeks<'e>(&self, events: impl Iterator<Item = &'e Event<'e>>) -> usize
    where
        'a: 'e,
    {
        let mut last = None;
        events
            .filter(|e| {
                let week = Some(e.week(self.start_day));
                let new = week != last;
                last = week;
                new
            })
            .count()
    }

    /// Events of the last six weeks in days (since the last clearance)
    /// matching `hit`, in day order: "twice in six weeks" whatever the
    /// weekday the first fell on (the clinician's twenty-third review: a
    /// night heel 36 days apart booked from a Saturday and held from a
    /// Sunday, counted in plan weeks).
    pub fn matching<F: Fn(&Event) -> bool + Clone + 'm>(
        &self,
        hit: F,
    ) -> impl DoubleEndedIterator<Item = &'m Event<'a>> + Clone + use<'m, 'a, F> {
        self.recent().iter().filter(move |e| hit(e))
    }

    /// Whether `events` are only brief, harmless pins and needles (of
    /// posture or a cold start, gone within 15 minutes), two at most, and
    /// no diabetes or circulation problems lower the thresholds: a hold
    /// that asks to hear if they keep coming back (NHS "Pins and needles";
    /// the clinician's twenty-fifth and twenty-sixth reviews).
    pub fn only_passing<'e>(&self, events: impl Iterator<Item = &'e Event<'a>>) -> bool
    where
        'a: 'e,
    {
        let mut count = 0;
        for e in events {
            if !e.passing_pins_and_needles() {
                return false;
            }
            count += 1;
        }
        count < 3 && !self.health.sooner()
    }

    /// The longest stretch of symptomatic days ending at the latest one,
    /// never two days in a row without symptoms: its first and last event.
    pub fn unbroken_spell(&self) -> Option<(&Event<'a>, &Event<'a>)> {
        let mut symptomatic = self.episode.iter().rev().filter(|e| e.symptomatic());
        let last = symptomatic.next()?;
        let mut first = last;
        for e in symptomatic {
            if first.day - e.day > 2 {
                break;
            }
            first = e;
        }
        Some((first, last))
    }

    /// Getting worse, or not settling: after a first symptom, one that did
    /// not clear within 15 minutes (or worse), then — for `steps` 3 — one
    /// that took hours or was partly numb (or worse). Every chain of three
    /// check-ins each worse than the one before is one of these, and so is
    /// anything worse than such a chain: more symptoms never read as less.
    /// The first, middle and last event.
    pub fn worse_and_worse(&self, steps: usize) -> Option<[&Event<'a>; 3]> {
        const SECOND: (u8, u8) = (1, 1);
        const THIRD: (u8, u8) = (1, 2);
        // (Not the lace pattern: pressure eased by loosening the laces is a
        // lacing matter, whose weeks `top_of_foot_for_weeks` counts; the
        // clinician's sixteenth review found it "worsening", then urgent.)
        let events: Vec<&Event> = self
            .episode
            .iter()
            .filter(|e| e.symptomatic() && !e.lace_pattern())
            .collect();
        let first = *events.first()?;
        let second = events
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, e)| e.burden() >= SECOND)?;
        if steps <= 2 {
            return Some([first, second.1, second.1]);
        }
        let third = events[second.0 + 1..]
            .iter()
            .rfind(|e| e.burden() >= THIRD)?;
        Some([first, second.1, third])
    }

    /// Slower to clear: after a symptom of the episode (not the lace
    /// pattern), one that took over 15 minutes to go, then one that took 30
    /// minutes or more (Mayo, CECS: recovery time growing). Longer times
    /// anywhere in the chain still count (hours, or not gone, are longer
    /// than any minutes), so a slower episode never reads as less; "within
    /// 15 minutes" counts as 15 however it was said. The three events.
    pub fn slower_to_clear(&self) -> Option<[&Event<'a>; 3]> {
        let minutes = |e: &Event| -> Option<u32> {
            match e.clear {
                Clear::Quick => Some(15),
                Clear::Soon => Some(e.checkin.cleared_minutes.unwrap_or(30).clamp(16, 60)),
                Clear::Hours => Some(61),
                Clear::NotYet => Some(62),
                Clear::Unknown => None,
            }
        };
        let mut events = self
            .episode
            .iter()
            .filter(|e| e.symptomatic() && !e.lace_pattern());
        let first = events.next()?;
        let second = events
            .by_ref()
            .find(|e| minutes(e).is_some_and(|m| m > 15))?;
        let third = events.find(|e| minutes(e).is_some_and(|m| m >= 30))?;
        Some([first, second, third])
    }

    /// Onset minutes moving earlier by 20 % or more over three or more runs
    /// of the episode (Mayo, CECS): the runs of that trend, each cited.
    pub fn earlier_onset(&self) -> Option<Vec<(&Event<'a>, u32)>> {
        // A tingle of the first minutes that went quickly is the warm-up
        // only until numbness has come later in a run of the episode in a
        // place it names: after that it is the same numbness coming sooner
        // (more symptoms never make the verdict milder, DESIGN.md §4 P5).
        // Elsewhere it is not the same numbness (the clinician's sixteenth
        // review: toe tingles at minutes 3 and 2 after a shin at 40).
        // (A place not named on either side matches any.)
        let mut later: Option<Extent> = None;
        let runs: Vec<(&Event, u32)> = self
            .episode
            .iter()
            .filter(|e| !e.lace_pattern() && !e.no_run())
            .filter_map(|e| {
                let same_place =
                    |l: Extent| l.is_empty() || e.extent.is_empty() || l.overlaps(e.extent);
                let sooner = e.warm_up() && later.is_some_and(same_place);
                let minute = match e.context {
                    Context::During(Some(m)) if sooner || !e.warm_up() => m,
                    _ => return None,
                };
                if !e.warm_up() {
                    later = Some(later.unwrap_or_default().union(e.extent));
                }
                Some((e, minute))
            })
            .collect();
        // Three runs at least, each no later than the one before give or
        // take a tenth, the last 20 % earlier than the first, in the same
        // part of the same leg, on runs (not walks): minutes that jump about (30, 45, 20) are no
        // trend (the clinician's twenty-first review), and a later run
        // between them never hides one (25, 26, 12 still is: a run more
        // only adds such threes, DESIGN.md §4 P5).
        // (The latest 64 runs with minutes: weeks of runs, and the search
        // over threes stays small.)
        let runs = &runs[runs.len().saturating_sub(64)..];
        let follows =
            |(a, ma): (&Event, u32), (b, mb): (&Event, u32)| mb * 10 <= ma * 11 && same_place(a, b);
        let (i, j) = (0..runs.len()).rev().find_map(|j| {
            (0..j).find_map(|i| {
                let earlier = runs[j].1 * 5 <= runs[i].1 * 4 && follows(runs[i], runs[j]);
                let between =
                    (i + 1..j).any(|k| follows(runs[i], runs[k]) && follows(runs[k], runs[j]));
                (earlier && between).then_some((i, j))
            })
        })?;
        // Cited: the longest such chain from the first to the last.
        let mut best: Vec<Vec<usize>> = Vec::with_capacity(j - i + 1);
        for k in i..=j {
            let chain = (i..k)
                .filter(|p| follows(runs[*p], runs[k]) && !best[*p - i].is_empty())
                .map(|p| &best[p - i])
                .max_by_key(|c| c.len())
                .map_or_else(
                    || if k == i { vec![k] } else { Vec::new() },
                    |c| [c.as_slice(), &[k]].concat(),
                );
            best.push(chain);
        }
        Some(best[j - i].iter().map(|k| runs[*k]).collect())
    }

    /// Three or more runs of the episode with numbness at about the same
    /// minute (within a quarter, or 5 minutes) in the same part of the same
    /// leg, run after run (see [`run_after_run`]): Mayo, CECS. How
    /// soon each settled does not matter: slower settling is no reason to
    /// wait longer. A walk is no run, and the toes of one foot and then the
    /// other, or the toes and then the heel, are not one place coming back
    /// at one point (the clinician's twenty-second review). Pins and
    /// needles of the forefoot alone, gone within 15 minutes, are not the
    /// compartment's (see [`Event::forefoot_pins_and_needles`]).
    pub fn exertional_runs(&self) -> Vec<&Event<'a>> {
        let runs: Vec<(&Event, u32)> = self
            .episode
            .iter()
            .filter(|e| !e.lace_pattern() && !e.no_run() && !e.forefoot_pins_and_needles())
            .filter_map(|e| e.exertional_minute().map(|m| (e, m)))
            .collect();
        runs.iter()
            .filter_map(|(at, centre)| {
                let near = (centre / 4).max(5);
                let alike: Vec<&Event> = runs
                    .iter()
                    .filter(|(e, m)| m.abs_diff(*centre) <= near && same_place(e, at))
                    .map(|(e, _)| *e)
                    .collect();
                run_after_run(&alike)
            })
            .max_by_key(Vec::len)
            .unwrap_or_default()
    }

    /// The latest two events at most `days` apart among `events` (in day
    /// order), found from the end.
    pub fn twice_within<'e>(
        events: impl DoubleEndedIterator<Item = &'e Event<'a>>,
        days: i32,
    ) -> Option<(&'e Event<'a>, &'e Event<'a>)>
    where
        'a: 'e,
    {
        let mut events = events.rev();
        let mut later = events.next()?;
        for e in events {
            if later.day - e.day <= days {
                return Some((e, later));
            }
            later = e;
        }
        None
    }

    /// The last two of `events`.
    pub fn last_two<'e>(
        events: impl DoubleEndedIterator<Item = &'e Event<'a>>,
    ) -> Option<(&'e Event<'a>, &'e Event<'a>)>
    where
        'a: 'e,
    {
        let mut events = events.rev();
        let b = events.next()?;
        Some((events.next()?, b))
    }

    /// Whether the latest events include a "not cleared" that is the
    /// episode's second, or, while a booking is open, the second since the
    /// last clearance however far apart (the runner not yet seen: NICE CKS
    /// "Sciatica", the clinician's twelfth review).
    pub fn not_cleared_again(&self) -> bool {
        let events = if self.booked.is_some() {
            self.so_far
        } else {
            self.episode
        };
        let not_cleared = events
            .iter()
            .filter(|e| e.symptomatic() && e.clear == Clear::NotYet)
            .count();
        not_cleared >= 2 && self.latest.iter().any(|e| e.clear == Clear::NotYet)
    }
}

/// The longest stretch of `runs` (in day order) each within a week of the
/// one before, when it holds three runs or more over a week or more: "run
/// after run" (Mayo, CECS), not three tingles nine or ten days apart (the
/// clinician's twenty-second review; those are the three-weeks row's).
/// Read from the symptoms alone, so logging the clear runs between never
/// changes it (the twenty-third review: weekly tingles logged alone booked a
/// sports doctor, with the clear runs logged a week's booking), and a
/// symptom more only joins stretches (DESIGN.md §4 P5).
pub fn run_after_run<'m, 'a>(runs: &[&'m Event<'a>]) -> Option<Vec<&'m Event<'a>>> {
    runs.chunk_by(|a, b| b.day - a.day <= 7)
        .filter(|stretch| {
            stretch.len() >= 3
                && stretch
                    .last()
                    .zip(stretch.first())
                    .is_some_and(|(l, f)| l.day - f.day >= 7)
        })
        .max_by_key(|stretch| stretch.len())
        .map(<[&Event]>::to_vec)
}

/// Whether two check-ins could be the same place: the same leg, and a part
/// in common (or a place not said by either).
fn same_place(a: &Event, b: &Event) -> bool {
    a.same_leg_as(b)
        && (a.extent.is_empty() || b.extent.is_empty() || a.extent.shares_a_part(b.extent))
}

/// The open episode within `window` ending at its last event: the events
/// chained to it, each within 14 days of the one before.
pub fn open_episode<'m, 'a>(window: &'m [Event<'a>]) -> &'m [Event<'a>] {
    let mut from = window.len();
    while from > 0 {
        let joined =
            from == window.len() || window[from].day - window[from - 1].day <= EPISODE_GAP_DAYS;
        if !joined {
            break;
        }
        from -= 1;
    }
    &window[from..]
}
