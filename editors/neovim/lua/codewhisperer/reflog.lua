-- The Code Reference Log buffer: the history from codewhisperer/getReferenceLog, then every
-- codewhisperer/referenceLog notification as it arrives (oldest first, newest at the bottom).
local util = require('codewhisperer.util')

local M = {}

M.BUFNAME = 'codewhisperer://reference-log'
local PAGE = 200

local function buffer()
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_valid(bufnr) and vim.api.nvim_buf_get_name(bufnr) == M.BUFNAME then
      return bufnr
    end
  end
end

--- The lines one log entry shows.
function M.format(entry)
  local file = vim.uri_to_fname(entry.uri or 'file:///unknown')
  local line = ((entry.range or {}).start or {}).line or 0
  local lines = { ('[%s] %s:%d'):format(entry.timestamp or '?', vim.fn.fnamemodify(file, ':~:.'), line + 1) }
  lines[#lines + 1] = '  ' .. (entry.message or ''):gsub('\n', ' ')
  for _, ref in ipairs(entry.references or {}) do
    lines[#lines + 1] = ('  - %s  %s  %s'):format(ref.licenseName or '?', ref.repository or '?', ref.url or '')
  end
  return lines
end

local function append(bufnr, lines)
  vim.bo[bufnr].modifiable = true
  local count = vim.api.nvim_buf_line_count(bufnr)
  local empty = count == 1 and vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1] == ''
  vim.api.nvim_buf_set_lines(bufnr, empty and 0 or count, -1, false, lines)
  vim.bo[bufnr].modifiable = false
  for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do -- follow the stream
    vim.api.nvim_win_set_cursor(win, { vim.api.nvim_buf_line_count(bufnr), 0 })
  end
end

--- A codewhisperer/referenceLog notification: append it when the log buffer exists.
function M.add(entry)
  local bufnr = buffer()
  if bufnr then
    append(bufnr, M.format(entry))
  end
end

local function load(bufnr, client, offset)
  util.request(client, 'codewhisperer/getReferenceLog', { offset = offset, limit = PAGE }, function(err, page)
    if err or not page then
      append(bufnr, { 'reference log unavailable: ' .. ((err and err.message) or 'no answer') })
      return
    end
    local lines = {}
    for _, entry in ipairs(page.entries or {}) do
      vim.list_extend(lines, M.format(entry))
    end
    if #lines > 0 then
      append(bufnr, lines)
    end
    local next = offset + #(page.entries or {})
    if #(page.entries or {}) > 0 and next < (page.total or 0) then
      load(bufnr, client, next)
    elseif next == 0 then
      append(bufnr, { 'No accepted suggestion with a code reference yet.' })
    end
  end)
end

--- Open (or reload) the log in a split.
function M.open()
  local client = util.client(vim.api.nvim_get_current_buf()) or util.client()
  if not client then
    vim.notify('CodeWhisperer: the server is not running', vim.log.levels.WARN)
    return nil
  end
  local bufnr = buffer()
  if not bufnr then
    bufnr = vim.api.nvim_create_buf(true, true)
    vim.api.nvim_buf_set_name(bufnr, M.BUFNAME)
    vim.bo[bufnr].buftype = 'nofile'
    vim.bo[bufnr].bufhidden = 'hide'
    vim.bo[bufnr].swapfile = false
    vim.bo[bufnr].filetype = 'codewhisperer-log'
  end
  vim.bo[bufnr].modifiable = true
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, {})
  vim.bo[bufnr].modifiable = false
  if #vim.fn.win_findbuf(bufnr) == 0 then
    vim.cmd('botright split')
    vim.api.nvim_win_set_buf(0, bufnr)
  end
  load(bufnr, client, 0)
  return bufnr
end

return M
