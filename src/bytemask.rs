//! Classes of the bytes of a text, 64 bytes at a time, as bit masks: bit `i` of a mask stands for
//! byte `i` of the window. A block's masks are worked out once and serve both its measurements
//! (which count the bits of a class) and the pass over its words (which visits words, capitals and
//! non-ASCII characters by iterating over set bits instead of testing byte after byte).
//!
//! The classes are worked out 16 bytes at a time with SSE2 where the build has it, else eight
//! bytes at a time in ordinary 64-bit arithmetic.

/// The byte classes of a window of up to 64 bytes (bits past its end are clear).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ByteMasks {
    /// ASCII bytes.
    pub ascii: u64,
    /// ASCII letters and digits.
    pub alnum: u64,
    /// ASCII digits.
    pub digit: u64,
    /// ASCII capitals.
    pub upper: u64,
    /// ASCII bytes that are no letter, digit, space or control character: punctuation.
    pub punct: u64,
    /// ASCII white space: tab, line feed, vertical tab, form feed, carriage return and space.
    pub space: u64,
    /// The ASCII marks that may end a sentence or separate menu items: `.`, `!`, `?`, `|`, `/`
    /// and `>`.
    pub marks: u64,
    /// Bytes that begin a non-ASCII character (`0b11xx_xxxx`).
    pub lead: u64,
    /// Bytes that continue a non-ASCII character (`0b10xx_xxxx`).
    pub continuation: u64,
}

impl ByteMasks {
    /// The classes of `window` (at most 64 bytes).
    pub(crate) fn of(window: &[u8]) -> ByteMasks {
        let mut masks = ByteMasks::default();
        for (k, chunk) in window.chunks(chunk::LEN).enumerate() {
            masks.add(chunk::classes(chunk), chunk::LEN * k);
        }
        // The zeros padding a short chunk are ASCII bytes of no other class.
        if window.len() < 64 {
            masks.ascii &= (1 << window.len()) - 1;
        }
        masks
    }

    /// The classes of each window of 64 bytes of `text` in turn, into `windows` (cleared first).
    pub(crate) fn of_windows(text: &[u8], windows: &mut Vec<ByteMasks>) {
        windows.clear();
        windows.extend(text.chunks(64).map(ByteMasks::of));
    }

    /// Adds the classes of a chunk of the window that starts at byte `at`.
    #[inline(always)]
    fn add(&mut self, chunk: ByteMasks, at: usize) {
        self.ascii |= chunk.ascii << at;
        self.alnum |= chunk.alnum << at;
        self.digit |= chunk.digit << at;
        self.upper |= chunk.upper << at;
        self.punct |= chunk.punct << at;
        self.space |= chunk.space << at;
        self.marks |= chunk.marks << at;
        self.lead |= chunk.lead << at;
        self.continuation |= chunk.continuation << at;
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use sse2 as chunk;
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
use swar as chunk;

/// The classes of 16 bytes at a time, with SSE2 instructions.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8,
    };

    use super::{ByteMasks, load_padded};

    /// Bytes classified at once.
    pub(super) const LEN: usize = 16;

    /// The classes of up to [`LEN`] bytes (zeros padding the missing ones).
    #[inline(always)]
    pub(super) fn classes(chunk: &[u8]) -> ByteMasks {
        let (low, high) = chunk.split_at(chunk.len().min(8));
        // SAFETY: this module is compiled only where the build enables SSE2.
        unsafe { classes_of(load_padded(low), load_padded(high)) }
    }

    /// The classes of the sixteen bytes of `low` then `high` (little-endian).
    #[target_feature(enable = "sse2")]
    fn classes_of(low: u64, high: u64) -> ByteMasks {
        let v = _mm_set_epi64x(high as i64, low as i64);
        let bits = |m: __m128i| u64::from(_mm_movemask_epi8(m) as u16);
        let splat = |b: u8| _mm_set1_epi8(b as i8);
        // Bytes within `lo..=hi` (both ASCII): bytes beyond ASCII compare as negative, below
        // every ASCII bound.
        let within = |x: __m128i, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(x, splat(lo - 1)),
                _mm_cmplt_epi8(x, splat(hi + 1)),
            )
        };
        let beyond_ascii = bits(v);
        // Bit 6 of each byte, moved to the top by doubling the byte.
        let bit6 = bits(_mm_add_epi8(v, v));
        let digit = bits(within(v, b'0', b'9'));
        let letter = bits(within(_mm_or_si128(v, splat(0x20)), b'a', b'z'));
        let alnum = digit | letter;
        // `.`, `/`, `>` and `?` are the bytes that give 0x3f once bits 0x11 are set.
        let marks = _mm_or_si128(
            _mm_cmpeq_epi8(_mm_or_si128(v, splat(0x11)), splat(0x3f)),
            _mm_or_si128(
                _mm_cmpeq_epi8(v, splat(b'!')),
                _mm_cmpeq_epi8(v, splat(b'|')),
            ),
        );
        ByteMasks {
            ascii: !beyond_ascii & 0xffff,
            alnum,
            digit,
            upper: bits(within(v, b'A', b'Z')),
            punct: bits(within(v, b'!', b'~')) & !alnum,
            space: bits(_mm_or_si128(
                within(v, b'\t', b'\r'),
                _mm_cmpeq_epi8(v, splat(b' ')),
            )),
            marks: bits(marks),
            lead: beyond_ascii & bit6,
            continuation: beyond_ascii & !bit6,
        }
    }
}

/// The classes of eight bytes at a time, in ordinary 64-bit arithmetic: each byte's class lands
/// in its top bit, then the eight top bits are gathered into one byte. For targets without SSE2
/// (and tested against it where it is).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
mod swar {
    use super::{ByteMasks, load_padded};

    /// Bytes classified at once.
    pub(super) const LEN: usize = 8;

    /// The classes of up to [`LEN`] bytes (zeros padding the missing ones).
    pub(super) fn classes(chunk: &[u8]) -> ByteMasks {
        let x = load_padded(chunk);
        let ascii = !x & HIGH;
        let low = x & !HIGH;
        let digit = within(low, b'0', b'9') & ascii;
        let upper = within(low, b'A', b'Z') & ascii;
        let lower = within(low, b'a', b'z') & ascii;
        let alnum = digit | upper | lower;
        let visible = within(low, b'!', b'~') & ascii;
        let space = (within(low, b'\t', b'\r') | equal(low, b' ')) & ascii;
        // `.`, `/`, `>` and `?` are the bytes that give 0x3f once bits 0x11 are set.
        let marks =
            (equal(low | (ONES * 0x11), 0x3f) | equal(low, b'!') | equal(low, b'|')) & ascii;
        ByteMasks {
            ascii: gather(ascii),
            alnum: gather(alnum),
            digit: gather(digit),
            upper: gather(upper),
            punct: gather(visible & !alnum),
            space: gather(space),
            marks: gather(marks),
            lead: gather(x & (x << 1) & HIGH),
            continuation: gather(x & !(x << 1) & HIGH),
        }
    }

    /// One in each byte of a word of eight bytes.
    const ONES: u64 = 0x0101_0101_0101_0101;
    /// The top bit of each byte.
    const HIGH: u64 = ONES * 0x80;

    /// The top bit of each byte of `low` (7-bit values) within `lo..=hi`.
    pub(super) fn within(low: u64, lo: u8, hi: u8) -> u64 {
        ((low + ONES * u64::from(128 - lo)) & !(low + ONES * u64::from(127 - hi))) & HIGH
    }

    /// The top bit of each byte of `low` (7-bit values) equal to `b` (below 128).
    pub(super) fn equal(low: u64, b: u8) -> u64 {
        !((low ^ (ONES * u64::from(b))) + ONES * 0x7f) & HIGH
    }

    /// The top bits of the eight bytes of `x` (the other bits clear), as the eight low bits.
    fn gather(x: u64) -> u64 {
        (x >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
    }
}

/// Up to eight bytes as a little-endian word, zeros padding the missing high bytes. Short
/// slices are read with two overlapping loads rather than copied byte by byte.
pub(crate) fn load_padded(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if let Ok(eight) = bytes.try_into() {
        u64::from_le_bytes(eight)
    } else if n >= 4 {
        let four = |at: usize| {
            u64::from(u32::from_le_bytes([
                bytes[at],
                bytes[at + 1],
                bytes[at + 2],
                bytes[at + 3],
            ]))
        };
        four(0) | (four(n - 4) << (8 * (n - 4)))
    } else if n > 0 {
        u64::from(bytes[0])
            | (u64::from(bytes[n / 2]) << (8 * (n / 2)))
            | (u64::from(bytes[n - 1]) << (8 * (n - 1)))
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_loads_read_every_byte_and_zeros_past_them() {
        let bytes: Vec<u8> = (1..=9).collect();
        for n in 0..=8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(
                load_padded(&bytes[..n]),
                u64::from_le_bytes(padded),
                "{n} bytes"
            );
        }
    }

    #[test]
    fn classes_are_those_of_each_byte() {
        let window: Vec<u8> = (0..=255u8).collect();
        for part in window.chunks(64) {
            let masks = ByteMasks::of(part);
            for (i, &b) in part.iter().enumerate() {
                let bit = |mask: u64| mask & (1 << i) != 0;
                assert_eq!(bit(masks.ascii), b.is_ascii(), "{b}");
                assert_eq!(bit(masks.alnum), b.is_ascii_alphanumeric(), "{b}");
                assert_eq!(bit(masks.digit), b.is_ascii_digit(), "{b}");
                assert_eq!(bit(masks.upper), b.is_ascii_uppercase(), "{b}");
                assert_eq!(bit(masks.punct), b.is_ascii_punctuation(), "{b}");
                let space = b.is_ascii_whitespace() || b == 0x0b;
                assert_eq!(bit(masks.space), space, "{b}");
                assert_eq!(bit(masks.marks), b"!./>?|".contains(&b), "{b}");
                assert_eq!(bit(masks.lead), b >= 0xc0, "{b}");
                assert_eq!(bit(masks.continuation), (0x80..0xc0).contains(&b), "{b}");
            }
        }
    }

    #[test]
    fn eight_byte_primitives_test_each_byte() {
        let word = u64::from_le_bytes(*b"a.Z\t 9.~");
        assert_eq!(swar::within(word, b'a', b'z'), 0x80);
        assert_eq!(swar::within(word, b'\t', b' '), 0x8080 << 24);
        assert_eq!(swar::equal(word, b'.'), (0x80 << 8) | (0x80 << 48));
        assert_eq!(swar::equal(word, b'~'), 0x80 << 56);
    }

    #[test]
    fn eight_byte_classes_make_the_same_windows() {
        let bytes: Vec<u8> = (0..=255u8).rev().chain(*b"Ab 1.|x").collect();
        for part in bytes.chunks(64).chain(bytes.chunks(13)) {
            let mut masks = ByteMasks::default();
            for (k, chunk) in part.chunks(swar::LEN).enumerate() {
                masks.add(swar::classes(chunk), swar::LEN * k);
            }
            masks.ascii &= u64::MAX >> (64 - part.len());
            assert_eq!(masks, ByteMasks::of(part), "{part:?}");
        }
    }

    #[test]
    fn short_windows_leave_the_rest_clear() {
        let masks = ByteMasks::of(b"Ab 1");
        assert_eq!(masks.ascii, 0b1111);
        assert_eq!(masks.alnum, 0b1011);
        assert_eq!(masks.digit, 0b1000);
        assert_eq!(masks.upper, 0b0001);
        assert_eq!(masks.space, 0b0100);
        assert_eq!(ByteMasks::of(b""), ByteMasks::default());
    }
}
