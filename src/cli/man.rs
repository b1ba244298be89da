//! `comeback man`: manual pages rendered by clap_mangen from the same clap
//! definitions that parse the arguments, so a page never drifts from a flag.

use super::Cli;
use anyhow::{Context, Result, bail};
use std::path::Path;

/// `man [SUBCOMMAND...]` prints the top page or one subcommand's;
/// `man --dir DIR` writes every page into DIR.
pub fn man(names: &[String], dir: Option<&Path>) -> Result<()> {
    let tree = tree();
    if let Some(dir) = dir {
        return write_all(&tree, dir);
    }
    page_of(find(&tree, names)?).render(&mut std::io::stdout().lock())?;
    Ok(())
}

/// The page of `command`, every one footed "comeback 0.1.0".
fn page_of(command: &clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(command.clone()).source(format!("comeback {}", env!("CARGO_PKG_VERSION")))
}

/// The commands the pages describe: built, so each subcommand knows its
/// full name (`comeback-checkin`), and without `help`, which has no page.
fn tree() -> clap::Command {
    let mut tree = <Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    tree.build();
    tree
}

/// The subcommand `names` lead to (`shoes add`), or one line naming the
/// unknown one and the names it could be.
fn find<'a>(tree: &'a clap::Command, names: &[String]) -> Result<&'a clap::Command> {
    let mut command = tree;
    for (i, name) in names.iter().enumerate() {
        let Some(sub) = command.find_subcommand(name) else {
            let mut said: Vec<&str> = vec!["man"];
            said.extend(names[..i].iter().map(String::as_str));
            let valid: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
            if valid.is_empty() {
                bail!(
                    "{} '{name}': `comeback {}` has no subcommands",
                    said.join(" "),
                    names[..i].join(" ")
                );
            }
            bail!(
                "{} '{name}': expected one of {}",
                said.join(" "),
                valid.join(", ")
            );
        };
        command = sub;
    }
    Ok(command)
}

/// Every page into `dir` (made if need be), each through a temporary file
/// and a rename; one line names the pages written.
fn write_all(tree: &clap::Command, dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        bail!(
            "man --dir {}: expected a folder, found a file",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("man --dir {}: cannot make the folder", dir.display()))?;
    let mut pages = Vec::new();
    every_page(tree, &mut pages);
    for page in &pages {
        let man = page_of(page);
        let path = dir.join(man.get_filename());
        crate::export::write_atomically(&path, |out| man.render(out))
            .with_context(|| format!("man --dir: cannot write {}", path.display()))?;
    }
    outln!(
        "Wrote {} to {}: comeback.1 and comeback-<subcommand>.1 (`man -l {}` reads one).",
        crate::count::count(pages.len(), "man page", "man pages"),
        dir.display(),
        dir.join("comeback.1").display()
    )?;
    Ok(())
}

/// `command` and every subcommand below it, depth first.
fn every_page<'a>(command: &'a clap::Command, pages: &mut Vec<&'a clap::Command>) {
    pages.push(command);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        every_page(sub, pages);
    }
}
