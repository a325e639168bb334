"""Record the behavioural reference of a registered model from a known-good CPU build.

A maintainer's step, run once when a model is added or its recipe changes (never by the set-up):
    .venv/bin/python models/record_behaviour.py --name qwen2.5-coder-0.5b-instruct
It tokenizes models/behaviour/probes/* with the build's tokenizer and writes
models/behaviour/<name>.json: the token ids, and per position the greedy token, its margin over the
second choice and the log-probability of the actual next token.
"""

from __future__ import annotations

import argparse
import json
import sys

from tokenizers import Tokenizer

from codewhisperer_lsp.model import artifacts, behaviour
from codewhisperer_lsp.model.registry import default_model


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", default=default_model())
    args = parser.parse_args()
    folder = artifacts.verify(artifacts.build_dir(args.name, "cpu"), "build it first: codewhisperer-lsp model build").path
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    reference = behaviour.record(folder, args.name, lambda text: tokenizer.encode(text, add_special_tokens=False).ids)
    path = behaviour.reference_path(args.name)
    path.write_text(json.dumps(reference, separators=(",", ":")) + "\n")
    positions = sum(len(p["argmax"]) for p in reference["probes"])
    print(f"wrote {path.name}: {len(reference['probes'])} probes, {positions} positions, "
          f"mean log-probability {reference['mean_logprob']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
