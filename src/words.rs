//! How distances, week volumes and runs read in text: shared by the command
//! line, the terminal UI and the calendar export.

use crate::plan::{Distance, Run, Session, Unit, Week};

/// A distance in the plan's unit, shown in the display unit.
pub fn distance(d: Distance, plan_unit: Unit, display: Option<Unit>) -> String {
    let unit = display.unwrap_or(plan_unit);
    format!("{} {unit}", d.convert(plan_unit, unit))
}

/// A week's volume: distance, or minutes in run/walk weeks.
pub fn volume(week: &Week, plan_unit: Unit, display: Option<Unit>) -> String {
    match (week.target_distance, week.target_minutes) {
        (Some(d), Some(m)) => format!(
            "{}{}+{m}m",
            d.convert(plan_unit, display.unwrap_or(plan_unit)),
            display.unwrap_or(plan_unit)
        ),
        (Some(d), None) => distance(d, plan_unit, display),
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
        Session::Rest => "Rest day".into(),
    }
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
