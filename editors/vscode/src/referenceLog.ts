// The Code Reference Log view: the history from codewhisperer/getReferenceLog, then each
// codewhisperer/referenceLog notification as it arrives (newest first).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { GetReferenceLog, Reference, ReferenceLogEntry } from './protocol';

type Node = { entry: ReferenceLogEntry } | { entry: ReferenceLogEntry; reference: Reference };

const PAGE = 200;

export class ReferenceLogView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
    private entries: ReferenceLogEntry[] = [];
    private readonly changed = new vscode.EventEmitter<Node | undefined>();
    readonly onDidChangeTreeData = this.changed.event;

    constructor(private readonly client: LanguageClient) {}

    async load(): Promise<void> {
        const entries: ReferenceLogEntry[] = [];
        for (let offset = 0; ; offset += PAGE) {
            const page = await this.client.sendRequest(GetReferenceLog, { offset, limit: PAGE });
            entries.push(...page.entries);
            if (page.entries.length === 0 || entries.length >= page.total) { break; }
        }
        this.entries = entries.reverse();
        this.changed.fire(undefined);
    }

    add(entry: ReferenceLogEntry): void {
        this.entries.unshift(entry);
        this.changed.fire(undefined);
    }

    getChildren(node?: Node): Node[] {
        if (!node) {
            return this.entries.map(entry => ({ entry }));
        }
        return 'reference' in node ? [] : node.entry.references.map(reference => ({ entry: node.entry, reference }));
    }

    getTreeItem(node: Node): vscode.TreeItem {
        if ('reference' in node) {
            const r = node.reference;
            const item = new vscode.TreeItem(`${r.licenseName}: ${r.repository}`);
            item.description = r.url;
            item.tooltip = r.information ?? r.url;
            item.command = { command: 'vscode.open', title: 'Open source', arguments: [vscode.Uri.parse(r.url)] };
            return item;
        }
        const { entry } = node;
        const line = entry.range.start.line + 1;
        const item = new vscode.TreeItem(`${vscode.workspace.asRelativePath(vscode.Uri.parse(entry.uri))}:${line}`,
            vscode.TreeItemCollapsibleState.Collapsed);
        item.description = new Date(entry.timestamp).toLocaleString();
        item.tooltip = entry.message;
        item.command = {
            command: 'vscode.open', title: 'Go to suggestion',
            arguments: [vscode.Uri.parse(entry.uri), { selection: new vscode.Range(
                entry.range.start.line, entry.range.start.character, entry.range.end.line, entry.range.end.character) }],
        };
        return item;
    }

    dispose(): void {
        this.changed.dispose();
    }
}
