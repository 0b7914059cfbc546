//! Reading one input: a file or standard input, gunzipped when it is gzip.

use std::io::Read;
use std::path::Path;

use flate2::read::MultiGzDecoder;

/// Reads `path` (`-` for standard input) to bytes, decompressing gzip by its magic bytes.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf)?;
        buf
    } else {
        std::fs::read(path)?
    };
    gunzip(bytes)
}

/// Decompresses `bytes` if they start with the gzip magic bytes.
pub fn gunzip(bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}
