//! Throughput of the cleaner over a directory of pages, at one thread and at every core.
//!
//! ```text
//! cargo run --release --example throughput -- [DIR…] [--threads N] [--rounds R]
//! ```
//!
//! Every page of each directory (`*.html`, `*.htm`, `*.txt`, gzipped or not) is read into memory
//! first; then all the pages are cleaned end to end (decode, parse, score, render the text) with
//! one [`Cleaner`] shared by a rayon pool of 1 thread, then of `N` (default: every core), `R` times
//! each (default 5). Reported: MB/s (input bytes, 10⁶ per MB) and pages/s of the fastest of the
//! `R` rounds (the one least disturbed by other work on the machine), and the speed-up. Without a
//! directory, the ScrapingHub dev set (`../shared/corpus/scrapinghub/{html,text}`) is used if
//! present, else the fixtures under `tests/fixtures`. Memory comes from mimalloc, the allocator of
//! the `newsclean` command.

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsclean::Cleaner;
use newsclean::batch::{discover, ordered, read};
use rayon::iter::{IntoParallelRefIterator, ParallelIterator};

/// The allocator of the `newsclean` command, so that figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut dirs = Vec::new();
    let mut threads = std::thread::available_parallelism()?.get();
    let mut rounds = 5;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" => threads = args.next().ok_or("--threads N")?.parse()?,
            "--rounds" => rounds = args.next().ok_or("--rounds R")?.parse()?,
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        dirs = default_dirs();
    }
    let cleaner = Cleaner::new()?;
    for dir in &dirs {
        let pages = load(dir)?;
        let bytes: usize = pages.iter().map(Vec::len).sum();
        println!(
            "{}: {} pages, {:.1} MB, fastest of {rounds} rounds",
            dir.display(),
            pages.len(),
            bytes as f64 / 1e6
        );
        let one = fastest_round(&cleaner, &pages, 1, rounds)?;
        let all = fastest_round(&cleaner, &pages, threads, rounds)?;
        for (n, seconds) in [(1, one), (threads, all)] {
            let mb = bytes as f64 / 1e6;
            let count = pages.len() as f64;
            println!(
                "  {n} thread{}: {:7.1} MB/s {:8.1} pages/s",
                if n == 1 { " " } else { "s" },
                mb / seconds,
                count / seconds
            );
        }
        println!("  speed-up at {threads} threads: {:.2}x", one / all);
    }
    Ok(())
}

/// The dev set if it is there, else the fixtures.
fn default_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/corpus/scrapinghub");
    if dev.is_dir() {
        vec![dev.join("html"), dev.join("text")]
    } else {
        vec![root.join("tests/fixtures")]
    }
}

/// Every page under `dir`, as bytes (gunzipped).
fn load(dir: &Path) -> std::io::Result<Vec<Vec<u8>>> {
    discover::discover(&[dir.to_path_buf()], &[], None)
        .iter()
        .map(|input| read::read(&input.path))
        .collect()
}

/// Seconds to clean every page on `threads` threads: the fastest of `rounds` rounds.
fn fastest_round(
    cleaner: &Cleaner,
    pages: &[Vec<u8>],
    threads: usize,
    rounds: usize,
) -> std::io::Result<f64> {
    let pool = ordered::pool(threads)?;
    let mut fastest = f64::INFINITY;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let kept: usize = pool.install(|| {
            pages
                .par_iter()
                .map(|page| cleaner.clean_bytes(page).map_or(0, |o| o.text().len()))
                .sum()
        });
        std::hint::black_box(kept);
        fastest = fastest.min(start.elapsed().as_secs_f64());
    }
    Ok(fastest)
}
