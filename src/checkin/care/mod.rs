//! When to send the runner to a clinician: the care levels, the patterns
//! (in the runner's words, with who to see), and the care episodes. A care
//! episode opens on the first check-in that triggers a rule (`watch`) and
//! stays open until a clinician's clearance is recorded after it; runs are
//! suspended meanwhile. The rules are listed for clinicians in
//! `docs/care-rules.md`.

mod measure;
mod watch;

pub(crate) use measure::{calls_for_step_back, capitalised, lace_pattern};

use super::{Clearance, Journal};
use crate::plan::Profile;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use watch::{Thresholds, Watch};

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
    #[inline]
    pub fn cleared_on(&self) -> Option<NaiveDate> {
        self.cleared.as_ref().map(|c| c.date)
    }

    /// Whether the episode is still open at the end of `date`.
    #[inline]
    pub fn open_at(&self, date: NaiveDate) -> bool {
        self.care.since <= date && self.cleared_on().is_none_or(|c| c > date)
    }
}

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
