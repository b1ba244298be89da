//! comeback: a return-to-running planner for runners whose feet or legs go numb.
//!
//! The pure core ([`plan`]) knows nothing of files, clocks or terminals; the
//! [`store`] is the only module that touches the database; the [`cli`] is a thin
//! face over both.

pub mod activity;
pub mod checkin;
pub mod choice;
pub mod cli;
pub mod comeback;
pub mod count;
pub mod document;
pub mod export;
pub mod files;
pub mod health;
pub mod history;
pub mod input;
pub mod plan;
pub mod runs;
pub mod shoes;
pub mod snapshot;
pub mod store;
pub mod summary;
pub mod sync;
pub mod tui;
pub mod words;
