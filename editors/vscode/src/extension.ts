// A thin client: start codewhisperer-lsp, let vscode-languageclient 10 serve
// textDocument/inlineCompletion as inline suggestions, and add the commands, the status-bar item
// and the Code Reference Log view around it.
import * as vscode from 'vscode';
import * as readline from 'readline';
import {
    ExecuteCommandRequest, LanguageClient, LanguageClientOptions, LogMessageNotification, ServerOptions,
} from 'vscode-languageclient/node';
import { showWelcomeOnce } from './firstRun';
import { Commands, ReferenceLog, Status } from './protocol';
import { ReferenceLogView } from './referenceLog';
import { pipeServerLog } from './serverLog';
import { showScannedFiles, startScan, stopScan } from './securityScan';
import { serverSettings, withoutClientKeys } from './settings';
import { StatusBar } from './statusBar';

export const LANGUAGES = ['java', 'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
    'csharp', 'ruby', 'go', 'php', 'cpp', 'c', 'shellscript', 'scala', 'rust', 'kotlin', 'sql'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('CodeWhisperer', { log: true });
    client = createClient(output);
    const status = new StatusBar();
    const log = new ReferenceLogView(client);
    context.subscriptions.push(output, status, log,
        vscode.window.registerTreeDataProvider('codewhisperer.referenceLog', log));

    client.onNotification(Status, params => status.update(params));
    client.onNotification(ReferenceLog, entry => log.add(entry));
    // stderr carries every record at its level (serverLog.ts); the server's window/logMessage copies
    // of its warnings and errors would show each one twice.
    client.onNotification(LogMessageNotification.type, () => undefined);
    registerCommands(context, client, status, log, output);
    context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(event => {
        if (event.affectsConfiguration('codewhisperer') && client?.isRunning()) {
            void client.sendNotification('workspace/didChangeConfiguration', { settings: { codewhisperer: serverSettings() } });
        }
    }));
    void showWelcomeOnce(context, output);
    await client.start();
    await log.load().catch(error => output.warn(`reference log not loaded: ${error}`));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}

function createClient(output: vscode.LogOutputChannel): LanguageClient {
    const config = vscode.workspace.getConfiguration('codewhisperer');
    const serverOptions: ServerOptions = {
        command: config.get<string>('server.path') || 'codewhisperer-lsp',
        args: config.get<string[]>('server.args') ?? [],
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: LANGUAGES.flatMap(language => [
            { scheme: 'file', language }, { scheme: 'untitled', language }]),
        initializationOptions: serverSettings(),
        outputChannel: output,
        stdioOptions: {
            stdout: (input, channel) => readline.createInterface({ input, terminal: false })
                .on('line', line => channel.info(line)),
            stderr: (input, channel) => pipeServerLog(input, channel),
        },
        middleware: {
            workspace: {
                configuration: async (params, token, next) => {
                    const result = await next(params, token);
                    return Array.isArray(result) ? result.map(withoutClientKeys) : result;
                },
            },
        },
    };
    return new LanguageClient('codewhisperer', 'CodeWhisperer', serverOptions, clientOptions);
}

function registerCommands(context: vscode.ExtensionContext, lc: LanguageClient, status: StatusBar,
                          log: ReferenceLogView, output: vscode.LogOutputChannel): void {
    const run = (command: string) => lc.sendRequest(ExecuteCommandRequest.type, { command, arguments: [] });
    const pause = async () => { await run(Commands.pause); status.setPaused(true); };
    const resume = async () => { await run(Commands.resume); status.setPaused(false); };
    const commands: Record<string, (...args: unknown[]) => unknown> = {
        'codewhisperer.pause': pause,
        'codewhisperer.resume': resume,
        'codewhisperer.togglePause': () => (status.paused ? resume() : pause()),
        'codewhisperer.trigger': () => vscode.commands.executeCommand('editor.action.inlineSuggest.trigger'),
        'codewhisperer.securityScan.start': () => startScan(lc, 'file'),
        'codewhisperer.securityScan.stop': () => stopScan(lc),
        'codewhisperer.securityScan.showScannedFiles': () => showScannedFiles(lc),
        'codewhisperer.referenceLog.open': () => vscode.commands.executeCommand('codewhisperer.referenceLog.focus'),
        'codewhisperer.referenceLog.refresh': () => log.load(),
        'codewhisperer.restartServer': () => lc.restart(),
        'codewhisperer.showOutput': () => output.show(),
    };
    for (const [name, handler] of Object.entries(commands)) {
        context.subscriptions.push(vscode.commands.registerCommand(name, async (...args: unknown[]) => {
            try {
                return await handler(...args);
            } catch (error) {
                output.error(`${name} failed: ${error}`);
                void vscode.window.showErrorMessage(`CodeWhisperer: ${name} failed: ${error}`);
            }
        }));
    }
}
