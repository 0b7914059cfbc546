//! Atomic output writing: a file appears under its final name complete, or not at all.
//!
//! Every output is written to a temporary file in `OUT/.newsclean-tmp/` and then renamed into
//! place (same file system, so the rename is atomic and replaces an older file in one step). A run
//! killed at any moment leaves only complete outputs in the output tree; at most some temporary
//! files in the staging directory, which the next run over the same directory removes before it
//! starts and every run removes when it ends.
//!
//! The staging directory also holds a lock file, locked for the length of the run, so that a
//! second run over the same output directory is refused instead of mixing its outputs with the
//! first's.

use std::fs::{self, File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Name of the staging directory inside the output directory.
pub const STAGING_DIR: &str = ".newsclean-tmp";
const LOCK_FILE: &str = "lock";

/// The staging directory of one run.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    lock: File,
}

impl Staging {
    /// Creates `out` and its staging directory, takes the lock, and removes what a killed run
    /// left there.
    pub fn open(out: &Path) -> Result<Staging> {
        let dir = out.join(STAGING_DIR);
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let lock_path = dir.join(LOCK_FILE);
        let lock = File::create(&lock_path).map_err(|e| Error::io(&lock_path, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::io(
                    out,
                    io::Error::new(
                        io::ErrorKind::ResourceBusy,
                        "another batch is writing to this directory",
                    ),
                ));
            }
            Err(TryLockError::Error(e)) => return Err(Error::io(&lock_path, e)),
        }
        for entry in fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))? {
            let path = entry.map_err(|e| Error::io(&dir, e))?.path();
            if path != lock_path {
                fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            }
        }
        Ok(Staging { dir, lock })
    }

    /// Writes `bytes` to `dest` atomically, creating its directory if needed.
    pub fn write(&self, dest: &Path, bytes: &[u8]) -> io::Result<()> {
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent)?;
        }
        let mut file = tempfile::Builder::new()
            .suffix(".tmp")
            .tempfile_in(&self.dir)?;
        file.write_all(bytes)?;
        file.persist(dest).map_err(|e| e.error)?;
        Ok(())
    }

    /// Removes the staging directory and releases the lock.
    pub fn close(self) -> io::Result<()> {
        fs::remove_file(self.dir.join(LOCK_FILE))?;
        fs::remove_dir(&self.dir)?;
        drop(self.lock);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_files_whole_and_leave_nothing_behind() {
        let out = tempfile::tempdir().unwrap();
        let staging = Staging::open(out.path()).unwrap();
        let dest = out.path().join("a/b/page.txt");
        staging.write(&dest, b"first").unwrap();
        staging.write(&dest, b"second").unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"second");
        staging.close().unwrap();
        assert!(!out.path().join(STAGING_DIR).exists());
    }

    #[test]
    fn leftovers_of_a_killed_run_are_removed() {
        let out = tempfile::tempdir().unwrap();
        let dir = out.path().join(STAGING_DIR);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(".tmpXYZ.tmp"), b"half a pa").unwrap();
        let staging = Staging::open(out.path()).unwrap();
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            1,
            "only the lock is left"
        );
        staging.close().unwrap();
    }

    #[test]
    fn a_second_run_over_the_same_directory_is_refused() {
        let out = tempfile::tempdir().unwrap();
        let first = Staging::open(out.path()).unwrap();
        let error = Staging::open(out.path()).unwrap_err();
        assert!(error.to_string().contains("another batch"), "{error}");
        first.close().unwrap();
    }
}
