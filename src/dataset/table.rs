//! CSV files read record by record, so that one bad line is reported and the rest still load.

use super::problem::Problem;
use std::collections::HashMap;

/// One record: its line and its raw fields (one allocation per record, decoded on access).
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    record: csv::ByteRecord,
}

impl Row {
    /// The field's text; `None` when absent, `Some(None)` when not UTF-8.
    fn field(&self, i: usize) -> Option<Option<&str>> {
        self.record.get(i).map(|f| std::str::from_utf8(f).ok())
    }
}

#[derive(Debug)]
pub struct Table {
    pub file: String,
    columns: HashMap<String, usize>,
    pub rows: Vec<Row>,
}

impl Table {
    /// Reads `bytes` as CSV with a header. Reports missing `required` columns (then gives up on
    /// the file) and fields that are not UTF-8 (those rows are kept, the field reads as missing).
    pub fn read(file: &str, bytes: &[u8], required: &[&str], problems: &mut Vec<Problem>) -> Option<Table> {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        if std::str::from_utf8(bytes).is_err() {
            problems.push(Problem::in_file(file, "file is not UTF-8 text; save it as UTF-8"));
        }
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(bytes);
        let mut records = reader.byte_records();
        let header = match records.next() {
            Some(Ok(header)) => header,
            Some(Err(e)) => {
                problems.push(Problem::in_file(file, format!("cannot read the header: {e}")));
                return None;
            }
            None => {
                problems.push(Problem::in_file(file, "file is empty: it needs a header line"));
                return None;
            }
        };
        let columns: HashMap<String, usize> = header
            .iter()
            .enumerate()
            .map(|(i, name)| (String::from_utf8_lossy(name).trim().to_string(), i))
            .collect();
        let missing: Vec<&&str> = required.iter().filter(|c| !columns.contains_key(**c)).collect();
        for column in &missing {
            problems.push(Problem::at(file, 1, column, "missing column"));
        }
        if !missing.is_empty() {
            return None;
        }
        let mut rows = Vec::new();
        let mut lines = LineCounter::new(bytes);
        for record in records {
            match record {
                Ok(record) => {
                    let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
                    rows.push(Row { line, record });
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                    problems.push(Problem::at(file, line, "record", format!("cannot read the record: {e}")));
                }
            }
        }
        let table = Table { file: file.to_string(), columns, rows };
        for row in &table.rows {
            if std::str::from_utf8(row.record.as_slice()).is_err() {
                for (name, &i) in &table.columns {
                    if let Some(None) = row.field(i) {
                        problems.push(Problem::at(file, row.line, name, "not UTF-8 text"));
                    }
                }
            }
        }
        Some(table)
    }

    /// A field's trimmed text; empty when the column or the field is absent or unreadable.
    pub fn get<'r>(&self, row: &'r Row, column: &str) -> &'r str {
        self.columns.get(column).and_then(|&i| row.field(i)).flatten().map(str::trim).unwrap_or("")
    }

    /// A field that must not be empty; reports it when it is.
    pub fn required<'r>(&self, row: &'r Row, column: &str, problems: &mut Vec<Problem>) -> Option<&'r str> {
        let value = self.get(row, column);
        if value.is_empty() {
            let readable = self.columns.get(column).and_then(|&i| row.field(i)).is_none_or(|f| f.is_some());
            if readable {
                problems.push(Problem::at(&self.file, row.line, column, "empty required field"));
            }
            None
        } else {
            Some(value)
        }
    }
}

/// The file's own line (1-based) on which a record starts, counted from the bytes themselves: the
/// csv reader's own line count runs one short after a quoted field with a bare line break in a file
/// with CRLF endings, and its byte offset of a record may point at the line break before it (no
/// record starts with one, so those are skipped). Offsets are asked in increasing order, so the
/// whole file is scanned once.
struct LineCounter<'b> {
    bytes: &'b [u8],
    offset: usize,
    line: u64,
}

impl<'b> LineCounter<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        LineCounter { bytes, offset: 0, line: 1 }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut to = usize::try_from(byte).unwrap_or(usize::MAX).min(self.bytes.len());
        while self.bytes.get(to).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            to += 1;
        }
        if to < self.offset {
            *self = LineCounter::new(self.bytes);
        }
        self.line += self.bytes[self.offset..to].iter().filter(|&&b| b == b'\n').count() as u64;
        self.offset = to;
        self.line
    }
}

/// Splits a `|`-separated list, dropping empty items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (Option<Table>, Vec<String>) {
        let mut problems = Vec::new();
        let table = Table::read("t.csv", bytes, &["id", "name"], &mut problems);
        (table, problems.iter().map(ToString::to_string).collect())
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
            (b"id,name\na\n\nb,B,extra\n", vec![], 2),
            (b"id,name\n\"a,A\n", vec![], 1),
        ];
        for (bytes, expected, rows) in cases {
            let (table, problems) = read(bytes);
            assert_eq!(problems, expected, "{:?}", String::from_utf8_lossy(bytes));
            assert_eq!(table.map_or(0, |t| t.rows.len()), rows, "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn required_fields_must_have_text() {
        let (table, _) = read(b"id,name\na, \n");
        let table = table.unwrap();
        let mut problems = Vec::new();
        assert_eq!(table.required(&table.rows[0], "id", &mut problems), Some("a"));
        assert_eq!(table.required(&table.rows[0], "name", &mut problems), None);
        assert_eq!(problems[0].to_string(), "t.csv:2: name: empty required field");
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
        ];
        for (bytes, want) in cases {
            let (table, _) = read(bytes);
            let lines: Vec<u64> = table.unwrap().rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, *want, "{:?}", String::from_utf8_lossy(bytes));
        }
    }
}
