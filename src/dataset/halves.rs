//! A big table read as two halves at once, one per core.
//!
//! The second half starts after the first line break past the middle of the file. Whether a
//! record really starts there cannot be told from the bytes alone (the break may be inside a
//! quoted field), so the first half is read on until its first record at or past that break:
//! when that record starts where the second half's first record does, the halves meet and the
//! second half's rows stand; otherwise its work is dropped and the first half reads the file to
//! its end. Either way every row is read once, exactly as reading the file in one go would.

use super::problem::Problem;
use super::table::{Row, RowsAhead, Table};
use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, Ordering};

/// From how many bytes each table is read in halves: a smaller one is read in one go, where a
/// second thread would cost more than it saves.
#[derive(Debug, Clone, Copy)]
pub struct Split {
    pub places: u64,
    pub claims: u64,
}

/// A row of places costs about three times as much to check as a claim's row of the same
/// length (numbers parsed, names kept), so places are split from a smaller size.
pub const SPLIT: Split = Split { places: 3 << 20, claims: 8 << 20 };

impl Split {
    pub fn never() -> Self {
        Split::from_bytes(u64::MAX)
    }

    /// Every table of `bytes` bytes or more.
    pub fn from_bytes(bytes: u64) -> Self {
        Split { places: bytes, claims: bytes }
    }
}

/// How far past the middle a line break is looked for before giving up on halves.
const LOOK_FOR_BREAK: u64 = 1 << 20;

/// One half's rows, as `each` left its state, and the problems found reading them.
pub struct Half<S> {
    pub state: S,
    pub problems: Vec<Problem>,
}

/// What reading in halves gave: the first half, and the second when the halves met.
pub struct Halves<S> {
    pub first: Half<S>,
    pub second: Option<Second<S>>,
}

pub struct Second<S> {
    pub half: Half<S>,
    /// Add to a line the second half counted to have the file's own line (already done for its
    /// problems).
    pub line_shift: u64,
}

/// The byte after the first line break past the middle of `input` (of `size` bytes), where a
/// second half may start; `None` when there is none near.
pub fn middle_break(mut input: impl Read, size: u64) -> io::Result<Option<u64>> {
    let middle = size / 2;
    io::copy(&mut (&mut input).take(middle), &mut io::sink())?;
    let mut near = Vec::new();
    input.take(LOOK_FOR_BREAK).read_to_end(&mut near)?;
    Ok(memchr::memchr(b'\n', &near).map(|at| middle + at as u64 + 1))
}

/// Reads `first` (the table from its start) on this thread and `second` (the same table from
/// byte `from`, as `Table::continuing` makes it) on another, handing each row to `each` with the
/// state of its half, made by `make`; each half ends by handing its state to `finish`, on its
/// own thread. Rows are read a few dozen ahead, `prepare` running over them first (see
/// `RowsAhead`), and `each` is given what it made of the row.
pub fn read<S, P, R1, R2>(
    mut first: Table<R1>,
    mut second: Table<R2>,
    from: u64,
    make: impl Fn() -> S + Sync,
    prepare: impl Fn(&Row) -> P + Sync,
    each: impl Fn(&mut S, &Row, P, &mut Vec<Problem>) + Sync,
    finish: impl Fn(&mut S) + Sync,
) -> Halves<S>
where
    S: Send,
    P: Copy,
    R1: Read,
    R2: Read + Send,
{
    let (tell, told) = std::sync::mpsc::sync_channel::<Option<(u64, u64)>>(1);
    let give_up = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (make, prepare, each, finish, give_up) = (&make, &prepare, &each, &finish, &give_up);
        let worker = scope.spawn(move || {
            let mut half = Half { state: make(), problems: Vec::new() };
            let mut first_row = true;
            let mut ahead = RowsAhead::default();
            while let Some((row, prepared)) = ahead.next(&mut second, &mut half.problems, prepare) {
                if std::mem::take(&mut first_row) {
                    let _ = tell.send(Some((row.start, row.line)));
                }
                if give_up.load(Ordering::Relaxed) {
                    return None;
                }
                each(&mut half.state, &row, prepared, &mut half.problems);
            }
            if first_row {
                let _ = tell.send(None);
            }
            finish(&mut half.state);
            Some(half)
        });

        let mut half = Half { state: make(), problems: Vec::new() };
        let mut theirs: Option<Option<(u64, u64)>> = None;
        let mut met = None;
        let mut ahead = RowsAhead::default();
        loop {
            let before = half.problems.len();
            let Some((row, prepared)) = ahead.next(&mut first, &mut half.problems, prepare) else { break };
            if theirs.is_none() && row.start >= from {
                let their_first = *theirs.get_or_insert_with(|| told.recv().ok().flatten());
                if let Some((start, line)) = their_first
                    && start == row.start
                {
                    // This row is the second half's first: what reading it found is theirs.
                    half.problems.truncate(before);
                    met = Some(row.line - line);
                    break;
                }
                give_up.store(true, Ordering::Relaxed);
            }
            each(&mut half.state, &row, prepared, &mut half.problems);
        }
        if met.is_none() {
            give_up.store(true, Ordering::Relaxed);
        }
        finish(&mut half.state);
        let second = worker.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        let second = met.zip(second).map(|(line_shift, mut other)| {
            for p in &mut other.problems {
                p.line = p.line.map(|l| l + line_shift);
            }
            // A problem with the whole file (it is not UTF-8) is told once.
            other.problems.retain(|p| p.line.is_some() || !half.problems.contains(p));
            Second { half: other, line_shift }
        });
        Halves { first: half, second }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row's line, start and `name`, read in halves from `from` (or in one go), and the
    /// problems, with whether the halves met.
    fn rows_in_halves(bytes: &[u8], from: u64) -> (Vec<(u64, u64, String)>, Vec<String>, bool) {
        let mut problems = Vec::new();
        let first = Table::read("t.csv", bytes, &["id", "name"], &mut problems).unwrap();
        let second = Table::continuing(&first, &bytes[from as usize..], from);
        let name = first.column("name");
        let halves = read(
            first,
            second,
            from,
            Vec::new,
            |_| (),
            |rows: &mut Vec<(u64, u64, String)>, row, (), _| {
                rows.push((row.line, row.start, row.get(name).into()))
            },
            |_| {},
        );
        let mut rows = halves.first.state;
        problems.extend(halves.first.problems);
        let met = halves.second.is_some();
        if let Some(second) = halves.second {
            rows.extend(second.half.state.into_iter().map(|(l, s, n)| (l + second.line_shift, s, n)));
            problems.extend(second.half.problems);
        }
        (rows, problems.iter().map(ToString::to_string).collect(), met)
    }

    fn rows_in_one_go(bytes: &[u8]) -> (Vec<(u64, u64, String)>, Vec<String>) {
        let mut problems = Vec::new();
        let mut table = Table::read("t.csv", bytes, &["id", "name"], &mut problems).unwrap();
        let name = table.column("name");
        let mut rows = Vec::new();
        while let Some(row) = table.next_row(&mut problems) {
            rows.push((row.line, row.start, row.get(name).to_string()));
        }
        (rows, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn halves_read_what_one_go_reads_wherever_the_second_starts() {
        let files: &[&[u8]] = &[
            b"id,name\na,A\nb,B\nc,C\nd,D\n",
            b"\xef\xbb\xbfid,name\r\na,A\r\nb,B\r\n\r\nc,C\r\nd,D\r\n",
            b"id,name\na,\"two\nlines\"\nb,\"x\n\ny\"\nc,C\n\n\nd,D",
            b"id,name\na,\xff\nb,B,extra\nc,\"open\nd,D\n",
            b"id,name\n",
            // Only the file's own mark is dropped: one that starts a later line is in its field.
            b"\xef\xbb\xbfid,name\n\xef\xbb\xbfa,A\nb,\xef\xbb\xbfB\n\xef\xbb\xbf\"c\",C\n",
        ];
        for bytes in files {
            let whole = rows_in_one_go(bytes);
            let mut met_somewhere = false;
            for from in (1..bytes.len()).filter(|&i| bytes[i - 1] == b'\n') {
                let (rows, problems, met) = rows_in_halves(bytes, from as u64);
                met_somewhere |= met;
                assert_eq!((rows, problems), whole, "{:?} from {from}", String::from_utf8_lossy(bytes));
            }
            let has_rows = !whole.0.is_empty();
            assert!(met_somewhere || !has_rows || bytes.len() < 20, "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn the_break_looked_for_is_the_first_past_the_middle() {
        let cases: &[(&[u8], Option<u64>)] =
            &[(b"ab\ncd\nef\n", Some(6)), (b"abcdef\n", Some(7)), (b"abcdefgh", None), (b"", None)];
        for &(bytes, want) in cases {
            assert_eq!(middle_break(bytes, bytes.len() as u64).unwrap(), want, "{:?}", bytes);
        }
    }
}
