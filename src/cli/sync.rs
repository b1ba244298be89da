//! `comeback sync`: joining and leaving a folder, syncing now, and what the
//! folder holds; and the quiet sync around every other command.

use super::Invocation;
use crate::sync::Report;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

pub fn sync(ctx: &Invocation, folder: Option<PathBuf>, status: bool) -> Result<()> {
    match folder {
        Some(f) if f.as_os_str() == "none" => {
            crate::sync::leave(&ctx.data_dir)?;
            outln!("Left the sync folder: this machine's changes stay here from now on.")?;
            return Ok(());
        }
        Some(f) => {
            let joined = crate::sync::join(&ctx.data_dir, &f)?;
            outln!("Joined {} for sync.", joined.display())?;
        }
        None => {}
    }
    let Some((folder, device)) = crate::sync::joined(&ctx.data_dir)? else {
        bail!(
            "no sync folder: join one with `comeback sync --folder DIR` (a folder your sync tool shares)"
        );
    };
    if status {
        return print_status(&folder, &device);
    }
    let report = crate::comeback::sync(&ctx.data_dir, ctx.today)?.unwrap_or_default();
    print_report(&report)
}

fn print_report(report: &Report) -> Result<()> {
    outln!(
        "Synced: {} sent, {} received from {}.",
        crate::count::count(report.sent, "change", "changes"),
        crate::count::count(report.received, "change", "changes"),
        crate::count::count(report.read, "device file read", "device files read"),
    )?;
    for line in &report.skipped {
        outln!("Skipped {line}")?;
    }
    Ok(())
}

fn print_status(folder: &Path, device: &str) -> Result<()> {
    outln!("Folder: {}", folder.display())?;
    outln!("This machine: {device}")?;
    let mut entries: Vec<(String, std::fs::Metadata)> = std::fs::read_dir(folder)
        .with_context(|| format!("{}: cannot read the sync folder", folder.display()))?
        .filter_map(|e| {
            let e = e.ok()?;
            Some((
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().ok()?,
            ))
        })
        .filter(|(name, _)| name.contains(".automerge"))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, meta) in entries {
        let changed = meta
            .modified()
            .ok()
            .map(chrono::DateTime::<chrono::Local>::from)
            .map_or_else(
                || "unknown".to_string(),
                |t| t.format("%Y-%m-%d %H:%M").to_string(),
            );
        let who = match crate::sync::device_of(&name) {
            Some((d, _)) if d == device => "this machine",
            Some(_) => "another machine",
            None => "skipped: a sync tool's temporary file or conflict copy",
        };
        outln!("  {name}  {} bytes, changed {changed}  ({who})", meta.len())?;
    }
    Ok(())
}

/// Syncs before or after a command when a folder is joined; a sync that
/// fails says so on one line and the command goes on with the store as it
/// is (the next command tries again).
pub fn quietly(ctx: &Invocation) {
    skipped(crate::comeback::sync(&ctx.data_dir, ctx.today));
}

/// The one line of a sync around a command that could not run; the
/// command goes on.
pub fn skipped(synced: crate::comeback::Synced) {
    if let Err(e) = synced {
        eprintln!("comeback: sync skipped: {e}");
    }
}
