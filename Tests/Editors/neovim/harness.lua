-- Drives a headless Neovim that loaded the SHIPPED rc-lsp config (editors/neovim on 'runtimepath') and
-- writes, as JSON, what Neovim itself stored: the client it started, the inlay hints, hovers, the
-- diagnostics after opening and after :write, and how the server exited. It asserts nothing: the XCTest
-- (Tests/RcLspTests/EditorNeovimTests.swift) reads the JSON and does.
--
-- Run as: nvim --clean --headless --cmd 'set rtp^=editors/neovim' -c 'luafile harness.lua'
-- with RC_LSP_HARNESS = JSON { file, out, hovers = {{line, character}, ...}, stepTimeoutMs, totalTimeoutMs,
-- exitHook = false when the setup under test does not use vim.lsp.config, diagnostics = false to not wait
-- for published diagnostics }
-- (positions 0-based, UTF-16, as in LSP). Every wait is bounded; on any error or timeout the JSON still gets
-- written with an `error` field and Neovim exits non-zero.

local job = vim.json.decode(os.getenv('RC_LSP_HARNESS') or 'null')
local out = {
  nvim = tostring(vim.version()),
  steps = {},
  inlay_hints = {},
  hovers = {},
  diagnostics_after_open = {},
  diagnostics_after_write = {},
}
local started = vim.uv.hrtime()

local function step(what)
  table.insert(out.steps, string.format('%6d ms  %s', (vim.uv.hrtime() - started) / 1e6, what))
end

local function finish(exit_code)
  local f = io.open(job.out, 'w')
  if f then
    f:write(vim.json.encode(out))
    f:close()
  end
  vim.cmd((exit_code == 0 and 'qall!') or ('cquit ' .. exit_code))
end

if type(job) ~= 'table' or not job.file or not job.out then
  io.stderr:write('harness.lua: set RC_LSP_HARNESS to JSON {file, out, hovers}\n')
  vim.cmd('cquit 3')
  return
end
local step_timeout = job.stepTimeoutMs or 10000

-- The whole run has a deadline even if a wait below misbehaves.
vim.defer_fn(function()
  out.error = 'harness deadline passed'
  finish(4)
end, job.totalTimeoutMs or 40000)

-- Observation only: the shipped config stays as it is, merged with a hook that records the server's exit.
vim.lsp.config('rc_lsp', {
  on_exit = function(code, signal)
    out.server_exit = { code = code, signal = signal }
  end,
})

-- Count diagnostics answers so a wait can tell "the server answered" from "nothing yet". Neovim 0.11 pulls
-- (textDocument/diagnostic, after didOpen and didChange) when the server offers it; otherwise the server
-- pushes (textDocument/publishDiagnostics, after didOpen and didSave).
local published, pulled = 0, 0
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published = published + 1
  return default_publish(err, result, ctx, config)
end
local default_pull = vim.lsp.handlers['textDocument/diagnostic']
vim.lsp.handlers['textDocument/diagnostic'] = function(err, result, ctx, config)
  pulled = pulled + 1
  return default_pull(err, result, ctx, config)
end

local function rc_client(buf)
  return vim.lsp.get_clients({ bufnr = buf, name = 'rc_lsp' })[1]
end

local function label_of(hint_parts)
  if type(hint_parts) == 'string' then
    return hint_parts, {}
  end
  local text, parts = {}, {}
  for _, part in ipairs(hint_parts) do
    table.insert(text, part.value)
    local p = { value = part.value }
    if part.location then
      p.location = { line = part.location.range.start.line, character = part.location.range.start.character }
    end
    table.insert(parts, p)
  end
  return table.concat(text), parts
end

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      line = d.lnum,
      character = d.col,
      end_line = d.end_lnum,
      end_character = d.end_col,
      severity = vim.diagnostic.severity[d.severity],
      message = d.message,
      source = d.source,
      code = (d.code or lsp.code) and tostring(d.code or lsp.code) or vim.NIL,
      related = #(lsp.relatedInformation or {}),
    })
  end
  table.sort(list, function(a, b)
    return a.line < b.line or (a.line == b.line and a.character < b.character)
  end)
  return list
end

local function run()
  step('editing ' .. job.file)
  vim.cmd.edit(vim.fn.fnameescape(job.file))
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[buf].filetype

  -- 1. The shipped config started the server and it attached to this buffer.
  local attached = vim.wait(step_timeout, function()
    local c = rc_client(buf)
    return c ~= nil and c.initialized == true
  end, 20)
  local client = rc_client(buf)
  if not attached or not client then
    out.error = 'rc_lsp did not attach within ' .. step_timeout .. ' ms'
    return 5
  end
  step('attached')
  local caps = client.server_capabilities or {}
  out.client = {
    name = client.name,
    cmd = client.config.cmd,
    root_dir = client.root_dir or vim.NIL,
    filetypes = client.config.filetypes,
    server_name = (client.server_info or {}).name or vim.NIL,
    inlay_hints_enabled = vim.lsp.inlay_hint.is_enabled({ bufnr = buf }),
    settings = (client.settings or {})['rc-lsp'] or vim.NIL,
    provides = {
      hover = caps.hoverProvider ~= nil and caps.hoverProvider ~= false,
      inlayHint = caps.inlayHintProvider ~= nil and caps.inlayHintProvider ~= false,
      completion = caps.completionProvider ~= nil,
      formatting = caps.documentFormattingProvider ~= nil and caps.documentFormattingProvider ~= false,
      rangeFormatting = caps.documentRangeFormattingProvider ~= nil and caps.documentRangeFormattingProvider ~= false,
      signatureHelp = caps.signatureHelpProvider ~= nil,
      rename = caps.renameProvider ~= nil and caps.renameProvider ~= false,
      codeAction = caps.codeActionProvider ~= nil and caps.codeActionProvider ~= false,
    },
  }

  -- 2. Inlay hints as Neovim stored them. Our own request, answered after Neovim's (the server answers
  --    in order), tells how many Neovim should have once its own answer is in.
  local offers = out.client.provides
  local last_line = vim.api.nvim_buf_line_count(buf)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last_line, character = 0 } },
  }
  local expected = 0
  if offers.inlayHint then
    local answers = vim.lsp.buf_request_sync(buf, 'textDocument/inlayHint', params, step_timeout) or {}
    local answer = answers[client.id] or {}
    if answer.err then
      out.inlay_hint_error = answer.err.message
    end
    expected = #(answer.result or {})
    vim.wait(step_timeout, function()
      return #vim.lsp.inlay_hint.get({ bufnr = buf }) >= expected
    end, 20)
  end
  for _, item in ipairs(vim.lsp.inlay_hint.get({ bufnr = buf })) do
    if item.client_id == client.id then
      local h = item.inlay_hint
      local label, parts = label_of(h.label)
      table.insert(out.inlay_hints, {
        line = h.position.line,
        character = h.position.character,
        label = label,
        parts = parts,
        paddingLeft = h.paddingLeft == true,
        kind = h.kind or vim.NIL,
      })
    end
  end
  table.sort(out.inlay_hints, function(a, b)
    return a.line < b.line or (a.line == b.line and a.character < b.character)
  end)
  step('inlay hints: ' .. #out.inlay_hints .. ' stored, ' .. expected .. ' answered')

  -- 3. Hovers at the requested positions.
  for _, pos in ipairs(offers.hover and job.hovers or {}) do
    local hp = {
      textDocument = vim.lsp.util.make_text_document_params(buf),
      position = { line = pos[1], character = pos[2] },
    }
    local res = (vim.lsp.buf_request_sync(buf, 'textDocument/hover', hp, step_timeout) or {})[client.id] or {}
    local entry = { line = pos[1], character = pos[2], contents = vim.NIL, range = vim.NIL }
    if res.err then
      entry.error = res.err.message
    elseif res.result then
      local c = res.result.contents
      entry.contents = type(c) == 'table' and (c.value or vim.inspect(c)) or c
      entry.kind = type(c) == 'table' and c.kind or vim.NIL
      local r = res.result.range
      if r then
        entry.range = { r.start.line, r.start.character, r['end'].line, r['end'].character }
      end
    end
    table.insert(out.hovers, entry)
  end
  step('hovers: ' .. #out.hovers)

  -- 4. Diagnostics after opening, then after :write. Only waited for when the job asks: a server without
  --    diagnostics would cost two step timeouts. A pulled answer stays valid after a save (Neovim pulls
  --    again only after edits); pushed ones come again on didSave.
  local wait_diagnostics = job.diagnostics ~= false
  out.published_after_open = wait_diagnostics and vim.wait(step_timeout, function()
    return published + pulled > 0
  end, 20)
  out.diagnostics_mode = (pulled > 0 and 'pull') or (published > 0 and 'push') or vim.NIL
  out.diagnostics_after_open = diagnostics(buf)
  local before = published
  vim.cmd('silent write')
  out.published_after_write = wait_diagnostics and (pulled > 0 or vim.wait(step_timeout, function()
    return published > before
  end, 20))
  out.diagnostics_after_write = diagnostics(buf)
  step('diagnostics: ' .. #out.diagnostics_after_open .. ' after open, ' .. #out.diagnostics_after_write .. ' after write')

  -- 5. A clean shutdown: shutdown request, exit notification, the process ends with code 0.
  --    The exit code is seen through the on_exit hook above, which only configs from vim.lsp.config get;
  --    a client made by a plain vim.lsp.start (the 0.10 setup) is only seen to stop.
  client:stop()
  local stopped = vim.wait(step_timeout, function()
    return out.server_exit ~= nil or (job.exitHook == false and client:is_stopped())
  end, 20)
  if not stopped then
    out.error = 'the server did not exit within ' .. step_timeout .. ' ms of shutdown'
    return 6
  end
  step('server exited')
  return 0
end

local ok, code = xpcall(run, debug.traceback)
if not ok then
  out.error = tostring(code)
  code = 7
end
finish(code)
