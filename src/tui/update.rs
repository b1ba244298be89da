//! `update`: what each action does to the app, by mode — the forms and
//! menus answer in their own modules, the screens and the writes here.

use super::action::Action;
use super::app::{App, HealthForm, Mode, Screen, ShoesForm, care};
use super::clearance::{self, ClearanceForm};
use super::export_menu::{self, ExportMenu};
use super::follow_up::{follow_up, planned_on};
use super::import_form::{self, ImportForm};
use super::panel::{Panel, Replace};
use super::writes::{
    add_shoe, ask_undo, clear, export, import_files, place_run, redo, reload, retire_shoe,
    save_plan, set_health, undo,
};
use super::{health, onboarding, panel, ran, shoes};
use crate::checkin::{
    Actual, CheckIn, CheckInError, Numbness, SessionDone, StrengthDone, short_date,
};
use crate::comeback::{CheckInFailure, Recorded};

/// Applies one action.
pub fn update(app: &mut App, action: Action) {
    // Esc is Back in every pop-up; on the screens themselves it never quits.
    let action = if action == Action::Escape && !matches!(app.mode, Mode::Browse) {
        Action::Back
    } else {
        action
    };
    // What other processes wrote comes in whatever is open: a care verdict
    // among it takes over.
    if action == Action::Reload {
        reload(app);
        return;
    }
    // A message answers the key before: the next key clears it, so no
    // "Undone: ..." outlives the change it spoke of.
    app.message = None;
    if action == Action::Unbound {
        app.message = Some("That key does nothing here; ? lists the keys of every screen.".into());
        return;
    }
    match &mut app.mode {
        Mode::Onboarding(form) => match onboarding::update(form, action) {
            onboarding::Outcome::Stay => {}
            onboarding::Outcome::Quit => app.quit = true,
            onboarding::Outcome::Save => save_plan(app),
        },
        Mode::Care {
            summary,
            scroll,
            text_scroll,
        } => match action {
            Action::Acknowledge => {
                app.care_seen = app
                    .running
                    .as_ref()
                    .and_then(|r| r.assessment.verdict.care.as_ref())
                    .map(|c| (c.since, c.level));
                app.mode = Mode::Browse;
            }
            Action::Summary => {
                *summary = !*summary;
                *scroll = 0;
                *text_scroll = 0;
            }
            Action::Clear => app.mode = Mode::Clearance(ClearanceForm::new(app.today)),
            Action::VerdictDown => {
                *text_scroll =
                    (*text_scroll + page(&app.page)).min(usize::from(app.summary_overflow.get()));
            }
            Action::VerdictUp => *text_scroll = text_scroll.saturating_sub(page(&app.page)),
            Action::Down => *scroll = (*scroll + 1).min(usize::from(app.care_overflow.get())),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Quit | Action::Back => app.quit = true,
            _ => {}
        },
        Mode::Clearance(form) => match clearance::update(form, action) {
            clearance::Outcome::Stay => {}
            clearance::Outcome::Close => app.mode = care(),
            clearance::Outcome::Save(entry) => clear(app, entry),
        },
        Mode::Panel(open) if action == Action::CycleShoes => {
            let active: Vec<&str> = app.running.as_ref().map_or_else(Vec::new, |r| {
                r.comeback
                    .shoes
                    .iter()
                    .filter(|s| s.retired.is_none())
                    .map(|s| s.name.as_str())
                    .collect()
            });
            if active.is_empty() {
                app.message = Some("No shoes yet: S adds a pair.".into());
            }
            panel::cycle_shoes(open, &active);
        }
        Mode::Panel(open) => match panel::update(open, action) {
            panel::Outcome::Stay => {}
            panel::Outcome::Ask(question) => app.message = Some(question.into()),
            panel::Outcome::Close => app.mode = Mode::Browse,
            panel::Outcome::Save { entry, replace } => {
                let from = open.clone();
                let date = entry.date;
                if record(app, entry, replace, Some(from)) {
                    follow_up(app, date, true);
                }
            }
        },
        Mode::Replace(pending) => match action {
            Action::Confirm => {
                let entry = pending.entry.clone();
                let date = entry.date;
                app.mode = Mode::Browse;
                if record(app, entry, true, None) {
                    follow_up(app, date, true);
                }
            }
            Action::Back | Action::Quit => {
                app.mode = pending.from.take().map_or(Mode::Browse, Mode::Panel);
                app.message = Some("Kept the earlier check-in.".into());
            }
            _ => {}
        },
        Mode::Undo(_) => match action {
            Action::Confirm => {
                app.mode = Mode::Browse;
                undo(app);
            }
            Action::Back | Action::Quit => {
                app.mode = Mode::Browse;
                app.message = Some("Nothing was undone.".into());
            }
            _ => {}
        },
        Mode::Export(menu) => match export_menu::update(menu, action) {
            export_menu::Outcome::Stay => {}
            export_menu::Outcome::Close => app.mode = Mode::Browse,
            export_menu::Outcome::Write { format, path } => {
                app.mode = Mode::Browse;
                export(app, format, &path);
            }
        },
        Mode::Import(form) => match import_form::update(form, action) {
            import_form::Outcome::Stay => {}
            import_form::Outcome::Close => app.mode = Mode::Browse,
            import_form::Outcome::Import(path) => {
                app.mode = Mode::Browse;
                import_files(app, path);
            }
        },
        Mode::Ran(form) => match ran::update(form, action) {
            ran::Outcome::Stay => {}
            ran::Outcome::Close => {
                // The check-in saved stays as it is: with the numbers said
                // earlier that day, if any, else without.
                let date = form.entry.date;
                app.mode = Mode::Browse;
                app.message = app.running.as_ref().and_then(|r| {
                    let unit = r.comeback.plan.profile.unit;
                    let day = r.comeback.journal.on(date)?;
                    let saved = crate::history::checkin_line(day, unit, app.unit, None);
                    Some(if day.actual.is_some() {
                        format!("Saved {saved}.")
                    } else {
                        format!("Saved {saved} (without the run's numbers).")
                    })
                });
                follow_up(app, date, false);
            }
            ran::Outcome::Save(entry) => {
                // The numbers join the check-in already saved.
                let date = entry.date;
                app.mode = Mode::Browse;
                if record(app, entry, true, None) {
                    follow_up(app, date, false);
                }
            }
        },
        Mode::Strength(entry) => {
            let done = match action {
                Action::Confirm => Some(StrengthDone::Done),
                Action::Skipped => Some(StrengthDone::Skipped),
                Action::Back | Action::Quit => None,
                _ => return,
            };
            let entry = entry.clone();
            app.mode = Mode::Browse;
            match done {
                Some(done) => {
                    let actual = Actual {
                        strength: Some(done),
                        ..entry.actual.clone().unwrap_or_default()
                    };
                    record(app, entry.with_actual(actual), true, None);
                }
                None => app.message = Some("Strength left out of the check-in.".into()),
            }
        }
        Mode::Place(place) => {
            let place = place.clone();
            match action {
                Action::Confirm => place_run(app, place),
                Action::Back | Action::Quit => {
                    app.mode = Mode::Browse;
                    app.message = Some(format!(
                        "The run of {} is left out; `comeback activities import FILE --to DATE` places it later.",
                        short_date(place.ran)
                    ));
                }
                _ => {}
            }
        }
        Mode::Health(form) => match health::update(form, action) {
            health::Outcome::Stay => {}
            health::Outcome::Close => app.mode = Mode::Browse,
            health::Outcome::Save(chosen) => set_health(app, chosen),
        },
        Mode::Shoes(form) => {
            let pairs = app.running.as_ref().map_or(0, |r| r.comeback.shoes.len());
            match shoes::update(form, pairs, action) {
                shoes::Outcome::Stay => {}
                shoes::Outcome::Close => app.mode = Mode::Browse,
                shoes::Outcome::Add(name) => add_shoe(app, &name),
                shoes::Outcome::Retire(row) => retire_shoe(app, row),
            }
        }
        Mode::Browse => update_screens(app, action),
    }
    app.follow_care();
}

/// How far PgUp/PgDn move: the lines in view less one, so a line of the
/// page before stays in sight.
fn page(page: &std::cell::Cell<u16>) -> usize {
    usize::from(page.get().saturating_sub(1).max(1))
}

fn update_screens(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::Back | Action::Escape if app.screen != Screen::Today => {
            app.screen = Screen::Today;
        }
        Action::Back => app.quit = true,
        Action::Escape => app.message = Some("Nothing to close: q quits.".into()),
        Action::NextScreen => app.screen = app.screen.step(1),
        Action::PrevScreen => app.screen = app.screen.step(-1),
        Action::Help => app.screen = Screen::Help,
        Action::Up | Action::Down => move_cursor(app, if action == Action::Up { -1 } else { 1 }),
        Action::Tick => {
            let today = app.today;
            let picked = app.habits().get(app.habit_row).map(|h| h.id.clone());
            if let (Some(id), Some(running)) = (picked, app.running.as_mut())
                && let Err(e) = running.comeback.tick(today, &id)
            {
                app.message = Some(format!("Not ticked: {e}"));
            }
        }
        Action::Quick(0) => {
            // One key saves the day; on a run or strength day with nothing
            // recorded yet, optional steps follow (Esc keeps the check-in).
            let recorded = app
                .running
                .as_ref()
                .is_some_and(|r| r.comeback.journal.on(app.today).is_some());
            let entry = CheckIn::symptom_free(app.today, None);
            if record(app, entry, false, None) && !recorded {
                follow_up(app, app.today, true);
            }
        }
        Action::Skipped if planned_on(app, app.today).run.is_none() => {
            app.message = Some("No run is planned today: nothing to skip.".into());
        }
        Action::Skipped => {
            let entry = CheckIn::symptom_free(app.today, Some(SessionDone::Skipped));
            record(app, entry, false, None);
        }
        Action::Quick(level) => {
            let mut entry = CheckIn::symptom_free(app.today, None);
            entry.numbness = Numbness::try_from(level).unwrap_or(Numbness::TINGLING);
            app.mode = Mode::Panel(Panel::new(entry, false));
        }
        Action::Edit => {
            let picked = app.history().get(app.history_row).map(|c| (*c).clone());
            if let Some(entry) = picked {
                app.mode = Mode::Panel(Panel::new(entry, true));
            }
        }
        Action::PrevDay | Action::NextDay => {
            // The strip reaches back over the last seven days (into last
            // week on a Monday) and on to the end of this week.
            if let Some(running) = app.running.as_ref() {
                let first =
                    (app.today - chrono::Days::new(7)).max(running.comeback.plan.profile.start);
                let last = running.week.as_ref().map_or(app.today, |w| w.end());
                let day = app.strip_day.unwrap_or(app.today);
                let moved = if action == Action::PrevDay {
                    day.pred_opt()
                } else {
                    day.succ_opt()
                };
                if let Some(moved) = moved.filter(|d| *d >= first && *d <= last) {
                    app.strip_day = (moved != app.today).then_some(moved);
                }
            }
        }
        Action::OpenDay => open_day(app),
        Action::Expand => {
            app.plan_open = match app.plan_open {
                Some(row) if row == app.plan_row => None,
                _ => Some(app.plan_row),
            }
        }
        Action::VerdictDown | Action::VerdictUp if app.screen == Screen::Help => {
            let by = page(&app.page) as isize;
            move_cursor(app, if action == Action::VerdictUp { -by } else { by });
        }
        Action::VerdictDown if app.screen == Screen::Today => {
            app.verdict_scroll = (app.verdict_scroll.saturating_add(page(&app.page) as u16))
                .min(app.verdict_overflow.get());
        }
        Action::VerdictUp if app.screen == Screen::Today => {
            app.verdict_scroll = app.verdict_scroll.saturating_sub(page(&app.page) as u16);
        }
        Action::SessionsDown => {
            app.sessions_scroll = (app.sessions_scroll + 1).min(app.sessions_overflow.get());
        }
        Action::SessionsUp => app.sessions_scroll = app.sessions_scroll.saturating_sub(1),
        Action::Undo => ask_undo(app),
        Action::Redo => redo(app),
        Action::Shoes if app.running.is_some() => app.mode = Mode::Shoes(ShoesForm::default()),
        Action::Health => {
            if let Some(running) = &app.running {
                app.mode = Mode::Health(HealthForm::new(&running.comeback.plan.profile.health));
            }
        }
        Action::Export if app.running.is_some() => {
            app.mode = Mode::Export(ExportMenu::new(&app.export_dir, app.today));
        }
        Action::Import if app.running.is_some() => {
            app.mode = Mode::Import(ImportForm::new(&app.export_dir));
        }
        _ => {}
    }
}

fn move_cursor(app: &mut App, by: isize) {
    let len = match app.screen {
        Screen::Today => app.habits().len(),
        Screen::Plan => app.running.as_ref().map_or(0, |r| r.assessment.weeks.len()),
        Screen::History => app.history().len(),
        Screen::Help => super::keys::help_line_count(),
        Screen::Progress => return,
    };
    let row = match app.screen {
        Screen::Today => &mut app.habit_row,
        Screen::Plan => &mut app.plan_row,
        Screen::History => &mut app.history_row,
        _ => &mut app.help_row,
    };
    if len == 0 {
        *row = 0;
    } else {
        *row = (*row as isize + by).clamp(0, len as isize - 1) as usize;
    }
}

/// Records a check-in; says whether it was saved. With `replace` unset, a
/// symptomatic or flagged check-in of that day is not overwritten: the
/// runner is asked first (and goes back to the panel `from` on "no").
fn record(app: &mut App, entry: CheckIn, replace: bool, from: Option<Panel>) -> bool {
    let (today, now) = (app.today, app.now.clone());
    let Some(running) = app.running.as_mut() else {
        return false;
    };
    let date = entry.date;
    match running.comeback.record(entry.clone(), replace, today, &now) {
        Ok(Recorded {
            replaced,
            assessment,
            mileage,
        }) => {
            running.assessment = assessment;
            running.mileage = mileage;
            running.lay_out();
            // A new change ends what redo could put back.
            app.redo.clear();
            let saved = running.comeback.journal.on(date).map_or_else(
                || short_date(date),
                |c| {
                    crate::history::checkin_line(
                        c,
                        running.comeback.plan.profile.unit,
                        app.unit,
                        None,
                    )
                },
            );
            app.message = Some(if replaced.is_some() {
                format!("Saved {saved} (replaces the earlier one; u undoes)")
            } else {
                format!("Saved {saved}")
            });
            true
        }
        Err(CheckInFailure::Invalid(CheckInError::WouldReplace { what, .. })) => {
            app.message = Some(format!(
                "{} already has a check-in with {what}: replace it? y / n",
                short_date(date)
            ));
            app.mode = Mode::Replace(Replace { entry, what, from });
            false
        }
        Err(e) => {
            app.message = Some(format!("Not saved: {e}"));
            false
        }
    }
}

/// The panel for the day the week strip selected: its check-in to edit, or
/// a new one to fill a day that has none.
fn open_day(app: &mut App) {
    let Some(running) = app.running.as_ref() else {
        return;
    };
    let date = app.strip_day.unwrap_or(app.today);
    if date > app.today {
        app.message = Some(format!("{} has not happened yet.", short_date(date)));
        return;
    }
    if date < running.comeback.plan.profile.start {
        app.message = Some(format!("{} is before the plan starts.", short_date(date)));
        return;
    }
    app.mode = Mode::Panel(match running.comeback.journal.on(date) {
        Some(c) => Panel::new(c.clone(), true),
        None => Panel::new(CheckIn::symptom_free(date, None), false),
    });
}
