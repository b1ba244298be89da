//! The `shoes` table: the runner's pairs, in the order they were added.

use super::Store;
use super::error::{At, StoreError};
use crate::plan::Distance;
use crate::shoes::Shoe;
use chrono::NaiveDate;
use rusqlite::{Connection, params};

impl Store {
    /// The shoes, oldest first.
    pub fn shoes(&self) -> Result<Vec<Shoe>, StoreError> {
        let path = &self.path;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, start_distance, retired FROM shoes ORDER BY id")
            .at(path)?;
        let mut rows = stmt.query([]).at(path)?;
        let mut shoes = Vec::new();
        while let Some(row) = rows.next().at(path)? {
            let retired: Option<String> = row.get(2).at(path)?;
            let retired = retired
                .map(|d| {
                    d.parse::<NaiveDate>().map_err(|e| {
                        StoreError::damaged(path, format!("a pair of shoes has the date '{d}'"), e)
                    })
                })
                .transpose()?;
            shoes.push(Shoe {
                name: row.get(0).at(path)?,
                start_distance: Distance::from_value(row.get(1).at(path)?),
                retired,
            });
        }
        Ok(shoes)
    }

    /// Adds a pair; refuses a name already taken.
    pub fn add_shoe(&mut self, shoe: &Shoe, now: &str) -> Result<(), StoreError> {
        let path = self.path.clone();
        self.change(|tx| {
            let taken: bool = tx
                .query_row(
                    "SELECT COUNT(*) > 0 FROM shoes WHERE name = ?1",
                    [&shoe.name],
                    |r| r.get(0),
                )
                .at(&path)?;
            if taken {
                return Err(StoreError::ShoeExists(shoe.name.clone()));
            }
            insert(tx, shoe, now).at(&path)
        })
    }

    /// Marks a pair retired on `date`; false when no pair has that name.
    pub fn retire_shoe(&mut self, name: &str, date: NaiveDate) -> Result<bool, StoreError> {
        let path = self.path.clone();
        self.change(|tx| {
            let changed = tx
                .execute(
                    "UPDATE shoes SET retired = ?2 WHERE name = ?1",
                    params![name, date.to_string()],
                )
                .at(&path)?;
            Ok(changed > 0)
        })
    }
}

pub(super) fn insert(tx: &Connection, shoe: &Shoe, now: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO shoes (name, start_distance, retired, added_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            shoe.name,
            shoe.start_distance.value(),
            shoe.retired.map(|d| d.to_string()),
            now
        ],
    )?;
    Ok(())
}
