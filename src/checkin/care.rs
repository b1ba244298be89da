//! When to send the runner to a clinician: the care rules, each named for the
//! pattern it looks for, with its source next to it. A care episode opens on
//! the first check-in that triggers a rule and stays open until a clinician's
//! clearance is recorded after it; runs are suspended meanwhile. The rules and
//! their thresholds are listed for clinicians in `docs/care-rules.md`.

use super::{CheckIn, Cleared, Ease, Flag, Health, Journal, Numbness, Onset, Side, Spot};
use super::{Clearance, short_date};
use crate::plan::Profile;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// How soon to be seen, most urgent first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CareLevel {
    /// Call the emergency number or go to an emergency department now.
    Emergency,
    /// Be seen today: urgent care or an emergency department.
    Urgent,
    /// Book an appointment; no runs until then.
    Book,
}

impl CareLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            CareLevel::Emergency => "emergency",
            CareLevel::Urgent => "urgent",
            CareLevel::Book => "book",
        }
    }

    /// How soon, in the runner's words.
    pub fn how_soon(self) -> &'static str {
        match self {
            CareLevel::Emergency => "Emergency: call the emergency number now",
            CareLevel::Urgent => "Urgent: be seen today",
            CareLevel::Book => "Book an appointment",
        }
    }

    /// Whether any exercise at all may be prescribed meanwhile.
    pub fn allows_exercise(self) -> bool {
        self == CareLevel::Book
    }
}

/// The pattern behind a care verdict, named in the runner's words and never
/// as a diagnosis. The order is the order of precedence for who to see: the
/// more urgent and the more specific first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    LowBackNerves,
    FaceOrArm,
    ColdFoot,
    TenseLeg,
    Weakness,
    WorseWithBackPain,
    Exertional,
    LegCirculation,
    BetweenToes,
    SoleAtNight,
    BothFeet,
    EasesSitting,
    NoFeeling,
    AtRest,
    Spreading,
    Worsening,
    NotResolved,
    KeepsComingBack,
    Lingering,
    WarningSign,
}

impl Pattern {
    pub fn level(self) -> CareLevel {
        use Pattern::*;
        match self {
            LowBackNerves | FaceOrArm | ColdFoot | TenseLeg => CareLevel::Emergency,
            Weakness | WorseWithBackPain => CareLevel::Urgent,
            _ => CareLevel::Book,
        }
    }

    /// Who to see for this pattern.
    pub fn who(self) -> &'static str {
        use Pattern::*;
        match self {
            LowBackNerves | FaceOrArm | ColdFoot | TenseLeg => {
                "the emergency number or an emergency department, now"
            }
            Weakness | WorseWithBackPain => "urgent care or an emergency department, today",
            // Mayo Clinic (chronic exertional compartment syndrome): a sports
            // medicine doctor; popliteal artery entrapment (Mayo): the same, sooner.
            Exertional => "a sports medicine doctor",
            LegCirculation => "a sports medicine doctor, soon",
            // Morton's neuroma (between the 3rd and 4th toes): podiatrist or orthopedist.
            BetweenToes => "a podiatrist or an orthopedist",
            // Tarsal tunnel (sole, worse at night): orthopedist or podiatrist.
            SoleAtNight => "an orthopedist or a podiatrist",
            // NIDDK, peripheral neuropathy: a family doctor, with blood tests.
            BothFeet => "a GP or family doctor, who can test for diabetes and B12",
            // eOrthopod, neurogenic claudication: GP or spine clinician.
            EasesSitting => "a GP or a spine clinician",
            // Dr. Green: worsening or unresolved within a week -> orthopedist or PT.
            _ => "an orthopedist, a physical therapist or a sports doctor",
        }
    }

    /// The pattern in the runner's words.
    pub fn words(self) -> &'static str {
        use Pattern::*;
        match self {
            LowBackNerves => "warning signs from the nerves of the lower back",
            FaceOrArm => "numbness or weakness of the face or arm",
            ColdFoot => "a foot that stays cold, pale or blue",
            TenseLeg => "a tight, painful leg that does not settle with rest",
            Weakness => "new weakness in the leg or foot",
            WorseWithBackPain => "leg symptoms getting worse with back pain",
            Exertional => "numbness at the same point of each run that settles soon after stopping",
            LegCirculation => "a cold, pale or cramping leg with runs",
            BetweenToes => "numbness between the toes that keeps coming back",
            SoleAtNight => "numbness in the sole that comes at night or at rest",
            BothFeet => "numbness in both feet at rest or at night",
            EasesSitting => "numbness that eases on sitting or bending forward",
            NoFeeling => "no feeling that has not come back",
            AtRest => "numbness that comes at rest",
            Spreading => "numbness that is spreading",
            Worsening => "numbness that is getting worse",
            NotResolved => "numbness not resolved within a week",
            KeepsComingBack => "numbness that keeps coming back after the plan stepped back",
            Lingering => "numbness that does not clear after runs",
            WarningSign => "a warning sign with the numbness",
        }
    }

    pub fn as_str(self) -> &'static str {
        use Pattern::*;
        match self {
            LowBackNerves => "low_back_nerves",
            FaceOrArm => "face_or_arm",
            ColdFoot => "cold_foot",
            TenseLeg => "tense_leg",
            Weakness => "weakness",
            WorseWithBackPain => "worse_with_back_pain",
            Exertional => "exertional",
            LegCirculation => "leg_circulation",
            BetweenToes => "between_toes",
            SoleAtNight => "sole_at_night",
            BothFeet => "both_feet",
            EasesSitting => "eases_sitting",
            NoFeeling => "no_feeling",
            AtRest => "at_rest",
            Spreading => "spreading",
            Worsening => "worsening",
            NotResolved => "not_resolved",
            KeepsComingBack => "keeps_coming_back",
            Lingering => "lingering",
            WarningSign => "warning_sign",
        }
    }
}

/// How soon, who to see, for what pattern, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Care {
    pub level: CareLevel,
    pub who: String,
    pub pattern: Pattern,
    /// The pattern in the runner's words.
    pub pattern_words: String,
    /// Plain sentences naming the dated check-ins behind the verdict.
    pub why: Vec<String>,
    /// The check-in date that opened the episode.
    pub since: NaiveDate,
}

impl Care {
    /// What to do, in order: how soon and who, the pattern, and what to stop.
    pub fn what_to_do(&self) -> Vec<String> {
        let mut out = vec![
            match self.level {
                CareLevel::Emergency => "Emergency: call the emergency number now, or go to an emergency department. No exercise at all.".to_string(),
                CareLevel::Urgent => format!(
                    "Urgent: get seen at {}. No running, walking for exercise or strength work until then.",
                    self.who
                ),
                CareLevel::Book => format!(
                    "Book an appointment with {}. Runs are suspended; walking and pain-free strength work stay until a clinician clears you.",
                    self.who
                ),
            },
            format!("The pattern: {}.", self.pattern_words),
        ];
        if self.pattern == Pattern::Exertional {
            // Mayo Clinic: don't exercise through the pain.
            out.push("Do not run through it: carrying on can make it lasting.".into());
        }
        out
    }
}

/// A stretch of days with runs suspended for care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Episode {
    pub care: Care,
    /// The order number of the check-in that opened it.
    pub since_seq: u64,
    /// The clearance that closed it, if any.
    pub cleared: Option<Clearance>,
}

impl Episode {
    /// The day the clearance was recorded for, if any.
    pub fn cleared_on(&self) -> Option<NaiveDate> {
        self.cleared.as_ref().map(|c| c.date)
    }

    /// Whether the episode is still open at the end of `date`.
    pub fn open_at(&self, date: NaiveDate) -> bool {
        self.care.since <= date && self.cleared_on().is_none_or(|c| c > date)
    }
}

/// The thresholds of the rules. Health context lowers them (NIDDK: a runner
/// with diabetes or circulation problems should reach care sooner).
struct Thresholds {
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
    fn for_health(health: &[Health]) -> Thresholds {
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
/// Settling within this many minutes of stopping (Mayo: 10–30 minutes).
const SETTLES_MINUTES: u32 = 30;

/// The care episodes in the journal up to `until`, oldest first: check-ins and
/// clearances taken in the order they happened.
pub(crate) fn episodes(journal: &Journal, profile: &Profile, until: NaiveDate) -> Vec<Episode> {
    let limits = Thresholds::for_health(&profile.health);
    let mut episodes: Vec<Episode> = Vec::new();
    let mut watch = Watch::new(profile.start);
    let mut clearances = journal.clearances().iter().peekable();

    for checkin in journal.checkins().iter().take_while(|c| c.date <= until) {
        while let Some(clearance) = clearances.next_if(|x| !x.comes_after(checkin)) {
            close(&mut episodes, clearance);
            watch = Watch::new(profile.start);
        }
        let Some(trigger) = watch.observe(checkin, &limits) else {
            continue;
        };
        match episodes.last_mut().filter(|e| e.cleared.is_none()) {
            None => episodes.push(Episode {
                care: Care {
                    level: trigger.pattern.level(),
                    who: trigger.pattern.who().to_string(),
                    pattern: trigger.pattern,
                    pattern_words: trigger.pattern.words().to_string(),
                    why: trigger.why,
                    since: checkin.date,
                },
                since_seq: checkin.seq,
                cleared: None,
            }),
            Some(open) if trigger.pattern.level() < open.care.level => {
                open.care.level = trigger.pattern.level();
                open.care.who = trigger.pattern.who().to_string();
                open.care.pattern = trigger.pattern;
                open.care.pattern_words = trigger.pattern.words().to_string();
                open.care.why.extend(trigger.why);
            }
            Some(_) => {}
        }
    }
    for clearance in clearances.take_while(|x| x.date <= until) {
        close(&mut episodes, clearance);
    }
    episodes
}

/// A clearance closes the open episode, if there is one.
fn close(episodes: &mut [Episode], clearance: &Clearance) {
    if let Some(open) = episodes.last_mut().filter(|e| e.cleared.is_none()) {
        open.cleared = Some(clearance.clone());
    }
}

/// What one check-in triggered: the strongest pattern and every sentence.
struct Trigger {
    pattern: Pattern,
    why: Vec<String>,
}

/// What the rules remember since the last clearance.
struct Watch<'a> {
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

/// Whether numbness of this check-in had not gone quickly (an unknown
/// clearing counts as not gone: when in doubt, the careful reading).
fn unresolved(c: &CheckIn) -> bool {
    c.numbness.is_symptomatic() && c.cleared != Some(Cleared::Quickly) && !lace_pattern(c)
}

/// Verywellfit: numbness only on the top of the foot that goes when the laces
/// are loosened is a lacing matter, not a clinician's.
pub(crate) fn lace_pattern(c: &CheckIn) -> bool {
    c.spots == [Spot::Top]
        && c.eased_by.contains(&Ease::LooseningLaces)
        && c.cleared != Some(Cleared::NotYet)
}

fn began_at_rest(c: &CheckIn) -> bool {
    matches!(c.onset, Some(Onset::Rest | Onset::Night))
}

/// How bad a check-in is, for "getting worse": the level, then how long it
/// took to clear (Mayo: a recovery time that grows).
fn severity(c: &CheckIn) -> (u8, u8) {
    let clearing = match c.cleared {
        Some(Cleared::Hours) => 1,
        Some(Cleared::NotYet) => 2,
        _ => 0,
    };
    (c.numbness.level(), clearing)
}

/// How far up the leg a check-in reaches: 1 part of the foot, 2 the whole
/// foot, 3 ankle or lower leg, 4 thigh or buttock; 0 when not said.
fn reach(c: &CheckIn) -> u8 {
    c.spots
        .iter()
        .map(|s| match s {
            Spot::WholeFoot => 2,
            Spot::Ankle | Spot::Shin | Spot::Calf => 3,
            Spot::Thigh | Spot::Buttock => 4,
            _ => 1,
        })
        .max()
        .unwrap_or(0)
}

/// A step back's trigger (Trials 2023, s13063-023-07502-x: symptoms above a
/// mild level drop one level): partly numb or worse during a
/// run, or numbness that took hours or has not cleared.
pub(crate) fn calls_for_step_back(c: &CheckIn) -> bool {
    let during = !matches!(c.onset, Some(Onset::After));
    (c.numbness >= Numbness::PARTLY_NUMB && during)
        || (c.numbness.is_symptomatic()
            && matches!(c.cleared, Some(Cleared::Hours | Cleared::NotYet)))
}

fn settles_within_minutes(c: &CheckIn) -> bool {
    match c.cleared_minutes {
        Some(m) => m <= SETTLES_MINUTES,
        None => c.cleared == Some(Cleared::Quickly),
    }
}

/// Days from `a` to `b` (by day numbers: cheaper than a chrono duration, and
/// this runs for every check-in of ten years).
fn days(a: NaiveDate, b: NaiveDate) -> i64 {
    i64::from(b.to_epoch_days()) - i64::from(a.to_epoch_days())
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
    fn new(plan_start: NaiveDate) -> Watch<'a> {
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
    fn observe(&mut self, c: &'a CheckIn, limits: &Thresholds) -> Option<Trigger> {
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
                    "{}: numbness began {} and had not cleared.",
                    day(),
                    onset_words(c)
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
                if let Some(first) = runs.first() {
                    if runs.len() + 1 >= EXERTIONAL_RUNS
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
}

/// The first check-in of a chain of `steps` check-ins ending in `c` whose
/// severity rises at every step, if there is one.
fn rising_chain<'a>(earlier: &[&'a CheckIn], c: &CheckIn, steps: usize) -> Option<&'a CheckIn> {
    if !earlier.iter().any(|e| severity(e) < severity(c)) {
        return None;
    }
    // chain[i]: the longest rising chain ending at earlier[i], and its start.
    let mut chain: Vec<(usize, &CheckIn)> = Vec::with_capacity(earlier.len());
    for (i, e) in earlier.iter().enumerate() {
        let best = (0..i)
            .filter(|j| severity(earlier[*j]) < severity(e))
            .map(|j| chain[j])
            .max_by_key(|(length, _)| *length)
            .map_or((1, *e), |(length, start)| (length + 1, start));
        chain.push(best);
    }
    (0..earlier.len())
        .filter(|i| severity(earlier[*i]) < severity(c))
        .map(|i| chain[i])
        .filter(|(length, _)| length + 1 >= steps)
        .max_by_key(|(length, _)| *length)
        .map(|(_, start)| start)
}

fn onset_words(c: &CheckIn) -> &'static str {
    c.onset.map_or("at an unknown time", |o| o.words())
}

fn describe_severity(c: &CheckIn) -> String {
    match c.cleared {
        Some(Cleared::Hours | Cleared::NotYet) => {
            format!(
                "{} that {}",
                c.numbness.words(),
                match c.cleared {
                    Some(Cleared::Hours) => "took hours to clear",
                    _ => "had not cleared",
                }
            )
        }
        _ => c.numbness.words().to_string(),
    }
}

fn spots_words(c: &CheckIn) -> String {
    let words: Vec<&str> = c.spots.iter().map(|s| s.words()).collect();
    words.join(", ")
}

pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
