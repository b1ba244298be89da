//! The synced folder: one file per device, `DEVICE.automerge`, each written
//! only by its device (new changes appended, the whole rewritten through a
//! temporary file and a rename now and then), so the sync tool never sees
//! two devices write one file. Sync tools' temporary files and conflict
//! copies are skipped.

use crate::store::FileMark;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The extension of a device's file.
const EXTENSION: &str = ".automerge";

/// A device's file larger than this is not read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A device's file name, or `None` for anything else in the folder.
pub fn device_of(name: &str) -> Option<&str> {
    let device = name.strip_suffix(EXTENSION)?;
    (device.len() == 32 && device.bytes().all(|b| b.is_ascii_hexdigit())).then_some(device)
}

pub fn own_file(folder: &Path, device: &str) -> PathBuf {
    folder.join(format!("{device}{EXTENSION}"))
}

/// What the folder holds besides this device's file: the other devices'
/// files with their marks, and the names of files skipped, with why.
pub struct Listing {
    pub devices: BTreeMap<String, FileMark>,
    pub skipped: Vec<(String, &'static str)>,
}

/// Lists the folder.
pub fn list(folder: &Path, own: &str) -> std::io::Result<Listing> {
    let mut listing = Listing {
        devices: BTreeMap::new(),
        skipped: Vec::new(),
    };
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.contains(EXTENSION) {
            continue;
        }
        let Some(device) = device_of(&name) else {
            listing.skipped.push((
                name,
                "a sync tool's temporary file or conflict copy, not a device's file: left alone",
            ));
            continue;
        };
        if device == own {
            continue;
        }
        let Ok(meta) = std::fs::metadata(entry.path()) else {
            continue;
        };
        if !meta.is_file() {
            listing.skipped.push((name, "not a regular file"));
            continue;
        }
        listing.devices.insert(name, mark(&meta));
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
