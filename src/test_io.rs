//! Readers for the library's own tests.

use std::io::{self, Read};

/// A reader that hands its bytes over `.1` at a time, as a slow disk or pipe may.
pub struct Trickle<'b>(pub &'b [u8], pub usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}
