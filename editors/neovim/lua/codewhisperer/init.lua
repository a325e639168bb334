-- CodeWhisperer for Neovim: a thin client for codewhisperer-lsp.
--   require('codewhisperer').setup({ cmd = { 'codewhisperer-lsp' }, settings = { numSuggestions = 3 } })
-- 0.11+: registered with vim.lsp.config / vim.lsp.enable; 0.10: started from a FileType autocommand.
-- Suggestions: the native vim.lsp.inline_completion on 0.12+, this plugin's ghost text before.
local util = require('codewhisperer.util')
local ghost = require('codewhisperer.ghost')
local reflog = require('codewhisperer.reflog')

local M = {}

M.filetypes = { 'java', 'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'cs',
  'ruby', 'go', 'php', 'c', 'cpp', 'sh', 'bash', 'zsh', 'scala', 'rust', 'kotlin', 'sql' }

M.defaults = {
  cmd = { 'codewhisperer-lsp' },
  filetypes = M.filetypes,
  root_markers = { '.git', 'pyproject.toml', 'package.json', 'go.mod', 'Cargo.toml', 'pom.xml' },
  settings = {}, -- the server's `codewhisperer` settings (docs/PROTOCOL.md)
  auto = true, -- ask while typing (the server also honours pause/resume and `autoSuggestions`)
  engine = nil, -- 'native' (0.12+) or 'ghost'; nil: native when available
  keys = { trigger = '<M-c>', accept = '<Tab>', dismiss = '<Esc>', next = '<M-]>', prev = '<M-[>' },
}

M.options = nil
M.state = { status = nil }

local COMMANDS = {
  pause = 'codewhisperer.pauseAutoSuggestions',
  resume = 'codewhisperer.resumeAutoSuggestions',
  start_scan = 'codewhisperer.startSecurityScan',
  stop_scan = 'codewhisperer.stopSecurityScan',
  show_scanned = 'codewhisperer.showScannedFiles',
}

local function engine()
  if M.options.engine then
    return M.options.engine
  end
  return vim.lsp.inline_completion and 'native' or 'ghost'
end

local function on_status(_, params)
  M.state.status = params
  if params.state == 'failing' then
    vim.notify('CodeWhisperer: model unavailable: ' .. tostring(params.message), vim.log.levels.ERROR)
  end
  if params.paused ~= nil then -- the server remembers a pause across restarts
    ghost.paused = params.paused or not M.options.auto
  end
end

local function on_reference_log(_, entry)
  reflog.add(entry)
end

local function attach_native(bufnr, keys)
  vim.lsp.inline_completion.enable(true, { bufnr = bufnr })
  local function map(lhs, rhs, desc, expr)
    util.imap(bufnr, lhs, rhs, desc, expr)
  end
  -- Alt+C sends an Invoked request (several suggestions), shown by this plugin's ghost text.
  map(keys.trigger, function() ghost.request('invoked', bufnr) end, 'CodeWhisperer: ask for suggestions')
  map(keys.accept, function()
    if ghost.visible(bufnr) then
      return '<Cmd>lua require("codewhisperer.ghost").accept()<CR>'
    end
    if not vim.lsp.inline_completion.get({ bufnr = bufnr }) then
      return keys.accept
    end
  end, 'CodeWhisperer: accept the suggestion', true)
  map(keys.next, function()
    if not ghost.cycle(1, bufnr) then vim.lsp.inline_completion.select({ bufnr = bufnr, count = 1 }) end
  end, 'CodeWhisperer: next suggestion')
  map(keys.prev, function()
    if not ghost.cycle(-1, bufnr) then vim.lsp.inline_completion.select({ bufnr = bufnr, count = -1 }) end
  end, 'CodeWhisperer: previous suggestion')
end

local function on_attach(client, bufnr)
  if engine() == 'native' then
    attach_native(bufnr, M.options.keys)
  else
    ghost.attach(bufnr, M.options.keys)
  end
end

--- The vim.lsp configuration of the server (also usable with vim.lsp.start directly).
function M.server_config()
  local opts = M.options or M.defaults
  local settings = next(opts.settings) and opts.settings or vim.empty_dict()
  return {
    name = util.NAME,
    cmd = opts.cmd,
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    init_options = settings,
    settings = { codewhisperer = settings },
    handlers = {
      ['codewhisperer/status'] = on_status,
      ['codewhisperer/referenceLog'] = on_reference_log,
    },
    on_attach = on_attach,
  }
end

function M.pause()
  ghost.paused = true
  ghost.dismiss()
  return util.execute(COMMANDS.pause, {}, function(err)
    if not err then vim.notify('CodeWhisperer: auto-suggestions paused (Alt+C still asks)') end
  end)
end

function M.resume()
  ghost.paused = false
  return util.execute(COMMANDS.resume, {}, function(err)
    if not err then vim.notify('CodeWhisperer: auto-suggestions resumed') end
  end)
end

--- Scan the current file and what it imports; findings arrive as diagnostics.
function M.scan()
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  vim.notify('CodeWhisperer: security scan started')
  return util.execute(COMMANDS.start_scan, { { uri = uri } }, function(err, result)
    M.state.last_scan = result
    if not err and result then
      vim.notify(('CodeWhisperer: security scan %s: %d finding(s) in %d file(s), %d skipped, %d ms'):format(
        result.status, result.findings or 0, #(result.scannedFiles or {}), #(result.skippedFiles or {}),
        math.floor(result.durationMs or 0)), result.error and vim.log.levels.WARN or vim.log.levels.INFO)
    end
  end, bufnr)
end

function M.stop_scan()
  return util.execute(COMMANDS.stop_scan, {})
end

--- The files the last scan read (and skipped) in the quickfix list.
function M.scanned_files()
  return util.execute(COMMANDS.show_scanned, {}, function(err, result)
    if err or not result then return end
    local items = {}
    for _, uri in ipairs(result.scannedFiles or {}) do
      items[#items + 1] = { filename = vim.uri_to_fname(uri), lnum = 1, text = 'scanned' }
    end
    for _, skipped in ipairs(result.skippedFiles or {}) do
      items[#items + 1] = { filename = vim.uri_to_fname(skipped.uri), lnum = 1, text = 'skipped: ' .. skipped.reason }
    end
    vim.fn.setqflist({}, ' ', { title = 'CodeWhisperer: scanned files', items = items })
    vim.cmd('copen')
  end)
end

function M.status()
  local s = M.state.status
  if not s then
    return 'CodeWhisperer: not started'
  end
  return ('CodeWhisperer: %s%s%s'):format(ghost.paused and 'paused, ' or '', s.state,
    s.model and (' (' .. s.model .. (s.device and (' on ' .. s.device) or '') .. ')') or '')
end

local function user_commands()
  local function command(name, fn, desc)
    vim.api.nvim_create_user_command(name, function() fn() end, { desc = desc })
  end
  command('CodeWhispererPause', M.pause, 'Pause auto-suggestions')
  command('CodeWhispererResume', M.resume, 'Resume auto-suggestions')
  command('CodeWhispererToggle', function() return ghost.paused and M.resume() or M.pause() end,
    'Pause or resume auto-suggestions')
  command('CodeWhispererTrigger', function() ghost.request('invoked') end, 'Ask for suggestions (Alt+C)')
  command('CodeWhispererScan', M.scan, 'Run a security scan of this file and its imports')
  command('CodeWhispererScanStop', M.stop_scan, 'Stop the running security scan')
  command('CodeWhispererScannedFiles', M.scanned_files, 'List the files the last scan read')
  command('CodeWhispererReferenceLog', reflog.open, 'Open the Code Reference Log')
  command('CodeWhispererStatus', function() vim.notify(M.status()) end, 'Show the server state')
end

function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', M.defaults, opts or {})
  if opts and opts.filetypes then
    M.options.filetypes = opts.filetypes
  end
  ghost.paused = not M.options.auto
  ghost.debounce_ms = M.options.settings.debounceMs or 150
  user_commands()
  local config = M.server_config()
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config(util.NAME, config)
    vim.lsp.enable(util.NAME)
    return
  end
  vim.api.nvim_create_autocmd('FileType', { -- Neovim 0.10
    group = vim.api.nvim_create_augroup('codewhisperer.start', { clear = true }),
    pattern = M.options.filetypes,
    callback = function(args)
      local start = vim.tbl_extend('force', config, {
        root_dir = vim.fs.root(args.buf, M.options.root_markers) or vim.fn.getcwd() })
      vim.lsp.start(start, { bufnr = args.buf })
    end,
  })
end

return M
