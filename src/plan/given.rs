//! A template the runner gives (a file, a plan document), held to one more
//! rule than a shipped or saved one: every text prints on one line.

use super::{Template, TemplateError};

impl Template {
    /// A template the runner gives (a file, a plan document): as `parse`,
    /// and every text on one line. Every text is shown on one line in the
    /// TUI and written to the calendar: none may carry a control character,
    /// a newline or a bidi override (the same rule as a note). A template
    /// saved with a plan is read as it was saved.
    pub fn parse_given(file: &str, text: &str) -> Result<Template, TemplateError> {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text)
            && let Some(field) = unprintable_text(&value, "")
        {
            return Err(TemplateError {
                file: file.to_string(),
                field,
                problem:
                    "expected text on one line, without control characters or direction overrides"
                        .into(),
            });
        }
        Template::parse(file, text)
    }
}

/// The path of the first string in `value` (keys included) that would not
/// print on one line: a control character, a newline, a bidi override.
fn unprintable_text(value: &serde_json::Value, path: &str) -> Option<String> {
    let bad = |text: &str| {
        text.chars().any(|c| {
            c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
    };
    match value {
        serde_json::Value::String(text) if bad(text) => {
            Some(path.trim_start_matches('.').to_string())
        }
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| unprintable_text(v, &format!("{path}[{i}]"))),
        serde_json::Value::Object(fields) => fields.iter().find_map(|(k, v)| {
            let here = format!("{path}.{k}");
            if bad(k) {
                Some(here.trim_start_matches('.').to_string())
            } else {
                unprintable_text(v, &here)
            }
        }),
        _ => None,
    }
}
