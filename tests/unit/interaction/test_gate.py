"""The suggestion gate: references and security findings checked before a candidate is returned."""

from __future__ import annotations

import inspect
import shutil
import sysconfig
import textwrap
from pathlib import Path

import pytest

from codewhisperer_lsp.interaction.gate import (PAD_LINES, GateRules, SuggestionGate, into_suggestion, lead_in,
                                                shift_references)
from codewhisperer_lsp.references.index import ReferenceIndex
from codewhisperer_lsp.security.scan import SecurityScanner

STDLIB = Path(sysconfig.get_paths()["stdlib"])
COPIED = "xs = sorted(values)\n"


def ref(start: int, end: int, license_name: str = "MIT") -> dict:
    return {"licenseName": license_name, "repository": "example/repo", "url": "https://example.org/a.py#L1-L9",
            "recommendationContentSpan": {"start": start, "end": end}, "information": "copied"}


def fake_find(text: str) -> list[dict]:
    index = text.find(COPIED)
    return [ref(index, index + len(COPIED))] if index >= 0 else []


def fake_check(language_id, before, suggestion, after) -> list[dict]:
    return [{"ruleId": "B602", "message": "shell=True", "severity": "HIGH"}] if "shell=True" in suggestion else []


GATE = SuggestionGate(fake_find, fake_check)


def test_clean_candidates_pass_untouched():
    verdict = GATE.review("python", "", "", ["return a + b\n", "return sum((a, b))\n"], GateRules())
    assert [c.text for c in verdict.kept] == ["return a + b\n", "return sum((a, b))\n"]
    assert all(not c.references and not c.findings for c in verdict.kept)


def test_references_are_attached_or_the_candidate_dropped():
    kept = GATE.review("python", "", "", [COPIED, "return 1\n"], GateRules()).kept
    assert kept[0].references[0]["recommendationContentSpan"] == {"start": 0, "end": len(COPIED)}
    refused = GATE.review("python", "", "", [COPIED, "return 1\n"], GateRules(allow_references=False))
    assert [c.text for c in refused.kept] == ["return 1\n"] and refused.dropped_with_references == 1


def test_insecure_dropped_for_a_clean_one_else_returned_with_findings():
    both = GATE.review("python", "", "", ["run(cmd, shell=True)\n", "run([cmd])\n"], GateRules())
    assert [c.text for c in both.kept] == ["run([cmd])\n"] and both.dropped_insecure == 1
    only = GATE.review("python", "", "", ["run(cmd, shell=True)\n"], GateRules())
    assert only.kept[0].findings[0]["ruleId"] == "B602"
    refused = GATE.review("python", "", "", ["run(cmd, shell=True)\n"], GateRules(return_insecure=False))
    assert refused.kept == [] and refused.dropped_insecure == 1
    unchecked = GATE.review("python", "", "", ["run(cmd, shell=True)\n"], GateRules(check_security=False))
    assert unchecked.kept[0].findings == ()


def test_an_index_that_cannot_answer_holds_back_what_could_match_and_shows_the_rest():
    """Under an organization's refusal, while the index is being built or locked: a suggestion long
    enough to reach the matcher's shortest run is held back unchecked; a short one is shown."""
    long_one = "for item in items:\n    total += item.price * item.count\n    seen.add(item.name)\n"
    before = "def total_of(items):\n    total = 0\n    seen = set()\n    "
    verdict = GATE.review("python", before, "", ["return", long_one], GateRules(allow_references=False,
                                                                               hold_unchecked=True))
    assert [c.text for c in verdict.kept] == ["return"] and verdict.held_unchecked == 1
    assert verdict.dropped_with_references == 0
    # the short one is not even looked up: nothing can be checked
    assert GATE.review("python", "", "", [COPIED], GateRules(hold_unchecked=True)).kept[0].references == ()


def test_a_failing_check_never_loses_the_suggestion():
    def broken(*args):
        raise RuntimeError("engine crashed")
    gate = SuggestionGate(broken, broken)
    assert [c.text for c in gate.review("python", "", "", ["x = 1\n"], GateRules()).kept] == ["x = 1\n"]


def test_lead_in_is_the_last_lines_before_the_cursor():
    before = "".join(f"line {i}\n" for i in range(40)) + "    partial"
    pad = lead_in(before)
    assert pad.startswith(f"line {40 - PAD_LINES}\n") and pad.endswith("    partial")
    assert lead_in("short") == "short"
    assert len(lead_in("x" * 5000)) <= 1500


def test_spans_move_into_the_suggestion():
    suggestion = "b = 2\nreturn a + b\n" + "z" * 50
    pad = "a = 1\n"
    moved = into_suggestion(ref(0, len(pad) + len(suggestion)), len(pad), suggestion)
    assert moved["recommendationContentSpan"] == {"start": 0, "end": len(suggestion)}
    assert into_suggestion(ref(0, len(pad)), len(pad), suggestion) is None  # only the user's own lines
    assert into_suggestion(ref(0, len(pad) + 3), len(pad), suggestion) is None  # 3 characters: not a copy
    short = "return total\n"
    assert into_suggestion(ref(0, len(pad) + len(short)), len(pad), short) is not None  # all of a short one
    tiny = "else:\n"
    assert into_suggestion(ref(0, len(pad) + len(tiny)), len(pad), tiny) is None  # too common to be a copy


def test_typeahead_shifts_spans():
    refs = (ref(2, 30),)
    assert shift_references(refs, 10, "r" * 40)[0]["recommendationContentSpan"] == {"start": 0, "end": 20}
    assert shift_references(refs, 30, "r" * 40) == ()


# --- the real index and the real scanner -------------------------------------------------------

@pytest.fixture(scope="module")
def real_gate(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("licensed")
    shutil.copy(STDLIB / "textwrap.py", corpus / "textwrap.py")
    index = ReferenceIndex(tmp_path_factory.mktemp("cache"), workers=0, include_stdlib=False,
                           include_installed=False,
                           extra_folders=[{"path": str(corpus), "license": "PSF-2.0",
                                           "url": "https://example.org/cpython/{path}"}])
    index.build().join()
    scanner = SecurityScanner()
    yield SuggestionGate(lambda text: [r.to_dict() for r in index.find_references(text)], scanner.check_suggestion)
    index.close()


def test_verbatim_copy_carries_its_reference_and_is_dropped_when_refused(real_gate):
    function = textwrap.dedent(inspect.getsource(textwrap.TextWrapper._split))
    before, body = function.split('"""', 1)[0], '"""' + function.split('"""', 1)[1]
    suggestion = body.split("\n", 1)[1]  # everything after the docstring's first line
    verdict = real_gate.review("python", "class W:\n" + before, "", [suggestion], GateRules())
    (candidate,) = verdict.kept
    (reference,) = candidate.references
    assert reference["licenseName"] == "PSF-2.0"
    assert reference["url"].startswith("https://example.org/cpython/textwrap.py#L")
    span = reference["recommendationContentSpan"]
    assert 0 <= span["start"] < span["end"] <= len(suggestion)
    assert suggestion[span["start"]:span["end"]].strip() in function
    refused = real_gate.review("python", "class W:\n" + before, "", [suggestion], GateRules(allow_references=False))
    assert refused.kept == [] and refused.dropped_with_references == 1


def test_short_ending_of_a_copied_function_is_caught_with_the_lines_before_it(real_gate):
    source = textwrap.dedent(inspect.getsource(textwrap.TextWrapper._fix_sentence_endings))
    lines = source.splitlines(keepends=True)
    before, suggestion = "".join(lines[:-2]), "".join(lines[-2:])
    assert real_gate.review("python", before, "", [suggestion], GateRules()).kept[0].references
    assert real_gate.review("python", "", "", [suggestion], GateRules()).kept[0].references == ()


def test_fresh_code_has_no_reference(real_gate):
    fresh = ("def tally_votes(ballots):\n    winners = {}\n    for ballot in ballots:\n"
             "        for name in ballot.split(','):\n            winners[name] = winners.get(name, 0) + 1\n"
             "    return max(winners, key=winners.get)\n")
    (candidate,) = real_gate.review("python", "", "", [fresh], GateRules()).kept
    assert candidate.references == () and candidate.findings == ()


def test_insecure_python_suggestion_is_caught_by_bandit(real_gate):
    before = "import subprocess\n\n\ndef run(command):\n    "
    insecure, clean = "return subprocess.call(command, shell=True)\n", "return subprocess.call([command])\n"
    verdict = real_gate.review("python", before, "", [insecure, clean], GateRules())
    assert [c.text for c in verdict.kept] == [clean] and verdict.dropped_insecure == 1
    alone = real_gate.review("python", before, "", [insecure], GateRules()).kept[0]
    assert any(f["ruleId"] == "B602" and f["line"] == 4 and "CWE-78" in f["cwe"] for f in alone.findings)
