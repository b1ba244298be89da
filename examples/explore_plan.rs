use comeback::plan::{Distance, Profile, Template, Unit, generate};
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let layoff: u32 = a[1].parse().unwrap();
    let weekly: f64 = a[2].parse().unwrap();
    let runs: u8 = a[3].parse().unwrap();
    let tname = a.get(4).cloned().unwrap_or("standard".into());
    let ct = a.get(5).is_some_and(|s| s == "ct");
    let numb = tname == "cautious";
    let p = Profile {
        layoff_days: layoff,
        weekly_before: Distance::from_value(weekly),
        goal_weekly: Distance::from_value(std::env::var("GOAL").ok().and_then(|g| g.parse().ok()).unwrap_or(weekly)),
        runs_per_week: runs,
        unit: Unit::Mi,
        start: chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        cross_trained: ct,
        numb_now: numb,
        health: vec![],
        health_since: Default::default(),
        long_day: None,
        rest_days: vec![],
        easy_pace_seconds: None,
        race: None,
    };
    let t = Template::builtin(&tname).unwrap().unwrap();
    let plan = match generate(&p, &t) { Ok(p) => p, Err(e) => { println!("ERR {e}"); return; } };
    for w in &plan.weeks {
        let runs: Vec<String> = w.runs().map(|r| match r.intervals {
            Some(i) if r.distance.is_none() => i.describe(),
            _ => format!("{}{}{}({}m)", r.distance.unwrap(), if r.long {"L"} else {""}, if r.strides.is_some() {"s"} else {""}, r.effort.minutes),
        }).collect();
        println!("w{:>2} {:?}{} {:>5} | {}", w.week, w.phase, if w.cutback {" cut"} else {""}, w.target_distance.map_or(String::new(), |d| d.to_string()), runs.join(", "));
    }
}
