//! The verdict: what this week's check-ins mean for the plan (docs/care-rules.md lists its rules),
//! with the reasons behind it and advice that follows the check-ins.

use super::care::lace_pattern;
use super::{
    Care, CareLevel, CheckIn, Ease, Flag, Health, Onset, Side, Spot, and_list, short_date,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Shown wherever a verdict is shown.
pub const NOTICE: &str = "Not medical advice: comeback gives training guidance, not a diagnosis.";

/// Verdict statuses, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    UrgentCare,
    SeekCare,
    StepBack,
    Hold,
    OnTrack,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::UrgentCare => "urgent_care",
            Status::SeekCare => "seek_care",
            Status::StepBack => "step_back",
            Status::Hold => "hold",
            Status::OnTrack => "on_track",
        }
    }

    /// "STEP BACK".
    pub fn label(self) -> String {
        self.as_str().to_uppercase().replace('_', " ")
    }

    /// The headline a runner reads after the label.
    pub fn headline(self) -> &'static str {
        match self {
            Status::UrgentCare => "stop running and get medical care today",
            Status::SeekCare => "see a clinician before you run again",
            Status::StepBack => "next week repeats the stage before",
            Status::Hold => "repeat this stage next week",
            Status::OnTrack => "keep going",
        }
    }

    pub fn is_care(self) -> bool {
        matches!(self, Status::UrgentCare | Status::SeekCare)
    }
}

/// A status, the reasons for it, and what to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub status: Status,
    pub reasons: Vec<String>,
    pub advice: Vec<String>,
    pub care: Option<Care>,
    /// How the journal moved today's week into the stage it runs, if it did.
    #[serde(skip)]
    pub moved: Option<crate::plan::Move>,
    /// How many of the first `advice` lines warn of injury risk (a run that
    /// jumped): screens keep them in sight.
    #[serde(skip)]
    pub warnings: usize,
}

impl Verdict {
    /// The headline a runner reads after the label: how soon, when care is open.
    pub fn headline(&self) -> &'static str {
        use crate::plan::Move;
        match (self.care.as_ref().map(|c| c.level), self.status, self.moved) {
            (Some(CareLevel::Emergency), ..) => "call the emergency number now",
            (Some(CareLevel::Urgent), ..) => "stop all exercise and get medical care today",
            // The Monday after a move: say what this week is, not "keep going".
            (None, Status::OnTrack, Some(Move::StepBack)) => {
                "this week runs the stage before, after last week's symptoms"
            }
            (None, Status::OnTrack, Some(Move::Repeat)) => "this week repeats the stage",
            (None, Status::OnTrack, Some(Move::Resume)) => "running again, one stage back",
            (None, Status::OnTrack, Some(Move::NewLayoff)) => {
                "back after a break, by the layoff bands"
            }
            _ => self.status.headline(),
        }
    }

    /// "STEP BACK", or "EMERGENCY" when care is at that level (its status
    /// stays `urgent_care` for scripts; `care.level` says `emergency`).
    pub fn label(&self) -> String {
        match self.care.as_ref().map(|c| c.level) {
            Some(CareLevel::Emergency) => "EMERGENCY".into(),
            _ => self.shown_status().label(),
        }
    }

    /// The status a runner is shown: on the Monday after symptoms moved the
    /// plan, the move in force ("HOLD" or "STEP BACK" above "this week
    /// repeats the stage", never "ON TRACK": DESIGN.md §4 v3, step 5, the
    /// headline never contradicts the lines below it). `status` stays this
    /// week's own, for scripts.
    pub fn shown_status(&self) -> Status {
        use crate::plan::Move;
        match (self.care.is_some(), self.status, self.moved) {
            (false, Status::OnTrack, Some(Move::StepBack)) => Status::StepBack,
            (false, Status::OnTrack, Some(Move::Repeat)) => Status::Hold,
            _ => self.status,
        }
    }

    pub fn from_care(care: Care, advice: Vec<String>) -> Verdict {
        let status = match care.level {
            CareLevel::Emergency | CareLevel::Urgent => Status::UrgentCare,
            CareLevel::Book => Status::SeekCare,
        };
        Verdict {
            status,
            reasons: care.why.clone(),
            advice,
            care: Some(care),
            moved: None,
            warnings: 0,
        }
    }
}

/// What one week's check-ins say, short of care.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WeekSignal {
    pub status: Status,
    pub reasons: Vec<String>,
    /// The first check-in that called for a step back.
    pub step_back_on: Option<NaiveDate>,
}

/// Words in a note that suggest symptoms the check-in did not record.
const SYMPTOM_WORDS: &[&str] = &[
    "numb",
    "tingl",
    "pins",
    "burning",
    "weak",
    "blister",
    "bladder",
    "saddle",
    // Loss of feeling said in other words (the clinician's twentieth
    // review: "could not feel my right foot" got no line).
    "not feel",
    "n't feel",
    "no feeling",
    "lost feeling",
    "lost the feeling",
    "losing feeling",
    "sensation",
    "fell asleep",
    "went dead",
    "went to sleep",
    "buzz",
];

/// Words in a note that name a warning sign, and the sign (the flags the
/// care rules read: DESIGN.md §4 v3, step 1).
const FLAG_WORDS: &[(&str, Flag)] = &[
    ("weak", Flag::Weakness),
    ("foot drop", Flag::FootDrop),
    ("slap", Flag::FootDrop),
    ("tripp", Flag::FootDrop),
    ("can't lift", Flag::FootDrop),
    ("cannot lift", Flag::FootDrop),
    ("bladder", Flag::BladderBowel),
    ("bowel", Flag::BladderBowel),
    // Said in other words (the clinician's twenty-first review: "wet
    // myself a little on the long run" got no line).
    ("incontinen", Flag::BladderBowel),
    ("wet myself", Flag::BladderBowel),
    ("leak", Flag::BladderBowel),
    (" pee", Flag::BladderBowel),
    ("urinat", Flag::BladderBowel),
    ("urine", Flag::BladderBowel),
    ("gave way", Flag::Weakness),
    ("giving way", Flag::Weakness),
    ("buckl", Flag::Weakness),
    ("saddle", Flag::Saddle),
    ("groin", Flag::Saddle),
    // Said in a runner's words (the clinician's twenty-second review:
    // "numb between my legs" got the generic line, with no saddle place to
    // record; "the loo", "dragged" and "flopping" got none).
    ("between my legs", Flag::Saddle),
    ("crotch", Flag::Saddle),
    ("down there", Flag::Saddle),
    ("when i wipe", Flag::Saddle),
    // (The twenty-third: "couldn't feel the toilet paper", "both bum
    // cheeks numb", "lost control a bit", "couldn't hold it", "had an
    // accident in my shorts", "my leg gave out", "foot kept catching the
    // kerb". A word inside a longer one already found is that one's:
    // "toilet" in "toilet paper".)
    ("toilet paper", Flag::Saddle),
    ("bum cheek", Flag::Saddle),
    ("buttocks", Flag::Saddle),
    ("lost control", Flag::BladderBowel),
    ("couldn't hold it", Flag::BladderBowel),
    ("could not hold it", Flag::BladderBowel),
    ("an accident in", Flag::BladderBowel),
    ("gave out", Flag::Weakness),
    ("kept catching", Flag::FootDrop),
    ("catching the", Flag::FootDrop),
    // (Whole enough not to catch "speed", "loose laces" or "flip-flops".)
    ("the loo", Flag::BladderBowel),
    ("toilet", Flag::BladderBowel),
    ("dragg", Flag::FootDrop),
    ("flopp", Flag::FootDrop),
    ("blister", Flag::FootWound),
    ("cold", Flag::ColdPale),
    ("pale", Flag::ColdPale),
    ("blue", Flag::ColdPale),
    ("back pain", Flag::BackPain),
    ("cramp", Flag::CalfTightness),
    ("sharp", Flag::SharpPain),
];

/// The warning signs a note is asked about even on a day that recorded
/// nothing: weakness, a dropping foot, the saddle, the bladder or bowel.
const NERVE_SIGNS: &[Flag] = &[
    Flag::Weakness,
    Flag::FootDrop,
    Flag::Saddle,
    Flag::BladderBowel,
];

/// A line for each check-in whose note speaks of what it did not record:
/// symptoms on a symptom-free day, or a warning sign not ticked. Nothing is
/// decided from free text, so the runner is asked to record it.
pub(crate) fn note_lines(checkins: &[CheckIn]) -> Vec<String> {
    checkins
        .iter()
        .filter_map(|c| {
            let note = c.note.as_deref()?.to_lowercase().replace('’', "'");
            // A sign of the nerves' or the spine's on a day with nothing
            // recorded is asked about as a sign (the clinician's
            // eighteenth review: "can't lift my toes" the day after a
            // slapping foot got no line).
            let sign = FLAG_WORDS.iter().find(|(w, flag)| {
                note.contains(*w) && !c.flags.contains(flag) && NERVE_SIGNS.contains(flag)
            });
            if !c.is_notable() && sign.is_none() {
                let word = SYMPTOM_WORDS.iter().find(|w| note.contains(*w))?;
                return Some(format!(
                    "The note of {} mentions \"{word}…\" but the check-in says no numbness: if you had symptoms, record them with their level (comeback decides from what is recorded, never from notes).",
                    short_date(c.date)
                ));
            }
            // Every sign the note names and the check-in lacks, the
            // nerves' first (the clinician's twentieth review: "foot
            // slapping, felt weak" asked only about weakness).
            let mut signs: Vec<(&str, Flag)> = Vec::new();
            let mut found: Vec<&str> = Vec::new();
            for &(word, flag) in FLAG_WORDS {
                if !note.contains(word) || found.iter().any(|w| w.contains(word)) {
                    continue;
                }
                found.push(word);
                if !c.flags.contains(&flag) && !signs.iter().any(|(_, f)| *f == flag) {
                    signs.push((word, flag));
                }
            }
            signs.sort_by_key(|(_, flag)| !NERVE_SIGNS.contains(flag));
            if signs.is_empty() {
                return None;
            }
            let words: Vec<String> = signs.iter().map(|(w, _)| format!("\"{}…\"", w.trim())).collect();
            let names: Vec<String> = signs.iter().map(|(_, f)| f.words().to_string()).collect();
            let flags: Vec<String> = signs
                .iter()
                .map(|(_, f)| format!("`--flag {}`", f.as_str()))
                .collect();
            let (it, that) = match signs.len() {
                1 => ("it", "that sign"),
                _ => ("them", "those signs"),
            };
            Some(format!(
                "The note of {} mentions {} but the check-in has no warning sign for {it}: if you had {}, record it again with {that} ticked ({}; comeback decides from what is recorded, never from notes).",
                short_date(c.date),
                and_list(&words),
                and_list(&names),
                flags.join(" ")
            ))
        })
        .collect()
}

/// Advice that follows the check-ins' onset, place and easing (source
/// articles: Ask Dr. Green; a running blog on numb feet; eHow). Running advice is given only while runs are
/// allowed; the health context adds its own.
pub(crate) fn advice(checkins: &[CheckIn], runs_allowed: bool, health: &[Health]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        if !out.iter().any(|a| a == text) {
            out.push(text.to_string());
        }
    };
    // NIDDK: with diabetes, a daily look at the feet for blisters or cuts.
    if health.contains(&Health::Diabetes) {
        add("Check both feet every day for blisters, cuts or red spots you may not feel.");
    }
    if !runs_allowed {
        return out;
    }
    let symptomatic: Vec<&CheckIn> = checkins
        .iter()
        .filter(|c| c.numbness.is_symptomatic())
        .collect();
    for c in &symptomatic {
        let at = |spots: &[Spot]| c.spots.iter().any(|s| spots.contains(s));
        // Laces are a foot's matter: not when the numbness reached the leg
        // or eased on sitting (the clinician's seventh review).
        let beyond_the_laces = at(&[
            Spot::Ankle,
            Spot::Shin,
            Spot::Calf,
            Spot::Thigh,
            Spot::Buttock,
        ]) || c.eased_by.contains(&Ease::SittingOrBending);
        if c.onset == Some(Onset::During)
            && !beyond_the_laces
            && (at(&[Spot::Toes, Spot::Top]) || c.spots.is_empty() || lace_pattern(c))
        {
            // Running blog: ~90% of numbness during a run is laces too tight near the toes.
            add(
                "Loosen the laces over the toes; try window lacing that skips the eyelets over the numb spot, or straight-bar lacing for the top of the foot.",
            );
        }
        if c.eased_by.contains(&Ease::LooseningLaces) {
            add(
                "Lace snug from the toes up, not tight, and re-check the laces once the feet have swollen mid-run.",
            );
        }
        if c.onset == Some(Onset::After) {
            // Running blog: sitting straight after, on a low seat, pinches circulation.
            add(
                "Walk or stand for 3 to 5 minutes before you sit down, and keep off low seats after runs.",
            );
        }
        if at(&[
            Spot::Ball,
            Spot::Arch,
            Spot::Heel,
            Spot::Sole,
            Spot::BetweenToes,
        ]) {
            // Shoe fit checklist and eHow article: fit, age, padding, inserts, toe box.
            add(
                "Check shoe fit and age: try them late in the day with running socks, allow for swelling (often half a size up), a roomy toe box, and replace worn inserts.",
            );
        }
        if at(&[Spot::Calf, Spot::Shin, Spot::Thigh, Spot::Buttock])
            || c.flags.contains(&Flag::BackPain)
        {
            // Dr. Green: the lumbar spine; eHow: shorter strides for a worn disc.
            add("Keep up the core and hip strength work, and shorten your stride.");
        }
        if c.side == Some(Side::Both) {
            add("Numbness on both sides is worth telling a clinician about if it comes back.");
        }
    }
    // One line for the minute it starts: the earliest of the recent runs.
    // Laces are a foot's matter: numbness only above the ankle gets the
    // walk break alone.
    let in_the_leg_only = |c: &&&CheckIn| {
        !c.spots.is_empty()
            && c.spots
                .iter()
                .all(|s| matches!(s, Spot::Calf | Spot::Shin | Spot::Thigh | Spot::Buttock))
    };
    let during: Vec<&&CheckIn> = symptomatic
        .iter()
        .filter(|c| c.onset == Some(Onset::During) && c.minutes.is_some())
        .collect();
    if let Some(minutes) = during.iter().filter_map(|c| c.minutes).min() {
        let minutes = crate::count::count(minutes as usize, "minute", "minutes");
        if during.iter().all(in_the_leg_only) {
            add(&format!(
                "It has started about {minutes} in: take a walk break before that point."
            ));
        } else {
            add(&format!(
                "It has started about {minutes} in: take a walk break and loosen the laces a little before that point."
            ));
        }
    }
    out
}
