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
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema version of the open database.
pub(super) fn version(conn: &Connection, file: &Path) -> Result<i64, StoreError> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
        .at(file)
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
    tx.commit().at(file)
}
