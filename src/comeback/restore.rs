//! Replacing what the store holds: a plan document imported (checked
//! completely, then restored in one transaction), and the plan it replaces
//! archived first.

use super::{Comeback, LoadError};
use crate::plan;
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Before a plan and its journal are replaced: the whole of it exported as a
/// plan document into `archive/` in the data folder, where `comeback import`
/// can bring it back; the file written, or `None` when there is no plan yet.
///
/// With `care_first` (the runner's own `new --force` or `import --force`)
/// it is refused while care is open: a new plan starts with an empty
/// journal, and would lift care that only a clinician lifts (DESIGN.md §4:
/// runs stay suspended until a clearance; the clinician's twentieth review:
/// urgent care gone, and an easy run for today, after `new --force`). A plan
/// replaced on another device comes through the sync without it.
pub(super) fn archive(
    data_dir: &Path,
    today: NaiveDate,
    now: &str,
    care_first: bool,
) -> Result<Option<PathBuf>, LoadError> {
    let old = match Comeback::load(data_dir) {
        Ok(old) => old,
        Err(LoadError::NoPlan(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let assessment = old.assess(today);
    if let (true, Some(care)) = (care_first, &assessment.verdict.care) {
        return Err(LoadError::CareOpen {
            since: care.since,
            level: format!("{}, {}", care.level.as_str(), care.when_words),
        });
    }
    let dir = data_dir.join("archive");
    let stamp: String = now
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let file = dir.join(format!(
        "comeback-plan-{}-replaced-{stamp}.json",
        old.plan.profile.start
    ));
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        crate::export::write_atomically(&file, |out| {
            crate::export::write(
                crate::export::Format::Json,
                old.snapshot(),
                &assessment,
                crate::export::Options::default(),
                out,
            )
        })
    });
    match written {
        Ok(()) => Ok(Some(file)),
        Err(source) => Err(LoadError::Store(StoreError::Io {
            file,
            action: "cannot archive the plan it replaces",
            source,
        })),
    }
}

/// The checks an import shares with the command line that need today: no
/// check-in, clearance, run or retirement after it (one validation for both
/// paths).
fn check_against_today(
    restore: &crate::document::Restore,
    today: NaiveDate,
) -> Result<(), crate::document::ImportError> {
    use crate::document::ImportError;
    let start = restore.profile.start;
    for (i, c) in restore.checkins.iter().enumerate() {
        c.validate(start, today).map_err(|e| ImportError {
            path: format!("checkins[{i}].{}", e.field().unwrap_or("date")),
            problem: e.to_string(),
        })?;
    }
    // Every other dated list: nothing after today.
    let dated = [
        (
            "clearances",
            restore
                .clearances
                .iter()
                .map(|c| c.date)
                .collect::<Vec<_>>(),
        ),
        ("ticks", restore.ticks.iter().map(|t| t.date).collect()),
        (
            "activities",
            restore.activities.iter().map(|r| r.date).collect(),
        ),
        (
            "cross_training",
            restore.cross_training.iter().map(|c| c.date).collect(),
        ),
    ];
    for (list, dates) in dated {
        if let Some((i, date)) = dates.iter().enumerate().find(|(_, d)| **d > today) {
            return Err(ImportError {
                path: format!("{list}[{i}].date"),
                problem: format!("{date} is after today ({today})"),
            });
        }
    }
    for (i, shoe) in restore.shoes.iter().enumerate() {
        shoe.validate(today).map_err(|e| ImportError {
            path: format!("shoes[{i}]"),
            problem: e.to_string(),
        })?;
    }
    Ok(())
}

/// Why an import changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error(transparent)]
    Invalid(#[from] crate::document::ImportError),
    #[error("the plan cannot be built: {0}")]
    Profile(#[from] plan::ProfileError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The plan it would replace could not be archived first.
    #[error(transparent)]
    Archive(#[from] LoadError),
}

/// Checks a plan document completely, then restores it in one transaction,
/// with the archive the plan it replaced went to. On any error the store is
/// left as it was. The text is dropped once read.
pub fn import(
    data_dir: &Path,
    text: String,
    replace: bool,
    today: NaiveDate,
    now: &str,
) -> Result<(crate::document::Restore, Option<PathBuf>), ImportFailure> {
    let restore = crate::document::read_document(&text)?;
    drop(text);
    check_against_today(&restore, today)?;
    let plan = plan::generate_saved(&restore.profile, &restore.template)?;
    let archived = match replace {
        true => archive(data_dir, today, now, true)?,
        false => None,
    };
    let mut store = Store::open(data_dir)?;
    store.restore(&restore, replace, now, |journal| {
        super::assess::derive(
            (&plan, &restore.template, &restore.shoes),
            journal,
            today,
            None,
            None,
        )
    })?;
    Ok((restore, archived))
}
