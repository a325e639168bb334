"""Finding -> Diagnostic conversion and the edit tracker."""

from lsprotocol import types

from codewhisperer_lsp.security.diagnostics import STALE_NOTE, FindingTracker, to_diagnostic
from codewhisperer_lsp.security.findings import Finding


def _finding(line=1, col=4, end_col=9, severity="HIGH"):
    return Finding("bandit", "B602", "shell=True", severity, "HIGH", (78,), line, col, line, end_col,
                   doc_url="https://example.org/b602")


def _change(sl, sc, el, ec, text):
    rng = types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))
    return types.TextDocumentContentChangePartial(range=rng, text=text)


def test_diagnostic_fields():
    d = to_diagnostic(_finding(), ["", "x = call()"])
    assert d.range == types.Range(start=types.Position(line=1, character=4), end=types.Position(line=1, character=9))
    assert (d.source, d.code, d.code_description.href) == ("bandit", "B602", "https://example.org/b602")
    assert "CWE-78" in d.message and d.data["cwe"] == [78]
    assert d.severity == types.DiagnosticSeverity.Error
    assert to_diagnostic(_finding(severity="MEDIUM"), ["", ""]).severity == types.DiagnosticSeverity.Warning
    assert to_diagnostic(_finding(severity="LOW"), ["", ""]).severity == types.DiagnosticSeverity.Information


def test_columns_become_utf16_units():
    line = "😀é call()"  # the emoji is 2 UTF-16 units, 1 str character
    d = to_diagnostic(_finding(line=0, col=3, end_col=7), [line])
    assert (d.range.start.character, d.range.end.character) == (4, 8)


def test_edit_above_moves_the_finding_down():
    tracker = FindingTracker("a\nx = call()\n", [_finding()])
    tracker.apply_change(_change(0, 0, 0, 0, "new line\nmore\n"))
    [(f, stale)] = tracker.findings()
    assert (f.start_line, f.start_col, stale) == (3, 4, False)
    assert tracker.lines[3] == "x = call()"


def test_deleting_lines_above_moves_it_up():
    tracker = FindingTracker("a\nb\nx = call()\n", [_finding(line=2)])
    tracker.apply_change(_change(0, 0, 2, 0, ""))
    [(f, stale)] = tracker.findings()
    assert (f.start_line, stale) == (0, False)


def test_edit_before_it_on_the_same_line_shifts_columns_utf16_aware():
    tracker = FindingTracker("a\nx = call()\n", [_finding()])
    tracker.apply_change(_change(1, 0, 1, 0, "😀"))  # inserted at UTF-16 column 0
    [(f, stale)] = tracker.findings()
    assert (f.start_col, f.end_col, stale) == (5, 10, False)


def test_editing_the_flagged_code_marks_it_for_rescan():
    tracker = FindingTracker("a\nx = call()\n", [_finding()])
    tracker.apply_change(_change(1, 5, 1, 6, "Z"))
    [(_, stale)] = tracker.findings()
    assert stale and STALE_NOTE in tracker.diagnostics()[0].message


def test_edit_below_changes_nothing_and_full_replace_marks_all_stale():
    tracker = FindingTracker("a\nx = call()\nb\n", [_finding()])
    tracker.apply_change(_change(2, 0, 2, 1, "bbb\nccc"))
    assert tracker.findings()[0] == (_finding(), False)
    tracker.apply_change(types.TextDocumentContentChangeWholeDocument(text="new"))
    assert tracker.findings()[0][1] is True
