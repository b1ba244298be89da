//! The check-in's fields with fixed values: where, which side, when it
//! began, how it cleared, what eased it, the session, the warning flags, and
//! the numbness level. Each spells itself for the command
//! line and JSON and has words for sentences.

use crate::choice::choice;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

choice!(
    /// Where the numbness was felt.
    Spot {
        Toes = "toes" / "toes",
        Ball = "ball" / "ball of the foot",
        Arch = "arch" / "arch",
        Heel = "heel" / "heel",
        Top = "top" / "top of the foot",
        Ankle = "ankle" / "ankle",
        Calf = "calf" / "calf",
        BetweenToes = "between_toes" / "between the toes",
        Sole = "sole" / "sole",
        WholeFoot = "whole_foot" / "whole foot",
        Shin = "shin" / "shin",
        Thigh = "thigh" / "thigh",
        Buttock = "buttock" / "buttock",
    }
);

choice!(
    Side {
        Left = "left" / "left",
        Right = "right" / "right",
        Both = "both" / "both sides",
    }
);

choice!(
    /// When the numbness began.
    Onset {
        During = "during" / "during the run",
        After = "after" / "after the run",
        Rest = "rest" / "at rest",
        Night = "night" / "at night",
    }
);

choice!(
    /// How soon it went away after stopping.
    Cleared {
        Quickly = "quickly" / "cleared quickly",
        Hours = "hours" / "took hours to clear",
        NotYet = "not_yet" / "has not cleared",
    }
);

choice!(
    /// What made the numbness ease.
    Ease {
        Stopping = "stopping" / "stopping",
        LooseningLaces = "loosening_laces" / "loosening the laces",
        SittingOrBending = "sitting_or_bending" / "sitting or bending forward",
        Nothing = "nothing" / "nothing",
    }
);

choice!(
    /// What became of the day's planned session.
    SessionDone {
        Done = "done" / "run done",
        Partial = "partial" / "run cut short",
        Skipped = "skipped" / "run skipped",
        RestDay = "rest_day" / "rest day",
    }
);

choice!(
    /// Warning signs that send the runner to a clinician; the care rules say
    /// how soon.
    Flag {
        SharpPain = "sharp_pain" / "sharp pain",
        SkinColour = "skin_colour" / "skin colour change",
        Weakness = "weakness" / "weakness in the leg or foot",
        BackPain = "back_pain" / "back pain",
        Saddle = "saddle" / "numbness in the groin or saddle area",
        BladderBowel = "bladder_bowel" / "new bladder or bowel trouble",
        ColdPale = "cold_pale" / "a cold, pale or blue foot",
        CalfTightness = "calf_tightness" / "calf tightness or cramping",
        FootDrop = "foot_drop" / "a dropping or slapping foot",
        LegPainBoth = "leg_pain_both" / "pain down both legs",
        FaceArm = "face_arm" / "numbness or weakness of the face or arm",
        FootWound = "foot_wound" / "a cut, blister or redness on the foot that was not felt",
    }
);

/// Numbness level: 0 none, 1 tingling, 2 partly numb, 3 no feeling.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct Numbness(u8);

impl Numbness {
    pub const NONE: Numbness = Numbness(0);
    pub const TINGLING: Numbness = Numbness(1);
    pub const PARTLY_NUMB: Numbness = Numbness(2);
    pub const NO_FEELING: Numbness = Numbness(3);

    #[inline]
    pub fn level(self) -> u8 {
        self.0
    }

    #[inline]
    pub fn is_symptomatic(self) -> bool {
        self.0 > 0
    }

    pub fn words(self) -> &'static str {
        match self.0 {
            0 => "no numbness",
            1 => "tingling",
            2 => "partly numb",
            _ => "no feeling",
        }
    }

    /// "0 none, 1 tingling, 2 partly numb, 3 no feeling": the scale as the
    /// help and the man page give it.
    pub fn scale() -> String {
        [
            Self::NONE,
            Self::TINGLING,
            Self::PARTLY_NUMB,
            Self::NO_FEELING,
        ]
        .iter()
        .map(|n| match n.0 {
            0 => "0 none".to_string(),
            level => format!("{level} {}", n.words()),
        })
        .collect::<Vec<_>>()
        .join(", ")
    }
}

impl TryFrom<u8> for Numbness {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, String> {
        if value <= 3 {
            Ok(Numbness(value))
        } else {
            Err(format!(
                "numbness {value}: expected 0 (none), 1 (tingling), 2 (partly numb) or 3 (no feeling)"
            ))
        }
    }
}

impl schemars::JsonSchema for Numbness {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Numbness".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "0 none, 1 tingling, 2 partly numb, 3 no feeling.",
            "type": "integer",
            "minimum": 0,
            "maximum": 3
        })
    }
}

impl From<Numbness> for u8 {
    fn from(n: Numbness) -> u8 {
        n.0
    }
}

impl FromStr for Numbness {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        s.parse::<u8>()
            .ok()
            .and_then(|n| Numbness::try_from(n).ok())
            .ok_or_else(|| {
                "expected 0 (none), 1 (tingling), 2 (partly numb) or 3 (no feeling)".to_string()
            })
    }
}

/// ["at the toes", "arch"] or ["between the toes", "at the arch"]: the
/// places, each run of them after "at the" but between the toes.
pub fn at_places(spots: &[Spot]) -> Vec<String> {
    let mut after_between = true;
    spots
        .iter()
        .map(|s| {
            let between = *s == Spot::BetweenToes;
            let text = if between || !after_between {
                s.words().to_string()
            } else {
                format!("at the {}", s.words())
            };
            after_between = between;
            text
        })
        .collect()
}
