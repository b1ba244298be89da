//! Fills a data dir with a plan and ten years of realistic daily check-ins, for
//! reproducing the figures in BENCHMARKS.md:
//!
//!     cargo run --release --example fixture -- /tmp/comeback-10y
//!
//! The last day of the ten years is printed; pass it as `--today`.

#[path = "../benches/fixture/mod.rs"]
mod fixture;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = std::env::args_os().nth(1) else {
        return Err("usage: fixture DIR (an empty or missing folder)".into());
    };
    let dir = std::path::PathBuf::from(dir);
    if dir.join(comeback::store::FILE_NAME).exists() {
        return Err(format!(
            "{}: already holds a comeback database; pick an empty folder",
            dir.display()
        )
        .into());
    }
    fixture::fill(&dir);
    println!("{}", fixture::today());
    Ok(())
}
