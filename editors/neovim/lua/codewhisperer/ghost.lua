-- Ghost text for Neovim 0.10/0.11 (0.12+ can use the native vim.lsp.inline_completion instead):
-- ask on idle (Automatic) and on Alt+C (Invoked), show the suggestion as virtual text at the
-- cursor, Tab accepts (applies the edit and runs the item's command), Esc dismisses, Alt+] / Alt+[
-- cycle through the suggestions.
local util = require('codewhisperer.util')

local M = {}

M.ns = vim.api.nvim_create_namespace('codewhisperer.ghost')
M.paused = false
M.debounce_ms = 150
M.last_accepted = nil -- {text, command, result}: the last accepted item and the server's answer

local INVOKED, AUTOMATIC = 1, 2
local state = {} -- per buffer: items, index, row, col, tick, request, client_id, position

vim.api.nvim_set_hl(0, 'CodeWhispererGhost', { default = true, link = 'Comment' })
vim.api.nvim_set_hl(0, 'CodeWhispererGhostCount', { default = true, link = 'NonText' })

local function buf_state(bufnr)
  state[bufnr] = state[bufnr] or {}
  return state[bufnr]
end

local function stop_timer(s)
  if s.timer then
    s.timer:stop()
    s.timer:close()
    s.timer = nil
  end
end

local function cancel_request(s)
  if s.request then
    local client = vim.lsp.get_client_by_id(s.request.client_id)
    if client then
      pcall(util.cancel, client, s.request.id)
    end
    s.request = nil
  end
end

-- codewhisperer/sessionResult: which items of the shown session were seen, and that all but the
-- accepted one were discarded.
local function report(s, accepted)
  local client = s.client_id and vim.lsp.get_client_by_id(s.client_id)
  local first = s.items[1].item.command and s.items[1].item.command.arguments
  local session = first and first[1] and first[1].sessionId
  if not (client and session) then
    return
  end
  local results = {}
  for index, entry in ipairs(s.items) do
    local command = entry.item.command
    local args = command and command.arguments and command.arguments[1] or {}
    if args.itemId then
      results[args.itemId] = { seen = s.seen[index] == true, discarded = index ~= accepted }
    end
  end
  pcall(util.notify, client, 'codewhisperer/sessionResult', { sessionId = session, completionSessionResult = results })
end

--- Remove the ghost text; the suggestions are reported as discarded unless one was accepted.
function M.clear(bufnr, accepted)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local s = state[bufnr]
  if not s then
    return
  end
  if vim.api.nvim_buf_is_valid(bufnr) then
    vim.api.nvim_buf_clear_namespace(bufnr, M.ns, 0, -1)
  end
  if s.items then
    report(s, accepted)
  end
  s.items, s.index, s.seen = nil, nil, nil
end

function M.dismiss(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local s = buf_state(bufnr)
  stop_timer(s)
  cancel_request(s)
  M.clear(bufnr)
end

function M.visible(bufnr)
  local s = state[bufnr or vim.api.nvim_get_current_buf()]
  return s ~= nil and s.items ~= nil
end

--- The suggestion shown now: {text, index, count} or nil.
function M.current(bufnr)
  local s = state[bufnr or vim.api.nvim_get_current_buf()]
  if not (s and s.items) then
    return nil
  end
  return { text = s.items[s.index].shown, index = s.index, count = #s.items }
end

-- The part of an item still to be typed: the item replaces `range`, which may start before the cursor.
local function shown_text(bufnr, item, row, col, encoding)
  local text = util.item_text(item)
  local range = item.range
  if range and range.start.line == row then
    local line = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1] or ''
    local start = util.byte_col(line, range.start.character, encoding)
    if start < col then
      local typed = line:sub(start + 1, col)
      if text:sub(1, #typed) ~= typed then
        return nil -- the item no longer continues what is typed
      end
      text = text:sub(#typed + 1)
    end
  end
  return text ~= '' and text or nil
end

local function render(bufnr)
  local s = state[bufnr]
  s.seen[s.index] = true
  vim.api.nvim_buf_clear_namespace(bufnr, M.ns, 0, -1)
  local lines = vim.split(s.items[s.index].shown, '\n', { plain = true })
  local virt_lines = {}
  for i = 2, #lines do
    virt_lines[#virt_lines + 1] = { { lines[i], 'CodeWhispererGhost' } }
  end
  vim.api.nvim_buf_set_extmark(bufnr, M.ns, s.row, s.col, {
    virt_text = { { lines[1], 'CodeWhispererGhost' } },
    virt_text_pos = 'inline',
    virt_lines = #virt_lines > 0 and virt_lines or nil,
    hl_mode = 'combine',
  })
  if #s.items > 1 then
    vim.api.nvim_buf_set_extmark(bufnr, M.ns, s.row, 0, {
      virt_text = { { (' %d/%d  Alt+] / Alt+['):format(s.index, #s.items), 'CodeWhispererGhostCount' } },
      virt_text_pos = 'eol',
    })
  end
end

local function still_there(bufnr, tick, row, col)
  return vim.api.nvim_buf_is_valid(bufnr) and bufnr == vim.api.nvim_get_current_buf()
    and vim.api.nvim_buf_get_changedtick(bufnr) == tick and vim.fn.mode():sub(1, 1) == 'i'
    and vim.deep_equal(vim.api.nvim_win_get_cursor(0), { row + 1, col })
end

--- Ask the server for suggestions at the cursor. kind: 'invoked' (Alt+C) or 'automatic'.
function M.request(kind, bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local client = util.client(bufnr)
  if not client then
    return false
  end
  local s = buf_state(bufnr)
  stop_timer(s)
  cancel_request(s)
  M.clear(bufnr)
  local cursor = vim.api.nvim_win_get_cursor(0)
  local row, col = cursor[1] - 1, cursor[2]
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  local encoding = client.offset_encoding or 'utf-16'
  local params = vim.lsp.util.make_position_params(0, encoding)
  params.context = { triggerKind = kind == 'invoked' and INVOKED or AUTOMATIC }
  local ok, id = util.request(client, 'textDocument/inlineCompletion', params, function(err, result)
    if s.request and s.request.id == id then
      s.request = nil
    end
    if err or not result or not still_there(bufnr, tick, row, col) then
      return
    end
    local items = {}
    for _, item in ipairs(result.items or result) do
      local shown = shown_text(bufnr, item, row, col, encoding)
      if shown then
        items[#items + 1] = { item = item, shown = shown }
      end
    end
    if #items == 0 then
      return
    end
    s.items, s.index, s.seen, s.row, s.col, s.tick = items, 1, {}, row, col, tick
    s.client_id, s.position, s.encoding = client.id, params.position, encoding
    render(bufnr)
  end, bufnr)
  if ok and id then
    s.request = { id = id, client_id = client.id }
  end
  return ok
end

--- Show the next (step 1) or previous (step -1) suggestion.
function M.cycle(step, bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local s = state[bufnr]
  if not (s and s.items) then
    return false
  end
  s.index = (s.index - 1 + step) % #s.items + 1
  render(bufnr)
  return true
end

--- Insert the shown suggestion, put the cursor after it and run the item's command.
function M.accept(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local s = state[bufnr]
  if not (s and s.items) then
    return false
  end
  local chosen = s.items[s.index].item
  local client = vim.lsp.get_client_by_id(s.client_id)
  local row, col = s.row, s.col
  local text = s.items[s.index].shown
  M.clear(bufnr, s.index)
  -- Insert only what is still to be typed, at the cursor: the typed part of the item is already there.
  vim.api.nvim_buf_set_text(bufnr, row, col, row, col, vim.split(text, '\n', { plain = true }))
  local lines = vim.split(text, '\n', { plain = true })
  local end_row = row + #lines - 1
  local end_col = #lines == 1 and col + #lines[1] or #lines[#lines]
  pcall(vim.api.nvim_win_set_cursor, 0, { end_row + 1, end_col })
  M.last_accepted = { text = text, command = chosen.command }
  if chosen.command and client then
    util.request(client, 'workspace/executeCommand',
      { command = chosen.command.command, arguments = chosen.command.arguments },
      function(err, result)
        M.last_accepted.result = result
        M.last_accepted.error = err
      end, bufnr)
  end
  return true
end

-- Typing: drop the shown suggestion and ask again once the user pauses.
local function on_text_changed(bufnr)
  M.dismiss(bufnr)
  if M.paused then
    return
  end
  local s = buf_state(bufnr)
  s.timer = vim.uv.new_timer()
  s.timer:start(M.debounce_ms, 0, vim.schedule_wrap(function()
    stop_timer(s)
    if vim.api.nvim_get_current_buf() == bufnr and vim.fn.mode():sub(1, 1) == 'i' then
      M.request('automatic', bufnr)
    end
  end))
end

local function on_cursor_moved(bufnr)
  local s = state[bufnr]
  if s and s.items then
    local cursor = vim.api.nvim_win_get_cursor(0)
    if cursor[1] - 1 ~= s.row or cursor[2] ~= s.col then
      M.dismiss(bufnr)
    end
  end
end

--- Wire the autocommands and keys into a buffer (once per buffer).
function M.attach(bufnr, keys)
  local s = buf_state(bufnr)
  if s.attached then
    return
  end
  s.attached = true
  local group = vim.api.nvim_create_augroup('codewhisperer.ghost.' .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd('TextChangedI', { group = group, buffer = bufnr,
    callback = function() on_text_changed(bufnr) end })
  vim.api.nvim_create_autocmd('CursorMovedI', { group = group, buffer = bufnr,
    callback = function() on_cursor_moved(bufnr) end })
  vim.api.nvim_create_autocmd({ 'InsertLeave', 'BufLeave' }, { group = group, buffer = bufnr,
    callback = function() M.dismiss(bufnr) end })
  vim.api.nvim_create_autocmd({ 'BufWipeout', 'LspDetach' }, { group = group, buffer = bufnr,
    callback = function()
      M.dismiss(bufnr)
      state[bufnr] = nil
      pcall(vim.api.nvim_del_augroup_by_id, group)
    end })
  local function map(lhs, rhs, desc, expr)
    util.imap(bufnr, lhs, rhs, desc, expr)
  end
  map(keys.trigger, function() M.request('invoked', bufnr) end, 'CodeWhisperer: ask for suggestions')
  map(keys.accept, function()
    return M.visible(bufnr) and '<Cmd>lua require("codewhisperer.ghost").accept()<CR>' or keys.accept
  end, 'CodeWhisperer: accept the suggestion', true)
  map(keys.dismiss, function() -- with a suggestion shown: hide it and stay in Insert mode
    return M.visible(bufnr) and '<Cmd>lua require("codewhisperer.ghost").dismiss()<CR>' or keys.dismiss
  end, 'CodeWhisperer: dismiss the suggestion', true)
  map(keys.next, function() M.cycle(1, bufnr) end, 'CodeWhisperer: next suggestion')
  map(keys.prev, function() M.cycle(-1, bufnr) end, 'CodeWhisperer: previous suggestion')
end

return M
