//! Where the data and the school's guides live, and which language to speak. Layered: command
//! line, then environment, then the config file, then the system's defaults.

use std::path::{Path, PathBuf};

use directories::{ProjectDirs, UserDirs};
use std::collections::BTreeMap;

use super::files::read_plain_text;
use crate::i18n::Lang;

/// Far more than a settings file or a guide needs.
pub const SMALL_FILE: u64 = 1024 * 1024;

/// What `config.yaml` says. Each setting is taken on its own: one this version does not
/// know (written by a newer one) or cannot use leaves the others in force.
#[derive(Debug, Default)]
struct ConfigFile {
    language: Option<String>,
    /// Where exports go; `~/` is the home folder, and a relative path is taken from there.
    export_dir: Option<PathBuf>,
    /// The teacher's name, as colleagues see it in a team archive's history.
    name: Option<String>,
    /// Share with the team after each finished meeting.
    sync_after_meeting: Option<bool>,
    /// The names of the settings this version does not know, in alphabetical order.
    unknown: Vec<String>,
    /// The names of known settings whose value cannot be used (`language: klingon`).
    unusable: Vec<String>,
    /// The line where the file stops being readable as settings at all; none when it reads.
    broken_at: Option<usize>,
}

impl ConfigFile {
    fn from_yaml(text: &str) -> Option<Self> {
        // An empty file is no settings at all.
        if text.trim().is_empty() {
            return Some(Self::default());
        }
        let fields: BTreeMap<String, serde_json::Value> = match serde_saphyr::from_str(text) {
            Ok(fields) => fields,
            Err(e) => {
                let line = e.location().map_or(1, |l| l.line().max(1));
                return Some(Self {
                    broken_at: Some(usize::try_from(line).unwrap_or(usize::MAX)),
                    ..Self::default()
                });
            }
        };
        let mut config = Self::default();
        for (name, value) in fields {
            match (name.as_str(), value) {
                ("language", serde_json::Value::String(code))
                    if Lang::from_code(code.trim()).is_some() =>
                {
                    config.language = Some(code);
                }
                ("export_dir", serde_json::Value::String(dir)) if !dir.trim().is_empty() => {
                    config.export_dir = Some(PathBuf::from(dir));
                }
                ("name", serde_json::Value::String(who)) if !who.trim().is_empty() => {
                    config.name = Some(who.trim().to_string());
                }
                ("sync_after_meeting", serde_json::Value::Bool(on)) => {
                    config.sync_after_meeting = Some(on);
                }
                ("language" | "export_dir" | "name" | "sync_after_meeting", _) => {
                    config.unusable.push(name);
                }
                _ => config.unknown.push(name),
            }
        }
        Some(config)
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub config_dir: Option<PathBuf>,
    pub lang: Lang,
    /// `export_dir:` from `config.yaml`, as written there; see `export_dir()`.
    pub configured_export_dir: Option<PathBuf>,
    /// `name:` from `config.yaml`: who the teacher is in a team archive.
    pub teacher_name: Option<String>,
    /// `sync_after_meeting: true` in `config.yaml`: share after each finished meeting.
    pub sync_after_meeting: bool,
    /// Settings in `config.yaml` this version does not know (from a newer version): left
    /// in the file as they are, and named once to the user.
    pub unknown_settings: Vec<String>,
    /// Known settings in `config.yaml` whose value cannot be used: named once, ignored.
    pub unusable_settings: Vec<String>,
    /// The line from which `config.yaml` could not be read at all; its settings are then
    /// all left out, which is said once.
    pub config_broken_at: Option<usize>,
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("nl", "stagegesprek", "stagegesprek")
}

impl Settings {
    /// `data_dir` and `lang` come from the command line (clap already folded in
    /// `STAGEGESPREK_DATA_DIR`). `STAGEGESPREK_CONFIG_DIR` moves the config folder, which keeps
    /// tests away from a real user's guides.
    pub fn resolve(data_dir: Option<PathBuf>, lang: Option<Lang>) -> Self {
        let config_dir = std::env::var_os("STAGEGESPREK_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| project_dirs().map(|d| d.config_dir().to_path_buf()));
        let data_dir = data_dir
            .or_else(|| project_dirs().map(|d| d.data_local_dir().to_path_buf()))
            .unwrap_or_else(|| PathBuf::from("stagegesprek-data"));
        let config = config_dir
            .as_deref()
            .and_then(config_file)
            .unwrap_or_default();
        let lang = lang
            .or_else(|| config.language.and_then(|l| Lang::from_code(l.trim())))
            .unwrap_or_else(lang_from_env);
        Self {
            data_dir,
            config_dir,
            lang,
            configured_export_dir: config.export_dir,
            teacher_name: config.name,
            sync_after_meeting: config.sync_after_meeting.unwrap_or(false),
            unknown_settings: config.unknown,
            unusable_settings: config.unusable,
            config_broken_at: config.broken_at,
        }
    }

    /// The folder exports are written to: `export_dir:` from `config.yaml`, else
    /// `stagegesprek` in the user's documents folder, else in the home folder, where a
    /// teacher looks for a file. It may not exist yet.
    pub fn export_dir(&self) -> PathBuf {
        Self::export_dir_for(self.configured_export_dir.as_deref())
    }

    /// The export folder when nothing is configured.
    pub fn default_export_dir() -> PathBuf {
        Self::export_dir_for(None)
    }

    fn export_dir_for(configured: Option<&Path>) -> PathBuf {
        let user = UserDirs::new();
        let home = user.as_ref().map(|u| u.home_dir().to_path_buf());
        export_dir_from(
            configured,
            user.as_ref().and_then(UserDirs::document_dir),
            home.as_deref(),
        )
    }
}

/// `export_dir()` with the user's folders given, for tests.
fn export_dir_from(
    configured: Option<&Path>,
    documents: Option<&Path>,
    home: Option<&Path>,
) -> PathBuf {
    let home = home.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    match configured {
        Some(dir) if dir.as_os_str().is_empty() => home.join("stagegesprek"),
        Some(dir) => match dir.strip_prefix("~") {
            Ok(rest) => home.join(rest),
            Err(_) if dir.is_relative() => home.join(dir),
            Err(_) => dir.to_path_buf(),
        },
        // Without the desktop's own setting, a Documents folder that exists is still where a
        // teacher looks first.
        None => documents
            .map(Path::to_path_buf)
            .or_else(|| {
                ["Documenten", "Documents"]
                    .into_iter()
                    .map(|name| home.join(name))
                    .find(|dir| dir.is_dir())
            })
            .unwrap_or(home)
            .join("stagegesprek"),
    }
}

fn config_file(config_dir: &Path) -> Option<ConfigFile> {
    // A link or FIFO in its place is ignored: reading a FIFO would hang every command.
    let text = read_plain_text(&config_dir.join("config.yaml"), SMALL_FILE).ok()?;
    ConfigFile::from_yaml(&text)
}

fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .map_or(Lang::Nl, |value| Lang::from_locale(&value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_go_to_the_documents_folder_unless_configured() {
        let (docs, home) = (Path::new("/h/Documenten"), Path::new("/h"));
        let dir = |configured: Option<&str>, docs: Option<&Path>| {
            export_dir_from(configured.map(Path::new), docs, Some(home))
        };
        assert_eq!(
            dir(None, Some(docs)),
            Path::new("/h/Documenten/stagegesprek")
        );
        assert_eq!(dir(None, None), Path::new("/h/stagegesprek"));
        assert_eq!(
            dir(Some("/mnt/usb/stage"), Some(docs)),
            Path::new("/mnt/usb/stage")
        );
        assert_eq!(
            dir(Some("~/Bureaublad/stage"), None),
            Path::new("/h/Bureaublad/stage")
        );
        assert_eq!(dir(Some("verslagen"), None), Path::new("/h/verslagen"));
    }

    #[test]
    fn a_documents_folder_that_exists_is_used_when_the_desktop_names_none() {
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir(home.path().join("Documents")).unwrap();
        assert_eq!(
            export_dir_from(None, None, Some(home.path())),
            home.path().join("Documents").join("stagegesprek")
        );
    }

    #[test]
    fn config_yaml_may_name_the_export_folder() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("config.yaml"),
            "language: en\nexport_dir: /srv/verslagen\n",
        )
        .unwrap();
        let config = config_file(tmp.path()).unwrap();
        assert_eq!(config.language.as_deref(), Some("en"));
        assert_eq!(
            config.export_dir.as_deref(),
            Some(Path::new("/srv/verslagen"))
        );
    }

    #[test]
    fn a_setting_from_a_newer_version_leaves_the_others_in_force() {
        let text = "theme: donker\nlanguage: en\nsync:\n  every: 5m\nexport_dir: /srv/verslagen\n";
        let config = ConfigFile::from_yaml(text).unwrap();
        assert_eq!(config.language.as_deref(), Some("en"));
        assert_eq!(
            config.export_dir.as_deref(),
            Some(Path::new("/srv/verslagen"))
        );
        assert_eq!(config.unknown, ["sync", "theme"]);
    }
}
