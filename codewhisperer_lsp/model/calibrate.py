"""The default model for this machine, chosen once from a measurement and remembered.

`codewhisperer-lsp model choose` (and `model build`, once two models are built) loads every built
registered model the way the engine would (a larger one drafting with the small one), times a
warm single-line suggestion on a few fixed code prompts, and writes the choice to `choice.json`
next to the builds. The engine reads that file when the `model` setting is empty; it never
measures itself, since a measurement would compete with the user's typing for the cores.

The file counts only while it describes this machine and these builds: the CPU, the ONNX Runtime
providers and version, the device the engine would use, and each build's manifest. A changed
machine or a rebuilt model makes it stale, and the registry's default applies until it is
measured again.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import json
import logging
import os
import re
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.choose import TARGET_MS, Measurement, choose_default, explain, short_name
from codewhisperer_lsp.model.registry import default_model, get_model, model_names
from codewhisperer_lsp.paths import cache_dir

log = logging.getLogger(__name__)

CHOICE_FILE = "choice.json"
VERSION = 1

Report = Callable[[str], None]

# (file name, text before the cursor, text after it): code as it is being typed. The timed request
# is the keystroke that typed the last character before the cursor. The cursors sit where typing
# asks for suggestions of different lengths (a new line, mid-line, near the end of a line), so the
# median is a typical rest of a line (five to ten tokens), neither the shortest nor the longest.
# Three prompts keep a measurement of both models within about a minute on two cores.
PROMPTS: tuple[tuple[str, str, str], ...] = (
    ("inventory.py", '''"""Stock levels for the warehouse, read from the nightly CSV export."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Item:
    sku: str
    name: str
    quantity: int
    unit_price: float

    @property
    def value(self) -> float:
        return self.quantity * self.unit_price


def load_items(path: Path) -> list[Item]:
    items = []
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            items.append(Item(row["sku"], row["name"], int(row["quantity"]), float(row["unit_price"])))
    return items


def low_stock(items: list[Item], threshold: int = 5) -> list[Item]:
    """Items to reorder, the emptiest first."""
    found = [item for item in items if item.quantity < threshold]
    return sorted(found, key=lambda item: item.quantity)


def total_value(items: list[Item]) -> float:
    """What the stock is worth."""
    ''', '''

def by_sku(items: list[Item]) -> dict[str, Item]:
    return {item.sku: item for item in items}
'''),
    ("cart.ts", '''export interface Product {
  id: string;
  title: string;
  priceCents: number;
}

export interface Line {
  product: Product;
  quantity: number;
}

export class Cart {
  private lines: Map<string, Line> = new Map();

  add(product: Product, quantity = 1): void {
    const line = this.lines.get(product.id);
    if (line) {
      line.quantity += quantity;
    } else {
      this.lines.set(product.id, { product, quantity });
    }
  }

  remove(productId: string): boolean {
    return this.lines.delete(productId);
  }

  get count(): number {
    let count = 0;
    for (const line of this.lines.values()) {
      count += line.quantity;
    }
    return count;
  }

  totalCents(discountPercent = 0): number {
    let total = 0;
    for (const line of this.lines.values()) {
      total += line.''', '''
    }
    return Math.round(total * (1 - discountPercent / 100));
  }
}
'''),
    ("report.py", '''import argparse
import json
import statistics
import sys


def read_timings(path: str) -> list[float]:
    with open(path) as handle:
        return [float(line) for line in handle if line.strip()]


def summary(timings: list[float]) -> dict:
    ordered = sorted(timings)
    return {
        "count": len(ordered),
        "mean": statistics.mean(ordered),
        "p50": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
        "max": ordered[-1],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Summarise request timings.")
    parser.add_argument("path")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    stats = summary(read_timings(args.path))
    if args.json:
        json.dump(stats, sys.stdout, indent=2)
    else:
        for key, value in stats.items():
            print(f"{key:>6}: {val''', '''
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''),
)


class ChoiceError(Exception):
    """The choice file is unreadable or not a choice."""


@dataclass(frozen=True)
class Resolved:
    """The model the engine loads when the `model` setting is empty, and why."""
    model: str
    note: str  # for the status message: "chosen for this machine: ..." or why the registry's default
    chosen: bool  # True when it comes from a valid choice file


def choice_path(root: Path | None = None) -> Path:
    return (root or cache_dir()) / "models" / CHOICE_FILE


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith(("model name", "Model", "Hardware")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor() or platform.machine()


def machine() -> dict:
    """What a measurement depends on besides the builds; a choice from another machine is stale."""
    import onnxruntime as ort

    return {"cpu_count": os.cpu_count() or 1, "cpu": _cpu_model(),
            "providers": list(ort.get_available_providers()), "onnxruntime": ort.__version__}


def effective_device(device: str, providers: list[str]) -> str:
    """The device the engine's sessions ask for with the `device` setting on this machine."""
    return "cuda" if device in ("auto", "cuda") and "CUDAExecutionProvider" in providers else "cpu"


def _build_folder(name: str, device: str, root: Path | None) -> Path | None:
    """The build the engine would load for `name` (as engine.locate picks it), if one is there."""
    for target in (["cuda", "cpu"] if device in ("auto", "cuda") else ["cpu"]):
        folder = artifacts.build_dir(name, target, root)
        if (folder / artifacts.MANIFEST).is_file():
            return folder
    return None


def builds(device: str = "auto", root: Path | None = None) -> dict[str, str]:
    """{model: "target:sha256 of its manifest"} for every registered model with a build: cheap
    (the manifest holds every file's hash, so a rebuild changes it) and enough to see a change."""
    found = {}
    for name in model_names():
        folder = _build_folder(name, device, root)
        if folder is None:
            continue
        try:
            digest = hashlib.sha256((folder / artifacts.MANIFEST).read_bytes()).hexdigest()
        except OSError:
            continue
        found[name] = f"{folder.name.rsplit('-', 1)[-1]}:{digest}"
    return found


def best_first(names: list[str]) -> list[str]:
    """Registered models, the better first: the larger parameter count (from the name), and the
    registry's default (the small, fast one) last among equals."""
    def size(name: str) -> float:
        found = re.search(r"-(\d+(?:\.\d+)?)b(?:-|$)", name)
        return float(found.group(1)) if found else 0.0

    return sorted(names, key=lambda name: (-size(name), name == default_model(), name))


# --- reading and writing the file ---

def read_choice(path: Path | None = None) -> dict | None:
    """The stored choice, None when there is none; ChoiceError when it is there but unusable."""
    path = path or choice_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ChoiceError(f"{path} is unreadable ({exc})") from exc
    try:
        choice = json.loads(raw)
    except ValueError as exc:
        raise ChoiceError(f"{path} is not JSON ({exc})") from exc
    if not (isinstance(choice, dict) and choice.get("version") == VERSION
            and isinstance(choice.get("model"), str) and isinstance(choice.get("reason"), str)
            and isinstance(choice.get("machine"), dict) and isinstance(choice.get("models"), dict)
            and isinstance(choice.get("measurements"), list)):
        raise ChoiceError(f"{path} is not a model choice of this version")
    return choice


def write_choice(choice: dict, path: Path | None = None) -> Path:
    """Atomically (temp file, then rename) and readable by the user alone."""
    path = path or choice_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{CHOICE_FILE}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(choice, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def stale_because(choice: dict, device: str = "auto", root: Path | None = None) -> str | None:
    """Why a stored choice does not apply here and now, or None when it does."""
    here = machine()
    if choice.get("machine") != here:
        return "it was measured on another machine or ONNX Runtime"
    runs_on = effective_device(device, here["providers"])
    if choice.get("device") != runs_on:
        return f"it was measured on {choice.get('device')}, the engine runs on {runs_on}"
    if choice.get("models") != builds(device, root):
        return "the models were built again (or others built) since it was measured"
    if choice["model"] not in model_names():
        return f"{choice['model']} is no longer registered"
    return None


def resolve_default(device: str = "auto", root: Path | None = None) -> Resolved:
    """The model for an empty `model` setting: the stored choice when it matches this machine and
    the current builds, otherwise the registry's default. Never measures; never raises."""
    fallback = default_model()
    try:
        choice = read_choice(choice_path(root))
        if choice is None:
            return Resolved(fallback, "the registry's default: not measured on this machine "
                                      "(codewhisperer-lsp model choose)", False)
        why = stale_because(choice, device, root)
    except Exception as exc:  # a bad choice file must never stop the engine
        log.warning("ignoring the stored model choice: %s", exc)
        return Resolved(fallback, "the registry's default: the stored choice is unreadable", False)
    if why:
        log.info("the stored model choice does not apply: %s", why)
        return Resolved(fallback, f"the registry's default: the stored choice is stale ({why})", False)
    return Resolved(choice["model"], f"chosen for this machine: {choice['reason']}", True)


# --- measuring ---

def _prompts(generator, name: str) -> list[tuple[list[int], list[int]]]:
    """The fixed prompts as the completion pipeline lays them out, one keystroke apart."""
    from codewhisperer_lsp.completion import prompt as layout
    from codewhisperer_lsp.config import Settings

    spec = get_model(name)
    budget = Settings().maxPromptTokens
    pairs = []
    for path, before, after in PROMPTS:
        header = spec.file_header.format(path=path)
        ids = [layout.build(generator, spec.fim_template, header, prefix, after, True, budget).ids
               for prefix in (before[:-1], before)]
        pairs.append((ids[0], ids[1]))
    return pairs


def measure(device: str = "auto", threads: int = 0, report: Report = print) -> list[Measurement]:
    """Load each built registered model as the engine does and time it; one at a time, so a
    machine holds at most one large model (and its draft) in memory."""
    from codewhisperer_lsp.model.choose import attach_default_draft, measure_single_line
    from codewhisperer_lsp.model.engine import locate
    from codewhisperer_lsp.model.runtime import OnnxGenerator

    measurements = []
    for name in best_first(list(builds(device))):
        try:
            spec, folder = locate(name, "", device)
        except artifacts.ArtifactError as exc:
            report(f"skipping {name}: {exc}")
            continue
        started = time.monotonic()
        generator = OnnxGenerator(folder.path, device, threads)
        draft = attach_default_draft(generator, spec.name, device, threads)
        on = "cuda" if generator.provider.startswith("CUDA") else "cpu"
        # A larger model is timed with the small one drafting and with prompt lookup alone: which
        # is faster depends on the machine (on two CPU cores the draft model costs more than it saves).
        drafting = generator.draft
        for drafted in ((draft, None) if draft else (None,)):
            generator.draft = drafting if drafted else None
            p50 = measure_single_line(generator, _prompts(generator, spec.name), set(spec.stop_token_ids))
            measurements.append(Measurement(spec.name, round(p50, 1), on, drafted))
            report(f"measured {spec.name}{' + ' + drafted + ' draft' if drafted else ''} on {on}: "
                   f"p50 {p50:,.0f} ms ({time.monotonic() - started:.0f} s with the load)")
        del generator
        gc.collect()
    return measurements


def draft_wanted(model: str, device: str = "auto", root: Path | None = None) -> bool | None:
    """Whether `model` should draft with the small model on this machine, from the stored
    measurements (True/False: the faster way measured here); None when not measured here."""
    try:
        choice = read_choice(choice_path(root))
        if choice is None or stale_because(choice, device, root) is not None:
            return None
        times = {bool(m.get("draft")): m["p50_ms"] for m in choice["measurements"] if m.get("model") == model}
    except Exception as exc:  # a bad choice file must never stop the engine
        log.warning("ignoring the stored model measurements: %s", exc)
        return None
    if len(times) < 2:
        return None
    return times[True] < times[False]


def decide(measurements: list[Measurement], device: str, target_ms: float = TARGET_MS,
           root: Path | None = None) -> dict:
    """The choice record for `measurements` taken on this machine."""
    order = best_first([m.model for m in measurements])
    chosen = choose_default(measurements, order, target_ms)
    here = machine()
    return {
        "version": VERSION,
        "model": chosen.model,
        "reason": explain(measurements, chosen, order, target_ms),
        "targetMs": target_ms,
        "device": effective_device(device, here["providers"]),
        "measurements": [asdict(m) for m in measurements],
        "machine": here,
        "models": builds(device, root),
        "measuredAt": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }


def table(choice: dict) -> str:
    rows = [f"{'model':<32} {'draft':<32} {'device':<6} {'p50 ms':>8}"]
    for m in choice["measurements"]:
        rows.append(f"{m['model']:<32} {m.get('draft') or '-':<32} {m['device']:<6} {m['p50_ms']:>8,.0f}")
    rows.append(f"default for this machine: {choice['model']} ({choice['reason']})")
    return "\n".join(rows)


def choose(device: str = "auto", threads: int = 0, report: Report = print) -> dict | None:
    """Measure the built models, store the choice and print it; None when no model is built."""
    started = time.monotonic()
    measurements = measure(device, threads, report)
    if not measurements:
        report("no built model to measure: codewhisperer-lsp model build")
        return None
    choice = decide(measurements, device)
    path = write_choice(choice)
    report(table(choice))
    report(f"measured in {time.monotonic() - started:.0f} s; stored in {path}; an explicit `model` setting still wins")
    return choice


def ensure(device: str = "auto", report: Report = print) -> dict | None:
    """After a build: measure when two or more models are built and the stored choice is missing
    or stale; otherwise keep it (measuring takes the cores for up to a minute)."""
    if len(builds(device)) < 2:
        return None
    try:
        choice = read_choice()
    except ChoiceError as exc:
        report(f"the stored model choice is unusable ({exc}); measuring again")
        choice = None
    if choice is not None and stale_because(choice, device) is None:
        report(f"model choice up to date: {short_name(choice['model'])} ({choice['reason']})")
        return choice
    report("choosing the default model for this machine (measuring each built model, up to a minute)")
    return choose(device, report=report)
