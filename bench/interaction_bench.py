"""Benchmark: what typeahead and the adaptive debounce save, over LSP with the real server and model.

Run: .venv/bin/python bench/interaction_bench.py [--prompts N]

1. Typeahead: for each prompt, a fresh suggestion (a model call), then the user types the
   suggestion's first characters one by one; each keystroke's request is answered from memory.
   Prints median answer times (round trip, as the editor sees them) and the ratio.
2. Debounce: the same typing burst (a deterministic human rhythm: 60-180 ms between keys, some
   longer pauses at word ends), with an automatic request after every keystroke as editors send
   them, once with debounceMs 0 and once with the default adaptive debounce. Prints model calls
   started per burst, suggestions shown, and the ratio.

The server runs with its own temporary state folder: the user's metrics are not touched.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.conftest import cursor_of, open_doc  # noqa: E402
from tests.e2e.interaction_helpers import insert, metrics, running_server, timed_complete  # noqa: E402

PROMPTS = [
    "def fahrenheit_to_celsius(fahrenheit):\n    <|>\n",
    "def is_palindrome(text):\n    <|>\n",
    "def average(numbers):\n    <|>\n",
    "def count_words(sentence):\n    <|>\n",
    "import os\n\n\ndef list_python_files(folder):\n    <|>\n",
    "def factorial(n):\n    <|>\n",
    "def celsius_to_kelvin(celsius):\n    <|>\n",
    "def reverse_words(sentence):\n    <|>\n",
]
BURSTS = [
    "def normalise(values):\n    total = sum(values)\n    return [value / total for value in values]\n",
    "def clamp(value, low, high):\n    return max(low, min(value, high))\n",
    "def first_word(text):\n    words = text.split()\n    return words[0] if words else ''\n",
]
TYPED_THROUGH = 6  # characters typed into each suggestion


def rhythm(text: str, seed: int) -> list[float]:
    """Seconds to wait before each character: a steady typist who stops briefly after some words."""
    rng = random.Random(seed)
    gaps = []
    for index, char in enumerate(text):
        gap = rng.uniform(0.06, 0.18)
        if index and text[index - 1] in " \n" and rng.random() < 0.25:
            gap += rng.uniform(0.4, 0.8)
        gaps.append(gap)
    return gaps


async def typeahead(client, count: int) -> dict:
    fresh, ahead = [], []
    for number, source in enumerate(PROMPTS[:count]):
        text, line, character = cursor_of(source)
        uri = f"file:///bench/typeahead_{number}.py"
        open_doc(client, uri, "python", text)
        items, model_ms = await timed_complete(client, uri, line, character, invoked=False)
        if not items or len(items[0].insert_text) <= TYPED_THROUGH:
            continue
        fresh.append(model_ms)
        shown = items[0].insert_text
        for typed in range(1, TYPED_THROUGH + 1):
            if "\n" in shown[:typed]:
                break
            insert(client, uri, typed + 1, line, character + typed - 1, shown[typed - 1])
            rest, ms = await timed_complete(client, uri, line, character + typed, invoked=False)
            assert rest and rest[0].insert_text == shown[typed:], "typeahead missed"
            ahead.append(ms)
    return {"fresh": fresh, "typeahead": ahead}


async def burst(client, text: str, uri: str, seed: int) -> dict:
    open_doc(client, uri, "python", "")
    before = await metrics(client)
    line = character = 0
    pending = []
    shown = 0
    started = time.perf_counter()
    for version, (char, gap) in enumerate(zip(text, rhythm(text, seed)), start=2):
        await asyncio.sleep(gap)
        insert(client, uri, version, line, character, char)
        line, character = (line + 1, 0) if char == "\n" else (line, character + 1)
        pending.append(asyncio.ensure_future(timed_complete(client, uri, line, character, invoked=False)))
    for answer in await asyncio.gather(*pending, return_exceptions=True):
        if not isinstance(answer, BaseException) and answer[0]:
            shown += 1
    after = await metrics(client)
    return {"keystrokes": len(text), "model_calls": after["modelCalls"] - before["modelCalls"],
            "shown": shown, "seconds": time.perf_counter() - started}


async def debounce(client, options: dict, base_ms: int, tag: str) -> list[dict]:
    client.workspace_did_change_configuration(_config(options, debounceMs=base_ms))
    return [await burst(client, text, f"file:///bench/{tag}_{i}.py", seed=i) for i, text in enumerate(BURSTS)]


def _config(options: dict, **changes):
    from lsprotocol import types
    return types.DidChangeConfigurationParams(settings={"codewhisperer": {**options["codewhisperer"], **changes}})


async def main(count: int) -> None:
    options = {"codewhisperer": {"numSuggestions": 1}}
    with tempfile.TemporaryDirectory() as state:
        async with running_server(state, options) as client:
            ahead = await typeahead(client, count)
            without = await debounce(client, options, 0, "nodebounce")
            with_ = await debounce(client, options, 150, "debounce")
    fresh_ms, ahead_ms = statistics.median(ahead["fresh"]), statistics.median(ahead["typeahead"])
    print(f"typeahead: {len(ahead['fresh'])} suggestions, {len(ahead['typeahead'])} keystrokes typed through")
    print(f"  fresh model answer   median {fresh_ms:8.1f} ms (p90 {_p90(ahead['fresh']):.1f})")
    print(f"  typeahead answer     median {ahead_ms:8.1f} ms (p90 {_p90(ahead['typeahead']):.1f})")
    print(f"  ratio fresh/typeahead: {fresh_ms / ahead_ms:.0f}x")
    print("debounce: automatic request after every keystroke, same bursts and rhythm")
    print("  burst  keys  calls(no debounce)  calls(adaptive 150)  shown(no)  shown(adaptive)")
    for i, (a, b) in enumerate(zip(without, with_)):
        print(f"  {i:>5}  {a['keystrokes']:>4}  {a['model_calls']:>18}  {b['model_calls']:>19}  "
              f"{a['shown']:>9}  {b['shown']:>15}")
    calls_without = sum(r["model_calls"] for r in without)
    calls_with = sum(r["model_calls"] for r in with_)
    print(f"  model calls per burst: {calls_without / len(BURSTS):.1f} without vs {calls_with / len(BURSTS):.1f} "
          f"with debounce: {calls_without / max(calls_with, 1):.1f}x fewer")


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-9 * len(ordered) // 10) - 1)]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=len(PROMPTS))
    asyncio.run(main(parser.parse_args().prompts))
