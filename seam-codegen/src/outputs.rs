//! Every output of the generator, once: where it goes, how it is made, and whether
//! the generator owns its whole directory (and removes the `.rs` files it no longer
//! makes) or writes its files beside hand-written ones. `--write`, `--check` and the
//! test that the checked-in code is up to date all go through this list.

use std::path::PathBuf;

use crate::emit::{self, GeneratedFile};
use crate::spec::Spec;
use crate::{emit_cli, emit_route_tests, emit_routes, emit_spec_table};

/// One generated output.
#[derive(Debug)]
pub struct Output {
    /// Its directory from the workspace root, for messages.
    pub name: &'static str,
    pub dir: fn() -> PathBuf,
    pub generate: fn(&Spec) -> Result<Vec<GeneratedFile>, String>,
    /// The generator owns the whole directory.
    pub owns_dir: bool,
}

/// Every output, in the order `--write` writes them.
pub const OUTPUTS: [Output; 5] = [
    Output {
        name: "seam/src/models",
        dir: emit::default_models_dir,
        generate: emit::generate,
        owns_dir: true,
    },
    Output {
        name: "seam/src/routes",
        dir: emit_routes::default_routes_dir,
        generate: emit_routes::generate,
        owns_dir: true,
    },
    Output {
        name: "seam-macros/src",
        dir: emit_spec_table::default_table_dir,
        generate: emit_spec_table::generate,
        owns_dir: false,
    },
    Output {
        name: "tests/tests/generated",
        dir: emit_route_tests::default_route_tests_dir,
        generate: emit_route_tests::generate,
        owns_dir: true,
    },
    Output {
        name: "seam-cli/src",
        dir: emit_cli::default_cli_dir,
        generate: emit_cli::generate,
        owns_dir: false,
    },
];

impl Output {
    /// How the checked-in files differ from `files`: changed, missing, and (in a
    /// directory the generator owns) stale.
    pub fn differences(&self, files: &[GeneratedFile]) -> Vec<String> {
        if self.owns_dir {
            emit::differences(&(self.dir)(), files)
        } else {
            emit::file_differences(&(self.dir)(), files)
        }
    }

    /// Writes `files`; answers the names of the files written or removed.
    pub fn write(&self, files: &[GeneratedFile]) -> Result<Vec<String>, String> {
        if self.owns_dir {
            emit::write(&(self.dir)(), files)
        } else {
            emit::write_files(&(self.dir)(), files)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_checked_in_output_matches_the_spec() {
        let spec = Spec::load_default().unwrap();
        for output in &OUTPUTS {
            let files = (output.generate)(&spec).unwrap();
            assert_eq!(
                output.differences(&files),
                Vec::<String>::new(),
                "{}: run `cargo run -p seam-codegen -- --write`",
                output.name
            );
        }
    }
}
