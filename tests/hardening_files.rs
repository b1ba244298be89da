//! Issue 23, files that lie, through the real binary: runs no one can run
//! (a GPS jump, a TCX claiming a billion metres, a clock running
//! backwards), FIFOs and devices named like the files comeback reads, XML
//! nested without end, and a FIT of one-byte records. RELIABILITY.md lists
//! each with what the runner sees.

mod common;

#[path = "common/fit.rs"]
mod fit;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn import(dir: &Path, files: &[&Path]) -> (bool, String, String) {
    common::import_activities(dir, ("2026-11-30", "UTC"), files)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A GPX track of one point a minute from 07:00 on Wed 25 Nov, moving
/// `step` degrees of latitude a minute, with `jump` added to one point.
fn track(points: usize, step: f64, jump: Option<(usize, f64)>) -> String {
    let mut out = String::from("<gpx version=\"1.1\"><trk><trkseg>");
    for i in 0..points {
        let extra = match jump {
            Some((at, by)) if at == i => by,
            _ => 0.0,
        };
        out.push_str(&format!(
            "<trkpt lat=\"{:.6}\" lon=\"14.0\"><time>2026-11-25T{:02}:{:02}:00Z</time></trkpt>",
            46.0 + step * i as f64 + extra,
            7 + i / 60,
            i % 60
        ));
    }
    out + "</trkseg></trk></gpx>"
}

#[test]
fn a_gps_jump_is_left_out_and_the_run_kept() {
    let dir = common::activities_plan_dir();
    let files = tempfile::tempdir().unwrap();
    // 30 minutes at about 11 km/h (0.0017° ≈ 189 m a minute), one point
    // thrown 2° (222 km) away and back.
    let gpx = write(
        files.path(),
        "jump.gpx",
        &track(31, 0.0017, Some((15, 2.0))),
    );
    let (ok, out, err) = import(dir.path(), &[&gpx]);
    assert!(ok, "{err}");
    // 28 of the 30 steps kept: 5.3 km, 3.3 mi.
    assert!(out.contains("Wed 25 Nov: 3.3 mi in"), "{out}");
}

#[test]
fn runs_no_one_can_run_are_refused_in_one_line() {
    let dir = common::activities_plan_dir();
    let before = common::db(dir.path());
    let files = tempfile::tempdir().unwrap();
    let billion = write(
        files.path(),
        "billion.tcx",
        r#"<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>2026-11-25T07:00:00Z</Id>
        <Lap><TotalTimeSeconds>3600</TotalTimeSeconds><DistanceMeters>1000000000</DistanceMeters></Lap>
        </Activity></Activities></TrainingCenterDatabase>"#,
    );
    let fast = write(
        files.path(),
        "car.tcx",
        r#"<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>2026-11-25T07:00:00Z</Id>
        <Lap><TotalTimeSeconds>1800</TotalTimeSeconds><DistanceMeters>40000</DistanceMeters></Lap>
        </Activity></Activities></TrainingCenterDatabase>"#,
    );
    // Every point stamped before the one before it: no moving time.
    let mut backwards = String::from("<gpx><trk><trkseg>");
    for i in 0..40 {
        backwards.push_str(&format!(
            "<trkpt lat=\"{:.6}\" lon=\"14.0\"><time>2026-11-25T07:{:02}:00Z</time></trkpt>",
            46.0 + 0.00045 * f64::from(i),
            59 - i
        ));
    }
    let backwards = write(
        files.path(),
        "backwards.gpx",
        &(backwards + "</trkseg></trk></gpx>"),
    );
    let (ok, _, err) = import(dir.path(), &[&billion, &fast, &backwards]);
    assert!(!ok);
    for (file, said) in [
        (
            "billion.tcx",
            "expected at most 200 mi (322 km) and 600 minutes",
        ),
        ("car.tcx", "80 km/h on average; expected under 30 km/h"),
        ("backwards.gpx", "expected a moving time"),
    ] {
        let lines: Vec<&str> = err.lines().filter(|l| l.contains(file)).collect();
        assert_eq!(lines.len(), 1, "{file}: {err}");
        assert!(lines[0].contains(said), "{}", lines[0]);
    }
    assert_eq!(common::db(dir.path()), before);
}

/// Runs `args` on the binary, killed after `limit`: whether it ended by
/// itself, and its stderr.
fn ends_within(dir: &Path, args: &[&std::ffi::OsStr], limit: Duration) -> (bool, String) {
    let mut child = common::process(dir, "2026-11-30")
        .args(args)
        .spawn()
        .unwrap();
    let started = Instant::now();
    while started.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            let out = child.wait_with_output().unwrap();
            return (true, String::from_utf8_lossy(&out.stderr).into_owned());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    let _ = child.wait();
    (false, String::new())
}

#[test]
fn a_fifo_or_a_device_named_like_a_file_is_refused_without_hanging() {
    let dir = common::activities_plan_dir();
    let files = tempfile::tempdir().unwrap();
    let fifo = files.path().join("run.gpx");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let folder = files.path();
    let limit = Duration::from_secs(20);
    for args in [
        vec!["activities".as_ref(), "import".as_ref(), fifo.as_os_str()],
        vec!["activities".as_ref(), "import".as_ref(), folder.as_os_str()],
        vec!["import".as_ref(), fifo.as_os_str()],
        vec!["import".as_ref(), "/dev/zero".as_ref()],
        vec!["templates".as_ref(), "check".as_ref(), "/dev/zero".as_ref()],
    ] {
        let (ended, err) = ends_within(dir.path(), &args, limit);
        assert!(ended, "{args:?} hung");
        assert!(
            err.contains("not a regular file") || err.contains("no activity file in this folder"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn xml_nested_without_end_is_refused_at_once() {
    let files = tempfile::tempdir().unwrap();
    let depth = 300_000;
    let deep = write(
        files.path(),
        "deep.gpx",
        &format!("<gpx>{}{}</gpx>", "<a>".repeat(depth), "</a>".repeat(depth)),
    );
    let err = comeback::activity::Activity::read(&deep).unwrap_err();
    assert!(
        err.to_string().contains("elements nested over 64 deep"),
        "{err}"
    );
}

#[test]
fn a_fit_of_one_byte_records_is_read_in_one_pass_and_refused_in_one_line() {
    let files = tempfile::tempdir().unwrap();
    let mut file = fit::Fit::default();
    file.define(0, 20, &[(3, 1, fit::UINT8)]);
    for _ in 0..400_000 {
        file.data(0, &[140]);
    }
    let path = files.path().join("one-byte.fit");
    std::fs::write(&path, file.file()).unwrap();
    // Records with a heart rate and no time: nothing to place on a day.
    let err = comeback::activity::Activity::read(&path).unwrap_err();
    assert_eq!(err.to_string(), "no track with times in it");
}

#[test]
fn a_file_name_with_newlines_prints_on_one_line() {
    let dir = common::activities_plan_dir();
    let files = tempfile::tempdir().unwrap();
    let name = files
        .path()
        .join("fk\nrun.gpx: Wed 25 Nov: 99 mi: recorded\n.gpx");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/activities/easy-run.gpx"),
        &name,
    )
    .unwrap();
    let (ok, out, err) = import(dir.path(), &[&name]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    let list = common::cli(dir.path(), "2026-11-30")
        .args(["activities", "list"])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(
        list.contains("(fk run.gpx: Wed 25 Nov: 99 mi: recorded .gpx)"),
        "{list}"
    );
}

#[test]
fn template_text_that_would_not_print_on_one_line_is_refused() {
    let files = tempfile::tempdir().unwrap();
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/standard.json"))
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, bad) in [
        ("rlo", "\u{202E}"),
        ("newline", "\\n"),
        ("escape", "\\u001b[2J"),
    ] {
        let text = shipped.replacen(
            "\"description\": \"",
            &format!("\"description\": \"{bad}"),
            1,
        );
        assert_ne!(text, shipped);
        let file = write(files.path(), &format!("{name}.json"), &text);
        let out = common::cli(dir.path(), "2026-11-30")
            .args(["templates", "check"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("description") && err.contains("expected text on one line"),
            "{name}: {err}"
        );
    }
}

#[test]
fn numbers_a_file_supplies_never_wrap_or_panic() {
    let dir = common::activities_plan_dir();
    let files = tempfile::tempdir().unwrap();
    // A ride of 10^12 seconds: listed as cross-training, its time said as
    // it is (saturated), not wrapped to "0 min"; the debug build does not
    // panic.
    let ride = write(
        files.path(),
        "forever.tcx",
        r#"<TrainingCenterDatabase><Activities><Activity Sport="Biking"><Id>2026-11-25T07:00:00Z</Id>
        <Lap><TotalTimeSeconds>1000000000000</TotalTimeSeconds><DistanceMeters>20000</DistanceMeters></Lap>
        </Activity></Activities></TrainingCenterDatabase>"#,
    );
    let (ok, _, err) = import(dir.path(), &[&ride]);
    assert!(!ok);
    assert!(err.contains("forever.tcx: a ride (Biking,"), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains(" 0 min"),
        "{err}"
    );
    // A template rung whose session overflows u32 is refused.
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/standard.json"))
            .unwrap();
    let mut template: serde_json::Value = serde_json::from_str(&shipped).unwrap();
    template["run_walk_ladder"][0] =
        serde_json::json!({"run_seconds": 65536, "walk_seconds": 0, "repeats": 65536});
    let file = write(files.path(), "wrap.json", &template.to_string());
    let out = common::cli(dir.path(), "2026-11-30")
        .args(["templates", "check"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("run_walk_ladder[0]") && err.contains("longer than three hours"),
        "{err}"
    );
}
