//! The bytes of a 64-byte block that matter to splitting a CSV line: commas, line feeds, and the
//! two that send a line to the full parser (quotes, carriage returns). One pass over the block
//! gives each as a bit mask, so a line of plain fields costs a few instructions per field, not
//! per byte.

/// Bytes looked at together.
pub const BLOCK: usize = 64;

/// Bit `i` of a mask is set when byte `i` of the block is that byte.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub commas: u64,
    pub newlines: u64,
    pub quotes: u64,
    pub returns: u64,
}

/// The marks of `block`.
pub fn marks(block: &[u8; BLOCK]) -> Marks {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86_64 baseline: every processor that runs this has it.
        unsafe { sse2::marks(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        portable(block)
    }
}

/// The marks of the first `len` bytes of `bytes` (at most a block); the rest of the block is
/// marked as nothing.
pub fn marks_of_part(bytes: &[u8]) -> Marks {
    let mut block = [0u8; BLOCK];
    let len = bytes.len().min(BLOCK);
    block[..len].copy_from_slice(&bytes[..len]);
    marks(&block)
}

#[cfg(any(test, not(target_arch = "x86_64")))]
fn portable(block: &[u8; BLOCK]) -> Marks {
    let mut marks = Marks::default();
    for (i, &byte) in block.iter().enumerate() {
        let bit = 1u64 << i;
        match byte {
            b',' => marks.commas |= bit,
            b'\n' => marks.newlines |= bit,
            b'"' => marks.quotes |= bit,
            b'\r' => marks.returns |= bit,
            _ => {}
        }
    }
    marks
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::{BLOCK, Marks};
    use std::arch::x86_64::{__m128i, _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set1_epi8};

    #[target_feature(enable = "sse2")]
    pub fn marks(block: &[u8; BLOCK]) -> Marks {
        let mask = |lane: __m128i, byte: u8| {
            _mm_movemask_epi8(_mm_cmpeq_epi8(lane, _mm_set1_epi8(byte as i8))) as u16 as u64
        };
        let mut marks = Marks::default();
        for (k, lane) in block.chunks_exact(16).enumerate() {
            let bytes: [u8; 16] = lane.try_into().unwrap_or_default();
            let lane: __m128i = bytemuck::cast(bytes);
            let shift = 16 * k;
            marks.commas |= mask(lane, b',') << shift;
            marks.newlines |= mask(lane, b'\n') << shift;
            marks.quotes |= mask(lane, b'"') << shift;
            marks.returns |= mask(lane, b'\r') << shift;
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_special_byte_is_marked_where_it_is() {
        let mut block = [b'a'; BLOCK];
        for (at, byte) in [(0, b','), (15, b'\n'), (16, b'"'), (31, b'\r'), (47, b','), (63, b'\n')] {
            block[at] = byte;
        }
        let marks = marks(&block);
        assert_eq!(marks.commas, 1 | 1 << 47);
        assert_eq!(marks.newlines, 1 << 15 | 1 << 63);
        assert_eq!(marks.quotes, 1 << 16);
        assert_eq!(marks.returns, 1 << 31);
    }

    #[test]
    fn marks_are_the_same_however_they_are_found() {
        let alphabet = b"a,\n\"\r\xff\x00 ";
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            let mut block = [0u8; BLOCK];
            for byte in &mut block {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *byte = alphabet[(state % alphabet.len() as u64) as usize];
            }
            assert_eq!(marks(&block), portable(&block), "{block:?}");
        }
    }

    #[test]
    fn a_part_of_a_block_is_marked_as_far_as_it_goes() {
        let marks = marks_of_part(b"a,b\n");
        assert_eq!((marks.commas, marks.newlines), (1 << 1, 1 << 3));
    }
}
