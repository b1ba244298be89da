//! Importing a two-hour FIT file (7,200 one-second records) as a whole
//! process, `comeback activities import --dry-run` (target: under 30 ms).
//! The file is written here by a small FIT encoder (the FIT protocol's
//! header, definition and data messages, and its CRC-16).

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::process::Command;

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

/// A definition message: local type, global message number, fields as
/// (number, size, base type).
fn definition(out: &mut Vec<u8>, local: u8, global: u16, fields: &[(u8, u8, u8)]) {
    out.push(0x40 | local);
    out.extend([0, 0]);
    out.extend(global.to_le_bytes());
    out.push(fields.len() as u8);
    for (number, size, base) in fields {
        out.extend([*number, *size, *base]);
    }
}

/// A two-hour run from 2026-11-25 07:00 UTC: 7,200 records of time,
/// distance (3 m/s) and heart rate, then its session.
fn two_hour_run() -> Vec<u8> {
    const UINT8: u8 = 0x02;
    const UINT32: u8 = 0x86;
    const ENUM: u8 = 0x00;
    // FIT time counts from 1989-12-31 00:00 UTC.
    let start = 1_795_590_000u32 - 631_065_600;
    let mut data = Vec::new();
    definition(&mut data, 0, 0, &[(0, 1, ENUM)]);
    data.extend([0, 4]);
    definition(
        &mut data,
        1,
        20,
        &[(253, 4, UINT32), (5, 4, UINT32), (3, 1, UINT8)],
    );
    for second in 0..7_200u32 {
        data.push(1);
        data.extend((start + second).to_le_bytes());
        data.extend((second * 300).to_le_bytes());
        data.push(140 + (second % 10) as u8);
    }
    definition(
        &mut data,
        2,
        18,
        &[
            (253, 4, UINT32),
            (2, 4, UINT32),
            (8, 4, UINT32),
            (9, 4, UINT32),
            (16, 1, UINT8),
        ],
    );
    data.push(2);
    data.extend((start + 7_200).to_le_bytes());
    data.extend(start.to_le_bytes());
    data.extend(7_200_000u32.to_le_bytes());
    data.extend(2_160_000u32.to_le_bytes());
    data.push(145);

    let mut file = vec![14, 0x20];
    file.extend(2132u16.to_le_bytes());
    file.extend((data.len() as u32).to_le_bytes());
    file.extend(b".FIT");
    let header_crc = file.iter().fold(0, |c, b| crc(c, *b));
    file.extend(header_crc.to_le_bytes());
    file.extend(data);
    let file_crc = file.iter().fold(0, |c, b| crc(c, *b));
    file.extend(file_crc.to_le_bytes());
    file
}

fn comeback(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_comeback"));
    cmd.env_remove("COMEBACK_DATA_DIR")
        .env("TZ", "UTC")
        .arg("--data-dir")
        .arg(dir)
        .arg("--today")
        .arg("2026-11-30");
    cmd
}

fn bench_import(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let made = comeback(dir.path())
        .args([
            "new",
            "--layoff",
            "3w",
            "--weekly",
            "25",
            "--runs",
            "4",
            "--start",
            "2026-11-23",
        ])
        .output()
        .expect("comeback runs");
    assert!(made.status.success());
    let file = dir.path().join("two-hours.fit");
    std::fs::write(&file, two_hour_run()).expect("written");
    let check = comeback(dir.path())
        .args(["activities", "import", "--dry-run"])
        .arg(&file)
        .output()
        .expect("comeback runs");
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(
        said.contains("13.4 mi in 120 min, HR 145"),
        "{said}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    c.bench_function(
        "import a two-hour FIT file (7,200 records), whole process",
        |b| {
            b.iter(|| {
                let out = comeback(dir.path())
                    .args(["activities", "import", "--dry-run"])
                    .arg(&file)
                    .output()
                    .expect("comeback runs");
                assert!(out.status.success());
            })
        },
    );
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
