//! Classes of the bytes of a text, 64 bytes at a time, as bit masks: bit `i` of a mask stands for
//! byte `i` of the window. Passes over a block that look for words, capitals or non-ASCII
//! characters iterate over the set bits instead of testing byte after byte.
//!
//! The classes are worked out eight bytes at a time in ordinary 64-bit arithmetic (each byte's
//! class lands in its top bit), then the eight top bits are gathered into one byte. Passes that
//! only count classes use those eight-byte primitives directly ([`within`], [`equal`],
//! [`count`]): counting the top bits of a word takes one multiplication.

/// The byte classes of a window of up to 64 bytes (bits past its end are clear).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ByteMasks {
    /// ASCII bytes.
    pub ascii: u64,
    /// ASCII letters and digits.
    pub alnum: u64,
    /// ASCII capitals.
    pub upper: u64,
    /// ASCII bytes that are no letter, digit, space or control character: punctuation.
    pub punct: u64,
    /// Bytes that begin a non-ASCII character (`0b11xx_xxxx`).
    pub lead: u64,
}

impl ByteMasks {
    /// The classes of `window` (at most 64 bytes).
    pub(crate) fn of(window: &[u8]) -> ByteMasks {
        let mut masks = ByteMasks::default();
        for (k, chunk) in window.chunks(8).enumerate() {
            let x = load_padded(chunk);
            let shift = 8 * k;
            let ascii = !x & HIGH;
            let low = x & !HIGH;
            let digit = within(low, b'0', b'9');
            let upper = within(low, b'A', b'Z');
            let lower = within(low, b'a', b'z');
            let alnum = (digit | upper | lower) & ascii;
            let visible = within(low, b'!', b'~') & ascii;
            masks.ascii |= gather(ascii) << shift;
            masks.alnum |= gather(alnum) << shift;
            masks.upper |= gather(upper & ascii) << shift;
            masks.punct |= gather(visible & !alnum) << shift;
            masks.lead |= gather(x & (x << 1) & HIGH) << shift;
        }
        // The zeros padding a short window are ASCII bytes of no other class.
        if window.len() < 64 {
            masks.ascii &= (1 << window.len()) - 1;
        }
        masks
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

/// One in each byte of a word of eight bytes.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of each byte.
pub(crate) const HIGH: u64 = ONES * 0x80;

/// The top bit of each byte of `low` (7-bit values) within `lo..=hi`.
pub(crate) fn within(low: u64, lo: u8, hi: u8) -> u64 {
    ((low + ONES * u64::from(128 - lo)) & !(low + ONES * u64::from(127 - hi))) & HIGH
}

/// The top bit of each byte of `low` (7-bit values) equal to `b` (below 128).
pub(crate) fn equal(low: u64, b: u8) -> u64 {
    !((low ^ (ONES * u64::from(b))) + ONES * 0x7f) & HIGH
}

/// How many bytes of `top` have their top bit set (the other bits being clear).
pub(crate) fn count(top: u64) -> u32 {
    ((top >> 7).wrapping_mul(ONES) >> 56) as u32
}

/// The top bits of the eight bytes of `x` (the other bits clear), as the eight low bits.
fn gather(x: u64) -> u64 {
    (x >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
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
                assert_eq!(bit(masks.upper), b.is_ascii_uppercase(), "{b}");
                assert_eq!(bit(masks.punct), b.is_ascii_punctuation(), "{b}");
                assert_eq!(bit(masks.lead), b >= 0xc0, "{b}");
            }
        }
    }

    #[test]
    fn eight_byte_primitives_test_each_byte() {
        let word = u64::from_le_bytes(*b"a.Z\t 9.~");
        assert_eq!(count(within(word, b'a', b'z')), 1);
        assert_eq!(count(within(word, b'\t', b' ')), 2);
        assert_eq!(count(equal(word, b'.')), 2);
        assert_eq!(equal(word, b'~'), 0x80 << 56);
        assert_eq!(count(HIGH), 8);
    }

    #[test]
    fn short_windows_leave_the_rest_clear() {
        let masks = ByteMasks::of(b"Ab 1");
        assert_eq!(masks.ascii, 0b1111);
        assert_eq!(masks.alnum, 0b1011);
        assert_eq!(masks.upper, 0b0001);
        assert_eq!(ByteMasks::of(b""), ByteMasks::default());
    }
}
