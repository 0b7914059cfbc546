//! Bytes to text: byte-order mark, declared charset, and byte sniffing.
//!
//! Declarations lie. Korean and Chinese pages ship UTF-8 bytes behind `euc-kr` or `gb2312`
//! declarations, and EUC-KR/CP949 bytes with no declaration at all, so the order is:
//!
//! 1. a byte-order mark decides;
//! 2. bytes that are valid UTF-8 are UTF-8, whatever the page declares (borrowed, no copy);
//! 3. bytes that are UTF-8 but for a few broken sequences (a truncated page, one bad byte) stay
//!    UTF-8, with the broken bytes replaced;
//! 4. a declared charset (`<meta charset>` or `http-equiv`) is used only if it decodes the bytes
//!    without a single error and, for single-byte charsets (which decode any bytes at all), only if
//!    sniffing agrees;
//! 5. otherwise chardetng's guess from the bytes wins.
//!
//! Input with many control bytes is refused as binary: cleaning it would only produce garbage.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use crate::error::{Error, Result};

/// Decoded text and how it was obtained.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// The encoding the bytes were read as.
    pub encoding: &'static Encoding,
    /// Whether some bytes could not be decoded and were replaced by U+FFFD.
    pub lossy: bool,
}

/// How many leading bytes are searched for a charset declaration.
const DECLARATION_WINDOW: usize = 4096;
/// How many leading bytes are inspected for control characters.
const BINARY_WINDOW: usize = 65536;

/// Decodes `bytes` to text, or refuses them as binary. NUL characters, which are not text and
/// trip up consumers of the output, are removed.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>> {
    let mut decoded = decode_bytes(bytes)?;
    if memchr::memchr(0, decoded.text.as_bytes()).is_some() {
        decoded.text = Cow::Owned(decoded.text.replace('\0', ""));
    }
    Ok(decoded)
}

fn decode_bytes(bytes: &[u8]) -> Result<Decoded<'_>> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text,
            encoding,
            lossy,
        });
    }
    refuse_binary(bytes)?;
    // encoding_rs validates UTF-8 in fewer instructions than `std::str::from_utf8` on text of
    // many scripts; valid bytes come back borrowed.
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(Decoded {
            text,
            encoding: UTF_8,
            lossy: false,
        });
    }
    if mostly_utf8(bytes) {
        let (text, lossy) = UTF_8.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text,
            encoding: UTF_8,
            lossy,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let sniffed = detector.guess(None, chardetng::Utf8Detection::Deny);
    if let Some(declared) = declared_charset(&bytes[..bytes.len().min(DECLARATION_WINDOW)])
        && declared != UTF_8
        && (declared == sniffed || !declared.is_single_byte())
        && let Some(text) = declared.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok(Decoded {
            text,
            encoding: declared,
            lossy: false,
        });
    }
    let encoding = sniffed;
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text,
        encoding,
        lossy,
    })
}

/// Refuses input whose first bytes are mostly control characters (NUL and other C0 codes other
/// than tab, line feed, form feed, carriage return and escape).
fn refuse_binary(bytes: &[u8]) -> Result<()> {
    let window = &bytes[..bytes.len().min(BINARY_WINDOW)];
    if window.is_empty() {
        return Ok(());
    }
    // Control characters are among the bytes below 0x20, which are fewer than the limit on
    // ordinary text: counting those is enough there.
    if count_where(window, |b| u8::from(b < 0x20)) * 20 <= window.len() {
        return Ok(());
    }
    let controls = count_where(window, |b| {
        u8::from(b < 0x20)
            & u8::from(b != b'\t')
            & u8::from(b != b'\n')
            & u8::from(b != b'\x0c')
            & u8::from(b != b'\r')
            & u8::from(b != 0x1b)
    });
    if controls * 20 > window.len() {
        return Err(Error::Binary(format!(
            "{controls} of the first {} bytes are control characters",
            window.len()
        )));
    }
    Ok(())
}

/// How many bytes of `window` `test` gives 1 for (it gives 0 or 1). Counted in byte-sized sums
/// over short chunks, with comparisons only, so that the count runs on vector instructions.
fn count_where(window: &[u8], test: impl Fn(u8) -> u8) -> usize {
    window
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + test(b))))
        .sum()
}

/// Whether `bytes` is UTF-8 but for a few invalid sequences: at least 10 valid multi-byte
/// characters and at most one invalid byte for every 4 of them. (Legacy CJK encodings are
/// almost never valid UTF-8, so they have next to no valid multi-byte characters.)
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    valid >= 10 && invalid * 4 <= valid
}

/// The charset named by a `<meta charset=…>` or `<meta http-equiv=… content="…charset=…">`
/// declaration near the start of an HTML page.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .map_or(lower.len(), |n| i + n);
        if let Some(encoding) = Encoding::for_label(&lower[i..end]) {
            return Some(encoding);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const KOREAN: &str = "<html><body><p>대통령실 관계자는 21일 메타 측을 통해 저커버그 CEO가 대통령을 접견하고 싶다는 요청을 받아 조율 중이라고 밝혔다. 접견이 성사되면 윤 대통령은 저커버그 CEO와 인공지능, 디지털 분야의 기술 협력을 논의할 것으로 예상된다.</p></body></html>";

    fn euc_kr(text: &str) -> Vec<u8> {
        encoding_rs::EUC_KR.encode(text).0.into_owned()
    }

    #[test]
    fn utf8_is_borrowed() {
        let d = decode("plain text".as_bytes()).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.encoding, UTF_8);
    }

    #[test]
    fn utf8_behind_a_lying_declaration_stays_utf8() {
        let page = KOREAN.replace("<html>", "<html><meta charset=\"euc-kr\">");
        let d = decode(page.as_bytes()).unwrap();
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("저커버그"));
    }

    #[test]
    fn declared_euc_kr_is_used_when_it_decodes() {
        let page = KOREAN.replace(
            "<html>",
            "<html><meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-KR\">",
        );
        let bytes = euc_kr(&page);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding.name(), "EUC-KR");
        assert!(d.text.contains("저커버그") && !d.lossy);
    }

    #[test]
    fn undeclared_euc_kr_is_sniffed() {
        let bytes = euc_kr(KOREAN);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding.name(), "EUC-KR");
        assert!(d.text.contains("인공지능"));
    }

    #[test]
    fn a_wrong_legacy_declaration_loses_to_sniffing() {
        let page = KOREAN.replace("<html>", "<html><meta charset=\"iso-8859-7\">");
        let mut bytes = euc_kr(&page);
        bytes.push(0xff); // not valid in ISO-8859-7 either way: forces the sniffer
        let d = decode(&bytes).unwrap();
        assert!(d.text.contains("인공지능"), "{}", d.encoding.name());
    }

    #[test]
    fn truncated_utf8_stays_utf8() {
        let bytes = KOREAN.as_bytes();
        let cut = &bytes[..bytes.len() - 30];
        let mut broken = cut[..cut.len() - 1].to_vec();
        broken.extend_from_slice(b"\xff tail");
        let d = decode(&broken).unwrap();
        assert_eq!(d.encoding, UTF_8);
        assert!(d.lossy && d.text.contains("저커버그"));
    }

    #[test]
    fn byte_order_marks_decide() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "héllo".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "héllo");
    }

    #[test]
    fn binary_is_refused_and_stray_nuls_are_not() {
        let junk: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(matches!(decode(&junk), Err(Error::Binary(_))));
        let mut text = b"A line of text.\n".repeat(100);
        text[40] = 0;
        assert!(decode(&text).is_ok());
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
