//! Issue 23, the store's side, through the real binary: a backup brought
//! back with `restore` while the live WAL still holds commits, an export or
//! a backup aimed at the store's own files, and a data dir that looks like
//! an SQLite URI. RELIABILITY.md lists each with what the runner sees.

mod common;

use std::path::Path;

const TODAY: &str = "2026-11-25";

/// A data dir with a plan from Mon 23 Nov, and a folder for other files.
fn with_plan() -> (tempfile::TempDir, tempfile::TempDir) {
    (
        common::plan_dir(TODAY, "2026-11-23"),
        tempfile::tempdir().unwrap(),
    )
}

/// Runs comeback on `data`; whether it succeeded.
fn run(data: &Path, args: &[&str]) -> bool {
    output(data, args).status.success()
}

fn output(data: &Path, args: &[&str]) -> std::process::Output {
    common::cli(data, TODAY).args(args).output().unwrap()
}

fn text(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

fn checkin_dates(data: &Path) -> Vec<String> {
    let history = common::json(data, TODAY, &["history", "--json"]);
    history["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn restore_brings_a_backup_back_over_a_wal_that_still_holds_commits() {
    let (data, dir) = with_plan();
    let data = data.path();
    assert!(run(
        data,
        &["checkin", "--date", "2026-11-23", "--numbness", "0"]
    ));
    let backup = dir.path().join("monday.db");
    let out = output(data, &["backup", backup.to_str().unwrap()]);
    assert!(
        text(&out).contains(&format!(
            "bring it back with `comeback restore {}`",
            backup.display()
        )),
        "{}",
        text(&out)
    );
    // Two more days, still in the WAL (it is folded only past 128 KB).
    assert!(run(
        data,
        &[
            "checkin",
            "--date",
            "2026-11-24",
            "--numbness",
            "1",
            "--where",
            "toes",
            "--cleared",
            "quickly"
        ]
    ));
    assert!(run(data, &["checkin", "--numbness", "0"]));
    assert!(data.join("comeback.db-wal").metadata().unwrap().len() > 0);
    let out = output(data, &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Restored the store from") && text(&out).contains("1 check-in."),
        "{}",
        text(&out)
    );
    assert_eq!(checkin_dates(data), ["2026-11-23"]);
    // The store it replaced is archived whole, and comes back the same way.
    let archived = std::fs::read_dir(data.join("archive"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "db"))
        .expect("the replaced store, archived");
    assert!(run(data, &["restore", archived.to_str().unwrap()]));
    assert_eq!(
        checkin_dates(data),
        ["2026-11-25", "2026-11-24", "2026-11-23"]
    );
    // And the store still takes writes.
    assert!(run(data, &["checkin", "--numbness", "0", "--replace"]));
}

#[test]
fn restore_refuses_what_is_not_a_comeback_store_and_changes_nothing() {
    let (data, dir) = with_plan();
    let data = data.path();
    assert!(run(data, &["checkin", "--numbness", "0"]));
    let before = checkin_dates(data);
    let not_sqlite = dir.path().join("notes.db");
    std::fs::write(&not_sqlite, "not a database").unwrap();
    for (file, said) in [
        (
            not_sqlite.to_str().unwrap(),
            "not a store comeback can restore",
        ),
        ("/dev/zero", "not a regular file"),
        ("/nonexistent/backup.db", "cannot read it"),
    ] {
        let out = output(data, &["restore", file]);
        assert!(!out.status.success());
        assert!(
            text(&out).contains(said) && text(&out).contains("nothing was changed"),
            "{file}: {}",
            text(&out)
        );
    }
    assert_eq!(std::fs::read(&not_sqlite).unwrap(), b"not a database");
    assert_eq!(checkin_dates(data), before);
}

#[test]
fn restore_moves_a_store_too_damaged_to_open_aside_whole() {
    let (data, dir) = with_plan();
    let data = data.path();
    let backup = dir.path().join("good.db");
    assert!(run(data, &["backup", backup.to_str().unwrap()]));
    std::fs::write(data.join("comeback.db"), vec![7u8; 8192]).unwrap();
    assert!(!run(data, &["status"]));
    let out = output(data, &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(run(data, &["status"]));
    let aside: Vec<_> = std::fs::read_dir(data.join("archive"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(aside[0].join("comeback.db")).unwrap(),
        vec![7u8; 8192]
    );
}

#[test]
fn an_export_or_backup_onto_the_stores_own_files_is_refused() {
    let (data, dir) = with_plan();
    let data = data.path();
    assert!(run(data, &["checkin", "--numbness", "0"]));
    let db = data.join("comeback.db");
    let before = std::fs::read(&db).unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let dotted = data
        .join("..")
        .join(data.file_name().unwrap())
        .join("comeback.db-wal");
    for args in [
        vec!["export", "--format", "md", "-o", db.to_str().unwrap()],
        vec!["export", "-o", dotted.to_str().unwrap()],
        vec!["export", "--format", "ics", "-o", link.to_str().unwrap()],
        vec!["backup", data.join("comeback.db-shm").to_str().unwrap()],
        // SQLite would take it for a leftover journal and delete it.
        vec!["backup", data.join("comeback.db-journal").to_str().unwrap()],
    ] {
        let out = output(data, &args);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            text(&out).contains("that is the store's own file"),
            "{args:?}: {}",
            text(&out)
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(checkin_dates(data), [TODAY]);
}

#[test]
fn a_data_dir_named_like_an_sqlite_uri_is_a_folder_of_that_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::cli(Path::new("file:journal.db?mode=memory"), TODAY)
        .current_dir(dir.path())
        .args(["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let folder = dir.path().join("file:journal.db?mode=memory");
    assert!(folder.join("comeback.db").is_file());
    // Nothing else was made beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [folder.file_name().unwrap()]);
}

#[test]
fn a_plan_replaced_while_files_are_read_gets_no_runs_outside_it() {
    let data = common::activities_plan_dir();
    // The import has read the plan and placed its runs…
    let mut comeback = comeback::comeback::Comeback::load(data.path()).unwrap();
    // …when another shell replaces the plan with one starting later.
    let replaced = common::process(data.path(), "2026-11-30")
        .args(["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"])
        .args(["--start", "2026-11-30", "--force"])
        .status()
        .unwrap();
    assert!(replaced.success());
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/activities/easy-run.gpx");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let err = comeback
        .import_runs(&[file], false, today, "2026-11-30T08:00:00Z")
        .map(|_| ())
        .expect_err("refused");
    assert!(err.to_string().contains("the plan was replaced"), "{err}");
    // The new plan has no run from before it, and its export imports.
    let list = common::json(data.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(list, serde_json::json!([]));
    let export = common::cli(data.path(), "2026-11-30")
        .arg("export")
        .output()
        .unwrap();
    common::import_into_fresh(&export.stdout, "2026-11-30");
}

#[test]
fn a_full_disk_without_shared_memory_still_reads_and_says_the_disk_is_full() {
    let dir = tempfile::tempdir().unwrap();
    let Some(_unmount) = common::small_filesystem(dir.path()) else {
        eprintln!("skipped: this machine does not let the test mount a small filesystem");
        return;
    };
    let data = dir.path().join("data");
    common::make_plan(&data, TODAY, "2026-11-23");
    assert!(run(&data, &["checkin", "--numbness", "0"]));
    // Another SQLite program closes the store last: it folds the WAL in and
    // removes comeback.db-wal and comeback.db-shm.
    rusqlite::Connection::open(data.join("comeback.db"))
        .unwrap()
        .query_row("SELECT count(*) FROM checkins", [], |r| r.get::<_, i64>(0))
        .unwrap();
    assert!(!data.join("comeback.db-shm").exists());
    common::fill_disk(dir.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let backup = elsewhere.path().join("copy.db");
    let export = elsewhere.path().join("plan.json");
    for args in [
        vec!["status"],
        vec!["export", "-o", export.to_str().unwrap()],
        vec!["backup", backup.to_str().unwrap()],
    ] {
        let out = output(&data, &args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    }
    assert_eq!(checkin_dates(&data), [TODAY]);
    let out = output(
        &data,
        &["checkin", "--date", "2026-11-24", "--numbness", "0"],
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("the disk is full; nothing was saved"),
        "{}",
        text(&out)
    );
}

/// The notes of every check-in in the store file `db` (read as it is).
fn notes(db: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT note FROM checkins WHERE note IS NOT NULL")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn check_ins_saved_while_restores_run_end_in_the_store_or_an_archive() {
    // A plan from 1 Sep: 85 days to check in on, one each.
    let data = common::plan_dir(TODAY, "2026-09-01");
    let data = data.path().to_path_buf();
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("empty.db");
    assert!(run(&data, &["backup", backup.to_str().unwrap()]));
    let writer = {
        let data = data.clone();
        std::thread::spawn(move || {
            let start = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
            let mut saved = Vec::new();
            for day in 0..80 {
                let date = (start + chrono::Days::new(day)).to_string();
                let note = format!("n{day}");
                if run(
                    &data,
                    &[
                        "checkin",
                        "--date",
                        &date,
                        "--numbness",
                        "0",
                        "--note",
                        &note,
                    ],
                ) {
                    saved.push(note);
                }
            }
            saved
        })
    };
    let mut restores = 0;
    while !writer.is_finished() {
        assert!(run(&data, &["restore", backup.to_str().unwrap()]));
        restores += 1;
    }
    let saved = writer.join().unwrap();
    assert!(
        restores > 0 && saved.len() == 80,
        "{restores} restores, {} saved",
        saved.len()
    );
    // Every check-in that said "Saved" is in the store, or in the archive
    // of the store a restore replaced.
    let mut kept = notes(&data.join("comeback.db"));
    for archived in std::fs::read_dir(data.join("archive")).unwrap() {
        kept.extend(notes(&archived.unwrap().path()));
    }
    let lost: Vec<&String> = saved.iter().filter(|n| !kept.contains(n)).collect();
    assert!(lost.is_empty(), "lost {lost:?} over {restores} restores");
}

#[test]
fn a_wal_left_beside_a_missing_database_goes_aside_before_a_restore() {
    let (other, dir) = with_plan();
    let backup = dir.path().join("other.db");
    assert!(run(other.path(), &["backup", backup.to_str().unwrap()]));
    let (data, _) = with_plan();
    let data = data.path();
    for day in ["2026-11-23", "2026-11-24", "2026-11-25"] {
        assert!(run(data, &["checkin", "--date", day, "--numbness", "0"]));
    }
    std::fs::remove_file(data.join("comeback.db")).unwrap();
    assert!(data.join("comeback.db-wal").exists());
    let out = output(data, &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("kept as they were in"),
        "{}",
        text(&out)
    );
    // The restored store holds what the backup held: no check-in of the WAL.
    assert_eq!(checkin_dates(data), Vec::<String>::new());
}
