// Runs extension.js under Node's own test runner with stand-ins for the `vscode` and
// `vscode-languageclient` modules (neither can be installed without the npm registry): the client starts
// `rc-lsp` from PATH or `rc-lsp.path`, passes the settings as initializationOptions and answers
// workspace/configuration with them, sends them again on change, and restarts when the path changes.
// Run: node --test test/   (no npm install needed)
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
const defaults = Object.fromEntries(
  Object.entries(manifest.contributes.configuration.properties).map(([key, p]) => [key, p.default]));

/** A fake VS Code with a settable configuration, and a fake LanguageClient that records what it was given. */
function fakes() {
  const state = { settings: { ...defaults }, clients: [], configListeners: [], commands: {}, errors: [] };
  const vscode = {
    workspace: {
      getConfiguration(section) {
        return { get: (key, fallback) => (`${section}.${key}` in state.settings ? state.settings[`${section}.${key}`] : fallback) };
      },
      onDidChangeConfiguration(listener) {
        state.configListeners.push(listener);
        return { dispose() {} };
      },
    },
    window: {
      createOutputChannel: (name) => ({ name }),
      showErrorMessage: (message) => state.errors.push(message),
    },
    commands: {
      registerCommand(name, fn) {
        state.commands[name] = fn;
        return { dispose() {} };
      },
    },
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, notifications: [], running: false });
      state.clients.push(this);
    }
    async start() { this.running = true; }
    async stop() { this.running = false; }
    async sendNotification(method, params) { this.notifications.push({ method, params }); }
  }
  const languageclient = { LanguageClient, TransportKind: { stdio: 0 } };
  return { state, vscode, languageclient };
}

function loadExtension(f) {
  const original = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return f.vscode;
    if (request === 'vscode-languageclient/node') return f.languageclient;
    return original.call(this, request, parent, isMain);
  };
  try {
    const file = require.resolve('../extension.js');
    delete require.cache[file];
    return require(file);
  } finally {
    Module._load = original;
  }
}

async function changeSettings(f, changes) {
  Object.assign(f.state.settings, changes);
  const keys = Object.keys(changes);
  const event = { affectsConfiguration: (s) => keys.some((k) => k === s || k.startsWith(s + '.')) };
  for (const listener of f.state.configListeners) await listener(event);
}

const serverDefaults = {
  inlayHints: { enabled: true, showInterned: false, showFreed: true, maxLength: 60 },
  diagnostics: { onChange: true, cycles: true },
};

test('the manifest contributes every server setting with its default, and activates on Python', () => {
  assert.deepEqual(manifest.activationEvents, ['onLanguage:python']);
  assert.deepEqual(defaults, {
    'rc-lsp.path': '',
    'rc-lsp.inlayHints.enabled': true,
    'rc-lsp.inlayHints.showInterned': false,
    'rc-lsp.inlayHints.showFreed': true,
    'rc-lsp.inlayHints.maxLength': 60,
    'rc-lsp.diagnostics.onChange': true,
    'rc-lsp.diagnostics.cycles': true,
    'rc-lsp.trace.server': 'off',
  });
});

test('starts rc-lsp from PATH for Python documents with the settings as initializationOptions', async () => {
  const f = fakes();
  await loadExtension(f).activate({ subscriptions: [] });
  assert.equal(f.state.clients.length, 1);
  const client = f.state.clients[0];
  assert.equal(client.id, 'rc-lsp');
  assert.equal(client.running, true);
  assert.equal(client.serverOptions.run.command, 'rc-lsp');
  assert.deepEqual(client.serverOptions.run.args, []);
  assert.deepEqual(client.clientOptions.documentSelector.map((s) => s.language), ['python', 'python']);
  assert.deepEqual(client.clientOptions.initializationOptions(), serverDefaults);
  const pulled = client.clientOptions.middleware.workspace.configuration(
    { items: [{ section: 'rc-lsp' }, { section: 'python' }] }, undefined, () => []);
  assert.deepEqual(pulled, [serverDefaults, null]);
  assert.deepEqual(f.state.errors, []);
});

test('a configured path is used, with ~ expanded', async () => {
  const f = fakes();
  f.state.settings['rc-lsp.path'] = '~/bin/rc-lsp';
  const home = process.env.HOME;
  process.env.HOME = '/home/ada';
  try {
    await loadExtension(f).activate({ subscriptions: [] });
  } finally {
    process.env.HOME = home;
  }
  assert.equal(f.state.clients[0].serverOptions.run.command, '/home/ada/bin/rc-lsp');
});

test('a settings change is sent at once; a path change restarts the server', async () => {
  const f = fakes();
  await loadExtension(f).activate({ subscriptions: [] });
  await changeSettings(f, { 'rc-lsp.inlayHints.showInterned': true });
  const first = f.state.clients[0];
  assert.deepEqual(first.notifications, [{
    method: 'workspace/didChangeConfiguration',
    params: { settings: { 'rc-lsp': { ...serverDefaults, inlayHints: { ...serverDefaults.inlayHints, showInterned: true } } } },
  }]);
  await changeSettings(f, { 'rc-lsp.path': '/opt/rc-lsp/bin/rc-lsp' });
  assert.equal(first.running, false);
  assert.equal(f.state.clients.length, 2);
  assert.equal(f.state.clients[1].serverOptions.run.command, '/opt/rc-lsp/bin/rc-lsp');
  assert.equal(f.state.clients[1].running, true);
});

test('a server that cannot start is reported, not thrown', async () => {
  const f = fakes();
  f.languageclient.LanguageClient.prototype.start = async () => { throw new Error('spawn rc-lsp ENOENT'); };
  await loadExtension(f).activate({ subscriptions: [] });
  assert.equal(f.state.errors.length, 1);
  assert.match(f.state.errors[0], /could not start "rc-lsp" \(spawn rc-lsp ENOENT\)/);
});
