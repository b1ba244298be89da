//! Gzipped activity files, as Strava's bulk export ships them
//! (`activities/*.fit.gz`, `.gpx.gz`, `.tcx.gz`), and folders with nothing to
//! read: each says what happened, never nothing.

mod common;

use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/activities")
        .join(name)
}

/// `bytes` gzipped into `dir/name`.
fn gzipped(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, encoder.finish().unwrap()).unwrap();
    path
}

fn import(dir: &Path, files: &[&Path]) -> (bool, String, String) {
    common::import_activities(dir, ("2026-11-30", "UTC"), files)
}

#[test]
fn a_folder_of_gzipped_files_imports_them_and_the_same_file_unpacked_is_known() {
    let dir = common::activities_plan_dir();
    let export = tempfile::tempdir().unwrap();
    let long_run = std::fs::read(fixture("long-run.tcx")).unwrap();
    gzipped(export.path(), "12345.tcx.gz", &long_run);
    let (ok, out, err) = import(dir.path(), &[export.path()]);
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("12345.tcx.gz") && out.contains("recorded"),
        "{out}"
    );
    let listed = common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    // The same run, not gzipped: the content is what counts.
    let (_, again, _) = import(dir.path(), &[&fixture("long-run.tcx")]);
    assert!(again.contains("already imported"), "{again}");
}

#[test]
fn an_empty_folder_or_one_without_activity_files_gets_a_line_and_exit_1() {
    let dir = common::activities_plan_dir();
    let empty = tempfile::tempdir().unwrap();
    let (ok, out, err) = import(dir.path(), &[empty.path()]);
    assert!(!ok, "{out}");
    assert!(err.contains("no activity file in this folder"), "{err}");
    std::fs::write(empty.path().join("notes.txt"), "not a run").unwrap();
    let (ok, _, err) = import(dir.path(), &[empty.path()]);
    assert!(
        !ok && err.contains("no activity file in this folder"),
        "{err}"
    );
}

#[test]
fn a_damaged_gzip_and_one_that_unpacks_past_64_mb_are_refused_in_one_line() {
    let dir = common::activities_plan_dir();
    let files = tempfile::tempdir().unwrap();
    let damaged = files.path().join("damaged.fit.gz");
    std::fs::write(&damaged, b"\x1f\x8b\x08\x00 not really gzip").unwrap();
    let (ok, _, err) = import(dir.path(), &[&damaged]);
    assert!(
        !ok && err.contains("damaged.fit.gz") && err.contains("not a readable gzip file"),
        "{err}"
    );
    // A small file that unpacks to 65 MB is refused, not read into memory.
    let bomb = gzipped(files.path(), "bomb.gpx.gz", &vec![b' '; 65 * 1024 * 1024]);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1024 * 1024);
    let (ok, _, err) = import(dir.path(), &[&bomb]);
    assert!(!ok && err.contains("over 64 MB unpacked"), "{err}");
    assert_eq!(
        common::json(dir.path(), "2026-11-30", &["activities", "list", "--json"]),
        serde_json::json!([])
    );
}
