//! Heart rate the `gpx` and `tcx` crates do not give: a second pass over
//! the XML with `quick-xml`, by local element name so any namespace prefix
//! (`gpxtpx:`, `ns3:`, none) reads the same; and what counts as a heart rate
//! (no strap writes 0).

use quick_xml::Reader;
use quick_xml::events::Event;

/// Averages outside this are a missing or misreading strap, not a heart rate.
const PLAUSIBLE_BPM: std::ops::RangeInclusive<f64> = 30.0..=250.0;

/// A lap of a TCX activity: its time in seconds and its average heart rate,
/// as the file says them.
#[derive(Debug, Default, Clone, PartialEq)]
pub(in crate::activity) struct Lap {
    pub seconds: Option<f64>,
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

/// Per GPX `<trk>`, in order, the heart rates its track points carry (an
/// `hr` element anywhere inside a `trkpt`, e.g. Garmin's
/// TrackPointExtension). None when the XML cannot be read.
pub(in crate::activity) fn gpx_tracks(bytes: &[u8]) -> Option<Vec<Vec<f64>>> {
    let mut tracks: Vec<Vec<f64>> = Vec::new();
    walk(bytes, |path, text| match (path, text) {
        ([.., "gpx", "trk"], None) => tracks.push(Vec::new()),
        ([.., "hr"], Some(text)) if path.contains(&"trkpt") => {
            if let (Some(track), Ok(bpm)) = (tracks.last_mut(), text.parse()) {
                track.push(bpm);
            }
        }
        _ => {}
    })?;
    Some(tracks)
}

/// Per TCX `<Activity>`, in order, its laps. None when the XML cannot be
/// read.
pub(in crate::activity) fn tcx_laps(bytes: &[u8]) -> Option<Vec<Vec<Lap>>> {
    let mut activities: Vec<Vec<Lap>> = Vec::new();
    walk(bytes, |path, text| {
        let lap = activities.last_mut().and_then(|a| a.last_mut());
        match (path, text, lap) {
            ([.., "Activities", "Activity"], None, _) => activities.push(Vec::new()),
            ([.., "Activities", "Activity", "Lap"], None, _) => {
                if let Some(activity) = activities.last_mut() {
                    activity.push(Lap::default());
                }
            }
            ([.., "Lap", "TotalTimeSeconds"], Some(text), Some(lap)) => {
                lap.seconds = text.parse().ok();
            }
            ([.., "Lap", "AverageHeartRateBpm", "Value"], Some(text), Some(lap)) => {
                lap.average = text.parse().ok();
            }
            _ => {}
        }
    })?;
    Some(activities)
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

/// Calls `visit` with the path of local names at each element's start
/// (text none) and at each piece of text inside one (trimmed). None when
/// the XML cannot be read.
fn walk(bytes: &[u8], mut visit: impl FnMut(&[&str], Option<&str>)) -> Option<()> {
    let mut reader = Reader::from_reader(bytes);
    let mut names: Vec<String> = Vec::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => {
                names.push(e.local_name().into_inner().to_string());
                visit(&paths(&names), None);
            }
            Event::Empty(e) => {
                names.push(e.local_name().into_inner().to_string());
                visit(&paths(&names), None);
                names.pop();
            }
            Event::End(_) => {
                names.pop();
            }
            Event::Text(t) => {
                let text = t.trim();
                if !text.is_empty() {
                    visit(&paths(&names), Some(text));
                }
            }
            Event::Eof => return Some(()),
            _ => {}
        }
    }
}

fn paths(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
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
    fn gpx_hr_is_read_whatever_its_prefix() {
        let xml = br#"<gpx><trk><trkseg>
            <trkpt><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
            <trkpt><extensions><ns3:TrackPointExtension><ns3:hr>160</ns3:hr></ns3:TrackPointExtension></extensions></trkpt>
            <trkpt><extensions><hr>170</hr></extensions></trkpt><trkpt/>
            </trkseg></trk><trk/><metadata><hr>99</hr></metadata></gpx>"#;
        assert_eq!(
            gpx_tracks(xml),
            Some(vec![vec![150.0, 160.0, 170.0], vec![]])
        );
    }

    #[test]
    fn laps_are_weighted_by_their_time() {
        let lap = |seconds, average| Lap {
            seconds: Some(seconds),
            average,
        };
        let laps = [lap(100.0, Some(140.0)), lap(300.0, Some(160.0))];
        assert_eq!(laps_average(&laps), Some(155.0));
        let laps = [lap(100.0, Some(0.0)), lap(300.0, None)];
        assert_eq!(laps_average(&laps), None);
    }
}
