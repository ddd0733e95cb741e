fn main() -> std::process::ExitCode {
    sandline::cli::main()
}
