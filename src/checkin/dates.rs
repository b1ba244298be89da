//! Dates and lists in the words the verdicts and screens use: "Tue 8 Dec",
//! with the year when it is not this year's.

use chrono::NaiveDate;

/// "Mon 23 Nov" (written by hand: chrono's formatter parses its pattern
/// on every call, and verdicts over ten years write thousands of dates).
pub fn short_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let weekday = DAYS[date.weekday().num_days_from_monday() as usize];
    format!(
        "{weekday} {} {}",
        date.day(),
        MONTHS[date.month0() as usize]
    )
}

/// "Tue 8 Dec", or "Tue 8 Dec 2025" when the year is not `today`'s.
pub fn day_words(date: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    let mut words = short_date(date);
    if date.year() != today.year() {
        words.push(' ');
        words.push_str(&date.year().to_string());
    }
    words
}

/// "a", "a and b", "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A line about `date` with its year in front when that is not `today`'s
/// year: "2025 · Wed 5 Mar: …".
pub fn with_year(line: String, date: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    if date.year() == today.year() {
        line
    } else {
        format!("{} · {line}", date.year())
    }
}

/// What a clearance recorded for `date` did, when care is `still_open`
/// after it or not: a clearance lifts the care it covered, never a check-in
/// recorded after it (DESIGN.md §4, P7; the clinician's twentieth review:
/// "care is lifted" above URGENT CARE).
pub fn clearance_said(date: NaiveDate, still_open: bool) -> String {
    if still_open {
        format!(
            "Clearance recorded for {}; check-ins it did not cover still call for care (below).",
            short_date(date)
        )
    } else {
        format!(
            "Clearance recorded for {}: care is lifted.",
            short_date(date)
        )
    }
}
