//! `seam-codegen --summary | --write | --check [--spec PATH]`.

use std::path::PathBuf;
use std::process::ExitCode;

use seam_codegen::outputs::OUTPUTS;
use seam_codegen::{Spec, Summary, spec::default_spec_path};

const USAGE: &str = "usage: seam-codegen (--summary | --write | --check) [--spec PATH]

  --summary    print the counts of the trimmed Seam Connect spec
  --write      write the SDK's models into seam/src/models/, its routes
               into seam/src/routes/, the macro's spec table into
               seam-macros/src/, the request tests of every route into
               tests/tests/generated/, and the seam tool's route table
               into seam-cli/src/routes.rs
  --check      exit non-zero, naming the files, when either differs from
               what the spec gives
  --spec PATH  read PATH instead of spec/seam-connect.json";

#[derive(Clone, Copy, PartialEq)]
enum Action {
    Summary,
    Write,
    Check,
}

fn main() -> ExitCode {
    let mut action = None;
    let mut spec_path = default_spec_path();
    let mut arguments = std::env::args_os().skip(1);
    while let Some(argument) = arguments.next() {
        let chosen = match argument.to_str() {
            Some("--summary") => Action::Summary,
            Some("--write") => Action::Write,
            Some("--check") => Action::Check,
            Some("--spec") => {
                match arguments.next() {
                    Some(path) => spec_path = PathBuf::from(path),
                    None => return usage_error("--spec needs a path"),
                }
                continue;
            }
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => return usage_error(&format!("unknown argument {argument:?}")),
        };
        if action.is_some_and(|action| action != chosen) {
            return usage_error("one of --summary, --write, --check");
        }
        action = Some(chosen);
    }
    let Some(action) = action else {
        return usage_error("nothing to do");
    };
    // The summary is of the document as exported; the code, of it corrected.
    let loaded = match action {
        Action::Summary => Spec::load_as_exported(&spec_path),
        _ => Spec::load(&spec_path),
    };
    let spec = match loaded {
        Ok(spec) => spec,
        Err(failure) => return failed(&failure.to_string()),
    };
    if action == Action::Summary {
        print!("{}", Summary::of(&spec));
        return ExitCode::SUCCESS;
    }
    let mut stale = false;
    for output in &OUTPUTS {
        let name = output.name;
        let files = match (output.generate)(&spec) {
            Ok(files) => files,
            Err(failure) => return failed(&failure),
        };
        if action == Action::Write {
            match output.write(&files) {
                Ok(touched) => {
                    for file in &touched {
                        println!("wrote {name}/{file}");
                    }
                    println!(
                        "{name}: {} files generated, {} changed",
                        files.len(),
                        touched.len()
                    );
                }
                Err(failure) => return failed(&failure),
            }
            continue;
        }
        let differences = output.differences(&files);
        if differences.is_empty() {
            println!("{name} is up to date ({} files)", files.len());
        }
        for difference in &differences {
            eprintln!("seam-codegen: {name}/{difference}");
            stale = true;
        }
    }
    if stale {
        eprintln!("seam-codegen: run `cargo run -p seam-codegen -- --write`");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn failed(failure: &str) -> ExitCode {
    eprintln!("seam-codegen: {failure}");
    ExitCode::FAILURE
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("seam-codegen: {message}\n{USAGE}");
    ExitCode::from(2)
}
