"""Local metrics: counts, rates, percentiles, active days, the file, and `codewhisperer-lsp stats`."""

from __future__ import annotations

import datetime
import json
import stat
import time

import pytest

from codewhisperer_lsp import cli
from codewhisperer_lsp.interaction.metrics import (FILE_NAME, MAX_SAMPLES, Metrics, load_summary, merge, percentiles,
                                                   summary)
from codewhisperer_lsp.interaction.stats import render


class Clock:
    def __init__(self, day: str = "2026-03-02"):
        self.now = datetime.datetime.fromisoformat(day + "T12:00:00").timestamp()

    def __call__(self) -> float:
        return self.now


def metrics(tmp_path, clock=None, enabled=True) -> Metrics:
    return Metrics(tmp_path / FILE_NAME, enabled=enabled, clock=clock or Clock(), flush_delay_s=3600)


def test_counts_rate_and_languages(tmp_path):
    m = metrics(tmp_path)
    m.request("python", invoked=False, outcome="model", shown=1, latency_ms=120)
    m.request("python", invoked=True, outcome="model", shown=3, latency_ms=480)
    m.request("python", invoked=False, outcome="paused")
    m.request("go", invoked=False, outcome="typeahead", latency_ms=1.5)
    m.request("go", invoked=False, outcome="empty", latency_ms=90)
    m.accepted("python")
    m.count("modelCalls", amount=3)
    s = m.snapshot()
    assert (s["invocations"], s["automatic"], s["invoked"]) == (5, 4, 1)
    assert s["suggestionsShown"] == 2 and s["accepted"] == 1 and s["acceptanceRate"] == 0.5
    assert s["modelCalls"] == 3
    assert s["outcomes"]["paused"] == 1 and s["outcomes"]["typeahead"] == 1 and s["outcomes"]["model"] == 2
    assert s["perLanguage"]["python"] == {"invocations": 3, "shown": 2, "accepted": 1, "acceptanceRate": 0.5}
    assert s["perLanguage"]["go"]["shown"] == 0 and s["perLanguage"]["go"]["acceptanceRate"] == 0.0
    assert s["latencyMs"]["count"] == 3 and s["latencyMs"]["p50"] == 120 and s["latencyMs"]["p99"] == 480
    assert s["typeaheadLatencyMs"] == {"count": 1, "p50": 1.5, "p90": 1.5, "p95": 1.5, "p99": 1.5}
    assert s["activeDays"] == 1 and s["lastActiveDay"] == "2026-03-02" and s["since"] == "2026-03-02"


def test_percentiles_nearest_rank():
    samples = list(range(1, 101))
    assert percentiles(samples) == {"count": 100, "p50": 50, "p90": 90, "p95": 95, "p99": 99}
    assert percentiles([7.0]) == {"count": 1, "p50": 7.0, "p90": 7.0, "p95": 7.0, "p99": 7.0}
    assert percentiles([])["p50"] is None


def test_active_days_counted_once_per_day(tmp_path):
    clock = Clock()
    m = metrics(tmp_path, clock)
    m.request("python", False, "model", 1, 10)
    m.request("python", False, "model", 1, 10)
    clock.now += 86400 * 3
    m.request("python", False, "model", 1, 10)
    assert m.snapshot()["activeDays"] == 2 and m.snapshot()["lastActiveDay"] == "2026-03-05"


def test_collection_off_counts_nothing(tmp_path):
    m = metrics(tmp_path, enabled=False)
    m.request("python", False, "model", 1, 10)
    m.accepted("python")
    s = m.snapshot()
    assert s["collecting"] is False and s["invocations"] == 0 and s["accepted"] == 0
    assert m.flush() and not (tmp_path / FILE_NAME).exists()  # nothing written either


def test_flush_writes_a_user_only_file_that_a_restart_reads(tmp_path):
    m = metrics(tmp_path)
    m.request("python", False, "model", 1, 42)
    m.accepted("python")
    assert m.flush()
    path = tmp_path / FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = metrics(tmp_path)
    assert again.snapshot()["accepted"] == 1 and again.snapshot()["latencyMs"]["p50"] == 42
    assert load_summary(path)["invocations"] == 1


def test_two_servers_at_once_both_count(tmp_path):
    first, second = metrics(tmp_path), metrics(tmp_path)
    first.request("python", False, "model", 1, 10)
    second.request("go", True, "model", 2, 20)
    second.accepted("go")
    assert first.flush() and second.flush()
    first.request("python", False, "paused")
    assert first.flush()
    s = load_summary(tmp_path / FILE_NAME)
    assert s["invocations"] == 3 and s["accepted"] == 1 and set(s["perLanguage"]) == {"python", "go"}


def test_background_flush_happens_after_the_delay(tmp_path):
    m = Metrics(tmp_path / FILE_NAME, flush_delay_s=0.05)
    m.request("python", False, "model", 1, 10)
    for _ in range(100):
        if (tmp_path / FILE_NAME).exists():
            break
        time.sleep(0.02)
    assert load_summary(tmp_path / FILE_NAME)["invocations"] == 1
    m.close()


def test_failed_save_keeps_the_counts_for_later(tmp_path):
    (tmp_path / FILE_NAME).mkdir()  # a folder where the file should be
    m = metrics(tmp_path)
    m.request("python", False, "model", 1, 10)
    assert m.flush() is False
    (tmp_path / FILE_NAME).rmdir()
    assert m.flush() is True
    assert load_summary(tmp_path / FILE_NAME)["invocations"] == 1


def test_damaged_file_is_ignored_and_samples_are_bounded(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text(json.dumps({"counts": {"invocations": "many", "accepted": -3, "shown": True},
                                "latencyMs": ["x", *range(MAX_SAMPLES + 10)], "activeDays": [1, "2026-01-01"]}))
    s = load_summary(path)
    assert s["invocations"] == 0 and s["accepted"] == 0 and s["suggestionsShown"] == 0
    assert s["latencyMs"]["count"] == MAX_SAMPLES and s["activeDays"] == 1
    assert merge({}, {})["counts"] == {}


def test_stats_command_prints_the_file(tmp_path, monkeypatch, capsys):
    m = metrics(tmp_path)
    m.request("python", False, "model", 1, 100)
    m.request("python", False, "model", 1, 300)
    m.accepted("python")
    m.flush()
    monkeypatch.setenv("CODEWHISPERER_STATE_DIR", str(tmp_path))
    assert cli.main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "acceptance rate      50.0%" in out and "p50 100 ms" in out and "python" in out
    assert cli.main(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["invocations"] == 2 and data["accepted"] == 1 and data["acceptanceRate"] == 0.5
    assert data["latencyMs"]["p90"] == 300


def test_render_without_data():
    text = render(summary({}))
    assert "invocations          0" in text and "p50 -" in text


@pytest.mark.parametrize("rate_in,rate_out", [((3, 4), 0.75), ((0, 0), 0.0)])
def test_acceptance_rate(tmp_path, rate_in, rate_out):
    m = metrics(tmp_path)
    accepted, shown = rate_in
    for _ in range(shown):
        m.request("python", False, "model", 1, 10)
    for _ in range(accepted):
        m.accepted("python")
    assert m.snapshot()["acceptanceRate"] == rate_out
