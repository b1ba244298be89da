//! The clearance form, opened from the care screen: the day a clinician
//! cleared the runner and what they said. Saving goes through the same
//! `Comeback::clear` as `comeback clear`, with its refusals.

use super::action::Action;
use super::field::TextField;
use crate::checkin::{Clearance, MAX_TEXT};
use crate::input::parse_date;
use chrono::NaiveDate;

/// The form's two fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClearanceForm {
    pub date: TextField,
    pub note: TextField,
    /// The note has the keys (else the date).
    pub on_note: bool,
    /// Why the last save was refused, in the command line's words.
    pub problem: Option<String>,
}

/// What a key did to the form.
pub enum Outcome {
    Stay,
    Close,
    Save(Clearance),
}

impl ClearanceForm {
    /// Today's date suggested, no note.
    pub fn new(today: NaiveDate) -> ClearanceForm {
        ClearanceForm {
            date: TextField::suggested(today.to_string()),
            note: TextField::default(),
            on_note: false,
            problem: None,
        }
    }

    /// The clearance the form holds, or what is wrong with the date.
    pub fn clearance(&self) -> Result<Clearance, String> {
        let date = parse_date(self.date.value().trim())
            .map_err(|e| format!("date '{}': {e}", self.date))?;
        let note = self.note.value().trim();
        Ok(Clearance {
            date,
            note: (!note.is_empty()).then(|| note.to_string()),
            seq: 0,
        })
    }
}

/// Applies one action to the form.
pub fn update(form: &mut ClearanceForm, action: Action) -> Outcome {
    match action {
        Action::Back | Action::Quit => return Outcome::Close,
        Action::Up | Action::Down => form.on_note = !form.on_note,
        Action::Text(request) => {
            let field = if form.on_note {
                &mut form.note
            } else {
                &mut form.date
            };
            field.edit(request, if form.on_note { MAX_TEXT } else { 10 });
        }
        Action::Confirm => match form.clearance() {
            Ok(clearance) => return Outcome::Save(clearance),
            Err(problem) => form.problem = Some(problem),
        },
        _ => {}
    }
    Outcome::Stay
}
