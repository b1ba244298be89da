//! The import pop-up: the watch file or folder to read runs from; what a
//! key does to it.

use super::action::Action;
use super::field::TextField;
use std::path::{Path, PathBuf};

/// The import pop-up: where the files are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportForm {
    pub path: TextField,
}

/// The longest path the pop-up takes, in characters.
const MAX_PATH: usize = 4096;

/// What a key did to the pop-up.
pub enum Outcome {
    Stay,
    Close,
    Import(PathBuf),
}

impl ImportForm {
    /// The pop-up with `dir` filled in (where exports go: the folder the
    /// runner keeps their files in), ready for a file name typed after it
    /// (Ctrl-U clears it for another path).
    pub fn new(dir: &Path) -> ImportForm {
        let mut suggested = dir.display().to_string();
        if !suggested.ends_with(std::path::MAIN_SEPARATOR) {
            suggested.push(std::path::MAIN_SEPARATOR);
        }
        ImportForm {
            path: TextField::new(suggested),
        }
    }
}

/// Applies one action to the pop-up.
pub fn update(form: &mut ImportForm, action: Action) -> Outcome {
    match action {
        Action::Back | Action::Quit => Outcome::Close,
        Action::Text(request) => {
            form.path.edit(request, MAX_PATH);
            Outcome::Stay
        }
        Action::Confirm if !form.path.value().trim().is_empty() => {
            Outcome::Import(PathBuf::from(form.path.value().trim()))
        }
        _ => Outcome::Stay,
    }
}
