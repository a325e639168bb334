"""The VS Code extension inside a real VS Code (code-server) in a real browser (chromium), with the
real server and model: what a user sees and does. One code-server and one page serve every test
of the module; each test saves a screenshot (CODEWHISPERER_SCREENSHOTS, else the run's tmp folder).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from tests.editors.vscode_ui import Browser, CodeServer, Tools, package_extension, server_executable, wait_for

READY_S = 300  # the model loads while chromium, code-server and other work share two cores
SUGGESTION_S = 90
GHOST_INLINE = ".monaco-editor .ghost-text-decoration, .monaco-editor .ghost-text-decoration-preview"
GHOST_LINES = ".monaco-editor .ghost-text"  # the lines of a multi-line suggestion below the cursor's
STATUS = ".statusbar-item [aria-label^='CodeWhisperer:'], .statusbar-item[aria-label^='CodeWhisperer:']"
TOASTS = ".notification-list-item-message"  # the toasts and the notification center
REFERENCE_ROWS = ".part.panel .monaco-list-row"  # the panel shows the Code Reference Log view
EDITOR_FOCUSED = ".part.editor .monaco-editor.focused"
COUNTER = re.compile(r"\b(\d+)/(\d+)\b")

# shlex.quote as the standard library has it: the suggestion that repeats its body is licensed code
# (PSF-2.0) for the reference tracker, whose index holds the standard library first.
QUOTE_HEAD = '''import re

_find_unsafe = re.compile(r'[^\\w@%+=:,./-]', re.ASCII).search


'''
QUOTE_BODY = '''    """Return a shell-escaped version of the string *s*."""
    if not s:
        return "''"
    if _find_unsafe(s) is None:
        return s

    # use single quotes, and put single quotes into double quotes
    # the string $'b is then quoted as '$'"'"'b'
    return "'" + s.replace("'", "'\\"'\\"'") + "'"
'''

FILES = {
    "fib.py": "def fib(n):\n",
    "cycle.py": "import math\n\n\ndef circle_area(radius):\n",
    "paused.py": "def factorial(n):\n",
    "add.js": "// Adds two numbers.\nfunction add(a, b) {\n",
    "Add.java": "public class Add {\n    public static int add(int a, int b) {\n",
    "insecure.py": ("import subprocess\n\n\ndef run(command):\n    return subprocess.call(command, shell=True)\n\n\n"
                    "AWS_ACCESS_KEY_ID = \"AKIAZ3MSJV4WWNKWW5FG\"\n"),
    "settings_check.py": "import math\n\n\ndef circle_area(radius):\n",
    "quoting.py": QUOTE_HEAD + "def quote(s):\n" + QUOTE_BODY + "\n\ndef quote_for_shell(s):\n",
}

USER_SETTINGS = {
    "codewhisperer.server.path": server_executable(),
    "files.autoSave": "off",
    "chat.disableAIFeatures": True,
    "workbench.startupEditor": "none",
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "workbench.tips.enabled": False,
    "workbench.enableExperiments": False,
    "extensions.ignoreRecommendations": True,
    "security.workspace.trust.enabled": False,
    "editor.inlineSuggest.showToolbar": "always",
    # the word-based suggest widget would take Tab and Enter from the ghost text
    "editor.quickSuggestions": {"other": "off", "comments": "off", "strings": "off"},
    "editor.suggestOnTriggerCharacters": False,
    "editor.wordBasedSuggestions": "off",
    "editor.autoClosingBrackets": "never",
    "editor.autoClosingQuotes": "never",
    "editor.minimap.enabled": False,
}


class VSCode:
    """The page plus the few gestures the tests repeat."""

    def __init__(self, browser: Browser, server: CodeServer, shots: Path) -> None:
        self.browser, self.server, self.shots = browser, server, shots

    def shot(self, name: str) -> Path:
        return Path(self.browser("screenshot", path=str(self.shots / f"{name}.png")))

    def fail_shot(self, name: str):
        return lambda: self.shot(f"FAILED-{name}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.browser("press", key=key)

    def type(self, text: str) -> None:
        self.browser("type", text=text)

    def status(self) -> str:
        labels = self.browser("attrs", selector=STATUS, name="aria-label")
        return labels[0] if labels else ""

    def ghost(self) -> str:
        """The suggestion shown: its first line (one span per token), then the lines below."""
        first = "".join(self.browser("texts", selector=GHOST_INLINE))
        below = "\n".join(self.browser("texts", selector=GHOST_LINES))
        text = f"{first}\n{below}" if below.strip() else first
        return text.replace("\xa0", " ") if text.strip() else ""

    def toasts(self) -> list[str]:
        return self.browser("texts", selector=TOASTS)

    def palette(self, title: str) -> None:
        self.press("Escape", "F1")
        wait_for("the command palette", lambda: self.browser("count", selector=".quick-input-widget input"), 20)
        self.type(title)
        wait_for(f"'{title}' in the command palette",
                 lambda: any(title in t for t in self.browser("texts", selector=".quick-input-list .monaco-list-row")),
                 20, on_fail=self.fail_shot("palette"))
        self.press("Enter")

    def open_file(self, name: str) -> None:
        self.press("Escape", "Control+p")
        wait_for("quick open", lambda: self.browser("count", selector=".quick-input-widget input"), 20)
        self.type(name)
        wait_for(f"{name} in quick open",
                 lambda: any(name in t for t in self.browser("texts", selector=".quick-input-list .monaco-list-row")),
                 20, on_fail=self.fail_shot("open"))
        self.press("Enter")
        wait_for(f"{name} in the active tab",
                 lambda: name in self.browser("attrs", selector=".tab.active", name="aria-label"), 20,
                 on_fail=self.fail_shot("tab"))
        # the editor area's, not the Output view's (also a monaco editor)
        wait_for("the editor focused", lambda: self.browser("count", selector=EDITOR_FOCUSED), 20,
                 on_fail=self.fail_shot("focus"))
        self.press("Control+End")

    def wait_ghost(self, what: str, timeout: float = SUGGESTION_S) -> str:
        return wait_for(what, self.ghost, timeout, on_fail=self.fail_shot(what.replace(" ", "-")))

    def counter(self) -> tuple[int, int] | None:
        for text in self.browser("texts", selector=".inlineSuggestionsHints, .inline-suggestions-hints, "
                                                    ".inlineSuggestionsHints-content"):
            match = COUNTER.search(text)
            if match:
                return int(match[1]), int(match[2])
        return None

    def save(self) -> None:
        self.press("Control+s")


def metrics(server: CodeServer) -> dict:
    path = server.state / "metrics.json"
    return json.loads(path.read_text()) if path.is_file() else {}


def count(server: CodeServer, name: str) -> int:
    """One of the server's local usage counts (metrics.json in its state folder, written every 2 s)."""
    return int(metrics(server).get("counts", {}).get(name, 0))


@pytest.fixture(scope="module")
def vscode(tmp_path_factory):
    tools = Tools()
    home = tmp_path_factory.mktemp("vscode-ui")
    shots = Path(os.environ.get("CODEWHISPERER_SCREENSHOTS") or home / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    workspace = home / "workspace"
    workspace.mkdir()
    for name, text in FILES.items():
        (workspace / name).write_text(text)
    vsix = package_extension(tools, home)
    server = CodeServer(tools, home, workspace, USER_SETTINGS)
    server.install(vsix)
    browser = None
    try:
        browser = Browser(tools, server.start(), home / "browser.log")
        ui = VSCode(browser, server, shots)
        wait_for("the workbench", lambda: browser("count", selector=".monaco-workbench .part.statusbar"), 120,
                 on_fail=ui.fail_shot("workbench"))
        ui.open_file("fib.py")  # activates the extension (onLanguage:python)
        wait_for("the status item to say ready", lambda: ui.status() == "CodeWhisperer: ready", READY_S,
                 interval=1, on_fail=ui.fail_shot("ready"))
        yield ui
    finally:
        if browser:
            browser.close()
        server.stop()
        print(f"\nVS Code screenshots: {shots}")


def test_first_run_notification_says_where_the_model_is(vscode):
    vscode.palette("Notifications: Show Notifications")  # the toast may have timed out into the list
    toast = wait_for("the first-run notification",
                     lambda: [t for t in vscode.toasts() if "local model" in t], 30,
                     on_fail=vscode.fail_shot("welcome"))
    vscode.shot("first-run-notification")
    assert "codewhisperer-lsp/models" in toast[0] and "minutes" in toast[0], toast
    vscode.palette("Notifications: Clear All Notifications")
    vscode.press("Escape")


@pytest.mark.parametrize("name, typed, expected", [
    ("fib.py", "    if n < 2:\n", r"return"),
    ("add.js", "    return", r"\ba\b.*\bb\b"),  # an expression of both parameters
    ("Add.java", "        return", r"\ba\b.*\bb\b"),
])
def test_ghost_text_appears_and_tab_accepts(vscode, name, typed, expected):
    before = count(vscode.server, "accepted")
    vscode.open_file(name)
    vscode.type(typed)
    # The first ghost text may answer a keystroke typed before the last: wait for the answer to all of it.
    ghost = wait_for(f"ghost text matching {expected!r} in {name}",
                     lambda: re.search(expected, text := vscode.ghost()) and text, SUGGESTION_S,
                     on_fail=vscode.fail_shot(f"ghost-{name}"))
    vscode.shot(f"ghost-text-{name.replace('.', '-')}")
    vscode.press("Tab")
    wait_for("the ghost text to go after Tab", lambda: not vscode.ghost(), 10)
    vscode.save()
    path = vscode.server.workspace / name
    first_line = ghost.strip().splitlines()[0].strip()
    wait_for(f"{name} on disk to hold the suggestion", lambda: first_line in path.read_text(), 20)
    # The item's command (codewhisperer.acceptSuggestion) ran in the server: the metrics count it.
    wait_for("the accept in the metrics", lambda: count(vscode.server, "accepted") > before, 20)


def test_alt_c_shows_several_suggestions_and_alt_brackets_cycle(vscode):
    vscode.open_file("cycle.py")
    vscode.type("    ")
    vscode.press("Alt+c")
    first, total = wait_for("a suggestion counter n/N with N > 1", lambda: (c := vscode.counter()) and c[1] > 1 and c,
                            SUGGESTION_S, on_fail=vscode.fail_shot("alt-c"))
    first_text = vscode.ghost()
    vscode.shot("alt-c-several-suggestions")
    vscode.press("Alt+BracketRight")
    wait_for("Alt+] to show the next suggestion", lambda: vscode.counter() == (2, total), 15,
             on_fail=vscode.fail_shot("alt-next"))
    second_text = vscode.ghost()
    assert second_text != first_text, (first_text, second_text)
    vscode.press("Alt+BracketLeft")
    wait_for("Alt+[ to show the previous one", lambda: vscode.counter() == (1, total), 15,
             on_fail=vscode.fail_shot("alt-previous"))
    assert vscode.ghost() == first_text and first == 1
    vscode.press("Escape")


def test_pause_and_resume_from_the_palette(vscode):
    vscode.palette("CodeWhisperer: Pause Auto-Suggestions")
    wait_for("the status item to say paused", lambda: vscode.status() == "CodeWhisperer: paused", 20)
    status_text = [t for t in vscode.browser("texts", selector=".statusbar-item") if "CodeWhisperer" in t]
    answered_paused = count(vscode.server, "paused")
    vscode.open_file("paused.py")
    vscode.type("    if n < 2:\n")
    # The editor still asks; the server answers nothing because it is paused.
    wait_for("the server to answer a request as paused", lambda: count(vscode.server, "paused") > answered_paused, 20)
    time.sleep(8)  # a suggestion here takes a few seconds when not paused (the test above)
    vscode.shot("paused-no-suggestion")
    assert not vscode.ghost(), "a suggestion appeared while paused"
    assert any("paused" in t for t in status_text), status_text

    vscode.palette("CodeWhisperer: Resume Auto-Suggestions")
    wait_for("the status item to say ready again", lambda: vscode.status() == "CodeWhisperer: ready", 20)
    vscode.press("Enter")  # another new line in the same block, now with suggestions on
    vscode.wait_ghost("ghost text after resuming")
    vscode.press("Escape")


def test_security_scan_puts_findings_with_cwe_links_in_problems(vscode):
    vscode.open_file("insecure.py")
    vscode.palette("CodeWhisperer: Run Security Scan")
    summary = wait_for("the scan summary", lambda: [t for t in vscode.toasts() if "Security scan" in t], 120,
                       on_fail=vscode.fail_shot("scan"))
    assert re.search(r"[1-9]\d* finding", summary[0]), summary
    vscode.browser("click", selector=".notification-toast .monaco-button:has-text('Show Problems')")
    rows = wait_for("findings in the Problems panel",
                    lambda: [t for t in vscode.browser("texts", selector=".markers-panel .monaco-list-row")
                             if "CWE-" in t], 30, on_fail=vscode.fail_shot("problems"))
    vscode.shot("security-scan-problems")
    text = "\n".join(rows)
    assert "CWE-78" in text and "CWE-798" in text, text
    links = vscode.browser("attrs", selector=".markers-panel a.monaco-link", name="href")
    assert any(link and "cwe.mitre.org/data/definitions/798" in link for link in links), links


def test_settings_ui_change_reaches_the_server(vscode):
    vscode.palette("Preferences: Open Settings (UI)")
    wait_for("the settings editor", lambda: vscode.browser("count", selector=".settings-editor"), 30)
    vscode.type("codewhisperer.numSuggestions")
    field = ".setting-item-number:has-text('Num Suggestions') input"
    wait_for("the search to show numSuggestions", lambda: vscode.browser("count", selector=field), 30,
             on_fail=vscode.fail_shot("settings"))
    vscode.browser("fill", selector=field, text="1")
    vscode.shot("settings-ui-num-suggestions")
    user = vscode.server.data / "User" / "settings.json"
    wait_for("the user settings file", lambda: '"codewhisperer.numSuggestions": 1' in user.read_text(), 20)
    # The same manual trigger that offered several suggestions above now offers one.
    vscode.open_file("settings_check.py")
    vscode.type("    ")
    vscode.press("Alt+c")
    vscode.wait_ghost("a suggestion after the setting")
    time.sleep(3)  # every item of the answer is in by now
    counter = vscode.counter()
    vscode.shot("settings-applied-one-suggestion")
    assert counter in (None, (1, 1)), counter
    vscode.press("Escape")


def test_output_channel_shows_server_log_at_its_levels(vscode):
    vscode.palette("CodeWhisperer: Show Server Output")
    log = wait_for("the Output channel's log file", vscode.server.output_channel_log, 20)
    vscode.shot("output-channel")
    lines = log.splitlines()
    info = [line for line in lines if "[info] codewhisperer_lsp" in line]
    assert info, log[-3000:]
    assert not [line for line in lines if "[error]" in line and " INFO " in line], log[-3000:]


def reference_index_has_the_stdlib(tmp: Path) -> bool:
    """The server's own index answers for shlex.quote (it builds in the background at start)."""
    sample = tmp / "quote.py"
    sample.write_text("def quote(s):\n" + QUOTE_BODY)
    done = subprocess.run([server_executable(), "references", "query", str(sample)], capture_output=True, text=True,
                          timeout=120)
    return "PSF-2.0" in done.stdout


def test_accepting_a_suggestion_with_a_reference_logs_it(vscode, tmp_path):
    wait_for("the reference index to hold the standard library", lambda: reference_index_has_the_stdlib(tmp_path),
             300, interval=10)
    vscode.open_file("quoting.py")
    vscode.type("    ")
    ghost = vscode.wait_ghost("a suggestion repeating shlex.quote")
    assert "_find_unsafe(s)" in ghost, ghost
    vscode.press("Tab")
    vscode.palette("CodeWhisperer: Open Code Reference Log")
    rows = wait_for("an entry in the Code Reference Log view",
                    lambda: [t for t in vscode.browser("texts", selector=REFERENCE_ROWS) if "quoting.py" in t], 30,
                    on_fail=vscode.fail_shot("reference-log"))
    # The entry opens on the accepted lines; its twistie shows the license and the source below it.
    vscode.browser("click", selector=f"{REFERENCE_ROWS}:has-text('quoting.py')")
    vscode.browser("click", selector=f"{REFERENCE_ROWS}:has-text('quoting.py') .monaco-tl-twistie")
    wait_for("the license under the entry",
             lambda: any("PSF-2.0" in t for t in vscode.browser("texts", selector=REFERENCE_ROWS)), 15,
             on_fail=vscode.fail_shot("reference-license"))
    vscode.shot("code-reference-log")
    assert rows
