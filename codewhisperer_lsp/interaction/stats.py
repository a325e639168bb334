"""`codewhisperer-lsp stats`: the local usage metrics, read from the state folder."""

from __future__ import annotations

import json
import sys

from codewhisperer_lsp.interaction.metrics import FILE_NAME, load_summary
from codewhisperer_lsp.paths import state_dir


def _ms(value) -> str:
    return "-" if value is None else f"{value:.0f} ms"


def render(summary: dict) -> str:
    lat, ahead = summary["latencyMs"], summary["typeaheadLatencyMs"]
    lines = [
        f"Local usage metrics (kept on this machine only) since {summary['since'] or '-'}",
        f"  invocations          {summary['invocations']} ({summary['automatic']} automatic, "
        f"{summary['invoked']} manual)",
        f"  suggestions shown    {summary['suggestionsShown']}",
        f"  accepted             {summary['accepted']}",
        f"  acceptance rate      {summary['acceptanceRate']:.1%}",
        f"  model calls          {summary['modelCalls']}",
        f"  latency              p50 {_ms(lat['p50'])}, p90 {_ms(lat['p90'])}, p95 {_ms(lat['p95'])}, "
        f"p99 {_ms(lat['p99'])} ({lat['count']} answers)",
        f"  typeahead answers    {summary['outcomes']['typeahead']} (p50 {_ms(ahead['p50'])})",
        f"  active days          {summary['activeDays']} (last {summary['lastActiveDay'] or '-'})",
        "  outcomes             " + ", ".join(f"{k} {v}" for k, v in summary["outcomes"].items()),
    ]
    if summary["perLanguage"]:
        lines.append("  per language         invocations  shown  accepted  rate")
        for language, c in summary["perLanguage"].items():
            lines.append(f"    {language:<18} {c['invocations']:>11}  {c['shown']:>5}  {c['accepted']:>8}  "
                         f"{c['acceptanceRate']:.1%}")
    return "\n".join(lines)


def run(as_json: bool = False) -> int:
    summary = load_summary(state_dir() / FILE_NAME)
    summary.pop("collecting", None)  # a server setting, unknown from here
    print(json.dumps(summary, indent=2) if as_json else render(summary), file=sys.stdout)
    return 0
