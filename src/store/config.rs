//! Where the data and the school's guides live, and which language to speak. Layered: command
//! line, then environment, then the config file, then the system's defaults.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::Deserialize;

use super::files::read_plain_text;
use crate::i18n::Lang;

/// Far more than a settings file or a guide needs.
pub const SMALL_FILE: u64 = 1024 * 1024;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    language: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub config_dir: Option<PathBuf>,
    pub lang: Lang,
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
        let lang = lang
            .or_else(|| config_dir.as_deref().and_then(configured_lang))
            .unwrap_or_else(lang_from_env);
        Self {
            data_dir,
            config_dir,
            lang,
        }
    }
}

fn configured_lang(config_dir: &Path) -> Option<Lang> {
    // A link or FIFO in its place is ignored: reading a FIFO would hang every command.
    let text = read_plain_text(&config_dir.join("config.yaml"), SMALL_FILE).ok()?;
    let config: ConfigFile = serde_saphyr::from_str(&text).ok()?;
    Lang::from_code(config.language?.trim())
}

fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .map_or(Lang::Nl, |value| Lang::from_locale(&value))
}
