//! How a check-in's choices are kept in its one integer `choices` column:
//! reading ten years of check-ins is then an integer a row rather than eight
//! text columns to parse (BENCHMARKS.md). The codes are part of the file
//! format; migration 5 writes the same ones from the older text columns.
//!
//! | bits  | field    | code                                           |
//! | ----- | -------- | ---------------------------------------------- |
//! | 0–1   | numbness | the level, 0–3                                 |
//! | 2–3   | side     | 0 when absent, else 1 + position in `ALL`      |
//! | 4–6   | onset    | the same                                       |
//! | 7–8   | cleared  | the same                                       |
//! | 9–11  | session  | the same                                       |
//! | 12–24 | where    | bit `i` set when `Spot::ALL[i]` is in the list  |
//! | 25–36 | flags    | bit `i` set when `Flag::ALL[i]` is in the list  |
//! | 37–40 | eased_by | bit `i` set when `Ease::ALL[i]` is in the list  |
//!
//! Migration 6 moved the fields of the first layout (schema 5) to these bits;
//! migration 10 gave the flags a twelfth bit and moved `eased_by` up one.
//!
//! The numbers of a check-in share the `counts` column the same way:
//!
//! | bits  | field           | code                               |
//! | ----- | --------------- | ---------------------------------- |
//! | 0–10  | minutes         | 0 when absent, else minutes + 1    |
//! | 11–21 | cleared_minutes | the same                           |
//! | 22–62 | seq             | the order of recording             |

use crate::checkin::{
    CheckIn, Choice, Cleared, Ease, Flag, MAX_SEQ, Numbness, Onset, SessionDone, Side, Spot,
};
use chrono::NaiveDate;

/// Where one field sits in the integer.
#[derive(Clone, Copy)]
struct Bits {
    shift: u32,
    width: u32,
}

const NUMBNESS: Bits = Bits { shift: 0, width: 2 };
const SIDE: Bits = Bits { shift: 2, width: 2 };
const ONSET: Bits = Bits { shift: 4, width: 3 };
const CLEARED: Bits = Bits { shift: 7, width: 2 };
const SESSION: Bits = Bits { shift: 9, width: 3 };
const SPOTS: Bits = Bits {
    shift: 12,
    width: 13,
};
const FLAGS: Bits = Bits {
    shift: 25,
    width: 12,
};
const EASED: Bits = Bits {
    shift: 37,
    width: 4,
};
/// Every bit a stored value may use.
const USED: i64 = (1 << 41) - 1;

impl Bits {
    fn get(self, packed: i64) -> i64 {
        (packed >> self.shift) & ((1 << self.width) - 1)
    }

    fn put(self, code: i64) -> i64 {
        code << self.shift
    }
}

fn position<T: Choice>(value: T) -> i64 {
    T::ALL.iter().position(|v| *v == value).unwrap_or(0) as i64
}

fn one_code<T: Choice>(value: Option<T>) -> i64 {
    value.map_or(0, |v| position(v) + 1)
}

fn set_code<T: Choice>(values: &[T]) -> i64 {
    values.iter().fold(0, |code, v| code | 1 << position(*v))
}

/// Why stored choices or counts do not read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("day {0} is not a date")]
    NotADate(i64),
    #[error("{date}: the choices {packed:#x} use unknown bits")]
    UnknownBits { date: NaiveDate, packed: i64 },
    #[error("{date}: {field} has the unknown code {code:#b}")]
    UnknownCode {
        date: NaiveDate,
        field: &'static str,
        code: i64,
    },
    #[error("{date}: the counts {counts} are negative")]
    NegativeCounts { date: NaiveDate, counts: i64 },
    #[error("{date}: the actual numbers do not read back: {problem}")]
    Actual { date: NaiveDate, problem: String },
}

/// A field's code that names no value: the field, and the code.
type BadCode = (&'static str, i64);

fn one<T: Choice>(code: i64, field: &'static str) -> Result<Option<T>, BadCode> {
    match code {
        0 => Ok(None),
        n => T::ALL
            .get(n as usize - 1)
            .copied()
            .map(Some)
            .ok_or((field, n)),
    }
}

fn set<T: Choice>(code: i64, field: &'static str) -> Result<Vec<T>, BadCode> {
    if code == 0 {
        return Ok(Vec::new());
    }
    if code >> T::ALL.len() != 0 {
        return Err((field, code));
    }
    Ok(T::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| code & (1 << i) != 0)
        .map(|(_, v)| *v)
        .collect())
}

/// The `choices` column of a check-in.
pub fn pack(c: &CheckIn) -> i64 {
    NUMBNESS.put(i64::from(c.numbness.level()))
        | SIDE.put(one_code::<Side>(c.side))
        | ONSET.put(one_code::<Onset>(c.onset))
        | CLEARED.put(one_code::<Cleared>(c.cleared))
        | SESSION.put(one_code::<SessionDone>(c.session))
        | SPOTS.put(set_code::<Spot>(&c.spots))
        | FLAGS.put(set_code::<Flag>(&c.flags))
        | EASED.put(set_code::<Ease>(&c.eased_by))
}

/// The check-in of `day` (days since 1970-01-01) with the choices in
/// `packed`; the other columns are left for the caller.
pub fn unpack(day: i64, packed: i64) -> Result<CheckIn, Unreadable> {
    let date = i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_epoch_days)
        .ok_or(Unreadable::NotADate(day))?;
    if packed & !USED != 0 {
        return Err(Unreadable::UnknownBits { date, packed });
    }
    let field = |(field, code): BadCode| Unreadable::UnknownCode { date, field, code };
    Ok(CheckIn {
        date,
        // Two bits: always a level from 0 to 3.
        numbness: Numbness::try_from(NUMBNESS.get(packed) as u8).unwrap_or_default(),
        spots: set(SPOTS.get(packed), "where").map_err(field)?,
        side: one(SIDE.get(packed), "side").map_err(field)?,
        onset: one(ONSET.get(packed), "onset").map_err(field)?,
        minutes: None,
        cleared: one(CLEARED.get(packed), "cleared").map_err(field)?,
        cleared_minutes: None,
        eased_by: set(EASED.get(packed), "eased_by").map_err(field)?,
        session: one(SESSION.get(packed), "session").map_err(field)?,
        flags: set(FLAGS.get(packed), "flags").map_err(field)?,
        shoes: None,
        note: None,
        seq: 0,
        actual: None,
        recorded: None,
    })
}

const MINUTES: Bits = Bits {
    shift: 0,
    width: 11,
};
const CLEARED_MINUTES: Bits = Bits {
    shift: 11,
    width: 11,
};
const SEQ_SHIFT: u32 = 22;
const _: () = assert!(MAX_SEQ < 1 << (63 - SEQ_SHIFT));

fn minutes_code(minutes: Option<u32>) -> i64 {
    minutes.map_or(0, |m| i64::from(m.min(2046)) + 1)
}

fn minutes_of(code: i64) -> Option<u32> {
    (code > 0).then(|| (code - 1) as u32)
}

/// The `counts` column of a check-in.
pub fn counts(c: &CheckIn) -> i64 {
    MINUTES.put(minutes_code(c.minutes))
        | CLEARED_MINUTES.put(minutes_code(c.cleared_minutes))
        | (c.seq.min(MAX_SEQ) as i64) << SEQ_SHIFT
}

/// Sets the numbers of the check-in from its `counts` column.
pub fn put_counts(c: &mut CheckIn, counts: i64) -> Result<(), Unreadable> {
    if counts < 0 {
        return Err(Unreadable::NegativeCounts {
            date: c.date,
            counts,
        });
    }
    c.minutes = minutes_of(MINUTES.get(counts));
    c.cleared_minutes = minutes_of(CLEARED_MINUTES.get(counts));
    c.seq = (counts >> SEQ_SHIFT) as u64;
    Ok(())
}

/// The `recorded_day` column as a date; a day that is no date reads as not
/// known.
pub fn recorded_of(day: Option<i64>) -> Option<NaiveDate> {
    day.and_then(|d| i32::try_from(d).ok())
        .and_then(NaiveDate::from_epoch_days)
}

/// Days since 1970-01-01, the `day` and `recorded_day` columns.
pub fn day(date: NaiveDate) -> i64 {
    i64::from(date.to_epoch_days())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn some<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = Option<T>> {
        proptest::option::of(proptest::sample::select(T::ALL))
    }

    fn list<T: Choice + Ord + std::fmt::Debug>() -> impl Strategy<Value = Vec<T>> {
        proptest::sample::subsequence(T::ALL, 0..=T::ALL.len())
    }

    prop_compose! {
        fn checkin()(
            day in -1000i32..40000,
            numbness in 0u8..=3,
            spots in list::<Spot>(),
            side in some::<Side>(),
            onset in some::<Onset>(),
            cleared in some::<Cleared>(),
            session in some::<SessionDone>(),
            flags in list::<Flag>(),
            eased_by in list::<Ease>(),
        ) -> CheckIn {
            CheckIn {
                date: NaiveDate::from_epoch_days(day).unwrap_or_default(),
                numbness: Numbness::try_from(numbness).unwrap_or_default(),
                spots, side, onset, minutes: None, cleared, cleared_minutes: None, eased_by,
                session, flags, shoes: None, note: None, seq: 0, actual: None, recorded: None,
            }
        }
    }

    proptest! {
        #[test]
        fn every_check_in_reads_back_as_it_was_packed(c in checkin()) {
            prop_assert_eq!(unpack(day(c.date), pack(&c)), Ok(c));
        }

        #[test]
        fn every_count_reads_back_as_it_was_packed(
            minutes in proptest::option::of(0u32..=600),
            cleared_minutes in proptest::option::of(0u32..=600),
            seq in 0u64..=MAX_SEQ,
        ) {
            let c = CheckIn { minutes, cleared_minutes, seq, ..CheckIn::symptom_free(NaiveDate::default(), None) };
            let mut read = CheckIn::symptom_free(NaiveDate::default(), None);
            prop_assert_eq!(put_counts(&mut read, counts(&c)), Ok(()));
            prop_assert_eq!(read, c);
        }

        #[test]
        fn any_integer_unpacks_to_a_check_in_or_a_refusal(day in any::<i64>(), packed in any::<i64>()) {
            let _ = unpack(day, packed);
        }
    }

    #[test]
    fn the_codes_stay_what_the_file_format_says() {
        let c = CheckIn {
            spots: vec![Spot::Toes, Spot::Calf],
            side: Some(Side::Both),
            onset: Some(Onset::Rest),
            cleared: Some(Cleared::NotYet),
            session: Some(SessionDone::RestDay),
            flags: vec![Flag::SharpPain, Flag::BladderBowel, Flag::FaceArm],
            eased_by: vec![Ease::Nothing],
            ..CheckIn::symptom_free(NaiveDate::from_epoch_days(1).unwrap_or_default(), None)
        };
        let c = CheckIn {
            numbness: Numbness::NO_FEELING,
            ..c
        };
        let expected = 3
            | 3 << 2
            | 3 << 4
            | 3 << 7
            | 4 << 9
            | (1 | 1 << 6) << 12
            | (1 | 1 << 5 | 1 << 10) << 25
            | 1 << 40;
        assert_eq!(pack(&c), expected);
        assert_eq!(day(c.date), 1);
    }

    #[test]
    fn every_value_keeps_its_position() {
        fn words<T: Choice + std::fmt::Display>() -> Vec<String> {
            T::ALL.iter().map(|v| v.to_string()).collect()
        }
        assert_eq!(words::<Side>(), ["left", "right", "both"]);
        assert_eq!(words::<Onset>(), ["during", "after", "rest", "night"]);
        assert_eq!(words::<Cleared>(), ["quickly", "hours", "not_yet"]);
        assert_eq!(
            words::<SessionDone>(),
            ["done", "partial", "skipped", "rest_day"]
        );
        assert_eq!(
            words::<Spot>(),
            [
                "toes",
                "ball",
                "arch",
                "heel",
                "top",
                "ankle",
                "calf",
                "between_toes",
                "sole",
                "whole_foot",
                "shin",
                "thigh",
                "buttock"
            ]
        );
        assert_eq!(
            words::<Ease>(),
            [
                "stopping",
                "loosening_laces",
                "sitting_or_bending",
                "nothing"
            ]
        );
        assert_eq!(
            words::<Flag>(),
            [
                "sharp_pain",
                "skin_colour",
                "weakness",
                "back_pain",
                "saddle",
                "bladder_bowel",
                "cold_pale",
                "calf_tightness",
                "foot_drop",
                "leg_pain_both",
                "face_arm",
                "foot_wound"
            ]
        );
    }

    #[test]
    fn unknown_bits_are_refused_with_the_date() {
        let e = unpack(0, 1 << 45).unwrap_err().to_string();
        assert!(
            e.contains("1970-01-01") && e.contains("unknown bits"),
            "{e}"
        );
        let e = unpack(0, 5 << 9).unwrap_err().to_string();
        assert!(e.contains("session has the unknown code 0b101"), "{e}");
    }
}
