// The `codewhisperer` settings the server reads. Client-only keys (server.*, trace.*) are never
// sent: the server reports unknown keys. Only values the user set are sent, so the server's
// own defaults (config.py) stay the one source of truth.
import * as vscode from 'vscode';

const CLIENT_ONLY = ['server', 'trace'];

export const SERVER_KEYS = [
    'model', 'modelPath', 'blockModel', 'device', 'threads', 'autoSuggestions', 'debounceMs', 'numSuggestions',
    'maxPromptTokens', 'maxNewTokens', 'crossFileContext', 'temperature', 'includeSuggestionsWithCodeReferences',
    'collectMetrics', 'referenceFolders', 'logLevel', 'security.autoScanOnSave', 'security.maxFiles', 'security.maxBytes',
    'security.timeoutSeconds', 'security.checkSuggestions', 'security.returnInsecureSuggestions',
    'remote.url', 'remote.model', 'remote.apiKey', 'remote.timeoutSeconds',
    'references.database',
];

export function serverSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
    const config = vscode.workspace.getConfiguration('codewhisperer', scope);
    const out: Record<string, unknown> = {};
    for (const key of SERVER_KEYS) {
        const seen = config.inspect(key);
        const set = seen && [seen.globalValue, seen.workspaceValue, seen.workspaceFolderValue,
            seen.globalLanguageValue, seen.workspaceLanguageValue].some(v => v !== undefined);
        if (set) {
            nest(out, key.split('.'), config.get(key));
        }
    }
    return out;
}

/** Drop the client-only keys from a section VS Code answers a workspace/configuration pull with. */
export function withoutClientKeys(section: unknown): unknown {
    if (section === null || typeof section !== 'object' || Array.isArray(section)) {
        return section;
    }
    const copy: Record<string, unknown> = { ...(section as Record<string, unknown>) };
    for (const key of CLIENT_ONLY) {
        delete copy[key];
    }
    return copy;
}

function nest(target: Record<string, unknown>, path: string[], value: unknown): void {
    let node = target;
    for (const part of path.slice(0, -1)) {
        node = (node[part] ??= {}) as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
}
