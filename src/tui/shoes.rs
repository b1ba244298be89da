//! The shoes pop-up: every pair with its distance; `a` adds one by name,
//! `r` twice retires the selected pair. Writes go through the same `Comeback`
//! calls as `comeback shoes add` and `comeback shoes retire`.

use super::action::Action;
use super::field::TextField;

/// The row under the cursor, and the name being typed for a new pair.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShoesForm {
    pub row: usize,
    pub adding: Option<TextField>,
    /// `r` was pressed once on this row: a second `r` retires the pair.
    pub retiring: Option<usize>,
}

/// What a key did to the pop-up.
pub enum Outcome {
    Stay,
    Close,
    Add(String),
    Retire(usize),
}

/// Applies one action to the pop-up over `pairs` rows.
pub fn update(form: &mut ShoesForm, pairs: usize, action: Action) -> Outcome {
    if let Some(name) = &mut form.adding {
        match action {
            Action::Text(request) => {
                name.edit(request, crate::shoes::MAX_NAME);
            }
            Action::Confirm => {
                let name = name.value().trim().to_string();
                form.adding = None;
                if !name.is_empty() {
                    return Outcome::Add(name);
                }
            }
            Action::Back => form.adding = None,
            _ => {}
        }
        return Outcome::Stay;
    }
    let retiring = form.retiring.take();
    match action {
        Action::Back | Action::Quit => return Outcome::Close,
        Action::Down => form.row = (form.row + 1).min(pairs.saturating_sub(1)),
        Action::Up => form.row = form.row.saturating_sub(1),
        Action::AddShoe => form.adding = Some(TextField::default()),
        Action::RetireShoe if retiring == Some(form.row) => return Outcome::Retire(form.row),
        Action::RetireShoe if form.row < pairs => form.retiring = Some(form.row),
        _ => {}
    }
    Outcome::Stay
}
