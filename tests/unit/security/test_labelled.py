"""The labelled set of this project's own cases, in parts. On `tune` (the cases the rules
were written against) every category scores at least 0.5 (TPR - FPR), none below 0. The holdout
parts were each written before a round of rule changes and are not tuned on: their tables are
printed, and the test holds only a floor on each pooled score, so a rule change that breaks the
unseen cases broadly fails. Needs semgrep (set up by ./dev.sh setup)."""

import pytest

from codewhisperer_lsp.security.scan import SecurityScanner
from tests.unit.security.labelled import PARTS, cases, markdown, measure, totals

CLAIMED_FLOOR = 0.5
# pooled floors, a little under the score each holdout had when it was first scored
# (bench/results/security_compare.txt: holdout +0.94, holdout2 +0.75; holdout3 +0.94 in
# bench/results/outside_security_round3.txt; holdout4 +1.00 in bench/results/security_compare_round4.txt;
# holdout5 +1.00 in bench/results/outside_security_round5.txt)
HOLDOUT_POOLED_FLOORS = {"holdout": 0.85, "holdout2": 0.65, "holdout3": 0.85, "holdout4": 0.85, "holdout5": 0.85}


@pytest.fixture(scope="module")
def scanner():
    scanner = SecurityScanner()
    if "semgrep" in scanner.unavailable:
        pytest.fail(f"semgrep is needed for the taint rules: {scanner.unavailable['semgrep']}")
    return scanner


@pytest.mark.parametrize("part", PARTS)
def test_the_set_has_true_and_false_cases_side_by_side(part):
    per_folder: dict[tuple[str, str], set[str]] = {}
    for lang, category, path in cases(part):
        per_folder.setdefault((lang, category), set()).add(path.name.split("_", 1)[0])
    assert per_folder and all(kinds == {"vuln", "safe"} for kinds in per_folder.values()), per_folder


@pytest.mark.parametrize("part", [p for p in PARTS if p != "tune"])
def test_the_holdout_cases_are_not_copies_of_tune_cases(part):
    tune = {path.read_text() for _, _, path in cases("tune")}
    assert not [path for _, _, path in cases(part) if path.read_text() in tune]


def test_every_tune_category_scores_at_least_the_floor(scanner):
    table = measure(scanner, "tune")
    print("\n" + markdown(table))
    low = {key: (round(row.score, 2), row.wrong) for key, row in table.items() if row.score < CLAIMED_FLOOR}
    assert not low, low
    assert all(row.score >= 0 for row in table.values())


@pytest.mark.parametrize("part", sorted(HOLDOUT_POOLED_FLOORS))
def test_each_holdout_part_keeps_its_pooled_score(scanner, part):
    table = measure(scanner, part)
    print("\n" + markdown(table))
    pooled = totals(list(table.values()))
    floor = HOLDOUT_POOLED_FLOORS[part]
    assert pooled.score >= floor, (round(pooled.score, 2), {k: r.wrong for k, r in table.items() if r.wrong})
    assert all(row.score >= 0 for row in table.values()), {k: r.wrong for k, r in table.items() if r.score < 0}
