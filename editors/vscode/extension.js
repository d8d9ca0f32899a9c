// rc-lsp for VS Code: starts `rc-lsp` (from PATH or the `rc-lsp.path` setting) for Python files and hands
// it the `rc-lsp.*` settings, as initializationOptions at start and with didChangeConfiguration on change.
// The server adds inlay hints, hovers, allocation-site navigation and cycle diagnostics only: it offers
// no completion and no formatting, so Pylance or any other Python extension keeps doing those.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

const SECTION = 'rc-lsp';

/** The server's settings (section "rc-lsp") as it reads them: { inlayHints: {...}, diagnostics: {...} }. */
function serverSettings(config) {
  return {
    inlayHints: {
      enabled: config.get('inlayHints.enabled', true),
      showInterned: config.get('inlayHints.showInterned', false),
      showFreed: config.get('inlayHints.showFreed', true),
      maxLength: config.get('inlayHints.maxLength', 60),
    },
    diagnostics: {
      onChange: config.get('diagnostics.onChange', true),
      cycles: config.get('diagnostics.cycles', true),
    },
  };
}

/** The command to run: the `rc-lsp.path` setting (with `~` expanded), else `rc-lsp` looked up on PATH. */
function serverCommand(config, home) {
  const configured = (config.get('path', '') || '').trim();
  if (!configured) return 'rc-lsp';
  return configured.startsWith('~/') && home ? home + configured.slice(1) : configured;
}

function clientOptions(outputChannel) {
  return {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    outputChannel,
    initializationOptions: () => serverSettings(vscode.workspace.getConfiguration(SECTION)),
    middleware: {
      workspace: {
        // workspace/configuration pulls for "rc-lsp" get the same shape as initializationOptions.
        configuration: (params, token, next) =>
          params.items.map((item) =>
            item.section === SECTION ? serverSettings(vscode.workspace.getConfiguration(SECTION)) : null),
      },
    },
  };
}

let client;
let outputChannel;

async function start() {
  const config = vscode.workspace.getConfiguration(SECTION);
  const command = serverCommand(config, process.env.HOME || process.env.USERPROFILE);
  const executable = { command, args: [], transport: TransportKind.stdio };
  outputChannel = outputChannel || vscode.window.createOutputChannel('rc-lsp');
  client = new LanguageClient(SECTION, 'rc-lsp', { run: executable, debug: executable }, clientOptions(outputChannel));
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    vscode.window.showErrorMessage(
      `rc-lsp: could not start "${command}" (${error && error.message ? error.message : error}). ` +
      'Install rc-lsp on PATH or set "rc-lsp.path".');
  }
}

async function stop() {
  if (!client) return;
  const running = client;
  client = undefined;
  await running.stop();
}

async function restart() {
  await stop();
  await start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('rc-lsp.restart', restart),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      if (event.affectsConfiguration(`${SECTION}.path`)) {
        await restart();
      } else if (client) {
        // A change takes effect at once: the server re-reads its section and refreshes hints.
        await client.sendNotification('workspace/didChangeConfiguration', {
          settings: { [SECTION]: serverSettings(vscode.workspace.getConfiguration(SECTION)) },
        });
      }
    }),
    { dispose: () => { stop(); } });
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, serverSettings, serverCommand };
