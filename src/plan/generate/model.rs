//! The return model's numbers for one profile: how much of the old week
//! each day of the return holds (Daniels' stages, by the layoff), how long
//! the first week's runs may be, which run/walk rung a long break starts
//! on, and the limits every run keeps. Pure arithmetic, no weeks yet.
//!
//! Every number moves smoothly with the layoff — a ramp between the
//! anchors a coach gave, never a step — so one more day off never makes
//! the return more than a week longer (`tests/plan_model.rs` sweeps every
//! layoff from 0 to 800 days for a spread of runners).

use super::super::{Interval, LayoffBand, Profile, Template};

/// Distances are planned in tenths of the unit (hundredths internally).
pub(super) const TENTH: u32 = 10;

/// The old long run lends a week its length while it lies within 30 days of
/// every day of that week (Frandsen et al. 2025, BJSM, PMID 40623829),
/// fading (by equal ratios a day) from all of it towards the first week's
/// runs over the 13 days before it leaves the window: week two after 6 days
/// off leans on it for three quarters of the way, after 16 days on none,
/// and one more day off changes little (over 11 days, one more day off
/// could cost a runner two weeks: `tests/plan_model.rs`).
const OLD_RUN_FADE_DAYS: f64 = 13.0;

/// The first week's runs as a share of the usual everyday run, and at most
/// so many minutes, by days off: anchors from the coach's second review
/// (DOMAIN.md §2: about 0.8x and 60 min after 2–4 weeks, 0.7x and 45 min
/// after a month), joined by straight lines (the minutes by equal ratios a
/// day) from the long run's 150 minutes at 5 days off (straight back) to
/// 80 minutes at two weeks and 60 from four: no day off cuts the first runs
/// by more than about 7%, less than the week of growth it costs (steeper,
/// one day more off cost some runners two weeks: rule 1). Towards eight weeks
/// off the cap comes down to 30 minutes: where run/walk leads a longer
/// layoff (physio return-to-run: 30 minutes continuous before adding
/// distance).
const FIRST_WEEK_SHARE: [(f64, f64); 4] = [(5.0, 1.0), (14.0, 0.8), (28.0, 0.8), (35.0, 0.7)];
const FIRST_WEEK_MINUTES: [(f64, f64); 6] = [
    (5.0, 150.0),
    (14.0, 80.0),
    (28.0, 60.0),
    (35.0, 45.0),
    (42.0, 45.0),
    (56.0, 30.0),
];

/// Over 8 weeks off, run/walk starts from the hardest rung whose running
/// blocks are at most this long (seconds), by days off: the top rung (30 min
/// continuous) just past 8 weeks (one week of run/walk more than 8 weeks
/// off), runs of 5 min at 10 weeks, 3 min at 16 weeks, the bottom rung from
/// 6 months (DESIGN.md §2 v3, rule 4; the US Army return-to-run trial,
/// Trials 2023). Equal ratios a day: a rung a week more as the layoff
/// grows, never two at once.
const RUN_WALK_BLOCK: [(f64, f64); 4] =
    [(57.0, 1800.0), (70.0, 300.0), (112.0, 180.0), (182.0, 60.0)];

/// The first week back has at most this many runs, by days off: the
/// runner's own count just after 5 days, four from two weeks (physio
/// return-to-run: 3–4 times a week), one fewer at a time in between.
const FIRST_WEEK_MOST_RUNS: [(f64, f64); 2] = [(5.0, 6.0), (14.0, 4.0)];

/// A 5th or 6th run joins only once runs last this long (physio
/// return-to-run: 30 min continuous, 3–4 times a week, before adding days).
pub(super) const MINUTES_BEFORE_MORE_RUNS: f64 = 30.0;

/// Everyday runs never exceed this multiple of the goal week's even share
/// (DESIGN.md §2 v3, rule 3).
const EVERYDAY_OVER_EVEN_SHARE: f64 = 1.2;

/// A week of few runs gives the long run up to this multiple of an even
/// share, so it stays the week's longest.
const LONG_OVER_EVEN_SHARE: f64 = 1.2;

/// Days past a band's end over which the band before it fades out.
const BAND_BLEND_DAYS: f64 = 21.0;

/// The model's numbers for one profile, in hundredths of its unit.
#[derive(Debug, Clone)]
pub(super) struct Model {
    /// Over the last band's days off, the run/walk rung the return starts
    /// on; the distance weeks after it are those of a layoff at the band's
    /// end (`return_layoff`), so the two roads join.
    pub run_walk_from: Option<usize>,
    /// The layoff the distance weeks are planned for.
    pub return_layoff: u32,
    /// Minutes per unit at the runner's easy pace after the layoff.
    pub minutes_per_unit: f64,
    /// The old week, or the goal when it is lower.
    pub old_week: u32,
    pub goal: u32,
    /// Runs a week at the goal: the runner's, or fewer when the goal week
    /// is too small for that many runs of the shortest length.
    pub runs: usize,
    /// The shortest run worth lacing up for.
    pub min_run: u32,
    /// The runner's everyday run before the layoff: an even share of the
    /// old week over the runs asked, never over the longest run given.
    pub usual: u32,
    /// The longest any run may be (150 min at an easy pace, 20 mi / 32 km).
    pub long_limit: u32,
    /// The longest an everyday run may be.
    pub everyday_limit: u32,
    /// The old long run before the layoff.
    pub old_long: u32,
    /// The long run of the goal week.
    pub goal_long: u32,
    /// The long run's share of a week (Daniels 25–30%).
    pub long_share: f64,
    /// Every run of the first week back at most this long; `None` after
    /// up to 5 days off (straight back).
    pub first_cap: Option<u32>,
    /// The most runs the first week back has, by days off: a fraction
    /// between two counts holds the week to that many runs at the cap (so
    /// one more day off never takes a whole run off the week), spread over
    /// the count above it.
    pub first_runs: f64,
    /// The staged return of the layoff's band, and of the band before it
    /// with how much of it still counts (a layoff just past a band's end
    /// returns almost as the shorter band would).
    pub staged: Staged,
    pub staged_before: Option<(Staged, f64)>,
}

/// A staged return: fractions of the old week, one after another over
/// `days` days, then 100%.
#[derive(Debug, Clone, Default)]
pub(super) struct Staged {
    pub steps: Vec<f64>,
    pub days: f64,
}

impl Staged {
    fn on(&self, day: f64) -> f64 {
        if self.steps.is_empty() || day >= self.days {
            return 1.0;
        }
        let each = self.days / self.steps.len() as f64;
        self.steps[((day / each) as usize).min(self.steps.len() - 1)]
    }
}

impl Model {
    pub fn new(profile: &Profile, template: &Template, minutes_per_unit: f64) -> Model {
        let unit = profile.unit;
        let asked = usize::from(profile.runs_per_week).max(1);
        // Weeks are planned in tenths: the goal too (9.66 is held as 9.6).
        let goal = floor_tenth(profile.goal_weekly.hundredths());
        let old_week = floor_tenth(profile.weekly_before.hundredths().min(goal));
        // A longest run given is the runner's own: no run is made longer
        // than it reaches by 1.1x (a coach's seventh review: 2 mi runs
        // after a longest of 1.5).
        let given = profile
            .longest_run
            .map(|l| floor_tenth(l.hundredths()).max(TENTH));
        // The shortest run worth lacing up for, never longer than the
        // runner's own longest (their normal week is the goal's shape: a
        // coach's seventh review found a runner of six 1.3-mile runs, with
        // a longest of 1.5, given three runs and fourteen weeks back after
        // no days off).
        let shortest = match profile.easy_pace_before() {
            // At least the minutes: rounded up.
            Some(_) => (f64::from(template.run_length.min_minutes) / minutes_per_unit * 100.0)
                .ceil() as u32,
            None => hundredths(template.run_length.min_distance.get(unit)),
        }
        .min(given.unwrap_or(u32::MAX));
        // No run under the shortest: a goal week too small for its long
        // run's share and the runs asked beside it at that length has
        // fewer, never under three, so the long run stands out (DOMAIN.md
        // §2, run lengths a coach accepts: fewer runs a week instead; a
        // coach's sixth review found six 1.5-mile runs, and six of 2.0 with
        // no long run). A week too small for three has three of an even
        // share.
        let beside = f64::from(goal) * (1.0 - template.long_run.share);
        let fit = 1 + (beside / f64::from(tenth_up(shortest).max(TENTH))) as usize;
        let runs = asked.min(fit.max(3));
        let min_run = tenth_up(shortest).min(floor_tenth(old_week / runs as u32).max(TENTH));
        let per_minute = |minutes: f64| (minutes / minutes_per_unit * 100.0) as u32;
        let long_limit = floor_tenth(
            per_minute(f64::from(template.long_run.max_minutes))
                .min(hundredths(template.long_run.max_distance.get(unit))),
        );
        let even_goal = f64::from(goal) / runs as f64;
        let everyday_limit = floor_tenth(
            ((even_goal * EVERYDAY_OVER_EVEN_SHARE) as u32)
                .min(hundredths(template.run_length.max_distance.get(unit)))
                .min(long_limit),
        );
        // The usual everyday run, never over the longest run given (a
        // coach's seventh review: a longest of 4.4 after 6 days off had
        // first-week runs of 6.1, the even share of the week).
        let usual =
            (profile.weekly_before.hundredths() / asked as u32).min(given.unwrap_or(u32::MAX));
        let layoff = profile.layoff_days;
        let band_end = template.layoff_bands.last().map_or(0, |b| b.up_to_days);
        let run_walk_from = (layoff > band_end)
            .then(|| entry_rung(&template.run_walk_ladder, layoff, profile.cross_trained));
        let return_layoff = layoff.min(band_end);
        let (staged, staged_before) = staged_return(template, return_layoff, profile.cross_trained);
        let mut model = Model {
            run_walk_from,
            return_layoff,
            minutes_per_unit,
            old_week,
            goal,
            runs,
            min_run,
            usual,
            long_limit,
            everyday_limit,
            old_long: 0,
            goal_long: 0,
            long_share: template.long_run.share,
            first_cap: first_week_cap(return_layoff, usual, minutes_per_unit),
            first_runs: ramp(&FIRST_WEEK_MOST_RUNS, f64::from(return_layoff.max(6))),
            staged,
            staged_before,
        };
        // The old week's and the goal week's long runs leave their other
        // runs the shortest length.
        let others_at_least = min_run * (runs as u32 - 1);
        let before = profile.weekly_before.hundredths();
        // The old long run: the runner's longest of the month before, or,
        // not given, the even share of the old week over the runs it was
        // run in, so the long run leads from the everyday run at 1.1x (a
        // coach's sixth review: a 30% long run assumed for a runner of
        // even days gave week 2 a run 1.75x any before it).
        let old_long = profile
            .longest_run
            .map_or(before / asked as u32, |l| l.hundredths());
        model.old_long = floor_tenth(old_long)
            .min(long_limit)
            .min(floor_tenth(before.saturating_sub(others_at_least)))
            .max(min_run);
        model.goal_long = model
            .long_for(goal, runs)
            .min(floor_tenth(goal.saturating_sub(others_at_least)))
            .max(min_run);
        model
    }

    /// Minutes of a run of `hundredths`, at the easy pace.
    /// The first week back's runs at most this many minutes by the layoff
    /// alone (the time ramp of [`first_week_cap`], without its share of
    /// the usual run); no limit up to 5 days off.
    pub fn first_week_minutes(&self) -> f64 {
        match self.return_layoff {
            0..=5 => f64::INFINITY,
            days => ramp_log(&FIRST_WEEK_MINUTES, f64::from(days)),
        }
    }

    pub fn minutes(&self, hundredths: u32) -> f64 {
        f64::from(hundredths) / 100.0 * self.minutes_per_unit
    }

    /// The distance of `minutes` of running at the easy pace.
    pub fn distance_of(&self, minutes: f64) -> u32 {
        (minutes / self.minutes_per_unit * 100.0).max(0.0) as u32
    }

    /// The long run of a week of `week` hundredths over `runs` runs: its
    /// share of the week (the share a week of the runner's usual runs
    /// gives it), at least an even share, within the limit.
    pub fn long_for(&self, week: u32, runs: usize) -> u32 {
        let usual = self.runs as f64;
        let share = self.long_share.max(LONG_OVER_EVEN_SHARE.min(usual) / usual);
        let even = f64::from(week) / runs.max(1) as f64;
        floor_tenth((f64::from(week) * share).max(even).min(f64::from(week)) as u32)
            .min(self.long_limit)
    }

    /// The longest the long run and the everyday runs ever get.
    pub fn ceilings(&self) -> (u32, u32) {
        let long = self.long_limit.min(self.goal_long.max(self.everyday_limit));
        (long.max(self.min_run), self.everyday_limit.min(long))
    }

    /// Whether `runs` runs, each at its longest, fall short of a week of
    /// `week`: it needs another run.
    pub fn needs_runs(&self, runs: usize, week: u32) -> bool {
        let (long, everyday) = self.ceilings();
        let most = long + everyday * runs.saturating_sub(1) as u32;
        runs < self.runs && most < week
    }

    /// The share of the old week the return holds on day `day` (0 = the
    /// first day of the return).
    pub fn fraction_on(&self, day: f64) -> f64 {
        let this = self.staged.on(day);
        match &self.staged_before {
            Some((before, share)) => this * (1.0 - share) + before.on(day) * share,
            None => this,
        }
    }

    /// The mean share of the old week over the seven days from `first_day`.
    pub fn week_fraction(&self, first_day: u32) -> f64 {
        (0..7)
            .map(|d| self.fraction_on(f64::from(first_day + d)))
            .sum::<f64>()
            / 7.0
    }

    /// How much of the old long run's length week `week` (1-based) of a
    /// return that starts `days_before_start` days after the layoff ends
    /// may still lean on, 0 to 1.
    pub fn old_long_weight(&self, week: u32, days_before_start: u32) -> f64 {
        // The week's last day is this many days after the old long run.
        let age = f64::from(self.return_layoff + days_before_start + 7 * week);
        ((30.0 - age) / OLD_RUN_FADE_DAYS).clamp(0.0, 1.0)
    }
}

/// The staged return of `template`'s band for `layoff` days, and the band
/// before it with the share it still has. Daniels gives half the return
/// period to each of 50% and 75% after up to 4 weeks off, and about two
/// weeks to each of 33%, 50% and 75% after 4–8 weeks; the return period
/// here is the layoff itself (so 6 weeks off gives two weeks each), up to
/// 9 weeks (three weeks each, Daniels' over-8-weeks stages). A band with
/// `weeks_each` keeps that many weeks a step. Cross-training moves the
/// runner one stage on (vdoto2.com: VDOT kept at 28 days .965 cross-trained
/// vs .931).
fn staged_return(
    template: &Template,
    layoff: u32,
    cross_trained: bool,
) -> (Staged, Option<(Staged, f64)>) {
    let bands = &template.layoff_bands;
    let index = bands
        .iter()
        .position(|b| layoff <= b.up_to_days)
        .unwrap_or(bands.len().saturating_sub(1));
    let staged = |band: &LayoffBand| {
        if band.steps.is_empty() {
            return Staged::default();
        }
        let steps = band.steps.len() as f64;
        let days = match band.weeks_each {
            Some(weeks) => f64::from(weeks) * 7.0 * steps,
            None => f64::from(layoff).min(63.0),
        };
        let skip = usize::from(cross_trained);
        let kept = band.steps[skip.min(band.steps.len())..].to_vec();
        Staged {
            days: days * kept.len() as f64 / steps,
            steps: kept,
        }
    };
    let Some(band) = bands.get(index) else {
        return (Staged::default(), None);
    };
    let before = index
        .checked_sub(1)
        .and_then(|i| bands.get(i))
        .map(|previous| {
            let past = f64::from(layoff.saturating_sub(previous.up_to_days));
            let share = (1.0 - past / BAND_BLEND_DAYS).clamp(0.0, 1.0);
            (staged(previous), share)
        })
        .filter(|(_, share)| *share > 0.0);
    (staged(band), before)
}

/// Every run of the first week back at most this long, after 6 days off or
/// more (`None` up to 5 days: straight back, Daniels).
fn first_week_cap(layoff: u32, usual: u32, minutes_per_unit: f64) -> Option<u32> {
    if layoff <= 5 {
        return None;
    }
    let days = f64::from(layoff);
    let share = ramp(&FIRST_WEEK_SHARE, days);
    let minutes = ramp_log(&FIRST_WEEK_MINUTES, days);
    // (+1e-6: the log ramp gives 44.99999 for 45 minutes.)
    let by_time = (minutes / minutes_per_unit * 100.0 + 1e-6) as u32;
    Some(floor_tenth(
        ((f64::from(usual) * share) as u32).min(by_time),
    ))
}

/// The rung of `ladder` a layoff of `layoff` days starts run/walk from;
/// cross-training starts one rung higher.
pub(super) fn entry_rung(ladder: &[Interval], layoff: u32, cross_trained: bool) -> usize {
    let block = ramp_log(&RUN_WALK_BLOCK, f64::from(layoff)) + 1e-6;
    let rung = ladder
        .iter()
        .rposition(|r| f64::from(r.run_seconds) <= block)
        .unwrap_or(0);
    let rung = rung + usize::from(cross_trained);
    rung.min(ladder.len().saturating_sub(1))
}

/// `hundredths * ratio`, rounded down.
pub(super) fn scaled(hundredths: u32, ratio: f64) -> u32 {
    (f64::from(hundredths) * ratio + 1e-9).floor().max(0.0) as u32
}

/// The value at `x` of the broken line through `points` (flat beyond its
/// ends).
fn ramp(points: &[(f64, f64)], x: f64) -> f64 {
    let Some(&(x0, y0)) = points.first() else {
        return 0.0;
    };
    if x <= x0 {
        return y0;
    }
    for pair in points.windows(2) {
        let ((a, ya), (b, yb)) = (pair[0], pair[1]);
        if x <= b {
            return ya + (yb - ya) * (x - a) / (b - a);
        }
    }
    points.last().map_or(y0, |p| p.1)
}

/// The same broken line through the logarithms of the values: each day
/// moves the value by the same ratio, so a cap never falls by more in a
/// day at its low end than at its high end.
fn ramp_log(points: &[(f64, f64)], x: f64) -> f64 {
    let logs: Vec<(f64, f64)> = points.iter().map(|(x, y)| (*x, y.ln())).collect();
    ramp(&logs, x).exp()
}

/// A value in the unit as hundredths.
fn hundredths(value: f64) -> u32 {
    (value * 100.0).round().max(0.0) as u32
}

/// Rounds hundredths down to a tenth.
pub(super) fn floor_tenth(hundredths: u32) -> u32 {
    hundredths / TENTH * TENTH
}

/// Rounds hundredths up to a tenth.
pub(super) fn tenth_up(hundredths: u32) -> u32 {
    hundredths.div_ceil(TENTH) * TENTH
}

/// The longest a run may be after a 30-day longest of `longest`: `ratio`
/// times it, to the tenth below; runs under a whole unit, whose tenth of
/// growth is more than 10%, may still grow by the smallest step shown.
pub(super) fn lead_by(longest: u32, ratio: f64) -> u32 {
    floor_tenth(scaled(longest, ratio)).max(floor_tenth(longest) + TENTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramps_join_their_anchors_with_straight_or_log_lines() {
        assert_eq!(ramp(&FIRST_WEEK_MINUTES, 0.0), 150.0);
        assert_eq!(ramp(&FIRST_WEEK_MINUTES, 28.0), 60.0);
        assert_eq!(ramp(&FIRST_WEEK_MINUTES, 14.0), 80.0);
        assert!((ramp_log(&FIRST_WEEK_MINUTES, 9.5) - 109.54).abs() < 0.01);
        assert_eq!(ramp(&FIRST_WEEK_MINUTES, 49.0), 37.5);
        assert_eq!(ramp(&FIRST_WEEK_MINUTES, 400.0), 30.0);
    }

    #[test]
    fn up_to_five_days_off_has_no_first_week_cap() {
        assert_eq!(first_week_cap(5, 500, 10.0), None);
        assert_eq!(first_week_cap(6, 1000, 10.0), Some(970), "0.98x");
        assert_eq!(first_week_cap(30, 1000, 10.0), Some(550), "55 min");
        assert_eq!(first_week_cap(35, 1000, 10.0), Some(450), "45 min");
    }
}
