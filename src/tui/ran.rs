//! The optional step after a check-in of a run day is saved (`0`, the
//! panel, History's edit): what was actually run. The planned distance and minutes are
//! suggested (Enter accepts them), digits replace them, and RPE is optional;
//! Esc leaves them out. Saving adds the numbers to the day's check-in
//! through the same `Comeback::record` as `comeback checkin --distance …`.

use super::action::Action;
use super::field::TextField;
use crate::checkin::{Actual, CheckIn};
use crate::input::{parse_duration, parse_rpe, parse_run_distance};
use crate::plan::{Distance, Run, Unit};

/// The form's fields, in order.
const FIELDS: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct RanForm {
    /// The saved symptom-free check-in the numbers join.
    pub entry: CheckIn,
    pub distance: TextField,
    pub minutes: TextField,
    pub rpe: TextField,
    /// The field with the keys: distance, minutes, RPE.
    pub field: usize,
    /// The unit typed in, and the plan's.
    pub units: (Unit, Unit),
    /// Why the last save was refused.
    pub problem: Option<String>,
}

/// What a key did to the form.
pub enum Outcome {
    Stay,
    Close,
    Save(CheckIn),
}

impl RanForm {
    /// The numbers the check-in already has, else the planned run's
    /// distance and minutes, suggested.
    pub fn new(entry: CheckIn, planned: &Run, (shown, plan): (Unit, Unit)) -> RanForm {
        let had = entry.actual.clone().unwrap_or_default();
        let distance = had
            .distance
            .or(planned.distance)
            .map(|d| crate::words::shown(d, plan, Some(shown)).to_string())
            .unwrap_or_default();
        let minutes = had.minutes.unwrap_or(planned.effort.minutes);
        RanForm {
            entry,
            distance: TextField::suggested(distance),
            minutes: TextField::suggested(minutes.to_string()),
            rpe: had
                .rpe
                .map_or_else(TextField::default, |r| TextField::suggested(r.to_string())),
            field: 0,
            units: (shown, plan),
            problem: None,
        }
    }

    fn current(&mut self) -> &mut TextField {
        match self.field {
            0 => &mut self.distance,
            1 => &mut self.minutes,
            _ => &mut self.rpe,
        }
    }

    /// The check-in with the numbers, or the first one that is wrong, in
    /// the command line's words.
    pub fn checkin(&self) -> Result<CheckIn, String> {
        let text = |f: &TextField| f.value().trim().to_string();
        let (shown, plan) = self.units;
        let distance = match text(&self.distance) {
            t if t.is_empty() => None,
            t => Some(
                parse_run_distance(&t)
                    .map(|d| Distance::from_value(d).convert(shown, plan))
                    .map_err(|e| format!("distance '{t}': {e}"))?,
            ),
        };
        let minutes = match text(&self.minutes) {
            t if t.is_empty() => None,
            t => Some(parse_duration(&t).map_err(|e| format!("minutes '{t}': {e}"))?),
        };
        let rpe = match text(&self.rpe) {
            t if t.is_empty() => None,
            t => Some(parse_rpe(&t).map_err(|e| format!("RPE '{t}': {e}"))?),
        };
        // (What else the check-in has, strength or cross-training, stays.)
        let actual = Actual {
            distance,
            minutes,
            rpe,
            ..self.entry.actual.clone().unwrap_or_default()
        };
        Ok(self.entry.clone().with_actual(actual))
    }
}

/// Applies one action to the form.
pub fn update(form: &mut RanForm, action: Action) -> Outcome {
    match action {
        Action::Back | Action::Quit => return Outcome::Close,
        Action::Down => form.field = (form.field + 1) % FIELDS,
        Action::Up => form.field = (form.field + FIELDS - 1) % FIELDS,
        Action::Text(request) => {
            form.current().edit(request, 8);
            form.problem = None;
        }
        Action::Confirm => match form.checkin() {
            Ok(entry) => return Outcome::Save(entry),
            Err(problem) => form.problem = Some(problem),
        },
        _ => {}
    }
    Outcome::Stay
}
