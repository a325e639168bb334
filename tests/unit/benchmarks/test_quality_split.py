"""The committed split of the HumanEval problems into a tuning and a report part (bench/split.py)."""

from __future__ import annotations

import json

import pytest

from bench import split


def test_the_committed_file_is_the_rule_and_covers_every_problem_once():
    committed = split.load()
    assert sorted(committed) == list(range(164))
    assert set(committed.values()) == {"tune", "report"}
    assert committed == {number: split.part_by_rule(number) for number in range(164)}
    assert json.loads(split.SPLIT_FILE.read_text())["problems"] == split.build()["problems"]


def test_the_parts_are_disjoint_and_sized_by_the_rule():
    committed = split.load()
    tune = {n for n, part in committed.items() if part == "tune"}
    report = {n for n, part in committed.items() if part == "report"}
    assert not tune & report and tune | report == set(range(164))
    assert 0.3 < len(tune) / 164 < 0.5  # TUNE_PERCENT = 40, hashed


def test_the_rule_is_stable():
    # the assignment of these problems must never change: every figure in docs/ depends on it
    assert [split.part_by_rule(n) for n in range(8)] == [split.load()[n] for n in range(8)]
    assert split.part_by_rule(0) == "report" and split.part_by_rule(1) == "tune"


def test_every_language_shares_a_problem_number():
    committed = split.load()
    for prefix in ("HumanEval", "Python", "CPP", "Go", "Java", "JavaScript", "Rust"):
        assert split.in_part(f"{prefix}/1", committed[1], committed)
        assert not split.in_part(f"{prefix}/1", "report" if committed[1] == "tune" else "tune", committed)
        assert split.in_part(f"{prefix}/1", "all", committed)
    with pytest.raises(ValueError):
        split.number_of("not a task")
    with pytest.raises(ValueError):
        split.in_part("CPP/1", "train", committed)


def test_the_dataset_folder_is_an_argument_then_the_environment_then_beside_the_repository(monkeypatch, tmp_path):
    monkeypatch.delenv(split.DATASET_ENV, raising=False)
    default = split.dataset_dir()
    assert default.parts[-3:] == ("shared", "datasets", "humaneval-x")
    assert default.parent.parent.parent == split.SPLIT_FILE.parent.parent.parent.parent
    monkeypatch.setenv(split.DATASET_ENV, str(tmp_path))
    assert split.dataset_dir() == tmp_path
    assert split.dataset_dir("given") .name == "given"
