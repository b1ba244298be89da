//! The sync transaction's durability level, tested on a store.

use super::*;

fn synchronous(store: &Store) -> i64 {
    store
        .conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap_or(-1)
}

/// A sync commits without its own fsync (NORMAL is 1), and the store's
/// own writes afterwards wait for the disk again (FULL is 2), whether
/// the sync went through or failed.
#[test]
fn a_sync_commits_without_its_own_fsync_and_the_stores_writes_keep_theirs() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(dir.path()).expect("a fresh store");
    store
        .set_sync_folder(Some("/nowhere"), "device")
        .expect("a folder joined");
    assert_eq!(synchronous(&store), 2);
    let mut during = Vec::new();
    let went = store.sync_with::<StoreError>(
        "now",
        |_, _, _| None,
        |view| {
            during.push(synchronous(view.store));
            Ok(None)
        },
    );
    assert!(went.is_ok());
    assert_eq!(synchronous(&store), 2);
    let failed = store.sync_with::<StoreError>(
        "now",
        |_, _, _| None,
        |view| {
            during.push(synchronous(view.store));
            Err(StoreError::Declined)
        },
    );
    assert!(failed.is_err());
    assert_eq!(synchronous(&store), 2);
    assert_eq!(during, [1, 1]);
}
