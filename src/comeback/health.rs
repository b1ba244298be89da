//! Changing the health context: each condition lowers the care thresholds
//! from the day it is entered. Taking one away never lifts care it helped
//! open: that takes a clinician's clearance first.

use super::Comeback;
use crate::health::Health;
use crate::store::StoreError;
use chrono::NaiveDate;

/// Why the health context was not changed.
#[derive(Debug, thiserror::Error)]
pub enum HealthFailure {
    #[error(
        "health: taking away {removed} would {verb} the care open since {} (now {level}); expected a clinician's clearance first (`comeback clear`), then change it",
        since.format("%a %-d %b %Y")
    )]
    LiftsCare {
        removed: String,
        verb: &'static str,
        since: NaiveDate,
        level: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Comeback {
    /// Replaces the health context on the saved profile (each condition once,
    /// in order). It lowers the care thresholds from `today` on (a condition
    /// kept keeps the day it was entered) and leaves the plan as it is. A
    /// change that would make open care milder or lift it is refused: care
    /// is lifted by a clinician (DESIGN §4: health context never makes a
    /// verdict milder).
    pub fn set_health(
        &mut self,
        mut health: Vec<Health>,
        today: NaiveDate,
        now: &str,
    ) -> Result<(), HealthFailure> {
        health.sort();
        health.dedup();
        let since = crate::health::entered(
            &health,
            &self.plan.profile.health,
            &self.plan.profile.health_since,
            today,
        );
        let removed: Vec<Health> = self
            .plan
            .profile
            .health
            .iter()
            .filter(|h| !health.contains(h))
            .copied()
            .collect();
        if !removed.is_empty() {
            self.refuse_lifting_care(&health, &since, &removed, today)?;
        }
        let before_since = std::mem::replace(&mut self.plan.profile.health_since, since);
        let before = std::mem::replace(&mut self.plan.profile.health, health);
        let profile = self.plan.profile.clone();
        let saved = self.write(|store, plan, template, shoes| {
            store.update_profile(&profile, today, now, |journal| {
                super::assess::derive((plan, template, shoes), journal, today, None, None)
            })
        });
        if saved.is_err() {
            self.plan.profile.health = before;
            self.plan.profile.health_since = before_since;
        }
        Ok(saved?)
    }

    /// Refuses a health context under which today's open care would be
    /// milder (a later "how soon") or gone, or would send the runner to
    /// someone else or begin later: the care the condition helped open
    /// (the clinician's sixteenth review: diabetes swapped for circulation
    /// turned a diabetic-foot booking into a vascular one).
    fn refuse_lifting_care(
        &self,
        health: &[Health],
        since: &std::collections::BTreeMap<Health, NaiveDate>,
        removed: &[Health],
        today: NaiveDate,
    ) -> Result<(), HealthFailure> {
        let mut plan = self.plan.clone();
        plan.profile.health = health.to_vec();
        plan.profile.health_since = since.clone();
        let Some(open) = self.assess(today).verdict.care else {
            return Ok(());
        };
        let after = crate::checkin::assess(&plan, &self.template, &self.journal, today)
            .verdict
            .care;
        let verb = match super::lifting::softened(&open, after.as_ref()) {
            Some(softened) => softened.verb(),
            None if after
                .as_ref()
                .is_some_and(|a| a.who != open.who || a.since > open.since) =>
            {
                "change"
            }
            None => return Ok(()),
        };
        let names: Vec<String> = removed.iter().map(|h| h.words().to_string()).collect();
        Err(HealthFailure::LiftsCare {
            removed: crate::checkin::and_list(&names),
            verb,
            level: super::lifting::Softened {
                open: open.clone(),
                lifted: false,
            }
            .level(),
            since: open.since,
        })
    }
}
