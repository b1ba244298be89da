//! The real binary in a pseudo-terminal: onboarding, a one-key check-in, quit,
//! and the terminal back in cooked mode afterwards; and the same after a panic
//! inside the terminal session.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Screen {
    parser: vt100::Parser,
    output: mpsc::Receiver<Vec<u8>>,
    raw: Vec<u8>,
}

impl Screen {
    /// Reads output until `needle` is on screen, or fails after a while.
    fn wait_for(&mut self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.parser.screen().contents().contains(needle) {
                return;
            }
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
        }
        panic!(
            "'{needle}' never appeared; the screen:\n{}",
            self.parser.screen().contents()
        );
    }

    /// Everything the process wrote until it closed the terminal.
    fn drain(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            match self.output.recv_timeout(Duration::from_millis(100)) {
                Ok(bytes) => self.raw.extend_from_slice(&bytes),
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
        String::from_utf8_lossy(&self.raw).into_owned()
    }
}

type Child = Box<dyn portable_pty::Child + Send + Sync>;

/// Waits for the process to end; kills it and fails after a while, so a
/// test whose keys left the app open fails instead of hanging.
fn ended(child: &mut Child) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return status.success();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    panic!("the app was still running 20 s after the last key");
}

/// Runs `script` under `sh -c` in a 100x30 pseudo-terminal.
fn spawn(script: &str) -> (Screen, Box<dyn Write + Send>, Child) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", script]);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("COMEBACK_DATA_DIR");
    cmd.env_remove("COMEBACK_TODAY");
    let child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _master = pty.master;
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let screen = Screen {
        parser: vt100::Parser::new(30, 100, 0),
        output: rx,
        raw: Vec::new(),
    };
    (screen, writer, child)
}

/// What `stty -a` printed after `marker`, checked for cooked mode.
fn assert_cooked(output: &str, marker: &str) {
    let stty = output.rsplit(marker).next().unwrap();
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon"),
        "not cooked: {stty}"
    );
    assert!(
        stty.contains(" echo ") && !stty.contains("-echo "),
        "no echo: {stty}"
    );
}

#[test]
fn onboarding_a_check_in_and_quit_leave_the_terminal_in_cooked_mode() {
    let data = tempfile::tempdir().unwrap();
    let script = format!(
        "'{}' --data-dir '{}' --today 2026-11-23; echo \"exit=$?\"; stty -a",
        env!("CARGO_BIN_EXE_comeback"),
        data.path().display()
    );
    let (mut screen, mut writer, mut child) = spawn(&script);
    let mut keys = |bytes: &[u8]| {
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    };
    screen.wait_for("New plan");
    screen.wait_for("Preview");
    // Down to Save, the form's last field.
    for _ in 0..comeback::tui::app::Field::ALL.len() - 1 {
        keys(b"\x1b[B");
        std::thread::sleep(Duration::from_millis(20));
    }
    keys(b"\r");
    screen.wait_for("Plan saved");
    screen.wait_for("Monday 23 November 2026");
    keys(b"0");
    screen.wait_for("Saved Mon 23 Nov: no numbness; rest day");
    keys(b"q");
    let rest = screen.drain();
    assert!(ended(&mut child));
    assert!(rest.contains("exit=0"), "{rest}");
    assert_cooked(&rest, "exit=0");

    let conn = rusqlite::Connection::open(data.path().join("comeback.db")).unwrap();
    let count: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM checkins WHERE date = '2026-11-23'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(count, 1);
}

#[test]
fn a_panic_inside_the_terminal_session_leaves_the_terminal_in_cooked_mode() {
    // The example panics inside `comeback::tui::with_terminal`, the session the
    // TUI runs in.
    let built = std::process::Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--example", "tui_panic"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(built.success());
    let target = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| format!("{}/target", env!("CARGO_MANIFEST_DIR")));
    let example = format!("{target}/debug/examples/tui_panic");
    let (mut screen, _writer, mut child) =
        spawn(&format!("'{example}'; echo \"exit=$?\"; stty -a"));
    let rest = screen.drain();
    assert!(child.wait().unwrap().success(), "the shell itself");
    assert!(rest.contains("a bug in a screen"), "{rest}");
    assert!(rest.contains("exit=101"), "{rest}");
    assert_cooked(&rest, "exit=101");
}

/// A data dir with a plan from Mon 23 Nov 2026 after three weeks off, 25 mi
/// over 4 runs (week 1 runs Tue, Thu and Sun).
fn three_weeks_off() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_comeback"))
        .args(["--data-dir"])
        .arg(data.path())
        .args(["new", "--layoff", "3w", "--weekly", "25", "--runs", "4"])
        .args(["--start", "2026-11-23", "--today", "2026-11-23"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    data
}

/// Opens the app on `today` over a three-weeks-off plan, sends `steps`
/// (keys to press, then text to wait for), leaves the numbers step and the
/// strength question with Esc, quits, checks the terminal is cooked again
/// and returns the dates with a check-in.
fn session(today: &str, steps: &[(&[u8], &str)]) -> Vec<String> {
    let (data, bin) = (three_weeks_off(), env!("CARGO_BIN_EXE_comeback"));
    let script = format!(
        "'{bin}' --data-dir '{}' --today {today}; echo \"exit=$?\"; stty -a",
        data.path().display()
    );
    let (mut screen, mut writer, mut child) = spawn(&script);
    let mut keys = |bytes: &[u8]| {
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(50));
    };
    for (press, then) in steps {
        keys(press);
        screen.wait_for(then);
    }
    // A run day: the numbers step follows; Esc leaves them out. Strength is
    // planned that day too: the question follows; Esc leaves it out.
    screen.wait_for("What you ran");
    keys(b"\x1b");
    screen.wait_for("Strength session done?");
    keys(b"\x1b");
    screen.wait_for("Strength left out");
    keys(b"q");
    let rest = screen.drain();
    assert!(ended(&mut child));
    assert_cooked(&rest, "exit=0");
    let conn = rusqlite::Connection::open(data.path().join("comeback.db")).unwrap();
    conn.prepare("SELECT date FROM checkins ORDER BY date")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_missed_day_is_filled_in_from_the_week_strip_in_a_real_terminal() {
    let dates = session(
        "2026-11-25",
        &[
            (b"", "No check-in for"),
            (b"\x1b[D", "Mon 23"),
            (b"\r", "Check-in for Tue 24 Nov"),
            (b"\r", "Saved Tue 24 Nov"),
        ],
    );
    assert_eq!(dates, ["2026-11-24"]);
}

#[test]
fn zero_then_esc_on_a_run_day_keeps_the_check_in_in_a_real_terminal() {
    // Tue 24 Nov is a run day of week 1.
    let dates = session(
        "2026-11-24",
        &[
            (b"", "Tuesday 24 November 2026"),
            (b"0", "Saved Tue 24 Nov"),
        ],
    );
    assert_eq!(dates, ["2026-11-24"], "the check-in stays after Esc");
}
