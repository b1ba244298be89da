//! The patterns a care verdict names — in the runner's words, never as a
//! diagnosis — with who to see for each, and how soon each level means.

use serde::{Deserialize, Serialize};

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

    /// Whether any exercise at all may be prescribed meanwhile.
    pub fn allows_exercise(self) -> bool {
        self == CareLevel::Book
    }
}

/// How soon, as `status --json` names it (`care.when`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum When {
    Now,
    Today,
    TwoWorkingDays,
    OneWeek,
}

impl When {
    pub fn as_str(self) -> &'static str {
        match self {
            When::Now => "now",
            When::Today => "today",
            When::TwoWorkingDays => "two_working_days",
            When::OneWeek => "one_week",
        }
    }

    /// "within 2 working days".
    pub fn words(self) -> &'static str {
        match self {
            When::Now => "now",
            When::Today => "today",
            When::TwoWorkingDays => "within 2 working days",
            When::OneWeek => "within a week",
        }
    }
}

/// The clinicians a booking names when no pattern is more specific
/// (Ask Dr. Green: an orthopedist or a physical therapist).
const GENERAL: &str = "an orthopedist, a physical therapist or a sports doctor";

/// Who the nerves of the back and the leg are booked with.
const SPINE: &str = "a GP or a spine clinician";

/// Declares the patterns: id, words, and who to see when booked. The order
/// is the order of specificity: when several are found at the same level,
/// the first names who to see.
macro_rules! patterns {
    ($($variant:ident = $id:literal, $words:literal, $who:expr;)+) => {
        /// The pattern behind a care verdict.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
            schemars::JsonSchema,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum Pattern { $($variant),+ }

        impl Pattern {
            pub const ALL: &'static [Pattern] = &[$(Pattern::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Pattern::$variant => $id),+ }
            }

            /// The pattern in the runner's words.
            pub fn words(self) -> &'static str {
                match self { $(Pattern::$variant => $words),+ }
            }

            /// Who to book for this pattern.
            pub fn booked_with(self) -> &'static str {
                match self { $(Pattern::$variant => $who),+ }
            }
        }
    };
}

/// NHS "Cauda equina syndrome": the signs to act on at once while a back,
/// above-the-knee or both-sided pattern waits.
pub const SADDLE_SAFETY_NET: &str = "If the groin or the area you sit on goes numb, or your bladder or bowels change, call the emergency number now.";

patterns! {
    // NHS "Cauda equina syndrome": after emergency care, follow-up with a
    // GP or a spine clinician (who a return after its clearance books; the
    // clinician's seventeenth review).
    LowBackNerves = "low_back_nerves", "warning signs from the nerves of the lower back", SPINE;
    FaceOrArm = "face_or_arm", "numbness or weakness of the face or arm", GENERAL;
    // NHS "Sciatica": numbness in both legs; a GP or spine clinician when mild.
    BothLegs = "both_legs", "numbness in both legs, thighs or buttocks", SPINE;
    // NICE CKS "Sciatica": a GP or spine clinician when each side settled
    // (the clinician's twenty-first review: a handover should say what
    // was felt, not "both legs").
    LowerLegsInTurn = "lower_legs_in_turn", "tingling in one lower leg and later the other, each settling", SPINE;
    WholeLeg = "whole_leg", "numbness of a whole leg, or above the knee at rest without clearing", GENERAL;
    NoFeelingAtRest = "no_feeling_at_rest", "no feeling at rest that has not come back", GENERAL;
    // NICE CG147: a GP or a vascular clinic.
    ColdFoot = "cold_foot", "a foot that turns cold, pale or blue", "a GP or a vascular clinic";
    // StatPearls, compartment syndrome; Mayo: a sports medicine doctor.
    TenseLeg = "tense_leg", "a tight or painful calf", "a sports medicine doctor";
    // NHS "Foot drop": a GP, who refers on (nerve or spine).
    Weakness = "weakness", "new weakness in the leg or foot", SPINE;
    // NHS "Cauda equina syndrome": weakness in both legs.
    WeaknessBothLegs = "weakness_both_legs", "weakness in both legs or feet", SPINE;
    // NICE NG19: the foot protection service or diabetes foot team; without
    // diabetes a GP or a podiatrist (the clinician's fourteenth review: the
    // diabetes foot team named to a runner without diabetes misleads).
    FootWound = "foot_wound", "a cut, blister or redness on a foot that did not feel it", "your GP or a podiatrist (with diabetes, the diabetes foot team)";
    Progression = "progression", "numbness back or getting worse while waiting for an appointment", GENERAL;
    WorseWithBackPain = "worse_with_back_pain", "leg symptoms getting worse with back pain or a history of back trouble", SPINE;
    // NICE NG19; ADA Standards of Care, foot care. With diabetes the foot
    // team looks first, whatever else the runs show (the foot protection
    // service assesses nerves and circulation; the clinician's eleventh
    // review).
    DiabeticFoot = "diabetic_foot", "new foot numbness with diabetes", "your GP or the diabetes foot team";
    // NICE CG147, known PAD: symptoms at rest or at night.
    RestWithPoorCirculation = "rest_with_poor_circulation", "numbness at rest or at night, with circulation problems", "a GP or a vascular clinic";
    // NICE CG147, known PAD: a GP or a vascular clinic.
    Claudication = "claudication", "cramp or numbness with runs that eases at rest, with circulation problems", "a GP or a vascular clinic";
    // Mayo, popliteal artery entrapment: a sports medicine doctor.
    LegCirculation = "leg_circulation", "a cold, pale or cramping leg with runs", "a sports medicine doctor";
    // Back to the clinician who cleared it, who knows the runner.
    BackAfterClearance = "back_after_clearance", "numbness back after a clinician cleared you", "the clinician who cleared you";
    // The place or the easing that names its own cause comes before the
    // exertional pattern it may also match: three tingles between the toes
    // at one minute are a neuroma's, numbness eased by sitting the spine's
    // (the clinician's twenty-third review: both booked a sports doctor).
    // Morton's neuroma patient pages: a podiatrist or an orthopedist.
    BetweenToes = "between_toes", "numbness between the toes that keeps coming back", "a podiatrist or an orthopedist";
    // eOrthopod, neurogenic claudication.
    EasesSitting = "eases_sitting", "numbness that eases on sitting or bending forward", SPINE;
    // Mayo Clinic, chronic exertional compartment syndrome.
    Exertional = "exertional", "numbness or tightness that comes on with runs and settles with rest", "a sports medicine doctor";
    EarlierOnset = "earlier_onset", "numbness starting earlier and earlier in the run", "a sports medicine doctor";
    // StatPearls "Compartment syndrome"; Mayo Clinic, chronic exertional
    // compartment syndrome: a sports medicine doctor.
    LegSlowToClear = "leg_slow_to_clear", "numbness in the leg that takes hours to go after exercise", "a sports medicine doctor";
    // Mayo Clinic "Numbness": loss of feeling that comes back is still a
    // doctor's question once it repeats.
    NoFeelingAgain = "no_feeling_again", "no feeling at all, more than once", "a sports medicine doctor";
    // NICE CG147: tissue loss with peripheral arterial disease.
    WoundPoorCirculation = "wound_poor_circulation", "a cut, blister or redness on a foot with poor circulation", "a GP or a vascular clinic";
    // StatPearls, anterior tarsal tunnel syndrome.
    TopOfFoot = "top_of_foot", "numbness on the top of the foot for weeks, the lacing changed or not", "a podiatrist or a sports doctor";
    // NIDDK, peripheral neuropathy: a family doctor, with blood tests.
    BothFeet = "both_feet", "numbness in both feet", "a GP or family doctor, who can test for diabetes and B12";
    // AAOS OrthoInfo, AOFAS FootCareMD: tarsal tunnel syndrome.
    SoleAtNight = "sole_at_night", "numbness in the sole or heel at night or at rest", "an orthopedist or a podiatrist";
    // NICE CKS "Sciatica": with a history of back trouble, ahead of the
    // nerve-root pattern below (the clinician's eleventh review).
    SittingProvoked = "sitting_provoked", "leg or buttock numbness that comes on at rest, with a history of back trouble", "a GP or a physiotherapist";
    // NICE CKS "Sciatica": leg numbness with back pain is assessed in
    // primary care or by a physiotherapist (the clinician's twenty-first
    // review: not the clinicians of a foot that keeps going numb).
    WithBackPain = "with_back_pain", "leg or foot numbness with back pain", "a GP or a physiotherapist";
    // NICE CKS "Sciatica": a nerve-root pattern, assessed.
    AboveTheKnee = "above_the_knee", "numbness reaching above the knee", SPINE;
    NoFeeling = "no_feeling", "no feeling that has not come back", GENERAL;
    SuddenNoFeeling = "sudden_no_feeling", "no feeling that came on at rest and took a while to come back", GENERAL;
    AtRest = "at_rest", "numbness that comes at rest", GENERAL;
    RestAfterRuns = "rest_after_runs", "numbness now at rest or at night, after weeks of it with runs", GENERAL;
    Spreading = "spreading", "numbness that is spreading", GENERAL;
    Worsening = "worsening", "numbness that is getting worse or not settling", GENERAL;
    NotResolved = "not_resolved", "numbness not resolved within a week", GENERAL;
    Lingering = "lingering", "numbness that does not clear after runs", GENERAL;
    KeepsComingBack = "keeps_coming_back", "numbness that keeps coming back", GENERAL;
    WarningSign = "warning_sign", "a warning sign (sharp pain)", GENERAL;
}

impl Pattern {
    /// Whether it books the general clinicians: no place or cause of its own.
    pub fn books_generally(self) -> bool {
        self.booked_with() == GENERAL
    }

    /// Who to see for this pattern at `level`.
    pub fn who(self, level: CareLevel) -> &'static str {
        match (level, self) {
            (CareLevel::Emergency, _) => "the emergency number or an emergency department",
            // NICE NG19: an active diabetic foot problem is seen within one
            // working day, by the foot service.
            (CareLevel::Urgent, Pattern::FootWound) => {
                "your GP or the diabetes foot team (urgent care if they cannot see you)"
            }
            // NICE CKS "Sciatica": a progressing deficit is assessed
            // urgently; the GP who knows the booking can arrange it (the
            // clinician's twenty-fourth review: not an emergency department
            // for a tingle not cleared twice).
            (CareLevel::Urgent, Pattern::Progression) => {
                "your GP, or urgent care if your GP cannot see you today"
            }
            (CareLevel::Urgent, _) => "urgent care or an emergency department",
            (CareLevel::Book, pattern) => pattern.booked_with(),
        }
    }
}
