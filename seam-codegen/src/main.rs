//! `seam-codegen --summary | --write | --check [--spec PATH]`.

use std::path::PathBuf;
use std::process::ExitCode;

use seam_codegen::emit::{self, default_models_dir};
use seam_codegen::{Spec, Summary, spec::default_spec_path};

const USAGE: &str = "usage: seam-codegen (--summary | --write | --check) [--spec PATH]

  --summary    print the counts of the trimmed Seam Connect spec
  --write      write the SDK's models into seam/src/models/
  --check      exit non-zero, naming the files, when seam/src/models/ differs
               from what the spec gives
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
    let spec = match Spec::load(&spec_path) {
        Ok(spec) => spec,
        Err(failure) => return failed(&failure.to_string()),
    };
    if action == Action::Summary {
        print!("{}", Summary::of(&spec));
        return ExitCode::SUCCESS;
    }
    let files = match emit::generate(&spec) {
        Ok(files) => files,
        Err(failure) => return failed(&failure),
    };
    let dir = default_models_dir();
    if action == Action::Write {
        return match emit::write(&dir, &files) {
            Ok(touched) => {
                for name in &touched {
                    println!("wrote {}", dir.join(name).display());
                }
                println!("{} files generated, {} changed", files.len(), touched.len());
                ExitCode::SUCCESS
            }
            Err(failure) => failed(&failure),
        };
    }
    let differences = emit::differences(&dir, &files);
    if differences.is_empty() {
        println!("seam/src/models is up to date ({} files)", files.len());
        return ExitCode::SUCCESS;
    }
    for difference in &differences {
        eprintln!("seam-codegen: seam/src/models/{difference}");
    }
    eprintln!("seam-codegen: run `cargo run -p seam-codegen -- --write`");
    ExitCode::FAILURE
}

fn failed(failure: &str) -> ExitCode {
    eprintln!("seam-codegen: {failure}");
    ExitCode::FAILURE
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("seam-codegen: {message}\n{USAGE}");
    ExitCode::from(2)
}
