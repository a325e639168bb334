"""A short soak (bench/soak.py with 1,500 messages): every request answered, the server alive,
stdout clean, and no unbounded growth of memory, threads or open files; latency does not drift."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_short_soak_has_bounded_growth(tmp_path):
    out = tmp_path / "soak.json"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "soak.py"), "--messages", "1500", "--json", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.is_file(), run.stdout[-2000:] + run.stderr[-2000:]
    report = json.loads(out.read_text())
    print(json.dumps({k: v for k, v in report.items() if k != "by_kind"}, indent=1))
    assert report["messages"] >= 1500 and report["alive_at_end"]
    assert report["unanswered_count"] == 0, report["unanswered_or_failed"]
    assert report["stray_stdout_bytes"] == 0
    assert report["model"]["state"] == "ready"
    # bounded growth after warm-up. 1,500 messages cannot tell a slow plateau from a small leak
    # (the 10,000-message run in docs/RELIABILITY.md does); these bounds catch a leak per request
    # of anything sizeable (a prompt's key/value cache is ~25 MB: 200 completions would be GBs)
    assert report["rss_mb"]["end"] - report["rss_mb"]["after_warmup"] < 400, report["rss_mb"]
    assert report["rss_slope_mb_per_1k_messages"] < 250, report["rss_series"]
    # worker pools start threads (and their SQLite connections) lazily, up to their bound
    assert report["threads"]["max"] - report["threads"]["after_warmup"] <= 8, report["threads"]
    assert report["fds"]["max"] - report["fds"]["after_warmup"] <= 16, report["fds"]
    # latency: the last fifth is not markedly slower than the first (loose: the CPU is shared)
    early, late = report["completion_latency"]["first_fifth"], report["completion_latency"]["last_fifth"]
    assert early["n"] > 10 and late["n"] > 10
    assert late["p50_ms"] < 3 * early["p50_ms"] + 500, (early, late)
    assert run.returncode == 0
