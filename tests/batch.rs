//! Integration tests of `newsclean batch`: the built binary over directories and streams.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const EXIT_PARTIAL: i32 = 3;
const EXIT_USAGE: i32 = 2;

fn newsclean() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsclean"))
}

/// `newsclean batch PAGES --out OUT EXTRA…`, ready to run.
fn batch_into(pages: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut command = newsclean();
    command
        .arg("batch")
        .arg(pages)
        .arg("--out")
        .arg(out)
        .args(extra);
    command
}

fn run(mut command: Command) -> Output {
    command.output().expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The plain-text fixture pages: (name, text).
fn fixture_pages() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pages = Vec::new();
    for dir in ["seeds", "lang"] {
        let mut paths: Vec<PathBuf> = fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            pages.push((name, fs::read_to_string(&path).unwrap()));
        }
    }
    pages
}

/// A plain-text page as HTML: a menu, its lines as paragraphs, a footer.
fn as_html(text: &str) -> String {
    let body: String = text
        .lines()
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Page</title></head><body>\n\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/s\">Sport</a></li></ul></nav>\n\
         <article>{body}</article>\n<footer><p>© 2024 Example News. All rights reserved.</p></footer>\n\
         </body></html>\n"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A tree of `copies` × the fixture pages: text, HTML and gzipped HTML, in nested directories.
fn page_tree(root: &Path, copies: usize) -> usize {
    let mut count = 0;
    for copy in 0..copies {
        for (name, text) in fixture_pages() {
            let dir = root.join(format!("set{copy:02}/{name}"));
            fs::create_dir_all(dir.join("nested")).unwrap();
            fs::write(dir.join("page.txt"), &text).unwrap();
            fs::write(dir.join("nested/page.html"), as_html(&text)).unwrap();
            fs::write(
                dir.join("nested/other.htm.gz"),
                gzip(as_html(&text).as_bytes()),
            )
            .unwrap();
            count += 3;
        }
    }
    count
}

/// Every file under `dir` (relative path → bytes), the report's timings taken out.
fn outputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let name = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let mut bytes = fs::read(entry.path()).unwrap();
            if name == "report.jsonl" {
                bytes = without_timings(&bytes).into_bytes();
            }
            files.insert(name, bytes);
        }
    }
    files
}

/// Report lines with their `ms` field removed.
fn without_timings(report: &[u8]) -> String {
    report_lines(report)
        .into_iter()
        .map(|mut line| {
            line.as_object_mut()
                .unwrap()
                .remove("ms")
                .expect("every line has ms");
            line.to_string() + "\n"
        })
        .collect()
}

fn report_lines(report: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(report)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn bad_inputs_are_reported_and_every_good_page_is_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    let (_, text) = &fixture_pages()[0];
    fs::create_dir_all(pages.join("a/b")).unwrap();
    fs::write(pages.join("good.txt"), text).unwrap();
    fs::write(pages.join("a/b/deep.html"), as_html(text)).unwrap();
    fs::write(pages.join("empty.txt"), "").unwrap();
    fs::write(
        pages.join("binary.html"),
        [0u8, 1, 2, 3, 0, 0, 255, 0].repeat(64),
    )
    .unwrap();
    fs::write(pages.join("notes.md"), "not a page").unwrap();
    let unreadable = pages.join("unreadable.txt");
    make_unreadable(&unreadable);
    let out = dir.path().join("out");

    let output = run(batch_into(&pages, &out, &[]));

    assert_eq!(
        output.status.code(),
        Some(EXIT_PARTIAL),
        "{}",
        stderr(&output)
    );
    let report = report_lines(&fs::read(out.join("report.jsonl")).unwrap());
    let by_name: BTreeMap<String, &Value> = report
        .iter()
        .map(|r| {
            let path = Path::new(r["path"].as_str().unwrap());
            (
                path.strip_prefix(&pages)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                r,
            )
        })
        .collect();
    assert_eq!(
        by_name.keys().collect::<Vec<_>>(),
        [
            "a/b/deep.html",
            "binary.html",
            "empty.txt",
            "good.txt",
            "unreadable.txt"
        ]
    );
    for good in ["good.txt", "a/b/deep.html"] {
        let record = by_name[good];
        assert_eq!(record.get("error"), None, "{good}");
        assert!(record["kept"].as_u64().unwrap() > 0, "{good}");
        assert!(record["dropped_by_category"].is_object());
        assert!(record["charset"].is_string() && record["ms"].is_number());
    }
    assert!(fs::read_to_string(out.join("good.txt")).unwrap().len() > 100);
    assert!(
        fs::read_to_string(out.join("good.diff"))
            .unwrap()
            .starts_with("--- ")
    );
    assert!(out.join("a/b/deep.txt").is_file() && out.join("a/b/deep.diff").is_file());
    assert_eq!(
        by_name["a/b/deep.html"]["title"], "Page",
        "the report carries the page's metadata"
    );
    let err = stderr(&output);
    for bad in ["binary.html", "empty.txt", "unreadable.txt"] {
        let record = by_name[bad];
        assert!(record["error"].is_string(), "{bad}: {record}");
        assert!(err.contains(bad), "stderr names {bad}: {err}");
        let stem = bad.split('.').next().unwrap();
        assert!(
            !out.join(format!("{stem}.txt")).exists(),
            "no output for {bad}"
        );
    }
    assert!(
        by_name["binary.html"]["error"]
            .as_str()
            .unwrap()
            .contains("not text")
    );
    assert!(err.contains("5 inputs: 2 ok, 3 failed"), "{err}");
    assert!(
        !out.join(".newsclean-tmp").exists(),
        "the staging directory is gone"
    );
}

/// Makes `path` an input that cannot be read: a file without permissions, or, where permissions
/// do not stop reading (as root), a link to nowhere.
fn make_unreadable(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::write(path, "secret").unwrap();
        fs::set_permissions(path, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(path).is_ok() {
            fs::remove_file(path).unwrap();
            std::os::unix::fs::symlink("nowhere.txt", path).unwrap();
        }
    }
    #[cfg(not(unix))]
    fs::create_dir(path).unwrap();
}

#[test]
fn outputs_do_not_depend_on_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    let count = page_tree(&pages, 1);
    fs::write(pages.join("empty.html"), "").unwrap();
    let mut results = Vec::new();
    for jobs in ["1", "2"] {
        let out = dir.path().join(format!("out{jobs}"));
        let output = run(batch_into(&pages, &out, &["--jobs", jobs]));
        assert_eq!(
            output.status.code(),
            Some(EXIT_PARTIAL),
            "{}",
            stderr(&output)
        );
        results.push(outputs(&out));
    }
    let report = &results[0]["report.jsonl"];
    assert_eq!(report.iter().filter(|&&b| b == b'\n').count(), count + 1);
    assert_eq!(
        results[0].len(),
        2 * count + 1,
        "a text and a diff per good page"
    );
    assert!(
        results[0] == results[1],
        "outputs differ between --jobs 1 and --jobs 2"
    );
}

#[test]
fn json_format_without_diffs() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    let count = page_tree(&pages, 1);
    let out = dir.path().join("out");
    let output = run(batch_into(&pages, &out, &["--format", "json", "--no-diff"]));
    assert!(output.status.success(), "{}", stderr(&output));
    let files = outputs(&out);
    assert_eq!(files.len(), count + 1);
    let page: Value = serde_json::from_slice(&files["set00/en/nested/page.json"]).unwrap();
    assert!(page["blocks"].as_array().unwrap().len() > 3);
    assert!(page["text"].as_str().unwrap().len() > 100);
}

#[test]
fn a_killed_run_leaves_no_partial_file_and_resumes_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    let count = page_tree(&pages, 2);
    let reference = dir.path().join("reference");
    let output = run(batch_into(&pages, &reference, &[]));
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = outputs(&reference);

    let out = dir.path().join("out");
    let mut child = batch_into(&pages, &out, &["--jobs", "2"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let report = out.join("report.jsonl");
    let deadline = Instant::now() + Duration::from_secs(60);
    while fs::read(&report).map_or(0, |r| r.iter().filter(|&&b| b == b'\n').count()) < 10 {
        assert!(Instant::now() < deadline, "the batch made no progress");
        assert!(child.try_wait().unwrap().is_none(), "the batch ended early");
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the batch was killed before it finished");

    // Every output in place is whole; unfinished work is only in the staging directory.
    // Whole lines only: a kill can in principle cut the last one, which a resumed run drops.
    let done = fs::read(&report)
        .unwrap()
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    assert!(done < count, "killed mid-way");
    for (name, bytes) in outputs(&out) {
        if name.starts_with(".newsclean-tmp/") || name == "report.jsonl" {
            continue;
        }
        assert!(
            expected.get(&name) == Some(&bytes),
            "{name} is partial or unexpected"
        );
    }

    let output = run(batch_into(&pages, &out, &["--resume"]));
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    let skipped = format!("{} ok, 0 failed, {done} skipped", count - done);
    assert!(
        err.contains(&skipped),
        "each input done once ({skipped}): {err}"
    );
    assert!(
        outputs(&out) == expected,
        "the resumed outputs and report equal a clean run's"
    );
}

#[test]
fn resume_redoes_failed_and_missing_outputs_only() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    let count = page_tree(&pages, 1);
    fs::write(pages.join("late.txt"), "").unwrap();
    let out = dir.path().join("out");
    let resume = || run(batch_into(&pages, &out, &["--resume"]));
    assert_eq!(resume().status.code(), Some(EXIT_PARTIAL));
    fs::write(pages.join("late.txt"), &fixture_pages()[0].1).unwrap();
    fs::remove_file(out.join("set00/en/page.diff")).unwrap();
    let output = resume();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains(&format!("2 ok, 0 failed, {} skipped", count - 1)));
    let report = report_lines(&fs::read(out.join("report.jsonl")).unwrap());
    assert_eq!(report.len(), count + 1, "one line per input");
    assert!(report.iter().all(|r| r.get("error").is_none()));
}

/// JSONL records for the stream tests: ids 1…n, a text page each, and a bad line at `bad`.
fn records(n: usize, bad: usize) -> String {
    let pages = fixture_pages();
    let mut input = String::new();
    for id in 1..=n {
        if id == bad {
            input.push_str("{\"id\": oops}\n");
            continue;
        }
        let text = &pages[id % pages.len()].1;
        let record = serde_json::json!({ "id": id, "source": "crawl", "text": text });
        input.push_str(&record.to_string());
        input.push('\n');
    }
    input
}

fn stream(input: &[u8], args: &[&str]) -> Output {
    let mut child = newsclean()
        .args(["batch", "--jsonl"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input).unwrap());
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

#[test]
fn jsonl_keeps_order_and_fields_and_reports_a_bad_line_by_number() {
    let input = records(60, 37);
    let output = stream(input.as_bytes(), &["-", "--jobs", "2"]);
    assert_eq!(
        output.status.code(),
        Some(EXIT_PARTIAL),
        "{}",
        stderr(&output)
    );
    let lines = report_lines(&output.stdout);
    assert_eq!(lines.len(), 60);
    for (i, line) in lines.iter().enumerate() {
        let id = i + 1;
        if id == 37 {
            assert_eq!(line["error"]["line"], 37);
            continue;
        }
        assert_eq!(line["id"], id, "order is kept");
        assert_eq!(line["source"], "crawl", "other fields pass through");
        assert!(line["cleaned"].as_str().unwrap().len() > 50);
    }
    assert!(stderr(&output).contains(":37:"), "{}", stderr(&output));
}

#[test]
fn jsonl_reads_gzip_files_and_adds_verdicts_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("records.jsonl.gz");
    fs::write(&path, gzip(records(5, 0).as_bytes())).unwrap();
    let output = newsclean()
        .args(["batch", "--jsonl"])
        .arg(&path)
        .args(["--verdicts", "--out-field", "clean"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = report_lines(&output.stdout);
    assert_eq!(lines.len(), 5);
    assert!(lines[0]["clean"].is_string());
    assert!(lines[0]["verdicts"]["blocks"].is_array());
}

#[test]
fn usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["batch"],
        vec!["batch", "pages"],
        vec!["batch", "--jsonl", "-", "--out", "x"],
        vec!["batch", "pages", "--out", "x", "--verdicts"],
    ] {
        let output = newsclean()
            .args(&args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(EXIT_USAGE), "{args:?}");
    }
}
