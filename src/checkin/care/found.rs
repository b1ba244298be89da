//! What the rows of the rules table say when they fire: the sentence and
//! the dated check-ins behind it, and the helpers the rows share.

use super::event::{Clear, Context, Event, Extent};
use super::measure::{ClearedCare, Measures, SIX_WEEKS, SideSet};
use crate::checkin::{CheckIn, Flag, Spot};

/// What a row found: the sentence, and the check-ins behind it.
pub struct Found<'a> {
    pub text: String,
    pub cites: Vec<&'a CheckIn>,
}

impl<'a> Found<'a> {
    /// The finding of a moment, its sentence and the check-ins it cites
    /// written only when `words` (the walk through ten years needs the rules
    /// that fired, not what they say).
    pub fn new<'e>(
        words: bool,
        text: impl FnOnce() -> String,
        events: impl IntoIterator<Item = &'e Event<'a>>,
    ) -> Found<'a>
    where
        'a: 'e,
    {
        if !words {
            return Found {
                text: String::new(),
                cites: Vec::new(),
            };
        }
        Found::week(true, text, events)
    }

    /// The finding of a step back: the check-ins it cites always (the first
    /// tells from which day the week's runs drop to run/walk), its sentence
    /// when `words`.
    pub fn week<'e>(
        words: bool,
        text: impl FnOnce() -> String,
        events: impl IntoIterator<Item = &'e Event<'a>>,
    ) -> Found<'a>
    where
        'a: 'e,
    {
        Found {
            text: if words { text() } else { String::new() },
            cites: events.into_iter().map(|e| e.checkin).collect(),
        }
    }
}

/// The latest event matching `hit`.
pub fn latest<'m, 'a>(
    m: &'m Measures<'_, 'a>,
    hit: impl Fn(&Event) -> bool,
) -> Option<&'m Event<'a>> {
    m.latest.iter().rev().find(|e| hit(e))
}

/// "Sat 5 Dec: numbness in the groin or saddle area reported."
pub fn flag_found<'a>(m: &Measures<'_, 'a>, e: &Event<'a>, flags: &[Flag]) -> Found<'a> {
    let words: Vec<String> = e
        .checkin
        .flags
        .iter()
        .filter(|f| flags.contains(f))
        .map(|f| f.words().to_string())
        .collect();
    // How soon it went speaks of the numbness when there was some (a
    // wound does not go in minutes); of the flag itself on a day without.
    let wound_only = words.len() == 1 && e.flagged(Flag::FootWound);
    let clearing = if e.severity > 0 {
        let mut with = format!(", with {}", e.checkin.numbness.words());
        if !e.checkin.spots.is_empty() {
            with.push_str(&format!(" {}", spots(e.checkin)));
        }
        if e.clear != Clear::Unknown {
            with.push_str(&format!(", {}", gone_words(e)));
        }
        with
    } else if e.clear == Clear::Unknown || wound_only {
        String::new()
    } else {
        format!(", {}", gone_words(e))
    };
    Found::new(
        m.words,
        || {
            format!(
                "{}: {} reported{clearing}.",
                m.date(e),
                crate::checkin::and_list(&words)
            )
        },
        [e],
    )
}

pub fn flag_rule<'a>(
    m: &Measures<'_, 'a>,
    flags: &[Flag],
    when: impl Fn(&Event) -> bool,
) -> Option<Found<'a>> {
    let e = latest(m, |e| flags.iter().any(|f| e.flagged(*f)) && when(e))?;
    Some(flag_found(m, e, flags))
}

/// "partly numb at the calf and thigh (both sides) at rest, not gone when
/// recorded".
pub fn describe(e: &Event) -> String {
    let c = e.checkin;
    let mut text = c.numbness.words().to_string();
    if !c.spots.is_empty() {
        text.push_str(&format!(" {}", spots(c)));
    }
    if let Some(side) = c.side {
        text.push_str(&format!(" ({})", side.words()));
    }
    text.push_str(&format!(" {}", e.when_words()));
    if let super::event::Context::During(Some(minute)) = e.context {
        text.push_str(&format!(" at minute {minute}"));
    }
    text.push_str(&format!(", {}", gone_words(e)));
    text
}

/// How soon it went, in the minutes said where said: 30, 35 and 40 minutes
/// all "within the hour" hid a rise (the clinician's twentieth review).
pub fn gone_words(e: &Event) -> String {
    match (e.checkin.cleared_minutes, e.clear) {
        (Some(1), Clear::Quick) => "gone after a minute".into(),
        (Some(n), Clear::Quick | Clear::Soon) => format!("gone after {n} minutes"),
        (Some(n), Clear::Hours) if n % 60 == 0 => format!("gone after {} hours", n / 60),
        (Some(n), Clear::Hours) => format!("gone after {} h {:02} min", n / 60, n % 60),
        _ => e.clear.words().into(),
    }
}

/// "Tue 8 Dec: no feeling after the run, not gone when recorded (both legs)."
pub fn one<'a>(m: &Measures<'_, 'a>, e: &Event<'a>, what: &str) -> Found<'a> {
    Found::new(
        m.words,
        || format!("{}: {} ({what}).", m.date(e), describe(e)),
        [e],
    )
}

/// Both feet (the ankles with them, or no place said); not the lace
/// pattern, which is both shoes, not both nerves.
pub fn foot_both_sides(e: &Event) -> bool {
    e.both_sides() && (in_the_feet(e) || (e.symptomatic() && e.extent.is_empty()))
}

/// Numbness in the foot or at the ankle, not the lace pattern.
fn in_the_feet(e: &Event) -> bool {
    e.symptomatic() && (e.extent.in_foot() || e.extent.has(Extent::ANKLE)) && !e.lace_pattern()
}

pub fn at_rest(e: &Event) -> bool {
    e.symptomatic() && e.context.at_rest()
}

/// At rest or at night in the sole, heel or arch (or the whole foot, which
/// holds them, said as such or as three of its places: DESIGN §4 P2):
/// neuropathy's pattern, which with diabetes books once.
pub fn sole_at_rest(e: &Event) -> bool {
    at_rest(e)
        && (e.extent.has(Extent::WHOLE_FOOT)
            || e.checkin
                .spots
                .iter()
                .any(|s| matches!(s, Spot::Sole | Spot::Heel | Spot::Arch)))
}

/// As [`sole_at_rest`], at night, or at rest and not gone within 15
/// minutes: tarsal tunnel's pattern. A foot gone to sleep sitting that woke
/// in minutes is posture (NHS "Pins and needles"; the clinician's
/// twenty-second review), which the rest row books if it keeps coming back.
pub fn sole_at_night(e: &Event) -> bool {
    sole_at_rest(e) && (e.context == Context::Night || e.clear != Clear::Quick)
}

/// "Numbness between the toes on Tue 8 Dec and Sat 19 Dec." for the last two
/// window events matching `hit`.
pub fn twice<'m, 'a>(
    m: &Measures<'m, 'a>,
    what: &str,
    hit: impl Fn(&Event) -> bool + Clone + 'm,
) -> Option<Found<'a>> {
    let (a, b) = Measures::last_two(m.matching(hit))?;
    Some(Found::new(
        m.words,
        || format!("{what} on {} and {}.", m.date(a), m.date(b)),
        [a, b],
    ))
}

/// "at the toes, between the toes and at the calf".
pub fn spots(c: &CheckIn) -> String {
    let words: Vec<String> = c
        .spots
        .iter()
        .map(|s| match s {
            Spot::BetweenToes => s.words().to_string(),
            _ => format!("at the {}", s.words()),
        })
        .collect();
    crate::checkin::and_list(&words)
}

/// The extent of the care a clearance closed: every place its check-ins named.
pub fn extent_of<'e, 'a: 'e>(events: impl IntoIterator<Item = &'e Event<'a>>) -> Extent {
    events
        .into_iter()
        .fold(Extent::default(), |acc, e| acc.union(e.extent))
}

/// NIDDK: numbness in both feet at rest or at night once, twice in six
/// weeks (not when each was a tingle of a cold start gone as the runner
/// warmed up: NHS "Pins and needles"), or once with diabetes or circulation
/// problems: every such check-in of the window cited.
pub fn both_feet<'a>(m: &Measures<'_, 'a>) -> Option<Found<'a>> {
    // Once is enough at rest, with diabetes or circulation problems, or
    // when it lasted hours or had not gone: symmetric numbness that lingers
    // points to a cause in the whole body (NIDDK).
    let once = latest(m, |e| {
        foot_both_sides(e)
            && (e.context.at_rest()
                || m.health.sooner()
                || matches!(e.clear, Clear::Hours | Clear::NotYet))
    });
    // One foot at rest or at night and the other on another check-in of
    // the episode is both feet too (the clinician's sixteenth review: the
    // left one night and the right the next lost the neuropathy screen).
    let resting_feet = |e: &Event| in_the_feet(e) && e.context.at_rest();
    let sides = SideSet::of(m.episode.iter().filter(|e| resting_feet(e)));
    let in_turn = sides.left && sides.right;
    let all = m.matching(move |e| foot_both_sides(e) || (in_turn && resting_feet(e)));
    // Not twice when each was a tingle of a cold start gone as the runner
    // warmed up (a third time is).
    let twice = all.clone().count() >= 2 && !m.only_passing(all.clone());
    if once.is_none() && !in_turn && !twice {
        return None;
    }
    Some(Found::new(
        m.words,
        || {
            // What made a single check-in enough, said (the clinician's
            // eighteenth review: "took hours" was left out of the why).
            let slow = all
                .clone()
                .rfind(|e| matches!(e.clear, Clear::Hours | Clear::NotYet));
            let lasting = match slow {
                Some(e) if all.clone().count() == 1 => format!(", {}", gone_words(e)),
                Some(e) => format!(", {} on {}", gone_words(e), m.date(e)),
                None => String::new(),
            };
            format!(
                "Numbness in both feet on {}{lasting}.",
                m.dates(all.clone())
            )
        },
        all.clone(),
    ))
}

/// Numbness above the ankle on one side within six weeks of a clearance of
/// the other leg: both legs in turn, the first of them cleared (the
/// clinician did not see the second).
pub fn after_the_other_leg_cleared<'a>(m: &Measures<'_, 'a>) -> Option<Found<'a>> {
    after_a_clearance(
        m,
        |_| true,
        // (Not a brief tingle in the lower leg: the clinician who cleared
        // the other is seen again for it, the twenty-first review.)
        |c, e| {
            e.symptomatic()
                && e.in_leg()
                && !e.lower_leg_tingle_that_settled()
                && c.legs.both_with(e.side)
        },
        |what, cleared| {
            format!(
                "Both legs in turn: {what}, after numbness of the other leg a clinician cleared on {cleared}."
            )
        },
    )
}

/// The latest event that `hit` within six weeks of a clearance of care
/// that `cleared` picks: what that clinician did not see (the other side,
/// most often). `words` says it from the event ("partly numb … on Tue 8
/// Dec") and the clearance's day.
pub fn after_a_clearance<'a>(
    m: &Measures<'_, 'a>,
    cleared: impl Fn(&ClearedCare) -> bool,
    hit: impl Fn(&ClearedCare, &Event) -> bool,
    words: impl Fn(String, String) -> String,
) -> Option<Found<'a>> {
    let c = m.cleared.filter(|c| cleared(c))?;
    let e = latest(m, |e| {
        hit(c, e) && e.checkin.date <= c.date + chrono::Days::new(SIX_WEEKS as u64)
    })?;
    Some(Found::new(
        m.words,
        || {
            words(
                format!("{} on {}", describe(e), m.date(e)),
                crate::checkin::day_words(c.date, m.today),
            )
        },
        [e],
    ))
}

/// "Spreading: numbness at the toes on Tue 3 Nov, then at the whole foot on
/// Fri 6 Nov."
pub fn numbness_then<'a>(
    m: &Measures<'_, 'a>,
    how: &'static str,
    from: &Event<'a>,
    to: &Event<'a>,
) -> Found<'a> {
    Found::new(
        m.words,
        || {
            format!(
                "{how}: numbness {} on {}, then {} on {}.",
                spots(from.checkin),
                m.date(from),
                spots(to.checkin),
                m.date(to)
            )
        },
        [from, to],
    )
}
