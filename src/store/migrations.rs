//! The schema migrations: one SQL file each in `migrations/`, numbered and
//! run in order inside one transaction, keyed by `PRAGMA user_version`
//! (atuin keeps its migrations the same way). The Rust code holds no schema.

use super::error::{At, StoreError};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// Each entry migrates the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_plan.sql"),
    include_str!("migrations/0002_journal.sql"),
    include_str!("migrations/0003_shoes.sql"),
    include_str!("migrations/0004_checkin_columns.sql"),
    include_str!("migrations/0005_packed_choices.sql"),
    include_str!("migrations/0006_care_words_and_order.sql"),
    include_str!("migrations/0007_ticks.sql"),
    include_str!("migrations/0008_actuals.sql"),
    include_str!("migrations/0009_activities.sql"),
    include_str!("migrations/0010_foot_wound_flag.sql"),
    include_str!("migrations/0011_journal_copy.sql"),
    include_str!("migrations/0012_cross_training_from_files.sql"),
    include_str!("migrations/0013_sync.sql"),
    include_str!("migrations/0014_kept_assessment.sql"),
    include_str!("migrations/0015_journal_copy_by_year.sql"),
    include_str!("migrations/0016_recorded_day.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of a comeback store ("CMBC"), set by the first
/// migration run and checked on every open.
pub const APPLICATION_ID: i32 = 0x434D_4243;

/// The schema version of the open database.
pub(super) fn version(conn: &Connection, file: &Path) -> Result<i64, StoreError> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
        .at(file)
}

/// The schema version of a comeback store; refuses another program's SQLite
/// file (an application id that is not ours, or tables with no comeback
/// schema) without writing to it. Stores made before the id was set are
/// recognised by their `plan` table.
pub(super) fn recognise(conn: &Connection, file: &Path) -> Result<i64, StoreError> {
    // One statement, so one state of the file: another process may be
    // creating it at this very moment.
    let (id, version, tables, has_plan): (i32, i64, i64, bool) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id),
                    (SELECT user_version FROM pragma_user_version),
                    (SELECT COUNT(*) FROM sqlite_schema),
                    (SELECT COUNT(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'plan')",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .at(file)?;
    let ours = id == APPLICATION_ID
        || (id == 0 && tables == 0 && version == 0)
        || (id == 0 && version > 0 && has_plan);
    if ours {
        Ok(version)
    } else {
        Err(StoreError::Foreign {
            file: file.to_path_buf(),
        })
    }
}

/// Whether the store lacks comeback's application id (made before it was set).
pub(super) fn unmarked(conn: &Connection, file: &Path) -> Result<bool, StoreError> {
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .at(file)?;
    Ok(id != APPLICATION_ID)
}

/// Brings the schema up to [`SCHEMA_VERSION`], all in one transaction.
pub(super) fn migrate(conn: &mut Connection, file: &Path) -> Result<(), StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .at(file)?;
    // Another process may have migrated while we waited for the lock.
    let from = version(&tx, file)?;
    for (done, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        tx.execute_batch(sql).at(file)?;
        tx.pragma_update(None, "user_version", done as i64 + 1)
            .at(file)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .at(file)?;
    // A migration may rewrite check-ins: the journal's copy is made anew by
    // the next change.
    tx.execute("DELETE FROM journal_copy", []).at(file)?;
    tx.commit().at(file)
}
