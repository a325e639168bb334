"""Benchmark of record for speed: an editing replay over LSP, against llama.cpp's server as the peer.

Run: .venv/bin/python bench/replay_bench.py [--quick] [--no-peer] [--json FILE]

Real files that ship on the machine (not this repository's code), at least five languages: Python's
standard library, npm's own command files, a JDK class from its src.zip, zlib's C examples, git's
subtree shell script (whatever of these exists). Each file is opened (didOpen) and visited at six
places in file order (moves of 4-8 lines and of 20-80 lines), then a far jump: back to an earlier
file or far up in this one. At each place the line is cleared to its indentation (one incremental
didChange) and 0, 3 or 6 of its characters are typed 80 ms apart, each keystroke an incremental
didChange plus an automatic inlineCompletion request, as VS Code sends them (a newer request
supersedes the older). The request after the last keystroke is the pause's: the time from sending
it to its answer is the figure (debounce and gate included). Now and then a manual trigger follows.
Then the line is written back as it was and the user reads for DWELL_S before moving on.

The peer: llama.cpp's `llama-server` (the llama.cpp tree inside llama-cpp-python's sdist, built by
bench/setup_llama_server.sh into the cache folder) on the same GGUF, same threads, `--cache-reuse 256`, its `/infill` endpoint
as llama.vim uses it: the same prefix lines (the same token budget as the server's window), the
same suffix budget, greedy, one line. A keystroke's request closes the previous one's connection
(llama.vim cancels its job likewise). Set LLAMA_SERVER to the binary, or --no-peer.

Reports per engine: time to answer after a pause (p50, p95, max; first visit of a file and later
visits apart), share answered, how often the first suggested line equals the real line, tokens
prefilled per pause, the server's peak RSS; then the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig  # noqa: E402

from tests.e2e.conftest import open_doc, server_env, start_session  # noqa: E402
from tests.e2e.interaction_helpers import erase, insert, send_complete  # noqa: E402

KEY_GAP_S = 0.080
DWELL_S = 1.0  # the user reads the suggestion before moving on
TYPED = (0, 3, 6)
MANUAL_EVERY = 5  # a manual trigger after every fifth pause
PLACES = 6
PROMPT_TOKENS = 1024  # the server's default maxPromptTokens: the peer gets the same window
SUFFIX_TOKENS = 48
PEER_THREADS = 2
CACHE = Path(os.environ.get("CODEWHISPERER_CACHE_DIR") or
             Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "codewhisperer-lsp")


# --- the files ---
def _first(patterns: list[str]) -> list[str]:
    found = []
    for pattern in patterns:
        found.extend(sorted(glob.glob(pattern)))
    return found


def _java(tmp: Path) -> Path | None:
    for archive in _first(["/usr/lib/jvm/*/lib/src.zip", "/usr/lib/jvm/*/src.zip"]):
        try:
            with zipfile.ZipFile(archive) as zipped:
                name = "java.base/java/util/ArrayDeque.java"
                if name in zipped.namelist():
                    out = tmp / "ArrayDeque.java"
                    out.write_bytes(zipped.read(name))
                    return out
        except (OSError, zipfile.BadZipFile):
            continue
    return None


def sources(tmp: Path) -> list[tuple[str, Path]]:
    stdlib = Path(os.__file__).parent
    candidates: list[tuple[str, list[str]]] = [
        ("python", [str(stdlib / "json" / "decoder.py")]),
        ("javascript", ["/usr/lib/node_modules/npm/lib/commands/publish.js",
                        "/usr/local/lib/node_modules/npm/lib/commands/publish.js"]),
        ("java", []),
        ("c", ["/usr/share/doc/zlib1g-dev/examples/gun.c", "/usr/include/zlib.h"]),
        ("shellscript", ["/usr/share/doc/git/contrib/subtree/git-subtree.sh"]),
        ("go", [str(Path(p) / "src" / "strings" / "replace.go") for p in _first(["/usr/lib/go*", "/usr/local/go"])]),
        ("python", [str(stdlib / "textwrap.py")]),
    ]
    out = []
    for language, paths in candidates:
        if language == "java":
            found = _java(tmp)
            if found:
                out.append((language, found))
            continue
        for path in paths:
            if Path(path).is_file():
                out.append((language, Path(path)))
                break
    return out


COMMENT = re.compile(r"^\s*(#|//|/\*|\*|\"\"\"|'''|$)")


def plan(files: list[tuple[str, Path]], places: int, seed: int) -> list[dict]:
    """The visits: (file index, line, characters typed), in order."""
    rng = random.Random(seed)
    visits = []
    for index, (_, path) in enumerate(files):
        lines = path.read_text(errors="replace").split("\n")
        good = [n for n, line in enumerate(lines) if len(line.strip()) >= 8 and not COMMENT.match(line)
                and n > 10]
        if len(good) < places * 4:
            continue
        line = rng.choice(good[:len(good) // 4])
        for step in range(places):
            if step:
                gap = rng.randint(4, 8) if rng.random() < 0.5 else rng.randint(20, 80)
                later = [n for n in good if n >= line + gap]
                if not later:
                    break
                line = later[0]
            visits.append({"file": index, "line": line, "move": "near" if step and gap <= 8 else "mid"})
        # a far jump: back to an earlier file, or far up in this one
        if index and rng.random() < 0.5:
            back = rng.randrange(index)
            blines = files[back][1].read_text(errors="replace").split("\n")
            bgood = [n for n, l in enumerate(blines) if len(l.strip()) >= 8 and not COMMENT.match(l) and n > 10]
            visits.append({"file": back, "line": rng.choice(bgood), "move": "switch"})
        else:
            visits.append({"file": index, "line": rng.choice(good[: max(1, len(good) // 3)]), "move": "far"})
    for number, visit in enumerate(visits):
        visit["typed"] = TYPED[number % len(TYPED)]
        visit["manual"] = number % MANUAL_EVERY == MANUAL_EVERY - 1
    return visits


# --- measuring ---
@dataclass
class Pause:
    file: int
    move: str
    typed: int
    first_visit: bool
    ms: float
    answered: bool
    exact: bool
    prefilled: int | None = None


@dataclass
class Run:
    name: str
    pauses: list[Pause] = field(default_factory=list)
    manual_ms: list[float] = field(default_factory=list)
    peak_rss_mib: float = 0.0
    wall_s: float = 0.0


def _progress(name: str, pause: Pause) -> None:
    print(f"  {name[:18]:18} file {pause.file} {pause.move:6} typed {pause.typed} "
          f"{'first' if pause.first_visit else 'later'}: {pause.ms:6.0f} ms answered={pause.answered} "
          f"exact={pause.exact} prefilled={pause.prefilled}", file=sys.stderr, flush=True)


def rss_peak_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def first_line_exact(real: str, typed_line: str, suggestion: str) -> bool:
    shown = (typed_line + suggestion.split("\n", 1)[0]) if suggestion else typed_line
    if not suggestion.split("\n", 1)[0].strip() and suggestion.strip():
        shown = suggestion.strip("\n").split("\n", 1)[0]  # a suggestion that starts on the next line
    return shown.strip() == real.strip()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summary(run: Run) -> dict:
    all_ms = [p.ms for p in run.pauses]
    first = [p.ms for p in run.pauses if p.first_visit]
    later = [p.ms for p in run.pauses if not p.first_visit]
    prefilled = [p.prefilled for p in run.pauses if p.prefilled is not None]
    return {
        "pauses": len(run.pauses),
        "p50_ms": statistics.median(all_ms) if all_ms else float("nan"),
        "p95_ms": pct(all_ms, 0.95), "max_ms": max(all_ms) if all_ms else float("nan"),
        "first_visit_p50_ms": statistics.median(first) if first else float("nan"),
        "first_visit_max_ms": max(first) if first else float("nan"),
        "later_p50_ms": statistics.median(later) if later else float("nan"),
        "later_p95_ms": pct(later, 0.95),
        "answered": sum(p.answered for p in run.pauses) / max(1, len(run.pauses)),
        "exact_first_line": sum(p.exact for p in run.pauses) / max(1, len(run.pauses)),
        "prefilled_p50": statistics.median(prefilled) if prefilled else None,
        "prefilled_mean": statistics.mean(prefilled) if prefilled else None,
        "manual_p50_ms": statistics.median(run.manual_ms) if run.manual_ms else float("nan"),
        "peak_rss_mib": run.peak_rss_mib, "wall_s": run.wall_s,
        "by_move": {move: statistics.median([p.ms for p in run.pauses if p.move == move])
                    for move in sorted({p.move for p in run.pauses})},
    }


class Doc:
    """The document as the editor holds it: lines, edits, versions."""

    def __init__(self, uri: str, language: str, text: str):
        self.uri, self.language, self.lines, self.version = uri, language, text.split("\n"), 1

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# --- our server over LSP ---
LOG_LINE = re.compile(r"completion (\S+) kind=\S+ items=\d+ (\{.*\})$")


def _prefilled_from_log(path: Path, start: int) -> tuple[list[int], int]:
    """Tokens prefilled by the first attempt of each completed request logged since `start`."""
    try:
        data = path.read_bytes()
    except OSError:
        return [], start
    found = []
    for line in data[start:].decode(errors="replace").splitlines():
        match = LOG_LINE.search(line)
        if not match:
            continue
        prompt = re.search(r"'prompt_tokens': (\d+)", match.group(2))
        reused = re.search(r"'reused_tokens': (\d+)", match.group(2))
        if prompt and reused:
            found.append(int(prompt.group(1)) - int(reused.group(1)))
    return found, len(data)


async def replay_ours(files, visits, log_path: Path, levers: str | None = None) -> Run:
    run = Run("codewhisperer-lsp" + (f" [{levers or 'no levers'}]" if levers is not None else ""))
    state = tempfile.mkdtemp(prefix="replay-state-")
    env = server_env(state)
    if levers is not None:
        env["CODEWHISPERER_SPEED_LEVERS"] = levers
    command = ["/bin/sh", "-c", f'exec "{sys.executable}" -m codewhisperer_lsp 2>>"{log_path}"']
    before = {int(p) for p in os.listdir("/proc") if p.isdigit()}
    client = await ClientServerConfig(command, server_env=env).start()
    await start_session(client, {"logLevel": "debug"})  # the completion lines carry the token counts
    pid = _server_pid(before)
    docs: dict[int, Doc] = {}
    log_at = 0
    started = time.monotonic()
    try:
        for visit in visits:
            index = visit["file"]
            first = index not in docs
            if first:
                language, path = files[index]
                docs[index] = Doc(path.resolve().as_uri(), language, path.read_text(errors="replace"))
                open_doc(client, docs[index].uri, language, docs[index].text)
                await asyncio.sleep(DWELL_S)
            doc = docs[index]
            pause, manual = await _visit_ours(client, doc, visit)
            pause.first_visit = first
            run.pauses.append(pause)
            if manual is not None:
                run.manual_ms.append(manual)
            found, log_at = _prefilled_from_log(log_path, log_at)
            if found:  # superseded requests log nothing: the pause's request is the first line
                pause.prefilled = found[0]
            _progress(run.name, pause)
            await _restore(client, doc, visit["line"])
            run.peak_rss_mib = max(run.peak_rss_mib, rss_peak_mib(pid)) if pid else 0.0
            await asyncio.sleep(DWELL_S)
    finally:
        run.wall_s = time.monotonic() - started
        if pid:
            run.peak_rss_mib = max(run.peak_rss_mib, rss_peak_mib(pid))
        await client.shutdown_session()
        await client.stop()
        shutil.rmtree(state, ignore_errors=True)
    return run


def _server_pid(before: set[int]) -> int | None:
    for pid in sorted({int(p) for p in os.listdir("/proc") if p.isdigit()} - before, reverse=True):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"codewhisperer_lsp" in cmdline and os.getppid() != pid:
            return pid
    return None


async def _restore(client, doc: Doc, line: int) -> None:
    real = doc.real  # type: ignore[attr-defined]
    current = doc.lines[line]
    doc.version += 1
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, 0), types.Position(line, len(current))), text=real)]))
    doc.lines[line] = real


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def _visit_ours(client, doc: Doc, visit: dict) -> tuple[Pause, float | None]:
    line = visit["line"]
    real = doc.lines[line]
    doc.real = real  # type: ignore[attr-defined]
    indent = real[: len(real) - len(real.lstrip())]
    typed = real[len(indent): len(indent) + visit["typed"]]
    doc.version += 1
    erase(client, doc.uri, doc.version, line, _utf16(indent), _utf16(real))
    doc.lines[line] = indent
    pending = []
    sent = time.perf_counter()
    _, answer = send_complete(client, doc.uri, line, _utf16(indent), invoked=False)
    pending.append(answer)
    for char in typed:
        await asyncio.sleep(KEY_GAP_S)
        column = _utf16(doc.lines[line])
        doc.version += 1
        insert(client, doc.uri, doc.version, line, column, char)
        doc.lines[line] += char
        sent = time.perf_counter()
        _, answer = send_complete(client, doc.uri, line, column + 1, invoked=False)
        pending.append(answer)
    items = []
    try:
        result = await pending[-1]
        items = list(result.items) if result else []
    except Exception:  # superseded or failed: no answer for this pause
        items = []
    ms = (time.perf_counter() - sent) * 1000
    for older in pending[:-1]:
        try:
            await older
        except Exception:
            pass
    text = items[0].insert_text if items else ""
    text = text if isinstance(text, str) else getattr(text, "value", "")
    pause = Pause(visit["file"], visit["move"], visit["typed"], False, ms, bool(text.strip()),
                  first_line_exact(real, doc.lines[line], text))
    manual = None
    if visit["manual"]:
        started = time.perf_counter()
        try:
            await client.text_document_inline_completion_async(types.InlineCompletionParams(
                text_document=types.TextDocumentIdentifier(doc.uri),
                position=types.Position(line, _utf16(doc.lines[line])),
                context=types.InlineCompletionContext(trigger_kind=types.InlineCompletionTriggerKind.Invoked)))
            manual = (time.perf_counter() - started) * 1000
        except Exception:
            manual = None
    return pause, manual


# --- llama.cpp's server over HTTP ---
class Tokens:
    def __init__(self):
        from tokenizers import Tokenizer

        folders = sorted((CACHE / "models").glob("qwen2.5-coder-0.5b*-cpu"))
        self.tok = Tokenizer.from_file(str(folders[0] / "tokenizer.json"))

    def count(self, text: str) -> int:
        return len(self.tok.encode(text, add_special_tokens=False).ids)


def peer_window(tokens: Tokens, lines: list[str], line: int) -> tuple[str, str]:
    """The text before the cursor line and after it: the server's budgets in tokens."""
    budget, total, start = PROMPT_TOKENS - SUFFIX_TOKENS - 24, 0, line
    while start > 0:
        total += tokens.count(lines[start - 1]) + 1
        if total > budget:
            break
        start -= 1
    suffix, total = [], 0
    for text in lines[line + 1:]:
        total += tokens.count(text) + 1
        if total > SUFFIX_TOKENS:
            break
        suffix.append(text)
    prefix = "\n".join(lines[start:line]) + ("\n" if line > start else "")
    return prefix, "\n".join(suffix)


class PeerRequest:
    """One /infill request on its own connection, in a thread; `cancel()` closes the connection."""

    def __init__(self, port: int, body: dict):
        self.port, self.body = port, body
        self.result: dict | None = None
        self.conn: http.client.HTTPConnection | None = None
        self.sent = time.perf_counter()
        self.done_at: float | None = None
        self.thread = threading.Thread(target=self._go, daemon=True)
        self.thread.start()

    def _go(self) -> None:
        try:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            self.conn.request("POST", "/infill", json.dumps(self.body), {"Content-Type": "application/json"})
            self.result = json.loads(self.conn.getresponse().read())
        except (OSError, ValueError, http.client.HTTPException):
            self.result = None
        self.done_at = time.perf_counter()

    def cancel(self) -> None:
        conn = self.conn
        if conn is not None and conn.sock is not None:
            try:
                conn.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def start_llama(binary: str, gguf: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen([binary, "-m", str(gguf), "-c", "4096", "-t", str(PEER_THREADS), "-tb",
                                str(PEER_THREADS), "-np", "1", "--cache-reuse", "256", "--host", "127.0.0.1",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    process.kill()
    raise RuntimeError("llama-server did not come up")


def replay_peer(files, visits, binary: str, gguf: Path) -> Run:
    run = Run("llama.cpp server --cache-reuse 256")
    tokens = Tokens()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = start_llama(binary, gguf, port)
    docs: dict[int, Doc] = {}
    started = time.monotonic()
    try:
        for visit in visits:
            index = visit["file"]
            first = index not in docs
            if first:
                language, path = files[index]
                docs[index] = Doc(path.name, language, path.read_text(errors="replace"))
                time.sleep(DWELL_S)
            doc = docs[index]
            line = visit["line"]
            real = doc.lines[line]
            indent = real[: len(real) - len(real.lstrip())]
            typed = real[len(indent): len(indent) + visit["typed"]]
            prefix, suffix = peer_window(tokens, doc.lines, line)

            def request(current: str) -> PeerRequest:
                return PeerRequest(port, {"input_prefix": prefix, "prompt": current, "input_suffix": "\n" + suffix,
                                          "input_extra": [], "n_predict": 64, "temperature": 0, "top_k": 1,
                                          "stop": ["\n"], "cache_prompt": True, "stream": False})

            pending = request(indent)
            for count in range(1, len(typed) + 1):
                time.sleep(KEY_GAP_S)
                pending.cancel()
                pending = request(indent + typed[:count])
            pending.thread.join()
            ms = ((pending.done_at or time.perf_counter()) - pending.sent) * 1000
            content = (pending.result or {}).get("content", "")
            prompt_n = ((pending.result or {}).get("timings") or {}).get("prompt_n")
            run.pauses.append(Pause(index, visit["move"], visit["typed"], first, ms, bool(content.strip()),
                                    first_line_exact(real, indent + typed, content), prompt_n))
            _progress(run.name, run.pauses[-1])
            if visit["manual"]:
                again = request(indent + typed)
                again.thread.join()
                run.manual_ms.append(((again.done_at or time.perf_counter()) - again.sent) * 1000)
            run.peak_rss_mib = max(run.peak_rss_mib, rss_peak_mib(process.pid))
            time.sleep(DWELL_S)
    finally:
        run.wall_s = time.monotonic() - started
        run.peak_rss_mib = max(run.peak_rss_mib, rss_peak_mib(process.pid))
        process.terminate()
        process.wait(10)
    return run


def find_llama_server() -> str | None:
    found = os.environ.get("LLAMA_SERVER") or shutil.which("llama-server")
    if found:
        return found
    for candidate in _first([str(CACHE / "llama-server" / "bin" / "llama-server"),
                             str(CACHE / "llama-env" / "bin" / "llama-server")]):
        return candidate
    return None


# --- report ---
def table(runs: list[Run]) -> str:
    rows = [("time to answer after a pause, p50 (ms)", "p50_ms", "{:.0f}"),
            ("p95 (ms)", "p95_ms", "{:.0f}"), ("max (ms)", "max_ms", "{:.0f}"),
            ("first visit of a file, p50 / max (ms)", ("first_visit_p50_ms", "first_visit_max_ms"), "{:.0f} / {:.0f}"),
            ("later visits, p50 / p95 (ms)", ("later_p50_ms", "later_p95_ms"), "{:.0f} / {:.0f}"),
            ("pauses answered", "answered", "{:.2f}"),
            ("first suggested line = the real line", "exact_first_line", "{:.2f}"),
            ("tokens prefilled per pause, p50 / mean", ("prefilled_p50", "prefilled_mean"), "{:.0f} / {:.0f}"),
            ("manual trigger, p50 (ms)", "manual_p50_ms", "{:.0f}"),
            ("server peak RSS (MiB)", "peak_rss_mib", "{:.0f}")]
    sums = [summary(run) for run in runs]
    out = ["| | " + " | ".join(run.name for run in runs) + " |", "|---|" + "---|" * len(runs)]
    for label, key, fmt in rows:
        cells = []
        for s in sums:
            keys = key if isinstance(key, tuple) else (key,)
            values = [s.get(k) for k in keys]
            cells.append("n/a" if any(v is None for v in values) else fmt.format(*values))
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="five files (five languages), three places each")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--peer-only", action="store_true")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--levers", action="append",
                        help="run our server with only these speed levers (comma-separated of regions,quick,warm,shift,shift-manual; "
                             "'' for none: the window follows the cursor); repeat for several runs; default: the server's own (regions,warm,shift-manual)")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="replay-"))
    files = sources(tmp)
    languages = sorted({language for language, _ in files})
    print(f"files: {', '.join(f'{p.name} ({lang})' for lang, p in files)}; {len(languages)} languages")
    if args.quick:
        files = files[:5]
    visits = plan(files, 3 if args.quick else PLACES, args.seed)
    print(f"{len(visits)} pauses, typed {KEY_GAP_S * 1000:.0f} ms apart, {DWELL_S:.1f} s read after each")
    runs = []
    if not args.peer_only:
        for number, levers in enumerate(args.levers or [None]):
            log_path = tmp / f"server-{number}.log"
            runs.append(asyncio.run(replay_ours(files, visits, log_path, levers)))
            print(json.dumps(summary(runs[-1])), flush=True)
    if not args.no_peer:
        binary = find_llama_server()
        gguf = next(iter(sorted((CACHE / "gguf").glob("qwen2.5-coder-0.5b*.gguf"))), None)
        if binary is None or gguf is None:
            print("peer skipped: no llama-server (set LLAMA_SERVER) or no GGUF in the cache")
        else:
            runs.append(replay_peer(files, visits, binary, gguf))
            print(json.dumps(summary(runs[-1])), flush=True)
    print(table(runs))
    if len(runs) >= 2:
        ours, peer = summary(runs[0]), summary(runs[-1])
        print(f"ratios {runs[0].name} / {runs[-1].name}: p50 {ours['p50_ms'] / peer['p50_ms']:.2f}, p95 {ours['p95_ms'] / peer['p95_ms']:.2f}, "
              f"max {ours['max_ms'] / peer['max_ms']:.2f}, RSS {ours['peak_rss_mib'] / max(1, peer['peak_rss_mib']):.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": [{"name": r.name, **summary(r),
                                                         "pauses": [p.__dict__ for p in r.pauses]} for r in runs],
                                               "files": [str(p) for _, p in files]}, indent=1))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
