//! How the command line reads the values of its flags: the check-in
//! choices and weekdays (offered to shell completion), a time of day,
//! `--today` and `health --set`.

use crate::checkin::{Choice, Health, StrengthDone};
use crate::input::parse_date;
use crate::plan::Weekday;
use chrono::NaiveDate;
use strum::VariantArray;

/// `done` or `skipped`, offered to shell completion.
pub(super) fn strength_parser() -> impl clap::builder::TypedValueParser<Value = StrengthDone> {
    use clap::builder::TypedValueParser;
    let names: Vec<&'static str> = StrengthDone::VARIANTS.iter().map(|d| d.into()).collect();
    clap::builder::PossibleValuesParser::new(names).try_map(|name| name.parse::<StrengthDone>())
}

/// `mon` … `sun`, offered to shell completion.
pub(super) fn weekday_parser() -> impl clap::builder::TypedValueParser<Value = Weekday> {
    use clap::builder::TypedValueParser;
    let names: Vec<&'static str> = Weekday::VARIANTS.iter().map(|d| d.into()).collect();
    clap::builder::PossibleValuesParser::new(names).try_map(|name| name.parse::<Weekday>())
}

/// A check-in choice from its name, with the `FromStr` message ("expected one
/// of …") on a bad value, and the names given to clap so shell completion
/// offers them.
#[derive(Clone)]
pub struct ChoiceParser<T>(std::marker::PhantomData<T>);

impl<T> ChoiceParser<T> {
    pub fn new() -> Self {
        ChoiceParser(std::marker::PhantomData)
    }
}

impl<T> clap::builder::TypedValueParser for ChoiceParser<T>
where
    T: Choice + std::str::FromStr<Err = String> + Clone + Send + Sync + 'static,
{
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        text.parse::<T>().map_err(|problem| {
            let arg = arg.map_or_else(|| "the value".to_string(), |a| format!("'{a}'"));
            clap::Error::raw(
                clap::error::ErrorKind::InvalidValue,
                format!("invalid value '{text}' for {arg}: {problem}\n"),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            T::ALL
                .iter()
                .map(|v| clap::builder::PossibleValue::new(v.name())),
        ))
    }
}

pub(super) fn parse_time(text: &str) -> Result<chrono::NaiveTime, String> {
    chrono::NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| "expected a time of day as HH:MM, like 19:00".to_string())
}

/// `--today`: a date, or nothing for an empty `COMEBACK_TODAY=` (unset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today(pub Option<NaiveDate>);

pub(super) fn parse_today(text: &str) -> Result<Today, String> {
    if text.is_empty() {
        Ok(Today(None))
    } else {
        parse_date(text).map(|d| Today(Some(d)))
    }
}

/// One value of `health --set`: a health context, or `none` for no context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HealthChoice {
    Some(Health),
    None,
}

pub(super) fn parse_health(text: &str) -> Result<HealthChoice, String> {
    if text == "none" {
        return Ok(HealthChoice::None);
    }
    text.parse::<Health>()
        .map(HealthChoice::Some)
        .map_err(|e| format!("{e}, or none"))
}
