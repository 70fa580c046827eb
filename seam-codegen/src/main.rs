//! `seam-codegen --summary [--spec PATH]`: prints the counts of the trimmed spec.

use std::path::PathBuf;
use std::process::ExitCode;

use seam_codegen::{Spec, Summary, spec::default_spec_path};

const USAGE: &str = "usage: seam-codegen --summary [--spec PATH]

  --summary    print the counts of the trimmed Seam Connect spec
  --spec PATH  read PATH instead of spec/seam-connect.json";

fn main() -> ExitCode {
    let mut summary = false;
    let mut spec_path = default_spec_path();
    let mut arguments = std::env::args_os().skip(1);
    while let Some(argument) = arguments.next() {
        match argument.to_str() {
            Some("--summary") => summary = true,
            Some("--spec") => match arguments.next() {
                Some(path) => spec_path = PathBuf::from(path),
                None => return usage_error("--spec needs a path"),
            },
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => return usage_error(&format!("unknown argument {argument:?}")),
        }
    }
    if !summary {
        return usage_error("nothing to do");
    }
    match Spec::load(&spec_path) {
        Ok(spec) => {
            print!("{}", Summary::of(&spec));
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("seam-codegen: {failure}");
            ExitCode::FAILURE
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("seam-codegen: {message}\n{USAGE}");
    ExitCode::from(2)
}
