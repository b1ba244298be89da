//! What the exports, the clinician summary and the shoe mileage read: the
//! plan, its template, the journal and the shoes as they are now, with no
//! database behind them.

use crate::checkin::{Assessment, Journal};
use crate::plan::{Plan, Template};
use crate::shoes::{self, Shoe, ShoeMileage};
use chrono::NaiveDate;

/// A check or habit ticked on a day: the day and the habit's id.
pub type Tick = (NaiveDate, String);

/// A comeback as it is now, borrowed.
#[derive(Clone, Copy)]
pub struct Snapshot<'a> {
    pub plan: &'a Plan,
    pub template: &'a Template,
    pub journal: &'a Journal,
    pub shoes: &'a [Shoe],
    pub ticks: &'a std::collections::BTreeSet<Tick>,
}

impl Snapshot<'_> {
    /// Every pair's distance so far.
    pub fn mileage(&self, assessment: &Assessment) -> Vec<ShoeMileage> {
        shoes::mileage(
            self.shoes,
            self.plan,
            self.template,
            self.journal,
            assessment,
        )
    }
}
