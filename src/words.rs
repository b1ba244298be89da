//! How distances, week volumes and runs read in text: shared by the command
//! line, the terminal UI and the calendar export.

use crate::plan::{Distance, Run, Session, Unit, Week};
use std::borrow::Cow;

/// Text that is safe to print on a terminal: control characters (the escape
/// that starts a terminal sequence, carriage returns, bells) and the bidi
/// overrides that reorder what is shown become U+FFFD; newlines and tabs
/// stay. Everything the command line prints goes through this, so a note or a
/// file name cannot set the title, write the clipboard or clear the screen.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unprintable) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if unprintable(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// [`printable`] on one line: newlines and tabs become spaces too (an error
/// message is one line).
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| unprintable(c) || c == '\n' || c == '\t')
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\t' => ' ',
                c if unprintable(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// Writes JSON with the characters JSON leaves raw but a terminal acts on
/// (DEL, the C1 controls such as U+009B, a one-byte escape, and the bidi
/// overrides) written as `\uXXXX` escapes: the same JSON, safe to print.
/// serde_json hands over whole characters in each write, so none is split.
pub struct SafeJson<W>(pub W);

impl<W: std::io::Write> std::io::Write for SafeJson<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        if !text
            .chars()
            .any(|c| c == '\u{7f}' || (c != '\n' && c != '\t' && unprintable(c)))
        {
            self.0.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut out = String::with_capacity(text.len() + 16);
        for c in text.chars() {
            if c != '\n' && c != '\t' && unprintable(c) {
                out.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                out.push(c);
            }
        }
        self.0.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A distance in the plan's unit, shown in the display unit.
pub fn distance(d: Distance, plan_unit: Unit, display: Option<Unit>) -> String {
    let unit = display.unwrap_or(plan_unit);
    format!("{} {unit}", shown(d, plan_unit, display))
}

/// A distance in the display unit, rounded to the tenth it is shown with.
pub fn shown(d: Distance, plan_unit: Unit, display: Option<Unit>) -> Distance {
    match display {
        Some(unit) if unit != plan_unit => d.convert_shown(plan_unit, unit),
        _ => Distance::from_hundredths((d.hundredths() + 5) / 10 * 10),
    }
}

/// A week's distance as shown: the sum of its runs as shown, so the runs
/// add up to the week in either unit.
pub fn week_distance(week: &Week, plan_unit: Unit, display: Option<Unit>) -> Distance {
    week.runs()
        .filter_map(|r| r.distance)
        .map(|d| shown(d, plan_unit, display))
        .sum()
}

/// "23 Nov–29 Nov", with the year ("04 Jan–10 Jan 2027") for a week that is
/// not in `today`'s year.
pub fn week_dates(week: &Week, today: chrono::NaiveDate) -> String {
    dates_between(week.start, week.end(), today)
}

/// "07 Dec–13 Dec", with the year after the end when either day is not in
/// `today`'s year: "28 Dec–03 Jan 2027".
pub fn dates_between(
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> String {
    use chrono::Datelike;
    if from.year() == today.year() && to.year() == today.year() {
        format!("{}–{}", from.format("%d %b"), to.format("%d %b"))
    } else {
        format!("{}–{}", from.format("%d %b"), to.format("%d %b %Y"))
    }
}

/// The week's longest run: its distance, or its minutes in run/walk weeks
/// (the longest session then).
pub fn longest_run(week: &Week, unit: Unit, display: Option<Unit>) -> String {
    // The long run is the week's longest when it has one; the column says
    // "Longest" so a week without one reads right (a coach's sixth review).
    match week.runs().max_by_key(|r| (r.distance, r.minutes)) {
        Some(run) => match (run.distance, run.minutes) {
            (Some(d), _) => distance(d, unit, display),
            (None, Some(m)) => format!("{m} min"),
            (None, None) => "-".into(),
        },
        None => "-".into(),
    }
}

/// A week's volume: distance, or minutes in run/walk weeks.
pub fn volume(week: &Week, plan_unit: Unit, display: Option<Unit>) -> String {
    let unit = display.unwrap_or(plan_unit);
    let d = week
        .target_distance
        .map(|_| week_distance(week, plan_unit, display));
    match (d, week.target_minutes) {
        (Some(d), Some(m)) => format!("{d}{unit}+{m}m"),
        (Some(d), None) => format!("{d} {unit}"),
        (None, Some(m)) => format!("{m} min"),
        (None, None) => "-".into(),
    }
}

/// A session's headline: "Easy run 2.8 mi", "Brisk walk 30 min", "Strength"
/// or "Rest day". The exercises of a strength session follow it.
pub fn session(session: &Session, plan_unit: Unit, display: Option<Unit>) -> String {
    match session {
        Session::Run(r) => run(r, plan_unit, display),
        Session::Walk { minutes } => format!("Brisk walk {minutes} min"),
        Session::Strength { .. } => "Strength".into(),
        Session::Cross { minutes } => {
            format!("Optional cross-training {minutes} min (bike, swim or elliptical, easy)")
        }
        Session::Rest => "Rest day".into(),
    }
}

/// How hard a run should feel and for how long: "easy, conversational: RPE
/// 3–4 of 10, about 32 min at 9:41–10:32 /mi; then 4 x 20 s strides".
pub fn effort(run: &Run, plan_unit: Unit, display: Option<Unit>) -> String {
    let e = &run.effort;
    let mut line = format!(
        "{}: RPE {}–{} of 10, about {} min",
        e.words, e.rpe[0], e.rpe[1], e.minutes
    );
    if let Some([fast, slow]) = e.pace_seconds {
        let unit = display.unwrap_or(plan_unit);
        let per = |s: u32| crate::plan::clock((f64::from(s) * plan_unit.per(unit)).round() as u32);
        line.push_str(&format!(" at {}–{} /{unit}", per(fast), per(slow)));
    }
    if let Some(s) = run.strides {
        line.push_str(&format!(
            "; then {} x {} s strides (quick and relaxed, walk back between)",
            s.count, s.seconds
        ));
    }
    line
}

/// "Run 2.8 mi", "Long run 4.4 mi" or "Run/walk 20 min: 8 x (1:00 run, 1:30 walk)".
pub fn run(run: &Run, plan_unit: Unit, display: Option<Unit>) -> String {
    match (run.distance, run.intervals) {
        (Some(d), _) if run.long => format!("Long run {}", distance(d, plan_unit, display)),
        (Some(d), _) => format!("Easy run {}", distance(d, plan_unit, display)),
        (None, Some(i)) if i.walk_seconds == 0 => format!("Run {} min continuous", i.minutes()),
        (None, Some(i)) => format!("Run/walk {} min: {}", i.minutes(), i.describe()),
        (None, None) => "Run".into(),
    }
}

/// The health context in a sentence, or `None` when none is given.
pub fn health_context(health: &[crate::health::Health]) -> Option<String> {
    if health.is_empty() {
        return None;
    }
    let words: Vec<&str> = health.iter().map(|h| h.words()).collect();
    Some(format!(
        "Health context: {}. The care rules send you to a clinician sooner.",
        words.join(", ")
    ))
}
