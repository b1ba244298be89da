//! How long the terminal UI takes to show its first frame, as a runner sees
//! it: the real binary in a pseudo-terminal, timed from spawn to the first
//! screen with the day's header on it, against `echo` spawned the same way
//! (the floor: a process start and a write). Figures in BENCHMARKS.md:
//!
//!     cargo run --release --example fixture -- /tmp/comeback-10y
//!     cargo build --release
//!     cargo run --release --example first_frame -- /tmp/comeback-10y 2036-11-20
//!
//! `COMEBACK_BIN=path` times another build of the binary instead;
//! `COMEBACK_BIN_B=path` and a second data dir time a second build in the
//! same rounds (an A/B). The app is timed to the frame's last line, the
//! not-medical-advice notice, so the whole first frame has arrived.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::time::{Duration, Instant};

/// Spawns `program args` in an 80x24 pseudo-terminal and returns the time
/// until its output contains `needle`.
fn time_to(
    program: &str,
    args: &[&str],
    needle: &str,
) -> Result<Duration, Box<dyn std::error::Error>> {
    let pty = native_pty_system().openpty(PtySize {
        rows: 24,
        cols: 80,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd)?;
    let mut reader = pty.master.try_clone_reader()?;
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    let took = loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            return Err(format!("{program} ended before '{needle}'").into());
        }
        seen.extend_from_slice(&buf[..n]);
        if String::from_utf8_lossy(&seen).contains(needle) {
            break start.elapsed();
        }
    };
    child.kill()?;
    let _ = child.wait();
    Ok(took)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, today, other) = match args.as_slice() {
        [dir, today] => (dir, today, None),
        [dir, today, other_dir] => (dir, today, Some(other_dir)),
        _ => {
            return Err(
                "usage: first_frame DATA_DIR TODAY [OTHER_DATA_DIR] (from the fixture \
                        example; OTHER_DATA_DIR for COMEBACK_BIN_B)"
                    .into(),
            );
        }
    };
    let bin = std::env::var("COMEBACK_BIN")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/comeback").into());
    // A second build, timed in the same rounds (an A/B), over its own copy
    // of the data (each build keeps its own assessment).
    let other = std::env::var("COMEBACK_BIN_B").ok().zip(other);
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(60);
    // The frame's last line, so the whole first frame has arrived.
    let needle = "medical advice";
    let (mut app, mut app_b, mut echo) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        echo.push(time_to("echo", &["comeback"], "comeback")?);
        app.push(time_to(
            &bin,
            &["--data-dir", dir, "--today", today],
            needle,
        )?);
        if let Some((bin_b, dir_b)) = &other {
            app_b.push(time_to(
                bin_b,
                &["--data-dir", dir_b, "--today", today],
                needle,
            )?);
        }
    }
    let echo = median(echo);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    for (name, times) in [("A", app), ("B", app_b)] {
        if times.is_empty() {
            continue;
        }
        let frame = median(times);
        println!(
            "{name}: first frame {:.2} ms, echo {:.2} ms: {:.2} ms over the floor (median of {runs})",
            ms(frame),
            ms(echo),
            ms(frame.saturating_sub(echo))
        );
    }
    Ok(())
}
