//! Ids given to more than one row, found once every row is read: each row's id is logged as a
//! hash and a line, and the log is sorted. Probing a table of a million ids for each row misses
//! the cache on nearly every row; sorting the log reads and writes memory in order.

use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// The ids of a table's rows, in the order they were read.
#[derive(Default)]
pub struct IdLog {
    /// (hash of the id, the row's line, the row's entry): the entry is the index of the item the
    /// row loaded as, or, with `LEFT_OUT` set, of its id in `left_out`.
    rows: Vec<(u64, u32, u32)>,
    left_out: Vec<Box<str>>,
}

const LEFT_OUT: u32 = 1 << 31;

/// A row whose id an earlier row already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub line: u64,
    pub id: String,
    /// The line of the first row with this id.
    pub first: u64,
    /// The index of the item the row loaded as, if it loaded.
    pub loaded: Option<u32>,
}

impl IdLog {
    pub fn with_capacity(rows: usize) -> Self {
        IdLog { rows: Vec::with_capacity(rows), left_out: Vec::new() }
    }

    /// Logs the row on `line` with `id`, which loaded as item `loaded` or was left out.
    pub fn log(&mut self, id: &str, line: u64, loaded: Option<usize>) {
        let entry = match loaded.and_then(|i| u32::try_from(i).ok()).filter(|&i| i < LEFT_OUT) {
            Some(i) => i,
            None => {
                self.left_out.push(id.into());
                (self.left_out.len() - 1) as u32 | LEFT_OUT
            }
        };
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        self.rows.push((FxBuildHasher.hash_one(id), line, entry));
    }

    /// Adds the log of the rows read after these (another reader's, whose lines count
    /// `line_shift` short and whose items are numbered from `first_item`).
    pub fn append(&mut self, later: IdLog, line_shift: u64, first_item: usize) {
        let left_out = self.left_out.len() as u32;
        let (line_shift, first_item) = (line_shift as u32, first_item as u32);
        self.rows.extend(later.rows.into_iter().map(|(hash, line, entry)| {
            let entry = if entry & LEFT_OUT != 0 { entry + left_out } else { entry + first_item };
            (hash, line.saturating_add(line_shift), entry)
        }));
        self.left_out.extend(later.left_out);
    }

    /// Puts the log in order, as `repeats` needs it: a reader of part of a table may do this on
    /// its own thread, and the ordered logs of the parts are then merged in one pass.
    pub fn sort(&mut self) {
        self.rows.sort_unstable();
    }

    /// Every row whose id an earlier row has, by line; `id_of` gives a loaded item's id.
    pub fn repeats<'a>(mut self, id_of: impl Fn(u32) -> &'a str) -> Vec<Repeat> {
        let left_out = std::mem::take(&mut self.left_out);
        let id = |entry: u32| -> &str {
            if entry & LEFT_OUT != 0 { &left_out[(entry & !LEFT_OUT) as usize] } else { id_of(entry) }
        };
        // A stable sort finds the runs already in order (sorted parts) and merges them.
        self.rows.sort();
        let mut repeats = Vec::new();
        for run in self.rows.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
            // Rows of one hash, by line; ids that differ yet share a hash are told apart here.
            let mut firsts: Vec<(&str, u32)> = Vec::new();
            for &(_, line, entry) in run {
                let this = id(entry);
                match firsts.iter().find(|(first, _)| *first == this) {
                    Some(&(_, first)) => repeats.push(Repeat {
                        line: u64::from(line),
                        id: this.to_string(),
                        first: u64::from(first),
                        loaded: (entry & LEFT_OUT == 0).then_some(entry),
                    }),
                    None => firsts.push((this, line)),
                }
            }
        }
        repeats.sort_unstable_by_key(|r| r.line);
        repeats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_point_at_the_first_row_whether_it_loaded_or_not() {
        // (id, line, loaded as)
        let rows: &[(&str, u64, Option<usize>)] = &[
            ("a", 2, Some(0)),
            ("b", 3, None),
            ("a", 4, Some(1)),
            ("c", 5, Some(2)),
            ("b", 6, Some(3)),
            ("a", 7, None),
        ];
        let loaded = ["a", "a", "c", "b"];
        let mut log = IdLog::default();
        for &(id, line, at) in rows {
            log.log(id, line, at);
        }
        let found: Vec<(u64, &str, u64, Option<u32>)> = log
            .repeats(|i| loaded[i as usize])
            .iter()
            .map(|r| (r.line, if r.id == "a" { "a" } else { "b" }, r.first, r.loaded))
            .collect();
        assert_eq!(found, [(4, "a", 2, Some(1)), (6, "b", 3, Some(3)), (7, "a", 2, None)]);
    }

    #[test]
    fn a_later_log_appended_counts_on_from_the_first() {
        let mut first = IdLog::default();
        first.log("a", 2, Some(0));
        first.log("b", 3, None);
        let mut later = IdLog::default();
        later.log("b", 1, Some(0));
        later.log("a", 2, None);
        later.log("c", 3, Some(1));
        first.append(later, 10, 1);
        let loaded = ["a", "b", "c"];
        let found: Vec<(u64, String, u64, Option<u32>)> = first
            .repeats(|i| loaded[i as usize])
            .into_iter()
            .map(|r| (r.line, r.id, r.first, r.loaded))
            .collect();
        assert_eq!(found, [(11, "b".to_string(), 3, Some(1)), (12, "a".to_string(), 2, None)]);
    }

    #[test]
    fn no_repeats_without_a_repeated_id() {
        let mut log = IdLog::with_capacity(3);
        for (i, id) in ["x", "y", "z"].iter().enumerate() {
            log.log(id, i as u64 + 2, Some(i));
        }
        assert!(log.repeats(|_| "never asked").is_empty());
    }
}
