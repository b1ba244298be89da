//! A count with its noun in the right number ("1 file", "3 files"): the
//! plainest text helper, below every module that says how many.

/// "1 file" or "3 files".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What an import brought: "2 runs", "1 run and 1 cross-training session",
/// "1 cross-training session".
pub fn imported(runs: usize, cross: usize) -> String {
    let cross_words = count(cross, "cross-training session", "cross-training sessions");
    match (runs, cross) {
        (_, 0) => count(runs, "run", "runs"),
        (0, _) => cross_words,
        _ => format!("{} and {cross_words}", count(runs, "run", "runs")),
    }
}
