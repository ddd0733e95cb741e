//! CSV records read from a stream exactly as the `csv` crate reads them (any number of fields,
//! blank lines skipped, `"` quoting, `\n`, `\r\n` or `\r` endings), with the file's own line and
//! byte where each record starts.
//!
//! Most lines of a big table are plain: no quotes and no carriage return but the one before the
//! line feed. Those are split here, a 64-byte block at a time (`csv_scan`), which costs a tenth
//! of running csv_core's state machine over every byte. Any other line goes to csv_core, whose
//! state between records is the same as at a file's start, so the two take turns freely.

use super::csv_scan::{BLOCK, marks, marks_of_part};
use std::io::{self, Read};

/// Where a record starts: its line (1-based) and its byte in the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct At {
    pub line: u64,
    pub start: u64,
}

/// One record: its fields' bytes and where each field ends.
#[derive(Debug, Default)]
pub struct Record {
    content: Content,
    ends: Vec<usize>,
    /// Bytes between one field's end and the next one's start: 1 where `content` is the line
    /// itself (its commas kept), 0 where csv_core wrote the fields one after another.
    gap: usize,
}

#[derive(Debug)]
enum Content {
    Text(String),
    /// A record with bytes that are not UTF-8.
    Bytes(Vec<u8>),
}

impl Default for Content {
    fn default() -> Self {
        Content::Bytes(Vec::new())
    }
}

impl Record {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Every field is UTF-8 text.
    pub fn is_text(&self) -> bool {
        matches!(self.content, Content::Text(_))
    }

    fn span(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] + self.gap };
        Some(start..end)
    }

    pub fn bytes(&self, i: usize) -> Option<&[u8]> {
        let span = self.span(i)?;
        match &self.content {
            Content::Text(text) => text.as_bytes().get(span),
            Content::Bytes(bytes) => bytes.get(span),
        }
    }

    /// Field `i`'s text: `None` when there is no such field, `Some(None)` when it is not UTF-8.
    pub fn text(&self, i: usize) -> Option<Option<&str>> {
        let span = self.span(i)?;
        match &self.content {
            Content::Text(text) => Some(text.get(span)),
            Content::Bytes(bytes) => bytes.get(span).map(|b| std::str::from_utf8(b).ok()),
        }
    }

    /// The record's room, emptied, to read the next record into.
    fn take_bytes(&mut self) -> Vec<u8> {
        let mut bytes = match std::mem::take(&mut self.content) {
            Content::Text(text) => text.into_bytes(),
            Content::Bytes(bytes) => bytes,
        };
        bytes.clear();
        bytes
    }

    /// Keeps `bytes` as the record's content, as text when every field is UTF-8.
    fn settle(&mut self, bytes: Vec<u8>) {
        self.content = match String::from_utf8(bytes) {
            // Fields split at commas always end on a character's boundary; fields csv_core wrote
            // one after another may not, and then one of them is not UTF-8 on its own.
            Ok(text) if self.gap == 1 || self.ends.iter().all(|&e| text.is_char_boundary(e)) => {
                Content::Text(text)
            }
            Ok(text) => Content::Bytes(text.into_bytes()),
            Err(e) => Content::Bytes(e.into_bytes()),
        };
    }
}

/// Reads records from `input`, buffering it.
pub struct Records<R> {
    input: R,
    buf: Vec<u8>,
    /// The unread bytes are `buf[pos..filled]`.
    pos: usize,
    filled: usize,
    eof: bool,
    /// The file's byte at `buf[0]`.
    offset: u64,
    /// The file's line at `buf[pos]`.
    line: u64,
    parser: csv_core::Reader,
    /// Not yet past the file's start, where byte order marks are dropped.
    at_file_start: bool,
}

/// UTF-8's byte order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// The size the buffer starts with; it grows only for a line longer than it.
const BUFFER: usize = 1 << 16;

/// What a look at the bytes from a record's start found.
enum Scan {
    /// A plain line: its fields are `len` bytes split at the commas found, and the next record
    /// is looked for `next` bytes on (past the line feed, when there is one).
    Plain { len: usize, next: usize, newline: bool },
    /// The line does not end within the bytes looked at.
    Unfinished,
    /// The line needs csv_core.
    Parse,
}

impl<R: Read> Records<R> {
    /// Reads a file from its start: a byte order mark there is dropped.
    pub fn new(input: R) -> Self {
        Self::starting(input, 0, true)
    }

    /// Reads a file from byte `offset`, where a record starts; its lines count from 1 there.
    pub fn continuing(input: R, offset: u64) -> Self {
        Self::starting(input, offset, false)
    }

    fn starting(input: R, offset: u64, at_file_start: bool) -> Self {
        Records {
            input,
            buf: vec![0; BUFFER],
            pos: 0,
            filled: 0,
            eof: false,
            offset,
            line: 1,
            parser: csv_core::Reader::new(),
            at_file_start,
        }
    }

    pub fn input_mut(&mut self) -> &mut R {
        &mut self.input
    }

    /// The line the next record will be looked for on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Reads the next record into `record`; `None` at the end of the input.
    pub fn read(&mut self, record: &mut Record) -> io::Result<Option<At>> {
        let mut bytes = record.take_bytes();
        record.ends.clear();
        let at = self.read_into(&mut bytes, record);
        record.settle(bytes);
        at
    }

    fn read_into(&mut self, bytes: &mut Vec<u8>, record: &mut Record) -> io::Result<Option<At>> {
        if self.at_file_start {
            self.skip_file_start()?;
        }
        // Line breaks before a record are blank lines: skipped, but counted.
        loop {
            if self.pos == self.filled && !self.refill()? {
                return Ok(None);
            }
            match self.buf[self.pos] {
                b'\n' => self.line += 1,
                b'\r' => {}
                _ => break,
            }
            self.pos += 1;
        }
        let at = At { line: self.line, start: self.offset + self.pos as u64 };
        loop {
            match scan_line(&self.buf[self.pos..self.filled], self.eof, &mut record.ends) {
                Scan::Plain { len, next, newline } => {
                    bytes.extend_from_slice(&self.buf[self.pos..self.pos + len]);
                    record.gap = 1;
                    self.pos += next;
                    self.line += u64::from(newline);
                    return Ok(Some(at));
                }
                Scan::Unfinished => {
                    self.read_more()?;
                }
                Scan::Parse => {
                    record.ends.clear();
                    record.gap = 0;
                    self.parse(bytes, &mut record.ends)?;
                    return Ok(Some(at));
                }
            }
        }
    }

    /// Drops the file's byte order mark, and a second one after it as csv_core does at the
    /// start of its input, so that records are read as the `csv` crate reads them.
    fn skip_file_start(&mut self) -> io::Result<()> {
        for _ in 0..2 {
            while self.filled - self.pos < BOM.len() && !self.eof {
                self.read_more()?;
            }
            if self.buf[self.pos..self.filled].starts_with(BOM) {
                self.pos += BOM.len();
            }
        }
        self.at_file_start = false;
        // csv_core drops a byte order mark at the start of its first input only: reading a
        // line break (which does nothing at a record's start) passes that start.
        let _ = self.parser.read_record(b"\n", &mut [], &mut []);
        Ok(())
    }

    /// Reads one record from `buf[pos..]` with csv_core.
    fn parse(&mut self, bytes: &mut Vec<u8>, ends: &mut Vec<usize>) -> io::Result<()> {
        use csv_core::ReadRecordResult as Read;
        bytes.resize(bytes.capacity().max(256), 0);
        ends.resize(ends.capacity().max(16), 0);
        let (mut written, mut ended) = (0, 0);
        loop {
            if self.pos == self.filled && !self.eof {
                self.refill()?;
            }
            let input = &self.buf[self.pos..self.filled];
            let (result, read, wrote, fields) =
                self.parser.read_record(input, &mut bytes[written..], &mut ends[ended..]);
            self.line += memchr::memchr_iter(b'\n', &input[..read]).count() as u64;
            self.pos += read;
            written += wrote;
            ended += fields;
            match result {
                Read::InputEmpty => {}
                Read::OutputFull => bytes.resize(bytes.len() * 2, 0),
                Read::OutputEndsFull => ends.resize(ends.len() * 2, 0),
                Read::Record | Read::End => {
                    bytes.truncate(written);
                    ends.truncate(ended);
                    return Ok(());
                }
            }
        }
    }

    /// Reads into an emptied buffer; false at the end of the input.
    fn refill(&mut self) -> io::Result<bool> {
        self.offset += self.filled as u64;
        self.pos = 0;
        self.filled = 0;
        self.read_more()?;
        Ok(self.filled > 0)
    }

    /// Reads more after the unread bytes, moved to the buffer's start (which grows when they
    /// fill it); at the end of the input, notes it.
    fn read_more(&mut self) -> io::Result<()> {
        if self.eof {
            return Ok(());
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.offset += self.pos as u64;
            self.filled -= self.pos;
            self.pos = 0;
        }
        if self.filled == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        loop {
            match self.input.read(&mut self.buf[self.filled..]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
            return Ok(());
        }
    }
}

/// Looks at `bytes` from a record's start (never a line break) for a plain line, putting where
/// its fields end in `ends`. `at_end`: no bytes follow these.
fn scan_line(bytes: &[u8], at_end: bool, ends: &mut Vec<usize>) -> Scan {
    ends.clear();
    // The carriage return seen in the line, if any: allowed only just before its end.
    let mut carriage_return = None;
    let mut base = 0;
    let end = loop {
        if base >= bytes.len() {
            if !at_end {
                return Scan::Unfinished;
            }
            break bytes.len();
        }
        let marks = match bytes.get(base..base + BLOCK) {
            Some(block) => marks(block.try_into().unwrap_or(&[0; BLOCK])),
            None => marks_of_part(&bytes[base..]),
        };
        let line_feed = marks.newlines.trailing_zeros() as usize;
        let before = if line_feed == BLOCK { u64::MAX } else { (1u64 << line_feed) - 1 };
        if marks.quotes & before != 0 {
            return Scan::Parse;
        }
        let returns = marks.returns & before;
        if returns != 0 {
            if carriage_return.is_some() || returns.count_ones() > 1 {
                return Scan::Parse;
            }
            carriage_return = Some(base + returns.trailing_zeros() as usize);
        }
        let mut commas = marks.commas & before;
        while commas != 0 {
            ends.push(base + commas.trailing_zeros() as usize);
            commas &= commas - 1;
        }
        if line_feed < BLOCK && base + line_feed < bytes.len() {
            break base + line_feed;
        }
        base += BLOCK;
    };
    let newline = end < bytes.len();
    let len = match carriage_return {
        None => end,
        Some(at) if at + 1 == end => at,
        Some(_) => return Scan::Parse,
    };
    ends.push(len);
    Scan::Plain { len, next: if newline { end + 1 } else { end }, newline }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_io::Trickle;

    /// Each record's line, start and fields as `Records` reads them, in chunks of `chunk` bytes.
    fn ours(bytes: &[u8], chunk: usize) -> Vec<(At, Vec<Vec<u8>>)> {
        let mut records = Records::new(Trickle(bytes, chunk));
        let mut record = Record::default();
        let mut read = Vec::new();
        while let Some(at) = records.read(&mut record).unwrap() {
            read.push((at, (0..record.len()).map(|i| record.bytes(i).unwrap().to_vec()).collect()));
        }
        read
    }

    /// Each record's fields as the `csv` crate reads them (after the file's byte order mark).
    fn theirs(bytes: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(bytes);
        let mut record = csv::ByteRecord::new();
        let mut read = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            read.push(record.iter().map(<[u8]>::to_vec).collect());
        }
        read
    }

    #[test]
    fn records_are_the_fields_the_csv_crate_reads() {
        let cases: &[&[u8]] = &[
            b"a,b\nc,d\n",
            b"a,b\r\nc,d\r\n",
            b"a,b\rc,d\r",
            b"a,b",
            b"a,b\r",
            b"\n\n\na\n\r\n\rb",
            b"a,\"b,c\"\nd\n",
            b"a,\"two\nlines\",c\r\nd",
            b"a,\"say \"\"hi\"\"\"\n",
            b"a\"b,c\n",
            b"\"unclosed,a\nb\n",
            b",,\n,\n",
            b"a\r\rb\n",
            b"a,b\r\r\n",
            b"\xef\xbb\xbfa,b\n",
            b"\xef\xbb\xbf\xef\xbb\xbfa,b\n",
            b"\xef\xbb\xbf\xef\xbb\xbf\xef\xbb\xbfa\n",
            b"a\n\xef\xbb\xbf\"b\"\n",
            b"\xef\xbb",
            b"caf\xc3\xa9,\xff\n",
        ];
        for &bytes in cases {
            for chunk in [1, 2, 3, 7, 64, 4096] {
                let fields: Vec<_> = ours(bytes, chunk).into_iter().map(|(_, f)| f).collect();
                assert_eq!(
                    fields,
                    theirs(bytes),
                    "{:?} in chunks of {chunk}",
                    String::from_utf8_lossy(bytes)
                );
            }
        }
    }

    #[test]
    fn a_record_names_the_line_and_byte_it_starts_on() {
        // (file, each record's line and start)
        type Case<'a> = (&'a [u8], &'a [(u64, u64)]);
        let cases: &[Case] = &[
            (b"a\nb\n", &[(1, 0), (2, 2)]),
            (b"a\r\nb\r\n", &[(1, 0), (2, 3)]),
            (b"\xef\xbb\xbfa\nb", &[(1, 3), (2, 5)]),
            (b"a,\"x\ny\"\n\nb\n", &[(1, 0), (4, 9)]),
            (b"a\r\n\r\n\"b\"\r\nc", &[(1, 0), (3, 5), (4, 10)]),
        ];
        for (bytes, want) in cases {
            for chunk in [1, 5, 4096] {
                let got: Vec<(u64, u64)> =
                    ours(bytes, chunk).iter().map(|(at, _)| (at.line, at.start)).collect();
                assert_eq!(got, *want, "{:?} in chunks of {chunk}", String::from_utf8_lossy(bytes));
            }
        }
    }

    #[test]
    fn a_line_longer_than_the_buffer_is_read_whole() {
        let long = "x".repeat(3 * BUFFER + 5);
        let bytes = format!("a,{long}\nb\n");
        let read = ours(bytes.as_bytes(), 1 << 20);
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].1[1].len(), long.len());
        assert_eq!((read[1].0.line, read[1].0.start), (2, long.len() as u64 + 3));
    }

    #[test]
    fn fields_are_text_only_when_each_is_utf8_on_its_own() {
        // Quoted, csv_core writes the two halves of 'é' as two fields that are not text alone.
        let mut records = Records::new(&b"\"\xc3\",\"\xa9\"\ncaf\xc3\xa9,x\n"[..]);
        let mut record = Record::default();
        records.read(&mut record).unwrap();
        assert!(!record.is_text());
        assert_eq!(record.text(0), Some(None));
        records.read(&mut record).unwrap();
        assert!(record.is_text());
        assert_eq!((record.text(0), record.text(2)), (Some(Some("café")), None));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_read_as_the_csv_crate_reads_them(
            bytes in proptest::collection::vec(proptest::sample::select(b"ab,\"\r\n\xef\xbb\xbf\xc3\xa9 ".to_vec()), 0..200),
            chunk in 1usize..80,
        ) {
            let fields: Vec<_> = ours(&bytes, chunk).into_iter().map(|(_, f)| f).collect();
            proptest::prop_assert_eq!(fields, theirs(&bytes));
        }
    }
}
