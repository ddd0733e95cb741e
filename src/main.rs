mod allocator;

fn main() -> std::process::ExitCode {
    allocator::configure();
    sandline::cli::main()
}
