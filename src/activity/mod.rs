//! Activities recorded by a watch or phone: GPX and TCX files read in one
//! streaming pass with `quick-xml`, FIT files with `fitparser`'s stream
//! processor, into what comeback keeps of them —
//! when each started, what sport the file says it was, how far, for how long
//! (moving), and the average heart rate where the file has one. A file may
//! hold several (a triathlon's sessions, a TCX's activities): each is read.
//! No store here: `comeback` records what this reads.

use crate::files::{self, FileError};
use chrono::{DateTime, Utc};
use std::io::Read;
use std::path::Path;

mod fit;
mod gpx;
mod hr;
mod sport;
mod tcx;
mod xml;

pub use sport::{Kind, words as activity_words};

/// Files larger than this are refused before they are read: a two-hour FIT
/// file is well under 1 MB; a GPX of a long day a few MB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One recorded activity: a session of a FIT file, an activity of a TCX, the
/// tracks of a GPX that say the same sport.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub start: DateTime<Utc>,
    pub distance_m: f64,
    /// Moving time in seconds.
    pub seconds: u32,
    pub heart_rate: Option<u16>,
    /// The file's SHA-256, hex: the same file is imported once. The second
    /// and later activities of a file add "-N", N their place in it.
    pub hash: String,
    /// The sport as the file says it (FIT sport and sub-sport, TCX `Sport`,
    /// GPX track `type`), when it says one.
    pub sport: Option<String>,
    /// Its place in the file, from 1, and how many the file holds.
    pub part: (usize, usize),
    /// Where a damaged file stopped being read (the activity is what came
    /// before), said to the runner with the run.
    pub damage: Option<String>,
}

/// Why a file gives no activity.
#[derive(Debug, thiserror::Error)]
pub enum ActivityError {
    #[error("cannot read it: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    File(#[from] FileError),
    #[error("{size}: expected at most 64 MB")]
    TooLarge { size: String },
    #[error(
        "{}: expected a .gpx, .tcx or .fit file (or one gzipped: .fit.gz)",
        if .0.is_empty() { "no extension".to_string() } else { format!("'.{}'", .0) }
    )]
    Kind(String),
    #[error("not a readable gzip file: {0}")]
    Gzip(String),
    #[error("not a readable {kind} file: {problem}")]
    Damaged { kind: &'static str, problem: String },
    #[error("no track with times in it")]
    NoTrack,
    #[error(
        "its clock says {0}: the watch's time was never set (or is relative to the device); expected a date from 2000 on"
    )]
    Clock(String),
}

/// A file's format by its name: the extension, lowercase, and whether it is
/// gzipped ("run.fit.gz" is a FIT, gzipped; Strava's bulk export names them
/// so).
pub fn format_of(path: &Path) -> (String, bool) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let (name, gzipped) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let extension = Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    (extension, gzipped)
}

/// The earliest start a file's clock is believed for.
fn earliest_clock() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(946_684_800, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Whether `path` names an activity file comeback reads (gzipped or not).
pub fn is_activity_file(path: &Path) -> bool {
    matches!(format_of(path).0.as_str(), "gpx" | "tcx" | "fit")
}

/// The bytes a gzip stream holds, read as they unpack and refused past the
/// 64 MB a file may have (a small file that unpacks without end is refused,
/// not read into memory).
fn gunzip(packed: impl Read) -> Result<Vec<u8>, ActivityError> {
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(std::io::BufReader::new(packed))
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ActivityError::Gzip(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ActivityError::TooLarge {
            size: "over 64 MB unpacked".into(),
        });
    }
    Ok(bytes)
}

/// An activity file read into memory (unpacked when gzipped), with its
/// hash: whether it was imported before is known before it is parsed.
pub struct ActivityFile {
    bytes: Vec<u8>,
    extension: String,
    /// The SHA-256 of its (unpacked) bytes, hex.
    pub hash: String,
}

impl ActivityFile {
    /// Reads the file at `path`, its kind by its extension.
    pub fn open(path: &Path) -> Result<ActivityFile, ActivityError> {
        let size = std::fs::metadata(path)?.len();
        if size > MAX_FILE_BYTES {
            return Err(ActivityError::TooLarge {
                size: format!("{:.1} GB", size as f64 / 1e9),
            });
        }
        let (extension, gzipped) = format_of(path);
        if !matches!(extension.as_str(), "gpx" | "tcx" | "fit") {
            return Err(ActivityError::Kind(extension));
        }
        let bytes = if gzipped {
            if !std::fs::metadata(path)?.is_file() {
                return Err(FileError::NotAFile.into());
            }
            gunzip(std::fs::File::open(path)?)?
        } else {
            files::read_bytes(path, MAX_FILE_BYTES)?
        };
        use sha2::Digest;
        let hash = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(ActivityFile {
            bytes,
            extension,
            hash,
        })
    }

    /// Every activity in the file, in the file's order.
    pub fn activities(&self) -> Result<Vec<Activity>, ActivityError> {
        let mut activities = match self.extension.as_str() {
            "gpx" => gpx::read(&self.bytes)?,
            "tcx" => tcx::read(&self.bytes)?,
            "fit" => fit::read(&self.bytes)?,
            other => return Err(ActivityError::Kind(other.to_string())),
        };
        if activities.is_empty() {
            return Err(ActivityError::NoTrack);
        }
        // A clock that was never set: a FIT with device-relative times (a
        // Forerunner 70 reads as 1990) or a GPX stamped with the 32-bit
        // time_t minimum (1901). No run of a comeback started before 2000.
        if let Some(early) = activities.iter().map(|a| a.start).min()
            && early < earliest_clock()
        {
            return Err(ActivityError::Clock(early.format("%Y-%m-%d").to_string()));
        }
        let count = activities.len();
        for (i, activity) in activities.iter_mut().enumerate() {
            activity.part = (i + 1, count);
            activity.hash = match i {
                0 => self.hash.clone(),
                _ => format!("{}-{}", self.hash, i + 1),
            };
        }
        Ok(activities)
    }
}

impl Activity {
    /// Reads every activity in the file at `path`, its kind by its
    /// extension, in the file's order.
    pub fn read(path: &Path) -> Result<Vec<Activity>, ActivityError> {
        ActivityFile::open(path)?.activities()
    }

    /// What comeback makes of it: a run, or cross-training of a kind.
    pub fn kind(&self) -> Kind {
        sport::kind(self.sport.as_deref())
    }
}

fn damaged(kind: &'static str, problem: impl ToString) -> ActivityError {
    ActivityError::Damaged {
        kind,
        problem: problem.to_string(),
    }
}
