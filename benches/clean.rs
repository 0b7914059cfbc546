//! Criterion benchmarks of `clean_html` and `clean_text`, end to end (parse, score, render the
//! text), on a small, a medium and a large real page each.
//!
//! The pages are the 10th-percentile, median and largest by size of the ScrapingHub dev set
//! (`../shared/corpus/scrapinghub/html` and `text`). Without it, the plain-text fixtures under
//! `tests/fixtures` stand in, and their lines wrapped in `<p>` elements for HTML.
//!
//! ```text
//! cargo bench --bench clean
//! ```

use std::fs;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsclean::Cleaner;

/// The allocator of the `newsclean` command, so that figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A page: (file name, text).
type Page = (String, String);
/// A way to clean a page, returning the length of the text kept.
type Clean = fn(&Cleaner, &str) -> usize;

/// The `*.ext` pages in `dirs`, smallest first.
fn pages(dirs: &[PathBuf], ext: &str) -> Vec<Page> {
    let mut pages: Vec<Page> = dirs
        .iter()
        .filter_map(|dir| fs::read_dir(dir).ok())
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .filter_map(|path| {
            let text = fs::read_to_string(&path).ok()?;
            Some((path.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect();
    pages.sort_by_key(|(name, text)| (text.len(), name.clone()));
    pages
}

/// The small, medium and large page of `pages` (sorted by size).
fn pick(pages: &[Page]) -> Vec<(&'static str, &Page)> {
    let n = pages.len();
    assert!(n > 0, "no pages to benchmark");
    vec![
        ("small", &pages[n / 10]),
        ("medium", &pages[n / 2]),
        ("large", &pages[n - 1]),
    ]
}

/// HTML and plain-text pages: the dev set if present, else the fixtures.
fn corpus() -> (Vec<Page>, Vec<Page>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/corpus/scrapinghub");
    if dev.join("html").is_dir() && dev.join("text").is_dir() {
        return (
            pages(&[dev.join("html")], "html"),
            pages(&[dev.join("text")], "txt"),
        );
    }
    let fixtures = root.join("tests/fixtures");
    let text = pages(&[fixtures.join("seeds"), fixtures.join("lang")], "txt");
    let html = text
        .iter()
        .map(|(name, page)| {
            let body: String = page
                .lines()
                .map(|line| format!("<p>{}</p>\n", escape(line)))
                .collect();
            let html = format!("<!DOCTYPE html><html><body>\n{body}</body></html>\n");
            (name.clone(), html)
        })
        .collect();
    (html, text)
}

/// A page's name, cut to 12 characters (dev-set names are 64-digit hashes).
fn short(name: &str) -> &str {
    &name[..name.floor_char_boundary(12)]
}

fn escape(line: &str) -> String {
    line.replace('&', "&amp;").replace('<', "&lt;")
}

fn bench(c: &mut Criterion) {
    let cleaner = Cleaner::new().expect("the built-in rules compile");
    let (html, text) = corpus();
    let kinds: [(&str, &[Page], Clean); 2] = [
        ("clean_html", &html, |c, page| {
            c.clean_html(page).text().len()
        }),
        ("clean_text", &text, |c, page| {
            c.clean_text(page).text().len()
        }),
    ];
    for (group_name, pages, clean) in kinds {
        let mut group = c.benchmark_group(group_name);
        for (size, (name, page)) in pick(pages) {
            group.throughput(Throughput::Bytes(page.len() as u64));
            let id = format!("{size} ({} kB, {})", page.len() / 1000, short(name));
            group.bench_function(id, |b| b.iter(|| clean(&cleaner, black_box(page))));
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
