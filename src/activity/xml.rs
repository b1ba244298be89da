//! One pass over a GPX or TCX file with `quick-xml`, as a stream: each
//! element is known by its local name (so `gpxtpx:hr`, `ns3:hr` and `hr`
//! read the same), and elements a reader does not ask about are passed
//! over, whatever they hold. The `gpx` and `tcx` crates refused readable
//! files for an element or a number they did not expect (a `<color>` in an
//! ExpertGPS track, a decimal `<Calories>` from MapMyRide) and left out
//! the heart rate of Garmin's extensions and of TCX laps; reading only what
//! comeback keeps, in one pass, keeps every such file and its heart rate.

use chrono::{DateTime, NaiveDateTime, Utc};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// What the walk met: an element's start (with its attributes), a piece of
/// text inside the innermost element, or an element's end. Paths are the
/// indexes of the names the reader asked about, outermost first; any other
/// element is `OTHER`.
pub(super) enum Step<'a, 'e> {
    Start(&'a BytesStart<'e>),
    Text(&'a str),
    End,
}

/// The path index of an element the reader did not ask about.
pub(super) const OTHER: u8 = u8::MAX;

/// Elements nested deeper than this are refused: a GPX or TCX is about ten
/// deep, and a deeper file would only make the walk slow.
const MAX_DEPTH: usize = 64;

/// Walks `bytes`, calling `visit` with the path of element names (indexes
/// into `names`) and each step. An XML error is returned as its words; a
/// file that ends before its elements close (cut short) is walked up to
/// there, and what it says of itself is returned.
pub(super) fn walk(
    bytes: &[u8],
    names: &[&str],
    mut visit: impl FnMut(&[u8], Step<'_, '_>),
) -> Result<Option<String>, String> {
    let mut reader = Reader::from_reader(bytes);
    let index = |e: &BytesStart| {
        let local = e.local_name();
        names
            .iter()
            .position(|n| *n == local.as_ref())
            .map_or(OTHER, |i| i as u8)
    };
    let mut path: Vec<u8> = Vec::with_capacity(16);
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} (near byte {})", reader.buffer_position()))?;
        match event {
            Event::Start(e) => {
                if path.len() == MAX_DEPTH {
                    return Err(format!(
                        "elements nested over {MAX_DEPTH} deep (near byte {}): no device writes that",
                        reader.buffer_position()
                    ));
                }
                path.push(index(&e));
                visit(&path, Step::Start(&e));
            }
            Event::Empty(e) => {
                path.push(index(&e));
                visit(&path, Step::Start(&e));
                visit(&path, Step::End);
                path.pop();
            }
            Event::End(_) => {
                visit(&path, Step::End);
                path.pop();
            }
            Event::Text(t) => {
                let text = t.trim();
                if !text.is_empty() {
                    visit(&path, Step::Text(text));
                }
            }
            Event::CData(t) => {
                let text = t.trim();
                if !text.is_empty() {
                    visit(&path, Step::Text(text));
                }
            }
            Event::Eof if path.is_empty() => return Ok(None),
            Event::Eof => {
                return Ok(Some(format!(
                    "the file is cut short at byte {}, inside an open element: read up to there",
                    bytes.len()
                )));
            }
            _ => {}
        }
    }
}

/// The value of attribute `name` of `element`, when it has one.
pub(super) fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.trim().to_string())
}

/// A time as GPX and TCX write it: RFC 3339 ("2012-12-26T21:29:53Z",
/// "…53.000+01:00"), or without a zone, read as UTC.
pub(super) fn time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|t| t.and_utc())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_without_a_zone_is_read_as_utc() {
        let utc = time("2012-12-26T21:29:53Z");
        assert_eq!(time("2012-12-26T21:29:53"), utc);
        assert_eq!(time("2012-12-26T22:29:53.000+01:00"), utc);
        assert_eq!(time("yesterday"), None);
    }

    #[test]
    fn elements_not_asked_about_are_passed_over() {
        let xml = br#"<a><x:b>1</x:b><color>red</color><b>2</b></a>"#;
        let mut seen = Vec::new();
        walk(xml, &["a", "b"], |path, step| {
            if let Step::Text(t) = step {
                seen.push((path.to_vec(), t.to_string()));
            }
        })
        .unwrap();
        assert_eq!(
            walk(b"<a><b>1</b>", &["a"], |_, _| {}),
            Ok(Some(
                "the file is cut short at byte 11, inside an open element: read up to there"
                    .to_string()
            ))
        );
        assert_eq!(
            seen,
            [
                (vec![0, 1], "1".to_string()),
                (vec![0, OTHER], "red".to_string()),
                (vec![0, 1], "2".to_string())
            ]
        );
    }
}
