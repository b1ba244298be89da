//! Helpers shared by the integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use comeback::plan::{Distance, Profile, Template, Unit};
use std::path::Path;

/// The binary with its data dir and day fixed, and the environment's
/// `COMEBACK_*` variables removed.
pub fn cli(dir: &Path, today: &str) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("comeback").expect("the binary");
    cmd.env_remove("COMEBACK_DATA_DIR")
        .env_remove("COMEBACK_TODAY")
        .arg("--data-dir")
        .arg(dir)
        .arg("--today")
        .arg(today);
    cmd
}

/// The same as a plain process (for spawning and killing), output discarded
/// but errors kept.
pub fn process(dir: &Path, today: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_comeback"));
    cmd.env_remove("COMEBACK_DATA_DIR")
        .env_remove("COMEBACK_TODAY")
        .arg("--data-dir")
        .arg(dir)
        .arg("--today")
        .arg(today)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    cmd
}

/// A command's JSON output; fails with its stderr if it fails.
pub fn json(dir: &Path, today: &str, args: &[&str]) -> serde_json::Value {
    let out = cli(dir, today)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// The date `offset` days after `start`, as the command line writes it.
pub fn date_after(start: &str, offset: u64) -> String {
    (date(start) + chrono::Days::new(offset)).to_string()
}

/// A data dir holding a plan (3-week layoff, 25 a week, 4 runs) that starts on
/// `start`, made by the binary as of `today`.
pub fn plan_dir(today: &str, start: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    make_plan(dir.path(), today, start);
    dir
}

/// The same plan made in the data dir `data` (which may not exist yet).
pub fn make_plan(data: &Path, today: &str, start: &str) {
    let status = process(data, today)
        // --force: a start more than two years from today, or one whose plan
        // is over by today, is allowed.
        .args([
            "new", "--layoff", "3w", "--weekly", "25", "--runs", "4", "--start", start, "--force",
        ])
        .status()
        .expect("comeback runs");
    assert!(status.success());
}

pub fn template(name: &str) -> Template {
    Template::builtin(name).expect("shipped").expect("valid")
}

/// A runner who ran 25 a week, 4 runs, back after `layoff_days`.
pub fn profile(layoff_days: u32) -> Profile {
    Profile {
        layoff_days,
        weekly_before: Distance::from_value(25.0),
        goal_weekly: Distance::from_value(25.0),
        runs_per_week: 4,
        unit: Unit::Mi,
        start: date("2026-11-23"),
        cross_trained: false,
        numb_now: false,
        health: Vec::new(),
        health_since: Default::default(),
        long_day: None,
        rest_days: Vec::new(),
        easy_pace_seconds: None,
        race: None,
        longest_run: None,
    }
}

/// A runner who ran `weekly` a week over `runs` runs, back after `layoff`
/// days, from Mon 2026-12-07.
pub fn runner(layoff: u32, weekly: f64, runs: u8, unit: Unit) -> Profile {
    Profile {
        weekly_before: Distance::from_value(weekly),
        goal_weekly: Distance::from_value(weekly),
        runs_per_week: runs,
        unit,
        start: date("2026-12-07"),
        ..profile(layoff)
    }
}

use comeback::checkin::{
    Assessment, CheckIn, Clearance, Cleared, Flag, Journal, Numbness, Onset, SessionDone, Spot,
    assess,
};
use comeback::plan::{Plan, generate};

/// A plan starting Mon 2026-11-23 after three days off, four runs a week
/// from 25 towards 40 (many stages, four runs from the first week), and its
/// template.
pub fn plan() -> (Plan, Template) {
    let template = template("standard");
    let mut runner = profile(3);
    runner.goal_weekly = Distance::from_value(40.0);
    (generate(&runner, &template).expect("valid"), template)
}

/// `day` days after the plan start.
pub fn day(offset: u64) -> NaiveDate {
    date("2026-11-23") + chrono::Days::new(offset)
}

pub fn fine(offset: u64) -> CheckIn {
    CheckIn::symptom_free(day(offset), Some(SessionDone::Done))
}

pub fn rest(offset: u64) -> CheckIn {
    CheckIn::symptom_free(day(offset), Some(SessionDone::RestDay))
}

pub fn numb(offset: u64, level: u8) -> CheckIn {
    let mut c = fine(offset);
    c.numbness = Numbness::try_from(level).expect("0-3");
    c.onset = Some(Onset::During);
    c.cleared = Some(Cleared::Quickly);
    c.spots = vec![Spot::Toes];
    c
}

pub fn with_flag(mut c: CheckIn, flag: Flag) -> CheckIn {
    c.flags.push(flag);
    c
}

/// The runs of a plan week done on their planned days, symptom-free.
pub fn runs_done(plan: &Plan, stage: usize, week_offset: u64) -> Vec<CheckIn> {
    plan.weeks[stage]
        .days
        .iter()
        .enumerate()
        .filter(|(_, d)| d.has_run())
        .map(|(i, _)| fine(week_offset * 7 + i as u64))
        .collect()
}

pub fn assess_on(checkins: Vec<CheckIn>, clearances: &[u64], today: u64) -> Assessment {
    let (plan, template) = plan();
    let clearances = clearances
        .iter()
        .map(|d| Clearance {
            date: day(*d),
            note: None,
            // Recorded after the check-in of its day.
            seq: 1,
        })
        .collect();
    assess(
        &plan,
        &template,
        &Journal::new(checkins, clearances),
        day(today),
    )
}

/// `writers` threads, each running `per_writer` `comeback checkin` processes on
/// interleaved dates from `start` (writer w takes days w, w + writers, ...);
/// fails if any process reports an error.
pub fn write_concurrently(
    dir: &Path,
    today: &str,
    start: NaiveDate,
    writers: u64,
    per_writer: u64,
) {
    let threads: Vec<_> = (0..writers)
        .map(|writer| {
            let (dir, today) = (dir.to_path_buf(), today.to_string());
            std::thread::spawn(move || {
                for i in 0..per_writer {
                    let day = start + chrono::Days::new(i * writers + writer);
                    let level = i % 3;
                    // Symptom fields only go with numbness.
                    let symptoms: &[&str] = if level == 0 {
                        &[]
                    } else {
                        &["--onset", "after", "--cleared", "quickly"]
                    };
                    let out = process(&dir, &today)
                        .args(["checkin", "--numbness", &level.to_string()])
                        .args(symptoms)
                        .args(["--date", &day.to_string()])
                        .output()
                        .expect("the binary runs");
                    assert!(
                        out.status.success(),
                        "writer {writer}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("a writer failed");
    }
}

/// The plan the activity-import tests import into: 3 weeks off, 25 mi a
/// week, 4 runs, from Mon 23 Nov, with Thursday and Friday the runner's rest
/// days. As of Mon 30 Nov, week 1 has runs on Mon 23, Wed 25 and Sun 29 (the
/// fixtures' days are Wed 25, Thu 26 at 03:30 UTC and Sun 29); Thu 26 and
/// Fri 27 have none.
pub fn activities_plan_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = process(dir.path(), "2026-11-30")
        .args(["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"])
        .args(["--start", "2026-11-23", "--rest-days", "thu,fri"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// The store's file, byte for byte: a refusal leaves it as it was.
pub fn db(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("comeback.db")).unwrap()
}

/// Where the real watch files are: `../shared/real-activities` beside the
/// repository (as CI has it), read there, never copied into it.
fn real_activities() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-activities")
}

/// Whether the real watch files are beside the repository. A clone on its
/// own has none: the tests that read them say so on stderr and pass, unless
/// `COMEBACK_REAL_ACTIVITIES=required` (CI sets it) makes their absence a
/// failure.
pub fn real_activities_here() -> bool {
    let here = real_activities().is_dir();
    if !here {
        let required = std::env::var("COMEBACK_REAL_ACTIVITIES").is_ok_and(|v| v == "required");
        assert!(
            !required,
            "{}: the real activity files are expected beside the repository",
            real_activities().display()
        );
        eprintln!(
            "skipped: no real activity files in {}",
            real_activities().display()
        );
    }
    here
}

/// A real watch file, read where it is (see [`real_activities_here`]).
pub fn real_activity(name: &str) -> std::path::PathBuf {
    let path = real_activities().join(name);
    assert!(
        path.exists(),
        "{}: no such real activity file",
        path.display()
    );
    path
}

/// `comeback activities import FILES…` on `today` in time zone `tz`: whether
/// it succeeded, its stdout and its stderr.
pub fn import_activities<P: AsRef<std::ffi::OsStr>>(
    dir: &Path,
    (today, tz): (&str, &str),
    files: &[P],
) -> (bool, String, String) {
    let out = cli(dir, today)
        .env("TZ", tz)
        .args(["activities", "import"])
        .args(files)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A small filesystem (400 KB of tmpfs) mounted on `dir`, unmounted when
/// the guard drops; none where this machine does not let a test mount one.
pub fn small_filesystem(dir: &Path) -> Option<Mounted> {
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=400k", "tmpfs"])
        .arg(dir)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    mounted.then(|| Mounted(dir.to_path_buf()))
}

/// Unmounts the small filesystem however the test ends.
pub struct Mounted(std::path::PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// Fills the filesystem `dir` is on.
pub fn fill_disk(dir: &Path) {
    use std::io::Write;
    let mut filler = std::fs::File::create(dir.join("filler")).expect("a filler file");
    let block = vec![0u8; 4096];
    while filler
        .write_all(&block)
        .and_then(|()| filler.sync_all())
        .is_ok()
    {}
}

/// A fresh data dir with the plan document `doc` imported as of `today`;
/// fails with the import's stderr if it is refused.
pub fn import_into_fresh(doc: &[u8], today: &str) -> tempfile::TempDir {
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), doc).expect("written");
    let fresh = tempfile::tempdir().expect("a temporary folder");
    let out = cli(fresh.path(), today)
        .arg("import")
        .arg(file.path())
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fresh
}
