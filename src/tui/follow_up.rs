//! What follows a saved check-in on a day with training planned: the run's
//! numbers (distance, minutes, RPE), then whether the strength session was
//! done. Both are optional; Esc leaves them out and the check-in stays.

use super::app::{App, Mode, RanForm};
use crate::checkin::SessionDone;
use crate::plan::{Run, Session, Unit};
use chrono::NaiveDate;

/// What the schedule has on a day: its run, and whether strength is on it.
pub struct Planned {
    pub run: Option<Run>,
    pub strength: bool,
}

/// The sessions the schedule lays out on `date` (any week of it).
pub fn planned_on(app: &App, date: NaiveDate) -> Planned {
    let day = app.running.as_ref().and_then(|r| {
        r.schedule()
            .iter()
            .flat_map(|w| w.days.iter())
            .find(|d| d.date == date)
    });
    Planned {
        run: day.and_then(|d| d.runs().next().cloned()),
        strength: day.is_some_and(|d| {
            d.sessions
                .iter()
                .any(|s| matches!(s, Session::Strength { .. }))
        }),
    }
}

/// Opens the next optional step for the check-in of `date` just saved: the
/// run's numbers when `numbers` is set and a run was planned and not
/// skipped, else the strength question when strength was planned and not
/// yet said; otherwise back to the screens.
pub fn follow_up(app: &mut App, date: NaiveDate, numbers: bool) {
    let planned = planned_on(app, date);
    let Some(running) = app.running.as_ref() else {
        return;
    };
    let Some(saved) = running.comeback.journal.on(date).cloned() else {
        return;
    };
    let plan_unit = running.comeback.plan.profile.unit;
    let units: (Unit, Unit) = (app.unit.unwrap_or(plan_unit), plan_unit);
    let message = app.message.take().unwrap_or_default();
    let said = message.trim_end_matches('.');
    let ran = !matches!(
        saved.session,
        Some(SessionDone::Skipped | SessionDone::RestDay)
    );
    if let Some(run) = planned.run.filter(|_| numbers && ran) {
        app.message = Some(format!(
            "{said}. What you ran: Enter keeps the numbers shown, Esc leaves them out."
        ));
        app.mode = Mode::Ran(RanForm::new(saved, &run, units));
        return;
    }
    let strength_said = saved.actual.as_ref().is_some_and(|a| a.strength.is_some());
    if planned.strength && !strength_said {
        app.message = Some(format!(
            "{said}. Strength session done? y yes · n skipped · Esc leave it out"
        ));
        app.mode = Mode::Strength(saved);
        return;
    }
    app.message = Some(message).filter(|m| !m.is_empty());
    app.mode = Mode::Browse;
}
