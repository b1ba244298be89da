//! `status` over ten years of daily check-ins: the core verdict alone, and the
//! whole path a `comeback status` takes (open the store, read, assess).

use chrono::{Days, NaiveDate};
use comeback::checkin::{CheckIn, Cleared, Flag, Journal, Numbness, Onset, SessionDone, assess};
use comeback::plan::{Distance, Profile, Template, Unit, generate};
use comeback::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const DAYS: u64 = 3650;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 11, 21).expect("valid date")
}

/// Ten years of a runner who mostly runs fine, tingles now and then, and sees
/// a clinician twice a year.
fn ten_years() -> (Vec<CheckIn>, Vec<NaiveDate>) {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut checkins = Vec::new();
    let mut clearances = Vec::new();
    for offset in 0..DAYS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let date = start() + Days::new(offset);
        let run_day = offset % 7 % 2 == 0;
        let session = if run_day {
            SessionDone::Done
        } else {
            SessionDone::RestDay
        };
        let mut c = CheckIn::symptom_free(date, Some(session));
        match seed % 100 {
            0..=11 => {
                c.numbness = Numbness::TINGLING;
                c.onset = Some(Onset::After);
                c.cleared = Some(Cleared::Quickly);
            }
            12..=13 => {
                c.numbness = Numbness::PARTLY_NUMB;
                c.onset = Some(Onset::During);
                c.cleared = Some(Cleared::Quickly);
                c.note = Some("laces too tight".into());
            }
            _ => {}
        }
        if offset % 180 == 90 {
            c.flags.push(Flag::SharpPain);
            clearances.push(date + Days::new(5));
        }
        checkins.push(c);
    }
    (checkins, clearances)
}

fn setup() -> (Profile, Template) {
    let template = Template::builtin("standard")
        .expect("shipped")
        .expect("valid");
    let profile = Profile {
        layoff_days: 90,
        weekly_before: Distance::from_value(10.0),
        goal_weekly: Distance::from_value(60.0),
        runs_per_week: 4,
        unit: Unit::Mi,
        start: start(),
        cross_trained: false,
        numb_now: false,
    };
    (profile, template)
}

fn bench_status(c: &mut Criterion) {
    let (profile, template) = setup();
    let plan = generate(&profile, &template).expect("valid");
    let (checkins, clearances) = ten_years();
    let today = start() + Days::new(DAYS - 1);
    let journal = Journal::new(
        checkins.clone(),
        clearances
            .iter()
            .map(|d| comeback::checkin::Clearance {
                date: *d,
                note: None,
            })
            .collect(),
    );
    c.bench_function("assess 10 years of daily check-ins", |b| {
        b.iter(|| assess(black_box(&plan), &template, black_box(&journal), today))
    });

    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut store = Store::open(dir.path()).expect("store");
        store
            .save_plan(&profile, &template, false, "bench")
            .expect("plan");
        let conn = rusqlite::Connection::open(Store::path_in(dir.path())).expect("db");
        conn.execute_batch("BEGIN").expect("begin");
        for c in &checkins {
            conn.execute(
                "INSERT INTO checkins (date, data, recorded_at) VALUES (?1, ?2, 'bench')",
                (c.date.to_string(), serde_json::to_string(c).expect("json")),
            )
            .expect("insert");
        }
        for d in &clearances {
            conn.execute(
                "INSERT INTO clearances (date, note, recorded_at) VALUES (?1, NULL, 'bench')",
                [d.to_string()],
            )
            .expect("insert");
        }
        conn.execute_batch("COMMIT").expect("commit");
    }
    c.bench_function("open the store, read 10 years and assess", |b| {
        b.iter(|| {
            let store = Store::open(dir.path()).expect("store");
            let saved = store.plan().expect("plan").expect("a plan");
            let plan = generate(&saved.profile, &saved.template).expect("valid");
            let journal = store.journal().expect("journal");
            assess(&plan, &saved.template, &journal, today)
        })
    });
}

criterion_group!(benches, bench_status);
criterion_main!(benches);
