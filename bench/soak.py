"""Soak test: thousands of mixed messages over stdio against the real server and model, measuring
whether anything grows without bound (RSS, threads, open files) and whether latency drifts.

The workload imitates editing: bursts of keystrokes (didChange) in several open documents, an
automatic completion after each burst (often superseded by the next burst or cancelled with
$/cancelRequest), manual completions, security scans, reference look-ups, log pages, documents
closed and reopened. Every request must be answered; stdout must carry only protocol.

    python bench/soak.py                      # 10,000 messages, prints a report
    python bench/soak.py --messages 1500 --json out.json

Measured on the server process (not its children): RSS and thread count from /proc, open file
descriptors from /proc/PID/fd. The RSS slope is a least-squares fit over the samples taken after
the first quarter (warm-up: model load, first parses, caches filling), in MB per 1,000 messages.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.e2e.rawclient import RawServer  # noqa: E402

_HEADERS = {
    "file:///soak/app.py": ("python", "import os\n\n\n",
                            "def handler_{n}(path, limit={n}):\n    with open(path) as f:\n        data = f.read()\n"
                            "    return [line for line in data.splitlines() if len(line) < limit]\n\n\n"),
    "file:///soak/util.js": ("javascript", "'use strict';\n\n",
                             "function sum{n}(xs) {{\n  return xs.reduce((a, b) => a + b * {n}, 0);\n}}\n\n"),
    "file:///soak/main.go": ("go", "package main\n\nimport \"fmt\"\n\n",
                             "func show{n}(x int) {{\n\tfmt.Println(\"value\", x+{n})\n}}\n\n"),
    "file:///soak/buf.c": ("c", "#include <string.h>\n\n",
                           "void copy{n}(char *dst, const char *src) {{\n    strncpy(dst, src, {n});\n}}\n\n"),
}
START_CHARS = 4500  # documents start past the prompt budget, so memory reaches its steady state early
RESET_CHARS = 6000


def _initial(header: str, template: str) -> str:
    text, n = header, 0
    while len(text) < START_CHARS:
        text += template.format(n=n)
        n += 1
    return text


DOCS = {uri: (language, _initial(header, template)) for uri, (language, header, template) in _HEADERS.items()}
TYPING = {
    "python": ["def area(r):\n    return 3.14159 * r * r\n\n", "for i in range(10):\n    print(i)\n", "x = [a for a in y]\n"],
    "javascript": ["const max = (a, b) => a > b ? a : b;\n", "if (x) {\n  y();\n}\n", "let total = 0;\n"],
    "go": ["func add(a int, b int) int {\n\treturn a + b\n}\n", "var x = 3\n"],
    "c": ["int square(int x) {\n    return x * x;\n}\n", "static int n = 0;\n"],
}


def _proc_stats(pid: int) -> dict:
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {"rss_mb": int(fields["VmRSS"].split()[0]) / 1024, "threads": int(fields["Threads"]),
            "fds": len(os.listdir(f"/proc/{pid}/fd"))}


def _percentiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def pick(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)

    return {"n": len(values), "p50_ms": pick(0.5), "p95_ms": pick(0.95), "p99_ms": pick(0.99), "max_ms": pick(1.0)}


def _slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of y over x."""
    if len(points) < 3:
        return 0.0
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0


class Soak:
    def __init__(self, messages: int, seed: int, state_dir: str):
        self.target = messages
        self.rng = random.Random(seed)
        self.server = RawServer(env={"CODEWHISPERER_STATE_DIR": state_dir, "CODEWHISPERER_LOG_LEVEL": "WARNING"})
        self.sent = {"notifications": 0, "requests": 0, "cancels": 0}
        self.kinds: dict[str, int] = {}
        self.latency: list[tuple[int, str, float, bool]] = []  # (messages sent so far, kind, seconds, cancelled)
        self.samples: list[dict] = []
        self.text = {uri: text for uri, (_, text) in DOCS.items()}
        self.version = {uri: 1 for uri in DOCS}
        self.unanswered: list[tuple[int, str]] = []
        self._next_id = 1

    @property
    def count(self) -> int:
        return self.sent["notifications"] + self.sent["requests"]

    # --- sending ---
    def notify(self, method: str, params) -> None:
        self.server.notify(method, params)
        self.sent["notifications"] += 1
        self.kinds[method] = self.kinds.get(method, 0) + 1

    def request(self, method: str, params, kind: str) -> int:
        self._next_id += 1
        self.server.request(self._next_id, method, params)
        self.sent["requests"] += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        return self._next_id

    def open(self, uri: str) -> None:
        language, _ = DOCS[uri]
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                              "version": self.version[uri], "text": self.text[uri]}})

    def _end(self, uri: str) -> tuple[int, int]:
        text = self.text[uri]
        return text.count("\n"), len(text) - (text.rfind("\n") + 1)

    def type_burst(self, uri: str) -> None:
        language, _ = DOCS[uri]
        snippet = self.rng.choice(TYPING[language])
        cut = self.rng.randint(2, min(8, len(snippet)))
        for char in snippet[:cut]:
            line, character = self._end(uri)
            self.version[uri] += 1
            self.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": self.version[uri]},
                "contentChanges": [{"range": {"start": {"line": line, "character": character},
                                              "end": {"line": line, "character": character}}, "text": char}]})
            self.text[uri] += char
        if self.rng.random() < 0.2 and self.text[uri].endswith(snippet[:cut]):  # backspace a few
            line, character = self._end(uri)
            back = min(2, character)
            self.version[uri] += 1
            self.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": self.version[uri]},
                "contentChanges": [{"range": {"start": {"line": line, "character": character - back},
                                              "end": {"line": line, "character": character}}, "text": ""}]})
            self.text[uri] = self.text[uri][:len(self.text[uri]) - back]
        if len(self.text[uri]) > RESET_CHARS:  # keep documents editor-sized: start the file over
            self.version[uri] += 1
            self.text[uri] = DOCS[uri][1]
            self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": self.version[uri]},
                                                   "contentChanges": [{"text": self.text[uri]}]})

    def completion(self, uri: str, invoked: bool) -> int:
        line, character = self._end(uri)
        return self.request("textDocument/inlineCompletion", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": character},
            "context": {"triggerKind": 1 if invoked else 2}}, "completion (invoked)" if invoked else "completion")

    # --- one cycle: a burst of typing and what follows it ---
    def cycle(self, index: int) -> None:
        uri = self.rng.choice(list(DOCS))
        pending: dict[int, tuple[str, float]] = {}
        self.type_burst(uri)
        first = self.completion(uri, invoked=False)
        pending[first] = ("completion", time.monotonic())
        roll = self.rng.random()
        if roll < 0.3:  # the user keeps typing: the next request supersedes the first
            self.type_burst(uri)
            second = self.completion(uri, invoked=False)
            pending[second] = ("completion", time.monotonic())
        elif roll < 0.55:  # the editor cancels it
            self.notify("$/cancelRequest", {"id": first})
            self.sent["cancels"] += 1
        elif roll < 0.6:
            msg_id = self.completion(uri, invoked=True)
            pending[msg_id] = ("completion (invoked)", time.monotonic())
        if index % 15 == 7:
            msg_id = self.request("workspace/executeCommand", {"command": "codewhisperer.startSecurityScan",
                                                                "arguments": [{"uri": uri}]}, "security scan")
            pending[msg_id] = ("security scan", time.monotonic())
        if index % 3 == 1:
            msg_id = self.request("codewhisperer/findReferences", {"text": self.text[uri][-400:]}, "findReferences")
            pending[msg_id] = ("findReferences", time.monotonic())
        if index % 4 == 2:
            msg_id = self.request("codewhisperer/getReferenceLog", {"offset": 0, "limit": 20}, "getReferenceLog")
            pending[msg_id] = ("getReferenceLog", time.monotonic())
        if index % 40 == 20:
            self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
            self.version[uri] += 1
            self.open(uri)
        self._collect(pending)

    def _collect(self, pending: dict[int, tuple[str, float]]) -> None:
        for msg_id, (kind, started) in pending.items():
            answer = self.server.response(msg_id, 120)
            if answer is None:
                self.unanswered.append((msg_id, kind))
                continue
            cancelled = "error" in answer and answer["error"]["code"] == -32800
            if "error" in answer and not cancelled:
                self.unanswered.append((msg_id, f"{kind}: error {answer['error']}"))
            self.latency.append((self.count, kind, answer["_received"] - started, cancelled))

    # --- the run ---
    def run(self) -> dict:
        started = time.monotonic()
        init = self.server.initialize({"codewhisperer": {"numSuggestions": 2, "maxNewTokens": 24}})
        assert init and "result" in init, init
        status = self.server.wait_status()
        for uri in DOCS:
            self.open(uri)
        self.samples.append({"messages": self.count, "t": 0.0, **_proc_stats(self.server.proc.pid)})
        index = 0
        next_sample = time.monotonic() + 2
        while self.count < self.target:
            self.cycle(index)
            index += 1
            if time.monotonic() >= next_sample or self.count >= self.target:
                next_sample = time.monotonic() + 2
                self.samples.append({"messages": self.count, "t": round(time.monotonic() - started, 1),
                                     **_proc_stats(self.server.proc.pid)})
        self.server.pump(1.0)
        alive = self.server.alive()
        self.server.close()
        return self.report(time.monotonic() - started, status, alive)

    def report(self, duration: float, status, alive: bool) -> dict:
        quarter = self.target // 4
        steady = [s for s in self.samples if s["messages"] >= quarter]
        early = [s for s in self.samples if s["messages"] <= quarter]
        first, last = (early[-1] if early else self.samples[0]), self.samples[-1]
        completions = [(n, s) for n, kind, s, cancelled in self.latency if kind == "completion" and not cancelled]
        fifth = self.target // 5
        return {
            "messages": self.count, **self.sent, "by_kind": self.kinds, "duration_s": round(duration, 1),
            "model": status, "alive_at_end": alive, "stray_stdout_bytes": len(self.server.stray),
            "unanswered_or_failed": self.unanswered[:20], "unanswered_count": len(self.unanswered),
            "cancelled_answers": sum(1 for *_, cancelled in self.latency if cancelled),
            "rss_mb": {"start": round(self.samples[0]["rss_mb"], 1), "after_warmup": round(first["rss_mb"], 1),
                       "end": round(last["rss_mb"], 1), "max": round(max(s["rss_mb"] for s in self.samples), 1)},
            "rss_slope_mb_per_1k_messages": round(1000 * _slope([(s["messages"], s["rss_mb"]) for s in steady]), 2),
            "threads": {"after_warmup": first["threads"], "end": last["threads"],
                        "max": max(s["threads"] for s in self.samples)},
            "fds": {"after_warmup": first["fds"], "end": last["fds"], "max": max(s["fds"] for s in self.samples)},
            "completion_latency": {"first_fifth": _percentiles([s for n, s in completions if n <= fifth]),
                                   "last_fifth": _percentiles([s for n, s in completions if n > self.target - fifth]),
                                   "all": _percentiles([s for _, s in completions])},
            "other_latency": {kind: _percentiles([s for _, k, s, c in self.latency if k == kind and not c])
                              for kind in ("security scan", "findReferences", "getReferenceLog")},
            "samples": len(self.samples),
            "rss_series": [[s["messages"], round(s["rss_mb"], 1)] for s in self.samples],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="also write the report here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="soak-state-") as state:
        report = Soak(args.messages, args.seed, state).run()
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text)
    return 0 if report["unanswered_count"] == 0 and report["alive_at_end"] else 1


if __name__ == "__main__":
    sys.exit(main())
