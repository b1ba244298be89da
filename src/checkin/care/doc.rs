//! `docs/care-rules.md`, written from the rules table so that a clinician
//! reviews the rules the engine runs (a test fails when the file is stale).

use super::pattern::{CareLevel, Pattern};
use super::rules::{Check, Effect, RULES};
use std::fmt::Write;

const INTRO: &str = "\
# The care rules, for a clinician's review

comeback gives training guidance, not diagnoses. After every check-in it reads
the journal and gives a verdict; when a pattern calls for a clinician, the
verdict says **how soon**, **who to see**, **which pattern** (in the runner's
words, never a diagnosis) and **why**, citing the dated check-ins.

This page is generated from the rules table in
`src/checkin/care/rules.rs` (`cargo test --test care_rules` fails when it is
stale; `COMEBACK_WRITE_DOCS=1 cargo test --test care_rules` rewrites it).

## How the journal is read

1. **Events.** Each check-in with numbness or a warning flag becomes an
   event: how far it reached (part of the foot; the whole foot — said, or
   three or more places of the foot; ankle; lower leg; thigh; buttock), the
   side, when it began (during a run at minute M, after, at rest, at night;
   not said counts as with a run), and how soon it went. The words and the
   minutes of clearing are one fact: *quickly* is 15 minutes at most, *hours*
   over 60; each derives the other, and a check-in where they disagree is
   refused. On a day with a flag and no numbness, `cleared` says whether the
   flag settled; a flag not said to have settled is read as still there.
   Notes are never read for decisions (a symptom-free check-in whose note
   speaks of symptoms gets one line asking the runner to record them).
2. **Episodes.** Events belong to one episode while each is within 14 days
   of the one before. A clearance closes everything before it: the rules
   only read events recorded after the last clearance — and a check-in
   recorded after a clearance is judged afresh even when it is dated before
   it, because that clinician never saw it.
3. **Measures.** At every check-in the rules read the open episode and the
   last six plan weeks since the clearance. Every measure counts or compares
   symptomatic events only, so logging more symptom-free days can never make
   it look better: a clear day logged and a day not logged read the same;
   \"symptoms on most runs\" counts symptomatic runs against runs done.
4. **Rules.** The table below. Care opens at the first check-in a care row
   fires on, is dated that day, and stays open until a clearance; a more
   urgent row found later raises it. More symptoms (a higher level, more
   places, a longer time to clear, more often, a flag) never give a milder
   verdict (property-tested).
5. **Message.** Rebuilt from the whole episode each time it is read: the
   most urgent finding first, who to see for the most specific pattern at
   that level, how soon, every dated check-in that raised it, the check-ins
   recorded since, and runs logged while runs were stopped. Dates carry
   their year when it is not this year.

Health context (`diabetes`, `circulation`, `back_history`) applies from the
day it is entered: decisions dated before it stay as they were; care it opens
is dated that day and cites the earlier check-ins. Taking a condition away
is refused while it would make open care milder or lift it
(`comeback health`, the TUI's health panel): a clinician's clearance comes
first. So is replacing a check-in (`checkin --replace`, or a day filled in
again in the TUI) in a way that would ease or lift open care (test
`replacing_the_check_in_that_opened_care_never_eases_or_lifts_it`).

## Levels

| level | `care.when` | what the runner is told | exercise meanwhile |
| --- | --- | --- | --- |
| `emergency` | `now` | call the emergency number now, or go to an emergency department | none at all |
| `urgent` | `today` | be seen today (urgent care or an emergency department; numbness progressing while a booking waits: the GP, or urgent care if the GP cannot see the runner today; a diabetic foot: the GP or foot team within one working day) | none at all |
| `book` | `two_working_days` | book within 2 working days (vascular, diabetic and compartment patterns that settled) | runs suspended; walking and pain-free strength work stay |
| `book` | `one_week` | book within a week | runs suspended; walking and pain-free strength work stay |
";

const SHORT_OF_CARE: &str = "
## Short of care: what a plan week's check-ins do

The rows below read one plan week's check-ins (after the last clearance).
`step back`: next week runs the stage before, and the rest of this week's
runs drop one level, to the hardest run/walk no longer than each run (the
physio soreness rules: drop one level; `a_step_back_within_the_week_drops_the_runs_one_level_not_to_the_first_rung`).
`hold`: the stage repeats (no longer runs, no new strides). With none of them the week is on track: no numbness, a first
tingle that went within 15 minutes, or the lace pattern once or twice (with
lacing advice). A step back is never called for by posture at rest.

Two more rules live in the schedule: numbness that had not cleared, with
nothing recorded since, holds the stage and asks \"how is it now?\" (runs
wait for the answer, however many weeks pass:
`numbness_not_cleared_and_then_silence_holds_and_asks_however_many_weeks_pass`);
a runner numb when the plan began climbs the run/walk
ladder only on weeks without numbness or tingling.
";

const AFTER: &str = "
## What is shown under care

- No exercise is prescribed under `emergency` or `urgent`: Today, `today`,
  `plan` and the calendar show rest days from the day it became urgent.
- No running advice (lacing, walk breaks) while runs are suspended.
- Every verdict carries the notice \"Not medical advice\".
- `comeback clear` records a clinician's clearance; it is refused when no
  care is open, and runs resume one stage back.
";

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The whole of `docs/care-rules.md`.
pub fn care_rules_markdown() -> String {
    let mut out = String::from(INTRO);
    out.push_str("\n## The care rules\n\n");
    out.push_str("| rule | threshold | level (how soon) | pattern (`care.pattern`) | who | source | test |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
    for rule in RULES.iter().filter(|r| matches!(r.check, Check::Moment(_))) {
        let (level, pattern) = match (rule.effect, rule.pattern) {
            (Effect::Care(level, _), Some(pattern)) => (level, pattern),
            _ => (CareLevel::Book, Pattern::WarningSign),
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | `{}` | {} | {} | `{}` |",
            rule.id,
            cell(rule.threshold),
            rule.effect.words(),
            pattern.as_str(),
            pattern.who(level),
            cell(rule.source),
            rule.test
        );
    }
    out.push_str(
        "\nWhen several rows fire, the most urgent level wins; at the same level the most\n\
         specific pattern (the order of the patterns below) names who to see, and every\n\
         row's sentence is listed under \"why\". A booking that opens within 14 days of a\n\
         clearance is no later than the care cleared was, when that was urgent or within\n\
         2 working days (test\n\
         `a_booking_soon_after_a_clearance_is_no_later_than_the_care_cleared`). With\n\
         diabetes, a booking whose pattern names no clinician of its own (\"an orthopedist,\n\
         a physical therapist or a sports doctor\") goes to your GP or the diabetes foot\n\
         team (NICE NG19; test\n\
         `with_diabetes_a_booking_that_names_no_clinician_of_its_own_goes_to_the_gp_or_foot_team`).\n\n",
    );
    out.push_str("Patterns, most specific first: ");
    let names: Vec<String> = Pattern::ALL
        .iter()
        .map(|p| format!("`{}`", p.as_str()))
        .collect();
    out.push_str(&names.join(", "));
    out.push_str(".\n");
    out.push_str(SHORT_OF_CARE);
    out.push_str(
        "\n| rule | threshold | effect | source | test |\n| --- | --- | --- | --- | --- |\n",
    );
    for rule in RULES.iter().filter(|r| matches!(r.check, Check::Week(_))) {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | `{}` |",
            rule.id,
            cell(rule.threshold),
            rule.effect.words(),
            cell(rule.source),
            rule.test
        );
    }
    out.push_str(AFTER);
    out
}
