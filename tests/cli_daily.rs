//! The daily loop from the command line: `comeback due` for shell prompts and
//! timers, and calendar reminders.

mod common;

use std::path::Path;

fn run(dir: &Path, today: &str, args: &[&str]) -> std::process::Output {
    common::cli(dir, today).args(args).output().unwrap()
}

#[test]
fn due_is_quiet_when_today_is_recorded_and_says_so_in_one_line_when_not() {
    let dir = common::plan_dir("2026-11-23", "2026-11-23");
    let before = run(dir.path(), "2026-11-22", &["due"]);
    assert!(
        before.status.success() && before.stdout.is_empty(),
        "not due before the start"
    );
    let due = run(dir.path(), "2026-11-25", &["due"]);
    assert_eq!(due.status.code(), Some(1));
    let line = String::from_utf8(due.stdout).unwrap();
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        line.contains("check-in is due") && line.contains("2 earlier days since Mon 23 Nov"),
        "{line}"
    );
    assert!(due.stderr.is_empty());
    assert!(
        run(dir.path(), "2026-11-25", &["checkin", "--numbness", "0"])
            .status
            .success()
    );
    let done = run(dir.path(), "2026-11-25", &["due"]);
    assert!(done.status.success() && done.stdout.is_empty() && done.stderr.is_empty());
}

#[test]
fn a_calendar_with_alarms_has_one_reminder_per_event_and_stays_the_same_each_day() {
    use icalendar::Component;
    let dir = common::plan_dir("2026-11-23", "2026-11-23");
    let export = |args: &[&str]| {
        let out = run(dir.path(), "2026-11-25", args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let ics = export(&["export", "--format", "ics", "--alarm", "19:00"]);
    let calendar: icalendar::Calendar = ics.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert!(!events.is_empty());
    for event in &events {
        let alarms = event
            .components()
            .iter()
            .filter(|c| c.component_kind() == "VALARM")
            .count();
        assert_eq!(alarms, 1, "{:?}", event.get_summary());
    }
    assert_eq!(ics.matches("TRIGGER:PT68400S").count(), events.len());
    let again = export(&["export", "--format", "ics", "--alarm", "19:00"]);
    assert!(
        again == ics,
        "the same day exports the same calendar, alarms and all"
    );
    let refused = run(dir.path(), "2026-11-25", &["export", "--alarm", "19:00"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("expected --format ics"));
}

#[test]
fn on_the_last_run_day_of_a_week_the_next_run_is_next_weeks_first() {
    let dir = common::plan_dir("2026-11-29", "2026-11-23");
    let out = run(dir.path(), "2026-11-29", &["today"]);
    let text = String::from_utf8(out.stdout).unwrap();
    // Sunday 29 Nov is week 1's last run day; the next run is week 2's first
    // (Tuesday 1 Dec).
    let plan = common::json(dir.path(), "2026-11-29", &["plan", "--json"]);
    let run_days = |week: usize| -> Vec<String> {
        plan["weeks"][week]["days"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["sessions"][0]["kind"] == "run")
            .map(|d| d["date"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(run_days(0).last().unwrap(), "2026-11-29");
    let next = common::date(&run_days(1)[0]);
    assert_eq!(next, common::date("2026-12-01"));
    let label = next.format("%a %-d %b").to_string();
    assert!(text.contains(&format!("Next run {label}:")), "{text}");
}

#[test]
fn today_json_names_its_unit_and_converts_under_unit() {
    // Tuesday 24 Nov, a run day.
    let dir = common::plan_dir("2026-11-24", "2026-11-23");
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = extra.to_vec();
        args.extend(["today", "--json"]);
        let out = run(dir.path(), "2026-11-24", &args);
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let plain = json(&[]);
    let km = json(&["--unit", "km"]);
    assert_eq!(plain["unit"], "mi");
    assert_eq!(km["unit"], "km");
    let distance = |doc: &serde_json::Value| doc["sessions"][0]["distance"].as_f64().unwrap();
    let ratio = distance(&km) / distance(&plain);
    assert!((ratio - 1.609).abs() < 0.01, "{ratio}");
}

#[test]
fn plan_plan_json_today_json_and_the_calendar_agree_and_name_their_unit() {
    // Tuesday 24 Nov, week 1's first run.
    let dir = common::plan_dir("2026-11-24", "2026-11-23");
    let text = |args: &[&str]| {
        let out = run(dir.path(), "2026-11-24", args);
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let json = |args: &[&str]| -> serde_json::Value { serde_json::from_str(&text(args)).unwrap() };
    for (unit, extra) in [("mi", vec![]), ("km", vec!["--unit", "km"])] {
        let with = |args: &[&'static str]| -> Vec<&'static str> {
            [extra.clone(), args.to_vec()].concat()
        };
        let today = json(&with(&["today", "--json"]));
        assert_eq!(today["unit"], unit);
        let run = today["sessions"][0]["distance"].as_f64().unwrap();
        let shown = format!("Easy run {run:.1} {unit}");
        assert!(text(&with(&["today"])).contains(&shown), "{shown}");
        let days = text(&with(&["plan", "--days"]));
        assert!(days.contains(&format!("Tue 24  {shown}")), "{days}");
        // The week's total in the table is the sum of its runs as shown (in
        // the day list).
        let week1 = days
            .split("\n\n")
            .find(|block| block.starts_with("Week 1 ·"))
            .unwrap();
        let shown_runs: Vec<f64> = week1
            .lines()
            .filter_map(|line| {
                let (at, kind) = ["Easy run ", "Long run "]
                    .iter()
                    .find_map(|kind| Some((line.find(kind)?, kind)))?;
                let rest = &line[at + kind.len()..];
                assert!(rest.contains(&format!(" {unit}.")), "{line}");
                rest.split_whitespace().next()?.parse::<f64>().ok()
            })
            .collect();
        let runs_in_json = json(&["plan", "--json"])["weeks"][0]["days"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["sessions"].as_array().unwrap())
            .filter(|s| s["distance"].is_number())
            .count();
        assert_eq!(shown_runs.len(), runs_in_json, "{week1}");
        let week: f64 = shown_runs.iter().sum();
        let table = text(&with(&["plan"]));
        assert!(
            table.contains(&format!("{week:.1} {unit}")),
            "{week:.1} {unit} in {table}"
        );
    }
    let plan = json(&["plan", "--json"]);
    assert_eq!(plan["unit"], "mi");
    assert_eq!(plan["weeks"][0]["days"][1]["sessions"][0]["distance"], 5.0);
    let ics = text(&["export", "--format", "ics"]);
    let event = ics
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("DTSTART;VALUE=DATE:20261124"))
        .unwrap();
    assert!(event.contains("SUMMARY:Easy run 5.0 mi"), "{event}");
}
