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
