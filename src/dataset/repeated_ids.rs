//! Ids given to more than one row, found once every row is read: each row's id is logged as a
//! hash and a line, and the log is sorted. Probing a table of a million ids for each row misses
//! the cache on nearly every row; sorting the log reads and writes memory in order. Logs of the
//! parts of a table read apart are kept apart: the hashes they share are found by walking them
//! side by side, and only the rows of a shared hash are ever gathered.

use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// The ids of a table's rows, in the order they were read.
#[derive(Default)]
pub struct IdLog {
    /// (hash of the id, the row's line, the row's entry): the entry is the index of the item the
    /// row loaded as, or, with `LEFT_OUT` set, of its id in `left_out`.
    rows: Vec<(u64, u32, u32)>,
    left_out: Vec<Box<str>>,
    /// Logs of the rows read after these, with what to add to their lines and entries.
    later: Vec<Later>,
}

/// The log of rows read after the first ones: its rows' lines count `line_shift` short, and its
/// entries `first_item` (loaded) or `first_left_out` (left out) short.
struct Later {
    rows: Vec<(u64, u32, u32)>,
    line_shift: u32,
    first_item: u32,
    first_left_out: u32,
}

impl Later {
    fn row(&self, (hash, line, entry): (u64, u32, u32)) -> (u64, u32, u32) {
        let entry = if entry & LEFT_OUT != 0 { entry + self.first_left_out } else { entry + self.first_item };
        (hash, line.saturating_add(self.line_shift), entry)
    }
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
        IdLog { rows: Vec::with_capacity(rows), left_out: Vec::new(), later: Vec::new() }
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
        let first_left_out = self.left_out.len() as u32;
        self.left_out.extend(later.left_out);
        let (line_shift, first_item) = (line_shift as u32, first_item as u32);
        self.later.push(Later { rows: later.rows, line_shift, first_item, first_left_out });
        for mut next in later.later {
            next.line_shift = next.line_shift.saturating_add(line_shift);
            next.first_item += first_item;
            next.first_left_out += first_left_out;
            self.later.push(next);
        }
    }

    /// Puts the log in order, as `repeats` needs it: a reader of part of a table may do this on
    /// its own thread.
    pub fn sort(&mut self) {
        self.rows.sort_unstable();
    }

    /// Every row whose id an earlier row has, by line; `id_of` gives a loaded item's id.
    pub fn repeats<'a>(mut self, id_of: impl Fn(u32) -> &'a str) -> Vec<Repeat> {
        // Sorting a sorted log only checks that it is.
        self.rows.sort_unstable();
        for later in &mut self.later {
            later.rows.sort_unstable();
        }
        let shared = self.shared_hashes();
        if shared.is_empty() {
            return Vec::new();
        }
        let of_shared = |rows: &[(u64, u32, u32)]| {
            rows.iter().copied().filter(|r| shared.binary_search(&r.0).is_ok()).collect::<Vec<_>>()
        };
        let mut rows = of_shared(&self.rows);
        for later in &self.later {
            rows.extend(of_shared(&later.rows).into_iter().map(|r| later.row(r)));
        }
        rows.sort_unstable();
        let left_out = std::mem::take(&mut self.left_out);
        let id = |entry: u32| -> &str {
            if entry & LEFT_OUT != 0 { &left_out[(entry & !LEFT_OUT) as usize] } else { id_of(entry) }
        };
        let mut repeats = Vec::new();
        for run in rows.chunk_by(|a, b| a.0 == b.0) {
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

    /// The hashes more than one row has, in order: within a log, neighbours once it is sorted;
    /// across two logs, found by walking both in order.
    fn shared_hashes(&self) -> Vec<u64> {
        let logs: Vec<&[(u64, u32, u32)]> =
            std::iter::once(&self.rows[..]).chain(self.later.iter().map(|l| &l.rows[..])).collect();
        let mut shared = Vec::new();
        for (k, log) in logs.iter().enumerate() {
            shared.extend(log.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| w[0].0));
            for other in &logs[k + 1..] {
                let (mut i, mut j) = (0, 0);
                while let (Some(a), Some(b)) = (log.get(i), other.get(j)) {
                    match a.0.cmp(&b.0) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            shared.push(a.0);
                            (i, j) = (i + 1, j + 1);
                        }
                    }
                }
            }
        }
        shared.sort_unstable();
        shared.dedup();
        shared
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
    fn logs_of_parts_find_what_one_log_of_the_whole_finds() {
        // Ids drawn from a few, so that they repeat within parts and across them.
        let ids: Vec<String> = (0..300).map(|i| format!("c{}", (i * 7919) % 97)).collect();
        let loaded: Vec<&str> = ids.iter().step_by(3).map(String::as_str).collect();
        // Row i is on line i + 2 and loads as item i / 3 when i is a multiple of 3.
        let entry = |i: usize| i.is_multiple_of(3).then_some(i / 3);
        let mut whole = IdLog::default();
        for (i, id) in ids.iter().enumerate() {
            whole.log(id, i as u64 + 2, entry(i));
        }
        let want = whole.repeats(|i| loaded[i as usize]);
        assert!(!want.is_empty());
        for cuts in [[100, 200], [3, 297], [150, 150]] {
            let part = |from: usize, to: usize| {
                let mut log = IdLog::default();
                for (i, id) in ids.iter().enumerate().take(to).skip(from) {
                    log.log(id, (i - from) as u64 + 2, entry(i).map(|e| e - from.div_ceil(3)));
                }
                log.sort();
                log
            };
            let mut first = part(0, cuts[0]);
            let mut second = part(cuts[0], cuts[1]);
            let items_before = |cut: usize| cut.div_ceil(3);
            let third = part(cuts[1], ids.len());
            second.append(third, (cuts[1] - cuts[0]) as u64, items_before(cuts[1]) - items_before(cuts[0]));
            first.append(second, cuts[0] as u64, items_before(cuts[0]));
            assert_eq!(first.repeats(|i| loaded[i as usize]), want, "cut at {cuts:?}");
        }
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
