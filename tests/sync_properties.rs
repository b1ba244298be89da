//! Sync converges: random interleavings of writes, undos and syncs across
//! three devices sharing one folder end, once every device has synced, with
//! every device holding the same journal and giving the same verdict.

mod common;

use comeback::checkin::{Cleared, Numbness, SessionDone};
use comeback::comeback::{CheckInFailure, Comeback};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const START: &str = "2026-11-02";

#[derive(Debug, Clone)]
enum Step {
    /// A check-in on one device: its day after the start and its numbness.
    CheckIn {
        device: usize,
        day: u64,
        numbness: u8,
    },
    Undo {
        device: usize,
    },
    Sync {
        device: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..3, 0u64..10, 0u8..=2)
            .prop_map(|(device, day, numbness)| Step::CheckIn { device, day, numbness }),
        1 => (0usize..3).prop_map(|device| Step::Undo { device }),
        3 => (0usize..3).prop_map(|device| Step::Sync { device }),
    ]
}

fn today() -> chrono::NaiveDate {
    common::date(START) + chrono::Days::new(10)
}

fn sync(dir: &Path) {
    comeback::comeback::sync(dir, today())
        .expect("sync runs")
        .expect("a folder is joined");
}

fn apply(dirs: &[PathBuf], step: &Step) {
    match *step {
        Step::CheckIn {
            device,
            day,
            numbness,
        } => {
            let mut c = Comeback::load(&dirs[device]).expect("a plan");
            let mut entry = common::fine(0);
            entry.date = common::date(START) + chrono::Days::new(day);
            entry.session = Some(SessionDone::Done);
            entry.numbness =
                [Numbness::NONE, Numbness::TINGLING, Numbness::PARTLY_NUMB][usize::from(numbness)];
            if numbness > 0 {
                entry.cleared = Some(Cleared::Quickly);
            }
            // (A replacement that would ease open care is refused and
            // writes nothing: care is lifted by a clinician.)
            match c.record(entry, true, today(), "2026-11-12T08:00:00+00:00") {
                Ok(_) | Err(CheckInFailure::LiftsCare { .. }) => {}
                Err(e) => panic!("not recorded: {e}"),
            }
        }
        Step::Undo { device } => {
            let mut c = Comeback::load(&dirs[device]).expect("a plan");
            match c.undo(today(), "2026-11-12T08:00:00+00:00") {
                Ok(_) | Err(CheckInFailure::UndoLiftsCare { .. }) => {}
                Err(e) => panic!("undo did not run: {e}"),
            }
        }
        Step::Sync { device } => sync(&dirs[device]),
    }
}

/// What a device shows: its check-ins and clearances, and the verdict.
fn shown(dir: &Path) -> String {
    let c = Comeback::load(dir).expect("a plan");
    let a = c.assess(today());
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}",
        c.journal.checkins(),
        c.journal.clearances(),
        a.verdict,
        a.decisions
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_order_of_writes_and_syncs_converges_on_every_device(steps in prop::collection::vec(step(), 1..24)) {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("shared");
        std::fs::create_dir(&folder).unwrap();
        let dirs: Vec<PathBuf> = (0..3).map(|i| root.path().join(format!("d{i}"))).collect();
        common::make_plan(&dirs[0], START, START);
        for dir in &dirs {
            comeback::sync::join(dir, &folder).unwrap();
            sync(dir);
        }
        for step in &steps {
            apply(&dirs, step);
        }
        // Everyone syncs, twice round: the last to write is read by all.
        for dir in dirs.iter().chain(dirs.iter()) {
            sync(dir);
        }
        let first = shown(&dirs[0]);
        for dir in &dirs[1..] {
            prop_assert_eq!(&shown(dir), &first);
        }
    }
}
