//! What a file's sport makes of an activity: a run (also trail, track and
//! treadmill running, and a file that names no sport), or cross-training of
//! one of the check-in's kinds; a sport comeback does not know is
//! cross-training of the kind "other", never a run.

use crate::checkin::CrossKind;

/// A run, or cross-training of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Run,
    Cross(CrossKind),
}

/// The kind of the sport `said` ("cycling", "running, treadmill",
/// "Biking"): the sub-sport after a comma decides when it names a kind.
pub fn kind(said: Option<&str>) -> Kind {
    let Some(said) = said.map(normal).filter(|s| !s.is_empty()) else {
        return Kind::Run;
    };
    let mut words = said.split(',').map(str::trim);
    let sport = words.next().unwrap_or_default();
    words
        .find_map(sub_kind)
        .or_else(|| sport_kind(sport))
        .unwrap_or(Kind::Cross(CrossKind::Other))
}

/// Lower case, '_' and '-' read as spaces.
fn normal(said: &str) -> String {
    said.trim().to_lowercase().replace(['_', '-'], " ")
}

/// A sub-sport that says the kind whatever the sport (a FIT
/// `fitness_equipment` session on a treadmill or an elliptical).
fn sub_kind(sub: &str) -> Option<Kind> {
    Some(match sub {
        "treadmill" | "indoor running" | "trail" => Kind::Run,
        "indoor cycling" | "spin" | "virtual ride" => Kind::Cross(CrossKind::Bike),
        "lap swimming" | "open water" => Kind::Cross(CrossKind::Swim),
        "indoor walking" => Kind::Cross(CrossKind::Walk),
        "indoor rowing" => Kind::Cross(CrossKind::Row),
        "elliptical" => Kind::Cross(CrossKind::Elliptical),
        _ => return None,
    })
}

/// The kind a sport's name says; the numbers are Strava's GPX types.
fn sport_kind(sport: &str) -> Option<Kind> {
    Some(match sport.replace(' ', "").as_str() {
        "running" | "run" | "trailrunning" | "trailrun" | "treadmillrunning" | "treadmill"
        | "virtualrun" | "indoorrunning" | "trackrunning" | "generic" | "9" => Kind::Run,
        "cycling" | "biking" | "bike" | "ride" | "roadcycling" | "roadbiking"
        | "mountainbiking" | "mountainbikeride" | "ebiking" | "ebikeride" | "virtualride"
        | "indoorcycling" | "gravelcycling" | "gravelride" | "1" => Kind::Cross(CrossKind::Bike),
        "swimming" | "swim" | "lapswimming" | "openwaterswimming" => Kind::Cross(CrossKind::Swim),
        "walking" | "walk" | "hiking" | "hike" | "indoorwalking" => Kind::Cross(CrossKind::Walk),
        "rowing" | "row" | "indoorrowing" => Kind::Cross(CrossKind::Row),
        "elliptical" => Kind::Cross(CrossKind::Elliptical),
        _ => return None,
    })
}

/// "a ride", "a hike", "an elliptical session", "an activity of another
/// sport" for cross-training of `kind`, the sport said `said`.
pub fn words(kind: CrossKind, said: &str) -> &'static str {
    match kind {
        CrossKind::Bike => "a ride",
        CrossKind::Swim => "a swim",
        CrossKind::Walk if normal(said).contains("hik") => "a hike",
        CrossKind::Walk => "a walk",
        CrossKind::Row => "a row",
        CrossKind::Elliptical => "an elliptical session",
        CrossKind::Other => "an activity of another sport",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_runs_and_the_rest_cross_training() {
        let k = |s: Option<&str>| kind(s);
        for run in [
            None,
            Some(""),
            Some("Running"),
            Some("running, treadmill"),
            Some("Run"),
        ] {
            assert_eq!(k(run), Kind::Run, "{run:?}");
        }
        assert_eq!(k(Some("fitness equipment, treadmill")), Kind::Run);
        assert_eq!(k(Some("Biking")), Kind::Cross(CrossKind::Bike));
        assert_eq!(k(Some("cycling, track")), Kind::Cross(CrossKind::Bike));
        assert_eq!(
            k(Some("swimming, lap swimming")),
            Kind::Cross(CrossKind::Swim)
        );
        assert_eq!(k(Some("hiking")), Kind::Cross(CrossKind::Walk));
        assert_eq!(
            k(Some("fitness_equipment, elliptical")),
            Kind::Cross(CrossKind::Elliptical)
        );
        assert_eq!(k(Some("Other")), Kind::Cross(CrossKind::Other));
        assert_eq!(k(Some("transition")), Kind::Cross(CrossKind::Other));
        assert_eq!(words(CrossKind::Walk, "hiking"), "a hike");
    }
}
