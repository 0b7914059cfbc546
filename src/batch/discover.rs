//! Discovery of inputs: the files named on the command line, and the files under the directories
//! named there, walked recursively in file-name order (so the input order, and with it the report,
//! is the same on every run).
//!
//! Under a directory only pages are taken: `*.html`, `*.htm`, `*.txt`, the same gzipped
//! (`*.html.gz` …), and any extension the caller adds. A file named directly is always taken.
//!
//! Each input gets an output stem: its path relative to the directory it was found under (for a
//! file named directly, its file name), without `.gz` and without its extension. `ROOT/a/b.html`
//! becomes `a/b`, written as `OUT/a/b.txt` and `OUT/a/b.diff`. Two inputs with the same stem
//! (`b.html` next to `b.txt`, or the same relative path under two roots) would overwrite each
//! other's outputs: the first in input order keeps the stem, the others fail with a message saying
//! which input has it. A directory that cannot be read, or a dangling link, is an input that fails
//! with the error.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// The extensions taken under directories by default (each also gzipped).
pub const DEFAULT_EXTENSIONS: [&str; 3] = ["html", "htm", "txt"];

/// One input of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The file, as found.
    pub path: PathBuf,
    /// Its output stem, relative to the output directory; or why it cannot be processed.
    pub stem: Result<PathBuf, String>,
}

/// Finds the inputs under `roots`, in order. `extensions` are taken in addition to the defaults
/// (without the dot, case-insensitive). The directory `skip` (the output directory, when it lies
/// under a root) is not entered.
pub fn discover(roots: &[PathBuf], extensions: &[String], skip: Option<&Path>) -> Vec<Input> {
    let skip = skip.and_then(|dir| dir.canonicalize().ok());
    let mut inputs = Vec::new();
    for root in roots {
        if root.is_dir() {
            walk(root, extensions, skip.as_deref(), &mut inputs);
        } else {
            let name = root.file_name().map(Path::new).unwrap_or(root);
            inputs.push(Input {
                path: root.clone(),
                stem: Ok(strip_extensions(name)),
            });
        }
    }
    mark_clashes(&mut inputs);
    inputs
}

fn walk(root: &Path, extensions: &[String], skip: Option<&Path>, inputs: &mut Vec<Input>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            !entry.file_type().is_dir()
                || skip.is_none_or(|skip| entry.path().canonicalize().is_ok_and(|p| p != skip))
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => {
                if is_page(entry.path(), extensions) {
                    let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                    inputs.push(Input {
                        stem: Ok(strip_extensions(relative)),
                        path: entry.into_path(),
                    });
                }
            }
            Err(error) => inputs.push(Input {
                path: error.path().unwrap_or(root).to_path_buf(),
                stem: Err(error.to_string()),
            }),
        }
    }
}

/// Whether the file name ends in a page extension, gzipped or not.
fn is_page(path: &Path, extensions: &[String]) -> bool {
    let Some(ext) = page_extension(path) else {
        return false;
    };
    DEFAULT_EXTENSIONS
        .iter()
        .copied()
        .chain(extensions.iter().map(|e| e.trim_start_matches('.')))
        .any(|known| known.eq_ignore_ascii_case(ext))
}

/// The extension of the file name, looking through a trailing `.gz`.
fn page_extension(path: &Path) -> Option<&str> {
    let name = Path::new(path.file_name()?);
    let name = if is_gz(name) {
        Path::new(name.file_stem()?)
    } else {
        name
    };
    name.extension()?.to_str()
}

fn is_gz(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("gz"))
}

/// `path` without `.gz` and without its extension.
fn strip_extensions(path: &Path) -> PathBuf {
    let mut stem = path.to_path_buf();
    if is_gz(&stem) {
        stem.set_extension("");
    }
    stem.set_extension("");
    stem
}

/// Fails every input whose stem an earlier input already has.
fn mark_clashes(inputs: &mut [Input]) {
    let mut owners: HashMap<PathBuf, usize> = HashMap::new();
    for index in 0..inputs.len() {
        let Ok(stem) = &inputs[index].stem else {
            continue;
        };
        if let Some(&owner) = owners.get(stem) {
            inputs[index].stem = Err(format!(
                "its outputs would overwrite those of {}",
                inputs[owner].path.display()
            ));
        } else {
            owners.insert(stem.clone(), index);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn stems(inputs: &[Input]) -> Vec<Result<String, String>> {
        inputs
            .iter()
            .map(|i| i.stem.clone().map(|s| s.display().to_string()))
            .collect()
    }

    #[test]
    fn walks_pages_in_name_order_and_names_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a/deep")).unwrap();
        for name in [
            "z.html",
            "a/b.HTM",
            "a/deep/c.txt.gz",
            "a/notes.md",
            "a/img.png",
        ] {
            fs::write(root.join(name), "x").unwrap();
        }
        let inputs = discover(&[root.to_path_buf()], &[], None);
        assert_eq!(
            stems(&inputs),
            [Ok("a/b".into()), Ok("a/deep/c".into()), Ok("z".into())]
        );
        assert_eq!(inputs[0].path, root.join("a/b.HTM"));
        let with_md = discover(&[root.to_path_buf()], &[".md".into()], None);
        assert_eq!(with_md.len(), 4);
    }

    #[test]
    fn files_named_directly_are_taken_whatever_their_extension() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("page.dump");
        fs::write(&file, "x").unwrap();
        assert_eq!(stems(&discover(&[file], &[], None)), [Ok("page".into())]);
    }

    #[test]
    fn clashing_stems_fail_all_but_the_first() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.html", "b.txt"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        let inputs = discover(&[dir.path().to_path_buf()], &[], None);
        assert_eq!(inputs[0].stem, Ok(PathBuf::from("b")));
        let error = inputs[1].stem.clone().unwrap_err();
        assert!(error.contains("b.html"), "{error}");
    }

    #[test]
    fn the_output_directory_is_not_walked() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("out")).unwrap();
        fs::write(dir.path().join("out/old.txt"), "x").unwrap();
        fs::write(dir.path().join("page.html"), "x").unwrap();
        let out = dir.path().join("out");
        let inputs = discover(&[dir.path().to_path_buf()], &[], Some(&out));
        assert_eq!(stems(&inputs), [Ok("page".into())]);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_an_input_that_fails() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("nowhere.html", dir.path().join("gone.html")).unwrap();
        let inputs = discover(&[dir.path().to_path_buf()], &[], None);
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].path, dir.path().join("gone.html"));
        assert!(inputs[0].stem.is_err());
    }
}
