// Security scan commands: start (with a cancellable progress notification), stop, show scanned files.
// Findings arrive as ordinary diagnostics (source "codewhisperer").
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';
import { Commands, ScanResult, count } from './protocol';

export async function startScan(client: LanguageClient, scope: 'file' | 'project'): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const args = scope === 'file' && editor ? [{ uri: editor.document.uri.toString() }] : [{}];
    const result = await vscode.window.withProgress({
        location: vscode.ProgressLocation.Notification, title: 'CodeWhisperer: security scan', cancellable: true,
    }, (_progress, token) => {
        token.onCancellationRequested(() => void stopScan(client));
        return client.sendRequest(ExecuteCommandRequest.type, { command: Commands.startScan, arguments: args });
    }) as ScanResult | null;
    if (!result) { return; }
    const summary = `Security scan ${result.status}: ${count(result.findings)} finding(s) in ` +
        `${count(result.scannedFiles)} file(s), ${count(result.skippedFiles)} skipped, ${Math.round(result.durationMs)} ms`;
    const choice = await vscode.window.showInformationMessage(summary, 'Show Problems', 'Show Scanned Files');
    if (choice === 'Show Problems') {
        await vscode.commands.executeCommand('workbench.actions.view.problems');
    } else if (choice === 'Show Scanned Files') {
        await showScannedFiles(client);
    }
}

export async function stopScan(client: LanguageClient): Promise<void> {
    await client.sendRequest(ExecuteCommandRequest.type, { command: Commands.stopScan, arguments: [] });
}

export async function showScannedFiles(client: LanguageClient): Promise<void> {
    const result = await client.sendRequest(ExecuteCommandRequest.type, { command: Commands.showScanned, arguments: [] }) as
        { scannedFiles?: string[]; skippedFiles?: { uri: string; reason: string }[] } | null;
    const scanned = (result?.scannedFiles ?? []).map(uri => ({ label: vscode.workspace.asRelativePath(vscode.Uri.parse(uri)), description: 'scanned', uri }));
    const skipped = (result?.skippedFiles ?? []).map(s => ({ label: vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri)), description: `skipped: ${s.reason}`, uri: s.uri }));
    const picked = await vscode.window.showQuickPick([...scanned, ...skipped], {
        title: `Last security scan: ${scanned.length} scanned, ${skipped.length} skipped`, matchOnDescription: true,
    });
    if (picked) {
        await vscode.window.showTextDocument(vscode.Uri.parse(picked.uri));
    }
}
