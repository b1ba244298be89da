//! The synced folder: each device's files, `DEVICE.PART.automerge`, written
//! only by that device (new changes appended, the whole rewritten through
//! a temporary file and a rename now and then), so the sync tool never sees
//! two devices write one file. A part is a year of records (`2026`) or the
//! rest (`main`: the plan and the shoes): a check-in loads and writes its
//! year's part, not ten years, and a folder of ten years holds eleven files
//! a device. Sync tools' temporary files and
//! conflict copies are skipped.

use crate::store::FileMark;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The extension of a device's file.
const EXTENSION: &str = ".automerge";

/// A device's file larger than this is not read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A device's file name as its device and part, or `None` for anything
/// else in the folder.
pub fn device_of(name: &str) -> Option<(&str, &str)> {
    let (device, part) = name.strip_suffix(EXTENSION)?.split_once('.')?;
    let year = part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit());
    (device.len() == 32
        && device.bytes().all(|b| b.is_ascii_hexdigit())
        && (part == "main" || year))
        .then_some((device, part))
}

pub fn own_file(folder: &Path, device: &str, part: &str) -> PathBuf {
    folder.join(format!("{device}.{part}{EXTENSION}"))
}

/// What the folder holds: the other devices' files by name with their
/// part and marks, this device's parts with theirs, and the names of files
/// skipped, with why.
#[derive(Default)]
pub struct Listing {
    pub others: BTreeMap<String, (String, FileMark)>,
    pub own: BTreeMap<String, FileMark>,
    pub skipped: Vec<(String, &'static str)>,
}

/// Lists the folder.
pub fn list(folder: &Path, own: &str) -> std::io::Result<Listing> {
    let mut listing = Listing::default();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.contains(EXTENSION) {
            continue;
        }
        let Some((device, part)) = device_of(&name) else {
            listing.skipped.push((
                name,
                "a sync tool's temporary file or conflict copy, not a device's file: left alone",
            ));
            continue;
        };
        let Ok(meta) = std::fs::metadata(entry.path()) else {
            continue;
        };
        if !meta.is_file() {
            listing.skipped.push((name, "not a regular file"));
            continue;
        }
        if device == own {
            listing.own.insert(part.to_string(), mark(&meta));
        } else {
            let part = part.to_string();
            listing.others.insert(name, (part, mark(&meta)));
        }
    }
    Ok(listing)
}

/// A file's size and modification time (nanoseconds since 1970).
pub fn mark(meta: &std::fs::Metadata) -> FileMark {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    (i64::try_from(meta.len()).unwrap_or(i64::MAX), modified)
}

/// Reads a device's file, up to [`MAX_FILE_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, crate::files::FileError> {
    crate::files::read_bytes(path, MAX_FILE_BYTES)
}

/// Appends `bytes` to this device's file and makes them durable.
pub fn append(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Replaces this device's file with `bytes` (a temporary file beside it,
/// then a rename), so a reader sees the old file or the new one whole.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".comeback-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}
