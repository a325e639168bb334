"""The labelled set of this project's own cases: every category where the rules claim coverage
scores at least 0.5 (TPR - FPR), none below 0. Needs semgrep (set up by ./dev.sh setup)."""

import pytest

from codewhisperer_lsp.security.scan import SecurityScanner
from tests.unit.security.labelled import cases, markdown, measure

CLAIMED_FLOOR = 0.5


@pytest.fixture(scope="module")
def table():
    scanner = SecurityScanner()
    if "semgrep" in scanner.unavailable:
        pytest.fail(f"semgrep is needed for the taint rules: {scanner.unavailable['semgrep']}")
    return measure(scanner)


def test_the_set_has_true_and_false_cases_side_by_side():
    per_folder: dict[tuple[str, str], set[str]] = {}
    for lang, category, path in cases():
        per_folder.setdefault((lang, category), set()).add(path.name.split("_", 1)[0])
    assert per_folder and all(kinds == {"vuln", "safe"} for kinds in per_folder.values()), per_folder


def test_every_category_scores_at_least_the_floor(table):
    print("\n" + markdown(table))
    low = {key: (round(row.score, 2), row.wrong) for key, row in table.items() if row.score < CLAIMED_FLOOR}
    assert not low, low
    assert all(row.score >= 0 for row in table.values())
