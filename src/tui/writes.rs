//! The TUI's writes besides a check-in: undo and redo, clearances, shoes,
//! the health context, exports, runs imported from files, a new plan, and
//! the reload after another process wrote — each through `Comeback`, each
//! saying what it did.

use super::app::{App, Mode, Place, Redo, Running, Screen};
use crate::checkin::{Clearance, short_date};
use crate::comeback::Comeback;
use crate::export::Format;
use crate::store::{LastChange, Undone};
use std::path::Path;

/// Says what `u` would take back and asks; nothing is undone yet. An undo
/// that would ease or lift open care is refused at once, not after asking.
pub(super) fn ask_undo(app: &mut App) {
    let (today, now) = (app.today, app.now.clone());
    let Some(running) = app.running.as_mut() else {
        return;
    };
    // An undo that would ease or lift open care is refused before asking.
    if let Some(declined) = running.comeback.undo_declined(today, &now) {
        app.message = Some(format!("Not undone: {declined}"));
        return;
    }
    let journal = &running.comeback.journal;
    match running.comeback.last_change() {
        Ok(None) => app.message = Some("Nothing to undo.".into()),
        Ok(Some(LastChange::CheckIn(date))) => {
            let what = journal.on(date).map_or_else(
                || format!("the check-in of {}", short_date(date)),
                |c| {
                    format!(
                        "the check-in {}",
                        crate::history::checkin_line(
                            c,
                            running.comeback.plan.profile.unit,
                            app.unit,
                            None
                        )
                    )
                },
            );
            app.mode = Mode::Undo(what);
        }
        Ok(Some(LastChange::Clearance(date))) => {
            app.mode = Mode::Undo(format!("the clearance of {}", short_date(date)));
        }
        Ok(Some(LastChange::Import(date))) => {
            app.mode = Mode::Undo(format!("the import of runs from {}", short_date(date)));
        }
        Err(e) => app.message = Some(format!("Not undone: {e}")),
    }
}

/// Adds a pair of shoes by name, from zero distance.
pub(super) fn add_shoe(app: &mut App, name: &str) {
    let (today, now) = (app.today, app.now.clone());
    let Some(running) = app.running.as_mut() else {
        return;
    };
    let zero = crate::plan::Distance::from_value(0.0);
    app.message = Some(match running.comeback.add_shoe(name, zero, &now) {
        Ok(shoe) => {
            running.refresh(today);
            format!(
                "Added {}: check-ins count towards it from now on.",
                shoe.name
            )
        }
        Err(e) => format!("Not added: {e}"),
    });
    if let Mode::Shoes(form) = &mut app.mode {
        form.row = running.comeback.shoes.len().saturating_sub(1);
    }
}

/// Retires the pair on `row` of the shoes pop-up as of today.
pub(super) fn retire_shoe(app: &mut App, row: usize) {
    let today = app.today;
    let Some(running) = app.running.as_mut() else {
        return;
    };
    let Some(name) = running.comeback.shoes.get(row).map(|s| s.name.clone()) else {
        return;
    };
    app.message = Some(match running.comeback.retire_shoe(&name, today) {
        Ok(()) => {
            running.refresh(today);
            format!("Retired {name}.")
        }
        Err(e) => format!("Not retired: {e}"),
    });
}

/// Saves the health context; the verdict is worked out again with it.
pub(super) fn set_health(app: &mut App, chosen: Vec<crate::health::Health>) {
    let (today, now) = (app.today, app.now.clone());
    let Some(running) = app.running.as_mut() else {
        return;
    };
    app.message = Some(match running.comeback.set_health(chosen, today, &now) {
        Ok(()) => {
            running.refresh(today);
            app.mode = Mode::Browse;
            crate::words::health_context(&running.comeback.plan.profile.health)
                .unwrap_or_else(|| "Health context: none.".to_string())
        }
        Err(e) => format!("Not saved: {e}"),
    });
}

/// Records the clearance the form holds; a refusal stays in the form, in
/// the command line's words.
pub(super) fn clear(app: &mut App, clearance: Clearance) {
    let (today, now) = (app.today, app.now.clone());
    let Some(running) = app.running.as_mut() else {
        return;
    };
    let date = clearance.date;
    match running.comeback.clear(clearance, today, &now) {
        Ok(()) => {
            running.refresh(today);
            app.redo.clear();
            app.mode = Mode::Browse;
            let still_open = running.assessment.verdict.care.is_some();
            app.message = Some(format!(
                "{} (u undoes)",
                crate::checkin::clearance_said(date, still_open)
            ));
        }
        Err(e) => {
            if let Mode::Clearance(form) = &mut app.mode {
                form.problem = Some(format!("Not recorded: {e}"));
            }
        }
    }
}

pub(super) fn redo(app: &mut App) {
    let (today, now) = (app.today, app.now.clone());
    let Some(item) = app.redo.pop() else {
        app.message = Some("Nothing to redo.".into());
        return;
    };
    let Some(running) = app.running.as_mut() else {
        return;
    };
    let unit = running.comeback.plan.profile.unit;
    let display = app.unit;
    let redone = match &item {
        Redo::CheckIn(c) => running
            .comeback
            .record(c.clone(), true, today, &now)
            .map(|_| {
                format!(
                    "Redone: {}",
                    crate::history::checkin_line(c, unit, display, None)
                )
            }),
        Redo::Clearance(x) => running
            .comeback
            .clear(x.clone(), today, &now)
            .map(|()| format!("Redone: the clearance of {}", short_date(x.date))),
    };
    app.message = Some(match redone {
        Ok(text) => text,
        Err(e) => {
            app.redo.push(item);
            format!("Not redone: {e}")
        }
    });
    running.refresh(today);
}

pub(super) fn undo(app: &mut App) {
    let (today, now) = (app.today, app.now.clone());
    let Some(running) = app.running.as_mut() else {
        return;
    };
    // What redo would put back: the value in place before the undo.
    let journal = &running.comeback.journal;
    let put_back = match running.comeback.last_change() {
        Ok(Some(LastChange::CheckIn(date))) => journal.on(date).cloned().map(Redo::CheckIn),
        Ok(Some(LastChange::Clearance(date))) => journal
            .clearances()
            .iter()
            .rfind(|x| x.date == date)
            .cloned()
            .map(Redo::Clearance),
        _ => None,
    };
    let undone = running.comeback.undo(today, &now);
    if let (Ok(Some(_)), Some(item)) = (&undone, put_back) {
        app.redo.push(item);
    }
    app.message = Some(match undone {
        Ok(None) => "Nothing to undo.".into(),
        Ok(Some(Undone::CheckIn {
            date,
            restored: Some(_),
        })) => format!(
            "Undone: the check-in for {} is back to its earlier value (U redoes).",
            short_date(date)
        ),
        Ok(Some(Undone::CheckIn {
            date,
            restored: None,
        })) => format!(
            "Undone: the check-in for {} was removed (U redoes).",
            short_date(date)
        ),
        Ok(Some(Undone::Clearance { date })) => {
            format!(
                "Undone: the clearance of {} was removed (U redoes).",
                short_date(date)
            )
        }
        Ok(Some(Undone::Import { date, runs, cross })) => format!(
            "Undone: the import of {} from {} (import the files again to redo).",
            crate::count::imported(runs, cross),
            short_date(date)
        ),
        Err(e) => format!("Not undone: {e}"),
    });
    running.refresh(today);
}

pub(super) fn reload(app: &mut App) {
    let today = app.today;
    // The other machines' changes first, when a sync folder is joined; this
    // machine's own go out on the same call.
    if let Err(e) = crate::comeback::sync(&app.data_dir, today) {
        app.message = Some(format!("Sync skipped: {e}"));
    }
    if let Some(running) = app.running.as_mut() {
        // A message about the data goes stale when another process changes it.
        let before = app
            .message
            .is_some()
            .then(|| running.comeback.journal.clone());
        match running.comeback.refresh() {
            Ok(()) => {
                running.refresh(today);
                if before.is_some_and(|journal| journal != running.comeback.journal) {
                    app.message = None;
                }
            }
            Err(e) => app.message = Some(format!("Could not re-read the journal: {e}")),
        }
    }
    app.follow_care();
}

/// Writes an export through a temporary file and a rename, and says where.
pub(super) fn export(app: &mut App, format: Format, path: &Path) {
    let Some(running) = app.running.as_ref() else {
        return;
    };
    let written = crate::export::write_atomically(path, |out| {
        crate::export::write(
            format,
            running.comeback.snapshot(),
            &running.assessment,
            crate::export::Options::default(),
            out,
        )
    });
    app.message = Some(match written {
        Ok(()) => format!("Wrote the {} to {}", format.describe(), path.display()),
        Err(e) => format!("Export failed ({}): {e}", path.display()),
    });
}

pub(super) fn save_plan(app: &mut App) {
    let Some(form) = app.onboarding() else {
        return;
    };
    let (profile, template) = match form.profile() {
        Ok(p) => p,
        Err((_, problem)) => {
            app.message = Some(problem);
            return;
        }
    };
    match Comeback::create(
        &app.data_dir,
        &profile,
        &template,
        false,
        app.today,
        &app.now,
    ) {
        Ok((comeback, _)) => {
            app.running = Some(Running::new(comeback, app.today));
            app.mode = Mode::Browse;
            app.screen = Screen::Today;
            app.message = Some("Plan saved. Press 0 after a symptom-free day; ? for help.".into());
        }
        Err(e) => app.message = Some(format!("Not saved: {e}")),
    }
}

/// Reads runs from the watch file or folder at `path`, as `comeback
/// activities import` does, and says in one message what came of it.
pub(super) fn import_files(app: &mut App, path: std::path::PathBuf) {
    let (today, now) = (app.today, app.now.clone());
    let Some(running) = app.running.as_mut() else {
        return;
    };
    let imported = running
        .comeback
        .import_runs(std::slice::from_ref(&path), false, today, &now);
    running.refresh(today);
    let outcomes = match imported {
        Ok(outcomes) => outcomes,
        Err(e) => {
            app.message = Some(format!("Not imported: {e}"));
            return;
        }
    };
    app.message = Some(import_words(&path, &outcomes));
    // A run on a day with no run planned: offer the nearest planned run
    // with no record (the first such run, when a folder held several).
    if let Some(place) = outcomes.iter().find_map(|o| match &o.outcome {
        crate::runs::Outcome::Ambiguous(run, near) => Some(Place {
            file: o.file.clone(),
            ran: run.date,
            near: *near,
        }),
        _ => None,
    }) {
        app.mode = Mode::Place(place);
    }
}

/// Places the run of `place` on the planned run it was offered, as
/// `comeback activities import FILE --to DATE` does.
pub(super) fn place_run(app: &mut App, place: Place) {
    let (today, now) = (app.today, app.now.clone());
    app.mode = Mode::Browse;
    let Some(running) = app.running.as_mut() else {
        return;
    };
    let placed = running.comeback.import_run_to(
        std::slice::from_ref(&place.file),
        place.near,
        false,
        today,
        &now,
    );
    running.refresh(today);
    app.message = Some(match placed {
        Ok(outcomes) => import_words(&place.file, &outcomes),
        Err(e) => format!("Not placed: {e}"),
    });
}

/// "From ~/GARMIN/Activity: 2 runs and 1 cross-training session recorded;
/// 1 already there; 1 not recorded (ride.fit: …)".
fn import_words(path: &Path, outcomes: &[crate::runs::FileOutcome]) -> String {
    use crate::runs::Outcome;
    let (mut runs, mut cross, mut known) = (0, 0, 0);
    let mut problems = Vec::new();
    for o in outcomes {
        let file = o.file.file_name().map_or_else(
            || o.file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match &o.outcome {
            Outcome::Matched(_) | Outcome::Moved(..) | Outcome::Replaces(..) => runs += 1,
            Outcome::Cross(..) => cross += 1,
            Outcome::Known | Outcome::SameRun(_) | Outcome::SaysLess(_) => known += 1,
            Outcome::Skipped(why) => problems.push(format!("{file}: {why}")),
            Outcome::NotARun(done) => problems.push(format!(
                "{file}: {} on {}, not a run",
                done.sport,
                short_date(done.date)
            )),
            Outcome::Ambiguous(run, near) => problems.push(format!(
                "{file}: {} has no run planned; place it on {} with `comeback activities import … --to {near}`",
                short_date(run.date),
                short_date(*near)
            )),
        }
    }
    let mut said = vec![match (runs, cross) {
        (0, 0) => "nothing recorded".to_string(),
        _ => format!("{} recorded", crate::count::imported(runs, cross)),
    }];
    if known > 0 {
        said.push(format!("{known} already there"));
    }
    if let Some(first) = problems.first() {
        said.push(format!(
            "{} not recorded ({first}{})",
            crate::count::count(problems.len(), "activity", "activities"),
            if problems.len() > 1 { "; …" } else { "" }
        ));
    }
    format!("From {}: {}.", path.display(), said.join("; "))
}
