//! The shape of a week: which days carry a run, the long run, strength, and
//! full rest, from the runner's long-run day and rest days.
//!
//! Rules (coaching practice as summarised by Daniels and Pfitzinger; the
//! strength placement from joenortonpt.com's progressions):
//! - the long run on the runner's day (Sunday unless they choose);
//! - at least one full rest day: the runner's, or the day after the long run
//!   (the day before it when that is what leaves room for three strength days);
//! - runs spread so as few as possible fall on consecutive days, and not the
//!   day before the long run when it can be avoided;
//! - strength never on consecutive days (across weeks too), never on a rest
//!   day, the long-run day or the day before it; on non-run days first.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A day of the week, as runners type it: `mon` … `sun`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    strum::EnumString,
    strum::Display,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// 0 for Monday … 6 for Sunday.
    fn index(self) -> u64 {
        self as u64
    }

    /// "mon,fri".
    pub fn list(days: &[Weekday]) -> String {
        days.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Which days of a week (0 = the week's first day) carry what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Run days in date order.
    pub runs: Vec<u64>,
    /// The long run's day, one of `runs`.
    pub long: u64,
    /// Strength days.
    pub strength: Vec<u64>,
    /// Full rest days.
    pub rest: Vec<u64>,
}

/// Whether two days of a repeating week are neighbours (Sunday and the next
/// Monday too).
fn adjacent(a: u64, b: u64) -> bool {
    let d = a.abs_diff(b);
    d == 1 || d == 6
}

/// Every way to pick `k` of `days`, in a fixed order.
fn choose(days: &[u64], k: usize) -> Vec<Vec<u64>> {
    (0u32..(1 << days.len()))
        .filter(|mask| mask.count_ones() as usize == k)
        .map(|mask| {
            days.iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, d)| *d)
                .collect()
        })
        .collect()
}

/// The most days in a row among `days` in a repeating week (Sunday runs
/// into the next Monday).
fn longest_streak(days: &[u64]) -> usize {
    if days.len() >= 7 {
        return 7;
    }
    (0..7u64)
        .filter(|d| days.contains(d) && !days.contains(&((d + 6) % 7)))
        .map(|first| {
            (0..7)
                .take_while(|i| days.contains(&((first + i) % 7)))
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// The smallest gap between any two of `days` in a repeating week.
fn narrowest_gap(days: &[u64]) -> u64 {
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    sorted
        .windows(2)
        .map(|w| w[1] - w[0])
        .chain(sorted.first().zip(sorted.last()).map(|(f, l)| 7 - l + f))
        .min()
        .unwrap_or(7)
}

/// The week's days for weeks starting on `start`'s weekday.
pub struct WeekShape {
    /// The long-run day's offset from the week's first day.
    long: u64,
    rest: Vec<u64>,
    strength: Vec<u64>,
    /// The run days for 0 to 7 runs, worked out once.
    runs_by_count: Vec<Vec<u64>>,
    /// The run/walk days for 0 to 7 sessions, worked out once.
    run_walk_by_count: Vec<Vec<u64>>,
}

impl WeekShape {
    /// `runs_per_week` is the most runs any week will have; strength days
    /// are chosen for it once, so they stay put as runs are added.
    pub fn new(
        start: NaiveDate,
        long_day: Weekday,
        rest_days: &[Weekday],
        runs_per_week: usize,
        strength_days: usize,
    ) -> WeekShape {
        let first = u64::from(start.weekday().num_days_from_monday());
        let offset = |day: Weekday| (day.index() + 7 - first) % 7;
        let long = offset(long_day);
        let shape = |mut rest: Vec<u64>| {
            rest.sort_unstable();
            rest.dedup();
            let mut shape = WeekShape {
                long,
                rest,
                strength: Vec::new(),
                runs_by_count: Vec::new(),
                run_walk_by_count: Vec::new(),
            };
            shape.runs_by_count = (0..=7).map(|n| shape.run_days(n)).collect();
            let runs = shape.runs(runs_per_week).to_vec();
            shape.strength = shape.strength_days(&runs, strength_days);
            shape.run_walk_by_count = (0..=7).map(|n| shape.run_walk_days(n)).collect();
            shape
        };
        if !rest_days.is_empty() {
            return shape(rest_days.iter().map(|d| offset(*d)).collect());
        }
        // The day after the long run rests, unless resting the day before it
        // is what makes room for every strength day.
        let after = shape(vec![(long + 1) % 7]);
        if after.strength.len() >= strength_days {
            return after;
        }
        let before = shape(vec![(long + 6) % 7]);
        if before.strength.len() > after.strength.len() {
            before
        } else {
            after
        }
    }

    /// The layout of a week with `count` runs.
    pub fn layout(&self, count: usize) -> Layout {
        Layout {
            runs: self.runs(count).to_vec(),
            long: self.long,
            strength: self.strength.clone(),
            rest: self.rest.clone(),
        }
    }

    /// The run days of a week with `count` runs.
    pub fn runs(&self, count: usize) -> &[u64] {
        &self.runs_by_count[count.min(7)]
    }

    /// The layout of a run/walk week with `count` sessions: no long run, so
    /// the sessions keep a day between where any days allow it, the long
    /// run's day among them where it can be (NHS Couch to 5K: rest days
    /// between; the coach's eleventh review: with rest days chosen, Sunday
    /// and Monday sessions where Monday, Wednesday and Saturday were free).
    pub fn run_walk_layout(&self, count: usize) -> Layout {
        let runs = self.run_walk_by_count[count.min(7)].clone();
        let long = if runs.contains(&self.long) {
            self.long
        } else {
            runs.first().copied().unwrap_or(self.long)
        };
        Layout {
            runs,
            long,
            strength: self.strength.clone(),
            rest: self.rest.clone(),
        }
    }

    fn run_walk_days(&self, count: usize) -> Vec<u64> {
        let free: Vec<u64> = (0..7).filter(|d| !self.rest.contains(d)).collect();
        let mut days = choose(&free, count.min(free.len()))
            .into_iter()
            .min_by_key(|days| {
                let neighbours = choose(days, 2)
                    .iter()
                    .filter(|pair| adjacent(pair[0], pair[1]))
                    .count();
                (
                    neighbours,
                    !days.contains(&self.long),
                    std::cmp::Reverse(narrowest_gap(days)),
                    days.iter().filter(|d| self.strength.contains(d)).count(),
                )
            })
            .unwrap_or_default();
        days.sort_unstable();
        days
    }

    fn run_days(&self, count: usize) -> Vec<u64> {
        let before_long = (self.long + 6) % 7;
        let free: Vec<u64> = (0..7)
            .filter(|d| *d != self.long && !self.rest.contains(d))
            .collect();
        let others = count.saturating_sub(1).min(free.len());
        let best = choose(&free, others)
            .into_iter()
            .min_by_key(|days| {
                let mut all = days.clone();
                all.push(self.long);
                let neighbours = choose(&all, 2)
                    .iter()
                    .filter(|pair| adjacent(pair[0], pair[1]))
                    .count();
                // No more than three run days in a row where the week
                // allows it (the coach's eleventh and twelfth reviews: Sun
                // long run, then Mon, Tue and Wed).
                (
                    longest_streak(&all).max(3),
                    neighbours,
                    days.contains(&before_long),
                    std::cmp::Reverse(narrowest_gap(&all)),
                )
            })
            .unwrap_or_default();
        let mut runs = best;
        runs.push(self.long);
        runs.sort_unstable();
        runs
    }

    fn strength_days(&self, runs: &[u64], count: usize) -> Vec<u64> {
        let before_long = (self.long + 6) % 7;
        let candidates: Vec<u64> = (0..7)
            .filter(|d| *d != self.long && *d != before_long && !self.rest.contains(d))
            .collect();
        (1..=count)
            .rev()
            .find_map(|k| {
                choose(&candidates, k)
                    .into_iter()
                    .filter(|days| choose(days, 2).iter().all(|p| !adjacent(p[0], p[1])))
                    .min_by_key(|days| {
                        let on_runs = days.iter().filter(|d| runs.contains(d)).count();
                        (on_runs, std::cmp::Reverse(narrowest_gap(days)))
                    })
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn the_long_run_falls_on_the_runners_day_whatever_the_start() {
        let wednesday = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let shape = WeekShape::new(wednesday, Weekday::Sun, &[], 4, 2);
        let layout = shape.layout(4);
        assert_eq!(layout.long, 4, "Wed + 4 = Sun");
        assert!(layout.runs.contains(&4));
    }

    #[test]
    fn four_runs_keep_a_rest_day_and_strength_off_the_eve_of_the_long_run() {
        let shape = WeekShape::new(monday(), Weekday::Sun, &[], 4, 2);
        let layout = shape.layout(4);
        assert_eq!(layout.long, 6);
        assert_eq!(layout.rest, vec![0], "Monday after the Sunday long run");
        assert!(!layout.runs.contains(&0));
        assert!(
            !layout.strength.contains(&5),
            "not the day before the long run"
        );
        assert_eq!(layout.strength.len(), 2);
        assert!(!adjacent(layout.strength[0], layout.strength[1]));
    }

    #[test]
    fn six_runs_still_rest_one_day() {
        let shape = WeekShape::new(monday(), Weekday::Sat, &[], 6, 2);
        let layout = shape.layout(6);
        assert_eq!(layout.rest, vec![6], "Sunday, after the Saturday long run");
        assert_eq!(layout.runs, vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(layout.strength.len(), 2);
    }

    #[test]
    fn three_strength_days_rest_the_day_before_the_long_run() {
        let shape = WeekShape::new(monday(), Weekday::Sun, &[], 4, 3);
        let layout = shape.layout(4);
        assert_eq!(layout.rest, vec![5], "Saturday: the only way to fit three");
        assert_eq!(layout.strength.len(), 3);
    }

    #[test]
    fn run_walk_sessions_keep_a_day_between_wherever_the_free_days_allow() {
        // The coach's eleventh review: rest days Tuesday and Friday put
        // run/walk on Sunday and Monday, where Monday, Wednesday and
        // Saturday were free.
        use strum::VariantArray;
        let days = Weekday::VARIANTS;
        for long in days {
            for mask in 0u32..(1 << 7) {
                if mask.count_ones() > 3 {
                    continue;
                }
                let rest: Vec<Weekday> = (0..7)
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| days[i])
                    .collect();
                if rest.contains(long) {
                    continue;
                }
                let shape = WeekShape::new(monday(), *long, &rest, 5, 2);
                let free: Vec<u64> = (0..7).filter(|d| mask & (1 << d) == 0).collect();
                let spaced = |set: &[u64]| choose(set, 2).iter().all(|p| !adjacent(p[0], p[1]));
                let possible = choose(&free, 3).iter().any(|set| spaced(set));
                let layout = shape.run_walk_layout(3);
                assert_eq!(layout.runs.len(), 3);
                assert!(layout.runs.iter().all(|d| free.contains(d)), "{rest:?}");
                if possible {
                    assert!(spaced(&layout.runs), "{long:?} {rest:?}: {:?}", layout.runs);
                }
            }
        }
    }

    #[test]
    fn chosen_rest_days_stay_free() {
        let shape = WeekShape::new(monday(), Weekday::Sun, &[Weekday::Mon, Weekday::Fri], 5, 2);
        let layout = shape.layout(5);
        assert_eq!(layout.rest, vec![0, 4]);
        assert!(layout.runs.iter().all(|d| *d != 0 && *d != 4));
        assert!(layout.strength.iter().all(|d| *d != 0 && *d != 4));
    }
}
