//! The export menu: a format and the path it goes to; what a key does to it.

use super::action::Action;
use super::field::TextField;
use crate::export::Format;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The export menu: a format and where to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportMenu {
    pub format: Format,
    pub path: TextField,
    /// The runner typed a path: changing the format keeps it.
    pub edited: bool,
    /// Where exports go unless the runner types a path.
    pub dir: PathBuf,
    pub today: NaiveDate,
}

/// The longest path the menu takes, in characters.
const MAX_PATH: usize = 4096;

/// What a key did to the menu.
pub enum Outcome {
    Stay,
    Close,
    Write { format: Format, path: PathBuf },
}

impl ExportMenu {
    /// The menu with the plan (JSON) chosen, to a file named for today in `dir`.
    pub fn new(dir: &Path, today: NaiveDate) -> ExportMenu {
        let format = Format::Json;
        ExportMenu {
            format,
            path: default_path(dir, today, format),
            edited: false,
            dir: dir.to_path_buf(),
            today,
        }
    }
}

fn default_path(dir: &Path, today: NaiveDate, format: Format) -> TextField {
    TextField::suggested(dir.join(format.file_name(today)).display().to_string())
}

/// Applies one action to the menu.
pub fn update(menu: &mut ExportMenu, action: Action) -> Outcome {
    match action {
        Action::Back | Action::Quit => return Outcome::Close,
        Action::Down => {
            let i = Format::ALL
                .iter()
                .position(|f| *f == menu.format)
                .unwrap_or(0);
            menu.format = Format::ALL[(i + 1) % Format::ALL.len()];
            if !menu.edited {
                menu.path = default_path(&menu.dir, menu.today, menu.format);
            }
        }
        Action::Text(request) => menu.edited |= menu.path.edit(request, MAX_PATH),
        Action::Confirm => {
            return Outcome::Write {
                format: menu.format,
                path: PathBuf::from(menu.path.value().trim()),
            };
        }
        _ => {}
    }
    Outcome::Stay
}
