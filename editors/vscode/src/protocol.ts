// The server's custom messages (docs/PROTOCOL.md; codewhisperer_lsp/protocol.py). Keep in step.
import { NotificationType, RequestType } from 'vscode-languageclient/node';

export interface Span { start: number; end: number }

export interface Reference {
    licenseName: string;
    repository: string;
    url: string;
    recommendationContentSpan: Span;
    information?: string;
}

export interface LspRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

export interface ReferenceLogEntry {
    timestamp: string;
    uri: string;
    range: LspRange;
    sessionId: string;
    itemId: string;
    message: string;
    references: Reference[];
}

export interface StatusParams {
    state: 'loading' | 'ready' | 'failing' | 'paused';
    message?: string;
    model?: string;
    device?: string;
    paused?: boolean;
}

export interface ScanResult {
    status: string;
    scannedFiles: number | string[];
    skippedFiles: number | unknown[];
    findings: number | unknown[];
    durationMs: number;
}

export const Status = new NotificationType<StatusParams>('codewhisperer/status');
export const ReferenceLog = new NotificationType<ReferenceLogEntry>('codewhisperer/referenceLog');
export const GetReferenceLog = new RequestType<{ offset?: number; limit?: number },
    { entries: ReferenceLogEntry[]; total: number }, void>('codewhisperer/getReferenceLog');

export const Commands = {
    accept: 'codewhisperer.acceptSuggestion',
    pause: 'codewhisperer.pauseAutoSuggestions',
    resume: 'codewhisperer.resumeAutoSuggestions',
    startScan: 'codewhisperer.startSecurityScan',
    stopScan: 'codewhisperer.stopSecurityScan',
    showScanned: 'codewhisperer.showScannedFiles',
} as const;

/** A count from a field that a server may send as a number or as the list itself. */
export function count(value: number | unknown[] | undefined): number {
    return Array.isArray(value) ? value.length : (value ?? 0);
}
