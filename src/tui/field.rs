//! A line of text the runner types into (onboarding's fields, the export
//! path): the value and where the cursor is, edited by `tui-input`'s rules
//! (←/→, Home/End, Backspace/Delete, Ctrl-U/W/K, Ctrl-A/E).

use ratatui::style::Style;
use ratatui::text::Span;
use tui_input::{Input, InputRequest};

/// The value being typed and the cursor, in characters from the start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextField {
    value: String,
    cursor: usize,
    /// Still the suggested default: the first character typed replaces it.
    suggested: bool,
}

impl TextField {
    /// A field holding `value`, the cursor at its end.
    pub fn new(value: impl Into<String>) -> TextField {
        let value = value.into();
        TextField {
            cursor: value.chars().count(),
            value,
            suggested: false,
        }
    }

    /// A default the runner is likely to replace: typing a character
    /// replaces it; a move or an erase first edits it instead.
    pub fn suggested(value: impl Into<String>) -> TextField {
        TextField {
            suggested: true,
            ..TextField::new(value)
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Applies one editing request; text longer than `max` characters is
    /// refused. Says whether the value changed.
    pub fn edit(&mut self, request: InputRequest, max: usize) -> bool {
        let start = match request {
            InputRequest::InsertChar(_) if self.suggested => Input::default(),
            _ => Input::new(self.value.clone()).with_cursor(self.cursor),
        };
        let mut input = start;
        input.handle(request);
        if input.value().chars().count() > max {
            return false;
        }
        let changed = input.value() != self.value;
        self.suggested = false;
        self.value = input.value().to_string();
        self.cursor = input.cursor();
        changed
    }

    /// The value as spans, the character under the cursor drawn in
    /// `cursor_style` (a space past the end).
    pub fn spans(&self, style: Style, cursor_style: Style) -> Vec<Span<'static>> {
        let before: String = self.value.chars().take(self.cursor).collect();
        let mut rest = self.value.chars().skip(self.cursor);
        let under = rest.next().map_or_else(|| " ".to_string(), String::from);
        let after: String = rest.collect();
        vec![
            Span::styled(before, style),
            Span::styled(under, cursor_style),
            Span::styled(after, style),
        ]
    }
}

impl std::fmt::Display for TextField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use InputRequest::*;

    #[test]
    fn typing_goes_in_at_the_cursor() {
        let mut field = TextField::new("25");
        field.edit(GoToPrevChar, 12);
        field.edit(InsertChar('0'), 12);
        assert_eq!(field.value(), "205");
        field.edit(GoToEnd, 12);
        field.edit(DeletePrevChar, 12);
        assert_eq!(field.value(), "20");
    }

    #[test]
    fn the_first_character_replaces_a_suggested_default() {
        let mut field = TextField::suggested("3w");
        field.edit(InsertChar('5'), 12);
        field.edit(InsertChar('w'), 12);
        assert_eq!(field.value(), "5w");
    }

    #[test]
    fn a_move_first_keeps_the_default_to_edit() {
        let mut field = TextField::suggested("3w");
        field.edit(GoToStart, 12);
        field.edit(InsertChar('1'), 12);
        assert_eq!(field.value(), "13w");
    }

    #[test]
    fn text_past_the_limit_is_refused() {
        let mut field = TextField::new("abc");
        assert!(!field.edit(InsertChar('d'), 3));
        assert_eq!(field.value(), "abc");
    }

    #[test]
    fn ctrl_u_clears_the_line() {
        let mut field = TextField::new("2026-11-21");
        assert!(field.edit(DeleteLine, 12));
        assert!(field.is_empty());
    }
}
