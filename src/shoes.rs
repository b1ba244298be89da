//! Shoes: each pair's distance, counted from the done runs whose check-ins name
//! it (and the runs imported for days without a check-in, for the pair current
//! then), against the template's shoe life (AAPSM: 350–500 miles a pair). Pure.

use crate::checkin::{Assessment, Journal};
use crate::plan::{Distance, Plan, Template, Unit};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A pair of shoes as the runner registered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Shoe {
    pub name: String,
    /// Distance already on the pair when it was added, in the profile's unit.
    #[serde(default)]
    pub start_distance: Distance,
    #[serde(default)]
    pub retired: Option<NaiveDate>,
}

/// Why a pair cannot be added or changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShoeError {
    #[error("shoes '{0}': expected a name of 1 to 60 characters, none of them control characters")]
    Name(String),
    #[error("shoes '{0}': no pair of that name")]
    Unknown(String),
    #[error("shoes '{name}': already retired on {on}")]
    AlreadyRetired { name: String, on: NaiveDate },
    #[error("shoes '{name}': retired {retired}; expected a day from 1900 to today ({today})")]
    Retired {
        name: String,
        retired: NaiveDate,
        today: NaiveDate,
    },
}

impl Shoe {
    /// A new pair; the name is trimmed and must be 1 to 60 characters.
    pub fn new(name: &str, start_distance: Distance) -> Result<Shoe, ShoeError> {
        let name = name.trim();
        check_name(name)?;
        Ok(Shoe {
            name: name.to_string(),
            start_distance,
            retired: None,
        })
    }
}

/// The longest name a pair can have, in characters.
pub const MAX_NAME: usize = 60;

/// A name of 1 to `MAX_NAME` characters with no control characters.
fn check_name(name: &str) -> Result<(), ShoeError> {
    let length = name.chars().count();
    if name.trim() != name
        || !(1..=MAX_NAME).contains(&length)
        || name.chars().any(char::is_control)
    {
        let shown: String = name.chars().take(MAX_NAME).collect();
        return Err(ShoeError::Name(shown));
    }
    Ok(())
}

impl Shoe {
    /// The checks a pair passes whether typed in or imported.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ShoeError> {
        check_name(&self.name)?;
        if let Some(retired) = self.retired
            && (retired > today || retired.year() < 1900)
        {
            return Err(ShoeError::Retired {
                name: self.name.clone(),
                retired,
                today,
            });
        }
        Ok(())
    }
}

/// A pair with the distance it has done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShoeMileage {
    pub name: String,
    pub distance: Distance,
    /// The template's shoe life in the profile's unit.
    pub limit: Distance,
    pub retired: Option<NaiveDate>,
}

impl ShoeMileage {
    pub fn worn_out(&self) -> bool {
        self.retired.is_none() && self.distance >= self.limit
    }

    /// "Pegasus: 412.0 of 400.0 mi".
    pub fn describe(&self, unit: Unit) -> String {
        self.describe_in(unit, None)
    }

    /// The same in `display` (`--unit`), converted from the plan's unit
    /// where they differ: "Pegasus: 663.0 of 643.7 km".
    pub fn describe_in(&self, plan_unit: Unit, display: Option<Unit>) -> String {
        let unit = display.unwrap_or(plan_unit);
        let shown = |d: Distance| {
            if unit == plan_unit {
                d
            } else {
                d.convert_shown(plan_unit, unit)
            }
        };
        let state = match (self.retired, self.worn_out()) {
            (Some(d), _) => format!(" (retired {d})"),
            (None, true) => " (past its life: replace)".to_string(),
            (None, false) => String::new(),
        };
        format!(
            "{}: {} of {} {unit}{state}",
            self.name,
            shown(self.distance),
            shown(self.limit)
        )
    }
}

/// The pair a check-in gets when it names none: the newest pair not retired.
pub fn current(shoes: &[Shoe]) -> Option<&Shoe> {
    shoes.iter().rev().find(|s| s.retired.is_none())
}

/// Every pair's distance: its start distance plus, for each run its
/// check-ins report, the distance actually run where given, else the planned
/// distance (half for a run cut short); and the runs imported from files on
/// days without a check-in, for the pair current that day.
pub fn mileage(
    shoes: &[Shoe],
    plan: &Plan,
    template: &Template,
    journal: &Journal,
    assessment: &Assessment,
) -> Vec<ShoeMileage> {
    let limit =
        Distance::from_value(f64::from(template.shoe_life_km)).convert(Unit::Km, plan.profile.unit);
    // The planned run of each day a pair was worn with no distance given:
    // only those days' weeks are laid out, not ten years of them.
    let mut weeks: Vec<usize> = journal
        .checkins()
        .iter()
        .filter(|c| c.shoes.is_some() && c.actual.as_ref().is_none_or(|a| a.distance.is_none()))
        .filter_map(|c| {
            let i = assessment
                .weeks
                .partition_point(|w| w.start <= c.date)
                .checked_sub(1)?;
            (c.date < assessment.weeks[i].start + chrono::Days::new(7)).then_some(i)
        })
        .collect();
    weeks.dedup();
    let mut run_on = std::collections::HashMap::new();
    for week in weeks
        .into_iter()
        .filter_map(|i| assessment.week(plan, template, i))
    {
        for day in &week.days {
            if let Some(d) = day.runs().find_map(|r| r.distance) {
                run_on.insert(day.date, d);
            }
        }
    }
    // Runs imported from files on days without a check-in count for the
    // pair current that day: the newest not yet retired.
    let mut unlogged: Vec<NaiveDate> = journal
        .runs()
        .iter()
        .map(|r| r.date)
        .filter(|d| journal.on(*d).is_none())
        .collect();
    unlogged.sort_unstable();
    unlogged.dedup();
    let worn_on = |date: NaiveDate| {
        shoes
            .iter()
            .rev()
            .find(|s| s.retired.is_none_or(|r| r > date))
            .map(|s| s.name.as_str())
    };
    shoes
        .iter()
        .map(|shoe| {
            let imported: Distance = unlogged
                .iter()
                .filter(|d| worn_on(**d) == Some(shoe.name.as_str()))
                .filter_map(|d| journal.distance_run_on(*d, plan.profile.unit))
                .sum();
            let done: Distance = imported
                + journal
                    .checkins()
                    .iter()
                    .filter(|c| c.shoes.as_deref() == Some(shoe.name.as_str()))
                    .filter_map(|c| {
                        // The distance actually run, where the runner gave it or a
                        // file recorded it; the planned run otherwise.
                        journal
                            .distance_run_on(c.date, plan.profile.unit)
                            .or_else(|| run_on.get(&c.date).map(|d| d.scale_down(c.run_credit())))
                    })
                    .sum::<Distance>();
            ShoeMileage {
                name: shoe.name.clone(),
                distance: shoe.start_distance + done,
                limit,
                retired: shoe.retired,
            }
        })
        .collect()
}

/// Advice for pairs past their life.
pub fn advice(mileage: &[ShoeMileage], unit: Unit) -> Vec<String> {
    mileage
        .iter()
        .filter(|m| m.worn_out())
        .map(|m| {
            format!(
                "Your shoes '{}' have done {} {unit}, past the {} {unit} a pair lasts: worn cushioning and a changed fit can bring numbness on; replace them.",
                m.name, m.distance, m.limit
            )
        })
        .collect()
}
