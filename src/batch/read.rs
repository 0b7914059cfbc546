//! Reading one input to bytes: a file or standard input, gunzipped when it is gzip (recognised by
//! its magic bytes, whatever the file is called).

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

/// The two bytes every gzip stream starts with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Reads `path` (`-` for standard input) to bytes, decompressing gzip.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        buf
    } else {
        std::fs::read(path)?
    };
    gunzip(bytes)
}

/// Decompresses `bytes` if they are gzip; returns them unchanged otherwise.
pub fn gunzip(bytes: Vec<u8>) -> io::Result<Vec<u8>> {
    if bytes.starts_with(&GZIP_MAGIC) {
        let mut out = Vec::with_capacity(bytes.len().saturating_mul(4));
        MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}

/// Opens `path` (`-` for standard input) as a buffered stream, decompressing gzip on the fly, so
/// that a stream of any length is read in constant memory.
pub fn open(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    let reader: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(path)?)
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    if reader.fill_buf()?.starts_with(&GZIP_MAGIC) {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(reader),
        )))
    } else {
        Ok(Box::new(reader))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::{Compression, write::GzEncoder};

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn gzip_is_undone_and_plain_bytes_pass() {
        assert_eq!(gunzip(gzip(b"<p>hi</p>")).unwrap(), b"<p>hi</p>");
        assert_eq!(gunzip(b"plain".to_vec()).unwrap(), b"plain");
        assert_eq!(gunzip(Vec::new()).unwrap(), b"");
    }

    #[test]
    fn streams_are_gunzipped_by_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("records.jsonl");
        std::fs::write(&path, gzip(b"{\"a\":1}\n{\"a\":2}\n")).unwrap();
        let lines: Vec<String> = open(&path).unwrap().lines().map(Result::unwrap).collect();
        assert_eq!(lines, ["{\"a\":1}", "{\"a\":2}"]);
    }
}
