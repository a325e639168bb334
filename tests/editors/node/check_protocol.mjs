// Drives the real server with vscode-languageserver-protocol (the library VS Code's client is
// built on) and checks that every custom message has the shape docs/PROTOCOL.md documents.
//   node check_protocol.mjs WORKDIR [SERVER_COMMAND...]
// WORKDIR: an empty folder for the test files. Default server: the repository's .venv.
// Prints one JSON line per check passed; exits 1 with the failed check on stderr.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const require = createRequire(path.join(root, 'editors', 'vscode', 'package.json'));
const rpc = require('vscode-languageserver-protocol/node');

const [workdir, ...command] = process.argv.slice(2);
if (!workdir) {
    console.error('usage: check_protocol.mjs WORKDIR [SERVER_COMMAND...]');
    process.exit(2);
}
const server = command.length ? command : [path.join(root, '.venv', 'bin', 'codewhisperer-lsp')];
const COMMANDS = ['codewhisperer.acceptSuggestion', 'codewhisperer.pauseAutoSuggestions',
    'codewhisperer.resumeAutoSuggestions', 'codewhisperer.startSecurityScan',
    'codewhisperer.stopSecurityScan', 'codewhisperer.showScannedFiles'];

function check(condition, what, value) {
    if (!condition) {
        throw new Error(`${what}: got ${JSON.stringify(value)?.slice(0, 600)}`);
    }
}
const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);
const isPosition = p => isObject(p) && Number.isInteger(p.line) && Number.isInteger(p.character);
const isRange = r => isObject(r) && isPosition(r.start) && isPosition(r.end);
const optString = v => v === undefined || v === null || typeof v === 'string';
const passed = (name, detail = {}) => console.log(JSON.stringify({ passed: name, ...detail }));

function isReference(r) {
    return isObject(r) && typeof r.licenseName === 'string' && typeof r.repository === 'string'
        && typeof r.url === 'string' && isObject(r.recommendationContentSpan)
        && Number.isInteger(r.recommendationContentSpan.start) && Number.isInteger(r.recommendationContentSpan.end)
        && optString(r.information);
}

function isLogEntry(e) {
    return isObject(e) && typeof e.timestamp === 'string' && typeof e.uri === 'string' && isRange(e.range)
        && typeof e.message === 'string' && optString(e.sessionId) && optString(e.itemId)
        && Array.isArray(e.references) && e.references.every(isReference);
}

function until(predicate, ms, what) {
    return new Promise((resolve, reject) => {
        const started = Date.now();
        const timer = setInterval(() => {
            const value = predicate();
            if (value) {
                clearInterval(timer);
                resolve(value);
            } else if (Date.now() - started > ms) {
                clearInterval(timer);
                reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
            }
        }, 50);
    });
}

async function main() {
    const stateDir = path.join(workdir, 'state');
    fs.mkdirSync(stateDir, { recursive: true });
    const seeded = {
        timestamp: '2026-01-02T03:04:05+00:00', uri: pathToFileURL(path.join(workdir, 'seed.py')).href,
        range: { start: { line: 0, character: 0 }, end: { line: 1, character: 4 } },
        sessionId: 'seed', itemId: 'seed-0', message: 'Accepted recommendation with code ... (lines from 1 to 2).',
        references: [{ licenseName: 'MIT', repository: 'example/repo', url: 'https://example.org/repo',
            recommendationContentSpan: { start: 0, end: 10 }, information: 'seeded' }],
    };
    fs.writeFileSync(path.join(stateDir, 'code-references.jsonl'), JSON.stringify(seeded) + '\n');

    const child = spawn(server[0], server.slice(1), {
        env: { ...process.env, CODEWHISPERER_STATE_DIR: stateDir }, stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.on('exit', code => { if (code) { console.error(`server exited with ${code}`); } });
    const connection = rpc.createProtocolConnection(
        new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    const statuses = [];
    const diagnostics = new Map();
    const progress = [];
    connection.onNotification('codewhisperer/status', p => statuses.push(p));
    connection.onNotification(rpc.PublishDiagnosticsNotification.type, p => diagnostics.set(p.uri, p.diagnostics));
    connection.onNotification('$/progress', p => progress.push(p));
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('window/showMessage', p => console.error(`showMessage: ${p.message}`));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', p => p.items.map(() => ({ numSuggestions: 2 })));
    connection.listen();

    try {
        await run(connection, { statuses, diagnostics, progress });
    } finally {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        setTimeout(() => child.kill(), 2000).unref();
    }
}

async function run(connection, seen) {
    const init = await connection.sendRequest(rpc.InitializeRequest.type, {
        processId: process.pid, rootUri: pathToFileURL(workdir).href,
        workspaceFolders: [{ uri: pathToFileURL(workdir).href, name: 'work' }],
        capabilities: {
            window: { workDoneProgress: true },
            workspace: { configuration: true, workspaceFolders: true },
            textDocument: { inlineCompletion: { dynamicRegistration: false }, publishDiagnostics: {} },
        },
        initializationOptions: { numSuggestions: 2 },
    });
    const caps = init.capabilities;
    check(caps.inlineCompletionProvider, 'initialize: inlineCompletionProvider', caps);
    const advertised = caps.executeCommandProvider?.commands ?? [];
    for (const name of COMMANDS) {
        check(advertised.includes(name), `initialize: executeCommandProvider lists ${name}`, advertised);
    }
    passed('initialize', { commands: advertised.length });
    await connection.sendNotification(rpc.InitializedNotification.type, {});

    await until(() => seen.statuses.some(s => s.state === 'ready' || s.state === 'failing'), 180_000,
        'codewhisperer/status ready');
    for (const s of seen.statuses) {
        check(['loading', 'ready', 'failing', 'paused'].includes(s.state), 'codewhisperer/status state', s);
        check(optString(s.message) && optString(s.model) && optString(s.device), 'codewhisperer/status fields', s);
    }
    const ready = seen.statuses.find(s => s.state === 'ready');
    check(ready, 'codewhisperer/status reaches ready (is the model built?)', seen.statuses);
    passed('codewhisperer/status', { states: seen.statuses.map(s => s.state) });

    const file = path.join(workdir, 'fib.py');
    const uri = pathToFileURL(file).href;
    const text = 'def fibonacci(n):\n    """Return the n-th Fibonacci number."""\n    ';
    fs.writeFileSync(file, text);
    await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'python', version: 1, text } });
    const position = { line: 2, character: 4 };
    const answer = await connection.sendRequest('textDocument/inlineCompletion', {
        textDocument: { uri }, position, context: { triggerKind: 1 } });
    const items = Array.isArray(answer) ? answer : answer?.items;
    check(Array.isArray(items) && items.length >= 1, 'inlineCompletion: at least one item', answer);
    for (const item of items) {
        check(typeof item.insertText === 'string' && item.insertText.trim().length > 0, 'item.insertText', item);
        check(isRange(item.range), 'item.range', item);
        check(item.command?.command === 'codewhisperer.acceptSuggestion' && typeof item.command.title === 'string',
            'item.command', item);
        const [args] = item.command.arguments ?? [];
        check(isObject(args) && typeof args.sessionId === 'string' && typeof args.itemId === 'string'
            && args.uri === uri && isPosition(args.position), 'acceptSuggestion arguments', item.command);
    }
    passed('textDocument/inlineCompletion', { items: items.length, first: items[0].insertText.slice(0, 60) });

    const execute = (command, args = []) => connection.sendRequest(rpc.ExecuteCommandRequest.type,
        { command, arguments: args });
    const accepted = await execute('codewhisperer.acceptSuggestion', items[0].command.arguments);
    check(isObject(accepted) && accepted.accepted === true, 'acceptSuggestion result', accepted);
    passed('codewhisperer.acceptSuggestion');

    const paused = await execute('codewhisperer.pauseAutoSuggestions');
    check(isObject(paused) && paused.autoSuggestions === false, 'pauseAutoSuggestions result', paused);
    const automatic = await connection.sendRequest('textDocument/inlineCompletion', {
        textDocument: { uri }, position, context: { triggerKind: 2 } });
    const automaticItems = Array.isArray(automatic) ? automatic : automatic?.items ?? [];
    check(automaticItems.length === 0, 'paused: automatic trigger gets no items', automatic);
    const resumed = await execute('codewhisperer.resumeAutoSuggestions');
    check(isObject(resumed) && resumed.autoSuggestions === true, 'resumeAutoSuggestions result', resumed);
    passed('pause/resume');

    const log = await connection.sendRequest('codewhisperer/getReferenceLog', { offset: 0, limit: 10 });
    check(isObject(log) && Array.isArray(log.entries) && Number.isInteger(log.total), 'getReferenceLog result', log);
    check(log.total >= 1 && log.entries.every(isLogEntry), 'getReferenceLog entries', log);
    check(log.entries[0].itemId === 'seed-0', 'getReferenceLog returns the logged entry', log);
    passed('codewhisperer/getReferenceLog', { total: log.total });

    const refs = await connection.sendRequest('codewhisperer/findReferences', { text: 'print("hello")\n' });
    check(isObject(refs) && Array.isArray(refs.references) && refs.references.every(isReference),
        'findReferences result', refs);
    check(isObject(refs.index) && ['building', 'ready', 'empty', 'failed'].includes(refs.index.state),
        'findReferences index status', refs.index);
    let badParams;
    await connection.sendRequest('codewhisperer/findReferences', { text: 42 }).catch(error => { badParams = error; });
    check(badParams && badParams.code === rpc.ErrorCodes.InvalidParams, 'findReferences without text: InvalidParams',
        badParams);
    passed('codewhisperer/findReferences', { index: refs.index.state });

    const risky = path.join(workdir, 'risky.py');
    fs.writeFileSync(risky, 'import subprocess\n\n\ndef run(command):\n    return subprocess.call(command, shell=True)\n');
    const riskyUri = pathToFileURL(risky).href;
    const scan = await execute('codewhisperer.startSecurityScan', [{ uri: riskyUri }]);
    check(isObject(scan) && typeof scan.status === 'string' && Array.isArray(scan.scannedFiles)
        && Array.isArray(scan.skippedFiles) && Number.isInteger(scan.findings)
        && typeof scan.durationMs === 'number', 'startSecurityScan result', scan);
    check(scan.status === 'Succeeded' && scan.scannedFiles.includes(riskyUri) && scan.findings >= 1,
        'startSecurityScan finds shell=True', scan);
    const found = await until(() => seen.diagnostics.get(riskyUri)?.length && seen.diagnostics.get(riskyUri), 10_000,
        'publishDiagnostics for the scanned file');
    check(found.every(d => isRange(d.range) && typeof d.message === 'string' && typeof d.source === 'string'),
        'diagnostic shape', found);
    check(found.some(d => d.range.start.line === 4), 'a diagnostic on the shell=True line', found);
    const kinds = seen.progress.map(p => p.value?.kind);
    check(kinds.includes('begin') && kinds.includes('end'), 'work-done progress begin/end for a scan', seen.progress);
    const stopped = await execute('codewhisperer.stopSecurityScan');
    check(isObject(stopped) && typeof stopped.stopped === 'boolean', 'stopSecurityScan result', stopped);
    const shown = await execute('codewhisperer.showScannedFiles');
    check(isObject(shown) && Array.isArray(shown.scannedFiles) && shown.scannedFiles.includes(riskyUri)
        && Array.isArray(shown.skippedFiles), 'showScannedFiles result', shown);
    passed('security scan', { findings: scan.findings, diagnostics: found.length });

    let unknown;
    await execute('codewhisperer.noSuchCommand').catch(error => { unknown = error; });
    check(unknown && typeof unknown.message === 'string', 'unknown command answers an error', unknown);
    passed('unknown command', { code: unknown.code });
}

main().then(() => process.exit(0), error => {
    console.error(`FAILED: ${error.message}`);
    process.exit(1);
});
