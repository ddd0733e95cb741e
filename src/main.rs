mod allocator;

fn main() -> std::process::ExitCode {
    sandline::cli::main(allocator::configure)
}
