//! A parallel map over the cores, for the independent pieces of the areas (cells, factions'
//! areas, front lines). Small inputs stay on the calling thread.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

thread_local! {
    /// At most this many threads for the maps started on this thread (`None`: every core).
    static LIMIT: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Runs `f` with the parallel maps it starts limited to `threads` threads (1: none spawned), so
/// that a background computation leaves the other cores to the viewer.
pub(crate) fn with_threads<R>(threads: usize, f: impl FnOnce() -> R) -> R {
    let before = LIMIT.with(|l| l.replace(Some(threads.max(1))));
    let result = f();
    LIMIT.with(|l| l.set(before));
    result
}

/// Runs `a` on another thread while `b` runs on this one (both here when limited to one thread).
pub(crate) fn join<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    let limit = LIMIT.with(Cell::get);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if limit.unwrap_or(cores).min(cores) <= 1 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let other = scope.spawn(move || with_threads(limit.unwrap_or(cores), a));
        let here = b();
        // A panic over there is passed on, as it would be here.
        (other.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), here)
    })
}

/// `items.iter().map(f).collect()`, in order, spread over the available cores in runs of
/// `batch` items taken as each thread frees up.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], batch: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let batch = batch.max(1);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = LIMIT.with(Cell::get).unwrap_or(cores).min(cores).min(items.len().div_ceil(batch));
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut parts: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(batch, Ordering::Relaxed);
                        if start >= items.len() {
                            break done;
                        }
                        let end = (start + batch).min(items.len());
                        done.push((start, items[start..end].iter().map(&f).collect()));
                    }
                })
            })
            .collect();
        // A worker that panicked would have panicked on the caller's thread too: pass it on.
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    parts.sort_unstable_by_key(|(start, _)| *start);
    parts.into_iter().flat_map(|(_, part)| part).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order_whatever_the_batch() {
        let items: Vec<u32> = (0..1000).collect();
        for batch in [1, 7, 64, 1000, 5000] {
            assert_eq!(par_map(&items, batch, |x| x * 2), items.iter().map(|x| x * 2).collect::<Vec<_>>());
        }
        assert!(par_map(&[] as &[u32], 4, |x| *x).is_empty());
        let one = with_threads(1, || par_map(&items, 7, |_| std::thread::current().id()));
        assert!(one.iter().all(|&id| id == std::thread::current().id()), "one thread: the caller's");
    }
}
