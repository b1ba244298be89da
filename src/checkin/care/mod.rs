//! When to send the runner to a clinician, as one pipeline of pure steps:
//! check-ins become symptom events (`event`), events after each clearance
//! group into episodes and are walked in order (`timeline`), measures are
//! read at each moment (`measure`), one rules table says what they mean
//! (`rules`), and the care message is rebuilt from the whole episode
//! (`message`). `docs/care-rules.md` is the table for clinicians.

mod doc;
mod event;
mod extent;
mod found;
mod measure;
mod message;
mod pattern;
mod rules;
mod sides;
mod signal;
mod timeline;
mod waiting;

pub use doc::care_rules_markdown;
pub(crate) use event::{Clear, HOURS_AFTER_MINUTES, QUICK_MINUTES};
pub(crate) use measure::ClearedCare;
pub use pattern::{CareLevel, Pattern, When};
pub use rules::{Check, Effect, RULES, Rule};
pub(crate) use timeline::{Episode, Timeline};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How soon, who to see, for what pattern, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Care {
    pub level: CareLevel,
    /// How soon, as a word a script can read.
    pub when: When,
    /// How soon, in the runner's words: "now", "today", "within 2 working days".
    pub when_words: String,
    pub who: String,
    pub pattern: Pattern,
    /// The pattern in the runner's words.
    pub pattern_words: String,
    /// Plain sentences naming the dated check-ins behind the verdict, the
    /// most urgent first.
    pub why: Vec<String>,
    /// The day care began.
    pub since: NaiveDate,
    /// The rules that found it, by their ids in docs/care-rules.md.
    pub rules: Vec<String>,
}

impl Care {
    /// What to do, in order: how soon and who, the pattern, and what to stop.
    pub fn what_to_do(&self) -> Vec<String> {
        let mut out = vec![
            match self.level {
                CareLevel::Emergency => "Emergency: call the emergency number now, or go to an emergency department. No exercise at all.".to_string(),
                CareLevel::Urgent => format!(
                    "Urgent: be seen {} — {}. No running, walking for exercise or strength work until then.",
                    self.when_words, self.who
                ),
                CareLevel::Book => format!(
                    "Book an appointment with {}, {}. Runs are suspended; walking and pain-free strength work stay until a clinician clears you.",
                    self.who, self.when_words
                ),
            },
            format!("The pattern: {}.", self.pattern_words),
        ];
        // While a booking waits, what its pattern says to do and to watch
        // for still stands.
        let pattern = self.booked_before().unwrap_or(self.pattern);
        if matches!(pattern, Pattern::Exertional | Pattern::EarlierOnset) {
            // Mayo Clinic: don't exercise through the pain.
            out.push("Do not run through it: carrying on can make it lasting.".into());
        }
        if let Some(booked) = self.booked_before() {
            out.push(match booked {
                _ if self.level == CareLevel::Book => format!(
                    "If you already have an appointment for {}, ask to be seen sooner.",
                    booked.words()
                ),
                Pattern::BackAfterClearance => "Tell them you were waiting to see the clinician who cleared you, because the numbness had come back, and keep that appointment too.".to_string(),
                _ => {
                    // "…a GP or family doctor, who can test for diabetes and
                    // B12, for numbness in both feet" (the clinician's
                    // twentieth review: without the comma, B12 is tested for
                    // the numbness).
                    let who = booked.booked_with();
                    let then = if who.contains(',') { ", for" } else { " for" };
                    format!(
                        "Tell them you were waiting to see {who}{then} {}, and keep that appointment too.",
                        booked.words()
                    )
                }
            });
            // Another pattern found while waiting keeps its own clinician
            // (the clinician's twentieth review: a thigh numb after a drive,
            // worth a GP or spine clinician, read only "waiting to see a
            // podiatrist").
            for other in self.also_booked(booked) {
                out.push(format!(
                    "Tell them too about the {}: on its own it would be booked with {}.",
                    other.words(),
                    other.booked_with()
                ));
            }
        }
        // Safety-netting while waiting: a settled tense calf or pale foot
        // that comes back and stays is the emergency (StatPearls
        // "Compartment syndrome"; NICE CKS "Acute limb ischaemia").
        if self.level != CareLevel::Emergency {
            match pattern {
                Pattern::TenseLeg | Pattern::Exertional => out.push(
                    "If your calf or shin turns tight and painful and does not ease with rest, call the emergency number now.".into(),
                ),
                Pattern::ColdFoot => out.push(
                    "If the foot turns cold, pale or blue again and does not warm up within minutes, call the emergency number now.".into(),
                ),
                // NHS "Cauda equina syndrome": the signs to act on at once
                // while a back or both-sided pattern waits (the clinician's
                // twentieth review).
                Pattern::BothFeet
                | Pattern::BothLegs
                | Pattern::LowerLegsInTurn
                | Pattern::AboveTheKnee
                | Pattern::EasesSitting
                | Pattern::SittingProvoked
                | Pattern::WorseWithBackPain
                | Pattern::WithBackPain
                | Pattern::Weakness => out.push(pattern::SADDLE_SAFETY_NET.into()),
                _ => {}
            }
        }
        out
    }

    /// Numbness back or getting worse while waiting for an appointment: the pattern
    /// that booked it, so its clinician is not lost under urgent care (the
    /// clinician's nineteenth review: a podiatrist's booking for numbness
    /// between the toes read only "urgent care" once it grew worse).
    fn booked_before(&self) -> Option<Pattern> {
        if self.pattern != Pattern::Progression {
            return None;
        }
        let booked: Vec<Pattern> = self
            .booked_patterns()
            .into_iter()
            .filter(|p| *p != Pattern::Progression)
            .collect();
        // The most specific pattern, as the booking named it.
        booked
            .iter()
            .find(|p| !p.books_generally())
            .or(booked.first())
            .copied()
    }

    /// The patterns booked in this care, in the table's order.
    fn booked_patterns(&self) -> Vec<Pattern> {
        self.rules
            .iter()
            .filter_map(|id| RULES.iter().find(|r| r.id == id))
            .filter(|r| matches!(r.effect, Effect::Care(CareLevel::Book, _)))
            .filter_map(|r| r.pattern)
            .collect()
    }

    /// The other specific patterns booked besides `booked`, one for each
    /// clinician not already named.
    fn also_booked(&self, booked: Pattern) -> Vec<Pattern> {
        let mut named = vec![booked.booked_with()];
        let mut also = Vec::new();
        for p in self.booked_patterns() {
            if !p.books_generally() && !named.contains(&p.booked_with()) {
                named.push(p.booked_with());
                also.push(p);
            }
        }
        also
    }
}

/// Verywellfit: numbness only on the top of the foot that eased when the
/// laces were loosened is a lacing matter (the advice reads it too).
pub(crate) fn lace_pattern(c: &crate::checkin::CheckIn) -> bool {
    event::Event::of(c).is_some_and(|e| e.lace_pattern())
}

/// "Partly numb" from "partly numb".
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
