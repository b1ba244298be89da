//! The health-context pop-up: the conditions that bring care sooner,
//! chosen with Space and saved through the same `Comeback::set_health` as
//! `comeback health --set`.

use super::action::Action;
use crate::checkin::{Choice, Health};

/// The conditions chosen so far and the row under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthForm {
    pub chosen: Vec<Health>,
    pub row: usize,
}

/// What a key did to the pop-up.
pub enum Outcome {
    Stay,
    Close,
    Save(Vec<Health>),
}

impl HealthForm {
    pub fn new(chosen: &[Health]) -> HealthForm {
        HealthForm {
            chosen: chosen.to_vec(),
            row: 0,
        }
    }
}

/// Applies one action to the pop-up.
pub fn update(form: &mut HealthForm, action: Action) -> Outcome {
    let last = Health::ALL.len() - 1;
    match action {
        Action::Back | Action::Quit => return Outcome::Close,
        Action::Down => form.row = (form.row + 1).min(last),
        Action::Up => form.row = form.row.saturating_sub(1),
        Action::Toggle => {
            let health = Health::ALL[form.row.min(last)];
            match form.chosen.iter().position(|h| *h == health) {
                Some(i) => {
                    form.chosen.remove(i);
                }
                None => form.chosen.push(health),
            }
        }
        Action::Confirm => return Outcome::Save(form.chosen.clone()),
        _ => {}
    }
    Outcome::Stay
}
