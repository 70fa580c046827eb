//! The credential `seam login` stores: `credentials.json` in the user's config
//! directory (`$XDG_CONFIG_HOME/seam`, else `~/.config/seam`; `%APPDATA%\seam` on
//! Windows), readable by its owner only.

use std::fs;
use std::io::{self, Write as _};
use std::path::PathBuf;

use serde_json::{Map, Value};

/// What `seam login` stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stored {
    pub api_key: Option<String>,
    pub personal_access_token: Option<String>,
    pub workspace_id: Option<String>,
    pub endpoint: Option<String>,
}

const FILE: &str = "credentials.json";

/// The directory, when the environment names one.
pub fn dir() -> Option<PathBuf> {
    let nonempty = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    if cfg!(windows) {
        return nonempty("APPDATA").map(|dir| PathBuf::from(dir).join("seam"));
    }
    if let Some(dir) = nonempty("XDG_CONFIG_HOME") {
        return Some(PathBuf::from(dir).join("seam"));
    }
    nonempty("HOME").map(|home| PathBuf::from(home).join(".config").join("seam"))
}

pub fn file() -> Option<PathBuf> {
    dir().map(|dir| dir.join(FILE))
}

/// The stored credential; `Ok(None)` when there is none.
pub fn load() -> Result<Option<Stored>, String> {
    let Some(path) = file() else {
        return Ok(None);
    };
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(format!("cannot read {}: {error}", path.display())),
    };
    let value: Value = serde_json::from_str(&text).map_err(|_| {
        format!(
            "{} is not the JSON `seam login` writes; run `seam logout` and `seam login` again",
            path.display()
        )
    })?;
    let field = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_owned);
    Ok(Some(Stored {
        api_key: field("api_key"),
        personal_access_token: field("personal_access_token"),
        workspace_id: field("workspace_id"),
        endpoint: field("endpoint"),
    }))
}

/// Writes `stored`, replacing what was there: the directory 0700, the file 0600,
/// written under another name first so that a reader never sees half of it.
pub fn save(stored: &Stored) -> Result<PathBuf, String> {
    let dir = dir().ok_or("no config directory: set HOME (or XDG_CONFIG_HOME)")?;
    let failed = |what: &str, error: io::Error| format!("cannot {what} {}: {error}", dir.display());
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(&dir)
        .map_err(|error| failed("create", error))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700))
            .map_err(|error| failed("restrict", error))?;
    }
    let mut object = Map::new();
    for (name, value) in [
        ("api_key", &stored.api_key),
        ("personal_access_token", &stored.personal_access_token),
        ("workspace_id", &stored.workspace_id),
        ("endpoint", &stored.endpoint),
    ] {
        if let Some(value) = value {
            object.insert(name.to_owned(), Value::String(value.clone()));
        }
    }
    let text = serde_json::to_string_pretty(&Value::Object(object)).unwrap_or_default();
    let path = dir.join(FILE);
    let partial = dir.join(format!(".{FILE}.{}", std::process::id()));
    let _ = fs::remove_file(&partial);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(&partial)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.write_all(b"\n")?;
            file.sync_all()
        })
        .and_then(|()| fs::rename(&partial, &path));
    if let Err(error) = written {
        let _ = fs::remove_file(&partial);
        return Err(format!("cannot write {}: {error}", path.display()));
    }
    Ok(path)
}

/// Removes the stored credential: `Ok(Some(path))` when there was one.
pub fn remove() -> Result<Option<PathBuf>, String> {
    let Some(path) = file() else {
        return Ok(None);
    };
    match fs::remove_file(&path) {
        Ok(()) => Ok(Some(path)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(format!("cannot remove {}: {error}", path.display())),
    }
}
