// The server's log in the Output channel at its real levels. The server writes every record to
// stderr as "<date> <time> LEVEL logger: message" (codewhisperer_lsp/cli.py); vscode-languageclient
// would log each stderr line as an error. Lines that continue a record (a traceback) keep its level.
import * as readline from 'readline';
import { Readable } from 'stream';
import * as vscode from 'vscode';

const RECORD = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) (.*)$/;

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const LEVELS: Record<string, Level> = {
    DEBUG: 'debug', INFO: 'info', WARNING: 'warn', ERROR: 'error', CRITICAL: 'error',
};

/** The Output channel's level and text for one stderr line; `previous` is the last record's level. */
export function classify(line: string, previous: Level): { level: Level; text: string } {
    const match = RECORD.exec(line);
    return match ? { level: LEVELS[match[1]], text: match[2] } : { level: previous, text: line };
}

export function pipeServerLog(input: Readable, output: vscode.LogOutputChannel): void {
    let previous: Level = 'info';
    readline.createInterface({ input, crlfDelay: Infinity, terminal: false, historySize: 0 }).on('line', line => {
        const { level, text } = classify(line, previous);
        previous = level;
        output[level](text);
    });
}
