//! The `newsclean` binary on bad input: empty, binary, NUL bytes, legacy encodings behind lying
//! declarations, huge pages and lines, deep nesting, truncated pages, standard input, missing
//! files and broken rule files.
//!
//! Each case runs the built binary and asserts a sensible result or a clear error with the
//! documented exit code (0 success, 1 unreadable or non-text input, 2 bad usage or rule file),
//! never a panic, a hang or a stack overflow. Every run has a deadline (60 s for a release
//! build, more for a debug build); a run past it is killed and fails the test. Large inputs are
//! generated into a temporary directory at run time. Run with `--nocapture` to see the times.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const EXIT_OK: i32 = 0;
const EXIT_INPUT: i32 = 1;
const EXIT_USAGE: i32 = 2;

/// How long one run may take before it counts as a hang.
fn deadline() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(300)
    } else {
        Duration::from_secs(60)
    }
}

/// What a run of the binary produced.
struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("output is UTF-8")
    }

    /// Asserts the exit code, after ruling out a crash.
    #[track_caller]
    fn assert_exit(&self, code: i32) {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("overflow"),
            "crashed: {}",
            self.stderr
        );
        assert_eq!(
            self.status.code(),
            Some(code),
            "exit status {} (stderr: {})",
            self.status,
            self.stderr
        );
    }
}

/// Runs `newsclean args…` with `stdin` as standard input, killing it at the deadline.
fn newsclean(case: &str, args: &[&str], stdin: &[u8]) -> Run {
    newsclean_within(deadline(), case, args, stdin)
}

/// Runs `newsclean args…` with `stdin` as standard input, killing it after `deadline`.
fn newsclean_within(deadline: Duration, case: &str, args: &[&str], stdin: &[u8]) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsclean"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = thread::spawn(move || {
        // The binary may exit without reading (an error before the input is read).
        let _ = input.write_all(&stdin);
    });
    let mut out = child.stdout.take().unwrap();
    let reader = thread::spawn(move || {
        let mut buf = Vec::new();
        out.read_to_end(&mut buf).map(|_| buf)
    });
    let mut err = child.stderr.take().unwrap();
    let err_reader = thread::spawn(move || {
        let mut buf = String::new();
        err.read_to_string(&mut buf).map(|_| buf)
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for the binary") {
            break status;
        }
        if start.elapsed() > deadline {
            child.kill().expect("killing the binary");
            let _ = child.wait();
            panic!("{case}: no result after {deadline:?}: killed");
        }
        thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    writer.join().unwrap();
    let run = Run {
        status,
        stdout: reader.join().unwrap().expect("reading stdout"),
        stderr: err_reader.join().unwrap().expect("reading stderr"),
        elapsed,
    };
    println!(
        "{case}: exit {} in {:.2} s, {} bytes out",
        run.status.code().map_or("none".into(), |c| c.to_string()),
        run.elapsed.as_secs_f64(),
        run.stdout.len()
    );
    run
}

/// Cleans the file `path` with `extra` arguments.
fn clean(case: &str, path: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["clean", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    newsclean(case, &args, b"")
}

/// Writes `bytes` to `name` in a new temporary directory; returns both.
fn file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

const P1: &str = "The council approved the new budget on Tuesday after a debate that lasted for most of the night.";
const P2: &str =
    "Members said the plan would fund two new schools and repair the old bridge over the river.";

// ---------------------------------------------------------------------------------------------
// empty, binary, NUL

#[test]
fn empty_file_gives_empty_output() {
    let (_dir, path) = file("empty.html", b"");
    let run = clean("empty file", &path, &[]);
    run.assert_exit(EXIT_OK);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn binary_junk_is_refused_as_not_text() {
    // A pseudo-random byte sequence, as an image or archive would be.
    let mut state = 0x2545_f491_u32;
    let junk: Vec<u8> = (0..8192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect();
    let (_dir, path) = file("photo.jpg", &junk);
    let run = clean("binary junk", &path, &[]);
    run.assert_exit(EXIT_INPUT);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("photo.jpg"), "{}", run.stderr);
    assert!(run.stderr.contains("not text"), "{}", run.stderr);
}

#[test]
fn stray_nul_bytes_are_cleaned_as_best_effort() {
    let text = format!("Home\n{}\0\0 More.\n{P2}\0\n", P1);
    let (_dir, path) = file("nul.txt", text.as_bytes());
    let run = clean("NUL bytes", &path, &[]);
    run.assert_exit(EXIT_OK);
    let out = run.stdout();
    assert!(out.contains(P1) && out.contains(P2), "{out:?}");
    assert!(!out.contains("Home"), "{out:?}");
}

// ---------------------------------------------------------------------------------------------
// encodings

const KO1: &str = "대통령실 관계자는 21일 메타 측을 통해 저커버그 CEO가 대통령을 접견하고 싶다는 요청을 받아 조율 중이라고 밝혔다. 접견이 성사되면 윤 대통령은 저커버그 CEO와 인공지능, 디지털 분야의 기술 협력을 논의할 것으로 예상된다.";
const KO2: &str = "윤 대통령은 취임 후 빌 게이츠 마이크로소프트 창업자와 일론 머스크 테슬라 CEO를 비롯해 국내외 주요 기업인을 만나고 있다. 기업하기 좋은 환경을 만들어 해외 기업의 국내 투자를 끌어내겠다는 구상이다.";

fn korean_page(head: &str) -> String {
    format!(
        "<html><head>{head}<title>저커버그</title></head><body><nav><ul><li><a href='/'>홈</a></li>\
         <li><a href='/p'>정치</a></li></ul></nav><p>{KO1}</p><p>{KO2}</p>\
         <footer><p>ⓒ 전자신문 무단전재 및 재배포 금지</p></footer></body></html>"
    )
}

fn euc_kr(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// Cleans Korean `bytes` and checks that the article came out decoded and the chrome did not.
#[track_caller]
fn assert_korean(case: &str, name: &str, bytes: &[u8]) {
    let (_dir, path) = file(name, bytes);
    let run = clean(case, &path, &[]);
    run.assert_exit(EXIT_OK);
    let out = run.stdout();
    assert!(out.contains(KO1), "{case}: {out}");
    assert!(out.contains(KO2), "{case}: {out}");
    assert!(!out.contains('\u{fffd}'), "{case}: {out}");
    assert!(!out.contains("무단전재"), "{case}: {out}");
}

#[test]
fn euc_kr_without_a_declaration_is_decoded() {
    assert_korean("EUC-KR HTML", "ko.html", &euc_kr(&korean_page("")));
    let text = format!("홈\n정치\n{KO1}\n{KO2}\nⓒ 전자신문 무단전재 및 재배포 금지\n");
    assert_korean("EUC-KR text", "ko.txt", &euc_kr(&text));
}

#[test]
fn euc_kr_with_a_true_declaration_is_decoded() {
    let page =
        korean_page(r#"<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">"#);
    assert_korean("EUC-KR declared", "ko.html", &euc_kr(&page));
}

#[test]
fn euc_kr_behind_a_lying_declaration_is_decoded() {
    let page = korean_page(r#"<meta charset="utf-8">"#);
    assert_korean("EUC-KR declared UTF-8", "ko.html", &euc_kr(&page));
    let page = korean_page(r#"<meta charset="windows-1252">"#);
    assert_korean("EUC-KR declared windows-1252", "ko.html", &euc_kr(&page));
}

#[test]
fn utf8_behind_a_lying_euc_kr_declaration_stays_utf8() {
    let page = korean_page(r#"<meta charset="euc-kr">"#);
    assert_korean("UTF-8 declared EUC-KR", "ko.html", page.as_bytes());
}

#[test]
fn invalid_utf8_bytes_are_replaced_and_the_rest_decoded() {
    // Two broken bytes inside the first paragraph: the second comes out intact.
    let page = korean_page("").replace("저커버그 CEO와", "\u{1}");
    let mut bytes = page.into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes.splice(at..at + 1, [0xff, 0xfe]);
    let (_dir, path) = file("broken.html", &bytes);
    let run = clean("invalid UTF-8", &path, &[]);
    run.assert_exit(EXIT_OK);
    let out = run.stdout();
    assert!(out.contains(KO2), "{out}");
    assert!(out.contains("대통령실 관계자는 21일"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// size

#[test]
fn a_20_mb_page_finishes_with_the_article() {
    let nav: String = (0..20)
        .map(|i| format!(r#"<li><a href="/s{i}">Section {i}</a></li>"#))
        .collect();
    let mut page = format!(
        r#"<!DOCTYPE html><html><head><title>Budget</title></head><body><nav class="menu"><ul>{nav}</ul></nav><article>"#
    );
    let mut paragraphs = 0;
    while page.len() < 20_000_000 {
        page.push_str(&format!(
            "<p>Paragraph {paragraphs}: the council approved the new budget on Tuesday after a debate \
             that lasted for most of the night, and members said it would fund {paragraphs} new schools.</p>\n"
        ));
        paragraphs += 1;
    }
    page.push_str(
        "</article><footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>",
    );
    let (_dir, path) = file("big.html", page.as_bytes());
    let run = clean("20 MB HTML", &path, &[]);
    run.assert_exit(EXIT_OK);
    let out = run.stdout();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), paragraphs, "one line per paragraph");
    assert!(lines[0].starts_with("Paragraph 0: "));
    assert!(lines[paragraphs - 1].starts_with(&format!("Paragraph {}: ", paragraphs - 1)));
    assert!(!out.contains("Section 1") && !out.contains("All rights reserved"));
}

/// About 2 MB of prose on one line.
fn long_line() -> String {
    let mut line = String::new();
    let mut i = 0;
    while line.len() < 2_000_000 {
        line.push_str(&format!(
            "Item {i}: the council approved the budget after a long debate. "
        ));
        i += 1;
    }
    line.trim_end().to_string()
}

#[test]
fn a_2_mb_line_of_plain_text_is_one_block() {
    let line = long_line();
    let (_dir, path) = file("line.txt", format!("Home\n{line}\n").as_bytes());
    let run = clean("2 MB line, text", &path, &[]);
    run.assert_exit(EXIT_OK);
    assert!(run.stdout() == format!("{line}\n"), "the line, whole");
}

#[test]
fn a_2_mb_line_inside_html_is_one_block() {
    let line = long_line();
    let page = format!("<html><body><nav><a href='/'>Home</a></nav><p>{line}</p></body></html>");
    let (_dir, path) = file("line.html", page.as_bytes());
    let run = clean("2 MB line, HTML", &path, &[]);
    run.assert_exit(EXIT_OK);
    assert!(run.stdout() == format!("{line}\n"), "the paragraph, whole");
}

// ---------------------------------------------------------------------------------------------
// structure

/// A page with `P1`, then `open` × 10,000 around a short text, then `P2`.
#[track_caller]
fn assert_deep(case: &str, open: &str, close: &str) {
    let depth = 10_000;
    let page = format!(
        "<html><body><p>{P1}</p>{}deep text{}<p>{P2}</p></body></html>",
        open.repeat(depth),
        close.repeat(depth)
    );
    let (_dir, path) = file("deep.html", page.as_bytes());
    let run = clean(case, &path, &[]);
    run.assert_exit(EXIT_OK);
    let out = run.stdout();
    assert!(out.contains(P1) && out.contains(P2), "{case}: {out}");
}

#[test]
fn deeply_nested_divs() {
    assert_deep("10,000 nested <div>", "<div>", "</div>");
}

#[test]
fn deeply_nested_formatting_elements() {
    assert_deep("10,000 nested <b>", "<b>", "</b>");
}

#[test]
fn deeply_nested_links() {
    assert_deep("10,000 nested <a>", "<a href='#'>", "</a>");
}

#[test]
fn deeply_nested_tables() {
    assert_deep(
        "10,000 nested <table>",
        "<table><tr><td>",
        "</td></tr></table>",
    );
    assert_deep("10,000 nested bare <table>", "<table>", "</table>");
}

/// html5ever's tree builder scans its stack of open elements at every start tag, so its time
/// grows with the square of the nesting depth (100,000 nested divs took 40 s). Nesting beyond
/// a limit is cut before parsing (src/html/depth.rs); this page must clean in seconds.
#[test]
fn a_hundred_thousand_nested_divs_finish_in_seconds() {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>{P1}</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let run = clean_within_seconds("100,000 nested <div>", "deeper.html", &page);
    assert_eq!(run.stdout(), format!("{P1}\n"));
}

/// Runs `newsclean clean` on a file holding `page`, within seconds.
#[track_caller]
fn clean_within_seconds(case: &str, name: &str, page: &str) -> Run {
    let (_dir, path) = file(name, page.as_bytes());
    let budget = Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 10 });
    let run = newsclean_within(budget, case, &["clean", path.to_str().unwrap()], b"");
    run.assert_exit(EXIT_OK);
    run
}

/// Each section header looks ahead for where its section ends; a page of nothing but headers
/// must not make every header read to the end of the page (200,000 headers took 8 s).
#[test]
fn a_page_of_section_headers_finishes_in_seconds() {
    let run = clean_within_seconds(
        "400,000 section headers, text",
        "headers.txt",
        &"Related news\n".repeat(400_000),
    );
    assert_eq!(run.stdout(), "");
    let page = format!(
        "<html><body><div class=box><p>{P1}</p>{}</div></body></html>",
        "<h3>Related news</h3>".repeat(100_000)
    );
    let run = clean_within_seconds("100,000 section headers in one box", "headers.html", &page);
    assert_eq!(run.stdout(), format!("{P1}\n"));
}

/// A full stop before a closing quote asks whether the word before it is an abbreviation; on a
/// line of them, that question must not read back to the start of the line each time.
#[test]
fn a_line_of_full_stops_and_quotes_finishes_in_seconds() {
    let line = "a.\"".repeat(300_000);
    let run = clean_within_seconds("300,000 full stops before quotes", "stops.txt", &line);
    assert_eq!(run.stdout().len(), line.len() + 1);
}

#[test]
fn a_page_cut_mid_tag_keeps_what_is_complete() {
    let page = format!(
        "<html><head><title>Budget</title></head><body><nav><a href='/'>Home</a></nav><p>{P1}</p><p>{P2}</p><p>Members said the plan would fund two new sch<di"
    );
    let (_dir, path) = file("cut.html", page.as_bytes());
    let run = clean("truncated HTML", &path, &[]);
    run.assert_exit(EXIT_OK);
    let out = run.stdout();
    assert!(out.contains(P1) && out.contains(P2), "{out}");
    assert!(!out.contains("Home") && !out.contains("<di"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// command line

#[test]
fn standard_input_with_a_dash() {
    let page = format!("Home\nSport\n{P1}\n{P2}\nShare on Facebook\n");
    let run = newsclean("stdin", &["clean", "-"], page.as_bytes());
    run.assert_exit(EXIT_OK);
    assert_eq!(run.stdout(), format!("{P1}\n{P2}\n"));
    let run = newsclean(
        "stdin, json",
        &["clean", "-", "--output", "json"],
        page.as_bytes(),
    );
    run.assert_exit(EXIT_OK);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).expect("valid JSON");
    assert_eq!(json["stats"]["kept"], 2);
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-page.html");
    let run = clean("missing file", &path, &[]);
    run.assert_exit(EXIT_INPUT);
    assert!(run.stderr.contains("no-such-page.html"), "{}", run.stderr);
    let run = clean("directory as input", dir.path(), &[]);
    run.assert_exit(EXIT_INPUT);
}

#[test]
fn a_truncated_gzip_file_is_an_input_error() {
    let (_dir, path) = file(
        "page.html.gz",
        &[0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00],
    );
    let run = clean("truncated gzip", &path, &[]);
    run.assert_exit(EXIT_INPUT);
    assert!(run.stderr.contains("page.html.gz"), "{}", run.stderr);
}

#[test]
fn a_broken_rule_file_is_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.toml"),
        "[[rule]]\nid = \"ads.sponsor\"\ncategory = \"advertising\"\nkind = \"phrase\"\nmatch = \"prefix\"\nphrases = [\"Sponsored by\"]\nweight = -3.0\nmessage = \"m\"\nexplanation = \"e\"\n",
    )
    .unwrap();
    let (_page_dir, page) = file("page.txt", P1.as_bytes());
    let rules = dir.path().to_str().unwrap();
    let run = clean("bad --rules file", &page, &["--rules", rules]);
    run.assert_exit(EXIT_USAGE);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("mine.toml:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("advertising"), "{}", run.stderr);
    let run = clean("missing --rules dir", &page, &["--rules", "/no/such/dir"]);
    run.assert_exit(EXIT_USAGE);
    assert!(run.stderr.contains("/no/such/dir"), "{}", run.stderr);
}

#[test]
fn disabling_an_unknown_rule_is_an_error() {
    let (_dir, page) = file("page.txt", P1.as_bytes());
    let run = clean(
        "--disable no-such-rule",
        &page,
        &["--disable", "no-such-rule"],
    );
    run.assert_exit(EXIT_USAGE);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("no-such-rule"), "{}", run.stderr);
}
