//! Exports: the plan document (JSON), a calendar (ICS, RFC 5545) and the
//! clinician summary (Markdown); and writing them safely (a temporary file in
//! the same folder, then a rename).

use crate::checkin::Assessment;
use crate::document::PlanDocument;
use crate::plan::{HabitWhen, Session};
use crate::snapshot::Snapshot;
use crate::summary::clinician_summary;
use chrono::NaiveDate;
use icalendar::{Alarm, Calendar, Component, Event, EventLike};
use std::io::Write;
use std::path::Path;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, strum::VariantArray)]
pub enum Format {
    /// The plan document (`comeback schema` describes it)
    #[default]
    Json,
    /// A calendar file: one event per day with sessions
    Ics,
    /// A summary to hand a clinician
    Md,
}

impl Format {
    /// Every format, in the order declared (derived: none can be left out).
    pub const ALL: &'static [Format] = <Format as strum::VariantArray>::VARIANTS;

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Ics => "ics",
            Format::Md => "md",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Format::Json => "plan (JSON)",
            Format::Ics => "calendar (ICS)",
            Format::Md => "clinician summary (Markdown)",
        }
    }

    /// `comeback-plan-2026-11-23.json` and the like.
    pub fn file_name(self, today: NaiveDate) -> String {
        let what = match self {
            Format::Json => "plan",
            Format::Ics => "calendar",
            Format::Md => "summary",
        };
        format!("comeback-{what}-{today}.{}", self.extension())
    }
}

/// Choices that shape an export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The calendar reminds the runner at this time of each session day.
    pub alarm: Option<chrono::NaiveTime>,
}

/// Writes the export in `format` to `out`, streaming rather than building
/// the whole text first.
pub fn write(
    format: Format,
    snapshot: Snapshot<'_>,
    assessment: &Assessment,
    options: Options,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            let doc = PlanDocument::new(snapshot, assessment);
            serde_json::to_writer_pretty(crate::words::SafeJson(&mut *out), &doc)?;
            writeln!(out)
        }
        Format::Ics => write_calendar(snapshot, assessment, options, out),
        Format::Md => out.write_all(clinician_summary(snapshot, assessment).as_bytes()),
    }
}

/// One all-day event per day with sessions, written a week at a time. UIDs
/// are built from the plan's start and the day, so importing a newer export
/// updates the same events.
fn write_calendar(
    snapshot: Snapshot<'_>,
    assessment: &Assessment,
    options: Options,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let plan = snapshot.plan;
    let unit = plan.profile.unit;
    let stamp = assessment
        .today
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    // The crate writes the calendar's own lines; events follow one by one.
    let mut head = Calendar::new()
        .name("comeback")
        .description("Return-to-running plan from comeback")
        .done()
        .to_string();
    let end = "END:VCALENDAR\r\n";
    if head.ends_with(end) {
        head.truncate(head.len() - end.len());
    }
    out.write_all(head.as_bytes())?;
    let mut text = String::new();
    for index in 0..assessment.weeks.len() {
        let Some(week) = assessment.week(plan, snapshot.template, index) else {
            continue;
        };
        for day in &week.days {
            let sessions: Vec<&Session> = day
                .sessions
                .iter()
                .filter(|s| !matches!(s, Session::Rest))
                .collect();
            if sessions.is_empty() {
                continue;
            }
            let mut title = Vec::new();
            let mut description = vec![format!(
                "Week {}, stage {} ({})",
                week.week,
                week.stage,
                week.phase.label()
            )];
            for session in sessions {
                let headline = crate::words::session(session, unit, None);
                match session {
                    Session::Strength { exercises } => {
                        description.push(format!("{headline}:"));
                        description.extend(
                            exercises
                                .iter()
                                .map(|e| format!("- {} {}", e.name, e.dose())),
                        );
                    }
                    Session::Run(run) => {
                        description.push(headline.clone());
                        description.push(crate::words::effort(run, unit, None));
                    }
                    _ => description.push(headline.clone()),
                }
                title.push(headline);
            }
            for (when, heading) in [
                (HabitWhen::PreRun, "Before the run:"),
                (HabitWhen::PostRun, "After the run:"),
            ] {
                let habits: Vec<String> = day
                    .habits
                    .iter()
                    .filter(|h| h.when == when)
                    .map(|h| format!("- {}", h.text))
                    .collect();
                if !habits.is_empty() {
                    description.push(heading.to_string());
                    description.extend(habits);
                }
            }
            let summary = ics_text(&title.join(" + "));
            let mut event = Event::new();
            event
                .uid(&format!("{}-{}@comeback", plan.profile.start, day.date))
                .timestamp(stamp)
                .summary(&summary)
                .description(&ics_text(&description.join("\n")))
                // RFC 5545: an all-day event ends (exclusively) the next day.
                .starts(day.date)
                .ends(day.date + chrono::Days::new(1));
            if let Some(at) = options.alarm {
                // A trigger after the day's start (its midnight) rings at `at`.
                let after = at.signed_duration_since(chrono::NaiveTime::MIN);
                let mut alarm = Alarm::display(
                    &format!("{summary} — and today's check-in (comeback)"),
                    after,
                );
                // The export's own date, not the clock: the same day exports
                // the same calendar.
                alarm.timestamp(stamp).uid(&format!(
                    "{}-{}-alarm@comeback",
                    plan.profile.start, day.date
                ));
                event.alarm(alarm);
            }
            let event = event.done();
            text.clear();
            event.fmt_write(&mut text).map_err(std::io::Error::other)?;
            out.write_all(text.as_bytes())?;
        }
    }
    out.write_all(end.as_bytes())
}

/// RFC 5545 TEXT: icalendar escapes backslashes, commas, semicolons and
/// newlines; a carriage return or other control character from a template's
/// words would break the line structure, so it becomes a space.
fn ics_text(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

/// Writes a file through a temporary file in the same folder and a rename,
/// so a crash never leaves half a file; `fill` writes the content. A symlink
/// is followed to the file it names (which is then replaced the same way);
/// a FIFO, a device or another file that is not a regular one is written
/// through as it is, never replaced by a regular file.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let target;
    let path = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            target = std::fs::canonicalize(path).or_else(|_| {
                // A link to a file not made yet: the link's own target.
                std::fs::read_link(path).map(|to| match path.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                })
            })?;
            target.as_path()
        }
        _ => path,
    };
    if std::fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir()) {
        let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
        let mut out = std::io::BufWriter::new(&mut file);
        fill(&mut out)?;
        return out.flush();
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    // (Said without the temporary file's own name: the folder is what is
    // missing or closed.)
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such folder".to_string(),
            std::io::ErrorKind::PermissionDenied => "not allowed to write there".to_string(),
            _ => e.to_string(),
        };
        std::io::Error::new(e.kind(), format!("{}: {why}", dir.display()))
    })?;
    {
        let mut out = std::io::BufWriter::new(&mut file);
        fill(&mut out)?;
        out.flush()?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
