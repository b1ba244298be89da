//! The care rules: what they remember between check-ins since the last
//! clearance, and which pattern each check-in triggers. Each rule carries
//! its source next to it.

use super::Pattern;
use super::measure::*;
use crate::checkin::{
    CheckIn, Cleared, Ease, Flag, Health, Numbness, Onset, Side, Spot, short_date,
};
use chrono::NaiveDate;
use std::collections::VecDeque;

/// The thresholds of the rules. Health context lowers them (NIDDK: a runner
/// with diabetes or circulation problems should reach care sooner).
pub(super) struct Thresholds {
    /// Days of unresolved numbness that send to care (Dr. Green: a week).
    not_resolved_days: i64,
    /// Symptomatic check-ins a worsening must span.
    worsening_checkins: usize,
    /// "Not cleared" check-ins that send to care.
    lingering_times: usize,
    /// Check-ins eased by sitting or bending that send to care.
    eases_sitting_times: usize,
    /// Both feet counts whatever the onset.
    both_feet_any_onset: bool,
    /// A cold, pale foot is an emergency even when it cleared.
    cold_always_emergency: bool,
}

impl Thresholds {
    pub(super) fn for_health(health: &[Health]) -> Thresholds {
        let sooner = health
            .iter()
            .any(|h| matches!(h, Health::Diabetes | Health::Circulation));
        let back = health.contains(&Health::BackHistory);
        Thresholds {
            not_resolved_days: if sooner { 4 } else { 7 },
            worsening_checkins: if sooner { 2 } else { 3 },
            lingering_times: if sooner { 1 } else { 2 },
            eases_sitting_times: if back { 1 } else { 2 },
            both_feet_any_onset: sooner,
            cold_always_emergency: health.contains(&Health::Circulation),
        }
    }
}

/// How far back the rules that compare check-ins look (the project's choice:
/// four weeks, long enough for "week after week").
const WINDOW_DAYS: i64 = 28;
/// A gap this long with no check-in at all starts a new spell.
const SPELL_GAP_DAYS: i64 = 14;
/// "Not cleared" twice within this many days (Ask Dr. Green: numbness that lingers after runs).
const LINGERING_WINDOW: i64 = 7;
/// Numbness at rest twice within this many days.
const AT_REST_WINDOW: i64 = 14;
/// The exertional pattern: this many runs, spanning at least this many days
/// (Mayo Clinic: "run after run", for two weeks or more — the project
/// starts counting once the pattern reaches into its second week).
const EXERTIONAL_RUNS: usize = 3;
const EXERTIONAL_DAYS: i64 = 10;

/// What one check-in triggered: the strongest pattern and every sentence.
pub(super) struct Trigger {
    pub pattern: Pattern,
    pub why: Vec<String>,
}

/// What the rules remember since the last clearance.
pub(super) struct Watch<'a> {
    plan_start: NaiveDate,
    /// The check-ins of the last `WINDOW_DAYS`, oldest first, with their
    /// day numbers (worked out once: this runs over ten years of check-ins).
    recent: VecDeque<(i32, &'a CheckIn)>,
    /// The unresolved spell: its first and last unresolved check-in.
    spell: Option<(&'a CheckIn, &'a CheckIn)>,
    /// Symptom-free check-ins in a row since the last symptomatic one.
    clear_in_a_row: u32,
    /// Symptomatic check-ins in a row (missing days between them or not)
    /// before this one, within the window.
    in_a_row: Vec<&'a CheckIn>,
}

/// Collects the sentences of one check-in and keeps the strongest pattern.
#[derive(Default)]
struct Found {
    best: Option<Pattern>,
    why: Vec<String>,
}

impl Found {
    fn add(&mut self, pattern: Pattern, sentence: String) {
        self.best = Some(self.best.map_or(pattern, |b| b.min(pattern)));
        self.why.push(sentence);
    }
}

impl<'a> Watch<'a> {
    pub(super) fn new(plan_start: NaiveDate) -> Watch<'a> {
        Watch {
            plan_start,
            recent: VecDeque::new(),
            spell: None,
            clear_in_a_row: 0,
            in_a_row: Vec::new(),
        }
    }

    fn plan_week(&self, date: NaiveDate) -> i64 {
        days(self.plan_start, date).div_euclid(7)
    }

    /// Takes the next check-in; returns the care it triggers, if any.
    #[inline]
    pub(super) fn observe(&mut self, c: &'a CheckIn, limits: &Thresholds) -> Option<Trigger> {
        if !c.numbness.is_symptomatic() {
            // Most days: only the spell and the run of symptomatic days
            // notice them (two symptom-free days in a row end a spell).
            self.clear_in_a_row += 1;
            if self.clear_in_a_row >= 2 {
                self.spell = None;
            }
            self.in_a_row.clear();
            if c.flags.is_empty() {
                return None;
            }
        }
        // Only check-ins with numbness or a flag are remembered: no rule
        // looks back at a quiet day.
        let number = c.date.to_epoch_days();
        while self
            .recent
            .front()
            .is_some_and(|(old, _)| i64::from(number - old) > WINDOW_DAYS)
        {
            self.recent.pop_front();
        }
        let mut found = Found::default();
        self.flags(c, limits, &mut found);
        if c.numbness.is_symptomatic() {
            self.spell_rule(c, limits, &mut found);
            self.single_checkin_rules(c, limits, &mut found);
            self.comparing_rules(c, limits, &mut found);
            if !lace_pattern(c) {
                self.in_a_row
                    .retain(|e| days(e.date, c.date) <= WINDOW_DAYS);
                self.in_a_row.push(c);
            }
        }
        self.recent.push_back((number, c));

        found.best.map(|pattern| Trigger {
            pattern,
            why: found.why,
        })
    }

    fn flags(&self, c: &CheckIn, limits: &Thresholds, found: &mut Found) {
        let not_cleared = !matches!(c.cleared, Some(Cleared::Quickly | Cleared::Hours));
        for flag in &c.flags {
            let sentence = format!("{}: {} reported.", short_date(c.date), flag.words());
            let pattern = match flag {
                // NHS trusts, backes.org.uk "cauda equina warning signs".
                Flag::Saddle | Flag::BladderBowel | Flag::LegPainBoth => Pattern::LowBackNerves,
                // strokeprevent.org: sudden numbness or weakness of the face or arm.
                Flag::FaceArm => Pattern::FaceOrArm,
                // A foot that stays cold, pale or blue after rest (circulation).
                Flag::ColdPale if not_cleared || limits.cold_always_emergency => Pattern::ColdFoot,
                // Mayo (popliteal artery entrapment): cold feet, calf cramping.
                Flag::ColdPale => Pattern::LegCirculation,
                // StatPearls (acute compartment syndrome): a tense leg with pain
                // out of proportion that does not settle with rest.
                Flag::CalfTightness if not_cleared && c.flags.contains(&Flag::SharpPain) => {
                    Pattern::TenseLeg
                }
                // Mayo (exertional compartment syndrome): tightness with runs.
                Flag::CalfTightness => Pattern::Exertional,
                // NHS Lothian lumbar red flags: acute foot drop, new weakness.
                Flag::Weakness | Flag::FootDrop => Pattern::Weakness,
                // Source articles: numbness with sharp pain or skin colour
                // change, or back pain with leg symptoms, warrants a professional.
                Flag::SharpPain | Flag::SkinColour | Flag::BackPain => Pattern::WarningSign,
            };
            found.add(pattern, sentence);
        }
    }

    /// Dr. Green: numbness that has not resolved within a week. One
    /// symptom-free day inside the week does not make it resolved; two in a
    /// row do. Days without a check-in do not break it, two weeks of silence do.
    fn spell_rule(&mut self, c: &'a CheckIn, limits: &Thresholds, found: &mut Found) {
        self.clear_in_a_row = 0;
        if !unresolved(c) {
            return;
        }
        let (first, _) = match self.spell {
            Some((first, last)) if days(last.date, c.date) <= SPELL_GAP_DAYS => (first, last),
            _ => (c, c),
        };
        self.spell = Some((first, c));
        let length = days(first.date, c.date) + 1;
        if length >= limits.not_resolved_days {
            found.add(
                Pattern::NotResolved,
                format!(
                    "Numbness not resolved for {length} days: check-ins from {} to {}.",
                    short_date(first.date),
                    short_date(c.date)
                ),
            );
        }
    }

    /// Patterns one check-in is enough for (NHS and NIDDK patient pages;
    /// the source articles: numbness that persists -> see a doctor).
    fn single_checkin_rules(&self, c: &CheckIn, limits: &Thresholds, found: &mut Found) {
        // Formatted only when a sentence needs it: most check-ins trigger nothing.
        let day = || short_date(c.date);
        let not_cleared = !matches!(c.cleared, Some(Cleared::Quickly | Cleared::Hours));
        if c.numbness == Numbness::NO_FEELING && c.cleared == Some(Cleared::NotYet) {
            found.add(
                Pattern::NoFeeling,
                format!("{}: no feeling at all, and it had not come back.", day()),
            );
        }
        if began_at_rest(c) && not_cleared {
            found.add(
                Pattern::AtRest,
                format!(
                    "{}: numbness began {} and {}.",
                    day(),
                    onset_words(c),
                    if c.cleared.is_some() {
                        "had not cleared"
                    } else {
                        "was not said to have cleared"
                    }
                ),
            );
        }
        let both = c.side == Some(Side::Both);
        if both && (began_at_rest(c) || limits.both_feet_any_onset) {
            found.add(
                Pattern::BothFeet,
                format!("{}: numbness in both feet {}.", day(), onset_words(c)),
            );
        }
        let mut again = |pattern: Pattern,
                         window: i64,
                         times: usize,
                         what: &str,
                         hit: &dyn Fn(&CheckIn) -> bool| {
            if !hit(c) {
                return;
            }
            let earlier: Vec<&&CheckIn> = self
                .recent
                .iter()
                .map(|(_, e)| e)
                .filter(|e| hit(e) && days(e.date, c.date) < window)
                .collect();
            if earlier.len() + 1 >= times {
                let mut dates: Vec<String> = earlier.iter().map(|e| short_date(e.date)).collect();
                dates.push(day());
                found.add(pattern, format!("Numbness {what} on {}.", dates.join(", ")));
            }
        };
        again(
            Pattern::Lingering,
            LINGERING_WINDOW,
            limits.lingering_times,
            "had not cleared",
            &|e| e.numbness.is_symptomatic() && e.cleared == Some(Cleared::NotYet),
        );
        let at_rest_pattern = if c.side == Some(Side::Both) {
            Pattern::BothFeet
        } else if c.onset == Some(Onset::Night)
            && c.spots
                .iter()
                .any(|s| matches!(s, Spot::Sole | Spot::Heel | Spot::Arch))
        {
            Pattern::SoleAtNight
        } else {
            Pattern::AtRest
        };
        again(
            at_rest_pattern,
            AT_REST_WINDOW,
            2,
            "began at rest or at night",
            &|e| e.numbness.is_symptomatic() && began_at_rest(e),
        );
        again(
            Pattern::BetweenToes,
            WINDOW_DAYS,
            2,
            "between the toes",
            &|e| e.numbness.is_symptomatic() && e.spots.contains(&Spot::BetweenToes),
        );
        again(
            Pattern::EasesSitting,
            WINDOW_DAYS,
            limits.eases_sitting_times,
            "eased on sitting or bending forward",
            &|e| e.numbness.is_symptomatic() && e.eased_by.contains(&Ease::SittingOrBending),
        );
    }

    /// Patterns that compare this check-in with the ones before it.
    fn comparing_rules(&self, c: &CheckIn, limits: &Thresholds, found: &mut Found) {
        let earlier: Vec<&CheckIn> = self
            .recent
            .iter()
            .map(|(_, e)| *e)
            .filter(|e| e.numbness.is_symptomatic() && !lace_pattern(e))
            .collect();
        if earlier.is_empty() {
            return;
        }
        let mut deteriorating = false;

        // Dr. Green: symptoms that get worse — judged across the check-ins of
        // the last weeks, symptom-free days between them or not: severity
        // rising step after step (tingling, then partly numb, then no
        // feeling), or rising within an unbroken run of symptomatic days.
        if !lace_pattern(c) {
            let rising = rising_chain(&earlier, c, limits.worsening_checkins);
            let in_a_row = self
                .in_a_row
                .first()
                .filter(|first| {
                    self.in_a_row.len() + 1 >= limits.worsening_checkins
                        && severity(first) < severity(c)
                })
                .copied();
            if let Some(first) = rising.or(in_a_row) {
                found.add(
                    Pattern::Worsening,
                    format!(
                        "Numbness is getting worse: {} on {}, {} on {}.",
                        describe_severity(first),
                        short_date(first.date),
                        describe_severity(c),
                        short_date(c.date)
                    ),
                );
                deteriorating = true;
            }
        }

        // Source articles: numbness that persists anywhere needs a doctor;
        // the project: numbness that spreads (toes -> whole foot -> leg) or
        // moves to both sides is not resolving.
        if let Some(first) = earlier.iter().find(|e| reach(e) > 0 && reach(e) < reach(c)) {
            found.add(
                Pattern::Spreading,
                format!(
                    "Numbness has spread: the {} on {}, the {} on {}.",
                    spots_words(first),
                    short_date(first.date),
                    spots_words(c),
                    short_date(c.date)
                ),
            );
            deteriorating = true;
        }
        let other_side = |e: &CheckIn| {
            matches!(
                (e.side, c.side),
                (Some(Side::Left), Some(Side::Right | Side::Both))
                    | (Some(Side::Right), Some(Side::Left | Side::Both))
            )
        };
        if let Some(first) = earlier.iter().find(|e| other_side(e)) {
            found.add(
                Pattern::Spreading,
                format!(
                    "Numbness has moved to both sides: {} on {}, {} on {}.",
                    first.side.map_or("", |s| s.words()),
                    short_date(first.date),
                    c.side.map_or("", |s| s.words()),
                    short_date(c.date)
                ),
            );
            deteriorating = true;
        }

        // NHS Lothian: deteriorating leg symptoms with back trouble -> today.
        let back_pain = c.flags.contains(&Flag::BackPain)
            || self
                .recent
                .iter()
                .any(|(_, e)| e.flags.contains(&Flag::BackPain));
        if deteriorating && back_pain {
            found.add(
                Pattern::WorseWithBackPain,
                format!(
                    "{}: leg symptoms getting worse with back pain.",
                    short_date(c.date)
                ),
            );
        }

        // Trials 2023: do not progress with more symptoms; the project: when
        // numbness keeps coming back after the plan stepped back (a step back
        // in an earlier plan week), the plan alone is not enough.
        if calls_for_step_back(c) {
            let week = self.plan_week(c.date);
            if let Some(first) = earlier
                .iter()
                .find(|e| calls_for_step_back(e) && self.plan_week(e.date) < week)
            {
                found.add(
                    Pattern::KeepsComingBack,
                    format!(
                        "Numbness came back on {} after the plan stepped back for it on {}.",
                        short_date(c.date),
                        short_date(first.date)
                    ),
                );
            }
        }

        // Mayo Clinic, coaortho.org (exertional compartment syndrome): numbness
        // at a repeatable point of the run that settles within minutes of
        // stopping, run after run. Running through it can make it lasting.
        if let (Some(Onset::During), Some(minute)) = (c.onset, c.minutes) {
            let alike = |e: &CheckIn| {
                e.onset == Some(Onset::During)
                    && settles_within_minutes(e)
                    && !lace_pattern(e)
                    && e.minutes
                        .is_some_and(|m| m.abs_diff(minute) <= (minute / 4).max(5))
            };
            if alike(c) {
                let runs: Vec<&CheckIn> = earlier.iter().copied().filter(|e| alike(e)).collect();
                if let Some(first) = runs.first()
                    && runs.len() + 1 >= EXERTIONAL_RUNS
                    && days(first.date, c.date) >= EXERTIONAL_DAYS
                {
                    found.add(
                            Pattern::Exertional,
                            format!(
                                "Numbness came about {minute} minutes into {} runs from {} to {}, settling soon after stopping each time.",
                                runs.len() + 1,
                                short_date(first.date),
                                short_date(c.date)
                            ),
                        );
                }
            }
        }
    }
}
