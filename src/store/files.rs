//! Writing the store's files so that a reader or a crash never sees half of one: each file is
//! written beside its name, synced, and renamed into place; the chart's folder is locked for the
//! whole publish.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Holds the chart's lock until dropped (or the process dies: the system releases it).
pub struct Lock(#[allow(dead_code)] File);

/// Takes the exclusive lock of the chart folder `dir`, creating both, waiting for another
/// publisher of the same chart to finish.
pub fn lock(dir: &Path) -> io::Result<Lock> {
    fs::create_dir_all(dir)?;
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".lock"))?;
    file.lock()?;
    Ok(Lock(file))
}

/// Replaces (or creates) `dir/name` with `bytes` at once: readers see the old file or the new one.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_path(dir, name);
    let written = (|| {
        let mut f = File::create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    kill_point(name, "written");
    fs::rename(&tmp, dir.join(name))?;
    // The rename itself is durable once the folder is synced.
    File::open(dir)?.sync_all()
}

fn temp_path(dir: &Path, name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    dir.join(format!(".{name}.{}.{nanos}.tmp", std::process::id()))
}

/// Removes what a publish cut short left beside the files (`.NAME.….tmp`); call under the lock.
pub fn sweep_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Reads `path` as text, `None` if it does not exist.
pub fn read_optional(path: &Path) -> io::Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Aborts the process at `step` of writing `file` when `OC_KILL_AT` says `FILE:STEP` (debug
/// builds only): how the tests kill a publish at each step.
pub fn kill_point(file: &str, step: &str) {
    if cfg!(debug_assertions) {
        if let Ok(at) = std::env::var("OC_KILL_AT") {
            if at.split_once(':') == Some((file, step)) {
                std::process::abort();
            }
        }
    }
}
