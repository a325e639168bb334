"""Recall/precision per language on the labelled snippets, and bandit's functional examples."""

import pytest

from codewhisperer_lsp.security.scan import SecurityScanner
from tests.unit.security.corpus import CORPUS_LANGUAGES, DATA, bandit_functional_share, score_language


@pytest.fixture(scope="module")
def scanner():
    return SecurityScanner()


def test_every_language_has_a_labelled_set():
    assert len(CORPUS_LANGUAGES) >= 15
    for lang in CORPUS_LANGUAGES:
        names = [p.name for p in (DATA / lang).iterdir()]
        assert sum(n.startswith("vuln_") for n in names) >= 5, lang
        assert sum(n.startswith("safe_") for n in names) >= 5, lang


@pytest.mark.parametrize("language_id", CORPUS_LANGUAGES)
def test_recall_and_precision(scanner, language_id):
    score = score_language(scanner, language_id)
    assert score.recall >= 0.8, f"missed: {score.missed}"
    assert score.precision >= 0.9, f"false alarms: {score.false_alarms}"


def test_bandit_functional_examples_share():
    share, per_file = bandit_functional_share()
    missing = {name: hit_want for name, hit_want in per_file.items() if hit_want[0] < hit_want[1]}
    assert share >= 0.9, missing
