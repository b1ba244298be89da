//! The clinician summary: a short Markdown page a runner can hand over — the
//! profile, where the plan stands, the check-ins, and what triggered the verdict.
//! Pure: built from a snapshot and an assessment.

use crate::checkin::{Assessment, CareLevel, NOTICE, short_date};
use crate::snapshot::Snapshot;
use std::fmt::Write;

/// Check-ins listed in the summary, newest first.
const RECENT_CHECKINS: usize = 28;

/// The clinician summary as Markdown: the head, the check-in table, the
/// tail.
pub fn clinician_summary(snapshot: Snapshot<'_>, assessment: &Assessment) -> String {
    let mut out = summary_head(snapshot, assessment);
    let rows = checkin_rows(snapshot, assessment);
    let _ = writeln!(
        out,
        "\n## Check-ins (latest {}, newest first)\n",
        rows.len()
    );
    let _ = writeln!(out, "| {} |", CheckinRow::HEADINGS.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(CheckinRow::HEADINGS.len()));
    for row in &rows {
        let _ = writeln!(out, "| {} |", row.cells().join(" | "));
    }
    out.push_str(&summary_tail(snapshot, assessment));
    out
}

/// The summary up to the check-ins: the runner, where the plan stands, and
/// what triggered the verdict.
pub fn summary_head(snapshot: Snapshot<'_>, assessment: &Assessment) -> String {
    let Snapshot { plan, .. } = snapshot;
    let p = &plan.profile;
    let mut out = String::new();
    let _ = writeln!(out, "# Running comeback: summary for a clinician\n");
    let _ = writeln!(
        out,
        "Prepared {} by comeback. {NOTICE}\n",
        assessment.today.format("%-d %B %Y")
    );
    let _ = writeln!(out, "## The runner\n");
    let _ = writeln!(
        out,
        "- Layoff before the comeback: {}; ran {} {} a week before it; goal {} {} a week.",
        crate::count::count(p.layoff_days as usize, "day", "days"),
        p.weekly_before,
        p.unit,
        p.goal_weekly,
        p.unit
    );
    let _ = writeln!(
        out,
        "- {} runs a week; cross-trained during the layoff: {}; numb when the plan was made: {}.",
        p.runs_per_week,
        if p.cross_trained { "yes" } else { "no" },
        if p.numb_now { "yes" } else { "no" }
    );
    let health: Vec<&str> = p.health.iter().map(|h| h.words()).collect();
    let _ = writeln!(
        out,
        "- Health context given by the runner: {}.",
        if health.is_empty() {
            "none".to_string()
        } else {
            health.join(", ")
        }
    );
    let _ = writeln!(out, "\n## Where the plan stands\n");
    match assessment.current.map(|i| &assessment.weeks[i]) {
        Some(w) => {
            let _ = writeln!(
                out,
                "- Week {} of the comeback (started {}), stage {} of {} ({}).",
                w.week,
                short_date(p.start),
                w.stage + 1,
                plan.weeks.len(),
                // The week as scheduled, as the runner sees it: run/walk
                // after a re-entry, not the stage's own phase (a new user's
                // pass read "build" here and "run/walk" on Today).
                assessment
                    .current_week(plan, snapshot.template)
                    .map_or(plan.weeks[w.stage].phase, |week| week.phase)
                    .label()
            );
        }
        None => {
            let _ = writeln!(
                out,
                "- Plan started {}; not in a plan week today.",
                short_date(p.start)
            );
        }
    }
    let v = &assessment.verdict;
    let _ = writeln!(out, "- Verdict today: **{}**.", v.label());
    if let Some(care) = &v.care {
        let _ = writeln!(
            out,
            "- Care level: {} (to be seen {}). The pattern the runner reported: {}.",
            care.level.as_str(),
            care.when_words,
            care.pattern_words
        );
        let since = crate::checkin::day_words(care.since, assessment.today);
        // Care that grew urgent after it was booked began on the booking's
        // day, and all exercise stopped only later: the day it began is
        // said, not when exercise stopped (the clinician's eighteenth
        // review read "all exercise stopped since" the booking's day).
        let _ = if care.level.allows_exercise() {
            writeln!(
                out,
                "- Runs suspended since {since}; the runner was advised to see {}.",
                care.who
            )
        } else {
            // (One sees a clinician, one calls a number: the clinician's
            // twenty-fourth review read "advised to see the emergency
            // number".)
            let advised = if care.level == CareLevel::Emergency {
                "call the emergency number now or go to an emergency department".to_string()
            } else {
                format!("see {}", care.who)
            };
            writeln!(
                out,
                "- Care began {since}; all exercise is stopped until a clinician clears the runner, who was advised to {advised}."
            )
        };
    }
    let triggers = v.care.as_ref().map_or(&v.reasons, |care| &care.why);
    if !triggers.is_empty() {
        let _ = writeln!(out, "\n## What triggered it\n");
        for r in triggers {
            let _ = writeln!(out, "- {r}");
        }
    }
    out
}

/// One check-in as the summary's table shows it, cell by cell, in the
/// runner's words (plain Markdown text).
pub struct CheckinRow {
    pub date: String,
    pub numbness: String,
    pub spots: String,
    pub side: String,
    pub onset: String,
    pub cleared: String,
    pub eased: String,
    pub session: String,
    pub distance: String,
    pub minutes: String,
    pub rpe: String,
    pub flags: String,
    pub note: String,
}

impl CheckinRow {
    pub const HEADINGS: [&'static str; 13] = [
        "date", "numbness", "where", "side", "onset", "cleared", "eased by", "session", "ran",
        "min", "RPE", "flags", "note",
    ];

    pub fn cells(&self) -> [&str; 13] {
        [
            &self.date,
            &self.numbness,
            &self.spots,
            &self.side,
            &self.onset,
            &self.cleared,
            &self.eased,
            &self.session,
            &self.distance,
            &self.minutes,
            &self.rpe,
            &self.flags,
            &self.note,
        ]
    }
}

/// The latest check-ins, newest first, with what was run those days (the
/// check-in's numbers, else the runs imported from files).
pub fn checkin_rows(snapshot: Snapshot<'_>, assessment: &Assessment) -> Vec<CheckinRow> {
    let Snapshot { plan, journal, .. } = snapshot;
    let unit = plan.profile.unit;
    journal
        .checkins()
        .iter()
        .rev()
        .filter(|c| c.date <= assessment.today)
        .take(RECENT_CHECKINS)
        .map(|c| {
            let words = |items: Vec<&str>, sep: &str| items.join(sep);
            // (A rest day's walk said "during exercise", as the check-in
            // says it: the clinician's twenty-second review.)
            let onset = match (c.onset_words(), c.minutes) {
                (Some(o), Some(m)) => format!("{o} ({m} min)"),
                (Some(o), None) => o.to_string(),
                _ => String::new(),
            };
            let cleared = match (c.cleared, c.cleared_minutes) {
                (Some(x), Some(m)) => format!("{} ({m} min)", x.words()),
                (Some(x), None) => x.words().to_string(),
                (None, Some(m)) => format!("{m} min"),
                (None, None) => String::new(),
            };
            CheckinRow {
                date: c.date.to_string(),
                numbness: format!("{} {}", c.numbness.level(), c.numbness.words()),
                spots: words(c.spots.iter().map(|s| s.words()).collect(), ", "),
                side: c.side.map(|s| s.words()).unwrap_or("").to_string(),
                onset,
                cleared,
                eased: words(c.eased_by.iter().map(|e| e.words()).collect(), ", "),
                // With the cross-training done that day (a new user's pass:
                // a bike day read as a rest day).
                session: {
                    let session = c.session.map(|s| s.words()).unwrap_or("");
                    match c.actual.as_ref().and_then(|a| a.cross) {
                        Some(x) => format!("{session}; {} {} min", x.kind, x.minutes),
                        None => session.to_string(),
                    }
                },
                distance: journal
                    .distance_run_on(c.date, unit)
                    .map_or(String::new(), |d| format!("{d} {unit}")),
                minutes: journal
                    .minutes_run_on(c.date)
                    .map_or(String::new(), |m| m.to_string()),
                rpe: c
                    .actual
                    .as_ref()
                    .and_then(|a| a.rpe)
                    .map_or(String::new(), |r| r.to_string()),
                flags: words(c.flags.iter().map(|f| f.words()).collect(), "; "),
                note: note(c.note.as_deref()),
            }
        })
        .collect()
}

/// The summary after the check-ins: clearances, plan changes and shoes.
pub fn summary_tail(snapshot: Snapshot<'_>, assessment: &Assessment) -> String {
    let Snapshot { plan, journal, .. } = snapshot;
    let shoes = snapshot.mileage(assessment);
    let p = &plan.profile;
    let mut out = String::new();
    if !journal.clearances().is_empty() || !assessment.decisions.is_empty() {
        let _ = writeln!(out, "\n## Clearances and plan changes\n");
        for c in journal
            .clearances()
            .iter()
            .filter(|c| c.date <= assessment.today)
        {
            let _ = writeln!(
                out,
                "- {}: cleared by a clinician. {}",
                c.date,
                note(c.note.as_deref())
            );
        }
        for d in &assessment.decisions {
            let _ = writeln!(out, "- {}", d.describe());
        }
    }
    if !shoes.is_empty() {
        let _ = writeln!(out, "\n## Shoes\n");
        for shoe in shoes {
            let _ = writeln!(out, "- {}", plain(&shoe.describe(p.unit)));
        }
    }
    out
}

/// A note cut to fit a table cell, as plain Markdown text.
fn note(text: Option<&str>) -> String {
    const WIDTH: usize = 60;
    let text: String = text.unwrap_or("").chars().take(WIDTH * 2).collect();
    let text = plain(&text);
    if text.chars().count() > WIDTH {
        format!("{}…", text.chars().take(WIDTH - 1).collect::<String>())
    } else {
        text
    }
}

/// Text a runner typed, made plain Markdown on one line: line breaks and
/// control characters become spaces (no new rows, headings or list items),
/// a pipe cannot end a table cell, and the characters that make links,
/// emphasis or HTML are escaped.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_control() => out.push(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => out.push(' '),
            '|' => out.push('/'),
            '\\' | '[' | ']' | '<' | '>' | '*' | '_' | '`' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}
