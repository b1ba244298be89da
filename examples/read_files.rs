//! Prints what comeback reads from each activity file given: start, sport,
//! distance, moving time and heart rate, or why it refuses the file. Used
//! for the table of real watch files in docs/activity-files.md.
//!
//! `cargo run --release --example read_files -- ../shared/real-activities/*`

use comeback::activity::Activity;

fn main() {
    for arg in std::env::args_os().skip(1) {
        let path = std::path::Path::new(&arg);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        match Activity::read(path) {
            Ok(activities) => {
                for a in activities {
                    println!(
                        "{name}\t{}/{}\t{}\t{}\t{:.0} m\t{} s\t{}{}",
                        a.part.0,
                        a.part.1,
                        a.start.format("%Y-%m-%d %H:%M:%S"),
                        a.sport.as_deref().unwrap_or("-"),
                        a.distance_m,
                        a.seconds,
                        a.heart_rate.map_or("-".to_string(), |h| format!("{h} bpm")),
                        a.damage.map(|d| format!("\t({d})")).unwrap_or_default(),
                    );
                }
            }
            Err(e) => println!("{name}\trefused: {e}"),
        }
    }
}
