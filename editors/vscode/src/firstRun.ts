// The first-run notification: where the model lives and how long building it takes, shown once
// per installation (a new user otherwise sees a spinning status item and no reason for it).
import * as vscode from 'vscode';

const SEEN = 'codewhisperer.welcomed';

export const WELCOME = 'CodeWhisperer suggests code from a local model: the server builds it once into ' +
    '~/.cache/codewhisperer-lsp/models ($XDG_CACHE_HOME; CODEWHISPERER_CACHE_DIR moves it) with ' +
    '`codewhisperer-lsp model build`, about 3-5 minutes on two cores, then loads it in a few seconds ' +
    'at each start. Set codewhisperer.modelPath to use your own export.';

export async function showWelcomeOnce(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
    if (context.globalState.get<boolean>(SEEN)) {
        return;
    }
    await context.globalState.update(SEEN, true);
    const choice = await vscode.window.showInformationMessage(WELCOME, 'Show Server Output', 'Open Settings');
    if (choice === 'Show Server Output') {
        output.show();
    } else if (choice === 'Open Settings') {
        await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:codewhisperer-lsp.codewhisperer-lsp');
    }
}
