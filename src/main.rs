use std::process::ExitCode;

fn main() -> ExitCode {
    comeback::cli::main()
}
