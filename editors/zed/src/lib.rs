//! rc-lsp for Zed: tells Zed how to start the `rc-lsp` language server for Python and hands it the user's
//! settings. Zed starts language servers only through extensions; this one downloads nothing: it runs
//! `lsp.rc-lsp.binary.path` from the settings, else `rc-lsp` found on the worktree's PATH.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

const SERVER: &str = "rc-lsp";

struct RcLspExtension;

impl RcLspExtension {
    /// The server's settings with their defaults (section "rc-lsp"), overlaid with the user's
    /// `lsp.rc-lsp.settings`.
    fn settings(worktree: &zed::Worktree) -> serde_json::Value {
        let mut settings = serde_json::json!({
            "inlayHints": { "enabled": true, "showInterned": false, "showFreed": true, "maxLength": 60 },
            "diagnostics": { "onChange": true, "cycles": true }
        });
        if let Some(user) = LspSettings::for_worktree(SERVER, worktree).ok().and_then(|s| s.settings) {
            merge(&mut settings, user);
        }
        settings
    }
}

/// Overlays `from` on `into`, object by object, so a user setting only what they change keeps the rest.
fn merge(into: &mut serde_json::Value, from: serde_json::Value) {
    match (into, from) {
        (serde_json::Value::Object(into), serde_json::Value::Object(from)) => {
            for (key, value) in from {
                merge(into.entry(key).or_insert(serde_json::Value::Null), value);
            }
        }
        (into, from) => *into = from,
    }
}

impl zed::Extension for RcLspExtension {
    fn new() -> Self {
        RcLspExtension
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(SERVER, worktree).ok().and_then(|s| s.binary);
        let configured = binary.as_ref().and_then(|b| b.path.clone());
        let command = configured
            .or_else(|| worktree.which(SERVER))
            .ok_or_else(|| "rc-lsp was not found on PATH; install it or set lsp.rc-lsp.binary.path".to_string())?;
        let args = binary.and_then(|b| b.arguments).unwrap_or_default();
        Ok(zed::Command { command, args, env: Default::default() })
    }

    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        Ok(Some(Self::settings(worktree)))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        // Answered to workspace/configuration by section, so the settings sit under "rc-lsp".
        let mut sections = serde_json::Map::new();
        sections.insert(SERVER.to_string(), Self::settings(worktree));
        Ok(Some(serde_json::Value::Object(sections)))
    }
}

zed::register_extension!(RcLspExtension);
