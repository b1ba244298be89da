//! Sync between devices through one plain folder, run through the binary:
//! two and three data dirs writing and syncing in every order, the same day
//! written on two devices before either synced, undo, a new plan, a device
//! away for 60 days, a late joiner, and the files a sync tool leaves behind.

mod common;

use std::path::{Path, PathBuf};

const START: &str = "2026-11-02";

struct Devices {
    _root: tempfile::TempDir,
    folder: PathBuf,
    dirs: Vec<PathBuf>,
}

/// `n` data dirs joined to one folder; the first made the plan.
fn devices(n: usize) -> Devices {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let dirs: Vec<PathBuf> = (0..n).map(|i| root.path().join(format!("d{i}"))).collect();
    common::make_plan(&dirs[0], START, START);
    for dir in &dirs {
        run(dir, START, &["sync", "--folder", folder.to_str().unwrap()]);
    }
    Devices {
        _root: root,
        folder,
        dirs,
    }
}

fn run(dir: &Path, today: &str, args: &[&str]) -> String {
    let out = common::cli(dir, today).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn checkin(dir: &Path, day: u64, args: &[&str]) {
    let date = common::date_after(START, day);
    let mut all = vec!["checkin", "--date", &date];
    all.extend_from_slice(args);
    run(dir, &date, &all);
}

/// What a device shows: its export without the times it was written, and
/// its status.
fn shown(dir: &Path, today: &str) -> (serde_json::Value, serde_json::Value) {
    let mut export = common::json(dir, today, &["export"]);
    if let Some(decisions) = export["decisions"].as_array_mut() {
        for d in decisions {
            d.as_object_mut().map(|o| o.remove("recorded_at"));
        }
    }
    (export, common::json(dir, today, &["status", "--json"]))
}

fn dates(dir: &Path, today: &str) -> Vec<String> {
    let history = common::json(dir, today, &["history", "--json"]);
    let mut dates: Vec<String> = history["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap().to_string())
        .collect();
    dates.sort();
    dates
}

fn assert_converged(d: &Devices, today: &str) {
    let first = shown(&d.dirs[0], today);
    for dir in &d.dirs[1..] {
        assert_eq!(shown(dir, today), first, "{} differs", dir.display());
    }
}

#[test]
fn two_devices_writing_and_syncing_in_either_order_show_the_same_journal() {
    let d = devices(2);
    checkin(&d.dirs[0], 0, &["--numbness", "0"]);
    checkin(&d.dirs[1], 1, &["--numbness", "1", "--cleared", "quickly"]);
    checkin(&d.dirs[0], 2, &["--numbness", "0"]);
    let today = common::date_after(START, 3);
    // Every command syncs before and after: the second device's next
    // command brings the first one's check-ins in.
    run(&d.dirs[1], &today, &["sync"]);
    run(&d.dirs[0], &today, &["sync"]);
    assert_eq!(
        dates(&d.dirs[0], &today),
        ["2026-11-02", "2026-11-03", "2026-11-04"]
    );
    assert_converged(&d, &today);
}

#[test]
fn the_same_day_written_on_two_devices_before_they_sync_keeps_the_later_write_on_both() {
    let d = devices(2);
    let today = common::date_after(START, 1);
    for dir in &d.dirs {
        run(dir, &today, &["sync", "--folder", "none"]);
    }
    checkin(&d.dirs[0], 1, &["--numbness", "2", "--cleared", "hours"]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    checkin(&d.dirs[1], 1, &["--numbness", "0", "--note", "later"]);
    for dir in d.dirs.iter().chain(d.dirs.iter()) {
        run(
            dir,
            &today,
            &["sync", "--folder", d.folder.to_str().unwrap()],
        );
    }
    for dir in &d.dirs {
        let history = common::json(dir, &today, &["history", "--json"]);
        let day = &history["checkins"][0];
        assert_eq!(day["numbness"], 0, "{}", dir.display());
        assert_eq!(day["note"], "later");
    }
    assert_converged(&d, &today);
}

#[test]
fn undo_on_one_device_takes_the_check_in_back_on_the_other() {
    let d = devices(2);
    let today = common::date_after(START, 1);
    checkin(&d.dirs[0], 1, &["--numbness", "1", "--cleared", "quickly"]);
    assert_eq!(dates(&d.dirs[1], &today), ["2026-11-03"]);
    run(&d.dirs[0], &today, &["undo"]);
    assert!(dates(&d.dirs[1], &today).is_empty());
    assert_converged(&d, &today);
}

#[test]
fn a_new_plan_on_one_device_replaces_the_plan_on_the_others() {
    let d = devices(3);
    checkin(&d.dirs[1], 0, &["--numbness", "0"]);
    let today = common::date_after(START, 7);
    run(
        &d.dirs[2],
        &today,
        &[
            "new", "--layoff", "10w", "--weekly", "30", "--runs", "5", "--start", &today, "--force",
        ],
    );
    for dir in &d.dirs {
        run(dir, &today, &["sync"]);
    }
    for dir in &d.dirs {
        let export = common::json(dir, &today, &["export"]);
        assert_eq!(export["profile"]["layoff_days"], 70, "{}", dir.display());
        assert!(dates(dir, &today).is_empty());
        // Each machine kept the old plan's export, its check-in in it.
        let archived: Vec<_> = std::fs::read_dir(dir.join("archive"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(archived.len(), 1, "{}: {archived:?}", dir.display());
        let old = std::fs::read_to_string(&archived[0]).unwrap();
        assert!(old.contains("2026-11-02"), "{}", dir.display());
    }
    assert_converged(&d, &today);
}

#[test]
fn a_device_away_for_sixty_days_and_a_late_joiner_catch_up() {
    let d = devices(2);
    run(&d.dirs[1], START, &["sync", "--folder", "none"]);
    for day in 0..60 {
        checkin(&d.dirs[0], day, &["--numbness", "0"]);
    }
    let today = common::date_after(START, 60);
    run(
        &d.dirs[1],
        &today,
        &["sync", "--folder", d.folder.to_str().unwrap()],
    );
    assert_eq!(dates(&d.dirs[1], &today).len(), 60);
    // A third device, with no plan yet, joins late.
    let late = d._root.path().join("late");
    run(
        &late,
        &today,
        &["sync", "--folder", d.folder.to_str().unwrap()],
    );
    assert_eq!(dates(&late, &today).len(), 60);
    assert_eq!(shown(&late, &today), shown(&d.dirs[0], &today));
}

#[test]
fn a_clearance_on_one_device_lifts_care_on_the_other() {
    let d = devices(2);
    let today = common::date_after(START, 2);
    checkin(&d.dirs[0], 1, &["--numbness", "3", "--flag", "weakness"]);
    let care = common::json(&d.dirs[1], &today, &["status", "--json"]);
    assert!(!care["care"].is_null(), "{care}");
    run(&d.dirs[1], &today, &["clear", "--note", "seen by the GP"]);
    let after = common::json(&d.dirs[0], &today, &["status", "--json"]);
    assert!(after["care"].is_null(), "{after}");
    assert_converged(&d, &today);
}

#[test]
fn a_note_added_after_a_clearance_keeps_the_check_in_before_it_on_every_device() {
    // Saved again with only a note, a check-in keeps its place before the
    // clearance that saw it (the clinician's sixteenth review), synced too:
    // the sync stamps it at its own moment, not past the clearance.
    let d = devices(2);
    let (a, b) = (&d.dirs[0], &d.dirs[1]);
    let calf = [
        "--numbness",
        "2",
        "--where",
        "calf",
        "--side",
        "left",
        "--onset",
        "during",
        "--minutes",
        "20",
        "--cleared",
        "hours",
    ];
    checkin(a, 3, &calf);
    let cleared = common::date_after(START, 7);
    run(
        a,
        &cleared,
        &["clear", "--date", &cleared, "--note", "seen"],
    );
    let later = common::date_after(START, 9);
    let day = common::date_after(START, 3);
    let mut again = vec!["checkin", "--date", &day];
    again.extend_from_slice(&calf);
    again.extend_from_slice(&["--note", "felt it on the hill", "--replace"]);
    let said = run(a, &later, &again);
    assert!(said.contains("ON TRACK"), "{said}");
    run(b, &later, &["sync"]);
    for dir in [a, b] {
        let status = common::json(dir, &later, &["status", "--json"]);
        assert!(status["care"].is_null(), "{}: {status:#}", dir.display());
    }
    assert_converged(&d, &later);
}

#[test]
fn sync_tools_temporary_and_conflict_files_and_unreadable_files_are_skipped_with_a_line() {
    let d = devices(2);
    checkin(&d.dirs[0], 0, &["--numbness", "0"]);
    let folder = &d.folder;
    std::fs::write(folder.join(".syncthing.abc.automerge.tmp"), b"half").unwrap();
    std::fs::write(
        folder.join(
            "0123456789abcdef0123456789abcdef.sync-conflict-20261205-120000-ABCDEFG.automerge",
        ),
        b"conflict",
    )
    .unwrap();
    // A torn file of a third device, and a foreign one.
    std::fs::write(
        folder.join("ffffffffffffffffffffffffffffffff.2026.automerge"),
        b"\x85\x6f\x4a\x83torn",
    )
    .unwrap();
    let out = run(&d.dirs[1], START, &["sync"]);
    assert!(
        out.contains(".syncthing.abc.automerge.tmp: a sync tool's temporary file"),
        "{out}"
    );
    assert!(out.contains("sync-conflict"), "{out}");
    assert!(
        out.contains("ffffffffffffffffffffffffffffffff.2026.automerge:")
            && out.contains("read again next time"),
        "{out}"
    );
    // Nothing from them was applied, and the good file still was.
    assert_eq!(dates(&d.dirs[1], START), ["2026-11-02"]);
    // Read again next time: still skipped while it stays torn.
    let again = run(&d.dirs[1], START, &["sync"]);
    assert!(
        again.contains("ffffffffffffffffffffffffffffffff.2026.automerge:"),
        "{again}"
    );
}

#[test]
fn a_file_from_a_newer_comeback_is_skipped_and_nothing_of_it_applied() {
    let d = devices(2);
    let newer = d
        .folder
        .join("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee.2026.automerge");
    let mut doc = automerge::AutoCommit::new();
    use automerge::transaction::Transactable;
    doc.put(automerge::ROOT, "schema", "comeback.sync/99")
        .unwrap();
    doc.put(automerge::ROOT, "checkin/2026-11-02", "{}")
        .unwrap();
    std::fs::write(&newer, doc.save()).unwrap();
    let out = run(&d.dirs[1], START, &["sync"]);
    assert!(out.contains("newer comeback"), "{out}");
    assert!(dates(&d.dirs[1], START).is_empty());
}

#[test]
fn the_data_folder_itself_is_refused_as_a_sync_folder() {
    let d = devices(1);
    let out = common::cli(&d.dirs[0], START)
        .args(["sync", "--folder", d.dirs[0].to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("holds the data folder or is inside it"),
        "{err}"
    );
}

#[test]
fn each_device_writes_only_its_own_files_readable_only_by_their_owner() {
    let d = devices(3);
    for (i, dir) in d.dirs.iter().enumerate() {
        checkin(dir, i as u64, &["--numbness", "0"]);
    }
    let files: Vec<_> = std::fs::read_dir(&d.folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    // A file for the plan and one for November, per device.
    assert_eq!(files.len(), 6, "{files:?}");
    for dir in &d.dirs {
        let device = run(dir, START, &["sync", "--status"]);
        let device = device
            .lines()
            .nth(1)
            .unwrap()
            .trim_start_matches("This machine: ")
            .to_string();
        let own: Vec<_> = files
            .iter()
            .filter(|f| {
                f.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&device)
            })
            .collect();
        assert_eq!(own.len(), 2, "{own:?}");
    }
    #[cfg(unix)]
    for file in &files {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{}", file.display());
    }
}

/// A sync killed at any point — while it reads the folder, after this
/// machine's file is written and before the store commits, mid-commit —
/// leaves a store that opens, and the next sync converges.
#[test]
fn a_sync_killed_at_any_point_loses_nothing_and_the_next_one_converges() {
    let d = devices(2);
    for day in 0..40 {
        let date = common::date_after(START, day);
        let status = common::process(&d.dirs[0], &date)
            .args(["checkin", "--date", &date, "--numbness", "0"])
            .status()
            .unwrap();
        assert!(status.success());
    }
    let today = common::date_after(START, 40);
    let late = d._root.path().join("late");
    run(
        &late,
        &today,
        &["sync", "--folder", d.folder.to_str().unwrap()],
    );
    run(&late, &today, &["sync", "--folder", "none"]);
    std::fs::remove_dir_all(&late).unwrap();
    // Join again and again from nothing, killed after 0 to 60 ms.
    for wait in (0..60).step_by(4) {
        let mut child = common::process(&late, &today)
            .args(["sync", "--folder", d.folder.to_str().unwrap()])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait));
        let _ = child.kill();
        let _ = child.wait();
        if late.join("comeback.db").exists() {
            let check = rusqlite::Connection::open(late.join("comeback.db"))
                .unwrap()
                .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .unwrap();
            assert_eq!(check, "ok", "killed after {wait} ms");
        }
    }
    run(
        &late,
        &today,
        &["sync", "--folder", d.folder.to_str().unwrap()],
    );
    run(&d.dirs[0], &today, &["sync"]);
    run(&late, &today, &["sync"]);
    assert_eq!(dates(&late, &today).len(), 40);
    assert_eq!(shown(&late, &today), shown(&d.dirs[0], &today));
}

/// The sync folder on a full disk: the check-in is saved here all the same
/// (its command says the sync was skipped), nothing half-written is taken
/// for synced, and once there is room again the next sync sends it.
#[test]
fn a_full_sync_folder_keeps_the_check_in_here_and_sends_it_once_there_is_room() {
    let d = devices(2);
    let Some(_mounted) = common::small_filesystem(&d.folder) else {
        eprintln!("skipped: this machine does not let a test mount a small filesystem");
        return;
    };
    for dir in &d.dirs {
        run(
            dir,
            START,
            &["sync", "--folder", d.folder.to_str().unwrap()],
        );
    }
    common::fill_disk(&d.folder);
    let today = common::date_after(START, 1);
    let out = common::cli(&d.dirs[0], &today)
        .args(["checkin", "--numbness", "0", "--note", "full"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sync skipped"), "{err}");
    assert_eq!(dates(&d.dirs[0], &today), ["2026-11-03"]);
    std::fs::remove_file(d.folder.join("filler")).unwrap();
    run(&d.dirs[0], &today, &["sync"]);
    assert_eq!(dates(&d.dirs[1], &today), ["2026-11-03"]);
}

#[test]
fn a_day_written_again_and_again_on_one_device_shows_its_last_write_on_the_other() {
    // Each check-in's record is appended to the year's file without the
    // file being read: the writes of one day stand side by side in it, and
    // the latest stamp is the one every device shows, before and after the
    // file is written whole again.
    let d = devices(2);
    for level in ["1", "2", "0", "1"] {
        checkin(&d.dirs[0], 3, &["--numbness", level, "--replace"]);
    }
    let today = common::date_after(START, 3);
    run(&d.dirs[1], &today, &["sync"]);
    assert_converged(&d, &today);
    let (export, _) = shown(&d.dirs[1], &today);
    assert_eq!(export["checkins"][0]["numbness"], 1, "{export:#}");
    // Enough writes to have the file written whole at least once.
    for day in 4..40 {
        checkin(&d.dirs[0], day, &["--numbness", "0"]);
    }
    checkin(&d.dirs[0], 3, &["--numbness", "2", "--replace"]);
    let today = common::date_after(START, 40);
    run(&d.dirs[1], &today, &["sync"]);
    assert_converged(&d, &today);
    let (export, _) = shown(&d.dirs[1], &today);
    assert_eq!(export["checkins"][0]["numbness"], 2);
}

#[test]
fn a_device_file_lost_from_the_folder_is_written_whole_at_the_next_check_in() {
    let d = devices(1);
    for day in 0..10 {
        checkin(&d.dirs[0], day, &["--numbness", "0"]);
    }
    // The sync tool lost this machine's file of the year.
    let year: Vec<PathBuf> = std::fs::read_dir(&d.folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".2026.automerge"))
        .collect();
    assert_eq!(year.len(), 1, "{year:?}");
    std::fs::remove_file(&year[0]).unwrap();
    // The next check-in writes it again with every day of the year, not
    // only its own: a machine joining later sees all eleven.
    checkin(&d.dirs[0], 10, &["--numbness", "0"]);
    let today = common::date_after(START, 10);
    let late = d._root.path().join("late");
    run(
        &late,
        &today,
        &["sync", "--folder", d.folder.to_str().unwrap()],
    );
    assert_eq!(dates(&late, &today).len(), 11);
    assert_eq!(shown(&late, &today), shown(&d.dirs[0], &today));
}

#[test]
fn a_command_with_nothing_new_to_sync_takes_no_lock_and_waits_for_no_one() {
    // Another process is writing (it holds the store's write lock): a
    // command whose sync finds nothing new neither waits for it nor says
    // the sync was skipped.
    let d = devices(1);
    checkin(&d.dirs[0], 0, &["--numbness", "0"]);
    let conn = rusqlite::Connection::open(d.dirs[0].join("comeback.db")).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let out = common::cli(&d.dirs[0], START)
        .args(["status"])
        .output()
        .unwrap();
    let waited = started.elapsed();
    conn.execute_batch("ROLLBACK").unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(waited < std::time::Duration::from_secs(2), "{waited:?}");
}
