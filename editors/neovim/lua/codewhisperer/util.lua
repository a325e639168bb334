-- Small helpers shared by the plugin modules; they hide the API differences between Neovim 0.10,
-- 0.11 and 0.12 (method-style client calls, str_byteindex).
local M = {}

M.NAME = 'codewhisperer'

function M.has(version)
  return vim.fn.has('nvim-' .. version) == 1
end

--- The codewhisperer client attached to a buffer (or any running one when bufnr is nil).
function M.client(bufnr)
  local clients = vim.lsp.get_clients({ name = M.NAME, bufnr = bufnr })
  return clients[1]
end

--- client:request on 0.11+, client.request on 0.10. Returns ok, request id.
function M.request(client, method, params, handler, bufnr)
  if M.has('0.11') then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

function M.notify(client, method, params)
  if M.has('0.11') then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

function M.cancel(client, id)
  if M.has('0.11') then
    return client:cancel_request(id)
  end
  return client.cancel_request(id)
end

--- workspace/executeCommand with the server's commands; `done(err, result)` is optional.
function M.execute(command, arguments, done, bufnr)
  local client = M.client(bufnr) or M.client()
  if not client then
    vim.notify('CodeWhisperer: the server is not running for this buffer', vim.log.levels.WARN)
    return false
  end
  return M.request(client, 'workspace/executeCommand', { command = command, arguments = arguments or {} },
    function(err, result)
      if err then
        vim.notify(('CodeWhisperer: %s failed: %s'):format(command, err.message or vim.inspect(err)),
          vim.log.levels.ERROR)
      end
      if done then
        done(err, result)
      end
    end, bufnr)
end

--- Byte column of an LSP character offset in `line` for the client's position encoding.
function M.byte_col(line, character, encoding)
  if encoding == 'utf-8' then
    return math.min(character, #line)
  end
  local ok, col
  if M.has('0.11') then
    ok, col = pcall(vim.str_byteindex, line, encoding, character, false)
  else
    ok, col = pcall(vim.str_byteindex, line, character, encoding == 'utf-16')
  end
  return ok and col or #line
end

--- The text an inline completion item inserts (a snippet's placeholders become their defaults).
function M.item_text(item)
  local text = item.insertText
  if type(text) == 'table' then
    text = text.value or ''
    text = text:gsub('%${%d+:([^}]*)}', '%1'):gsub('%$%d+', ''):gsub('\\([$}\\])', '%1')
  end
  return text or ''
end

--- An Insert-mode mapping local to a buffer; an empty or nil key means "not mapped".
--- With expr, rhs returns the keys to feed (e.g. the key itself when no suggestion is shown).
function M.imap(bufnr, lhs, rhs, desc, expr)
  if lhs and lhs ~= '' then
    vim.keymap.set('i', lhs, rhs, { buffer = bufnr, expr = expr, replace_keycodes = expr and true or nil, desc = desc })
  end
end

return M
