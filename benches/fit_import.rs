//! Importing run files as a whole process, `comeback activities import
//! --dry-run`: a two-hour FIT file (7,200 one-second records, written by the
//! tests' small FIT encoder) and a real one (a Forerunner 920XT's 1 h 54 min
//! run from `../shared/real-activities`), targets under 30 ms; a 3 MB TCX
//! (two hours of one-second track points, written here), under 50 ms; and
//! a file imported before, known by its hash without being parsed.

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::process::Command;

#[path = "../tests/common/fit.rs"]
mod fit;

/// A two-hour run from 2026-11-25 07:00 UTC: 7,200 records of time,
/// distance (3 m/s) and heart rate, then its session.
fn two_hour_run() -> Vec<u8> {
    fit::run(1_795_590_000, 7_200, true)
}

fn comeback(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_comeback"));
    cmd.env_remove("COMEBACK_DATA_DIR")
        .env("TZ", "UTC")
        .arg("--data-dir")
        .arg(dir)
        .arg("--today")
        .arg("2026-11-30");
    cmd
}

fn bench_import(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let made = comeback(dir.path())
        .args([
            "new",
            "--layoff",
            "3w",
            "--weekly",
            "25",
            "--runs",
            "4",
            "--start",
            "2026-11-23",
            "--rest-days",
            "thu,fri",
        ])
        .output()
        .expect("comeback runs");
    assert!(made.status.success());
    let file = dir.path().join("two-hours.fit");
    std::fs::write(&file, two_hour_run()).expect("written");
    let check = comeback(dir.path())
        .args(["activities", "import", "--dry-run"])
        .arg(&file)
        .output()
        .expect("comeback runs");
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(
        said.contains("13.4 mi in 120 min, HR 145"),
        "{said}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let dry_run = |file: &Path, to: Option<&str>| {
        let mut cmd = comeback(dir.path());
        cmd.args(["activities", "import", "--dry-run"]).arg(file);
        if let Some(day) = to {
            cmd.args(["--to", day]);
        }
        let out = cmd.output().expect("comeback runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    c.bench_function(
        "import a two-hour FIT file (7,200 records), whole process",
        |b| b.iter(|| dry_run(&file, None)),
    );
    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/real-activities/mornindew-broken.fit");
    if real.exists() {
        c.bench_function(
            "import a real two-hour FIT file (Forerunner 920XT, 318 KB), whole process",
            |b| b.iter(|| dry_run(&real, Some("2026-11-23"))),
        );
    } else {
        eprintln!("skipped: {} is not beside the repository", real.display());
    }
    let tcx = dir.path().join("two-hours.tcx");
    std::fs::write(&tcx, two_hour_tcx()).expect("written");
    c.bench_function(
        "import a 3 MB TCX file (7,200 track points), whole process",
        |b| b.iter(|| dry_run(&tcx, None)),
    );
    let recorded = comeback(dir.path())
        .args(["activities", "import"])
        .arg(&file)
        .output()
        .expect("comeback runs");
    assert!(recorded.status.success());
    c.bench_function(
        "import the two-hour FIT file again (known by its hash), whole process",
        |b| b.iter(|| dry_run(&file, None)),
    );
}

/// Two hours of one-second TCX track points from 2026-11-25 07:00 UTC, with
/// position, altitude, distance, heart rate and cadence, as Garmin Connect
/// writes them: about 3 MB.
fn two_hour_tcx() -> String {
    let mut points = String::new();
    for second in 0..7_200u32 {
        let (h, m, s) = (7 + second / 3600, second / 60 % 60, second % 60);
        points.push_str(&format!(
            "<Trackpoint><Time>2026-11-25T{h:02}:{m:02}:{s:02}.000Z</Time><Position><LatitudeDegrees>46.{:06}</LatitudeDegrees><LongitudeDegrees>14.{:06}</LongitudeDegrees></Position><AltitudeMeters>312.{}</AltitudeMeters><DistanceMeters>{}.0</DistanceMeters><HeartRateBpm><Value>{}</Value></HeartRateBpm><Cadence>88</Cadence><Extensions><TPX xmlns=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"><Speed>3.0</Speed><RunCadence>88</RunCadence></TPX></Extensions></Trackpoint>\n",
            second * 27,
            second * 13,
            second % 10,
            second * 3,
            140 + second % 10
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities><Activity Sport=\"Running\"><Id>2026-11-25T07:00:00.000Z</Id><Lap StartTime=\"2026-11-25T07:00:00.000Z\"><TotalTimeSeconds>7200.0</TotalTimeSeconds><DistanceMeters>21600.0</DistanceMeters><Calories>1500.5</Calories><AverageHeartRateBpm><Value>145</Value></AverageHeartRateBpm><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>\n{points}</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n"
    )
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
