//! The onboarding form: the fields of `comeback new` with defaults, checked
//! in the command line's words, and what a key does to it. Saving goes
//! through the same `Comeback::create` the command line uses.

use super::action::Action;
use super::field::TextField;
use crate::input::{
    once_each, parse_date, parse_layoff, parse_pace, parse_race, parse_run_distance, parse_weekly,
};
use crate::plan::{self, Distance, Plan, Profile, Template, Unit, Weekday};
use chrono::NaiveDate;
use tui_input::InputRequest;

/// The fields of the onboarding form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Field {
    Layoff,
    Weekly,
    Runs,
    Goal,
    Unit,
    Start,
    Template,
    CrossTrained,
    NumbNow,
    Health,
    LongDay,
    RestDays,
    Pace,
    LongestRun,
    Save,
}

impl Field {
    /// Every field, in the order declared (derived: none can be left out).
    pub const ALL: &'static [Field] = <Field as strum::VariantArray>::VARIANTS;

    pub fn label(self) -> &'static str {
        match self {
            Field::Layoff => "Time off running (e.g. 3w, 21d)",
            Field::Weekly => "Weekly distance before",
            Field::Runs => "Runs per week (3-6)",
            Field::Goal => "Goal weekly distance",
            Field::Unit => "Unit",
            Field::Start => "Start date",
            Field::Template => "Template",
            Field::CrossTrained => "Cross-trained during the layoff",
            Field::NumbNow => "Numb or tingling now",
            Field::Health => "Health context (care sooner)",
            Field::LongDay => "Long-run day",
            Field::RestDays => "Rest days (e.g. mon,fri)",
            Field::Pace => "Easy pace or recent race",
            Field::LongestRun => "Longest run, month before",
            Field::Save => "Save the plan",
        }
    }
}

/// The onboarding form's values, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Onboarding {
    pub field: usize,
    pub layoff: TextField,
    pub weekly: TextField,
    pub runs: TextField,
    /// Empty means "the same as before the layoff".
    pub goal: TextField,
    pub unit: Unit,
    pub start: TextField,
    /// `None`: chosen by numbness (cautious when numb now).
    pub template: Option<&'static str>,
    pub cross_trained: bool,
    pub numb_now: bool,
    /// Diabetes, circulation problems, back trouble: optional, lowers the
    /// care thresholds.
    pub health: Vec<crate::health::Health>,
    pub long_day: Weekday,
    /// Empty: the plan picks the day after the long run.
    pub rest_days: TextField,
    /// Empty: no pace given; "9:30" an easy pace; "5k=25:00" a race.
    pub pace: TextField,
    /// Empty: not given (an even share of the week before).
    pub longest_run: TextField,
}

impl Onboarding {
    pub fn new(today: NaiveDate, unit: Option<Unit>) -> Onboarding {
        Onboarding {
            field: 0,
            layoff: TextField::suggested("3w"),
            weekly: TextField::suggested("25"),
            runs: TextField::suggested("4"),
            goal: TextField::default(),
            unit: unit.unwrap_or_default(),
            start: TextField::suggested(today.to_string()),
            template: None,
            cross_trained: false,
            numb_now: false,
            health: Vec::new(),
            long_day: Weekday::Sun,
            rest_days: TextField::default(),
            pace: TextField::default(),
            longest_run: TextField::default(),
        }
    }

    pub fn current(&self) -> Field {
        Field::ALL[self.field.min(Field::ALL.len() - 1)]
    }

    pub fn template_name(&self) -> &'static str {
        self.template
            .unwrap_or(Template::default_name(self.numb_now))
    }

    /// The text shown for a field.
    pub fn value(&self, field: Field) -> String {
        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
        match field {
            Field::Goal if self.goal.is_empty() => "same as before".into(),
            Field::RestDays if self.rest_days.is_empty() => "the day after the long run".into(),
            Field::Pace if self.pace.is_empty() => "none (type 9:30 or 5k=25:00)".into(),
            Field::LongestRun if self.longest_run.is_empty() => {
                "not given (your everyday run)".into()
            }
            Field::Layoff
            | Field::Weekly
            | Field::Runs
            | Field::Goal
            | Field::Start
            | Field::RestDays
            | Field::Pace
            | Field::LongestRun => self
                .text(field)
                .map(TextField::to_string)
                .unwrap_or_default(),
            Field::Unit => self.unit.to_string(),
            Field::Template if self.template.is_none() => {
                format!("{} (by numbness)", self.template_name())
            }
            Field::Template => self.template_name().into(),
            Field::CrossTrained => yes_no(self.cross_trained),
            Field::NumbNow => yes_no(self.numb_now),
            Field::Health if self.health.is_empty() => "none".into(),
            Field::Health => {
                let words: Vec<&str> = self.health.iter().map(|h| h.as_str()).collect();
                words.join(", ")
            }
            Field::LongDay => self.long_day.to_string(),
            Field::Save => String::new(),
        }
    }

    /// The profile and template, or the first field's problem, in the same
    /// words the command line uses.
    pub fn profile(&self) -> Result<(Profile, Template), (Field, String)> {
        let layoff = parse_layoff(self.layoff.value().trim())
            .map_err(|e| (Field::Layoff, format!("layoff '{}': {e}", self.layoff)))?;
        let weekly = parse_weekly(self.weekly.value(), self.unit)
            .map_err(|e| (Field::Weekly, format!("weekly '{}': {e}", self.weekly)))?;
        let runs = self
            .runs
            .value()
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|r| plan::limits::RUNS_PER_WEEK.contains(r))
            .ok_or_else(|| {
                (
                    Field::Runs,
                    format!("runs '{}': expected 3 to 6", self.runs),
                )
            })?;
        let goal = if self.goal.value().trim().is_empty() {
            weekly
        } else {
            parse_weekly(self.goal.value(), self.unit)
                .map_err(|e| (Field::Goal, format!("goal '{}': {e}", self.goal)))?
        };
        let start = parse_date(self.start.value().trim())
            .map_err(|e| (Field::Start, format!("start '{}': {e}", self.start)))?;
        let template = Template::builtin(self.template_name())
            .and_then(Result::ok)
            .ok_or_else(|| {
                (
                    Field::Template,
                    format!("template '{}' does not load", self.template_name()),
                )
            })?;
        let rest_days = self
            .rest_days
            .value()
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| d.parse::<Weekday>())
            .collect::<Result<Vec<_>, _>>()
            .map(once_each)
            .map_err(|_| {
                (
                    Field::RestDays,
                    format!("rest days '{}': expected days like mon,fri", self.rest_days),
                )
            })?;
        let pace = self.pace.value().trim();
        let (easy_pace_seconds, race) = if pace.is_empty() {
            (None, None)
        } else if pace.contains('=') {
            let race = parse_race(pace).map_err(|e| (Field::Pace, e))?;
            (None, Some(race))
        } else {
            let easy =
                parse_pace(pace).map_err(|e| (Field::Pace, format!("easy pace '{pace}': {e}")))?;
            (Some(easy), None)
        };
        let longest = self.longest_run.value().trim();
        let longest_run = if longest.is_empty() {
            None
        } else {
            let value = parse_run_distance(longest)
                .map_err(|e| (Field::LongestRun, format!("longest run '{longest}': {e}")))?;
            Some(Distance::from_value(value))
        };
        let profile = Profile {
            layoff_days: layoff,
            weekly_before: Distance::from_value(weekly),
            goal_weekly: Distance::from_value(goal),
            runs_per_week: runs,
            unit: self.unit,
            start,
            cross_trained: self.cross_trained,
            numb_now: self.numb_now,
            health: self.health.clone(),
            health_since: Default::default(),
            long_day: Some(self.long_day),
            rest_days,
            easy_pace_seconds,
            race,
            longest_run,
        };
        Ok((profile, template))
    }

    /// The plan the form would make, for the preview.
    pub fn preview(&self) -> Result<Plan, (Field, String)> {
        let (profile, template) = self.profile()?;
        plan::generate(&profile, &template).map_err(|e| (Field::Save, e.to_string()))
    }

    /// The text of a typed field; `None` for a choice.
    pub fn text(&self, field: Field) -> Option<&TextField> {
        match field {
            Field::Layoff => Some(&self.layoff),
            Field::Weekly => Some(&self.weekly),
            Field::Runs => Some(&self.runs),
            Field::Goal => Some(&self.goal),
            Field::Start => Some(&self.start),
            Field::RestDays => Some(&self.rest_days),
            Field::Pace => Some(&self.pace),
            Field::LongestRun => Some(&self.longest_run),
            _ => None,
        }
    }

    fn text_mut(&mut self) -> Option<&mut TextField> {
        match self.current() {
            Field::Layoff => Some(&mut self.layoff),
            Field::Weekly => Some(&mut self.weekly),
            Field::Runs => Some(&mut self.runs),
            Field::Goal => Some(&mut self.goal),
            Field::Start => Some(&mut self.start),
            Field::RestDays => Some(&mut self.rest_days),
            Field::Pace => Some(&mut self.pace),
            Field::LongestRun => Some(&mut self.longest_run),
            _ => None,
        }
    }

    fn toggle(&mut self) {
        match self.current() {
            Field::Unit => {
                self.unit = match self.unit {
                    Unit::Mi => Unit::Km,
                    Unit::Km => Unit::Mi,
                }
            }
            Field::Template => {
                self.template = match self.template {
                    None => Some("standard"),
                    Some("standard") => Some("cautious"),
                    Some(_) => None,
                }
            }
            Field::CrossTrained => self.cross_trained = !self.cross_trained,
            Field::NumbNow => self.numb_now = !self.numb_now,
            Field::LongDay => {
                let days = <Weekday as strum::VariantArray>::VARIANTS;
                let at = days.iter().position(|d| *d == self.long_day).unwrap_or(0);
                self.long_day = days[(at + 1) % days.len()];
            }
            Field::Health => {
                // Counts through every combination, none first.
                use crate::checkin::{Choice, Health};
                let mask = Health::ALL
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| self.health.contains(h))
                    .fold(0usize, |m, (i, _)| m | 1 << i);
                let next = (mask + 1) % (1 << Health::ALL.len());
                self.health = Health::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| next & (1 << i) != 0)
                    .map(|(_, h)| *h)
                    .collect();
            }
            _ => {}
        }
    }
}

impl Onboarding {
    /// What the field under the cursor does to the plan, worked out by
    /// making the plan both ways: said before saving.
    pub fn explain(&self) -> Option<String> {
        let (profile, template) = self.profile().ok()?;
        let weeks =
            |p: &Profile, t: &Template| plan::generate(p, t).ok().map(|plan| plan.weeks.len());
        let now = weeks(&profile, &template)?;
        match self.current() {
            Field::NumbNow => {
                let mut other = self.clone();
                other.numb_now = !self.numb_now;
                let (p, t) = other.profile().ok()?;
                let then = weeks(&p, &t)?;
                Some(if self.numb_now {
                    format!(
                        "Numb now: run/walk first, smaller steps ({}): {now} weeks; without it {then}.",
                        template.name
                    )
                } else {
                    format!(
                        "Numb now would start with run/walk on the cautious template: {then} weeks instead of {now}."
                    )
                })
            }
            Field::CrossTrained => {
                let mut other = profile.clone();
                other.cross_trained = !profile.cross_trained;
                let then = weeks(&other, &template)?;
                Some(format!(
                    "Cross-training moves the return one stage on: {} weeks with it, {} without.",
                    if profile.cross_trained { now } else { then },
                    if profile.cross_trained { then } else { now }
                ))
            }
            Field::Template => Some(format!("{}: {}", template.name, template.description)),
            Field::LongestRun if profile.longest_run.is_none() => Some(
                "Not given, the long run builds from your everyday run, a tenth a week.".into(),
            ),
            Field::Runs => {
                let plan = plan::generate(&profile, &template).ok()?;
                let first = plan.weeks.first()?;
                let full = plan
                    .weeks
                    .iter()
                    .position(|w| w.run_count() >= usize::from(profile.runs_per_week))?;
                (full > 0).then(|| {
                    let what = if first.phase == plan::Phase::RunWalk {
                        "run/walk sessions with a rest day between"
                    } else {
                        "runs"
                    };
                    format!(
                        "Week 1 has {} {what}; runs join one a week to your {} by week {}.",
                        first.run_count(),
                        profile.runs_per_week,
                        full + 1
                    )
                })
            }
            Field::Health => Some(
                "Lowers the care thresholds (care comes sooner); the plan stays the same.".into(),
            ),
            Field::LongDay => Some(format!(
                "The long run falls on {}; Space or ←→ picks another day.",
                profile.long_run_day()
            )),
            Field::RestDays => {
                Some("Days kept free of training; at least one rest day a week either way.".into())
            }
            Field::Pace => Some(match profile.easy_pace_before() {
                Some(pace) => format!(
                    "Easy pace before the layoff {} /{}: each run gets a range slowed by the time off.",
                    plan::clock(pace),
                    profile.unit
                ),
                None => {
                    "Optional: each run gets a pace range from it, slowed by the time off.".into()
                }
            }),
            _ => None,
        }
    }
}

/// What a key did to the form.
pub enum Outcome {
    Stay,
    Quit,
    Save,
}

/// Applies one action to the form.
pub fn update(form: &mut Onboarding, action: Action) -> Outcome {
    match action {
        Action::Quit | Action::Back => return Outcome::Quit,
        Action::Down => form.field = (form.field + 1).min(Field::ALL.len() - 1),
        Action::Up => form.field = form.field.saturating_sub(1),
        // Space types a space in a text field ("5 weeks") and changes a
        // choice elsewhere.
        Action::Toggle => match form.text_mut() {
            Some(text) => {
                text.edit(InputRequest::InsertChar(' '), 12);
            }
            None => form.toggle(),
        },
        Action::Text(request) => match form.text_mut() {
            Some(text) => {
                text.edit(request, 12);
            }
            None if matches!(
                request,
                InputRequest::GoToPrevChar | InputRequest::GoToNextChar
            ) =>
            {
                form.toggle()
            }
            None => {}
        },
        Action::Confirm if form.current() == Field::Save => return Outcome::Save,
        Action::Confirm => form.field = (form.field + 1).min(Field::ALL.len() - 1),
        _ => {}
    }
    Outcome::Stay
}
