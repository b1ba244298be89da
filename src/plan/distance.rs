//! Distances kept as whole hundredths of the profile's unit, so the generator's caps
//! (1.1x, 35%) are checked on exact numbers and a 10% step moves even a short run;
//! shown with one decimal.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Add, Sub};
use std::str::FromStr;

/// Miles or kilometres.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Mi,
    Km,
}

const KM_PER_MI: f64 = 1.609_344;

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Mi => "mi",
            Unit::Km => "km",
        }
    }
}

impl Unit {
    /// How many of this unit make one `other`: 1.609 km in a mile.
    pub fn per(self, other: Unit) -> f64 {
        match (self, other) {
            (Unit::Km, Unit::Mi) => KM_PER_MI,
            (Unit::Mi, Unit::Km) => 1.0 / KM_PER_MI,
            _ => 1.0,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Unit {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "mi" => Ok(Unit::Mi),
            "km" => Ok(Unit::Km),
            other => Err(format!("unit '{other}': expected mi or km")),
        }
    }
}

/// A non-negative distance in hundredths of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Distance(u32);

impl Distance {
    pub const ZERO: Distance = Distance(0);

    pub fn from_hundredths(hundredths: u32) -> Self {
        Distance(hundredths)
    }

    /// Rounds to the nearest hundredth; negative and non-finite values become zero.
    pub fn from_value(value: f64) -> Self {
        if value.is_finite() && value > 0.0 {
            Distance((value * 100.0).round().min(f64::from(u32::MAX)) as u32)
        } else {
            Distance(0)
        }
    }

    pub fn hundredths(self) -> u32 {
        self.0
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// `self * ratio`, rounded down to a hundredth, so a capped distance never
    /// exceeds its cap.
    pub fn scale_down(self, ratio: f64) -> Self {
        Distance((f64::from(self.0) * ratio + 1e-9).floor().max(0.0) as u32)
    }

    /// The same distance expressed in another unit.
    /// `self` in `to`, rounded once, from the exact value, to the tenth it
    /// is shown with (5.0 mi is 8.0 km, not 8.05 rounded again to 8.1).
    pub fn convert_shown(self, from: Unit, to: Unit) -> Self {
        let exact = match (from, to) {
            (Unit::Mi, Unit::Km) => self.value() * KM_PER_MI,
            (Unit::Km, Unit::Mi) => self.value() / KM_PER_MI,
            _ => self.value(),
        };
        Distance::from_value((exact * 10.0).round() / 10.0)
    }

    pub fn convert(self, from: Unit, to: Unit) -> Self {
        match (from, to) {
            (Unit::Mi, Unit::Km) => Distance::from_value(self.value() * KM_PER_MI),
            (Unit::Km, Unit::Mi) => Distance::from_value(self.value() / KM_PER_MI),
            _ => self,
        }
    }
}

impl Add for Distance {
    type Output = Distance;
    fn add(self, rhs: Distance) -> Distance {
        Distance(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Distance {
    type Output = Distance;
    fn sub(self, rhs: Distance) -> Distance {
        Distance(self.0.saturating_sub(rhs.0))
    }
}

impl std::iter::Sum for Distance {
    fn sum<I: Iterator<Item = Distance>>(iter: I) -> Distance {
        iter.fold(Distance::ZERO, Add::add)
    }
}

impl fmt::Display for Distance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}", self.value())
    }
}

impl Serialize for Distance {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.value())
    }
}

impl<'de> Deserialize<'de> for Distance {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        if (0.0..=100_000.0).contains(&value) {
            Ok(Distance::from_value(value))
        } else {
            Err(serde::de::Error::custom(format!(
                "distance {value}: expected a number from 0 to 100000"
            )))
        }
    }
}

impl schemars::JsonSchema for Distance {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Distance".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A distance in the profile's unit, to a hundredth.",
            "type": "number",
            "minimum": 0,
            "maximum": 100000
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_down_never_exceeds_the_exact_product() {
        assert_eq!(Distance::from_hundredths(33).scale_down(1.1), Distance(36));
        assert_eq!(Distance::from_hundredths(9).scale_down(1.1), Distance(9));
        assert_eq!(
            Distance::from_hundredths(100).scale_down(1.1),
            Distance(110)
        );
    }

    #[test]
    fn converts_between_miles_and_kilometres() {
        let ten_mi = Distance::from_value(10.0);
        assert_eq!(ten_mi.convert(Unit::Mi, Unit::Km).to_string(), "16.1");
    }

    #[test]
    fn a_shown_conversion_rounds_once() {
        // 5.0 mi is 8.047 km: 8.0, not 8.05 rounded again to 8.1.
        let five_mi = Distance::from_value(5.0);
        assert_eq!(five_mi.convert_shown(Unit::Mi, Unit::Km).to_string(), "8.0");
        assert_eq!(five_mi.convert_shown(Unit::Mi, Unit::Mi).to_string(), "5.0");
    }

    #[test]
    fn shows_one_decimal() {
        assert_eq!(Distance::from_value(3.26).to_string(), "3.3");
        assert_eq!(Distance::from_value(12.0).to_string(), "12.0");
    }
}
