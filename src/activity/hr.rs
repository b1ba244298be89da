//! What counts as a heart rate (no strap writes 0, a misreading strap
//! 300) and how samples and TCX laps average into one.

/// Averages outside this are a missing or misreading strap, not a heart rate.
const PLAUSIBLE_BPM: std::ops::RangeInclusive<f64> = 30.0..=250.0;

/// A lap of a TCX activity: its time in seconds, its distance and its
/// average heart rate, as the file says them.
#[derive(Debug, Default, Clone, PartialEq)]
pub(in crate::activity) struct Lap {
    pub seconds: Option<f64>,
    pub distance_m: Option<f64>,
    pub average: Option<f64>,
}

/// An average as comeback keeps it: rounded, or none when implausible.
pub(in crate::activity) fn plausible(average: f64) -> Option<u16> {
    PLAUSIBLE_BPM
        .contains(&average)
        .then(|| average.round() as u16)
}

/// The mean of the samples, zeros (no strap) left out.
pub(in crate::activity) fn mean(samples: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, count) = samples
        .into_iter()
        .filter(|s| *s > 0.0)
        .fold((0.0, 0u32), |(sum, count), s| (sum + s, count + 1));
    (count > 0).then(|| sum / f64::from(count))
}

/// The laps' average heart rates weighted by their time, over the laps
/// that have one (not 0) and a time.
pub(in crate::activity) fn laps_average(laps: &[Lap]) -> Option<f64> {
    let (beats, seconds) = laps
        .iter()
        .filter_map(|lap| match (lap.average?, lap.seconds?) {
            (average, seconds) if average > 0.0 && seconds > 0.0 => {
                Some((average * seconds, seconds))
            }
            _ => None,
        })
        .fold((0.0, 0.0), |(b, s), (lb, ls)| (b + lb, s + ls));
    (seconds > 0.0).then(|| beats / seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_and_implausible_averages_are_none() {
        assert_eq!(plausible(0.0), None);
        assert_eq!(plausible(29.4), None);
        assert_eq!(plausible(251.0), None);
        assert_eq!(plausible(f64::NAN), None);
        assert_eq!(plausible(152.5), Some(153));
    }

    #[test]
    fn a_mean_leaves_zero_samples_out() {
        assert_eq!(mean([0.0, 150.0, 0.0, 160.0]), Some(155.0));
        assert_eq!(mean([0.0, 0.0]), None);
        assert_eq!(mean([]), None);
    }

    #[test]
    fn laps_are_weighted_by_their_time() {
        let lap = |seconds, average| Lap {
            seconds: Some(seconds),
            distance_m: None,
            average,
        };
        let laps = [lap(100.0, Some(140.0)), lap(300.0, Some(160.0))];
        assert_eq!(laps_average(&laps), Some(155.0));
        let laps = [lap(100.0, Some(0.0)), lap(300.0, None)];
        assert_eq!(laps_average(&laps), None);
    }
}
