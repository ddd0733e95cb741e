//! The allocator of the binary and of the benchmarks (which include this file, to measure what
//! the binary runs). The library does not choose one for whoever links it.
//!
//! The areas of control allocate and free many small polygons from several threads, where
//! mimalloc is markedly faster than the system allocator.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its header's `mi_option_e`; the bindings lack the name).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Sets the allocator's options for the run; called before any other thread starts.
pub fn configure(workload: sandline::cli::Workload) {
    // mimalloc holds memory that was freed for a second before giving it back. Loading a big
    // dataset frees large buffers (one reader's claims once merged, the id log) and then builds
    // the timeline, so held for a second they add to the peak: 292 MB against 225 MB for 100,000
    // places and 1,000,000 claims. Ten milliseconds (mimalloc 2's default) is as fast there. The
    // viewer keeps the second: each frame frees and makes again meshes of megabytes, and given
    // back between frames they were faulted in afresh every frame (a frame of the built-in war
    // took 2.7 ms instead of 1.8).
    if workload == sandline::cli::Workload::Batch {
        // SAFETY: sets a number option of the allocator, before any other thread runs.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
    }
}
