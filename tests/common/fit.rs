//! A small FIT encoder for fixtures the real files do not cover: the FIT
//! protocol's header, definition and data messages, and its CRC-16 (FIT
//! SDK, "FIT File Protocol"). Shared by the tests and the import bench.
#![allow(dead_code)]

/// Base types (FIT SDK profile, "Base Types").
pub const ENUM: u8 = 0x00;
pub const UINT8: u8 = 0x02;
pub const UINT32: u8 = 0x86;

/// FIT time counts from 1989-12-31 00:00 UTC.
pub fn fit_time(unix: u32) -> u32 {
    unix - 631_065_600
}

/// FIT's CRC-16 (FIT SDK, "FIT File Protocol", CRC section).
fn crc(mut crc: u16, byte: u8) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800,
        0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    for nibble in [byte & 0xF, byte >> 4] {
        let tmp = TABLE[usize::from(crc & 0xF)];
        crc = (crc >> 4) & 0x0FFF;
        crc ^= tmp ^ TABLE[usize::from(nibble)];
    }
    crc
}

/// A FIT file's messages, written one after another.
#[derive(Default)]
pub struct Fit {
    data: Vec<u8>,
}

impl Fit {
    /// A definition message: local type, global message number, fields as
    /// (number, size, base type).
    pub fn define(&mut self, local: u8, global: u16, fields: &[(u8, u8, u8)]) -> &mut Fit {
        self.data.push(0x40 | local);
        self.data.extend([0, 0]);
        self.data.extend(global.to_le_bytes());
        self.data.push(fields.len() as u8);
        for (number, size, base) in fields {
            self.data.extend([*number, *size, *base]);
        }
        self
    }

    /// A data message of local type `local`, its field bytes in the order
    /// defined.
    pub fn data(&mut self, local: u8, bytes: &[u8]) -> &mut Fit {
        self.data.push(local);
        self.data.extend(bytes);
        self
    }

    /// The file: header, messages, CRC.
    pub fn file(&self) -> Vec<u8> {
        let mut file = vec![14, 0x20];
        file.extend(2132u16.to_le_bytes());
        file.extend((self.data.len() as u32).to_le_bytes());
        file.extend(b".FIT");
        let header_crc = file.iter().fold(0, |c, b| crc(c, *b));
        file.extend(header_crc.to_le_bytes());
        file.extend(&self.data);
        let file_crc = file.iter().fold(0, |c, b| crc(c, *b));
        file.extend(file_crc.to_le_bytes());
        file
    }
}

/// A run of `seconds` one-second records from `start_unix` at 3 m/s with
/// heart rates 140–149, and its session, which says its distance only when
/// `session_distance`.
pub fn run(start_unix: u32, seconds: u32, session_distance: bool) -> Vec<u8> {
    let start = fit_time(start_unix);
    let mut fit = Fit::default();
    fit.define(0, 0, &[(0, 1, ENUM)]).data(0, &[4]);
    fit.define(1, 20, &[(253, 4, UINT32), (5, 4, UINT32), (3, 1, UINT8)]);
    for second in 0..seconds {
        let mut bytes = Vec::with_capacity(9);
        bytes.extend((start + second).to_le_bytes());
        bytes.extend((second * 300).to_le_bytes());
        bytes.push(140 + (second % 10) as u8);
        fit.data(1, &bytes);
    }
    let mut fields = vec![
        (253, 4, UINT32),
        (2, 4, UINT32),
        (8, 4, UINT32),
        (5, 1, ENUM),
    ];
    let mut bytes = Vec::new();
    bytes.extend((start + seconds).to_le_bytes());
    bytes.extend(start.to_le_bytes());
    bytes.extend((seconds * 1000).to_le_bytes());
    bytes.push(1); // running
    if session_distance {
        fields.push((9, 4, UINT32));
        bytes.extend((seconds * 300).to_le_bytes());
    }
    fit.define(2, 18, &fields).data(2, &bytes);
    fit.file()
}
