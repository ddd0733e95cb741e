//! An export read as a stream, so that an import's memory does not grow with the file: its bytes
//! come out as UTF-8 text (a byte order mark dropped, bytes that are not UTF-8 replaced by U+FFFD),
//! and the same text goes to the dataset's copy as it is read, so that every quote taken from it
//! is found in the copy.

use std::io::{self, BufRead, BufReader, Read, Write};

pub struct LossyCopy<R: Read, W: Write> {
    input: BufReader<R>,
    copy: W,
    /// Decoded text not yet handed out.
    out: Vec<u8>,
    at: usize,
    /// The start of a character split across two reads.
    carry: Vec<u8>,
    started: bool,
}

impl<R: Read, W: Write> LossyCopy<R, W> {
    pub fn new(input: R, copy: W) -> Self {
        LossyCopy {
            input: BufReader::with_capacity(1 << 16, input),
            copy,
            out: Vec::new(),
            at: 0,
            carry: Vec::new(),
            started: false,
        }
    }

    /// The copy, once everything was read.
    pub fn into_copy(self) -> W {
        self.copy
    }

    /// Decodes the next stretch of input into `out`; false at the end.
    fn refill(&mut self) -> io::Result<bool> {
        let chunk = self.input.fill_buf()?;
        let end = chunk.is_empty();
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(chunk);
        let used = chunk.len();
        self.input.consume(used);
        if end && bytes.is_empty() {
            return Ok(false);
        }
        self.out.clear();
        self.at = 0;
        const BOM: &[u8] = b"\xef\xbb\xbf";
        if !self.started && !end && bytes.len() < BOM.len() && BOM.starts_with(&bytes) {
            // Too little read yet to tell a byte order mark.
            self.carry = bytes;
            return Ok(true);
        }
        let mut rest: &[u8] = &bytes;
        if !self.started {
            self.started = true;
            rest = rest.strip_prefix(BOM).unwrap_or(rest);
        }
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    self.out.extend_from_slice(valid.as_bytes());
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    self.out.extend_from_slice(valid);
                    match e.error_len() {
                        Some(n) => {
                            self.out.extend_from_slice("\u{fffd}".as_bytes());
                            rest = &after[n..];
                        }
                        // A character cut by the end of this read: finished by the next one,
                        // unless the file ends here.
                        None if !end => {
                            self.carry = after.to_vec();
                            break;
                        }
                        None => {
                            self.out.extend_from_slice("\u{fffd}".as_bytes());
                            break;
                        }
                    }
                }
            }
        }
        self.copy.write_all(&self.out)?;
        Ok(true)
    }
}

impl<R: Read, W: Write> Read for LossyCopy<R, W> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.out.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_io::Trickle;

    /// Reads `input` through a reader that hands over `chunk` bytes at a time.
    fn through(input: &[u8], chunk: usize) -> (String, Vec<u8>) {
        let mut reader = LossyCopy::new(Trickle(input, chunk), Vec::new());
        let mut text = String::new();
        reader.read_to_string(&mut text).unwrap();
        (text, reader.into_copy())
    }

    #[test]
    fn text_comes_out_as_utf8_and_the_copy_holds_the_same() {
        let cases: [(&[u8], &str); 5] = [
            (b"plain text", "plain text"),
            (b"\xef\xbb\xbfid,name\n", "id,name\n"),
            ("Sabh\u{101} and Ajd\u{101}biy\u{101}".as_bytes(), "Sabh\u{101} and Ajd\u{101}biy\u{101}"),
            (b"bad \xff byte", "bad \u{fffd} byte"),
            (b"cut at the end \xe2\x82", "cut at the end \u{fffd}"),
        ];
        for (input, want) in cases {
            for chunk in [1, 2, 3, 7, 1 << 16] {
                let (text, copy) = through(input, chunk);
                assert_eq!(text, want, "{input:?} in chunks of {chunk}");
                assert_eq!(copy, want.as_bytes(), "the copy of {input:?} in chunks of {chunk}");
            }
        }
    }
}
