//! Step 5 of the care pipeline: the words. The care message is rebuilt from
//! the whole episode each time it is read — the most urgent finding first,
//! who for the most specific pattern, how soon, every dated check-in that
//! raised it, and what was recorded since — so it never goes stale.

use super::Care;
use super::event::Event;
use super::pattern::{CareLevel, Pattern, When};
use super::rules::{Effect, RULES, RuleBits};
use super::timeline::{Episode, Finding};
use crate::checkin::{CheckIn, and_list, day_words};
use chrono::NaiveDate;

/// How many later check-ins or runs a message names one by one.
const SHOWN: usize = 5;

/// The findings kept for a message, the most urgent first, with the level,
/// how soon and the pattern they give.
pub(super) struct Top<'f> {
    pub kept: Vec<&'f Finding>,
    pub level: CareLevel,
    pub when: When,
    pub pattern: Pattern,
}

impl<'a> Episode<'_, 'a> {
    /// The latest finding of each rule by the end of `as_of`, most urgent
    /// first (then the most specific pattern), and what they add up to.
    pub(super) fn top(&self, as_of: NaiveDate) -> Top<'_> {
        let day = as_of.to_epoch_days().max(self.since.to_epoch_days());
        let mut kept: Vec<&Finding> = Vec::new();
        for f in self.findings.iter().filter(|f| f.day <= day) {
            match kept.iter_mut().find(|k| k.rule == f.rule) {
                Some(k) => *k = f,
                None => kept.push(f),
            }
        }
        let rank = |f: &Finding| {
            let row = &RULES[f.rule];
            let level = match row.effect {
                Effect::Care(level, _) => level,
                _ => CareLevel::Book,
            };
            (level, row.pattern.unwrap_or(Pattern::WarningSign), f.rule)
        };
        kept.sort_by_key(|f| rank(f));
        let (level, pattern, _) = kept
            .first()
            .map_or((CareLevel::Book, Pattern::WarningSign, 0), |f| rank(f));
        let when = match level {
            CareLevel::Emergency => When::Now,
            CareLevel::Urgent => When::Today,
            CareLevel::Book => kept
                .iter()
                .filter_map(|f| match RULES[f.rule].effect {
                    Effect::Care(CareLevel::Book, when) => Some(when),
                    _ => None,
                })
                .min()
                .unwrap_or(When::OneWeek),
        };
        let when = self.no_later_than_cleared(level, when);
        Top {
            kept,
            level,
            when,
            pattern,
        }
    }

    /// The level, how soon and the pattern `bits` give in this episode.
    fn standing_of(&self, bits: RuleBits) -> (CareLevel, When, Pattern) {
        let (level, when, pattern) = standing(bits);
        (level, self.no_later_than_cleared(level, when), pattern)
    }

    /// A booking that opens within 14 days of a clearance is no later than
    /// the care cleared was when that was urgent or within 2 working days
    /// (the clinician's seventeenth review: numbness not gone two days
    /// after a run, soon after an exertional clearance, booked within a
    /// week).
    fn no_later_than_cleared(&self, level: CareLevel, when: When) -> When {
        match (&self.before, level) {
            (Some(cleared), CareLevel::Book)
                if cleared.soon && (self.since - cleared.date).num_days() <= 14 =>
            {
                when.min(When::TwoWorkingDays)
            }
            _ => when,
        }
    }

    /// The rules found by the end of `as_of`, as bits.
    fn bits(&self, as_of: NaiveDate) -> RuleBits {
        let day = as_of.to_epoch_days().max(self.since.to_epoch_days());
        let at = self.fired.partition_point(|(d, _)| *d <= day);
        at.checked_sub(1).map_or(0, |i| self.fired[i].1)
    }
    /// Who the care at the end of `as_of` sends the runner to.
    pub(super) fn who(&self, as_of: NaiveDate) -> &'static str {
        let bits = self.bits(as_of);
        let (level, _, pattern) = self.standing_of(bits);
        self.who_for(level, pattern, bits, as_of)
    }

    /// Who `pattern` at `level` sends the runner to in this episode. A
    /// return after a clearance goes back to the clinician who cleared the
    /// runner, unless that care was urgent (then who its most specific
    /// pattern books), or a pattern found since names a clinician of its
    /// own who is someone else (the clinician's seventeenth review: the
    /// thigh after a calf was cleared is a nerve-root question, not the
    /// sports doctor's). With diabetes by `as_of`, a booking that would
    /// name no clinician of
    /// its own goes to the GP or the diabetes foot team (NICE NG19: foot
    /// problems with diabetes are theirs; the clinician's eighteenth review
    /// found night numbness of the toes with diabetes sent to an
    /// orthopedist).
    fn who_for(
        &self,
        level: CareLevel,
        pattern: Pattern,
        bits: RuleBits,
        as_of: NaiveDate,
    ) -> &'static str {
        // (Another pattern than `pattern` names who only for a booking.)
        let who = match self.named_since(level, pattern, bits) {
            Some(own) => own,
            None => match (level, pattern, self.before.as_ref().and_then(|b| b.rebook)) {
                (CareLevel::Book, Pattern::BackAfterClearance, Some(rebook)) => rebook,
                // Brought forward: the clinician the booking named; above
                // the knee, a nerve root's question first (the clinician's
                // twenty-sixth review: a whole leg at rest named a
                // podiatrist).
                (CareLevel::Book, Pattern::Progression, _) => booked_patterns(bits)
                    .filter(|p| *p != Pattern::Progression)
                    .min_by_key(|p| (*p != Pattern::AboveTheKnee, *p))
                    .unwrap_or(pattern),
                _ => pattern,
            },
        };
        let diabetes = self.timeline.conditions(as_of.to_epoch_days()).diabetes;
        if level == CareLevel::Book && who.books_generally() && diabetes {
            Pattern::DiabeticFoot.who(level)
        } else {
            who.who(level)
        }
    }

    /// The most specific pattern found since a clearance that names a
    /// clinician of its own, other than the one a return would book.
    fn named_since(&self, level: CareLevel, pattern: Pattern, bits: RuleBits) -> Option<Pattern> {
        let (CareLevel::Book, Pattern::BackAfterClearance, Some(cleared)) =
            (level, pattern, self.before.as_ref())
        else {
            return None;
        };
        let back = cleared
            .rebook
            .map_or(pattern.who(level), |p| p.who(CareLevel::Book));
        booked_patterns(bits)
            .filter(|p| *p != Pattern::BackAfterClearance && !p.books_generally())
            .filter(|p| {
                let who = p.who(CareLevel::Book);
                who != back && who != cleared.who
            })
            .min()
    }

    /// How the care stood at the end of `as_of`, as a return after a
    /// clearance of it is booked: who to book when it was urgent, and
    /// whether it was more pressing than a booking within a week.
    pub(super) fn as_cleared(&self, as_of: NaiveDate) -> (Option<Pattern>, bool) {
        let bits = self.bits(as_of);
        let (level, when, pattern) = self.standing_of(bits);
        // Who the urgent pattern books, when it names one of its own (both
        // legs, the back's nerves: a GP or a spine clinician); else the
        // most specific pattern booked beside it (the exertional pattern
        // behind progression: a sports doctor).
        let rebook = match level {
            CareLevel::Book => None,
            _ if !pattern.books_generally() => Some(pattern),
            _ => Some(booked_pattern(bits).unwrap_or(pattern)),
        };
        (
            rebook,
            level != CareLevel::Book || when == When::TwoWorkingDays,
        )
    }

    /// One line for a week's decision while care is open: since when, what,
    /// who and how soon.
    pub fn decision_line(&self, as_of: NaiveDate) -> String {
        let bits = self.bits(as_of);
        if let Some((b, line)) = self.line.borrow().as_ref()
            && *b == bits
        {
            return line.clone();
        }
        let (level, when, pattern) = self.standing_of(bits);
        let line = format!(
            "Care open since {}: {} — {}, {}.",
            day_words(self.since, self.timeline_today()),
            pattern.words(),
            self.who_for(level, pattern, bits, as_of),
            when_words(level, pattern, when)
        );
        *self.line.borrow_mut() = Some((bits, line.clone()));
        line
    }

    /// The care as it stood at the end of `as_of`.
    pub fn care(&self, as_of: NaiveDate) -> Care {
        let day = as_of.to_epoch_days().max(self.since.to_epoch_days());
        let Top {
            kept,
            level,
            when,
            pattern,
        } = self.top(as_of);
        let mut why: Vec<String> = Vec::new();
        let mut cited: Vec<&CheckIn> = Vec::new();
        let mut alone: Vec<&CheckIn> = Vec::new();
        for f in kept.iter().map(|f| self.found(f, day)) {
            // A second finding about the one check-in a more urgent finding
            // was about adds a rule, not a line.
            let about_one = f.cites.len() == 1;
            let repeats = about_one
                && f.cites
                    .iter()
                    .all(|c| alone.iter().any(|x| std::ptr::eq(*x, *c)));
            if !repeats && !why.contains(&f.text) {
                why.push(f.text.clone());
            }
            if about_one {
                alone.extend(f.cites.iter().copied());
            }
            cited.extend(f.cites.iter().copied());
        }
        why.extend(self.unseen_by_the_clinician(&cited));
        why.extend(self.since_then(day, &cited));
        why.extend(self.runs_while_suspended(day));
        let mut rules: Vec<String> = kept.iter().map(|f| RULES[f.rule].id.to_string()).collect();
        rules.dedup();
        let bits = self.bits(as_of);
        Care {
            level,
            when,
            when_words: when_words(level, pattern, when),
            who: self.who_for(level, pattern, bits, as_of).to_string(),
            pattern,
            // Why that clinician: the pattern that names them.
            pattern_words: match self.named_since(level, pattern, bits) {
                Some(own) => format!("{}: {}", pattern.words(), own.words()),
                None => pattern.words().to_string(),
            },
            why,
            since: self.since,
            rules,
        }
    }

    /// Check-ins recorded after the clearance before this care but dated on
    /// or before its day: the clinician who cleared the runner never saw them.
    fn unseen_by_the_clinician(&self, cited: &[&CheckIn]) -> Option<String> {
        let cleared = self.timeline.opened_by(self.epoch)?;
        let mut late: Vec<NaiveDate> = cited
            .iter()
            .map(|c| c.date)
            .filter(|d| *d <= cleared.date)
            .collect();
        late.sort_unstable();
        late.dedup();
        if late.is_empty() {
            return None;
        }
        let today = self.timeline_today();
        let days: Vec<String> = late.iter().map(|d| day_words(*d, today)).collect();
        Some(format!(
            "The check-in of {} was recorded after the clearance of {}: that clinician did not see it.",
            and_list(&days),
            day_words(cleared.date, today)
        ))
    }

    /// The check-ins with symptoms or flags recorded since care began that
    /// no finding cites: nothing recorded is left out of the message. The
    /// one of the day care began is said to be where it began, not a later
    /// one (the clinician's eleventh review).
    fn since_then(&self, day: i32, cited: &[&CheckIn]) -> Vec<String> {
        let began = self.since.to_epoch_days();
        let (opening, later): (Vec<&Event>, Vec<&Event>) = self
            .events()
            .iter()
            .filter(|e| e.day >= began && e.day <= day)
            .filter(|e| !cited.iter().any(|c| std::ptr::eq(*c, e.checkin)))
            .partition(|e| e.day == began);
        let today = self.timeline_today();
        let said = |e: &&Event| format!("{} ({})", day_words(e.checkin.date, today), brief(e));
        let mut lines = Vec::new();
        if !opening.is_empty() {
            let words: Vec<String> = opening.iter().map(said).collect();
            lines.push(format!(
                "Care began with the check-in of {}.",
                words.join("; ")
            ));
        }
        // The latest few in full; how many came before them.
        let earlier = later.len().saturating_sub(SHOWN);
        let words: Vec<String> = later[earlier..].iter().map(said).collect();
        match (earlier, later.first()) {
            (_, None) => {}
            (0, _) => lines.push(format!(
                "Also recorded since care began: {}.",
                words.join("; ")
            )),
            (n, Some(first)) => lines.push(format!(
                "Also recorded since care began: {} from {} on, then {}.",
                crate::count::count(n, "check-in", "check-ins"),
                day_words(first.checkin.date, today),
                words.join("; ")
            )),
        }
        lines
    }

    /// Runs logged after care began, while runs were stopped.
    fn runs_while_suspended(&self, day: i32) -> Option<String> {
        let from = self.since.succ_opt().unwrap_or(self.since);
        let to = self
            .cleared_on()
            .map_or(NaiveDate::from_epoch_days(day), |c| c.pred_opt())
            .unwrap_or(from)
            .min(NaiveDate::from_epoch_days(day).unwrap_or(from));
        if to < from {
            return None;
        }
        // Runs recorded before the check-in that opened care were not run
        // against it, whatever their day (a check-in entered late, dated
        // before them: the clinician's seventh review).
        // Nor runs dated before the day that check-in was recorded: care
        // shown on a later day stopped no run before it (the clinician's
        // twenty-first review: three days entered oldest first on a Sunday).
        let opened_by = self.findings.first().and_then(|f| {
            let events = self.events();
            events
                .iter()
                .find(|e| e.day == f.day)
                .map(|e| (e.checkin.seq, e.checkin.recorded.unwrap_or(e.checkin.date)))
        });
        let from = opened_by.map_or(from, |(_, shown)| {
            from.max(shown.succ_opt().unwrap_or(shown))
        });
        if to < from {
            return None;
        }
        let journal = self.timeline.journal();
        let mut days: Vec<NaiveDate> = journal
            .between(from, to)
            .iter()
            .filter(|c| c.run_credit() > 0.0 && opened_by.is_none_or(|(seq, _)| c.seq >= seq))
            .map(|c| c.date)
            .chain(
                journal
                    .runs()
                    .iter()
                    .map(|r| r.date)
                    .filter(|d| *d >= from && *d <= to),
            )
            .collect();
        days.sort_unstable();
        days.dedup();
        if days.is_empty() {
            return None;
        }
        let today = self.timeline_today();
        let words: Vec<String> = days.iter().map(|d| day_words(*d, today)).collect();
        Some(match words.as_slice() {
            [first, .., last] if words.len() > SHOWN => format!(
                "{} runs logged after care began, while runs were stopped: from {first} to {last}.",
                words.len()
            ),
            _ => format!(
                "Runs logged after care began, while runs were stopped: {}.",
                and_list(&words)
            ),
        })
    }
}

/// The most specific pattern among the booking rows in `bits`.
fn booked_pattern(bits: RuleBits) -> Option<Pattern> {
    booked_patterns(bits).min()
}

/// The patterns of the booking rows in `bits`, in the table's order.
fn booked_patterns(bits: RuleBits) -> impl Iterator<Item = Pattern> {
    (0..RULES.len())
        .filter(move |i| bits & (1 << i) != 0)
        .filter_map(|i| match (RULES[i].effect, RULES[i].pattern) {
            (Effect::Care(CareLevel::Book, _), Some(p)) => Some(p),
            _ => None,
        })
}

/// The level, how soon and the pattern the rules in `bits` give.
fn standing(bits: RuleBits) -> (CareLevel, When, Pattern) {
    let rows = (0..RULES.len())
        .filter(|i| bits & (1 << i) != 0)
        .map(|i| &RULES[i]);
    let mut level = CareLevel::Book;
    let mut pattern = Pattern::WarningSign;
    let mut when = When::OneWeek;
    for row in rows {
        let (Effect::Care(l, w), Some(p)) = (row.effect, row.pattern) else {
            continue;
        };
        if (l, p) < (level, pattern) {
            (level, pattern) = (l, p);
        }
        if l == CareLevel::Book {
            when = when.min(w);
        }
    }
    let when = match level {
        CareLevel::Emergency => When::Now,
        CareLevel::Urgent => When::Today,
        CareLevel::Book => when,
    };
    (level, when, pattern)
}

/// "tingling at the toes, during the run".
fn brief(e: &Event) -> String {
    let c = e.checkin;
    let mut parts = vec![c.numbness.words().to_string()];
    if !c.spots.is_empty() {
        parts[0].push_str(&format!(
            " {}",
            and_list(&crate::checkin::at_places(&c.spots))
        ));
    }
    parts.extend(c.flags.iter().map(|f| f.words().to_string()));
    parts.join(", ")
}

/// How soon, in words.
fn when_words(level: CareLevel, pattern: Pattern, when: When) -> String {
    match (level, pattern) {
        // NICE NG19: within one working day.
        (CareLevel::Urgent, Pattern::FootWound) => {
            "today, within one working day at the latest".into()
        }
        _ => when.words().into(),
    }
}
