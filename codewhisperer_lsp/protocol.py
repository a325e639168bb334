"""Every custom LSP method, notification and command this server speaks, in one place.

docs/PROTOCOL.md describes each payload; keep the two in step. All custom names are
namespaced `codewhisperer/...` (methods) or `codewhisperer.` (commands).
"""

from __future__ import annotations

# --- custom requests (client -> server) ---
GET_METRICS = "codewhisperer/getMetrics"  # {} -> {invocations, suggestionsShown, accepted, acceptanceRate, latencyMs: {p50, p90, p95, p99, count}, perLanguage, activeDays, ...}
GET_REFERENCE_LOG = "codewhisperer/getReferenceLog"  # {offset?, limit?} -> {entries, total}
FIND_REFERENCES = "codewhisperer/findReferences"  # {text, languageId?} -> {references}

# --- custom notifications (server -> client) ---
STATUS = "codewhisperer/status"  # {state: loading|ready|failing|paused, message?, model?, device?, paused}; "paused" follows "ready" while automatic suggestions are paused
REFERENCE_LOG = "codewhisperer/referenceLog"  # one accepted suggestion with references
SESSION_RESULT = "codewhisperer/sessionResult"  # client -> server: {sessionId, completionSessionResult: {itemId: {seen, discarded}}}

# --- workspace/executeCommand commands ---
CMD_ACCEPT = "codewhisperer.acceptSuggestion"  # [{sessionId, itemId, uri, position, languageId, text, hasReferences, references, securityFindings, imports}] -> {accepted, first, referenceLogged, importsAdded}
CMD_PAUSE = "codewhisperer.pauseAutoSuggestions"  # -> {autoSuggestions, paused}; remembered across restarts
CMD_RESUME = "codewhisperer.resumeAutoSuggestions"
CMD_START_SCAN = "codewhisperer.startSecurityScan"  # [{uri?}]
CMD_STOP_SCAN = "codewhisperer.stopSecurityScan"
CMD_SHOW_SCANNED = "codewhisperer.showScannedFiles"
CMD_RELOAD_MODEL = "codewhisperer.reloadModel"  # [] -> {state, message, model, device} once loaded

CONFIG_SECTION = "codewhisperer"
