//! CSV files read record by record, so that one bad line is reported and the rest still load.
//!
//! A table is streamed: one record is held at a time (reused, so reading allocates nothing per
//! row), and the file itself is never held in memory.

use super::csv_records::{At, Record, Records};
use super::problem::Problem;
use std::io::{self, Read};

/// A column a reader asks for, found once in the header: rows are then read by position.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    ix: Option<usize>,
    pub name: &'static str,
}

pub struct Table<R: Read> {
    pub file: String,
    columns: Vec<String>,
    reader: Records<R>,
    /// The current record.
    record: Record,
    told_not_utf8: bool,
}

/// Rows handed from the thread that reads a table to the one that checks its rows, with what
/// the reading thread made of each.
struct Batch<P> {
    /// Each row's start and record; only the first `len` are this batch's.
    rows: Vec<(At, Record)>,
    prepared: Vec<P>,
    len: usize,
    /// Problems found while reading, each with the row it comes before (`len`: after the last).
    problems: Vec<(usize, Problem)>,
}

/// Rows in a batch: enough that handing a batch over costs nothing next to reading it.
const BATCH_ROWS: usize = 1024;

/// One record: where it starts and its fields.
pub struct Row<'t> {
    pub line: u64,
    /// The byte of the file the record starts at.
    pub start: u64,
    file: &'t str,
    fields: &'t Record,
}

impl<R: Read> Table<R> {
    /// Reads the header of `input` (CSV, with or without a UTF-8 BOM). Reports missing
    /// `required` columns and then gives up on the file.
    pub fn read(file: &str, input: R, required: &[&str], problems: &mut Vec<Problem>) -> Option<Self> {
        let mut reader = Records::new(input);
        let mut header = Record::default();
        match reader.read(&mut header) {
            Ok(Some(_)) => {}
            Ok(None) => {
                problems.push(Problem::in_file(file, "file is empty: it needs a header line"));
                return None;
            }
            Err(e) => {
                problems.push(Problem::in_file(file, format!("cannot read the header: {e}")));
                return None;
            }
        }
        let columns: Vec<String> = (0..header.len())
            .map(|i| String::from_utf8_lossy(header.bytes(i).unwrap_or_default()).trim().to_string())
            .collect();
        let mut table = Table {
            file: file.to_string(),
            columns,
            reader,
            record: Record::default(),
            told_not_utf8: false,
        };
        if !header.is_text() {
            table.tell_not_utf8(problems);
        }
        let missing: Vec<&&str> = required.iter().filter(|c| table.column_ix(c).is_none()).collect();
        for column in &missing {
            problems.push(Problem::at(file, 1, column, "missing column"));
        }
        if !missing.is_empty() {
            return None;
        }
        Some(table)
    }

    /// The same table read on from byte `from` of the file, where a record starts, through
    /// `input` (which starts there): the columns are this table's, its lines count from 1 there.
    pub fn continuing<S: Read>(&self, input: S, from: u64) -> Table<S> {
        Table {
            file: self.file.clone(),
            columns: self.columns.clone(),
            reader: Records::continuing(input, from),
            record: Record::default(),
            told_not_utf8: false,
        }
    }

    /// What the table reads from.
    pub fn input_mut(&mut self) -> &mut R {
        self.reader.input_mut()
    }

    fn column_ix(&self, name: &str) -> Option<usize> {
        // The first of two columns with one name wins, as a spreadsheet's lookup would.
        self.columns.iter().position(|c| c == name)
    }

    pub fn column(&self, name: &'static str) -> Column {
        Column { ix: self.column_ix(name), name }
    }

    fn tell_not_utf8(&mut self, problems: &mut Vec<Problem>) {
        if !self.told_not_utf8 {
            self.told_not_utf8 = true;
            problems.push(Problem::in_file(&self.file, "file is not UTF-8 text; save it as UTF-8"));
        }
    }

    /// The next record, or `None` at the end. A record that cannot be read is reported and skipped;
    /// a field that is not UTF-8 is reported and then reads as missing.
    pub fn next_row(&mut self, problems: &mut Vec<Problem>) -> Option<Row<'_>> {
        let mut record = std::mem::take(&mut self.record);
        let at = self.read_record(&mut record, problems);
        self.record = record;
        let At { line, start } = at?;
        Some(Row { line, start, file: &self.file, fields: &self.record })
    }

    /// Reads the next record into `record` and gives where it starts, or `None` at the end.
    fn read_record(&mut self, record: &mut Record, problems: &mut Vec<Problem>) -> Option<At> {
        let at = match self.reader.read(record) {
            Ok(Some(at)) => at,
            Ok(None) => return None,
            Err(e) => {
                problems.push(Problem::at(
                    &self.file,
                    self.reader.line(),
                    "record",
                    format!("cannot read the record: {e}"),
                ));
                return None;
            }
        };
        // More fields than the header has columns: most often a comma outside quotes, which cut
        // a field in two. Empty extras (a spreadsheet's trailing commas) are harmless.
        let columns = self.columns.len();
        if record.len() > columns
            && (columns..record.len()).any(|i| record.bytes(i).is_some_and(|f| !f.is_empty()))
        {
            problems.push(Problem::at(
                &self.file,
                at.line,
                "record",
                format!(
                    "{} fields where the header has {}: is a comma outside quotes? (put a field with commas in \"double quotes\")",
                    record.len(),
                    columns
                ),
            ));
        }
        if !record.is_text() {
            self.tell_not_utf8(problems);
            for (i, name) in self.columns.iter().enumerate() {
                if record.text(i) == Some(None) {
                    problems.push(Problem::at(&self.file, at.line, name, "not UTF-8 text"));
                }
            }
        }
        Some(at)
    }

    /// Fills `batch` with up to `rows` next rows and what `prepare` makes of each; false once
    /// the table is read to its end. The rows are read first and then prepared one after
    /// another: lookups in a big index, done back to back, wait for memory together rather
    /// than in turn.
    fn read_batch<P>(
        &mut self,
        batch: &mut Batch<P>,
        rows: usize,
        prepare: &impl Fn(&Row) -> P,
        scratch: &mut Vec<Problem>,
    ) -> bool {
        batch.len = 0;
        batch.problems.clear();
        batch.prepared.clear();
        let mut more = true;
        while batch.len < rows {
            if batch.rows.len() == batch.len {
                batch.rows.push((At::default(), Record::default()));
            }
            let (at, record) = &mut batch.rows[batch.len];
            let read = self.read_record(record, scratch);
            batch.problems.extend(scratch.drain(..).map(|p| (batch.len, p)));
            let Some(read) = read else {
                more = false;
                break;
            };
            *at = read;
            batch.len += 1;
        }
        for (at, record) in &batch.rows[..batch.len] {
            let row = Row { line: at.line, start: at.start, file: &self.file, fields: record };
            batch.prepared.push(prepare(&row));
        }
        more
    }
}

/// A table's rows read ahead a few dozen at a time, each with what `prepare` made of it: the
/// rows of a lot are read, then prepared one after another (lookups in a big index, done back
/// to back, wait for memory together rather than in turn), then handed out.
pub struct RowsAhead<P> {
    batch: Batch<P>,
    /// The next row to hand out, and how many of the batch's problems are told.
    next: usize,
    told: usize,
    /// The table goes on after the batch.
    more: bool,
}

impl<P> Default for RowsAhead<P> {
    fn default() -> Self {
        RowsAhead { batch: Batch::default(), next: 0, told: 0, more: true }
    }
}

impl<P: Copy> RowsAhead<P> {
    /// The next row of `table` as `Table::next_row` gives it (the problems reading it found are
    /// told first), and what `prepare` made of it.
    pub fn next<'a, R: Read>(
        &'a mut self,
        table: &'a mut Table<R>,
        problems: &mut Vec<Problem>,
        prepare: &impl Fn(&Row) -> P,
    ) -> Option<(Row<'a>, P)> {
        // Enough rows that their lookups overlap, few enough that what they bring into the
        // cache stays there until the rows are checked.
        const ROWS: usize = 32;
        if self.next == self.batch.len && self.more {
            let mut scratch = Vec::new();
            self.more = table.read_batch(&mut self.batch, ROWS, prepare, &mut scratch);
            (self.next, self.told) = (0, 0);
        }
        let next = self.next;
        let waiting = &self.batch.problems[self.told..];
        let due = waiting.iter().take_while(|(before, _)| *before <= next).count();
        problems.extend(waiting[..due].iter().map(|(_, p)| p.clone()));
        self.told += due;
        self.next += usize::from(next < self.batch.len);
        let (at, record) = self.batch.rows[..self.batch.len].get(next)?;
        let row = Row { line: at.line, start: at.start, file: &table.file, fields: record };
        Some((row, self.batch.prepared[next]))
    }
}

impl<P> Default for Batch<P> {
    fn default() -> Self {
        Batch { rows: Vec::new(), prepared: Vec::new(), len: 0, problems: Vec::new() }
    }
}

impl<R: Read + Send> Table<R> {
    /// Hands every row to `each`, in order, as `next_row` would, while a second thread reads
    /// the rows ahead and runs `prepare` on each: reading a big table and checking its rows
    /// overlap, and work that needs nothing but the row itself (looking ids up, parsing) is
    /// done on the reading thread. Problems found while reading come in their place among the
    /// ones `each` reports.
    pub fn for_each_row<P: Send>(
        mut self,
        problems: &mut Vec<Problem>,
        prepare: impl Fn(&Row) -> P + Send,
        mut each: impl FnMut(&Row, P, &mut Vec<Problem>),
    ) {
        // Two batches in flight keep the reader ahead without holding much of the file.
        let (full, filled) = std::sync::mpsc::sync_channel::<Batch<P>>(2);
        let (empty, emptied) = std::sync::mpsc::channel::<Batch<P>>();
        let file = self.file.clone();
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let mut scratch = Vec::new();
                loop {
                    let mut batch = emptied.try_recv().unwrap_or_default();
                    let more = self.read_batch(&mut batch, BATCH_ROWS, &prepare, &mut scratch);
                    if full.send(batch).is_err() || !more {
                        return;
                    }
                }
            });
            for mut batch in filled {
                let mut found = std::mem::take(&mut batch.problems).into_iter().peekable();
                let prepared = batch.prepared.drain(..);
                for (i, ((at, record), prepared)) in batch.rows[..batch.len].iter().zip(prepared).enumerate()
                {
                    problems.extend(
                        std::iter::from_fn(|| found.next_if(|(before, _)| *before <= i)).map(|(_, p)| p),
                    );
                    let row = Row { line: at.line, start: at.start, file: &file, fields: record };
                    each(&row, prepared, problems);
                }
                problems.extend(found.map(|(_, p)| p));
                // The reader may have finished; then the batch is simply dropped.
                let _ = empty.send(batch);
            }
        });
    }
}

/// `str::trim`, quick for the usual field: one that begins and ends with a printable ASCII
/// character has nothing to trim, and Unicode's whitespace is looked for only otherwise.
fn trim(field: &str) -> &str {
    match field.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => field,
        [only] if only.is_ascii_graphic() => field,
        _ => field.trim(),
    }
}

impl<'t> Row<'t> {
    /// The field's text; `None` when absent, `Some(None)` when not UTF-8.
    fn field(&self, column: Column) -> Option<Option<&'t str>> {
        self.fields.text(column.ix?)
    }

    /// A field's trimmed text; empty when the column or the field is absent or unreadable.
    pub fn get(&self, column: Column) -> &'t str {
        self.field(column).flatten().map(trim).unwrap_or("")
    }

    /// A field that must not be empty; reports it when it is (an unreadable field is reported
    /// already).
    pub fn required(&self, column: Column, problems: &mut Vec<Problem>) -> Option<&'t str> {
        let value = self.get(column);
        if value.is_empty() {
            if self.field(column).is_none_or(|f| f.is_some()) {
                problems.push(self.problem(column, "empty required field"));
            }
            None
        } else {
            Some(value)
        }
    }

    /// A problem with this row's field.
    pub fn problem(&self, column: Column, message: impl Into<String>) -> Problem {
        Problem::at(self.file, self.line, column.name, message)
    }
}

/// About how many line breaks a file of `size` bytes has, from its first mebibyte: exact for a
/// smaller file, a little over for a bigger one whose lines are alike (room made for records
/// that never come costs no memory; too little costs a copy as it grows).
pub fn estimate_lines(input: impl Read, size: u64) -> io::Result<usize> {
    const SAMPLE: u64 = 1 << 20;
    let mut sample = Vec::new();
    input.take(SAMPLE).read_to_end(&mut sample)?;
    let lines = memchr::memchr_iter(b'\n', &sample).count() as u64;
    if size <= sample.len() as u64 {
        return Ok(lines as usize);
    }
    let per_byte = (lines + 1) as f64 / sample.len().max(1) as f64;
    Ok((size as f64 * per_byte * 1.1) as usize + 16)
}

/// Splits a `|`-separated list, dropping empty items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_io::Trickle;

    #[test]
    fn fields_are_trimmed_as_str_trim_does() {
        for field in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta\n",
            "Waddan",
            "\u{a0}Hun\u{a0}",
            "\u{3000}x",
            "x\u{2003}",
            "ودان",
            " ودان",
            "é",
        ] {
            assert_eq!(trim(field), field.trim(), "{field:?}");
        }
    }

    /// Every row's line and its `name` field, and the problems.
    fn read(bytes: &[u8]) -> (Vec<(u64, String)>, Vec<String>) {
        let mut problems = Vec::new();
        let mut rows = Vec::new();
        if let Some(mut table) = Table::read("t.csv", bytes, &["id", "name"], &mut problems) {
            let name = table.column("name");
            while let Some(row) = table.next_row(&mut problems) {
                rows.push((row.line, row.get(name).to_string()));
            }
        }
        (rows, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reports_what_is_wrong_and_keeps_the_rest() {
        let cases: Vec<(&[u8], Vec<&str>, usize)> = vec![
            (b"id,name\na,A\n", vec![], 1),
            (b"\xef\xbb\xbfid,name\na,A\n", vec![], 1),
            (b"id\na\n", vec!["t.csv:1: name: missing column"], 0),
            (b"", vec!["t.csv: file is empty: it needs a header line"], 0),
            (
                b"id,name\na,\xff\xfe\nb,B\n",
                vec!["t.csv: file is not UTF-8 text; save it as UTF-8", "t.csv:2: name: not UTF-8 text"],
                2,
            ),
            (
                b"id,name\na\n\nb,B,extra\n",
                vec![
                    "t.csv:4: record: 3 fields where the header has 2: is a comma outside quotes? (put a field with commas in \"double quotes\")",
                ],
                2,
            ),
            (b"id,name\na,A,,\n", vec![], 1),
            (b"id,name\n\"a,A\n", vec![], 1),
        ];
        for (bytes, expected, rows) in cases {
            let (read_rows, problems) = read(bytes);
            assert_eq!(problems, expected, "{:?}", String::from_utf8_lossy(bytes));
            assert_eq!(read_rows.len(), rows, "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn required_fields_must_have_text() {
        let mut problems = Vec::new();
        let mut table = Table::read("t.csv", &b"id,name\na, \n"[..], &["id"], &mut problems).unwrap();
        let (id, name) = (table.column("id"), table.column("name"));
        let row = table.next_row(&mut problems).unwrap();
        let mut found = Vec::new();
        assert_eq!(row.required(id, &mut found), Some("a"));
        assert_eq!(row.required(name, &mut found), None);
        assert_eq!(found[0].to_string(), "t.csv:2: name: empty required field");
    }

    #[test]
    fn an_unreadable_field_reads_as_empty_and_is_reported_once() {
        let (rows, problems) = read(b"id,name\na,\xff\n");
        assert_eq!(rows, [(2, String::new())]);
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn rows_name_the_files_own_line_whatever_the_endings() {
        // (file, the line each row starts on)
        let cases: &[(&[u8], &[u64])] = &[
            (b"id,name\na,A\nb,B\n", &[2, 3]),
            (b"id,name\r\na,A\r\nb,B\r\n", &[2, 3]),
            (b"\xef\xbb\xbfid,name\r\na,A\r\nb,B\r\n", &[2, 3]),
            (b"id,name\na,\"two\nlines\"\nb,B\n", &[2, 4]),
            (b"id,name\r\na,\"two\nlines\"\r\nb,B\r\n", &[2, 4]),
            (b"id,name\r\na,\"two\r\nlines\"\r\nb,B\r\n", &[2, 4]),
            (b"id,name\n\na,A\n\n\nb,B", &[3, 6]),
            (b"id,name\r\n\r\na,A\r\n\r\n\r\nb,B", &[3, 6]),
        ];
        for (bytes, want) in cases {
            let (rows, _) = read(bytes);
            let lines: Vec<u64> = rows.iter().map(|r| r.0).collect();
            assert_eq!(lines, *want, "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn rows_read_ahead_are_the_rows_and_problems_read_one_by_one() {
        let files: &[&[u8]] =
            &[b"id,name\na,A\nb,B\n", b"id,name\na,\xff\nb,B,extra\n\nc,\"open\nd,D\n", b"id,name\n"];
        for bytes in files {
            let long: Vec<u8> = bytes.iter().chain(b"x,X\n".repeat(100).iter()).copied().collect();
            for bytes in [bytes.to_vec(), long] {
                let (one_by_one, told) = read(&bytes);
                let mut problems = Vec::new();
                let mut table = Table::read("t.csv", &bytes[..], &["id", "name"], &mut problems).unwrap();
                let name = table.column("name");
                let prepared = std::cell::Cell::new(0);
                let prepare = |row: &Row| {
                    prepared.set(prepared.get() + 1);
                    row.line
                };
                let mut ahead = RowsAhead::default();
                let mut rows = Vec::new();
                while let Some((row, line)) = ahead.next(&mut table, &mut problems, &prepare) {
                    assert_eq!(line, row.line);
                    rows.push((row.line, row.get(name).to_string()));
                }
                let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
                assert_eq!((&rows, &problems), (&one_by_one, &told), "{:?}", String::from_utf8_lossy(&bytes));
                assert_eq!(prepared.get(), rows.len());
            }
        }
    }

    #[test]
    fn lines_are_the_same_however_the_input_arrives() {
        let bytes = b"\xef\xbb\xbfid,name\r\na,\"two\r\nlines\"\r\n\r\nb,B\r\nc,C\n";
        for chunk in [1, 2, 3, 5, 64] {
            let mut problems = Vec::new();
            let mut table = Table::read("t.csv", Trickle(bytes, chunk), &["id"], &mut problems).unwrap();
            let id = table.column("id");
            let mut rows = Vec::new();
            while let Some(row) = table.next_row(&mut problems) {
                rows.push((row.line, row.get(id).to_string()));
            }
            let want = [(2, "a".to_string()), (5, "b".to_string()), (6, "c".to_string())];
            assert_eq!(rows, want, "chunks of {chunk}");
            assert!(problems.is_empty(), "{problems:?}");
        }
    }
}
