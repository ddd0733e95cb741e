/// The areas of control allocate and free many small polygons from several threads, where
/// mimalloc is markedly faster than the system allocator. Set here, in the binary, so that the
/// library does not choose an allocator for whoever links it; the benchmarks set it too, to
/// measure what the binary runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    sandline::cli::main()
}
