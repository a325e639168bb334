// One status-bar item: the server's state (codewhisperer/status) and pause/resume on click.
import * as vscode from 'vscode';
import { StatusParams } from './protocol';

export class StatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('codewhisperer.status', vscode.StatusBarAlignment.Right, 100);
    private state: StatusParams = { state: 'loading' };
    paused = false;

    constructor() {
        this.item.name = 'CodeWhisperer';
        this.item.command = 'codewhisperer.togglePause';
        this.render();
        this.item.show();
    }

    update(status: StatusParams): void {
        this.state = status;
        if (typeof status.paused === 'boolean') {
            this.paused = status.paused;
        } else if (status.state === 'paused') {
            this.paused = true;
        }
        this.render();
    }

    setPaused(paused: boolean): void {
        this.paused = paused;
        this.render();
    }

    private render(): void {
        const { state, message, model, device } = this.state;
        const icon = this.paused ? '$(debug-pause)' : state === 'loading' ? '$(loading~spin)'
            : state === 'failing' ? '$(error)' : '$(sparkle)';
        this.item.text = `${icon} CodeWhisperer${this.paused ? ' (paused)' : ''}`;
        // Screen readers (and the UI tests) read the state, not the icon.
        this.item.accessibilityInformation = { label: `CodeWhisperer: ${this.paused ? 'paused' : state}`, role: 'button' };
        const lines = [`State: ${this.paused ? 'paused' : state}`];
        if (model) { lines.push(`Model: ${model}${device ? ` on ${device}` : ''}`); }
        if (message) { lines.push(message); }
        lines.push(this.paused ? 'Click to resume auto-suggestions' : 'Click to pause auto-suggestions',
            'Alt+C (Option+C): ask for a suggestion');
        this.item.tooltip = lines.join('\n');
    }

    dispose(): void {
        this.item.dispose();
    }
}
