-- Drives the Neovim plugin headless against the real server, with real keys (nvim_input):
-- open a Python file, Alt+C, wait for the ghost text, cycle, Tab, Esc, pause/resume, a security
-- scan, the reference log buffer. Writes what it saw to $CW_RESULT as JSON; exits 0 when done.
--   CW_PLUGIN=editors/neovim CW_SERVER='["python","-m","codewhisperer_lsp"]' CW_WORKDIR=... CW_RESULT=...
--   nvim --headless --clean -u drive.lua
vim.opt.runtimepath:prepend(vim.env.CW_PLUGIN)
vim.o.swapfile = false
vim.o.shadafile = 'NONE'

local result = { steps = {} }
local workdir = vim.env.CW_WORKDIR

local function finish(err)
  result.error = err
  local file = assert(io.open(vim.env.CW_RESULT, 'w'))
  file:write(vim.json.encode(result))
  file:close()
  vim.schedule(function() vim.cmd(err and 'cquit 1' or 'qall!') end)
end

local co
local function sleep(ms)
  local me = coroutine.running()
  vim.defer_fn(function() assert(coroutine.resume(me)) end, ms)
  coroutine.yield()
end

local function wait_for(what, timeout_ms, predicate)
  local waited = 0
  while true do
    local value = predicate()
    if value then
      return value
    end
    if waited >= timeout_ms then
      error(('timed out after %d ms waiting for %s'):format(timeout_ms, what), 0)
    end
    sleep(50)
    waited = waited + 50
  end
end

local function step(name, data)
  data = data or {}
  data.step = name
  result.steps[#result.steps + 1] = data
end

local function input(keys)
  vim.api.nvim_input(keys)
  sleep(100) -- let the main loop read and map the keys
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

local function ghost_marks(bufnr)
  local ghost = require('codewhisperer.ghost')
  return vim.api.nvim_buf_get_extmarks(bufnr, ghost.ns, 0, -1, { details = true })
end

local function write(name, text)
  local path = workdir .. '/' .. name
  local file = assert(io.open(path, 'w'))
  file:write(text)
  file:close()
  return path
end

local function test()
  local cw = require('codewhisperer')
  local ghost = require('codewhisperer.ghost')
  cw.setup({ cmd = vim.json.decode(vim.env.CW_SERVER), settings = { numSuggestions = 2 } })
  step('setup', { version = tostring(vim.version()), engine = vim.lsp.inline_completion and 'native' or 'ghost' })

  local path = write('fib.py', 'def fibonacci(n):\n    """Return the n-th Fibonacci number."""\n    \n')
  vim.cmd.edit(path)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = wait_for('the client to attach', 20000, function() return vim.lsp.get_clients({ name = 'codewhisperer', bufnr = bufnr })[1] end)
  wait_for('codewhisperer/status ready', 180000, function()
    local status = cw.state.status
    if status and status.state == 'failing' then
      error('server failing: ' .. tostring(status.message), 0)
    end
    return status and status.state == 'ready'
  end)
  -- Spy on the notifications the plugin sends (codewhisperer/sessionResult).
  local sent = {}
  local notify = client.notify
  client.notify = function(self, method, params)
    if method == 'codewhisperer/sessionResult' then
      sent[#sent + 1] = vim.deepcopy(params)
    end
    return notify(self, method, params)
  end
  step('attached', { client = client.name, status = cw.state.status, encoding = client.offset_encoding })

  -- Alt+C at the end of line 3 (in Insert mode): the ghost text appears.
  vim.api.nvim_win_set_cursor(0, { 3, 4 })
  input('A')
  local before = buffer_text(bufnr)
  input('<M-c>')
  wait_for('ghost text after Alt+C', 90000, function() return ghost.visible(bufnr) end)
  local shown = ghost.current(bufnr)
  local mark
  for _, m in ipairs(ghost_marks(bufnr)) do
    if m[4].virt_text_pos == 'inline' then mark = m end
  end
  local first = mark and mark[4]
  step('ghost', { text = shown.text, count = shown.count, mode = vim.fn.mode(),
    virt_text = first and first.virt_text and first.virt_text[1][1], virt_lines = first and first.virt_lines and #first.virt_lines or 0,
    row = mark and mark[2], col = mark and mark[3], unchanged = buffer_text(bufnr) == before })

  -- Alt+] / Alt+[ cycle when there is more than one suggestion.
  input('<M-]>')
  local after_next = ghost.current(bufnr)
  input('<M-[>')
  local after_prev = ghost.current(bufnr)
  step('cycle', { count = shown.count, next = after_next and after_next.index, prev = after_prev and after_prev.index })

  -- Tab inserts the shown suggestion and runs the item's command.
  local accepted_text = ghost.current(bufnr).text
  input('<Tab>')
  wait_for('the accept command answer', 10000, function() return ghost.last_accepted and ghost.last_accepted.result end)
  step('accept', { before = before, after = buffer_text(bufnr), inserted = accepted_text,
    visible = ghost.visible(bufnr), mode = vim.fn.mode(), cursor = vim.api.nvim_win_get_cursor(0),
    command = ghost.last_accepted.command and ghost.last_accepted.command.command, result = ghost.last_accepted.result })

  -- Esc with a suggestion shown dismisses it and keeps the buffer as it was.
  input('<CR>')
  local before_esc = buffer_text(bufnr)
  input('<M-c>')
  wait_for('ghost text after a second Alt+C', 90000, function() return ghost.visible(bufnr) end)
  input('<Esc>')
  step('dismiss', { visible = ghost.visible(bufnr), marks = #ghost_marks(bufnr), unchanged = buffer_text(bufnr) == before_esc,
    mode = vim.fn.mode() })
  input('<Esc>')

  -- The accepted and the dismissed sessions were reported with codewhisperer/sessionResult;
  -- getMetrics counts the accepted item.
  local metrics
  require('codewhisperer.util').request(client, 'codewhisperer/getMetrics', {}, function(_, r) metrics = r end, bufnr)
  wait_for('codewhisperer/getMetrics', 5000, function() return metrics end)
  step('session results', { sent = sent, accepted = metrics.accepted })

  -- Pause and resume.
  local answers = {}
  local util = require('codewhisperer.util')
  util.execute('codewhisperer.pauseAutoSuggestions', {}, function(_, r) answers.pause = r end, bufnr)
  wait_for('pause answer', 5000, function() return answers.pause end)
  vim.cmd('CodeWhispererResume')
  util.execute('codewhisperer.resumeAutoSuggestions', {}, function(_, r) answers.resume = r end, bufnr)
  wait_for('resume answer', 5000, function() return answers.resume end)
  step('pause', { pause = answers.pause, resume = answers.resume, paused = ghost.paused })

  -- A security scan of a risky file: the findings arrive as diagnostics.
  local risky = write('risky.py', 'import subprocess\n\n\ndef run(command):\n    return subprocess.call(command, shell=True)\n')
  vim.cmd.edit(risky)
  local risky_buf = vim.api.nvim_get_current_buf()
  wait_for('the client on risky.py', 10000, function() return vim.lsp.get_clients({ name = 'codewhisperer', bufnr = risky_buf })[1] end)
  vim.cmd('CodeWhispererScan')
  local diagnostics = wait_for('scan diagnostics', 60000, function()
    local found = vim.diagnostic.get(risky_buf)
    return #found > 0 and found
  end)
  wait_for('scan summary', 10000, function() return cw.state.last_scan end)
  local lines = {}
  for _, d in ipairs(diagnostics) do
    lines[#lines + 1] = { lnum = d.lnum, source = d.source, code = d.code, message = d.message }
  end
  step('scan', { diagnostics = lines, summary = cw.state.last_scan })

  -- The reference log buffer: the history, then the stream.
  local log_buf = require('codewhisperer.reflog').open()
  wait_for('the reference log history', 10000, function() return buffer_text(log_buf):find('seeded entry', 1, true) end)
  local handler = client.handlers['codewhisperer/referenceLog'] or vim.lsp.handlers['codewhisperer/referenceLog']
  handler(nil, { timestamp = '2026-02-03T04:05:06+00:00', uri = vim.uri_from_fname(path),
    range = { start = { line = 2, character = 4 }, ['end'] = { line = 3, character = 0 } }, sessionId = 's', itemId = 's-0',
    message = 'streamed entry', references = { { licenseName = 'Apache-2.0', repository = 'example/streamed',
      url = 'https://example.org/streamed', recommendationContentSpan = { start = 0, ['end'] = 5 } } } },
    { method = 'codewhisperer/referenceLog', client_id = client.id })
  step('reference log', { lines = vim.api.nvim_buf_get_lines(log_buf, 0, -1, false),
    name = vim.api.nvim_buf_get_name(log_buf) })
end

local watchdog = vim.uv.new_timer()
watchdog:start(tonumber(vim.env.CW_TIMEOUT_MS or '200000'), 0, vim.schedule_wrap(function()
  finish('watchdog: the test did not finish in time')
end))

co = coroutine.create(function()
  local ok, err = xpcall(test, debug.traceback)
  finish(not ok and tostring(err) or nil)
end)
vim.schedule(function() assert(coroutine.resume(co)) end)
