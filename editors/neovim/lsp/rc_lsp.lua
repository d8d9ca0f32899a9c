-- rc-lsp for Neovim >= 0.11: the server's configuration, found by `vim.lsp.enable('rc_lsp')` on 'runtimepath'.
-- Override any field with `vim.lsp.config('rc_lsp', { ... })`; the tables are merged deeply.
-- rc-lsp only adds inlay hints, hovers, allocation-site navigation and cycle diagnostics: it offers no
-- completion and no formatting, so it runs beside your Python server (basedpyright, pyright, pylsp, ruff).

---@type vim.lsp.Config
return {
  cmd = { 'rc-lsp' },
  filetypes = { 'python' },
  root_markers = { 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'Pipfile', '.git' },
  -- The server's settings with their defaults (section "rc-lsp"). Neovim sends them with
  -- workspace/didChangeConfiguration and answers workspace/configuration from them.
  settings = {
    ['rc-lsp'] = {
      inlayHints = { enabled = true, showInterned = false, showFreed = true, maxLength = 60 },
      diagnostics = { onChange = true, cycles = true },
    },
  },
  -- The same settings as initializationOptions, so the very first analysis already uses them.
  before_init = function(params, config)
    params.initializationOptions = (config.settings or {})['rc-lsp']
  end,
}
