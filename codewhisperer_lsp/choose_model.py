"""`codewhisperer-lsp model choose`: measure the built models on a few code prompts laid out as
the completion path lays them out, store the choice (model/choice_file.py) and print it.

Above the model package on purpose: the prompts (the fixtures below, and their layout from
completion/prompt.py) are the completion path's business; the model package only times whatever
token ids it is given (model/timing.py).
"""

from __future__ import annotations

import time
from typing import Callable

from codewhisperer_lsp.completion import prompt as layout
from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.model import choice_file
from codewhisperer_lsp.model.registry import get_model
from codewhisperer_lsp.model.selection import short_name
from codewhisperer_lsp.model.timing import measure

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


def keystroke_prompts(generator, name: str) -> list[tuple[list[int], list[int]]]:
    """The fixed prompts as the completion pipeline lays them out, one keystroke apart."""
    spec = get_model(name)
    budget = Settings().maxPromptTokens
    pairs = []
    for path, before, after in PROMPTS:
        header = spec.file_header.format(path=path)
        ids = [layout.build(generator, spec.fim_template, header, prefix, after, True, budget).ids
               for prefix in (before[:-1], before)]
        pairs.append((ids[0], ids[1]))
    return pairs


def table(choice: dict) -> str:
    rows = [f"{'model':<32} {'draft':<32} {'device':<6} {'p50 ms':>8}"]
    for m in choice["measurements"]:
        rows.append(f"{m['model']:<32} {m.get('draft') or '-':<32} {m['device']:<6} {m['p50_ms']:>8,.0f}")
    rows.append(f"default for this machine: {choice['model']} ({choice['reason']})")
    return "\n".join(rows)


def choose(device: str = "auto", threads: int = 0, report: Report = print) -> dict | None:
    """Measure the built models, store the choice and print it; None when no model is built."""
    started = time.monotonic()
    measurements = measure(keystroke_prompts, device, threads, report)
    if not measurements:
        report("no built model to measure: codewhisperer-lsp model build")
        return None
    choice = choice_file.decide(measurements, device)
    path = choice_file.write_choice(choice)
    report(table(choice))
    report(f"measured in {time.monotonic() - started:.0f} s; stored in {path}; an explicit `model` setting still wins")
    return choice


def ensure(device: str = "auto", report: Report = print) -> dict | None:
    """After a build: measure when two or more models are built and the stored choice is missing
    or stale; otherwise keep it (measuring takes the cores for up to a minute)."""
    if len(choice_file.builds(device)) < 2:
        return None
    try:
        choice = choice_file.read_choice()
    except choice_file.ChoiceError as exc:
        report(f"the stored model choice is unusable ({exc}); measuring again")
        choice = None
    if choice is not None and choice_file.stale_because(choice, device) is None:
        report(f"model choice up to date: {short_name(choice['model'])} ({choice['reason']})")
        return choice
    report("choosing the default model for this machine (measuring each built model, up to a minute)")
    return choose(device, report=report)
