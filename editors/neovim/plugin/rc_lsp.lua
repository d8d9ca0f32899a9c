-- rc-lsp for Neovim >= 0.11: starts the server for Python buffers and turns its inlay hints on.
-- Loaded from 'runtimepath' at startup; set `vim.g.rc_lsp_no_autostart = true` before that to opt out.
if vim.g.loaded_rc_lsp or vim.fn.has('nvim-0.11') == 0 then
  return
end
vim.g.loaded_rc_lsp = true
if vim.g.rc_lsp_no_autostart then
  return
end

vim.lsp.enable('rc_lsp')

vim.api.nvim_create_autocmd('LspAttach', {
  group = vim.api.nvim_create_augroup('rc_lsp_inlay_hints', { clear = true }),
  desc = 'rc-lsp: show reference counts as inlay hints',
  callback = function(args)
    local client = vim.lsp.get_client_by_id(args.data.client_id)
    if client and client.name == 'rc_lsp' and client:supports_method('textDocument/inlayHint') then
      vim.lsp.inlay_hint.enable(true, { bufnr = args.buf })
    end
  end,
})
