//! Today: the week strip (each day's session and check-in, missed days
//! marked), the verdict banner, the day's sessions, the checks and habits as
//! checkboxes, and the next planned run.

use crate::checkin::{NOTICE, Verdict};
use crate::plan::{HabitWhen, Session};
use crate::tui::app::App;
use crate::tui::rows::{Row, halves, rows};
use crate::tui::scroll_box;
use crate::tui::theme::Theme;
use crate::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

/// Rows the sessions and checklist keep, borders included.
const BODY_MIN: u16 = 7;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let plan = &running.comeback.plan;
    let unit = plan.profile.unit;
    let header = match &running.week {
        Some(w) => format!(
            "{} · week {} · stage {} of {} · {}{}",
            app.today.format("%A %-d %B %Y"),
            w.week,
            w.stage,
            plan.weeks.len(),
            w.phase.label(),
            if w.cutback { " (recovery week)" } else { "" }
        ),
        None if app.today < plan.profile.start => format!(
            "{} · the plan starts {}",
            app.today.format("%A %-d %B %Y"),
            plan.profile.start.format("%A %-d %B")
        ),
        None => format!(
            "{} · the plan is complete",
            app.today.format("%A %-d %B %Y")
        ),
    };
    let verdict = &running.assessment.verdict;
    let items = banner_items(verdict, running.assessment.next.describe(), theme);
    let strip = week_strip(app, theme, area.width);
    let inner_width = area.width.saturating_sub(2);
    let notice = scroll_box::wrap(vec![Line::styled(NOTICE, theme.dim())], inner_width);
    let needed = scroll_box::wrap(items.clone(), inner_width).len() + notice.len() + 3;
    // The sessions and checklist keep at least five lines; the verdict
    // takes the rest it needs (never less than its status, a line and the
    // notice), and what does not fit scrolls.
    let room = area
        .height
        .saturating_sub(1 + strip.len() as u16 + BODY_MIN);
    let least = notice.len() as u16 + 4;
    let banner_height = (needed.min(usize::from(u16::MAX)) as u16).min(room.max(least));
    let [head, strip_area, banner, body] = rows(
        area,
        [
            Row::Length(1),
            Row::Length(strip.len() as u16),
            Row::Length(banner_height),
            Row::Fill,
        ],
    );
    frame.render_widget(Paragraph::new(Line::styled(header, theme.title())), head);
    frame.render_widget(Paragraph::new(strip), strip_area);
    let (most, page) = render_banner(
        verdict,
        (items, notice),
        theme,
        frame,
        banner,
        app.verdict_scroll,
    );
    app.verdict_overflow.set(most);
    app.page.set(page);

    let [left, right] = halves(body);
    let mut lines: Vec<Line> = Vec::new();
    let day = running
        .week
        .as_ref()
        .and_then(|w| w.days.iter().find(|d| d.date == app.today));
    for session in day.map(|d| d.sessions.as_slice()).unwrap_or_default() {
        let headline = words::session(session, unit, app.unit);
        match session {
            Session::Strength { exercises } => {
                lines.push(Line::from(format!("{headline}:")));
                for e in exercises {
                    lines.push(Line::from(vec![
                        Span::raw(format!("• {}  ", e.name)),
                        Span::styled(e.dose(), theme.title()),
                    ]));
                }
            }
            Session::Run(run) => {
                lines.push(Line::from(headline));
                lines.push(Line::styled(
                    format!("  {}", words::effort(run, unit, app.unit)),
                    theme.dim(),
                ));
            }
            _ => lines.push(Line::from(headline)),
        }
    }
    if day.is_none() {
        lines.push(Line::from("Nothing planned today."));
    }
    if let Some(shoe) = crate::shoes::current(&running.comeback.shoes)
        && let Some(m) = running.mileage.iter().find(|m| m.name == shoe.name)
    {
        let style = if m.worn_out() {
            theme.status(crate::checkin::Status::Hold)
        } else {
            theme.dim()
        };
        lines.push(Line::styled(
            format!("Shoes {}", m.describe_in(unit, app.unit)),
            style,
        ));
    }
    let next = running.assessment.next_run(
        &running.comeback.plan,
        &running.comeback.template,
        app.today,
    );
    if let Some((date, run)) = &next {
        lines.push(Line::from(""));
        lines.push(Line::from(format!(
            "Next run {}: {}",
            date.format("%a %-d %b"),
            words::run(run, unit, app.unit)
        )));
    }
    let most = scroll_box::render(
        frame,
        left,
        (
            Block::bordered().title("Sessions"),
            theme.title(),
            "] scrolls",
        ),
        lines,
        app.sessions_scroll,
    );
    app.sessions_overflow.set(most);

    render_checklist(app, theme, frame, right);
}

/// The checks and habits as a list that scrolls to the selected one.
fn render_checklist(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let habits = app.habits();
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let mut items: Vec<ListItem> = Vec::new();
    let mut selected = None;
    for (when, title) in [
        (HabitWhen::PreRun, "Before the run"),
        (HabitWhen::PostRun, "After the run"),
    ] {
        let group: Vec<(usize, &crate::plan::Habit)> = habits
            .iter()
            .enumerate()
            .filter(|(_, h)| h.when == when)
            .map(|(i, h)| (i, *h))
            .collect();
        if group.is_empty() {
            continue;
        }
        items.push(ListItem::new(Line::styled(title, theme.title())));
        for (i, habit) in group {
            let ticked = app
                .running
                .as_ref()
                .is_some_and(|r| r.comeback.ticks.contains(&(app.today, habit.id.clone())));
            let mark = if ticked { "[x] " } else { "[ ] " };
            if i == app.habit_row {
                selected = Some(items.len());
            }
            items.push(ListItem::new(textwrap::fill(
                &format!("{mark}{}", habit.text),
                width,
            )));
        }
    }
    if items.is_empty() {
        items.push(ListItem::new("No run today, so no checklist."));
    }
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let block = Block::bordered().title("Checks and habits (Space ticks)");
    let inner = block.inner(area);
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected()),
        inner,
        &mut state,
    );
    // What the list scrolled past or could not show, said on its border.
    let above: usize = heights[..state.offset().min(heights.len())].iter().sum();
    let overflow = scroll_box::Overflow::of(heights.iter().sum(), usize::from(inner.height), above);
    frame.render_widget(overflow.mark(block, theme.title(), "↓ selects"), area);
}

/// The week strip: a cell a day with its session and what the check-in
/// says, today and the selected day marked (the selected day's week: ←
/// reaches back seven days); a line naming the days of the last seven that
/// have no check-in.
fn week_strip<'a>(app: &App, theme: Theme, width: u16) -> Vec<Line<'a>> {
    // Seven cells across the width: eight columns each at the narrowest
    // terminal (`view::MIN_WIDTH`), enough for "Thu 10" and "numb 2".
    let cell = usize::from(width) / 7;
    let Some(running) = &app.running else {
        return Vec::new();
    };
    let journal = &running.comeback.journal;
    let selected = app.strip_day.unwrap_or(app.today);
    // The week of the selected day: last week's when ← reached back.
    let this_week = running.week.as_ref().filter(|w| w.contains(selected));
    let Some(week) = this_week
        .or_else(|| running.schedule().iter().find(|w| w.contains(selected)))
        .or(running.week.as_ref())
    else {
        return Vec::new();
    };
    let start = running.comeback.plan.profile.start;
    // Days of the last seven with no check-in, named whichever week shows.
    let missing: Vec<String> = (1..=7)
        .rev()
        .filter_map(|n| app.today.checked_sub_days(chrono::Days::new(n)))
        .filter(|d| *d >= start && journal.on(*d).is_none())
        .map(crate::checkin::short_date)
        .collect();
    let mut days = Vec::new();
    let mut states = Vec::new();
    for day in &week.days {
        let kind = match day.sessions.first() {
            Some(Session::Run(_)) => "Run",
            Some(Session::Strength { .. }) => "Str",
            Some(Session::Walk { .. }) => "Walk",
            Some(Session::Cross { .. }) => "X-tr",
            _ => "Rest",
        };
        let state = match journal.on(day.date) {
            Some(c) if c.numbness.is_symptomatic() => format!("numb {}", c.numbness.level()),
            Some(c) if c.flags.is_empty() => match c.session {
                Some(crate::checkin::SessionDone::Skipped) => "skipped".into(),
                Some(crate::checkin::SessionDone::Partial) => "partial".into(),
                _ => "✓".into(),
            },
            Some(_) => "flag".into(),
            // A run from a file, with no check-in to say how it went.
            None if journal.ran_on(day.date) => "ran".into(),
            // No check-in: the day is not logged (the run may have been
            // done, and a rest day is not "missed").
            None if day.date < app.today && day.date >= start => "no log".into(),
            None if day.date == app.today => "due".into(),
            None => String::new(),
        };
        let mut style = ratatui::style::Style::new();
        if day.date == app.today {
            style = style.add_modifier(ratatui::style::Modifier::BOLD);
        }
        if day.date == selected {
            style = theme.selected();
        }
        let name = format!("{:<cell$}", day.date.format("%a %-d").to_string());
        days.push(Span::styled(name, style));
        // A cell keeps a space after it: when the session and the state do
        // not both fit, the state alone says what matters for a past day.
        let both = format!("{kind} {state}");
        let text = if both.chars().count() < cell {
            both
        } else {
            state
        };
        states.push(Span::styled(format!("{text:<cell$}"), style));
    }
    let mut lines = vec![Line::from(days), Line::from(states)];
    let said = match missing.as_slice() {
        [] => None,
        [one] => Some(format!("No check-in for {one}: ← → and Enter fill it in.")),
        few if few.len() <= 3 => Some(format!(
            "No check-in for {}: ← → and Enter fill them in.",
            few.join(", ")
        )),
        many => Some(format!(
            "No check-in on {} of the last 7 days (from {}): ← → and Enter fill them in.",
            many.len(),
            many[0]
        )),
    };
    // (Wrapped, never cut.)
    for line in said.map_or_else(Vec::new, |s| {
        textwrap::wrap(&s, usize::from(width).max(1))
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    }) {
        lines.push(Line::styled(
            line,
            theme.status(crate::checkin::Status::Hold),
        ));
    }
    lines
}

/// The banner's lines under the status, in the order they must stay in
/// sight: warnings of injury risk, what comes next, then the reasons and
/// the rest of the advice.
fn banner_items<'a>(verdict: &Verdict, next: Option<String>, theme: Theme) -> Vec<Line<'a>> {
    let (warnings, advice) = verdict
        .advice
        .split_at(verdict.warnings.min(verdict.advice.len()));
    let warn = theme.status(crate::checkin::Status::Hold);
    warnings
        .iter()
        .map(|w| Line::styled(format!("! {w}"), warn))
        .chain(next.map(Line::from))
        .chain(verdict.reasons.iter().map(|r| Line::from(format!("• {r}"))))
        .chain(advice.iter().map(|a| Line::from(format!("→ {a}"))))
        .collect()
}

/// The verdict banner: the status in words and colour, the lines under it
/// (scrolled by `scroll`, with markers when they do not fit), and the
/// not-a-diagnosis line, always in sight. Returns how far it can scroll
/// and how many of its lines are in view (a page).
fn render_banner(
    verdict: &Verdict,
    (items, notice): (Vec<Line>, Vec<Line>),
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
    scroll: u16,
) -> (u16, u16) {
    let block = Block::bordered().title("Verdict");
    let inner = block.inner(area);
    let items = scroll_box::wrap(items, inner.width);
    let [status, body, foot] = rows(
        inner,
        [
            Row::Length(1),
            Row::Rest(0),
            Row::Length(notice.len() as u16),
        ],
    );
    let visible = usize::from(body.height);
    let overflow = scroll_box::Overflow::of(items.len(), visible, usize::from(scroll));
    let most = items.len().saturating_sub(visible);
    frame.render_widget(overflow.mark(block, theme.title(), "PgDn"), area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!(" {} ", verdict.label()),
                theme.status(verdict.shown_status()),
            ),
            Span::raw(format!(" {}", verdict.headline())),
        ])),
        status,
    );
    frame.render_widget(
        Paragraph::new(items).scroll((overflow.above as u16, 0)),
        body,
    );
    frame.render_widget(Paragraph::new(notice), foot);
    (most.min(usize::from(u16::MAX)) as u16, body.height)
}
