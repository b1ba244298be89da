//! Reading a file the runner names (a plan export, a template, an activity
//! file) without trusting it: only a regular file is opened (a FIFO would
//! hang the read, `/dev/zero` never end), and the read stops at a limit
//! counted in bytes read, not in the size the file claims.

use std::io::Read;
use std::path::Path;

/// Why a named file was not read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read it: {0}")]
    Io(#[from] std::io::Error),
    #[error("not a regular file (a FIFO, a device or a folder): expected a file")]
    NotAFile,
    #[error("over {limit}: expected at most {limit}")]
    TooLarge { limit: String },
    #[error("not UTF-8 text: expected a text file")]
    NotText,
}

/// "64 MB".
fn megabytes(limit: u64) -> String {
    format!("{} MB", limit / (1024 * 1024))
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(FileError::NotAFile);
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge {
            limit: megabytes(limit),
        });
    }
    Ok(bytes)
}

/// The text of the regular file at `path`, at most `limit` bytes of it.
pub fn read_text(path: &Path, limit: u64) -> Result<String, FileError> {
    String::from_utf8(read_bytes(path, limit)?).map_err(|_| FileError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_or_a_folder_is_not_read() {
        assert!(matches!(
            read_bytes(Path::new("/dev/zero"), 1024),
            Err(FileError::NotAFile)
        ));
        assert!(matches!(
            read_bytes(Path::new("."), 1024),
            Err(FileError::NotAFile)
        ));
    }

    #[test]
    fn a_file_past_the_limit_is_refused_by_what_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big");
        std::fs::write(&file, vec![b'x'; 2 * 1024 * 1024 + 1]).unwrap();
        let err = read_bytes(&file, 2 * 1024 * 1024).unwrap_err();
        assert_eq!(err.to_string(), "over 2 MB: expected at most 2 MB");
        assert_eq!(
            read_bytes(&file, 3 * 1024 * 1024).unwrap().len(),
            2 * 1024 * 1024 + 1
        );
    }
}
