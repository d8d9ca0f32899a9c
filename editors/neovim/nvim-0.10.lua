-- rc-lsp for Neovim 0.10 (before vim.lsp.config / vim.lsp.enable): copy into your init.lua, or
-- `dofile('/path/to/editors/neovim/nvim-0.10.lua')`. Also works on 0.11, where lsp/rc_lsp.lua is preferred.
local settings = {
  ['rc-lsp'] = {
    inlayHints = { enabled = true, showInterned = false, showFreed = true, maxLength = 60 },
    diagnostics = { onChange = true, cycles = true },
  },
}
local root_markers = { 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'Pipfile', '.git' }

vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('rc_lsp', { clear = true }),
  pattern = 'python',
  desc = 'rc-lsp: reference counts, heap targets and cycles for Python',
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    vim.lsp.start({
      name = 'rc_lsp',
      cmd = { 'rc-lsp' },
      root_dir = vim.fs.root(args.buf, root_markers) or vim.fs.dirname(file),
      settings = settings,
      init_options = settings['rc-lsp'],
      on_attach = function(_, bufnr)
        vim.lsp.inlay_hint.enable(true, { bufnr = bufnr })
      end,
    }, { bufnr = args.buf })
  end,
})
