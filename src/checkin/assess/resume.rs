//! Resuming the walk instead of replaying ten years. The walk is causal: a
//! week's decision reads nothing dated after it, and care reads only the
//! check-ins since the last clearance (with the care that clearance closed).
//! So after a change dated in or after the week a kept assessment had come
//! to, every week before it stands, and the walk goes on from that week
//! with what it carried into it, over the check-ins since the last
//! clearance. `tests/resume_properties.rs` holds the result to the whole
//! walk over random journals.

use super::decide::{self, Between};
use super::{Walk, finish};
use crate::checkin::care::{ClearedCare, Timeline};
use crate::checkin::{Assessment, CheckIn, Clearance, Journal};
use crate::plan::{Plan, Template};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Where the walk stood when it came to today's week, and the care the
/// last clearance closed: what a later assessment resumes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resume {
    between: Between,
    carried: Option<ClearedCare>,
}

impl Resume {
    pub(super) fn new(between: Between, carried: Option<ClearedCare>) -> Resume {
        Resume { between, carried }
    }
}

/// The assessment of `journal` as of `today`, and what it keeps, resumed
/// from `base`: the assessment of the journal before a change dated
/// `changed`, with what it kept. `None` when the whole walk is needed: the
/// change is dated before the week `base` had come to, a clearance falls in
/// or after that week, or `base` is for a later day or another year (its
/// weeks' words name dates as of its own year). `base` is taken, not
/// copied: its weeks and decisions before that week go on as they are (ten
/// years of them, copied, cost a check-in a tenth of its work).
pub fn resume(
    plan: &Plan,
    template: &Template,
    journal: &Journal,
    today: NaiveDate,
    (base, kept): (Assessment, &Resume),
    changed: NaiveDate,
) -> Option<(Assessment, Option<Resume>)> {
    let current = base.current?;
    let week = base.weeks.get(current)?;
    let from = week.start;
    if base.today > today || base.today.year() != today.year() || changed < from {
        return None;
    }
    let all = journal.clearances();
    let clearances = &all[..all.partition_point(|c| c.date <= today)];
    if clearances.iter().any(|c| c.date >= from) {
        return None;
    }
    let tail;
    let epoch = if clearances.is_empty() {
        journal
    } else {
        tail = since_the_last_clearance(journal, clearances);
        &tail
    };
    let timeline = Timeline::resumed(epoch, &plan.profile, today, kept.carried.clone());
    let (episodes, carried) = timeline.episodes_carrying();
    let (stage, rung) = (week.stage, week.rung);
    let Assessment {
        mut weeks,
        mut decisions,
        ..
    } = base;
    weeks.truncate(current);
    let before = decisions.iter().take_while(|d| d.date <= from).count();
    decisions.truncate(before);
    let walk = Walk {
        weeks,
        decisions,
        stage,
        rung,
        current: None,
        signal: None,
        finished: false,
    };
    let (walk, between) = decide::walk_on(
        plan,
        template,
        (journal, &timeline, &episodes),
        today,
        (walk, kept.between),
    );
    let assessment = finish(plan, template, (journal, &timeline, &episodes), walk, today);
    Some((assessment, between.map(|b| Resume::new(b, carried))))
}

/// The journal's check-ins after every clearance in `clearances` (a later
/// day, or recorded after it: the last epoch of the care timeline), with
/// every clearance and every run from a file.
fn since_the_last_clearance(journal: &Journal, clearances: &[Clearance]) -> Journal {
    let last = clearances.iter().map(|x| x.date).max();
    // One dated by the last clearance's day is after it only when recorded
    // after it: one comparison turns most away.
    let last_seq = clearances
        .iter()
        .filter(|x| Some(x.date) == last)
        .map(|x| x.seq)
        .max();
    let after_all = |c: &&CheckIn| {
        last_seq.is_none_or(|seq| c.seq > seq)
            && clearances.iter().all(|x| c.date > x.date || c.seq > x.seq)
    };
    // Check-ins dated after the last clearance are after them all.
    let later = journal
        .checkins()
        .partition_point(|c| last.is_some_and(|last| c.date <= last));
    let (before, after) = journal.checkins().split_at(later);
    let checkins: Vec<CheckIn> = before
        .iter()
        .filter(after_all)
        .chain(after)
        .cloned()
        .collect();
    Journal::new(checkins, journal.clearances().to_vec())
        .with_runs(journal.runs().to_vec())
        .with_cross(journal.cross_from_files().to_vec())
}
