//! `comeback man`: pages rendered from the clap definitions, through the
//! real binary: the top page, one subcommand's, every page into a folder.

mod common;

use clap::CommandFactory;
use std::path::Path;

fn man(dir: &Path, args: &[&str]) -> std::process::Output {
    common::cli(dir, "2026-11-23")
        .arg("man")
        .args(args)
        .output()
        .unwrap()
}

fn page(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = man(dir.path(), args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `stderr` is one line holding every one of `parts`.
fn refused(out: &std::process::Output, parts: &[&str]) {
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for part in parts {
        assert!(stderr.contains(part), "{part}: {stderr}");
    }
}

/// The pages a page names, like `comeback\-checkin(1)`, as file names.
fn named_pages(roff: &str) -> Vec<String> {
    roff.lines()
        .filter_map(|l| l.strip_suffix("(1)"))
        .filter(|l| l.starts_with("comeback"))
        .map(|l| format!("{}.1", l.replace("\\-", "-")))
        .collect()
}

#[test]
fn the_top_page_lists_the_subcommands_and_no_help_page() {
    let top = page(&[]);
    assert!(
        top.starts_with(".ie") && top.contains(".TH comeback 1"),
        "{top}"
    );
    let named = named_pages(&top);
    for sub in ["comeback-checkin.1", "comeback-new.1", "comeback-shoes.1"] {
        assert!(named.iter().any(|n| n == sub), "{sub}: {named:?}");
    }
    assert!(!top.contains("comeback\\-help"), "{top}");
}

#[test]
fn the_checkin_page_gives_its_values_and_the_numbness_scale() {
    let checkin = page(&["checkin"]);
    assert!(checkin.contains(".TH comeback-checkin 1"), "{checkin}");
    assert!(
        checkin.contains("0 none, 1 tingling, 2 partly numb, 3 no feeling"),
        "{checkin}"
    );
    for value in ["between_toes", "loosening_laces", "rest_day", "foot_wound"] {
        assert!(checkin.contains(value), "{value}");
    }
    let add = page(&["shoes", "add"]);
    assert!(add.contains(".TH comeback-shoes-add 1"), "{add}");
    assert!(add.contains("start\\-distance"), "{add}");
}

#[test]
fn every_page_goes_into_the_folder_and_every_page_named_exists() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("man/man1");
    let out = man(dir.path(), &["--dir", pages.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.starts_with("Wrote 29 man pages to "), "{said}");
    let mut expected = vec!["comeback.1".to_string()];
    for sub in comeback::cli::Cli::command().get_subcommands() {
        expected.push(format!("comeback-{}.1", sub.get_name()));
    }
    for file in &expected {
        assert!(pages.join(file).is_file(), "{file} is missing");
    }
    for entry in std::fs::read_dir(&pages).unwrap() {
        let roff = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for named in named_pages(&roff) {
            assert!(
                pages.join(&named).is_file(),
                "{named} is named, not written"
            );
        }
    }
    let written = std::fs::read_to_string(pages.join("comeback-checkin.1")).unwrap();
    assert_eq!(written, page(&["checkin"]));
}

#[test]
fn an_unknown_subcommand_is_named_with_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    refused(
        &man(dir.path(), &["chekin"]),
        &["comeback: man 'chekin': expected one of new, plan, today, checkin,"],
    );
    refused(
        &man(dir.path(), &["shoes", "buy"]),
        &["man shoes 'buy': expected one of list, add, retire"],
    );
}

#[test]
fn a_folder_that_cannot_be_written_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    refused(
        &man(dir.path(), &["--dir", file.to_str().unwrap()]),
        &["man --dir", "a-file: expected a folder, found a file"],
    );
    let under = file.join("man1");
    refused(
        &man(dir.path(), &["--dir", under.to_str().unwrap()]),
        &["a-file/man1: cannot make the folder"],
    );
}
