//! The `ticks` table: the checks and habits ticked, per day.

use super::Store;
use super::error::{At, StoreError};
use chrono::NaiveDate;
use rusqlite::params;

pub use crate::snapshot::Tick;

impl Store {
    /// Every tick, by day.
    pub fn ticks(&self) -> Result<std::collections::BTreeSet<Tick>, StoreError> {
        let path = &self.path;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT day, habit FROM ticks ORDER BY day")
            .at(path)?;
        let mut rows = stmt.query([]).at(path)?;
        let mut ticks = std::collections::BTreeSet::new();
        while let Some(row) = rows.next().at(path)? {
            let day: i64 = row.get(0).at(path)?;
            let date = i32::try_from(day)
                .ok()
                .and_then(NaiveDate::from_epoch_days)
                .ok_or_else(|| {
                    StoreError::damaged(
                        path,
                        "a tick does not read back",
                        super::choices::Unreadable::NotADate(day),
                    )
                })?;
            ticks.insert((date, row.get(1).at(path)?));
        }
        Ok(ticks)
    }

    /// Ticks or unticks a habit on a day.
    pub fn set_tick(&mut self, date: NaiveDate, habit: &str, on: bool) -> Result<(), StoreError> {
        let path = self.path.clone();
        let day = super::choices::day(date);
        self.change(|tx| {
            if on {
                tx.execute(
                    "INSERT OR IGNORE INTO ticks (day, habit) VALUES (?1, ?2)",
                    params![day, habit],
                )
            } else {
                tx.execute(
                    "DELETE FROM ticks WHERE day = ?1 AND habit = ?2",
                    params![day, habit],
                )
            }
            .at(&path)?;
            Ok(())
        })
    }
}
